#include "seshdb/parse/durations.hpp"

#include "seshdb/util/text.hpp"

#include <algorithm>
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
      {"stunden", Unit::hours}, {"stunde", Unit::hours}, {"std.", Unit::hours}, {"std", Unit::hours},
      {"h", Unit::hours},     {"小时", Unit::hours}, {"個小時", Unit::hours}, {"小時", Unit::hours},     {"時間", Unit::hours},
      {"时", Unit::hours},    {"시간", Unit::hours},  {"horas", Unit::hours}, {"hora", Unit::hours},     {"heures", Unit::hours},
      {"heure", Unit::hours}, {"ore", Unit::hours},   {"ora", Unit::hours},      {"uur", Unit::hours},
      {"minutes", Unit::minutes}, {"minute", Unit::minutes}, {"mins", Unit::minutes}, {"min", Unit::minutes},
      {"minutos", Unit::minutes}, {"minuto", Unit::minutes}, {"minuten", Unit::minutes}, {"minuti", Unit::minutes},
      {"m", Unit::minutes},   {"분", Unit::minutes},   {"分钟", Unit::minutes}, {"分鐘", Unit::minutes},   {"分", Unit::minutes},
      {"'", Unit::minutes},   {"′", Unit::minutes}, // "(45')", the minute sign
      // Russian, Ukrainian, Polish, Indonesian, Turkish, Vietnamese, Dutch; longer forms first.
      {"часов", Unit::hours}, {"часа", Unit::hours}, {"час", Unit::hours}, {"ч", Unit::hours},
      {"минуты", Unit::minutes}, {"минут", Unit::minutes}, {"мин", Unit::minutes},
      {"години", Unit::hours}, {"годин", Unit::hours}, {"год", Unit::hours},
      {"хвилин", Unit::minutes}, {"хвилини", Unit::minutes}, {"хв", Unit::minutes},
      {"godziny", Unit::hours}, {"godzin", Unit::hours}, {"godz.", Unit::hours}, {"godz", Unit::hours},
      {"minut", Unit::minutes}, {"jam", Unit::hours}, {"menit", Unit::minutes},
      {"saat", Unit::hours}, {"sa", Unit::hours}, {"dakika", Unit::minutes}, {"dk", Unit::minutes},
      {"giờ", Unit::hours}, {"tiếng", Unit::hours}, {"phút", Unit::minutes},
      {"uur", Unit::hours}, {"u", Unit::hours},
      // Malay, Greek, Hebrew, Hindi, Thai, Arabic, Persian, Hungarian, Finnish, Romanian.
      {"minit", Unit::minutes}, {"ώρες", Unit::hours}, {"ώρα", Unit::hours}, {"λεπτά", Unit::minutes},
      {"שעות", Unit::hours}, {"שעה", Unit::hours}, {"דקות", Unit::minutes}, {"घंटे", Unit::hours},
      {"घंटा", Unit::hours}, {"मिनट", Unit::minutes}, {"ชั่วโมง", Unit::hours}, {"นาที", Unit::minutes},
      {"ساعات", Unit::hours}, {"ساعة", Unit::hours}, {"ساعت", Unit::hours}, {"دقائق", Unit::minutes},
      {"دقيقة", Unit::minutes}, {"دقیقه", Unit::minutes}, {"óra", Unit::hours}, {"perc", Unit::minutes},
      {"tuntia", Unit::hours}, {"minuuttia", Unit::minutes}, {"oră", Unit::hours},
  };
  for (const auto& word : k_words) {
    if (lower.substr(q).starts_with(word.text)) {
      const std::size_t end = q + word.text.size();
      if (end < lower.size() && is_alpha(lower[end])) {
        continue; // "months", "mission"
      }
      // "ч" is no unit of "чем": a unit in another script ends its word too.
      if (static_cast<unsigned char>(word.text.front()) >= 0x80 && static_cast<unsigned char>(word.text.front()) < 0xE0 &&
          end < lower.size() && static_cast<unsigned char>(lower[end]) >= 0x80 && static_cast<unsigned char>(lower[end]) < 0xE0) {
        continue;
      }
      p = end;
      return word.unit;
    }
  }
  return Unit::none;
}

// A number (with decimals) at p; advances p. A decimal comma counts when a
// unit follows ("2,5h", "1,5 Std."): "2,5" alone may be a list.
double read_number(std::string_view lower, std::size_t& p) {
  double value = 0;
  while (p < lower.size() && is_digit(lower[p])) {
    value = value * 10 + (lower[p] - '0');
    ++p;
  }
  bool decimal = p + 1 < lower.size() && lower[p] == '.' && is_digit(lower[p + 1]);
  if (!decimal && p + 1 < lower.size() && lower[p] == ',' && is_digit(lower[p + 1])) {
    std::size_t q = p + 1;
    while (q < lower.size() && is_digit(lower[q])) {
      ++q;
    }
    std::size_t r = q;
    decimal = q - p <= 3 && read_unit(lower, r) != Unit::none;
  }
  if (decimal) {
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

std::optional<int> parse_clock_duration(std::string_view text) {
  std::string_view t = util::trim(text);
  if (t.starts_with("~")) {
    t = util::trim(t.substr(1));
  }
  // "1:45 h", "2:30 hrs": the hour sign after a clock-face duration.
  for (std::string_view sign : {"hours", "hrs", "h"}) {
    if (t.size() > sign.size() && t.ends_with(sign) && is_digit(util::trim(t.substr(0, t.size() - sign.size())).back())) {
      t = util::trim(t.substr(0, t.size() - sign.size()));
      break;
    }
  }
  const auto colon = t.find(':');
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), is_digit);
  };
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || !digits(t.substr(0, colon))) {
    return std::nullopt;
  }
  const std::string_view rest = t.substr(colon + 1);
  const bool hm = rest.size() == 2 && digits(rest);
  const bool hms = rest.size() == 5 && rest[2] == ':' && digits(rest.substr(0, 2)) && digits(rest.substr(3));
  if (!hm && !hms) {
    return std::nullopt;
  }
  const int hours = std::stoi(std::string(t.substr(0, colon)));
  const int minutes = std::stoi(std::string(rest.substr(0, 2)));
  if (minutes >= 60 || hours >= 24 || hours * 60 + minutes == 0) {
    return std::nullopt;
  }
  return hours * 60 + minutes;
}

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
    // "1時間半", "1 hora y media", "2 heures et demie": half an hour more.
    if (unit == Unit::hours) {
      for (std::string_view half : {"半", " y media", " e meia", " et demie", " and a half", " e mezza", " e mezzo"}) {
        const std::size_t end = q + half.size();
        if (lower.substr(q).starts_with(half) &&
            (half.front() != ' ' || end >= lower.size() || (!is_alpha(lower[end]) && lower[end] != '-'))) {
          total += 30;
          q += half.size();
          break;
        }
      }
    }
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
        const std::size_t after = r;
        const Unit next = read_unit(lower, r);
        // "2h20", "1h 20": minutes without their unit, when nothing else follows.
        std::size_t word = after;
        while (word < lower.size() && lower[word] == ' ') {
          ++word;
        }
        const bool bare = next == Unit::none && minutes < 60 && (word >= lower.size() || !is_alpha(lower[word])) &&
                          (after >= lower.size() || lower[after] == ' ' || lower[after] == ')' ||
                           lower[after] == ',' || lower[after] == ';' || lower[after] == '.');
        if (next == Unit::minutes || bare) {
          total += minutes;
        }
      }
    }
    if (total <= 0 || total > 24 * 60 * 7) {
      return std::nullopt;
    }
    return static_cast<int>(std::lround(total));
  }
  // "half an hour", "about an hour and a half": the few written in words,
  // opening the value ("**Duration:** half an hour").
  std::string_view words = util::trim(lower);
  for (bool more = true; more;) {
    more = false;
    for (std::string_view hedge : {"~", "≈", "about ", "approx. ", "approximately ", "around ", "roughly ", "just ", "only "}) {
      if (words.starts_with(hedge)) {
        words = util::trim(words.substr(hedge.size()));
        more = true;
      }
    }
  }
  static constexpr std::pair<std::string_view, int> k_worded[] = {
      {"an hour and a half", 90}, {"one hour and a half", 90}, {"half an hour", 30}, {"half-hour", 30},
      {"half hour", 30},          {"a quarter of an hour", 15}, {"quarter of an hour", 15}, {"an hour", 60},
      {"one hour", 60}};
  for (const auto& [phrase, minutes] : k_worded) {
    if (words.starts_with(phrase) && (words.size() == phrase.size() || !is_alpha(words[phrase.size()]))) {
      return minutes;
    }
  }
  return std::nullopt;
}

} // namespace seshdb::parse
