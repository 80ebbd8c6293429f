// The two rules of the question views that search list items for a text,
// computed without comparing every pair:
// - a next step is completed in the session of the earliest (by date, then
//   item id) work_completed item of its project dated after the step whose
//   text contains the step's text, for steps of 8+ characters
//   (v_next_steps.completed_in);
// - a finding is fixed when an item of another session of its project, dated
//   the same day or later (an undated one counts as ''), is done or says
//   fixed/resolved and contains the finding's title (v_findings.status).
// Both fold ASCII case only, as SQLite's lower() does.
//
// The views do this with instr() over every item of the project per row,
// which took minutes on 10 MiB of logs. Here one project's items are indexed
// by their words: a word of the wanted text with a separator on both sides
// (not its first or last word, which may be cut) is a whole word of any text
// that contains it, so only items having the two rarest such words are
// compared. Texts without one (CJK runs, one or two words) are compared with
// every item in range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seshdb::query {

class ProjectItems {
public:
  // The project's items in order of date ('' first), then item id.
  void add(std::string_view local_date, std::int64_t session_id, std::string_view text);
  // After the last add, before the first question.
  void index();

  // v_next_steps.completed_in for a step of this project dated local_date
  // (empty when unknown); the items are its work_completed items.
  std::optional<std::int64_t> completed_in(std::string_view local_date, std::string_view text) const;

  // v_findings.status == 'fixed' for a finding of this project's session
  // session_id, dated local_date; the items are those done or saying
  // fixed/resolved.
  bool fixes(std::string_view local_date, std::int64_t session_id, std::string_view title) const;

private:
  struct Item {
    std::size_t text_begin = 0;
    std::uint32_t text_size = 0;
    std::int64_t session_id = 0;
  };
  // The index of the first item dated after (or, with or_same, on or after)
  // local_date.
  std::size_t first_dated_after(std::string_view local_date, bool or_same) const;
  // The first item from index `from` on that contains needle (lowercased)
  // and that accept(item) takes.
  template <typename Accept>
  const Item* first_containing(std::string_view needle, std::size_t from, Accept&& accept) const;

  std::string_view text() const { return {m_text.data(), m_text.size()}; }

  // Every item's text, lowercased, back to back. A vector, not a string: the
  // postings' keys point into it, and a short string lives inside the object,
  // so moving the index (load_project_items returns it) would leave them
  // pointing at the old one.
  std::vector<char> m_text;
  std::vector<Item> m_items;
  // Items come in date order, so each date is kept once, with the index of
  // its first item (a string per item was a third of the memory).
  std::vector<std::pair<std::size_t, std::string>> m_dates;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> m_postings; // word -> items, in order
};

} // namespace seshdb::query
