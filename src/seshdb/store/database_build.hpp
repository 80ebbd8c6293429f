// A first ingest into a database file that does not exist yet builds it in a
// private file beside it ("<db>.building-<pid>") and moves it into place
// when complete. Nobody can read that file meanwhile, so it is written
// without WAL and without syncs: each page is written once instead of twice
// (into the WAL, then into the database), which made a 100 MiB first ingest
// about 15% faster (docs/benchmarks.md). It is also the safest way to make a
// large new database: until the move there is no database at the target at
// all, never a half-built one, whatever happens to the process or machine.
//
// Readers asking for the database meanwhile are told an ingest is building
// it. A build left by a killed ingest is removed by the next one.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>

namespace seshdb::store {

class DatabaseBuild {
public:
  // A build for `target` when it names a plain file that does not exist yet
  // (not ":memory:" or a URI); nullptr otherwise, and the caller opens the
  // target as usual. Removes builds left by ingests that are no longer running.
  static std::unique_ptr<DatabaseBuild> begin_if_new(const std::filesystem::path& target);

  DatabaseBuild(const DatabaseBuild&) = delete;
  DatabaseBuild& operator=(const DatabaseBuild&) = delete;
  ~DatabaseBuild(); // removes the private file unless it was published

  SQLite::Database& db() { return *m_db; }
  const std::filesystem::path& path() const { return m_path; }

  // Switches the built database to WAL, syncs it and moves it to the target.
  // False, and the build is discarded, when a database appeared at the target
  // meanwhile (another ingest or `seshdb init` made one): the caller then
  // writes into that one instead. Throws DatabaseError when the move fails.
  bool publish();

private:
  DatabaseBuild(std::filesystem::path target, std::filesystem::path path);

  std::filesystem::path m_target;
  std::filesystem::path m_path;
  std::unique_ptr<SQLite::Database> m_db;
  bool m_published = false;
};

// The process id of a running ingest that is building a database for
// `target`, if there is one.
std::optional<long> building_pid(const std::filesystem::path& target);

} // namespace seshdb::store
