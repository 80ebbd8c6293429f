#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <unistd.h>

namespace seshdb::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string{};
}

} // namespace

std::filesystem::path Context::db_path() const {
  if (!db_flag.empty()) {
    return db_flag;
  }
  if (auto value = env("SESHDB_DB"); !value.empty()) {
    return value;
  }
  if (auto value = env("XDG_DATA_HOME"); !value.empty()) {
    return std::filesystem::path(value) / "seshdb" / "seshdb.db";
  }
  if (auto home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "seshdb" / "seshdb.db";
  }
  throw Error("cannot find a place for the database: neither HOME nor XDG_DATA_HOME is set; pass --db PATH");
}

void warn(Context& ctx, const std::string& message) {
  ctx.err << "seshdb: " << message << '\n';
}

void add_format_option(CLI::App& command, std::string& format) {
  std::string names;
  for (const auto& name : output::format_names()) {
    names += (names.empty() ? "" : "|") + name;
  }
  command.add_option("--format,-f", format, fmt::format("Output format: {}", names))
      ->default_val("table")
      ->check(CLI::IsMember(output::format_names()));
}

output::PrintOptions print_options(output::Format format, std::string command) {
  output::PrintOptions options;
  options.format = format;
  options.command = std::move(command);
  options.max_cell_width = isatty(STDOUT_FILENO) == 1 ? 60 : 0;
  return options;
}

output::Format resolve_format(const std::string& format) {
  if (auto parsed = output::parse_format(format)) {
    return *parsed;
  }
  throw Error(fmt::format("unknown --format '{}'", format));
}

} // namespace seshdb::cli
