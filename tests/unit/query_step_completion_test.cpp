// The completed_in rule of v_next_steps and the status rule of v_findings,
// as ProjectItems computes them.
#include "seshdb/query/step_completion.hpp"

#include <gtest/gtest.h>

namespace seshdb::query {
namespace {

// One project's work items, in the order the caller gives them: by date,
// then item id.
ProjectItems work() {
  ProjectItems project;
  project.add("", 400, "undated: retry logic to the parser cache");
  project.add("", 401, "Fixed the flaky upload test");
  project.add("2025-03-01", 50, "retry logic to the parser cache, same day as the step");
  project.add("2025-03-02", 100, "retry logic to the parser cache (first by id)");
  project.add("2025-03-02", 200, "Added RETRY logic to the Parser cache today");
  project.add("2025-03-04", 300, "修复解析器的缓存问题");
  project.add("2025-03-05", 600, "ÄRGER mit dem Index");
  project.add("2025-03-06", 700, "cache the index of the parser, then retry");
  project.index();
  return project;
}

TEST(ProjectItems, EarliestLaterItemThenLowestId) {
  // Both 2025-03-02 items contain it; 10 has the lower item id.
  EXPECT_EQ(work().completed_in("2025-03-01", "add retry logic to the parser"), std::nullopt);
  EXPECT_EQ(work().completed_in("2025-03-01", "retry logic to the parser"), 100);
}

TEST(ProjectItems, OnlyLaterDatesCount) {
  EXPECT_EQ(work().completed_in("2025-03-02", "retry logic to the parser"), std::nullopt);
  EXPECT_EQ(work().completed_in("", "retry logic to the parser"), std::nullopt);
}

TEST(ProjectItems, EveryInnerWordPresentIsNotEnough) {
  // Item 700 has "the", "index" and "of" as words, but not the phrase.
  EXPECT_EQ(work().completed_in("2025-03-05", "a the index of it"), std::nullopt);
  EXPECT_EQ(work().completed_in("2025-03-05", "e the index of t"), 700);
}

TEST(ProjectItems, FirstAndLastWordsMayBeCutInTheItem) {
  // "etry" and "pars" are inside longer words of the items.
  EXPECT_EQ(work().completed_in("2025-03-01", "etry logic to the pars"), 100);
  // Two words, neither whole: every later item is compared.
  EXPECT_EQ(work().completed_in("2025-03-01", "rser cach"), 100);
}

TEST(ProjectItems, AsciiCaseIsFoldedLikeSqliteLower) {
  EXPECT_EQ(work().completed_in("2025-03-01", "RETRY LOGIC TO THE PARSER"), 100);
  // lower() folds only ASCII: Ä and ä differ.
  EXPECT_EQ(work().completed_in("2025-03-01", "ärger mit dem"), std::nullopt);
  EXPECT_EQ(work().completed_in("2025-03-01", "Ärger mit dem"), 600);
}

TEST(ProjectItems, CjkStepsAreFoundInsideLongerRuns) {
  // Eight characters inside a ten-character run with no separator.
  EXPECT_EQ(work().completed_in("2025-03-01", "解析器的缓存问题"), 300);
}

TEST(ProjectItems, StepsUnderEightCharactersAreNeverLinked) {
  // Characters, not bytes, like length(n.text) >= 8: eight are enough,
  // seven (21 bytes) are not.
  EXPECT_EQ(work().completed_in("2025-03-01", "修复解析器的缓存"), 300);
  EXPECT_EQ(work().completed_in("2025-03-01", "修复解析器的缓"), std::nullopt);
  EXPECT_EQ(work().completed_in("2025-03-01", "retry l"), std::nullopt);
}

// A project whose text fits in a short string, indexed and then moved, as
// `ask` does: the index must still find it (its words once pointed into the
// moved-from object).
TEST(ProjectItems, AnIndexStillAnswersAfterItIsMoved) {
  auto build = [] {
    ProjectItems project;
    project.add("2025-03-02", 7, "Fix the parser");
    project.index();
    return project;
  };
  std::vector<ProjectItems> moved;
  moved.push_back(build());
  moved.reserve(16); // and moved again
  EXPECT_EQ(moved.front().completed_in("2025-03-01", "Fix the parser"), 7);
  EXPECT_TRUE(moved.front().fixes("2025-03-01", 1, "fix the parser"));
}

TEST(ProjectItems, StepsAreNeverCompletedByUndatedWork) {
  EXPECT_EQ(work().completed_in("", "undated: retry logic"), std::nullopt);
}

// fixes(): another session's item, the same day or later, containing the title.
TEST(ProjectItems, FindingIsFixedByAnotherSessionSameDayOrLater) {
  EXPECT_TRUE(work().fixes("2025-03-02", 999, "retry logic to the parser"));  // 100 and 200, same day
  EXPECT_TRUE(work().fixes("2025-03-02", 100, "retry logic to the parser"));  // 200 is another session
  EXPECT_FALSE(work().fixes("2025-03-03", 999, "retry logic to the parser")); // only earlier ones
  EXPECT_TRUE(work().fixes("2025-03-03", 999, "cache the index"));            // 700, later
  EXPECT_FALSE(work().fixes("2025-03-06", 700, "cache the index"));           // only in its own session
}

TEST(ProjectItems, UndatedFindingsCompareAsTheEmptyDate) {
  // '' <= every date, so undated items count for an undated finding...
  EXPECT_TRUE(work().fixes("", 999, "the flaky upload"));
  // ...and not for a dated one.
  EXPECT_FALSE(work().fixes("2025-03-01", 999, "the flaky upload"));
}

TEST(ProjectItems, AnEmptyTitleIsInEveryItem) {
  // instr(x, '') is 1 in SQLite: any item in range fixes it.
  EXPECT_TRUE(work().fixes("2025-03-06", 999, ""));
  EXPECT_FALSE(work().fixes("2025-03-07", 999, ""));
}

} // namespace
} // namespace seshdb::query
