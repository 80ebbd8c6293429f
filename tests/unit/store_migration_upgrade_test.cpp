// A database written at every earlier schema version opens with the current
// code, migrates, and keeps every row.
#include "seshdb/parse/session_log_parser.hpp"
#include "seshdb/store/database.hpp"
#include "seshdb/store/migrations.hpp"
#include "seshdb/store/writer.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace seshdb::store {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
  std::ifstream in(fs::path(SESHDB_SOURCE_DIR) / "fixtures" / name, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string row_counts(SQLite::Database& db) {
  std::string out;
  for (const char* table : {"sources", "sessions", "section_spans", "items", "fields", "commit_refs", "pr_refs", "issues",
                            "file_refs", "metrics"}) {
    out += std::string(table) + "=" + std::to_string(db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64()) + " ";
  }
  return out;
}

// The fixtures, written by today's writer into a database of the latest schema.
void write_fixtures(const fs::path& path) {
  auto db = open_database(path, OpenMode::create);
  Writer writer(*db);
  for (const char* name : {"journal-sessions.md", "tasks-and-tables.md", "chinese-log.md"}) {
    SourceFile file;
    file.path = std::string("/fixtures/") + name;
    file.project = "upgrade";
    const std::string text = fixture(name);
    file.content_hash = content_hash(text);
    file.size_bytes = static_cast<std::int64_t>(text.size());
    writer.write_source(file, parse::parse_session_log(text), 0, "2026-01-01T00:00:00Z", 1);
  }
}

// Copies every row of `latest` into the tables of an older schema, by the
// older tables' own column names (a table that became a view, like items,
// is read through the view), then rebuilds the FTS indexes.
void copy_rows_into_older_schema(SQLite::Database& db, const fs::path& latest) {
  db.exec("ATTACH DATABASE '" + latest.string() + "' AS latest");
  std::vector<std::string> tables;
  {
    SQLite::Statement list(db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                               "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'");
    while (list.executeStep()) {
      tables.push_back(list.getColumn(0).getString());
    }
  }
  for (const auto& table : tables) {
    std::string columns;
    SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table);
    while (info.executeStep()) {
      columns += (columns.empty() ? "" : ", ") + info.getColumn(0).getString();
    }
    db.exec("INSERT INTO main." + table + " (" + columns + ") SELECT " + columns + " FROM latest." + table);
  }
  db.exec("INSERT INTO sessions_fts(sessions_fts) VALUES('rebuild')");
  db.exec("INSERT INTO sources_fts(sources_fts) VALUES('rebuild')");
  db.exec("DETACH DATABASE latest");
}

std::string item_texts(SQLite::Database& db) {
  return db.execAndGet("SELECT group_concat(text, '|') FROM (SELECT text FROM items ORDER BY id)").getString();
}

TEST(MigrationUpgrade, EveryEarlierVersionMigratesWithNothingLost) {
  const fs::path latest = fs::temp_directory_path() / "seshdb-upgrade-latest.db";
  fs::remove(latest);
  write_fixtures(latest);
  for (int version = 1; version < latest_schema_version(); ++version) {
    const fs::path path = fs::temp_directory_path() / ("seshdb-upgrade-" + std::to_string(version) + ".db");
    fs::remove(path);
    std::string before;
    std::string texts_before;
    {
      SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("PRAGMA journal_mode = WAL");
      for (const auto& migration : migrations()) {
        if (migration.version > version) {
          break;
        }
        db.exec(std::string(migration.sql));
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
      }
      copy_rows_into_older_schema(db, latest);
      before = row_counts(db);
      texts_before = item_texts(db);
      ASSERT_EQ(schema_version(db), version);
    }
    auto db = open_database(path, OpenMode::read_write);
    EXPECT_EQ(schema_version(*db), latest_schema_version()) << "from version " << version;
    EXPECT_EQ(row_counts(*db), before) << "from version " << version;
    EXPECT_EQ(item_texts(*db), texts_before) << "from version " << version;
    EXPECT_GT(db->execAndGet("SELECT count(*) FROM v_timeline").getInt64(), 0);
    EXPECT_EQ(db->execAndGet("SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'importer'").getInt64() > 0, true);
    EXPECT_NO_THROW(db->exec("INSERT INTO sessions_fts(sessions_fts, rank) VALUES('integrity-check', 1)"));
    db.reset();
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
  }
  fs::remove(latest);
  fs::remove(latest.string() + "-wal");
  fs::remove(latest.string() + "-shm");
}

} // namespace
} // namespace seshdb::store
