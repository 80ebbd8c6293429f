// `seshdb sql`: read-only by default, one clear line for every refusal and
// error, parameters bound (never spliced), and --write when asked.
#include "cli_runner.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

namespace seshdb::testing {
namespace {

class CliSql : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md --project fixtures -q").rc, 0);
  }
  std::int64_t sessions() {
    SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM sessions").getInt64();
  }
  CliSandbox sandbox;
};

TEST_F(CliSql, RefusesEveryKindOfWriteWithoutWrite) {
  for (const char* statement : {"DELETE FROM sessions", "DROP TABLE sessions", "INSERT INTO sources(path) VALUES ('x')",
                                "ATTACH DATABASE '/tmp/seshdb-attack.db' AS a", "PRAGMA writable_schema = ON",
                                "UPDATE sessions SET title = 'x'", "CREATE TABLE t(x)", "ALTER TABLE sessions ADD COLUMN x"}) {
    const auto result = sandbox.seshdb(std::string("sql \"") + statement + "\"");
    EXPECT_EQ(result.rc, 2) << statement;
    EXPECT_TRUE(result.err.starts_with("seshdb: error: refused: ")) << statement << ": " << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
  EXPECT_EQ(sessions(), 44);
}

TEST_F(CliSql, BadStatementIsOneLineWithSqlitesMessage) {
  const auto result = sandbox.seshdb("sql \"SELEC 1\"");
  EXPECT_EQ(result.rc, 2);
  EXPECT_EQ(result.err, "seshdb: error: SQL error: near \"SELEC\": syntax error\n");
}

TEST_F(CliSql, ParametersAreBoundNotSpliced) {
  const auto result = sandbox.seshdb("sql -p b=\"x' OR 1=1; DROP TABLE sessions; --\" \"SELECT count(*) AS n FROM sessions WHERE branch = :b\" --format csv");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(result.out, "n\n0\n");
  EXPECT_EQ(sessions(), 44);
  const auto missing = sandbox.seshdb("sql \"SELECT :nope\"");
  EXPECT_EQ(missing.rc, 2);
  EXPECT_NE(missing.err.find("--param nope=VALUE"), std::string::npos) << missing.err;
}

TEST_F(CliSql, ReadsStatementsFromStdinAndFile) {
  auto result = sandbox.shell("echo 'SELECT count(*) AS n FROM v_timeline' | \"$SESHDB\" --db \"$DB\" sql - --format csv");
  EXPECT_EQ(result.out, "n\n44\n");
  write_file(sandbox.dir() / "q.sql", "SELECT 1 AS a; SELECT 2 AS b;");
  result = sandbox.seshdb("sql --file \"$TMP/q.sql\" --format csv");
  EXPECT_EQ(result.out, "a\n1\nb\n2\n");
}

TEST_F(CliSql, WriteIsAllowedWhenAsked) {
  const auto result = sandbox.seshdb("sql --write \"DELETE FROM sessions WHERE ordinal > 1\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.err.find("row(s) changed"), std::string::npos);
  EXPECT_LT(sessions(), 44);
}

TEST_F(CliSql, FtsMatchWorksFromSqlAndTheStockShell) {
  auto result = sandbox.seshdb("sql \"SELECT count(*) AS n FROM sessions_fts WHERE sessions_fts MATCH 'importer'\" --format csv");
  EXPECT_EQ(result.rc, 0) << result.err;
  const auto shell = sandbox.shell("sqlite3 \"$DB\" \"SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'importer'; "
                                   "SELECT snippet(sessions_fts, 3, '[', ']', '...', 5) FROM sessions_fts "
                                   "WHERE sessions_fts MATCH 'importer' ORDER BY bm25(sessions_fts) LIMIT 1;\"");
  EXPECT_EQ(shell.rc, 0) << shell.err;
  EXPECT_EQ("n\n" + shell.out.substr(0, shell.out.find('\n') + 1), result.out);
  EXPECT_NE(shell.out.find("[import"), std::string::npos) << shell.out; // porter: importer -> import
}

TEST_F(CliSql, SqliteUtilsFindsTheFtsIndex) {
  const auto result = sandbox.shell("sqlite-utils search \"$DB\" sessions importer -c title --limit 1 --csv");
  if (result.rc == 127) {
    FAIL() << "sqlite-utils is not installed; scripts/install-deps installs it";
  }
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("Session:"), std::string::npos) << result.out;
}

TEST_F(CliSql, SchemaCommandPrintsTheDocumentation) {
  const auto result = sandbox.shell("\"$SESHDB\" schema");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.out.find("## sessions"), std::string::npos);
  const auto sql = sandbox.shell("\"$SESHDB\" schema --sql");
  EXPECT_NE(sql.out.find("CREATE VIEW v_findings"), std::string::npos);
}

} // namespace
} // namespace seshdb::testing
