// Migrations: the migrated schema equals schema/current.sql; a newer
// database is refused; migrating twice is a no-op.
#include "seshdb/errors.hpp"
#include "seshdb/store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace seshdb::store {
namespace {

std::string schema_dump(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                              "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  std::string dump;
  while (query.executeStep()) {
    for (int i = 0; i < 4; ++i) {
      dump += query.getColumn(i).getString();
      dump += i < 3 ? " | " : "\n";
    }
  }
  // FTS5 settings are rows, not schema, but part of what a migration builds.
  SQLite::Statement config(db, "SELECT k, v FROM sessions_fts_config ORDER BY k");
  while (config.executeStep()) {
    dump += "sessions_fts_config | " + config.getColumn(0).getString() + " = " + config.getColumn(1).getString() + "\n";
  }
  return dump;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  const auto& all = migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
  }
}

TEST(Migrations, EmptyDatabaseMigratesToExactlyTheCurrentSchemaSnapshot) {
  SQLite::Database migrated(":memory:", SQLite::OPEN_READWRITE);
  migrate(migrated);
  SQLite::Database snapshot(":memory:", SQLite::OPEN_READWRITE);
  snapshot.exec(read_text(std::string(SESHDB_SOURCE_DIR) + "/schema/current.sql"));
  EXPECT_EQ(schema_dump(migrated), schema_dump(snapshot));
  EXPECT_EQ(schema_version(migrated), latest_schema_version());
}

TEST(Migrations, SecondRunAppliesNothing) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  EXPECT_EQ(migrate(db), latest_schema_version());
  EXPECT_EQ(migrate(db), 0);
}

TEST(Migrations, NewerDatabaseIsRefusedWithDatabaseExitCode) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("PRAGMA user_version = 1000");
  try {
    migrate(db);
    FAIL() << "expected a DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), ExitCode::database);
    EXPECT_NE(std::string(e.what()).find("newer than this seshdb"), std::string::npos);
  }
}

} // namespace
} // namespace seshdb::store
