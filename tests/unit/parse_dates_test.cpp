// Dates as logs write them, one format per test.
#include "seshdb/parse/dates.hpp"

#include <gtest/gtest.h>

namespace seshdb::parse {
namespace {

// "YYYY-MM-DD", "--MM-DD" when the text gives no year, "none" when no date.
std::string date_in(std::string_view text) {
  auto match = find_date(normalize_width(text));
  if (!match) {
    return "none";
  }
  if (match->year == 0) {
    return format_date(0, match->month, match->day).replace(0, 4, "-");
  }
  return format_date(match->year, match->month, match->day);
}

TEST(ParseDates, IsoDateInSessionHeading) { EXPECT_EQ(date_in("Session: 2025-12-04 ~1:00-2:15 PM PST"), "2025-12-04"); }
TEST(ParseDates, IsoDateWithTimeAfterT) { EXPECT_EQ(date_in("Session: 2025-11-21T13:00-13:30 PST"), "2025-11-21"); }
TEST(ParseDates, SlashSeparatedIso) { EXPECT_EQ(date_in("2025/12/04 notes"), "2025-12-04"); }
TEST(ParseDates, DottedUnpaddedDate) { EXPECT_EQ(date_in("[日期：2026.1.2（周五）]"), "2026-01-02"); }
TEST(ParseDates, CjkYearMonthDay) { EXPECT_EQ(date_in("2025年12月28日 记录"), "2025-12-28"); }
TEST(ParseDates, EnglishMonthDayYear) { EXPECT_EQ(date_in("Dec 4, 2025: Title"), "2025-12-04"); }
TEST(ParseDates, FullMonthNameWithOrdinal) { EXPECT_EQ(date_in("December 4th, 2025"), "2025-12-04"); }
TEST(ParseDates, DayMonthYear) { EXPECT_EQ(date_in("4 December 2025"), "2025-12-04"); }
TEST(ParseDates, DutchAbbreviation) { EXPECT_EQ(date_in("6 okt 2025 - Monday"), "2025-10-06"); }
TEST(ParseDates, FrenchAbbreviationWithSeptPrefix) { EXPECT_EQ(date_in("29 sept 2025 - Monday"), "2025-09-29"); }
TEST(ParseDates, GermanUmlautMonthWithDayDot) { EXPECT_EQ(date_in("18. März 2025 – Dienstag"), "2025-03-18"); }
TEST(ParseDates, FrenchAccentedMonth) { EXPECT_EQ(date_in("2 décembre 2025 - mardi"), "2025-12-02"); }
TEST(ParseDates, SpanishWithDe) { EXPECT_EQ(date_in("15 de enero de 2025"), "2025-01-15"); }
TEST(ParseDates, MonthDayWithoutYearIsLeftForTheCaller) { EXPECT_EQ(date_in("Day 8 (Jan 15) - Title [0.5h]"), "--01-15"); }
TEST(ParseDates, DateInTrailingParentheses) { EXPECT_EQ(date_in("Session: Issue #92 - Bulk edit (January 13, 2026)"), "2026-01-13"); }
TEST(ParseDates, DayFirstDottedWithYearLast) { EXPECT_EQ(date_in("Meeting 04.12.2025"), "2025-12-04"); }
TEST(ParseDates, UsSlashDate) { EXPECT_EQ(date_in("Standup 12/04/2025"), "2025-12-04"); }
TEST(ParseDates, ImpossibleDateIsNoDate) { EXPECT_EQ(date_in("Session: 2025-13-45 25:61"), "none"); }
TEST(ParseDates, PlaceholderIsNoDate) { EXPECT_EQ(date_in("YYYY-MM-DD（星期X）"), "none"); }
TEST(ParseDates, VersionNumberIsNoDate) { EXPECT_EQ(date_in("Release v2025.1.2.3"), "none"); }
TEST(ParseDates, MonthAndYearAloneIsNoDate) { EXPECT_EQ(date_in("Session 1: Issue #55 (July 2025)"), "none"); }
TEST(ParseDates, EnglishWordsThatAreAbbreviationsElsewhereAreNotMonths) { EXPECT_EQ(date_in("set 3 flags, out 5 tests"), "none"); }
TEST(ParseDates, IsoWeekdayPrefixIgnored) { EXPECT_EQ(date_in("Monday, 2025-06-16"), "2025-06-16"); }

TEST(ParseDates, MonthYearFoundForMonthOnlyHeadings) {
  auto match = find_month_year("Session 1: Issue #55 (July 2025)");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->year, 2025);
  EXPECT_EQ(match->month, 7);
}

TEST(ParseDates, CivilDayRoundTrip) {
  int y = 0, m = 0, d = 0;
  civil_from_days(days_from_civil(2024, 2, 29), y, m, d);
  EXPECT_EQ(format_date(y, m, d), "2024-02-29");
  EXPECT_EQ(weekday(2025, 12, 27), 6); // a Saturday
}

} // namespace
} // namespace seshdb::parse
