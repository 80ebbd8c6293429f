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

std::string today_utc() {
  if (const char* fixed = std::getenv("SESHDB_TODAY"); fixed != nullptr && *fixed != '\0') {
    return fixed;
  }
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

} // namespace seshdb::cli
