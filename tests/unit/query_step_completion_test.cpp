// The completed_in rule of v_next_steps, as StepCompletion computes it.
#include "seshdb/query/step_completion.hpp"

#include <gtest/gtest.h>

namespace seshdb::query {
namespace {

StepCompletion completion() {
  return StepCompletion({
    {"app", "2025-03-02", 20, 200, "Added RETRY logic to the Parser cache today"},
    {"app", "2025-03-02", 10, 100, "retry logic to the parser cache (first by id)"},
    {"app", "2025-03-01", 5, 50, "retry logic to the parser cache, same day as the step"},
    {"app", "2025-03-04", 30, 300, "修复解析器的缓存问题"},
    {"app", "", 40, 400, "undated: retry logic to the parser cache"},
    {"other", "2025-03-09", 50, 500, "retry logic to the parser cache"},
    {"app", "2025-03-05", 60, 600, "ÄRGER mit dem Index"},
  });
}

TEST(StepCompletion, EarliestLaterItemOfTheProjectThenLowestId) {
  // Both 2025-03-02 items contain it; 10 has the lower item id.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "add retry logic to the parser"), std::nullopt);
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "retry logic to the parser"), 100);
}

TEST(StepCompletion, OnlyLaterDatesCount) {
  EXPECT_EQ(completion().completed_in("app", "2025-03-02", "retry logic to the parser"), std::nullopt);
  EXPECT_EQ(completion().completed_in("app", "", "retry logic to the parser"), std::nullopt);
}

TEST(StepCompletion, OtherProjectsDoNotCount) {
  EXPECT_EQ(completion().completed_in("other", "2025-03-01", "retry logic to the parser"), 500);
  EXPECT_EQ(completion().completed_in("none", "2025-03-01", "retry logic to the parser"), std::nullopt);
}

TEST(StepCompletion, FirstAndLastWordsMayBeCutInTheItem) {
  // "etry" and "pars" are inside longer words of the items.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "etry logic to the pars"), 100);
  // Two words, neither whole: every later item is compared.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "rser cach"), 100);
}

TEST(StepCompletion, AsciiCaseIsFoldedLikeSqliteLower) {
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "RETRY LOGIC TO THE PARSER"), 100);
  // lower() folds only ASCII: Ä and ä differ.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "ärger mit dem"), std::nullopt);
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "Ärger mit dem"), 600);
}

TEST(StepCompletion, CjkStepsAreFoundInsideLongerRuns) {
  // Eight characters inside a ten-character run with no separator.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "解析器的缓存问题"), 300);
}

TEST(StepCompletion, StepsUnderEightCharactersAreNeverLinked) {
  // Characters, not bytes, like length(n.text) >= 8: eight are enough,
  // seven (21 bytes) are not.
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "修复解析器的缓存"), 300);
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "修复解析器的缓"), std::nullopt);
  EXPECT_EQ(completion().completed_in("app", "2025-03-01", "retry l"), std::nullopt);
}

} // namespace
} // namespace seshdb::query
