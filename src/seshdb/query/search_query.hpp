// The search language people type, turned into a safe FTS5 expression plus
// filters. Words are ANDed; "quoted phrases" (straight or smart quotes);
// prefix*; OR; -word and NOT word; parentheses; and field filters
// branch: project: section: severity: pr: commit: file: since: until:.
// Every word is quoted before it reaches FTS5, so `workflow-runner.ts`,
// `a:b` or a stray ^ can never cause an SQLite syntax error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seshdb::query {

struct SearchFilters {
  std::optional<std::string> branch;   // LIKE pattern
  std::optional<std::string> project;  // LIKE pattern
  std::optional<std::string> section;  // section kind
  std::optional<std::string> severity; // P0..P3
  std::optional<int> pr;
  std::optional<std::string> commit;   // hash prefix
  std::optional<std::string> file;     // path substring
  std::optional<std::string> since;    // YYYY-MM-DD
  std::optional<std::string> until;    // YYYY-MM-DD

  bool any_session_filter() const {
    return branch || section || severity || pr || commit || file || since || until;
  }
};

struct SearchQuery {
  std::string fts;                  // FTS5 MATCH expression; empty when only filters
  std::vector<std::string> terms;   // the positive words and phrases, for substring search
  bool has_cjk = false;             // terms the unicode61 tokenizer cannot split
  SearchFilters filters;
};

// `today` (YYYY-MM-DD) anchors relative dates (7d, 2w, 3m, 1y, yesterday).
// Throws seshdb::Error (exit 2) naming the problem and where it is.
SearchQuery parse_search_query(std::string_view text, const std::string& today);

// A date as typed in since:/until:/--since: YYYY-MM-DD, 7d, 2w, 3m, 1y,
// today, yesterday; nullopt when it is none of these.
std::optional<std::string> resolve_date(std::string_view text, const std::string& today);

// Normalises a severity as typed (p1, P1, critical, high...) to P0..P3.
std::optional<std::string> normalize_severity(std::string_view text);

// Normalises a section kind as typed (decisions, next-steps, todo...).
std::optional<std::string> normalize_section_kind(std::string_view text);

} // namespace seshdb::query
