// `seshdb ingest` end to end: incremental, idempotent, atomic, and polite
// about bad input. Runs the built binary; checks the database it leaves.
#include "cli_runner.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>

namespace seshdb::testing {
namespace {

namespace fs = std::filesystem;

// Every row of every table, in id order: equal dumps mean identical databases.
std::string dump(const fs::path& db_path, bool without_ingested_at = false) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  std::string out;
  for (const char* table : {"sources", "sessions", "section_spans", "items", "fields", "commit_refs", "pr_refs", "issues",
                            "file_refs", "metrics"}) {
    SQLite::Statement q(db, std::string("SELECT * FROM ") + table + " ORDER BY id");
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        if (without_ingested_at && std::string(q.getColumnName(i)) == "ingested_at") {
          continue;
        }
        out += q.getColumn(i).getString() + "|";
      }
      out += "\n";
    }
  }
  return out;
}

std::int64_t count(const fs::path& db_path, const std::string& sql) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

void copy_fixtures(const CliSandbox& sandbox, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(fixtures_dir())) {
    if (entry.path().filename() != "README.md") {
      fs::copy_file(entry.path(), to / entry.path().filename());
    }
  }
  (void)sandbox;
}

TEST(CliIngest, FixturesIngestWithSummaryAndWarnings) {
  CliSandbox sandbox;
  const auto result = sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md");
  ASSERT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("11 file(s) scanned: 11 new, 0 changed, 0 unchanged, 0 removed"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("malformed.md:29: warning: invalid UTF-8"), std::string::npos) << result.err;
  // The totals fixtures/README.md documents: 44 session entries, 35 distinct commits.
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 44);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(DISTINCT sha) FROM commit_refs"), 35);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'merged'") > 0, true);
}

TEST(CliIngest, SecondRunChangesNothingIdsIncluded) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md").rc, 0);
  const std::string first = dump(sandbox.db());
  const auto again = sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md --json");
  EXPECT_NE(again.out.find("\"unchanged\": 11"), std::string::npos) << again.out;
  EXPECT_EQ(dump(sandbox.db()), first);
}

// An item's text is a span of its session's body when it is written there
// verbatim; otherwise (markup removed) it is stored. Either way the items
// view gives the text without markup.
TEST(CliIngest, ItemTextIsABodySpanUnlessMarkupWasRemoved) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md -q").rc, 0);
  EXPECT_GT(count(sandbox.db(), "SELECT count(*) FROM item_spans WHERE text IS NULL AND body_offset IS NOT NULL"), 100);
  EXPECT_GT(count(sandbox.db(), "SELECT count(*) FROM item_spans WHERE text IS NOT NULL AND body_offset IS NULL"), 5);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM items WHERE text IS NULL"), 0);
  // Every item's text is on its line of the log, markup aside.
  SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT it.text, sp.text IS NULL, s.body, it.line - s.line_start FROM items it "
                          "JOIN item_spans sp ON sp.id = it.id JOIN sessions s ON s.id = it.session_id");
  int checked = 0;
  while (q.executeStep()) {
    const std::string text = q.getColumn(0).getString();
    const std::string body = q.getColumn(2).getString();
    std::size_t at = 0;
    for (int line = q.getColumn(3).getInt(); line > 0 && at != std::string::npos; --line) {
      at = body.find('\n', at);
      at = at == std::string::npos ? at : at + 1;
    }
    ASSERT_NE(at, std::string::npos);
    const std::string line = body.substr(at, body.find('\n', at) - at);
    if (q.getColumn(1).getInt() == 1) {
      EXPECT_NE(line.find(text), std::string::npos) << "span text '" << text << "' is not on its line: " << line;
    } else {
      EXPECT_EQ(line.find(text), std::string::npos) << "'" << text << "' is verbatim on its line yet stored: " << line;
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
  // Chinese text: the span is in bytes, and the view cuts whole characters.
  EXPECT_GT(count(sandbox.db(), "SELECT count(*) FROM items it JOIN item_spans sp ON sp.id = it.id "
                                "WHERE sp.text IS NULL AND it.text GLOB '*[一-龥]*'"), 0);
  // Markup removed: `code` and **bold** items keep their words, not their marks.
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM items WHERE text LIKE '%`%' OR text LIKE '%**%'"), 0);
}

// The first ingest into an empty database builds the secondary indexes at
// the end; whatever a killed run left unbuilt, the next ingest or
// `doctor --repair` builds.
TEST(CliIngest, EveryIndexExistsAfterAFirstIngestAndMissingOnesAreRebuilt) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.shell("\"$SESHDB\" --db \"$TMP/reference.db\" init").rc, 0);
  const std::string all = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name)";
  SQLite::Database reference((sandbox.dir() / "reference.db").string(), SQLite::OPEN_READONLY);
  const std::string expected = reference.execAndGet(all).getString();
  EXPECT_NE(expected.find("item_spans_session"), std::string::npos);

  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md -q").rc, 0);
  auto indexes = [&] {
    SQLite::Database db(sandbox.db().string(), SQLite::OPEN_READONLY);
    return db.execAndGet(all).getString();
  };
  EXPECT_EQ(indexes(), expected);

  ASSERT_EQ(sandbox.shell("sqlite3 \"$DB\" 'DROP INDEX file_refs_path; DROP INDEX item_spans_session;'").rc, 0);
  auto doctor = sandbox.seshdb("doctor");
  EXPECT_EQ(doctor.rc, 3);
  EXPECT_NE(doctor.out.find("indexes:         2 missing: file_refs_path, item_spans_session"), std::string::npos)
    << doctor.out;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md -q").rc, 0);
  EXPECT_EQ(indexes(), expected);

  ASSERT_EQ(sandbox.shell("sqlite3 \"$DB\" 'DROP INDEX commit_refs_sha;'").rc, 0);
  doctor = sandbox.seshdb("doctor --repair --json");
  EXPECT_EQ(doctor.rc, 0) << doctor.out;
  EXPECT_NE(doctor.out.find("\"missing_indexes\": [], \"repaired\": [], \"built_indexes\": [\"commit_refs_sha\"]"),
            std::string::npos)
    << doctor.out;
  EXPECT_EQ(indexes(), expected);
}

// On a terminal: a progress bar, then what the run does after the files
// (a first load builds its indexes); never when stderr is not a terminal.
TEST(CliIngest, ProgressOnATerminalOnly) {
  CliSandbox sandbox;
  if (sandbox.shell("command -v script").rc != 0) {
    GTEST_SKIP() << "script(1) from util-linux is not installed; it provides the terminal for this test";
  }
  const auto on_tty =
    sandbox.shell("script -q -e -c '\"$SESHDB\" --db \"$DB\" ingest \"$FIXTURES\" --exclude README.md' /dev/null");
  ASSERT_EQ(on_tty.rc, 0) << on_tty.out << on_tty.err;
  EXPECT_NE(on_tty.out.find("] 11/11 files"), std::string::npos) << on_tty.out;
  EXPECT_NE(on_tty.out.find("building indexes..."), std::string::npos) << on_tty.out;
  EXPECT_NE(on_tty.out.find("11 file(s) scanned"), std::string::npos) << on_tty.out;

  std::filesystem::remove(sandbox.db());
  const auto piped = sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md");
  ASSERT_EQ(piped.rc, 0);
  EXPECT_EQ(piped.err.find("files  "), std::string::npos) << piped.err;
  EXPECT_EQ(piped.err.find("building indexes"), std::string::npos) << piped.err;
}

TEST(CliIngest, ForcedReparseKeepsEveryRowAndId) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md -q").rc, 0);
  const std::string before = dump(sandbox.db(), true);
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" --exclude README.md --force -q").rc, 0);
  EXPECT_EQ(dump(sandbox.db(), true), before);
}

TEST(CliIngest, ChangedFileIsReplacedAndTouchedFileIsNot) {
  CliSandbox sandbox;
  const auto logs = sandbox.dir() / "logs";
  copy_fixtures(sandbox, logs);
  ASSERT_EQ(sandbox.seshdb("ingest \"$TMP/logs\" -q").rc, 0);
  const auto sessions_before = count(sandbox.db(), "SELECT count(*) FROM sessions");

  // Same bytes, new mtime: unchanged (hash), and the next run skips on mtime.
  fs::last_write_time(logs / "windows-crlf.md", fs::file_time_type::clock::now());
  auto result = sandbox.seshdb("ingest \"$TMP/logs\" --json");
  EXPECT_NE(result.out.find("\"changed\": 0"), std::string::npos) << result.out;

  // New content: one changed file, its rows replaced.
  write_file(logs / "no-sessions.md", "# Notes\n\n## 2025-02-03 Now a session\nCommit: c0ffee1\n");
  result = sandbox.seshdb("ingest \"$TMP/logs\" --json");
  EXPECT_NE(result.out.find("\"changed\": 1"), std::string::npos) << result.out;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), sessions_before + 1);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM commit_refs WHERE sha = 'c0ffee1'"), 1);
}

TEST(CliIngest, PruneRemovesSourcesWhoseFilesAreGone) {
  CliSandbox sandbox;
  const auto logs = sandbox.dir() / "logs";
  copy_fixtures(sandbox, logs);
  ASSERT_EQ(sandbox.seshdb("ingest \"$TMP/logs\" -q").rc, 0);
  fs::remove(logs / "journal-sessions.md");
  ASSERT_EQ(sandbox.seshdb("ingest \"$TMP/logs\" -q").rc, 0);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources"), 11) << "without --prune nothing is removed";
  const auto result = sandbox.seshdb("ingest \"$TMP/logs\" --prune --json");
  EXPECT_NE(result.out.find("\"removed\": 1"), std::string::npos) << result.out;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources"), 10);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'bulk'"), 0);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM commit_refs WHERE source_id NOT IN (SELECT id FROM sources)"), 0);
}

TEST(CliIngest, MissingPathIsExit2AfterIngestingTheRest) {
  CliSandbox sandbox;
  const auto result = sandbox.seshdb("ingest \"$TMP/nope.md\" \"$FIXTURES/journal-sessions.md\"");
  EXPECT_EQ(result.rc, 2);
  EXPECT_NE(result.err.find("seshdb: error: $TMP/nope.md: No such file or directory"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 7);
}

TEST(CliIngest, BinaryFileAndFifoAreSkippedWithOneLineEach) {
  CliSandbox sandbox;
  const auto logs = sandbox.dir() / "logs";
  fs::create_directories(logs);
  write_file(logs / "blob.md", std::string("PK\0\0binary", 10));
  write_file(logs / "ok.md", "## 2025-01-01 fine\n");
  ASSERT_EQ(mkfifo((logs / "pipe.md").c_str(), 0644), 0);
  const auto result = sandbox.seshdb("ingest \"$TMP/logs\"");
  EXPECT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.err.find("blob.md: warning: binary file (NUL bytes); skipped"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("pipe.md: a FIFO; skipped"), std::string::npos) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sessions"), 1);
}

TEST(CliIngest, StandardInputWithName) {
  CliSandbox sandbox;
  const auto result = sandbox.shell("printf '## 2025-03-04 piped\\nPR #12 merged\\n' | \"$SESHDB\" --db \"$DB\" ingest - --name notes --json");
  ASSERT_EQ(result.rc, 0) << result.err;
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources WHERE path = 'stdin:notes' AND project = 'notes'"), 1);
  EXPECT_EQ(count(sandbox.db(), "SELECT number FROM pr_refs"), 12);
}

TEST(CliIngest, ProjectIsTheGitRepositoryFolder) {
  CliSandbox sandbox;
  fs::create_directories(sandbox.dir() / "acme" / ".git");
  fs::create_directories(sandbox.dir() / "acme" / "docs" / "log");
  write_file(sandbox.dir() / "acme" / "docs" / "log" / "s.md", "## 2025-01-01 x\n");
  fs::create_directories(sandbox.dir() / "loose");
  write_file(sandbox.dir() / "loose" / "t.md", "## 2025-01-02 y\n");
  ASSERT_EQ(sandbox.seshdb("ingest \"$TMP/acme\" \"$TMP/loose\" -q").rc, 0);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources WHERE project = 'acme'"), 1);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources WHERE project = 'loose'"), 1);
  ASSERT_EQ(sandbox.seshdb("ingest \"$TMP/loose\" --project other --force -q").rc, 0);
  EXPECT_EQ(count(sandbox.db(), "SELECT count(*) FROM sources WHERE project = 'other'"), 1);
}

TEST(CliIngest, FolderWalkSkipsHiddenFoldersAndFollowsGlobs) {
  CliSandbox sandbox;
  const auto root = sandbox.dir() / "tree";
  fs::create_directories(root / ".git");
  fs::create_directories(root / "node_modules" / "pkg");
  fs::create_directories(root / ".hidden");
  fs::create_directories(root / "docs");
  write_file(root / ".git" / "x.md", "## 2025-01-01 git\n");
  write_file(root / "node_modules" / "pkg" / "README.md", "## 2025-01-01 dep\n");
  write_file(root / ".hidden" / "h.md", "## 2025-01-01 hidden\n");
  write_file(root / "docs" / "log.md", "## 2025-01-01 log\n");
  write_file(root / "docs" / "notes.txt", "## 2025-01-02 txt\n");
  write_file(root / "docs" / "image.png", "## 2025-01-03 not a log\n");
  write_file(root / "docs" / "CHANGELOG.md", "## 2025-01-04 changelog\n");
  fs::create_directory_symlink(root, root / "docs" / "loop");
  const auto result = sandbox.seshdb("ingest \"$TMP/tree\" --exclude CHANGELOG.md --json");
  ASSERT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("\"files_scanned\": 2"), std::string::npos) << result.out;
}

TEST(CliIngest, FolderWalkReachesDeepFoldersAndGlobsMatchRelativePaths) {
  CliSandbox sandbox;
  // Deeper than the levels the walker holds descriptors for (32), so the
  // deepest folders are opened by their full path.
  auto deep = sandbox.dir() / "tree";
  for (int level = 0; level < 40; ++level) {
    deep /= "d" + std::to_string(level);
  }
  fs::create_directories(deep);
  write_file(deep / "bottom.md", "## 2025-01-01 bottom\n");
  fs::create_directories(sandbox.dir() / "tree" / "keep");
  write_file(sandbox.dir() / "tree" / "keep" / "a.md", "## 2025-01-02 a\n");
  write_file(sandbox.dir() / "tree" / "top.md", "## 2025-01-03 top\n");
  fs::create_symlink(sandbox.dir() / "tree" / "top.md", sandbox.dir() / "tree" / "keep" / "link.md");
  const auto result = sandbox.seshdb("ingest \"$TMP/tree\" --exclude 'keep/a.md' --json");
  ASSERT_EQ(result.rc, 0) << result.err;
  EXPECT_NE(result.out.find("\"files_scanned\": 3"), std::string::npos) << result.out;
  const auto db = sandbox.dir() / "test.db";
  EXPECT_EQ(count(db, "SELECT count(*) FROM sources WHERE path LIKE '%/d39/bottom.md'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM sources WHERE path LIKE '%/keep/link.md'"), 1); // a symlinked file is read
  EXPECT_EQ(count(db, "SELECT count(*) FROM sources WHERE path LIKE '%/keep/a.md'"), 0);
}

TEST(CliIngest, UnknownTzIsAUsageError) {
  CliSandbox sandbox;
  const auto result = sandbox.seshdb("ingest \"$FIXTURES/journal-sessions.md\" --tz Mars/Base");
  EXPECT_EQ(result.rc, 2);
  EXPECT_NE(result.err.find("--tz: unknown zone 'Mars/Base'"), std::string::npos) << result.err;
}

TEST(CliIngest, WarningsAreCappedPerFile) {
  CliSandbox sandbox;
  std::string text;
  for (int i = 0; i < 8; ++i) {
    text += "## Session: 2025-07-1" + std::to_string(i) + " 25:6" + std::to_string(i) + "\nx\n";
  }
  write_file(sandbox.dir() / "bad.md", text);
  // Notes are not warnings; duplicate-content warnings are: build 8 identical sessions.
  std::string dupes;
  for (int i = 0; i < 8; ++i) {
    dupes += "## 2025-07-10 same\nsame\n\n";
  }
  write_file(sandbox.dir() / "dupes.md", dupes);
  const auto result = sandbox.seshdb("ingest \"$TMP/dupes.md\" --max-warnings 3");
  EXPECT_NE(result.err.find("4 more warning(s) not shown"), std::string::npos) << result.err;
}

} // namespace
} // namespace seshdb::testing
