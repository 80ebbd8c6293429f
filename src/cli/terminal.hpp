// Colour on terminals: --color auto|always|never, NO_COLOR honoured for auto.
// Matches and paths stand out; with colour off, matches are [bracketed].
#pragma once

#include <cstdio>
#include <string>

namespace CLI {
class App;
}

namespace seshdb::cli {

class Style {
public:
  static Style for_stream(const std::string& mode, std::FILE* stream);
  static Style plain() { return Style(false); }

  std::string match_on() const { return m_color ? "\033[1;31m" : "["; }
  std::string match_off() const { return m_color ? "\033[0m" : "]"; }
  std::string bold(const std::string& text) const { return wrap("\033[1m", text); }
  std::string dim(const std::string& text) const { return wrap("\033[2m", text); }
  std::string path(const std::string& text) const { return wrap("\033[35m", text); }
  std::string branch(const std::string& text) const { return wrap("\033[36m", text); }
  bool color() const { return m_color; }

private:
  explicit Style(bool color) : m_color(color) {}
  std::string wrap(const char* code, const std::string& text) const {
    return m_color ? std::string(code) + text + "\033[0m" : text;
  }
  bool m_color;
};

void add_color_option(CLI::App& command, std::string& mode);

// Today's date (UTC) as YYYY-MM-DD; $SESHDB_TODAY overrides it, for tests and
// for asking "as of" a date.
std::string today_utc();

// Now (UTC) as ISO-8601, e.g. 2026-11-27T08:30:00Z.
std::string now_utc();

} // namespace seshdb::cli
