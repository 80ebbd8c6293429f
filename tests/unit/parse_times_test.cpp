// Times, ranges and zones, one form per test.
#include "seshdb/parse/dates.hpp"
#include "seshdb/parse/times.hpp"

#include <gtest/gtest.h>
#include <fmt/format.h>

namespace seshdb::parse {
namespace {

// "HH:MM-HH:MM ZONE ~" summary of the first time in the text.
std::string time_in(std::string_view text) {
  auto match = find_time(text);
  if (!match) {
    return "none";
  }
  std::string out = fmt::format("{:02}:{:02}", match->start / 60, match->start % 60);
  if (match->end) {
    out += fmt::format("-{:02}:{:02}", *match->end / 60, *match->end % 60);
  }
  if (!match->zone.empty()) {
    out += " " + match->zone;
  }
  if (match->approx) {
    out += " ~";
  }
  return out;
}

TEST(ParseTimes, AnEndOnTheNextDayWithItsWeekdayDayAndMonth) {
  const auto time = find_time("Sat 22 Mar 2025, 21:30 – Sun 23 Mar, 02:10", 0);
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(time->start, 21 * 60 + 30);
  EXPECT_EQ(time->end, 2 * 60 + 10);
  EXPECT_EQ(find_time("21:30 – Sun 23, 01:15", 0)->end, 60 + 15);
  EXPECT_FALSE(find_time("21:30 – Sun 23 March was the release", 0)->end.has_value());
}

TEST(ParseTimes, SeveralRangesRunFromTheFirstStartToTheLastEnd) {
  EXPECT_EQ(time_in("09:00–12:00, 13:30–16:30 CET"), "09:00-16:30 CET");
  EXPECT_EQ(time_in("18:00–19:30 + 21:00–22:15"), "18:00-22:15");
  EXPECT_EQ(time_in("09:30–12:00 y 16:00–18:30 (CET)"), "09:30-18:30 CET");
  EXPECT_EQ(time_in("10:00-12:00, 3 tasks"), "10:00-12:00");
  // A second range that starts before the first ends is no continuation.
  EXPECT_EQ(time_in("14:00-16:00, 09:00-10:00 UTC"), "14:00-16:00");
  EXPECT_EQ(time_in("22:00-01:00, 02:00-03:00"), "22:00-01:00");
}
TEST(ParseTimes, AZoneAfterEachClockOfARange) {
  EXPECT_EQ(time_in("09:15 UTC+2 – 11:00 UTC+2"), "09:15-11:00 UTC+2");
  EXPECT_EQ(time_in("9am PT - 11:30am PT"), "09:00-11:30 PT");
  EXPECT_EQ(time_in("23:00 (CET) – 01:15 (CET), then bed"), "23:00-01:15 CET");
  EXPECT_EQ(time_in("14:00 CET to 16:30"), "14:00-16:30 CET");
  EXPECT_EQ(time_in("(10:00–10:40, UTC+1)"), "10:00-10:40 UTC+1");
  EXPECT_EQ(time_in("2025-04-08 18:00 AEST – 2025-04-09 00:30 AEST"), "18:00-00:30 AEST");
  EXPECT_EQ(time_in("Sat 2025-03-15, 21:00 → Sun 03:30 IST"), "21:00-03:30 IST");
  EXPECT_EQ(time_in("21:00 → Sunday 03:30"), "21:00-03:30");
  EXPECT_EQ(time_in("10:00 – Sun is out, 3 tasks"), "10:00");
  EXPECT_EQ(time_in("10:00–10:40, CET team sync"), "10:00-10:40");
  // Two zones are two clocks, not one range; a duration is no end.
  EXPECT_EQ(time_in("10:00 UTC – 12:00 EST"), "10:00 UTC");
  EXPECT_EQ(time_in("10:00 UTC - 2 hours of review"), "10:00 UTC");
}

TEST(ParseTimes, ABareHourAfterADateAndADashSharesTheEndsMeridiem) {
  // find_time is asked from the end of the date ("3/12").
  const auto range = find_time("3/12 — 1–4pm", 4);
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->start, 13 * 60);
  EXPECT_EQ(range->end, std::optional<int>(16 * 60));
  // Nor does the date's weekday in brackets: "Sep 1 (Mon) · 9–11:30am".
  const auto after_weekday = find_time("Sep 1 (Mon) · 9–11:30am", 5);
  ASSERT_TRUE(after_weekday.has_value());
  EXPECT_EQ(after_weekday->start, 9 * 60);
  EXPECT_EQ(after_weekday->end, std::optional<int>(11 * 60 + 30));
  EXPECT_EQ(time_in("Sep 1 (team 3) · 9–11:30am"), "11:30"); // a number in brackets is no weekday
  // Without a date before it, "Day 2 - 9am" is a number and a time.
  EXPECT_EQ(time_in("Day 2 - 9am standup"), "09:00");
}

TEST(ParseTimes, ASentenceThatGivesEveryTimeOfTheFileAZone) {
  EXPECT_EQ(zone_of_all_times("All times CET."), "CET");
  EXPECT_EQ(zone_of_all_times("Billable sessions only. Times are local (CET)."), "CET");
  EXPECT_EQ(zone_of_all_times("_All timestamps are in UTC unless noted._"), "UTC");
  EXPECT_EQ(zone_of_all_times("All times Pacific."), "PT");
  EXPECT_EQ(zone_of_all_times("All times are Europe/Berlin"), "Europe/Berlin");
  // In other languages too.
  EXPECT_EQ(zone_of_all_times("Notatki z sesji. Godziny czasu lokalnego (CET)."), "CET");
  EXPECT_EQ(zone_of_all_times("Anotações. Horários em horário de Brasília (BRT)."), "BRT");
  EXPECT_EQ(zone_of_all_times("Alle Zeiten in UTC."), "UTC");
  EXPECT_EQ(zone_of_all_times("> Times shown in GMT+2. I paste this weekly."), "GMT+2");
  EXPECT_EQ(zone_of_all_times("Shift notes, newest first. Times UTC unless noted."), "UTC");
  EXPECT_EQ(zone_of_all_times("Freelancer: J. Keller · Rate: 95 €/h · all times are Europe/Berlin"), "Europe/Berlin");
  EXPECT_EQ(zone_of_all_times("Todas las horas están en hora peninsular (CET) salvo que se indique otra cosa."), "CET");
  EXPECT_EQ(zone_of_all_times("Saatler Türkiye saati (TSİ)."), "TSİ");
  EXPECT_EQ(zone_of_all_times("Giờ ghi theo giờ Việt Nam (GMT+7) nếu không ghi chú khác."), "GMT+7");
  // A remark in brackets does not use up the words the zone may come within.
  EXPECT_EQ(zone_of_all_times("Times are local to whoever writes (we're all in Berlin this quarter, CEST)."), "CEST");
  EXPECT_EQ(zone_of_all_times("時刻はすべて JST。"), "JST");
  EXPECT_EQ(zone_of_all_times("Times are approximate."), "");
  EXPECT_EQ(zone_of_all_times("Sometimes CI is slow."), "");
  EXPECT_EQ(zone_of_all_times("Build times are down since the EST outage"), "");
}

TEST(ParseTimes, AFrenchClockBeforeFiveIsTimeSpentUnlessItEndsARange) {
  EXPECT_EQ(time_in("2025-06-02 — (1h30)"), "none");
  EXPECT_EQ(time_in("21h45 – 0h30"), "21:45-00:30");
  EXPECT_EQ(time_in("9h30 - 11h"), "09:30-11:00");
}

TEST(ParseTimes, OneLetterMeridiemsAndAfricanZones) {
  EXPECT_EQ(time_in("1:00p – 5:30p CT"), "13:00-17:30 CT"); // was 01:00 and no end
  EXPECT_EQ(time_in("9:15a – 12:40p CT"), "09:15-12:40 CT");
  EXPECT_EQ(time_in("10:00 apples"), "10:00"); // a word, not a meridiem
  EXPECT_EQ(time_in("15:00–17:30 WAT"), "15:00-17:30 WAT");
  EXPECT_EQ(zone_offset("EAT", 2025, 1, 1), 180);
  EXPECT_EQ(time_in("10:00–12:00 SAST triage"), "10:00-12:00"); // static analysis, not a zone
  EXPECT_EQ(time_in("14:00–15:30 CET-412 fix"), "14:00-15:30");   // a ticket key
}

TEST(ParseTimes, ChineseAndJapaneseZoneNames) {
  EXPECT_EQ(time_in("14:00–16:30 (北京时间)"), "14:00-16:30 北京时间"); // its full-width brackets are normalised before
  EXPECT_EQ(time_in("10:00 日本時間"), "10:00 日本時間");
  EXPECT_EQ(zone_offset("北京时间", 2025, 6, 2), 480);
  EXPECT_EQ(zone_offset("台灣時間", 2025, 6, 2), 480);
}

TEST(ParseTimes, NoonAndMidnightAsTheEndsOfARange) {
  EXPECT_EQ(time_in("noon–5pm BST"), "12:00-17:00 BST"); // was 17:00 and no end
  EXPECT_EQ(time_in("8pm–midnight ET"), "20:00-00:00 ET");
  EXPECT_EQ(time_in("9am–noon"), "09:00-12:00");
  EXPECT_EQ(time_in("Midday - 14:30"), "12:00-14:30");
  // Alone, the words are no time.
  EXPECT_EQ(time_in("Lunch at noon, then a 2pm meeting"), "14:00");
  EXPECT_EQ(time_in("midnight deploy"), "none");
  // A 24-hour start keeps its hour; a word after the end makes it no end.
  EXPECT_EQ(time_in("10:00 - midnight"), "10:00-00:00");
  EXPECT_EQ(time_in("09:00 — Midnight Commander config"), "09:00");
  EXPECT_EQ(time_in("23:00 - midnight deploy"), "23:00");
  EXPECT_EQ(time_in("11:30 – Noon demo prep"), "11:30");
  EXPECT_EQ(time_in("Noonan joined"), "none");
}

TEST(ParseTimes, ChineseAndJapaneseHoursAndRangeWords) {
  EXPECT_EQ(time_in("上午9点到11点半"), "09:00-11:30");
  EXPECT_EQ(time_in("晚上8点半到10点"), "20:30-22:00");
  EXPECT_EQ(time_in("14点-17点"), "14:00-17:00");
  EXPECT_EQ(time_in("9点30分到11点"), "09:30-11:00");
  EXPECT_EQ(time_in("13:30 至 17:00"), "13:30-17:00");
  EXPECT_EQ(time_in("9:00到11:30"), "09:00-11:30");
  EXPECT_EQ(time_in("上午10:15 - 下午1:00"), "10:15-13:00");
  EXPECT_EQ(time_in("上午9:30 至 中午12:00"), "09:30-12:00");
  EXPECT_EQ(time_in("午後1時〜午後5時"), "13:00-17:00");
  EXPECT_EQ(time_in("午後3時から午後4時半まで"), "15:00-16:30");
  EXPECT_EQ(time_in("21:00~次日01:30"), "21:00-01:30");
  EXPECT_EQ(time_in("作業時間: 22:00〜翌1:30 JST"), "22:00-01:30 JST");
  // A zone glued to both clocks: one range past midnight, not another zone's clock.
  EXPECT_EQ(time_in("2025-05-21 23:40Z → 00:29Z"), "23:40-00:29 Z");
  EXPECT_EQ(time_in("2025-05-21 23:40Z - 00:29"), "23:40 Z");
  // A bare hour opens a range whose end gives its minutes, later the same day.
  EXPECT_EQ(time_in("9-11:30"), "09:00-11:30");
  EXPECT_EQ(time_in("from 9 to 11:30"), "09:00-11:30");
  EXPECT_EQ(time_in("Session 3 - 11:30"), "11:30");
  EXPECT_EQ(time_in("12-9:30"), "09:30");
  EXPECT_EQ(time_in("下午3点"), "15:00"); // alone after its PM word
  EXPECT_EQ(time_in("上午9点开始"), "09:00");
  EXPECT_EQ(time_in("上午 3点反馈处理"), "none"); // three points of feedback
  // A count, and durations, are no clock.
  EXPECT_EQ(time_in("修复了3点问题"), "none");
  EXPECT_EQ(time_in("作業時間：3時間"), "none");
  EXPECT_EQ(time_in("用了2小时到3小时"), "none");
}

TEST(ParseTimes, RangeWordsInOtherLanguagesAndTheHourSign) {
  EXPECT_EQ(time_in("10:00 bis 12:00"), "10:00-12:00");
  EXPECT_EQ(time_in("14:00 a 16:00"), "14:00-16:00");
  EXPECT_EQ(time_in("10:00 h – 12:30 h (CEST)"), "10:00-12:30 CEST");
  EXPECT_EQ(time_in("10:00 h (CEST)"), "10:00 CEST");
  EXPECT_EQ(time_in("10:00 a meeting"), "10:00");
  // English words: only two clocks written alike, the second later.
  EXPECT_EQ(time_in("11:00 as 12:00 was booked"), "11:00");
  EXPECT_EQ(time_in("08:00 a 9 am meeting got moved"), "08:00");
  EXPECT_EQ(time_in("16:00 a 5:00 deadline"), "16:00");
  EXPECT_EQ(time_in("14h às 17h30"), "14:00-17:30");
}
TEST(ParseTimes, TwelveHourRangeSharesTrailingPm) { EXPECT_EQ(time_in("12:30-1:15 PM PST"), "12:30-13:15 PST"); }
TEST(ParseTimes, ApproximateMarkerKept) { EXPECT_EQ(time_in("~1:00-2:15 PM PST (LATEST)"), "13:00-14:15 PST ~"); }
TEST(ParseTimes, MorningRangeCrossingNoon) { EXPECT_EQ(time_in("11:30-1:00 PM"), "11:30-13:00"); }
TEST(ParseTimes, BothEndsWithMeridiem) { EXPECT_EQ(time_in("10:00 AM - 12:00 PM EST"), "10:00-12:00 EST"); }
TEST(ParseTimes, OffsetBeforeTheTimeIsItsZoneNotATime) {
  EXPECT_EQ(time_in("2025-03-11 (UTC+05:30) 09:00 → 11:00"), "09:00-11:00 UTC+05:30");
  EXPECT_EQ(time_in("GMT-03:00, 14:00-15:00"), "14:00-15:00 GMT-03:00");
  EXPECT_EQ(time_in("(+02:00) 8:15"), "08:15 +02:00");
}
TEST(ParseTimes, AsciiArrowRange) { EXPECT_EQ(time_in("2025-03-04 10:00->12:30"), "10:00-12:30"); }
TEST(ParseTimes, RangeThatWritesTheDateAgain) {
  EXPECT_EQ(time_in("2025-03-09 09:00 - 2025-03-09 13:30"), "09:00-13:30");
  EXPECT_EQ(time_in("2025-03-09 22:00 - 2025-03-10 01:30"), "22:00-01:30"); // the next day
  EXPECT_EQ(time_in("2025-03-07T09:00:00Z → 2025-03-07T11:15:00Z"), "09:00-11:15 Z");
  // Two days later is no time range of one session: the end is left unknown.
  EXPECT_EQ(time_in("2025-03-11 22:00 - 2025-03-13 01:30"), "22:00");
}
TEST(ParseTimes, RepeatedDatesMustAgreeWithTheClocks) {
  EXPECT_EQ(time_in("2025-03-17 09:00 - 2025-03-18 10:00"), "09:00"); // 25 hours
  EXPECT_EQ(time_in("2025-03-19 23:00 - 2025-03-19 01:00"), "23:00"); // the end before the start, same day
}
TEST(ParseTimes, AZonedStartThenTheSameMomentElsewhereIsNoRange) {
  EXPECT_EQ(time_in("2025-03-07T14:00:00Z - 09:00 local"), "14:00 Z");
  EXPECT_EQ(time_in("2025-03-11T16:00:00Z to 10am PT"), "16:00 Z");
  EXPECT_EQ(time_in("2025-03-13T08:00:00+01:00 → 07:00 UTC"), "08:00 +01:00");
  EXPECT_EQ(time_in("2025-03-21T09:00:00Z → 2025-03-21T11:15:00+05:30"), "09:00 Z");
  EXPECT_EQ(time_in("2025-03-23T10:00Z-11:30Z"), "10:00-11:30 Z");
}
TEST(ParseTimes, AnIsoStartNeverTakesTheEndsMeridiem) {
  EXPECT_EQ(time_in("2025-03-10T10:00:00Z - 10 PM review"), "10:00-22:00 Z");
}
TEST(ParseTimes, AnEndWithoutMeridiemIsTheFirstClockTimeAfterTheStart) {
  EXPECT_EQ(time_in("2:00 PM - 5:30"), "14:00-17:30");
  EXPECT_EQ(time_in("2pm-5:00"), "14:00-17:00");
  EXPECT_EQ(time_in("11:00 AM - 1:30"), "11:00-13:30");
  EXPECT_EQ(time_in("10:00 PM - 1:00"), "22:00-01:00"); // overnight
  EXPECT_EQ(time_in("9 AM - 17:00"), "09:00-17:00");
  EXPECT_EQ(time_in("10:00 PM - 12:00"), "22:00-00:00"); // midnight, not noon
  EXPECT_EQ(time_in("9:00 AM - 9:00"), "09:00-09:00");   // no meridiem to infer
}
TEST(ParseTimes, ChineseAndJapaneseMeridiemWords) {
  EXPECT_EQ(time_in("2025.11.17 (周一) 下午 2:00-5:00"), "14:00-17:00");
  EXPECT_EQ(time_in("上午 9:30-11:00"), "09:30-11:00");
  EXPECT_EQ(time_in("晚上8:00-10:30"), "20:00-22:30");
  EXPECT_EQ(time_in("午後 1:00"), "13:00");
  EXPECT_EQ(time_in("晚上 10:00-12:00"), "22:00-00:00");
  EXPECT_EQ(time_in("中午 11:30-13:00"), "11:30-13:00");
  EXPECT_EQ(time_in("中午12:00-1:30"), "12:00-13:30");
}
TEST(ParseTimes, FrenchHoursSpacedFromTheirSign) {
  EXPECT_EQ(time_in("**Horaires :** de 9 h à 11 h 30"), "09:00-11:30");
  EXPECT_EQ(time_in("9 h – 12 h 15 (UTC+1)"), "09:00-12:15 UTC+1");
  // Time spent stays time spent: alone, or small, or with its minutes' unit.
  EXPECT_EQ(time_in("Durée : 3 h"), "none");
  EXPECT_EQ(time_in("de 2 h à 3 h de tests"), "none");
  EXPECT_EQ(time_in("Durée : 1 h 30 min"), "none");
}
TEST(ParseTimes, FrenchHourEnd) {
  EXPECT_EQ(time_in("lundi 17 novembre 2025 — 9h30-11h"), "09:30-11:00");
  EXPECT_EQ(time_in("14h00 - 2h de tests"), "14:00"); // a duration, not an end
}
TEST(ParseTimes, ZuluTimesOutsideIsoFormAndDurationsThatLookFrench) {
  EXPECT_EQ(time_in("2025-11-03 09:00Z–11:20Z"), "09:00-11:20 Z");
  EXPECT_EQ(time_in("[2025-09-10] - 1h30m"), "none"); // a duration, not 01:30
}
TEST(ParseTimes, UhrBeforeTheZone) { EXPECT_EQ(time_in("09:15–12:45 Uhr (MEZ)"), "09:15-12:45 MEZ"); }
TEST(ParseTimes, IsoOffsetThenNoRange) {
  EXPECT_EQ(time_in("2025-03-14T10:00:00-05:00 (2h)"), "10:00 -05:00");
  EXPECT_EQ(time_in("2025-03-15T10:00Z - 12 tests passed"), "10:00 Z");
}
TEST(ParseTimes, JapaneseWaveDashRange) { EXPECT_EQ(time_in("2025年5月5日 (月) 09:00〜11:00 JST"), "09:00-11:00 JST"); }
TEST(ParseTimes, OffsetsTheZoneReaderRefusesEndTheScan) {
  // "UTC+530" and "GMT+99" are no offsets; reading them used to loop forever.
  EXPECT_EQ(time_in("2025-03-06 UTC+530"), "none");
  EXPECT_EQ(time_in("Bangalore, GMT+530 10:00"), "10:00");
  EXPECT_EQ(time_in("UTC+99 then 09:15"), "09:15");
}
TEST(ParseTimes, PlusNumbersThatAreNoOffsetStayOutOfTheZone) {
  EXPECT_EQ(time_in("C++11 port 09:00-11:00"), "09:00-11:00");
  EXPECT_EQ(time_in("Fix +1 votes 09:00"), "09:00");
  EXPECT_EQ(time_in("(+5:30) 09:00"), "09:00 +5:30");
}
TEST(ParseTimes, BareHourStartsARangeEndingInAMeridiem) {
  EXPECT_EQ(time_in("June 5th, 2025 from 9 to 11am"), "09:00-11:00");
  EXPECT_EQ(time_in("10-12pm PST"), "10:00-12:00 PST");
  EXPECT_EQ(time_in("2-4pm"), "14:00-16:00");
  EXPECT_EQ(time_in("Phase 3 took 2 hours"), "none");
  EXPECT_EQ(time_in("PR #3 - 5pm review"), "17:00"); // "#3" is no hour
  EXPECT_EQ(time_in("Session 3 - 2pm"), "14:00");
  EXPECT_EQ(time_in("Day 2 - 9am kickoff"), "09:00");
  EXPECT_EQ(time_in("(9-11am)"), "09:00-11:00");
}
TEST(ParseTimes, ATwentyFourHourStartKeepsItsHourBeforeAMeridiemEnd) {
  // The fuzzer found "14:00-1:00 am" read as a 26:00 start and a -60 min session.
  EXPECT_EQ(time_in("14:00-1:00 am"), "14:00-01:00");
  EXPECT_EQ(time_in("23:30-1:15 AM"), "23:30-01:15");
}
TEST(ParseTimes, ZoneAfterTheTimeWinsOverOneBefore) { EXPECT_EQ(time_in("UTC+01:00 notes; 10:00 PST"), "10:00 PST"); }
TEST(ParseTimes, TwentyFourHourRange) { EXPECT_EQ(time_in("13:00-13:30"), "13:00-13:30"); }
TEST(ParseTimes, SingleStartTwelveHour) { EXPECT_EQ(time_in("10:01 AM"), "10:01"); }
TEST(ParseTimes, RangeCrossingMidnightKeepsEndBeforeStart) { EXPECT_EQ(time_in("23:30-00:45 PST"), "23:30-00:45 PST"); }
TEST(ParseTimes, IsoRangeAfterTIsNotAnOffset) { EXPECT_EQ(time_in("2025-11-21T13:00-13:30 PST"), "13:00-13:30 PST"); }
TEST(ParseTimes, IsoNegativeOffsetWithSeconds) { EXPECT_EQ(time_in("2025-08-03T10:00:00.123456-05:00"), "10:00 -05:00"); }
TEST(ParseTimes, IsoPositiveOffset) { EXPECT_EQ(time_in("2025-08-01T09:00:00+02:00"), "09:00 +02:00"); }
TEST(ParseTimes, IsoZulu) { EXPECT_EQ(time_in("2025-08-02T14:05:00Z"), "14:05 Z"); }
TEST(ParseTimes, ZoneInParentheses) { EXPECT_EQ(time_in("14:12 (UTC)"), "14:12 UTC"); }
TEST(ParseTimes, UtcWithOffset) { EXPECT_EQ(time_in("09:00 UTC+8"), "09:00 UTC+8"); }
TEST(ParseTimes, IanaZoneName) { EXPECT_EQ(time_in("09:00 Europe/Paris"), "09:00 Europe/Paris"); }
TEST(ParseTimes, UtcOffsetAfterASpaceOrADash) {
  EXPECT_EQ(time_in("10:00-11:00 UTC -5"), "10:00-11:00 UTC-5");
  EXPECT_EQ(time_in("10:00-11:00 (UTC -05:00)"), "10:00-11:00 UTC-05:00");
  EXPECT_EQ(time_in("10:00-11:00 UTC–5"), "10:00-11:00 UTC-5");
  EXPECT_EQ(time_in("10:00-11:00 UTC - 5 people"), "10:00-11:00 UTC"); // a count after a spaced dash
}
TEST(ParseTimes, UsZonesByName) {
  EXPECT_EQ(time_in("10:00 AM - 11:30 AM Pacific Time"), "10:00-11:30 PT");
  EXPECT_EQ(time_in("9:00 Eastern time"), "09:00 ET");
  EXPECT_EQ(time_in("9:00 Central station"), "09:00");
}
TEST(ParseTimes, RangeWithTo) { EXPECT_EQ(time_in("9:00 to 11:30"), "09:00-11:30"); }
TEST(ParseTimes, DotMinutesWithAMeridiem) {
  EXPECT_EQ(time_in("9am-11.30am"), "09:00-11:30");
  EXPECT_EQ(time_in("9.30am - 11am"), "09:30-11:00");
  EXPECT_EQ(time_in("2.15 p.m."), "14:15");
}
TEST(ParseTimes, DotMinutesWithoutAMeridiemAreNotATime) {
  EXPECT_EQ(time_in("upgraded to 3.12 today"), "none");
  EXPECT_EQ(time_in("9.30-11.30"), "none");
  EXPECT_EQ(time_in("v2.10 am/pm toggle fix"), "none");
  EXPECT_EQ(time_in("Version 2.14 am Freitag veröffentlicht"), "none");
  EXPECT_EQ(time_in("Release 1.15 PM sign-off"), "none");
}
TEST(ParseTimes, DotMinutesShareTheMeridiemOfTheRange) {
  EXPECT_EQ(time_in("9.30-11.15am"), "09:30-11:15");
  EXPECT_EQ(time_in("2.30 - 4.45pm"), "14:30-16:45");
  EXPECT_EQ(time_in("from 9.30 to 11am"), "09:30-11:00");
  EXPECT_EQ(time_in("9.30am - 12.00"), "09:30-12:00");
}
TEST(ParseTimes, RangeThatRepeatsASlashDate) {
  EXPECT_EQ(time_in("2025/01/19 22:00 - 2025/01/20 01:30"), "22:00-01:30");
  EXPECT_EQ(time_in("2025/01/19 22:00 - 2025/01/22 01:30"), "22:00"); // days later: not one session
}
TEST(ParseTimes, BareNumberIsNotATime) { EXPECT_EQ(time_in("Phase 10 took 2.5 hours"), "none"); }
TEST(ParseTimes, InvalidClockIsNotATime) { EXPECT_EQ(time_in("25:61"), "none"); }

TEST(ParseZones, AbbreviationsAreFixedOffsets) {
  EXPECT_EQ(zone_offset("PST", 2025, 7, 1), -480); // even in summer: PST means -08:00
  EXPECT_EQ(zone_offset("PDT", 2025, 1, 1), -420);
  EXPECT_EQ(zone_offset("Z", 2025, 1, 1), 0);
}
TEST(ParseZones, GenericUsNamesFollowDaylightSaving) {
  EXPECT_EQ(zone_offset("PT", 2025, 6, 18), -420); // Pacific Time in June is PDT
  EXPECT_EQ(zone_offset("PT", 2025, 12, 1), -480);
  EXPECT_EQ(zone_offset("ET", 2025, 7, 4), -240);
  EXPECT_EQ(zone_offset("CT", 2025, 1, 10), -360);
  EXPECT_EQ(zone_offset("MT", 2025, 8, 1), -360);
  EXPECT_EQ(time_in("2:15pm - 4:00pm CT"), "14:15-16:00 CT");
  EXPECT_EQ(time_in("14:00 MT models retrain"), "14:00"); // machine translation, not Mountain Time
  EXPECT_EQ(time_in("10:00 CT scan viewer"), "10:00");
}
TEST(ParseZones, NumericOffsets) {
  EXPECT_EQ(zone_offset("+05:30", 2025, 1, 1), 330);
  EXPECT_EQ(zone_offset("-0500", 2025, 1, 1), -300);
  EXPECT_EQ(zone_offset("UTC+8", 2025, 1, 1), 480);
}
TEST(ParseZones, IanaNamesFollowTheirDaylightRules) {
  EXPECT_EQ(zone_offset("America/Los_Angeles", 2025, 1, 15), -480);
  EXPECT_EQ(zone_offset("America/Los_Angeles", 2025, 7, 15), -420);
  EXPECT_EQ(zone_offset("Europe/Paris", 2025, 3, 29), 60);
  EXPECT_EQ(zone_offset("Europe/Paris", 2025, 3, 31), 120);
}
TEST(ParseZones, NamesWithMarksAndQuebecNames) {
  EXPECT_EQ(time_in("Čas: 13:15–15:45 SEČ"), "13:15-15:45 SEČ");
  EXPECT_EQ(zone_offset("SELČ", 2025, 4, 1), 120);
  EXPECT_EQ(time_in("**Saat:** 14:00 - 16:00 (TSİ)"), "14:00-16:00 TSİ");
  EXPECT_EQ(zone_offset("HAE", 2025, 7, 1), -240);
  EXPECT_EQ(time_in("14:00 UTC−5"), "14:00 UTC-5"); // a minus sign, no letter
}
TEST(ParseZones, ARemarkInBracketsThatEndsWithAZone) {
  EXPECT_EQ(time_in("De 15h à 17h (heure de Montréal, HAE)."), "15:00-17:00 HAE");
  EXPECT_EQ(time_in("**Час:** з 10:00 до 13:00 (я у Варшаві, CET)"), "10:00-13:00 CET");
  EXPECT_EQ(time_in("16:00 – 18:30 (estaba en Las Palmas, hora canaria WET)"), "16:00-18:30 WET");
  // Not a remark with other times in it, nor one that ends with another word.
  EXPECT_EQ(time_in("10:00–12:00 (09:00–11:00 CET for Dana)"), "10:00-12:00");
  EXPECT_EQ(time_in("10:00–12:00 (pairing with the PST team)"), "10:00-12:00");
}
TEST(ParseTimes, HalvesOfTheDayAndRangeWordsOfMoreLanguages) {
  EXPECT_EQ(time_in(normalize_width("**الوقت:** ١:٠٠ م – ٤:١٥ م")), "13:00-16:15");
  EXPECT_EQ(time_in(normalize_width("٩:٠٠ ص – ١١:٣٠ ص (AST)")), "09:00-11:30 AST");
  EXPECT_EQ(time_in("**Ώρα:** 4:00 μ.μ. – 7:15 μ.μ."), "16:00-19:15");
  EXPECT_EQ(time_in(normalize_width("**ساعت:** ۹:۰۰ تا ۱۱:۳۰")), "09:00-11:30");
  EXPECT_EQ(time_in("**שעות:** 13:00 עד 15:00"), "13:00-15:00");
  EXPECT_EQ(time_in("9:00 مساءً"), "09:00"); // a word that begins with م is no meridiem
  EXPECT_EQ(zone_of_all_times("כל השעות לפי שעון ישראל (IST)."), "IST");
  EXPECT_EQ(zone_of_all_times("همه‌ی زمان‌ها به وقت تهران (IRST) است."), "IRST");
  EXPECT_EQ(zone_offset("IRST", 2025, 3, 9), 210);
}
TEST(ParseTimes, SpanishMeridiemsWithSpaces) {
  EXPECT_EQ(time_in("10:00 a. m. – 1:30 p. m."), "10:00-13:30");
  EXPECT_EQ(time_in("**Masa:** 9.00 pagi – 12.30 tengah hari"), "09:00-12:30");
  EXPECT_EQ(time_in("8.00 malam – 11.15 malam"), "20:00-23:15");
  EXPECT_EQ(time_in("9.00 pagination"), "none"); // not the word pagi
  EXPECT_EQ(zone_of_all_times("Tüm saatler TSİ."), "TSİ");
}
TEST(ParseZones, UnknownZoneIsNullopt) { EXPECT_FALSE(zone_offset("Mars/Olympus", 2025, 1, 1)); }

TEST(ParseTimes, UhrMakesAClockOfDottedAndBareHours) {
  EXPECT_EQ(time_in("9.15 Uhr – 12.00 Uhr"), "09:15-12:00");
  EXPECT_EQ(time_in("Fr, 8.30–10.00 Uhr"), "08:30-10:00");
  EXPECT_EQ(time_in("09:15 Uhr – 12:00 Uhr"), "09:15-12:00");
  EXPECT_EQ(time_in("ab 14 Uhr bis 16 Uhr"), "14:00-16:00");
  EXPECT_EQ(time_in("**Zeit:** 10.00 bis 11.30 Uhr"), "10:00-11:30");
  // The Nordic "kl." says the same before the time.
  EXPECT_EQ(time_in("kl. 13.00–15.30"), "13:00-15:30");
  EXPECT_EQ(time_in("Tid: kl 13–16"), "13:00-16:00");
  EXPECT_EQ(time_in("kl. 9.15"), "09:15");
  EXPECT_EQ(time_in("Skill 2.10 – 3.5"), "none"); // not a "kl" word
  // Without it, a dotted number stays a version or a decimal.
  EXPECT_EQ(time_in("upgraded 2.14 to 2.15"), "none");
  EXPECT_EQ(time_in("Uhrwerk 3.10"), "none");
}

} // namespace
} // namespace seshdb::parse
