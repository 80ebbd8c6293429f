// The log seshdb started from (../shared/examples), read end to end. Skipped
// with a message when ../shared is not beside the checkout.
#include "seshdb/parse/session_log_parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace seshdb::parse {
namespace {

const std::filesystem::path k_example =
    std::filesystem::path(SESHDB_SHARED_DIR) / "examples" / "000_52a768300be41371.txt";

class ExampleLog : public ::testing::Test {
protected:
  void SetUp() override {
    if (!std::filesystem::exists(k_example)) {
      GTEST_SKIP() << "skipped: " << k_example << " not found (../shared is absent)";
    }
    std::ifstream in(k_example, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    log = parse_session_log(buffer.str());
  }
  model::ParsedLog log;
};

TEST_F(ExampleLog, FindsExactlySevenSessionsWithDatesDurationsAndBranches) {
  ASSERT_EQ(log.sessions.size(), 7u);
  const std::vector<std::string> dates = {"2025-12-04", "2025-12-03", "2025-12-03", "2025-11-21",
                                          "2025-11-19", "2025-11-19", "2025-12-05"};
  const std::vector<int> durations = {75, 45, 30, 30, 180, 150, 30};
  const std::vector<std::string> branches = {"feature/mrktzr-module", "comprehensive-audit-2025-12-03", "main", "main",
                                             "main", "main", "fix/ci-infrastructure-issues"};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(log.sessions[i].local_date, dates[i]) << "session " << i + 1;
    EXPECT_EQ(log.sessions[i].duration_minutes, durations[i]) << "session " << i + 1;
    EXPECT_EQ(log.sessions[i].branch, branches[i]) << "session " << i + 1;
  }
}

TEST_F(ExampleLog, UtcStartsAndEnds) {
  ASSERT_EQ(log.sessions.size(), 7u);
  const std::vector<std::string> starts = {"2025-12-04T21:00:00Z", "2025-12-03T20:30:00Z", "2025-12-03T18:00:00Z",
                                           "2025-11-21T21:00:00Z", "2025-11-19T18:01:00Z", "2025-11-19T23:30:00Z",
                                           "2025-12-05T23:30:00Z"};
  // Ends: as written, else start + stated duration.
  const std::vector<std::string> ends = {"2025-12-04T22:15:00Z", "2025-12-03T21:15:00Z", "2025-12-03T18:30:00Z",
                                         "2025-11-21T21:30:00Z", "2025-11-19T21:01:00Z", "2025-11-20T02:00:00Z",
                                         "2025-12-06T00:00:00Z"};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(log.sessions[i].started_at, starts[i]) << "session " << i + 1;
    EXPECT_EQ(log.sessions[i].ended_at, ends[i]) << "session " << i + 1;
  }
  EXPECT_EQ(log.sessions[4].tz_rule, "file") << "10:01 AM has no zone; the file's headings use PST";
}

TEST_F(ExampleLog, SessionHistoryHeadingIsNotASession) {
  for (const auto& session : log.sessions) {
    EXPECT_EQ(session.title.find("Session History"), std::string::npos);
  }
  EXPECT_NE(log.outside_text.find("## Session History"), std::string::npos);
  EXPECT_NE(log.outside_text.find("Last updated"), std::string::npos);
}

TEST_F(ExampleLog, PrNumbersWithRepoFromUrl) {
  std::set<int> numbers;
  bool repo_seen = false;
  for (const auto& pr : log.prs) {
    numbers.insert(pr.number);
    repo_seen |= pr.number == 94 && pr.repo == "PerformanceSuite/CommandCenter";
  }
  EXPECT_EQ(numbers, (std::set<int>{94, 95, 97}));
  EXPECT_TRUE(repo_seen);
}

TEST_F(ExampleLog, ThirteenCommitsAndNotTheMigrationId) {
  std::set<std::string> shas;
  for (const auto& commit : log.commits) {
    shas.insert(commit.sha);
  }
  EXPECT_EQ(shas, (std::set<std::string>{"d5a0972", "9ac4919", "c7e538b", "8997fa8", "2b96e13", "b7eb928", "3aa469f",
                                         "3f23995", "24526b5", "5f66c02", "5b18efe", "b3a8299", "48ab1c5"}));
  EXPECT_EQ(shas.count("d3e92d35ba2f"), 0u);
}

TEST_F(ExampleLog, EightP1Findings) {
  ASSERT_EQ(log.findings.size(), 8u);
  for (const auto& finding : log.findings) {
    EXPECT_EQ(finding.severity, "P1");
    EXPECT_EQ(finding.session, 0);
  }
  EXPECT_EQ(log.findings[0].title, "Hardcoded JWT secret 'your-secret-key'");
}

TEST_F(ExampleLog, NoWarnings) {
  for (const auto& d : log.diagnostics) {
    EXPECT_NE(d.level, model::DiagnosticLevel::warning) << d.line << ": " << d.message;
  }
}

} // namespace
} // namespace seshdb::parse
