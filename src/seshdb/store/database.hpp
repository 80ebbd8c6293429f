// Opening a seshdb database: the connection settings every command shares
// (WAL, foreign keys, busy timeout) and the schema check that refuses a
// database written by a newer seshdb. Commands declare how they open it.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

namespace seshdb::store {

enum class OpenMode {
  read_only,  // readers: search, ask, sql; never migrates, never creates
  read_write, // doctor: an existing database, migrated, never created
  create,     // writers: init, ingest; creates the file and migrates
  build,      // a private new file that a first ingest fills (see database_build.hpp):
              // a rollback journal, no syncs, locked until closed; WAL once published
};

// Opens (creating parent folders and the file for read_write) and brings the
// schema up to date. Throws DatabaseError with a message that says what to do.
std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path, OpenMode mode);

// Milliseconds a connection waits for a lock before giving up; long enough
// that a reader never sees "database is locked" while an ingest commits.
inline constexpr int k_busy_timeout_ms = 30000;

} // namespace seshdb::store
