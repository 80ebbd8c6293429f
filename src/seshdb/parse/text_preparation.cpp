// prepare_text: the byte-level repairs done before any markdown is read.
#include "seshdb/parse/session_log_parser.hpp"
#include "seshdb/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace seshdb::parse {

namespace {

std::string decode_utf16(std::string_view raw, bool little_endian) {
  std::string out;
  out.reserve(raw.size());
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(raw[i]);
    const auto b = static_cast<unsigned char>(raw[i + 1]);
    return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
  };
  for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < raw.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    util::append_utf8(out, cp);
  }
  return out;
}

} // namespace

std::string prepare_text(std::string_view raw, std::vector<model::Diagnostic>& diagnostics) {
  std::string text;
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    text = decode_utf16(raw, raw[0] == '\xFF');
    diagnostics.push_back({model::DiagnosticLevel::warning, 0, "file is UTF-16; read it as such (save logs as UTF-8 to avoid this note)"});
  } else {
    if (raw.starts_with("\xEF\xBB\xBF")) {
      raw.remove_prefix(3);
    }
    text.assign(raw);
  }

  // Line ends: CRLF and lone CR (both CommonMark line endings) become LF, so
  // line numbers stay those an editor shows.
  std::size_t nul_count = 0;
  int first_nul_line = 0;
  // Most files have neither: then the copy below is skipped.
  if (text.find('\r') != std::string::npos || text.find('\0') != std::string::npos) {
    std::string out;
    out.reserve(text.size());
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\r') {
        out += '\n';
        ++line;
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
      } else if (c == '\0') {
        if (nul_count++ == 0) {
          first_nul_line = line;
        }
        out += "\xEF\xBF\xBD";
      } else {
        if (c == '\n') {
          ++line;
        }
        out += c;
      }
    }
    text = std::move(out);
  }
  if (nul_count > 0) {
    diagnostics.push_back({model::DiagnosticLevel::warning, first_nul_line,
                           fmt::format("{} NUL byte(s) replaced with U+FFFD; is this a text file?", nul_count)});
  }
  // Invalid UTF-8: find the first bad line for the warning, then repair all.
  const std::size_t first_bad = util::find_invalid_utf8(text);
  if (first_bad != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(first_bad), '\n'));
    const std::size_t replaced = util::make_valid_utf8(text);
    diagnostics.push_back({model::DiagnosticLevel::warning, line,
                           fmt::format("invalid UTF-8: {} byte sequence(s) replaced with U+FFFD (first here); "
                                       "re-save the file as UTF-8",
                                       replaced)});
  }
  return text;
}

} // namespace seshdb::parse
