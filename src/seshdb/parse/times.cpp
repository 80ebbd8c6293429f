#include "seshdb/parse/times.hpp"

#include "seshdb/parse/dates.hpp"
#include "seshdb/util/text.hpp"

#include <array>
#include <cstdlib>
#include <fmt/format.h>

namespace seshdb::parse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }

struct FixedZone {
  std::string_view name;
  int offset;
};

// Abbreviations mean their fixed offsets (PST is always -08:00). CST is the
// US one; IST the Indian one. The generic US names (PT, MT, CT, ET) are here
// for reading; their offset follows US daylight saving (see zone_offset).
constexpr std::array k_abbreviations = {
    FixedZone{"UTC", 0},     FixedZone{"GMT", 0},     FixedZone{"UT", 0},      FixedZone{"Z", 0},
    FixedZone{"PST", -480},  FixedZone{"PDT", -420},  FixedZone{"PT", -480},   FixedZone{"MST", -420},
    FixedZone{"MDT", -360},  FixedZone{"CST", -360},  FixedZone{"CDT", -300},  FixedZone{"EST", -300},
    FixedZone{"EDT", -240},  FixedZone{"ET", -300},   FixedZone{"MT", -420},   FixedZone{"CT", -360},
    FixedZone{"AKST", -540}, FixedZone{"AKDT", -480},
    FixedZone{"HST", -600},  FixedZone{"AST", -240},  FixedZone{"ADT", -180},  FixedZone{"NST", -210},
    FixedZone{"WET", 0},     FixedZone{"WEST", 60},   FixedZone{"BST", 60},    FixedZone{"IST", 330},
    FixedZone{"CET", 60},    FixedZone{"CEST", 120},  FixedZone{"MEZ", 60},    FixedZone{"MESZ", 120},
    FixedZone{"EET", 120},   FixedZone{"EEST", 180},  FixedZone{"MSK", 180},   FixedZone{"GST", 240},
    FixedZone{"PKT", 300},   FixedZone{"ICT", 420},   FixedZone{"WIB", 420},   FixedZone{"HKT", 480},
    FixedZone{"SGT", 480},   FixedZone{"AWST", 480},  FixedZone{"PHT", 480},   FixedZone{"JST", 540},
    FixedZone{"KST", 540},   FixedZone{"ACST", 570},  FixedZone{"AEST", 600},  FixedZone{"AEDT", 660},
    FixedZone{"NZST", 720},  FixedZone{"NZDT", 780},  FixedZone{"BRT", -180},  FixedZone{"ART", -180},
    FixedZone{"WAT", 60},    FixedZone{"EAT", 180}, // not CAT or SAST: a ticket key and static analysis
    FixedZone{"WITA", 480},  FixedZone{"WIT", 540},   FixedZone{"TRT", 180},   FixedZone{"МСК", 180},
    // Czech and Slovak (SEČ, SELČ), Turkish (TSİ) and Quebec French (HNE, HAE) names.
    FixedZone{"SEČ", 60},    FixedZone{"SELČ", 120},  FixedZone{"TSİ", 180},   FixedZone{"HNE", -300},
    FixedZone{"HAE", -240},  FixedZone{"IRST", 210},
    // The local names Chinese and Japanese logs write: "14:00–16:30（北京时间）".
    FixedZone{"北京时间", 480}, FixedZone{"北京時間", 480}, FixedZone{"台北时间", 480}, FixedZone{"台北時間", 480},
    FixedZone{"台灣時間", 480}, FixedZone{"台湾时间", 480}, FixedZone{"香港时间", 480}, FixedZone{"香港時間", 480},
    FixedZone{"日本時間", 540}, FixedZone{"日本时间", 540}, FixedZone{"东京时间", 540},
};

enum class DstRule { none, us, eu, au, nz };

struct NamedZone {
  std::string_view name;
  int standard;
  DstRule rule;
};

constexpr std::array k_iana = {
    NamedZone{"America/Los_Angeles", -480, DstRule::us}, NamedZone{"America/Vancouver", -480, DstRule::us},
    NamedZone{"America/Denver", -420, DstRule::us},      NamedZone{"America/Phoenix", -420, DstRule::none},
    NamedZone{"America/Chicago", -360, DstRule::us},     NamedZone{"America/Mexico_City", -360, DstRule::none},
    NamedZone{"America/New_York", -300, DstRule::us},    NamedZone{"America/Toronto", -300, DstRule::us},
    NamedZone{"America/Halifax", -240, DstRule::us},     NamedZone{"America/Anchorage", -540, DstRule::us},
    NamedZone{"Pacific/Honolulu", -600, DstRule::none},  NamedZone{"America/Sao_Paulo", -180, DstRule::none},
    NamedZone{"America/Buenos_Aires", -180, DstRule::none}, NamedZone{"America/Bogota", -300, DstRule::none},
    NamedZone{"Europe/London", 0, DstRule::eu},          NamedZone{"Europe/Dublin", 0, DstRule::eu},
    NamedZone{"Europe/Lisbon", 0, DstRule::eu},          NamedZone{"Europe/Paris", 60, DstRule::eu},
    NamedZone{"Europe/Berlin", 60, DstRule::eu},         NamedZone{"Europe/Amsterdam", 60, DstRule::eu},
    NamedZone{"Europe/Brussels", 60, DstRule::eu},       NamedZone{"Europe/Madrid", 60, DstRule::eu},
    NamedZone{"Europe/Rome", 60, DstRule::eu},           NamedZone{"Europe/Vienna", 60, DstRule::eu},
    NamedZone{"Europe/Zurich", 60, DstRule::eu},         NamedZone{"Europe/Stockholm", 60, DstRule::eu},
    NamedZone{"Europe/Oslo", 60, DstRule::eu},           NamedZone{"Europe/Copenhagen", 60, DstRule::eu},
    NamedZone{"Europe/Prague", 60, DstRule::eu},         NamedZone{"Europe/Warsaw", 60, DstRule::eu},
    NamedZone{"Europe/Budapest", 60, DstRule::eu},       NamedZone{"Europe/Helsinki", 120, DstRule::eu},
    NamedZone{"Europe/Athens", 120, DstRule::eu},        NamedZone{"Europe/Kyiv", 120, DstRule::eu},
    NamedZone{"Europe/Kiev", 120, DstRule::eu},          NamedZone{"Europe/Bucharest", 120, DstRule::eu},
    NamedZone{"Europe/Istanbul", 180, DstRule::none},    NamedZone{"Europe/Moscow", 180, DstRule::none},
    NamedZone{"Asia/Dubai", 240, DstRule::none},         NamedZone{"Asia/Karachi", 300, DstRule::none},
    NamedZone{"Asia/Kolkata", 330, DstRule::none},       NamedZone{"Asia/Calcutta", 330, DstRule::none},
    NamedZone{"Asia/Bangkok", 420, DstRule::none},       NamedZone{"Asia/Jakarta", 420, DstRule::none},
    NamedZone{"Asia/Shanghai", 480, DstRule::none},      NamedZone{"Asia/Hong_Kong", 480, DstRule::none},
    NamedZone{"Asia/Taipei", 480, DstRule::none},        NamedZone{"Asia/Singapore", 480, DstRule::none},
    NamedZone{"Asia/Manila", 480, DstRule::none},        NamedZone{"Australia/Perth", 480, DstRule::none},
    NamedZone{"Asia/Tokyo", 540, DstRule::none},         NamedZone{"Asia/Seoul", 540, DstRule::none},
    NamedZone{"Australia/Adelaide", 570, DstRule::au},   NamedZone{"Australia/Brisbane", 600, DstRule::none},
    NamedZone{"Australia/Sydney", 600, DstRule::au},     NamedZone{"Australia/Melbourne", 600, DstRule::au},
    NamedZone{"Pacific/Auckland", 720, DstRule::nz},     NamedZone{"Etc/UTC", 0, DstRule::none},
    NamedZone{"UTC", 0, DstRule::none},
};

// Day of month of the n-th (1-based; -1 = last) given weekday in a month.
int nth_weekday(int year, int month, int wday, int n) {
  if (n > 0) {
    const int first = weekday(year, month, 1);
    return 1 + (wday - first + 7) % 7 + (n - 1) * 7;
  }
  int last = 31;
  while (!is_valid_date(year, month, last)) {
    --last;
  }
  const int w = weekday(year, month, last);
  return last - (w - wday + 7) % 7;
}

bool in_dst(DstRule rule, int year, int month, int day) {
  const auto key = [](int m, int d) { return m * 100 + d; };
  const int today = key(month, day);
  switch (rule) {
  case DstRule::none: return false;
  case DstRule::us: return today >= key(3, nth_weekday(year, 3, 0, 2)) && today < key(11, nth_weekday(year, 11, 0, 1));
  case DstRule::eu: return today >= key(3, nth_weekday(year, 3, 0, -1)) && today < key(10, nth_weekday(year, 10, 0, -1));
  case DstRule::au: return today >= key(10, nth_weekday(year, 10, 0, 1)) || today < key(4, nth_weekday(year, 4, 0, 1));
  case DstRule::nz: return today >= key(9, nth_weekday(year, 9, 0, -1)) || today < key(4, nth_weekday(year, 4, 0, 1));
  }
  return false;
}

// "+02:00", "-0500", "+8", "+05:30" at pos (sign included); minutes or nullopt.
std::optional<int> read_numeric_offset(std::string_view text, std::size_t pos, std::size_t& end) {
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) {
    return std::nullopt;
  }
  const int sign = text[pos] == '-' ? -1 : 1;
  std::size_t p = pos + 1;
  int digits = 0;
  int hours = 0;
  while (p < text.size() && is_digit(text[p]) && digits < 2) {
    hours = hours * 10 + (text[p] - '0');
    ++p;
    ++digits;
  }
  if (digits == 0 || hours > 14) {
    return std::nullopt;
  }
  int minutes = 0;
  std::size_t q = p;
  if (q < text.size() && text[q] == ':') {
    ++q;
  }
  if (q + 1 < text.size() && is_digit(text[q]) && is_digit(text[q + 1]) && (digits == 2 || q > p)) { // "+0530", "+5:30"
    minutes = (text[q] - '0') * 10 + (text[q + 1] - '0');
    if (minutes >= 60) {
      return std::nullopt;
    }
    p = q + 2;
  }
  if (p < text.size() && is_digit(text[p])) {
    return std::nullopt;
  }
  end = p;
  return sign * (hours * 60 + minutes);
}

// A zone written at pos: abbreviation, UTC±N, numeric offset or IANA name.
std::optional<std::string> read_zone(std::string_view text, std::size_t pos, std::size_t& end) {
  if (pos >= text.size()) {
    return std::nullopt;
  }
  std::size_t numeric_end = 0;
  if (read_numeric_offset(text, pos, numeric_end)) {
    end = numeric_end;
    return std::string(text.substr(pos, numeric_end - pos));
  }
  // Zones in other scripts: "北京时间" (CJK), "МСК" (Cyrillic).
  if (static_cast<unsigned char>(text[pos]) >= 0xE4 || static_cast<unsigned char>(text[pos]) == 0xD0) {
    for (const auto& zone : k_abbreviations) {
      if (static_cast<unsigned char>(zone.name.front()) >= 0x80 && text.substr(pos).starts_with(zone.name)) {
        end = pos + zone.name.size();
        return std::string(zone.name);
      }
    }
    return std::nullopt;
  }
  if (!is_alpha(text[pos])) {
    return std::nullopt;
  }
  std::size_t p = pos;
  while (p < text.size() && (is_alpha(text[p]) || text[p] == '/' || text[p] == '_')) {
    ++p;
  }
  // "SEČ", "TSİ": a Latin letter with a mark ends some names (not "−", the minus of "UTC−5").
  if (p + 1 < text.size() && (text[p] == '\xC4' || text[p] == '\xC5')) {
    p += 2;
  }
  const std::string_view word = text.substr(pos, p - pos);
  // "Pacific Time", "Eastern time": the US zones by name, which follow
  // daylight saving like PT and ET.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_us_names = {
      {{"Pacific", "PT"}, {"Mountain", "MT"}, {"Central", "CT"}, {"Eastern", "ET"}}};
  for (const auto& [name, zone] : k_us_names) {
    if (word == name && p + 5 <= text.size() && util::iequals_ascii(text.substr(p, 5), " time") &&
        (p + 5 == text.size() || !is_alpha(text[p + 5]))) {
      end = p + 5;
      return std::string(zone);
    }
  }
  if (word.find('/') != std::string_view::npos) {
    for (const auto& zone : k_iana) {
      if (zone.name == word) {
        end = p;
        return std::string(word);
      }
    }
    return std::nullopt;
  }
  // "MT" and "CT" are also words ("MT models", "CT scan"): zones only when
  // nothing but punctuation or the end follows.
  if ((word == "MT" || word == "CT") && p < text.size() && text[p] == ' ' && p + 1 < text.size() &&
      (is_alpha(text[p + 1]) || is_digit(text[p + 1]))) {
    return std::nullopt;
  }
  // "CET-412", "EST-12": a ticket key, not a zone.
  if (word != "UTC" && word != "GMT" && p + 1 < text.size() && text[p] == '-' && is_digit(text[p + 1])) {
    return std::nullopt;
  }
  for (const auto& zone : k_abbreviations) {
    if (zone.name == word) {
      // UTC+8, GMT-5
      if ((word == "UTC" || word == "GMT") && p < text.size() && (text[p] == '+' || text[p] == '-')) {
        std::size_t offset_end = 0;
        if (read_numeric_offset(text, p, offset_end)) {
          end = offset_end;
          return std::string(text.substr(pos, offset_end - pos));
        }
      }
      // "UTC -5" (a space, then the sign against the digits), "UTC–5" and
      // "UTC−5" (an en dash or a minus sign): the same offset, written as UTC-5.
      if (word == "UTC" || word == "GMT") {
        std::string signed_offset;
        std::size_t digits_at = std::string_view::npos;
        if (p + 2 < text.size() && text[p] == ' ' && (text[p + 1] == '+' || text[p + 1] == '-') &&
            is_digit(text[p + 2])) {
          signed_offset = text[p + 1];
          digits_at = p + 2;
        } else if (text.substr(p).starts_with("–") || text.substr(p).starts_with("−")) {
          signed_offset = "-";
          digits_at = p + 3;
        }
        if (digits_at != std::string_view::npos && digits_at < text.size() && is_digit(text[digits_at])) {
          signed_offset += std::string(text.substr(digits_at, 5));
          std::size_t offset_end = 0;
          if (read_numeric_offset(signed_offset, 0, offset_end)) {
            end = digits_at + offset_end - 1;
            return std::string(word) + signed_offset.substr(0, offset_end);
          }
        }
      }
      end = p;
      return std::string(word);
    }
  }
  return std::nullopt;
}

struct Clock {
  int hour = 0;
  int minute = 0;
  int meridiem = 0; // 0 none, 1 am, 2 pm
  bool has_seconds = false;
  std::size_t end = 0;
  bool h_style = false; // "14h30"
  bool dot_style = false; // "9.30"
  bool word = false;      // "noon", "midnight": its AM/PM is its own, never the start's
  bool uhr = false;       // "9.15 Uhr", "14 Uhr": German's word for o'clock says it is one
};

// "11h" at pos: an hour written the French way, which only the end of a range
// whose start was also written so ("9h30-11h") can be: alone, "2h" is a duration.
std::optional<Clock> french_hour_at(std::string_view text, std::size_t pos) {
  Clock clock;
  std::size_t e = pos;
  while (e < text.size() && is_digit(text[e]) && e - pos < 2) {
    clock.hour = clock.hour * 10 + (text[e] - '0');
    ++e;
  }
  // "9 h", "11 h 30": French typesetting spaces the sign and the minutes.
  const bool spaced = e > pos && e + 1 < text.size() && text[e] == ' ' && text[e + 1] == 'h';
  e += spaced ? 1 : 0;
  const bool alone = e + 1 >= text.size() || (!is_alpha(text[e + 1]) && !is_digit(text[e + 1]));
  if (e == pos || e >= text.size() || text[e] != 'h' || !alone || clock.hour > 24) {
    return std::nullopt;
  }
  clock.end = e + 1;
  clock.h_style = true;
  if (spaced && e + 4 <= text.size() && text[e + 1] == ' ' && is_digit(text[e + 2]) && is_digit(text[e + 3]) &&
      (e + 4 == text.size() || (!is_alpha(text[e + 4]) && !is_digit(text[e + 4]) && !text.substr(e + 4).starts_with(" min")))) {
    const int minute = (text[e + 2] - '0') * 10 + (text[e + 3] - '0');
    if (minute < 60) {
      clock.minute = minute;
      clock.end = e + 4;
    }
  }
  return clock;
}

// The digits of an hour at pos, up to three so that "123" can be refused:
// where they end (pos when there are none), the hour in `hour`.
std::size_t hour_digits_end(std::string_view text, std::size_t pos, int& hour) {
  hour = 0;
  std::size_t p = pos;
  while (p < text.size() && is_digit(text[p]) && p - pos < 3) {
    hour = hour * 10 + (text[p] - '0');
    ++p;
  }
  return p;
}

// "noon", "midnight": 12:00 and 00:00, read only as the ends of a range
// ("noon–5pm BST", "8pm–midnight ET"); "lunch at noon" alone is no time.
std::optional<Clock> clock_word_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && is_alpha(text[pos - 1])) {
    return std::nullopt;
  }
  for (const auto& [word, meridiem] : {std::pair<std::string_view, int>{"noon", 2}, {"midday", 2}, {"midnight", 1}}) {
    if (pos + word.size() <= text.size() && util::iequals_ascii(text.substr(pos, word.size()), word) &&
        (pos + word.size() == text.size() || !is_alpha(text[pos + word.size()]))) {
      Clock clock;
      clock.hour = 12;
      clock.meridiem = meridiem;
      clock.end = pos + word.size();
      clock.word = true;
      return clock;
    }
  }
  return std::nullopt;
}

// "9点", "11点半", "9点30分", "3時", "4時半": an hour written the Chinese or
// Japanese way. Alone it may be a count ("3点建议", three suggestions), so
// find_time takes it only in a range or after 上午/午後-like words. "3時間"
// and "2小时" are durations.
std::optional<Clock> cjk_hour_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && is_digit(text[pos - 1])) {
    return std::nullopt;
  }
  Clock clock;
  std::size_t p = hour_digits_end(text, pos, clock.hour);
  if (p == pos || p - pos > 2 || clock.hour > 24) {
    return std::nullopt;
  }
  const std::string_view rest = text.substr(p);
  std::size_t mark = 0;
  for (std::string_view hour_mark : {"点", "時", "时", "시"}) {
    if (rest.starts_with(hour_mark)) {
      mark = hour_mark.size();
    }
  }
  // "3時間", "2小时间", "3시간": hours as a duration.
  if (mark == 0 || rest.substr(mark).starts_with("間") || rest.substr(mark).starts_with("间") ||
      rest.substr(mark).starts_with("간")) {
    return std::nullopt;
  }
  p += mark;
  // Korean writes a space before the minutes: "5시 30분", "2시 반".
  const std::size_t minutes_from = text.substr(p).starts_with(" ") && rest.starts_with("시") ? p + 1 : p;
  if (text.substr(minutes_from).starts_with("半") || text.substr(minutes_from).starts_with("반")) {
    clock.minute = 30;
    p = minutes_from + std::string_view("半").size(); // 半 and 반 are both three bytes
  } else {
    std::size_t m = minutes_from;
    int minute = 0;
    while (m < text.size() && is_digit(text[m]) && m - minutes_from < 3) {
      minute = minute * 10 + (text[m] - '0');
      ++m;
    }
    if (m > minutes_from && m - minutes_from <= 2 && minute < 60 &&
        (text.substr(m).starts_with("分") || text.substr(m).starts_with("분"))) {
      clock.minute = minute;
      p = m + std::string_view("分").size(); // 分 and 분 are both three bytes
    }
  }
  if (clock.hour == 24 && clock.minute != 0) {
    return std::nullopt;
  }
  clock.end = p;
  return clock;
}

// A word before a clock that says AM or PM: "下午 2:00", "午前9時", "晚上8点".
// "晚上 12:00" is midnight; "中午" (noon) is 11:30 or 12:00 or 1:00.
int cjk_meridiem_before(std::string_view before, int hour) {
  // Korean: 오전 (morning), 오후 (afternoon), 새벽 (small hours), 아침, 저녁, 밤.
  for (const auto& [word, meridiem] : {std::pair<std::string_view, int>{"上午", 1}, {"早上", 1}, {"凌晨", 1}, {"午前", 1},
                                       {"下午", 2}, {"傍晚", 2}, {"午後", 2}, {"晚上", hour == 12 ? 1 : 2},
                                       {"中午", hour == 12 || hour <= 3 ? 2 : 1}, {"오전", 1}, {"새벽", 1},
                                       {"아침", 1}, {"오후", 2}, {"저녁", 2}, {"밤", hour == 12 ? 1 : 2}}) {
    if (before.ends_with(word)) {
      return meridiem;
    }
  }
  return 0;
}

// The words a range's end may open with: "下午1:00" after "上午10:15 -",
// "次日01:30" (the next day). Returns the position past them.
std::size_t past_cjk_end_words(std::string_view text, std::size_t q) {
  for (int words = 0; words < 2; ++words) {
    bool found = false;
    for (std::string_view word : {"上午", "早上", "凌晨", "午前", "下午", "傍晚", "午後", "晚上", "中午", "次日", "翌日", "翌",
                                  "第二天", "隔天", "오전", "새벽", "아침", "오후", "저녁", "밤", "다음날", "다음 날"}) {
      if (text.substr(q).starts_with(word)) {
        q += word.size();
        while (q < text.size() && text[q] == ' ') {
          ++q;
        }
        found = true;
        break;
      }
    }
    if (!found) {
      break;
    }
  }
  return q;
}

// "10:01", "1:15 PM", "09:00:00.123", "10 AM", "14h30", "9.30am" at pos.
// Minutes after a dot, the British way, need a meridiem, since "3.12" alone is
// as likely a version or a decimal; with `bare_dot` a clock such as "9.30"
// is returned as well, for find_time to accept only as a range's start whose
// end has a meridiem ("9.30-11.15am").
bool klockan_before(std::string_view text, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && text[b - 1] == ' ') {
    --b;
  }
  b -= b > 0 && text[b - 1] == '.' ? 1 : 0;
  b -= b >= 3 && (text[b - 1] == 'o' || text[b - 1] == 'O') ? 1 : 0; // the Finnish "klo"
  return b >= 2 && b < pos && util::iequals_ascii(text.substr(b - 2, 2), "kl") && (b == 2 || !is_alpha(text[b - 3]));
}

std::optional<Clock> read_clock(std::string_view text, std::size_t pos, bool bare_dot = false) {
  if (pos > 0 && (is_digit(text[pos - 1]) || text[pos - 1] == ':' || text[pos - 1] == '.' || text[pos - 1] == '/' ||
                  text[pos - 1] == ',')) {
    return std::nullopt;
  }
  Clock clock;
  std::size_t p = pos;
  int digits = 0;
  while (p < text.size() && is_digit(text[p]) && digits < 3) {
    clock.hour = clock.hour * 10 + (text[p] - '0');
    ++p;
    ++digits;
  }
  if (digits == 0 || digits > 2 || clock.hour > 24) {
    return std::nullopt;
  }
  bool has_minutes = false;
  bool dot_minutes = false;
  if (p + 2 < text.size() && (text[p] == ':' || text[p] == 'h' || text[p] == '.') && is_digit(text[p + 1]) &&
      is_digit(text[p + 2])) {
    dot_minutes = text[p] == '.';
    // "v2.10", "ed2.15": a version, not a time.
    if (dot_minutes && pos > 0 && is_alpha(text[pos - 1])) {
      return std::nullopt;
    }
    clock.minute = (text[p + 1] - '0') * 10 + (text[p + 2] - '0');
    if (clock.minute >= 60) {
      return std::nullopt;
    }
    clock.h_style = text[p] == 'h';
    // "1h30m" is a duration, "14h30" a time.
    if (clock.h_style && p + 3 < text.size() && (text[p + 3] == 'm' || text[p + 3] == 'M')) {
      return std::nullopt;
    }
    p += 3;
    has_minutes = true;
    if (p + 2 < text.size() && text[p] == ':' && is_digit(text[p + 1]) && is_digit(text[p + 2])) {
      p += 3;
      clock.has_seconds = true;
      if (p < text.size() && text[p] == '.') {
        ++p;
        while (p < text.size() && is_digit(text[p])) {
          ++p;
        }
      }
    }
  }
  if (p < text.size() && is_digit(text[p])) {
    return std::nullopt;
  }
  // Meridiem, with or without a space.
  std::size_t q = p;
  if (q < text.size() && text[q] == ' ') {
    ++q;
  }
  auto lower = util::to_lower_ascii(text.substr(q, 4));
  int meridiem = 0;
  std::size_t len = 0;
  // Arabic "٩:٠٠ ص" / "١:٠٠ م" and Greek "4:00 μ.μ." / "9:00 π.μ.": the same two halves of the day.
  const std::string_view native = text.substr(q);
  const auto alone_at = [&](std::size_t at) {
    return at >= text.size() || text[at] == ' ' || text[at] == ')' || text[at] == ',' || text[at] == '.';
  };
  // Spanish "10:00 a. m. – 1:30 p. m."; Malay and Indonesian "9.00 pagi – 12.30 tengah hari".
  if (q > p && (native.starts_with("a. m.") || native.starts_with("p. m."))) {
    meridiem = native.front() == 'a' ? 1 : 2;
    len = 5;
  } else if (q > p && [&] {
               for (std::string_view word : {"pagi", "siang", "sore", "petang", "malam", "tengah hari"}) {
                 if (util::iequals_ascii(native.substr(0, word.size()), word) &&
                     (q + word.size() >= text.size() || !is_alpha(text[q + word.size()]))) {
                   meridiem = word == "pagi" ? 1 : 2;
                   len = word.size();
                   return true;
                 }
               }
               return false;
             }()) {
    // the word says which half of the day
  } else if (q > p && (native.starts_with("\xD8\xB5") || native.starts_with("\xD9\x85")) && alone_at(q + 2)) {
    meridiem = native.starts_with("\xD8\xB5") ? 1 : 2;
    len = 2;
  } else if (q > p && (native.starts_with("π.μ.") || native.starts_with("μ.μ."))) {
    meridiem = native.starts_with("π.μ.") ? 1 : 2;
    len = std::string_view("π.μ.").size();
  }
  if (meridiem != 0) {
    if (clock.hour < 1 || clock.hour > 12) {
      return std::nullopt;
    }
    clock.meridiem = meridiem;
    clock.dot_style = dot_minutes;
    clock.end = q + len;
    return has_minutes ? std::optional<Clock>(clock) : std::nullopt;
  }
  if (lower.starts_with("a.m.")) {
    meridiem = 1, len = 4;
  } else if (lower.starts_with("p.m.")) {
    meridiem = 2, len = 4;
  } else if (lower.starts_with("am")) {
    meridiem = 1, len = 2;
  } else if (lower.starts_with("pm")) {
    meridiem = 2, len = 2;
  } else if (has_minutes && q == p && (lower.starts_with("a") || lower.starts_with("p")) &&
             (q + 1 >= text.size() || (!is_alpha(text[q + 1]) && !is_digit(text[q + 1])))) {
    meridiem = lower[0] == 'a' ? 1 : 2, len = 1; // "1:00p – 5:30p CT", US notes' shorthand
  }
  // "Version 2.14 am Freitag", "1.15 PM sign-off": a dot number, a space and
  // a word that reads as a meridiem but is followed by more words.
  if (meridiem != 0 && dot_minutes && q > p) {
    std::size_t r = q + len;
    while (r < text.size() && text[r] == ' ') {
      ++r;
    }
    if (r > q + len && r < text.size() && is_alpha(text[r])) {
      meridiem = 0;
    }
  }
  // "9.15 Uhr", "14 Uhr", "09:15 Uhr": a clock, however its minutes are written;
  // so is one after the Nordic "kl." ("kl. 13.00–15.30", "kl 13–16").
  const bool uhr_word = meridiem == 0 && lower.starts_with("uhr") && (q + 3 >= text.size() || !is_alpha(text[q + 3]));
  const bool uhr = uhr_word || (meridiem == 0 && klockan_before(text, pos));
  if (meridiem != 0 && (q + len >= text.size() || !is_alpha(text[q + len]) || len == 4)) {
    if (clock.hour < 1 || clock.hour > 12) {
      return std::nullopt;
    }
    clock.meridiem = meridiem;
    p = q + len;
  } else if (uhr) {
    clock.uhr = true;
    p = uhr_word ? q + 3 : p;
  } else if (!has_minutes || (dot_minutes && !bare_dot)) {
    return std::nullopt; // a bare number is not a time
  }
  clock.dot_style = dot_minutes;
  if (clock.hour == 24 && clock.minute != 0) {
    return std::nullopt;
  }
  clock.end = p;
  return clock;
}

int to_24h(int hour, int meridiem) {
  if (meridiem == 1) {
    return hour == 12 ? 0 : hour;
  }
  if (meridiem == 2) {
    return hour == 12 ? 12 : hour + 12;
  }
  return hour % 24;
}

// "sun", "sunday", "mon." without its dot: an English weekday, lowered.
bool is_weekday_word(std::string_view lower) {
  static constexpr std::string_view k_days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (std::string_view day : k_days) {
    if (lower == day || (lower.size() == 3 && day.starts_with(lower))) {
      return true;
    }
  }
  return lower == "tues" || lower == "thu" || lower == "thur" || lower == "thurs" || lower == "wed";
}

// Skips a range separator: -, –, —, "to", "until", "~"; returns new pos or npos.
std::size_t skip_range_separator(std::string_view text, std::size_t p, bool* foreign_word = nullptr) {
  while (p < text.size() && text[p] == ' ') {
    ++p;
  }
  std::size_t q = std::string_view::npos;
  // 〜: Japanese wave dash.
  // 到, 至, から: Chinese and Japanese "to" ("9:00到11:30", "午後3時から午後4時まで").
  // 부터: Korean "from", written after the start ("2시부터 5시까지").
  for (std::string_view sep : {"->", "-", "–", "—", "~", "〜", "to ", "until ", "→", "到", "至", "から", "부터"}) {
    // "1:15 PM TO 4:50 PM EST": the words in capitals too.
    if (text.substr(p).starts_with(sep) || ((sep == "to " || sep == "until ") && util::iequals_ascii(text.substr(p, sep.size()), sep))) {
      q = p + sep.size();
      break;
    }
  }
  // "14h às 17h30", "10:00 bis 12:00", "14:00 a 16:00": words that are
  // English too ("a", "al") join only two clocks written alike, the second later.
  // And Italian "dalle 9:15 alle 12:45", Dutch "13:30 tot 17:00", Russian and
  // Ukrainian "с 14:00 до 16:00", Polish "od 9:00 do 11:00", Indonesian
  // "13.00 sampai 15.30", Vietnamese "14:00 đến 17:00".
  for (std::string_view sep : {"às ", "à ", "a ", "bis ", "até ", "hasta ", "al ", "alle ", "tot ", "до ", "do ",
                               "sampai ", "hingga ", "s.d. ", "s/d ", "đến ",
                               // Persian, Hebrew, Arabic, Czech, Swedish, Hungarian
                               "تا ", "עד ", "إلى ", "الى ", "až ", "till ", "és "}) {
    if (q == std::string_view::npos && foreign_word != nullptr && text.substr(p).starts_with(sep)) {
      q = p + sep.size();
      *foreign_word = true;
      break;
    }
  }
  // "START 09:12 / STOP 11:40": a log's own words for the two ends.
  if (q == std::string_view::npos && p < text.size() && text[p] == '/') {
    std::size_t w = p + 1;
    while (w < text.size() && text[w] == ' ') {
      ++w;
    }
    for (std::string_view word : {"stop ", "end ", "ended ", "finish ", "done "}) {
      if (util::iequals_ascii(text.substr(w, word.size()), word)) {
        q = w + word.size();
        break;
      }
    }
  }
  if (q == std::string_view::npos) {
    return q;
  }
  while (q < text.size() && (text[q] == ' ' || text[q] == '~')) {
    ++q;
  }
  return q;
}

// "9 to 11am", "10-12pm": a bare hour starts a range when the clock that
// ends it has a meridiem (find_time then shares it), and when it opens the
// text searched (right after a date), or follows "from" or "(". "Session 3 -
// 2pm" and "Day 2 - 9am" are a number and a time, not a range.
std::optional<Clock> bare_hour_of_range(std::string_view text, std::size_t pos, std::size_t from) {
  std::size_t b = pos;
  while (b > from && (text[b - 1] == ' ' || text[b - 1] == ',')) {
    --b;
  }
  // "3/12 — 1–4pm": only a dash or a mark between the date and the hour.
  std::size_t d = b;
  while (d > from) {
    const std::string_view tail = text.substr(0, d);
    if (tail.ends_with(" ") || tail.ends_with("-") || tail.ends_with("|") || tail.ends_with(":")) {
      --d;
    } else if (tail.ends_with("—") || tail.ends_with("–")) {
      d -= 3;
    } else if (tail.ends_with("·")) {
      d -= 2;
    } else if (const std::size_t open = tail.rfind('(');
               tail.ends_with(")") && open != std::string_view::npos && open >= from && d - open <= 12 &&
               is_weekday_word(util::to_lower_ascii(tail.substr(open + 1, d - open - 2)))) {
      d = open; // "Sep 1 (Mon) · 9–11:30am": the date's weekday in brackets
    } else {
      break;
    }
  }
  const bool opens = b <= from || d <= from || text[b - 1] == '(' ||
                     (b >= 4 && util::iequals_ascii(text.substr(b - 4, 4), "from") && (b == 4 || !is_alpha(text[b - 5])));
  if (!opens || (pos > 0 && (is_digit(text[pos - 1]) || text[pos - 1] == '#' || text[pos - 1] == '-'))) {
    return std::nullopt;
  }
  Clock clock;
  std::size_t p = hour_digits_end(text, pos, clock.hour);
  if (p - pos > 2 || clock.hour < 1 || clock.hour > 12) {
    return std::nullopt;
  }
  const std::size_t q = skip_range_separator(text, p);
  if (q == std::string_view::npos || q >= text.size() || !is_digit(text[q])) {
    return std::nullopt;
  }
  const auto second = read_clock(text, q);
  // Or when the end gives its minutes and comes later the same day: "9-11:30",
  // "from 9 to 11:30" (24-hour logs write the bare hour so).
  const auto colon = text.find(':', q);
  const bool minutes_written = colon != std::string_view::npos && colon <= q + 2 && colon + 2 < text.size() &&
                               is_digit(text[colon + 1]) && is_digit(text[colon + 2]);
  if (!second || (second->meridiem == 0 && !(minutes_written && second->hour * 60 + second->minute > clock.hour * 60))) {
    return std::nullopt;
  }
  clock.end = p;
  return clock;
}

// An ISO date ("2025-03-09", or "2025/03/09") at p, as days since the epoch;
// p moves past it.
std::optional<std::int64_t> iso_day_at(std::string_view text, std::size_t& p) {
  if (p + 10 > text.size() || (text[p + 4] != '-' && text[p + 4] != '/') || text[p + 7] != text[p + 4]) {
    return std::nullopt;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[p + i])) {
      return std::nullopt;
    }
  }
  const int year = std::atoi(std::string(text.substr(p, 4)).c_str());
  const int month = std::atoi(std::string(text.substr(p + 5, 2)).c_str());
  const int day = std::atoi(std::string(text.substr(p + 8, 2)).c_str());
  if (!is_valid_date(year, month, day)) {
    return std::nullopt;
  }
  p += 10;
  return days_from_civil(year, month, day);
}

// The end of "2025-03-09 09:00 - 2025-03-09 13:30" or "…T09:00Z → …T11:15Z":
// a range that writes the date again before its end time. Read when the
// start time has its date right before it and the end is that day or the
// next; where the clock after the date begins, npos otherwise, and in
// `days` how many days after the start's the end's date is.
std::size_t clock_after_repeated_date(std::string_view text, std::size_t start_clock, std::size_t q, int& days) {
  if (start_clock < 11 || (text[start_clock - 1] != ' ' && text[start_clock - 1] != 'T')) {
    return std::string_view::npos;
  }
  std::size_t s = start_clock - 11;
  std::size_t e = q;
  const auto start_day = iso_day_at(text, s);
  const auto end_day = iso_day_at(text, e);
  if (!start_day || !end_day || *end_day - *start_day < 0 || *end_day - *start_day > 1 || e >= text.size() ||
      (text[e] != ' ' && text[e] != 'T')) {
    return std::string_view::npos;
  }
  days = static_cast<int>(*end_day - *start_day);
  return e + 1;
}

} // namespace

std::optional<TimeMatch> find_time(std::string_view text, std::size_t from) {
  // A UTC offset written before the time ("(UTC+05:30) 09:00 → 11:00") is
  // not a time of day; it is the zone when none follows the time.
  std::string zone_before;
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    // "noon–5pm BST": a word that starts a range.
    std::optional<Clock> word_first;
    if (!is_digit(text[pos])) {
      const char c = static_cast<char>(text[pos] | 0x20);
      if (c == 'n' || c == 'm') {
        word_first = clock_word_at(text, pos);
        const std::size_t q = word_first ? skip_range_separator(text, word_first->end) : std::string_view::npos;
        if (q == std::string_view::npos || q >= text.size() || !is_digit(text[q]) || !read_clock(text, q)) {
          word_first.reset();
        }
      }
      if (!word_first) {
        continue;
      }
    }
    // "UTC+05:30", "GMT-3", and a bare "+05:30" (hours and minutes: "C++11"
    // or "+1 votes" are no offset).
    if (pos > 0 && (text[pos - 1] == '+' || text[pos - 1] == '-')) {
      const bool named = pos >= 4 && (util::iequals_ascii(text.substr(pos - 4, 3), "UTC") ||
                                      util::iequals_ascii(text.substr(pos - 4, 3), "GMT"));
      const std::size_t colon = pos + (pos + 1 < text.size() && is_digit(text[pos + 1]) ? 2 : 1);
      const bool bare = !named && text[pos - 1] == '+' && colon + 2 < text.size() && text[colon] == ':' &&
                        is_digit(text[colon + 1]) && is_digit(text[colon + 2]) &&
                        (pos < 2 || !(is_alpha(text[pos - 2]) || is_digit(text[pos - 2]) || text[pos - 2] == '+'));
      if (named || bare) {
        std::size_t zone_end = 0;
        auto zone = read_zone(text, named ? pos - 4 : pos - 1, zone_end);
        // Only an offset that reaches past these digits: "UTC+530" reads as
        // the bare word "UTC", and stepping back to it would loop forever.
        if (zone && zone_end > pos) {
          zone_before = *zone;
          pos = zone_end - 1;
          continue;
        }
      }
    }
    auto first = word_first ? word_first : read_clock(text, pos, true);
    // "9.30" without a meridiem starts a range whose end has one ("9.30-11.15am");
    // otherwise it is no time, and neither is the digit run it is made of.
    if (first && first->dot_style && first->meridiem == 0 && !first->uhr) {
      bool word = false; // "10.00 bis 11.30 Uhr"
      const std::size_t q = skip_range_separator(text, first->end, &word);
      const auto end = q == std::string_view::npos ? std::nullopt : read_clock(text, q, true);
      if (!end || (end->meridiem == 0 && !end->uhr)) {
        pos = first->end - 1;
        continue;
      }
    }
    if (!first) {
      first = bare_hour_of_range(text, pos, from);
    }
    // "14h – 17h15", "9h-12h": a French hour opens a range whose end is a
    // later hour written so; alone, "9h" is a duration.
    // Not an estimate ("estimate 4h-8h", "spent 2h-3h", "~2h-3h") nor a small
    // hour, which reads as hours spent ("2h-3h").
    const auto estimate_before = [&] {
      const std::string before = util::to_lower_ascii(text.substr(pos >= 16 ? pos - 16 : 0, pos >= 16 ? 16 : pos));
      for (std::string_view word : {"estimat", "spent", "took", "~", "approx", "about", "budget", "environ", "ca."}) {
        if (before.find(word) != std::string::npos) {
          return true;
        }
      }
      return false;
    };
    // And after a label, a dash or a date, not after a word ("TTL 6h-12h", "logs 12h-24h").
    const auto after_a_label = [&] {
      std::size_t b = pos;
      while (b > 0 && text[b - 1] == ' ') {
        --b;
      }
      if (b == 0 || !is_alpha(text[b - 1])) {
        return true;
      }
      std::size_t w = b;
      while (w > 0 && is_alpha(text[w - 1])) {
        --w;
      }
      const std::string word = util::to_lower_ascii(text.substr(w, b - w));
      return word == "de" || word == "von" || word == "from" || word == "entre";
    };
    // "9点到11点半", "上午9点", "午後1時〜午後5時": a CJK hour in a range or after its AM/PM word.
    if (!first) {
      if (auto hour = cjk_hour_at(text, pos)) {
        std::size_t b = pos;
        while (b > 0 && text[b - 1] == ' ') {
          --b;
        }
        const std::size_t q = skip_range_separator(text, hour->end);
        const std::size_t end_at = q == std::string_view::npos ? q : past_cjk_end_words(text, q);
        const bool ranged = end_at != std::string_view::npos && end_at < text.size() && is_digit(text[end_at]) &&
                            (read_clock(text, end_at) || cjk_hour_at(text, end_at));
        // Alone, "上午 3点反馈处理" counts three points of feedback; "上午9点开始" starts at nine.
        const std::string_view after = text.substr(hour->end);
        bool stands_alone = after.empty() || static_cast<unsigned char>(after.front()) < 0x80;
        for (std::string_view word : {"开始", "開始", "起", "左右", "前后", "前後", "。", "、"}) {
          stands_alone = stands_alone || after.starts_with(word);
        }
        if (ranged || (stands_alone && cjk_meridiem_before(text.substr(0, b), hour->hour) != 0)) {
          first = hour;
        }
      }
    }
    if (!first && (pos == 0 || !is_alpha(text[pos - 1]))) {
      if (auto hour = french_hour_at(text, pos); hour && hour->hour >= 6 && !estimate_before() && after_a_label()) {
        bool word = false; // "14h às 17h30": French-style hours join with words too
        const std::size_t q = skip_range_separator(text, hour->end, &word);
        if (q != std::string_view::npos && q < text.size() && is_digit(text[q])) {
          auto end = read_clock(text, q);
          if (!end || !end->h_style) {
            end = french_hour_at(text, q);
          }
          if (end && end->h_style && end->hour <= 23 && end->hour * 60 + end->minute > hour->hour * 60) {
            first = hour;
          }
        }
      }
    }
    if (!first) {
      while (pos + 1 < text.size() && is_digit(text[pos + 1])) {
        ++pos;
      }
      continue;
    }
    TimeMatch match;
    match.begin = pos;
    // Approximate marker just before: "~1:00", "ca. 10:00", "approx 9:00".
    {
      std::size_t b = pos;
      while (b > 0 && text[b - 1] == ' ') {
        --b;
      }
      if (b > 0 && text[b - 1] == '~') {
        match.approx = true;
      } else {
        auto before = util::to_lower_ascii(text.substr(b >= 8 ? b - 8 : 0, b >= 8 ? 8 : b));
        if (before.ends_with("approx") || before.ends_with("approx.") || before.ends_with("ca.") ||
            before.ends_with("around") || before.ends_with("about")) {
          match.approx = true;
        }
      }
    }
    std::size_t p = first->end;
    // "10:00 h (CEST)", "10:00 h – 12:30 h": the hour sign German and Austrian logs write after a clock.
    const auto skip_hour_sign = [&](std::size_t at, const Clock& clock) {
      if (!clock.h_style && !clock.dot_style && text.substr(at).starts_with(" h") &&
          (at + 2 >= text.size() || !is_alpha(text[at + 2]))) {
        return at + 2;
      }
      return at;
    };
    p = skip_hour_sign(p, *first);
    std::optional<Clock> second;
    bool iso_t = pos > 0 && text[pos - 1] == 'T';

    // In ISO form a "-05:00" right after the time may be an offset, not a range end.
    std::size_t zone_end = 0;
    std::optional<std::string> zone;
    if (iso_t && p < text.size() && (text[p] == '+' || text[p] == '-' || text[p] == 'Z')) {
      if (text[p] == 'Z' && (p + 1 >= text.size() || !is_alpha(text[p + 1]))) {
        zone = "Z";
        zone_end = p + 1;
      } else if (text[p] == '+') {
        if (auto z = read_zone(text, p, zone_end)) {
          zone = z;
        }
      } else {
        // '-': a range when a zone name follows the second time or the
        // second time is later; an offset when the time has seconds.
        auto candidate = read_clock(text, p + 1);
        std::size_t after = candidate ? candidate->end : p;
        while (after < text.size() && text[after] == ' ') {
          ++after;
        }
        std::size_t ignored = 0;
        const bool zone_follows = candidate && read_zone(text, after, ignored).has_value() && after > candidate->end;
        const bool later = candidate && to_24h(candidate->hour, 0) * 60 + candidate->minute >
                                            to_24h(first->hour, first->meridiem) * 60 + first->minute;
        if (!first->has_seconds && candidate && (zone_follows || later)) {
          second = candidate;
          p = candidate->end;
        } else if (auto z = read_zone(text, p, zone_end)) {
          zone = z;
        }
      }
      if (zone) {
        p = zone_end;
      }
    }
    // "09:00Z–11:20Z": a Zulu time outside ISO form, then maybe a range.
    if (!iso_t && !zone && p < text.size() && text[p] == 'Z' && (p + 1 >= text.size() || !is_alpha(text[p + 1]))) {
      zone = "Z";
      zone_end = p + 1;
      p = zone_end;
    }
    // "09:15 UTC+2 – 11:00 UTC+2", "9am PT - 11am PT": the start's own zone
    // before the separator; the end may repeat it, not name another.
    bool zone_after_start = false;
    if (!second && !zone && p < text.size() && text[p] == ' ') {
      std::size_t z = p;
      while (z < text.size() && (text[z] == ' ' || text[z] == '(')) {
        ++z;
      }
      std::size_t start_zone_end = 0;
      if (auto start_zone = read_zone(text, z, start_zone_end)) {
        std::size_t past = start_zone_end;
        if (past < text.size() && text[past] == ')' && text[z - 1] == '(') {
          ++past;
        }
        const std::size_t q = skip_range_separator(text, past);
        int days = -1; // "18:00 AEST – 2025-04-09 00:30 AEST": the end's date written again
        if (q != std::string_view::npos && q < text.size() && is_digit(text[q]) &&
            (read_clock(text, q) || clock_after_repeated_date(text, pos, q, days) != std::string_view::npos)) {
          zone = start_zone;
          zone_end = past;
          p = past;
          zone_after_start = true;
        }
      }
    }
    if (!second) {
      bool foreign_word = false;
      std::size_t q = skip_range_separator(text, p, &foreign_word);
      // "21:00 → Sun 03:30 IST": the end's weekday, the next day's.
      if (q != std::string_view::npos && q + 4 < text.size() && is_alpha(text[q])) {
        std::size_t w = q;
        while (w < text.size() && is_alpha(text[w])) {
          ++w;
        }
        if (w < text.size() && text[w] == ' ' && w + 1 < text.size() && is_digit(text[w + 1]) &&
            is_weekday_word(util::to_lower_ascii(text.substr(q, w - q)))) {
          q = w + 1;
          // "21:30 – Sun 23 Mar, 02:10": and its day of the month, and month, before the clock.
          std::size_t r = q;
          while (r < text.size() && r - q < 2 && is_digit(text[r])) {
            ++r;
          }
          if (r < text.size() && (text[r] == ' ' || text[r] == ',')) {
            std::size_t m = r;
            while (m < text.size() && text[m] == ' ') {
              ++m;
            }
            const std::size_t month_begin = m;
            while (m < text.size() && is_alpha(text[m]) && m - month_begin < 9) {
              ++m;
            }
            if (m < text.size() && text[m] == ',') {
              ++m;
            }
            while (m < text.size() && text[m] == ' ') {
              ++m;
            }
            if (m > r && m < text.size() && is_digit(text[m]) && read_clock(text, m)) {
              q = m;
            }
          }
        }
      }
      // "上午10:15 - 下午1:00", "21:00～次日01:30": the end's own AM/PM or next-day word.
      int end_word_meridiem = 0;
      if (q != std::string_view::npos && q < text.size() && static_cast<unsigned char>(text[q]) >= 0x80) {
        const std::size_t past = past_cjk_end_words(text, q);
        if (past < text.size() && is_digit(text[past])) {
          std::size_t hour_end = past;
          int hour = 0;
          while (hour_end < text.size() && is_digit(text[hour_end]) && hour_end - past < 2) {
            hour = hour * 10 + (text[hour_end++] - '0');
          }
          std::size_t b = past;
          while (b > q && text[b - 1] == ' ') {
            --b;
          }
          end_word_meridiem = cjk_meridiem_before(text.substr(0, b), hour);
          q = past;
        }
      }
      // "noon–5pm", "8pm–midnight", "8pm–midnight ET"; not "09:00 — Midnight
      // Commander config" or "23:00 - midnight deploy", where a word follows.
      auto word_end = q == std::string_view::npos ? std::nullopt : clock_word_at(text, q);
      if (word_end) {
        std::size_t after = word_end->end;
        while (after < text.size() && text[after] == ' ') {
          ++after;
        }
        std::size_t word_zone_end = 0;
        if (after < text.size() && is_alpha(text[after]) && !read_zone(text, after, word_zone_end)) {
          word_end.reset();
        }
      }
      if (q != std::string_view::npos && q < text.size() && (word_end || is_digit(text[q]))) {
        int days = -1;
        if (word_end) {
          second = word_end;
        } else if (const std::size_t clock = clock_after_repeated_date(text, pos, q, days); clock != std::string_view::npos) {
          q = clock;
        }
        // "2025-12-04" after a dash is a date, not a time. "9.30am - 12.00":
        // an end with dot minutes needs a meridiem, its own or the start's.
        if (!second) {
          second = read_clock(text, q, first->meridiem != 0 || first->uhr);
        }
        // "kl 13–16", "14 Uhr – 16": an o'clock start makes a bare later hour its end.
        if (!second && first->uhr && !first->has_seconds) {
          int end_hour = 0;
          const std::size_t e = hour_digits_end(text, q, end_hour);
          if (e - q <= 2 && end_hour <= 24 && end_hour > first->hour &&
              (e >= text.size() || (!is_alpha(text[e]) && !is_digit(text[e]) && text[e] != '.' && text[e] != ':'))) {
            second = Clock{end_hour, 0, 0, false, e, false, false, false, false};
          }
        }
        if (!second) {
          second = cjk_hour_at(text, q);
        }
        if (second && second->meridiem == 0 && end_word_meridiem != 0 && second->hour >= 1 && second->hour <= 12) {
          second->meridiem = end_word_meridiem;
        }
        if (!second && first->h_style) {
          second = french_hour_at(text, q);
          // "14h00 - 2h de tests": an hour before the start is a duration.
          if (second && second->hour * 60 <= first->hour * 60 + first->minute) {
            second.reset();
          }
        }
        // "11:00 a 12:00" but not "08:00 a 9 am meeting" or "16:00 a 5:00 deadline".
        if (second && foreign_word &&
            (second->meridiem != 0 || first->meridiem != 0 || second->h_style != first->h_style ||
             second->hour * 60 + second->minute <= first->hour * 60 + first->minute)) {
          second.reset();
        }
        if (second) {
          second->end = skip_hour_sign(second->end, *second);
          const int start_minute = to_24h(first->hour, first->meridiem) * 60 + first->minute;
          const int end_minute = to_24h(second->hour, second->meridiem) * 60 + second->minute;
          std::size_t after = second->end;
          while (after < text.size() && (text[after] == ' ' || text[after] == '(')) {
            ++after;
          }
          std::size_t end_zone_end = 0;
          const auto end_zone = read_zone(text, after, end_zone_end);
          const bool local = util::iequals_ascii(text.substr(after, 5), "local");
          if (days == 0 && end_minute <= start_minute) {
            second.reset(); // "2025-03-19 23:00 - 2025-03-19 01:00": not one session's range
          } else if (days == 1 && end_minute > start_minute) {
            second.reset(); // more than a day
          } else if (zone_after_start && end_zone && *end_zone != *zone) {
            second.reset(); // "9am PT – 12pm ET": two zones, no one range
          } else if (zone_after_start) {
            p = second->end;
            if (end_zone) {
              p = end_zone_end < text.size() && text[end_zone_end] == ')' ? end_zone_end + 1 : end_zone_end;
            }
          } else if (zone && ((end_zone && *end_zone != *zone) ||
                              (days < 0 && (end_minute <= start_minute || local) && !(end_zone && *end_zone == *zone)))) {
            // ("23:40Z → 00:29Z" is one range past midnight: the end names the same zone.)
            // "2025-03-07T14:00:00Z - 09:00 local", "…T16:00Z to 10am PT",
            // "…T09:00:00Z → …T11:15:00+05:30": another zone's clock, not the end of a range.
            second.reset();
          } else {
            p = second->end;
          }
        }
      }
    }
    // "## 2025-06-02 — (1h30)": alone, a French clock before five in the
    // morning is far rarer than time spent ("21h45 – 0h30" ends a range).
    if (!second && first->h_style && first->hour < 5) {
      pos = first->end - 1;
      continue;
    }
    // Meridiem of a range: "12:30-1:15 PM" shares PM unless that puts the start after the end.
    // Only a 12-hour clock can share it: "14:00-1:00 am" is a 24-hour start, and
    // an ISO "T10:00" is always one.
    int start_meridiem = first->meridiem;
    // "下午 2:00-5:00", "午前9時": a Chinese or Japanese word before the time says AM or PM.
    if (start_meridiem == 0 && !iso_t && first->hour >= 1 && first->hour <= 12) {
      std::size_t b = pos;
      while (b > 0 && text[b - 1] == ' ') {
        --b;
      }
      start_meridiem = cjk_meridiem_before(text.substr(0, b), first->hour);
    }
    if (second && !iso_t && first->meridiem == 0 && second->meridiem != 0 && !second->word && first->hour >= 1 &&
        first->hour <= 12) {
      start_meridiem = second->meridiem;
      const int s = to_24h(first->hour, start_meridiem) * 60 + first->minute;
      const int e = to_24h(second->hour, second->meridiem) * 60 + second->minute;
      if (s > e) {
        start_meridiem = start_meridiem == 1 ? 2 : 1;
      }
    }
    match.start = to_24h(first->hour, start_meridiem) * 60 + first->minute;
    if (second) {
      int end_meridiem = second->meridiem;
      // "2:00 PM - 5:30", "11:00 AM - 1:30", "晚上 10:00-12:00": a 12-hour end
      // without its own meridiem is the first such clock time after the
      // start (past midnight if need be). "9:00 AM - 9:00" says nothing.
      const bool same_clock = second->hour == first->hour && second->minute == first->minute;
      if (end_meridiem == 0 && start_meridiem != 0 && second->hour >= 1 && second->hour <= 12 && !same_clock) {
        int best = 1441;
        for (const int candidate : {start_meridiem, start_meridiem == 1 ? 2 : 1}) {
          const int ahead = (to_24h(second->hour, candidate) * 60 + second->minute - match.start + 1440) % 1440;
          if (ahead > 0 && ahead < best) {
            best = ahead;
            end_meridiem = candidate;
          }
        }
      }
      match.end = to_24h(second->hour, end_meridiem) * 60 + second->minute;
    }
    // "09:00–12:00, 13:30–16:30 CET", "18:00–19:30 + 21:00–22:15": more
    // ranges after the first, later the same day; the session runs from the
    // first start to the last end, in the zone written after the last one.
    if (second && !zone) {
      for (int more = 0; more < 6; ++more) {
        std::size_t q = p;
        bool separated = false;
        for (std::string_view separator : {", ", "; ", " + ", " & ", " and ", " y ", " e ", " et ", " und ", " / ", "、", ","}) {
          if (text.substr(q).starts_with(separator)) {
            q += separator.size();
            separated = true;
            break;
          }
        }
        if (!separated || q >= text.size() || !is_digit(text[q])) {
          break;
        }
        const auto next = find_time(text, q);
        const int last_end = *match.end;
        if (!next || next->begin != q || !next->end || next->start < last_end || match.end < match.start) {
          break;
        }
        match.end = next->end;
        p = next->end_pos;
        if (!next->zone.empty()) {
          zone = next->zone;
          break;
        }
      }
    }
    // Zone after the time: " PST", " (PST)", "Z", " UTC+8", " Europe/Paris".
    if (!zone) {
      // "09:15–12:45 Uhr (MEZ)": the German word for o'clock comes first.
      if (text.substr(p).starts_with(" Uhr") && (p + 4 >= text.size() || !is_alpha(text[p + 4]))) {
        p += 4;
      }
      std::size_t z = p;
      while (z < text.size() && (text[z] == ' ' || text[z] == '(')) {
        ++z;
      }
      // "21:00–01:00 (+1)", "23:30-00:45 +1 day": the end is on the next day.
      const std::string_view next_day = text.substr(z);
      const bool day_mark = match.end && *match.end < match.start &&
                            (next_day.starts_with("+1)") || next_day.starts_with("+1d") || next_day.starts_with("+1 day"));
      // "(10:00–10:40, UTC+1)": the zone closes the parenthesis after a comma.
      if (z == p && z + 1 < text.size() && text[z] == ',') {
        std::size_t c = z + 1;
        while (c < text.size() && text[c] == ' ') {
          ++c;
        }
        std::size_t comma_zone_end = 0;
        if (c > z + 1 && read_zone(text, c, comma_zone_end) && comma_zone_end < text.size() && text[comma_zone_end] == ')') {
          z = c;
        }
      }
      if (!day_mark && z < text.size() && (z > p || text[z] == 'Z' || text[z] == '+' || text[z] == '-')) {
        if (auto found = read_zone(text, z, zone_end)) {
          // A bare "-" after a time without a space is a range dash, never a zone.
          if (!(z == p && text[z] == '-')) {
            zone = found;
            p = zone_end;
          }
        }
      }
    }
    // "De 15h à 17h (heure de Montréal, HAE)", "(я у Варшаві, CET)": a remark
    // in brackets after the time, with no number in it, that ends with a zone.
    if (!zone) {
      std::size_t open = p;
      while (open < text.size() && text[open] == ' ') {
        ++open;
      }
      const std::size_t close = open < text.size() && text[open] == '(' ? text.find(')', open) : std::string_view::npos;
      if (close != std::string_view::npos && close - open < 160 &&
          std::none_of(text.begin() + static_cast<std::ptrdiff_t>(open), text.begin() + static_cast<std::ptrdiff_t>(close),
                       [](char c) { return is_digit(c); })) {
        std::size_t word = close;
        while (word > open + 1 && text[word - 1] != ' ' && text[word - 1] != ',' && text[word - 1] != ':') {
          --word;
        }
        std::size_t remark_zone_end = 0;
        if (word > open + 1) {
          if (auto found = read_zone(text, word, remark_zone_end); found && remark_zone_end == close) {
            zone = found;
            p = close + 1;
          }
        }
      }
    }
    if (zone) {
      match.zone = *zone;
    } else if (!zone_before.empty()) {
      match.zone = zone_before;
    }
    match.end_pos = p;
    return match;
  }
  return std::nullopt;
}

std::string zone_of_all_times(std::string_view line) {
  const std::string lower = util::to_lower_ascii(line);
  std::size_t from = std::string::npos;
  // And in other languages: "Godziny czasu lokalnego (CET).", "Horários em
  // horário de Brasília (BRT).", "Alle Zeiten in MEZ.", "时间均为北京时间（CST）".
  for (std::string_view phrase : {"all times", "times are", "times in ", "times shown", "times ", "all timestamps",
                                  "timestamps are", "godziny ",
                                  "horários ", "horarios ", "horas ", "heures ", "zeiten ", "uhrzeiten ", "orari ",
                                  "tijden ", "alle zeiten ", "время ", "时间", "時間", "시간",
                                  // "Todas las horas están en hora peninsular (CET)", "Saatler Türkiye
                                  // saati (TSİ).", "Giờ ghi theo giờ Việt Nam (GMT+7)", "Alla tider i CET."
                                  "todas las horas ", "todos los horarios ", "toutes les heures ", "saatler ", "giờ ", "všechny časy ",
                                  "alla tider ", "tider ", "усі часи ", "час ",
                                  // Hebrew, Persian, Arabic, Hungarian, Finnish, Indonesian, Romanian, Greek
                                  "כל השעות ", "همه‌ی زمان‌ها ", "همه زمان‌ها ", "جميع الأوقات ", "minden időpont ",
                                  "kaikki ajat ", "semua waktu ", "toate orele ", "όλες οι ώρες ", "Όλες οι ώρες ",
                                  "時刻はすべて", "時刻は", "时刻", "tüm saatler "}) {
    const auto at = lower.find(phrase);
    if (at == std::string::npos) {
      continue;
    }
    // It opens a sentence ("Build times are down 30%" says nothing of zones).
    std::size_t b = at;
    while (b > 0 && (lower[b - 1] == ' ' || lower[b - 1] == '*' || lower[b - 1] == '_' || lower[b - 1] == '(' ||
                     lower[b - 1] == '>')) {
      --b;
    }
    // Or it follows a middot in a line of particulars ("Rate: 95 €/h · all times are Europe/Berlin").
    const bool after_middot = b >= 2 && lower.compare(b - 2, 2, "\xC2\xB7") == 0;
    if (b == 0 || lower[b - 1] == '.' || lower[b - 1] == ':' || lower[b - 1] == '!' || lower[b - 1] == ';' || after_middot) {
      from = std::min(from, at + phrase.size());
    }
  }
  if (from == std::string::npos) {
    return {};
  }
  // The zone is the first one the sentence names after the phrase, within a
  // few words: "All times are in UTC unless noted", "Times are local (CET)".
  // Words in brackets do not count: "Times are local to whoever writes (we're
  // all in Berlin this quarter, CEST)".
  int words = 0;
  int depth = 0;
  for (std::size_t pos = from; pos < line.size() && words <= 6; ++pos) {
    depth += line[pos] == '(' ? 1 : (line[pos] == ')' && depth > 0 ? -1 : 0);
    const char before = line[pos - 1];
    if (before != ' ' && before != '(' && before != ':') {
      continue;
    }
    if (depth == 0 && (is_alpha(line[pos]) || line[pos] == '+' || line[pos] == '-' ||
                       static_cast<unsigned char>(line[pos]) >= 0x80)) {
      ++words;
    }
    std::size_t end = 0;
    if (auto zone = read_zone(line, pos, end); zone && (end >= line.size() || !is_alpha(line[end]))) {
      return *zone;
    }
    // "All times Pacific": the US zone names, alone.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_us_names = {
        {{"pacific", "PT"}, {"mountain", "MT"}, {"central", "CT"}, {"eastern", "ET"}}};
    for (const auto& [name, us_zone] : k_us_names) {
      if (lower.compare(pos, name.size(), name) == 0 &&
          (pos + name.size() >= lower.size() || !is_alpha(lower[pos + name.size()]))) {
        return std::string(us_zone);
      }
    }
  }
  return {};
}

std::optional<int> zone_offset(std::string_view zone, int year, int month, int day) {
  if (zone.empty()) {
    return std::nullopt;
  }
  std::size_t end = 0;
  if (zone[0] == '+' || zone[0] == '-') {
    auto offset = read_numeric_offset(zone, 0, end);
    if (offset && end == zone.size()) {
      return offset;
    }
    return std::nullopt;
  }
  if ((zone.starts_with("UTC") || zone.starts_with("GMT")) && zone.size() > 3) {
    auto offset = read_numeric_offset(zone, 3, end);
    if (offset && end == zone.size()) {
      return offset;
    }
    return std::nullopt;
  }
  for (const auto& fixed : k_abbreviations) {
    if (fixed.name == zone) {
      // "2:15pm PT" in June is PDT: the generic names follow US daylight saving.
      const bool generic_us = zone == "PT" || zone == "MT" || zone == "CT" || zone == "ET";
      return fixed.offset + (generic_us && in_dst(DstRule::us, year, month, day) ? 60 : 0);
    }
  }
  for (const auto& named : k_iana) {
    if (util::iequals_ascii(named.name, zone)) {
      return named.standard + (in_dst(named.rule, year, month, day) ? 60 : 0);
    }
  }
  return std::nullopt;
}

std::string format_offset(int minutes) {
  const char sign = minutes < 0 ? '-' : '+';
  const int m = std::abs(minutes);
  return fmt::format("{}{:02}:{:02}", sign, m / 60, m % 60);
}

} // namespace seshdb::parse
