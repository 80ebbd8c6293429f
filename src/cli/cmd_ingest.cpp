// `seshdb ingest PATH...`: parse logs into the database, incrementally.
// Opens the database for writing (creating it); prints warnings as
// path:line: message (capped per file), a progress bar on a terminal, and a
// summary (text or --json).
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/terminal.hpp"
#include "seshdb/ingest/ingest_run.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/parse/times.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <iterator>
#include <map>
#include <unistd.h>

namespace seshdb::cli {

namespace {

struct IngestCliOptions {
  ingest::IngestOptions core;
  std::string project;
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  int max_warnings = 5;
};

class CliObserver : public ingest::IngestObserver {
public:
  CliObserver(Context& ctx, const IngestCliOptions& options)
    : m_ctx(ctx), m_options(options), m_progress(!options.quiet && !options.json && isatty(STDERR_FILENO) == 1) {}

  void on_start(int files, std::int64_t bytes) override {
    m_total_files = files;
    m_total_bytes = bytes;
    m_started = std::chrono::steady_clock::now();
  }

  void on_progress(int files_done, std::int64_t bytes_done) override {
    if (!m_progress) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (files_done < m_total_files && now - m_last_draw < std::chrono::milliseconds(100)) {
      return;
    }
    m_last_draw = now;
    const double seconds = std::chrono::duration<double>(now - m_started).count();
    const double mb = static_cast<double>(bytes_done) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    const double remaining = rate > 0 ? (static_cast<double>(m_total_bytes) / 1e6 - mb) / rate : 0;
    const int width = 24;
    const int filled = m_total_bytes > 0 ? static_cast<int>(width * bytes_done / m_total_bytes) : width;
    m_ctx.err << fmt::format("\r[{:<{}}] {}/{} files  {:.1f}/{:.1f} MB  {:.1f} MB/s  ETA {:.0f}s ",
                             std::string(static_cast<std::size_t>(std::min(filled, width)), '#'), width, files_done,
                             m_total_files, mb, static_cast<double>(m_total_bytes) / 1e6, rate, remaining);
    m_drawn = true;
  }

  void on_file(const ingest::FileReport& report) override {
    if (m_options.verbose && !m_options.json) {
      clear_progress();
      m_ctx.err << fmt::format("{:9} {}{}\n", ingest::to_string(report.status), report.path,
                               report.status == ingest::FileStatus::added || report.status == ingest::FileStatus::changed
                                   ? fmt::format(" ({} sessions)", report.sessions)
                                   : "");
    }
    flush_hidden(report.path);
  }

  void on_warning(const std::string& path, int line, const std::string& message) override {
    if (path.empty()) {
      print(fmt::format("seshdb: warning: {}", message));
      return;
    }
    const int count = ++m_warnings_per_file[path];
    if (count > m_options.max_warnings) {
      return;
    }
    print(line > 0 ? fmt::format("{}:{}: warning: {}", path, line, message)
                   : fmt::format("{}: warning: {}", path, message));
  }

  void on_error(const std::string& message) override { print(fmt::format("seshdb: error: {}", message), true); }

  void on_phase(const std::string& what) override {
    if (m_progress) {
      clear_progress();
      m_ctx.err << fmt::format("\r{}...", what);
      m_drawn = true;
    }
  }

  void finish() { clear_progress(); }

private:
  void print(const std::string& line, bool always = false) {
    if (m_options.quiet && !always) {
      return;
    }
    clear_progress();
    m_ctx.err << line << '\n';
  }

  void flush_hidden(const std::string& path) {
    auto it = m_warnings_per_file.find(path);
    if (it != m_warnings_per_file.end() && it->second > m_options.max_warnings) {
      print(fmt::format("{}: {} more warning(s) not shown; `seshdb lint {}` shows them all",
                        path, it->second - m_options.max_warnings, path));
    }
  }

  void clear_progress() {
    if (m_drawn) {
      m_ctx.err << "\r\033[K";
      m_drawn = false;
    }
  }

  Context& m_ctx;
  const IngestCliOptions& m_options;
  bool m_progress;
  bool m_drawn = false;
  int m_total_files = 0;
  std::int64_t m_total_bytes = 0;
  std::chrono::steady_clock::time_point m_started, m_last_draw;
  std::map<std::string, int> m_warnings_per_file;
};

void print_summary(Context& ctx, const IngestCliOptions& options, const ingest::IngestSummary& s, double seconds,
                   const std::string& db_path) {
  const double mb = static_cast<double>(s.bytes_parsed) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  if (options.json) {
    ctx.out << fmt::format(
        "{{\"format_version\": {}, \"command\": \"ingest\", \"database\": {}, \"files_scanned\": {}, \"new\": {}, "
        "\"changed\": {}, \"unchanged\": {}, \"removed\": {}, \"failed\": {}, \"skipped\": {}, \"input_errors\": {}, "
        "\"sessions\": {}, \"commits\": {}, \"prs\": {}, \"issues\": {}, \"warnings\": {}, \"bytes_parsed\": {}, "
        "\"elapsed_seconds\": {:.3f}, \"mb_per_second\": {:.2f}, \"interrupted\": {}, \"files_not_reached\": {}}}\n",
        output::k_json_format_version, output::json_escape(db_path), s.files_scanned, s.added, s.changed, s.unchanged,
        s.removed, s.failed, s.skipped, s.input_errors, s.sessions, s.commits, s.prs, s.issues, s.warnings,
        s.bytes_parsed, seconds, rate, s.interrupted, s.files_not_reached);
    return;
  }
  if (options.quiet) {
    return;
  }
  ctx.out << fmt::format("{} file(s) scanned: {} new, {} changed, {} unchanged, {} removed", s.files_scanned, s.added,
                         s.changed, s.unchanged, s.removed);
  if (s.failed + s.skipped + s.input_errors > 0) {
    ctx.out << fmt::format(", {} failed, {} skipped, {} missing", s.failed, s.skipped, s.input_errors);
  }
  ctx.out << '\n';
  ctx.out << fmt::format("parsed: {} session(s), {} commit(s), {} PR mention(s), {} finding(s), {} warning(s)\n",
                         s.sessions, s.commits, s.prs, s.issues, s.warnings);
  ctx.out << fmt::format("{:.2f} s, {:.1f} MB at {:.1f} MB/s into {}\n", seconds, mb, rate, db_path);
}

} // namespace

void register_ingest(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<IngestCliOptions>();
  auto* command = app.add_subcommand(
      "ingest", "Parse session logs (files, folders, - for stdin) into the database; incremental and atomic");
  command->add_option("paths", options->core.paths,
                      "Log files and folders (folders: *.md, *.markdown, *.txt, recursively); - reads stdin")
      ->required();
  command->add_option("--include", options->core.include, "Glob of files to take from folders (repeatable)")
      ->allow_extra_args(false); // one value per flag, so a following path or statement is not swallowed
  command->add_option("--exclude", options->core.exclude, "Glob of files to leave out (repeatable)")
      ->allow_extra_args(false); // one value per flag, so a following path or statement is not swallowed
  command->add_option("--project", options->project, "Project name (default: the git repository's folder name)");
  command->add_option("--name", options->core.stdin_name, "Name for the log read from stdin (with -)");
  command->add_option("--tz", options->core.default_zone,
                      "Zone for times in files that never name one, e.g. PST, +02:00, Europe/Paris (default UTC)");
  command->add_flag("--force", options->core.force, "Re-parse every file, changed or not");
  command->add_flag("--prune", options->core.prune, "Remove sources whose files no longer exist");
  command->add_flag("--json", options->json, "Print the summary as JSON");
  command->add_flag("--quiet,-q", options->quiet, "Print errors only");
  command->add_flag("--verbose,-v", options->verbose, "Print one line per file");
  command->add_option("--max-warnings", options->max_warnings, "Warnings shown per file (default 5)");
  command->add_option("--threads", options->core.threads, "Parser threads (default: one per core but the one the writer uses, at least 1)");
  command->footer("Unchanged files (same size and mtime, or same content) are skipped; each changed file is\n"
                  "replaced in one transaction, so an interrupted ingest never leaves a file half-written.\n"
                  "Ctrl-C stops after the file being written and keeps every file written so far (exit 130);\n"
                  "a second Ctrl-C stops at once, and files not yet committed (up to a second's worth) keep\n"
                  "their previous state. The index build that ends a first load finishes before it stops.\n"
                  "Example: seshdb ingest ~/work/*/docs --exclude 'CHANGELOG.md'");
  command->callback([&ctx, options] {
    if (!options->project.empty()) {
      options->core.project = options->project;
    }
    for (const auto& path : options->core.paths) {
      if (path == "-") {
        options->core.stdin_text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      }
    }
    if (!options->core.default_zone.empty() && !parse::zone_offset(options->core.default_zone, 2000, 1, 1)) {
      throw Error(fmt::format("--tz: unknown zone '{}'; use an abbreviation (PST, CET), an offset (+02:00) or an "
                              "IANA name (Europe/Paris)",
                              options->core.default_zone));
    }
    options->core.ingested_at = now_utc();
    const auto path = ctx.db_path();
    CliObserver observer(ctx, *options);
    const auto started = std::chrono::steady_clock::now();
    InterruptGuard interrupt;
    options->core.stop = &interrupt.requested();
    const auto summary = ingest::run_ingest_at(path, options->core, observer);
    observer.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_summary(ctx, *options, summary, seconds, path.string());
    if (summary.interrupted) {
      if (summary.files_not_reached > 0) {
        ctx.err << fmt::format("seshdb: error: interrupted; every file written so far is complete in the database, "
                               "and {} file(s) not reached keep their previous state{}; run the same command again "
                               "to finish\n",
                               summary.files_not_reached, options->core.prune ? " (nothing was pruned)" : "");
      } else {
        ctx.err << fmt::format("seshdb: error: interrupted after the last file; every file is complete in the "
                               "database{}\n",
                               options->core.prune ? ", but nothing was pruned: run the same command again to prune"
                                                   : "");
      }
      ctx.exit = interrupt.signal_number() == SIGTERM ? ExitCode::terminated : ExitCode::interrupted;
    } else if (summary.input_errors > 0 || summary.failed > 0) {
      ctx.exit = ExitCode::usage;
    }
  });
}

} // namespace seshdb::cli
