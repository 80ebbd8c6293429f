// Parsing one session log: text in, model plus diagnostics out. No I/O, no
// SQL, never throws on input (only std::bad_alloc can escape).
//
// How sessions are found, in short: a heading (at any level) that carries a
// date, or reads "Session N", starts a session; so do bold-label paragraphs
// and table rows that carry dates, when no heading session encloses them.
// A dated heading nested inside a session is a subsection unless the file
// also uses that heading level for sessions; a dated heading that encloses
// two or more others is a document title. A session runs to the next one or
// to a heading of its own level or above that is not a known section.
#pragma once

#include "seshdb/model/session_log.hpp"

#include <string>
#include <string_view>

namespace seshdb::parse {

struct ParseOptions {
  // Zone for sessions whose file never names one (--tz); empty means UTC.
  std::string default_zone;
  // The file's name ("2025-06-01.md"): a date in it makes an otherwise
  // undated file one session of that day (daily notes, dated archives).
  std::string file_name;
};

model::ParsedLog parse_session_log(std::string_view input, const ParseOptions& options = {});

// Prepares raw bytes for parsing: UTF-16 decoded, BOM removed, CRLF and CR
// to LF, NUL and invalid UTF-8 replaced by U+FFFD. Adds a warning for each
// kind of repair.
std::string prepare_text(std::string_view raw, std::vector<model::Diagnostic>& diagnostics);

} // namespace seshdb::parse
