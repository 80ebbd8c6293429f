// Which later session completed a next step: the rule of v_next_steps'
// completed_in column, computed without comparing every step with every
// work item. A step is completed in the session of the earliest (by date,
// then item id) work_completed item of the same project, dated after the
// step, whose text contains the step's text (ASCII case folded, as SQLite's
// lower() does), for steps of at least 8 characters.
//
// The view does this with instr() over every work item of the project per
// step, which took minutes on 10 MiB of logs. Here work items are indexed by
// their words: a step whose text has a word with a separator on both sides
// can only be inside items that have that whole word, so only those are
// compared (the step's first and last words may be cut, so they are not used).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seshdb::query {

struct WorkItem {
  std::string project;
  std::string local_date; // YYYY-MM-DD; items without a date never complete a step
  std::int64_t item_id = 0;
  std::int64_t session_id = 0;
  std::string text;
};

class StepCompletion {
public:
  // Items in any order.
  explicit StepCompletion(std::vector<WorkItem> items);

  // The session that completed a step of this project, dated local_date
  // (empty when unknown), or nullopt.
  std::optional<std::int64_t> completed_in(const std::string& project, std::string_view local_date,
                                           std::string_view text) const;

private:
  struct Item {
    std::string local_date;
    std::int64_t session_id = 0;
    std::string lower_text;
  };
  struct Project {
    std::vector<Item> items; // by date, then item id
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> postings; // word -> items, in order
  };
  std::unordered_map<std::string, Project> m_projects;
};

} // namespace seshdb::query
