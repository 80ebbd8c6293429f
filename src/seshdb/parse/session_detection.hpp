// Which headings, bold paragraphs and table rows start sessions, and where
// each session ends. See session_log_parser.hpp for the rules in prose.
#pragma once

#include "seshdb/parse/dates.hpp"
#include "seshdb/parse/markdown_blocks.hpp"

#include <optional>
#include <string>
#include <vector>

namespace seshdb::parse {

enum class StartKind { heading, bold, table_row, whole_file };

struct SessionStart {
  StartKind kind = StartKind::heading;
  int level = 0;           // heading level; 7 for bold paragraphs and table rows
  int line = 0;
  int line_end = 0;        // filled by find_session_starts
  std::string title;       // as written, markup removed
  std::string normalized;  // title with full-width characters made ASCII
  std::optional<DateMatch> date;
  std::optional<DateMatch> title_date; // the day of a dated title above it, for when the session gives none
  int table = 0;           // table id for table rows
  std::vector<std::string> cells;   // table rows: the cells
  std::vector<std::string> header;  // table rows: the header cells
  bool start_marker = false;        // "[...] Agent – START"
  int title_line = 0;               // whole-file sessions: the heading that gave the title, not a section
  bool another_day = false;         // "### 4th" under "## Tuesday 3": the next day, though written deeper
};

struct EndMarker {
  int line = 0;
  std::string normalized; // an "... – END" heading whose time closes the open START
};

struct Detection {
  std::vector<SessionStart> sessions; // ordered by line, with line_end set
  std::vector<EndMarker> end_markers;
  std::vector<std::pair<int, std::string>> rejected; // line, why a session-like line was not taken
  std::vector<std::pair<int, std::string>> problems; // line, what in a session heading was not understood
};

Detection find_session_starts(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines);

// "Next Session - 2025-03-10", "Weekly recap (…)", "… (planned)": a plan or
// a look back, dated, but no session worked in.
bool names_plan_or_look_back(std::string_view normalized);

// Unfilled template headings: "YYYY-MM-DD", "[日期：____]", "[Date]".
bool is_placeholder(std::string_view normalized);

} // namespace seshdb::parse
