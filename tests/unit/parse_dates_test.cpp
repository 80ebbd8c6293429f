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

TEST(ParseDates, ARangeOfOrdinalDays) {
  for (const char* text : {"March 17th–18th 2025", "17th–18th March 2025", "March 17–18, 2025"}) {
    const auto date = find_date(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(date->year, 2025) << text;
    EXPECT_EQ(date->month, 3) << text;
    EXPECT_EQ(date->day, 17) << text;
  }
}

TEST(ParseDates, IsoDateInSessionHeading) { EXPECT_EQ(date_in("Session: 2025-12-04 ~1:00-2:15 PM PST"), "2025-12-04"); }
TEST(ParseDates, IsoDateWithTimeAfterT) { EXPECT_EQ(date_in("Session: 2025-11-21T13:00-13:30 PST"), "2025-11-21"); }
TEST(ParseDates, SlashSeparatedIso) { EXPECT_EQ(date_in("2025/12/04 notes"), "2025-12-04"); }
TEST(ParseDates, DottedUnpaddedDate) { EXPECT_EQ(date_in("[日期：2026.1.2（周五）]"), "2026-01-02"); }
TEST(ParseDates, CjkYearMonthDay) { EXPECT_EQ(date_in("2025年12月28日 记录"), "2025-12-28"); }
TEST(ParseDates, KoreanYearMonthDay) {
  EXPECT_EQ(date_in("2025년 6월 2일 (월)"), "2025-06-02");
  EXPECT_EQ(date_in("6월 5일 (목) — 야간 작업"), "--06-05");
  EXPECT_EQ(date_in("2025년 6월"), "none"); // a month
}
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
TEST(ParseDates, ApostropheYear) {
  EXPECT_EQ(date_in("Nov 17 '25"), "2025-11-17");
  EXPECT_EQ(date_in("17 Nov ’24 — sync"), "2024-11-17");
  EXPECT_EQ(date_in("Nov 17 'tis the season"), "--11-17");
}
TEST(ParseDates, UsSlashDate) { EXPECT_EQ(date_in("Standup 12/04/2025"), "2025-12-04"); }
TEST(ParseDates, SlashDateWhoseFirstNumberCannotBeAMonthIsDayFirst) {
  EXPECT_EQ(date_in("17/11/2025 09:00"), "2025-11-17");
  EXPECT_EQ(date_in("31/12/2025"), "2025-12-31");
  EXPECT_EQ(date_in("13/13/2025"), "none");
}
TEST(ParseDates, ImpossibleDateIsNoDate) { EXPECT_EQ(date_in("Session: 2025-13-45 25:61"), "none"); }
TEST(ParseDates, PlaceholderIsNoDate) { EXPECT_EQ(date_in("YYYY-MM-DD（星期X）"), "none"); }
TEST(ParseDates, VersionNumberIsNoDate) { EXPECT_EQ(date_in("Release v2025.1.2.3"), "none"); }
TEST(ParseDates, ADayRangeIsDatedByItsFirstDayWithTheRangesYear) {
  EXPECT_EQ(date_in("Week 12 (Mar 17–21, 2025)"), "2025-03-17");
  EXPECT_EQ(date_in("March 17-21, 2025"), "2025-03-17");
  EXPECT_EQ(date_in("Mar 30 – Apr 3, 2025"), "2025-03-30");
  EXPECT_EQ(date_in("17–21 Mar 2025"), "2025-03-17");
  EXPECT_EQ(date_in("17. – 21. März 2025"), "2025-03-17");
  EXPECT_EQ(date_in("Sat 7 – Sun 8 Jun 2025 (hack weekend)"), "2025-06-07"); // weekdays make the spaced dash a range
  EXPECT_EQ(date_in("Session 3 – Mon 9 Jun 2025"), "2025-06-09");             // one weekday: no range
  // A number before a spaced dash is no range: "Sitzung 1 – 3. März".
  EXPECT_EQ(date_in("Sitzung 1 – 3. März 2025"), "2025-03-03");
  EXPECT_EQ(date_in("Sesión 1 — 3 de marzo de 2025"), "2025-03-03");
  // A range without a year after it stays year-less; a time after a dash is no day.
  EXPECT_EQ(date_in("Mar 3 - 5 tests passed"), "--03-03");
  EXPECT_EQ(date_in("Mar 17 - 10:00"), "--03-17");
}

TEST(ParseDates, NumberedWeeksAreWeekHeadingsButNotWeeklyMeetings) {
  EXPECT_TRUE(is_week_heading("Week 12 (Mar 17–21, 2025)"));
  EXPECT_TRUE(is_week_heading("W12 — 2025-03-17"));
  EXPECT_TRUE(is_week_heading("KW 12: 17.03.2025"));
  EXPECT_TRUE(is_week_heading("Week of 2025-03-17"));
  EXPECT_FALSE(is_week_heading("Week 3 retro (2025-01-20)"));
  EXPECT_FALSE(is_week_heading("Wed 2025-03-19"));
  EXPECT_FALSE(is_week_heading("Weekly sync 2025-03-19"));
}

TEST(ParseDates, TwoYearDigitsAndDashedMonthFirstDates) {
  EXPECT_EQ(date_in("03-06-25"), "2025-03-06");
  EXPECT_EQ(date_in("Tue 3/18/25"), "2025-03-18");
  EXPECT_EQ(date_in("13.03.25"), "2025-03-13");
  EXPECT_EQ(date_in("03-18-2025"), "2025-03-18");
  EXPECT_EQ(date_in("18-03-2025"), "2025-03-18");
  // Versions and longer runs are no dates; nor is a year past 2039 in two digits.
  EXPECT_EQ(date_in("Release 1.2.25"), "none");
  EXPECT_EQ(date_in("build 10.12.25.4"), "none");
  EXPECT_EQ(date_in("3/18/87"), "none");
  EXPECT_EQ(date_in("25/03/18"), "none"); // year first as often: 20-39 only
  EXPECT_EQ(date_in("24.10.01"), "none"); // CalVer
  EXPECT_EQ(date_in("10-12-255"), "none");
}

TEST(ParseDates, MonthAndYearAloneIsNoDate) { EXPECT_EQ(date_in("Session 1: Issue #55 (July 2025)"), "none"); }
TEST(ParseDates, EnglishWordsThatAreAbbreviationsElsewhereAreNotMonths) { EXPECT_EQ(date_in("set 3 flags, out 5 tests"), "none"); }
TEST(ParseDates, IsoWeekdayPrefixIgnored) { EXPECT_EQ(date_in("Monday, 2025-06-16"), "2025-06-16"); }

TEST(ParseDates, MonthYearFoundForMonthOnlyHeadings) {
  auto match = find_month_year("Session 1: Issue #55 (July 2025)");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->year, 2025);
  EXPECT_EQ(match->month, 7);
}

// "year-month" as a calendar heading reads it, "-" for a part it does not give, "none" when it is no such heading.
std::string calendar_of(std::string_view heading) {
  auto period = calendar_heading(normalize_width(heading));
  if (!period) {
    return "none";
  }
  return (period->year ? std::to_string(period->year) : "-") + "-" + (period->month ? std::to_string(period->month) : "-");
}

TEST(ParseDates, CalendarHeadingsNameAYearAMonthOrBoth) {
  EXPECT_EQ(calendar_of("2025"), "2025--");
  EXPECT_EQ(calendar_of("March"), "--3");
  EXPECT_EQ(calendar_of("Mar."), "--3");
  EXPECT_EQ(calendar_of("March 2025:"), "2025-3");
  EXPECT_EQ(calendar_of("September, 2024"), "2024-9");
  EXPECT_EQ(calendar_of("2025-03"), "2025-3");
  EXPECT_EQ(calendar_of("2025/11"), "2025-11");
  EXPECT_EQ(calendar_of("2025年3月"), "2025-3");
  EXPECT_EQ(calendar_of("12月"), "--12");
  EXPECT_EQ(calendar_of("2025年"), "2025--");
  EXPECT_EQ(calendar_of("2025 March"), "2025-3");
}

TEST(ParseDates, HeadingsThatSayMoreThanAPeriodAreNoCalendarHeadings) {
  EXPECT_EQ(calendar_of("2025 roadmap"), "none");
  EXPECT_EQ(calendar_of("March madness"), "none");
  EXPECT_EQ(calendar_of("2025-13"), "none");
  EXPECT_EQ(calendar_of("1999999"), "none");
  EXPECT_EQ(calendar_of("Notes"), "none");
  EXPECT_EQ(calendar_of("42"), "none");
}

// The day a day heading gives and the text left after it, "none" when it is no day heading.
std::string day_of(std::string_view heading) {
  const std::string normalized = normalize_width(heading);
  auto day = day_heading(normalized);
  return day ? std::to_string(day->day) + "|" + normalized.substr(day->end) : "none";
}

TEST(ParseDates, DayHeadingsGiveTheDayOfTheMonth) {
  EXPECT_EQ(day_of("3rd"), "3|");
  EXPECT_EQ(day_of("Monday 3rd"), "3|");
  EXPECT_EQ(day_of("Tue, 4th: tests"), "4|: tests");
  EXPECT_EQ(day_of("Wed. 5 — search"), "5| — search");
  EXPECT_EQ(day_of("03"), "3|");
  EXPECT_EQ(day_of("21 (2h)"), "21| (2h)");
  EXPECT_EQ(day_of("12日"), "12|");
  EXPECT_EQ(day_of("5号"), "5|");
  EXPECT_EQ(day_of("7 Monday"), "7|");
  EXPECT_EQ(day_of("8th, Tue - deploy"), "8| - deploy");
  EXPECT_EQ(day_of("4日 周二"), "4|");
  EXPECT_EQ(day_of("3日（周一）"), "3|");
  EXPECT_EQ(day_of("周三 5日"), "5|");
  EXPECT_EQ(day_of("4th 10:00-12:00 auth"), "4| 10:00-12:00 auth");
}

TEST(ParseDates, TimesRangesAndCountsAreNoDayHeadings) {
  // A separator that runs into a digit or a letter belongs to something else.
  EXPECT_EQ(day_of("09:00 – standup"), "none");
  EXPECT_EQ(day_of("14:30 - code review"), "none");
  EXPECT_EQ(day_of("9-11: deep work"), "none");
  EXPECT_EQ(day_of("1:1 with Alice"), "none");
  EXPECT_EQ(day_of("2-week plan"), "none");
  EXPECT_EQ(day_of("30-day retro"), "none");
}

TEST(ParseDates, NumberedSectionsAreNoDayHeadings) {
  EXPECT_EQ(day_of("1. Setup"), "none");
  EXPECT_EQ(day_of("2 Design"), "none");
  EXPECT_EQ(day_of("32"), "none");
  EXPECT_EQ(day_of("0"), "none");
  EXPECT_EQ(day_of("Phase 3"), "none");
  EXPECT_EQ(day_of("3rd party libraries"), "none");
  EXPECT_EQ(day_of("100"), "none");
  // A bare number before a title: a day would say so with an ordinal or a weekday.
  EXPECT_EQ(day_of("1 - Summary"), "none");
  EXPECT_EQ(day_of("2: Incidents"), "none");
  EXPECT_EQ(day_of("3 (optional) Appendix"), "none");
}

// "MM-DD" of a numeric day heading, "none" when the heading is not one.
std::string numeric_day(std::string_view heading) {
  const std::string normalized = normalize_width(heading);
  auto match = numeric_day_heading(normalized);
  if (!match) {
    return "none";
  }
  EXPECT_LE(match->date.end, normalized.size());
  return std::to_string(match->date.month) + "-" + std::to_string(match->date.day);
}

TEST(ParseDates, JapaneseEraYears) {
  EXPECT_EQ(date_in("令和7年7月14日"), "2025-07-14");
  EXPECT_EQ(date_in("平成31年4月30日"), "2019-04-30");
  EXPECT_EQ(date_in("第7年7月14日"), "--07-14"); // no era: the month-day alone
}

TEST(ParseDates, NumericDayHeadingsWithoutAYear) {
  EXPECT_EQ(numeric_day("6/10"), "6-10");
  EXPECT_EQ(numeric_day("8/6"), "8-6"); // month first, as US, Chinese and Japanese logs write it
  EXPECT_EQ(numeric_day("13/6"), "6-13"); // the first cannot be a month
  EXPECT_EQ(numeric_day("7/9（水）"), "7-9");
  EXPECT_EQ(numeric_day("周一（6/16）"), "6-16");
  EXPECT_EQ(numeric_day("6/17 周二"), "6-17");
  EXPECT_EQ(numeric_day("6.18 周三"), "6-18");
  EXPECT_EQ(numeric_day("Mon 6/23 — parser work"), "6-23");
  EXPECT_EQ(numeric_day("Fr 13.6."), "6-13");
  EXPECT_EQ(numeric_day("**6/24**"), "6-24");
  // Versions, section numbers, fractions and full dates are not.
  EXPECT_EQ(numeric_day("3.2 Results"), "none");
  EXPECT_EQ(numeric_day("1.12"), "none"); // a dot needs a weekday or the German trailing dot
  EXPECT_EQ(numeric_day("2/3 done"), "none");
  EXPECT_EQ(numeric_day("Part 1/3 — setup"), "none");
  EXPECT_EQ(numeric_day("6/10/2025"), "none");
  EXPECT_EQ(numeric_day("13/13"), "none");
  EXPECT_EQ(numeric_day("2/30"), "none");
}

TEST(ParseDates, CzechAndVietnameseDates) {
  EXPECT_EQ(date_in("## 5. 3. 2025 (středa)"), "2025-03-05"); // a space after each dot
  EXPECT_EQ(date_in("## Čtvrtek 6. března 2025"), "2025-03-06");
  EXPECT_EQ(date_in("## 1. dubna 2025"), "2025-04-01");
  EXPECT_EQ(date_in("## Thứ Tư, ngày 5 tháng 3 năm 2025"), "2025-03-05");
  EXPECT_EQ(date_in("ngày 12 tháng 11"), "--11-12");
  EXPECT_EQ(date_in("v1. 2. 3 release"), "none");
  EXPECT_EQ(date_in("5 tháng 13 năm 2025"), "none");
}
TEST(ParseDates, DayMonthAndTwoYearDigitsJoinedByDashes) {
  EXPECT_EQ(date_in("| lun | 03-mar-25 | 9:00 hs |"), "2025-03-03");
  EXPECT_EQ(date_in("4-Dec-2025"), "2025-12-04");
  EXPECT_EQ(date_in("3 mar 25 items"), "--03-03"); // no dashes: 25 is no year
  EXPECT_EQ(date_in("03-mar-99"), "--03-03");      // only this century's twenties and thirties
}
TEST(ParseDates, AFileNamesDateAndTime) {
  EXPECT_EQ(date_in("# 2025-04-02-1530-oauth-refresh.md"), "2025-04-02");
  EXPECT_EQ(date_in("2025-04-02-1"), "none");    // a version's fourth part
  EXPECT_EQ(date_in("2025-04-02-2461-x"), "none"); // no time of day
}
TEST(ParseDates, MonthNamesAndDigitsOfMoreLanguages) {
  EXPECT_EQ(date_in("## Τρίτη 4 Μαρτίου 2025"), "2025-03-04");
  EXPECT_EQ(date_in("## יום ראשון, 2 במרץ 2025"), "2025-03-02");
  EXPECT_EQ(date_in("## الأحد ٢ مارس ٢٠٢٥"), "2025-03-02");     // Arabic-Indic digits
  EXPECT_EQ(date_in("## सोमवार, १० मार्च २०२५"), "2025-03-10");  // Devanagari digits
  EXPECT_EQ(date_in("## Luni, 3 martie 2025"), "2025-03-03");
  EXPECT_EQ(date_in("## tirsdag den 4. marts 2025"), "2025-03-04");
  EXPECT_EQ(date_in("4. maaliskuuta 2025"), "2025-03-04");
  EXPECT_EQ(date_in("## ۲۰۲۵/۰۳/۰۹ — یکشنبه"), "2025-03-09");  // Persian digits, year first
}
TEST(ParseDates, ThaiNamesAndBuddhistEraYearsAndMalayMac) {
  EXPECT_EQ(date_in("## วันจันทร์ที่ 3 มี.ค. 2568"), "2025-03-03");
  EXPECT_EQ(date_in("## วันอังคารที่ ๔ มีนาคม พ.ศ. ๒๕๖๘"), "2025-03-04");
  EXPECT_EQ(date_in("## วันพุธที่ 5 มีนาคม 2025"), "2025-03-05");
  EXPECT_EQ(date_in("## ศ. 7 มี.ค. 68"), "2025-03-07");
  EXPECT_EQ(date_in("### Isnin, 3 Mac"), "--03-03");
  EXPECT_EQ(date_in("Mac 12 build farm"), "none"); // a computer, not March
}
TEST(ParseDates, FinnishAndNordicDaysWithTheirTime) {
  const auto day = [](std::string_view heading) {
    const auto found = numeric_day_heading(heading);
    return found ? std::to_string(found->date.month) + "-" + std::to_string(found->date.day) : std::string("none");
  };
  EXPECT_EQ(day("ti 4.3. klo 9.00–11.30"), "3-4");
  EXPECT_EQ(day("pe 7.3"), "3-7");   // a dotted day after a weekday in letters is day first
  EXPECT_EQ(day("6.18 周三"), "6-18"); // Chinese month.day
  EXPECT_EQ(day("Mon 6/16 14:00–15:00"), "6-16");
  EXPECT_EQ(day("6/10 12 tests pass"), "none"); // a score, then words
}
TEST(ParseDates, CivilDayRoundTrip) {
  int y = 0, m = 0, d = 0;
  civil_from_days(days_from_civil(2024, 2, 29), y, m, d);
  EXPECT_EQ(format_date(y, m, d), "2024-02-29");
  EXPECT_EQ(weekday(2025, 12, 27), 6); // a Saturday
}

} // namespace
} // namespace seshdb::parse
