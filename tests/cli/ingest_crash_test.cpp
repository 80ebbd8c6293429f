// Crash safety and concurrency of ingest, with real processes: an ingest
// killed with SIGKILL at random moments leaves every source fully old or fully
// new and the FTS index consistent; readers never fail during an ingest.
#include "cli_runner.hpp"
#include "seshdb/store/writer.hpp"
#include "seshdb/util/text.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

namespace seshdb::testing {
namespace {

namespace fs = std::filesystem;

// A generated corpus of a few MB (bench/gen_corpus.py, deterministic).
fs::path make_corpus(const CliSandbox& sandbox, double size_mb) {
  const auto out = sandbox.dir() / "corpus";
  const std::string command = "python3 '" + std::string(SESHDB_SOURCE_DIR) + "/bench/gen_corpus.py' --out '" +
                              out.string() + "' --size-mb " + std::to_string(size_mb) + " --force >/dev/null";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("bench/gen_corpus.py failed");
  }
  return out;
}

// Runs `seshdb ingest` in the background, quiet unless `output` names where
// stdout (output + ".out") and stderr (output + ".err") go.
pid_t spawn_ingest(const fs::path& db, const fs::path& corpus, const std::vector<std::string>& extra,
                   const fs::path& output = {}) {
  std::vector<std::string> args = {SESHDB_BINARY, "--db", db.string(), "ingest", corpus.string()};
  if (output.empty()) {
    args.push_back("-q");
  }
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string out = output.empty() ? "/dev/null" : output.string() + ".out";
  const std::string err = output.empty() ? "/dev/null" : output.string() + ".err";
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, SESHDB_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    throw std::runtime_error("posix_spawn failed");
  }
  return pid;
}

// The exit code, or minus the signal that ended the process (a shell would
// say 128 + signal, which a handled Ctrl-C's exit 130 could not be told from).
int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Adds (or changes) a line in every log, so every source changes.
std::map<std::string, std::string> rewrite_all(const fs::path& corpus, int generation) {
  std::map<std::string, std::string> hashes;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::string text = read_file(entry.path());
    const auto marker = text.find("\n<!-- generation ");
    if (marker != std::string::npos) {
      text.resize(marker);
    }
    text += "\n<!-- generation " + std::to_string(generation) + " -->\n";
    write_file(entry.path(), text);
    hashes[fs::absolute(entry.path()).lexically_normal().string()] = store::content_hash(text);
  }
  return hashes;
}

// Every source is consistent with itself and holds one of the allowed versions.
int expect_consistent(const fs::path& db_path, const std::map<std::string, std::set<std::string>>& allowed, int round,
                      bool rows_required = true) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok") << "round " << round;
  EXPECT_NO_THROW(db.exec("INSERT INTO sessions_fts(sessions_fts, rank) VALUES('integrity-check', 1)")) << "round " << round;
  EXPECT_NO_THROW(db.exec("INSERT INTO sources_fts(sources_fts, rank) VALUES('integrity-check', 1)")) << "round " << round;
  SQLite::Statement sources(db, "SELECT s.path, s.content_hash, s.session_count, "
                                "(SELECT count(*) FROM sessions WHERE source_id = s.id) FROM sources s");
  int checked = 0;
  while (sources.executeStep()) {
    const std::string path = sources.getColumn(0).getString();
    const std::string hash = sources.getColumn(1).getString();
    EXPECT_EQ(sources.getColumn(2).getInt(), sources.getColumn(3).getInt()) << path << " round " << round;
    auto it = allowed.find(path);
    if (it != allowed.end()) {
      EXPECT_TRUE(it->second.count(hash) > 0) << path << " holds a version that was never on disk, round " << round;
    }
    ++checked;
  }
  if (rows_required) {
    EXPECT_GT(checked, 0);
  }
  return checked;
}

TEST(IngestCrashSafety, KilledAtRandomMomentsLeavesEverySourceOldOrNew) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 3);
  const auto db = sandbox.db();
  auto current = rewrite_all(corpus, 0);
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0);
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

  std::mt19937 random(20261127);
  constexpr int k_rounds = 24;
  int killed = 0;
  // A killed run may leave a source at any version written since the last
  // complete ingest, but never at one that was not on disk, and never half.
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& [path, hash] : current) {
    allowed[path].insert(hash);
  }
  for (int round = 1; round <= k_rounds; ++round) {
    current = rewrite_all(corpus, round);
    for (const auto& [path, hash] : current) {
      allowed[path].insert(hash);
    }
    // Plain, --force and --prune runs, each killed somewhere in its life.
    std::vector<std::string> flags;
    if (round % 3 == 1) {
      flags.push_back("--force");
    } else if (round % 3 == 2) {
      flags.push_back("--prune");
    }
    const pid_t pid = spawn_ingest(db, corpus, flags);
    std::uniform_int_distribution<long> delay(0, std::max<long>(5, static_cast<long>(full_ms)));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
    if (kill(pid, SIGKILL) == 0) {
      ++killed;
    }
    wait_for(pid);
    expect_consistent(db, allowed, round);
  }
  EXPECT_GE(killed, 20);
  // The next ingest completes and brings everything to the current version.
  ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0);
  std::map<std::string, std::set<std::string>> now;
  for (const auto& [path, hash] : current) {
    now[path] = {hash};
  }
  expect_consistent(db, now, k_rounds + 1);
}

std::string index_names(const fs::path& db_path) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name");
  std::string names;
  while (q.executeStep()) {
    names += q.getColumn(0).getString() + " ";
  }
  return names;
}

// The indexes of a freshly initialised database, to compare with.
std::string fresh_index_names(const CliSandbox& sandbox) {
  if (sandbox.shell("\"$SESHDB\" --db \"$TMP/reference.db\" init").rc != 0) {
    throw std::runtime_error("seshdb init failed");
  }
  return index_names(sandbox.dir() / "reference.db");
}

// Each source may hold only the one version given.
std::map<std::string, std::set<std::string>> as_allowed(const std::map<std::string, std::string>& hashes) {
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& [path, hash] : hashes) {
    allowed[path] = {hash};
  }
  return allowed;
}

// The first ingest into an empty database drops the secondary indexes and
// builds them at the end. Killed anywhere in between, it leaves complete
// sources (perhaps without indexes), and the next ingest builds them.
TEST(IngestCrashSafety, KilledFirstIngestLeavesCompleteSourcesAndTheNextBuildsTheIndexes) {
  CliSandbox sandbox;
  // Large enough for the first ingest to commit a batch (16 MiB or 1 s) before it ends.
  const auto corpus = make_corpus(sandbox, 24);
  const std::string all_indexes = fresh_index_names(sandbox);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0);
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(index_names(db), all_indexes);

  std::mt19937 random(20261128);
  int killed_with_rows_without_indexes = 0;
  for (int round = 1; round <= 6; ++round) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::remove(db.string() + suffix);
    }
    ASSERT_EQ(sandbox.seshdb("init").rc, 0);
    const pid_t pid = spawn_ingest(db, corpus, {});
    // After the first batch commit (seen by a reader, as any client would),
    // plus a random part of the rest of the run: a fixed delay missed that
    // window when a busy machine slowed the ingest down.
    bool exited = false;
    {
      SQLite::Database reader(db.string(), SQLite::OPEN_READONLY, 30000);
      while (reader.execAndGet("SELECT count(*) FROM sources").getInt64() == 0) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
          exited = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    if (!exited) {
      std::uniform_int_distribution<long> delay(0, std::max<long>(1, full_ms / 4));
      std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
      kill(pid, SIGKILL);
      wait_for(pid);
    }
    const int sources = expect_consistent(db, allowed, round, false);
    killed_with_rows_without_indexes += sources > 0 && index_names(db) != all_indexes;
    ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0) << "round " << round;
    EXPECT_EQ(index_names(db), all_indexes) << "round " << round;
    expect_consistent(db, allowed, round);
  }
  // The kills must have hit the window this test is about.
  EXPECT_GE(killed_with_rows_without_indexes, 3);
}

// Ctrl-C (or SIGTERM) stops an ingest after the file being written: what was
// written is committed, a first load builds the indexes it dropped, the exit
// code says which signal, and the next run carries on from there.
TEST(IngestInterrupt, StopsAfterTheFileBeingWrittenKeepsItAndTheNextRunFinishes) {
  CliSandbox sandbox;
  // Large enough for the first batch (16 MiB or 1 s) to commit well before the end.
  const auto corpus = make_corpus(sandbox, 24);
  const std::string all_indexes = fresh_index_names(sandbox);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto output = sandbox.dir() / "ingest";
  int round = 0;
  for (const auto& [signal, exit_code] : std::vector<std::pair<int, int>>{{SIGINT, 130}, {SIGTERM, 143}}) {
    ++round;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::remove(db.string() + suffix);
    }
    ASSERT_EQ(sandbox.seshdb("init").rc, 0);
    const pid_t pid = spawn_ingest(db, corpus, {"--json"}, output);
    {
      SQLite::Database reader(db.string(), SQLite::OPEN_READONLY, 30000);
      while (reader.execAndGet("SELECT count(*) FROM sources").getInt64() == 0) {
        int status = 0;
        ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "the ingest ended before its first commit was seen";
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    kill(pid, signal);
    ASSERT_EQ(wait_for(pid), exit_code) << "round " << round << ": " << read_file(output.string() + ".err");
    const std::string err = read_file(output.string() + ".err");
    EXPECT_NE(err.find("seshdb: error: interrupted; every file written so far is complete"), std::string::npos) << err;
    EXPECT_NE(err.find("run the same command again to finish"), std::string::npos) << err;
    const std::string summary = read_file(output.string() + ".out");
    EXPECT_NE(summary.find("\"interrupted\": true"), std::string::npos) << summary;

    // Complete and indexed as it stands: not one index left for later.
    const int written = expect_consistent(db, allowed, round);
    EXPECT_EQ(index_names(db), all_indexes) << "round " << round;
    EXPECT_LT(written, static_cast<int>(allowed.size())) << "the signal came too late to stop anything";
    EXPECT_NE(summary.find(fmt::format("\"new\": {},", written)), std::string::npos) << summary;
    EXPECT_NE(summary.find(fmt::format("\"files_not_reached\": {}}}", allowed.size() - written)), std::string::npos)
        << summary;

    // The next run skips what was written and writes the rest.
    ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {"--json"}, output)), 0) << read_file(output.string() + ".err");
    const std::string rerun = read_file(output.string() + ".out");
    EXPECT_NE(rerun.find(fmt::format("\"new\": {}, \"changed\": 0, \"unchanged\": {},", allowed.size() - written, written)),
              std::string::npos)
        << rerun;
    EXPECT_EQ(expect_consistent(db, allowed, round), static_cast<int>(allowed.size()));
  }
}

TEST(IngestConcurrency, ReadersNeverFailWhileAnIngestWrites) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 4);
  const auto db = sandbox.db();
  ASSERT_EQ(sandbox.seshdb("init").rc, 0);
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<int> failures{0};
  std::string first_failure;
  std::thread reader([&] {
    try {
      SQLite::Database connection(db.string(), SQLite::OPEN_READONLY, 30000);
      while (!done) {
        try {
          connection.execAndGet("SELECT count(*) FROM sessions_fts WHERE sessions_fts MATCH 'frobnicate'");
          connection.execAndGet("SELECT count(*), sum(session_count) FROM sources");
          ++reads;
        } catch (const std::exception& e) {
          if (failures++ == 0) {
            first_failure = e.what();
          }
        }
      }
    } catch (const std::exception& e) {
      ++failures;
      first_failure = e.what();
    }
  });
  const pid_t pid = spawn_ingest(db, corpus, {});
  // The sqlite3 shell reads too.
  int shell_reads = 0;
  int shell_failures = 0;
  while (true) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      break;
    }
    const auto result = sandbox.shell("sqlite3 -cmd '.timeout 30000' \"$DB\" 'SELECT count(*) FROM sessions;'");
    ++shell_reads;
    shell_failures += result.rc != 0;
  }
  done = true;
  reader.join();
  EXPECT_EQ(failures.load(), 0) << first_failure;
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(shell_failures, 0);
  EXPECT_GT(shell_reads, 0);
}


// A database that does not exist yet is built in "<db>.building-<pid>" and
// moved into place when complete (src/seshdb/store/database_build.hpp).
std::vector<fs::path> building_files(const fs::path& db) {
  std::vector<fs::path> found;
  const std::string prefix = db.filename().string() + ".building-";
  for (const auto& entry : fs::directory_iterator(db.parent_path())) {
    if (entry.path().filename().string().starts_with(prefix)) {
      found.push_back(entry.path());
    }
  }
  return found;
}

TEST(IngestNewDatabase, IsBuiltAsideAndAppearsCompleteWhenDone) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 8);
  const std::string all_indexes = fresh_index_names(sandbox);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const pid_t pid = spawn_ingest(db, corpus, {});
  // While it builds there is no database at the target, and a reader is told why.
  std::string told;
  int status = 0;
  bool exited = false;
  while (told.empty() && !(exited = waitpid(pid, &status, WNOHANG) == pid)) {
    if (!fs::exists(db) && !building_files(db).empty()) {
      const auto search = sandbox.seshdb("search decision");
      if (search.rc != 0) {
        told = search.err;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!exited) {
    waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_NE(told.find(fmt::format("no database here yet; an ingest (pid {}) is building it", pid)), std::string::npos)
      << told;
  EXPECT_TRUE(building_files(db).empty());
  EXPECT_FALSE(fs::exists(db.string() + "-journal"));
  SQLite::Database reader(db.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(reader.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(reader.execAndGet("PRAGMA page_size").getInt(), 8192);
  EXPECT_EQ(index_names(db), all_indexes);
  EXPECT_EQ(expect_consistent(db, allowed, 0), static_cast<int>(allowed.size()));
}

TEST(IngestNewDatabase, KilledBuildLeavesNoDatabaseAndTheNextIngestFinishesIt) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 4);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(wait_for(spawn_ingest(sandbox.dir() / "timing.db", corpus, {})), 0);
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

  std::mt19937 random(20261129);
  int left_nothing = 0;
  int left_a_build = 0;

  for (int round = 1; round <= 8; ++round) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::remove(db.string() + suffix);
    }
    const pid_t pid = spawn_ingest(db, corpus, {});
    std::uniform_int_distribution<long> delay(0, std::max<long>(5, static_cast<long>(full_ms)));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
    kill(pid, SIGKILL);
    wait_for(pid);
    if (fs::exists(db)) {
      // Killed after the move: what it moved is the complete database.
      EXPECT_EQ(expect_consistent(db, allowed, round), static_cast<int>(allowed.size())) << "round " << round;
    } else {
      ++left_nothing;
      left_a_build += !building_files(db).empty();
    }
    ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0) << "round " << round;
    EXPECT_TRUE(building_files(db).empty()) << "round " << round;
    EXPECT_EQ(expect_consistent(db, allowed, round), static_cast<int>(allowed.size())) << "round " << round;
  }
  // The kills must have hit the window this test is about.
  EXPECT_GE(left_nothing, 3);
  EXPECT_GE(left_a_build, 1);
}

// Killed after its first commit (16 MiB of input), a build keeps what it
// committed, and the next ingest finishes it rather than starting over.
TEST(IngestNewDatabase, TheNextIngestFinishesAKilledBuildWithoutRewritingIt) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 24);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto output = sandbox.dir() / "ingest";
  const pid_t pid = spawn_ingest(db, corpus, {"-v"}, output);
  // -v names each file once written; past 17 MiB of them, a batch has been committed.
  while (true) {
    std::int64_t written = 0;
    std::istringstream lines(read_file(output.string() + ".err"));
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("new ")) {
        const auto path = util::trim(std::string_view(line).substr(4));
        std::error_code ec;
        written += static_cast<std::int64_t>(fs::file_size(std::string(path.substr(0, path.rfind(" (")) ), ec));
      }
    }
    if (written > 17 * 1024 * 1024) {
      break;
    }
    int status = 0;
    ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "the ingest ended before 17 MiB were written";
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  wait_for(pid);
  ASSERT_FALSE(fs::exists(db));
  ASSERT_FALSE(building_files(db).empty()); // the build, and perhaps its journal
  // What a kill while it was being opened leaves beside it: not builds of their own.
  for (const auto& file : building_files(db)) {
    if (!file.string().ends_with("-journal")) {
      write_file(file.string() + "-wal", "");
      write_file(file.string() + "-shm", "");
      break;
    }
  }

  const auto rerun = sandbox.dir() / "rerun";
  ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {"--json"}, rerun)), 0) << read_file(rerun.string() + ".err");
  const std::string summary = read_file(rerun.string() + ".out");
  const auto at = summary.find("\"unchanged\": ");
  ASSERT_NE(at, std::string::npos) << summary;
  EXPECT_GT(std::stoi(summary.substr(at + 13)), 0) << summary;
  EXPECT_NE(read_file(rerun.string() + ".err").find("carrying on with the database an interrupted ingest was building"),
            std::string::npos);
  EXPECT_TRUE(building_files(db).empty());
  EXPECT_EQ(expect_consistent(db, allowed, 1), static_cast<int>(allowed.size()));
}

TEST(IngestNewDatabase, LeftoversOfOthersAreNeitherTakenForABuildNorDestroyed) {
  CliSandbox sandbox;
  const auto db = sandbox.db();
  // A build file nobody holds, from another boot, and one that is not a database.
  write_file(db.string() + ".building-0badb007-1-abcdef", "left by a machine that lost power");
  write_file(db.string() + ".building-0badb007-1-abcdef-journal", "");
  const auto search = sandbox.seshdb("search decision");
  EXPECT_NE(search.err.find("no database here yet; run `seshdb ingest PATH`"), std::string::npos) << search.err;
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" -q").rc, 0);
  EXPECT_TRUE(building_files(db).empty());
  EXPECT_EQ(sandbox.seshdb("search decision").rc, 0);

  // A journal beside a database that is gone: the new database is made in
  // place, so SQLite never mistakes that journal for one of its own.
  const auto other = sandbox.dir() / "other.db";
  write_file(other.string() + "-journal", std::string(4096, 'x'));
  ASSERT_EQ(sandbox.shell("\"$SESHDB\" --db \"$TMP/other.db\" ingest \"$FIXTURES\" -q").rc, 0);
  EXPECT_TRUE(building_files(other).empty());
  EXPECT_GT(SQLite::Database(other.string(), SQLite::OPEN_READONLY).execAndGet("SELECT count(*) FROM sessions").getInt(), 0);

  // A database in folders that do not exist yet, as the default path is on a new machine.
  const auto nested = sandbox.shell("XDG_DATA_HOME=\"$TMP/xdg\" \"$SESHDB\" ingest \"$FIXTURES\" -q 2>&1");
  EXPECT_EQ(nested.rc, 0) << nested.out;
  EXPECT_TRUE(fs::is_regular_file(sandbox.dir() / "xdg" / "seshdb" / "seshdb.db"));

  // A dead build beside a database that exists is old work nobody will
  // finish: the next ingest deletes it, so deleting the database later
  // cannot bring it back.
  write_file(db.string() + ".building-" + "0badb007-2-abcdef", "");
  ASSERT_EQ(sandbox.seshdb("ingest \"$FIXTURES\" -q").rc, 0);
  EXPECT_TRUE(building_files(db).empty());

  // A symlink whose file does not exist yet: written through, once.
  fs::create_directories(sandbox.dir() / "real");
  fs::create_symlink(sandbox.dir() / "real" / "linked.db", sandbox.dir() / "link.db");
  const auto linked = sandbox.shell("\"$SESHDB\" --db \"$TMP/link.db\" ingest \"$FIXTURES\" 2>&1");
  EXPECT_EQ(linked.rc, 0);
  EXPECT_EQ(linked.out.find("another ingest created"), std::string::npos) << linked.out;
  EXPECT_TRUE(fs::is_regular_file(sandbox.dir() / "real" / "linked.db"));
}

TEST(IngestNewDatabase, InterruptedBuildIsMovedIntoPlaceWithWhatItWrote) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 24);
  const std::string all_indexes = fresh_index_names(sandbox);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto output = sandbox.dir() / "ingest";
  const pid_t pid = spawn_ingest(db, corpus, {"-v"}, output);
  // Once -v has reported a file written into the build.
  while (read_file(output.string() + ".err").find("\nnew ") == std::string::npos) {
    int status = 0;
    ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "the ingest ended before it reported a file";
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_FALSE(fs::exists(db));
  kill(pid, SIGINT);
  ASSERT_EQ(wait_for(pid), 130) << read_file(output.string() + ".err");
  EXPECT_TRUE(building_files(db).empty());
  const int written = expect_consistent(db, allowed, 1);
  EXPECT_LT(written, static_cast<int>(allowed.size())) << "the signal came too late to stop anything";
  EXPECT_EQ(index_names(db), all_indexes);
  ASSERT_EQ(wait_for(spawn_ingest(db, corpus, {})), 0);
  EXPECT_EQ(expect_consistent(db, allowed, 2), static_cast<int>(allowed.size()));
}

// The sqlite3 shell pointed at the database during the build leaves an empty
// file there; the build still takes its place, without starting over.
TEST(IngestNewDatabase, AnEmptyFileAtTheTargetIsReplacedNotWrittenInto) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 6);
  const auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto db = sandbox.db();
  const auto output = sandbox.dir() / "ingest";
  const pid_t pid = spawn_ingest(db, corpus, {}, output);
  while (building_files(db).empty()) {
    int status = 0;
    ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "the ingest ended before its build was seen";
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const auto shell = sandbox.shell("sqlite3 \"$DB\" 'SELECT count(*) FROM sessions' 2>&1");
  EXPECT_NE(shell.out.find("no such table"), std::string::npos) << shell.out;
  EXPECT_TRUE(fs::exists(db));
  ASSERT_EQ(wait_for(pid), 0) << read_file(output.string() + ".err");
  EXPECT_EQ(read_file(output.string() + ".err").find("another ingest created"), std::string::npos);
  EXPECT_TRUE(building_files(db).empty());
  EXPECT_EQ(expect_consistent(db, allowed, 0), static_cast<int>(allowed.size()));
}

// Two first ingests at once into the same new database: the first to finish
// moves its build into place, and the other writes into that one.
TEST(IngestNewDatabase, TwoFirstIngestsAtOnceLoseNothing) {
  CliSandbox sandbox;
  const auto corpus = make_corpus(sandbox, 6);
  auto allowed = as_allowed(rewrite_all(corpus, 0));
  const auto small = sandbox.dir() / "small";
  fs::create_directories(small);
  for (const char* name : {"journal-sessions.md", "chinese-log.md"}) {
    fs::copy_file(fixtures_dir() / name, small / name);
  }
  for (const auto& [path, hash] : as_allowed(rewrite_all(small, 0))) {
    allowed[path] = hash;
  }
  const auto db = sandbox.db();
  const pid_t big = spawn_ingest(db, corpus, {});
  while (building_files(db).empty()) {
    int status = 0;
    ASSERT_NE(waitpid(big, &status, WNOHANG), big) << "the first ingest ended before its build was seen";
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(wait_for(spawn_ingest(db, small, {})), 0);
  ASSERT_TRUE(fs::exists(db)) << "the small ingest should have finished first";
  ASSERT_EQ(wait_for(big), 0);
  EXPECT_TRUE(building_files(db).empty());
  EXPECT_EQ(expect_consistent(db, allowed, 0), static_cast<int>(allowed.size()));
}

} // namespace
} // namespace seshdb::testing
