// `seshdb search QUERY`: ranked full-text search across all history. Opens
// the database read-only. Exit 0 with hits, 1 without, 2 on a bad query.
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/query/search.hpp"
#include "seshdb/store/database.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <set>

namespace seshdb::cli {

namespace {

struct SearchCliOptions {
  std::vector<std::string> words;
  bool raw_fts = false;
  std::string branch, project, section, severity, pr, commit, file, since, until;
  std::string sort = "relevance";
  int limit = 20;
  int offset = 0;
  bool count = false;
  bool files_only = false;
  bool all_hits = false;
  std::string format = "table";
  std::string color = "auto";
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

// Adds the flag forms of the filters to the typed query, so both spellings
// go through the same parser and checks.
std::string with_flag_filters(const SearchCliOptions& o) {
  std::string query = o.raw_fts ? std::string() : join(o.words);
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) {
      query += fmt::format(" {}:\"{}\"", key, value);
    }
  };
  add("branch", o.branch);
  add("project", o.project);
  add("section", o.section);
  add("severity", o.severity);
  add("pr", o.pr);
  add("commit", o.commit);
  add("file", o.file);
  add("since", o.since);
  add("until", o.until);
  return query;
}

std::string marked(const std::string& snippet, const Style& style) {
  std::string out;
  for (char c : snippet) {
    if (c == '\x01') {
      out += style.match_on();
    } else if (c == '\x02') {
      out += style.match_off();
    } else {
      out += c;
    }
  }
  return out;
}

void print_grouped(Context& ctx, const std::vector<query::SearchHit>& hits, const Style& style) {
  std::int64_t last_session = -1;
  for (const auto& hit : hits) {
    if (hit.session_id != last_session || hit.session_id == 0) {
      const std::string when = hit.start.empty() ? hit.date : hit.date + " " + hit.start;
      ctx.out << style.dim(when.empty() ? "----------" : when) << "  " << hit.project;
      if (!hit.branch.empty()) {
        ctx.out << "  " << style.branch(hit.branch);
      }
      ctx.out << "  " << style.bold(hit.title) << '\n';
      last_session = hit.session_id;
    }
    const std::string where = hit.line > 0 ? fmt::format("{}:{}", hit.path, hit.line) : hit.path;
    ctx.out << "  " << style.path(where);
    if (!hit.section.empty()) {
      ctx.out << "  [" << hit.section << "]";
    }
    ctx.out << "  " << marked(hit.snippet, style) << '\n';
  }
}

output::ResultTable as_table(const std::vector<query::SearchHit>& hits) {
  output::ResultTable table;
  table.columns = {"session_id", "date", "start", "project", "branch", "title", "path", "line", "section", "snippet", "score"};
  const Style plain = Style::plain();
  for (const auto& hit : hits) {
    auto text_or_null = [](const std::string& s) -> output::Value {
      return s.empty() ? output::Value{} : output::Value{s};
    };
    table.rows.push_back({hit.session_id == 0 ? output::Value{} : output::Value{hit.session_id}, text_or_null(hit.date),
                          text_or_null(hit.start), text_or_null(hit.project), text_or_null(hit.branch), hit.title,
                          hit.path, hit.line == 0 ? output::Value{} : output::Value{static_cast<std::int64_t>(hit.line)},
                          text_or_null(hit.section), marked(hit.snippet, plain), hit.score});
  }
  return table;
}

} // namespace

void register_search(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SearchCliOptions>();
  auto* command = app.add_subcommand("search", "Ranked full-text search across all sessions, with file:line and snippets");
  command->add_option("query", o->words,
                      "Words (ANDed), \"phrases\", prefix*, OR, -word / NOT word, ( ), and filters branch: project: "
                      "section: severity: pr: commit: file: since: until:");
  command->add_flag("--fts", o->raw_fts, "Pass the query to FTS5 as is (expert syntax)");
  command->add_option("--branch", o->branch, "Only sessions on this branch (* is a wildcard)");
  command->add_option("--project", o->project, "Only this project (* is a wildcard)");
  command->add_option("--section", o->section, "Only sessions with a section of this kind (decisions, next_steps, ...)");
  command->add_option("--severity", o->severity, "Only sessions with findings of this severity (P0..P3)");
  command->add_option("--pr", o->pr, "Only sessions that mention this PR number");
  command->add_option("--commit", o->commit, "Only sessions that mention a commit with this hash prefix");
  command->add_option("--file", o->file, "Only sessions that touch a file path containing this");
  command->add_option("--since", o->since, "From this date: YYYY-MM-DD, 7d, 2w, 3m, 1y, yesterday");
  command->add_option("--until", o->until, "Up to this date (same forms as --since)");
  command->add_option("--sort", o->sort, "relevance (bm25, ties newest first), recent or oldest")
      ->check(CLI::IsMember({"relevance", "recent", "oldest"}));
  command->add_option("--limit,-n", o->limit, "Hits to show (default 20)");
  command->add_option("--offset", o->offset, "Hits to skip (for paging)");
  command->add_flag("--count,-c", o->count, "Print only the number of matching sessions");
  command->add_flag("--files-with-matches,-l", o->files_only, "Print only the files that match, like rg -l");
  command->add_flag("--all-hits", o->all_hits, "One row per matching section instead of per session");
  add_format_option(*command, o->format);
  add_color_option(*command, o->color);
  command->footer("Examples:\n"
                  "  seshdb search merged migration           both words, stemmed (merging finds merged)\n"
                  "  seshdb search '\"code review\" -draft'      a phrase, without 'draft'\n"
                  "  seshdb search 'auth* severity:P1 since:30d'\n"
                  "  seshdb search workflow-runner.ts --all-hits\n"
                  "Exit codes: 0 hits, 1 no hits, 2 bad query.");
  command->callback([&ctx, o] {
    const std::string today = today_utc();
    query::SearchQuery q = query::parse_search_query(with_flag_filters(*o), today);
    if (o->raw_fts) {
      if (o->words.empty()) {
        throw Error("--fts needs a query");
      }
      q.fts = join(o->words);
    }
    if (q.fts.empty() && q.terms.empty() && !q.filters.any_session_filter() && !q.filters.project) {
      throw Error("search needs a query: words, \"a phrase\", or a filter such as branch:main; see `seshdb search --help`");
    }
    if (o->limit < 0 || o->offset < 0) {
      throw Error("--limit and --offset take numbers of 0 or more");
    }
    auto db = store::open_database(ctx.db_path(), store::OpenMode::read_only);
    if (o->count) {
      const auto n = query::count_search(*db, q);
      ctx.out << n << '\n';
      ctx.exit = n > 0 ? ExitCode::ok : ExitCode::not_found;
      return;
    }
    query::SearchOptions options;
    options.sort = o->sort == "recent" ? query::SearchSort::recent
                   : o->sort == "oldest" ? query::SearchSort::oldest
                                         : query::SearchSort::relevance;
    options.limit = o->limit;
    options.offset = o->offset;
    options.all_hits = o->all_hits;
    const auto hits = query::run_search(*db, q, options);
    ctx.exit = hits.empty() ? ExitCode::not_found : ExitCode::ok;
    if (o->files_only) {
      std::set<std::string> seen;
      for (const auto& hit : hits) {
        if (seen.insert(hit.path).second) {
          ctx.out << hit.path << '\n';
        }
      }
      return;
    }
    const auto format = resolve_format(o->format);
    if (format == output::Format::table) {
      if (hits.empty()) {
        ctx.err << "seshdb: no matches\n";
        return;
      }
      print_grouped(ctx, hits, Style::for_stream(o->color, stdout));
      return;
    }
    output::print(ctx.out, as_table(hits), print_options(format, "search"));
  });
}

} // namespace seshdb::cli
