// A stop request (Ctrl-C, SIGTERM) that arrives after the last file, while a
// first load builds the indexes it dropped, is still reported as a stop: the
// indexes are finished, every file is kept, and pruning is skipped. The
// request is raised from the observer at the moment the phase starts, so the
// test hits that window every time rather than by luck of timing.
#include "seshdb/ingest/ingest_run.hpp"
#include "seshdb/store/secondary_indexes.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace seshdb::ingest {
namespace {

namespace fs = std::filesystem;

class StopDuringIndexBuild : public IngestObserver {
public:
  explicit StopDuringIndexBuild(std::atomic<bool>& stop) : m_stop(stop) {}
  void on_phase(const std::string& what) override {
    if (what == "building indexes") {
      m_stop.store(true);
      ++phases_seen;
    }
  }
  int phases_seen = 0;

private:
  std::atomic<bool>& m_stop;
};

TEST(IngestStop, AStopDuringTheFinalIndexBuildIsReportedAndSkipsPruning) {
  const fs::path dir = fs::temp_directory_path() / ("seshdb-stop-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "logs");
  for (int i = 1; i <= 3; ++i) {
    std::ofstream(dir / "logs" / ("log" + std::to_string(i) + ".md"))
        << "# Log\n\n## Session 1 — 2025-03-0" << i << "\n\nBranch: feat/x\n\n- did a thing in abc1234\n";
  }
  std::atomic<bool> stop{false};
  IngestOptions options;
  options.paths = {(dir / "logs").string()};
  options.ingested_at = "2026-01-01T00:00:00Z";
  options.prune = true;
  options.stop = &stop;
  StopDuringIndexBuild observer(stop);

  const IngestSummary summary = run_ingest_at(dir / "seshdb.db", options, observer);

  EXPECT_EQ(observer.phases_seen, 1);
  EXPECT_TRUE(summary.interrupted);
  EXPECT_EQ(summary.files_not_reached, 0);
  EXPECT_EQ(summary.added, 3);
  SQLite::Database db((dir / "seshdb.db").string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions").getInt(), 3);
  EXPECT_TRUE(store::missing_indexes(db).empty());
  fs::remove_all(dir);
}

} // namespace
} // namespace seshdb::ingest
