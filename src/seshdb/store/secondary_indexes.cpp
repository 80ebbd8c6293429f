#include "seshdb/store/secondary_indexes.hpp"

#include "seshdb/store/migrations.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <unordered_set>

namespace seshdb::store {

namespace {

std::vector<IndexDefinition> read_indexes(SQLite::Database& db) {
  std::vector<IndexDefinition> indexes;
  SQLite::Statement query(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                              "ORDER BY name");
  while (query.executeStep()) {
    indexes.push_back({query.getColumn(0).getString(), query.getColumn(1).getString()});
  }
  return indexes;
}

} // namespace

const std::vector<IndexDefinition>& schema_indexes() {
  static const std::vector<IndexDefinition> k_indexes = [] {
    SQLite::Database memory(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(memory);
    return read_indexes(memory);
  }();
  return k_indexes;
}

std::vector<IndexDefinition> missing_indexes(SQLite::Database& db) {
  std::unordered_set<std::string> present;
  for (auto& index : read_indexes(db)) {
    present.insert(std::move(index.name));
  }
  std::vector<IndexDefinition> missing;
  for (const auto& index : schema_indexes()) {
    if (present.count(index.name) == 0) {
      missing.push_back(index);
    }
  }
  return missing;
}

void drop_secondary_indexes(SQLite::Database& db) {
  // Names come from the migrations, never from the user.
  for (const auto& index : schema_indexes()) {
    db.exec(fmt::format("DROP INDEX IF EXISTS \"{}\"", index.name));
  }
}

std::vector<std::string> create_missing_indexes(SQLite::Database& db) {
  std::vector<std::string> created;
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Read inside the write lock: another ingest may have built them meanwhile.
  for (const auto& index : missing_indexes(db)) {
    db.exec(index.sql);
    created.push_back(index.name);
  }
  transaction.commit();
  return created;
}

} // namespace seshdb::store
