// A first ingest into a database file that does not exist yet builds it in a
// private file beside it ("<db>.building-<boot>-<pid>") and moves it into
// place when complete. Nobody can read that file meanwhile, so it is written
// without WAL and without syncs: each page is written once instead of twice
// (into the WAL, then into the database), which made a 100 MiB first ingest
// about 10% faster (docs/benchmarks.md). Until the move there is no database
// at the target at all, never a half-built one.
//
// The builder holds an flock on its file for as long as it runs; that, not
// the pid in the name, is how others tell a live build from a dead one (a
// pid may be reused, or belong to another pid namespace). A build whose
// ingest died (a second Ctrl-C, SIGKILL, a closed terminal) is taken over by
// the next ingest into the same target, which finishes it: the files it
// committed are not written again. One left by an earlier boot is deleted
// instead, since without syncs a power cut may have left it damaged.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>

namespace seshdb::store {

class DatabaseBuild {
public:
  // A build for `target` when nothing is there yet (no file but an empty one,
  // no symlink, WAL or journal) and it is a plain path (not ":memory:" or a
  // URI); nullptr otherwise, and the caller opens the target as usual.
  static std::unique_ptr<DatabaseBuild> begin_if_new(const std::filesystem::path& target);

  DatabaseBuild(const DatabaseBuild&) = delete;
  DatabaseBuild& operator=(const DatabaseBuild&) = delete;
  ~DatabaseBuild(); // an unpublished build stays for the next ingest to take over

  SQLite::Database& db() { return *m_db; }
  const std::filesystem::path& path() const { return m_path; }
  // True when this build continues one a dead ingest left.
  bool resumed() const { return m_resumed; }

  // Switches the built database to WAL, syncs it and moves it to the target
  // (over an empty file, such as the sqlite3 shell leaves when pointed at a
  // missing database). False, and the build is deleted, when a database appeared at the target
  // meanwhile (another ingest or `seshdb init` made one): the caller then
  // writes into that one instead. Throws DatabaseError when the move fails.
  bool publish();

private:
  DatabaseBuild(std::filesystem::path target, std::filesystem::path path, int lock_fd, bool resumed);

  std::filesystem::path m_target;
  std::filesystem::path m_path;
  int m_lock_fd = -1; // holds the flock; closed only after the connection
  bool m_resumed = false;
  std::unique_ptr<SQLite::Database> m_db;
};

// The process id of a running ingest that is building a database for
// `target`, if there is one.
std::optional<long> building_pid(const std::filesystem::path& target);

} // namespace seshdb::store
