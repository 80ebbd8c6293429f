// Health checks of a seshdb database (`seshdb doctor`): schema version,
// SQLite's integrity_check, the FTS indexes checked against their content
// tables, missing secondary indexes, and row counts; plus the repairs that
// rebuild the FTS indexes and build the missing indexes.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace seshdb::store {

struct DoctorReport {
  int schema_version = 0;
  int expected_schema_version = 0;
  std::vector<std::string> integrity_problems; // empty when PRAGMA integrity_check says ok
  std::vector<std::pair<std::string, std::string>> fts_problems; // index -> message
  std::vector<std::string> missing_indexes; // secondary indexes a killed bulk load left unbuilt
  std::vector<std::pair<std::string, std::int64_t>> row_counts;  // table -> rows

  bool ok() const {
    return schema_version == expected_schema_version && integrity_problems.empty() && fts_problems.empty() &&
           missing_indexes.empty();
  }
};

DoctorReport check_database(SQLite::Database& db);

// The FTS indexes seshdb keeps, each external-content over one table.
const std::vector<std::string>& fts_indexes();

// Rebuilds every FTS index from its content table; returns the names of the
// indexes that failed their check before the rebuild.
std::vector<std::string> rebuild_fts_indexes(SQLite::Database& db);

} // namespace seshdb::store
