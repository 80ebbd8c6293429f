// Which later session completed a next step: the rule of v_next_steps'
// completed_in column, computed without comparing every step with every
// work item. A step is completed in the session of the earliest (by date,
// then item id) work_completed item of the same project, dated after the
// step, whose text contains the step's text (ASCII case folded, as SQLite's
// lower() does), for steps of at least 8 characters.
//
// The view does this with instr() over every work item of the project per
// step, which took minutes on 10 MiB of logs. Here one project's work items
// are indexed by their words: a step's word with a separator on both sides
// (not its first or last word, which may be cut) is a whole word of any text
// that contains the step, so only items having the step's two rarest such
// words are compared. Steps without one (CJK runs, one or two words) are
// compared with every later item.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seshdb::query {

class ProjectWork {
public:
  // The project's work items in order of date, then item id; items without
  // a date never complete a step and are not added.
  void add(std::string_view local_date, std::int64_t session_id, std::string_view text);
  // After the last add, before the first question.
  void index();

  // The session that completed a step of this project dated local_date
  // (empty when unknown), or nullopt.
  std::optional<std::int64_t> completed_in(std::string_view local_date, std::string_view text) const;

private:
  struct Item {
    std::size_t text_begin = 0;
    std::size_t text_size = 0;
    std::int64_t session_id = 0;
    std::string local_date;
  };
  bool contains(const Item& item, std::string_view step) const;

  std::string m_text; // every item's text, lowercased, back to back
  std::vector<Item> m_items;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> m_postings; // word -> items, in order
};

} // namespace seshdb::query
