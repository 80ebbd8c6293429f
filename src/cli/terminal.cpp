#include "cli/terminal.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace seshdb::cli {

Style Style::for_stream(const std::string& mode, std::FILE* stream) {
  if (mode == "always") {
    return Style(true);
  }
  if (mode == "never") {
    return Style(false);
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return Style(false);
  }
  return Style(isatty(fileno(stream)) == 1);
}

void add_color_option(CLI::App& command, std::string& mode) {
  command.add_option("--color", mode, "Colour: auto (a terminal, unless NO_COLOR is set), always, never")
      ->default_val("auto")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

namespace {

std::string utc_now_formatted(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

} // namespace

std::string today_utc() {
  if (const char* fixed = std::getenv("SESHDB_TODAY"); fixed != nullptr && *fixed != '\0') {
    return fixed;
  }
  return utc_now_formatted("%Y-%m-%d");
}

std::string now_utc() {
  return utc_now_formatted("%Y-%m-%dT%H:%M:%SZ");
}

} // namespace seshdb::cli
