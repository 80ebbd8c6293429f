#include "seshdb/parse/section_kinds.hpp"

#include "seshdb/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <string>

namespace seshdb::parse {

namespace {

using model::SectionKind;

struct Rule {
  std::string_view phrase; // lower-case, matched as a substring
  SectionKind kind;
};

// Order matters: the first phrase found decides ("Critical Issues" is a
// finding, "Issues Encountered" a blocker; "Next Session Plan" next steps).
constexpr Rule k_rules[] = {
    {"next step", SectionKind::next_steps},     {"next session", SectionKind::next_steps},
    {"next action", SectionKind::next_steps},   {"todo", SectionKind::next_steps},
    {"to do", SectionKind::next_steps},         {"to-do", SectionKind::next_steps},
    {"follow-up", SectionKind::next_steps},     {"follow up", SectionKind::next_steps},
    {"remaining", SectionKind::next_steps},     {"next up", SectionKind::next_steps},
    {"upcoming", SectionKind::next_steps},      {"priorities", SectionKind::next_steps},
    {"backlog", SectionKind::next_steps},       {"roadmap", SectionKind::next_steps},
    {"wishlist", SectionKind::next_steps},      {"future work", SectionKind::next_steps},
    {"下一步", SectionKind::next_steps},         {"待办", SectionKind::next_steps},
    {"下次", SectionKind::next_steps},           {"下周", SectionKind::next_steps},   // next time, next week
    {"下週", SectionKind::next_steps},           {"来週", SectionKind::next_steps},
    // Tomorrow's plan, not a bare "计划" (plan): real logs use that for the session's own plan.
    {"tomorrow", SectionKind::next_steps},      {"明日", SectionKind::next_steps},
    {"明天", SectionKind::next_steps},           {"后续", SectionKind::next_steps},
    {"次回", SectionKind::next_steps},           {"今後", SectionKind::next_steps},   // Japanese: next time, from now on
    {"próximos pasos", SectionKind::next_steps}, {"nächste schritte", SectionKind::next_steps},
    {"decision", SectionKind::decisions},       {"decided", SectionKind::decisions},
    {"决策", SectionKind::decisions},            {"决定", SectionKind::decisions},
    {"決定", SectionKind::decisions},
    {"blocker", SectionKind::blockers},         {"blocked", SectionKind::blockers},
    {"issues encountered", SectionKind::blockers}, {"problems", SectionKind::blockers},
    {"challenges", SectionKind::blockers},      {"known issues", SectionKind::blockers},
    {"open issues", SectionKind::blockers},     {"遇到的问题", SectionKind::blockers},
    {"问题", SectionKind::blockers},            {"課題", SectionKind::blockers},    {"阻塞", SectionKind::blockers},
    {"finding", SectionKind::findings},         {"review", SectionKind::findings},
    {"critique", SectionKind::findings},        {"critical issues", SectionKind::findings},
    {"audit", SectionKind::findings},           {"vulnerab", SectionKind::findings},
    {"file", SectionKind::files},               {"artifact", SectionKind::files},
    {"artefact", SectionKind::files},           {"文件", SectionKind::files},
    {"stats", SectionKind::stats},              {"statistic", SectionKind::stats},
    {"metric", SectionKind::stats},             {"numbers", SectionKind::stats},
    {"test result", SectionKind::stats},        {"测试结果", SectionKind::stats},
    {"completed", SectionKind::work_completed}, {"work done", SectionKind::work_completed},
    {"what we did", SectionKind::work_completed}, {"what was done", SectionKind::work_completed},
    {"accomplish", SectionKind::work_completed}, {"achievement", SectionKind::work_completed},
    {"progress", SectionKind::work_completed},  {"work log", SectionKind::work_completed},
    {"work performed", SectionKind::work_completed}, {"actions taken", SectionKind::work_completed},
    {"changes made", SectionKind::work_completed}, {"implemented", SectionKind::work_completed},
    {"deliverable", SectionKind::work_completed}, {"done", SectionKind::work_completed},
    {"outcome", SectionKind::work_completed},   {"results", SectionKind::work_completed},
    {"完成", SectionKind::work_completed},      {"完了", SectionKind::work_completed},
    {"erledigt", SectionKind::work_completed},
    {"note", SectionKind::notes},               {"lesson", SectionKind::notes},
    {"learning", SectionKind::notes},           {"learned", SectionKind::notes},
    {"context", SectionKind::notes},            {"observation", SectionKind::notes},
    {"insight", SectionKind::notes},            {"学习", SectionKind::notes},
    {"经验", SectionKind::notes},                {"备注", SectionKind::notes},
};

} // namespace

model::SectionKind classify_section(std::string_view title) {
  const std::string lower = util::to_lower_ascii(title);
  const util::ByteSet bytes(lower);
  for (const auto& rule : k_rules) {
    if (bytes.may_contain(rule.phrase) && lower.find(rule.phrase) != std::string::npos) {
      return rule.kind;
    }
  }
  return SectionKind::other;
}

bool names_session_particulars(std::string_view title) {
  // Emoji, numbering and markup around the words: "📋 Session Info:", "1. Metadata".
  std::string lower = util::to_lower_ascii(title);
  const auto first = lower.find_first_of("abcdefghijklmnopqrstuvwxyz\xE4\xE5\xE6");
  if (first == std::string::npos) {
    return false;
  }
  lower.erase(0, first);
  while (!lower.empty() && std::string_view(" :*_").find(lower.back()) != std::string_view::npos) {
    lower.pop_back();
  }
  static constexpr std::array<std::string_view, 24> k_titles = {
      "session info", "session information", "session details", "session metadata", "session meta",
      "session overview", "session context", "session header", "session summary", "info", "information",
      "metadata", "meta", "details", "overview", "properties", "environment", "context",
      "metadaten", "métadonnées", "基本信息", "会话信息", "元数据", "セッション情報"};
  return std::find(k_titles.begin(), k_titles.end(), lower) != k_titles.end();
}

bool plans_work(std::string_view title) {
  const std::string lower = util::to_lower_ascii(title);
  const util::ByteSet bytes(lower);
  static constexpr std::string_view k_phrases[] = {
      "backlog", "roadmap", "plan", "plans", "planned", "planning", "todo", "to-do", "to do",
      "wishlist", "priorities", "next steps", "next step", "next session", "upcoming",
      "future work", "tomorrow", "下一步", "待办", "次回", "下次", "下周", "下週", "来週",
      "parking lot", "ideas", "icebox",
      "someday", "pendiente", "pendientes", "pendente", "pendentes", "à faire", "por hacer",
      "バックログ", "積み残し", "今後の課題"};
  for (std::string_view phrase : k_phrases) {
    if (bytes.may_contain(phrase) && util::contains_word(lower, phrase)) {
      return true;
    }
  }
  return false;
}

bool says_nothing(std::string_view item_text) {
  item_text = util::trim(item_text);
  // Most items open with a letter no placeholder opens with: answer those at once.
  const char first = item_text.empty() ? ' ' : item_text.front();
  if (std::string_view("nNtTkK-\xE2\xE6").find(first) == std::string_view::npos) {
    return false;
  }
  std::string lower = util::to_lower_ascii(item_text);
  while (!lower.empty() && (lower.back() == '.' || lower.back() == '!' || lower.back() == ' ')) {
    lower.pop_back();
  }
  static constexpr std::array<std::string_view, 25> k_nothing = {
      "none", "n/a", "na", "nil", "nothing", "tbd", "-", "—", "–", "no blockers", "no blocker", "none yet",
      "none so far", "none currently", "none at this time", "none at the moment", "nothing yet", "nothing blocking",
      "none identified", "none found", "无", "暂无", "没有", "keine", "ninguno"};
  if (std::find(k_nothing.begin(), k_nothing.end(), lower) != k_nothing.end()) {
    return true;
  }
  // "None (all green)", "None - waiting is fine", "No blockers — shipped";
  // but "None, but CI is flaky", "None (except #42)" name one.
  for (std::string_view lead : {"none (", "none - ", "none — ", "none; ", "none, ", "no blockers ", "无（", "暂无（"}) {
    if (lower.starts_with(lead)) {
      for (std::string_view contrast : {"except", "but ", "though", "however", "other than", "apart from", "besides",
                                        "aside from", "#", "除了", "但"}) {
        if (lower.find(contrast, lead.size()) != std::string::npos) {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

} // namespace seshdb::parse
