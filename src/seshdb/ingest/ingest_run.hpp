// One `seshdb ingest`: find the files, skip the unchanged ones (same size and
// mtime, or same content hash), parse the rest on every core, and write each
// from this thread in its own transaction. Reports through an observer; the
// core never prints.
#pragma once

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace seshdb::ingest {

struct IngestOptions {
  std::vector<std::string> paths;   // files and folders; "-" for standard input
  std::vector<std::string> include; // globs; empty = *.md, *.markdown, *.txt
  std::vector<std::string> exclude;
  std::optional<std::string> project;   // overrides the git/folder name
  std::string stdin_name = "stdin";
  std::string stdin_text;               // the CLI reads standard input
  std::string default_zone;             // --tz
  bool force = false;
  bool prune = false;
  unsigned threads = 0;                 // 0: one per core
  std::string ingested_at;              // ISO-8601 UTC, from the caller's clock
  // Set (from another thread or a signal handler) to stop after the file
  // being written: what is written so far is committed and the indexes a
  // first load dropped are built, so the database is complete and the next
  // ingest carries on from there.
  const std::atomic<bool>* stop = nullptr;
};

enum class FileStatus { added, changed, unchanged, failed, skipped, removed };
const char* to_string(FileStatus status);

struct FileReport {
  std::string path;
  FileStatus status = FileStatus::unchanged;
  int sessions = 0;
  int warnings = 0;
  std::string reason; // for failed and skipped
};

struct IngestSummary {
  int files_scanned = 0;
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  int removed = 0;
  int failed = 0;   // could not be read
  int skipped = 0;  // binary, FIFO, ...
  int input_errors = 0; // named paths that do not exist
  std::int64_t sessions = 0, commits = 0, prs = 0, issues = 0, warnings = 0;
  std::int64_t bytes_parsed = 0;
  bool interrupted = false; // IngestOptions::stop was set
  int files_not_reached = 0; // files left as they were because of it (pruning too is skipped)
};

class IngestObserver {
public:
  virtual ~IngestObserver() = default;
  virtual void on_start(int /*files*/, std::int64_t /*bytes*/) {}
  virtual void on_progress(int /*files_done*/, std::int64_t /*bytes_done*/) {}
  virtual void on_file(const FileReport& /*report*/) {}
  virtual void on_warning(const std::string& /*path*/, int /*line*/, const std::string& /*message*/) {}
  virtual void on_error(const std::string& /*message*/) {}
  // A step after (or before) the files that takes a while, such as building
  // the indexes after a first load: "building indexes".
  virtual void on_phase(const std::string& /*what*/) {}
};

IngestSummary run_ingest(SQLite::Database& db, const IngestOptions& options, IngestObserver& observer);

// Ingests into the database at `db_path`, creating it if need be. A database
// that does not exist yet is built aside and moved into place when complete
// (store/database_build.hpp); if another ingest creates one there meanwhile,
// this one writes into that instead, so neither loses anything.
IngestSummary run_ingest_at(const std::filesystem::path& db_path, const IngestOptions& options,
                            IngestObserver& observer);

} // namespace seshdb::ingest
