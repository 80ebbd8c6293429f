// Review-finding severities: P0..P3 as written, or the words logs use for
// them (critical, high, important, medium, low, nice-to-have), normalised to
// a P-level. A label such as "**Critical Issues (P1 - Block Merge):**" gives
// the severity of each item of the list that follows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seshdb::parse {

struct Severity {
  std::string level; // P0..P3
  std::string label; // the words that gave it
};

// Whether the text writes a level P0-P3 as a word: a cheap test before the
// dearer readings of findings.
bool names_a_p_level(std::string_view text);

// A label line that introduces a list of findings; nullopt for anything
// else (a task's "Priority: High", a "CRITICAL - before using the app" banner).
std::optional<Severity> severity_of_label(std::string_view label);

// An item that carries its own severity: "P1: ...", "[P2] ...", "**P3** ...",
// "🔴 Critical: ..."; sets `title` to the rest.
std::optional<Severity> severity_of_item(std::string_view item, std::string& title);

// A heading that is one finding, not a label over a list of them: "P0 —
// Race between refill and consume", "[P1] Clock source is wall time"; sets
// `title` to the rest. "P1 Issues" and "Critical findings:" are labels.
std::optional<Severity> severity_of_finding_heading(std::string_view heading, std::string& title);

// A file's own legend: "Critical = P0", "P1 – Important", "🔴 Critical → P0",
// "| P2 | Nice-to-have |". Adds each word the line maps to a level, in
// lower case, to `legend`; a word it maps twice keeps the first.
// `in_legend`: the line is in the block under a legend heading ("## Legend"
// over "- Critical = P0"), where one pairing per line is a legend's entry.
void read_severity_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend,
                          bool in_legend = false);

// The level a file's legend gives a finding's label ("Critical", "🔴
// Critical:"), or nullopt when the label names a P-level itself or the
// legend says nothing of its word.
// A legend of coloured marks: "(Our convention: 🔴 = P0, 🟠 = P1, 🟡 = P2.)",
// "levels: 🔴 P0 · 🟠 P1 · 🟡 P2". Two pairs or more on the line; adds each
// mark and its level to `legend`.
void read_mark_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend);
// A legend of words or tags a file uses for its levels: "级别说明：致命 = P0，
// 严重 = P1", "`[MUST]` = P1, `[SHOULD]` = P2". Two pairs or more of
// distinct levels, each joined by "=", "→" or "->"; the usual level words
// ("Critical = P0") are read_severity_legend's. Adds "word:<word>" entries, which level_of_mark
// matches as a tag ("[must] x"), a label ("致命：x") or a whole table cell.
// A line holding one pairing and nothing else ("- Nghiêm trọng → P0") adds it
// to `lone_pairs` instead, for the caller to weigh with the file's others.
void read_word_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend,
                      std::vector<std::pair<std::string, std::string>>* lone_pairs = nullptr);
// Adds pairs found elsewhere (a legend table's rows), on the same terms.
void add_word_legend(std::vector<std::pair<std::string, std::string>> pairs,
                     std::vector<std::pair<std::string, std::string>>& legend);
// The level of a list item that opens with a mark the legend maps ("🟠 Broken
// anchors"), and the rest of its text after the mark.
struct MarkedLevel {
  std::string level;     // P0..P3
  std::string mark;      // "🟠"
  std::string_view rest; // the item's text after it
  bool word = false;      // a word or tag of the file's legend, not a coloured mark
};
std::optional<MarkedLevel> level_of_mark(std::string_view item,
                                         const std::vector<std::pair<std::string, std::string>>& legend);
// Whether the text has a coloured mark at all (cheap, for skipping).
bool has_level_mark(std::string_view text);

std::optional<std::string> level_from_legend(std::string_view label,
                                             const std::vector<std::pair<std::string, std::string>>& legend);

// An item whose severity closes it: "Null deref in parse() (high)", "Unused
// import — low", "Typo [P3]"; sets `title` to the rest. Only for items under
// a findings heading, where a trailing "(high)" cannot rank a task.
std::optional<Severity> trailing_severity(std::string_view item, std::string& title);

// A findings section whose title says it lists problems ("Review findings",
// "Bugs found", "Code review"), not any heading with "review" in it
// ("Sprint review"): where a closing "(high)" is a finding's level.
// "Opened PR #57. `/review` flagged:", "The reviewer raised:": a line that
// leads into what a review found.
bool introduces_review_findings(std::string_view line);

bool section_names_problems(std::string_view title);

// A heading over the file's key to its levels ("## Legend", "## Severity
// levels", "### Priority scale"): what is under it defines the levels, it
// names no finding.
bool names_a_legend(std::string_view title);

} // namespace seshdb::parse
