#include "seshdb/query/questions.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/parse/dates.hpp"
#include "seshdb/query/result_rows.hpp"
#include "seshdb/query/step_completion.hpp"
#include "seshdb/util/embedded_files.hpp"
#include "seshdb/util/named_queries.hpp"
#include "seshdb/util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace seshdb::query {

namespace {

const std::map<std::string, std::string>& ask_sql() {
  static const std::map<std::string, std::string> k_sql = [] {
    for (const auto& file : embedded::files()) {
      if (file.name == "src/seshdb/query/sql/ask.sql") {
        return util::split_named_queries(file.text);
      }
    }
    throw Fatal("embedded query/sql/ask.sql is missing");
  }();
  return k_sql;
}

SQLite::Statement prepare(SQLite::Database& db, const std::string& name) {
  auto it = ask_sql().find(name);
  if (it == ask_sql().end()) {
    throw Fatal(fmt::format("ask.sql has no statement '{}'", name));
  }
  return SQLite::Statement(db, it->second);
}

void bind_filters(SQLite::Statement& s, const QuestionFilters& f) {
  bind_if_used(s, ":project", f.project);
  bind_if_used(s, ":branch", f.branch);
  bind_if_used(s, ":since", f.since);
  bind_if_used(s, ":until", f.until);
  bind_if_used(s, ":severity", f.severity);
  bind_if_used(s, ":metric", f.metric);
  bind_if_used(s, ":limit", std::optional<long long>(f.limit));
  bind_if_used(s, ":open", std::optional<long long>(f.open_only ? 1 : 0));
  bind_if_used(s, ":all", std::optional<long long>(f.all ? 1 : 0));
  bind_if_used(s, ":by", std::optional<std::string>(f.by));
  bind_if_used(s, ":group", std::optional<std::string>(f.group));
  bind_if_used(s, ":today", f.today.empty() ? std::nullopt : std::optional<std::string>(f.today));
}

bool is_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

const std::vector<QuestionInfo>& questions() {
  static const std::vector<QuestionInfo> k_questions = {
      {"timeline", "Sessions by date: local start-end, duration, project, branch, focus"},
      {"show", "One session in full (by id, date or 'latest'), with its items and references"},
      {"standup", "What the last N days did, decided and left open, per project (--days, default 7)"},
      {"prs", "Each PR number: repo, first and last mention, sessions, last known action"},
      {"commits", "Each commit mention: date, branch, session, and the line that names it"},
      {"blame", "Sessions that mention a commit (prefix), a PR (#95), a file path or a branch"},
      {"findings", "Review findings by severity, P0 first (--open: not fixed by a later session)"},
      {"decisions", "The decision log, newest first"},
      {"next-steps", "Open next steps of each project's latest session, and earlier ones completed later"},
      {"blockers", "Blockers still standing (in each project's latest session)"},
      {"time", "Hours per day, week or month by project or branch, with a bar chart"},
      {"files", "The most touched files"},
      {"metrics", "Metric names (tests, coverage, score...), or one metric's readings over time"},
      {"stats", "The corpus at a glance: sources, sessions, dates, hours, PRs, commits, findings"},
  };
  return k_questions;
}

namespace {

output::Value value_of(const SQLite::Column& column) {
  return column.isNull() ? output::Value{} : output::Value{column.getString()};
}

// Reads one project's items with a named query (bound to :project_name)
// into an index.
ProjectItems load_project_items(SQLite::Statement& query, const std::string& project) {
  ProjectItems items;
  query.reset();
  query.bind(":project_name", project);
  while (query.executeStep()) {
    items.add(query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getString());
  }
  items.index();
  return items;
}

// findings, with each shown finding's status computed by ProjectItems rather
// than by v_findings' instr() over every item of its project. Findings come
// in severity order, so every project met keeps its index.
output::ResultTable findings(SQLite::Database& db, const QuestionFilters& filters) {
  output::ResultTable table;
  table.columns = {"severity", "status", "title", "age_days", "date", "project", "branch", "location"};
  auto rows = prepare(db, "findings");
  bind_filters(rows, filters);
  auto candidates = prepare(db, "fix_candidates");
  std::map<std::string, ProjectItems> projects;
  while ((filters.limit < 0 || static_cast<long>(table.rows.size()) < filters.limit) && rows.executeStep()) {
    const auto project = rows.getColumn(4);
    const auto session = rows.getColumn(7);
    const std::string title = rows.getColumn(1).getString();
    bool fixed = false;
    // A finding outside every session, or of no project, is never fixed (as in the view).
    if (!project.isNull() && !session.isNull()) {
      auto it = projects.find(project.getString());
      if (it == projects.end()) {
        it = projects.emplace(project.getString(), load_project_items(candidates, project.getString())).first;
      }
      fixed = it->second.fixes(rows.getColumn(3).isNull() ? "" : rows.getColumn(3).getString(), session.getInt64(), title);
    }
    if (filters.open_only && fixed) {
      continue;
    }
    const auto age = rows.getColumn(2);
    table.rows.push_back({value_of(rows.getColumn(0)), std::string(fixed ? "fixed" : "open"), title,
                          age.isNull() ? output::Value{} : output::Value{static_cast<std::int64_t>(age.getInt64())},
                          value_of(rows.getColumn(3)), value_of(project), value_of(rows.getColumn(5)),
                          value_of(rows.getColumn(6))});
  }
  return table;
}

// next-steps, with completed_in computed by ProjectItems rather than by the
// view's instr() over every work item (see step_completion.hpp). Steps come
// in project order, so one project's work items are in memory at a time.
output::ResultTable next_steps(SQLite::Database& db, const QuestionFilters& filters) {
  output::ResultTable table;
  table.columns = {"project", "date", "next_step", "status", "completed_in", "location"};
  auto steps = prepare(db, "next_steps");
  bind_filters(steps, filters);
  auto work = prepare(db, "work_completed_items");
  std::optional<std::string> loaded_project;
  ProjectItems project_work;
  while ((filters.limit < 0 || static_cast<long>(table.rows.size()) < filters.limit) && steps.executeStep()) {
    const auto project = steps.getColumn(0);
    const auto date = steps.getColumn(1);
    const std::string text = steps.getColumn(2).getString();
    const bool done = !steps.getColumn(3).isNull() && steps.getColumn(3).getInt() == 1;
    const bool latest = steps.getColumn(4).getInt() == 1;
    std::optional<std::int64_t> completed_in;
    if (!project.isNull()) {
      if (loaded_project != project.getString()) {
        loaded_project = project.getString();
        project_work = load_project_items(work, *loaded_project);
      }
      completed_in = project_work.completed_in(date.isNull() ? "" : date.getString(), text);
    }
    if (!filters.all && !(latest && !done) && !completed_in) {
      continue;
    }
    table.rows.push_back({value_of(project), value_of(date), text,
                          std::string(done ? "done" : completed_in ? "completed later" : "open"),
                          completed_in ? output::Value{*completed_in} : output::Value{},
                          value_of(steps.getColumn(5))});
  }
  return table;
}

} // namespace

output::ResultTable ask_question(SQLite::Database& db, const std::string& name, const QuestionFilters& filters) {
  if (name == "next-steps") {
    return next_steps(db, filters);
  }
  if (name == "findings") {
    return findings(db, filters);
  }
  std::string statement = name == "metrics" && filters.metric ? "metric_readings" : name;
  std::replace(statement.begin(), statement.end(), '-', '_');
  auto s = prepare(db, statement);
  bind_filters(s, filters);
  return collect_rows(s);
}

std::optional<SessionReport> show_session(SQLite::Database& db, const std::string& ref, const QuestionFilters& filters) {
  std::optional<std::int64_t> id;
  const std::string lower = util::to_lower_ascii(util::trim(ref));
  if (lower == "latest" || lower == "last") {
    auto s = prepare(db, "find_latest_session");
    bind_filters(s, filters);
    if (s.executeStep()) {
      id = s.getColumn(0).getInt64();
    }
  } else if (!lower.empty() && std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
             lower.size() <= 19) {
    id = std::stoll(lower);
  } else if (auto date = parse::find_date(lower); date && date->year != 0) {
    auto s = prepare(db, "find_session_by_date");
    s.bind(":date", parse::format_date(date->year, date->month, date->day));
    bind_filters(s, filters);
    if (s.executeStep()) {
      id = s.getColumn(0).getInt64();
    }
  } else {
    throw Error(fmt::format("'{}' is not a session: give its id (from `seshdb ask timeline`), a date (YYYY-MM-DD) or latest",
                            ref));
  }
  if (!id) {
    return std::nullopt;
  }
  SessionReport report;
  auto session = prepare(db, "show_session");
  session.bind(":id", *id);
  report.session = collect_rows(session);
  if (report.session.rows.empty()) {
    return std::nullopt;
  }
  auto items = prepare(db, "show_items");
  items.bind(":id", *id);
  report.items = collect_rows(items);
  auto refs = prepare(db, "show_refs");
  refs.bind(":id", *id);
  report.references = collect_rows(refs);
  return report;
}

output::ResultTable blame(SQLite::Database& db, const std::string& ref, const QuestionFilters& filters) {
  const std::string text(util::trim(ref));
  if (text.empty()) {
    throw Error("blame needs a reference: a commit hash prefix, #PR, a file path or a branch");
  }
  const std::string lower = util::to_lower_ascii(text);
  auto ask_blame = [&](const std::string& statement, auto&& bind_ref) {
    auto s = prepare(db, statement);
    bind_ref(s);
    bind_filters(s, filters);
    return collect_rows(s);
  };
  std::string digits = lower;
  if (digits.starts_with("#")) {
    digits.erase(0, 1);
  } else if (digits.starts_with("pr")) {
    digits.erase(0, 2);
  }
  const bool pr = (lower.starts_with("#") || lower.starts_with("pr")) && !digits.empty() && digits.size() <= 9 &&
                  std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (pr) {
    return ask_blame("blame_pr", [&](SQLite::Statement& s) { s.bind(":number", std::stoi(digits)); });
  }
  const auto bind_text = [&](const std::string& value) {
    return [&value](SQLite::Statement& s) { s.bind(":ref", value); };
  };
  if (lower.size() >= 4 && lower.size() <= 40 && is_hex(lower) && lower.find_first_of("0123456789") != std::string::npos) {
    auto table = ask_blame("blame_commit", bind_text(lower));
    if (!table.rows.empty()) {
      return table;
    }
  }
  // A branch name, else a file path (both may contain '/').
  auto table = ask_blame("blame_branch", bind_text(text));
  if (!table.rows.empty()) {
    return table;
  }
  return ask_blame("blame_file", bind_text(text));
}

} // namespace seshdb::query
