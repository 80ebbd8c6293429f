// Line scanners for the references a session mentions: commit hashes (only
// where the text says they are commits), PR numbers (with repo and action),
// file paths, and metrics (test counts, scores, progress, tokens...).
// Each takes one line of normalised text and what is known about where it
// stands; none looks at other lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seshdb::parse {

struct LineContext {
  bool in_code = false;          // inside a fenced or indented code block
  bool commits_section = false;  // under a heading about commits
  bool files_section = false;    // under a heading about files
  std::optional<std::string> files_action; // "created" from "Files Created"
  bool stats_section = false;
  bool plans_or_tickets = false; // under "## Next steps" or "## Issues filed": "(#60)" names an issue
  bool prs_section = false;      // under "### Pull requests": "- #66 fix(x): y" is PR 66
};

std::vector<std::string> scan_commits(std::string_view line, const LineContext& context);

struct PrMention {
  int number = 0;
  std::optional<std::string> repo;
  std::optional<std::string> action;
};
// `squash`: whether a commit subject's closing "(#N)" may be read as the PR it
// was squashed from; `digit_hashes`: whether an all-digit hash opens such a
// subject (in git log output, where about 4% of short hashes have no letter).
std::vector<PrMention> scan_prs(std::string_view line, bool squash = true, bool digit_hashes = false);
// "a1b2c3d Fix crash (#12)": a line that opens with a commit hash, as
// `git log --oneline` prints it; in a code block its PRs are real ones.
bool starts_with_commit_hash(std::string_view line);
// A line of git log output: one that opens with a hash, or the indented
// subject of a full log ("    feat: x (#12)", "    Merge pull request #5 ...").
bool is_git_log_line(std::string_view line);

struct FileMention {
  std::string path;
  std::optional<std::string> action;
};
std::vector<FileMention> scan_files(std::string_view line, const LineContext& context);

struct MetricMention {
  std::string name;
  std::optional<double> value;
  std::string unit;
  std::string raw;
};
std::vector<MetricMention> scan_metrics(std::string_view line, const LineContext& context);

// True for lowercase hex of 7..40 characters.
bool is_hex_token(std::string_view token);

} // namespace seshdb::parse
