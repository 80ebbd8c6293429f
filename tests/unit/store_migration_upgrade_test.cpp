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

TEST(MigrationUpgrade, EveryEarlierVersionMigratesWithNothingLost) {
  for (int version = 1; version < latest_schema_version(); ++version) {
    const fs::path path = fs::temp_directory_path() / ("seshdb-upgrade-" + std::to_string(version) + ".db");
    fs::remove(path);
    std::string before;
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
      Writer writer(db);
      for (const char* name : {"journal-sessions.md", "tasks-and-tables.md", "chinese-log.md"}) {
        SourceFile file;
        file.path = std::string("/fixtures/") + name;
        file.project = "upgrade";
        const std::string text = fixture(name);
        file.content_hash = content_hash(text);
        file.size_bytes = static_cast<std::int64_t>(text.size());
        writer.write_source(file, parse::parse_session_log(text), 0, "2026-01-01T00:00:00Z", 1);
      }
      before = row_counts(db);
      ASSERT_EQ(schema_version(db), version);
    }
    auto db = open_database(path, OpenMode::read_write);
    EXPECT_EQ(schema_version(*db), latest_schema_version()) << "from version " << version;
    EXPECT_EQ(row_counts(*db), before) << "from version " << version;
    EXPECT_GT(db->execAndGet("SELECT count(*) FROM v_timeline").getInt64(), 0);
    EXPECT_EQ(db->execAndGet("SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'importer'").getInt64() > 0, true);
    db.reset();
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
  }
}

} // namespace
} // namespace seshdb::store
