#include "seshdb/query/search.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/util/embedded_files.hpp"
#include "seshdb/util/files.hpp"
#include "seshdb/util/named_queries.hpp"
#include "seshdb/util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace seshdb::query {

namespace {

const std::map<std::string, std::string>& search_sql() {
  static const std::map<std::string, std::string> k_sql = [] {
    for (const auto& file : embedded::files()) {
      if (file.name == "src/seshdb/query/sql/search.sql") {
        return util::split_named_queries(file.text);
      }
    }
    throw Fatal("embedded query/sql/search.sql is missing");
  }();
  return k_sql;
}

SQLite::Statement prepare(SQLite::Database& db, const std::string& name) {
  return SQLite::Statement(db, search_sql().at(name));
}

template <typename T>
void bind_optional(SQLite::Statement& s, const char* name, const std::optional<T>& value) {
  if (value) {
    s.bind(name, *value);
  } else {
    s.bind(name);
  }
}

void bind_filters(SQLite::Statement& s, const SearchFilters& f) {
  bind_optional(s, ":branch", f.branch);
  bind_optional(s, ":project", f.project);
  bind_optional(s, ":since", f.since);
  bind_optional(s, ":until", f.until);
  bind_optional(s, ":section", f.section);
  bind_optional(s, ":severity", f.severity);
  bind_optional(s, ":pr", f.pr);
  bind_optional(s, ":commit", f.commit);
  bind_optional(s, ":file", f.file);
}

const char* sort_name(SearchSort sort) {
  switch (sort) {
  case SearchSort::relevance: return "relevance";
  case SearchSort::recent: return "recent";
  case SearchSort::oldest: return "oldest";
  }
  return "relevance";
}

// SQLite's message for a MATCH it cannot parse, as a user error.
[[noreturn]] void bad_match(const SQLite::Exception& e) {
  throw Error(fmt::format("the search could not be run: {}; check the query (use quotes for exact text)", e.what()));
}

// 1-based line within `body` of the first \x01 marker; 0 when none.
int first_mark_line(const std::string& marked) {
  const auto at = marked.find('\x01');
  if (at == std::string::npos) {
    return 0;
  }
  return 1 + static_cast<int>(std::count(marked.begin(), marked.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// Lines (1-based within the text) that hold a marker.
std::vector<int> marked_lines(const std::string& marked) {
  std::vector<int> result;
  int line = 1;
  bool seen = false;
  for (char c : marked) {
    if (c == '\n') {
      ++line;
      seen = false;
    } else if (c == '\x01' && !seen) {
      result.push_back(line);
      seen = true;
    }
  }
  return result;
}

// The 1-based line within `body` of the snippet's first marked term, found by
// looking the snippet's text up in the body (FTS5 cuts snippets from the
// column text between token boundaries, so without its markers and
// ellipses it is a substring); 0 when it is not from the body (a title).
// This replaces highlighting the whole body just to find one line, which
// was most of a rare-word search's time.
int snippet_line(std::string_view body, std::string_view snippet) {
  constexpr std::string_view k_ellipsis = "…";
  std::string plain;
  plain.reserve(snippet.size());
  std::size_t mark = std::string::npos;
  for (char c : snippet) {
    if (c == '\x01') {
      if (mark == std::string::npos) {
        mark = plain.size();
      }
    } else if (c != '\x02') {
      plain += c;
    }
  }
  std::string_view text = plain;
  std::size_t cut = 0;
  if (text.starts_with(k_ellipsis)) {
    text.remove_prefix(k_ellipsis.size());
    cut = k_ellipsis.size();
  }
  if (text.ends_with(k_ellipsis)) {
    text.remove_suffix(k_ellipsis.size());
  }
  const auto at = text.empty() ? std::string_view::npos : body.find(text);
  if (at == std::string_view::npos) {
    return 0;
  }
  const std::size_t offset = at + (mark == std::string::npos || mark < cut ? 0 : std::min(mark - cut, text.size()));
  return 1 + static_cast<int>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// A substring snippet: the text around the first needle, with it marked.
std::string substring_snippet(const std::string& body, const std::vector<std::string>& needles, int& line) {
  const std::string lower = util::to_lower_ascii(body);
  std::size_t best = std::string::npos;
  std::size_t length = 0;
  for (const auto& needle : needles) {
    const auto at = lower.find(util::to_lower_ascii(needle));
    if (at != std::string::npos && at < best) {
      best = at;
      length = needle.size();
    }
  }
  if (best == std::string::npos) {
    line = 0;
    return util::truncate_display(util::single_line(body), 80);
  }
  line = 1 + static_cast<int>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(best), '\n'));
  std::size_t from = best > 60 ? best - 60 : 0;
  std::size_t to = std::min(body.size(), best + length + 60);
  while (from > 0 && (static_cast<unsigned char>(body[from]) & 0xC0) == 0x80) {
    --from;
  }
  while (to < body.size() && (static_cast<unsigned char>(body[to]) & 0xC0) == 0x80) {
    ++to;
  }
  std::string out = from > 0 ? "…" : "";
  out += body.substr(from, best - from) + "\x01" + body.substr(best, length) + "\x02" + body.substr(best + length, to - best - length);
  if (to < body.size()) {
    out += "…";
  }
  return util::single_line(out);
}

// The file line of the first match in text outside sessions: that text is
// stored without line numbers, so look the marked line up in the file.
int outside_line(const std::string& path, const std::string& marked) {
  const auto at = marked.find('\x01');
  if (at == std::string::npos) {
    return 0;
  }
  const auto begin = marked.rfind('\n', at);
  const auto end = marked.find('\n', at);
  std::string wanted = marked.substr(begin == std::string::npos ? 0 : begin + 1,
                                     end == std::string::npos ? std::string::npos : end - (begin == std::string::npos ? 0 : begin + 1));
  wanted.erase(std::remove_if(wanted.begin(), wanted.end(), [](char c) { return c == '\x01' || c == '\x02'; }), wanted.end());
  std::string error;
  auto bytes = util::read_file_bytes(path, error);
  if (!bytes) {
    return 0;
  }
  int line = 1;
  std::size_t pos = 0;
  const std::string_view needle = util::trim(wanted);
  while (pos <= bytes->size()) {
    auto next = bytes->find('\n', pos);
    const std::string_view text = std::string_view(*bytes).substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (util::trim(text) == needle) {
      return line;
    }
    if (next == std::string::npos) {
      break;
    }
    pos = next + 1;
    ++line;
  }
  return 0;
}

struct Marked {
  std::string body; // the whole body with every match marked; only for --all-hits
  std::string snippet;
};

struct Ranked {
  std::int64_t id;
  double score;
  std::optional<Marked> marked; // when the ranking query marked it already
};

std::vector<Ranked> rank_by_words(SQLite::Database& db, const SearchQuery& query, const SearchOptions& options, int limit) {
  std::vector<Ranked> ranked;
  const auto& f = query.filters;
  const bool unfiltered = !f.any_session_filter() && !f.project && options.sort == SearchSort::relevance;
  try {
    if (unfiltered) {
      const bool prefix = query.fts.find("\"*") != std::string::npos;
      auto s = prepare(db, prefix ? "rank_sessions_unfiltered_snippet" : "rank_sessions_unfiltered");
      s.bind(":match", query.fts);
      // A few extra rows, so ties at the cut can be broken by recency below.
      s.bind(":limit", limit < 0 ? -1 : limit + 16);
      s.bind(":offset", options.offset);
      while (s.executeStep()) {
        Ranked r{s.getColumn(0).getInt64(), s.getColumn(1).getDouble(), std::nullopt};
        if (prefix) {
          r.marked = Marked{std::string(), s.getColumn(2).getString()};
        }
        ranked.push_back(std::move(r));
      }
      // The extra rows matter only where they tie with the last row shown:
      // drop the rest before their details are read.
      if (limit > 0 && static_cast<int>(ranked.size()) > limit) {
        const double last_shown = ranked[static_cast<std::size_t>(limit) - 1].score;
        auto end = ranked.begin() + limit;
        while (end != ranked.end() && end->score <= last_shown) {
          ++end;
        }
        ranked.erase(end, ranked.end());
      }
      return ranked;
    }
    auto s = prepare(db, "rank_sessions");
    s.bind(":match", query.fts);
    bind_filters(s, query.filters);
    s.bind(":sort", sort_name(options.sort));
    s.bind(":limit", limit);
    s.bind(":offset", options.offset);
    while (s.executeStep()) {
      ranked.push_back({s.getColumn(0).getInt64(), s.getColumn(1).getDouble(), std::nullopt});
    }
  } catch (const SQLite::Exception& e) {
    bad_match(e);
  }
  return ranked;
}

std::vector<Ranked> rank_by_substring(SQLite::Database& db, const SearchQuery& query, const SearchOptions& options, int limit) {
  std::vector<Ranked> ranked;
  auto s = prepare(db, "scan_sessions");
  const char* names[] = {":needle1", ":needle2", ":needle3"};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i < query.terms.size()) {
      s.bind(names[i], query.terms[i]);
    } else {
      s.bind(names[i]);
    }
  }
  bind_filters(s, query.filters);
  s.bind(":sort", sort_name(options.sort));
  s.bind(":limit", limit);
  s.bind(":offset", options.offset);
  while (s.executeStep()) {
    ranked.push_back({s.getColumn(0).getInt64(), 0.0, std::nullopt});
  }
  return ranked;
}

} // namespace

SearchQuery raw_fts_query(const std::string& expression) {
  SearchQuery query;
  query.fts = expression;
  return query;
}

std::int64_t count_search(SQLite::Database& db, const SearchQuery& query) {
  if (query.fts.empty() || query.has_cjk) {
    SearchOptions options;
    options.limit = -1;
    return static_cast<std::int64_t>(rank_by_substring(db, query, options, -1).size());
  }
  try {
    auto s = prepare(db, "count_sessions");
    s.bind(":match", query.fts);
    bind_filters(s, query.filters);
    s.executeStep();
    return s.getColumn(0).getInt64();
  } catch (const SQLite::Exception& e) {
    bad_match(e);
  }
}

namespace {

// A ranked session with what the output needs to know of it.
struct Candidate {
  SearchHit hit;
  int line_start = 0;
  std::string body;
  std::string recency;
};

std::vector<Candidate> load_details(SQLite::Database& db, const std::vector<Ranked>& ranked, bool substring) {
  std::vector<Candidate> found;
  found.reserve(ranked.size());
  auto details = prepare(db, "session_details");
  for (const auto& r : ranked) {
    details.reset();
    details.bind(":id", r.id);
    if (!details.executeStep()) {
      continue;
    }
    Candidate c;
    c.hit.session_id = r.id;
    c.hit.date = details.getColumn(1).getString();
    c.hit.start = details.getColumn(2).getString();
    c.hit.project = details.getColumn(3).getString();
    c.hit.branch = details.getColumn(4).getString();
    c.hit.title = details.getColumn(5).getString();
    c.hit.path = details.getColumn(6).getString();
    c.line_start = details.getColumn(7).getInt();
    c.body = details.getColumn(8).getString();
    c.recency = details.getColumn(9).getString();
    c.hit.score = r.score;
    c.hit.substring = substring;
    found.push_back(std::move(c));
  }
  return found;
}

// Equal bm25 scores: the newer session first; then cut to the limit.
void break_ties_and_cut(std::vector<Candidate>& found, int limit) {
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.hit.score != b.hit.score) {
      return a.hit.score < b.hit.score;
    }
    return a.recency > b.recency;
  });
  if (limit >= 0 && static_cast<int>(found.size()) > limit) {
    found.resize(static_cast<std::size_t>(limit));
  }
}

// Snippets (and, for --all-hits, the marked body) of the sessions not marked
// yet, in one pass: a MATCH per hit would expand a prefix query once per hit.
void mark_hits(SQLite::Database& db, const SearchQuery& query, const std::vector<Candidate>& found, bool whole_body,
               std::map<std::int64_t, Marked>& marked) {
  std::string ids = "[";
  for (const auto& c : found) {
    auto it = marked.find(c.hit.session_id);
    if (it == marked.end() || (whole_body && it->second.body.empty())) {
      ids += (ids.size() > 1 ? "," : "") + std::to_string(c.hit.session_id);
    }
  }
  ids += "]";
  if (ids == "[]") {
    return;
  }
  auto s = prepare(db, whole_body ? "session_highlights" : "session_snippets");
  s.bind(":match", query.fts);
  s.bind(":ids", ids);
  while (s.executeStep()) {
    Marked& m = marked[s.getColumn(0).getInt64()];
    m.snippet = s.getColumn(1).getString();
    if (whole_body) {
      m.body = s.getColumn(2).getString();
    }
  }
}

struct SectionSpan {
  std::string title;
  int start, end;
};

// --all-hits: one row per section holding a match.
void add_section_hits(SQLite::Database& db, const Candidate& c, const std::string& marked_body, bool substring,
                      std::vector<SearchHit>& hits) {
  std::vector<int> lines;
  if (!substring) {
    lines = marked_lines(marked_body);
  } else {
    lines.push_back(c.hit.line - c.line_start + 1);
  }
  auto sections = prepare(db, "session_sections");
  sections.bind(":id", c.hit.session_id);
  std::vector<SectionSpan> spans;
  while (sections.executeStep()) {
    spans.push_back({sections.getColumn(0).getString(), sections.getColumn(2).getInt(), sections.getColumn(3).getInt()});
  }
  std::map<std::string, int> seen;
  for (int relative : lines) {
    const int absolute = c.line_start + relative - 1;
    std::string section_title = "(session head)";
    for (const auto& span : spans) {
      if (span.start <= absolute && absolute <= span.end) {
        section_title = span.title; // innermost wins: spans are in order
      }
    }
    if (seen.emplace(section_title, absolute).second) {
      SearchHit row = c.hit;
      row.line = absolute;
      row.section = section_title;
      // The marked line itself as the snippet.
      std::size_t begin = 0;
      for (int l = 1; l < relative; ++l) {
        begin = marked_body.find('\n', begin) + 1;
      }
      if (!substring) {
        const auto end = marked_body.find('\n', begin);
        row.snippet = util::single_line(marked_body.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
      }
      hits.push_back(std::move(row));
    }
  }
}

// All the statements of one search read one snapshot: the ranking, the
// details and the snippets agree even while an ingest commits, and the WAL
// read lock is taken once rather than once per statement (25 times for a
// page of 20 hits).
class ReadSnapshot {
public:
  explicit ReadSnapshot(SQLite::Database& db) : m_db(db), m_began(sqlite3_get_autocommit(db.getHandle()) != 0) {
    if (m_began) {
      m_db.exec("BEGIN");
    }
  }
  ~ReadSnapshot() {
    if (m_began && sqlite3_get_autocommit(m_db.getHandle()) == 0) {
      sqlite3_exec(m_db.getHandle(), "COMMIT", nullptr, nullptr, nullptr); // reads only: nothing to lose
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
  SQLite::Database& m_db;
  bool m_began;
};

} // namespace

std::vector<SearchHit> run_search(SQLite::Database& db, const SearchQuery& query, const SearchOptions& options) {
  ReadSnapshot snapshot(db);
  std::vector<Ranked> ranked;
  bool substring = query.fts.empty() || query.has_cjk;
  if (!substring) {
    ranked = rank_by_words(db, query, options, options.limit);
    // Nothing in the word index: try the words as substrings ("mrkt", "d5a09").
    if (ranked.empty() && !query.terms.empty() && options.offset == 0) {
      substring = true;
    }
  }
  if (substring) {
    ranked = rank_by_substring(db, query, options, options.limit);
  }

  std::map<std::int64_t, Marked> marked;
  for (auto& r : ranked) {
    if (r.marked) {
      marked[r.id] = std::move(*r.marked);
    }
  }
  std::vector<Candidate> found = load_details(db, ranked, substring);
  if (!options.all_hits && !substring && options.sort == SearchSort::relevance) {
    break_ties_and_cut(found, options.limit);
  }
  if (!substring) {
    mark_hits(db, query, found, options.all_hits, marked);
  }

  std::vector<SearchHit> hits;
  for (auto& c : found) {
    int in_body = 0;
    if (substring) {
      c.hit.snippet = substring_snippet(c.body, query.terms, in_body);
    } else if (auto it = marked.find(c.hit.session_id); it != marked.end()) {
      in_body = options.all_hits ? first_mark_line(it->second.body) : snippet_line(c.body, it->second.snippet);
      c.hit.snippet = util::single_line(it->second.snippet);
    }
    c.hit.line = in_body > 0 ? c.line_start + in_body - 1 : c.line_start;
    if (options.all_hits) {
      auto it = marked.find(c.hit.session_id);
      add_section_hits(db, c, it == marked.end() ? std::string() : it->second.body, substring, hits);
    } else {
      hits.push_back(std::move(c.hit));
    }
  }

  // Text outside sessions, when the query is about words only.
  if (options.include_outside && !query.fts.empty() && !query.has_cjk && !query.filters.any_session_filter() &&
      options.offset == 0 && options.sort == SearchSort::relevance) {
    try {
      auto outside = prepare(db, "rank_outside");
      outside.bind(":match", "outside_text : (" + query.fts + ")");
      bind_optional(outside, ":project", query.filters.project);
      outside.bind(":limit", options.limit);
      while (outside.executeStep()) {
        SearchHit hit;
        hit.path = outside.getColumn(1).getString();
        hit.project = outside.getColumn(2).getString();
        hit.score = outside.getColumn(3).getDouble();
        hit.snippet = util::single_line(outside.getColumn(4).getString());
        hit.title = "(outside sessions)";
        hit.line = outside_line(hit.path, outside.getColumn(5).getString());
        hits.push_back(std::move(hit));
      }
    } catch (const SQLite::Exception& e) {
      bad_match(e);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    if (static_cast<int>(hits.size()) > options.limit && options.limit >= 0 && !options.all_hits) {
      hits.resize(static_cast<std::size_t>(options.limit));
    }
  }
  return hits;
}

} // namespace seshdb::query
