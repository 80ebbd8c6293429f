// `seshdb sql`: statements as the user writes them, with named parameters,
// read-only unless the caller allows writes. Read-only is enforced by an
// authorizer on this connection (not by inspecting text): writes, ATTACH,
// DETACH and pragmas that change things are refused before they run.
#pragma once

#include "seshdb/output/table.hpp"

#include <SQLiteCpp/Database.h>

#include <map>
#include <string>
#include <vector>

namespace seshdb::query {

struct SqlResult {
  output::ResultTable table; // empty columns for statements that return no rows
  int changes = 0;           // rows changed, with writes allowed
  bool returns_rows = false;
};

// Runs every statement in `sql` in order. Throws Error (exit 2) with SQLite's
// message for a bad statement, and for a refused write.
std::vector<SqlResult> run_sql(SQLite::Database& db, const std::string& sql,
                               const std::map<std::string, std::string>& params, bool allow_writes);

} // namespace seshdb::query
