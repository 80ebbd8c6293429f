// libFuzzer target: any typed query either parses into an FTS5 expression
// that SQLite accepts, or is refused with seshdb::Error. An SQLite syntax
// error, a crash or any other exception is a finding.
#include "seshdb/errors.hpp"
#include "seshdb/query/search_query.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

sqlite3* fts_database() {
  static sqlite3* db = [] {
    sqlite3* handle = nullptr;
    sqlite3_open(":memory:", &handle);
    sqlite3_exec(handle,
                 "CREATE VIRTUAL TABLE t USING fts5(title, branch, focus, body, tokenize='porter unicode61');"
                 "INSERT INTO t VALUES ('merge conflict', 'main', 'review', 'fixed workflow-runner.ts');",
                 nullptr, nullptr, nullptr);
    return handle;
  }();
  return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  seshdb::query::SearchQuery query;
  try {
    query = seshdb::query::parse_search_query(text, "2026-01-15");
  } catch (const seshdb::Error&) {
    return 0; // refused with a message: fine
  }
  if (query.fts.empty()) {
    return 0;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(fts_database(), "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt, nullptr) != SQLITE_OK) {
    std::abort();
  }
  sqlite3_bind_text(stmt, 1, query.fts.c_str(), static_cast<int>(query.fts.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) {
    // The generated expression is not valid FTS5: say which, for CI's report.
    std::fprintf(stderr, "invariant broken: FTS5 refused the expression %s built from %s\n", query.fts.c_str(), text.c_str());
    std::abort();
  }
  return 0;
}
