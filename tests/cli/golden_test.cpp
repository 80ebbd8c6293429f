// Golden CLI tests: every tests/cli/cases/NAME.cmd is a shell line run with
// $SESHDB, $FIXTURES, $TMP and $DB set (see cli_runner.hpp); its stdout,
// stderr and exit code must equal NAME.out, NAME.err and NAME.rc.
// Re-approve after an intended change with SESHDB_UPDATE_GOLDEN=1 and review
// the diff.
#include "cli_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace seshdb::testing {
namespace {

std::filesystem::path cases_dir() {
  return std::filesystem::path(SESHDB_SOURCE_DIR) / "tests" / "cli" / "cases";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(cases_dir())) {
    if (entry.path().extension() == ".cmd") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, OutputMatchesApprovedFiles) {
  const auto base = cases_dir() / GetParam();
  std::string line = read_file(base.string() + ".cmd");
  CliSandbox sandbox;
  const auto result = sandbox.shell(line);
  const std::string rc = std::to_string(result.rc) + "\n";
  if (std::getenv("SESHDB_UPDATE_GOLDEN") != nullptr) {
    write_file(base.string() + ".out", result.out);
    write_file(base.string() + ".err", result.err);
    write_file(base.string() + ".rc", rc);
    GTEST_SKIP() << "approved new golden output for " << GetParam();
  }
  EXPECT_EQ(read_file(base.string() + ".rc"), rc) << "stderr was:\n" << result.err;
  EXPECT_EQ(read_file(base.string() + ".out"), result.out);
  EXPECT_EQ(read_file(base.string() + ".err"), result.err);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

} // namespace
} // namespace seshdb::testing
