#include "seshdb/parse/severity.hpp"

#include "seshdb/parse/dates.hpp"
#include "seshdb/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <initializer_list>
#include <set>

namespace seshdb::parse {

namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "P1" as a word; returns the level or nullopt.
std::optional<std::string> explicit_level(std::string_view text) {
  for (std::size_t p = 0; p + 1 < text.size(); ++p) {
    if ((text[p] == 'P' || text[p] == 'p') && text[p + 1] >= '0' && text[p + 1] <= '3' &&
        (p == 0 || !is_alnum(text[p - 1])) && (p + 2 >= text.size() || !is_alnum(text[p + 2]))) {
      return std::string("P") + text[p + 1];
    }
  }
  return std::nullopt;
}

struct SeverityWord {
  std::string_view word;
  std::string_view level;
};

constexpr std::array k_words = {
    SeverityWord{"blocker", "P0"},      SeverityWord{"critical", "P1"},   SeverityWord{"high", "P1"},
    SeverityWord{"important", "P2"},    SeverityWord{"major", "P2"},      SeverityWord{"medium", "P2"},
    SeverityWord{"moderate", "P2"},     SeverityWord{"nice-to-have", "P3"}, SeverityWord{"nice to have", "P3"},
    SeverityWord{"low", "P3"},          SeverityWord{"minor", "P3"},      SeverityWord{"trivial", "P3"},
    // Code review shorthand: "Must-fix: ...", "Should-fix: ...", "Nit: ...".
    SeverityWord{"must-fix", "P1"},     SeverityWord{"should-fix", "P2"}, SeverityWord{"nit", "P3"},
    SeverityWord{"nits", "P3"},         SeverityWord{"must fix", "P1"},   SeverityWord{"should fix", "P2"},
    // Words in other languages (Kritisch, bloquant, Crítico, Hög…) are levels
    // only where the file's own legend maps them: read_word_legend.
};

// The level one lower-case word names: "p1", "high", "nit"; nullopt otherwise.
std::optional<std::string> level_of_word(std::string_view word) {
  if (word.size() == 2 && word[0] == 'p' && word[1] >= '0' && word[1] <= '3') {
    return std::string("P") + word[1];
  }
  for (const auto& entry : k_words) {
    if (entry.word == word) {
      return std::string(entry.level);
    }
  }
  return std::nullopt;
}

std::optional<SeverityWord> severity_word(std::string_view lower) {
  for (const auto& entry : k_words) {
    const auto at = lower.find(entry.word);
    if (at != std::string_view::npos && (at == 0 || !is_alnum(lower[at - 1])) &&
        (at + entry.word.size() >= lower.size() || !is_alnum(lower[at + entry.word.size()]))) {
      return entry;
    }
  }
  return std::nullopt;
}

// Nouns of problems found, which both a label over a list and a findings
// section's title use.
constexpr std::array<std::string_view, 7> k_problem_nouns = {"issue", "finding", "bug", "problem", "vulnerab",
                                                             "concern", "defect"};

bool contains_any(std::string_view lower, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return lower.find(w) != std::string_view::npos; });
}

// Words that say the list is of problems found, not tasks or steps.
bool names_findings(std::string_view lower) {
  return std::any_of(k_problem_nouns.begin(), k_problem_nouns.end(),
                     [&](std::string_view w) { return lower.find(w) != std::string_view::npos; }) ||
         contains_any(lower, {"risk", "gap", "severity", "violation", "error", "warning", "comment"});
}

std::string strip_decoration(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_alnum(c) || c == ' ' || c == '-') {
      out += c;
    } else {
      out += ' ';
    }
  }
  return std::string(util::trim(util::single_line(out)));
}

// "non-critical", "no critical issues", "not high": the word is negated.
bool negated(std::string_view lower) {
  for (std::string_view negation : {"non-", "non ", "no ", "not ", "zero ", "0 "}) {
    for (auto at = lower.find(negation); at != std::string_view::npos; at = lower.find(negation, at + 1)) {
      const std::string_view after = lower.substr(at + negation.size());
      for (const auto& entry : k_words) {
        if (after.starts_with(entry.word)) {
          return true;
        }
      }
    }
  }
  return false;
}

// "Fixed 5 critical compilation errors:", "User reported two major issues:":
// a sentence that counts problems, not a label over a list of findings.
bool counted_sentence(std::string_view lower) {
  static constexpr std::string_view k_counts[] = {"one ", "two ", "three ", "four ", "five ", "six ", "several ", "many ", "all "};
  for (std::size_t p = 0; p < lower.size(); ++p) {
    if (lower[p] >= '0' && lower[p] <= '9' && (p == 0 || lower[p - 1] == ' ')) {
      std::size_t q = p;
      while (q < lower.size() && lower[q] >= '0' && lower[q] <= '9') {
        ++q;
      }
      if (q < lower.size() && lower[q] == ' ') {
        return true;
      }
    }
  }
  for (auto word : k_counts) {
    if (lower.find(word) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

bool names_a_p_level(std::string_view text) { return explicit_level(text).has_value(); }

std::optional<Severity> severity_of_label(std::string_view label) {
  const std::string lower = util::to_lower_ascii(label);
  if (lower.size() > 120 || lower.find("phase") != std::string::npos || negated(lower)) {
    return std::nullopt;
  }
  // "### Task 1: Fix the data race (P0)", "Step 2 (P1)": a piece of work ranked
  // by its priority; the items under it are its steps, not findings.
  {
    std::size_t p = 0;
    while (p < lower.size() && !is_alnum(lower[p])) {
      ++p;
    }
    for (std::string_view word : {"task", "step", "stage", "milestone", "story", "epic", "ticket", "todo"}) {
      if (std::string_view(lower).substr(p).starts_with(word) &&
          (p + word.size() >= lower.size() || !is_alnum(lower[p + word.size()]) ||
           (lower[p + word.size()] == 's' && (p + word.size() + 1 >= lower.size() || !is_alnum(lower[p + word.size() + 1]))))) {
        return std::nullopt;
      }
    }
  }
  if (auto level = explicit_level(label)) {
    // "list issues with P0-P3 severity", "P0/P1 fixes": a scale, no one level.
    for (std::size_t p = 0; p + 1 < label.size(); ++p) {
      if ((label[p] == 'P' || label[p] == 'p') && label[p + 1] >= '0' && label[p + 1] <= '3' && label[p + 1] != (*level)[1] &&
          (p == 0 || !is_alnum(label[p - 1])) && (p + 2 >= label.size() || !is_alnum(label[p + 2]))) {
        return std::nullopt;
      }
    }
    return Severity{*level, std::string(util::trim(label))}; // "High Priority (P1):" names its level
  }
  if (lower.find("priority") != std::string::npos) {
    return std::nullopt; // "Priority: High" ranks a task, it is not a finding
  }
  auto word = severity_word(lower);
  if (!word) {
    return std::nullopt;
  }
  // "Critical Issues", "High severity", or the bare word ("Critical:").
  const std::string bare = strip_decoration(lower);
  if ((names_findings(lower) && !counted_sentence(lower)) || bare == word->word ||
      bare == std::string(word->word) + " severity") {
    return Severity{std::string(word->level), std::string(util::trim(label))};
  }
  return std::nullopt;
}

namespace {
// Words before a P-level that rank work, not a finding: "Phase 2 (P1)", "Task-3 (P2)".
constexpr std::string_view k_plan_words[] = {"phase", "task", "step", "stage", "milestone", "priority", "todo", "item",
                                             "story", "epic", "sprint", "goal", "week", "day", "part", "ticket"};
} // namespace

// "P0: 0, P1: 2, P2: 0", "P0：0，P1：2": a count of findings per level, two levels or more.
bool counts_per_level(std::string_view text) {
  int counted = 0;
  for (std::size_t p = 0; p + 1 < text.size(); ++p) {
    if ((text[p] != 'P' && text[p] != 'p') || text[p + 1] < '0' || text[p + 1] > '3' || (p > 0 && is_alnum(text[p - 1]))) {
      continue;
    }
    std::size_t q = p + 2;
    while (q < text.size() && text[q] == ' ') {
      ++q;
    }
    if (q < text.size() && (text[q] == ':' || text[q] == '=')) {
      ++q;
    } else if (text.substr(q).starts_with("\xEF\xBC\x9A")) { // "："
      q += 3;
    } else {
      continue;
    }
    while (q < text.size() && text[q] == ' ') {
      ++q;
    }
    counted += q < text.size() && text[q] >= '0' && text[q] <= '9' && (q + 1 >= text.size() || !is_alnum(text[q + 1]) ||
                                                                        (text[q + 1] >= '0' && text[q + 1] <= '9'))
                   ? 1
                   : 0;
  }
  return counted >= 2;
}

std::optional<Severity> severity_of_item(std::string_view item, std::string& title) {
  if (counts_per_level(item)) {
    return std::nullopt;
  }
  std::string_view rest = util::trim(item);
  // Skip emoji and markup before the marker: "🔴 **P1**: ...", "[P1] ...".
  std::size_t p = 0;
  while (p < rest.size() && !is_alnum(rest[p])) {
    ++p;
  }
  if (p > 12) {
    return std::nullopt;
  }
  // "阶段 P1：全量重扫", "步骤 P2": a phase or a step, numbered P1, P2.
  for (std::string_view step : {"阶段", "階段", "步骤", "步驟", "フェーズ", "단계"}) {
    if (rest.substr(0, p).find(step) != std::string_view::npos) {
      return std::nullopt;
    }
  }
  std::string_view head = rest.substr(p);
  std::size_t word_end = 0;
  std::string word;
  auto read_word = [&] { // the first word of head, lower-case, hyphens kept ("nice-to-have")
    word_end = 0;
    while (word_end < head.size() && (is_alnum(head[word_end]) || head[word_end] == '-')) {
      ++word_end;
    }
    word = util::to_lower_ascii(head.substr(0, word_end));
  };
  read_word();
  // "**Severity: High** — race in cache", "Severity: P1 - ...": the level follows the word.
  bool labelled = false;
  if (word == "severity") {
    std::size_t v = word_end;
    while (v < head.size() && (head[v] == ':' || head[v] == '*' || head[v] == ' ')) {
      ++v;
    }
    if (v == word_end || head.substr(word_end, v - word_end).find(':') == std::string_view::npos) {
      return std::nullopt;
    }
    head = head.substr(v);
    labelled = true; // the label sets the level off, as brackets would
    read_word();
  }
  // "HIGH-001", "CRITICAL-NEW-003": a severity with an identifier.
  if (const auto dash = word.find('-'); dash != std::string::npos && word != "nice-to-have") {
    const std::string suffix = word.substr(dash + 1);
    if (!suffix.empty() && ((suffix[0] >= '0' && suffix[0] <= '9') || suffix.starts_with("new"))) {
      word.resize(dash);
    }
  }
  std::optional<std::string> level = level_of_word(word);
  // "**Must fix**: x", "Should fix — y": a level of two words.
  if (!level && word_end + 1 < head.size() && head[word_end] == ' ') {
    std::size_t second_end = word_end + 1;
    while (second_end < head.size() && (is_alnum(head[second_end]) || head[second_end] == '-')) {
      ++second_end;
    }
    const std::string two = word + util::to_lower_ascii(head.substr(word_end, second_end - word_end));
    if (second_end > word_end + 1 && (level = level_of_word(two))) {
      word = two;
      word_end = second_end;
    }
  }
  bool set_off = false;
  // "**Krytyczny (P0):** x", "**RF-4 (P2)** y": any one word, a P-level in
  // brackets beside it; not a plan's "Phase 2 (P1):" or a task's priority.
  if (!level) {
    std::size_t token_end = 0;
    while (token_end < head.size() && (is_alnum(head[token_end]) || head[token_end] == '-' ||
                                       static_cast<unsigned char>(head[token_end]) >= 0x80)) {
      ++token_end;
    }
    std::size_t r = token_end;
    while (r < head.size() && head[r] == ' ') {
      ++r;
    }
    const std::string token = util::to_lower_ascii(head.substr(0, token_end));
    const bool planned = std::any_of(std::begin(k_plan_words), std::end(k_plan_words),
                                     [&](std::string_view w) { return token.starts_with(w); });
    if (token_end > 0 && r > token_end && r + 4 <= head.size() && head[r] == '(' && (head[r + 1] == 'P' || head[r + 1] == 'p') &&
        head[r + 2] >= '0' && head[r + 2] <= '3' && head[r + 3] == ')' && !planned) {
      word = token;
      word_end = token_end;
      level = std::string("P") + head[r + 2];
      set_off = true; // its bracket sets it off, as bold did before the markup went: "RF-4 (P2) x"
    }
  }
  if (!level) {
    return std::nullopt;
  }
  std::size_t q = word_end;
  std::size_t label_end = word_end;
  // "Critical (P0):", "**High (P1)** —", "[Critical/P0]": a P-level beside
  // the word is the file's own scale and wins; "P0 (Critical):" says it twice.
  {
    std::size_t r = word_end;
    while (r < head.size() && head[r] == ' ') {
      ++r;
    }
    if (r < head.size() && (head[r] == '(' || head[r] == '/')) {
      std::size_t t = r + 1;
      while (t < head.size() && head[t] == ' ') {
        ++t;
      }
      std::size_t t_end = t;
      while (t_end < head.size() && (is_alnum(head[t_end]) || head[t_end] == '-')) {
        ++t_end;
      }
      const std::string beside = util::to_lower_ascii(head.substr(t, t_end - t));
      std::size_t close = t_end;
      while (close < head.size() && head[close] == ' ') {
        ++close;
      }
      const bool closed = head[r] == '/' || (close < head.size() && head[close] == ')');
      const bool word_is_p = word.size() == 2 && word[0] == 'p';
      const auto beside_level = beside.empty() ? std::nullopt : level_of_word(beside);
      const bool beside_is_p = beside.size() == 2 && beside[0] == 'p';
      if (closed && beside_level && beside_is_p != word_is_p) {
        if (beside_is_p) {
          level = beside_level;
        }
        // Past the ')': a colon, a dash or bold must still set the marker
        // off ("Critical (P0) bugs open: 0" is a count, not a finding).
        q = head[r] == '(' ? close + 1 : t_end;
        label_end = head[r] == '(' ? close + 1 : t_end;
      } else if (head[r] == '(' && word_is_p && !beside.empty() && !beside_level) {
        // "P1 (Alto): x", "P0 (Crítico): y": the level glossed in the file's own words.
        std::size_t gloss_end = t;
        while (gloss_end < head.size() && (is_alnum(head[gloss_end]) || static_cast<unsigned char>(head[gloss_end]) >= 0x80)) {
          ++gloss_end;
        }
        // Not a remark ("P0 (tenant collision): fixed in 7d1e5b9" is the status of an earlier finding).
        if (gloss_end < head.size() && head[gloss_end] == ')') {
          q = gloss_end + 1;
          label_end = gloss_end + 1;
        }
      }
    }
  }
  // The marker must be set off: "P1:", "P1 -", "[P1]", "**P1**", "(P1)".
  std::size_t marks = 0;
  while (q < head.size() && (head[q] == ':' || head[q] == ']' || head[q] == ')' || head[q] == '*' ||
                             head[q] == ' ' || head[q] == '-' || head[q] == '|')) {
    if (head[q] != ' ') {
      ++marks;
    }
    ++q;
  }
  const bool bracketed = p > 0 && (rest[p - 1] == '[' || rest[p - 1] == '(' || rest[p - 1] == '*');
  std::string_view after = head.substr(q);
  const bool dash = after.starts_with("—") || after.starts_with("–");
  // After a "Severity:" label the title must be set off too: "**Severity**:
  // Low (cosmetic)" is a field of a bug report, not a finding called "(cosmetic)".
  // An en or em dash sets it off as a hyphen does: "P2 — eviction is wrong".
  if (marks == 0 && !dash && !set_off && (labelled || !bracketed)) {
    return std::nullopt;
  }
  if (dash) {
    after.remove_prefix(3); // "—" after the marker
  }
  title = std::string(util::trim(after));
  if (title.empty()) {
    return std::nullopt;
  }
  // "- Blocker: waiting on the infra team" is as often a session's blocker,
  // the way logs list them: its label keeps the colon, and a finding so
  // labelled stands only where the file's legend maps the word.
  if ((word == "blocker" || word == "blockers") && !bracketed && !labelled && word_end < head.size() &&
      head[word_end] == ':') {
    return Severity{*level, std::string(head.substr(0, word_end + 1))};
  }
  return Severity{*level, std::string(head.substr(0, label_end))};
}

bool names_a_legend(std::string_view title) {
  if (title.size() > 60) {
    return false; // a legend's heading is short; most headings are answered here or below without a copy
  }
  const std::string lower = util::to_lower_ascii(util::trim(title));
  if (lower.find("leg") == std::string::npos && lower.find("lev") == std::string::npos &&
      lower.find("scal") == std::string::npos && lower.find("key") == std::string::npos &&
      lower.find("defin") == std::string::npos && lower.find("how to") == std::string::npos &&
      lower.find("severities") == std::string::npos) {
    return false;
  }
  if (std::count(lower.begin(), lower.end(), ' ') > 4) {
    return false;
  }
  // Phrases anywhere in a short title; "Key findings" or "Log levels" are no legend.
  for (std::string_view phrase : {"legend", "severity levels", "severity scale", "severity key", "severity definitions",
                                  "priority levels", "priority scale", "priority key", "priority definitions",
                                  "how to read"}) {
    if (util::contains_word(lower, phrase)) {
      return true;
    }
  }
  std::string_view bare = lower;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) {
    bare.remove_suffix(1);
  }
  for (std::string_view whole : {"severities", "priorities legend"}) {
    if (bare == whole) {
      return true;
    }
  }
  return false;
}

bool introduces_review_findings(std::string_view line) {
  std::string lower = util::to_lower_ascii(util::trim(line));
  if (lower.empty() || lower.back() != ':') {
    return false;
  }
  for (std::string_view verb : {"flagged", "/review", "review found", "reviewer found", "review raised", "reviewer raised",
                                "my review", "review comments"}) {
    if (lower.find(verb) != std::string::npos) {
      return true;
    }
  }
  // "Codex review of my own diff:", "Self-review:"; not a review still to do
  // ("Things to review:", "Pending review:").
  if (util::contains_word(lower, "review") || lower.find("self-review") != std::string::npos) {
    for (std::string_view ahead : {"to review", "needs review", "need review", "pending review", "for review",
                                   "awaiting review", "request review", "requested review"}) {
      if (lower.find(ahead) != std::string::npos) {
        return false;
      }
    }
    return true;
  }
  return false;
}

bool section_names_problems(std::string_view title) {
  const std::string lower = util::to_lower_ascii(title);
  if (std::any_of(k_problem_nouns.begin(), k_problem_nouns.end(),
                  [&](std::string_view w) { return lower.find(w) != std::string_view::npos; }) ||
      contains_any(lower, {"befund", "code review", "review comment", "remarque",
                           // "代码审查结果", "评审意见", "问题清单", "复审新发现", "缺陷", "漏洞", "指摘事項", "리뷰"
                           "审查", "審查", "评审", "評審", "问题", "問題", "缺陷", "漏洞", "发现", "發現", "指摘", "리뷰"})) {
    return true;
  }
  // A session's own "### Review" or "### PR review" (not "Sprint review" or "Weekly review").
  std::string_view bare = util::trim(lower);
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) {
    bare.remove_suffix(1);
  }
  for (std::string_view whole : {"review", "reviews", "pr review", "review notes", "reviewer notes", "self-review",
                                 "self review", "revisión", "revue", "レビュー", "审查", "评审"}) {
    if (bare == whole) {
      return true;
    }
  }
  if (introduces_review_findings(title)) {
    return true;
  }
  // "Review notes on PR #212", "Review from @dana-k on #318:", "Review feedback — round 2".
  for (std::string_view lead : {"review notes on", "review notes:", "review notes —", "review notes (", "review from @",
                                "review feedback:", "review feedback on", "review feedback from", "review feedback —",
                                "review of pr #", "review on pr #", "review of #", "review on #", "pr review —",
                                "pr review:", "pr review of", "reviewer feedback"}) {
    if (bare.starts_with(lead)) {
      return true;
    }
  }
  return false;
}

std::optional<Severity> trailing_severity(std::string_view item, std::string& title) {
  std::string_view text = util::trim(item);
  // "Null deref in parse() (high)", "Unused import — low", "Typo in README [P3]".
  std::string_view level_text;
  std::string_view rest;
  if (!text.empty() && (text.back() == ')' || text.back() == ']')) {
    const char open = text.back() == ')' ? '(' : '[';
    const auto at = text.rfind(open);
    if (at == std::string_view::npos || at == 0) {
      return std::nullopt;
    }
    level_text = text.substr(at + 1, text.size() - at - 2);
    rest = text.substr(0, at);
  } else {
    for (std::string_view dash : {" — ", " – ", " - "}) {
      const auto at = text.rfind(dash);
      if (at != std::string_view::npos && at > 0) {
        level_text = text.substr(at + dash.size());
        rest = text.substr(0, at);
        break;
      }
    }
  }
  const std::string lower = util::to_lower_ascii(util::trim(level_text));
  if (lower == "major" || lower == "minor") {
    return std::nullopt; // "Bumped React 18 → 19 (major)": a version step
  }
  const std::optional<std::string> level = level_of_word(lower);
  rest = util::trim(rest);
  if (!level || rest.empty()) {
    return std::nullopt;
  }
  // "Task 1.1: Fix command injection (CRITICAL)": a task ranked by what it fixes.
  const std::string lower_rest = util::to_lower_ascii(rest.substr(0, 8));
  for (std::string_view task : {"task", "step", "phase", "todo", "[ ]", "[x]"}) {
    if (lower_rest.starts_with(task)) {
      return std::nullopt;
    }
  }
  title = std::string(rest);
  return Severity{*level, std::string(util::trim(level_text))};
}

std::optional<Severity> severity_of_finding_heading(std::string_view heading, std::string& title) {
  auto severity = severity_of_item(heading, title);
  if (!severity) {
    return std::nullopt;
  }
  title = std::string(util::trim(title));
  const std::string lower = util::to_lower_ascii(title);
  const auto words = std::count(lower.begin(), lower.end(), ' ') + 1;
  // "P1 Issues", "Critical bugs found", "P2 (3)": a label over findings, or a count.
  if (title.empty() || title.ends_with(":") || (words <= 3 && names_findings(lower)) ||
      std::none_of(lower.begin(), lower.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; })) {
    return std::nullopt;
  }
  return severity;
}

void read_severity_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend, bool in_legend) {
  if (line.size() > 400 || !explicit_level(line)) {
    return; // most lines: no level, no copy
  }
  const std::string lower = util::to_lower_ascii(line);
  // What joins a word and its level: markup and "=", ":", "-", "→", brackets,
  // or a table's "|". A mapping sign ("=", "→", "|") says legend on its own;
  // ":", "-" or "(" only on a line that maps two levels or more ("**P1**:
  // Critical path slow" is a finding, not a legend).
  enum class Join { none, weak, strong };
  const auto join = [](std::string_view between) {
    std::string rest(between);
    bool sign = false;
    for (std::string_view arrow : {"→", "⇒", "->", "=>", "=", "|"}) {
      for (auto at = rest.find(arrow); at != std::string::npos; at = rest.find(arrow)) {
        rest.replace(at, arrow.size(), " ");
        sign = true;
      }
    }
    for (std::string_view dash : {"—", "–"}) {
      for (auto at = rest.find(dash); at != std::string::npos; at = rest.find(dash)) {
        rest.replace(at, dash.size(), " ");
      }
    }
    if (rest.find_first_not_of(" *_`:-()[]") != std::string::npos || rest.size() > 8) {
      return Join::none;
    }
    return sign ? Join::strong : Join::weak;
  };
  std::vector<std::pair<std::string, std::string>> found;
  bool all_strong = true;
  for (std::size_t p = 0; p + 1 < lower.size(); ++p) {
    if (lower[p] != 'p' || lower[p + 1] < '0' || lower[p + 1] > '3' || (p > 0 && is_alnum(lower[p - 1])) ||
        (p + 2 < lower.size() && is_alnum(lower[p + 2]))) {
      continue;
    }
    const std::string level = std::string("P") + lower[p + 1];
    for (const auto& entry : k_words) {
      Join how = Join::none;
      // "critical = p0" / "critical (p0)": the word ends before the level.
      const auto before = lower.rfind(entry.word, p);
      if (before != std::string::npos && before + entry.word.size() <= p && (before == 0 || !is_alnum(lower[before - 1]))) {
        how = join(std::string_view(lower).substr(before + entry.word.size(), p - before - entry.word.size()));
      }
      // "p0 = critical" / "p0 – critical"; not "| p2 | critical section in cache |",
      // where the word opens a finding's title.
      const auto after = lower.find(entry.word, p + 2);
      if (how == Join::none && after != std::string::npos &&
          (after + entry.word.size() >= lower.size() || !is_alnum(lower[after + entry.word.size()]))) {
        std::size_t next = after + entry.word.size();
        while (next < lower.size() && (lower[next] == ' ' || lower[next] == '*' || lower[next] == '_' || lower[next] == '`')) {
          ++next;
        }
        const bool ends_there = next >= lower.size() || !(lower[next] >= 'a' && lower[next] <= 'z');
        if (ends_there) {
          how = join(std::string_view(lower).substr(p + 2, after - p - 2));
        }
      }
      if (how != Join::none) {
        all_strong = all_strong && how == Join::strong;
        found.emplace_back(std::string(entry.word), level);
        break;
      }
    }
  }
  // One pairing is a legend only as a table row of just the level and the
  // word ("| P0 | Critical |"); "Re-triaged: Medium → P1" or "| 1 | P2 |
  // High | race |" rank one finding.
  bool legend_row = false;
  if (found.size() == 1 && all_strong && util::trim(line).starts_with("|")) {
    std::size_t cells = 0;
    for (const char c : util::trim(line)) {
      cells += c == '|' ? 1 : 0;
    }
    legend_row = cells <= 4; // "| P0 | Critical |" or "| P0 | Critical | blocks release |"
  }
  // Or one of the usual words on a line that maps other words too: "**Blocker**
  // = P0, **Must** = P1, **Should** = P2" (a MoSCoW legend).
  const auto maps_two_levels = [&] {
    std::set<char> levels;
    for (std::size_t p = 0; p + 1 < lower.size(); ++p) {
      if (lower[p] != 'p' || lower[p + 1] < '0' || lower[p + 1] > '3' || (p > 0 && is_alnum(lower[p - 1]))) {
        continue;
      }
      std::size_t b = p;
      while (b > 0 && (lower[b - 1] == ' ' || lower[b - 1] == '*' || lower[b - 1] == '`' || lower[b - 1] == '_')) {
        --b;
      }
      if ((b > 0 && lower[b - 1] == '=') || (b >= 3 && lower.compare(b - 3, 3, "→") == 0)) {
        levels.insert(lower[p + 1]);
      }
    }
    return levels.size() >= 2;
  };
  if (found.empty() || (found.size() < 2 && !legend_row && !in_legend && !maps_two_levels())) {
    return;
  }
  for (auto& mapping : found) {
    if (std::none_of(legend.begin(), legend.end(), [&](const auto& e) { return e.first == mapping.first; })) {
      legend.push_back(std::move(mapping));
    }
  }
}

namespace {
constexpr std::string_view k_level_marks[] = {"🔴", "🟠", "🟡", "🟢", "🔵", "🟣", "🟤", "⚪", "⚫"};
}

bool has_level_mark(std::string_view text) {
  return std::any_of(std::begin(k_level_marks), std::end(k_level_marks),
                     [&](std::string_view mark) { return text.find(mark) != std::string_view::npos; });
}

void read_mark_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend) {
  if (line.size() > 400 || !has_level_mark(line)) {
    return;
  }
  std::vector<std::pair<std::string, std::string>> found;
  for (std::string_view mark : k_level_marks) {
    const auto at = line.find(mark);
    if (at == std::string_view::npos) {
      continue;
    }
    // The mark, then at most a sign or a few markup characters, then P0-P3.
    std::size_t p = at + mark.size();
    const std::size_t limit = std::min(line.size(), p + 8);
    while (p < limit && (line[p] == ' ' || line[p] == '=' || line[p] == ':' || line[p] == '*' || line[p] == '(' ||
                         line[p] == '-' || line[p] == '>')) {
      ++p;
    }
    if (line.substr(p).starts_with("→")) {
      p = std::min(line.size(), p + std::string_view("→").size() + 1);
    }
    if (p + 1 < line.size() && (line[p] == 'P' || line[p] == 'p') && line[p + 1] >= '0' && line[p + 1] <= '3' &&
        (p + 2 >= line.size() || !is_alnum(line[p + 2]))) {
      found.emplace_back(std::string(mark), std::string("P") + line[p + 1]);
    }
  }
  if (found.size() < 2) {
    return;
  }
  for (auto& mapping : found) {
    if (std::none_of(legend.begin(), legend.end(), [&](const auto& e) { return e.first == mapping.first; })) {
      legend.push_back(std::move(mapping));
    }
  }
}

void read_word_legend(std::string_view line, std::vector<std::pair<std::string, std::string>>& legend,
                      std::vector<std::pair<std::string, std::string>>* lone_pairs) {
  // Most lines have no sign that maps: answer those at once.
  if (line.size() > 400 || (line.find('=') == std::string_view::npos && line.find("→") == std::string_view::npos &&
                            line.find("->") == std::string_view::npos && line.find("(P") == std::string_view::npos &&
                            line.find("(p") == std::string_view::npos) ||
      !explicit_level(line)) {
    return;
  }
  std::size_t lone_word_begin = 0;
  std::size_t lone_level_end = 0;
  const std::string normalized = normalize_width(line);
  std::vector<std::pair<std::string, std::string>> found;
  for (std::size_t p = 0; p + 1 < normalized.size(); ++p) {
    if ((normalized[p] != 'P' && normalized[p] != 'p') || normalized[p + 1] < '0' || normalized[p + 1] > '3' ||
        (p > 0 && is_alnum(normalized[p - 1])) || (p + 2 < normalized.size() && is_alnum(normalized[p + 2]))) {
      continue;
    }
    // Back over the sign that maps the word to the level: "=", "→", "->".
    std::size_t b = p;
    const auto skip_back = [&](std::string_view chars) {
      while (b > 0 && chars.find(normalized[b - 1]) != std::string_view::npos) {
        --b;
      }
    };
    skip_back(" `*");
    bool sign = false;
    if (b > 0 && normalized[b - 1] == '=') {
      --b;
      sign = true;
    } else if (b >= 3 && std::string_view(normalized).substr(b - 3, 3) == "→") {
      b -= 3;
      sign = true;
    } else if (b >= 2 && std::string_view(normalized).substr(b - 2, 2) == "->") {
      b -= 2;
      sign = true;
    } else if (b > 0 && normalized[b - 1] == '(' && p + 2 < normalized.size() && normalized[p + 2] == ')') {
      --b; // "**Kritisk** (P0), **Hög** (P1)": the level in brackets after the word
      sign = true;
    }
    if (!sign) {
      continue;
    }
    skip_back(" `*");
    if (b > 0 && normalized[b - 1] == '(') { // "**krytyczny** (= P0)"
      --b;
      skip_back(" `*");
    }
    // The word: "[MUST]" (a tag) or a run of letters ("致命", "Blocker").
    std::size_t e = b;
    std::string word;
    if (b > 0 && normalized[b - 1] == ']') {
      const auto open = normalized.rfind('[', b - 1);
      if (open == std::string_view::npos || b - 1 - open > 16 || b - 1 - open < 1) {
        continue;
      }
      word = normalized.substr(open + 1, b - 2 - open);
    } else {
      const auto letter = [&](std::size_t at) {
        return std::isalpha(static_cast<unsigned char>(normalized[at])) != 0 ||
               static_cast<unsigned char>(normalized[at]) >= 0x80 || normalized[at] == '-';
      };
      while (b > 0 && e - b < 18 && letter(b - 1)) {
        --b;
      }
      // Two words ("Nghiêm trọng → P0") when nothing but a marker or a
      // separator comes before them, not a sentence ("levels are critical = P0").
      const auto word_letter = [&](std::size_t at) { return normalized[at] != '-' && letter(at); };
      if (b >= 2 && normalized[b - 1] == ' ' && word_letter(b - 2)) {
        std::size_t first = b - 1;
        while (first > 0 && e - first < 24 && word_letter(first - 1)) {
          --first;
        }
        std::size_t lead = first;
        while (lead > 0 && (normalized[lead - 1] == ' ' || normalized[lead - 1] == '*' || normalized[lead - 1] == '`')) {
          --lead;
        }
        if (first < b - 1 && (lead == 0 || std::string_view("-+(,;:|>").find(normalized[lead - 1]) != std::string_view::npos ||
                              static_cast<unsigned char>(normalized[lead - 1]) >= 0x80)) {
          b = first;
        }
      }
      word = normalized.substr(b, e - b);
    }
    word = util::to_lower_ascii(util::trim(word));
    // Leave the usual words ("Critical = P0") to the severity legend.
    if (word.empty() || explicit_level(word) || severity_word(word) ||
        std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    found.emplace_back(std::move(word), std::string("P") + normalized[p + 1]);
    lone_word_begin = b;
    lone_level_end = p + 2;
  }
  // "- Nghiêm trọng → P0": a legend written one pairing a line, when the line
  // holds nothing else; the caller weighs them together.
  if (found.size() == 1 && lone_pairs != nullptr) {
    const std::string_view before = std::string_view(normalized).substr(0, lone_word_begin);
    const std::string_view after = std::string_view(normalized).substr(lone_level_end);
    const bool only_marker = std::all_of(before.begin(), before.end(), [](char c) {
      return std::string_view("-*+ `_>0123456789.)").find(c) != std::string_view::npos || static_cast<unsigned char>(c) >= 0x80;
    });
    const bool nothing_after = after.find_first_not_of(" )*`_.,;") == std::string_view::npos;
    if (only_marker && nothing_after) {
      lone_pairs->push_back(found.front());
    }
  }
  add_word_legend(found, legend);
}

void add_word_legend(std::vector<std::pair<std::string, std::string>> pairs,
                     std::vector<std::pair<std::string, std::string>>& legend) {
  std::set<std::string> levels;
  for (const auto& pair : pairs) {
    levels.insert(pair.second);
  }
  if (pairs.size() < 2 || levels.size() < 2) {
    return; // one pairing is a sentence ("the blocker = P0 bug"), not a scale
  }
  for (auto& mapping : pairs) {
    if (std::none_of(legend.begin(), legend.end(), [&](const auto& e) { return e.first == mapping.first; })) {
      legend.push_back({"word:" + mapping.first, mapping.second});
    }
  }
}

std::optional<MarkedLevel> level_of_mark(std::string_view item,
                                         const std::vector<std::pair<std::string, std::string>>& legend) {
  std::string_view text = util::trim(item);
  while (!text.empty() && (text.front() == '*' || text.front() == '_')) {
    text.remove_prefix(1);
  }
  for (const auto& [mark, level] : legend) {
    if (mark.starts_with("word:")) {
      // A mapped word as a tag or a label: "[MUST] x", "致命：x", "**严重** x", or a whole cell.
      const std::string_view word = std::string_view(mark).substr(5);
      const bool tagged = text.starts_with("[") || text.starts_with("`[");
      std::string_view rest = text.substr(text.starts_with("`[") ? 2 : (tagged ? 1 : 0));
      const std::string head = util::to_lower_ascii(rest.substr(0, std::min(rest.size(), word.size())));
      if (head != word) {
        continue;
      }
      rest.remove_prefix(word.size());
      if (tagged) {
        if (!rest.starts_with("]")) {
          continue;
        }
        rest.remove_prefix(rest.starts_with("]`") ? 2 : 1);
      } else {
        while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) {
          rest.remove_prefix(1);
        }
        if (!rest.empty() && !rest.starts_with(":") && !rest.starts_with(" —") && !rest.starts_with(" -") &&
            !rest.starts_with(" –")) {
          continue; // "严重的问题是…" uses the word, it does not label a finding
        }
      }
      while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ' || rest.front() == '*' || rest.front() == '-')) {
        rest.remove_prefix(1);
      }
      for (std::string_view dash : {"— ", "– "}) {
        if (rest.starts_with(dash)) {
          rest.remove_prefix(dash.size());
        }
      }
      return MarkedLevel{level, std::string(word), util::trim(rest), true};
    }
    if (text.starts_with(mark)) {
      std::string_view rest = text.substr(mark.size());
      if (rest.starts_with("\xEF\xB8\x8F")) { // the emoji variation selector
        rest.remove_prefix(3);
      }
      return MarkedLevel{level, mark, util::trim(rest)};
    }
  }
  return std::nullopt;
}

std::optional<std::string> level_from_legend(std::string_view label,
                                             const std::vector<std::pair<std::string, std::string>>& legend) {
  if (legend.empty() || explicit_level(label)) {
    return std::nullopt;
  }
  const std::string lower = util::to_lower_ascii(label);
  auto word = severity_word(lower);
  if (!word) {
    return std::nullopt;
  }
  for (const auto& [name, level] : legend) {
    if (name == word->word) {
      return level;
    }
  }
  return std::nullopt;
}

} // namespace seshdb::parse
