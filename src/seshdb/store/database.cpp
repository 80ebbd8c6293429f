#include "seshdb/store/database.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/store/database_build.hpp"
#include "seshdb/store/migrations.hpp"

#include <fmt/format.h>
#include <fmt/std.h>
#include <sqlite3.h>

#include <system_error>

namespace seshdb::store {

namespace {

void ensure_parent_exists(const std::filesystem::path& path) {
  const auto parent = path.parent_path();
  if (parent.empty()) {
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    throw DatabaseError(fmt::format("{}: cannot create the database folder: {}", parent.string(), ec.message()));
  }
}

bool looks_like_sqlite(SQLite::Database& db) {
  try {
    db.execAndGet("SELECT count(*) FROM sqlite_schema");
    return true;
  } catch (const SQLite::Exception&) {
    return false;
  }
}

// Process-wide SQLite settings, applied before the library initialises
// (sqlite3_config refuses them afterwards, harmlessly). Memory statistics
// take a global mutex on every malloc and free; seshdb never reads them, and
// the lock showed as 3% of an ingest in perf.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

} // namespace

std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path, OpenMode mode) {
  configure_sqlite_once();
  const std::string name = path.string();
  std::unique_ptr<SQLite::Database> db;
  try {
    if (mode == OpenMode::read_only || mode == OpenMode::read_write) {
      if (!std::filesystem::exists(path)) {
        if (const auto pid = building_pid(path)) {
          throw DatabaseError(fmt::format("{}: no database here yet; an ingest (pid {}) is building it, and it appears "
                                          "here complete when that ingest ends",
                                          name, *pid));
        }
        // A build moved into place between the two looks is there now.
        if (!std::filesystem::exists(path)) {
          throw DatabaseError(
              fmt::format("{}: no database here yet; run `seshdb ingest PATH` (or `seshdb init`) first", name));
        }
      }
      // NOMUTEX: a connection is only ever used by the thread that opened it,
      // so SQLite's per-call mutex is pure cost (6% of an ingest in perf).
      const int flags = (mode == OpenMode::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
      db = std::make_unique<SQLite::Database>(name, flags, k_busy_timeout_ms);
    } else {
      ensure_parent_exists(path);
      db = std::make_unique<SQLite::Database>(name, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                                              k_busy_timeout_ms);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("{}: cannot open the database: {}", name, e.what()));
  }

  // SQLite quietly opens a write-protected file read-only; a writer must say so now.
  if (mode != OpenMode::read_only && sqlite3_db_readonly(db->getHandle(), "main") == 1) {
    throw DatabaseError(fmt::format("{}: the database is read-only (check the file's and folder's permissions); "
                                    "this command needs to write",
                                    name));
  }
  if (!looks_like_sqlite(*db)) {
    throw DatabaseError(fmt::format("{}: not a SQLite database (or it is damaged); point --db at another file", name));
  }
  check_not_newer(*db, name);

  try {
    db->exec("PRAGMA foreign_keys = ON");
    if (mode != OpenMode::read_only) {
      // 8 KiB pages waste less on session bodies of a few KiB; it only takes
      // effect on a new, empty database, before WAL is switched on.
      if (schema_version(*db) == 0) {
        db->exec("PRAGMA page_size = 8192");
      }
      if (mode == OpenMode::build) {
        // No reader can see this file until it is published, so it needs no
        // WAL, and no sync until then: a crash loses only the file itself.
        // The rollback journal stays, so a failed batch still rolls back.
        db->exec("PRAGMA journal_mode = TRUNCATE");
        db->exec("PRAGMA synchronous = OFF");
        db->exec("PRAGMA locking_mode = EXCLUSIVE");
      } else {
        // WAL lets readers keep answering while an ingest writes.
        db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = NORMAL");
      }
      migrate(*db);
    } else if (schema_version(*db) < latest_schema_version()) {
      throw DatabaseError(fmt::format(
          "{}: database schema version {} is older than this seshdb's ({}); run `seshdb init` or `seshdb ingest` to upgrade it",
          name, schema_version(*db), latest_schema_version()));
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("{}: {}", name, e.what()));
  }
  return db;
}

} // namespace seshdb::store
