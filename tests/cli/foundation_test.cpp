// The CLI frame: database location, init, doctor, version refusal, exit codes.
#include "cli_runner.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

namespace seshdb::testing {
namespace {

TEST(CliPath, DbFlagWinsOverEnvironment) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("SESHDB_DB=/elsewhere.db \"$SESHDB\" --db /x/flag.db path");
  EXPECT_EQ(result.rc, 0);
  EXPECT_EQ(result.out, "/x/flag.db\n");
}

TEST(CliPath, EnvironmentVariableWinsOverXdg) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("SESHDB_DB=/env/s.db \"$SESHDB\" path");
  EXPECT_EQ(result.out, "/env/s.db\n");
}

TEST(CliPath, DefaultsToXdgDataHome) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("\"$SESHDB\" path");
  EXPECT_EQ(result.out, "$TMP/xdg/seshdb/seshdb.db\n");
}

TEST(CliPath, FallsBackToHomeLocalShare) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("env -u XDG_DATA_HOME \"$SESHDB\" path");
  EXPECT_EQ(result.out, "$TMP/.local/share/seshdb/seshdb.db\n");
}

TEST(CliInit, CreatesParentFoldersAndContractTables) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("\"$SESHDB\" --db \"$TMP/a/b/c.db\" init");
  ASSERT_EQ(result.rc, 0) << result.err;
  SQLite::Database db((sandbox.dir() / "a/b/c.db").string());
  for (const char* table : {"sources", "sessions", "sections", "items", "commit_refs", "pr_refs", "issues",
                            "file_refs", "metrics", "fields", "sessions_fts"}) {
    EXPECT_EQ(db.execAndGet(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'").getInt(), 1)
        << table;
  }
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(CliInit, FtsDeclarationIsDetectableBySqliteUtils) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("init").rc, 0);
  SQLite::Database db(sandbox.db().string());
  // The exact form sqlite-utils and Datasette look for with LIKE.
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_fts' "
                          "AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"sessions\"%'")
                .getInt(),
            1);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%content=\"sessions\"%'").getInt(), 1)
      << "only sessions_fts may name sessions as its content table";
}

TEST(CliDoctor, SaysOkOnAFreshDatabase) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("init").rc, 0);
  const auto result = sandbox.seshdb("doctor");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("integrity check: ok"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("fts indexes:     ok"), std::string::npos) << result.out;
  EXPECT_TRUE(result.out.ends_with("ok\n"));
}

TEST(CliDoctor, FailsAndPointsAtRepairWhenTheFtsIndexIsOutOfSync) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("init").rc, 0);
  {
    SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO sources(id, path, content_hash, size_bytes, ingested_at, parser_version) "
            "VALUES (1, 'x.md', 'h', 1, 'now', 1)");
    // A session written behind seshdb's back: sessions_fts does not know it.
    db.exec("INSERT INTO sessions(id, source_id, ordinal, title, line_start, line_end, body) "
            "VALUES (1, 1, 1, 'alpha', 1, 1, 'hello world')");
  }
  auto result = sandbox.seshdb("doctor");
  EXPECT_EQ(result.rc, 3);
  EXPECT_NE(result.out.find("seshdb doctor --repair"), std::string::npos) << result.out;

  result = sandbox.seshdb("doctor --repair");
  EXPECT_EQ(result.rc, 0) << result.out;
  EXPECT_NE(result.out.find("repaired:        sessions_fts"), std::string::npos) << result.out;
  SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'hello'").getInt(), 1);
}

TEST(CliDatabase, NewerSchemaIsRefusedWithOneLineAndExit3) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("init").rc, 0);
  {
    SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  for (const char* command : {"doctor", "init"}) {
    const auto result = sandbox.seshdb(command);
    EXPECT_EQ(result.rc, 3) << command;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find("newer than this seshdb"), std::string::npos) << result.err;
  }
}

TEST(CliDatabase, FileThatIsNotSqliteGetsExit3) {
  CliSandbox sandbox;
  write_file(sandbox.db(), std::string(4096, 'x'));
  const auto result = sandbox.seshdb("doctor");
  EXPECT_EQ(result.rc, 3);
  EXPECT_NE(result.err.find("not a SQLite database"), std::string::npos) << result.err;
}

TEST(CliUsage, UnknownSubcommandIsExit2WithOneLine) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("\"$SESHDB\" frobnicate");
  EXPECT_EQ(result.rc, 2);
  EXPECT_TRUE(result.err.starts_with("seshdb: error: ")) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

} // namespace
} // namespace seshdb::testing
