// Forward-only schema migrations: migrations/NNNN_name.sql, embedded in the
// binary, applied in order, each in one IMMEDIATE transaction that also sets
// PRAGMA user_version to its number.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string_view>
#include <vector>

namespace seshdb::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every embedded migration, sorted by version; versions are 1, 2, 3... with no gaps.
const std::vector<Migration>& migrations();

// The schema version this binary writes.
int latest_schema_version();

int schema_version(SQLite::Database& db);

// Applies the missing migrations; returns how many ran. Throws DatabaseError
// when the database is newer than this binary.
int migrate(SQLite::Database& db);

// Refuses a database newer than this binary (exit 3) with one clear line.
void check_not_newer(SQLite::Database& db, std::string_view path);

} // namespace seshdb::store
