#include "seshdb/parse/durations.hpp"

#include "seshdb/util/text.hpp"

#include <cmath>
#include <string>

namespace seshdb::parse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

enum class Unit { none, hours, minutes };

// Reads a unit word at p (after optional spaces); advances p.
Unit read_unit(std::string_view lower, std::size_t& p) {
  std::size_t q = p;
  while (q < lower.size() && lower[q] == ' ') {
    ++q;
  }
  struct Word {
    std::string_view text;
    Unit unit;
  };
  static constexpr Word k_words[] = {
      {"hours", Unit::hours}, {"hour", Unit::hours}, {"hrs", Unit::hours},       {"hr", Unit::hours},
      {"h", Unit::hours},     {"小时", Unit::hours}, {"個小時", Unit::hours},     {"时", Unit::hours},
      {"minutes", Unit::minutes}, {"minute", Unit::minutes}, {"mins", Unit::minutes}, {"min", Unit::minutes},
      {"m", Unit::minutes},   {"分钟", Unit::minutes}, {"分鐘", Unit::minutes},   {"分", Unit::minutes},
  };
  for (const auto& word : k_words) {
    if (lower.substr(q).starts_with(word.text)) {
      const std::size_t end = q + word.text.size();
      if (end < lower.size() && is_alpha(lower[end])) {
        continue; // "months", "mission"
      }
      p = end;
      return word.unit;
    }
  }
  return Unit::none;
}

// A number (with decimals) at p; advances p.
double read_number(std::string_view lower, std::size_t& p) {
  double value = 0;
  while (p < lower.size() && is_digit(lower[p])) {
    value = value * 10 + (lower[p] - '0');
    ++p;
  }
  if (p + 1 < lower.size() && lower[p] == '.' && is_digit(lower[p + 1])) {
    double scale = 0.1;
    ++p;
    while (p < lower.size() && is_digit(lower[p])) {
      value += (lower[p] - '0') * scale;
      scale /= 10;
      ++p;
    }
  }
  return value;
}

} // namespace

std::optional<int> parse_duration_minutes(std::string_view text) {
  const std::string lower = util::to_lower_ascii(text);
  for (std::size_t p = 0; p < lower.size(); ++p) {
    if (!is_digit(lower[p]) || (p > 0 && (is_digit(lower[p - 1]) || lower[p - 1] == ':' || lower[p - 1] == '.'))) {
      continue;
    }
    std::size_t q = p;
    const double value = read_number(lower, q);
    // "2-3 hours": the lower bound, in the unit that follows the range.
    if (q + 1 < lower.size() && lower[q] == '-' && is_digit(lower[q + 1])) {
      std::size_t r = q + 1;
      read_number(lower, r);
      q = r;
    }
    const Unit unit = read_unit(lower, q);
    if (unit == Unit::none) {
      p = q;
      continue;
    }
    double total = unit == Unit::hours ? value * 60 : value;
    if (unit == Unit::hours) {
      // "1h 30m", "1 hour and 30 minutes", "2小时30分钟"
      std::size_t r = q;
      while (r < lower.size() && (lower[r] == ' ' || lower[r] == ',')) {
        ++r;
      }
      if (lower.substr(r).starts_with("and ")) {
        r += 4;
      }
      if (r < lower.size() && is_digit(lower[r])) {
        const double minutes = read_number(lower, r);
        if (read_unit(lower, r) == Unit::minutes) {
          total += minutes;
        }
      }
    }
    if (total <= 0 || total > 24 * 60 * 7) {
      return std::nullopt;
    }
    return static_cast<int>(std::lround(total));
  }
  return std::nullopt;
}

} // namespace seshdb::parse
