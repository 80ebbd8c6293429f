// Commits, PRs, files and metrics found on one line.
#include "seshdb/parse/references.hpp"

#include <gtest/gtest.h>

namespace seshdb::parse {
namespace {

using Strings = std::vector<std::string>;

Strings commits(std::string_view line, LineContext context = {}) { return scan_commits(line, context); }

std::vector<int> pr_numbers(std::string_view line) {
  std::vector<int> numbers;
  for (const auto& pr : scan_prs(line)) {
    numbers.push_back(pr.number);
  }
  return numbers;
}

TEST(ParsePrs, AnotherRepositorysNumberCalledAPrAfterIt) {
  EXPECT_EQ(pr_numbers("| Related | acme/auth-service#479 (PR, merged), issue acme/auth-service#4411 |"), std::vector<int>{479});
  EXPECT_EQ(pr_numbers("Depends on acme/api#13 (pull request by Ann)"), std::vector<int>{13});
  EXPECT_TRUE(pr_numbers("See acme/api#12 (issue) and acme/api#13.").empty());
  EXPECT_EQ(pr_numbers("- Depends on #208 (PR: config loader refactor), already merged."), std::vector<int>{208});
  EXPECT_EQ(pr_numbers("dataco/ingest#29 (schema registry PR) was merged."), std::vector<int>{29});
  EXPECT_TRUE(pr_numbers("Also fixed #12 (the bug, not a PR) by accident.").empty());
  EXPECT_TRUE(pr_numbers("Closed #14 (PR review found it was an issue)").empty());
  // A parenthesis about another PR says nothing of this number.
  EXPECT_EQ(pr_numbers("- Closed #340 (fixed by PR #341)"), std::vector<int>{341});
  EXPECT_TRUE(pr_numbers("- #77 (PR to follow)").empty());
  EXPECT_TRUE(pr_numbers("- #211 (PR description needs work)").empty());
}

TEST(ParsePrs, BitbucketPullRequestUrlsWithAPageAfterTheNumber) {
  EXPECT_EQ(pr_numbers("- https://bitbucket.org/acme/mobile-app/pull-requests/61/diff"), (std::vector<int>{61}));
  EXPECT_EQ(pr_numbers("see https://bitbucket.org/acme/app/pull-requests/57"), (std::vector<int>{57}));
}

TEST(ParsePrs, PullPathsWithoutTheHost) {
  EXPECT_EQ(pr_numbers("- Merged pull/402, pull/405 (both patch bumps)."), (std::vector<int>{402, 405}));
  EXPECT_TRUE(pr_numbers("ran git-pull/4 and xpull/5").empty());
}

TEST(ParsePrs, TheNumeroSignActsAsAHash) {
  EXPECT_EQ(pr_numbers("PR №22 merged."), (std::vector<int>{22}));
  EXPECT_EQ(pr_numbers("- пул-реквест №12 открыт"), (std::vector<int>{12}));
  EXPECT_TRUE(pr_numbers("Item №5 on the list.").empty());
}

TEST(ParseCommits, ACompareUrlsLeftEndARevertAndAPull) {
  EXPECT_EQ(commits("https://github.com/ferry-rs/ferry/compare/b7e1f3c...2715804"), (Strings{"b7e1f3c", "2715804"}));
  EXPECT_EQ(commits("`Reverts 1a2b3c4` (the batching change)"), (Strings{"1a2b3c4"}));
  EXPECT_EQ(commits("Reviewing PR #4412. Pulled at fc2f8f3, rebased locally"), (Strings{"fc2f8f3"}));
  EXPECT_TRUE(commits("see https://example.com/compare/b7e1f3c for the diff").empty());
}

TEST(ParseCommits, ACommitCitedWithItsSubjectInQuotes) {
  EXPECT_EQ(commits("Fixes: 8e3a91f0c2d4 (\"parser: stop at EOF\")"), Strings{"8e3a91f0c2d4"});
  EXPECT_EQ(commits("reverts 4be1c0d9 (“cache: drop the lock”)"), Strings{"4be1c0d9"});
  EXPECT_EQ(commits("the id 20250312 (\"initial\") and fffffff (\"x\")"), Strings{});
}

TEST(ParseCommits, AListItemThatOpensWithAHashAndAMessage) {
  EXPECT_EQ(commits("- 7c41d2a feat: add csv export"), Strings{"7c41d2a"});
  EXPECT_EQ(commits("2. 8e9f0a1b2c fix: tz"), Strings{"8e9f0a1b2c"});
  EXPECT_TRUE(commits("- deadbeef cafe").empty());  // letters only
  EXPECT_TRUE(commits("- 1234567 rows loaded").empty()); // digits only
  EXPECT_TRUE(commits("Build 7c41d2a feat").empty());   // not a list item
}
TEST(ParseCommits, CommitsFieldList) { EXPECT_EQ(commits("   - Commits: d5a0972, 9ac4919"), (Strings{"d5a0972", "9ac4919"})); }
TEST(ParseCommits, OnCommitInBackticks) { EXPECT_EQ(commits("- CI running on commit `48ab1c5` - awaiting results"), Strings{"48ab1c5"}); }
TEST(ParseCommits, MigrationIdIsNotACommit) {
  EXPECT_TRUE(commits("  - Fixed migration `d3e92d35ba2f` to use `current_database()`").empty());
}
TEST(ParseCommits, MigrationIdAfterCommitKeywordIsStillNotACommit) {
  EXPECT_EQ(commits("commit 48ab1c5 fixed migration d3e92d35ba2f"), Strings{"48ab1c5"});
}
TEST(ParseCommits, CommitUrlsGiveTheWholeHash) {
  EXPECT_EQ(commits("- See https://github.com/acme/app/commit/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6 for it"),
            Strings{"0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6"});
  EXPECT_EQ(commits("- Landed [a1b2c3d](https://github.com/acme/app/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678)"),
            Strings{"a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"});
  EXPECT_EQ(commits("GitLab: https://gitlab.com/acme/app/-/commit/9c8b7a6d5e4f"), Strings{"9c8b7a6d5e4f"});
  EXPECT_EQ(commits("https://bitbucket.org/acme/app/commits/4e5f6a7b8c9d0e1f"), Strings{"4e5f6a7b8c9d0e1f"});
  EXPECT_EQ(commits("https://gitlab.com/acme/app/-/commit/9c8b7a6d5e4f/diffs"), Strings{"9c8b7a6d5e4f"});
}
TEST(ParseCommits, OtherUrlPathsAreNotCommits) {
  EXPECT_TRUE(commits("https://example.com/blob/a1b2c3d4e5/file.txt and /tree/9f8e7d6c5b").empty());
}
TEST(ParseCommits, HexWordsNeverCount) { EXPECT_TRUE(commits("Commit: deadbeef facade added").empty()); }
TEST(ParseCommits, BareHexWithoutContextIsNotACommit) { EXPECT_TRUE(commits("Build 1a2b3c4d finished").empty()); }
TEST(ParseCommits, GitLogLineInCode) {
  LineContext code;
  code.in_code = true;
  EXPECT_EQ(commits("1a2b3c4 fix: handle empty input", code), Strings{"1a2b3c4"});
}
TEST(ParseCommits, GitCommitOutputBracket) {
  LineContext code;
  code.in_code = true;
  EXPECT_EQ(commits("[master 5e0284e] init project", code), Strings{"5e0284e"});
}
TEST(ParseCommits, PushRangeGivesBoth) {
  LineContext code;
  code.in_code = true;
  EXPECT_EQ(commits("   e148ace..5e0284e  master -> master", code), (Strings{"e148ace", "5e0284e"}));
}
TEST(ParseCommits, FullWidthCommitIdLine) { EXPECT_EQ(commits("# Commit ID:5e0284e"), Strings{"5e0284e"}); }
TEST(ParseCommits, AllDigitHashNeedsExplicitContext) {
  EXPECT_EQ(commits("commit 0711482"), Strings{"0711482"});
  EXPECT_TRUE(commits("Ran 1234567 iterations").empty());
}
TEST(ParseCommits, HashListInCommitsSection) {
  LineContext section;
  section.commits_section = true;
  EXPECT_EQ(commits("- `a1b2c3d` Add parser", section), Strings{"a1b2c3d"});
}
TEST(ParseCommits, CssColourIsNotACommit) { EXPECT_TRUE(commits("commit: background #0a0908 everywhere").empty()); }

TEST(ParsePrs, PrHashNumber) { EXPECT_EQ(pr_numbers("✅ **PR #94 Merged** (Comprehensive Audit)"), std::vector<int>{94}); }
TEST(ParsePrs, ParenthesisedPr) { EXPECT_EQ(pr_numbers("✅ **MRKTZR Module Created** (PR #95)"), std::vector<int>{95}); }
TEST(ParsePrs, PullRequestWords) { EXPECT_EQ(pr_numbers("Merge pull request #12 from x/y"), std::vector<int>{12}); }
TEST(ParsePrs, PullRequestWithoutHash) { EXPECT_EQ(pr_numbers("opened pull request 77 today"), std::vector<int>{77}); }
TEST(ParsePrs, FieldWithSlashList) { EXPECT_EQ(pr_numbers("**PR**: #56/#50/#48"), (std::vector<int>{56, 50, 48})); }
TEST(ParsePrs, PluralList) { EXPECT_EQ(pr_numbers("PRs #1, #2 and #3 merged"), (std::vector<int>{1, 2, 3})); }
TEST(ParsePrs, RangeIsExpanded) { EXPECT_EQ(pr_numbers("PR124–PR126 landed"), (std::vector<int>{124, 125, 126})); }
TEST(ParsePrs, CountAfterPluralIsNotAPr) { EXPECT_TRUE(pr_numbers("- **Pull Requests**: 8 comprehensive PRs").empty()); }
TEST(ParsePrs, MergedHashNumbersArePrs) {
  EXPECT_EQ(pr_numbers("Merged #12 and #13."), (std::vector<int>{12, 13}));
  EXPECT_EQ(scan_prs("merged #7 after review")[0].action, std::optional<std::string>("merged"));
}
TEST(ParsePrs, GitLabMergeRequestAbbreviation) {
  EXPECT_EQ(pr_numbers("Opened MR !34 for the importer"), std::vector<int>{34});
  EXPECT_EQ(pr_numbers("GitLab MR #35 merged"), std::vector<int>{35});
  EXPECT_TRUE(pr_numbers("MR 2 approvals still needed").empty()); // a count
  EXPECT_TRUE(pr_numbers("Mr 5 said hi; MRI scan 3; SMR #4").empty());
}
TEST(ParsePrs, GitLabBareMergeRequestReference) {
  EXPECT_EQ(pr_numbers("Merged !34 into main (and !35)"), (std::vector<int>{34, 35}));
  EXPECT_EQ(pr_numbers("Reviewed **!36** and !38/!39"), (std::vector<int>{36, 38, 39}));
  auto prs = scan_prs("Opened gitlab-org/gitlab!1234 for review");
  ASSERT_EQ(prs.size(), 1u);
  EXPECT_EQ(prs[0].repo, "gitlab-org/gitlab");
  EXPECT_TRUE(pr_numbers("Merged; Done!34 times; a != b; ![logo](x.png); !0").empty());
}
TEST(ParsePrs, BangNumbersThatAreNotMergeRequests) {
  EXPECT_TRUE(pr_numbers("- Re-ran the failing command with !512 from bash history.").empty());
  EXPECT_TRUE(pr_numbers("- Priority !1 items first").empty());
  EXPECT_TRUE(pr_numbers("- After the merge our check `return !1;` broke.").empty());
}
TEST(ParsePrs, OwnerAndRepoBeforeTheNumber) {
  auto prs = scan_prs("- PR: acme/pay#78 (review pending)");
  ASSERT_EQ(prs.size(), 1u);
  EXPECT_EQ(prs[0].number, 78);
  EXPECT_EQ(prs[0].repo, "acme/pay");
  EXPECT_TRUE(pr_numbers("Fixed acme/pay#78").empty()); // without the word PR: an issue as likely
}
TEST(ParsePrs, MergedWithoutAHashIsNotAPr) {
  EXPECT_TRUE(pr_numbers("merged 3 branches, closed #4").empty());
  EXPECT_TRUE(pr_numbers("unmerged #5").empty());
}
TEST(ParsePrs, SquashMergeSuffixAfterACommitSubject) {
  EXPECT_EQ(pr_numbers("- feat: add importer (#210)"), std::vector<int>{210});
  EXPECT_EQ(pr_numbers("fix(parser)!: crash on empty file (#212)"), std::vector<int>{212});
  EXPECT_EQ(pr_numbers("- `3f2a1bc` Update the readme (#213)"), std::vector<int>{213});
  EXPECT_EQ(pr_numbers("* a1b2c3d (HEAD -> main) Fix login (#214)"), std::vector<int>{214});
  // The hash later in the line, the subject quoted.
  EXPECT_EQ(pr_numbers("- ✅ `e5f6a7b` debounce search input (#78)"), std::vector<int>{78});
  EXPECT_EQ(pr_numbers("- Commit 9e8d7c6 — \"fix: null check (#212)\""), std::vector<int>{212});
  EXPECT_EQ(pr_numbers("commit [`1c2d3e4`](https://github.com/a/b/commit/1c2d3e4) \"scrubber (#501)\""),
            std::vector<int>{501});
}
TEST(ParsePrs, ChineseAndJapaneseWordsForPullAndMergeRequests) {
  EXPECT_EQ(pr_numbers("- 拉取请求 #34 已合并"), std::vector<int>{34});
  EXPECT_EQ(pr_numbers("- 拉取請求 #35 已合併"), std::vector<int>{35});
  EXPECT_EQ(pr_numbers("- プルリクエスト #36 をマージ"), std::vector<int>{36});
  EXPECT_EQ(pr_numbers("- 提交了合并请求 !12"), std::vector<int>{12});
  EXPECT_TRUE(pr_numbers("- 修复了问题 #37").empty()); // an issue as likely
}
TEST(ParsePrs, ParenthesisedNumberWithoutACommitIsNotAPr) {
  EXPECT_TRUE(pr_numbers("- Add dark mode (#45)").empty());          // may be the issue it closes
  EXPECT_TRUE(pr_numbers("- 3f2a1bc (#45)").empty());                // no subject
  EXPECT_TRUE(pr_numbers("- feat: add importer (#210) and more").empty()); // not a subject's end
  EXPECT_TRUE(pr_numbers("- features: 3 issues (#12, #13)").empty());
  EXPECT_TRUE(pr_numbers("- Fixed the crash in cache (#99)").empty()); // "cache" is a word, not a hash
  EXPECT_TRUE(pr_numbers("- Bumped to 1234567 rows (#98)").empty());   // a hash has a letter
}
TEST(ParsePrs, ListsAfterAWordAboutThePrs) {
  EXPECT_EQ(pr_numbers("- PRs touched: #40, #41"), (std::vector<int>{40, 41}));
  EXPECT_EQ(pr_numbers("- PRs merged: #42 and #43"), (std::vector<int>{42, 43}));
  EXPECT_EQ(pr_numbers("- Open PRs: #131 (waiting on review), #134"), (std::vector<int>{131, 134}));
  EXPECT_EQ(pr_numbers("- Merged: #14"), std::vector<int>{14});
  EXPECT_EQ(pr_numbers("| PR | #47 |"), std::vector<int>{47});
  EXPECT_EQ(pr_numbers("| PR | 1 (#212) |"), std::vector<int>{212}); // a count, then the PR
  EXPECT_EQ(pr_numbers("Opened PR 57 (#58 is the docs follow-up)"), std::vector<int>{57});
  EXPECT_TRUE(pr_numbers("- PRs merged this week: 4, see issue #12 for the rest").empty());
}
TEST(ParsePrs, WordsAboutIssuesOrTasksAreNoPrList) {
  EXPECT_TRUE(pr_numbers("- PR closes: #45").empty());
  EXPECT_TRUE(pr_numbers("- Opened PR for issues: #12, #13").empty());
  EXPECT_TRUE(pr_numbers("- PR blocked by: #48").empty());
  EXPECT_TRUE(pr_numbers("| Tracking issue for PR | #62 |").empty());
  EXPECT_TRUE(pr_numbers("- Issues merged: #16").empty());
  EXPECT_TRUE(pr_numbers("- [ ] feat: SSO (#16)").empty());            // a task; its number is the issue
  EXPECT_TRUE(pr_numbers("- Fix: crash on empty cart (#16)").empty());   // a label, not a commit type
  EXPECT_TRUE(pr_numbers("- 1234567 users affected by outage (#18)").empty());
  EXPECT_EQ(pr_numbers("1. feat: add importer (#210)"), std::vector<int>{210});
  EXPECT_EQ(pr_numbers("- **fix(ui):** button alignment (#213)"), std::vector<int>{213});
  EXPECT_EQ(pr_numbers("- `feat: add exporter (#212)`"), std::vector<int>{212});
}
TEST(ParsePrs, IssueNumbersAreNotPrs) { EXPECT_TRUE(pr_numbers("Issue #99 - Windows build, session #28").empty()); }
TEST(ParsePrs, UrlGivesOwnerAndRepo) {
  auto prs = scan_prs("- URL: https://github.com/PerformanceSuite/CommandCenter/pull/94");
  ASSERT_EQ(prs.size(), 1u);
  EXPECT_EQ(prs[0].number, 94);
  EXPECT_EQ(prs[0].repo, "PerformanceSuite/CommandCenter");
}
TEST(ParsePrs, ActionFromTheSentence) {
  auto prs = scan_prs("✅ **PR #94 Merged**");
  ASSERT_EQ(prs.size(), 1u);
  EXPECT_EQ(prs[0].action, "merged");
  EXPECT_EQ(scan_prs("Created PR #7 for review").at(0).action, "created");
}

TEST(ParseFiles, BacktickedPathWithAction) {
  auto files = scan_files("- Created `hub/vislzr/docs/ENHANCEMENT_ANALYSIS.md`", {});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "hub/vislzr/docs/ENHANCEMENT_ANALYSIS.md");
  EXPECT_EQ(files[0].action, "created");
}
TEST(ParseFiles, BranchNamesAndModulesAreNotFiles) {
  EXPECT_TRUE(scan_files("on `feature/mrktzr-module` using `tests.utils`", {}).empty());
}
TEST(ParseFiles, BarePathInFilesSection) {
  LineContext files_section;
  files_section.files_section = true;
  files_section.files_action = "modified";
  auto files = scan_files("- docs/ARCHITECTURE.md (v3.0, updated)", files_section);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "docs/ARCHITECTURE.md");
}

std::vector<std::string> metric_names(std::string_view line) {
  std::vector<std::string> names;
  for (const auto& m : scan_metrics(line, {})) {
    names.push_back(m.name + "=" + (m.value ? std::to_string(static_cast<long>(*m.value)) : "?") + m.unit);
  }
  return names;
}

TEST(ParseMetrics, TestCountsAndRatios) {
  EXPECT_EQ(metric_names("(1,676 backend tests, 12/12 frontend tests)"), (Strings{"tests=1676tests", "tests=12/12"}));
}
TEST(ParseMetrics, PassedAndFailedTestCounts) {
  EXPECT_EQ(metric_names("Tests: 120 passed, 3 failed"), (Strings{"tests_passed=120tests", "tests_failed=3tests"}));
  EXPECT_EQ(metric_names("- specs: 45 passing, 0 failures"), (Strings{"tests_passed=45tests", "tests_failed=0tests"}));
  EXPECT_TRUE(metric_names("3 failed deploys, 2 passed reviews").empty()); // no test on the line
  EXPECT_TRUE(metric_names("Rebuilt the latest image, 2 failed pulls").empty());
  EXPECT_TRUE(metric_names("Specifically, 3 failed attempts before the lockout").empty());
  EXPECT_EQ(metric_names("Fixed 3 failing tests"), Strings{"tests_failed=3tests"});
  EXPECT_EQ(metric_names("===== 3 failed, 120 passed in 4.2s ====="), (Strings{"tests_failed=3tests", "tests_passed=120tests"}));
}
TEST(ParseMetrics, ScoreOutOfHundred) { EXPECT_EQ(metric_names("| Security | 70/100 |"), Strings{"score=70/100"}); }
TEST(ParseMetrics, TaskProgressAndPercent) {
  EXPECT_EQ(metric_names("COMPLETE (19/27 tasks, 70%)"), (Strings{"tasks=19/27", "percent=70%"}));
}
TEST(ParseMetrics, TokensUsed) {
  EXPECT_EQ(metric_names("- **Tokens Used**: ~90k / 200k (45%)"), (Strings{"tokens=90000tokens", "percent=45%"}));
}
TEST(ParseMetrics, SummaryCountsOfFindings) {
  EXPECT_EQ(metric_names("Found 25 issues (8 P1 critical, 9 P2 important, 8 P3 nice-to-have)"),
            (Strings{"issues_total=25issues", "issues_p1=8issues", "issues_p2=9issues", "issues_p3=8issues"}));
}
TEST(ParseMetrics, LinesAddedAndRemoved) {
  EXPECT_EQ(metric_names("+3,101 lines, -84 lines"), (Strings{"lines_added=3101lines", "lines_removed=84lines"}));
}
TEST(ParseMetrics, ALabelThatNamesAQuantityNamesThePercentOrRatioAfterIt) {
  EXPECT_EQ(metric_names("- Coverage: 85% → 88%"), (Strings{"coverage=85%", "coverage=88%"}));
  EXPECT_EQ(metric_names("- **Score**: 8/10"), Strings{"score=8/10"});
  EXPECT_EQ(metric_names("- **Test Pass Rate**: 100% (all tests pass)"), Strings{"test_pass_rate=100%"});
  EXPECT_EQ(metric_names("Code review score: 9.5/10, 3 PRs"), Strings{"code_review_score=9/10"});
  // Only the value right after the colon takes the label.
  EXPECT_EQ(metric_names("- Score: 85/100, coverage 70%"), (Strings{"score=85/100", "percent=70%"}));
}
TEST(ParseMetrics, TopicLabelsAndLaterNumbersKeepTheGenericName) {
  // A label that names a topic, not a quantity; a sentence between the colon and the number.
  EXPECT_EQ(metric_names("- **Rationale**: 80% overlap shows alignment"), Strings{"percent=80%"});
  EXPECT_EQ(metric_names("- **Test Success Rate**: Achieved 97% this week"), Strings{"percent=97%"});
  EXPECT_EQ(metric_names("- Note: 50% of the time went to CI"), Strings{"percent=50%"});
  EXPECT_EQ(metric_names("- Phase 2 progress: 80%"), Strings{"percent=80%"});
}
TEST(ParseMetrics, ListNumbersAreNotCounts) { EXPECT_TRUE(metric_names("10. Testing infrastructure").empty()); }

} // namespace
} // namespace seshdb::parse

namespace seshdb::parse {
namespace {

TEST(ParseCommitsInProse, AfterAChangeVerbAndAPreposition) {
  EXPECT_EQ(commits("The flaky retry was fixed in 8e9f0a1 last week"), Strings{"8e9f0a1"});
  EXPECT_EQ(commits("Landed as 3c1d2e4, reverted in 9f8e7d6."), (Strings{"3c1d2e4", "9f8e7d6"}));
  EXPECT_EQ(commits("Search has been broken since a17c9e2"), Strings{"a17c9e2"});
  EXPECT_EQ(commits("rolled back to 4b5e6f7 after the outage"), Strings{"4b5e6f7"});
}
TEST(ParseCommitsInProse, WordsBetweenTheVerbAndInListsAndGitCommands) {
  EXPECT_EQ(commits("Fixed the P0 in 9e8d7c6."), Strings{"9e8d7c6"});
  EXPECT_EQ(commits("Addressed all of them in cc11dd2."), Strings{"cc11dd2"});
  EXPECT_EQ(commits("The fix is in 5c6d7e8f."), Strings{"5c6d7e8f"});
  EXPECT_EQ(commits("Landed in 5e5f6a6 and 6f6a7b7."), (Strings{"5e5f6a6", "6f6a7b7"}));
  EXPECT_EQ(commits("Shipped in `1a2b3c4`, `2b3c4d5`"), (Strings{"1a2b3c4", "2b3c4d5"}));
  EXPECT_EQ(commits("(merge d1e2f3a)"), Strings{"d1e2f3a"});
  EXPECT_EQ(commits("Squashed into 3b7e0c4"), Strings{"3b7e0c4"});
  EXPECT_EQ(commits("Tagged v0.3.0 at 5e4f3a2."), Strings{"5e4f3a2"}); // a tag's name between the verb and "at"
  EXPECT_EQ(commits("Cut v0.14.2 at 5e0b7d3c."), Strings{"5e0b7d3c"});
  EXPECT_EQ(commits("HEAD: 0123456789abcdef0123456789abcdef01234567"), Strings{"0123456789abcdef0123456789abcdef01234567"});
  EXPECT_EQ(commits("Run git show 4c5d6e7 to see"), Strings{"4c5d6e7"});
  EXPECT_TRUE(commits("Added the config in a1b2c3d4e5f60718 format").empty()); // not git's length
  EXPECT_TRUE(commits("Worked in room 4b and 12ab34c notes").empty());
  EXPECT_TRUE(commits("Fixed the colour in 1a2b3c4 and 5 places").size() == 1u);
}
TEST(ParseCommitsInProse, FarVerbsOnlyForFixingAndHeadOnlyAsGitSaysIt) {
  EXPECT_TRUE(commits("Added a fallback colour as 1e90ff0 for dark mode").empty());
  EXPECT_TRUE(commits("Deployed the build in 3f2a1b9c (Vercel)").empty());
  EXPECT_TRUE(commits("Completed the 5 migrations in 20250304a").empty());
  EXPECT_TRUE(commits("HEAD request to the bucket returns ETag 5d41402abc4b2a76b9719d911017c592").empty());
  EXPECT_EQ(commits("HEAD is now at 4c5d6e7 fix"), Strings{"4c5d6e7"});
}
TEST(ParseCommitsInProse, AVerbWithoutAPrepositionOrAnotherNounIsNot) {
  EXPECT_TRUE(commits("fixed 8e9f0a1 tests").empty());
  EXPECT_TRUE(commits("stored in 8e9f0a1c-44aa as a key").empty());
  EXPECT_TRUE(commits("added in 1234567 ms").empty());
  EXPECT_TRUE(commits("fixed in build 1a2b3c4d").empty());
  EXPECT_TRUE(commits("set to 3f2a1bc9 in the config").empty());
}
TEST(ParseCommitsInProse, AloneInParenthesesAfterAMessage) {
  EXPECT_EQ(commits("- Add CSV export (3f2a1bc)"), Strings{"3f2a1bc"});
  EXPECT_TRUE(commits("- Add CSV export (1234567)").empty());
  EXPECT_TRUE(commits("- Token (3f2a1bc9d0e1f2a3b4c5) rotated").empty());
  EXPECT_TRUE(commits("- colour (#3f2a1bc) changed").empty());
}
TEST(ParseCommitsInProse, OtherHexValuesInTheSameShapesAreNot) {
  EXPECT_TRUE(commits("- Changed to ed25519 keys for the deploy user").empty());
  EXPECT_TRUE(commits("- Deployed to 3f2a1bc9.myapp.pages.dev for the preview.").empty());
  EXPECT_TRUE(commits("- Rolled back to 7d9cfa3b2e10 (the docker image from Friday)").empty());
  EXPECT_TRUE(commits("- Key fingerprint changed to 4f2a9c1e7b3d.").empty());
  EXPECT_TRUE(commits("- Container restarted (5e8f0a1b2c3d)").empty());
  EXPECT_TRUE(commits("- Logged the request id (7f3a9c2e)").empty());
  LineContext code;
  code.in_code = true;
  EXPECT_TRUE(commits("request_id_prefix = (a1b2c3d4)", code).empty());
  EXPECT_EQ(commits("# Commit ID: 5e0284e"), Strings{"5e0284e"}); // the word commit still decides
}
TEST(ParseCommits, ExampleHashesInATemplateAndGitsNullHash) {
  LineContext code;
  code.in_code = true;
  EXPECT_TRUE(commits("- abc1234 — message", code).empty());
  EXPECT_TRUE(commits("- commit 1234567", code).empty());
  EXPECT_TRUE(commits("commit: 0000000", code).empty());
  EXPECT_TRUE(commits("- Commit `0000000`, PR #00").empty());
  EXPECT_EQ(commits("- 9e1c2d3 feat: real one", code), Strings{"9e1c2d3"});
  // In prose a writer may call a real commit so.
  EXPECT_EQ(commits("- Wrote exporter (abc1234)"), Strings{"abc1234"});
}
TEST(ParsePrs, ANumberInBracketsAfterPrAndMergeRequestsListedAfterMRs) {
  EXPECT_EQ(pr_numbers("- Opened a follow-up PR (#312)."), std::vector<int>{312});
  EXPECT_TRUE(pr_numbers("- PR (2 approvals) waits").empty());
  EXPECT_EQ(pr_numbers("7 open MRs: !405, !407, !409"), (std::vector<int>{405, 407, 409}));
  EXPECT_EQ(pr_numbers("2 open MRs (!88 and !91)"), (std::vector<int>{88, 91}));
  EXPECT_TRUE(pr_numbers("Mrsomething !12 in the shell history").empty());
}
TEST(ParsePrs, NumeroSignsHyphenedPullRequestsAndListsJoinedInOtherLanguages) {
  EXPECT_EQ(pr_numbers("Ouvert la PR n° 214 pour le calcul de TVA"), std::vector<int>{214});
  EXPECT_EQ(pr_numbers("Pull-Request #65 gemergt"), std::vector<int>{65});
  EXPECT_EQ(pr_numbers("PR #21 y #22 listas"), (std::vector<int>{21, 22}));
  EXPECT_EQ(pr_numbers("PRs #62, #63 e #64"), (std::vector<int>{62, 63, 64}));
  EXPECT_TRUE(pr_numbers("Fix n° 3 of the list").empty()); // no PR word
}
TEST(ParseCommitsMore, AVerbOfFixingSevenWordsBack) {
  EXPECT_EQ(scan_commits("Fixed the P1 and both P2s in 8e9f0a1.", {}), std::vector<std::string>{"8e9f0a1"});
}
TEST(ParseCommitsInProse, GitCheckoutOutput) {
  EXPECT_EQ(commits("HEAD is now at 4c5d6e7 Fix the parser"), Strings{"4c5d6e7"});
}

TEST(ParseCommitsInProse, AHashThatClosesALineAboutAFix) {
  EXPECT_EQ(commits("- fixed the P1 immediately: 71d3a0e"), Strings{"71d3a0e"});
  EXPECT_EQ(commits("- both review items fixed, d41e0c7"), Strings{"d41e0c7"});
  EXPECT_EQ(commits("\tfixed both -> 3d9e5f7, force-pushed"), Strings{"3d9e5f7"});
  EXPECT_EQ(commits("- culprit: c41d8e2 (added full debug symbols)"), Strings{"c41d8e2"});
  EXPECT_EQ(commits("- docs fix: e5a0b7c"), Strings{"e5a0b7c"});
  EXPECT_EQ(commits("#212 merged (squash) as 41c07be"), Strings{"41c07be"});
  // Not without a change, not where a noun names the hex, not mid-sentence.
  EXPECT_TRUE(commits("- route registered: 5b7e2fa").empty());
  EXPECT_TRUE(commits("- fixed the flaky test, request id: 7f3a9c2e").empty());
  EXPECT_TRUE(commits("- prefix: 9c1d2e3f").empty());
  EXPECT_TRUE(commits("- fixed: 4a5b6c7d is the build we shipped").empty());
}
TEST(ParseCommitsInProse, AnIdInACodeSpanIsNoCommit) {
  EXPECT_TRUE(commits("- **Session ID**: `3f34fd56`").empty());
  EXPECT_TRUE(commits("**会话 ID**：`7a1f3e9c`").empty());
  EXPECT_EQ(commits("Commit ID: `5e0284e`"), Strings{"5e0284e"});
  EXPECT_EQ(commits("fixed in `c7e21b9`"), Strings{"c7e21b9"});
}
TEST(ParseCommitsInProse, TheHashOfAFileOrATestVectorIsNoCommit) {
  EXPECT_TRUE(commits("- Test vector hash `8c2f6d1a9e0b7c35` from the reference suite").empty());
  EXPECT_TRUE(commits("- Document hash example, `9c1185a5c5e9fc54612808977ee8f548b2258d31`, is the SHA-1 of x").empty());
  EXPECT_EQ(commits("Commit hash: 4f9a2c1"), Strings{"4f9a2c1"});
  EXPECT_EQ(commits("- hash `4f9a2c1d`"), Strings{"4f9a2c1d"});
}
TEST(ParseCommitsMore, PushedAsHash) { EXPECT_EQ(scan_commits("- Pushed as c4f1e07", {}), std::vector<std::string>{"c4f1e07"}); }
TEST(ParseCommitsMore, ChineseCommitKeyword) {
  EXPECT_EQ(scan_commits("提交：`a7c31d9`（建表脚本），`0b6e4f2`（示例数据）", {}), (std::vector<std::string>{"a7c31d9", "0b6e4f2"}));
}
TEST(ParseCommitsMore, ShortHashInCodeSpan) {
  EXPECT_EQ(scan_commits("Dead-letter queue acked too early; fixed in `c7e21b9`", {}), std::vector<std::string>{"c7e21b9"});
  EXPECT_TRUE(scan_commits("Fixed migration `d3e92d35ba2f` to use it", {}).empty());
  EXPECT_TRUE(scan_commits("the `added` and `deadbeef` words", {}).empty());
}
TEST(ParseCommitsMore, UpToTwelveInACodeSpanAfterAChangeVerb) {
  EXPECT_EQ(scan_commits("All three fixed in `6e1a0f55d3c4`.", {}), std::vector<std::string>{"6e1a0f55d3c4"});
  EXPECT_EQ(scan_commits("Tagged `v2.3.1` at `d6a2e8f4c1b0`", {}), std::vector<std::string>{"d6a2e8f4c1b0"});
  EXPECT_TRUE(scan_commits("Pulled image `3f2a1b9c4d5e` for the runner", {}).empty()); // a Docker id, no verb of change
  EXPECT_TRUE(scan_commits("Fixed in 6e1a0f55d3c4 (Docker layer)", {}).empty());         // out of a code span, git's lengths only
}

} // namespace
} // namespace seshdb::parse
