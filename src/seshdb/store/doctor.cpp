#include "seshdb/store/doctor.hpp"

#include "seshdb/store/migrations.hpp"
#include "seshdb/store/secondary_indexes.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

namespace seshdb::store {

namespace {

// Table names come from this fixed list, never from the user, so formatting
// them into SQL is safe.
const std::vector<std::string> k_counted_tables = {
    "sources", "sessions", "section_spans", "items", "fields", "commit_refs",
    "pr_refs", "issues", "file_refs", "metrics",
};

std::string fts_problem(SQLite::Database& db, const std::string& index) {
  try {
    // rank = 1 also compares the index with its external content table.
    db.exec(fmt::format("INSERT INTO {0}({0}, rank) VALUES('integrity-check', 1)", index));
    return {};
  } catch (const SQLite::Exception& e) {
    return e.what();
  }
}

} // namespace

const std::vector<std::string>& fts_indexes() {
  static const std::vector<std::string> k_indexes = {"sessions_fts", "sources_fts"};
  return k_indexes;
}

DoctorReport check_database(SQLite::Database& db) {
  DoctorReport report;
  report.schema_version = schema_version(db);
  report.expected_schema_version = latest_schema_version();

  SQLite::Statement integrity(db, "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    if (line != "ok") {
      report.integrity_problems.push_back(std::move(line));
    }
  }
  for (const auto& index : fts_indexes()) {
    if (auto problem = fts_problem(db, index); !problem.empty()) {
      report.fts_problems.emplace_back(index, std::move(problem));
    }
  }
  for (const auto& index : missing_indexes(db)) {
    report.missing_indexes.push_back(index.name);
  }
  for (const auto& table : k_counted_tables) {
    const auto count = db.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64();
    report.row_counts.emplace_back(table, count);
  }
  return report;
}

std::vector<std::string> rebuild_fts_indexes(SQLite::Database& db) {
  std::vector<std::string> broken;
  for (const auto& index : fts_indexes()) {
    if (!fts_problem(db, index).empty()) {
      broken.push_back(index);
    }
  }
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& index : fts_indexes()) {
    db.exec(fmt::format("INSERT INTO {0}({0}) VALUES('rebuild')", index));
  }
  transaction.commit();
  return broken;
}

} // namespace seshdb::store
