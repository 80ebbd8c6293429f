// Whole-log parsing: which lines start sessions, what each session says,
// and the input the parser must survive. One behaviour per test.
#include "seshdb/parse/session_log_parser.hpp"

#include <gtest/gtest.h>

#include <set>

namespace seshdb::parse {
namespace {

model::ParsedLog parse(std::string_view text, std::string tz = {}) {
  ParseOptions options;
  options.default_zone = std::move(tz);
  return parse_session_log(text, options);
}

std::vector<int> session_lines(const model::ParsedLog& log) {
  std::vector<int> lines;
  for (const auto& s : log.sessions) {
    lines.push_back(s.line_start);
  }
  return lines;
}

std::vector<std::string> item_texts(const model::Session& session) {
  std::vector<std::string> texts;
  for (const auto& item : session.items) {
    texts.push_back(item.text);
  }
  return texts;
}

// A file's own legend for the usual level words, appended after a log: without
// one, "Critical:" or "High" rank nothing (seshdb does not guess a P-level).
std::string with_legend(std::string_view text) {
  return std::string(text) + "\n\nSeverity legend: Blocker = P0, Critical = P1, High = P1, Must fix = P1, Important = P2, "
                             "Medium = P2, Major = P2, Should fix = P2, Low = P3, Nice to have = P3, Nit = P3.\n";
}

bool has_note(const model::ParsedLog& log, int line, std::string_view text) {
  return std::any_of(log.diagnostics.begin(), log.diagnostics.end(), [&](const model::Diagnostic& d) {
    return d.level == model::DiagnosticLevel::note && d.line == line && d.message.find(text) != std::string::npos;
  });
}

// "P1 title" for each finding, in the order of the lines that state them.
std::vector<std::string> finding_texts(const model::ParsedLog& log) {
  std::vector<std::string> texts;
  for (const auto& f : log.findings) {
    texts.push_back(f.severity + " " + f.title);
  }
  return texts;
}

bool has_warning(const model::ParsedLog& log, std::string_view text) {
  for (const auto& d : log.diagnostics) {
    if (d.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(ParseSessions, DatedHeadingsStartSessionsAndUndatedDoNot) {
  auto log = parse("## Session History\n\n## Session: 2025-12-04 10:00 AM PST\nx\n\n## 2025-12-03 — Title\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 6}));
}

TEST(ParseSessions, HeadingsInsideCodeFencesAndCommentsAreNotSessions) {
  auto log = parse("## 2025-01-05 Real\n\n```\n## Session: 2025-01-01 10:00 AM\n```\n\n<!--\n## 2025-03-03\n-->\n\n    ## 2025-02-02 indented\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{1});
}

TEST(ParseSessions, SetextHeadingWithDate) {
  auto log = parse("2025-06-10 14:00 CEST — Tag push\n------------------------------\n\nbody\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-06-10T12:00:00Z");
}

TEST(ParseSessions, FrontMatterWithADateMakesTheFileOneSession) {
  auto log = parse("---\ntitle: Session log\ndate: 2025-04-02\nbranch: feat/export\ntags:\n  - export\n---\n\n"
                   "# Export work\n\n**Start:** 09:05 AM PDT\n**End:** 11:40 AM PDT\n\n## Completed\n- Wrote it\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  const auto& s = log.sessions[0];
  EXPECT_EQ(s.line_start, 9); // its title line; the front matter's fields are still its own
  // And so are the references in it; its text stays searchable with the file's.
  auto refs = parse("---\ndate: 2025-08-11\npr: https://github.com/acme/api/pull/12\n---\n\n# Handoff\n\n- did things\n");
  ASSERT_EQ(refs.prs.size(), 1u);
  EXPECT_EQ(refs.prs[0].session, 0);
  EXPECT_NE(refs.outside_text.find("pull/12"), std::string::npos);
  EXPECT_EQ(s.title, "Export work");
  EXPECT_EQ(s.local_date, "2025-04-02");
  EXPECT_EQ(s.branch, "feat/export");
  EXPECT_EQ(s.started_at, "2025-04-02T16:05:00Z");
  EXPECT_EQ(s.duration_minutes, 155);
  ASSERT_EQ(s.sections.size(), 1u);
  EXPECT_EQ(s.sections[0].title, "Completed");
  // The front matter's list is a YAML value, not a work item (and it lies
  // outside the session's lines: the fuzzer's invariant caught that).
  ASSERT_EQ(s.items.size(), 1u);
  EXPECT_EQ(s.items[0].text, "Wrote it");
}

TEST(ParseSessions, FrontMatterIsNotASetextHeadingBeforeDatedSessions) {
  // md4c alone reads "date: ...\n---" as a heading holding a date.
  auto log = parse("---\ndate: 2025-04-01\nlayout: journal\n---\n\n## 2025-04-02 a\nx\n\n## 2025-04-03 b\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{6, 9}));
}

TEST(ParseSessions, FrontMatterWithoutATitleHeadingTakesItsTitle) {
  auto log = parse("---\ntitle: \"Standup notes\"\ndate: 2025-05-06\n---\nShort day.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-05-06");
  EXPECT_EQ(log.sessions[0].title, "Standup notes"); // YAML quotes removed
}

TEST(ParseSessions, FrontMatterTitleWinsOverALaterSubheadingWhichStaysASection) {
  auto log = parse("---\n# written by the journal app\ndate: 2025-04-02\ntitle: Real title\n---\n\nIntro.\n\n"
                   "## Notes\nx\n\n## Next steps\n- y\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].title, "Real title"); // and the YAML comment is no H1
  ASSERT_EQ(log.sessions[0].sections.size(), 2u);
  EXPECT_EQ(log.sessions[0].sections[0].title, "Notes");
}

TEST(ParseSessions, FrontMatterWithoutTitleOrHeadingTakesTheFirstLineOfText) {
  auto log = parse("---\ndate: 2025-04-02\n---\n\nFixed the login bug today.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].title, "Fixed the login bug today.");
  EXPECT_EQ(parse("---\ndate: 2025-04-02\n---\n").sessions.at(0).title, "2025-04-02"); // only front matter
}

TEST(ParseSessions, RulesAroundProseAreNotFrontMatter) {
  // Lower-case "date:" is a field only in front matter; here it is prose between rules.
  auto log = parse("---\nSome words about the date: 2025-04-02 plans.\n---\n\ntext\n");
  EXPECT_TRUE(log.sessions.empty());
}

TEST(ParseSessions, DatedFieldsAboveTheFirstHeadingBelongToTheSession) {
  auto log = parse("| Field | Value |\n|---|---|\n| Date | 2025-04-02 |\n| Branch | feat/x |\n\n# Auth work\n\ntext\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].line_start, 1);
  EXPECT_EQ(log.sessions[0].title, "Auth work");
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-02");
  EXPECT_EQ(log.sessions[0].branch, "feat/x");
}

TEST(ParseSessions, KeyValueTableWithADateMakesTheFileOneSession) {
  auto log = parse("# Session Handoff\n\n| Field | Value |\n|-------|-------|\n| Date | 2025-04-03 |\n"
                   "| Time | 13:00–15:45 UTC |\n| Branch | `fix/login` |\n\n## Summary\nFixed it.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].line_start, 1);
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-03");
  EXPECT_EQ(log.sessions[0].started_at, "2025-04-03T13:00:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 165);
  EXPECT_EQ(log.sessions[0].branch, "fix/login");
}

TEST(ParseSessions, HeadingPartThatIsOnlyADurationIsTheDuration) {
  auto log = parse("## 2025-03-06 — 2h\na\n\n## March 26, 2025 · 2h 15m\nb\n\n## 2025-03-27, ~1.5 hours\nc\n\n"
                   "## 2025-03-28 - 10 min standup\nd\n\n## Dec 4, 2025\ne\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].duration_minutes, 135);
  EXPECT_EQ(log.sessions[2].duration_minutes, 90);
  EXPECT_EQ(log.sessions[3].duration_minutes, std::nullopt); // words after it: a title, not a duration
  EXPECT_EQ(log.sessions[4].duration_minutes, std::nullopt); // ", 2025" is a year
  // Hours of the day, read as the range they are, not a 9-hour duration.
  const auto hours = parse("## 2025-03-08 - 9h - 12h\nx\n").sessions.at(0);
  EXPECT_EQ(hours.start_minute, 9 * 60);
  EXPECT_EQ(hours.duration_minutes, 180);
  EXPECT_EQ(hours.duration_source, "computed");
}

TEST(ParseSessions, ADurationAfterTheDateInsideParenthesesOrLabelledInTheHeading) {
  auto log = parse("## Session 7 (2025-01-21, 1h45m)\na\n\n## 2025-01-25 - Duration: 45 minutes\nb\n\n"
                   "## 2025-01-26 (Tue, 3 tasks)\nc\n\n## 2025-01-27 - Time: 14:00\nd\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 105);
  EXPECT_EQ(log.sessions[1].duration_minutes, 45);
  EXPECT_EQ(log.sessions[2].duration_minutes, std::nullopt); // a count, not a duration
  EXPECT_EQ(log.sessions[3].duration_minutes, std::nullopt); // a clock time
}

TEST(ParseSessions, AJournalOfDatedBulletsHasOneSessionPerBullet) {
  auto log = parse("# Worklog\n\n- **2025-04-10**: Fixed the cache (commit 1a2b3c4)\n  - found via logs\n"
                   "- 2025-04-11 14:00-15:30 UTC: Reviewed PR #9\n- [2025-04-14] Release\n\nUnrelated footer.\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 5, 6}));
  EXPECT_EQ(log.sessions[0].line_end, 4);
  EXPECT_EQ(log.sessions[1].started_at, "2025-04-11T14:00:00Z");
  EXPECT_EQ(log.sessions[2].line_end, 6); // not the footer after the list
  ASSERT_EQ(log.commits.size(), 1u);
  EXPECT_EQ(log.commits[0].session, 0);
}

TEST(ParseSessions, DatedBulletsOfARoadmapOrATodoListAreNoJournal) {
  EXPECT_TRUE(parse("# Tool\n\n## Roadmap\n- 2025-07-01: beta release\n- 2025-09-15: 1.0\n\n## Usage\nrun it\n").sessions.empty());
  EXPECT_TRUE(parse("# Todo\n\n- [ ] 2025-07-01 renew TLS cert\n- [ ] 2025-08-01 rotate keys\n").sessions.empty());
  EXPECT_TRUE(parse("# Errands\n\n- June 3: buy milk\n- June 10: dentist at 3pm\n").sessions.empty()); // no year
  auto log = parse("# Notes\n\n## Work log\n- 2025-07-01: a\n- 2025-07-02: b\n\n## Later\ntext\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{4, 5}));
  EXPECT_EQ(log.sessions[1].line_end, 5);
}

TEST(ParseSessions, YearsComeFromTheNearestSessionEarlierFirst) {
  // The earlier neighbour wins a tie, and a year just inferred counts for the next session.
  auto log = parse("## 2024-05-30 a\nx\n\n## Jun 2 b\nx\n\n## Jun 3 c\nx\n\n## 2025-01-04 d\nx\n\n## Jun 5\nx\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[1].local_date, "2024-06-02");
  EXPECT_EQ(log.sessions[2].local_date, "2024-06-03"); // a tie: 2024 from b, inferred just before
  EXPECT_EQ(log.sessions[4].local_date, "2025-06-05");
  std::string many; // thousands of yearless headings, no year anywhere: no date, and no rescan per session
  for (int i = 0; i < 4000; ++i) {
    many += "## Jun " + std::to_string(i % 28 + 1) + "\nx\n";
  }
  EXPECT_FALSE(parse(many).sessions.at(3999).local_date.has_value());
}

TEST(ParseSessions, PortugueseLogsAndWeekdaysReadSlashDatesDayFirst) {
  // The weekday decides alone: Monday 2 June 2025, not Thursday 6 February.
  auto log = parse("# Diário\n\n## 02/06/2025 (segunda-feira)\n\nHorário: 14h às 17h30\nDuração: 3h30\n\n"
                   "## 03/06/2025 (terça-feira)\n\nHorário: 9h às 11h15 (UTC-3)\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-02");
  EXPECT_EQ(log.sessions[0].start_minute, 14 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 17 * 60 + 30);
  EXPECT_EQ(log.sessions[0].duration_minutes, 210);
  EXPECT_EQ(log.sessions[1].local_date, "2025-06-03");
  EXPECT_EQ(log.sessions[1].started_at, "2025-06-03T12:00:00Z");
  EXPECT_EQ(parse("## 6/2/2025 Mon\nx\n").sessions.at(0).local_date, "2025-06-02"); // June 2 was a Monday
  EXPECT_EQ(parse("## 2/6/2025 Mon\nx\n").sessions.at(0).local_date, "2025-06-02"); // Feb 6 a Thursday
  EXPECT_EQ(parse("## 2/6/2025 Thu\nx\n").sessions.at(0).local_date, "2025-02-06");
  // A weekday in the heading's prose is another day: "prep for Friday's demo".
  auto prose = parse("## 02/05/2025 — prep for Friday's demo\nx\n\n## 02/06/2025\nx\n\n## 02/07/2025\nx\n");
  EXPECT_EQ(prose.sessions.at(0).local_date, "2025-02-05");
}

TEST(ParseSessions, AnOutlinesDatedDaysAreSessions) {
  // Logseq: "- ## [[Jun 2nd, 2025]]" opens a top-level block; its properties are fields.
  auto log = parse("title:: devlog\n\n- ## [[Jun 2nd, 2025]]\n  time:: 10:00-12:00\n  branch:: feat/wal-mode\n"
                   "\t- DONE Enable WAL\n- ## [[Jun 3rd, 2025]]\n  time:: 21:30-00:15\n\t- Decision: keep it\n"
                   "- ## Notes\n\t- nested\n\t\t- ### 2025-06-09 a deeper heading stays a part\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 7}));
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-02");
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[0].branch, "feat/wal-mode");
  EXPECT_EQ(log.sessions[1].duration_minutes, 165);
}

TEST(ParseSessions, AKoreanLog) {
  auto log = parse("# 개발 일지\n\n## 2025년 6월 2일 (월)\n\n작업 시간: 10:00~12:30\n브랜치: `feat/korean-dates`\n\n"
                   "## 6월 5일 (목) — 야간 작업\n\n소요 시간: 약 1시간 30분\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-02");
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].branch, "feat/korean-dates");
  EXPECT_EQ(log.sessions[1].local_date, "2025-06-05");
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
}

TEST(ParseSessions, DashedDatesFollowTheFilesDayFirstEvidence) {
  auto log = parse("## 10-03-2025\nx\n\n## 11-03-2025\nx\n\n## 13-03-2025\nx\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-10"); // 13-03 can only be day first
  auto us = parse("## 03-06-2025\nx\n\n## 03-18-2025\nx\n");
  EXPECT_EQ(us.sessions[0].local_date, "2025-03-06");
}

TEST(ParseSessions, AYearBoundaryIsCrossedTheWayTheFileRuns) {
  // Oldest first: "Jan 2" after the last days of 2024 is January 2025, from
  // a dated neighbour or from the title's year alike.
  auto diary = parse("# Journal\n\n## 2024-12-30\nx\n\n## Dec 31\nx\n\n## Jan 2\nx\n\n## 2025-01-03\nx\n");
  ASSERT_EQ(diary.sessions.size(), 4u);
  EXPECT_EQ(diary.sessions[2].local_date, "2025-01-02");
  auto titled = parse("# Dev journal 2024\n\n## Mon, Dec 30\nx\n\n## Dec 31\nx\n\n## Jan 2\nx\n\n## Jan 3\nx\n");
  ASSERT_EQ(titled.sessions.size(), 4u);
  EXPECT_EQ(titled.sessions[1].local_date, "2024-12-31");
  EXPECT_EQ(titled.sessions[2].local_date, "2025-01-02");
  EXPECT_EQ(titled.sessions[3].local_date, "2025-01-03");
  // Newest first, under year headings: each year heading holds.
  auto newest = parse("# 2024\n\n## Dec 30\nx\n\n## Nov 2\nx\n\n## Jan 2\nx\n\n# 2023\n\n## Dec 3\nx\n");
  ASSERT_EQ(newest.sessions.size(), 4u);
  EXPECT_EQ(newest.sessions[2].local_date, "2024-01-02");
  EXPECT_EQ(newest.sessions[3].local_date, "2023-12-03");
  // Newest first without year headings: "Dec 29" below "Jan 2, 2025" is 2024.
  auto log = parse("## Jan 2, 2025\nx\n\n## Dec 31\nx\n\n## Dec 29\nx\n");
  EXPECT_EQ(log.sessions[1].local_date, "2024-12-31");
  EXPECT_EQ(log.sessions[2].local_date, "2024-12-29");
  // A gap of months in the file's direction keeps the year: "Oct 3" after "Jan 12, 2025" is October 2025.
  auto gap = parse("## Jan 5, 2025\nx\n\n## Jan 12\nx\n\n## Oct 3\nx\n\n## Oct 4\nx\n");
  EXPECT_EQ(gap.sessions[2].local_date, "2025-10-03");
  auto newest_gap = parse("## Oct 4, 2025\nx\n\n## Oct 3\nx\n\n## Jan 12\nx\n\n## Jan 5\nx\n");
  EXPECT_EQ(newest_gap.sessions[3].local_date, "2025-01-05");
}

TEST(ParseSessions, ATitleDateIsOnlyTheLastResort) {
  // A sprint's range names no single day; the sessions' own dates and times win.
  auto log = parse("## Sprint 3 (2025-12-01 - 2025-12-12)\n### Session 5: search\n**Date:** 2025-12-03\n"
                   "**Time:** 10:00-12:00\n### Session 6: CI\n*2025-12-08, 14:00-15:30*\n### Session 7: release\nx\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-12-03");
  EXPECT_EQ(log.sessions[1].local_date, "2025-12-08");
  EXPECT_EQ(log.sessions[1].start_minute, 14 * 60);
  EXPECT_FALSE(log.sessions[2].local_date.has_value());
  // After a day that holds two sessions, a day session with a table or a
  // dated note inside stays a session.
  auto days = parse("## 2025-12-05\n### Session 1: auth\na\n### Session 2: CI\nb\n\n"
                    "## 2025-12-08 - Search indexing\n**Duration:** 3h\n\n| Date | Deploy |\n|---|---|\n"
                    "| 2025-12-08 | staging |\n\n## 2025-12-10 - Docs\n**Duration:** 2h\n\n### Update 2025-12-10 18:00\nc\n");
  std::vector<std::string> titles;
  for (const auto& session : days.sessions) {
    titles.push_back(session.title);
  }
  EXPECT_NE(std::find(titles.begin(), titles.end(), "2025-12-08 - Search indexing"), titles.end());
  EXPECT_NE(std::find(titles.begin(), titles.end(), "2025-12-10 - Docs"), titles.end());
}

TEST(ParseSessions, OnlyAWeekHeadingDatesWeekdays) {
  auto retro = parse("## Week 3 retro (2025-01-20)\n**Duration:** 45 min\n### Monday standup\na\n### Friday demo\nb\n");
  ASSERT_EQ(retro.sessions.size(), 1u);
  EXPECT_EQ(retro.sessions[0].duration_minutes, 45);
  auto plans = parse("# Week of 2025-01-13\n## Monday\na\n## Next week\n### Monday: auth\nb\n### Tuesday: perf\nc\n");
  ASSERT_EQ(plans.sessions.size(), 1u); // the weekdays under "Next week" are plans
  auto ending = parse("# Week ending 2025-01-17\n## Monday\na\n## Wednesday\nb\n");
  ASSERT_EQ(ending.sessions.size(), 2u);
  EXPECT_EQ(ending.sessions[0].local_date, "2025-01-13");
  EXPECT_EQ(ending.sessions[1].local_date, "2025-01-15");
}

TEST(ParseSessions, ReleaseHeadingsAndChangelogFilesAreNotSessions) {
  auto diary = parse("# Dev diary\n\n## [Unreleased]\n\n## 2025-06-03\n- a\n\n## v1.4.1 (2025-06-03)\n### Fixed\n- b\n\n"
                     "## [1.3.2] - 2025-05-28\n- c\n\n## Release 1.3 — 2025-05-20\n- d\n\n"
                     "## [0.4.2] — 2025-02-10 — Session 7\n- e\n\n## 6. März 2025\n- f\n\n## 13.03.25\n- g\n");
  EXPECT_EQ(session_lines(diary), (std::vector<int>{5, 18, 21, 24}));
  EXPECT_TRUE(parse("# Changelog\n\n## 2025-06-03\n- Added x\n\n## 2025-05-28\n- Fixed y\n").sessions.empty());
  // A number that opens a session's heading is no release: a topic, a numbered section, a dotted clock.
  auto topics = parse("## 2.0 migration — 2025-03-04\nx\n\n## 1.1 Tuesday 2025-03-05 (10:00–12:00)\nx\n\n"
                      "## 0.9.0 release prep — 2025-03-15 09:00–11:00\nx\n\n## 13.00 - 2025-03-16\nx\n");
  EXPECT_EQ(session_lines(topics), (std::vector<int>{1, 4, 7, 10}));
  // A work session in a log its author titled Changelog: a clock range or the word Session says so.
  EXPECT_EQ(session_lines(parse("# Changelog\n\n## 2025-03-04 (Tue) 10:00–12:30\nBranch: feat/x\n\n"
                                "## Session 2025-03-05\nx\n\n## 2025-03-06\n- Fixed y\n")),
            (std::vector<int>{3, 6}));
}

TEST(ParseSessions, PatchNotesAndReleasesAfterAnEmojiOrAWordAreNotSessions) {
  auto log = parse("# Devlog\n\n## 2025-03-08\nx\n\n## 📦 Release v0.3.0 — 2025-03-09\n- a\n\n"
                   "## Post-jam patch v1.0.1 (Mar 24)\n- b\n\n### Patch notes 0.2.1 (itch, Mar 12)\n- c\n\n"
                   "## Release 0.4 prep (14:00–16:00) — 2025-03-26\nx\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 15}));
}

TEST(ParseSessions, PlansAndReleasesAreNotSessions) {
  auto log = parse("## 2025-04-01 Setup\nx\n\n## Roadmap\n\n| Date | Milestone |\n|---|---|\n| 2025-06-01 | Beta |\n\n"
                   "## Changelog\n\n### v1.2.0 - 2025-05-03\n- y\n\n## Upcoming milestones\n\n### 2025-11-15 - freeze\n\n"
                   "## Current status (as of 2025-11-03)\nok\n\n## 2025-04-02 Split the changelog\nz\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-01");
  EXPECT_EQ(log.sessions[1].title, "2025-04-02 Split the changelog");
  // A file titled by its plans is still a log.
  EXPECT_EQ(parse("# Roadmap & dev log\n\n## 2025-03-10 Parser\na\n\n## 2025-03-11 Tests\nb\n").sessions.size(), 2u);
}

TEST(ParseSessions, SessionStartAndEndFieldsGiveTheRange) {
  auto log = parse("## 2025-02-01 Migration\n\n**Session Start:** 2025-02-01 10:00 UTC\n"
                   "**Session End:** 2025-02-01 11:30 UTC\n\nx\n\n## 2025-02-03 Review\n\n"
                   "- **Began:** 09:10\n- **Finished:** 10:40\n\nz\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].start_minute, 10 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 11 * 60 + 30);
  EXPECT_EQ(log.sessions[1].start_minute, 9 * 60 + 10);
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
}

TEST(ParseSessions, SessionsUnderADatedTitleTakeItsDate) {
  auto log = parse("## 2025-12-05\n\n### Session 1: Auth cleanup\n**Branch:** feat/auth\n\n"
                   "### Session 2: CI fix 14:05-15:25 CET\nx\n\n## 2025-12-06\n\n### Session 3: Docs\ny\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-12-05");
  EXPECT_EQ(log.sessions[0].branch, "feat/auth");
  EXPECT_EQ(log.sessions[1].local_date, "2025-12-05");
  EXPECT_EQ(log.sessions[1].start_minute, 14 * 60 + 5);
  EXPECT_EQ(log.sessions[2].local_date, "2025-12-06"); // one session under it, like the day before
  auto titled = parse("# Dev log - 2025-11-03\n\n## Session 1 - 14:05-15:25\na\n\n## Session 2 - 16:00-17:00\nb\n");
  ASSERT_EQ(titled.sessions.size(), 2u);
  EXPECT_EQ(titled.sessions[1].local_date, "2025-11-03");
  EXPECT_EQ(titled.sessions[1].start_minute, 16 * 60);
}

TEST(ParseSessions, WeekdayHeadingsUnderAWeekHeadingAreItsDays) {
  auto log = parse("# Week of 2025-01-13\n\n## Monday\n- CI\n\n## Tue: release\n- y\n\n## Wed.\n- z\n\n"
                   "# Week of January 19, 2025\n\n## Monday\n- w\n\n## Friday\n- v\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-01-13");
  EXPECT_EQ(log.sessions[1].local_date, "2025-01-14");
  EXPECT_EQ(log.sessions[1].title, "Tue: release");
  EXPECT_EQ(log.sessions[2].local_date, "2025-01-15");
  EXPECT_EQ(log.sessions[3].local_date, "2025-01-20"); // the first Monday from Sunday the 19th
  EXPECT_EQ(log.sessions[4].local_date, "2025-01-24");
}

TEST(ParseSessions, DaysUnderANumberedWeekAreItsSessions) {
  // "### Mon 17" names the day of the month; a week holding one day groups it too.
  auto log = parse("# Team log\n\n## Week 12 (Mar 17–21, 2025)\n\n### Mon 17\n- a\n\n### Tue 18\n- b\n\n"
                   "## Week 13 (Mar 24–28, 2025)\n\n### Wed 26 — 10:00-12:00\n- c\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{5, 8, 13}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-17");
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-18");
  EXPECT_EQ(log.sessions[2].local_date, "2025-03-26");
  EXPECT_EQ(log.sessions[2].duration_minutes, 120);
  // A week with no days under it is one entry, dated by its first day.
  auto weekly = parse("# Weekly log\n\n## Week 12 (Mar 17–21, 2025)\n- a\n\n## Week 13 (Mar 24–28, 2025)\n- b\n");
  ASSERT_EQ(weekly.sessions.size(), 2u);
  EXPECT_EQ(weekly.sessions[1].local_date, "2025-03-24");
  // A planned week and its planned days are not sessions; a year-less stretch of days dates nothing.
  auto planned = parse("# Log\n\n## Week 15 (Apr 7–11, 2025)\n\n### Mon 7\n- a\n\n## Week 16 (Apr 14–18, 2025)\n\n"
                       "_(planned)_\n\n### Mon 14 (planned)\n- b\n\n## Week 34 recap (Aug 18–22)\nTotal 11.5 h\n");
  EXPECT_EQ(session_lines(planned), (std::vector<int>{5}));
}

TEST(ParseSessions, ATitlesMonthAndYearGiveTheYearToItsDays) {
  auto log = parse("# Sprint 4 (April 2025)\n\n### Mon 7 Apr\n- a\n\n### Tue 8 Apr\n- b\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-07");
  EXPECT_TRUE(log.sessions[1].date_year_inferred);
}

TEST(ParseSessions, ADayWrittenALevelDeeperIsTheNextDay) {
  auto log = parse("# December 2024\n\n## Tuesday 3\n\n09:40-12:10\n\n### 4th\n\n~45 min, just triaging\n\n#### Done\n- a\n\n"
                   "## Dec 5 (Thu)\n\n### 09:00 standup\n- b\n\n### 3 things I learned\n- c\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 7, 14}));
  EXPECT_EQ(log.sessions[0].line_end, 5);
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[1].local_date, "2024-12-04");
  EXPECT_EQ(log.sessions[1].duration_minutes, 45); // the time spent, opening the first line
  ASSERT_EQ(log.sessions[1].sections.size(), 1u);
  EXPECT_EQ(log.sessions[2].line_end, 20); // a time and a numbered list stay its parts
}

TEST(ParseSessions, WeekdayHeadingsUnderOtherDatesStaySections) {
  auto log = parse("## 2025-01-13 Sprint planning\n\n### Monday\n- a\n\n### Tuesday\n- b\n\n"
                   "## Notes\n\n### Monday's retro\n- c\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-01-13");
}

TEST(ParseSessions, DayHeadingsUnderYearAndMonthHeadingsAreSessions) {
  auto log = parse("# Dev journal\n\n## 2025\n\n### March\n\n#### 3rd — auth refactor\n- x\n\n#### Tuesday 4th\n- y\n\n"
                   "### April\n\n#### 1\n- z\n\n## 2026\n\n### 1\nnot a day: no month above it\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{7, 10, 15}));
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-04");
  EXPECT_EQ(log.sessions[2].local_date, "2025-04-01");
  // The session's own heading writes no year: the one above fills it in, as
  // the corpus truth flags it ("missing but evident from the file").
  EXPECT_TRUE(log.sessions[0].date_year_inferred);
  EXPECT_EQ(log.sessions[2].line_end, 16); // "## 2026" ends it
}

TEST(ParseSessions, MonthYearHeadingCompletesDaysAndIsoMonthToo) {
  auto log = parse("# March 2025\n\n## Monday 3rd\nx\n\n## Tue, 4th: tests (2h)\ny\n\n# 2025-04\n\n## 01\nz\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-04");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
  EXPECT_EQ(log.sessions[2].local_date, "2025-04-01");
}

TEST(ParseSessions, ATimerEmojiBeforeADurationIsTheDuration) {
  auto log = parse("## 2025-11-18 2:05 PM\n⏱️ 90 min\n\n## 2025-11-19\n⏳ ~2h\n\n## 2025-11-20\n⏱️ 45 min of it in review\n\n"
                   "## 2025-11-21\nx\n### Task 1\n⏱ 30 min\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 90);
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
  EXPECT_FALSE(log.sessions[2].duration_minutes.has_value()); // more than a duration
  EXPECT_FALSE(log.sessions[3].duration_minutes.has_value()); // times one task, not the session
}

TEST(ParseSessions, ATimerBesideARangeOrBeforeWhatItWentOnIsTheTimeWorked) {
  auto log = parse("## 🗓️ 2025-03-06 · ⏱ 1h 30m · 🕖 19:10–20:55\nx\n\n## Day 2 — 2025-03-07\n\n"
                   "Worked 18:30–23:50 (dinner break in there) · ⏱ 4h40\n\n## 2025-03-08\n\n⏱ 45m — shipped the hotfix\n\n"
                   "## 2025-03-09\n\n**Started:** 14:00 CET\n**Finished:** 21:35 CET\n**Total:** ~7.5 h including a dinner break\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].end_minute, 20 * 60 + 55);
  EXPECT_EQ(log.sessions[0].duration_minutes, 90);
  EXPECT_EQ(log.sessions[1].start_minute, 18 * 60 + 30); // the range is read too
  EXPECT_EQ(log.sessions[1].end_minute, 23 * 60 + 50);
  EXPECT_EQ(log.sessions[1].duration_minutes, 280);
  EXPECT_EQ(log.sessions[2].duration_minutes, 45);
  EXPECT_EQ(log.sessions[3].duration_minutes, 450);
}

TEST(ParseSessions, ATitlesYearBeforeASeparatorOrWrittenTheCjkWayDatesDaysWithoutOne) {
  for (const char* title : {"# 2025 年 管理后台前端重构 开发与评审记录", "# 开源之夏 2025 · 项目开发日志", "# 2025 年周报合集 · 张帆",
                            "# Dev log 2025 — billing"}) {
    auto log = parse(std::string(title) + "\n\n## 3月3日（周一）\n\n时间：14:00～17:30\n\n## March 4 (Tue)\nx\n");
    ASSERT_EQ(log.sessions.size(), 2u) << title;
    EXPECT_EQ(log.sessions[0].local_date, "2025-03-03") << title;
    EXPECT_EQ(log.sessions[1].local_date, "2025-03-04") << title;
  }
  // Not a title that is no log's, nor one with two years.
  for (const char* title : {"# 2025 年 管理后台", "# Dev log 2024 — 2025"}) {
    EXPECT_FALSE(parse(std::string(title) + "\n\n## 3月3日（周一）\nx\n").sessions.at(0).local_date.has_value()) << title;
  }
}

TEST(ParseSessions, ANumberedSessionOverSessionsOfOtherDaysIsASessionToo) {
  auto log = parse("# History\n\n## Session 20 - 2025-11-08\nx\n\n## Session 19 - 2025-11-06\n**Branch:** `relay/leak`\n\n"
                   "### 2025-11-04 (Session 18): Load test\ny\n\n### 2025-11-03 (Session 17): Resume\nz\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 6, 9, 12}));
  EXPECT_EQ(log.sessions.at(1).branch, "relay/leak");
  // A week over its days stays their title.
  EXPECT_EQ(session_lines(parse("# Log\n\n## Week 10 — 2025-03-03\n\n### 2025-03-03\nx\n\n### 2025-03-05\ny\n")),
            (std::vector<int>{5, 8}));
}

TEST(ParseSessions, NumericDaysWithTheirWeekdayInBoldOrAfterAPartOfTheDay) {
  auto log = parse("# 2025 年周报合集\n\n## 第10周（3/3 – 3/7）\n\n**3月3日 周一**（9:30–12:00）\n- x\n\n"
                   "**3/5 周三 晚上 20:00–22:30**\n- y\n\n**周四（3.6）**\n- z\n\n**8/10**\n- a score\n\n### 3/7 周五 下午 13:30–17:30\n- w\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 8, 11, 17}));
  EXPECT_EQ(log.sessions.at(1).local_date, "2025-03-05");
  EXPECT_EQ(log.sessions.at(1).start_minute, 20 * 60);
  EXPECT_EQ(log.sessions.at(2).local_date, "2025-03-06");
  EXPECT_EQ(log.sessions.at(3).local_date, "2025-03-07");
  EXPECT_EQ(log.sessions.at(3).end_minute, 17 * 60 + 30);
}

TEST(ParseSessions, ADurationStatedInASentence) {
  auto log = parse("## 2025-06-02\nReviewed the plan. No code changes. Took ~15m.\n\n## 2025-06-03\n- Took about 1h15m overall\n\n"
                   "## 2025-06-04\nLong one, so ~5 h total.\n\n## 2025-06-05 09:00–11:00\nSpent ~90 min today on the parser.\n\n"
                   "## 2025-06-06 (Fri) — took about 90 minutes\nx\n\n"
                   "## 2025-06-07 09:00–11:00\nThe build took 12 minutes. Total: 3h20 of CPU.\n- CI — build: 4m. Total: 16m\n\n"
                   "## 2025-06-08\nRefactor day.\n\n- Took 1h before lunch.\n- Took 2h after lunch.\n");
  ASSERT_EQ(log.sessions.size(), 7u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 15);
  EXPECT_EQ(log.sessions[1].duration_minutes, 75);
  EXPECT_EQ(log.sessions[2].duration_minutes, 300);
  EXPECT_EQ(log.sessions[3].duration_minutes, 90); // stated wins over the range
  EXPECT_EQ(log.sessions[4].duration_minutes, 90);
  EXPECT_EQ(log.sessions[5].duration_minutes, 120); // a step's, the CPU's, a list's: the range's
  EXPECT_FALSE(log.sessions[6].duration_minutes.has_value()); // two, so none
}

TEST(ParseSessions, ATimeLineAmongTheWorkDoneAndAChineseWeeklySummary) {
  auto log = parse("## Session #13 — 2025-11-19 — Audio notes\n\n### ✅ Work Completed\n- Record/playback\n- Waveform\n"
                   "- Time: 20:15–22:45 PST\n\n## 2026.1.5 周一\nx\n\n## 第一周总结（2026.1.5 - 2026.1.11）\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 8}));
  EXPECT_EQ(log.sessions.at(0).start_minute, 20 * 60 + 15);
  EXPECT_EQ(log.sessions.at(0).timezone, "PST");
}

TEST(ParseSessions, AFormatsSlotsAndAHeadingThatSaysItIsNoSession) {
  auto log = parse("### Session: 3 | 2025-06-02 | main\nx\n\n### Session: <n> | <date> | <branch>\n\n"
                   "## 2025-09-09 EDT — no session, CI outage\n\n## 2025-09-10 — Session notes\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 8}));
  EXPECT_EQ(log.sessions.at(0).branch, "main");
}

TEST(ParseSessions, AnEndOnALineOfItsOwnAtTheFootOfTheSession) {
  auto log = parse("## [2025-10-31 10:05] Session — S3 upload\n\n**Branch:** `fix/s3-upload`\n\n- multipart upload\n- tests\n"
                   "- more\n- and more\n- still more\n\nEnded 12:25\n\n## [2025-11-01 09:00] Session — B\n\n- Finished 09:40, then the parser\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].end_minute, 12 * 60 + 25);
  EXPECT_EQ(log.sessions[0].duration_minutes, 140);
  EXPECT_FALSE(log.sessions[1].end_minute.has_value()); // a step's end, with more said after it
}

TEST(ParseSessions, ATitleThatEndsWithAMonthDatesTheDaysUnderIt) {
  for (const char* title : {"# Worklog — March 2025", "# pebble-sync: March 2025", "# Worklog · 2025-03"}) {
    auto log = parse(std::string(title) + "\n\n## Week 10 (3–9)\n\n### Mon 3\n19:40–21:05\n\nx\n\n### Wed 5\ny\n");
    ASSERT_EQ(log.sessions.size(), 2u) << title;
    EXPECT_EQ(log.sessions[0].local_date, "2025-03-03") << title;
    EXPECT_TRUE(log.sessions[0].date_year_inferred) << title;
    EXPECT_EQ(log.sessions[1].local_date, "2025-03-05") << title;
  }
  // A sprint titled by its month gives only the year: "### Mon 3" is no date of it.
  EXPECT_TRUE(parse("# Sprint 4 (April 2025)\n\n### Mon 3\nx\n").sessions.empty());
}

TEST(ParseSessions, ADayZeroAndALogsNameBeforeItsDayNumberTheirDateOnTheLineBelow) {
  for (const char* first : {"Day 0 (prep)", "Devlog Day 0", "开发日志 Day 0（准备工作）"}) {
    auto log = parse(std::string("# Log\n\n## ") + first + "\n\n> 2025-02-09 Sun · 14:00–16:30\n\n- x\n\n## Day 1\n\n"
                     "> 2025-02-10 Mon · 21:00–23:30\n\n- y\n");
    EXPECT_EQ(session_lines(log), (std::vector<int>{3, 9})) << first;
    EXPECT_EQ(log.sessions.at(0).local_date, "2025-02-09") << first;
  }
}

TEST(ParseSessions, AFileThatWritesDayFirstSlashDatesIsReadDayFirst) {
  auto log = parse("## 05/11/2025\nx\n\n## 17/11/2025\ny\n\n## 18/11/2025\nz\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-11-05");
  EXPECT_EQ(log.sessions[1].local_date, "2025-11-17");
  auto us = parse("## 05/11/2025\nx\n\n## 11/17/2025\ny\n");
  ASSERT_EQ(us.sessions.size(), 2u);
  EXPECT_EQ(us.sessions[0].local_date, "2025-05-11");
  EXPECT_EQ(us.sessions[1].local_date, "2025-11-17");
}

TEST(ParseSessions, LowerCaseSessionKeysAndDurationsWrittenTogether) {
  auto log = parse("## 2025-03-03 ops\nbranch: `ops/alert-tuning`\nnote: a word 2h\n\n## [2025-09-10] - 1h30m\nx\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].branch, "ops/alert-tuning");
  EXPECT_TRUE(log.files.empty()); // the branch is no file
  EXPECT_FALSE(log.sessions[0].duration_minutes.has_value());
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
  EXPECT_FALSE(log.sessions[1].start_minute.has_value());
}

TEST(ParseSessions, AZoneTheFileStatesAboveItsSessionsAppliesToThemAll) {
  auto log = parse("---\ntitle: log\ntimezone: Europe/Berlin\n---\n\n# Log\n\n## 2025-03-03 09:00-10:00\nx\n\n"
                   "## 2025-03-04 10:00-11:00 UTC\ny\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].tz_rule, "file");
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-03T08:00:00Z");
  EXPECT_EQ(log.sessions[1].tz_rule, "heading"); // a session's own zone wins
  auto preamble = parse("# Log\nTimezone: Europe/London\n\n## 2025-07-03 09:00-10:00\nx\n");
  ASSERT_EQ(preamble.sessions.size(), 1u);
  EXPECT_EQ(preamble.sessions[0].started_at, "2025-07-03T08:00:00Z");
}

TEST(ParseSessions, TimeFieldsInOtherLanguagesAndASessionLabel) {
  auto log = parse("## 2025-03-03 a\nSession: 09:12 → 11:47\n\n## 2025-03-04 b\n**Zeit:** 09:15–12:45 (MEZ)\n\n"
                   "## 2025-03-05 c\n**Hora:** 16:00 – 18:15 CEST\n\n## 2025-03-06 d\n時間: 10:00-12:30 JST\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 155);
  EXPECT_EQ(log.sessions[1].started_at, "2025-03-04T08:15:00Z");
  EXPECT_EQ(log.sessions[2].started_at, "2025-03-05T14:00:00Z");
  EXPECT_EQ(log.sessions[3].started_at, "2025-03-06T01:00:00Z");
}

TEST(ParseSessions, TheEndOfAFrenchRangeIsNoDuration) {
  auto log = parse("## 2025-11-17 14h30 - 16h\nx\n\n## 2025-11-18\n**Time:** 9h30 - 12h\ny\n\n## 2025-11-19 — 2h\nz\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 90);
  EXPECT_EQ(log.sessions[1].duration_minutes, 150);
  EXPECT_EQ(log.sessions[2].duration_minutes, 120); // a heading part that is only a duration still is one
}

TEST(ParseSessions, ALabelledDurationBeatsATimerAndTwoTimersGiveNone) {
  auto log = parse("## 2025-11-18\n⏱️ 45 min\n**Duration:** 2h\n\n## 2025-11-19\nEstimate:\n⏳ 3h\nActual:\n⏱️ 1h\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_FALSE(log.sessions[1].duration_minutes.has_value());
  // A whole-file session: the timer under its title counts, those of its tasks do not.
  auto file = parse("---\ndate: 2025-03-07\n---\n# Refactor day\n⏱️ 60 min\n\n## Task 1: parser\n⏱️ 20 min\n");
  ASSERT_EQ(file.sessions.size(), 1u);
  EXPECT_EQ(file.sessions[0].duration_minutes, 60);
  auto tasks = parse("---\ndate: 2025-03-07\n---\n# Refactor day\n\n## Task 1: parser\n⏱️ 20 min\n## Task 2\n⏱️ 40 min\n");
  ASSERT_EQ(tasks.sessions.size(), 1u);
  EXPECT_FALSE(tasks.sessions[0].duration_minutes.has_value());
}

TEST(ParseSessions, ItemsThatSayTheSectionIsEmptyAreNoItems) {
  auto log = parse("## 2025-11-17\n\n### Blockers\n- None\n- None of the tests run on CI\n- N/A\n- none yet.\n"
                   "- None (all green)\n- 无\n\n### Next steps\n- [ ] TBD\n- Nothing blocking the release of v2\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  const auto texts = item_texts(log.sessions[0]);
  EXPECT_EQ(texts, (std::vector<std::string>{"None of the tests run on CI", "Nothing blocking the release of v2"}));
}

TEST(ParseSessions, ItemsThatSayNothingButNameSomethingStay) {
  // A contrast names a blocker; under a section of no known kind "None" is a
  // value; an item with items under it is their parent.
  auto log = parse("## 2025-11-17\n\n### Blockers\n- None, but CI is flaky and blocks merges\n"
                   "- None (except the flaky e2e test, tracked in #42)\n- None\n  - but the follow-up: migrate db\n\n"
                   "### Compression options benchmarked\n- None\n- zstd\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  const auto texts = item_texts(log.sessions[0]);
  EXPECT_EQ(texts, (std::vector<std::string>{"None, but CI is flaky and blocks merges",
                                             "None (except the flaky e2e test, tracked in #42)", "None",
                                             "but the follow-up: migrate db", "None", "zstd"}));
}

TEST(ParseSessions, HeadingsInsideADayAreItsSections) {
  // Times and numbered notes under a dated heading are that day's parts, not days of the month.
  auto log = parse("# March 2025\n\n## Monday 3rd\n\n### 09:00 – standup\nx\n\n### 14th floor move\ny\n\n"
                   "## 2025-03-04 Tuesday\n\n### 1:1 with Alice\nz\n\n### 2nd review\nw\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 11}));
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(log.sessions[0].line_end, 9);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-04");
}

TEST(ParseSessions, AYearHeadingThatTheDatesUnderItContradictIsNoYear) {
  // "# 2048" names a game: the full date under it says which year this is.
  auto log = parse("# 2048\n\n## 2025-03-01 setup\na\n\n## Mar 3 — tiles\nb\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-03");
}

TEST(ParseSessions, YearlessDatesTakeTheYearOfTheHeadingAbove) {
  // "# 2024" is nearer in the outline than the 2025 session is in the file.
  auto log = parse("## 2025-01-02 a\nx\n\n# 2024\n\n## Dec 30\ny\n\n# 2024\n\n**Dec 31**\nz\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[1].local_date, "2024-12-30");
  EXPECT_EQ(log.sessions[2].local_date, "2024-12-31");
}

TEST(ParseSessions, NumberedSectionsUnderAMonthHeadingAreNotDays) {
  EXPECT_TRUE(parse("# March 2025\n\n## 1. Setup\nx\n\n## 2 Design\ny\n").sessions.empty());
  // Under a heading that says more than a month, even a bare number is no day.
  EXPECT_TRUE(parse("# March 2025 report\n\n## 3\nx\n\n## 4 - plan\ny\n").sessions.empty());
}

TEST(ParseSessions, ChineseDeadlineSubheadingsAreNotSessions) {
  auto log = parse("## 2025-06-01 缓存重构\n\n#### 6月15日前完成接口\nx\n\n#### 截止 6月30日：发布 v2\ny\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{1});
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-01");
}

TEST(ParseSessions, DatedBulletsDoNotSplitSessionsFoundOtherwise) {
  auto log = parse("## 2025-04-10 Planning\n\n- 2025-05-01: beta\n- 2025-06-01: release\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{1});
  EXPECT_TRUE(parse("# Plan\n\n- 2025-05-01: beta release\n- ship it\n").sessions.empty()); // one dated bullet
}

TEST(ParseSessions, DatedBulletsUnderPeriodHeadingsAreAJournal) {
  // A numbered list under a quarter, a bulleted one under "Older": both lists.
  auto log = parse("# Time log\n\n## Q2 2025\n\n1. 2025-04-01 — 2h — flags (PR #301)\n"
                   "2. 2025-04-02 — 45m — docs\n\n## Older\n\n- 2025-03-28 — 4h — port; Branch: port/getopt\n"
                   "- 2025-03-29 · 1h20 · release\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 6, 10, 11}));
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[2].branch, "port/getopt");
  EXPECT_EQ(log.sessions[3].duration_minutes, 80);
  // A month heading too; a roadmap or a release list under a year is not.
  EXPECT_EQ(parse("## March 2025\n\n- 2025-03-03: a\n- 2025-03-04: b\n").sessions.size(), 2u);
  EXPECT_TRUE(parse("## Q3 2025 roadmap\n\n- 2025-07-01: beta\n- 2025-08-01: GA\n").sessions.empty());
  EXPECT_TRUE(parse("## 2025 releases\n\n- 2025-07-01: v1\n- 2025-08-01: v2\n").sessions.empty());
  EXPECT_TRUE(parse("## Installation\n\n- 2025-07-01: a\n- 2025-08-01: b\n").sessions.empty());
}

TEST(ParseSessions, PlainTitlesDatedByAFieldBlockAreSessions) {
  auto log = parse("# Copilot notes\n\n## Migrate the form\n\n**Date:** 2025-08-11\n**Time:** 09:20 – 11:05 UTC\n"
                   "**Branch:** `feature/rhf`\n\n### Done\n- x\n\n## Fix a flaky test\n\n**Date:** Aug 12, 2025\n"
                   "**Duration:** 45 min\n\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 12}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-08-11");
  EXPECT_EQ(log.sessions[0].started_at, "2025-08-11T09:20:00Z");
  EXPECT_EQ(log.sessions[0].branch, "feature/rhf");
  EXPECT_EQ(log.sessions[0].line_end, 10);
  EXPECT_EQ(log.sessions[1].local_date, "2025-08-12");
  EXPECT_EQ(log.sessions[1].duration_minutes, 45);
  // Release notes and decision records date releases and decisions.
  EXPECT_LE(parse("# Notes\n\n## v1.2.0\nDate: 2025-01-02\n\n## v1.3.0\nDate: 2025-02-02\n").sessions.size(), 1u);
  EXPECT_LE(parse("# ADRs\n\n## ADR-001 Use SQLite\nDate: 2025-01-02\n\n## ADR-002 Use C++\nDate: 2025-02-02\n")
                .sessions.size(),
            1u);
}

TEST(ParseSessions, NotionPagesDatedByTheirPropertyTables) {
  auto log = parse("# Fix flaky upload test\n\n| Property | Value |\n| --- | --- |\n| Date | April 2, 2025 2:00 PM (EDT) |\n"
                   "| Branch | fix/upload-retry |\n\nx\n\n# Spike: POST vs PUT\n\n| Property | Value |\n| --- | --- |\n"
                   "| Date | April 3, 2025 10:00 AM → 11:45 AM (EDT) |\n\ny\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 10}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-04-02T18:00:00Z");
  EXPECT_EQ(log.sessions[0].branch, "fix/upload-retry");
  EXPECT_EQ(log.sessions[1].duration_minutes, 105);
  // "2025-09 September" groups months; it is no day.
  log = parse("# journal\n\n## 2025-09 September\n\n### 2025-09-03 Wed\nx\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5}));
}

TEST(ParseSessions, AnUndatedDailyNoteTakesItsDateFromTheFileName) {
  ParseOptions options;
  options.file_name = "2025-06-01.md";
  auto log = parse_session_log("# Standup\n\n- Fixed login (commit 1a2b3c4)\n", options);
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-01");
  EXPECT_EQ(log.sessions[0].line_start, 1);
  EXPECT_EQ(log.sessions[0].title, "Standup");
  EXPECT_TRUE(has_warning(log, "comes from the file name"));
  options.file_name = "SESSION_LOG_2025_06_02_part2.md";
  EXPECT_EQ(parse_session_log("Worked on export.\n", options).sessions.at(0).local_date, "2025-06-02");
}

TEST(ParseSessions, ADailyNotesTimedHeadingsAreItsSessions) {
  ParseOptions options;
  options.file_name = "2025-07-14.md";
  auto log = parse_session_log("# Monday\n\n## 08:50 → 10:15 · webhook retry\n- a\n\n## 10:30 → 11:00 · standup\n- b\n\n"
                               "## Evening — 21:40-22:05\n- c\n\n## Tomorrow\n- d\n", options);
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 6, 9}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-07-14");
  EXPECT_EQ(log.sessions[0].duration_minutes, 85);
  EXPECT_EQ(log.sessions[2].line_end, 10); // "## Tomorrow" is no part of the evening
  EXPECT_TRUE(has_warning(log, "the date of its 3 timed sessions comes from the file name"));
  // An untimed heading beside them ("## Notes") holds the day's other work: one session.
  auto meetings = parse_session_log("# Monday\n\n## 10:00 → 10:30 · Design sync\n- a\n\n## 14:00 → 15:00 · Customer call\n- b\n\n"
                                    "## Notes\nWorked on the importer 09:00–17:00.\n", options);
  EXPECT_EQ(session_lines(meetings), (std::vector<int>{1}));
  // One timed heading stays a part of the day's one session.
  auto one = parse_session_log("# Monday\n\n## 08:50 → 10:15 · webhook retry\n- a\n", options);
  EXPECT_EQ(session_lines(one), (std::vector<int>{1}));
}

TEST(ParseSessions, AFrontMatterDayKeptInTimeBlocks) {
  auto log = parse("---\ndate: 2025-03-08\n---\n\n# Saturday hacking\n\nIntro.\n\n## Morning (09:00–11:30)\n\n"
                   "Branch: `fix/retry`\n\n- ported\n\n## Evening (20:15–22:00)\n\n- fixed CI\n\n## Takeaways\n\n- run it locally\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{9, 15}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-08");
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].branch, "fix/retry");
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-08");
  EXPECT_EQ(log.sessions[1].duration_minutes, 105);
  // A closing "## Notes" may hold more of the day's work: one session.
  auto notes = parse("---\ndate: 2025-03-08\n---\n\n# Saturday\n\n## Morning (09:00–11:30)\n- a\n\n"
                     "## Evening (20:15–22:00)\n- b\n\n## Notes\nRefactored all afternoon.\n");
  EXPECT_EQ(session_lines(notes), (std::vector<int>{5}));
}

TEST(ParseSessions, ATimeSpentBesideTheBranchOrOpeningALaterSentence) {
  auto log = parse("# Log\n\n## 2025-03-04 release\n\n### Added\n\n- x\n\nTime: 1h45m. Branch: `feat/dry-run`.\n\n"
                   "## 2025-03-06\n\nCleaned up the old runner VMs. Duration: 1h 20m\n\n"
                   "## 2025-03-07\n\n### Timing\n\nTime: 2h for the whole suite.\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 105);
  EXPECT_EQ(log.sessions[0].branch, "feat/dry-run");
  EXPECT_EQ(log.sessions[1].duration_minutes, 80);
  // Under a subheading, a time without the session's branch beside it may be anything's.
  EXPECT_FALSE(log.sessions[2].duration_minutes.has_value());
}

TEST(ParseSessions, ADayHeadingOverTimedEntriesIsThoseEntries) {
  auto log = parse("# Standup log\n\n## 2025-03-04 (Tue)\n\n### 09:40 — triage\nAlerts. (20m)\n\n"
                   "### 10:15–12:30 — fixed the flaky test\nBranch: fix/flaky\n\n## 2025-03-05 (Wed)\n\n"
                   "### 13:00 to 16:20 — pairing\nx\n\n### 16:30 — review\ny\n\n### Tomorrow\n- z\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 8, 13, 16}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-04");
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60 + 40);
  EXPECT_EQ(log.sessions[1].duration_minutes, 135);
  EXPECT_EQ(log.sessions[1].branch, "fix/flaky");
  EXPECT_EQ(log.sessions[2].local_date, "2025-03-05");
  EXPECT_EQ(log.sessions[3].line_end, 17); // not the plan under it
  // An untimed part beside them keeps the day one session, its entries sections.
  auto mixed = parse("## 2025-03-04\n\n### 09:40 — triage\nx\n\n### 10:15–12:30 — the flaky test\ny\n\n### Notes\nz\n");
  EXPECT_EQ(session_lines(mixed), (std::vector<int>{1}));
}

TEST(ParseSessions, ADaysSittingsTimedByTheirFirstLineOrTheirBoldLine) {
  // Subheadings timed by a field under them.
  auto log = parse("## 2025年6月5日(木)\n\n### 1回目（午前）\n\n作業時間：９：３０〜１１：４５\nブランチ：feature/a\n\n"
                   "### 2回目（夜）\n\n作業時間: 21:00〜23:30\n- b\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 8}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-05");
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60 + 30);
  EXPECT_EQ(log.sessions[1].duration_minutes, 150);
  // Bold lines with a range (or a start, in a line that says session), text between them.
  log = parse("## Wed 2025-07-02\n\n**Session A — 09:10–10:40 PDT — Claude Code (Ana)**\nBranch: `feat/cron`\n- x\n\n"
              "**End of day summary:** parser done.\n\n**Session B — 15:30 PDT — Codex, ~40 min**\n- y\n\n"
              "## Thu 2025-07-03\n\n**Note:** 10:00–11:00 one bold range is no split.\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 9, 12}));
  EXPECT_EQ(log.sessions[0].line_end, 7);
  EXPECT_EQ(log.sessions[0].branch, "feat/cron");
  EXPECT_EQ(log.sessions[1].duration_minutes, 40);
  EXPECT_EQ(log.sessions[2].local_date, "2025-07-03");
  // Subheadings with no time of their own stay sections of the day.
  EXPECT_EQ(session_lines(parse("## 2025-03-04\n\n### Morning\nx\n\n### Afternoon\ny\n")), (std::vector<int>{1}));
}

TEST(ParseSessions, ADailyNotesTimedPartsUnderItsLogSection) {
  auto log = parse("# Monday, April 14th 2025\n\n## Focus\n- [ ] ship it\n\n## Log\n\n### 08:50–10:20 invoice PDF\n"
                   "branch:: fix/pdf\nx\n\n### 13:30–16:05 flaky e2e\ny\n\n## Links\n- z\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{8, 12}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-14");
  EXPECT_EQ(log.sessions[1].line_end, 13);
  // Under a section that is no log, the day stays one session.
  EXPECT_EQ(session_lines(parse("# 2025-04-14\n\n## Focus\nx\n\n## Notes\n\n### 08:50–10:20 a\nx\n\n### 13:30 b\ny\n")),
            (std::vector<int>{1}));
}

TEST(ParseSessions, AHandoffsPreviousSessionsBesideItsLastSession) {
  auto log = parse("# HANDOFF\n\n## Current state\n\n- `main` is deployable.\n\n## Last session (2025-03-06)\n\n"
                   "Branch: `fix/webhook`\n\n- Added a table.\n\n## Previous sessions\n\n"
                   "- **2025-03-04** (~1.5 h, branch `chore/upgrade`): bumped stripe.\n- **2025-03-03** (45 min): triage.\n\n"
                   "## Next steps\n\n1. Delete the old table after 2025-03-20.\n- 2025-03-21: review\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{7, 15, 16}));
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-04");
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
  EXPECT_EQ(log.sessions[1].branch, "chore/upgrade");
  EXPECT_EQ(log.sessions[2].duration_minutes, 45);
}

TEST(ParseSessions, ATimeOrDurationItemUnderTheBranchItemAndAZoneFieldWithAFullStop) {
  auto log = parse("# Progress\n\nZone: UTC.\n\n## Session history\n\n### 2025-03-07 — invitations\n- Branch: `feat/invites`\n"
                   "- 13:20 → 16:05\n- Modelled `Invitation`.\n\n### 2025-03-03 — coverage push\n- 2h\n- Raised coverage.\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].start_minute, 13 * 60 + 20);
  EXPECT_EQ(log.sessions[0].end_minute, 16 * 60 + 5);
  EXPECT_EQ(log.sessions[0].branch, "feat/invites");
  EXPECT_EQ(log.sessions[0].tz_rule, "file");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
}

TEST(ParseSessions, AnEndInALaterSentenceAndAZoneFieldAfterAnotherField) {
  auto log = parse("# Log\n\nProject: billing. Zone: CET.\n\n## 2025-03-05 09:12\nRunner tags, cache volume. Done at 11:30.\n\n"
                   "## 2025-03-06\nBegan 8:50. Lunch. Finished the day at 17:15.\n\n"
                   "## 2025-03-07 10:00\nDone at 11:30, then lunch and more work.\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].end_minute, 11 * 60 + 30);
  EXPECT_EQ(log.sessions[0].tz_rule, "file");
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-05T08:12:00Z");
  EXPECT_EQ(log.sessions[1].start_minute, 8 * 60 + 50);
  EXPECT_EQ(log.sessions[1].end_minute, 17 * 60 + 15);
  EXPECT_FALSE(log.sessions[2].end_minute.has_value()); // more work after it: not the end
}

TEST(ParseSessions, ADateInsideWinsOverTheFileName) {
  ParseOptions options;
  options.file_name = "2025-06-01.md";
  auto log = parse_session_log("## 2025-05-30 a\nx\n\n## 2025-05-31 b\ny\n", options);
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 4}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-05-30");
  options.file_name = "notes-v2.md";
  EXPECT_TRUE(parse_session_log("# Notes\nnothing\n", options).sessions.empty());
}

TEST(ParseSessions, DatedSubheadingInsideASessionIsASection) {
  auto log = parse("### [日期：2026.1.4] Step\n\ntext\n\n#### Git 提交 [完成日期：2026.1.7]\n\nmore\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{1});
  ASSERT_EQ(log.sessions[0].sections.size(), 1u);
}

TEST(ParseSessions, DatedTitleEnclosingDatedEntriesIsNotASession) {
  auto log = parse("# Journal 2025-12-01\n\n## 2025-12-02 a\n\n## 2025-12-03 b\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 5}));
}

TEST(ParseSessions, MixedHeadingLevelsUnderNonSessionHeadings) {
  auto log = parse("## 2025-12-27 - start\n\n## Phase 0\n\n### [2025.12.28] - Step 0.1\n\n### [2025.12.30] - Step 0.2\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 5, 7}));
  EXPECT_EQ(log.sessions[0].line_end, 1) << "a heading of the session's level that is no section ends it";
}

TEST(ParseSessions, NumberedSessionWithoutDateTakesDateFromField) {
  auto log = parse("# Session 12: Skill extraction\n\n**Date**: 2025-12-18\n**Branch**: `feat/skills`\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-12-18");
  EXPECT_EQ(log.sessions[0].branch, "feat/skills");
}

TEST(ParseSessions, RecapOfSeveralSessionsIsNotASession) {
  auto log = parse("## Summary\n\n### Major Achievements (Sessions #21-24)\n- a\n");
  EXPECT_TRUE(log.sessions.empty());
}

TEST(ParseSessions, SingleSessionFileWithDateInQuotedField) {
  auto log = parse("# Offline sync spike\n\n> **Date**: 2025-09-14\n> **Start**: 09:15 EDT\n\nWork.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-09-14");
  EXPECT_EQ(log.sessions[0].started_at, "2025-09-14T13:15:00Z");
}

TEST(ParseSessions, BoldParagraphSessionsWithInferredYear) {
  auto log = parse("Log started 2025-04-01.\n\n**Session 339 — #259 Add retry (Apr 30):**\nDid things.\n\n**Session 340 — Jitter (May 2):**\nMore.\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-30");
  EXPECT_TRUE(log.sessions[0].date_year_inferred);
}

TEST(ParseSessions, ABoldDateThenADashOpensASessionLikeAHeading) {
  auto log = parse("# Log\n\n**Monday, March 3, 2025** — 9:15am to 11:45am ET\n\nDid things.\n\n---\n\n"
                   "**2025-03-04** — 09:15–11:45 ET\n\nMore.\n\n**Fixed on 2025-03-05** - the cache\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 9}));
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-03T14:15:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-04");
}

TEST(ParseSessions, TableRowsWithDateColumnAreSessions) {
  auto log = parse("# Log\n\n| Date | Branch | Hours | Summary |\n|---|---|---|---|\n| 2025-04-22 | feat/a | 2 | x |\n| 2025-04-24 | feat/b | 1.5 | y |\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[1].branch, "feat/b");
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
}

TEST(ParseSessions, AHeadingRightUnderATableEndsIt) {
  // GFM ends a table at a heading or a fence; md4c 0.4.8 alone reads both,
  // and the lines after them, as more rows.
  auto log = parse("## 2025-01-07\n| Task | Status |\n|---|---|\n| parser | done |\n## 2025-01-08\n"
                   "Fixed in 8e9f0a1.\n```\n## 2025-01-09 in code\n```\n\n## 2025-01-10\n- [x] ship\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 5, 11}));
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-01-08");
  ASSERT_EQ(log.sessions[2].items.size(), 1u);
  EXPECT_EQ(log.sessions[2].items[0].line, 12); // lines after the added blank line still map back
  ASSERT_EQ(log.commits.size(), 1u);
  EXPECT_EQ(log.commits[0].line, 6);
}

TEST(ParseSessions, AFenceRightUnderATableIsCode) {
  auto log = parse("## 2025-01-07\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n## 2025-01-09 in code\n\n## 2025-01-11 still code\n```\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{1});
}

TEST(ParseReferencesRules, PrsInGitLogOutputButNotInOtherCode) {
  auto log = parse("## 2025-01-09\n\n```\n$ git log --oneline\na1b2c3d (HEAD -> main) feat: importer (#210)\n"
                   "9f8e7d6 Merge pull request #12 from a/b\nsee PR #99 in a script\n```\n");
  std::set<int> numbers;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
  }
  EXPECT_EQ(numbers, (std::set<int>{12, 210}));
}

TEST(ParseFieldsRules, FieldsUnderASessionInfoHeadingAreTheSessions) {
  auto log = parse("# Log\n\n## Session 4 - lexer\n### 📋 Session Info\n- Date: 2025-03-05\n- Branch: feat/r\n"
                   "- Time: 14:00-16:00\n\n### Work\n- Date: 2025-04-01 is the deadline\n- Branch: feat/other\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-05");
  EXPECT_EQ(log.sessions[0].branch, "feat/r");
  EXPECT_EQ(log.sessions[0].start_minute, 14 * 60);
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
}

TEST(ParseSessions, EntriesThatOpenWithADateFieldAreSessions) {
  auto log = parse("# Session Log\n\nOne entry per session.\n\n---\n\n**Date:** 2025-08-11\n**Time:** 09:30–12:00 EDT\n"
                   "**Branch:** `feat/hooks`\n\n**Done:**\n- a\n\n---\n\nDate: 2025-08-12\nTime: 13:00–16:45 EDT\n\n- b\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{7, 16}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-08-11");
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].branch, "feat/hooks");
  EXPECT_EQ(log.sessions[1].local_date, "2025-08-12");
  EXPECT_EQ(log.sessions[1].start_minute, 13 * 60);
  // One is a one-session file's field; under session headings they date those.
  EXPECT_EQ(session_lines(parse("# Fix the importer\n\n**Date:** 2025-08-11\n**Time:** 09:30–12:00\n\n- a\n")),
            (std::vector<int>{1}));
  EXPECT_EQ(session_lines(parse("## Session 1\n\n**Date:** 2025-08-11\n\n- a\n\n## Session 2\n\n**Date:** 2025-08-12\n")),
            (std::vector<int>{1, 7}));
  // Right under a heading the Date is that heading's: a release, an ADR, the next session's plan.
  EXPECT_EQ(session_lines(parse("# Handoff notes\n\n**Date:** 2025-08-11\n**Branch:** feat/x\n\n- a\n\n"
                                "## Next session\n\n**Date:** 2025-08-12\n- P2: flaky test\n")),
            (std::vector<int>{1}));
  EXPECT_EQ(session_lines(parse("# Releases\n\n## v1.2.0\n**Date:** 2025-08-11\n\n## v1.1.0\n**Date:** 2025-08-01\n")),
            (std::vector<int>{1})); // no release a session; the file with a Date near its top is one, as before
  // A date that does not open the field's value opens no entry: the file stays one session.
  EXPECT_EQ(session_lines(parse("# Notes\n\nDate: before 2025-08-11\n\nDate: after 2025-08-12\n")), (std::vector<int>{1}));
}

TEST(ParseSessions, BoldSessionLabelsWithTextRunningOn) {
  auto log = parse("# Log\n\n**Session 1 — 2025-04-02, 09:15–11:00 PST.** Branch: `feat/a`. Did things.\n\n"
                   "**Session 3** — 2025-04-04\nmore\n\n**2025-04-12** did things\n\n**Session 5 (2025-04-09)** — 1h20m\n\n"
                   "Some text **2025-04-13** in prose.\n\n**Fixed on 2025-04-14** the bug.\n\n**Session** notes\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 5, 8, 10}));
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-04-02T17:15:00Z");
  EXPECT_EQ(log.sessions[1].local_date, "2025-04-04");
  EXPECT_EQ(log.sessions[3].local_date, "2025-04-09");
}

TEST(ParseSessions, DatedPlansAndRecapsAreNotSessions) {
  auto log = parse("## 2025-03-04 Parser work\n- did x\n\n## Next Session - 2025-03-10\n- plan\n\n## Plan for 2025-03-12\n\n"
                   "## Session 5 (planned) — 2025-03-14\n\n## 🔜 Tomorrow (2025-03-05)\n\n"
                   "## Weekly recap (2025-03-03 – 2025-03-09)\n\n## TODO (2025-03-15)\n\n**Planned next session (2025-04-09):**\n\n"
                   "## Todo app: 2025-03-16\n\n## Retrofit the CLI — 2025-03-17\n\n## 2025-03-18 Recap of the outage\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 19, 21, 23}));
  EXPECT_TRUE(has_warning(log, "\"Plan for 2025-03-12\" plans or looks back"));
}

TEST(ParseSessions, DaysUnderAPlanAheadAreNotSessionsEvenWithAClockRange) {
  auto log = parse("# Handoff — 2025-07-08\n\n## Work\n- did x\n\n## Next session (planned)\n\n"
                   "### 2025-07-09 10:00 UTC — follow-up\n- y\n\n## 2025-07-10 09:00–11:00 UTC\n- z\n\n"
                   "## 下周计划\n### 6月9日（周一）\n- a\n\n## Next week\n### 2025-07-14 10:00–12:00\n\n"
                   "## 2025-07-15 18:00–20:00 CET — planned\n\n## 2025-07-16 · tentative\n\n"
                   "## Weekly recap\n### 2025-07-17\n- the days a recap sums up stay sessions\n\n"
                   "## 2025-07-18\n### Next steps\n#### 2025-07-21\n## 2025-07-19 — The planned migration\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{11, 26, 29, 32}));
  EXPECT_TRUE(has_warning(log, "\"2025-07-09 10:00 UTC — follow-up\" is under a plan"));
  // Project sections named with plan words hold worked days; ops labels are work done.
  auto projects = parse("## Plan for the Postgres migration\n### 2025-06-10 09:00–11:30\n- a\n\n## Next up: search\n"
                        "### 2025-06-11 09:00–11:30\n- b\n\n## 明日方舟 工具\n### 2025-06-12 09:00–11:30\n- c\n\n"
                        "## 2025-06-14 22:00–23:30 — DB maintenance: scheduled\n- d\n");
  EXPECT_EQ(session_lines(projects), (std::vector<int>{2, 6, 10, 13}));
  // A heading marked as a plan ("(planned)") makes its days plans; "## Test plan" and
  // "## Migration plan" hold the days the plan was worked.
  auto marked = parse("## Test plan\n### 2025-02-10\nExecuted cases 1–14.\n\n## After the weekend (planned)\n"
                      "### Tue 25 Mar 2025 — cleanup\n- b\n\n## 2025-03-20\n- c\n");
  EXPECT_EQ(session_lines(marked), (std::vector<int>{2, 9}));
}

TEST(ParseFindings, HeadingsThatAreFindingsAndSummaryTablesThatCountThem) {
  auto log = parse(with_legend("## 2025-04-01 Review\n\n| Severity | Count |\n|---|---|\n| P0 | 1 |\n| P1 | 2 |\n\n"
                               "### P0 — Race between refill and consume\ntext\n\n### [P1] Clock source is wall time\n\n"
                               "### P1: No upper bound on burst\n\n### P2 Issues\nnone listed\n\n### Findings\n\n"
                               "#### Critical: Key logged\n\n### Critical path\n"));
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 Race between refill and consume", "P1 Clock source is wall time",
                                                          "P1 No upper bound on burst", "P1 Key logged"}));
}

TEST(ParseSessions, StartAndEndLinesOutsideHeadings) {
  auto log = parse("# agent-runs.md\n\n[START 2025-06-10T09:12:44Z] task=upgrade-deps branch=deps/june-bump\n- Ran it\n"
                   "- Tests: 412 passed\n[END 2025-06-10T11:02:10Z] status=partial\n\n"
                   "START 2025-06-11 08:05 +02:00\nwork\nEND 2025-06-11 09:40 +02:00\n\nSTART here: read the README first.\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 8}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-06-10T09:12:00Z");
  EXPECT_EQ(log.sessions[0].ended_at, "2025-06-10T11:02:00Z");
  EXPECT_EQ(log.sessions[0].branch, "deps/june-bump");
  EXPECT_EQ(log.sessions[1].started_at, "2025-06-11T06:05:00Z");
  EXPECT_EQ(log.sessions[1].duration_minutes, 95);
}

TEST(ParseSessions, AnEndLineWithTheTimeAloneClosesTheStartOnItsDayOrTheNext) {
  auto log = parse("# worklog\n\n[START 2025-02-10 09:12]\nbranch: ops/x\n- a\n[END 10:47]\n\n"
                   "[START 2025-02-11 22:40]\n- b\n[END 00:15]\n\n[START 2025-02-13 16:00]\n- c\n[END --:--]\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 8, 12}));
  EXPECT_EQ(log.sessions[0].ended_at, "2025-02-10T10:47:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 95);
  EXPECT_EQ(log.sessions[1].ended_at, "2025-02-12T00:15:00Z");
  EXPECT_EQ(log.sessions[1].duration_minutes, 95);
  EXPECT_FALSE(log.sessions[2].ended_at.has_value());
}

TEST(ParseSessions, ParticularsSeparatedByMiddotsOnTheFirstLine) {
  auto log = parse("# x\n\n## 2025-07-14 — cleanup\n14:00–14:30 (UTC+1) · Branch: chore/cleanup\nDeleted.\n\n"
                   "## 2025-07-15 — audio\n\n⏱️ 09:00–12:30 (BST) · 🌿 Branch: `feat/audio-worklet`\n\n- x\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 7}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-07-14T13:00:00Z");
  EXPECT_EQ(log.sessions[0].branch, "chore/cleanup");
  EXPECT_EQ(log.sessions[1].duration_minutes, 210);
  EXPECT_EQ(log.sessions[1].branch, "feat/audio-worklet");
  log = parse("# Notes\n\n**Tue 4 Mar 2025**\nBranch: feat/pdf-fonts · 08:50–10:20 CET\nEmbedded fonts.\n\n"
              "**Wed 5 Mar 2025**\nKerning.\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 7}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-04T07:50:00Z");
  EXPECT_EQ(log.sessions[0].branch, "feat/pdf-fonts");
}

TEST(ParseSessions, ChineseSpacedYearMonthTitleAndAFieldAfterAFullStop) {
  // "2024 年 11 月", spaced between digits and Han, dates the year-less days under it.
  auto log = parse("# 2024 年 11 月开发日志\n\n**11月4日 周一**\n\n下午到晚上。分支：feature/group-buy\n\n"
                   "**11月5日 周二**\nx\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 7}));
  EXPECT_EQ(log.sessions[0].local_date, "2024-11-04");
  EXPECT_EQ(log.sessions[0].branch, "feature/group-buy");
  EXPECT_EQ(log.sessions[1].local_date, "2024-11-05");
}

TEST(ParseSessions, WithNoFullDateTheWeekdayPicksTheYearNearOneTheFileNames) {
  // 7 Jan is a Wednesday in 2026, not in 2024, 2025 or 2027.
  auto log = parse("# journal (newest first)\n\n> Started in December 2025.\n\n### Wed 7 Jan\nx\n\n### Tue 30 Dec\ny\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{5, 8}));
  EXPECT_EQ(log.sessions[0].local_date, "2026-01-07");
  EXPECT_TRUE(log.sessions[0].date_year_inferred);
  EXPECT_EQ(log.sessions[1].local_date, "2025-12-30");
  // A weekday that fits no year near the one named, or no year named: no date.
  EXPECT_FALSE(parse("# log\n\nSince 2025.\n\n### Thu 7 Jan\nx\n").sessions.at(0).local_date.has_value());
  EXPECT_FALSE(parse("# log\n\n### Wed 7 Jan\nx\n").sessions.at(0).local_date.has_value());
}

TEST(ParseSessions, AStartLineThatIsAlsoASetextHeadingIsOneSession) {
  // Found by the fuzzer: "-" under the line makes it a heading, and both
  // rules took it, so two sessions began on line 2.
  auto log = parse("START 2025-06-01T09:12\n[START 2025-06-01T10:12]\n-\nwork\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 2}));
}

TEST(ParseFieldsRules, TabsFullWidthColonsLowerCaseAgentKeysAndBoldHours) {
  auto log = parse("## 2025-06-02\nTime:\t09:10 – 11:40 CEST\nBranch:\tfeat/autotile\nDuration:\t2h20\n\n"
                   "## 2025-06-03\nBranch：feat/x\n\n## 2025-06-04\n**Hours:** 9am–1:30pm ET\n\n"
                   "## 2025-06-07\nelapsed: 00:47:12\n\n## 2025-06-08\nstarted: 2025-06-08T09:00:00-04:00\n"
                   "finished: 2025-06-08T10:31:40-04:00\n\n## 2025-06-09\nNote:see the wiki at http://x\n");
  ASSERT_EQ(log.sessions.size(), 6u);
  EXPECT_EQ(log.sessions[0].branch, "feat/autotile"); // a tab after the label
  EXPECT_EQ(log.sessions[0].duration_minutes, 140);
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60 + 10);
  EXPECT_EQ(log.sessions[1].branch, "feat/x"); // a Chinese input method's colon, no space
  EXPECT_EQ(log.sessions[2].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[2].end_minute, 13 * 60 + 30);
  EXPECT_EQ(log.sessions[3].duration_minutes, 47);
  EXPECT_EQ(log.sessions[4].end_minute, 10 * 60 + 31);
  EXPECT_TRUE(log.sessions[5].fields.empty()); // "Note:see" is prose, not a key
  auto spent = parse("## 2025-06-04\nSpent: 1h30\n\n## 2025-06-05\nLogged: 3 h 10\n\n## 2025-06-06\n⏱️ 07:30–08:15 UTC (before work)\n");
  ASSERT_EQ(spent.sessions.size(), 3u);
  EXPECT_EQ(spent.sessions[0].duration_minutes, 90);
  EXPECT_EQ(spent.sessions[1].duration_minutes, 190);
  EXPECT_EQ(spent.sessions[2].duration_minutes, 45); // a remark in brackets after the range
  auto hours = parse("## 2025-06-10\nHours: 2:30\n");
  EXPECT_EQ(hours.sessions.at(0).start_minute, std::nullopt); // a duration, not a start
  EXPECT_EQ(hours.sessions.at(0).duration_minutes, 150);
  // Time spent on a clock face is hours; a logged clock is a time stamp
  // unless an hour sign says otherwise.
  auto clock_spent = parse("## 2025-06-11\n**Spent:** 2:15\n\n## 2025-06-12\nLogged: 17:40\n\n## 2025-06-13\nLogged: 1:30h\n");
  ASSERT_EQ(clock_spent.sessions.size(), 3u);
  EXPECT_EQ(clock_spent.sessions[0].duration_minutes, 135);
  EXPECT_EQ(clock_spent.sessions[0].start_minute, std::nullopt);
  EXPECT_EQ(clock_spent.sessions[1].duration_minutes, std::nullopt);
  EXPECT_EQ(clock_spent.sessions[2].duration_minutes, 90);
}

TEST(ParseFieldsRules, AbbreviatedDurationColumns) {
  auto log = parse("# Ledger\n\n| Date | Dur | Notes |\n|---|---|---|\n| 2025-06-02 | 25m | x |\n\n"
                   "| Date | Hrs | Notes |\n|---|---|---|\n| 2025-06-04 | 1.5 | z |\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 25);
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
}

TEST(ParseFieldsRules, ChineseAndJapaneseDurationLabels) {
  auto log = parse("## 2025-06-02\n工时：3.5h\n\n## 2025-06-03\n会话时长：约1小时20分钟\n\n## 2025-06-04\n工時：2 小時\n\n"
                   "## 2025-06-05\n所要：約2.5h\n\n## 2025-06-06\n实际耗时：1.5小时\n\n## 2025-06-07\n耗時：45分鐘\n");
  std::vector<std::optional<int>> minutes;
  for (const auto& s : log.sessions) {
    minutes.push_back(s.duration_minutes);
  }
  EXPECT_EQ(minutes, (std::vector<std::optional<int>>{210, 80, 120, 150, 90, 45}));
}

TEST(ParseFieldsRules, ABranchWrittenFirstWinsOverALaterCodeSpan) {
  auto log = parse("## 2025-06-05\n**Branch:** feat/streaming-upload @ `4d5e6f7`\n\n"
                   "## 2025-06-06\nBranch: feat/x, based on `main`\n\n## 2025-06-07\n**Feature Branch**: Created `feature/y`\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].branch, "feat/streaming-upload");
  EXPECT_EQ(log.sessions[1].branch, "feat/x");
  EXPECT_EQ(log.sessions[2].branch, "feature/y"); // prose first: the code span is the branch
  auto more = parse("## 2025-06-05\nBranch: auto-created `claude/export-xyz`\n\n## 2025-06-06\n"
                    "Branch: n/a (committed straight to `main`)\n\n## 2025-06-07\n**Branch:** main @ `77aa88b`\n");
  ASSERT_EQ(more.sessions.size(), 3u);
  EXPECT_EQ(more.sessions[0].branch, "claude/export-xyz"); // a hyphen alone is prose
  EXPECT_EQ(more.sessions[1].branch, "main");
  EXPECT_EQ(more.sessions[2].branch, "main"); // the code span is a commit
}

TEST(ParseFieldsRules, ABranchNamedInTheHeadingAfterASeparator) {
  auto log = parse("## 2025-08-21 · 09:15–11:50 CEST · branch feat/search-ui\n- a\n\n"
                   "## 2025-08-22 | 10:00-11:00 | branch: fix/csv-export\n- b\n\n"
                   "## 2025-08-23 — hotfix (branch: `hotfix/1.2.1`)\n- c\n\n## 2025-08-24 · branch main · hotfix\n- d\n\n"
                   "## 2025-08-25 — branch cleanup day\n- e\n\n## 2025-08-26 · branch main\nBranch: `release/2`\n");
  ASSERT_EQ(log.sessions.size(), 6u);
  EXPECT_EQ(log.sessions[0].branch, "feat/search-ui");
  EXPECT_EQ(log.sessions[1].branch, "fix/csv-export");
  EXPECT_EQ(log.sessions[2].branch, "hotfix/1.2.1");
  EXPECT_EQ(log.sessions[3].branch, "main");
  EXPECT_EQ(log.sessions[4].branch, std::nullopt); // "branch cleanup day" names a chore
  EXPECT_EQ(log.sessions[5].branch, "main");       // the heading's comes first
}

TEST(ParseFieldsRules, ABranchFieldThatIsASentenceNamesNoBranch) {
  auto log = parse("## 2025-08-26\nBranch: deleted after merge\n\n## 2025-08-27\nBranch: main. Merged PR #3.\n\n"
                   "## 2025-08-28\nBranch: develop (merged)\n\n## 2025-08-29\nBranch: main only\n\n"
                   "## 2025-08-30\nBranch: staging for the demo\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].branch, std::nullopt);
  EXPECT_EQ(log.sessions[1].branch, "main");
  EXPECT_EQ(log.sessions[2].branch, "develop");
  EXPECT_EQ(log.sessions[3].branch, "main");    // the usual names run on into a sentence too
  EXPECT_EQ(log.sessions[4].branch, "staging");
}

TEST(ParseFieldsRules, FrontMatterOverASessionHeadingIsItsOwn) {
  auto log = parse("---\nsession: 14\nstarted_at: \"2025-03-04 14:05 UTC\"\nduration: 90m\nbranch: \"feat/x\"\n---\n# Session 14\n\nx\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].line_start, 7);
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-04T14:05:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 90);
  EXPECT_EQ(log.sessions[0].branch, "feat/x");
}

TEST(ParseSessions, AStartedFieldDatesAOneSessionFile) {
  auto log = parse("# Notes\n\n**Started:** 2025-03-04 14:05 UTC\n**Ended:** 2025-03-04 15:00 UTC\n\nDid things.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-04T14:05:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 55);
}

TEST(ParseTimesInSessions, TimeLinesWrittenOtherWays) {
  auto log = parse("# Log\n\n## 2025-03-04\n**Start:** 14:00 **End:** 17:30\n\n## 2025-03-05\nStart: 09:00 / End: 10:30\n\n"
                   "## 2025-03-06\n*14:00 - 16:30*\n\n## 2025-03-07\nStarted 21:40, finished 00:30.\n\n"
                   "## 2025-03-08\nWorked 10:30–13:00 on the parser\n\n## 2025-03-09\nFrom the logs we saw 3 errors at 10:00\n\n"
                   "## 2025-03-10\n10:00 standup, then review\n", "UTC");
  std::vector<std::optional<int>> durations;
  for (const auto& session : log.sessions) {
    durations.push_back(session.duration_minutes);
  }
  EXPECT_EQ(durations, (std::vector<std::optional<int>>{210, 90, 150, 170, 150, std::nullopt, std::nullopt}));
}

TEST(ParseReferencesRules, HashesInACommitColumnAreCommits) {
  auto log = parse("## 2025-01-09\n\n| Commit | Message |\n|---|---|\n| d2b2c3d | fix parser |\n| 5551234abcd | docs |\n\n"
                   "| Colour | Hex |\n|---|---|\n| red | ff0000a |\n");
  std::vector<std::string> shas;
  for (const auto& commit : log.commits) {
    shas.push_back(commit.sha);
  }
  EXPECT_EQ(shas, (std::vector<std::string>{"d2b2c3d", "5551234abcd"}));
}

TEST(ParseSessions, NumberedDaysAndEntriesInOtherWordsAreSessions) {
  auto log = parse("# 100 days of code\n\n## Day 1\nDate: 2025-03-04\n\n## 🚀 Day 2\n*2025-03-05*\n\n## Today 3 things\n\n"
                   "## Sesión 4\nFecha: 2025-03-07\n\n## 第5天\n日期：2025-03-08\n\n## Log 2025-03-09 notes\n\n## Dayton trip 2\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 6, 11, 14, 17}));
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-05");
  EXPECT_EQ(log.sessions[3].local_date, "2025-03-08");
  // A challenge's day: "Day 2/100", "Day 3 of 100"; not "Day 4 of the sprint".
  auto challenge = parse("# 100 days of code\n\n### Day 1\n- a\n\n### Day 2/100\n- b\n\n### Day 3 of 100\n"
                         "Started: 10:00. Finished: 12:00.\n\n### Day 4 of the sprint\n- d\n");
  EXPECT_EQ(session_lines(challenge), (std::vector<int>{3, 6, 9}));
  EXPECT_EQ(challenge.sessions[2].duration_minutes, 120);
}

TEST(ParseFindings, APLevelBesideASeverityWordWins) {
  auto log = parse("## 2025-06-02 Review\n\n### Findings\n- 🔴 **Critical (P0):** token leaks into logs\n"
                   "- 🟡 **Medium (P2):** retry loop has no jitter\n- **High (P1)** — missing auth check\n"
                   "- **P0 (Critical):** data loss on crash\n- [Critical/P0] race in cache eviction\n"
                   "- Critical (see below): not a level beside it\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 token leaks into logs", "P2 retry loop has no jitter",
                                                          "P1 missing auth check", "P0 data loss on crash",
                                                          "P0 race in cache eviction"})); // "(see below)" is no level
  // A count of findings is no finding.
  EXPECT_TRUE(parse("## 2025-06-02\n### Findings\n- Critical (P0) bugs open: 0\n- High (P1) count: 3 → 1\n").findings.empty());
}

TEST(ParseFieldsRules, ResumedAndStoppedBesideEachOther) {
  auto log = parse("# Rate limiter, continued\n\n## 2025-09-04\n\n**Resumed:** 00:35 CEST · **Stopped:** 02:10 CEST\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].start_minute, 35);
  EXPECT_EQ(log.sessions[0].end_minute, 2 * 60 + 10);
  EXPECT_EQ(log.sessions[0].timezone, "CEST");
  EXPECT_EQ(log.sessions[0].duration_minutes, 95);
}

TEST(ParseSessions, PlainTextDatelinesAfterAWeekdayFromDateOrInDashedBanners) {
  auto caps = parse("PAYMENTS NOTES\n\nTUESDAY 4 MARCH 2025\n1:15 PM TO 4:50 PM EST\n\nworked on refunds\n\n"
                    "WEDNESDAY 5 MARCH 2025\n\nmore\n");
  ASSERT_EQ(session_lines(caps), (std::vector<int>{3, 8}));
  EXPECT_EQ(caps.sessions[0].start_minute, 13 * 60 + 15);
  EXPECT_EQ(caps.sessions[0].end_minute, 16 * 60 + 50);
  auto stamped = parse("log\n\nMon Mar  3 14:02:11 PST 2025\nstarted importer\nend: Mon Mar  3 16:10:40 PST 2025\n\n"
                       "Tue Mar  4 09:00:00 PST 2025\nmore\n");
  ASSERT_EQ(session_lines(stamped), (std::vector<int>{3, 7}));
  EXPECT_EQ(stamped.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(stamped.sessions[0].start_minute, 14 * 60 + 2);
  EXPECT_EQ(stamped.sessions[0].timezone, "PST");
  auto banners = parse("log\n\n--- Mon 3 Mar 2025 ---\nhours: 13:30 - 15:40 CET\n\n--- Tue 4 Mar 2025 ---\ny\n");
  ASSERT_EQ(session_lines(banners), (std::vector<int>{3, 6}));
  EXPECT_EQ(banners.sessions[0].title, "Mon 3 Mar 2025");
  // A sentence that opens with a date after another word is no dateline.
  EXPECT_TRUE(parse("log\n\nShipped 4 March 2025 to prod.\n\nShipped 5 March 2025 again.\n").sessions.empty());
}

TEST(ParseSessions, ATimesheetWhoseDateColumnIsNamedInAnotherLanguage) {
  auto log = parse("# Timeliste\n\n| Dato | Tid | Gren | Timer | Hva ble gjort |\n|---|---|---|---|---|\n"
                   "| man. 3. mars 2025 | 08.30–11.00 | `feature/vipps` | 2,5 | Vipps |\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].branch, "feature/vipps");
}

TEST(ParseFieldsRules, OrgClocksPropertiesFieldListsAndStartSlashStop) {
  auto org = parse("#+TITLE: infra journal\n\n[2025-03-04 Tue]\n  terraform: move the state bucket\n"
                   "  CLOCK: [2025-03-04 Tue 09:12]--[2025-03-04 Tue 11:40] =>  2:28\n"
                   "  :PROPERTIES:\n  :BRANCH: infra/state-migration\n  :END:\n");
  ASSERT_EQ(org.sessions.size(), 1u);
  EXPECT_EQ(org.sessions[0].start_minute, 9 * 60 + 12);
  EXPECT_EQ(org.sessions[0].end_minute, 11 * 60 + 40);
  EXPECT_EQ(org.sessions[0].duration_minutes, 148);
  EXPECT_EQ(org.sessions[0].branch, "infra/state-migration");
  auto rst = parse("# Diary\n\n## 2025-03-04\n\n:Start: 09:10\n:End: 12:40\n:Branch: ``perf/tile-cache``\n");
  ASSERT_EQ(rst.sessions.size(), 1u);
  EXPECT_EQ(rst.sessions[0].start_minute, 9 * 60 + 10);
  EXPECT_EQ(rst.sessions[0].end_minute, 12 * 60 + 40);
  EXPECT_EQ(rst.sessions[0].branch, "perf/tile-cache");
  auto stop = parse("# Log\n\n## 2025-03-17\n\nSTART 09:12 / STOP 11:40\n\n## 2025-03-18\n\nSTART 13:00 / STOP ??\n");
  ASSERT_EQ(stop.sessions.size(), 2u);
  EXPECT_EQ(stop.sessions[0].end_minute, 11 * 60 + 40);
  EXPECT_EQ(stop.sessions[0].duration_minutes, 148);
  EXPECT_EQ(stop.sessions[1].end_minute, std::nullopt);
}

TEST(ParseFieldsRules, TomlFrontMatterAsYamlIs) {
  auto log = parse("+++\ntitle = \"Postgres 16 upgrade rehearsal\"\ndate = 2025-07-08T22:40:00-04:00\n"
                   "ended = 2025-07-09T01:15:00-04:00\nbranch = \"infra/pg16\"\ndraft = false\n+++\n\n# Postgres 16 upgrade rehearsal\n\ntext\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].line_start, 9);
  EXPECT_EQ(log.sessions[0].local_date, "2025-07-08");
  EXPECT_EQ(log.sessions[0].start_minute, 22 * 60 + 40);
  EXPECT_EQ(log.sessions[0].end_minute, 1 * 60 + 15);
  EXPECT_EQ(log.sessions[0].branch, "infra/pg16");
  // Below the front matter, "x = y" is text.
  EXPECT_TRUE(parse("# Notes\n\nbranch = \"x\"\n").sessions.empty());
}

TEST(ParseSessions, DottedDaysOfOneMonthAreNoScoresOutOfTheSameTotal) {
  auto log = parse("# Kehitysloki\n\n## ti 4.3. klo 9.00–11.30\n\nx\n\n## to 6.3.2025 klo 8.15–11.15\n\ny\n\n## pe 7.3.\n\nz\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{3, 7, 11}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-04");
  EXPECT_EQ(log.sessions[2].local_date, "2025-03-07");
  // Slashes still may be: "### 8/10 — Readability", "### 6/10 — Tests".
  EXPECT_TRUE(parse("# Review\n\n### 8/10 — Readability\nx\n\n### 6/10 — Tests\ny\n").sessions.empty());
}

TEST(ParseSessions, AnExpensesTableAPostMortemAndAnAgendaAreNoSessions) {
  auto log = parse("# Timesheet\n\n## 2025-06-04\n\nRun: 10:20 → 13:05\n\n## Expenses (reimbursable)\n\n| Date | Item | Amount |\n|---|---|---|\n"
                   "| 2025-06-05 | Train | €32,40 |\n\n## Post-mortem (written 3 Nov)\n\nx\n\n"
                   "## Things to bring up at the maintainer call (2025-05-20)\n\ny\n");
  ASSERT_EQ(session_lines(log), std::vector<int>{3});
  EXPECT_EQ(log.sessions[0].start_minute, 10 * 60 + 20);
  EXPECT_EQ(log.sessions[0].end_minute, 13 * 60 + 5);
}

TEST(ParseSessions, PolishHourLabelsAndDutchFromToColumns) {
  auto polish = parse("# Sprint 14\n\n## Pon., 12.05.2025\n\n**Godz.:** 10:00–11:30\n");
  ASSERT_EQ(polish.sessions.size(), 1u);
  EXPECT_EQ(polish.sessions[0].end_minute, 11 * 60 + 30);
  auto dutch = parse("# Uren oktober\n\n| Datum | Van | Tot | Uren | Omschrijving |\n|---|---|---|---|---|\n"
                     "| ma 6-10-2025 | 09:00 | 12:45 | 3,75 | intake |\n");
  ASSERT_EQ(dutch.sessions.size(), 1u);
  EXPECT_EQ(dutch.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(dutch.sessions[0].end_minute, 12 * 60 + 45);
}

TEST(ParseSessions, ADottedDayAfterANumberedTitlesDash) {
  auto log = parse("# Devlog 2025\n\n## Sitzung 1 – Mi, 15.10.2025\n\nx\n\n## Sitzung 2 – Do, 16.10.\n\ny\n\n## Sitzung 3 – 2/5 erledigt\n\nz\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-10-16");
  EXPECT_FALSE(log.sessions[2].local_date.has_value()); // "2/5 erledigt" is a count
}

TEST(ParseSessions, DaysUnderDatesToRememberAreNoSittings) {
  auto log = parse("# Notes\n\n## Dates to remember\n\n### 2025-12-01 — feature freeze for 0.5\n### 2025-12-15 — talk at RustFest\n\n"
                   "## Session notes\n\n### 2025-11-03\n\nWorked.\n");
  EXPECT_EQ(session_lines(log), std::vector<int>{10});
}

TEST(ParseFindings, AFindingWrappedOverTwoLinesKeepsTheListIntroduced) {
  auto log = parse("## 2025-05-14\n\nFindings, as labelled by the bot:\n\n- **P0** divides by `log(base)`; with base=1\n"
                   "  this is a div-by-zero.\n- **P1** cached `inv_freq` is not invalidated.\n- **P2** docstring claims 1.0.\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 divides by log(base); with base=1",
                                                          "P1 cached inv_freq is not invalidated.", "P2 docstring claims 1.0."}));
}

TEST(ParseFindings, ATaskBoxRankedByALevelIsATaskUnlessAFindingsListHoldsIt) {
  auto log = parse("# Log\n\n## 2025-10-21\n\n### Review\n\n- P3: log encoding\n\n## Sonraki oturum\n\n"
                   "- [ ] P3: log karakter kodlaması\n- [x] P2: done thing\n\n## 2025-10-22\n\n### Findings\n\n- [x] P1: race fixed\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P3 log encoding", "P1 race fixed"}));
}

TEST(ParseFindings, AMappedWordInASeverityColumn) {
  // The cell is read after the match: under the CI's AddressSanitizer this
  // once read a temporary that was gone (found by fuzzing).
  auto log = parse("# Review\n\n级别说明：致命 = P0，严重 = P1\n\n## 2025-03-04\n\n| ID | Severity | Finding |\n|---|---|---|\n"
                   "| 1 | 严重 | race in cache |\n| 2 | 致命 | token leak |\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 race in cache", "P0 token leak"}));
}

TEST(ParseFindings, AMoscowLegendMapsBlockerAndASeverityColumnNamedInKorean) {
  auto moscow = parse("# Notebook\n\nReview findings use MoSCoW: **Blocker** = P0, **Must** = P1, **Should** = P2, **Could** = P3.\n\n"
                      "## 3rd March 2025\n\n### Review\n\n- **Blocker:** token stored unencrypted\n- **Could:** rename x\n");
  EXPECT_EQ(finding_texts(moscow), (std::vector<std::string>{"P0 token stored unencrypted", "P3 rename x"}));
  auto korean = parse("# 개발 일지\n\n심각도 표기: 치명(P0) / 높음(P1) / 보통(P2) / 낮음(P3)\n\n## 2025-11-05\n\n"
                      "| 심각도 | 내용 | 처리 |\n|---|---|---|\n| 치명 | 재화가 두 번 차감됨 | 수정 |\n| 낮음 | 오타 | 보류 |\n");
  ASSERT_EQ(korean.findings.size(), 2u);
  EXPECT_EQ(korean.findings[0].severity, "P0");
  EXPECT_EQ(korean.findings[1].severity, "P3");
}

TEST(ParseFindings, ALevelOfTwoWordsAsItsHyphenedForm) {
  auto log = parse(with_legend("## 2025-03-17\n\n### Review\n\n- **Must fix**: manifest written before checksums.\n"
                               "- Should fix — stream the hash.\n- **Nit**: rename.\n- Must have: a spec.\n"));
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 manifest written before checksums.", "P2 stream the hash.",
                                                          "P3 rename."})); // "Must have" is no level
}

TEST(ParseFindings, APLevelInBracketsBesideAnyWordOrGlossedInTheFilesWords) {
  auto log = parse("## 2025-10-21\n\nReview came back with these findings:\n\n- **RF-4 (P2)** Limiter state is per-process.\n"
                   "- **Krytyczny (P0):** PESEL in logs.\n- **P1 (Alto):** RFC validation.\n- **P0 (Crítico):** totals wrong.\n"
                   "- **Phase 2 (P1):** build the exporter.\n- P0 (tenant collision): fixed in 7d1e5b9.\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P2 Limiter state is per-process.", "P0 PESEL in logs.",
                                                          "P1 RFC validation.", "P0 totals wrong."}));
}

TEST(ParseFindings, ScaleRowsStatusTablesAndFindingsListedAgainAreNoNewFindings) {
  auto log = parse("## 2025-10-14 Review\n\n| Level | Label | Meaning |\n|---|---|---|\n| Critical | P0 | data loss |\n"
                   "| High | P1 | must fix |\n\n### Pass 1\n\n| ID | Severity | Finding |\n|---|---|---|\n"
                   "| C1 | Critical | Temp file not removed |\n| H1 | High | Length trusted |\n\n### Pass 2\n\n"
                   "| ID | Severity | Status |\n|---|---|---|\n| C1 | Critical | ✅ fixed |\n| H1 | High | still open |\n\n"
                   "| ID | Severity | Finding |\n|---|---|---|\n| H1 | High | Length trusted |\n| M3 | Medium | HMAC key read per request |\n");
  // The scale table maps Critical and High; Medium is in none of its rows, so ranks nothing.
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 Temp file not removed", "P1 Length trusted"}));
  EXPECT_TRUE(has_note(log, 25, "maps to no P-level"));
}

TEST(ParseFindings, ItemsUnderALineSayingWhatAReviewFlagged) {
  auto log = parse("## 2025-09-18\n- Opened PR #57. `/review` flagged:\n  - **P1** dedupe key ignores `account_id`\n"
                   "  - **P2** payee not normalised\n- PRs merged:\n  - **P1** #58 hotfix\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 dedupe key ignores account_id", "P2 payee not normalised"}));
}

TEST(ParseFindings, ReviewsIntroducedInOtherWordsAndLevelsAfterAReviewLabel) {
  // A heading that asks for "P0-P3" names a scale, not a level for the list.
  auto log = parse("## 2025-07-03\n\n#### review PR #64 for bugs. list issues with P0-P3 severity\n\n"
                   "Here is my review of the change:\n\n1. **P1** — side effect in dry run.\n2. **P2** — unsorted output.\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 side effect in dry run.", "P2 unsorted output."}));
  log = parse("## 2025-07-04\n- Codex review of my own diff:\n  - P2 hard-coded region\n- Things to review:\n"
              "  - P1 the migration\n- self-review: [P3] swallowed error\n- New: **P1** — retries missing\n"
              "- Review: high hopes for this one\n\n#### Done\n- Review by Claude of my prototype:\n"
              "  - P1: bucket key unvalidated\n- P2: shipped the cache\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P2 hard-coded region", "P3 swallowed error",
                                                          "P1 retries missing", "P1 bucket key unvalidated"}));
}

TEST(ParseFindings, WordsAndTagsAFilesLegendMapsToLevels) {
  // A legend table's rows, then tagged items and a level column using its words.
  auto log = parse("# 会话记录\n\n| 级别 | 含义 | 对应 |\n|---|---|---|\n| 严重 | 必须当场修 | P0 |\n| 重要 | 合并前必须修 | P1 |\n\n"
                   "## 2025-03-04\n\n#### 自查\n- 【重要】`convert()` 静默返回，应该抛错\n- 严重的问题是没有测试\n\n"
                   "| 级别 | 位置 | 描述 |\n|---|---|---|\n| 严重 | `post.py:142` | 借贷两边分别四舍五入 |\n\n"
                   "### 下一步\n- 【重要】下次补测试\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 convert() 静默返回，应该抛错", "P0 借贷两边分别四舍五入"}));
  // A legend line of tags or words joined by "=".
  log = parse("# log\n\nReview prefixes → severity: `[MUST]` = P1, `[SHOULD]` = P2.\n级别说明：致命 = P0，一般 = P2。\n\n"
              "## 2025-03-05\n- [MUST] price compared with ==\n- [SHOULD] two responsibilities\n1. 致命：导入时没有事务\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 price compared with ==", "P2 two responsibilities",
                                                          "P0 导入时没有事务"}));
  // One pairing is a sentence, not a legend.
  EXPECT_TRUE(parse("## 2025-03-06\nThe [MUST] = P1 rule.\n- [MUST] x\n").findings.empty());
}

TEST(ParseFindings, ParagraphsThatOpenWithABoldLevel) {
  auto log = parse("## 2025-03-04\n\n> **P1** `now()` is called per key.\n\n> **P2:** `burst = 0` means unlimited.\n\n"
                   "**P0** — signature compared with ==.\n\n**P1** is what we call must-fix.\n\n### Next steps\n\n"
                   "**P1:** add the cache\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 now() is called per key.", "P2 burst = 0 means unlimited.",
                                                          "P0 signature compared with ==."}));
}

TEST(ParseFindings, ReviewsNumberingTheirOwnFindingsAndAStatusColumnBeforeTheNotes) {
  auto log = parse("## 2025-06-02\n### Review of PR #12\n| # | Severity | Finding |\n|---|---|---|\n| 1 | P1 | Token logged |\n"
                   "| 2 | P2 | No retry |\n### Review of PR #13\n| # | Severity | Finding |\n|---|---|---|\n| 1 | P1 | SQL injection |\n"
                   "| 2 | P2 | No retry |\n### Open items\n| Severity | Status | File | Notes |\n|---|---|---|---|\n"
                   "| P2 | Open | refund.go | rounding drift |\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 Token logged", "P2 No retry", "P1 SQL injection",
                                                          "P2 refund.go"}));
}

TEST(ParseFindings, ChineseAndJapaneseSeverityColumns) {
  auto log = parse("## 2025-06-02 代码评审\n\n| 编号 | 级别 | 问题 |\n|---|---|---|\n| 1 | P1 | 缓存没有过期 |\n| 2 | P2 | 重试没有退避 |\n\n"
                   "| 重要度 | 内容 |\n|---|---|\n| P3 | 命名が不統一 |\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 缓存没有过期", "P2 重试没有退避", "P3 命名が不統一"}));
}

TEST(ParseFindings, AFindingsListUnderAParagraphInWorkDone) {
  auto log = parse("## 2025-01-01\n\n### Work done\n- Reviewed PR #41\n\nFindings (reviewer agent, severity P0-P3):\n\n"
                   "1. **P1** `RequireRole` reads the URL's account\n2. **P2** Role cache never invalidated\n\n"
                   "Next up:\n\n- P1 polish the docs\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 RequireRole reads the URL's account",
                                                          "P2 Role cache never invalidated"}));
}

TEST(ParseFindings, NumberedBoldLevelsUnderChineseReviewHeadingsNotPhasesOrCounts) {
  auto log = parse("## 2025-03-03\n\n### 代码审查结果\n- **P0-1** `s3.py:88` 调试日志打印了完整的 key\n- **P1-1** `merge.py:142` 冲突判定\n\n"
                   "### 复审新发现\n- **P3** `merge.py` 命名含糊\n\n### 讨论与计划\n分三个阶段做：\n- 阶段 P1：溢出时触发全量重扫\n\n"
                   "### 问题清单\n- P0：0，P1：2，P2：0，P3：0\n- [P2] 列表页卡顿\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 s3.py:88 调试日志打印了完整的 key", "P1 merge.py:142 冲突判定",
                                                          "P3 merge.py 命名含糊", "P2 列表页卡顿"}));
  // An unfilled numbered heading whose date went with its underscores is no session.
  EXPECT_EQ(session_lines(parse("## 第19次会话 - 2025/03/20\nx\n\n## 第20次会话 - ____/__/__\n")), (std::vector<int>{1}));
}

TEST(ParseFindings, ATaskRankedByItsPriorityHoldsStepsNotFindings) {
  auto log = parse("## 2025-01-01\n\n### Task 1: Fix the data race (P0)\n- Reproduced with go test -race\n- Switched to sync.Map\n\n"
                   "### Critical Issues (P1)\n- token logged\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 token logged"}));
}

TEST(ParseFindings, TheFilesOwnLegendMapsLevelWords) {
  auto log = parse("# Review log\n\nSeverity legend: **Critical = P0**, **Important = P1**, **Nice-to-have = P2**.\n\n"
                   "## 2025-04-01\n\n### Review findings\n\n#### Critical\n- Index is empty\n\n#### Nice-to-have\n- Compress it\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 Index is empty", "P2 Compress it"}));
  // One "P2 - Critical path slow" finding is no legend: Critical maps to nothing, so ranks nothing.
  auto plain = parse("## 2025-04-01\n\n### Review findings\n- P2 - Critical path slow\n\n#### Critical\n- Index is empty\n");
  EXPECT_EQ(finding_texts(plain), (std::vector<std::string>{"P2 Critical path slow"}));
  EXPECT_TRUE(has_note(plain, 7, "\"Critical\" ranks \"Index is empty\" with a word this file maps to no P-level"));
}

TEST(ParseFindings, ColouredMarksTheFileMapsToLevels) {
  // A mark the legend maps wins over the word after it, and a mark alone makes a finding.
  auto log = parse("## 2025-08-14\n\n### Review\n- 🔴 Critical: sampler leaks users\n- 🟡 Medium: defaults differ\n\n"
                   "(Our convention: 🔴 = P0, 🟠 = P1, 🟡 = P2.)\n\n## 2025-08-15\n\nFindings (levels: 🔴 P0 · 🟠 P1 · 🟡 P2):\n\n"
                   "- 🟠 Broken anchors in the snapshot\n- [x] 🟡 fixed already\n\n## Backlog\n- 🟢 dark mode\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 sampler leaks users", "P2 defaults differ",
                                                          "P1 Broken anchors in the snapshot"}));
  // Only where findings are listed: a status list under "## CI status" is none.
  EXPECT_EQ(finding_texts(parse("# Review\n\nLegend: 🔴 = P0, 🟠 = P1.\n\n## Findings\n- 🔴 SQL injection\n\n"
                                "## CI status\n- 🔴 nightly (flaky network)\n")),
            (std::vector<std::string>{"P0 SQL injection"}));
  // Without a legend a mark is no level: "🟢 deployed" is a status.
  EXPECT_TRUE(parse("## 2025-08-14\n\n- 🟢 deployed\n- 🔴 CI red\n").findings.empty());
}

TEST(ParseFindings, TheLevelsUnderALegendHeadingAreNoFindings) {
  // A list or a table that defines the levels names no finding; the table still maps [Critical] to P0.
  auto log = parse("# Review log\n\n## Severity levels\n\n- **P0** — data loss, fix now\n- **P1** — must fix before merge\n\n"
                   "## Legend\n\n| Tag | Level | Meaning |\n|---|---|---|\n| [Critical] | P0 | block release |\n"
                   "| [Minor] | P2 | follow-up |\n\n## 2025-04-01\n\n### Review findings\n- [Critical] Index is empty\n"
                   "- **P1** — retry loop never ends\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 Index is empty", "P1 retry loop never ends"}));
  // The legend is the list right under its heading; findings may follow it.
  auto after = parse("# Review\n\n## Severity levels\n- P0 — data loss, fix now\n- P1 — broken feature\n\n"
                     "Findings this round:\n\n- P1: cache never invalidated\n- P2: typo in README\n");
  EXPECT_EQ(finding_texts(after), (std::vector<std::string>{"P1 cache never invalidated", "P2 typo in README"}));
  // "## Key" or "## Levels" over findings is no legend.
  EXPECT_EQ(finding_texts(parse("# Audit\n\n## Key\n- P1: API key committed to repo\n")),
            (std::vector<std::string>{"P1 API key committed to repo"}));
  // "Key findings" is no legend.
  EXPECT_EQ(finding_texts(parse("## 2025-04-01\n\n### Key findings\n- **P1** — retry loop never ends\n")),
            (std::vector<std::string>{"P1 retry loop never ends"}));
}

TEST(ParseSessions, SessionTablesNumberedFirstButNotDecisionsPlansOrIndexesOfSessionFiles) {
  auto log = parse("## Sessions\n\n| Session | Date | Time | Duration | Branch |\n|---|---|---|---|---|\n"
                   "| 11 | 2025-10-27 | 18:30–19:20 | 50m | `chore/expo-54` |\n| 12 | 2025-10-29 | 09:00–11:15 | 2h 15m | `feat/sync` |\n"
                   "| 13 | 2025-11-20 *(planned)* | | | |\n\n## Decisions\n\n| Date | Decision | Rationale |\n|---|---|---|\n"
                   "| 2025-05-12 | Yjs over Automerge | smaller bundle |\n\n**Last sessions:**\n\n| Session | Date | Outcome |\n|---|---|---|\n"
                   "| [Session 61](./sessions/2025-12-21-session-61.md) | 2025-12-21 | skills |\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 6}));
  EXPECT_EQ(log.sessions.at(1).duration_minutes, 135);
  EXPECT_EQ(log.sessions.at(1).branch, "feat/sync");
}

TEST(ParseSessions, ATimeSlotColumnTimesTheRowAndAPlanTableIsNoLog) {
  auto log = parse("# 工时记录\n\n| 日期 | 时段 | 工时 | 分支 |\n|---|---|---|---|\n| 2025-03-31（一） | 09:00–12:00 | 3h | feature/a |\n"
                   "| 2025-04-01（二） | 13:30–18:30 | 4.5h | feature/a |\n\n### 下周安排\n\n| 日期 | 计划 |\n|---|---|\n"
                   "| 2025-04-14（一） | 压测 |\n| 2025-04-15（二） | 对接 |\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 6}));
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[1].duration_minutes, 270); // the billed hours as stated
  EXPECT_EQ(session_lines(parse("| Date | Plan |\n|---|---|\n| 2025-04-14 | load test |\n| 2025-04-15 | x |\n")).size(), 0u);
}

TEST(ParseSessions, ATimeTrackersExportWithAStartDateColumn) {
  auto log = parse("Time zone: PST\n\n| Start date | Start time | End date | End time | Duration | Description |\n"
                   "|---|---|---|---|---|---|\n| 03/03/2025 | 08:47:12 | 03/03/2025 | 10:02:12 | 1:15:00 | keys (PR #231) |\n"
                   "| 03/04/2025 | 09:05:44 | 03/04/2025 | 11:50:44 | 2:45:00 | retries |\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{5, 6}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-03T16:47:00Z");
  EXPECT_EQ(log.sessions[1].duration_minutes, 165);
}

TEST(ParseSessions, AFileThatSaysItsDatesAreDayFirst) {
  auto log = parse("Dates below are **DD/MM/YYYY** (UK).\n\n| Date | Hours | Notes |\n|---|---|---|\n"
                   "| 06/10/2025 | 2 | a |\n| 07/10/2025 | 3 | b |\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{5, 6}));
  EXPECT_EQ(log.sessions[0].local_date, "2025-10-06");
  EXPECT_EQ(parse("Dates are MM/DD/YYYY.\n\n## 06/10/2025\nx\n\n## 07/10/2025\ny\n").sessions.at(0).local_date,
            "2025-06-10");
}

TEST(ParseSessions, TimeSpentInBracketsOrAfterAWordThatSaysSo) {
  auto log = parse("**Wed 5 Mar 2025** (2.5h)\nKerning.\n\n**Thu 6 Mar 2025**\n(1h)\nx\n\n**Fri 7 Mar 2025**\n"
                   "About 2 hours. Docs.\n\n**Mon 10 Mar 2025**\nDuration ~30 min\n\n**Tue 11 Mar 2025**\n"
                   "About the cache: 3 fixes.\n\n**Wed 12 Mar 2025**\n- fixed tests (2h)\n");
  ASSERT_EQ(log.sessions.size(), 6u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[1].duration_minutes, 60);
  EXPECT_EQ(log.sessions[2].duration_minutes, 120);
  EXPECT_EQ(log.sessions[3].duration_minutes, 30);
  EXPECT_FALSE(log.sessions[4].duration_minutes.has_value());
  EXPECT_FALSE(log.sessions[5].duration_minutes.has_value()); // a task's time, not the session's
  // The last part of a heading's bracket.
  auto parts = parse("## Session 9 — 2025-05-14 (no timestamps; ~3h)\nx\n\n## Session 10 — 2025-05-15 (with Ana, 2 PRs)\ny\n");
  ASSERT_EQ(parts.sessions.size(), 2u);
  EXPECT_EQ(parts.sessions[0].duration_minutes, 180);
  EXPECT_FALSE(parts.sessions[1].duration_minutes.has_value());
}

TEST(ParseSessions, ObsidianCalloutsThatOpenWithADate) {
  auto log = parse("# Kiln — dev log\n\n> [!devlog]- 2025-09-15 · 14:00–15:45 CEST\n> branch:: feat/incremental\n> Hashing.\n\n"
                   "> [!devlog]+ 2025-09-18 · 2h\n> Docs.\n\n> [!note] Not a session\n> x\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 7}));
  EXPECT_EQ(log.sessions[0].started_at, "2025-09-15T12:00:00Z");
  EXPECT_EQ(log.sessions[0].branch, "feat/incremental");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
}

TEST(ParseSessions, ADaysTimelineRunsFromTheFirstSlotToTheLast) {
  auto log = parse("## 2025-03-04\n\n09:00–09:15 — standup\n09:15–12:30 — importer rewrite\n13:30–17:00 — retry queue\n\n"
                   "## 2025-03-05\n\n- 10:00–10:30 triage\n- 14:00–15:00 UTC review\n\n## 2025-03-06\n09:00–10:00 standup, then deep work\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 17 * 60);
  EXPECT_EQ(log.sessions[1].end_minute, 15 * 60);
  EXPECT_EQ(log.sessions[1].timezone, "UTC");
  EXPECT_EQ(log.sessions[2].duration_minutes, std::nullopt); // one slot named by a word: a step, not the session
  // Out of order it is a list, not a day; a blank line inside and midnight are fine.
  auto lists = parse("## 2025-03-07\n14:00–16:00 — review\n09:00–09:15 — standup\n\n"
                     "## 2025-03-08\n09:00–10:00 — a\n\n17:00–18:00 — b\n\n## 2025-03-09\n22:00–23:30 — c\n00:10–01:15 — d\n");
  ASSERT_EQ(lists.sessions.size(), 3u);
  EXPECT_EQ(lists.sessions[0].start_minute, std::nullopt);
  EXPECT_EQ(lists.sessions[1].duration_minutes, 540);
  EXPECT_EQ(lists.sessions[2].duration_minutes, 195);
}

TEST(ParseSessions, TheLineUnderANumberedSessionWithItsWeekdayOrItsDurationOrASentence) {
  auto log = parse("## Session 13\nDate: 21 Oct 2025 · 1h10m\n\n## Session 14\n_Wednesday 22.10.2025, 09:30 – 11:00_\n\n"
                   "## 2025-10-24\n20:00–22:15 CET. Prep for the swap.\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-10-21");
  EXPECT_EQ(log.sessions[0].duration_minutes, 70);
  EXPECT_EQ(log.sessions[1].local_date, "2025-10-22");
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
  EXPECT_EQ(log.sessions[2].timezone, "CET");
  EXPECT_EQ(log.sessions[2].duration_minutes, 135);
}

TEST(ParseSessions, AgentRunsAreSessionsOnTheirOwnAndPartsInsideOne) {
  auto runs = parse("# Agent run reports\n\n## Run 41 — Codex — bump provider\nStarted: 2025-10-07T14:03:22Z\n\n"
                    "## Run #42 — Devin — timeout\nStarted: 2025-10-08 09:41 UTC\n\n"
                    "## Run 43 (queued 08:55) — 2025-10-09 09:40–10:20 — lockfile\n\n## Next run (queued for 2025-10-10T08:00:00Z)\n");
  EXPECT_EQ(session_lines(runs), (std::vector<int>{3, 6, 9}));
  auto inside = parse("## Session 3 — 2025-07-14 09:00–12:00 — flaky upload\n### Run 1\nfailed\n### Run 2\npassed\n");
  EXPECT_EQ(session_lines(inside), (std::vector<int>{1}));
  EXPECT_EQ(inside.sessions.at(0).duration_minutes, 180);
}

TEST(ParseSessions, NumberedSessionsInChineseAndJapaneseUnderADay) {
  auto ja = parse("## 令和7年7月14日\n\n### セッション1\n時間：10:05〜11:50 JST\n- a\n\n### セッション2\n時間：14:00〜16:30 JST\n- b\n");
  EXPECT_EQ(session_lines(ja), (std::vector<int>{3, 7}));
  EXPECT_EQ(ja.sessions.at(1).started_at, "2025-07-14T05:00:00Z");
  auto zh = parse("## 2025-07-14\n\n### 第1次会话\n时间：10:05-11:50\n\n### 第2次会话\n时间：14:00-16:30\n\n### 会话记录\nx\n");
  EXPECT_EQ(session_lines(zh), (std::vector<int>{3, 6}));
  EXPECT_EQ(zh.sessions.at(0).duration_minutes, 105);
}

TEST(ParseSessions, StampedUpdatesOfTheClaudeSessionsTemplateArePartsOfTheSession) {
  auto log = parse("# Auth refactor - 2025-06-02 09:15\n\n## Session Overview\n- **Start Time**: 2025-06-02 09:15\n\n"
                   "## Progress\n\n### Update - 2025-06-02 10:02 AM\nx\n\n### Update - 2025-06-02 10:48 AM\ny\n\n"
                   "### Update - 2025-06-02 11:20 AM\nz\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1}));
  EXPECT_TRUE(has_warning(log, "\"Update - 2025-06-02 10:48 AM\" is an update inside the session at line 1"));
  // Updates on other days are days of their own: the heading above is a title.
  auto days = parse("# Parser - 2025-06-02\n- a\n## Update - 2025-06-03 09:00\n- b\n\n## Update - 2025-06-04 10:00\n- c\n");
  EXPECT_EQ(session_lines(days), (std::vector<int>{3, 6}));
}

TEST(ParseSessions, NumericDayHeadingsTakeTheFilesYearAndScoreNothing) {
  auto log = parse("# Journal 2025\n\n### 6/10\n- a\n\n## 7/9（水）\n- b\n\n## Mon 6/23 — parser\n- tests 40/42\n\n## 3.2 Results\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{3, 6, 9}));
  EXPECT_EQ(log.sessions.at(0).local_date, "2025-06-10");
  EXPECT_TRUE(log.sessions.at(0).date_year_inferred);
  EXPECT_EQ(log.sessions.at(1).local_date, "2025-07-09");
  EXPECT_EQ(log.sessions.at(2).local_date, "2025-06-23");
  ASSERT_EQ(log.metrics.size(), 1u); // the heading's "6/23" is a day, not a ratio
  EXPECT_EQ(log.metrics[0].value, 40);
}

TEST(ParseSessions, NumericHeadingsThatAreScoresStepsOrADayFirstFilesDays) {
  // Scores under a dated session are its parts; it keeps its times.
  auto scores = parse("## Session 4 — 2025-06-10 13:00–16:00\n### 8/10 — Readability\nx\n### 6/10 — Tests\ny\n");
  EXPECT_EQ(session_lines(scores), (std::vector<int>{1}));
  EXPECT_EQ(scores.sessions.at(0).duration_minutes, 180);
  // One total under different counts: steps, not days.
  auto steps = parse("# Journal 2025\n\n## 1/3 — Schema\nx\n## 2/3 — Writer\ny\n## 3/3 — Tests\nz\n");
  EXPECT_TRUE(steps.sessions.empty() || steps.sessions.at(0).line_start == 1);
  EXPECT_TRUE(has_warning(steps, "\"2/3 — Writer\" reads as a count or a score"));
  // "28/3" in the file makes its "3/4" 3 April.
  auto uk = parse("# Journal 2025\n\n### 28/3\n- a\n\n### 3/4\n- b\n\n### 14/4\n- c\n");
  ASSERT_EQ(uk.sessions.size(), 3u);
  EXPECT_EQ(uk.sessions[1].local_date, "2025-04-03");
}

TEST(ParseSessions, ATitlesYearDatesDaysWithoutOne) {
  auto log = parse("# Engineering Journal — 2025\n\n### Monday, March 3rd — 2:15pm to 4:45pm EST\nx\n\n### Wednesday, March 5th\ny\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_TRUE(log.sessions[0].date_year_inferred);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-05");
  EXPECT_EQ(parse("# Project 2048\n\n### March 3rd\nx\n").sessions.at(0).local_date, std::nullopt); // not a year
  // A CJK year anywhere in the title: "# 2025年8月 开发日志", "# 周报：2025年第26周".
  auto cjk = parse("# 2025年8月 开发日志\n\n## 8月4日（周一）\n- x\n\n## 8月5日（周二）\n- y\n");
  ASSERT_EQ(cjk.sessions.size(), 2u);
  EXPECT_EQ(cjk.sessions[0].local_date, "2025-08-04");
  EXPECT_EQ(cjk.sessions[1].local_date, "2025-08-05");
  EXPECT_EQ(parse("# 周报：2025年第26周\n\n## 6月23日\nx\n").sessions.at(0).local_date, "2025-06-23");
  EXPECT_EQ(parse("# 项目12025年\n\n## 6月23日\nx\n").sessions.at(0).local_date, std::nullopt); // five digits
  // "retiring the 2019 billing system": a year with no month or week names no period.
  EXPECT_EQ(parse("# 开发日志：下线2019年的计费系统\n\n## 6月23日\nx\n").sessions.at(0).local_date, std::nullopt);
}

TEST(ParseTimesInSessions, SetextHeadingsAndKeysInTwoLanguages) {
  auto log = parse("Session 2025-08-19 #1\n---------------------\n\nStarted 08:00 UTC, finished 09:30 UTC.\n\n"
                   "## Day 2 — Tue 11.03.2025\n\n**Zeit / Time:** 13:00 – 18:30 (CET)\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 90);
  EXPECT_EQ(log.sessions[1].started_at, "2025-03-11T12:00:00Z");
}

TEST(ParseFindings, PrioritiesInABacklogAreNotFindings) {
  auto log = parse("## 2025-03-04\n\n- P1: race in refill\n\n## Backlog\n- P1: dunning emails (issue #38)\n");
  EXPECT_EQ(finding_texts(log), std::vector<std::string>{"P1 race in refill"});
  // The same list by other names and in other languages.
  for (const char* heading : {"Ideas / parking lot", "Icebox", "Pendiente", "バックログ", "Someday"}) {
    auto other = parse(std::string("## 2025-03-04\n\n- P1: race in refill\n\n## ") + heading + "\n- P2: dark mode\n");
    EXPECT_EQ(finding_texts(other), std::vector<std::string>{"P1 race in refill"}) << heading;
  }
}

TEST(ParseFieldsRules, ADailyNotesLogSectionAndObsidianFields) {
  auto log = parse("# 2025.03.04\n\n## ⏰ Log\n- 08:55 — coffee\n- 15:15 — wrap up\n\nTime: 08:55 – 15:15 (CET)\n"
                   "Branch:: feat/ingredient-parser\n\n## 🐛 Issues found\n- P1 parser drops \"a pinch of\"\n"
                   "- P0 issues: several, see above\n- 【P2】金额输入框允许多个小数点\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-03-04T07:55:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 380);
  EXPECT_EQ(log.sessions[0].branch, "feat/ingredient-parser");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 parser drops \"a pinch of\"", "P2 金额输入框允许多个小数点"}));
}

TEST(ParseTimesInSessions, JapaneseWorkTimeRange) {
  auto log = parse("## 2025年3月4日（火）\n作業時間：10:00〜12:30 JST\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].timezone, "JST");
}

TEST(ParseSessions, NumberedDaysInsideASessionOrAPlanAreItsParts) {
  EXPECT_EQ(session_lines(parse("# Session 9 — 2025-03-04\n\n## Rollout plan\n**Day 1:** enable for staff\n\n#### Day 2: all\n")),
            std::vector<int>{1});
  EXPECT_TRUE(parse("# Migration Plan\n\n### Day 1: Prepare replicas\n\n### Day 2: Cut over\n").sessions.empty());
  EXPECT_TRUE(parse("# Notes\n\n## Log 1.2.0\n\n## Day 2 operations\n\n## Day 0 response\n").sessions.empty());
  EXPECT_EQ(session_lines(parse("# 100 days\n\n## Día 3\nFecha: 2025-03-04\n\n## Jour 4: Parser\nx\n")), (std::vector<int>{3, 6}));
}

TEST(ParseSessions, ABoldDateInsideASessionOrATimelineIsASentence) {
  EXPECT_EQ(session_lines(parse("## 2025-03-03 — Auth\n\n**2025-03-10** is the deadline for the beta.\n\n## 2025-03-04 — Billing\n")),
            (std::vector<int>{1, 5}));
  EXPECT_TRUE(parse("# Status\n\n## Timeline\n\n**2025-01-15** Project kicked off.\n\n**2025-02-01** Alpha.\n").sessions.empty());
}

TEST(ParseSessions, ARejectedPlanEndsTheSessionAboveAndOnlyBarePlansAreRejected) {
  auto log = parse("## Session 12 — 2025-03-04\n\nDid work.\n\n## Next Session - 2025-03-10\nTime: 10:00–12:00\nBranch: feat/next\n"
                   "\n## Retro fixes — 2025-03-11\n\n## Recap of the outage — 2025-03-12\n\n## Weekly recap (Mar 3 – Mar 9)\n"
                   "### 2025-03-05\n");
  EXPECT_EQ(session_lines(log), (std::vector<int>{1, 9, 11}));
  EXPECT_EQ(log.sessions.at(0).start_minute, std::nullopt);
  EXPECT_EQ(log.sessions.at(0).branch, std::nullopt);
}

TEST(ParseFindings, AFindingsTableRowIsNoLegend) {
  // Were the row a legend, it would make Critical P2 and the item a finding.
  auto log = parse("## 2025-04-01\n\n| Severity | Finding |\n|---|---|\n| P2 | Critical section in cache not locked |\n\n"
                   "### Review findings\n- **Critical**: missing rate limit\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P2 Critical section in cache not locked"}));
}

TEST(ParseSessions, DayFirstNeedsADateOrAWordNotAFragment) {
  for (const char* noise : {"14/3/1 (pass/fail/skip)", "Support is 24/7/365.", "selection.datum() and soup-du-jour",
                            "Bonjour, the montage is done"}) {
    EXPECT_EQ(parse(std::string("# Log\n\n") + noise + "\n\n## 3/4/2025\nx\n").sessions.at(0).local_date, "2025-03-04") << noise;
  }
}

TEST(ParseReferencesRules, AFullGitLogsSubjectsInCode) {
  auto log = parse("## 2025-01-09\n\n```\ncommit 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432\nAuthor: Dev <d@x>\n\n"
                   "    feat: add importer (#214)\n\n    Merge pull request #215 from org/branch\n    see #216 in a script\n```\n");
  std::set<int> numbers;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
  }
  EXPECT_EQ(numbers, (std::set<int>{214, 215}));
}

TEST(ParseReferencesRules, ANumberedListUnderAPullRequestsHeading) {
  auto log = parse("## 2025-08-14\n\n### Pull requests\n- #66 fix(histogram): +Inf bucket — merged\n1. #67 chore: bump\n"
                   "- the #68 one is still a draft\n\n### Issues filed\n- #70 crash on start\n\n### PRs opened\n- #71: x\n");
  std::set<int> numbers;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
  }
  EXPECT_EQ(numbers, (std::set<int>{66, 67, 71})); // an item must open with the number
  // A heading about PRs that lists something else.
  EXPECT_TRUE(parse("## 2025-08-14\n\n### Pull request checklist\n- #1 tests pass\n- #2 changelog updated\n").prs.empty());
  // A maintainer's triage: a status mark before the number; an item about an issue is none.
  auto triage = parse("## 2025-02-10\n\n### PR triage\n- ✅ #412 feat: pipelining — merged\n- 🔁 #415 fix: header casing\n"
                      "- 🐛 #410 panic on empty Host — labelled good first issue\n");
  std::set<int> triaged;
  for (const auto& pr : triage.prs) {
    triaged.insert(pr.number);
  }
  EXPECT_EQ(triaged, (std::set<int>{412, 415}));
  auto ranks = parse("## 2025-02-10\n\n### PR triage\n- 🐛 #377 crash on empty CSV\n- #1 priority: get #412 merged\n");
  std::set<int> ranked;
  for (const auto& pr : ranks.prs) {
    ranked.insert(pr.number);
  }
  EXPECT_EQ(ranked.count(377) + ranked.count(1), 0u); // a bug and a rank, not PRs
}

TEST(ParseTimesInSessions, EstimatesAndDurationsBeforeAClockAreNoRanges) {
  auto log = parse("## 2025-03-04\nTime: ~2h (started 14:00)\n\n## 2025-03-05\nTime: 2h-3h\n\n"
                   "## 2025-03-06 — estimate 4h-8h\nx\n", "UTC");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].start_minute, std::nullopt);
  EXPECT_EQ(log.sessions[2].start_minute, std::nullopt);
}

TEST(ParseSessions, ATitleWithSeveralYearsOrASinceGivesNone) {
  EXPECT_EQ(parse("# Project Log 2024–2025\n\n### Dec 30\nx\n").sessions.at(0).local_date, std::nullopt);
  EXPECT_EQ(parse("# Dev log (since 2024)\n\n### Jan 2\nx\n").sessions.at(0).local_date, std::nullopt);
}

TEST(ParseSessions, SpecDatesAndPlanStartsAreNoSessions) {
  EXPECT_TRUE(parse("# Feature spec: SSO\n\nStart: 2025-04-01\nOwner: Ana\n").sessions.empty());
  EXPECT_TRUE(parse("# Sprint 14\n\nSTART: 2025-03-03\nEND: 2025-03-14\n").sessions.empty());
}

TEST(ParseFindings, APriorityTableUnderABacklogRanksTasks) {
  EXPECT_TRUE(parse("## 2025-03-04\nx\n\n## Backlog\n\n| Item | Priority |\n|---|---|\n| Multi-currency | P2 |\n").findings.empty());
  EXPECT_EQ(parse("## 2025-03-04\n\n| Finding | Priority |\n|---|---|\n| Race in refill | P1 |\n").findings.size(), 1u);
}

TEST(ParseTimesInSessions, StartAndEndWithoutColons) {
  auto log = parse("## Monday 10 March 2025\nStart 20:15 / End 23:00 (WET)\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 165);
  EXPECT_EQ(log.sessions[0].timezone, "WET");
}

TEST(ParseFindings, PlannedPrioritiesTicketsAndSentencesAreNoFindings) {
  EXPECT_TRUE(parse("# Roadmap\n\n## Plan\n\n### P0: Ship login\nx\n\n## Backlog\n### P2: SSO\n- P1: dunning emails\n")
                  .findings.empty());
  auto log = parse("# Session 6 — 2025-03-04\n\n## Issues to create\n- P1 add SSO support\n\n## Bugs found\n"
                   "- P2 and P3 items are deferred\n- P0 was fixed yesterday\n- P1 login loops\n");
  EXPECT_EQ(finding_texts(log), std::vector<std::string>{"P1 login loops"});
}

TEST(ParseReferencesRules, ACommitColumnTakesGitHashesNotChecksumsOrCounts) {
  auto log = parse("## 2025-03-04\n\n| File | Hash |\n|---|---|\n| main.js | 3f9a2b1c7d |\n\n| Artifact | SHA |\n|---|---|\n"
                   "| app.tar.gz | 5d41402abc4b2a76b9719d911017c592 |\n\n| Author | Commits |\n|---|---|\n| alice | 1234567 |\n");
  EXPECT_TRUE(log.commits.empty());
}

TEST(ParseSessions, ManySessionsWithTablesStayLinear) {
  // 9000 sessions, each with a two-column table: the per-session scans of
  // headings, events and table rows once made this quadratic (17 s for 120k).
  std::string text = "# Log\n\n";
  for (int i = 1; i <= 9000; ++i) {
    text += "## Session " + std::to_string(i) + "\n| Field | Value |\n|---|---|\n| Branch | b" + std::to_string(i) + " |\n\n";
  }
  auto log = parse(text);
  ASSERT_EQ(log.sessions.size(), 9000u);
  EXPECT_EQ(log.sessions.back().branch, "b9000");
}

TEST(ParseReferencesRules, GitLogGraphLinesInCode) {
  auto log = parse("## 2025-01-27\n\n```\n* 9a8b7c6 Merge branch 'x'\n|\\\n| * 1e2f3a4 fix: quote windows paths\n"
                   "* | b5c6d7e fix: null IN () (#58)\n|/\n```\n");
  std::set<std::string> shas;
  for (const auto& commit : log.commits) {
    shas.insert(commit.sha);
  }
  EXPECT_EQ(shas, (std::set<std::string>{"9a8b7c6", "1e2f3a4", "b5c6d7e"}));
  ASSERT_EQ(log.prs.size(), 1u);
  EXPECT_EQ(log.prs[0].number, 58);
}

TEST(ParseFieldsRules, FieldsAndADurationOnABoldSessionLine) {
  auto log = parse("# Work log\n\n**Session 1 — 2025-04-02, 09:15–11:00 PST.** Branch: `feat/s3-batch-reader`.\nSet up.\n\n"
                   "**Session 4 — 2025-04-08, ~2h, no fixed times.**\nWrote a guard.\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].branch, "feat/s3-batch-reader");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
}

TEST(ParseFindings, ASessionTitlesWordsDoNotHideItsFindings) {
  auto log = parse("# Session 81: PR #301 review follow-up\n\n## Findings\n\n| Severity | Finding |\n|---|---|\n"
                   "| P0 | Secret in workflow log |\n\n### P1 — Retry loop never backs off\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 Secret in workflow log", "P1 Retry loop never backs off"}));
  auto done = parse("# Session 7 — 2025-03-04\n\n## Work completed\n\n### P0: Fix login crash\nx\n\n## Review\n\n"
                    "### ✅ P1: Caching layer (DONE)\n\n### P2: Update docs\n");
  EXPECT_EQ(finding_texts(done), std::vector<std::string>{"P2 Update docs"});
}

TEST(ParseFieldsRules, FieldsFromOtherSessionsPlansAndWordsInsideWordsStayOut) {
  auto log = parse("## Session 12 — 2025-03-04\n\nDid work.\n\n### Plan for 2025-03-05\n- Branch: feat/next-thing\n\n"
                   "### Login bug\nTime: 10:00-11:00\n\n## Session 13 — 2025-03-05\n\n### Context from previous session\n"
                   "- Branch: feat/old\n\n### Time log\nTime: 09:00 – 10:30\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].branch, std::nullopt);
  EXPECT_EQ(log.sessions[0].start_minute, std::nullopt);
  EXPECT_EQ(log.sessions[1].branch, std::nullopt);
  EXPECT_EQ(log.sessions[1].duration_minutes, 90);
}

TEST(ParseTimesInSessions, ADurationAfterAClockAndHoursAfterAWord) {
  auto log = parse("## 2025-03-04\nTime: 14:00 (2h)\n\n## 2025-03-05\nTime: 9:30, about 3 hours\n\n"
                   "## 2025-03-06 — TTL 6h-12h tuning\nx\n", "UTC");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].duration_minutes, 180);
  EXPECT_EQ(log.sessions[2].start_minute, std::nullopt);
}

TEST(ParseSessions, OnlyAWeekdayMayStandBeforeABoldDateAndATitleYearNeedsALog) {
  EXPECT_TRUE(parse("# Notes\n\n**Updated 2025-03-01** by Ana.\n\n**Due 2025-03-20** — the beta.\n").sessions.empty());
  EXPECT_EQ(session_lines(parse("# Notes\n\n**Friday, 2025-03-07** shipped it.\n")), std::vector<int>{3});
  auto vs = parse("# Upgrading to Visual Studio 2022\n\n## March 3\nx\n\n## Session 2 — 2025-03-04\ny\n");
  ASSERT_EQ(vs.sessions.size(), 2u);
  EXPECT_EQ(vs.sessions[0].local_date, "2025-03-03"); // from the next session, not the title
  EXPECT_TRUE(parse("# Troubleshooting: worker crash\n\n## Log 1\nx\n\n## Log 2\ny\n").sessions.empty());
}

TEST(ParseSessions, ABoldDateAfterAWeekdayInAnyLanguageOrAnEntryTag) {
  auto log = parse("# Dziennik\n\n## Marzec 2025\n\n**Poniedziałek, 3 marca 2025** (godz. 9:00–12:00, gałąź: `feature/naliczenia`)\n\n"
                   "Model.\n\n**Czwartek, 6 marca 2025** (2 godz., gałąź: `feature/saldo`)\n\nPDF.\n\n"
                   "## Changelog of sessions\n\n**S1 · 2025-09-01 · 19:10–21:40 CEST** — Project scaffold.\n\n"
                   "**#2 — 2025-09-03** — Tile download.\n");
  ASSERT_EQ(session_lines(log), (std::vector<int>{5, 9, 15, 17}));
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[0].branch, "feature/naliczenia");
  EXPECT_EQ(log.sessions[1].branch, "feature/saldo");
  EXPECT_EQ(log.sessions[2].local_date, "2025-09-01");
  EXPECT_EQ(log.sessions[2].timezone, "CEST");
  EXPECT_EQ(log.sessions[3].local_date, "2025-09-03");
  // Not a release named before the date, nor a sentence's date.
  EXPECT_TRUE(parse("# Notes\n\n**Release 12 · 2025-03-01** — shipped.\n\n**Due 2025-03-20** (the beta).\n").sessions.empty());
}

TEST(ParseSessions, ATimesheetsFromToAndHoursColumnsInOtherLanguages) {
  auto log = parse("# Planilla de horas\n\nTodos los horarios en ART.\n\n| Día | Fecha | Desde | Hasta | Horas | Rama |\n"
                   "|---|---|---|---|---|---|\n| lun | 03-mar-25 | 9:00 hs | 12:30 hs | 3,5 | `feat/agenda` |\n"
                   "| vie | 07-mar-25 | — | — | 2 | `main` |\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 12 * 60 + 30);
  EXPECT_EQ(log.sessions[0].duration_minutes, 210);
  EXPECT_EQ(log.sessions[0].tz_rule, "file");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].branch, "main");
}

TEST(ParseFindings, OneRetriageOrAFindingsRowIsNoLegend) {
  auto log = parse(with_legend("# Session 5 — 2025-03-04\n\n## Findings\n\n| ID | Priority | Severity | Title |\n|---|---|---|---|\n"
                               "| 1 | P2 | High | Memory leak |\n\nRe-triaged: Medium → P1\n\n- **High**: missing rate limit\n"
                               "- **Medium**: noisy logs\n"));
  // The row's Severity column ranks it; Medium stays the legend's P2.
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 Memory leak", "P1 missing rate limit", "P2 noisy logs"}));
}

TEST(ParseReferencesRules, SquashNumbersUnderIssuesOrPlansAreIssuesButNotInGitOutput) {
  auto log = parse("# Session 12 — 2025-03-04\n\n## Work\n- fix: handle empty config (#45)\n\n## Issues filed\n"
                   "- fix: retry on 503 (#60)\n\n## Next steps\n- feat: export to CSV (#62)\n\n```\n1234567 Release 2.0 (#72)\n"
                   "deadbeef1 = 1  (#81)\n```\n");
  std::set<int> numbers;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
  }
  EXPECT_EQ(numbers, (std::set<int>{45, 72}));
}

TEST(ParseSessions, AHookLogWithNoBlankLinesIsReadLineByLine) {
  // One paragraph of bracketed lines once took md4c quadratic time; each
  // START/END line is now a block of its own, mapped back to its line.
  std::string text = "# agent runs\n";
  for (int i = 0; i < 3000; ++i) {
    text += "[START 2025-06-10T09:00:00Z] task=t" + std::to_string(i) + "\n[END 2025-06-10T10:30:00Z] status=ok\n";
  }
  auto log = parse(text);
  ASSERT_EQ(log.sessions.size(), 3000u);
  EXPECT_EQ(log.sessions.back().line_start, 2 + 2 * 2999);
  EXPECT_EQ(log.sessions.back().duration_minutes, 90);
}

TEST(ParseSessions, StartAndEndLogLinesPairUp) {
  auto log = parse("## [2026-01-28 14:12 UTC] Agent – START\nwork\n## [2026-01-28 15:02 UTC] Agent – END\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].ended_at, "2026-01-28T15:02:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 50);
}

TEST(ParseSessions, RangeHeadingTakesFirstDay) {
  auto log = parse("## Sessions 1–4 — 2025-04-01 to 2025-04-02\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-04-01");
}

TEST(ParseSessions, FooterAfterRuleIsOutsideTheSession) {
  auto log = parse("## 2025-01-01 a\nbody\n\n---\n\n*Last updated: 2025-01-02*\n\n## 2025-01-03 b\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].line_end, 2);
  EXPECT_NE(log.outside_text.find("Last updated"), std::string::npos);
}

TEST(ParseTimesInSessions, FrenchHoursNextDayMarksAndBranchesInOtherLanguages) {
  auto log = parse("# Journal\n\n## 4 mars 2025\nHoraire : 14h – 17h15\nBranche : feat/x\n\n## 5 mars 2025\nTime: 9h-12h\nRama: feat/y\n\n"
                   "## 7 mars 2025\nTime: 21:00–01:00 (+1)\n\n## 8 mars 2025\nDuration: 3 hours. Branch: release/0.4.2\n\n"
                   "## 9 mars 2025\nTime: 14h00 - 2h de tests\n", "UTC");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].start_minute, 14 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 17 * 60 + 15);
  EXPECT_EQ(log.sessions[0].branch, "feat/x");
  EXPECT_EQ(log.sessions[1].duration_minutes, 180); // computed from 9h-12h, not "9h" as nine hours
  EXPECT_EQ(log.sessions[1].branch, "feat/y");
  EXPECT_EQ(log.sessions[2].timezone, std::nullopt); // "(+1)" is the next day, not UTC+1
  EXPECT_EQ(log.sessions[2].duration_minutes, 240);
  EXPECT_EQ(log.sessions[3].branch, "release/0.4.2");
  EXPECT_EQ(log.sessions[3].duration_minutes, 180);
  EXPECT_EQ(log.sessions[4].start_minute, 14 * 60);
  EXPECT_EQ(log.sessions[4].duration_minutes, 120); // "2h de tests" after the clock, not 14 hours
}

TEST(ParseFieldsRules, ABranchInALaterSentenceInBracketsOrAsASwedishGren) {
  auto log = parse("# Journal\n\n### lundi 3 mars 2025\n\nDe 9h à 11h30. Branche : `init/projet`\n\nMise en place.\n\n"
                   "### 2025-03-21 (fre)\n\nkl. 13:00–15:30\nGren: `feature/offline-kartor`\n\n"
                   "### 2025-03-22\n\n- Lea started ORCA-311 (branch: feat/offline-orders).\n- Ken reviewed.\n\n"
                   "### 2025-03-23\n\nWe talked about it. Branches are cheap.\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].branch, "init/projet");
  EXPECT_EQ(log.sessions[0].end_minute, 11 * 60 + 30);
  EXPECT_EQ(log.sessions[1].branch, "feature/offline-kartor");
  EXPECT_EQ(log.sessions[2].branch, "feat/offline-orders");
  EXPECT_EQ(log.sessions[3].branch, std::nullopt);
}

TEST(ParseSessions, SlashDatesReadDayFirstWhenTheTextOrItsLanguageSaysSo) {
  EXPECT_EQ(parse("# Diario\n\n## Sesión 3 — 6/3/2025\nx\n").sessions.at(0).local_date, "2025-03-06");
  EXPECT_EQ(parse("# Log\n\nDeadline 15/04/2025.\n\n## 6/3/2025\nx\n").sessions.at(0).local_date, "2025-03-06");
  EXPECT_EQ(parse("# Log\n\n## 6/3/2025\nx\n").sessions.at(0).local_date, "2025-06-03");
  EXPECT_EQ(parse("# Log\n\nDue 04/15/2025, fecha\n\n## 6/3/2025\nx\n").sessions.at(0).local_date, "2025-06-03");
}

TEST(ParseTimesInSessions, ZonelessHeadingTakesTheFilesZone) {
  auto log = parse("## 2025-11-19 15:30 PST\n\n## 2025-11-19 10:01 AM\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[1].tz_rule, "file");
  EXPECT_FALSE(log.sessions[1].timezone.has_value()) << "timezone is what the session wrote";
  EXPECT_EQ(log.sessions[1].started_at, "2025-11-19T18:01:00Z");
}

TEST(ParseTimesInSessions, ZonelessFileUsesTzOptionThenUtc) {
  EXPECT_EQ(parse("## 2025-11-19 10:00\n", "Europe/Paris").sessions[0].started_at, "2025-11-19T09:00:00Z");
  auto log = parse("## 2025-11-19 10:00\n");
  EXPECT_EQ(log.sessions[0].tz_rule, "default");
  EXPECT_EQ(log.sessions[0].started_at, "2025-11-19T10:00:00Z");
}

TEST(ParseTimesInSessions, RangeAcrossMidnightEndsNextDay) {
  auto log = parse("## Session: 2025-12-05 23:30-00:45 PST\n");
  EXPECT_EQ(log.sessions[0].ended_at, "2025-12-06T08:45:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 75);
  EXPECT_EQ(log.sessions[0].duration_source, "computed");
}

TEST(ParseTimesInSessions, StatedDurationWinsOverRange) {
  auto log = parse("## Session: 2025-12-04 1:00-2:00 PM PST\n**Duration**: ~75 minutes\n");
  EXPECT_EQ(log.sessions[0].duration_minutes, 75);
  EXPECT_EQ(log.sessions[0].duration_source, "stated");
}

TEST(ParseTimesInSessions, StartedNoteInDurationGivesStart) {
  auto log = parse("## Session: 2025-11-19\n**Duration**: ~3 hours (started 10:01 AM)\n");
  EXPECT_EQ(log.sessions[0].start_minute, 601);
  EXPECT_EQ(log.sessions[0].duration_minutes, 180);
}

TEST(ParseTimesInSessions, CjkStartAndEndLines) {
  auto log = parse("### [日期：2025.12.28（周日）] - Step 0.1\n\n#### 时间记录\n- 开始：2025.12.28 9：00\n- 结束：2025.12.28 10：26\n");
  EXPECT_EQ(log.sessions[0].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[0].duration_minutes, 86);
}

TEST(ParseTimesInSessions, InvalidTimeKeepsDateWithWarning) {
  auto log = parse("## Session: 2025-07-14 25:61\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-07-14");
  EXPECT_FALSE(log.sessions[0].started_at.has_value());
  EXPECT_TRUE(has_warning(log, "unrecognised time \"25:61\""));
}

TEST(ParseFields, PipeSeparatedFieldsAndBranchCleanup) {
  auto log = parse("## Session: x (January 14, 2026)\n**Duration**: ~30 minutes | **Status**: done | **Branch**: feature/a (later renamed)\n");
  EXPECT_EQ(log.sessions[0].duration_minutes, 30);
  EXPECT_EQ(log.sessions[0].branch, "feature/a");
}

TEST(ParseFields, PreviousBranchIsNotTheBranch) {
  auto log = parse("# Session Log - November 17, 2025\n## Session Info\n- **Previous Branch Merged:** a/b\n- **Branch:** claude/x\n");
  EXPECT_EQ(log.sessions[0].branch, "claude/x");
}

TEST(ParseFields, FocusSynonyms) {
  auto log = parse("## 2025-01-01\n**Goal**: ship it\n");
  EXPECT_EQ(log.sessions[0].focus, "ship it");
}

TEST(ParseFields, BranchFromPipeHeading) {
  auto log = parse("## 2025-12-04 | feat/search | Ranking tweaks\n");
  EXPECT_EQ(log.sessions[0].branch, "feat/search");
}

TEST(ParseSessions, ChineseMonthDayTakesTheYearFromTheFile) {
  auto log = parse("# 日志\n\n## 5月3日 周六\n休息\n\n## 5月份总结\n\n## 2025年5月4日\n继续\n");
  ASSERT_EQ(log.sessions.size(), 2u); // "5月份" (the month of May) is no date
  EXPECT_EQ(log.sessions[0].local_date, "2025-05-03");
  EXPECT_TRUE(log.sessions[0].date_year_inferred);
  EXPECT_EQ(log.sessions[1].local_date, "2025-05-04");
}

TEST(ParseSessions, YearIsInferredPastAnotherMonthDayDate) {
  auto log = parse("# Notes\n\nJan 3 was the kickoff.\n\n## Jan 15\nx\n\nWritten 2024-02-01.\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2024-01-15");
}

TEST(ParseFields, TimeAfterTheDateInADateField) {
  auto log = parse("## Session 42 - Follow up\n\n- Date: Dec 21, 2025 3pm-5pm EST\n- Branch: `fix/notify`\n\n"
                   "## Session 43\n\n**Date**: 2025-12-22 (Monday)\n**Time**: 09:00-10:00 UTC\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].started_at, "2025-12-21T20:00:00Z");
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].started_at, "2025-12-22T09:00:00Z"); // no time in the date: the Time field
}

TEST(ParseFields, KeyValuePartsOfAPipedHeading) {
  auto log = parse("## Session: 2025-10-15 | Duration: 2.5h | Branch: main\n- did a\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 150);
  EXPECT_EQ(log.sessions[0].branch, "main");
}

TEST(ParseFields, DateOpeningTheFirstLineUnderAnUndatedHeading) {
  auto log = parse("## Session 5\n*June 3, 2025, 10:00–11:30 CEST*\n\nDid things.\n\n"
                   "## Session 6\n\n_2025-06-04 · 14:00–15:00 UTC_\n\n## Session 7\nWe talked about 2025-06-09 plans.\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-06-03");
  EXPECT_EQ(log.sessions[0].started_at, "2025-06-03T08:00:00Z");
  EXPECT_EQ(log.sessions[1].started_at, "2025-06-04T14:00:00Z");
  EXPECT_EQ(log.sessions[2].local_date, std::nullopt); // the date does not open the line
  EXPECT_FALSE(parse("## Session 5\n2024-12-01 was when we first saw this bug in the importer.\n")
                   .sessions.at(0).local_date.has_value()); // a sentence, not a dateline
}

TEST(ParseFields, StartAndEndOnOneLine) {
  auto log = parse("## 2025-06-06\nStarted: 9:15am, Finished: 11:40am\n\n## 2025-06-07\n**Start:** 10:00, **End:** 10:45 UTC\n"
                   "\n## 2025-06-08\nNotes: fixed the end, ended up fine\n"
                   "\n## 2025-06-09\nStarted: 10:00. Finished: 12:00.\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 145);
  EXPECT_EQ(log.sessions[1].duration_minutes, 45);
  EXPECT_EQ(log.sessions[2].duration_minutes, std::nullopt);
  EXPECT_EQ(log.sessions[3].end_minute, 12 * 60); // two sentences
  EXPECT_EQ(log.sessions[3].duration_minutes, 120);
}

TEST(ParseFields, AnEndSentenceUnderAStartAndAStartSentenceAlone) {
  auto log = parse("## Thu 14 Aug 2025, 10:05 (UTC+2)\n\nBranch: `exp/x`\nFinished 12:40.\n\n- a\n\n"
                   "## Tue 19 Aug 2025, 23:15\n\nEnded 01:05 (long training run).\n\n"
                   "## 2025-03-05\n\nStarted 20:10. Didn't write down when I stopped.\n\n"
                   "## 2025-03-13\n\nStarted around 19:30\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 155);
  EXPECT_EQ(log.sessions[0].branch, "exp/x");
  EXPECT_EQ(log.sessions[1].duration_minutes, 110); // past midnight
  EXPECT_EQ(log.sessions[2].start_minute, 20 * 60 + 10);
  EXPECT_EQ(log.sessions[2].end_minute, std::nullopt);
  EXPECT_EQ(log.sessions[3].start_minute, 19 * 60 + 30);
  auto wrapped = parse("## 2025-06-02\nStarted 10:40, wrapped 18:05 JST.\n");
  EXPECT_EQ(wrapped.sessions.at(0).duration_minutes, 445);
  EXPECT_EQ(wrapped.sessions.at(0).timezone, "JST");
  // A step's end is not the session's: "Finished 09:40, then moved on".
  auto step = parse("## 2025-08-14, 09:00\nTriage first.\nFinished 09:40, then moved on to the parser rewrite.\n");
  EXPECT_EQ(step.sessions.at(0).end_minute, std::nullopt);
  // The time right after a bold date on its line, bare or in brackets; not one later in the sentence.
  auto inline_time = parse("# Devlog\n\n**2025-06-03** (evening, 20:15–23:40)\n- a\n\n**2025-06-04** 09:00–10:30 fixed it\n- b\n\n"
                           "**2025-06-05** did things for two hours, then 10:00-11:00 standup\n");
  ASSERT_EQ(inline_time.sessions.size(), 3u);
  EXPECT_EQ(inline_time.sessions[0].duration_minutes, 205);
  EXPECT_EQ(inline_time.sessions[1].duration_minutes, 90);
  EXPECT_EQ(inline_time.sessions[2].start_minute, std::nullopt);
  auto bold = parse("# Log\n\n**May 19, 2025**\n\n_12:00–14:15_\n\n- b\n\n**May 20, 2025**\n\n- c\n\nFinished 11:00.\n");
  ASSERT_EQ(bold.sessions.size(), 2u);
  EXPECT_EQ(bold.sessions[0].duration_minutes, 135); // a bold date's time line
  EXPECT_EQ(bold.sessions[1].end_minute, std::nullopt); // no start, and not just under the date
}

TEST(ParseFields, ATotalFieldIsTheStatedDuration) {
  auto log = parse("## 2025-03-01\nTotal: 3h20\n\n## 2025-03-02\n**Tiempo total:** ~3 horas\n\n## 2025-03-03\n合計: 4.5時間\n\n"
                   "## 2025-03-04\nTotal: 204 tests\n\n## 2025-03-05\n**Time:** 09:00–12:00, 13:00–15:30 UTC\nTotal: 5h\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 200);
  EXPECT_EQ(log.sessions[1].duration_minutes, 180);
  EXPECT_EQ(log.sessions[2].duration_minutes, 270);
  EXPECT_EQ(log.sessions[3].duration_minutes, std::nullopt); // a count, no duration
  EXPECT_EQ(log.sessions[4].duration_minutes, 300);          // stated, not the span of the two ranges
  EXPECT_EQ(log.sessions[4].end_minute, 15 * 60 + 30);
  // After a sentence, a field or in brackets; a timer emoji in the heading; a tilde opening the first line.
  auto more = parse("## 2025-03-09\nSunday, short one. Total: 1h10\n\n## 2025-03-07\nTime: 18:00–19:30 + 21:00–22:15 (Total: 2h45)\n\n"
                    "## 2025-04-03\n**Time:** 09:00–12:00, 13:00–15:30 UTC · **Total:** 5h30\n\n"
                    "## 2025-03-21\nStarted: 13:00. Finished: 17:30. Total: 3h50 (lunch in between)\n\n"
                    "## 2025-08-15 — afternoon ⏱ 45m\n- a\n\n## 2025-03-06\n\n~45 min on the train\n");
  ASSERT_EQ(more.sessions.size(), 6u);
  EXPECT_EQ(more.sessions[0].duration_minutes, 70);
  EXPECT_EQ(more.sessions[1].duration_minutes, 165);
  EXPECT_EQ(more.sessions[2].duration_minutes, 330);
  EXPECT_EQ(more.sessions[2].end_minute, 15 * 60 + 30);
  EXPECT_EQ(more.sessions[3].duration_minutes, 230);
  EXPECT_EQ(more.sessions[3].end_minute, 17 * 60 + 30);
  EXPECT_EQ(more.sessions[4].duration_minutes, 45);
  EXPECT_EQ(more.sessions[5].duration_minutes, 45);
  // Totals of something else leave the heading's span: in a list item, after a label without clock times,
  // or with more than a duration.
  auto others = parse("## 2025-08-11 09:00–11:00\n- CI timing — build: 4m, tests: 12m. Total: 16m\n\n"
                      "## 2025-08-12 09:00–11:00\nDowntime during deploy · Total: 5 min\n\n"
                      "## 2025-08-13 09:00–11:00\nTotal: 3 PRs merged, 1h review backlog left.\n\n"
                      "## 2025-08-14 09:00–17:00\nTotal: 3h20 of CPU across 8 workers\n\n"
                      "## 2025-08-15 09:00–12:00\n~20 min CI runs are too slow; started caching.\n");
  ASSERT_EQ(others.sessions.size(), 5u);
  EXPECT_EQ(others.sessions[0].duration_minutes, 120);
  EXPECT_EQ(others.sessions[1].duration_minutes, 120);
  EXPECT_EQ(others.sessions[2].duration_minutes, 120);
  EXPECT_EQ(others.sessions[3].duration_minutes, 480);
  EXPECT_EQ(others.sessions[4].duration_minutes, 180);
}

TEST(ParseSections, KindsFromSynonyms) {
  auto log = parse("## 2025-01-01\n### What We Did\n- a\n### Decisions Made\n- b\n### Next Session Plan\n- c\n### Blockers/Issues\n- d\n");
  ASSERT_EQ(log.sessions[0].sections.size(), 4u);
  EXPECT_EQ(log.sessions[0].sections[0].kind, model::SectionKind::work_completed);
  EXPECT_EQ(log.sessions[0].sections[1].kind, model::SectionKind::decisions);
  EXPECT_EQ(log.sessions[0].sections[2].kind, model::SectionKind::next_steps);
  EXPECT_EQ(log.sessions[0].sections[3].kind, model::SectionKind::blockers);
}

TEST(ParseSections, KindsInChineseJapaneseSpanishAndGerman) {
  auto log = parse("## 2025-05-01\n### 今日完成\n- a\n### 明日计划\n- b\n### 遇到的问题\n- c\n### 次回やること\n- d\n"
                   "### 決定事項\n- e\n### Próximos pasos\n- f\n### Nächste Schritte\n- g\n### Plan for tomorrow\n- h\n### 计划\n- i\n");
  using K = model::SectionKind;
  std::vector<K> kinds;
  for (const auto& section : log.sessions[0].sections) {
    kinds.push_back(section.kind);
  }
  EXPECT_EQ(kinds, (std::vector<K>{K::work_completed, K::next_steps, K::blockers, K::next_steps, K::decisions,
                                   K::next_steps, K::next_steps, K::next_steps, K::other})); // 计划: the session's own plan
  // "下次会话" (next session), "下周计划": plans, so a level there is no finding.
  auto next = parse("## 2025-06-02\n### 完成\n- x\n### 下次会话\n- 处理 P3：清理 console.log\n### 下周计划\n- [P2] 颜色问题\n");
  ASSERT_EQ(next.sessions.at(0).sections.size(), 3u);
  EXPECT_EQ(next.sessions[0].sections[1].kind, K::next_steps);
  EXPECT_EQ(next.sessions[0].sections[2].kind, K::next_steps);
  EXPECT_TRUE(next.findings.empty());
}

TEST(ParseItems, DoneStatesAndDepth) {
  auto log = parse("## 2025-01-01\n- [x] done task\n- [ ] open task\n- ✅ ticked\n- ❌ failed\n- ~~struck~~\n- plain\n  - nested\n");
  const auto& items = log.sessions[0].items;
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].done, true);
  EXPECT_EQ(items[1].done, false);
  EXPECT_EQ(items[2].done, true);
  EXPECT_EQ(items[3].done, false);
  EXPECT_EQ(items[4].done, true);
  EXPECT_FALSE(items[5].done.has_value());
  EXPECT_EQ(items[6].depth, 1);
}

TEST(ParseFindings, EachItemUnderASeverityLabelIsOneFinding) {
  auto log = parse("## 2025-01-01\n**Critical Issues (P1 - Block Merge):**\n1. one\n2. two\n   - detail\n\n**Important (P2):**\n- three\n");
  ASSERT_EQ(log.findings.size(), 3u);
  EXPECT_EQ(log.findings[0].severity, "P1");
  EXPECT_EQ(log.findings[1].title, "two");
  EXPECT_EQ(log.findings[2].severity, "P2");
}

TEST(ParseFindings, InlineMarkersAndWordsMapToLevels) {
  auto log = parse("## 2025-01-01\n### Review\n- [P2] slow query\n- Critical: token leak\n\nLegend: Critical = P0, High = P1.\n");
  ASSERT_EQ(log.findings.size(), 2u);
  EXPECT_EQ(log.findings[0].severity, "P2");
  EXPECT_EQ(log.findings[1].severity, "P0");
  // Without the legend the word names no level.
  EXPECT_EQ(finding_texts(parse("## 2025-01-01\n### Review\n- [P2] slow query\n- Critical: token leak\n")),
            (std::vector<std::string>{"P2 slow query"}));
}

// "P1 title" for each finding of a session whose review section lists `items`.
std::vector<std::string> review_findings(std::string_view items) {
  std::vector<std::string> found;
  for (const auto& finding : parse("## 2025-01-01\n### Review\n" + std::string(items)).findings) {
    found.push_back(finding.severity + " " + finding.title);
  }
  return found;
}

TEST(ParseFindings, SeverityLabelBeforeTheTitle) {
  EXPECT_EQ(review_findings(with_legend("- **Severity: High** — race in cache\n- Severity: P3 - typo in help\n"
                                        "- Severity of the outage was low\n")),
            (std::vector<std::string>{"P1 race in cache", "P3 typo in help"}));
}

TEST(ParseFindings, ASeverityFieldOfABugReportIsNoFinding) {
  EXPECT_TRUE(review_findings("- **Severity**: Low (cosmetic)\n").empty());
}

TEST(ParseFindings, CodeReviewShorthand) {
  EXPECT_EQ(review_findings("- Must-fix: leaks the token\n- Should-fix: retries\n- Nit: rename x\n"
                            "- A nit about naming was discussed\n\nLegend: Must-fix = P1, Should-fix = P2, Nit = P3.\n"),
            (std::vector<std::string>{"P1 leaks the token", "P2 retries", "P3 rename x"}));
}

TEST(ParseFindings, ABlockerFieldIsTheSessionsBlockerNotAFinding) {
  auto log = parse("## 2025-01-02\n- Blocker: waiting on infra\n- Blockers: none\n- [BLOCKER] logout leaks the cart\n"
                   "- Blocker — data loss on crash\n");
  // Without a legend, no Blocker ranks a finding; lint notes the two set off as findings, not the fields.
  EXPECT_TRUE(log.findings.empty());
  EXPECT_FALSE(has_note(log, 2, "maps to no P-level"));
  EXPECT_TRUE(has_note(log, 4, "maps to no P-level"));
  EXPECT_TRUE(has_note(log, 5, "maps to no P-level"));
  // Unless the file's legend makes Blocker a level.
  log = parse("Severity legend: Blocker = P0, Major = P1, Minor = P2.\n\n## 2025-01-03\n1. Blocker: token refresh deadlocks\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P0 token refresh deadlocks"}));
}

TEST(ParseFindings, TaskPriorityAndBannersAreNotFindings) {
  auto log = parse("## 2025-01-01\n**Priority**: High\n\n**CRITICAL - Before Using App:**\n- back up data\n\n### Next Steps\n- P1: implement cache\n");
  EXPECT_TRUE(log.findings.empty());
}

TEST(ParseReferences, OutsideSessionsKeepNoSession) {
  auto log = parse("Intro mentions PR #5.\n\n## 2025-01-01\nCommit: 1a2b3c4\n");
  ASSERT_EQ(log.prs.size(), 1u);
  EXPECT_EQ(log.prs[0].session, model::k_no_session);
  ASSERT_EQ(log.commits.size(), 1u);
  EXPECT_EQ(log.commits[0].session, 0);
}

TEST(ParseInput, EmptyFileWarnsAndHasNoSessions) {
  auto log = parse("");
  EXPECT_TRUE(log.sessions.empty());
  EXPECT_TRUE(has_warning(log, "empty"));
}

TEST(ParseInput, NoSessionsWarnsOnceAndKeepsText) {
  auto log = parse("# Ideas\n- one\n");
  EXPECT_TRUE(has_warning(log, "no sessions found"));
  EXPECT_EQ(log.outside_text, "# Ideas\n- one");
}

TEST(ParseInput, CrlfAndBomKeepLineNumbers) {
  auto log = parse("\xEF\xBB\xBF# Log\r\n\r\n## 2025-08-01 x\r\nCommit: 1a2b3c4\r\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].line_start, 3);
  EXPECT_EQ(log.commits.at(0).line, 4);
  EXPECT_EQ(log.sessions[0].body.find('\r'), std::string::npos);
}

TEST(ParseInput, InvalidUtf8IsReplacedWithOneWarning) {
  auto log = parse("## 2025-01-01 a\nbad \xFF\xFE bytes\nmore \xC3\n");
  int warnings = 0;
  for (const auto& d : log.diagnostics) {
    warnings += d.message.find("invalid UTF-8") != std::string::npos;
  }
  EXPECT_EQ(warnings, 1);
  EXPECT_NE(log.sessions[0].body.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(ParseInput, Utf16WithBomIsDecoded) {
  const std::string utf16("\xFF\xFE#\0 \0" "2\0" "0\0" "2\0" "5\0" "-\0" "0\0" "1\0" "-\0" "0\0" "2\0", 26);
  auto log = parse(utf16);
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-01-02");
}

TEST(ParseInput, NulBytesAreReplaced) {
  auto log = parse(std::string("## 2025-01-01\nx\0y\n", 19));
  EXPECT_TRUE(has_warning(log, "NUL"));
  EXPECT_EQ(log.sessions.size(), 1u);
}

TEST(ParseInput, UnterminatedFenceWarns) {
  auto log = parse("## 2025-01-01\n```\n## 2025-01-02\n");
  EXPECT_EQ(log.sessions.size(), 1u);
  EXPECT_TRUE(has_warning(log, "never closed"));
}

TEST(ParseInput, NoFinalNewlineAndTabs) {
  auto log = parse("## 2025-01-01\t\ttitle\n**Branch**:\tfix/tabs");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].branch, "fix/tabs");
}

TEST(ParseInput, HugeSingleLineDoesNotBreak) {
  std::string text = "## 2025-01-01 big\n";
  text.append(5 * 1024 * 1024, 'a');
  auto log = parse(text);
  EXPECT_EQ(log.sessions.size(), 1u);
}

TEST(ParseInput, DeeplyNestedListDoesNotBreak) {
  std::string text = "## 2025-01-01\n";
  for (int i = 0; i < 2000; ++i) {
    text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  }
  auto log = parse(text);
  EXPECT_EQ(log.sessions.size(), 1u);
}

TEST(ParseInput, DuplicatedSessionsAreKeptWithAWarning) {
  auto log = parse("## 2025-07-10 a\nsame\n\n## 2025-07-10 a\nsame\n");
  EXPECT_EQ(log.sessions.size(), 2u);
  EXPECT_TRUE(has_warning(log, "repeats"));
}

} // namespace
} // namespace seshdb::parse

namespace seshdb::parse {
namespace {

TEST(ParseFindingsRules, CountingSentencesAndSessionTitlesAreNotLabels) {
  auto log = parse("## 2025-06-17 - Critical Completion Bug Fix\n- all tests pass\n\nFixed 5 critical compilation errors:\n- a\n- b\n");
  EXPECT_TRUE(log.findings.empty());
}

TEST(ParseFindingsRules, NegatedSeverityIsNotALabel) {
  auto log = parse("## 2025-01-01\n### Deprecation Warnings (Non-critical)\n- uses deprecated API\n");
  EXPECT_TRUE(log.findings.empty());
}

TEST(ParseFindingsRules, BoldFindingWithSeverityIdentifier) {
  auto log = parse(with_legend("## 2025-01-01\n**CRITICAL-NEW-001: GITHUB_OUTPUT Injection**\n- Location: steps\n\n"
                               "- HIGH-002: exit detection fragile\n"));
  ASSERT_EQ(log.findings.size(), 2u);
  EXPECT_EQ(log.findings[0].title, "GITHUB_OUTPUT Injection");
  EXPECT_EQ(log.findings[1].severity, "P1");
}

TEST(ParseFindingsRules, BareLevelItemsUnderASessionsReviewHeading) {
  auto log = parse("## 2025-03-04\n\n### Review\n\n- **P1** `Unregister` still holds the lock\n- **P2** naming\n\n"
                   "## 2025-03-05\n\n### Sprint review\n\n- P1 customers first\n\n"
                   "## 2025-03-06\n\n### Review\n- **P1** ship search — done\n- **P2** docs — slipped to tomorrow\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 Unregister still holds the lock", "P2 naming"}));
}

TEST(ParseFindingsRules, ALevelInBoldOpeningAnItemIsItsLabel) {
  // Where findings are listed: a review heading, or a line that introduces the list.
  auto log = parse("## 2025-06-02\n\n### Review notes — [[PR 212 WAL mode]]\n- **P1** `wal_checkpoint()` runs under a read\n"
                   "- **P3** ship docs — done\n- [ ] **P1** write the migration\n- the **P1** label is bold here\n\n"
                   "### Next steps\n- **P1** add a test\n\n### Notes\n\nReview from @dana-k on #318:\n\n"
                   "- 🔴 **P2** buffer is never shrunk\n\n### Plan\n- **P1** migrate the config loader\n\n"
                   "### Review notes on PR #212\n- P2 help text misses --wal\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 wal_checkpoint() runs under a read",
                                                          "P2 buffer is never shrunk", "P2 help text misses --wal"}));
}

TEST(ParseFindingsRules, BareLevelItemsNestedUnderAnItemThatNamesFindings) {
  auto log = parse("## 2025-06-11\n\n- Reviewer (copilot) findings:\n  - **P1** eslint ignores dist/ on Linux\n"
                   "  - **P2** duplicate @types/node\n- Plan:\n  - P1 ship the fix\n- Issues to tackle next week:\n"
                   "  - P1 migrate to node 22\n");
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P1 eslint ignores dist/ on Linux", "P2 duplicate @types/node"}));
}

TEST(ParseFindingsRules, BareLevelHeadingsUnderFindingsOrOpenedByAColour) {
  auto log = parse(with_legend("## 2025-11-20 PR #88 review\n\n### 🟡 Important\n- Missing index on users.email\n\n"
                               "### 🟢 Nice to have\n- Rename fooBar\n\n### Review findings\n\n#### High\n- Race in cache\n\n"
                               "### Notes\n\n#### Important\n- Call the vendor on Monday\n"));
  const auto found = finding_texts(log);
  // "#### Important" under "### Notes" is no finding.
  EXPECT_EQ(found, (std::vector<std::string>{"P2 Missing index on users.email", "P3 Rename fooBar", "P1 Race in cache"}));
}

TEST(ParseFindingsRules, FindingHeadingsWithASeverityFieldAndMustShouldFix) {
  auto log = parse(with_legend("## 2025-03-01 review\n\n### Finding 1: SQL injection in search\n\n- **Severity:** High\n"
                               "- **File:** api/search.py\n\n### Finding 2: Missing index\n\n**Severity**: Low\n\n"
                               "### Must fix\n\n- Race between invalidation and write\n\n### Should fix\n\n- Metric for hits\n"));
  // In the order the file states them.
  EXPECT_EQ(finding_texts(log),
            (std::vector<std::string>{"P1 SQL injection in search", "P3 Missing index",
                                      "P1 Race between invalidation and write", "P2 Metric for hits"}));
}

TEST(ParseFindingsRules, ALevelThatClosesAFindingsItem) {
  auto log = parse(with_legend("## 2025-03-02 review\n\n### Review findings\n\n- Null deref in `parse()` (high)\n"
                               "- Unused import — low\n- Typo in README [P3]\n- Refactor plan - step 2\n"
                               "- Task 1.1: Fix command injection (CRITICAL)\n\n### Next steps\n\n- Improve throughput (high)\n"
                               "\n### Notes\n\n- Latency was high - medium\n"));
  EXPECT_EQ(finding_texts(log),
            (std::vector<std::string>{"P1 Null deref in parse()", "P3 Unused import", "P3 Typo in README"}));
}

TEST(ParseFindingsRules, TasksAndSprintReviewsAreNotFindings) {
  auto log = parse(with_legend("## 2025-05-02 work\n\n### Issue #45: Implement CSV export\n- **Priority:** High\n\n"
                               "### Sprint review\n- Velocity - high\n- Bumped React 18 to 19 (major)\n\n"
                               "### Review findings\n- [ ] Add retry to fetch (P2)\n- Cache never expires (medium)\n\n"
                               "### Finanzierung\n**Mittel:**\n- Förderung durch das BMBF\n"));
  EXPECT_EQ(finding_texts(log), (std::vector<std::string>{"P2 Cache never expires"}));
}

TEST(ParseFindingsRules, LevelWordsInOtherLanguagesWhereTheFileMapsThem) {
  const std::string items = "### Befunde\n\n- **Kritisch:** SQL-Injection im Suchfeld\n- Mittel: Cache läuft nie ab\n"
                            "- **Niedrig:** Tippfehler\n";
  auto mapped = parse("# Protokoll\n\nStufen: Kritisch = P1, Mittel = P2, Niedrig = P3.\n\n## 2025-03-04 Review\n\n" + items);
  EXPECT_EQ(finding_texts(mapped), (std::vector<std::string>{"P1 SQL-Injection im Suchfeld", "P2 Cache läuft nie ab",
                                                             "P3 Tippfehler"}));
  // Without the legend they are words of the text (as the corpus truth counts them).
  EXPECT_TRUE(parse("## 2025-03-04 Review\n\n" + items).findings.empty());
  // A legend of a word and its level in brackets, or one pairing a line.
  auto swedish = parse("# Logg\n\nAllvarlighetsgrad: **Kritisk** (P0), **Hög** (P1), **Medel** (P2).\n\n## 2025-03-05\n\n"
                       "### Granskning\n\n- **Hög:** cachen rensas aldrig\n");
  EXPECT_EQ(finding_texts(swedish), (std::vector<std::string>{"P1 cachen rensas aldrig"}));
  auto vietnamese = parse("# Nhật ký\n\n- Nghiêm trọng → P0\n- Cao → P1\n\n## 2025-03-05\n\n### Review\n\n"
                          "- **Nghiêm trọng:** API lộ khóa\n- Cao: thiếu kiểm tra\n");
  EXPECT_EQ(finding_texts(vietnamese), (std::vector<std::string>{"P0 API lộ khóa", "P1 thiếu kiểm tra"}));
  auto table = parse("# Bitácora\n\n| Nivel | P | Significado |\n|---|---|---|\n| **Crítico** | P0 | rompe producción |\n"
                     "| 🟠 **Alto** | P1 | antes del release |\n\n## 2025-03-05\n\n### Revisión\n\n1. **[Alto]** falta validar RFC\n");
  EXPECT_EQ(finding_texts(table), (std::vector<std::string>{"P1 falta validar RFC"}));
}

TEST(ParseFindingsRules, DashSetLevelsAndLevelsWithNothingAtThem) {
  auto log = parse("## 2025-03-03 review\n### Findings\n- P0: none\n- P1: N/A\n- **P2:** None found\n"
                   "- **P2** — eviction 4 is wrong\n- P3 – rename foo\n- P1: real bug\n");
  const auto found = finding_texts(log);
  EXPECT_EQ(found, (std::vector<std::string>{"P2 eviction 4 is wrong", "P3 rename foo", "P1 real bug"}));
}

TEST(ParseFindingsRules, TheTitleOfATableFindingComesFromItsNamedColumn) {
  auto log = parse(with_legend("## 2025-01-01\n| # | Severity | Location | Finding |\n|---|---|---|---|\n"
                               "| 1 | Critical | a.go:1 | Div by zero |\n\n| ID | Severity | Where |\n|---|---|---|\n"
                               "| F-1 | P2 | cache.go |\n"));
  ASSERT_EQ(log.findings.size(), 2u);
  EXPECT_EQ(log.findings[0].title, "Div by zero");
  EXPECT_EQ(log.findings[1].title, "cache.go"); // no named column: the first that is no row id
}

TEST(ParseFindingsRules, PriorityColumnRowsAreFindings) {
  auto log = parse("## 2025-01-01\n| Priority | Risk |\n|---|---|\n| P0 | API latency |\n| P1 | Hook timing |\n");
  ASSERT_EQ(log.findings.size(), 2u);
  EXPECT_EQ(log.findings[0].severity, "P0");
  EXPECT_EQ(log.findings[0].title, "API latency");
}

TEST(ParseReferencesRules, NumberedListOfBacktickedHashes) {
  auto log = parse("## 2025-11-18\n### Commits\n1. `5923255` - fix layout\n2. `6197503` - all-digit hash\n");
  ASSERT_EQ(log.commits.size(), 2u);
  EXPECT_EQ(log.commits[1].sha, "6197503");
}

TEST(ParseReferencesRules, ShortFormOfAFullHashNamedElsewhere) {
  auto log = parse("## 2025-01-01\nCommit: d491a12bbf16c5b6c1c2f07aa1b2c3d4e5f60718\n\nLater **main** (d491a12) differs.\n");
  ASSERT_EQ(log.commits.size(), 2u);
  EXPECT_EQ(log.commits[1].sha, "d491a12");
}

TEST(ParseReferencesRules, PrListsInParenthesesAndAfterAnnotations) {
  auto log = parse("Notifications on merged PRs (#137, #135, …, #55); PR #206 (PASS) and #141 (PASS).\n");
  std::set<int> numbers;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
  }
  EXPECT_EQ(numbers, (std::set<int>{137, 135, 55, 206, 141}));
}

TEST(ParseReferencesRules, PrColumnOfATable) {
  auto log = parse("| Session | PR | Status |\n|---|---|---|\n| 58 | #53 | done |\n");
  ASSERT_EQ(log.prs.size(), 1u);
  EXPECT_EQ(log.prs[0].number, 53);
}

TEST(ParseReferencesRules, IdentifiersContainingPrAreNotPrs) {
  EXPECT_TRUE(parse("Skill-PR-003 applied; see PR-007 style ids\n").prs.empty());
}

TEST(ParseReferencesRules, PlannedMergeIsNotAMergedAction) {
  auto log = parse("Once PR #296 is merged we continue. DO NOT MERGE PR #60.\n");
  ASSERT_EQ(log.prs.size(), 2u);
  EXPECT_FALSE(log.prs[0].action.has_value());
  EXPECT_FALSE(log.prs[1].action.has_value());
}

TEST(ParseFieldsRules, KeyValueTableGivesDateAndBranch) {
  auto log = parse("# Session 308: Skills research\n\n| Attribute | Value |\n|---|---|\n| Date | 2026-01-04 |\n| Branch | `feat/token-opt` |\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2026-01-04");
  EXPECT_EQ(log.sessions[0].branch, "feat/token-opt");
}

TEST(ParseFieldsRules, BranchLabelsAfterEmojiAndWithProse) {
  auto log = parse("## 2025-01-01\n- ✅ **Feature Branch**: Created `feature/issue-16-data`\n");
  EXPECT_EQ(log.sessions[0].branch, "feature/issue-16-data");
  auto prose = parse("## 2025-01-01\n**Branch**: Created\n");
  EXPECT_FALSE(prose.sessions[0].branch.has_value());
}

TEST(ParseFieldsRules, LaterTotalDurationWhenTheFirstHasNoNumber) {
  auto log = parse("## 2025-01-01\n**Duration**: Brief afternoon session\n\n### Wrap-up\n**Total Duration**: ~30 minutes\n");
  EXPECT_EQ(log.sessions[0].duration_minutes, 30);
}

TEST(ParseSessionsRules, EventDatesInHeadingsDoNotMakeSessions) {
  EXPECT_TRUE(parse("## Recently Completed\n### **PR #93 - Build Portability** (Merged 2026-01-13)\n- x\n").sessions.empty());
}

TEST(ParseSessionsRules, LabelledSessionWithoutDate) {
  auto log = parse("## Sessions\n### **Previous Session: Configuration Tab Order**\n**Duration**: ~1 hour\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 60);
}

} // namespace
} // namespace seshdb::parse

namespace seshdb::parse {
namespace {

TEST(ParseFindingsRules, PriorityLabelWithExplicitLevelIsAFindingLabel) {
  auto log = parse("## 2025-01-01\n**High Priority (P1):**\n1. token leak\n2. open redirect\n");
  ASSERT_EQ(log.findings.size(), 2u);
  EXPECT_EQ(log.findings[0].severity, "P1");
}

TEST(ParseSessionsRules, StruckThroughDateInAHeadingIsACorrection) {
  auto log = parse("# Dev log\n\n## ~~2025-08-21~~ 2025-08-20 10:00-12:00\n\n- did things\n\n## 2025-08-22\n\n- more\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-08-20");
  EXPECT_EQ(log.sessions[0].title, "2025-08-20 10:00-12:00");
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  // Struck through whole, a heading keeps its text.
  auto whole = parse("## ~~2025-08-21~~\n\n- cancelled\n");
  ASSERT_EQ(whole.sessions.size(), 1u);
  EXPECT_EQ(whole.sessions[0].local_date, "2025-08-21");
}

TEST(ParseSessionsRules, KoreanClocksRangesAndLabels) {
  auto log = parse("# 개발 일지\n\n## 2025년 3월 14일 (금) 오후 2시 ~ 오후 5시 30분\n\n- 커밋 3f9a2c1\n\n"
                   "## 2025년 3월 15일 오전 9시부터 11시 반까지\n\n- 캐시\n\n"
                   "## 2025-03-16 오후 11시 ~ 다음날 새벽 1시\n\n- 배포\n\n"
                   "## 2025-03-17\n\n**작업 시간:** 3시간 30분\n\n- 회의\n");
  ASSERT_EQ(log.sessions.size(), 4u);
  EXPECT_EQ(log.sessions[0].start_minute, 14 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 17 * 60 + 30);
  EXPECT_EQ(log.sessions[1].start_minute, 9 * 60);
  EXPECT_EQ(log.sessions[1].end_minute, 11 * 60 + 30);
  EXPECT_EQ(log.sessions[2].start_minute, 23 * 60);
  EXPECT_EQ(log.sessions[2].duration_minutes, 120);
  EXPECT_EQ(log.sessions[3].duration_minutes, 210);
  ASSERT_EQ(log.commits.size(), 1u);
  EXPECT_EQ(log.commits[0].sha, "3f9a2c1");
  // 시간 is hours spent, not a clock: "3시간" starts nothing.
  auto spent = parse("## 2025-03-18 회의 3시간\n\n- 정리\n");
  ASSERT_EQ(spent.sessions.size(), 1u);
  EXPECT_FALSE(spent.sessions[0].start_minute.has_value());
}

TEST(ParseFieldsRules, FieldsJoinedByMiddotsAndRomanceLabels) {
  auto log = parse("# Diário\n\nDev: Rafael M. · Fuso horário: America/Sao_Paulo (BRT)\n\n"
                   "### Sessão 17/02/2025\n\nInício: 08h45 · Fim: 10h05 · Duração: 1h20\n\n- PDF\n\n"
                   "### Sessão 18/02/2025\n\nTempo: 2h\n\n- docs\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].start_minute, 8 * 60 + 45);
  EXPECT_EQ(log.sessions[0].end_minute, 10 * 60 + 5);
  EXPECT_EQ(log.sessions[0].duration_minutes, 80);
  EXPECT_EQ(log.sessions[0].tz_rule, "file");
  EXPECT_EQ(log.sessions[1].duration_minutes, 120);
  // A middot between words that are no fields splits nothing.
  auto prose = parse("## 2025-02-19 · Branch: feat/x · 3 commits\n\n- y\n");
  ASSERT_EQ(prose.sessions.size(), 1u);
  auto french = parse("# Journal\n\nFuseau : Europe/Paris\n\n## Séance du 12 janvier 2025\n\n- **Horaires :** 14h30 – 16h00\n");
  ASSERT_EQ(french.sessions.size(), 1u);
  EXPECT_EQ(french.sessions[0].start_minute, 14 * 60 + 30);
  EXPECT_EQ(french.sessions[0].started_at, "2025-01-12T13:30:00Z");
}

TEST(ParseSessionsRules, ADayWithoutItsYearReadsDayFirstInADayFirstFile) {
  auto log = parse("# Diário\n\n### Sessão 14/02/2025 — 19h00 às 21h30\n\n- PDF\n\n### 05/03 — quarta, 20h15–22h00\n\n- fix\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-03-05");
}

TEST(ParseSessionsRules, NextSprintIsAPlan) {
  auto log = parse("## 2025-02-10 Sprint 15 retro\n\n- went well\n\n## Next sprint (16) — starts 2025-02-17\n\n- goals\n");
  ASSERT_EQ(log.sessions.size(), 1u);
  EXPECT_EQ(log.sessions[0].local_date, "2025-02-10");
}

TEST(ParseFindingsRules, ATableRightUnderAParagraphLineAndRomanceHeaders) {
  auto log = parse("## 2025-03-04\n\nHallazgos de la revisión:\n| Severidad | Hallazgo |\n|---|---|\n"
                   "| P0 | El secreto del webhook |\n| P3 | Falta un comentario |\n\n"
                   "## 2025-03-05\n\n| Nr. | Schweregrad | Befund |\n|---|---|---|\n| 1 | P1 | Token im Log |\n");
  ASSERT_EQ(log.findings.size(), 3u);
  EXPECT_EQ(log.findings[0].severity, "P0");
  EXPECT_EQ(log.findings[0].title, "El secreto del webhook");
  EXPECT_EQ(log.findings[1].severity, "P3");
  EXPECT_EQ(log.findings[2].severity, "P1");
  EXPECT_EQ(log.findings[2].title, "Token im Log");
}

TEST(ParseSessionsRules, ATableRowsDurationComesFromItsColumnNotItsProse) {
  auto log = parse("# Timesheet\n\n| Date | Start | End | Duration | Work |\n|---|---|---|---|---|\n"
                   "| 2025-06-09 | 10:00 | 11:00 | 45m | Node rollout (15m lost to VPN) |\n"
                   "| 2025-06-10 | | | | Docs (2h) |\n\n"
                   "| Date | Duration (min) | Work |\n|---|---|---|\n| 2025-06-11 | 30 | Review |\n| 2025-06-12 | 1.5 | x |\n\n"
                   "| Date | Work |\n|---|---|\n| 2025-06-13 | Docs (2h) |\n");
  ASSERT_EQ(log.sessions.size(), 5u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 45);
  // The Duration column is the row's duration, empty or not: "(2h)" in Work is prose there.
  EXPECT_FALSE(log.sessions[1].duration_minutes.has_value());
  EXPECT_EQ(log.sessions[2].duration_minutes, 30);
  EXPECT_EQ(log.sessions[3].duration_minutes, 2); // 1.5 minutes, as the column says
  EXPECT_EQ(log.sessions[4].duration_minutes, 120); // no such column: the bracket says it
}

TEST(ParseSessionsRules, DatelinesInQuotesSummariesBannersAndBracketsWhenNothingElseIs) {
  auto banners = parse("ops journal\n\n=== 2025-06-02 09:10-11:40 ===\n- tuned alerts\n\n"
                       "2025-06-09 reminder: rotate the pager\n\n=== 2025-06-03 14:00-15:00 ===\n- runbooks\n");
  ASSERT_EQ(banners.sessions.size(), 2u); // the bare-dated reminder is a note inside the first
  EXPECT_EQ(banners.sessions[0].local_date, "2025-06-02");
  EXPECT_EQ(banners.sessions[0].start_minute, 9 * 60 + 10);
  EXPECT_EQ(banners.sessions[0].line_end, 6);
  EXPECT_EQ(banners.sessions[1].line_start, 8);
  auto brackets = parse("importer log\n\n[2025-04-03 Thu] 14:00-16:30 (branch: fix/utf8)\n    BOM fix\n\n"
                        "[2025-04-04 Fri] 10:00-12:00\n    Latin-1 fallback\n");
  ASSERT_EQ(brackets.sessions.size(), 2u);
  EXPECT_EQ(brackets.sessions[1].end_minute, 12 * 60);
  auto quotes = parse("# Dev diary\n\n> **2025-05-12** · 14:00–16:30 UTC\n> Branch: fix/ledger\n>\n> Tracked it down.\n\n"
                      "> ### 2025-05-13\n> - more\n");
  ASSERT_EQ(quotes.sessions.size(), 2u);
  EXPECT_EQ(quotes.sessions[0].branch, "fix/ledger");
  EXPECT_EQ(quotes.sessions[0].timezone, "UTC");
  auto details = parse("# Auth — work log\n\n<details><summary>2025-04-03 — auth refactor</summary>\n\n**Time:** 09:10–11:40\n\n"
                       "- split stores\n\n</details>\n\n<details><summary>2025-04-04 — tests</summary>\n\n- more\n\n</details>\n");
  ASSERT_EQ(details.sessions.size(), 2u);
  EXPECT_EQ(details.sessions[0].title, "2025-04-03 — auth refactor");
  EXPECT_EQ(details.sessions[0].start_minute, 9 * 60 + 10);
  // One banner is an entry; one bare date is no journal; a file with real sessions never asks.
  EXPECT_EQ(parse("notes\n\n=== 2025-06-02 ===\n- x\n").sessions.size(), 1u);
  EXPECT_EQ(parse("notes\n\nsome text\n\n2025-06-02 we met\n- x\n").sessions.size(), 0u);
  auto headed = parse("## 2025-06-01\n\n- a\n\n> 2025-05-01 quoted from the old log\n> 2025-05-02 and this\n");
  ASSERT_EQ(headed.sessions.size(), 1u);
}

TEST(ParseFieldsRules, TheHerbLabelsABranchAndATimerTakesAClockFaceOrTags) {
  auto log = parse("# Devlog\n\n## 🚀 2025-04-03 · 🌿 feat/login · ⏱ 2h #auth #cli\n\n- login\n\n"
                   "## 2025-04-04\n\n🌿 fix/token-expiry\n⏱ 01:45\n\n- tokens\n\n"
                   "## 2025-04-05 · 🌿 the garden is lovely\n\n- nothing\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].branch, "feat/login");
  EXPECT_EQ(log.sessions[0].duration_minutes, 120);
  EXPECT_EQ(log.sessions[1].branch, "fix/token-expiry");
  EXPECT_EQ(log.sessions[1].duration_minutes, 105);
  EXPECT_FALSE(log.sessions[2].branch.has_value()); // prose after the herb is no branch
}

TEST(ParseFieldsRules, DottedClocksUnderATimeLabel) {
  auto log = parse("## 2025-03-04\n\n**Hora:** 15.00 a 18.15\n\n- x\n\n## 2025-03-05\n\n**Zeit:** 9.15 – 12.00\n\n- y\n\n"
                   "## 2025-03-06\n\n**Version:** 2.14 - 2.15\n\n- z\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].start_minute, 15 * 60);
  EXPECT_EQ(log.sessions[0].end_minute, 18 * 60 + 15);
  EXPECT_EQ(log.sessions[1].start_minute, 9 * 60 + 15);
  EXPECT_EQ(log.sessions[1].duration_minutes, 165);
  EXPECT_FALSE(log.sessions[2].start_minute.has_value()); // no time label: versions
}

TEST(ParseFindingsRules, ABoldLevelUnderAFindingsHeadingOutsideEverySession) {
  auto status = parse("# STATUS\n\n## Open review findings\n\n1. **P1** Reset token not invalidated.\n"
                      "2. **P2** N+1 query on the list.\n\n## Roadmap\n\n- **P1** Add SSO.\n\n## Sessions\n\n"
                      "### Session 14 — 2025-03-18\n\n- Fixed the reset token.\n");
  ASSERT_EQ(status.findings.size(), 2u);
  EXPECT_EQ(status.findings[0].severity, "P1");
  EXPECT_EQ(status.findings[0].title, "Reset token not invalidated.");
  EXPECT_EQ(status.findings[0].session, -1);
  EXPECT_EQ(status.findings[1].severity, "P2");
}

TEST(ParseFindingsRules, ALevelAfterTheFindingUnderAFindingsLineAndACarriedOverStatus) {
  auto log = parse("# Agent log\n\n### Session 1 — 2025-09-02\n\nFindings:\n- **P1**: webhook trusts `X-Forwarded-For`.\n"
                   "- **P1**: PDF loads the whole ledger.\n- Proration rounds toward zero (P2)\n\n## Issue Summary\n\n"
                   "- **Priority**: P1 (HIGH)\n\n### Session 3 — 2025-09-04\n\nCarried over from session 1:\n"
                   "- **P1**: webhook trusts `X-Forwarded-For`. — fixed in `5a6b7c8`\n- **P1**: PDF loads the whole ledger. — still open\n");
  ASSERT_EQ(log.findings.size(), 3u);
  EXPECT_EQ(log.findings[0].line, 6);
  EXPECT_EQ(log.findings[1].line, 7);
  EXPECT_EQ(log.findings[2].severity, "P2");
  EXPECT_EQ(log.findings[2].title, "Proration rounds toward zero");
}

TEST(ParseFindingsRules, APlansPhasesListedUnderALineThatSaysSo) {
  auto log = parse("## 2025-06-02 — rollout\n\nRollout plan (phases, not priorities):\n- P1 — canary, 5% of traffic for 24h\n"
                   "- P2 — half the fleet\n\nFindings:\n- P2 — retry backoff has no jitter.\n");
  ASSERT_EQ(log.findings.size(), 1u);
  EXPECT_EQ(log.findings[0].title, "retry backoff has no jitter.");
}

TEST(ParseFindingsRules, ALegendListedOnePerLineAndMarksInASeverityColumn) {
  auto listed = parse("# Review 2025-04-22\n\n## Legend\n- Critical = P0\n- Major = P1\n- Minor = P2\n- Trivial = P3\n\n"
                      "## Findings\n\n### Critical\n- IDOR in export.\n\n### Major\n- URLs valid 7 days.\n\n### Trivial\n- naming.\n");
  ASSERT_EQ(listed.findings.size(), 3u);
  EXPECT_EQ(listed.findings[0].severity, "P0");
  EXPECT_EQ(listed.findings[1].severity, "P1");
  EXPECT_EQ(listed.findings[2].severity, "P3");
  auto marks = parse("# Review journal\n\nLegend: 🔴 = P0 · 🟠 = P1 · 🟡 = P2 · ⚪ = P3\n\n"
                     "### Mar 11, 2025 · 09:40–11:00 · PR #88\n\n- 🔴 Crash when the prompt is dismissed.\n- 🟠 State not kept.\n\n"
                     "### Mar 14, 2025\n\n| # | Severity | File | Comment |\n|---|---|---|---|\n| 1 | 🟠 | tokens.json | low contrast |\n"
                     "| 2 | ⚪ | README.md | old screenshot |\n");
  ASSERT_EQ(marks.findings.size(), 4u);
  EXPECT_EQ(marks.findings[0].severity, "P0");
  EXPECT_EQ(marks.findings[1].severity, "P1");
  EXPECT_EQ(marks.findings[2].severity, "P1");
  EXPECT_EQ(marks.findings[2].title, "low contrast");
  EXPECT_EQ(marks.findings[3].severity, "P3");
  // The mapped marks read in every column a finding table would, in any language.
  auto german = parse("# Review-Journal\n\nLegende: 🔴 = P0 · 🟠 = P1 · 🟡 = P2\n\n"
                      "### 14.03.2025\n\n| # | Schweregrad | Datei | Befund |\n|---|---|---|---|\n"
                      "| 1 | 🟠 | tokens.json | Kontrast zu gering |\n| 2 | 🟡 | README.md | alter Screenshot |\n");
  ASSERT_EQ(german.findings.size(), 2u);
  EXPECT_EQ(german.findings[0].severity, "P1");
  EXPECT_EQ(german.findings[0].title, "Kontrast zu gering");
  EXPECT_EQ(german.findings[1].severity, "P2");
}

TEST(ParseSessionsRules, SlavicTurkishIndonesianAndVietnameseJournals) {
  auto ru = parse("# Журнал\n\n## 3 марта 2025, 10:00–12:30 МСК\n\n**Ветка:** `feature/invoice-pdf`\n**Длительность:** 2 ч 30 мин\n\n"
                  "- коммит 3f9a2c1\n- пул-реквест #12\n\n## План на 12 марта\n\n- ещё\n");
  ASSERT_EQ(ru.sessions.size(), 1u); // the plan for the 12th is no session
  EXPECT_EQ(ru.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(ru.sessions[0].started_at, "2025-03-03T07:00:00Z"); // МСК is UTC+3
  EXPECT_EQ(ru.sessions[0].branch, "feature/invoice-pdf");
  EXPECT_EQ(ru.sessions[0].duration_minutes, 150);
  ASSERT_EQ(ru.commits.size(), 1u);
  ASSERT_EQ(ru.prs.size(), 1u);
  EXPECT_EQ(ru.prs[0].number, 12);
  auto uk = parse("## Березень 2025\n\n### 3 березня, понеділок\n\n- **Гілка:** fix/x\n- **Час:** з 14:00 до 17:00\n");
  ASSERT_EQ(uk.sessions.size(), 1u);
  EXPECT_EQ(uk.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(uk.sessions[0].branch, "fix/x");
  EXPECT_EQ(uk.sessions[0].duration_minutes, 180);
  auto pl = parse("## Sesja 1 — 3 marca 2025 (poniedziałek)\n\n- **Gałąź:** `feature/paragony`\n- **Czas trwania:** 2 godz. 30 min\n");
  ASSERT_EQ(pl.sessions.size(), 1u);
  EXPECT_EQ(pl.sessions[0].local_date, "2025-03-03");
  EXPECT_EQ(pl.sessions[0].duration_minutes, 150);
  auto tr = parse("## 5 Mart 2025 Çarşamba\n\n**Dal:** `ozellik/odeme`\n**Süre:** 3 sa 15 dk\n");
  ASSERT_EQ(tr.sessions.size(), 1u);
  EXPECT_EQ(tr.sessions[0].local_date, "2025-03-05");
  EXPECT_EQ(tr.sessions[0].branch, "ozellik/odeme");
  EXPECT_EQ(tr.sessions[0].duration_minutes, 195);
  auto id = parse("### Rabu, 5 Maret 2025\n\n**Cabang:** `fitur/keranjang`\n**Waktu:** 13.00–15.30 WIB\n");
  ASSERT_EQ(id.sessions.size(), 1u);
  EXPECT_EQ(id.sessions[0].local_date, "2025-03-05");
  EXPECT_EQ(id.sessions[0].duration_minutes, 150);
  EXPECT_EQ(id.sessions[0].started_at, "2025-03-05T06:00:00Z"); // WIB is UTC+7
  auto vi = parse("# Nhật ký\n\n## Ngày 05/03/2025 (Thứ Tư)\n\n- **Nhánh:** feat/a\n\n## Ngày 07/03/2025 (Thứ Sáu)\n\n- x\n");
  ASSERT_EQ(vi.sessions.size(), 2u);
  EXPECT_EQ(vi.sessions[0].local_date, "2025-03-05"); // Vietnamese writes the day first
  EXPECT_EQ(vi.sessions[0].branch, "feat/a");
  auto ko = parse("# 작업 일지\n\n- 날짜: 2025.03.12 (수)\n- 브랜치: feature/search\n\n## 오늘 한 일\n\n- 검색\n");
  ASSERT_EQ(ko.sessions.size(), 1u);
  EXPECT_EQ(ko.sessions[0].local_date, "2025-03-12");
  // A Cyrillic letter after "ч" makes another word: "2 чем" is no duration.
  auto word = parse("## 2025-03-04\n\n**Длительность:** 2 чем раньше\n");
  ASSERT_EQ(word.sessions.size(), 1u);
  EXPECT_FALSE(word.sessions[0].duration_minutes.has_value());
}

TEST(ParseSessionsRules, ItalianAndDutchWordRanges) {
  auto log = parse("## mercoledì 5 marzo 2025 — dalle 9:15 alle 12:45\n\n- x\n\n## 6 maart 2025\n\n**Tijd:** 13:30 tot 17:00 CET\n\n- y\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[0].end_minute, 12 * 60 + 45);
  EXPECT_EQ(log.sessions[1].end_minute, 17 * 60);
  EXPECT_EQ(log.sessions[1].timezone, "CET");
}

TEST(ParseSessionsRules, TablesWithShortDelimiterCellsAreTables) {
  auto log = parse("# Log\n\n| Date | Time | Branch |\n|-|--|:-|\n| 2025-05-01 | 09:00-10:00 | feat/a |\n"
                   "| 2025-05-02 | 10:00-11:00 | feat/b |\n\n## Review\n\n| Severity | Finding |\n| -- | -- |\n| P1 | token leak |\n");
  ASSERT_EQ(log.sessions.size(), 2u);
  EXPECT_EQ(log.sessions[1].line_start, 6);
  EXPECT_EQ(log.sessions[1].branch, "feat/b");
  ASSERT_EQ(log.findings.size(), 1u);
  EXPECT_EQ(log.findings[0].line, 12);
}

TEST(ParseSessionsRules, AttemptCountsUnderADayAreNoDays) {
  auto log = parse("# Notes 2025\n\n## 5/22 — a\n\nx\n\n## 5/23 — flaky e2e\n\n### 1/2 — first attempt\n\ny\n\n"
                   "### 2/2 — second attempt\n\nz\n\n## 5/27 — c\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[1].local_date, "2025-05-23");
  EXPECT_EQ(log.sessions[1].line_end, 15);
  EXPECT_EQ(log.sessions[2].local_date, "2025-05-27"); // the year does not run on from "2/2"
}

TEST(ParseFindingsRules, AFindingListedAgainIsTheSameFinding) {
  auto log = parse("## 2025-05-19\n\n### AI review\n\n- **Critical:** `match_exact()` removes items while iterating — rows skipped.\n"
                   "- **P2:** Missing index on `payment_events.provider_event_id`\n\n"
                   "## 2025-05-20\n\n### Resolved\n- ~~**Critical:** `match_exact()` removes items while iterating~~ → `4d7e2a9`\n\n"
                   "### Review\n\n| ID | Severity | Finding | Status |\n|---|---|---|---|\n"
                   "| R3 | P2 | Missing index on `payment_events.provider_event_id` | open (carried over) |\n"
                   "| R4 | P3 | New nit | open |\n\nLegend: Critical = P0, High = P1.\n");
  ASSERT_EQ(log.findings.size(), 3u);
  EXPECT_EQ(log.findings[0].line, 5);
  EXPECT_EQ(log.findings[1].line, 6);
  EXPECT_EQ(log.findings[2].title, "New nit");
}

TEST(ParseSessionsRules, AFirstLineThatTagsItsRangeAfterAMiddot) {
  auto log = parse("## Week of 2025-03-17\n\n### Monday\nNotes: Ana · 09:30–09:45 CET\n- a\n\n"
                   "### Tuesday\nNotes: Bo · 09:30–09:50 CET (ran long)\n- b\n\n### Wednesday\nAna · the 10:00 call moved\n- c\n");
  ASSERT_EQ(log.sessions.size(), 3u);
  EXPECT_EQ(log.sessions[0].duration_minutes, 15);
  EXPECT_EQ(log.sessions[0].timezone, "CET");
  EXPECT_EQ(log.sessions[1].end_minute, 9 * 60 + 50);
  EXPECT_FALSE(log.sessions[2].start_minute.has_value()); // a clock in prose after the middot is none
}

} // namespace
} // namespace seshdb::parse
