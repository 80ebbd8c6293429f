#include "seshdb/query/step_completion.hpp"

#include "seshdb/util/text.hpp"

#include <algorithm>

namespace seshdb::query {

namespace {

// Word characters: ASCII letters and digits, and every byte of a non-ASCII
// character (so a CJK run is one word).
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

void ProjectItems::add(std::string_view local_date, std::int64_t session_id, std::string_view text) {
  if (m_dates.empty() || m_dates.back().second != local_date) {
    m_dates.emplace_back(m_items.size(), std::string(local_date));
  }
  m_items.push_back({m_text.size(), static_cast<std::uint32_t>(text.size()), session_id});
  const std::string lower = util::to_lower_ascii(text);
  m_text.insert(m_text.end(), lower.begin(), lower.end());
}

std::size_t ProjectItems::first_dated_after(std::string_view local_date, bool or_same) const {
  const auto date = or_same ? std::lower_bound(m_dates.begin(), m_dates.end(), local_date,
                                               [](const auto& entry, std::string_view d) { return entry.second < d; })
                            : std::upper_bound(m_dates.begin(), m_dates.end(), local_date,
                                               [](std::string_view d, const auto& entry) { return d < entry.second; });
  return date == m_dates.end() ? m_items.size() : date->first;
}

void ProjectItems::index() {
  // The keys are views into m_text, which no longer changes.
  for (std::uint32_t k = 0; k < m_items.size(); ++k) {
    const Item& item = m_items[k];
    for_each_word(text().substr(item.text_begin, item.text_size), [&](std::string_view word, bool) {
      auto& list = m_postings[word];
      if (list.empty() || list.back() != k) {
        list.push_back(k);
      }
    });
  }
}

template <typename Accept>
const ProjectItems::Item* ProjectItems::first_containing(std::string_view needle, std::size_t from,
                                                         Accept&& accept) const {
  auto matches = [&](const Item& item) {
    return text().substr(item.text_begin, item.text_size).find(needle) != std::string_view::npos &&
           accept(item);
  };
  // The two rarest whole inner words of the needle.
  static const std::vector<std::uint32_t> k_none;
  const std::vector<std::uint32_t>* rarest = nullptr;
  const std::vector<std::uint32_t>* second = nullptr;
  for_each_word(needle, [&](std::string_view word, bool whole) {
    if (!whole) {
      return;
    }
    const auto it = m_postings.find(word);
    const auto* list = it == m_postings.end() ? &k_none : &it->second;
    if (list == rarest || list == second) {
      return; // the same word twice
    }
    if (rarest == nullptr || list->size() < rarest->size()) {
      second = rarest;
      rarest = list;
    } else if (second == nullptr || list->size() < second->size()) {
      second = list;
    }
  });
  if (rarest == nullptr) {
    for (auto k = from; k < m_items.size(); ++k) {
      if (matches(m_items[k])) {
        return &m_items[k];
      }
    }
    return nullptr;
  }
  // Items in both lists (both ascending), then the text itself.
  auto other = second != nullptr ? second->begin() : rarest->begin();
  const auto start = static_cast<std::uint32_t>(std::min<std::size_t>(from, m_items.size()));
  for (auto k = std::lower_bound(rarest->begin(), rarest->end(), start); k != rarest->end(); ++k) {
    if (second != nullptr) {
      other = std::lower_bound(other, second->end(), *k);
      if (other == second->end()) {
        return nullptr;
      }
      if (*other != *k) {
        continue;
      }
    }
    if (matches(m_items[*k])) {
      return &m_items[*k];
    }
  }
  return nullptr;
}

std::optional<std::int64_t> ProjectItems::completed_in(std::string_view local_date, std::string_view text) const {
  if (local_date.empty() || characters(text) < 8) {
    return std::nullopt;
  }
  const Item* found = first_containing(util::to_lower_ascii(text), first_dated_after(local_date, false),
                                       [](const Item&) { return true; });
  return found != nullptr ? std::optional<std::int64_t>(found->session_id) : std::nullopt;
}

bool ProjectItems::fixes(std::string_view local_date, std::int64_t session_id, std::string_view title) const {
  return first_containing(util::to_lower_ascii(title), first_dated_after(local_date, true),
                          [&](const Item& item) { return item.session_id != session_id; }) != nullptr;
}

} // namespace seshdb::query
