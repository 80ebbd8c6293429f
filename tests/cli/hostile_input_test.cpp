// Hostile input, one test each (docs/reliability.md has the table): nothing
// crashes, every problem is one clear line, and the database stays intact.
#include "cli_runner.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace seshdb::testing {
namespace {

namespace fs = std::filesystem;

std::int64_t count(const fs::path& db, const std::string& sql) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  return connection.execAndGet(sql).getInt64();
}

bool doctor_ok(const CliSandbox& sandbox) {
  const auto result = sandbox.seshdb("doctor");
  return result.rc == 0 && result.out.ends_with("ok\n");
}

TEST(HostileInput, EmptyFile) {
  CliSandbox sandbox;
  write_file(sandbox.dir() / "empty.md", "");
  const auto result = sandbox.seshdb("ingest \"$TMP/empty.md\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.err.find("empty.md: warning: file is empty"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources"), 1);
}

TEST(HostileInput, WhitespaceOnly) {
  CliSandbox sandbox;
  write_file(sandbox.dir() / "blank.md", " \n\t\n   \r\n");
  const auto result = sandbox.seshdb("ingest \"$TMP/blank.md\"");
  EXPECT_EQ(result.rc, 0);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 0);
}

TEST(HostileInput, NulBytesMeanBinaryAndAreSkipped) {
  CliSandbox sandbox;
  write_file(sandbox.dir() / "nul.md", std::string("## 2025-01-01 x\0\0\0", 19));
  const auto result = sandbox.seshdb("ingest \"$TMP/nul.md\"");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.err.find("binary file (NUL bytes); skipped"), std::string::npos) << result.err;
}

TEST(HostileInput, InvalidUtf8IsRepairedWithOneWarning) {
  CliSandbox sandbox;
  write_file(sandbox.dir() / "latin1.md", "## 2025-01-01 caf\xe9\nna\xefve \xff\n");
  const auto result = sandbox.seshdb("ingest \"$TMP/latin1.md\"");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.err.find("latin1.md:1: warning: invalid UTF-8"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions WHERE body LIKE '%caf' || char(65533) || '%'"), 1);
}

TEST(HostileInput, Utf16WithBomIsDecoded) {
  CliSandbox sandbox;
  const std::string text = "## 2025-03-04 utf16\nPR #7 merged\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  write_file(sandbox.dir() / "utf16.md", utf16);
  const auto result = sandbox.seshdb("ingest \"$TMP/utf16.md\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM pr_refs WHERE number = 7"), 1);
}

TEST(HostileInput, FiftyMegabyteSingleLine) {
  CliSandbox sandbox;
  {
    std::ofstream out(sandbox.dir() / "wide.md", std::ios::binary);
    out << "## 2025-01-01 wide\n";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 50; ++i) {
      out << chunk;
    }
    out << "\n";
  }
  const auto result = sandbox.seshdb("ingest \"$TMP/wide.md\" --json");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 1);
  EXPECT_TRUE(doctor_ok(sandbox));
}

TEST(HostileInput, TenThousandSessionsInOneFile) {
  CliSandbox sandbox;
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += "## Session " + std::to_string(i + 1) + " (2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) +
            ")\nCommit: " + std::to_string(1000000 + i) + "a\n\n";
  }
  write_file(sandbox.dir() / "many.md", text);
  const auto result = sandbox.seshdb("ingest \"$TMP/many.md\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 10000);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM commit_refs"), 10000);
}

TEST(HostileInput, TenThousandLevelNestedList) {
  CliSandbox sandbox;
  std::string line;
  for (int i = 0; i < 10000; ++i) {
    line += "- ";
  }
  write_file(sandbox.dir() / "deep.md", "## 2025-01-01 deep\n" + line + "bottom\n");
  const auto result = sandbox.seshdb("ingest \"$TMP/deep.md\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 1);
}

TEST(HostileInput, UnterminatedCodeFence) {
  CliSandbox sandbox;
  write_file(sandbox.dir() / "fence.md", "## 2025-01-01 a\n```\n## 2025-01-02 swallowed\n");
  const auto result = sandbox.seshdb("ingest \"$TMP/fence.md\"");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.err.find("fence.md:2: warning: code fence is never closed"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 1);
}

TEST(HostileInput, HundredThousandFilesInOneTree) {
  CliSandbox sandbox;
  const auto root = sandbox.dir() / "tree";
  for (int d = 0; d < 100; ++d) {
    const auto dir = root / ("d" + std::to_string(d));
    fs::create_directories(dir);
    for (int f = 0; f < 1000; ++f) {
      std::ofstream(dir / ("f" + std::to_string(f) + ".md")) << "## 2025-01-01 n" << f << "\n";
    }
  }
  const auto result = sandbox.seshdb("ingest \"$TMP/tree\" --json");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("\"files_scanned\": 100000"), std::string::npos) << result.out;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 100000);
  const auto again = sandbox.seshdb("ingest \"$TMP/tree\" --json");
  EXPECT_NE(again.out.find("\"unchanged\": 100000"), std::string::npos) << again.out;
}

TEST(HostileInput, SymlinkLoopDoesNotHang) {
  CliSandbox sandbox;
  fs::create_directories(sandbox.dir() / "loop" / "a");
  write_file(sandbox.dir() / "loop" / "a" / "x.md", "## 2025-01-01 x\n");
  fs::create_directory_symlink(sandbox.dir() / "loop", sandbox.dir() / "loop" / "a" / "back");
  fs::create_directory_symlink(sandbox.dir() / "loop" / "a", sandbox.dir() / "loop" / "self");
  const auto result = sandbox.seshdb("ingest \"$TMP/loop\" --json");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.out.find("\"files_scanned\": 1"), std::string::npos) << result.out;
}

// Root reads every file, so the unreadable and read-only cases run as nobody,
// with a copy of the binary in the (world-readable) sandbox: the checkout may
// sit in a folder nobody cannot enter.
std::string as_nobody(const CliSandbox& sandbox, const std::string& command) {
  if (getuid() != 0) {
    return command;
  }
  const auto copy = sandbox.dir() / "seshdb-for-nobody";
  fs::copy_file(SESHDB_BINARY, copy, fs::copy_options::overwrite_existing);
  fs::permissions(copy, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  return "SESHDB=\"$TMP/seshdb-for-nobody\"; runuser -u nobody -- " + command;
}

TEST(HostileInput, UnreadableFileIsOneLineAndTheRestIsIngested) {
  CliSandbox sandbox;
  fs::permissions(sandbox.dir(), fs::perms::all);
  write_file(sandbox.dir() / "secret.md", "## 2025-01-01 secret\n");
  write_file(sandbox.dir() / "open.md", "## 2025-01-02 open\n");
  fs::permissions(sandbox.dir() / "secret.md", fs::perms::none);
  const auto result = sandbox.shell(as_nobody(sandbox, "\"$SESHDB\" --db \"$TMP/nobody.db\" ingest \"$TMP/secret.md\" \"$TMP/open.md\""));
  EXPECT_EQ(result.rc, 2) << result.err;
  EXPECT_NE(result.err.find("secret.md: cannot read: Permission denied"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.dir() / "nobody.db", "SELECT count(*) FROM sessions"), 1);
}

TEST(HostileInput, FifoIsSkipped) {
  CliSandbox sandbox;
  fs::create_directories(sandbox.dir() / "logs");
  ASSERT_EQ(mkfifo((sandbox.dir() / "logs" / "pipe.md").c_str(), 0644), 0);
  const auto result = sandbox.seshdb("ingest \"$TMP/logs\"");
  EXPECT_EQ(result.rc, 0);
  EXPECT_NE(result.err.find("pipe.md: a FIFO; skipped"), std::string::npos) << result.err;
}

TEST(HostileInput, PathThatVanishesIsReportedAndTheRestIngested) {
  CliSandbox sandbox;
  fs::create_directories(sandbox.dir() / "logs");
  write_file(sandbox.dir() / "logs" / "kept.md", "## 2025-01-01 kept\n");
  write_file(sandbox.dir() / "gone.md", "## 2025-01-02 gone\n");
  // Listed, then gone before it is read: a link whose target disappears.
  fs::create_symlink(sandbox.dir() / "gone.md", sandbox.dir() / "logs" / "vanishing.md");
  fs::remove(sandbox.dir() / "gone.md");
  const auto result = sandbox.seshdb("ingest \"$TMP/logs\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.err.find("vanishing.md: No such file or directory"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 1);
}

TEST(HostileInput, FullDiskLeavesTheDatabaseIntactAndSaysSo) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES/journal-sessions.md\" -q").rc, 0);
  std::string big;
  for (int i = 0; i < 4000; ++i) {
    big += "## 2025-02-01 s" + std::to_string(i) + "\n" + std::string(400, 'x') + " word" + std::to_string(i) + "\n";
  }
  write_file(sandbox.dir() / "big.md", big);
  // A file-size limit makes every write past 1 MiB fail as a full disk would.
  const auto result = sandbox.shell("trap '' XFSZ; ulimit -f 1024; \"$SESHDB\" --db \"$DB\" ingest \"$TMP/big.md\"");
  EXPECT_EQ(result.rc, 3) << result.err;
  EXPECT_NE(result.err.find("keep their previous state"), std::string::npos) << result.err;
  EXPECT_TRUE(doctor_ok(sandbox));
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 7);
}

TEST(HostileInput, ReadOnlyDatabaseServesSearchAndSql) {
  CliSandbox sandbox;
  fs::permissions(sandbox.dir(), fs::perms::all);
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES/journal-sessions.md\" -q").rc, 0);
  fs::permissions(sandbox.db(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto result = sandbox.shell(as_nobody(sandbox, "\"$SESHDB\" --db \"$DB\" search importer -n 1 --color never"));
  EXPECT_EQ(result.rc, 0) << result.err;
  result = sandbox.shell(as_nobody(sandbox, "\"$SESHDB\" --db \"$DB\" sql 'SELECT count(*) FROM sessions' --format csv"));
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("7"), std::string::npos);
  write_file(sandbox.dir() / "more.md", "## 2025-05-05 more\n");
  result = sandbox.shell(as_nobody(sandbox, "\"$SESHDB\" --db \"$DB\" ingest \"$TMP/more.md\""));
  EXPECT_EQ(result.rc, 3);
  EXPECT_NE(result.err.find("the database is read-only"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST(HostileInput, InjectionThroughOptionsIsJustText) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES/journal-sessions.md\" -q").rc, 0);
  const char* evil = "\"x' OR 1=1; DROP TABLE sessions; --\"";
  for (const std::string& args : {std::string("search importer --branch ") + evil, std::string("search importer --project ") + evil,
                                 std::string("search importer --file ") + evil, std::string("ask timeline --project ") + evil,
                                 std::string("ask findings --branch ") + evil, std::string("ask blame ") + evil,
                                 std::string("search 'branch:\"x%27) OR 1=1 --\" importer'")}) {
    const auto result = sandbox.seshdb(args);
    EXPECT_TRUE(result.rc == 0 || result.rc == 1) << args << ": " << result.err;
  }
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 7);
  EXPECT_TRUE(doctor_ok(sandbox));
}

} // namespace
} // namespace seshdb::testing
