// The canned questions of `seshdb ask`: timeline, show, standup, prs,
// commits, blame, findings, decisions, next-steps, blockers, time, files,
// stats. Each is a named statement in query/sql/ask.sql over the v_* views,
// so any SQLite client gets the same answers from the same views.
#pragma once

#include "seshdb/output/table.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seshdb::query {

struct QuestionInfo {
  std::string name;
  std::string summary;
};

const std::vector<QuestionInfo>& questions();

struct QuestionFilters {
  std::optional<std::string> project; // LIKE patterns (* wildcard already turned into %)
  std::optional<std::string> branch;
  std::optional<std::string> since;   // YYYY-MM-DD
  std::optional<std::string> until;
  std::optional<std::string> severity; // P0..P3
  std::optional<std::string> metric;   // metrics: one name (LIKE pattern), else the list of names
  long limit = -1;
  bool open_only = false; // findings --open
  bool all = false;       // next-steps / blockers: not just the latest/standing
  std::string by = "week";       // time: day|week|month
  std::string group = "project"; // time: project|branch
  std::string today;             // YYYY-MM-DD, for ages
};

// Runs one of the list-shaped questions (not show/blame).
output::ResultTable ask_question(SQLite::Database& db, const std::string& name, const QuestionFilters& filters);

// show: a session by id, by date (YYYY-MM-DD) or "latest".
struct SessionReport {
  output::ResultTable session; // one row
  output::ResultTable items;
  output::ResultTable references;
};
std::optional<SessionReport> show_session(SQLite::Database& db, const std::string& ref, const QuestionFilters& filters);

// blame: sessions that mention a commit (hash prefix), a PR (#95), a file
// path or a branch.
output::ResultTable blame(SQLite::Database& db, const std::string& ref, const QuestionFilters& filters);

} // namespace seshdb::query
