#include "seshdb/query/step_completion.hpp"

#include "seshdb/util/text.hpp"

#include <algorithm>

namespace seshdb::query {

namespace {

// Word characters: ASCII letters and digits, and every byte of a non-ASCII
// character (so CJK runs are one word; a step that is all CJK has no whole
// inner word and is compared with every later item).
bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Calls visit(word, whole) for each word of text; whole is true when a
// non-word byte of text is on both sides of it.
template <typename Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) {
      ++end;
    }
    visit(text.substr(i, end - i), i > 0 && end < text.size());
    i = end;
  }
}

// SQLite's length(): characters, counted as bytes that do not continue a
// UTF-8 sequence.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(
    std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

StepCompletion::StepCompletion(std::vector<WorkItem> items) {
  std::sort(items.begin(), items.end(), [](const WorkItem& a, const WorkItem& b) {
    return std::tie(a.project, a.local_date, a.item_id) < std::tie(b.project, b.local_date, b.item_id);
  });
  for (auto& item : items) {
    if (item.local_date.empty()) {
      continue;
    }
    auto& project = m_projects[item.project];
    project.items.push_back({std::move(item.local_date), item.session_id, util::to_lower_ascii(item.text)});
  }
  // Postings point into the items' own strings, which no longer move.
  for (auto& [name, project] : m_projects) {
    for (std::uint32_t k = 0; k < project.items.size(); ++k) {
      for_each_word(project.items[k].lower_text, [&](std::string_view word, bool) {
        auto& list = project.postings[word];
        if (list.empty() || list.back() != k) {
          list.push_back(k);
        }
      });
    }
  }
}

std::optional<std::int64_t> StepCompletion::completed_in(const std::string& project_name, std::string_view local_date,
                                                          std::string_view text) const {
  if (local_date.empty() || characters(text) < 8) {
    return std::nullopt;
  }
  const auto found = m_projects.find(project_name);
  if (found == m_projects.end()) {
    return std::nullopt;
  }
  const Project& project = found->second;
  const std::string step = util::to_lower_ascii(text);
  // The first item dated after the step.
  const auto later = std::upper_bound(project.items.begin(), project.items.end(), local_date,
                                      [](std::string_view date, const Item& item) { return date < item.local_date; });
  const auto first_later = static_cast<std::uint32_t>(later - project.items.begin());

  // The rarest whole inner word of the step, if it has one.
  const std::vector<std::uint32_t>* rarest = nullptr;
  bool has_inner_word = false;
  for_each_word(step, [&](std::string_view word, bool whole) {
    if (!whole) {
      return;
    }
    has_inner_word = true;
    static const std::vector<std::uint32_t> k_none;
    const auto it = project.postings.find(word);
    const auto* list = it == project.postings.end() ? &k_none : &it->second;
    if (rarest == nullptr || list->size() < rarest->size()) {
      rarest = list;
    }
  });
  if (has_inner_word) {
    for (auto k = std::lower_bound(rarest->begin(), rarest->end(), first_later); k != rarest->end(); ++k) {
      if (project.items[*k].lower_text.find(step) != std::string::npos) {
        return project.items[*k].session_id;
      }
    }
    return std::nullopt;
  }
  for (auto k = first_later; k < project.items.size(); ++k) {
    if (project.items[k].lower_text.find(step) != std::string::npos) {
      return project.items[k].session_id;
    }
  }
  return std::nullopt;
}

} // namespace seshdb::query
