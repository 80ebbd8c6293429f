#include "seshdb/ingest/ingest_run.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/ingest/discover.hpp"
#include "seshdb/ingest/project_name.hpp"
#include "seshdb/parse/session_log_parser.hpp"
#include "seshdb/store/database.hpp"
#include "seshdb/store/database_build.hpp"
#include "seshdb/store/secondary_indexes.hpp"
#include "seshdb/store/writer.hpp"
#include "seshdb/util/files.hpp"
#include "seshdb/version.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include <malloc.h>

namespace seshdb::ingest {

const char* to_string(FileStatus status) {
  switch (status) {
  case FileStatus::added: return "new";
  case FileStatus::changed: return "changed";
  case FileStatus::unchanged: return "unchanged";
  case FileStatus::failed: return "failed";
  case FileStatus::skipped: return "skipped";
  case FileStatus::removed: return "removed";
  }
  return "?";
}

namespace {

constexpr std::string_view k_stdin_prefix = "stdin:";

struct Job {
  FoundFile file;
  bool from_stdin = false;
  const store::SourceState* existing = nullptr;
};

struct JobResult {
  FileStatus status = FileStatus::unchanged;
  std::string reason;
  std::string hash;
  std::int64_t bytes = 0;
  model::ParsedLog log;
};

// Reading, hashing and parsing one file: the part that runs on every core.
JobResult process(const Job& job, const IngestOptions& options) {
  JobResult result;
  std::string bytes;
  if (job.from_stdin) {
    bytes = options.stdin_text;
  } else {
    std::string error;
    auto read = util::read_file_bytes(job.file.path, error);
    if (!read) {
      result.status = FileStatus::failed;
      result.reason = fmt::format("cannot read: {}", error);
      return result;
    }
    bytes = std::move(*read);
  }
  // NUL bytes near the start: a binary file, not a log.
  if (std::memchr(bytes.data(), '\0', std::min<std::size_t>(bytes.size(), 8000)) != nullptr &&
      !(bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))) {
    result.status = FileStatus::skipped;
    result.reason = "binary file (NUL bytes); skipped";
    return result;
  }
  result.hash = store::content_hash(bytes);
  result.bytes = static_cast<std::int64_t>(bytes.size());
  if (!options.force && job.existing != nullptr && job.existing->content_hash == result.hash &&
      job.existing->parser_version == k_parser_version) {
    result.status = FileStatus::unchanged;
    return result;
  }
  parse::ParseOptions parse_options;
  parse_options.default_zone = options.default_zone;
  parse_options.file_name = job.from_stdin ? options.stdin_name : std::filesystem::path(job.file.path).filename().string();
  result.log = parse::parse_session_log(bytes, parse_options);
  result.status = job.existing != nullptr ? FileStatus::changed : FileStatus::added;
  return result;
}

// Workers take jobs in order and park results until the writer reaches them.
// They may run ahead of the writer by a few MB of input, not a fixed number
// of files: the writer pauses for each batch commit (FTS5 flushes, WAL
// checkpoints), and with a window of 4 files the parsers sat idle through
// it, then the writer waited for them (0.17 s of a 0.9 s ingest of 10 MiB; 2 MiB ahead: 0.72 s).
// Bounding by bytes keeps memory flat however large the files are.
class ParallelParser {
public:
  static constexpr std::int64_t k_ahead_bytes = 2 * 1024 * 1024;

  ParallelParser(const std::vector<Job>& jobs, const IngestOptions& options, unsigned threads)
    : m_jobs(jobs), m_options(options), m_min_window(std::max(2u, threads)) {
    for (unsigned i = 0; i < threads; ++i) {
      m_workers.emplace_back([this] { work(); });
    }
  }
  ~ParallelParser() {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_changed.notify_all();
    for (auto& worker : m_workers) {
      worker.join();
    }
  }
  ParallelParser(const ParallelParser&) = delete;
  ParallelParser& operator=(const ParallelParser&) = delete;

  JobResult take(std::size_t index) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_results.count(index) > 0; });
    JobResult result = std::move(m_results[index]);
    m_results.erase(index);
    m_taken = index + 1;
    m_ahead_bytes -= size_of(index);
    lock.unlock();
    m_changed.notify_all();
    return result;
  }

  // The writer hands each result back once written, and a parser thread frees
  // it: memory goes back to the malloc arena of the thread that took it,
  // without contending for that arena's lock.
  void give_back(JobResult&& spent) {
    std::lock_guard lock(m_mutex);
    m_spent.push_back(std::move(spent));
  }

private:
  void work() {
    while (true) {
      std::size_t index = 0;
      {
        std::vector<JobResult> spent;
        std::unique_lock lock(m_mutex);
        spent.swap(m_spent);
        if (!spent.empty()) {
          lock.unlock();
          spent.clear();
          lock.lock();
        }
        m_changed.wait(lock, [&] { return m_stop || (m_next < m_jobs.size() && may_start(m_next)); });
        if (m_stop || m_next >= m_jobs.size()) {
          return;
        }
        index = m_next++;
        m_ahead_bytes += size_of(index);
      }
      JobResult result;
      try {
        result = process(m_jobs[index], m_options);
      } catch (const std::exception& e) {
        result.status = FileStatus::failed;
        result.reason = fmt::format("internal error while parsing: {}", e.what());
      }
      {
        std::lock_guard lock(m_mutex);
        m_results.emplace(index, std::move(result));
      }
      m_changed.notify_all();
    }
  }

  std::int64_t size_of(std::size_t index) const { return m_jobs[index].file.size_bytes; }

  // Called with the lock held.
  bool may_start(std::size_t index) const {
    return index < m_taken + m_min_window || m_ahead_bytes + size_of(index) <= k_ahead_bytes;
  }

  const std::vector<Job>& m_jobs;
  const IngestOptions& m_options;
  const std::size_t m_min_window;
  std::int64_t m_ahead_bytes = 0; // input bytes of jobs started and not yet taken
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::map<std::size_t, JobResult> m_results;
  std::vector<JobResult> m_spent;
  std::size_t m_next = 0;
  std::size_t m_taken = 0;
  bool m_stop = false;
  std::vector<std::thread> m_workers;
};

// After a failed write: roll the batch back (which undoes the DROP if it was
// the first batch), then build whatever is missing, and leave it to
// the next ingest if even that fails (the error being reported is the
// useful one).
void rebuild_indexes_after_failure(SQLite::Database& db, store::Writer& writer, bool& indexes_dropped) {
  if (!indexes_dropped) {
    return;
  }
  indexes_dropped = false;
  try {
    writer.abandon_batch();
    store::create_missing_indexes(db);
  } catch (const SQLite::Exception&) {
  }
}

} // namespace

IngestSummary run_ingest(SQLite::Database& db, const IngestOptions& options, IngestObserver& observer) {
  IngestSummary summary;
  store::Writer writer(db);
  const auto sources = writer.load_sources();

  std::vector<std::string> file_paths;
  bool wants_stdin = false;
  for (const auto& path : options.paths) {
    if (path == "-") {
      wants_stdin = true;
    } else {
      file_paths.push_back(path);
    }
  }
  Discovery discovery = discover_files(file_paths, options.include, options.exclude);
  for (const auto& error : discovery.errors) {
    observer.on_error(error);
    ++summary.input_errors;
  }
  for (const auto& skipped : discovery.skipped) {
    observer.on_warning("", 0, skipped);
    ++summary.skipped;
  }

  // Jobs: every file not provably unchanged by size and mtime alone. The
  // found files move into them: at 32,000 files two copies of every path
  // were 10 MiB of peak memory.
  std::vector<Job> jobs;
  jobs.reserve(discovery.files.size() + (wants_stdin ? 1 : 0));
  std::int64_t total_bytes = 0;
  if (wants_stdin) {
    Job job;
    job.from_stdin = true;
    job.file.path = std::string(k_stdin_prefix) + options.stdin_name;
    job.file.size_bytes = static_cast<std::int64_t>(options.stdin_text.size());
    auto it = sources.find(job.file.path);
    job.existing = it == sources.end() ? nullptr : &it->second;
    jobs.push_back(job);
  }
  summary.files_scanned = static_cast<int>(discovery.files.size()) + (wants_stdin ? 1 : 0);
  for (auto& file : discovery.files) {
    auto it = sources.find(file.path);
    const store::SourceState* existing = it == sources.end() ? nullptr : &it->second;
    if (!options.force && existing != nullptr && existing->size_bytes == file.size_bytes &&
        existing->mtime == file.mtime && existing->parser_version == k_parser_version) {
      ++summary.unchanged;
      observer.on_file({file.path, FileStatus::unchanged, 0, 0, {}});
      continue;
    }
    total_bytes += file.size_bytes;
    jobs.push_back({std::move(file), false, existing});
  }
  std::vector<FoundFile>().swap(discovery.files);
  jobs.shrink_to_fit();
  observer.on_start(static_cast<int>(jobs.size()), total_bytes);

  // Commit in batches of a few MB or about a second, whichever comes first.
  constexpr std::int64_t k_batch_bytes = 16 * 1024 * 1024;
  const auto k_batch_time = std::chrono::milliseconds(1000);
  std::int64_t batch_bytes = 0;
  auto batch_started = std::chrono::steady_clock::now();
  auto maybe_commit = [&](bool force) {
    if (!writer.in_batch()) {
      return;
    }
    if (force || batch_bytes >= k_batch_bytes || std::chrono::steady_clock::now() - batch_started >= k_batch_time) {
      writer.commit_batch();
      batch_bytes = 0;
    }
  };
  // Into an empty database, the secondary indexes are dropped with the first
  // batch and built once at the end (100 MiB: 6.6 s with them kept up to date
  // row by row, 5.3 s + 0.7 s to build them after). A killed load leaves them
  // missing, and any later ingest builds them before it writes.
  const bool bulk_load = sources.empty() && !jobs.empty();
  if (!bulk_load && !store::missing_indexes(db).empty()) {
    observer.on_phase("building the indexes an interrupted ingest left unbuilt");
    store::create_missing_indexes(db);
  }
  bool indexes_dropped = false;
  bool bulk_checked = false;
  auto restore_indexes = [&] {
    if (indexes_dropped) {
      observer.on_phase("building indexes");
      store::create_missing_indexes(db);
      indexes_dropped = false;
    }
  };

  ProjectNamer namer;
  // The writer needs a core of its own: it is the slower side, and with a
  // parser on every core the three threads of a 2-core machine took turns
  // (100 MiB: 5.4 s with two parsers, 4.8 s with one).
  const unsigned cores = std::thread::hardware_concurrency();
  const unsigned threads = options.threads > 0 ? options.threads : (cores > 1 ? cores - 1 : 1);
  // A malloc arena per thread (glibc; a no-op elsewhere). With one arena for
  // all, the writer and the parser queued on its lock: 71 k context switches
  // in a 100 MiB ingest against 12 k, and 11.5 s of CPU against 9.8 s. Peak
  // RSS costs 2-5 MiB (parsed results are freed by the parser thread that
  // made them, see give_back).
#ifdef M_ARENA_MAX
  mallopt(M_ARENA_MAX, static_cast<int>(threads) + 1);
#endif
  std::int64_t bytes_done = 0;
  {
    ParallelParser parser(jobs, options, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, jobs.size()))));
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (options.stop != nullptr && options.stop->load()) {
        summary.interrupted = true;
        summary.files_not_reached = static_cast<int>(jobs.size() - i);
        break;
      }
      const Job& job = jobs[i];
      JobResult result = parser.take(i);
      bytes_done += job.file.size_bytes;
      FileReport report{job.file.path, result.status, 0, 0, result.reason};
      switch (result.status) {
      case FileStatus::failed:
        ++summary.failed;
        observer.on_error(fmt::format("{}: {}", job.file.path, result.reason));
        break;
      case FileStatus::skipped:
        ++summary.skipped;
        observer.on_warning(job.file.path, 0, result.reason);
        break;
      case FileStatus::unchanged:
        ++summary.unchanged;
        if (job.existing != nullptr && !job.from_stdin) {
          writer.touch_source(job.existing->id, job.file.size_bytes, job.file.mtime);
        }
        break;
      case FileStatus::added:
      case FileStatus::changed: {
        store::SourceFile source;
        source.path = job.file.path;
        source.project = options.project ? *options.project
                                         : (job.from_stdin ? options.stdin_name : namer.project_of(job.file.path));
        source.content_hash = result.hash;
        source.size_bytes = result.bytes;
        source.mtime = job.file.mtime;
        int warnings = 0;
        for (const auto& d : result.log.diagnostics) {
          if (d.level == model::DiagnosticLevel::warning) {
            ++warnings;
            observer.on_warning(job.file.path, d.line, d.message);
          }
        }
        try {
          if (!writer.in_batch()) {
            writer.begin_batch();
            batch_started = std::chrono::steady_clock::now();
            // Checked again under the write lock: another ingest may have
            // filled the database since this one listed its sources.
            if (bulk_load && !indexes_dropped && !bulk_checked) {
              bulk_checked = true;
              if (!writer.has_sources()) {
                store::drop_secondary_indexes(db);
                indexes_dropped = true;
              }
            }
          }
          writer.write_source(source, result.log, warnings, options.ingested_at, k_parser_version);
          batch_bytes += result.bytes;
          maybe_commit(false);
        } catch (const SQLite::Exception& e) {
          rebuild_indexes_after_failure(db, writer, indexes_dropped);
          throw DatabaseError(fmt::format("{}: could not be written ({}); it, the files written since the last "
                                          "commit (a second's worth at most) and every file after it keep their "
                                          "previous state in the database",
                                          job.file.path, e.what()));
        }
        (result.status == FileStatus::added ? summary.added : summary.changed)++;
        summary.sessions += static_cast<std::int64_t>(result.log.sessions.size());
        summary.commits += static_cast<std::int64_t>(result.log.commits.size());
        summary.prs += static_cast<std::int64_t>(result.log.prs.size());
        summary.issues += static_cast<std::int64_t>(result.log.findings.size());
        summary.warnings += warnings;
        summary.bytes_parsed += result.bytes;
        report.sessions = static_cast<int>(result.log.sessions.size());
        report.warnings = warnings;
        break;
      }
      case FileStatus::removed:
        break;
      }
      observer.on_file(report);
      observer.on_progress(static_cast<int>(i + 1), bytes_done);
      parser.give_back(std::move(result));
    }
  }
  try {
    maybe_commit(true);
  } catch (const SQLite::Exception& e) {
    rebuild_indexes_after_failure(db, writer, indexes_dropped);
    throw DatabaseError(fmt::format("could not commit the last files ({}); they keep their previous state", e.what()));
  }
  try {
    restore_indexes();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(fmt::format("every file was written, but its indexes could not be built ({}); "
                                    "run `seshdb doctor --repair`",
                                    e.what()));
  }

  // A stop that came after the last file (while the indexes were built) is
  // still reported: the caller asked to stop, and pruning is what it skips.
  if (options.stop != nullptr && options.stop->load()) {
    summary.interrupted = true;
  }
  if (options.prune && !summary.interrupted) {
    for (const auto& [path, state] : sources) {
      if (path.starts_with(k_stdin_prefix)) {
        continue;
      }
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        writer.remove_source(state.id);
        ++summary.removed;
        observer.on_file({path, FileStatus::removed, 0, 0, {}});
      }
    }
  }
  return summary;
}

IngestSummary run_ingest_at(const std::filesystem::path& db_path, const IngestOptions& options,
                            IngestObserver& observer) {
  if (auto build = store::DatabaseBuild::begin_if_new(db_path)) {
    if (build->resumed()) {
      observer.on_warning("", 0,
                          "carrying on with the database an interrupted ingest was building; the files it "
                          "wrote count as unchanged");
    }
    IngestSummary summary;
    try {
      summary = run_ingest(build->db(), options, observer);
    } catch (const DatabaseError&) {
      // Every file committed before the failure is complete: publish them,
      // as the message about the failure promises.
      try {
        build->publish();
      } catch (const Error&) {
      }
      throw;
    }
    if (build->publish()) {
      return summary;
    }
    observer.on_warning("", 0,
                        "another ingest created the database while this one built it; writing into that one "
                        "instead (its messages may repeat)");
  }
  auto db = store::open_database(db_path, store::OpenMode::create);
  return run_ingest(*db, options, observer);
}

} // namespace seshdb::ingest
