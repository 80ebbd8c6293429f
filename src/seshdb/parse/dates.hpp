// Finding calendar dates in headings and fields: ISO (2025-12-04, with T
// times), dotted (2025.12.28, 2026.1.2), CJK (2025年12月28日), month names in
// several languages (Dec 4, 2025; 4 December 2025; 6 okt 2025; 4. März 2025),
// and month-day without a year (Jan 15), which the caller completes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seshdb::parse {

struct DateMatch {
  int year = 0; // 0 when the text gives no year
  int month = 0;
  int day = 0;
  std::size_t begin = 0; // byte span in the searched text
  std::size_t end = 0;
  bool year_inferred = false; // the year came from a heading above ("# 2025", "# Journal — 2025")
};

// Full-width ASCII (：１２（）) to ASCII and ideographic spaces to spaces, so the
// same patterns read CJK text. Byte offsets of the result are its own.
std::string normalize_width(std::string_view text);

// The first date at or after `from`. Placeholders (YYYY-MM-DD, ____) and
// impossible dates (2025-13-45) are not dates.
std::optional<DateMatch> find_date(std::string_view text, std::size_t from = 0);

// A month and year without a day ("July 2025"), for headings that give only that.
struct MonthMatch {
  int year = 0;
  int month = 0;
};
std::optional<MonthMatch> find_month_year(std::string_view text);

// A heading that is a day written in numbers without a year: "6/10", "8/6",
// "Mon 6/16", "7/9（水）", "周一（6/16）", "6.16 周一", "Fr 13.6.", optionally
// followed by a separator and a title ("6/10 — parser"). Slashes read month
// first unless the first number cannot be a month; dots need a weekday or
// the German trailing dot, since "3.2" alone is more often a version. The
// year is 0: the caller takes it from the file.
struct NumericDay {
  DateMatch date;
  int first = 0;  // the numbers as written, for the file-wide checks
  int second = 0; // ("8/10", "6/10": a score's; "28/3": a day-first file's)
  char separator = '/';
};
std::optional<NumericDay> numeric_day_heading(std::string_view normalized);

// A heading that names only a stretch of the calendar: a year ("2025"), a
// month ("March", "3月") or both ("March 2025", "2025-03", "2025年3月"). The
// sessions under it that give less take the rest from it.
struct CalendarHeading {
  int year = 0;  // 0 when only a month
  int month = 0; // 0 when only a year
};
std::optional<CalendarHeading> calendar_heading(std::string_view normalized);

// A heading that opens with a day of the month and nothing more of the date
// ("3rd", "Monday 3", "Tue, 4th: tests", "12日", "03"), for a calendar
// heading above it to complete. `end` is the byte after the day.
struct DayHeading {
  int day = 0;
  std::size_t end = 0;
  bool marked = false; // with an ordinal or a weekday ("4th", "Tue 4"), not a bare "04"
};
std::optional<DayHeading> day_heading(std::string_view normalized);

// A heading that is a weekday and perhaps a title ("Monday", "Tue: release"),
// with no date or time, for a week heading above it ("Week of 2025-01-13")
// to date: `day` 0 = Sunday; `end` is the byte after the weekday.
struct WeekdayHeading {
  int day = 0;
  std::size_t end = 0;
};
std::optional<WeekdayHeading> weekday_heading(std::string_view normalized);

// "Week of 2025-01-13", "Week starting Jan 13, 2025", "W/C 13 Jan 2025", and
// "Week ending 2025-01-17" (the week that ends then): a heading whose date
// names a week. "Week 3 retro (2025-01-20)" is a day's session.
bool is_week_heading(std::string_view normalized);

bool is_valid_date(int year, int month, int day);
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);
int weekday(int year, int month, int day); // 0 = Sunday
std::string format_date(int year, int month, int day);

// 1..12 for a month name or abbreviation in English, Dutch, German, French,
// Spanish, Italian or Portuguese (lower-case input); 0 otherwise.
int month_from_name(std::string_view lower_name);

} // namespace seshdb::parse
