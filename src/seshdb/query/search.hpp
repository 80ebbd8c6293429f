// Running a search: rank sessions with bm25 (two phases, so snippets are made
// only for the hits shown), find the line of the best match, and fall back to
// substring search for CJK text and code fragments the word index lacks.
#pragma once

#include "seshdb/query/search_query.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace seshdb::query {

enum class SearchSort { relevance, recent, oldest };

struct SearchOptions {
  SearchSort sort = SearchSort::relevance;
  int limit = 20;
  int offset = 0;
  bool all_hits = false;     // one row per matching section, not per session
  bool include_outside = true; // text outside sessions, when no session filter is set
};

struct SearchHit {
  std::int64_t session_id = 0; // 0 for text outside sessions
  std::string date;
  std::string start;
  std::string project;
  std::string branch;
  std::string title;
  std::string path;
  int line = 0;
  std::string section;  // --all-hits: the section's title
  std::string snippet;  // matched terms between \x01 and \x02
  double score = 0;
  bool substring = false; // found by substring scan, not the word index
};

std::vector<SearchHit> run_search(SQLite::Database& db, const SearchQuery& query, const SearchOptions& options);

std::int64_t count_search(SQLite::Database& db, const SearchQuery& query);

// An FTS5 expression given as is (--fts); SQLite's complaint becomes an Error.
SearchQuery raw_fts_query(const std::string& expression);

} // namespace seshdb::query
