// Stated durations, one form per test.
#include "seshdb/parse/durations.hpp"

#include <gtest/gtest.h>

namespace seshdb::parse {
namespace {

TEST(ParseDurations, MinutesWithoutTheirUnitAfterHours) {
  EXPECT_EQ(parse_duration_minutes("2h20"), 140);
  EXPECT_EQ(parse_duration_minutes("1h 20"), 80);
  EXPECT_EQ(parse_duration_minutes("2 h 45 (with a break)"), 165);
  EXPECT_EQ(parse_duration_minutes("2h 3 tasks"), 120); // a count, not minutes
}
TEST(ParseDurations, TheFewWrittenInWords) {
  EXPECT_EQ(parse_duration_minutes("half an hour"), 30);
  EXPECT_EQ(parse_duration_minutes("about an hour and a half"), 90);
  EXPECT_EQ(parse_duration_minutes("~an hour (pairing)"), 60);
  EXPECT_EQ(parse_duration_minutes("an hourglass icon"), std::nullopt);
  EXPECT_EQ(parse_duration_minutes("it took half an hour"), std::nullopt); // only opening the value
}
TEST(ParseDurations, UnitsOfMoreLanguages) {
  EXPECT_EQ(parse_duration_minutes("3 jam 30 minit"), 210);
  EXPECT_EQ(parse_duration_minutes("3 ώρες και 15 λεπτά"), 180); // "and" in Greek is not read: the hours
  EXPECT_EQ(parse_duration_minutes("2 שעות"), 120);
  EXPECT_EQ(parse_duration_minutes("45 मिनट"), 45);
  EXPECT_EQ(parse_duration_minutes("2 ชั่วโมง"), 120);
  EXPECT_EQ(parse_duration_minutes("1,5 óra"), 90);
}
TEST(ParseDurations, DecimalComma) {
  EXPECT_EQ(parse_duration_minutes("2,5h"), 150);
  EXPECT_EQ(parse_duration_minutes("1,5 Std."), 90);
  EXPECT_EQ(parse_duration_minutes("tasks 2,5 and 3h"), 180); // no unit after 2,5: a list
}
TEST(ParseDurations, TheMinuteSignAndAClockFaceWithItsHourSign) {
  EXPECT_EQ(parse_duration_minutes("45'"), 45);
  EXPECT_EQ(parse_clock_duration("1:45 h"), 105);
  EXPECT_EQ(parse_clock_duration("2:30 hrs"), 150);
  EXPECT_EQ(parse_clock_duration("1:45 hours"), 105);
}

TEST(ParseDurations, TraditionalChineseHours) {
  EXPECT_EQ(parse_duration_minutes("2 小時"), 120);
  EXPECT_EQ(parse_duration_minutes("1小時30分鐘"), 90);
}

TEST(ParseDurations, GermanAndJapaneseUnits) {
  EXPECT_EQ(parse_duration_minutes("1 Std. 45 Min."), 105);
  EXPECT_EQ(parse_duration_minutes("2 Stunden"), 120);
  EXPECT_EQ(parse_duration_minutes("2時間30分"), 150);
}
TEST(ParseDurations, SpanishFrenchItalianDutchUnitsAndHalfHours) {
  EXPECT_EQ(parse_duration_minutes("~3 horas"), 180);
  EXPECT_EQ(parse_duration_minutes("1 hora y media"), 90);
  EXPECT_EQ(parse_duration_minutes("2 heures et demie"), 150);
  EXPECT_EQ(parse_duration_minutes("45 minutos"), 45);
  EXPECT_EQ(parse_duration_minutes("2 ore"), 120);
  EXPECT_EQ(parse_duration_minutes("3 uur"), 180);
  EXPECT_EQ(parse_duration_minutes("約1時間半"), 90);
  EXPECT_EQ(parse_duration_minutes("2 hours and a half"), 150);
  EXPECT_EQ(parse_duration_minutes("1.5 hours and a half-day off"), 90); // a half-day is no half hour
  EXPECT_EQ(parse_duration_minutes("2 oranges"), std::nullopt);
  EXPECT_EQ(parse_duration_minutes("약 1시간 30분"), 90);
}
TEST(ParseDurations, ClockFaceOnlyWhenThatIsAll) {
  EXPECT_EQ(parse_clock_duration("1:45"), 105);
  EXPECT_EQ(parse_clock_duration("~01:30:00"), 90);
  EXPECT_EQ(parse_clock_duration("14:00 - 15:00"), std::nullopt);
  EXPECT_EQ(parse_clock_duration("0:00"), std::nullopt);
  EXPECT_EQ(parse_duration_minutes("1:45"), std::nullopt); // only a Duration field says it is one
}
TEST(ParseDurations, ApproximateMinutes) { EXPECT_EQ(parse_duration_minutes("~75 minutes"), 75); }
TEST(ParseDurations, DecimalHours) { EXPECT_EQ(parse_duration_minutes("~2.5 hours"), 150); }
TEST(ParseDurations, HoursAndMinutesCompact) { EXPECT_EQ(parse_duration_minutes("1h 30m"), 90); }
TEST(ParseDurations, HoursAndMinutesInWords) { EXPECT_EQ(parse_duration_minutes("1 hour and 15 minutes"), 75); }
TEST(ParseDurations, MinAbbreviation) { EXPECT_EQ(parse_duration_minutes("90 min"), 90); }
TEST(ParseDurations, HoursWithStartedNote) { EXPECT_EQ(parse_duration_minutes("~3 hours (started 10:01 AM)"), 180); }
TEST(ParseDurations, BracketedHeadingForm) { EXPECT_EQ(parse_duration_minutes("0.5h"), 30); }
TEST(ParseDurations, ChineseUnits) { EXPECT_EQ(parse_duration_minutes("2小时30分钟"), 150); }
TEST(ParseDurations, RangeTakesLowerBound) { EXPECT_EQ(parse_duration_minutes("2-3 hours"), 120); }
TEST(ParseDurations, TimesAreNotDurations) { EXPECT_FALSE(parse_duration_minutes("10:01 AM")); }
TEST(ParseDurations, MonthsAreNotMinutes) { EXPECT_FALSE(parse_duration_minutes("3 months")); }
TEST(ParseDurations, NoNumberNoDuration) { EXPECT_FALSE(parse_duration_minutes("a while")); }

} // namespace
} // namespace seshdb::parse
