// The string helpers the parser leans on, against plain per-byte answers.
#include "seshdb/util/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace seshdb::util {
namespace {

char lower_one(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

TEST(UtilText, ToLowerAsciiChangesOnlyAsciiCapitalsWhateverTheLengthAndOffset) {
  // Every byte value, at every position of an eight-byte word and in the tail.
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all += static_cast<char>(b);
  }
  for (std::size_t shift = 0; shift < 9; ++shift) {
    const std::string text = std::string(shift, 'Q') + all + std::string(shift, 'z');
    std::string expected;
    for (char c : text) {
      expected += lower_one(c);
    }
    EXPECT_EQ(to_lower_ascii(text), expected) << "shift " << shift;
  }
  EXPECT_EQ(to_lower_ascii("Zürich ÄÖÜ @[`{ AZaz"), "zürich ÄÖÜ @[`{ azaz");
  EXPECT_EQ(to_lower_ascii(""), "");
}

TEST(UtilText, CaseInsensitiveEqualityAndSearchCompareInPlace) {
  EXPECT_TRUE(iequals_ascii("Merge Request", "merge request"));
  EXPECT_FALSE(iequals_ascii("Merge Request", "merge requests"));
  EXPECT_FALSE(iequals_ascii("merge@", "merge`")); // '@' and '`' differ by the case bit but are no letters
  EXPECT_TRUE(icontains_ascii("the Feature BRANCH name", "branch"));
  EXPECT_FALSE(icontains_ascii("bran", "branch"));
  EXPECT_TRUE(icontains_ascii("anything", ""));
}

TEST(UtilText, ByteSetRulesOutOnlyWordsTheTextCannotHold) {
  const ByteSet bytes("next steps 下一步");
  EXPECT_TRUE(bytes.may_contain("steps"));
  EXPECT_TRUE(bytes.may_contain("下一步"));
  EXPECT_TRUE(bytes.may_contain("")); // the empty word is in every text
  EXPECT_FALSE(bytes.may_contain("backlog")); // no 'b'
  EXPECT_FALSE(bytes.may_contain("todo")); // no 'o'
  EXPECT_TRUE(bytes.may_contain("sets")); // a pass, not a promise: the caller still searches
}

TEST(UtilText, ToLowerLettersLowersCyrillicGreekAndEuropeanCapitals) {
  EXPECT_EQ(to_lower_letters("Марта ЄІЇҐ Şubat GAŁĄŹ Ärger ÉTÉ İstanbul Ωμέγα"), "марта єіїґ şubat gałąź ärger été istanbul ωμέγα");
  EXPECT_EQ(to_lower_letters("日本語 and ASCII"), "日本語 and ascii");
  EXPECT_EQ(to_lower_letters("×"), "×"); // the multiplication sign sits among the capitals and is none
}

} // namespace
} // namespace seshdb::util
