#include "seshdb/parse/session_detection.hpp"

#include "seshdb/parse/section_kinds.hpp"
#include "seshdb/parse/times.hpp"
#include "seshdb/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace seshdb::parse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "Session 12", "Session #28", "Latest Session: ...": a numbered session
// heading is a session even when it has no date. So are a journal's "Day 12"
// (#100DaysOfCode), "Entry 5", "Devlog #3", and "Sesión 4", "Séance 2",
// "Sitzung 3", "第3天", "セッション2", when they open the heading.
bool is_numbered_entry(std::string_view normalized);

// "セッション1", "会话 2", "第3次会话", "第2回セッション": numbered sessions in
// Chinese and Japanese, near the start of the heading.
bool is_cjk_numbered_session(std::string_view normalized) {
  for (std::string_view word : {"セッション", "会话", "會話", "会話"}) {
    const auto at = normalized.find(word);
    if (at == std::string_view::npos || at > 16) {
      continue;
    }
    std::size_t p = at + word.size();
    while (p < normalized.size() && (normalized[p] == ' ' || normalized[p] == '#')) {
      ++p;
    }
    if (p < normalized.size() && is_digit(normalized[p])) {
      return true; // "セッション1", "会话 #2"
    }
    // "第3次会话", "第2回セッション": the number before the word.
    const std::string_view before = normalized.substr(0, at);
    const auto first = before.find("第");
    if (first != std::string_view::npos) {
      std::size_t q = first + std::string_view("第").size();
      std::size_t digits = 0;
      while (q < before.size() && is_digit(before[q])) {
        ++q;
        ++digits;
      }
      const std::string_view counter = before.substr(q);
      if (digits > 0 && digits <= 4 && (counter == "次" || counter == "回" || counter == "次 " || counter == "回 ")) {
        return true;
      }
    }
  }
  return false;
}

// "Run 41 — Codex — Bump AWS provider", "Agent run 7": an agent's numbered
// run, opening the heading (not "Benchmark run 3 results" mid-title).
bool is_numbered_run(std::string_view normalized) {
  std::string_view t = util::trim(normalized);
  while (!t.empty() && (t.front() == '*' || t.front() == '_' || t.front() == '#' || t.front() == '[')) {
    t.remove_prefix(1);
  }
  const std::string lower = util::to_lower_ascii(t.substr(0, std::min<std::size_t>(t.size(), 24)));
  for (std::string_view lead : {"run #", "run ", "agent run #", "agent run "}) {
    if (lower.starts_with(lead)) {
      std::size_t p = lead.size();
      std::size_t digits = 0;
      while (p + digits < lower.size() && is_digit(lower[p + digits])) {
        ++digits;
      }
      const std::size_t end = p + digits;
      return digits > 0 && digits <= 5 && (end >= lower.size() || lower[end] == ' ' || lower[end] == ':' || lower[end] == ')');
    }
  }
  return false;
}

bool is_numbered_session(std::string_view normalized) {
  if (is_numbered_run(normalized)) {
    return true;
  }
  const bool non_ascii = std::any_of(normalized.begin(), normalized.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (non_ascii && is_cjk_numbered_session(normalized)) {
    return true;
  }
  const std::string lower = util::to_lower_ascii(normalized);
  std::size_t at = lower.find("session");
  while (at != std::string::npos) {
    if (at == 0 || !is_alpha(lower[at - 1])) {
      std::size_t p = at + 7;
      if (p < lower.size() && lower[p] == 's') {
        at = lower.find("session", at + 7); // "Sessions #21-24" recaps several; only a date makes it a session
        continue;
      }
      while (p < lower.size() && (lower[p] == ' ' || lower[p] == '#' || lower[p] == '-' || lower[p] == ':')) {
        ++p;
      }
      std::size_t digits = 0;
      while (p + digits < lower.size() && is_digit(lower[p + digits])) {
        ++digits;
      }
      const std::size_t end = p + digits;
      // A year-like number followed by "-MM" is a (broken) date, not a number.
      const bool date_like = digits == 4 && end < lower.size() && (lower[end] == '-' || lower[end] == '.');
      if (digits > 0 && digits <= 4 && !date_like && (end >= lower.size() || !is_alpha(lower[end]))) {
        // Only near the start: "Notes on session 3 bugs" is not a session heading.
        return at <= 16;
      }
    }
    at = lower.find("session", at + 7);
  }
  return false;
}

bool is_numbered_entry(std::string_view normalized) {
  const std::string lower = util::to_lower_ascii(normalized);
  // Past emoji and markup: the word must open the heading.
  std::size_t at = 0;
  while (at < lower.size() && at < 8 && !is_alpha(lower[at]) && !is_digit(lower[at]) &&
         !(static_cast<unsigned char>(lower[at]) >= 0xE3 && static_cast<unsigned char>(lower[at]) <= 0xE9)) {
    ++at;
  }
  std::string_view rest = std::string_view(lower).substr(at);
  // "Devlog Day 3", "开发日志 Day 0": the log's name before its day.
  for (std::string_view name : {"devlog ", "dev log ", "开发日志 ", "开发日志", "日志 ", "journal ", "diary ", "worklog "}) {
    if (rest.starts_with(name) && rest.substr(name.size()).starts_with("day")) {
      rest.remove_prefix(name.size());
      break;
    }
  }
  // The number, then the end, a separator or a bracket: "Day 12", "Day 3:
  // parser", "Entry 5 — x", "Day 0 (setup)"; not "Log 1.2.0", "Day 2
  // operations", "Day 0 response".
  const auto number_after = [&](std::size_t p) {
    while (p < rest.size() && (rest[p] == ' ' || rest[p] == '#')) {
      ++p;
    }
    std::size_t digits = 0;
    while (p + digits < rest.size() && is_digit(rest[p + digits])) {
      ++digits;
    }
    const std::size_t end = p + digits;
    if (digits == 0 || digits > 3) {
      return false;
    }
    if (end >= rest.size()) {
      return true;
    }
    const std::string_view after = rest.substr(end);
    if (after[0] == ':' || after[0] == '(' || after[0] == ')' || after[0] == ',' || after[0] == '|') {
      return true;
    }
    // "Day 2/100", "Day 3 of 100" (#100DaysOfCode): the day of a challenge.
    const auto of_total = [](std::string_view tail) {
      std::size_t q = 0;
      while (q < tail.size() && is_digit(tail[q])) {
        ++q;
      }
      return q > 0 && q <= 3 && (q == tail.size() || !is_alpha(tail[q]));
    };
    if (after[0] == '/' && of_total(after.substr(1))) {
      return true;
    }
    if (after.starts_with(" of ") && of_total(after.substr(4))) {
      return true;
    }
    if (after[0] == '.' || after[0] == '-') {
      return after.size() == 1 || after[1] == ' '; // "Day 3. x", not "Log 1.2" or "Day 2-3"
    }
    if (after[0] == ' ') {
      const std::string_view next = after.substr(1);
      return next.empty() || next.starts_with("—") || next.starts_with("–") || next.starts_with("- ") ||
             next.starts_with("(") || next.starts_with(":") || next.starts_with("|") || next.starts_with("[") ||
             is_digit(next[0]); // "Day 3 2025-03-04"
    }
    return static_cast<unsigned char>(after[0]) >= 0x80; // "第5天", "Day 3—x"
  };
  // Not "Log 2" (a troubleshooting step) nor "Tag 1" (a git tag).
  for (std::string_view word : {"day", "entry", "devlog", "dev log", "sesión", "sesion", "séance", "seance",
                                "sitzung", "sessão", "sessao", "día", "dia", "jour", "セッション", "会话", "会议"}) {
    if (rest.starts_with(word) && (rest.size() == word.size() || !is_alpha(rest[word.size()])) && number_after(word.size())) {
      return true;
    }
  }
  // "第3天", "第12次", "第5日", "第2回".
  if (rest.starts_with("第")) {
    std::size_t p = 3;
    std::size_t digits = 0;
    while (p + digits < rest.size() && is_digit(rest[p + digits])) {
      ++digits;
    }
    const std::string_view after = rest.substr(p + digits);
    return digits > 0 && digits <= 3 &&
           (after.starts_with("天") || after.starts_with("次") || after.starts_with("日") || after.starts_with("回"));
  }
  return false;
}

// The year of a log's title: at its end ("Engineering Journal — 2025", "Dev
// log (2024)"), before a separator ("开源之夏 2025 · 项目开发日志"), or
// written the CJK way at its start ("2025 年 管理后台 开发与评审记录").
int title_year(std::string_view normalized) {
  std::string_view t = util::trim(normalized);
  while (!t.empty() && (t.back() == ')' || t.back() == ']' || t.back() == '*' || t.back() == '_')) {
    t.remove_suffix(1);
  }
  if (t.size() < 6) {
    return 0;
  }
  // The title's one year-like number: "Project Log 2024–2025" has two.
  std::size_t at = std::string_view::npos;
  for (std::size_t p = 0; p + 4 <= t.size(); ++p) {
    if ((t.substr(p, 2) == "19" || t.substr(p, 2) == "20") &&
        std::all_of(t.begin() + static_cast<std::ptrdiff_t>(p), t.begin() + static_cast<std::ptrdiff_t>(p) + 4, is_digit) &&
        (p == 0 || !is_digit(t[p - 1])) && (p + 4 == t.size() || !is_digit(t[p + 4]))) {
      if (at != std::string_view::npos) {
        return 0;
      }
      at = p;
    }
  }
  if (at == std::string_view::npos) {
    return 0;
  }
  const char before = at > 0 ? t[at - 1] : ' ';
  if (is_alpha(before) || before == '-' || before == '/' || before == '.') {
    return 0; // "v1.2025", "2024-2025" are not a title's year
  }
  const std::string_view after = t.substr(at + 4);
  const std::string_view cjk_after = after.starts_with(" ") ? after.substr(1) : after;
  // Opening the title: "下线2019年的计费系统" names the system's year, not the log's.
  const bool cjk_year = at == 0 && cjk_after.starts_with("年") && !std::any_of(cjk_after.begin(), cjk_after.end(), is_digit);
  bool set_off = after.empty() || cjk_year;
  for (std::string_view separator : {" · ", " — ", " – ", " - ", " | ", ": "}) {
    set_off = set_off || after.starts_with(separator);
  }
  if (!set_off) {
    return 0; // "2025-03", "2025 roadmap items"
  }
  const std::string lower = util::to_lower_ascii(t);
  for (std::string_view word : {"since", "from", "starting", "ab ", "desde", "depuis"}) {
    if (lower.find(word) != std::string::npos) {
      return 0; // "Dev log (since 2024)": the first of several years
    }
  }
  // A log's title ("Engineering Journal — 2025"), not "Upgrading to Visual Studio 2022".
  bool log_title = false;
  for (std::string_view word : {"log", "journal", "diary", "notes", "sessions", "devlog", "tagebuch", "日志", "日記", "bitácora",
                                "记录", "記錄", "周报", "週報", "日报", "日報", "笔记", "筆記"}) {
    log_title = log_title || lower.find(word) != std::string::npos;
  }
  if (!log_title) {
    return 0;
  }
  // Narrower than a date's years: a title's number is more often a name ("Project 2048").
  const int year = std::stoi(std::string(t.substr(at, 4)));
  return year >= 2000 && year <= 2039 ? year : 0;
}

// "(Merged 2026-01-13)", "(Updated 2025-12-22)": an event's date, not a session's.
bool event_date(std::string_view normalized, const DateMatch& date) {
  const std::string before = util::to_lower_ascii(normalized.substr(0, date.begin));
  std::string_view tail = util::trim(before);
  while (!tail.empty() && (tail.back() == '(' || tail.back() == ':' || tail.back() == '[')) {
    tail.remove_suffix(1);
    tail = util::trim(tail);
  }
  for (std::string_view word : {"merged", "completed", "released", "updated", "added", "fixed", "deployed", "closed",
                                "created", "resolved", "last updated", "since", "until", "due", "deadline", "by",
                                "before", "as of", "截止", "截至"}) {
    if (tail.ends_with(word) && (tail.size() == word.size() || !is_alpha(tail[tail.size() - word.size() - 1]))) {
      return true; // the whole word: "by", not "lobby"
    }
  }
  // "6月15日前完成", "6月30日之前": a deadline written after the date.
  const std::string_view after = normalized.substr(date.end);
  return after.starts_with("前") || after.starts_with("之前") || after.starts_with("以前");
}

// "## Roadmap", "## Changelog", "## Upcoming milestones": what is dated under
// such a heading is planned or released, not worked on in a session.
bool names_plans(std::string_view heading) {
  const std::string lower = util::to_lower_ascii(heading);
  const util::ByteSet bytes(lower);
  for (std::string_view log_word : {"log", "journal", "session", "notes", "diary"}) {
    if (!bytes.may_contain(log_word)) {
      continue;
    }
    for (auto at = lower.find(log_word); at != std::string::npos; at = lower.find(log_word, at + 1)) {
      if (at == 0 || !is_alpha(lower[at - 1])) {
        return false; // "Roadmap & dev log", not the "log" of "changelog"
      }
    }
  }
  // "## Dates to remember" over "### 2025-12-01 — feature freeze": days ahead, not sittings.
  for (std::string_view word : {"roadmap", "changelog", "change log", "release notes", "milestones", "upcoming",
                                "backlog", "future work", "dates to remember", "important dates", "key dates",
                                "deadlines"}) {
    if (bytes.may_contain(word) && lower.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// "## [1.3.2] - 2025-05-28", "## v1.4.0 (2025-06-01)", "## Release 2.1 —
// 2025-06-03": a release, dated, not a session.
bool names_a_release(std::string_view normalized) {
  std::string_view t = util::trim(normalized);
  // Past an emoji: "📦 Release v0.3.0 — 2025-03-09".
  while (!t.empty() && static_cast<unsigned char>(t.front()) >= 0x80) {
    t.remove_prefix(1);
  }
  t = util::trim(t);
  const std::string lower = util::to_lower_ascii(t);
  std::size_t p = 0;
  bool marked = false; // "v", "[" or a word says it is a version
  bool worded = false; // a word says so: a remark in brackets may follow ("Patch notes 0.2.1 (itch, Mar 12)")
  // "Post-jam patch v1.0.1": one word of its own before the release word.
  std::size_t lead = 0;
  if (const auto space = lower.find(' '); space != std::string::npos && space < 16) {
    const std::string_view second = std::string_view(lower).substr(space + 1);
    if (second.starts_with("patch ") || second.starts_with("release ") || second.starts_with("hotfix ")) {
      lead = space + 1;
    }
  }
  for (std::string_view word : {"release notes ", "patch notes ", "release ", "version ", "ver. ", "patch ", "hotfix "}) {
    if (std::string_view(lower).substr(lead).starts_with(word)) {
      p = lead + word.size();
      marked = true;
      worded = word != "version " && word != "ver. ";
      break;
    }
  }
  if (!marked) {
    lead = 0;
  }
  if (p < lower.size() && lower[p] == '[') {
    ++p;
    marked = true;
  }
  if (p < lower.size() && lower[p] == 'v') {
    ++p;
    marked = true;
  }
  std::size_t digits = 0;
  int dots = 0;
  // "1.3", "1.3.2": each dot between digits ("6. März" is a day).
  while (p < lower.size() && (is_digit(lower[p]) || (lower[p] == '.' && digits > 0 && p + 1 < lower.size() &&
                                                     is_digit(lower[p + 1])))) {
    dots += lower[p] == '.' ? 1 : 0;
    digits += is_digit(lower[p]) ? 1 : 0;
    ++p;
  }
  // Two parts only with a mark ("13.00 - 2025-03-04" is a clock, "2.0
  // migration" a topic); three without one ("1.3.2 - 2025-05-28").
  if (dots < 1 || dots > 3 || digits > 9 || (dots == 1 && !marked)) {
    return false;
  }
  // Not a date written with dots ("13.03.25", "2025.06.03").
  if (const auto date = find_date(t); date && date->begin < p) {
    return false;
  }
  // Nothing but the release's date after it: "[1.3.2] - 2025-05-28", "v1.4.0
  // (2025-06-01)"; not "0.9.0 release prep — 2025-03-15 09:00–11:00".
  std::string rest(lower.substr(p));
  if (const auto date = find_date(rest)) {
    rest.erase(date->begin, date->end - date->begin);
  }
  for (std::string_view word : {"unreleased", "released", "release", "yanked", "hotfix", "patch", "stable"}) {
    for (auto at = rest.find(word); at != std::string::npos; at = rest.find(word)) {
      rest.erase(at, word.size());
    }
  }
  // "(itch, Mar 12)": where and when it went out; not "(09:00–11:00)", a session's hours.
  if (worded) {
    const auto open = rest.find('(');
    const auto close = rest.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open &&
        rest.substr(open, close - open).find(':') == std::string::npos) {
      rest.erase(open, close - open + 1);
    }
  }
  return std::none_of(rest.begin(), rest.end(), [](char c) {
    return is_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
  }) || rest.find_first_not_of(" []()-—–:,.|·*_\xE2\x80\x94\x93") == std::string::npos;
}

// "Update - 2025-06-02 10:02 AM", "Checkpoint 14:30", "Progress update
// (2025-06-02)": a stamped note within a session.
bool names_an_update(std::string_view normalized) {
  std::size_t p = 0;
  while (p < normalized.size() && !is_alpha(normalized[p]) && !is_digit(normalized[p])) {
    ++p; // emoji, markup, numbering marks
  }
  const std::string lower = util::to_lower_ascii(normalized.substr(p, 20));
  for (std::string_view word : {"update", "checkpoint", "status update", "progress"}) { // "progress" covers "progress update"
    if (lower.starts_with(word) && (lower.size() == word.size() || !is_alpha(lower[word.size()]))) {
      return true;
    }
  }
  return false;
}

// "## Next session (planned)", "## Next week", "## 下周计划": a heading that
// is a plan ahead and nothing more, so the days under it are planned. Not
// "## Plan for the Postgres migration", "## Next up: search" or "## 明日方舟
// 工具", project sections whose days are worked.
bool names_only_a_plan(std::string_view normalized) {
  std::string lower = util::to_lower_ascii(normalized);
  // "## After the weekend (planned)": marked as a plan. ("## Test plan" and
  // "## Migration plan" hold the days the plan was worked.)
  for (std::string_view marker : {"(planned)", "(upcoming)", "(tentative)", "[planned]"}) {
    if (lower.find(marker) != std::string::npos) {
      return true;
    }
  }

  // Past emoji, numbering and markup at either end: "🔜 Next session:", "3. Tomorrow".
  std::string_view t = lower;
  // Emoji and symbols (F0: four bytes; E2 and EF: three), not CJK letters.
  while (!t.empty()) {
    const unsigned char c = static_cast<unsigned char>(t.front());
    if (c == 0xF0 || c == 0xE2 || c == 0xEF) {
      t.remove_prefix(std::min<std::size_t>(t.size(), c == 0xF0 ? 4 : 3));
    } else if (c == ' ') {
      t.remove_prefix(1);
    } else {
      break;
    }
  }
  while (!t.empty() && (t.front() == ' ' || t.front() == '*' || t.front() == '_' || t.front() == '.' || is_digit(t.front()) ||
                        t.front() == ')')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == ':' || t.back() == '*' || t.back() == '_' || t.back() == '.')) {
    t.remove_suffix(1);
  }
  static constexpr std::string_view k_plans[] = {
      "next session", "next sessions", "next time", "next steps", "next week", "next up", "tomorrow", "todo", "to do",
      "to-do", "plan", "plans", "planned", "upcoming", "plan for next session", "plan for tomorrow",
      "plan for next week", "plans for next week", "for next session", "for next time", "future sessions",
      "nächste sitzung", "nächste woche", "próxima sesión", "próxima semana", "prochaine séance", "prochaine session",
      "la semaine prochaine", "下周计划", "下週計劃", "下周", "下週", "明日计划", "明天计划", "明日計劃", "下一步",
      "下一步计划", "下次", "下次会话", "下次计划", "次回", "次回の予定", "明日の予定", "来週", "来週の予定"};
  return std::find(std::begin(k_plans), std::end(k_plans), t) != std::end(k_plans);
}

// "Next Session - 2025-03-10", "Plan for 2025-03-12", "Tomorrow (2025-03-05)",
// "Weekly recap (2025-03-03 – 2025-03-09)", "Session 5 (planned)": a plan
// or a look back, dated, but not a session worked in.
bool names_plan_or_recap(std::string_view normalized) {
  const std::string lower = util::to_lower_letters(normalized); // "План на 12 марта" as "план на 12 марта"
  for (std::string_view marker : {"(planned)", "(upcoming)", "(scheduled)", "(tentative)", "(not started)", "[planned]"}) {
    if (lower.find(marker) != std::string::npos) {
      return true;
    }
  }
  // "... 18:00–20:00 CET — planned": the last word, after a dash, a middot or a bar.
  {
    std::string_view t = util::trim(lower);
    while (!t.empty() && (t.back() == '*' || t.back() == '_' || t.back() == '.')) {
      t.remove_suffix(1);
    }
    // Not "DB maintenance: scheduled" or "Downtime, planned": ops work done.
    for (std::string_view word : {"planned", "tentative"}) {
      if (t.ends_with(word)) {
        const std::string_view before = util::trim(t.substr(0, t.size() - word.size()));
        if (before.ends_with(" -") || before.ends_with("\xE2\x80\x94") || before.ends_with("\xE2\x80\x93") ||
            before.ends_with("\xC2\xB7") || before.ends_with("|")) {
          return true;
        }
      }
    }
  }
  // Past emoji, symbols and numbering: "🔜 Next session", "1. Plan for".
  std::size_t p = 0;
  while (p < lower.size()) {
    const auto c = static_cast<unsigned char>(lower[p]);
    if (c < 0x80 && !is_alpha(lower[p]) && !is_digit(lower[p])) {
      ++p;
    } else if (is_digit(lower[p])) {
      std::size_t q = p;
      while (q < lower.size() && is_digit(lower[q])) {
        ++q;
      }
      if (q >= lower.size() || (lower[q] != '.' && lower[q] != ')') || q - p > 2) {
        break; // a date or a number, not "1." numbering
      }
      p = q + 1;
    } else if (c == 0xF0 && p + 3 < lower.size()) {
      p += 4;
    } else if ((c == 0xE2 || c == 0xEF) && p + 2 < lower.size()) {
      p += 3;
    } else {
      break;
    }
  }
  const std::string_view rest = std::string_view(lower).substr(p);
  // "## 2025-09-09 EDT — no session, CI outage": the author says so.
  for (std::string_view denial : {"no session", "not a session", "no work session", "not a work session"}) {
    if (const auto at = rest.find(denial);
        at != std::string_view::npos && (at + denial.size() >= rest.size() || !is_alpha(rest[at + denial.size()]))) {
      return true;
    }
  }
  // A week or a month looked back on, in Chinese and Japanese: "第一周总结（2026.1.5 - 2026.1.11）",
  // "3月の振り返り".
  for (std::string_view recap : {"周总结", "週總結", "週总结", "周小结", "月总结", "月總結", "周回顾", "週回顧", "のまとめ",
                                 "振り返り"}) {
    if (rest.find(recap) != std::string_view::npos) {
      return true;
    }
  }
  // Words that make a plan whatever follows: "Next session (2025-03-11): finish the parser".
  for (std::string_view lead : {"next session", "next time", "next steps", "next up", "plan for", "plans for",
                                "planned next", "tomorrow", "todo", "to do", "to-do", "下次", "明天", "明日", "次回",
                                "next week", "next sprint", "next iteration", "next milestone", "下周", "下週", "来週",
                                "下一步", "next run", "план на", "plan na", "rencana", "kế hoạch", "piano per",
                                "planning voor",
                                "nächste sitzung", "próxima sesión", "prochaine séance", "prochaine session",
                                // a look back or an agenda, whatever follows: "Post-mortem (written 3 Nov)",
                                // "Things to bring up at the maintainer call (2025-05-20)"
                                "post-mortem", "postmortem", "things to bring up", "agenda for"}) {
    if (rest.starts_with(lead) && (rest.size() == lead.size() || !is_alpha(rest[lead.size()]))) {
      if (rest.substr(lead.size()).starts_with("'s")) {
        break; // "Tomorrow's bug bash — 2025-03-05": a session named so
      }
      // "TODO (2025-03-15)", not "Todo app: 2025-03-04".
      const bool list_word = lead == "todo" || lead == "to do" || lead == "to-do";
      const auto next = rest.find_first_not_of(' ', lead.size());
      return !list_word || next == std::string_view::npos || !is_alpha(rest[next]);
    }
  }
  // Words that plan or look back only when nothing else is said: "Weekly
  // recap (2025-03-03 – 2025-03-09)", "Retro — week of 2025-03-03",
  // "Upcoming: 2025-03-13"; but "Retro fixes — 2025-03-04", "Recap of the
  // outage" and "Planned maintenance window" are work done.
  for (std::string_view lead : {"planned", "upcoming", "recap", "weekly recap", "weekly summary", "weekly review",
                                "monthly recap", "monthly summary", "week in review", "retro", "retrospective",
                                "haftalık özet", "итоги недели", "підсумки тижня", "podsumowanie tygodnia",
                                "weekoverzicht", "ringkasan mingguan", "tổng kết tuần"}) {
    if (!rest.starts_with(lead) || (rest.size() > lead.size() && is_alpha(rest[lead.size()]))) {
      continue;
    }
    std::size_t q = lead.size();
    while (q < rest.size()) {
      while (q < rest.size() && !is_alpha(rest[q])) {
        ++q;
      }
      std::size_t e = q;
      while (e < rest.size() && is_alpha(rest[e])) {
        ++e;
      }
      const std::string_view word = rest.substr(q, e - q);
      static constexpr std::string_view k_plain[] = {"week", "weekly", "of", "the", "for", "sprint", "month", "session",
                                                     "sessions", "and", "to", "from", "until", "jan", "feb", "mar", "apr",
                                                     "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "w"};
      if (!word.empty() && std::find(std::begin(k_plain), std::end(k_plain), word) == std::end(k_plain) &&
          month_from_name(word) == 0) {
        return false;
      }
      q = e;
    }
    return true;
  }
  // "Week of 2025-03-03 summary": a week looked back on.
  if (rest.starts_with("week of ")) {
    for (std::string_view word : {"summary", "recap", "review", "retro"}) {
      if (rest.find(word) != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

// A heading over a plan, a schedule or a course ("# Migration Plan", "##
// Timeline", "## Roadmap"): its "Day 1", "Day 2" are steps, not sessions.
bool names_a_schedule(std::string_view normalized) {
  if (names_plans(normalized)) {
    return true;
  }
  const std::string lower = util::to_lower_ascii(normalized);
  for (std::string_view log_word : {"log", "journal", "session", "diary", "devlog"}) {
    if (util::contains_word(lower, log_word)) {
      return false;
    }
  }
  for (std::string_view word : {"plan", "plans", "schedule", "timeline", "agenda", "itinerary", "syllabus", "curriculum",
                                "runbook", "playbook", "rollout", "priorities", "backlog"}) {
    if (util::contains_word(lower, word)) {
      return true;
    }
  }
  return false;
}

// "Previous Session: Configuration Tab Order", "Latest Session: ...": a
// session named by its role, with or without a date.
bool is_labelled_session(std::string_view normalized) {
  std::string lower = util::to_lower_ascii(normalized);
  std::size_t p = 0;
  while (p < lower.size() && !is_alpha(lower[p])) {
    ++p;
  }
  std::string_view rest = std::string_view(lower).substr(p);
  for (std::string_view role : {"previous ", "latest ", "current ", "last ", "this "}) {
    if (rest.starts_with(role)) {
      rest.remove_prefix(role.size());
      break;
    }
  }
  return rest.starts_with("session:") || rest.starts_with("session -") || rest.starts_with("session —");
}


// The last word of a log-line heading: START or END (or their synonyms).
int start_end_marker(std::string_view normalized) {
  std::string_view t = util::trim(normalized);
  while (!t.empty() && !is_alpha(t.back())) {
    t.remove_suffix(1);
  }
  std::size_t b = t.size();
  while (b > 0 && is_alpha(t[b - 1])) {
    --b;
  }
  const std::string word = util::to_lower_ascii(t.substr(b));
  const bool upper = b < t.size() && t[b] >= 'A' && t[b] <= 'Z';
  if (!upper) {
    return 0;
  }
  if (word == "start" || word == "started" || word == "begin") {
    return 1;
  }
  if (word == "end" || word == "ended" || word == "finish" || word == "finished" || word == "stop") {
    return -1;
  }
  return 0;
}

// Looks like a date but is not one (2025-13-45): worth a warning.
bool looks_like_broken_date(std::string_view normalized) {
  for (std::size_t p = 0; p + 9 < normalized.size() + 0 && p + 4 < normalized.size(); ++p) {
    if (is_digit(normalized[p]) && is_digit(normalized[p + 1]) && is_digit(normalized[p + 2]) &&
        is_digit(normalized[p + 3]) && (normalized[p + 4] == '-' || normalized[p + 4] == '.') &&
        (p == 0 || !is_digit(normalized[p - 1])) && p + 5 < normalized.size() && is_digit(normalized[p + 5])) {
      return normalized.substr(0, 2) != "v" && (normalized[p] == '1' || normalized[p] == '2');
    }
  }
  return false;
}

struct Event {
  int line;
  int level;            // 1..6 headings, 7 bold/table
  int candidate;        // index into candidates, -1 for a plain heading
  bool closes = true;   // false for END markers and known section headings
  std::string title;
};

// Date column of a table: a header cell named like a date.
int date_column(const std::vector<std::string>& header) {
  // A table of decisions, milestones or releases lists dates, not sessions
  // ("| Date | Decision | Rationale |" in a memory-bank template).
  // Unless it times the work: "| Date | Time | Work | Version |" is a log.
  bool timed = false;
  bool listing = false;
  for (const auto& cell : header) {
    const std::string h = util::to_lower_ascii(util::trim(cell));
    for (std::string_view word : {"time", "hours", "duration", "start", "elapsed"}) {
      timed = timed || h.starts_with(word);
    }
    // And expenses: "| Date | Item | Amount |".
    for (std::string_view word : {"decision", "rationale", "milestone", "release", "version", "deadline", "due", "plan",
                                  "goal", "计划", "計画", "安排", "目标", "予定", "amount", "cost", "price", "expense"}) {
      listing = listing || h.starts_with(word);
    }
  }
  if (listing && !timed) {
    return -1;
  }
  // A Date column first; "Session" holds the date only where nothing else
  // does ("| Session | Date | Time |" numbers its sessions).
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = util::to_lower_ascii(util::trim(header[i]));
    // And a time tracker's export: "| Start date | Start time | End date | End time | Duration |".
    // In other languages: "| Dato | Tid | Gren | Timer |", "| Data |", "| Tarih |", "| Päivä |".
    if (h == "date" || h == "day" || h == "when" || h == "日期" || h == "datum" || h == "fecha" || h.starts_with("date ") ||
        h == "start date" || h == "session date" || h == "entry date" || h == "work date" || h == "dato" || h == "data" ||
        h == "tarih" || h == "tanggal" || h == "päivä" || h == "päivämäärä" || h == "dátum" || h == "дата" || h == "日付") {
      return static_cast<int>(i);
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (util::to_lower_ascii(util::trim(header[i])) == "session") {
      return static_cast<int>(i);
    }
  }
  return -1;
}

} // namespace

// The month a title ends with after a separator: "Worklog — March 2025",
// "pebble-sync: 2025-03". The file is that month's, so its days are of it
// ("### Mon 3"); "Sprint 4 (April 2025)" gives only its year.
std::optional<CalendarHeading> titled_month(std::string_view normalized) {
  std::size_t cut = std::string_view::npos;
  std::size_t width = 0;
  for (std::string_view separator : {" — ", " – ", " - ", ": ", " · ", " | "}) {
    const auto at = normalized.rfind(separator);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) {
      cut = at;
      width = separator.size();
    }
  }
  if (cut == std::string_view::npos) {
    return std::nullopt;
  }
  auto period = calendar_heading(util::trim(normalized.substr(cut + width)));
  if (!period || period->year == 0 || period->month == 0) {
    return std::nullopt;
  }
  return period;
}

// Weekdays as bold day labels write them: "周四", "星期三", "(水)" as 水曜, "Mon".
constexpr std::string_view k_weekday_marks[] = {"周", "週", "星期", "曜", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Unfilled template headings: "YYYY-MM-DD", "[日期：____]", "[Date]".
bool is_placeholder(std::string_view normalized) {
  // "第20次会话 - ____/__/__" once its underscores went as emphasis: a date of bare slashes.
  const std::string_view trimmed = util::trim(normalized);
  if ((trimmed.ends_with(" //") || trimmed.ends_with("-//") || trimmed.ends_with("：//")) && trimmed.size() > 3) {
    return true;
  }
  // "### Session: <n> | <date> | <branch>": a format's slots.
  if (normalized.find("<date>") != std::string_view::npos || normalized.find("<n>") != std::string_view::npos) {
    return true;
  }
  return normalized.find("YYYY") != std::string_view::npos || normalized.find("____") != std::string_view::npos ||
         normalized.find("[日期]") != std::string_view::npos || normalized.find("[Date]") != std::string_view::npos ||
         normalized.find("MM-DD") != std::string_view::npos;
}

Detection find_session_starts(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines) {
  Detection detection;
  std::vector<SessionStart> candidates;
  std::vector<Event> events;

  // Calendar headings ("## 2025", "### March") over the sessions: what each
  // heading line has above it, for dates that give only a day or no year.
  struct Calendar {
    int level = 0;
    CalendarHeading period; // all zero for a heading that names no period
    bool dated = false;     // a heading with a date of its own: what is under it is its content
    std::optional<std::int64_t> week_start = std::nullopt; // "Week of 2025-01-13": weekday headings under it are days
    int line = 0;
    int day = 0; // the day of month of a dated heading
  };
  std::set<int> weeks_with_days; // lines of week headings with day headings under them, planned ones too
  std::vector<Calendar> calendar;
  std::vector<std::pair<int, CalendarHeading>> calendar_at_heading; // line, what is known under it
  auto known_period = [&] {
    CalendarHeading known;
    for (const auto& entry : calendar) {
      known.year = entry.period.year != 0 ? entry.period.year : known.year;
      known.month = entry.period.month != 0 ? entry.period.month : known.month;
    }
    return known;
  };
  auto complete_year = [](std::optional<DateMatch>& date, const CalendarHeading& known) {
    if (date && date->year == 0 && known.year != 0 && is_valid_date(known.year, date->month, date->day)) {
      date->year = known.year;
      date->year_inferred = true;
    }
  };

  // Headings.
  // Open headings, for "Day N" entries: one under a session or a plan is a
  // part of it ("**Day 1:** enable for staff" in a rollout), not a session.
  struct OpenHeading {
    int level;
    bool session_or_plan;
  };
  std::vector<OpenHeading> open_headings;
  std::vector<std::pair<int, bool>> in_session_or_plan_at_heading; // line, whether a session or plan heading is open
  std::vector<int> plans_levels; // open "## Roadmap"-like headings
  // Open undated headings that may name a plan ahead ("## Next session",
  // "## 下周计划"), under which even a clock range is planned. Read only when a
  // dated heading lies under them: most never have one.
  struct MaybePlan {
    int level;
    const MdHeading* heading;
    std::optional<bool> plan;
  };
  std::vector<MaybePlan> maybe_plans;
  std::map<int, NumericDay> numeric_days; // by heading line: days written "6/10", checked file-wide below
  std::vector<std::pair<int, bool>> plans_at_heading; // line, whether what follows is under one
  for (const auto& heading : doc.headings) {
    Event event{heading.line, heading.level, -1, true, heading.text};
    const std::string normalized = normalize_width(heading.text);
    // An outline's day, "- ## [[Jun 2nd, 2025]]" (Logseq): a dated heading
    // that opens a top-level list item is read as a heading of its own.
    const bool in_container = heading.in_container && !(heading.in_top_item && [&] {
      const auto day = find_date(normalized);
      return day && day->year != 0;
    }());
    const int marker = start_end_marker(normalized);
    auto date = is_placeholder(normalized) ? std::nullopt : find_date(normalized);
    if (!date && !in_container && !is_placeholder(normalized)) {
      // "### 6/10", "## 7/9（水）": the year comes from the file.
      if (auto day = numeric_day_heading(normalized)) {
        date = day->date;
        numeric_days.emplace(heading.line, *day);
      } else {
        // "Sitzung 2 – Do, 16.10.": a dotted day after a numbered title's dash
        // (a dot already needs a weekday or the German trailing dot to be one).
        for (std::string_view separator : {" – ", " — ", " - "}) {
          const auto at = normalized.find(separator);
          if (at == std::string::npos) {
            continue;
          }
          auto tail_day = numeric_day_heading(std::string_view(normalized).substr(at + separator.size()));
          if (tail_day && tail_day->separator == '.') {
            tail_day->date.begin += at + separator.size();
            tail_day->date.end += at + separator.size();
            date = tail_day->date;
            numeric_days.emplace(heading.line, *tail_day);
          }
          break;
        }
      }
    }
    const bool has_a_date = date.has_value(); // valid, whatever it turns out to date
    if (date && event_date(normalized, *date)) {
      if (!in_container) {
        detection.rejected.emplace_back(heading.line, fmt::format("heading \"{}\" dates an event (merged, updated, as "
                                                                  "of ...), not a session",
                                                                  heading.text));
      }
      date.reset();
    }
    bool numbered_entry = false; // "Day 12", "Entry 5": numbered, but not as a session
    if (!in_container) {
      while (!open_headings.empty() && open_headings.back().level >= heading.level) {
        open_headings.pop_back();
      }
      numbered_entry = !is_numbered_session(normalized) && is_numbered_entry(normalized);
      if (numbered_entry && std::any_of(open_headings.begin(), open_headings.end(), [](const OpenHeading& h) { return h.session_or_plan; })) {
        numbered_entry = false;
      }
    }
    if (date && !in_container && names_a_release(normalized)) {
      detection.rejected.emplace_back(heading.line, fmt::format("heading \"{}\" names a release, not a session", heading.text));
      date.reset();
    }
    const bool plan_or_recap = (has_a_date || is_numbered_session(normalized) || numbered_entry) && names_plan_or_recap(normalized);
    if (plan_or_recap) {
      if (!in_container) {
        detection.rejected.emplace_back(heading.line, fmt::format("heading \"{}\" plans or looks back (next session, "
                                                                  "plan for, recap ...), not a session",
                                                                  heading.text));
      }
      date.reset();
    }
    if (!in_container) {
      while (!plans_levels.empty() && plans_levels.back() >= heading.level) {
        plans_levels.pop_back();
      }
      while (!maybe_plans.empty() && maybe_plans.back().level >= heading.level) {
        maybe_plans.pop_back();
      }
      // A look back ("## Weekly recap") may hold the days it sums up; only a
      // plan ahead makes what is under it planned.
      const bool under_a_plan_ahead = date && std::any_of(maybe_plans.begin(), maybe_plans.end(), [](MaybePlan& open) {
        if (!open.plan) {
          open.plan = names_only_a_plan(normalize_width(open.heading->text));
        }
        return *open.plan;
      });
      // A heading there that gives a clock range or says Session is still one
      // ("## 2025-03-04 10:00–12:30" in a log its author titled "# Changelog"),
      // but not under "## Next session (planned)".
      const bool worked = date && !under_a_plan_ahead && [&] {
        const auto time = find_time(normalized, date->end);
        return (time && time->end) || util::icontains_ascii(normalized, "session");
      }();
      if ((!plans_levels.empty() || under_a_plan_ahead) && date && !worked) {
        detection.rejected.emplace_back(heading.line, fmt::format("dated heading \"{}\" is under a plan, roadmap, changelog or "
                                                                  "milestones heading; not a session",
                                                                  heading.text));
        date.reset();
      }
      // Only a heading that is nothing more: "Split the changelog" on a dated
      // session heading is work done.
      // A file titled "# Changelog" or "# Release notes" lists releases.
      const std::string lower_title = heading.level == 1 ? util::to_lower_ascii(util::trim(normalized)) : std::string();
      const bool release_title = lower_title == "changelog" || lower_title == "change log" || lower_title == "release notes" ||
                                 lower_title == "releases" || lower_title == "release history";
      if ((!has_a_date && heading.level > 1 && std::count(normalized.begin(), normalized.end(), ' ') < 4 &&
           names_plans(normalized)) ||
          plan_or_recap || release_title) {
        plans_levels.push_back(heading.level); // and "### 2025-03-04" under "## Weekly recap (...)"
      }
      if (!has_a_date && !numbered_entry && heading.level > 1 && !is_numbered_session(normalized)) {
        maybe_plans.push_back({heading.level, &heading, std::nullopt});
      }
      plans_at_heading.emplace_back(heading.line, !plans_levels.empty());
    }
    // "### 4th" under "## Tuesday 3" (in "# December 2024"): another day, written a level deeper.
    bool another_day = false;
    if (!in_container) {
      while (!calendar.empty() && calendar.back().level >= heading.level) {
        calendar.pop_back();
      }
      // "# 2048" over "## 2025-03-01 setup" names a game, not a year.
      if (date && date->year != 0) {
        for (auto& open : calendar) {
          if (open.period.year != 0 && open.period.year != date->year) {
            open.period = {};
          }
        }
      }
      const CalendarHeading known = known_period();
      // "### 09:00 standup" under "## Monday 3rd" is a part of that day.
      const bool under_a_date = std::any_of(calendar.begin(), calendar.end(), [](const Calendar& c) { return c.dated; });
      Calendar entry{heading.level, {}, date.has_value(), std::nullopt, heading.line, date ? date->day : 0};
      if (date && date->year != 0 && is_week_heading(normalized)) {
        entry.week_start = days_from_civil(date->year, date->month, date->day);
        const std::string lower = util::to_lower_ascii(normalized);
        if (lower.find("week ending") != std::string::npos || lower.starts_with("w/e ")) {
          *entry.week_start -= 6; // the week that ends on that day
        }
      }
      if (!date) {
        if (auto period = calendar_heading(normalized)) {
          entry.period = *period;
        } else if (auto titled = heading.level == 1 ? titled_month(normalized) : std::nullopt) {
          entry.period = *titled; // "# Worklog — March 2025" over "### Mon 3"
        } else if (const int year = heading.level <= 2 ? title_year(normalized) : 0; year != 0) {
          // "# Engineering Journal — 2025" over "### Monday, March 3rd"; and a
          // journal section of a README: "## Development journal (2025)".
          entry.period.year = year;
        } else if (auto month_year = heading.level == 1 ? find_month_year(normalized) : std::nullopt) {
          entry.period.year = month_year->year; // "# Sprint 4 (April 2025)" over "### Mon 7 Apr"
        } else if (known.year != 0 && known.month != 0 &&
                   (!under_a_date || [&] {
                     const auto day = day_heading(normalized);
                     const auto dated = std::find_if(calendar.rbegin(), calendar.rend(), [](const Calendar& c) { return c.dated; });
                     another_day = day && day->marked && dated != calendar.rend() && dated->day != 0 && day->day != dated->day;
                     return another_day;
                   }())) {
          if (auto day = day_heading(normalized); day && is_valid_date(known.year, known.month, day->day)) {
            date = DateMatch{known.year, known.month, day->day, 0, day->end, true}; // the year (and month) from above
            entry.dated = true;
            entry.day = day->day;
          } else {
            another_day = false;
          }
        } else if (auto day = day_heading(normalized); day && !calendar.empty() && calendar.back().week_start) {
          // "### Mon 17" or "### 18th" right under "## Week 12 (Mar 17–21, 2025)":
          // the first such day of the month from the week's start.
          for (std::int64_t d = *calendar.back().week_start; d < *calendar.back().week_start + 7; ++d) {
            int y = 0, m = 0, dd = 0;
            civil_from_days(d, y, m, dd);
            if (dd == day->day) {
              date = DateMatch{y, m, dd, 0, day->end};
              entry.dated = true;
              weeks_with_days.insert(calendar.back().line);
              break;
            }
          }
        } else if (auto weekday = weekday_heading(normalized)) {
          // "## Tuesday" under "# Week of 2025-01-13": the first Tuesday from
          // that date, when no day heading stands between them.
          // Only right under the week heading: "### Next week" between them plans.
          const auto owner = calendar.rbegin();
          if (owner != calendar.rend() && owner->week_start) {
            for (std::int64_t d = *owner->week_start; d < *owner->week_start + 7; ++d) {
              int y = 0, m = 0, dd = 0;
              civil_from_days(d, y, m, dd);
              if (parse::weekday(y, m, dd) == weekday->day) {
                date = DateMatch{y, m, dd, 0, weekday->end};
                entry.dated = true;
                weeks_with_days.insert(owner->line);
                break;
              }
            }
          }
        }
      }
      // A day under a week or a month that is planned: "### Mon 14 (planned)".
      if (date && !has_a_date && names_plan_or_recap(normalized)) {
        detection.rejected.emplace_back(heading.line, fmt::format("heading \"{}\" plans or looks back (next session, "
                                                                  "plan for, recap ...), not a session",
                                                                  heading.text));
        date.reset();
        entry.dated = false;
      }
      complete_year(date, known);
      calendar.push_back(entry);
      calendar_at_heading.emplace_back(heading.line, known_period());
    }
    if (marker < 0 && date) {
      detection.end_markers.push_back({heading.line, normalized});
      event.closes = false;
    } else if (!in_container && !is_placeholder(normalized) && !plan_or_recap &&
               (date || is_numbered_session(normalized) || numbered_entry || is_labelled_session(normalized))) {
      SessionStart start;
      start.kind = StartKind::heading;
      start.level = heading.level;
      start.line = heading.line;
      start.title = heading.text;
      start.normalized = normalized;
      start.date = date;
      start.start_marker = marker > 0;
      start.another_day = another_day && date.has_value();
      // "2025-07-14 25:61": keep the date, say the time was not understood.
      if (date && !find_time(normalized, date->end)) {
        const std::string_view after = std::string_view(normalized).substr(date->end);
        for (std::size_t p = 0; p + 3 < after.size(); ++p) {
          if (is_digit(after[p]) && (p == 0 || !is_digit(after[p - 1])) && after.substr(p).find(':') <= 2 &&
              is_digit(after[p + after.substr(p).find(':') + 1])) {
            const std::size_t colon = p + after.substr(p).find(':');
            std::size_t end = colon + 1;
            while (end < after.size() && is_digit(after[end])) {
              ++end;
            }
            detection.problems.emplace_back(heading.line, fmt::format("unrecognised time \"{}\" in session heading; kept the date only",
                                                                      after.substr(p, end - p)));
            break;
          }
        }
      }
      if (!date && looks_like_broken_date(normalized)) {
        detection.problems.emplace_back(heading.line, fmt::format("no valid date in session heading \"{}\"; kept the session without a date",
                                                                  heading.text));
      }
      candidates.push_back(std::move(start));
      event.candidate = static_cast<int>(candidates.size() - 1);
    } else {
      if (!has_a_date && looks_like_broken_date(normalized) && !is_placeholder(normalized)) {
        detection.rejected.emplace_back(heading.line, fmt::format("heading \"{}\" has no valid date; not a session", heading.text));
      }
      // A known section name at a session's own level does not end it
      // ("## Work Completed" right under "## Session: ...").
      // A "## Backlog" or "## Roadmap" there is the file's, not the session's,
      // and so is a dated "## Next Session - 2025-03-10" with its plans.
      event.closes = classify_section(heading.text) == model::SectionKind::other || plan_or_recap ||
                     (heading.level > 1 && std::count(normalized.begin(), normalized.end(), ' ') < 4 && names_plans(normalized));
    }
    if (!in_container) {
      open_headings.push_back({heading.level, event.candidate >= 0 || plan_or_recap || names_a_schedule(normalized)});
      in_session_or_plan_at_heading.emplace_back(
          heading.line, std::any_of(open_headings.begin(), open_headings.end(), [](const OpenHeading& h) { return h.session_or_plan; }));
    }
    events.push_back(std::move(event));
  }

  // Bold-label paragraphs: "**Session 339 — #259 Title (Apr 30):**".
  for (const auto& paragraph : doc.paragraphs) {
    if (paragraph.in_list_item || paragraph.in_quote || paragraph.lead_bold.empty()) {
      continue;
    }
    const std::string normalized = normalize_width(paragraph.lead_bold);
    // The bold text must be the paragraph's label, not a field ("**Date**: x").
    const std::string_view after = std::string_view(paragraph.text).substr(
        std::min(paragraph.text.size(), paragraph.lead_bold.size()));
    const bool label = util::trim(after).empty() || after.front() == '\n' || normalized.ends_with(":");
    // "**Monday, March 3, 2025** — 9:15am to 11:45am ET": a bold date that
    // opens its line and a dash before the rest is a heading written in bold.
    const std::string_view line_rest = after.substr(0, after.find('\n'));
    const bool dashed = !label && (line_rest.starts_with(" — ") || line_rest.starts_with(" – ") ||
                                   line_rest.starts_with(" - ") || line_rest.starts_with(" · ") || line_rest.starts_with(" | "));
    if (normalized.size() < 6 || is_placeholder(normalized)) {
      continue;
    }
    auto date = find_date(normalized);
    const bool numbered = is_numbered_session(normalized);
    // "**周四（3.6）**", "**3/5 周三 晚上 20:00–22:30**": a day in numbers with
    // its weekday, alone in bold, in a file whose headings give the year.
    if (!date && !numbered && label) {
      const std::string lower = util::to_lower_ascii(normalized);
      const bool weekday_named = std::any_of(std::begin(k_weekday_marks), std::end(k_weekday_marks),
                                             [&](std::string_view w) { return lower.find(w) != std::string::npos; });
      if (auto day = weekday_named ? numeric_day_heading(normalized) : std::nullopt) {
        auto above = std::upper_bound(calendar_at_heading.begin(), calendar_at_heading.end(), paragraph.line,
                                      [](int line, const auto& entry) { return line < entry.first; });
        std::optional<DateMatch> yearless = day->date;
        if (above != calendar_at_heading.begin()) {
          complete_year(yearless, std::prev(above)->second);
        }
        if (yearless && yearless->year != 0) {
          date = yearless;
        }
      }
    }
    if (!(date || numbered) || names_plan_or_recap(normalized)) {
      continue;
    }
    // The date opens the bold text, after a weekday at most ("Monday, "), not "Fixed on 2025-03-05".
    const auto date_opens = [&] {
      std::string before = util::to_lower_ascii(util::trim(std::string_view(normalized).substr(0, date->begin)));
      while (!before.empty() && (before.back() == ',' || before.back() == '.')) {
        before.pop_back();
      }
      // Nothing, or a weekday ("Monday, "): not "Updated 2025-03-01", "Due ...".
      if (before.empty() || weekday_heading(before).has_value()) {
        return true;
      }
      // A weekday in any language, one word before a comma ("Poniedziałek, 3 marca 2025").
      const std::string_view written = util::trim(std::string_view(normalized).substr(0, date->begin));
      if (written.ends_with(",") && written.find(' ') == std::string_view::npos && written.size() >= 4 &&
          std::none_of(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
      }
      // An entry's tag: "S1 · 2025-09-01", "#12 — 2025-09-03".
      while (!before.empty() && (before.back() == ' ' || before.back() == '-' || before.back() == '|' ||
                                 static_cast<unsigned char>(before.back()) >= 0x80)) {
        before.pop_back();
      }
      const std::size_t digits = before.find_first_of("0123456789");
      return before.size() >= 2 && before.size() <= 5 && (before[0] == 's' || before[0] == '#') && digits == 1 &&
             before.find_first_not_of("0123456789", 1) == std::string::npos;
    };
    bool dated_by_rest = false; // "**Session 3** — 2025-03-04": the date after the dash
    if (dashed && !date) {
      const std::string whole = normalize_width(std::string(paragraph.lead_bold) + std::string(line_rest));
      const auto rest_date = find_date(whole);
      if (!numbered || !rest_date || rest_date->begin > normalized.size() + 6) {
        continue;
      }
      dated_by_rest = true;
    } else if (dashed && !date_opens() && !numbered) {
      continue;
    }
    // "**2025-04-12** did things", "**Session 1 — 2025-04-02, 09:15–11:00 PST.** Branch: x": a
    // bold heading that opens an entry, text running on after it; not under a
    // session or a plan, where "**2025-03-10** is the deadline" is a sentence.
    const auto under_session_or_plan = [&] {
      const auto above = std::upper_bound(in_session_or_plan_at_heading.begin(), in_session_or_plan_at_heading.end(),
                                          paragraph.line, [](int line, const auto& entry) { return line < entry.first; });
      return above != in_session_or_plan_at_heading.begin() && std::prev(above)->second;
    };
    const bool runs_on = !label && !dashed && date && (date_opens() || numbered) && !under_session_or_plan();
    if (!(label || dashed || runs_on)) {
      continue;
    }
    auto above = std::upper_bound(calendar_at_heading.begin(), calendar_at_heading.end(), paragraph.line,
                                  [](int line, const auto& entry) { return line < entry.first; });
    if (above != calendar_at_heading.begin()) {
      complete_year(date, std::prev(above)->second);
    }
    // "**Date**: 2025-..." has the date outside the bold; here it is inside.
    SessionStart start;
    start.kind = StartKind::bold;
    start.level = 7;
    start.line = paragraph.line;
    if (dashed) {
      // The whole line is the title, so the time after the dash is read as a heading's.
      start.title = std::string(paragraph.lead_bold) + std::string(line_rest);
      start.normalized = normalize_width(start.title);
      if (dated_by_rest) {
        date = find_date(start.normalized);
      }
    } else {
      start.title = paragraph.lead_bold;
      while (!start.title.empty() && (start.title.back() == ':' || start.title.back() == ' ' || start.title.back() == '.')) {
        start.title.pop_back();
      }
      start.normalized = runs_on ? normalize_width(start.title) : normalized;
      // "**2025-06-03** 20:15–23:40", "**2025-06-03** (evening, 20:15–23:40)":
      // the time right after the bold date is the entry's, as in a heading.
      if (runs_on) {
        const std::string rest = normalize_width(line_rest);
        // Right after the date, or in a bracket that opens right after it; not
        // a range later in the sentence ("fixed the 09:00–10:00 cron window").
        const std::size_t lead = rest.find_first_not_of(" —–-:,");
        const bool bracket = lead != std::string::npos && rest[lead] == '(';
        const auto time = lead == std::string::npos ? std::nullopt : find_time(rest, lead);
        const std::size_t close = bracket ? rest.find(')', lead) : std::string::npos;
        if (time && time->end &&
            (time->begin == lead || (bracket && time->begin < close && time->end_pos <= close + 1))) {
          const bool closing = time->end_pos < rest.size() && rest[time->end_pos] == ')';
          // The whole bracket when the time is in it: "(godz. 9:00–12:00, gałąź: `x`)".
          start.title += rest.substr(0, bracket && time->begin < close ? close + 1 : time->end_pos + (closing ? 1 : 0));
          start.title = std::string(util::trim(start.title));
          start.normalized = normalize_width(start.title);
        } else if (bracket && close != std::string::npos && close - lead < 120) {
          // "**Czwartek, 6 marca 2025** (czas: 2 godz. 15 min, gałąź: `x`)": the entry's particulars.
          start.title += rest.substr(0, close + 1);
          start.title = std::string(util::trim(start.title));
          start.normalized = normalize_width(start.title);
        }
      }
    }
    start.date = date;
    candidates.push_back(std::move(start));
    events.push_back({paragraph.line, 7, static_cast<int>(candidates.size() - 1), true, paragraph.lead_bold});
  }

  std::vector<int> heading_lines; // sorted: headings come in line order
  for (const auto& heading : doc.headings) {
    heading_lines.push_back(heading.line);
    if (heading.line + 1 <= lines.line_count()) {
      heading_lines.push_back(heading.line + 1); // a setext heading's underline
    }
  }
  std::sort(heading_lines.begin(), heading_lines.end());
  // Entries with no heading that open with a Date field, one after another:
  // "---", then "**Date:** 2025-08-11", "**Time:** 09:30–12:00 EDT", ...
  // Two or more such paragraphs outside any session heading; one alone is a
  // one-session file's field, and under a session heading it dates that.
  {
    std::vector<SessionStart> date_entries;
    for (const auto& paragraph : doc.paragraphs) {
      if (paragraph.in_list_item || paragraph.in_quote) {
        continue;
      }
      const std::string_view first_line = std::string_view(paragraph.text).substr(0, paragraph.text.find('\n'));
      // Cheap first: a Date key (Date, Datum, Data, Fecha, 日期, 日付) opens the line.
      const char lead = first_line.empty() ? ' ' : first_line.front();
      if (first_line.size() > 120 || (lead != 'D' && lead != 'd' && lead != 'F' && lead != 'f' && lead != '\xE6')) {
        continue;
      }
      const std::string normalized = normalize_width(first_line);
      const auto colon = normalized.find(':');
      if (colon == std::string::npos || colon > 12) {
        continue;
      }
      const std::string key = util::to_lower_ascii(util::trim(std::string_view(normalized).substr(0, colon)));
      if (key != "date" && key != "datum" && key != "fecha" && key != "data" && key != "日期" && key != "日付") {
        continue;
      }
      auto date = find_date(normalized, colon + 1);
      if (!date || !util::trim(std::string_view(normalized).substr(colon + 1, date->begin - colon - 1)).empty() ||
          is_placeholder(normalized)) {
        continue;
      }
      const auto above = std::upper_bound(in_session_or_plan_at_heading.begin(), in_session_or_plan_at_heading.end(),
                                          paragraph.line, [](int line, const auto& entry) { return line < entry.first; });
      if (above != in_session_or_plan_at_heading.begin() && std::prev(above)->second) {
        continue;
      }
      // Right under a heading, the Date is that heading's field ("## ADR-001",
      // "## v1.2.0", "## Next session"), not an entry of its own.
      int before = paragraph.line - 1;
      while (before > 0 && doc.line_kinds[static_cast<std::size_t>(before - 1)] == LineKind::blank) {
        --before;
      }
      const bool under_heading = before > 0 && std::binary_search(heading_lines.begin(), heading_lines.end(), before);
      if (under_heading) {
        continue;
      }
      SessionStart start;
      start.kind = StartKind::bold;
      start.level = 7;
      start.line = paragraph.line;
      start.title = std::string(first_line);
      start.normalized = normalized;
      start.date = date;
      date_entries.push_back(std::move(start));
    }
    if (date_entries.size() >= 2) {
      for (auto& start : date_entries) {
        events.push_back({start.line, 7, static_cast<int>(candidates.size()), true, start.title});
        candidates.push_back(std::move(start));
      }
    }
  }

  // Log lines a hook or an agent appends: "[START 2025-06-10T09:12:44Z]
  // task=x", "[END 2025-06-10T11:02:10Z] status=ok", "START 2025-06-10 09:12
  // UTC". The marker opens the line, upper-case, and a date follows it.
  for (int line = 1; line <= lines.line_count(); ++line) {
    if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text) {
      continue;
    }
    const std::string_view raw = util::trim(lines.line_text(text, line));
    const bool bracket = raw.starts_with("[");
    const std::string_view word_and_rest = raw.substr(bracket ? 1 : 0);
    int marker = 0;
    std::size_t word = 0;
    for (std::string_view start_word : {"START", "BEGIN"}) {
      if (word_and_rest.starts_with(start_word)) {
        marker = 1;
        word = start_word.size();
      }
    }
    for (std::string_view end_word : {"END", "STOP", "FINISH"}) {
      if (word_and_rest.starts_with(end_word)) {
        marker = -1;
        word = end_word.size();
      }
    }
    if (marker == 0 || word >= word_and_rest.size() || (word_and_rest[word] != ' ' && word_and_rest[word] != ':')) {
      continue;
    }
    const std::string normalized = normalize_width(raw);
    auto date = find_date(normalized);
    // "[END 10:47]": an end stamped with the time alone is on the START's day, or the next.
    if (marker < 0 && !date) {
      const std::size_t at = (bracket ? 1 : 0) + word;
      if (const auto time = find_time(normalized, at); time && time->begin <= at + 2 && !time->end) {
        detection.end_markers.push_back({line, normalized});
      }
      continue;
    }
    // A date and a time, as a hook stamps them: "START: 2025-03-03" in a sprint plan is a date only.
    if (!date || date->begin > word + 4 || is_placeholder(normalized) || !find_time(normalized, date->end)) {
      continue; // "START here: read the README"
    }
    if (marker < 0) {
      detection.end_markers.push_back({line, normalized});
      continue;
    }
    SessionStart start;
    start.kind = StartKind::bold;
    start.level = 7;
    start.line = line;
    start.title = std::string(raw);
    start.normalized = normalized;
    start.date = date;
    start.start_marker = true;
    candidates.push_back(std::move(start));
    events.push_back({line, 7, static_cast<int>(candidates.size() - 1), true, std::string(raw)});
  }

  // Table rows with a date column: one session per row.
  {
    for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>& header) {
      const int column = date_column(header);
      if (column < 0 || column >= static_cast<int>(row.cells.size())) {
        return;
      }
      std::string normalized = normalize_width(row.cells[static_cast<std::size_t>(column)]);
      auto date = find_date(normalized);
      // "| Session | Focus | Date deployed |" with "—" there: the Session cell may hold the day.
      for (std::size_t c = 0; !date && c < header.size() && c < row.cells.size(); ++c) {
        if (static_cast<int>(c) != column && util::to_lower_ascii(util::trim(header[c])) == "session") {
          normalized = normalize_width(row.cells[c]);
          date = find_date(normalized);
        }
      }
      if (!date || names_plan_or_recap(normalized)) {
        return; // "| 21 | 2025-11-20 *(planned)* |": a plan
      }
      // "| [Session 61](./sessions/2025-12-21-session-61.md) | 2025-12-21 |": an
      // index of sessions kept in their own files, which are read as such.
      // (The cells hold a link's text only: the raw line still has the link.)
      for (std::size_t c = 0; c < header.size(); ++c) {
        if (util::to_lower_ascii(util::trim(header[c])) != "session") {
          continue;
        }
        std::string_view raw = util::trim(lines.line_text(text, row.line));
        if (raw.starts_with("|")) {
          raw.remove_prefix(1);
        }
        for (std::size_t skip = 0; skip < c && !raw.empty(); ++skip) {
          const auto bar = raw.find('|');
          raw = bar == std::string_view::npos ? std::string_view() : raw.substr(bar + 1);
        }
        if (raw.substr(0, raw.find('|')).find("](") != std::string_view::npos) {
          return;
        }
      }
      // "| Date | Milestone |" under "## Roadmap": plans, not sessions.
      const auto above = std::upper_bound(plans_at_heading.begin(), plans_at_heading.end(), row.line,
                                          [](int line, const auto& entry) { return line < entry.first; });
      if (above != plans_at_heading.begin() && std::prev(above)->second) {
        return;
      }
      SessionStart start;
      start.kind = StartKind::table_row;
      start.level = 7;
      start.line = row.line;
      std::string title;
      for (const auto& cell : row.cells) {
        title += (title.empty() ? "" : " | ") + std::string(util::trim(cell));
      }
      start.title = title;
      start.normalized = normalize_width(title);
      start.date = find_date(start.normalized);
      start.table = row.table;
      start.cells = row.cells;
      start.header = header;
      candidates.push_back(std::move(start));
      events.push_back({row.line, 7, static_cast<int>(candidates.size() - 1), true, title});
    });
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.line < b.line; });

  // Nesting: which candidate encloses which. A heading closes every open
  // candidate at its level or deeper.
  std::vector<bool> dropped(candidates.size(), false);
  // One session per line: a setext heading "[START 2025-06-01T10:12]" over
  // "-" is both a heading and a START line; the first reading holds.
  {
    int last_line = 0;
    for (const auto& event : events) {
      if (event.candidate < 0) {
        continue;
      }
      if (event.line == last_line) {
        dropped[static_cast<std::size_t>(event.candidate)] = true;
      }
      last_line = event.line;
    }
  }
  std::vector<int> enclosing(candidates.size(), -1);
  auto nest = [&] {
    std::vector<int> open;
    for (const auto& event : events) {
      const bool is_candidate = event.candidate >= 0 && !dropped[static_cast<std::size_t>(event.candidate)];
      if (event.closes || is_candidate) {
        while (!open.empty() && candidates[static_cast<std::size_t>(open.back())].level >= event.level) {
          open.pop_back();
        }
      }
      if (is_candidate) {
        enclosing[static_cast<std::size_t>(event.candidate)] = open.empty() ? -1 : open.back();
        open.push_back(event.candidate);
      }
    }
  };
  nest();
  // "### 4th" right under "## Tuesday 3": the next day, a sibling written a
  // level deeper; it closes the day above as a heading of that level would.
  {
    bool promoted = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const int up = enclosing[i];
      if (!candidates[i].another_day || up < 0 || candidates[static_cast<std::size_t>(up)].kind != StartKind::heading ||
          !candidates[static_cast<std::size_t>(up)].date) {
        continue;
      }
      candidates[i].level = candidates[static_cast<std::size_t>(up)].level;
      for (auto& event : events) {
        if (event.candidate == static_cast<int>(i)) {
          event.level = candidates[i].level;
        }
      }
      promoted = true;
    }
    if (promoted) {
      nest();
    }
  }
  // Day headings written in numbers ("### 6/10"), checked against each other
  // and what encloses them: a score or a step count reads the same.
  {
    std::vector<std::size_t> numeric;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (!dropped[i] && candidates[i].kind == StartKind::heading && numeric_days.count(candidates[i].line) > 0) {
        numeric.push_back(i);
      }
    }
    bool changed = false;
    const auto drop = [&](std::size_t i, std::string_view why) {
      dropped[i] = true;
      enclosing[i] = -1;
      changed = true;
      detection.rejected.emplace_back(candidates[i].line, fmt::format("heading \"{}\" {}", candidates[i].title, why));
    };
    // "## 1/3 — Schema", "## 2/3 — Writer"; "### 8/10 — Readability", "### 6/10 — Tests":
    // one total under different counts.
    // Per heading level: "### 1/2 — first attempt", "### 2/2 — second
    // attempt" under "## 5/23" count attempts among days that differ.
    // Not dotted days ("ti 4.3.", "Fr 13.6."): a weekday or the German dot
    // already said they are days, and their month is the number they share.
    std::map<int, std::vector<std::size_t>> numeric_by_level;
    for (const std::size_t i : numeric) {
      if (numeric_days.at(candidates[i].line).separator != '.') {
        numeric_by_level[candidates[i].level].push_back(i);
      }
    }
    for (const auto& [level, same_level] : numeric_by_level) {
      std::set<int> firsts;
      std::set<int> seconds;
      for (const std::size_t i : same_level) {
        firsts.insert(numeric_days.at(candidates[i].line).first);
        seconds.insert(numeric_days.at(candidates[i].line).second);
      }
      if (same_level.size() >= 2 && seconds.size() == 1 && firsts.size() >= 2) {
        for (const std::size_t i : same_level) {
          drop(i, "reads as a count or a score out of the same total, not a day");
        }
      }
    }
    // Inside a dated heading that is not a week: a part of that day.
    for (const std::size_t i : numeric) {
      const int up = enclosing[i];
      if (!dropped[i] && up >= 0 && candidates[static_cast<std::size_t>(up)].date &&
          !is_week_heading(candidates[static_cast<std::size_t>(up)].normalized) &&
          numeric_days.count(candidates[static_cast<std::size_t>(up)].line) == 0) {
        drop(i, fmt::format("is inside the dated heading at line {}; a count or score there, not a day",
                            candidates[static_cast<std::size_t>(up)].line));
      }
    }
    // "### 28/3" in the file: its "### 3/4" is 3 April too.
    bool day_first = false;
    bool month_first = false;
    for (const std::size_t i : numeric) {
      const auto& day = numeric_days.at(candidates[i].line);
      day_first = day_first || (day.separator == '/' && day.first > 12);
      month_first = month_first || (day.separator == '/' && day.second > 12);
    }
    if (day_first && !month_first) {
      for (const std::size_t i : numeric) {
        const auto& day = numeric_days.at(candidates[i].line);
        if (!dropped[i] && day.separator == '/' && day.first <= 12 && candidates[i].date) {
          candidates[i].date->month = day.second;
          candidates[i].date->day = day.first;
        }
      }
    }
    if (changed) {
      nest();
    }
  }
  // "### Run 1" inside "## Session 3 — 2025-07-14 09:00–12:00": a repro attempt
  // or an experiment's run, a part of that session; only runs on their own are sessions.
  // A candidate read as a part of the one enclosing it: dropped, with a note saying so.
  const auto read_as_part = [&](std::size_t i, std::string_view what) {
    detection.rejected.emplace_back(candidates[i].line,
                                    fmt::format("heading \"{}\" is {} inside the session at line {}; read as a subsection",
                                                candidates[i].title, what, candidates[static_cast<std::size_t>(enclosing[i])].line));
    dropped[i] = true;
    enclosing[i] = -1;
  };
  {
    bool parts = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (!dropped[i] && enclosing[i] >= 0 && candidates[i].kind == StartKind::heading && !candidates[i].date &&
          is_numbered_run(candidates[i].normalized)) {
        read_as_part(i, "a run");
        parts = true;
      }
    }
    if (parts) {
      nest();
    }
  }
  // "### Update - 2025-06-02 10:02 AM" under "# Auth refactor - 2025-06-02
  // 09:15" (the Claude Code sessions template): a stamped update of the
  // session above it, on its day, not a session of its own.
  {
    bool parts = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const int up = enclosing[i];
      if (up < 0 || candidates[i].kind != StartKind::heading || !candidates[i].date ||
          candidates[static_cast<std::size_t>(up)].kind != StartKind::heading || !names_an_update(candidates[i].normalized)) {
        continue;
      }
      const auto& day = candidates[i].date;
      const auto& above = candidates[static_cast<std::size_t>(up)].date;
      if (!above || above->month != day->month || above->day != day->day || (day->year != 0 && above->year != day->year)) {
        continue;
      }
      read_as_part(i, "an update");
      parts = true;
    }
    if (parts) {
      nest();
    }
  }
  // A numbered session over sessions of other days is a session of its
  // own that the entries after it were written a level deeper than ("##
  // Session 19 - 2025-11-06" over "### 2025-11-04 (Session 18): …"), as a
  // title holds its own days, not others.
  std::vector<char> holds_other_days(candidates.size(), 0);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const int up = enclosing[i];
    if (up >= 0 && candidates[i].kind == StartKind::heading && candidates[i].date && candidates[static_cast<std::size_t>(up)].date) {
      const auto& a = *candidates[i].date;
      const auto& b = *candidates[static_cast<std::size_t>(up)].date;
      holds_other_days[static_cast<std::size_t>(up)] |= (a.year != b.year || a.month != b.month || a.day != b.day) ? 1 : 0;
    }
  }
  // A dated heading that encloses two or more others is a title, not a session;
  // so is one that encloses any, at a level where such titles were found
  // ("## 2025-12-06" holding one "### Session 3" after a day that held two).
  {
    std::vector<int> children(candidates.size(), 0);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (enclosing[i] >= 0) {
        ++children[static_cast<std::size_t>(enclosing[i])];
      }
    }
    std::set<int> title_levels;
    std::set<int> session_child_levels; // levels of the undated sessions such titles hold
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (holds_other_days[i] != 0 && is_numbered_session(candidates[i].normalized)) {
        continue;
      }
      if (children[i] >= 2 && candidates[i].kind == StartKind::heading) {
        dropped[i] = true;
        title_levels.insert(candidates[i].level);
      }
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const int up = enclosing[i];
      if (up >= 0 && dropped[static_cast<std::size_t>(up)] && candidates[i].kind == StartKind::heading &&
          !candidates[i].date) {
        session_child_levels.insert(candidates[i].level);
      }
    }
    // One "### Session 3" right under a "## 2025-12-06" at such a level: a
    // title too, when nothing but the session is under it.
    bool weeks_dropped = false;
    std::vector<int> only_child(candidates.size(), -1);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (enclosing[i] >= 0) {
        only_child[static_cast<std::size_t>(enclosing[i])] = static_cast<int>(i);
      }
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      // A week holding one day ("# Week 13 (Mar 24 – Mar 30)" over "### Mon 24 Mar"),
      // or only planned ones, groups them too.
      if (candidates[i].kind == StartKind::heading && candidates[i].date &&
          ((children[i] == 1 && candidates[static_cast<std::size_t>(only_child[i])].date) ||
           weeks_with_days.count(candidates[i].line) > 0) &&
          is_week_heading(candidates[i].normalized)) {
        dropped[i] = true;
        weeks_dropped = true;
        continue;
      }
      if (children[i] != 1 || candidates[i].kind != StartKind::heading || !candidates[i].date ||
          title_levels.count(candidates[i].level) == 0) {
        continue;
      }
      const auto& child = candidates[static_cast<std::size_t>(only_child[i])];
      // Headings are in line order: the first one after the day must be the session.
      const auto after = std::upper_bound(doc.headings.begin(), doc.headings.end(), candidates[i].line,
                                          [](int line, const MdHeading& h) { return line < h.line; });
      const bool next_heading = after == doc.headings.end() || after->line >= child.line;
      const bool close_by = child.line - candidates[i].line <= 3;
      if (child.kind == StartKind::heading && !child.date && session_child_levels.count(child.level) > 0 &&
          next_heading && close_by) {
        dropped[i] = true;
      }
    }
    if (!title_levels.empty()) {
      // Sessions under a dated title that name one day, and give no date of
      // their own anywhere, take its date: "## 2025-12-05" over "### Session
      // 1: auth", "### Session 2: CI" (not a sprint's "(2025-12-01 – 2025-12-12)").
      const std::vector<int> parent = enclosing;
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].date) {
          continue;
        }
        for (int up = parent[i]; up >= 0; up = parent[static_cast<std::size_t>(up)]) {
          const auto& title = candidates[static_cast<std::size_t>(up)];
          if (dropped[static_cast<std::size_t>(up)] && title.date && title.date->year != 0) {
            if (!find_date(title.normalized, title.date->end) && !is_week_heading(title.normalized)) {
              candidates[i].title_date = DateMatch{title.date->year, title.date->month, title.date->day, 0, 0};
            }
            break;
          }
        }
      }
      nest();
    } else if (weeks_dropped) {
      nest();
    }
  }
  std::set<int> session_levels;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!dropped[i] && enclosing[i] < 0) {
      session_levels.insert(candidates[i].level);
    }
  }
  std::vector<bool> taken(candidates.size(), false);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (dropped[i]) {
      continue;
    }
    // "### 2025-11-04 (Session 18)" under "## Session 19 - 2025-11-06": another day's session.
    const int up = enclosing[i];
    const bool another_days_session = up >= 0 && holds_other_days[static_cast<std::size_t>(up)] != 0 &&
                                      is_numbered_session(candidates[static_cast<std::size_t>(up)].normalized) &&
                                      is_numbered_session(candidates[i].normalized);
    if (enclosing[i] < 0 || session_levels.count(candidates[i].level) > 0 || another_days_session) {
      taken[i] = true;
    } else if (candidates[i].kind == StartKind::heading) {
      detection.rejected.emplace_back(candidates[i].line,
                                      fmt::format("dated heading \"{}\" is inside the session at line {}; read as a subsection",
                                                  candidates[i].title, candidates[static_cast<std::size_t>(enclosing[i])].line));
    }
  }

  // Extents: to the next session, or to a heading at the session's level or
  // above that is not a known section, whichever comes first.
  const int last_line = lines.line_count();
  std::vector<int> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (taken[i]) {
      order.push_back(static_cast<int>(i));
    }
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return candidates[static_cast<std::size_t>(a)].line < candidates[static_cast<std::size_t>(b)].line;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    SessionStart& start = candidates[static_cast<std::size_t>(order[k])];
    int end = k + 1 < order.size() ? candidates[static_cast<std::size_t>(order[k + 1])].line - 1 : last_line;
    if (start.kind == StartKind::table_row) {
      end = start.line;
    } else {
      // Events are in line order: from the first after the start to the end.
      const auto first = std::upper_bound(events.begin(), events.end(), start.line,
                                          [](int line, const Event& e) { return line < e.line; });
      for (auto it = first; it != events.end() && it->line <= end; ++it) {
        const Event& event = *it;
        if (event.level <= 6 && event.closes && event.level <= start.level &&
            (event.candidate < 0 || !taken[static_cast<std::size_t>(event.candidate)])) {
          end = event.line - 1;
          break;
        }
      }
    }
    auto trim_separators = [&] {
      while (end > start.line) {
        const auto kind = doc.line_kinds[static_cast<std::size_t>(end - 1)];
        const bool rule = std::binary_search(doc.rule_lines.begin(), doc.rule_lines.end(), end);
        if (kind == LineKind::blank || rule) {
          --end;
        } else {
          break;
        }
      }
    };
    trim_separators();
    // A short footer after the last rule ("---" then "*Last updated ...*")
    // belongs to the file, not the session.
    for (auto it = doc.rule_lines.rbegin(); it != doc.rule_lines.rend(); ++it) {
      const int rule = *it;
      if (rule <= start.line || rule > end) {
        continue;
      }
      int nonblank = 0;
      bool structured = false;
      for (int line = rule + 1; line <= end; ++line) {
        if (doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::blank) {
          continue;
        }
        ++nonblank;
        auto t = util::trim(lines.line_text(text, line));
        if (t.starts_with("#") || t.starts_with("-") || t.starts_with("*  ") || t.starts_with("|") ||
            (t.size() > 1 && is_digit(t[0]) && t[1] == '.')) {
          structured = true;
        }
      }
      if (nonblank > 0 && nonblank <= 3 && !structured) {
        end = rule - 1;
      }
      break;
    }
    // Trailing blank lines and rules are separators, not content.
    trim_separators();
    start.line_end = std::max(end, start.line);
    detection.sessions.push_back(start);
  }
  return detection;
}

bool names_plan_or_look_back(std::string_view normalized) {
  return names_plan_or_recap(normalized);
}

} // namespace seshdb::parse
