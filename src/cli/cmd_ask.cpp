// `seshdb ask NAME`: the canned questions, one subcommand each, reading the
// v_* views. Opens the database read-only. Exit 0 with answers, 1 without.
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "seshdb/output/printer.hpp"
#include "seshdb/query/questions.hpp"
#include "seshdb/query/search_query.hpp"
#include "seshdb/store/database.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace seshdb::cli {

namespace {

struct AskOptions {
  std::string project, branch, since, until, severity;
  long limit = 50;
  bool open_only = false;
  bool all = false;
  int days = 7;
  std::string by = "week";
  std::string group = "project";
  std::string ref;
  std::string format = "table";
  std::string color = "auto";
};

std::optional<std::string> like_pattern(const std::string& value) {
  if (value.empty()) {
    return std::nullopt;
  }
  std::string out;
  for (char c : value) {
    if (c == '%' || c == '_' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c == '*' ? '%' : c;
    }
  }
  return out;
}

std::optional<std::string> date_option(const std::string& value, const char* flag) {
  if (value.empty()) {
    return std::nullopt;
  }
  auto date = query::resolve_date(value, today_utc());
  if (!date) {
    throw Error(fmt::format("{} {}: not a date; use YYYY-MM-DD, 7d, 2w, 3m, 1y, today or yesterday", flag, value));
  }
  return date;
}

query::QuestionFilters filters_of(const AskOptions& o) {
  query::QuestionFilters f;
  f.project = like_pattern(o.project);
  f.branch = like_pattern(o.branch);
  f.since = date_option(o.since, "--since");
  f.until = date_option(o.until, "--until");
  if (!o.severity.empty()) {
    f.severity = query::normalize_severity(o.severity);
    if (!f.severity) {
      throw Error(fmt::format("--severity {}: use P0, P1, P2 or P3 (or critical, important, ...)", o.severity));
    }
  }
  if (o.limit < 0) {
    throw Error("--limit takes a number of 0 or more");
  }
  f.limit = o.limit;
  f.open_only = o.open_only;
  f.all = o.all;
  f.by = o.by;
  f.group = o.group;
  f.today = today_utc();
  return f;
}

void add_common(CLI::App& command, AskOptions& o, bool dated = true) {
  command.add_option("--project", o.project, "Only this project (* is a wildcard)");
  command.add_option("--branch", o.branch, "Only this branch (* is a wildcard)");
  if (dated) {
    command.add_option("--since", o.since, "From this date: YYYY-MM-DD, 7d, 2w, 3m, 1y, yesterday");
    command.add_option("--until", o.until, "Up to this date (same forms as --since)");
  }
  command.add_option("--limit,-n", o.limit, "Rows to show (default 50)");
  add_format_option(command, o.format);
  add_color_option(command, o.color);
}

void print_answer(Context& ctx, const std::string& name, const output::ResultTable& table, const AskOptions& o) {
  const auto format = resolve_format(o.format);
  if (format == output::Format::table && table.rows.empty()) {
    // The latest-session default is the usual surprise: say how to widen it.
    const bool latest_only = (name == "next-steps" || name == "blockers") && !o.all;
    if (latest_only) {
      ctx.err << fmt::format("seshdb: nothing found in each project's latest session; `seshdb ask {} --all` "
                             "shows every session's\n",
                             name);
    } else if (name == "metrics" && !o.ref.empty()) {
      ctx.err << fmt::format("seshdb: no readings of a metric named '{}'; `seshdb ask metrics` lists the names there are\n", o.ref);
    } else {
      ctx.err << "seshdb: nothing found\n";
    }
  } else {
    output::print(ctx.out, table, print_options(format, "ask " + name));
  }
  ctx.exit = table.rows.empty() ? ExitCode::not_found : ExitCode::ok;
}

// `time` on a terminal: hours with a bar each, and the total.
void print_time(Context& ctx, output::ResultTable table, const AskOptions& o) {
  const auto format = resolve_format(o.format);
  if (format != output::Format::table || table.rows.empty()) {
    print_answer(ctx, "time", table, o);
    return;
  }
  double max_hours = 0;
  double total = 0;
  for (const auto& row : table.rows) {
    const double hours = std::holds_alternative<double>(row[2]) ? std::get<double>(row[2])
                         : std::holds_alternative<std::int64_t>(row[2]) ? static_cast<double>(std::get<std::int64_t>(row[2]))
                                                                         : 0.0;
    max_hours = std::max(max_hours, hours);
    total += hours;
  }
  table.columns.push_back("");
  for (auto& row : table.rows) {
    const double hours = std::holds_alternative<double>(row[2]) ? std::get<double>(row[2])
                         : std::holds_alternative<std::int64_t>(row[2]) ? static_cast<double>(std::get<std::int64_t>(row[2]))
                                                                         : 0.0;
    const int width = max_hours > 0 ? static_cast<int>(std::lround(30.0 * hours / max_hours)) : 0;
    std::string bar;
    for (int i = 0; i < width; ++i) {
      bar += "█";
    }
    row.push_back(bar);
  }
  output::print(ctx.out, table, print_options(format, "ask time"));
  ctx.out << fmt::format("total: {:.1f} hours in {} row(s)\n", total, table.rows.size());
  ctx.exit = ExitCode::ok;
}

void print_session(Context& ctx, const query::SessionReport& report, const AskOptions& o) {
  const auto format = resolve_format(o.format);
  if (format == output::Format::json) {
    auto objects = [](const output::ResultTable& table) {
      std::string out = "[";
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += r ? ", {" : "{";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
          out += (c ? ", " : "") + output::json_escape(table.columns[c]) + ": " + output::json_value(table.rows[r][c]);
        }
        out += "}";
      }
      return out + "]";
    };
    std::string session = objects(report.session);
    session = session.substr(1, session.size() - 2);
    ctx.out << fmt::format("{{\"format_version\": {}, \"command\": \"ask show\", \"session\": {}, \"items\": {}, "
                           "\"references\": {}}}\n",
                           output::k_json_format_version, session, objects(report.items), objects(report.references));
    return;
  }
  if (format != output::Format::table) {
    output::print(ctx.out, report.session, print_options(format, "ask show"));
    ctx.out << '\n';
    output::print(ctx.out, report.items, print_options(format, "ask show"));
    ctx.out << '\n';
    output::print(ctx.out, report.references, print_options(format, "ask show"));
    return;
  }
  const Style style = Style::for_stream(o.color, stdout);
  const auto& row = report.session.rows.front();
  auto field = [&](const char* name) {
    for (std::size_t i = 0; i < report.session.columns.size(); ++i) {
      if (report.session.columns[i] == name) {
        return output::to_text(row[i]);
      }
    }
    return std::string();
  };
  ctx.out << style.bold(field("title")) << '\n';
  std::string when = field("date");
  if (!field("start").empty()) {
    when += " " + field("start") + (field("end").empty() ? "" : "-" + field("end"));
    when += field("timezone").empty() ? "" : " " + field("timezone");
  }
  if (!field("minutes").empty()) {
    when += fmt::format(" ({} min)", field("minutes"));
  }
  ctx.out << fmt::format("  session {}  {}  project {}{}\n", field("session_id"), when, field("project"),
                         field("branch").empty() ? "" : "  branch " + style.branch(field("branch")));
  if (!field("started_at").empty()) {
    ctx.out << fmt::format("  UTC {} .. {}\n", field("started_at"), field("ended_at").empty() ? "?" : field("ended_at"));
  }
  if (!field("focus").empty()) {
    ctx.out << "  focus: " << field("focus") << '\n';
  }
  ctx.out << "  " << style.path(field("path") + ":" + field("line")) << '\n';
  std::string section;
  for (const auto& item : report.items.rows) {
    const std::string title = output::to_text(item[0]);
    if (title != section) {
      ctx.out << '\n' << style.bold(title) << '\n';
      section = title;
    }
    const std::string done = output::to_text(item[3]);
    const std::string mark = done == "done" ? "[x] " : done == "open" ? "[ ] " : "- ";
    const auto depth = std::get<std::int64_t>(item[4]);
    ctx.out << std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') << mark << output::to_text(item[2]) << '\n';
  }
  if (!report.references.rows.empty()) {
    ctx.out << '\n' << style.bold("References") << '\n';
    for (const auto& ref : report.references.rows) {
      ctx.out << fmt::format("  {:<8} {:<14} line {:<5} {}\n", output::to_text(ref[0]), output::to_text(ref[1]),
                             output::to_text(ref[2]), output::to_text(ref[3]));
    }
  }
}

} // namespace

void register_ask(CLI::App& app, Context& ctx) {
  auto* ask = app.add_subcommand("ask", "Canned questions: timeline, prs, findings, decisions, time, ... (--list)");
  auto list = std::make_shared<bool>(false);
  ask->add_flag("--list", *list, "Name each question with one line");
  ask->require_subcommand(0, 1);
  ask->footer("Every answer is also a view (v_timeline, v_prs, v_findings, ...) any SQLite client can query.\n"
              "Examples: seshdb ask timeline --since 2w   seshdb ask findings --open --severity P1\n"
              "          seshdb ask blame 48ab1c5          seshdb ask time --by month --group branch");
  ask->callback([&ctx, list, ask] {
    if (ask->get_subcommands().empty()) {
      if (!*list) {
        throw Error("ask needs a question; `seshdb ask --list` names them");
      }
      for (const auto& q : query::questions()) {
        ctx.out << fmt::format("{:<11} {}\n", q.name, q.summary);
      }
    }
  });

  for (const auto& info : query::questions()) {
    auto o = std::make_shared<AskOptions>();
    auto* command = ask->add_subcommand(info.name, info.summary);
    const std::string name = info.name;
    if (name == "show") {
      command->add_option("session", o->ref, "Session id, date (YYYY-MM-DD) or latest")->required();
      add_common(*command, *o, false);
      command->callback([&ctx, o] {
        auto db = store::open_database(ctx.db_path(), store::OpenMode::read_only);
        auto report = query::show_session(*db, o->ref, filters_of(*o));
        if (!report) {
          ctx.err << fmt::format("seshdb: no session '{}'\n", o->ref);
          ctx.exit = ExitCode::not_found;
          return;
        }
        print_session(ctx, *report, *o);
      });
      continue;
    }
    if (name == "blame") {
      command->add_option("ref", o->ref, "Commit hash prefix, #PR, file path or branch")->required();
      add_common(*command, *o, false);
      command->callback([&ctx, o] {
        auto db = store::open_database(ctx.db_path(), store::OpenMode::read_only);
        print_answer(ctx, "blame", query::blame(*db, o->ref, filters_of(*o)), *o);
      });
      continue;
    }
    add_common(*command, *o, name != "stats" && name != "standup");
    if (name == "findings") {
      command->add_option("--severity", o->severity, "Only this severity: P0..P3");
      command->add_flag("--open", o->open_only, "Only findings no later session marks fixed or resolved");
    }
    if (name == "next-steps" || name == "blockers") {
      command->add_flag("--all", o->all, "Every one, not just the latest session's");
    }
    if (name == "time") {
      command->add_option("--by", o->by, "Period: day, week or month")->check(CLI::IsMember({"day", "week", "month"}));
      command->add_option("--group", o->group, "Group by project or branch")->check(CLI::IsMember({"project", "branch"}));
    }
    if (name == "metrics") {
      command->add_option("name", o->ref, "A metric name (* is a wildcard): its readings, newest first");
      command->footer("Examples: seshdb ask metrics                  every metric name, with its latest value\n"
                      "          seshdb ask metrics coverage         coverage readings, newest first\n"
                      "          seshdb ask metrics 'tests*' --since 30d");
    }
    if (name == "standup") {
      command->add_option("--days", o->days, "How many days back (default 7)");
      command->add_option("--until", o->until, "Up to this date");
    }
    command->callback([&ctx, o, name] {
      auto db = store::open_database(ctx.db_path(), store::OpenMode::read_only);
      auto filters = filters_of(*o);
      if (name == "standup") {
        if (o->days < 0) {
          throw Error("--days takes a number of 0 or more");
        }
        filters.since = query::resolve_date(std::to_string(o->days) + "d", filters.until.value_or(today_utc()));
      }
      if (name == "metrics") {
        filters.metric = like_pattern(o->ref);
      }
      auto table = query::ask_question(*db, name, filters);
      if (name == "time") {
        print_time(ctx, std::move(table), *o);
      } else {
        print_answer(ctx, name, table, *o);
      }
    });
  }
}

} // namespace seshdb::cli
