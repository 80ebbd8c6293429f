// `seshdb lint PATH...`: how each file is read, without touching the
// database: sessions with their dates, times, zones (and the rule that
// decided), durations and branches; references; and the lines that looked
// like sessions but were not taken, with the reason.
#include "cli/commands.hpp"
#include "seshdb/ingest/discover.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/parse/session_log_parser.hpp"
#include "seshdb/util/files.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

namespace seshdb::cli {

namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string tz;
  bool refs = false;
  bool json = false;
};

std::string opt_json(const std::optional<std::string>& value) {
  return value ? output::json_escape(*value) : "null";
}

std::string opt_json(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "null";
}

std::string clock_json(const std::optional<int>& minute) {
  return minute ? fmt::format("\"{:02}:{:02}\"", *minute / 60, *minute % 60) : "null";
}

// One JSON object per file (JSON Lines), for scripts and the corpus scorer.
void print_json(Context& ctx, const std::string& path, const model::ParsedLog& log) {
  std::string out = fmt::format("{{\"format_version\": {}, \"path\": {}, \"sessions\": [", output::k_json_format_version,
                                output::json_escape(path));
  for (std::size_t i = 0; i < log.sessions.size(); ++i) {
    const auto& s = log.sessions[i];
    out += fmt::format(
        "{}{{\"ordinal\": {}, \"line\": {}, \"line_end\": {}, \"title\": {}, \"local_date\": {}, \"start_time\": {}, "
        "\"end_time\": {}, \"timezone\": {}, \"tz_rule\": {}, \"started_at\": {}, \"ended_at\": {}, "
        "\"duration_minutes\": {}, \"branch\": {}, \"focus\": {}, \"date_year_inferred\": {}}}",
        i ? ", " : "", s.ordinal, s.line_start, s.line_end, output::json_escape(s.title), opt_json(s.local_date),
        clock_json(s.start_minute), clock_json(s.end_minute), opt_json(s.timezone),
        s.tz_rule.empty() ? "null" : output::json_escape(s.tz_rule), opt_json(s.started_at), opt_json(s.ended_at),
        opt_json(s.duration_minutes), opt_json(s.branch), opt_json(s.focus), s.date_year_inferred ? "true" : "false");
  }
  out += "], \"commits\": [";
  for (std::size_t i = 0; i < log.commits.size(); ++i) {
    out += fmt::format("{}{{\"sha\": {}, \"line\": {}}}", i ? ", " : "", output::json_escape(log.commits[i].sha), log.commits[i].line);
  }
  out += "], \"prs\": [";
  for (std::size_t i = 0; i < log.prs.size(); ++i) {
    const auto& p = log.prs[i];
    out += fmt::format("{}{{\"number\": {}, \"repo\": {}, \"action\": {}, \"line\": {}}}", i ? ", " : "", p.number,
                       opt_json(p.repo), opt_json(p.action), p.line);
  }
  out += "], \"findings\": [";
  for (std::size_t i = 0; i < log.findings.size(); ++i) {
    const auto& f = log.findings[i];
    out += fmt::format("{}{{\"severity\": {}, \"title\": {}, \"line\": {}}}", i ? ", " : "", output::json_escape(f.severity),
                       output::json_escape(f.title), f.line);
  }
  out += "], \"diagnostics\": [";
  for (std::size_t i = 0; i < log.diagnostics.size(); ++i) {
    const auto& d = log.diagnostics[i];
    out += fmt::format("{}{{\"level\": \"{}\", \"line\": {}, \"message\": {}}}", i ? ", " : "",
                       d.level == model::DiagnosticLevel::warning ? "warning" : "note", d.line, output::json_escape(d.message));
  }
  ctx.out << out << "]}\n";
}

std::string minutes_text(const std::optional<int>& minute) {
  return minute ? fmt::format("{:02}:{:02}", *minute / 60, *minute % 60) : std::string("?");
}

void lint_file(Context& ctx, const std::string& path, const LintOptions& options) {
  std::string error;
  auto bytes = util::read_file_bytes(path, error);
  if (!bytes) {
    ctx.err << fmt::format("seshdb: {}: cannot read: {}\n", path, error);
    ctx.exit = ExitCode::usage;
    return;
  }
  parse::ParseOptions parse_options;
  parse_options.default_zone = options.tz;
  parse_options.file_name = std::filesystem::path(path).filename().string();
  const auto log = parse::parse_session_log(*bytes, parse_options);
  if (options.json) {
    print_json(ctx, path, log);
    return;
  }
  ctx.out << fmt::format("{}: {} session(s), {} commit(s), {} PR mention(s), {} finding(s), {} file ref(s), {} metric(s)\n",
                         path, log.sessions.size(), log.commits.size(), log.prs.size(), log.findings.size(),
                         log.files.size(), log.metrics.size());
  for (const auto& s : log.sessions) {
    std::string zone = s.timezone.value_or("");
    if (!s.tz_rule.empty()) {
      zone = fmt::format("{}{}[{}]", zone, zone.empty() ? "" : " ", s.tz_rule);
    }
    // A year the heading did not write, taken from the nearest dated session, says so.
    const std::string date = s.local_date ? *s.local_date + (s.date_year_inferred ? "[year inferred]" : "") : "no-date";
    ctx.out << fmt::format("{}:{}: session {} {} {}-{}{} {} {} {} utc={} \"{}\"\n", path, s.line_start, s.ordinal,
                           date, minutes_text(s.start_minute), minutes_text(s.end_minute),
                           s.time_approx ? "~" : "", zone.empty() ? "-" : zone,
                           s.duration_minutes ? fmt::format("{}m({})", *s.duration_minutes, s.duration_source) : "-",
                           s.branch.value_or("-"), s.started_at.value_or("-"), s.title);
  }
  if (options.refs) {
    for (const auto& c : log.commits) {
      ctx.out << fmt::format("{}:{}: commit {}\n", path, c.line, c.sha);
    }
    for (const auto& p : log.prs) {
      ctx.out << fmt::format("{}:{}: pr #{}{}{}\n", path, p.line, p.number, p.repo ? " repo=" + *p.repo : "",
                             p.action ? " action=" + *p.action : "");
    }
    for (const auto& f : log.findings) {
      ctx.out << fmt::format("{}:{}: finding {} {}\n", path, f.line, f.severity, f.title);
    }
    for (const auto& f : log.files) {
      ctx.out << fmt::format("{}:{}: file {}{}\n", path, f.line, f.path, f.action ? " (" + *f.action + ")" : "");
    }
    for (const auto& m : log.metrics) {
      ctx.out << fmt::format("{}:{}: metric {}={}{} \"{}\"\n", path, m.line, m.name, m.value ? fmt::format("{}", *m.value) : "?",
                             m.unit, m.raw);
    }
  }
  for (const auto& d : log.diagnostics) {
    ctx.out << fmt::format("{}:{}: {}: {}\n", path, d.line, d.level == model::DiagnosticLevel::warning ? "warning" : "note",
                           d.message);
  }
}

} // namespace

void register_lint(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<LintOptions>();
  auto* command = app.add_subcommand("lint", "Show how logs are read (sessions, times, references, skipped lines); writes nothing");
  command->add_option("paths", options->paths,
                      "Log files to read, or folders: walked for *.md, *.markdown and *.txt as ingest walks them")
      ->required();
  command->add_option("--tz", options->tz, "Zone for headings in files that never name one (default UTC)");
  command->add_flag("--refs", options->refs, "Also list every commit, PR, finding, file and metric found");
  command->add_flag("--json", options->json, "One JSON object per file (JSON Lines)");
  command->callback([&ctx, options] {
    for (const auto& path : options->paths) {
      std::error_code ec;
      if (!std::filesystem::is_directory(path, ec)) {
        lint_file(ctx, path, *options);
        continue;
      }
      // A folder: the files ingest would read there, in path order.
      const auto found = ingest::discover_files({path}, ingest::default_include_globs(), {});
      for (const auto& error : found.errors) {
        ctx.err << fmt::format("seshdb: {}\n", error);
        ctx.exit = ExitCode::usage;
      }
      if (found.files.empty() && found.errors.empty()) {
        ctx.err << fmt::format("seshdb: {}: no log files here (*.md, *.markdown, *.txt); name a file to lint it\n", path);
        ctx.exit = ExitCode::usage;
      }
      for (const auto& file : found.files) {
        lint_file(ctx, file.path, *options);
      }
    }
  });
}

} // namespace seshdb::cli
