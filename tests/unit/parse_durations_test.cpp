// Stated durations, one form per test.
#include "seshdb/parse/durations.hpp"

#include <gtest/gtest.h>

namespace seshdb::parse {
namespace {

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
