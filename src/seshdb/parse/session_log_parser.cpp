#include "seshdb/parse/session_log_parser.hpp"

#include "seshdb/parse/dates.hpp"
#include "seshdb/parse/durations.hpp"
#include "seshdb/parse/markdown_blocks.hpp"
#include "seshdb/parse/references.hpp"
#include "seshdb/parse/section_kinds.hpp"
#include "seshdb/parse/session_detection.hpp"
#include "seshdb/parse/severity.hpp"
#include "seshdb/parse/times.hpp"
#include "seshdb/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <array>
#include <cctype>
#include <span>
#include <map>
#include <set>

namespace seshdb::parse {

namespace {

using model::Diagnostic;
using model::DiagnosticLevel;

bool has_high_bytes(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string normalized_line(std::string_view line) {
  return has_high_bytes(line) ? normalize_width(line) : std::string(line);
}

// The text of a list item's line after its marker ("- ", "* ", "+ ", "1. ",
// "2) "); nullopt for a line that is no list item.
std::optional<std::string_view> after_list_marker(std::string_view line) {
  line = util::trim(line);
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")) {
    return util::trim(line.substr(2));
  }
  const std::size_t digits = line.find_first_not_of("0123456789");
  if (digits > 0 && digits <= 3 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    return util::trim(line.substr(digits + 1));
  }
  return std::nullopt;
}

std::string strip_markup(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '*' && c != '`') {
      out += c;
    }
  }
  std::string_view t = util::trim(out);
  while (!t.empty() && (t.front() == '_' || t.front() == ':')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && t.back() == '_') {
    t.remove_suffix(1);
  }
  return std::string(util::trim(t));
}

// `**Key**: value`, `**Key:** value`, `- **Key**: value`, `> **Key**: value`,
// and (when `plain` is allowed) `Key: value`; several per line when split by " | ".
// Plain "Key: value" fields (no bold) are read only where plain_allowed, and
// their key must start with a capital, unless any_case: front matter keys are
// lower-case YAML ("date: 2025-04-02").
bool key_is(std::string_view key, std::initializer_list<std::string_view> names);

// Keys a session states about itself, which an agent often writes in lower
// case ("elapsed: 00:47:12", "finished: 2025-06-11T08:31:40-04:00").
bool is_session_key(std::string_view key) {
  return key_is(key, {"branch", "date", "time", "duration", "started", "ended", "start", "end", "finished", "elapsed",
                      "timezone", "time spent"});
}

// Whether text opens with a letter, ASCII or not ("Início", "Fuso", "时长").
bool is_letter_start(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const auto c = static_cast<unsigned char>(text.front());
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<model::Field> read_fields(std::string_view line, int line_number, bool plain_allowed, bool any_case = false) {
  std::vector<model::Field> fields;
  std::string_view rest = util::trim(line);
  // TOML front matter: 'date = 2025-07-08T22:40:00-04:00', 'branch = "x"'.
  std::string toml_line;
  if (any_case) {
    const auto equals = rest.find(" = ");
    const auto colon = rest.find(':');
    if (equals != std::string_view::npos && equals > 0 && (colon == std::string_view::npos || equals < colon)) {
      toml_line = std::string(rest.substr(0, equals)) + ": " + std::string(util::trim(rest.substr(equals + 3)));
      rest = toml_line;
    }
  }
  const bool list_item = rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ");
  // List and quote markers, and the emoji or check marks before a label ("- ✅ **Branch**:").
  while (!rest.empty()) {
    const unsigned char c = static_cast<unsigned char>(rest.front());
    if (c == '>' || c == '-' || c == '+' || c == ' ' || (c == '*' && rest.size() > 1 && rest[1] == ' ')) {
      rest.remove_prefix(1);
      continue;
    }
    if (c >= 0x80) {
      std::size_t pos = 0;
      const char32_t cp = util::decode_utf8(rest, pos);
      const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || cp >= 0x1F000 || cp == 0xFE0F || cp == 0x200D;
      if (symbol) {
        rest.remove_prefix(pos);
        continue;
      }
    }
    break;
  }
  // ":Branch: x", ":Start: 09:10": an org-mode property or a reStructuredText field.
  std::string colon_field;
  if (rest.size() > 3 && rest.front() == ':') {
    const auto close = rest.find(':', 1);
    if (close != std::string_view::npos && close >= 2 && close <= 24 && close + 1 < rest.size() && rest[close + 1] == ' ' &&
        std::all_of(rest.begin() + 1, rest.begin() + static_cast<std::ptrdiff_t>(close),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == ' '; })) {
      colon_field = std::string(rest.substr(1, close - 1)) + ":" + std::string(rest.substr(close + 1));
      rest = colon_field;
    }
  }
  // A branch label in the middle of a line: "...the plan. **Branch:** `feature/x`".
  if (!rest.starts_with("**")) {
    for (std::string_view label : {" **Branch:**", " **Branch**:"}) {
      const auto at = rest.find(label);
      if (at != std::string_view::npos) {
        rest = rest.substr(at + 1);
        break;
      }
    }
  }
  // "Started: 9:15am, Finished: 11:40am": an end time after a comma is a
  // field of its own, as if split by " | ".
  std::string split;
  // Two fields on a line need two colons; most lines have one at most.
  const auto first_colon = rest.find(':');
  const bool two_colons = first_colon != std::string_view::npos && rest.find(':', first_colon + 1) != std::string_view::npos;
  static constexpr std::string_view k_second_labels[] = {
      ", Finished", ", Ended", ", End", ", finished", ", ended", ", end", ", **Finished", ", **Ended", ", **End", " **End",
      " **Finished", " / End", " / end", "; End", "; end", " · End", " — End", " – End", ". Branch", "; Branch", ", Branch",
      " · Branch", ". Finished", ". Ended", ". End"};
  for (std::string_view label : two_colons ? std::span<const std::string_view>(k_second_labels) : std::span<const std::string_view>()) {
    const auto at = rest.find(label);
    const auto colon = at == std::string_view::npos ? at : rest.find(':', at);
    if (colon != std::string_view::npos && colon - at <= label.size() + 5 && rest.find(':') < at) {
      const std::size_t word = label.find_first_of("*EeFfB"); // past the separator
      split = std::string(rest.substr(0, at)) + " | " + std::string(rest.substr(at + word));
      rest = split;
      break;
    }
  }
  // "Sunday, short one. Total: 1h10", "18:00–19:30 + 21:00–22:15 (Total:
  // 2h45)", "... · **Total:** 5h30": a total after a sentence, a field or in
  // brackets is a field of its own.
  // Not in a list item ("- Test suite: 1,204 tests. Total: 14 min" times the
  // tests), and after a separator only on a line that gives clock times.
  std::string total_split;
  const bool has_total = !list_item && rest.find("Total:") != std::string_view::npos; // one search for most lines
  for (std::string_view label : {". Total:", "(Total:", " · Total:", " — Total:", " – Total:", "; Total:", ", Total:",
                                 ". **Total:**", "(**Total:**", " · **Total:**", " — **Total:**", " – **Total:**"}) {
    if (!has_total) {
      break;
    }
    const auto at = rest.find(label);
    if (at != std::string_view::npos && !label.starts_with(".") && !find_time(rest.substr(0, at))) {
      continue; // "Downtime during deploy · Total: 5 min"
    }
    if (at != std::string_view::npos) {
      const std::size_t word = label.find_first_of("*T");
      std::string_view tail = rest.substr(at + word);
      if (label.front() == '(' && !tail.empty() && tail.back() == ')') {
        tail.remove_suffix(1);
      }
      total_split = std::string(rest.substr(0, at)) + " | " + std::string(tail);
      rest = total_split;
      break;
    }
  }
  // "Início: 08h45 · Fim: 10h05 · Duração: 1h20", "Dev: Rafael · Fuso horário:
  // America/Sao_Paulo": fields joined by middots, each a short key and a colon.
  std::string dot_split;
  if (rest.find(" \xC2\xB7 ") != std::string_view::npos) {
    auto short_key = [](std::string_view part) {
      part = util::trim(part);
      while (part.starts_with("*")) {
        part.remove_prefix(1);
      }
      const auto colon = part.find(':');
      if (colon == std::string_view::npos || colon == 0 || colon > 24 || !(is_letter_start(part))) {
        return false;
      }
      const std::string_view key = part.substr(0, colon);
      return std::count(key.begin(), key.end(), ' ') <= 2 && colon + 1 < part.size() &&
             (part[colon + 1] == ' ' || part[colon + 1] == '*');
    };
    std::vector<std::string_view> parts;
    for (std::size_t from = 0;;) {
      const auto dot = rest.find(" \xC2\xB7 ", from);
      parts.push_back(rest.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
      if (dot == std::string_view::npos) {
        break;
      }
      from = dot + 4;
    }
    if (std::all_of(parts.begin(), parts.end(), short_key)) {
      for (const auto part : parts) {
        dot_split += dot_split.empty() ? std::string(part) : " | " + std::string(part);
      }
      rest = dot_split;
    }
  }
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t bar = rest.find(" | ", start);
    const std::string_view part = util::trim(rest.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    start = bar == std::string_view::npos ? rest.size() + 1 : bar + 3;
    std::string key;
    std::string_view value;
    if (part.starts_with("**")) {
      const auto close = part.find("**", 2);
      if (close == std::string_view::npos) {
        continue;
      }
      std::string_view inner = part.substr(2, close - 2);
      std::string_view after = part.substr(close + 2);
      if (inner.ends_with(":")) {
        inner.remove_suffix(1);
      } else if (after.starts_with(":")) {
        after.remove_prefix(1);
      } else {
        continue;
      }
      key = std::string(util::trim(inner));
      value = util::trim(after);
    } else if (plain_allowed) {
      const auto colon = part.find(':');
      // "Key: value"; CJK keys often have no space after a full-width colon.
      const bool cjk_key = colon != std::string_view::npos && colon > 0 &&
                           static_cast<unsigned char>(part[colon - 1]) >= 0x80;
      // Obsidian's inline fields: "Branch:: feat/x".
      const bool double_colon = colon != std::string_view::npos && colon + 2 < part.size() && part[colon + 1] == ':' &&
                                part[colon + 2] == ' ';
      // "Branch：feat/x" typed with a Chinese input method (the colon is
      // full-width, then normalised): a key a session states about itself
      // needs no space after its colon. Not "http://" or "Note:see".
      const bool tight_session_key = colon != std::string_view::npos && colon > 0 && colon + 1 < part.size() &&
                                     part[colon + 1] != ' ' && part[colon + 1] != '\t' && part[colon + 1] != '/' &&
                                     is_session_key(part.substr(0, colon));
      if (colon == std::string_view::npos || colon == 0 || colon > 30 || colon + 1 >= part.size() ||
          (part[colon + 1] != ' ' && part[colon + 1] != '\t' && !cjk_key && !double_colon && !tight_session_key)) {
        continue;
      }
      const std::string_view candidate = part.substr(0, colon);
      const unsigned char first = static_cast<unsigned char>(candidate[0]);
      // Lower-case keys are prose ("note: ...") except the few a session states
      // about itself ("branch: ops/x", "duration: 2h").
      const bool session_key = first >= 'a' && first <= 'z' && (is_session_key(candidate) || key_is(candidate, {"focus"}));
      const bool starts_ok =
          (first >= 'A' && first <= 'Z') || first >= 0x80 || (any_case && first >= 'a' && first <= 'z') || session_key;
      const auto words = std::count(candidate.begin(), candidate.end(), ' ') + 1;
      if (!starts_ok || words > 4 || candidate.find_first_of("`[(*#") != std::string_view::npos) {
        continue;
      }
      key = std::string(candidate);
      value = util::trim(part.substr(colon + (double_colon ? 2 : 1)));
    } else {
      continue;
    }
    if (key.empty() || key.size() > 40 || value.empty()) {
      continue;
    }
    // "**Feature Branch**: Created `feature/x`": the code span is the value
    // that matters, unless a branch comes first ("feat/x @ `4d5e6f7`",
    // "feat/x, based on `main`").
    if (util::icontains_ascii(key, "branch")) {
      const auto open = value.find('`');
      const auto close = open == std::string_view::npos ? open : value.find('`', open + 1);
      const std::string_view before = util::trim(value.substr(0, open == std::string_view::npos ? 0 : open));
      const std::string_view first_word = before.substr(0, before.find_first_of(" \t,(@"));
      // A slash names a branch ("feat/x"); a hyphen alone is as often prose ("auto-created `claude/x`").
      const bool branch_first = first_word.find('/') != std::string_view::npos && !util::iequals_ascii(first_word, "n/a");
      // "main @ `77aa88b`": a commit in the code span, not a branch.
      const std::string_view span = close == std::string_view::npos ? std::string_view() : value.substr(open + 1, close - open - 1);
      const bool span_is_commit = span.size() >= 7 && span.size() <= 40 &&
                                  span.find_first_not_of("0123456789abcdef") == std::string_view::npos &&
                                  span.find_first_of("0123456789") != std::string_view::npos;
      if (close != std::string_view::npos && close > open + 1 && !branch_first && !span_is_commit) {
        value = value.substr(open + 1, close - open - 1);
      }
    }
    // YAML quotes its scalars: branch: "feat/x".
    if (any_case && value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    fields.push_back({key, strip_markup(value), line_number});
  }
  return fields;
}

bool key_is(std::string_view key, std::initializer_list<std::string_view> names) {
  std::string lower = util::to_lower_letters(util::trim(key)); // "Ветка", "Süre" as "ветка", "süre"
  std::replace(lower.begin(), lower.end(), '_', ' '); // front matter's "started_at", "session_date"
  for (auto name : names) {
    if (lower == name) {
      return true;
    }
  }
  // A key in two languages: "Zeit / Time", "日期 / Date".
  if (const auto slash = lower.find(" / "); slash != std::string::npos) {
    const std::string first(util::trim(std::string_view(lower).substr(0, slash)));
    const std::string second(util::trim(std::string_view(lower).substr(slash + 3)));
    for (auto name : names) {
      if (first == name || second == name) {
        return true;
      }
    }
  }
  return false;
}

// "feature/x (later renamed ...)" -> "feature/x"; "`main`" -> "main"; and
// "" for a value that is prose, not a branch ("Created", "N/A").
std::string clean_branch(std::string_view value) {
  const std::string whole = strip_markup(value);
  std::string v = whole;
  const auto end = v.find_first_of(" \t,(");
  if (end != std::string::npos) {
    v.resize(end);
  }
  while (!v.empty() && (v.back() == '.' || v.back() == ';' || v.back() == ':')) {
    v.pop_back();
  }
  const bool has_marks = v.find_first_of("/-_.0123456789") != std::string::npos;
  const bool lower_word = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const std::string lower = util::to_lower_ascii(v);
  if (v.empty() || lower == "n/a" || lower == "none" || lower == "tbd" || (!has_marks && !lower_word)) {
    return {};
  }
  // "Branch: deleted after merge": a plain word that runs on into a sentence
  // names no branch ("Branch: main. Merged #3" ends its sentence first, and
  // "Branch: main only" names the usual one).
  static constexpr std::string_view k_usual[] = {"main", "master", "develop", "development", "dev", "trunk",
                                                 "staging", "stage", "production", "prod", "release", "next",
                                                 "default", "gh-pages", "integration", "qa", "test", "hotfix"};
  const bool usual = std::find(std::begin(k_usual), std::end(k_usual), lower) != std::end(k_usual);
  if (!has_marks && !usual && end != std::string::npos && end > 0 && whole[end - 1] >= 'a' && whole[end - 1] <= 'z') {
    const std::string_view rest = util::trim(std::string_view(whole).substr(end));
    if (!rest.empty() && ((rest.front() >= 'a' && rest.front() <= 'z') || (rest.front() >= 'A' && rest.front() <= 'Z'))) {
      return {};
    }
  }
  return v;
}

// A branch's label with its colon, in English and other languages: "De 9h à
// 11h30. Branche : `init/projet`" in a later sentence, "(godz. 9:00–12:00,
// gałąź: `x`)" in a title.
constexpr std::string_view k_branch_labels[] = {"branch:", "branch :", "branche :", "branche:", "rama:", "zweig:", "gren:",
                                                "větev:", "dal:", "nhánh:", "gałąź:", "гілка:", "ветка:", "分支:"};

// "### 2025-08-21 · 09:15–11:50 CEST · branch feat/x", "(branch: fix/y)",
// "| branch main": a branch named in a title after a separator.
// "🌿 feat/login": the herb some logs put before a branch name, in a
// heading's part or on a line of its own; "" when no branch follows it.
std::string branch_after_herb(std::string_view text) {
  static constexpr std::string_view k_herb = "\xF0\x9F\x8C\xBF"; // U+1F33F
  const auto at = text.find(k_herb);
  if (at == std::string_view::npos) {
    return {};
  }
  std::string value(util::trim(text.substr(at + k_herb.size())));
  if (value.starts_with("\xEF\xB8\x8F")) { // the emoji variation selector
    value = std::string(util::trim(std::string_view(value).substr(3)));
  }
  // One word, then nothing, a separator or tags: "🌿 the garden is lovely" names no branch.
  const auto space = value.find(' ');
  if (space != std::string::npos) {
    const std::string_view after = util::trim(std::string_view(value).substr(space));
    bool separated = false;
    for (std::string_view stop : {"·", "|", "—", "–", "#", "(", "-"}) {
      separated = separated || after.starts_with(stop);
    }
    if (!separated) {
      return {};
    }
    value.resize(space);
  }
  for (std::string_view stop : {")", "]"}) {
    if (const auto cut = value.find(stop); cut != std::string::npos) {
      value.resize(cut);
    }
  }
  return clean_branch(value);
}

std::string branch_in_title(std::string_view normalized) {
  if (auto herb = branch_after_herb(normalized); !herb.empty()) {
    return herb;
  }
  const std::string lower = util::to_lower_ascii(normalized);
  for (std::size_t at = lower.find("branch"); at != std::string::npos; at = lower.find("branch", at + 6)) {
    std::size_t b = at;
    while (b > 0 && lower[b - 1] == ' ') {
      --b;
    }
    const std::string_view before = std::string_view(lower).substr(0, b);
    const bool after_separator = b == 0 || before.ends_with("·") || before.ends_with("|") || before.ends_with("—") ||
                                 before.ends_with("–") || before.ends_with("-") || before.ends_with("(") ||
                                 before.ends_with("[") || before.ends_with(",") || before.ends_with(";");
    std::size_t p = at + 6;
    if (!after_separator || (p < lower.size() && lower[p] != ' ' && lower[p] != ':' && lower[p] != '=')) {
      continue;
    }
    while (p < lower.size() && (lower[p] == ' ' || lower[p] == ':' || lower[p] == '=')) {
      ++p;
    }
    std::string value(normalized.substr(p));
    for (std::string_view stop : {" · ", " | ", " — ", " – ", ")", "]"}) {
      if (const auto cut = value.find(stop); cut != std::string::npos) {
        value.resize(cut);
      }
    }
    if (auto branch = clean_branch(value); !branch.empty()) {
      return branch;
    }
  }
  // In other languages, with a colon: "(godz. 9:00–12:00, gałąź: `x`)", "· Rama: y".
  for (std::string_view label : k_branch_labels) {
    if (label.starts_with("branch") || label == "dal:") {
      continue; // English is read above, after a separator; "dal:" alone is Italian's "from"
    }
    const auto at = lower.find(label);
    if (at == std::string::npos || (at > 0 && lower[at - 1] != ' ' && lower[at - 1] != '(' && lower[at - 1] != '*')) {
      continue;
    }
    std::string value(util::trim(normalized.substr(at + label.size())));
    for (std::string_view stop : {" · ", " | ", " — ", " – ", ")", "]", ","}) {
      if (const auto cut = value.find(stop); cut != std::string::npos) {
        value.resize(cut);
      }
    }
    if (auto branch = clean_branch(value); !branch.empty()) {
      return branch;
    }
  }
  return {};
}

// A YAML scalar without its quotes: "\"Auth refactor\"" -> "Auth refactor".
std::string unquoted(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

// The rows of two-column "| Field | Value |" tables between two lines, as
// fields (the second header cell says value or details).
std::vector<model::Field> key_value_table_fields(const MarkdownDoc& doc, int first_line, int last_line) {
  std::vector<model::Field> fields;
  for_each_body_row_between(doc, first_line, last_line, [&](const MdTableRow& row, const std::vector<std::string>& header) {
    if (header.size() != 2 || row.cells.size() != 2) {
      return;
    }
    const std::string value_header = util::to_lower_ascii(util::trim(header[1]));
    if (value_header != "value" && value_header != "values" && value_header != "details" && value_header != "detail") {
      return;
    }
    std::string key = strip_markup(row.cells[0]);
    std::string value = row.cells[1];
    if (util::icontains_ascii(key, "branch")) {
      value = clean_branch(value);
    }
    if (!key.empty() && !util::trim(value).empty()) {
      fields.push_back({key, strip_markup(value), row.line});
    }
  });
  return fields;
}

std::string format_utc(std::int64_t minutes_since_epoch) {
  const std::int64_t day = minutes_since_epoch >= 0 ? minutes_since_epoch / 1440 : (minutes_since_epoch - 1439) / 1440;
  const int minute_of_day = static_cast<int>(minutes_since_epoch - day * 1440);
  int y = 0, m = 0, d = 0;
  civil_from_days(day, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00Z", y, m, d, minute_of_day / 60, minute_of_day % 60);
}

struct TimeInfo {
  std::optional<TimeMatch> time;
  bool from_heading = false;
};

// What one session's text says about when it ran.
struct SessionFacts {
  std::optional<DateMatch> date;
  std::optional<int> start, end;
  bool approx = false;
  std::string zone;
  std::optional<int> duration;
};

void take_time(SessionFacts& facts, const TimeMatch& match) {
  if (!facts.start) {
    facts.start = match.start;
    facts.approx = match.approx;
    if (match.end) {
      facts.end = match.end;
    }
  }
  if (facts.zone.empty() && !match.zone.empty()) {
    facts.zone = match.zone;
  }
}

// A time in a field value, after any date in it ("2025.12.28 9:00").
std::optional<TimeMatch> time_in_value(const std::string& value) {
  const std::string normalized = normalize_width(value);
  std::size_t from = 0;
  if (auto date = find_date(normalized)) {
    from = date->end;
  }
  if (auto time = find_time(normalized, from)) {
    return time;
  }
  // "Hora: 15.00 a 18.15", "Zeit: 9.15 – 12.00": under a time label, dotted
  // minutes are a clock's (in prose "3.12" is as often a version).
  std::string colons = normalized;
  bool dotted = false;
  for (std::size_t i = from + 1; i + 2 < colons.size(); ++i) {
    const auto digit = [&](std::size_t k) { return k < colons.size() && colons[k] >= '0' && colons[k] <= '9'; };
    if (colons[i] == '.' && digit(i - 1) && digit(i + 1) && digit(i + 2) && !digit(i + 3) &&
        (i + 3 >= colons.size() || colons[i + 3] != '.') && (i < 3 || !digit(i - 3)) && (i < 2 || colons[i - 2] != '.')) {
      colons[i] = ':';
      dotted = true;
    }
  }
  return dotted ? find_time(colons, from) : std::nullopt;
}

// "Notes: Ana · 09:30–09:45 CET", "Bo · 09:30–09:50 CET (ran long)": a first
// line whose part after a middot is only the session's range.
std::optional<TimeMatch> range_after_middot(std::string_view normalized) {
  for (auto dot = normalized.find(" \xC2\xB7 "); dot != std::string_view::npos; dot = normalized.find(" \xC2\xB7 ", dot + 1)) {
    const std::string_view part = util::trim(normalized.substr(dot + 4));
    const auto time = find_time(part, 0);
    if (!time || !time->end || time->begin != 0) {
      continue;
    }
    std::string_view after = util::trim(part.substr(time->end_pos));
    if (after.starts_with("(") && after.find(')') != std::string_view::npos) {
      after = util::trim(after.substr(after.find(')') + 1));
    }
    // And another part after it: "Branch: x · 08:50–10:20 CET · pairing".
    if (after.starts_with("\xC2\xB7 ")) {
      after = {};
    }
    if (after.find_first_not_of("*_)`. ") == std::string_view::npos) {
      auto shifted = *time;
      shifted.begin += dot + 4;
      shifted.end_pos += dot + 4;
      return shifted;
    }
  }
  return std::nullopt;
}

// "Started 21:40, finished 00:30.", "Started at 9:00, done at 11:30", "From
// 09:00 to 11:30", "Worked 10:30–13:00": a sentence that opens with the start.
std::optional<TimeMatch> prose_time_range(std::string_view normalized) {
  std::string lower = util::to_lower_ascii(util::trim(normalized));
  const auto opener = std::find_if(lower.begin(), lower.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  lower.erase(lower.begin(), opener);
  const std::size_t offset = util::to_lower_ascii(normalized).find(lower.substr(0, std::min<std::size_t>(lower.size(), 12)));
  if (offset == std::string::npos) {
    return std::nullopt;
  }
  for (std::string_view word : {"started at ", "started ", "began at ", "began ", "start ", "from ", "worked ", "ran "}) {
    if (!lower.starts_with(word)) {
      continue;
    }
    auto first = find_time(normalized, offset + word.size());
    // Right after the word, or after "around", "about", "~" ("Started around 19:30").
    const auto filler = [&] {
      const std::string gap = util::to_lower_ascii(
          util::trim(normalized.substr(offset + word.size(), first->begin - offset - word.size())));
      return gap == "around" || gap == "about" || gap == "approx." || gap == "approx" || gap == "ca." || gap == "~" ||
             gap == "circa";
    };
    if (!first || (first->begin > offset + word.size() + 1 && !filler())) {
      return std::nullopt;
    }
    if (first->end) {
      return first; // "Worked 10:30–13:00"
    }
    const std::string_view after = std::string_view(lower).substr(first->end_pos - offset);
    // "Began 8:50. Lunch. Finished the day at 17:15.": a short sentence may come between.
    for (std::string_view closer : {"finished the day at ", "done for the day at ", "finished at ", "finished ", "ended at ",
                                    "ended ", "done at ", "done by ", "stopped at ", "stopped ", "wrapped up at ",
                                    "wrapped up ", "wrapped at ", "wrapped ", "until ", "till ", "to ", "/ end ", "- end ",
                                    ", end "}) {
      const auto at = after.find(closer);
      if (at == std::string_view::npos || at > (closer.size() > 12 ? 24 : 12)) {
        continue;
      }
      const std::size_t from = first->end_pos + at + closer.size();
      auto second = find_time(normalized, from);
      if (!second || second->begin > from + 1) {
        continue;
      }
      TimeMatch range = *first;
      range.end = second->start;
      range.end_pos = second->end_pos;
      if (range.zone.empty()) {
        range.zone = second->zone;
      }
      return range;
    }
    // "Started 20:10. Didn't write down when I stopped.", "Started around 19:30": the start alone.
    if (word.starts_with("start") || word.starts_with("began")) {
      return first;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// "Finished 12:40.", "Ended 01:05 (long run)", "Done at 17:30": a sentence
// that opens with the session's end.
std::optional<TimeMatch> prose_end_time_at(std::string_view normalized, std::size_t from);

// "Finished 12:40." opening the line, or its last sentence ("Runner tags,
// cache volume. Done at 11:30.").
std::optional<TimeMatch> prose_end_time(std::string_view normalized) {
  for (std::size_t from = 0; from != std::string_view::npos;) {
    if (auto time = prose_end_time_at(normalized, from)) {
      return time;
    }
    const auto stop = normalized.find(". ", from);
    from = stop == std::string_view::npos ? stop : stop + 2;
  }
  return std::nullopt;
}

std::optional<TimeMatch> prose_end_time_at(std::string_view normalized, std::size_t from_sentence) {
  std::string_view text = util::trim(normalized.substr(from_sentence));
  while (!text.empty() && (text.front() == '*' || text.front() == '_')) {
    text.remove_prefix(1);
  }
  const std::string lower = util::to_lower_ascii(text.substr(0, std::min<std::size_t>(text.size(), 24)));
  for (std::string_view word : {"finished the day at ", "done for the day at ", "finished at ", "finished ", "ended at ",
                                "ended ", "done at ", "stopped at ", "stopped ", "wrapped up at ", "wrapped up ", "end ",
                                "end at "}) {
    if (!lower.starts_with(word)) {
      continue;
    }
    const std::size_t from = static_cast<std::size_t>(text.data() - normalized.data()) + word.size();
    auto time = find_time(normalized, from);
    if (!time || time->begin > from + 1 || time->end) {
      return std::nullopt;
    }
    // Only the end, a note in brackets at most: "Finished 09:40, then moved on
    // to the parser" ends a step, "Done at 9:30 yesterday" another day.
    std::string_view after = util::trim(normalized.substr(std::min(normalized.size(), time->end_pos)));
    while (!after.empty() && (after.front() == '.' || after.front() == '*' || after.front() == '_')) {
      after.remove_prefix(1);
    }
    after = util::trim(after);
    if (!after.empty() && !(after.front() == '(' && (after.back() == ')' || after.ends_with(").")))) {
      return std::nullopt;
    }
    return time;
  }
  return std::nullopt;
}

// Text that is nothing but a duration: "2h", "~1.5 hours", "2h 15m", "45 min".
bool only_a_duration(std::string_view text) {
  static constexpr std::array<std::string_view, 11> k_units = {"h", "hr", "hrs", "hour", "hours", "m", "min",
                                                               "mins", "minute", "minutes", "~"};
  text = util::trim(text);
  // The last part of "Session 7 (2025-01-21, 1h45m)", or a labelled part:
  // "2025-01-25 - Duration: 45 minutes".
  if (text.ends_with(")") && text.find('(') == std::string_view::npos) {
    text.remove_suffix(1);
  }
  // Not "time:", which as often gives a time of day ("| Time: 14h30").
  for (std::string_view label : {"duration:", "time spent:", "took"}) {
    if (text.size() > label.size() && util::to_lower_ascii(text.substr(0, label.size())) == label) {
      text = util::trim(text.substr(label.size()));
      break;
    }
  }
  if (text.starts_with("~")) {
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 24 || std::isdigit(static_cast<unsigned char>(text.front())) == 0) {
    return false;
  }
  bool unit_seen = false;
  for (std::size_t p = 0; p < text.size();) {
    if (text[p] == ' ') {
      ++p;
      continue;
    }
    std::size_t q = p;
    while (q < text.size() && (std::isdigit(static_cast<unsigned char>(text[q])) != 0 || text[q] == '.')) {
      ++q;
    }
    // The unit runs to a space or the next number ("1h30m" is 1 h then 30 m).
    std::size_t r = q;
    while (r < text.size() && text[r] != ' ' && std::isdigit(static_cast<unsigned char>(text[r])) == 0) {
      ++r;
    }
    const std::string unit = util::to_lower_ascii(text.substr(q, r - q));
    if (!unit.empty()) {
      if (std::find(k_units.begin(), k_units.end(), unit) == k_units.end()) {
        return false;
      }
      unit_seen = true;
    } else if (q == p) {
      return false;
    }
    p = r;
  }
  return unit_seen;
}

// Whether a line opens with ⏱ ⏲ ⌛ or ⏳ (after a list marker): one look at
// its first bytes, as every line of every session is asked.
bool starts_with_timer(std::string_view line) {
  std::size_t p = 0;
  while (p < line.size() && (line[p] == ' ' || line[p] == '-' || line[p] == '*' || line[p] == '+' || line[p] == '>')) {
    ++p;
  }
  const std::string_view rest = line.substr(p);
  return rest.starts_with("⏱") || rest.starts_with("⏲") || rest.starts_with("⌛") || rest.starts_with("⏳");
}

// The duration after a timer emoji anywhere in a line, up to a separator or
// the tags after it: "⏱ 2h #auth #cli", "⏱ 1.5h · notes", "Worked 18:30–23:50 · ⏱ 4h40".
std::optional<int> duration_after_timer(std::string_view line) {
  for (std::string_view timer : {"⏱", "⏳", "⌛"}) {
    const auto at = line.find(timer);
    if (at == std::string_view::npos) {
      continue;
    }
    std::string_view after = util::trim(line.substr(at + timer.size()));
    if (after.starts_with("\xEF\xB8\x8F")) { // the emoji variation selector
      after = util::trim(after.substr(3));
    }
    if (after.starts_with(":")) {
      after = util::trim(after.substr(1));
    }
    std::size_t end = after.find_first_of(",;|(");
    for (std::string_view stop : {" #", " · ", " — ", " – "}) {
      end = std::min(end, after.find(stop));
    }
    if (only_a_duration(util::trim(after.substr(0, end)))) {
      return parse_duration_minutes(after.substr(0, end));
    }
  }
  return std::nullopt;
}

// "⏱️ 90 min", "⏳ ~2h": a line that is a timer and a duration, read as a
// "Timer" field. It gives the session's duration only when no labelled
// duration does and it is the session's one timer line (two are an estimate
// and an actual, or the parts of a plan).
std::optional<model::Field> timer_field(std::string_view line, int line_number) {
  std::string_view rest = util::trim(line);
  while (!rest.empty() && (rest.front() == '-' || rest.front() == '*' || rest.front() == '+' || rest.front() == ' ')) {
    rest.remove_prefix(1);
  }
  bool timer = false;
  for (std::string_view mark : {"⏱", "⏲", "⌛", "⏳", "\xEF\xB8\x8F"}) { // and the emoji variation selector
    if (rest.starts_with(mark)) {
      timer = timer || mark != "\xEF\xB8\x8F";
      rest.remove_prefix(mark.size());
    }
  }
  std::string_view value = util::trim(rest);
  if (value.starts_with(":")) {
    value = util::trim(value.substr(1));
  }
  // "⏱ 01:45": beside a timer, a clock face is the time it ran.
  if (timer && !only_a_duration(value) && parse_clock_duration(value)) {
    return model::Field{"Timer", std::to_string(*parse_clock_duration(value)) + " min", line_number};
  }
  if (!timer) {
    // "Worked 18:30–23:50 · ⏱ 4h40": a timer after a separator, the time worked.
    const auto at = rest.find("⏱");
    if (at == std::string_view::npos) {
      return std::nullopt;
    }
    const std::string_view before = util::trim(rest.substr(0, at));
    if (!(before.ends_with("·") || before.ends_with("—") || before.ends_with("–") || before.ends_with("|"))) {
      return std::nullopt;
    }
    if (auto minutes = duration_after_timer(rest.substr(at))) {
      return model::Field{"Timer", std::to_string(*minutes) + " min", line_number};
    }
    return std::nullopt;
  }
  if (!only_a_duration(value)) {
    // "⏱ 45m — shipped the hotfix": the duration, then what it went on.
    if (auto minutes = duration_after_timer(line)) {
      return model::Field{"Timer", std::to_string(*minutes) + " min", line_number};
    }
    return std::nullopt;
  }
  return model::Field{"Timer", std::string(value), line_number};
}

// "Took ~15m.", "Spent ~5 hours today", "Total ~3.5 h.", "so ~5 h total.",
// "≈4 h in total", "Took about 1h15m overall": the time a session took,
// stated in a sentence of its text. "took"/"spent"/"total" must open a
// sentence ("The build took 12 minutes" times a step, not the session).
std::optional<int> prose_duration(std::string_view normalized) {
  const std::string lower = util::to_lower_ascii(normalized);
  const std::string_view text = lower;
  const auto duration_in = [](std::string_view words) -> std::optional<int> {
    words = util::trim(words);
    for (bool more = true; more;) {
      more = false;
      for (std::string_view hedge : {"about ", "around ", "roughly ", "approx. ", "approximately ", "~", "≈", "nearly ",
                                     "almost ", "just ", "only ", "maybe ", "a total of "}) {
        if (words.starts_with(hedge)) {
          words = util::trim(words.substr(hedge.size()));
          more = true;
        }
      }
    }
    // The longest of the first three words that is only a duration: "1h15m overall" -> "1h15m".
    std::size_t ends[3] = {std::string_view::npos, std::string_view::npos, std::string_view::npos};
    std::size_t p = 0;
    for (int k = 0; k < 3 && p < words.size(); ++k) {
      const std::size_t space = words.find(' ', p);
      ends[k] = space == std::string_view::npos ? words.size() : space;
      p = ends[k] + 1;
    }
    for (int k = 2; k >= 0; --k) {
      if (ends[k] == std::string_view::npos) {
        continue;
      }
      std::string_view candidate = words.substr(0, ends[k]);
      while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ',' || candidate.back() == ';' ||
                                    candidate.back() == ')' || candidate.back() == '*')) {
        candidate.remove_suffix(1);
      }
      if (!only_a_duration(candidate)) {
        continue;
      }
      // Not the time of something else: "3h20 of CPU", "12m across 8 workers", "2h in CI".
      const std::string_view rest = util::trim(words.substr(std::min(words.size(), ends[k])));
      for (std::string_view other : {"of ", "across ", "per ", "for ", "in ", "to ", "on ci", "of"}) {
        if (rest.starts_with(other) && (other.back() == ' ' || rest.size() == other.size())) {
          return std::nullopt;
        }
      }
      return parse_duration_minutes(candidate);
    }
    return std::nullopt;
  };
  // At a sentence's start; "took" after a heading's dash too ("(Sat) — took about 90 minutes").
  const auto opens_sentence = [&](std::size_t at, bool dash_too) {
    std::size_t b = at;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '*' || text[b - 1] == '_' || text[b - 1] == '-' ||
                     text[b - 1] == '>' || text[b - 1] == '(')) {
      --b;
    }
    return b == 0 || text[b - 1] == '.' || text[b - 1] == ';' || text[b - 1] == ':' ||
           (dash_too && (text.substr(0, b).ends_with("—") || text.substr(0, b).ends_with("–")));
  };
  // A list item's total is of its own list ("- CI timing — build: 4m, tests: 12m. Total: 16m").
  const std::string_view opening = util::trim(text);
  const bool list_item = opening.starts_with("- ") || opening.starts_with("* ") || opening.starts_with("+ ");
  std::optional<int> found;
  for (std::string_view word : {"took ", "spent ", "total: ", "total ", "in total: "}) {
    if (list_item && (word.starts_with("total") || word.starts_with("in total"))) {
      continue;
    }
    for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      if ((at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]))) && opens_sentence(at, word == "took ")) {
        if (auto minutes = duration_in(text.substr(at + word.size(), 40))) {
          if (found && *found != *minutes) {
            return std::nullopt; // "Took 1h. Then later took 2h.": which is the session's?
          }
          found = minutes;
        }
      }
    }
  }
  // "so ~5 h total.", "≈4 h in total", "1h15m overall": the duration before the word.
  for (std::string_view word : {" in total", " total", " overall"}) {
    for (auto at = text.find(word); at != std::string_view::npos && !found; at = text.find(word, at + 1)) {
      const std::size_t after = at + word.size(); // (one before a "total" is the same as one after it)
      if (after < text.size() && std::isalpha(static_cast<unsigned char>(text[after])) != 0) {
        continue;
      }
      // Back over at most three words to a sentence's start or a hedge.
      std::size_t b = at;
      int spaces = 0;
      while (b > 0 && spaces < 3 && text[b - 1] != '.' && text[b - 1] != ',' && text[b - 1] != ';' && text[b - 1] != ':' &&
             text[b - 1] != '(') {
        spaces += text[b - 1] == ' ' ? 1 : 0;
        --b;
      }
      std::string_view before = util::trim(text.substr(b, at - b));
      for (std::string_view lead : {"so ", "and ", "that's ", "thats "}) {
        if (before.starts_with(lead)) {
          before = util::trim(before.substr(lead.size()));
        }
      }
      found = duration_in(before);
    }
  }
  return found;
}

// The weekday a heading names, in English or a European language ("Mon",
// "segunda-feira", "mardi", "Mittwoch"), 0 for Sunday; -1 for none.
int weekday_named(std::string_view normalized, std::size_t date_begin, std::size_t date_end) {
  static constexpr std::pair<std::string_view, int> k_days[] = {
      {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
      {"domingo", 0}, {"segunda-feira", 1}, {"terça-feira", 2}, {"quarta-feira", 3}, {"quinta-feira", 4},
      {"sexta-feira", 5}, {"sábado", 6}, {"lunes", 1}, {"martes", 2}, {"miércoles", 3}, {"jueves", 4}, {"viernes", 5},
      {"dimanche", 0}, {"lundi", 1}, {"mardi", 2}, {"mercredi", 3}, {"jeudi", 4}, {"vendredi", 5}, {"samedi", 6},
      {"sonntag", 0}, {"montag", 1}, {"dienstag", 2}, {"mittwoch", 3}, {"donnerstag", 4}, {"freitag", 5}, {"samstag", 6},
      {"domenica", 0}, {"lunedì", 1}, {"martedì", 2}, {"mercoledì", 3}, {"giovedì", 4}, {"venerdì", 5}, {"sabato", 6},
      {"zondag", 0}, {"maandag", 1}, {"dinsdag", 2}, {"woensdag", 3}, {"donderdag", 4}, {"vrijdag", 5}, {"zaterdag", 6},
      {"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}};
  // Only one written beside the date ("Mon 02/06/2025", "02/06/2025 (segunda-feira)"):
  // "prep for Friday's demo" names another day.
  const std::string lower = util::to_lower_ascii(normalized);
  const auto beside = [&](std::size_t from, std::size_t to) {
    const std::string_view between = std::string_view(lower).substr(from, to - from);
    return between.size() <= 4 && between.find_first_not_of(" ,()-") == std::string_view::npos;
  };
  for (const auto& [name, day] : k_days) {
    for (auto at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
      const std::size_t end = at + name.size();
      const bool word = (at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]))) &&
                        (end >= lower.size() || (!std::isalpha(static_cast<unsigned char>(lower[end])) && lower[end] != '\''));
      if (word && ((end <= date_begin && beside(end, date_begin)) || (at >= date_end && beside(date_end, at)))) {
        return day;
      }
    }
  }
  return -1;
}

// A heading's slash date "a/b/yyyy" as written, when its date came from one.
struct SlashDate {
  int a = 0;
  int b = 0;
};
std::optional<SlashDate> slash_date_of(const SessionStart& start, const SessionFacts& facts) {
  if (!facts.date || !start.date || facts.date->begin != start.date->begin || start.date->end > start.normalized.size()) {
    return std::nullopt;
  }
  const std::string_view text = std::string_view(start.normalized).substr(start.date->begin, start.date->end - start.date->begin);
  // "a/b/yyyy" or "a-b-yyyy" (not "yyyy-mm-dd": its first part has four
  // digits), or a day without its year, "a/b" ("### 05/03 — quarta").
  const auto slash = text.find_first_of("/-");
  if (slash == std::string_view::npos || slash == 0 || slash > 2) {
    return std::nullopt;
  }
  const bool no_year = text[slash] == '/' && text.find('/', slash + 1) == std::string_view::npos &&
                       text.size() - slash - 1 >= 1 && text.size() - slash - 1 <= 2 &&
                       std::all_of(text.begin() + static_cast<std::ptrdiff_t>(slash) + 1, text.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
  if (!no_year && text.find(text[slash], slash + 1) == std::string_view::npos) {
    return std::nullopt;
  }
  SlashDate date;
  for (std::size_t i = 0; i < slash; ++i) {
    date.a = date.a * 10 + (text[i] - '0');
  }
  for (std::size_t i = slash + 1; i < text.size() && text[i] != text[slash]; ++i) {
    date.b = date.b * 10 + (text[i] - '0');
  }
  return date;
}

// "05/11/2025" is May 11 in the US and 5 November elsewhere. A file that
// writes "17/11/2025" somewhere and never "11/17/2025" is day first: its
// ambiguous slash dates are read that way too.
// What the whole text says of its slash dates: whether one reads only day
// first ("15/04/2025") or only month first ("04/15/2025"), and whether it is
// written in a language whose dates put the day first.
struct SlashDateEvidence {
  bool day_first = false;
  bool month_first = false;
  bool european_words = false;
};
SlashDateEvidence slash_date_evidence(std::string_view text, int words_needed = 2) {
  SlashDateEvidence evidence;
  for (std::size_t p = 0; p + 5 < text.size(); ++p) {
    // "15/04/2025" and "15-04-2025" alike.
    if ((text[p] != '/' && text[p] != '-') || p == 0 || std::isdigit(static_cast<unsigned char>(text[p - 1])) == 0) {
      continue;
    }
    const char sep = text[p];
    std::size_t b = p;
    while (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1])) != 0 && p - b < 3) {
      --b;
    }
    std::size_t e = p + 1;
    while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e])) != 0 && e - p < 4) {
      ++e;
    }
    // Standing alone in prose: not in a URL path ("/13/04/2025/") or a code span.
    const char lead = b == 0 ? ' ' : text[b - 1];
    bool bounded = (lead == ' ' || lead == '(' || lead == '\n' || lead == '\t' || lead == '*' || lead == '_') && p - b <= 2 &&
                   e - p - 1 >= 1 && e - p - 1 <= 2 && e + 2 < text.size() && text[e] == sep;
    if (bounded) {
      // A year of two or four digits ("15/04/2025", "15/4/25"), not "14/3/1" or "24/7/365".
      std::size_t y = e + 1;
      while (y < text.size() && std::isdigit(static_cast<unsigned char>(text[y])) != 0) {
        ++y;
      }
      bounded = (y - e - 1 == 2 || y - e - 1 == 4) &&
                (y >= text.size() || (std::isalnum(static_cast<unsigned char>(text[y])) == 0 && text[y] != sep && text[y] != '`' &&
                                      text[y] != ','));
    }
    if (!bounded) {
      continue;
    }
    const int first = std::stoi(std::string(text.substr(b, p - b)));
    const int second = std::stoi(std::string(text.substr(p + 1, e - p - 1)));
    evidence.day_first = evidence.day_first || (first > 12 && first <= 31 && second <= 12);
    evidence.month_first = evidence.month_first || (second > 12 && second <= 31 && first <= 12);
  }
  const std::string lower = util::to_lower_ascii(text.substr(0, std::min<std::size_t>(text.size(), 200000)));
  // Whole words only: "montage", "Bonjour" and "selection.datum()" say nothing.
  const auto has_word = [&](std::string_view word) { return util::contains_word(lower, word); };
  // Two different ones: a US log that mentions "lundi" once for its i18n work is still a US log.
  int words = 0;
  for (std::string_view word : {"sesión", "séance", "sitzung", "fecha", "datum:", "horaire", "uhrzeit", "lundi", "mardi",
                                "mercredi", "jeudi", "vendredi", "lunes", "martes", "miércoles", "jueves", "viernes",
                                "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "sessão", "giorno",
                                "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "horário",
                                "duração", "diário", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "orario",
                                "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "tijd",
                                // Vietnamese, Indonesian, Turkish and Slavic logs write the day first too
                                "ngày", "tháng", "thứ", "tanggal", "senin", "selasa", "rabu", "kamis", "jumat",
                                "tarih", "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "dzień", "poniedziałek",
                                "wtorek", "środa", "czwartek", "piątek",
                                // Greek, Hebrew, Romanian, Danish and Norwegian
                                "Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο", "Κυριακή", "ώρα", "יום",
                                "שעות", "luni", "marți", "miercuri", "joi", "vineri", "mandag", "tirsdag", "onsdag",
                                "torsdag", "fredag"}) {
    words += has_word(word) ? 1 : 0;
  }
  evidence.european_words = words >= words_needed;
  return evidence;
}

void read_slash_dates_the_files_way(const std::vector<SessionStart>& starts, std::vector<SessionFacts>& facts,
                                    std::string_view text) {
  bool day_first = false;
  bool month_first = false;
  bool any = false;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (const auto date = slash_date_of(starts[i], facts[i])) {
      day_first = day_first || date->a > 12;
      month_first = month_first || date->b > 12;
      any = true;
    }
  }
  // A weekday in the heading says which reading it is: "## 02/06/2025
  // (segunda-feira)" is Monday 2 June, not Thursday 6 February.
  int weekday_votes = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const auto date = slash_date_of(starts[i], facts[i]);
    const int named = date ? weekday_named(starts[i].normalized, starts[i].date->begin, starts[i].date->end) : -1;
    if (named < 0 || date->a > 12 || date->b > 12 || date->a == date->b) {
      continue;
    }
    const int year = facts[i].date->year;
    const bool day_first_fits = is_valid_date(year, date->b, date->a) && weekday(year, date->b, date->a) == named;
    const bool month_first_fits = is_valid_date(year, date->a, date->b) && weekday(year, date->a, date->b) == named;
    weekday_votes += day_first_fits && !month_first_fits ? 1 : (month_first_fits && !day_first_fits ? -1 : 0);
  }
  day_first = day_first || weekday_votes > 0;
  month_first = month_first || weekday_votes < 0;
  // Or the file says which: "Dates below are DD/MM/YYYY (UK)", "(MM/DD/YYYY)".
  if (any) {
    const std::string head = util::to_lower_ascii(text.substr(0, std::min<std::size_t>(text.size(), 4096)));
    if (head.find("dd/mm/") != std::string::npos || head.find("dd.mm.") != std::string::npos) {
      day_first = true;
      month_first = false;
    } else if (head.find("mm/dd/") != std::string::npos) {
      month_first = true;
    }
  }
  if (!any || month_first) {
    return;
  }
  // The headings alone do not say: the rest of the text may ("due 15/04/2025"),
  // or its language ("## Sesión 3 — 6/3/2025").
  if (!day_first) {
    // One such word in a session's own title is enough ("## Sesión 3 — 6/3/2025").
    std::string titles;
    for (const auto& start : starts) {
      titles += start.normalized;
      titles += '\n';
    }
    const auto evidence = slash_date_evidence(text);
    day_first = !evidence.month_first && (evidence.day_first || evidence.european_words ||
                                          slash_date_evidence(titles, 1).european_words);
  }
  if (!day_first) {
    return;
  }
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const auto date = slash_date_of(starts[i], facts[i]);
    if (date && date->a <= 12 && date->b <= 12 && is_valid_date(facts[i].date->year, date->b, date->a)) {
      facts[i].date->month = date->b;
      facts[i].date->day = date->a;
    }
  }
}

// The zone a "Timezone: Europe/Berlin" field names; empty for another field
// or a zone seshdb does not know.
std::string zone_of_field(const model::Field& field) {
  if (!key_is(field.key, {"timezone", "time zone", "tz", "zone", "zeitzone", "时区", "fuseau", "fuseau horaire", "fuso horário",
                          "fuso horario", "fuso orario", "zona horaria", "zona horária", "huso horario", "tijdzone"})) {
    return {};
  }
  std::string value = strip_markup(field.value);
  while (!value.empty() && (value.back() == '.' || value.back() == ' ')) {
    value.pop_back(); // "Zone: UTC."
  }
  if (zone_offset(value, 2000, 1, 1)) {
    return value;
  }
  // "Europe/Paris sauf mention contraire.", "America/Sao_Paulo (BRT)": the
  // zone, then words about it.
  const std::string first_word = value.substr(0, value.find_first_of(" ,;("));
  return zone_offset(first_word, 2000, 1, 1) ? first_word : std::string();
}

void fill_session_facts(const SessionStart& start, model::Session& session, SessionFacts& facts) {
  // Heading: date, then a time after it, then a bracketed duration "[0.5h]".
  facts.date = start.date;
  std::size_t after_date = start.date ? start.date->end : 0;
  if (start.kind != StartKind::table_row) {
    if (auto time = find_time(start.normalized, after_date)) {
      take_time(facts, *time);
    }
  }
  // Not in a table row with a duration column: "(15m lost to VPN)" in its
  // Work cell is no duration of the row, the Duration cell is, even empty.
  const bool duration_column = start.kind == StartKind::table_row &&
                               std::any_of(start.header.begin(), start.header.end(), [](const std::string& h) {
                                 const std::string lower = util::to_lower_ascii(util::trim(h));
                                 return lower.starts_with("duration") || lower.starts_with("time spent") ||
                                        lower.starts_with("hours") || lower.starts_with("spent") || lower == "time" ||
                                        lower.starts_with("time (");
                               });
  for (char open : {'[', '('}) {
    const char close = open == '[' ? ']' : ')';
    std::size_t p = 0;
    while (!duration_column && (p = start.normalized.find(open, p)) != std::string::npos && !facts.duration) {
      const auto q = start.normalized.find(close, p);
      if (q == std::string::npos) {
        break;
      }
      std::string_view inside(start.normalized.data() + p + 1, q - p - 1);
      // "(~1.5 h, branch `chore/x`)": the duration before the comma.
      if (const auto comma = inside.find(", "); comma != std::string_view::npos && comma < 16) {
        inside = inside.substr(0, comma);
      }
      if (inside.size() < 16 && !find_date(inside) && !find_time(inside)) {
        facts.duration = parse_duration_minutes(inside);
      }
      p = q + 1;
    }
  }
  // "## 2025-03-06 — 2h", "## March 26, 2025 · 2h 15m": a part of the heading that is only a duration.
  // Two such parts are a range of hours ("9h - 12h"), not a duration, and
  // so is the end of a range the heading's time already read ("14h30 - 16h").
  if (!facts.duration && !facts.end && (start.kind == StartKind::heading || start.kind == StartKind::bold)) {
    std::string_view rest = start.normalized;
    std::optional<int> found;
    int parts = 0;
    while (!rest.empty()) {
      std::size_t cut = std::string_view::npos, width = 0;
      for (std::string_view separator : {" — ", " – ", " - ", " · ", " | ", ", "}) {
        const auto at = rest.find(separator);
        if (at != std::string_view::npos && at < cut) {
          cut = at;
          width = separator.size();
        }
      }
      const std::string_view part = rest.substr(0, cut);
      if (only_a_duration(part)) {
        ++parts;
        found = parse_duration_minutes(part);
      }
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + width);
    }
    if (parts == 1) {
      facts.duration = found;
    }
  }
  // "## 2025-08-15 — afternoon ⏱ 45m": a timer emoji before the time spent,
  // which is the time worked even beside a range ("⏱ 1h 30m · 🕖 19:10–20:55").
  if (!facts.duration && (start.kind == StartKind::heading || start.kind == StartKind::bold)) {
    if (auto timed = duration_after_timer(start.normalized)) {
      facts.duration = timed;
    }
  }
  // "## 2025-12-04 | feat/x | Title": a part that looks like a branch is the branch.
  if (start.kind == StartKind::heading && start.normalized.find(" | ") != std::string::npos) {
    std::size_t from = 0;
    while (from < start.normalized.size() && !session.branch) {
      const auto bar = start.normalized.find(" | ", from);
      const std::string part(util::trim(std::string_view(start.normalized).substr(from, bar == std::string::npos ? std::string::npos : bar - from)));
      from = bar == std::string::npos ? start.normalized.size() : bar + 3;
      const bool branch_like = !part.empty() && part.find(' ') == std::string::npos && !find_date(part) &&
                               (part.find('/') != std::string::npos || part == "main" || part == "master" || part == "develop");
      if (branch_like) {
        session.branch = clean_branch(part);
      }
    }
  }
  // Table rows: the other columns are fields. A duration column that names
  // its unit, "| Duration (min) |" over "| 30 |", gives its bare number that unit.
  for (std::size_t i = 0; i < start.cells.size() && i < start.header.size(); ++i) {
    std::string key(util::trim(start.header[i]));
    std::string value = strip_markup(start.cells[i]);
    const std::string lower_key = util::to_lower_ascii(key);
    for (const auto& [suffix, minutes_per_unit] : {std::pair<std::string_view, double>{" (min)", 1}, {" (mins)", 1},
                                                   {" (minutes)", 1}, {" (h)", 60}, {" (hours)", 60}, {" (hrs)", 60}}) {
      if (facts.duration || !lower_key.ends_with(suffix) ||
          !key_is(key.substr(0, key.size() - suffix.size()), {"duration", "time spent", "time", "spent", "length", "elapsed"})) {
        continue;
      }
      const std::size_t digits = value.find_first_not_of("0123456789.");
      if (digits > 0 && (digits == std::string::npos || value[digits] == ' ')) {
        const double amount = std::strtod(value.substr(0, digits).c_str(), nullptr);
        if (amount > 0 && amount * minutes_per_unit < 24 * 60) {
          facts.duration = static_cast<int>(amount * minutes_per_unit + 0.5);
        }
      }
    }
    session.fields.push_back({std::move(key), std::move(value), start.line});
  }

  std::optional<TimeMatch> start_field, end_field, range_field, date_field_time;
  for (const auto& field : session.fields) {
    const auto& key = field.key;
    if (!facts.date && key_is(key, {"date", "session date", "day", "日期", "datum", "fecha", "дата", "날짜", "data", "tarih", "dato",
                                    "tanggal", "ngày", "التاريخ", "started", "start date", "开始日期",
                                    "start", "started at", "start time", "session start", "session started", "timestamp"})) {
      const std::string normalized = normalize_width(field.value);
      facts.date = find_date(normalized);
    }
    // "Date: Dec 21, 2025 3pm-5pm EST": the time after the date, when nothing else gives one.
    if (!date_field_time && key_is(key, {"date", "session date", "日期", "datum", "fecha"})) {
      date_field_time = time_in_value(field.value);
      // "Date: 21 Oct 2025 · 1h10m": the time spent after the date, set off by a separator.
      const std::string normalized = normalize_width(field.value);
      if (const auto day = find_date(normalized); day && !facts.duration) {
        std::string_view rest = util::trim(std::string_view(normalized).substr(day->end));
        bool separated = false;
        for (std::string_view separator : {"·", "|", "—", "–", ",", "(", "-"}) {
          if (rest.starts_with(separator)) {
            rest = util::trim(rest.substr(separator.size()));
            separated = true;
            break;
          }
        }
        while (!rest.empty() && rest.back() == ')') {
          rest.remove_suffix(1);
        }
        if (separated && only_a_duration(rest)) {
          facts.duration = parse_duration_minutes(rest);
        }
      }
    }
    if (!session.branch && key_is(key, {"branch", "branch(es)", "branches", "git branch", "working branch", "feature branch", "current branch", "active branch", "branch name", "分支",
                                          "rama", "branche", "zweig", "ブランチ", "ramo", "브랜치", "ветка", "гілка", "gałąź",
                                          "cabang", "dal", "nhánh", "الفرع", "větev", "vetva", "gren", "κλάδος", "ענף",
                                          "ब्रांच", "शाखा", "شاخه", "ramură", "ramura", "ág", "haara", "cawangan", "แบรนช์",
                                          "สาขา"})) {
      auto branch = clean_branch(field.value);
      if (!branch.empty()) {
        session.branch = branch;
      }
    }
    if (!session.focus && key_is(key, {"focus", "focus area", "goal", "objective", "session objective", "session goal", "summary", "title", "task"})) {
      session.focus = field.value;
    }
    // "Time: 2h" is a duration, "Time: 14h30 - 16h" a range.
    const bool time_key = key_is(key, {"time", "session time", "time range", "when", "session", "hours", "时间", "時間", "zeit",
                                       "uhrzeit", "hora", "horario", "horário", "horarios", "horários", "heure", "horaire",
                                       "horaires", "heures", "orario", "tijd", "tempo",
                                       "作業時間", "工作时间", "작업 시간", "시간", "время", "час", "godziny", "godzina",
                                       "czas", "waktu", "jam", "saat", "thời gian", "giờ", "الوقت", "ora", "tid",
                                       "time slot", "slot", "时段", "時段", "时间段", "時間帯",
                                       // Greek, Hebrew, Hindi, Persian, Romanian, Hungarian, Finnish, Malay
                                       "ώρα", "ώρες", "שעות", "שעה", "समय", "ساعت", "زمان", "orar", "idő", "időpont",
                                       "aika", "klo", "masa", "เวลา", "run", "worked", "godz.", "godz"});
    std::optional<TimeMatch> time_value = time_key && !range_field ? time_in_value(field.value) : std::nullopt;
    // "Hours: 9am–1:30pm" is a range; "Hours: 2:30" is a duration, no start.
    if (time_value && !time_value->end && key_is(key, {"hours"})) {
      time_value.reset();
    }
    // "Time: 14h00 - 2h de tests" starts at 14:00; it is no 14-hour duration.
    // "Time: ~2h (started 14:00)" is one, the clock after it.
    const bool clock_first = time_value && util::trim(normalize_width(field.value)).find_first_of("0123456789") == time_value->begin;
    // "Time: 14:00 (2h)", "Time: 9:30, about 3 hours": the duration after the clock.
    if (!facts.duration && clock_first && !time_value->end && key_is(key, {"time", "session time", "when"})) {
      const std::string normalized_value = normalize_width(field.value);
      if (time_value->end_pos < normalized_value.size()) {
        facts.duration = parse_duration_minutes(std::string_view(normalized_value).substr(time_value->end_pos));
      }
    }
    if (!facts.duration && !clock_first && key_is(key, {"duration", "session duration", "total duration", "total session duration", "actual duration", "session length", "time spent", "total time", "time taken", "time invested", "elapsed", "hours", "time", "spent", "logged", "time logged", "hours logged", "billed",
                                                             "dur", "dur.", "hrs", "⏱", "⏱️", "length", "dauer", "zeitaufwand", "durée", "duración", "tempo", "所要時間", "時間",
                                                             "作業時間", "耗时", "用时", "时长", "duração", "durata", "duur",
                                                             // Chinese (simplified and traditional) and Japanese labels
                                                             "工时", "工時", "耗時", "用時", "時長", "时数", "時數", "工作时长",
                                                             "工作時長", "实际耗时", "實際耗時", "会话时长", "會話時長", "所要",
                                                             "소요 시간", "소요시간", "작업 시간", "작업시간", "시간",
                                                             // Russian, Ukrainian, Polish, Indonesian, Turkish, Vietnamese, Arabic
                                                             "длительность", "продолжительность", "затрачено", "тривалість",
                                                             "czas trwania", "czas pracy", "durasi", "süre", "thời lượng",
                                                             "tổng thời gian", "المدة", "horas", "stunden", "std.", "timmar",
                                                             "varaktighet", "trvání", "doba", "durée effective",
                                                             "διάρκεια", "משך", "अवधि", "مدت", "durată", "időtartam",
                                                             "kesto", "tempoh", "varighed", "varighet", "tunnit",
                                                             "ใช้เวลา", "ระยะเวลา"})) {
      facts.duration = parse_duration_minutes(field.value);
      // "Elapsed: 01:12:30", "Spent: 2:15", "Time: 1:30h"; not "Logged: 17:40",
      // a time stamp, unless an hour sign says it is hours.
      const std::string_view clock_value = util::trim(field.value);
      const bool hour_sign = clock_value.ends_with("h") || clock_value.ends_with("hrs") || clock_value.ends_with("hours");
      if (!facts.duration && (hour_sign || !key_is(key, {"time", "logged", "billed"}))) {
        facts.duration = parse_clock_duration(field.value);
      }
      if (!facts.duration && key_is(key, {"hours", "hrs", "horas", "stunden", "std.", "timmar", "tunnit", "órák"})) {
        facts.duration = parse_duration_minutes(field.value + " hours"); // a table's "Hours" column: "1.5"
      }
    }
    // "Total: 3h50 (lunch in between)": a total that is a duration and nothing
    // more ("Total: 3 PRs merged, 1h backlog", "Total: 3h20 of CPU" are not).
    if (!facts.duration && key_is(key, {"total", "tiempo total", "tempo total", "temps total", "durée totale", "gesamtzeit",
                                        "gesamt", "合計", "合计", "总计", "总时长"})) {
      std::string_view value = util::trim(field.value);
      // "Total: ~7.5 h including a dinner break": what the total holds, after it.
      const std::size_t cut = std::min({value.find('('), value.find(','), value.find(';'), value.find(" — "),
                                        value.find(" - "), value.find(". "), value.find(" including "),
                                        value.find(" incl"), value.find(" with ")});
      value = util::trim(value.substr(0, cut));
      while (!value.empty() && (value.back() == '.' || value.back() == ')')) {
        value.remove_suffix(1);
      }
      // A number and its unit, in any language ("~3 horas", "4.5時間"): one word at most, at the end.
      while (value.starts_with("~") || value.starts_with("≈")) {
        value = util::trim(value.substr(value.starts_with("~") ? 1 : std::string_view("≈").size()));
      }
      int words = 0;
      bool last_is_word = false;
      for (std::size_t p = 0; p < value.size();) {
        while (p < value.size() && value[p] == ' ') {
          ++p;
        }
        std::size_t e = p;
        while (e < value.size() && value[e] != ' ') {
          ++e;
        }
        const std::string_view token = value.substr(p, e - p);
        last_is_word = !token.empty() && std::isdigit(static_cast<unsigned char>(token.front())) == 0 && token != "~";
        words += last_is_word ? 1 : 0;
        p = e;
      }
      if (only_a_duration(value) || (words <= 1 && (words == 0 || last_is_word))) {
        facts.duration = parse_duration_minutes(value);
      }
    }
    if (time_value) {
      range_field = time_value;
    }
    if (key_is(key, {"start", "started", "start time", "started at", "session started", "session start",
                     "session start time", "began", "begun", "beginn", "début", "inicio", "início", "inizio",
                     "heure de début", "hora de inicio", "hora de início", "开始", "开始时间", "開始",
                     // a timesheet's From and To columns: "| Desde | Hasta |", "| Von | Bis |"
                     "desde", "von", "od", "resumed", "van"}) &&
        !start_field) {
      start_field = time_in_value(field.value);
    }
    if (key_is(key, {"end", "ended", "end time", "ended at", "finished", "finished at", "completed at", "session completed",
                     "session ended", "session end", "session end time", "ende", "fin", "fim", "término",
                     "heure de fin", "hora de fin", "hora de término", "结束", "结束时间", "終了", "hasta", "bis", "do", "stopped", "tot"}) &&
        !end_field) {
      end_field = time_in_value(field.value);
    }
    // org-mode's "CLOCK: [2025-03-04 Tue 09:12]--[2025-03-04 Tue 11:40] =>  2:28".
    if (key_is(key, {"clock"}) && !start_field) {
      const std::string normalized_clock = normalize_width(field.value);
      const auto dashes = normalized_clock.find("]--[");
      if (dashes != std::string::npos) {
        start_field = time_in_value(normalized_clock.substr(0, dashes));
        const auto arrow = normalized_clock.find("=>", dashes);
        end_field = time_in_value(normalized_clock.substr(dashes + 4, arrow == std::string::npos ? std::string::npos : arrow - dashes - 4));
        if (!facts.duration && arrow != std::string::npos) {
          facts.duration = parse_clock_duration(normalized_clock.substr(arrow + 2));
        }
      }
    }
    if (key_is(key, {"duration", "session duration"}) && !start_field) {
      // "~3 hours (started 10:01 AM)"
      const auto at = util::to_lower_ascii(field.value).find("start");
      if (at != std::string::npos) {
        start_field = find_time(normalize_width(field.value), at);
      }
    }
    if (facts.zone.empty()) {
      facts.zone = zone_of_field(field);
    }
  }
  if (!facts.duration) {
    const model::Field* timer = nullptr;
    int timers = 0;
    for (const auto& field : session.fields) {
      if (field.key == "Timer") {
        timer = &field;
        ++timers;
      }
    }
    if (timers == 1) {
      facts.duration = parse_duration_minutes(timer->value);
    }
  }
  if (range_field) {
    take_time(facts, *range_field);
  }
  if (start_field) {
    take_time(facts, *start_field);
  }
  if (date_field_time) {
    take_time(facts, *date_field_time);
  }
  if (end_field && facts.start && !facts.end) {
    facts.end = end_field->start;
    if (facts.zone.empty()) {
      facts.zone = end_field->zone;
    }
  }
}

int session_index_of_line(const std::vector<int>& session_of_line, int line) {
  if (line < 1 || line >= static_cast<int>(session_of_line.size())) {
    return model::k_no_session;
  }
  return session_of_line[static_cast<std::size_t>(line)];
}

std::optional<bool> done_state(const MdItem& item) {
  if (item.task == 1 || item.struck) {
    return true;
  }
  if (item.task == 0) {
    return false;
  }
  const std::string_view t = util::trim(item.text);
  for (std::string_view done : {"✅", "✔", "✓", "☑", "[x]", "[X]"}) {
    if (t.starts_with(done)) {
      return true;
    }
  }
  for (std::string_view open : {"⬜", "☐", "❌", "[ ]", "🔲"}) {
    if (t.starts_with(open)) {
      return false;
    }
  }
  return std::nullopt;
}

// First line of an item's text, trimmed.
std::string first_line(std::string_view text) {
  const auto nl = text.find('\n');
  return std::string(util::trim(text.substr(0, nl)));
}

// The offset of text in the body line that starts at line_begin, when the
// line holds it byte for byte.
std::optional<std::size_t> verbatim_offset(std::string_view body, std::size_t line_begin, std::string_view text) {
  if (line_begin > body.size()) {
    return std::nullopt;
  }
  std::string_view line = body.substr(line_begin);
  line = line.substr(0, line.find('\n'));
  const auto at = line.find(text);
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  return line_begin + at;
}

// A file that is one session with its date in a field near the top (a
// "Date:" line, front matter, or a "| Date | ... |" row of a key/value
// table), or failing those in its name: the whole file.
std::optional<SessionStart> whole_file_session(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines,
                                               const ParseOptions& options, std::vector<model::Diagnostic>& diagnostics) {
  std::vector<model::Field> top_fields;
  for (int line = 1; line <= std::min(lines.line_count(), 60); ++line) {
    if (doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::text) {
      for (auto& field : read_fields(lines.line_text(text, line), line, true, line < doc.front_matter_end)) {
        top_fields.push_back(std::move(field));
      }
    }
  }
  for (auto& field : key_value_table_fields(doc, 1, std::min(lines.line_count(), 60))) {
    top_fields.push_back(std::move(field));
  }
  std::stable_sort(top_fields.begin(), top_fields.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  auto dated = std::find_if(top_fields.begin(), top_fields.end(), [](const model::Field& field) {
    // Not a bare "Start:" or "Timestamp:": a spec's start date or an incident's
    // timestamp do not make a file a session.
    return key_is(field.key, {"date", "session date", "日期", "日付", "datum", "fecha", "data", "дата", "날짜", "tarih", "tanggal",
                              "ngày", "التاريخ", "started", "started at", "session start", "session started"}) &&
           find_date(normalize_width(field.value));
  });
  // No date inside, one in the file's name ("2025-06-01.md", "2025_06_01.md",
  // "SESSION_LOG_2025-11-07.md"): a daily note, one session of that day.
  if (dated == top_fields.end()) {
    std::string stem = options.file_name.substr(0, options.file_name.rfind('.'));
    std::replace(stem.begin(), stem.end(), '_', '-');
    if (const auto date = find_date(stem); date && date->year != 0) {
      top_fields.push_back({"date", fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day), 0});
      dated = top_fields.end() - 1;
    }
  }
  if (dated == top_fields.end()) {
    return std::nullopt;
  }
  SessionStart start;
  start.kind = StartKind::whole_file;
  start.level = 1;
  if (dated->line != 0) {
    // The field's day, for parts of the file that become sessions of their own.
    if (auto day = find_date(normalize_width(dated->value)); day && day->year != 0) {
      start.title_date = DateMatch{day->year, day->month, day->day, 0, 0};
    }
  }
  if (dated->line == 0) { // from the file's name: no field in the text holds it
    start.date = find_date(dated->value);
    start.date->begin = start.date->end = 0;
    diagnostics.push_back({DiagnosticLevel::note, 0,
                           fmt::format("no date inside; the one session's date {} comes from the file name", dated->value)});
  }
  // From the first heading, unless front matter or the dated field sits above it.
  const MdHeading* heading = doc.headings.empty() ? nullptr : &doc.headings.front();
  start.line = heading != nullptr && doc.front_matter_end == 0 && dated->line > heading->line ? heading->line : 1;
  // Front matter over a "# Title": the session starts at its title, as a
  // heading session under front matter does; the front matter's fields are its own.
  if (heading != nullptr && doc.front_matter_end > 0 && heading->level == 1 && heading->line > doc.front_matter_end) {
    start.line = heading->line;
  }
  // Title: an H1, else the front matter's title, else the first heading,
  // else the first line with text.
  std::string front_matter_title;
  for (const auto& field : top_fields) {
    if (field.line < doc.front_matter_end && key_is(field.key, {"title"})) {
      front_matter_title = unquoted(util::trim(field.value));
      break;
    }
  }
  if (heading != nullptr && (heading->level == 1 || front_matter_title.empty())) {
    start.title = heading->text;
    start.title_line = heading->line;
  } else if (!front_matter_title.empty()) {
    start.title = front_matter_title;
  } else {
    for (int line = doc.front_matter_end + 1; line <= lines.line_count() && start.title.empty(); ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::blank) {
        start.title = first_line(lines.line_text(text, line));
      }
    }
    if (start.title.empty()) {
      start.title = dated->value; // a file that is only front matter
    }
  }
  start.normalized = normalize_width(start.title);
  start.line_end = lines.line_count();
  while (start.line_end > start.line && doc.line_kinds[static_cast<std::size_t>(start.line_end - 1)] == LineKind::blank) {
    --start.line_end;
  }
  return start;
}

// Labels of a time spent that opens a later sentence of a line.
constexpr std::string_view k_duration_sentence_labels[] = {"duration:", "time spent:", "time:", "spent:"};

// Headings that look back on a day rather than hold more of its work.
constexpr std::string_view k_day_reflections[] = {"takeaway", "lesson", "learning", "learned", "reflection",
                                                  "retro",    "summary", "wrap-up", "wrap up"};

bool looks_back_on_the_day(std::string_view lower) {
  return std::any_of(std::begin(k_day_reflections), std::end(k_day_reflections),
                     [&](std::string_view word) { return lower.find(word) != std::string_view::npos; });
}

// A session that starts at a heading found by a rule of its own, not by
// find_session_starts (a timed part of a day).
// The last line of a heading's part: before the next heading at its level
// or above (within `limit`), trailing blank lines left out.
int heading_span_end(const MarkdownDoc& doc, const MdHeading& heading, int limit) {
  int end = limit;
  for (const auto& other : doc.headings) {
    if (other.line > heading.line && other.line <= end && !other.in_container && other.level <= heading.level) {
      end = other.line - 1;
      break;
    }
  }
  while (end > heading.line && doc.line_kinds[static_cast<std::size_t>(end - 1)] == LineKind::blank) {
    --end;
  }
  return end;
}

SessionStart heading_session(const MdHeading& heading) {
  SessionStart start;
  start.kind = StartKind::heading;
  start.level = heading.level;
  start.line = heading.line;
  start.title = heading.text;
  start.normalized = normalize_width(heading.text);
  return start;
}

// A daily note dated by its name ("2025-07-14.md") or front matter whose headings open with
// clock ranges ("## 08:50 → 10:15 · webhook retry", "## Evening — 21:40-22:05"):
// each such heading, at one level, is a session of that day; two at least.
std::vector<SessionStart> clocked_heading_sessions(const MarkdownDoc& doc, const LineIndex& lines, const SessionStart& day) {
  std::vector<const MdHeading*> clocked;
  for (const auto& heading : doc.headings) {
    if (heading.in_container || heading.level < 2) {
      continue;
    }
    const std::string normalized = normalize_width(heading.text);
    const auto time = find_time(normalized, 0);
    if (time && time->end && time->begin <= 24 && (clocked.empty() || clocked.front()->level == heading.level)) {
      clocked.push_back(&heading);
    }
  }
  std::vector<SessionStart> sessions;
  if (clocked.size() < 2) {
    return sessions;
  }
  // Only a day kept in time blocks: an untimed heading beside them ("## Notes")
  // holds the day's other work, so the note stays one session. A plan after
  // them ("## Tomorrow") is no work.
  for (const auto& heading : doc.headings) {
    if (heading.in_container || heading.level != clocked.front()->level || heading.line < clocked.front()->line ||
        std::find(clocked.begin(), clocked.end(), &heading) != clocked.end()) {
      continue;
    }
    const std::string lower = util::to_lower_ascii(normalize_width(heading.text));
    // Nor is a closing look back on the day ("## Takeaways", "## Lessons learned").
    const bool looks_back = heading.line > clocked.back()->line && looks_back_on_the_day(lower);
    if (classify_section(lower) != model::SectionKind::next_steps && !looks_back) {
      return sessions;
    }
  }
  for (std::size_t k = 0; k < clocked.size(); ++k) {
    const MdHeading& heading = *clocked[k];
    SessionStart start = heading_session(heading);
    start.date = day.date;
    start.title_date = day.title_date; // the front matter's day
    // To the next one, or to a heading at its level or above that is not one ("## Tomorrow").
    start.line_end = heading_span_end(doc, heading, k + 1 < clocked.size() ? clocked[k + 1]->line - 1 : lines.line_count());
    sessions.push_back(std::move(start));
  }
  return sessions;
}

// The bold lines with a range that divide a day with no subheadings into
// its entries ("## Wed 2025-07-02" over "**Session A — 09:10–10:40 PDT**" and
// "**Session B — 13:00–13:35 PDT**"): two at least, each to the next.
std::vector<SessionStart> timed_bold_entries_of_day(const MarkdownDoc& doc, const SessionStart& day) {
  std::vector<SessionStart> entries;
  const auto first = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), day.line,
                                      [](int l, const MdParagraph& p) { return l < p.line; });
  for (auto it = first; it != doc.paragraphs.end() && it->line <= day.line_end; ++it) {
    if (it->in_list_item || it->in_quote || it->lead_bold.empty()) {
      continue;
    }
    const std::string normalized = normalize_width(it->lead_bold);
    const auto time = find_time(normalized, 0);
    // A start alone will do in a line that says it is a session ("**Session B — 15:30 PDT, ~40 min**").
    if (!time || (!time->end && !util::contains_word(util::to_lower_ascii(normalized), "session")) || find_date(normalized)) {
      continue;
    }
    SessionStart start;
    start.kind = StartKind::bold;
    start.level = 7;
    start.line = it->line;
    start.title = it->lead_bold;
    start.normalized = normalized;
    start.title_date = day.date;
    start.title_date->begin = start.title_date->end = 0;
    entries.push_back(std::move(start));
  }
  if (entries.size() < 2) {
    return {};
  }
  for (std::size_t k = 0; k < entries.size(); ++k) {
    int end = k + 1 < entries.size() ? entries[k + 1].line - 1 : day.line_end;
    while (end > entries[k].line && doc.line_kinds[static_cast<std::size_t>(end - 1)] == LineKind::blank) {
      --end;
    }
    entries[k].line_end = end;
  }
  return entries;
}

// A day heading whose parts are timed entries ("## 2025-03-04 (Tue)" over
// "### 09:40 — triage", "### 10:15–12:30 — fixed the flaky test"): each
// entry is a session of that day. Two at least, every part at their level
// timed (a plan or a look back aside), and the day itself untimed; else the
// day is the session and the entries are its sections.
// A part is timed by a clock that opens it, a range anywhere in it ("###
// Session A — 09:10–10:40 PDT"), or a range that opens its first lines or
// their field ("### 1回目（午前）" over "作業時間：９：３０〜１１：４５"). A day
// with no subheadings may hold its entries as bold lines with a range
// ("**Session B — 13:00–13:35 PDT — Cursor (Ben)**"), text between them.
std::vector<SessionStart> timed_entries_of_day(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines,
                                               const SessionStart& day) {
  std::vector<SessionStart> entries;
  if (day.kind != StartKind::heading || !day.date || find_time(day.normalized, day.date->end)) {
    return entries;
  }
  // The headings inside the day, found by line (files hold thousands of days).
  const auto first = std::upper_bound(doc.headings.begin(), doc.headings.end(), day.line,
                                      [](int l, const MdHeading& h) { return l < h.line; });
  const auto last = std::upper_bound(first, doc.headings.end(), day.line_end,
                                     [](int l, const MdHeading& h) { return l < h.line; });
  int level = 7;
  for (auto it = first; it != last; ++it) {
    if (!it->in_container) {
      level = std::min(level, it->level);
    }
  }
  if (first == last) {
    return timed_bold_entries_of_day(doc, day);
  }
  // A range that opens one of a part's first three lines, or the value of its field.
  const auto range_below = [&](const MdHeading& heading, int part_end) {
    int text_lines = 0;
    for (int line = heading.line + 1; line <= part_end && text_lines < 3; ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text) {
        continue;
      }
      ++text_lines;
      const std::string normalized = normalized_line(lines.line_text(text, line));
      if (const auto time = find_time(normalized, 0); time && time->end && time->begin <= 6 &&
          std::none_of(normalized.begin(), normalized.begin() + static_cast<std::ptrdiff_t>(time->begin),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
        return true;
      }
      for (const auto& field : read_fields(normalized, line, true)) {
        const std::string_view value = util::trim(field.value);
        if (const auto time = find_time(value, 0); time && time->end && time->begin == 0 && !key_is(field.key, {"date"})) {
          return true;
        }
      }
    }
    return false;
  };
  // The timed parts at one level of a stretch of headings, each to the next
  // part; none unless every part there is timed (a plan or a look back aside).
  const auto entries_at = [&](int at_level, auto from, auto to, int stretch_end) {
    std::vector<SessionStart> found;
    std::vector<const MdHeading*> timed;
    std::vector<const MdHeading*> parts;
    for (auto it = from; it != to; ++it) {
      const MdHeading& heading = *it;
      if (heading.in_container || heading.level != at_level) {
        continue;
      }
      parts.push_back(&heading);
      const std::string normalized = normalize_width(heading.text);
      if (const auto time = find_time(normalized, 0); time && (time->begin <= 2 || time->end)) {
        timed.push_back(&heading);
        continue;
      }
      auto next = std::next(it);
      while (next != to && (next->in_container || next->level > at_level)) {
        ++next;
      }
      if (range_below(heading, next == to ? stretch_end : next->line - 1)) {
        timed.push_back(&heading);
        continue;
      }
      const std::string lower = util::to_lower_ascii(normalized);
      if (classify_section(lower) != model::SectionKind::next_steps && !looks_back_on_the_day(lower)) {
        return found;
      }
    }
    if (timed.size() < 2) {
      return found;
    }
    for (std::size_t k = 0; k < timed.size(); ++k) {
      const MdHeading& heading = *timed[k];
      SessionStart start = heading_session(heading);
      start.title_date = day.date;
      start.title_date->begin = start.title_date->end = 0;
      // To the next part of the day (an entry, a plan), else the stretch's end.
      int end = stretch_end;
      const auto next = std::find_if(parts.begin(), parts.end(), [&](const MdHeading* h) { return h->line > heading.line; });
      if (next != parts.end()) {
        end = (*next)->line - 1;
      }
      while (end > start.line && doc.line_kinds[static_cast<std::size_t>(end - 1)] == LineKind::blank) {
        --end;
      }
      start.line_end = end;
      found.push_back(std::move(start));
    }
    return found;
  };
  entries = entries_at(level, first, last, day.line_end);
  if (!entries.empty()) {
    return entries;
  }
  // A daily note's "## Log" (or "## Journal", "## Timeline") among its other
  // parts ("## Focus", "## Links"): the timed parts under it.
  for (auto it = first; it != last; ++it) {
    if (it->in_container || it->level != level) {
      continue;
    }
    const std::string lower = util::to_lower_ascii(it->text);
    bool log = false;
    for (std::string_view word : {"log", "worklog", "journal", "timeline", "sessions", "日志", "记录", "ログ"}) {
      log = log || util::contains_word(lower, word);
    }
    if (!log || plans_work(lower)) {
      continue;
    }
    auto section_end = std::next(it);
    while (section_end != last && (section_end->in_container || section_end->level > level)) {
      ++section_end;
    }
    int inner = 7;
    for (auto sub = std::next(it); sub != section_end; ++sub) {
      if (!sub->in_container) {
        inner = std::min(inner, sub->level);
      }
    }
    if (inner < 7) {
      entries = entries_at(inner, std::next(it), section_end, section_end == last ? day.line_end : section_end->line - 1);
      if (!entries.empty()) {
        return entries;
      }
    }
  }
  return entries;
}

// Entries kept under plain titles, each dated by a field block right below
// it, as assistants write them: "## Migrate checkout form" over "**Date:**
// 2025-08-11", "**Time:** 09:20 – 11:05 UTC", "**Branch:** `x`". Two or more
// headings of one level so dated make each a session; the fields date and
// time it. Not versions ("## v1.2.0"), decision records ("## ADR-003") or
// plans, whose Date fields date a release, a decision or a deadline.
std::vector<SessionStart> field_dated_heading_sessions(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines) {
  std::map<int, std::vector<const MdHeading*>> by_level;
  for (std::size_t h = 0; h < doc.headings.size(); ++h) {
    const MdHeading& heading = doc.headings[h];
    if (heading.in_container) {
      continue;
    }
    const int next = h + 1 < doc.headings.size() ? doc.headings[h + 1].line : lines.line_count() + 1;
    bool dated = false;
    // Or a property table under it, as Notion exports its pages ("# Fix flaky
    // upload test" over "| Date | April 2, 2025 2:00 PM (EDT) |").
    for (const auto& field : key_value_table_fields(doc, heading.line + 1, std::min(next - 1, heading.line + 14))) {
      if (key_is(field.key, {"date", "session date", "日期", "日付", "datum", "fecha", "data", "дата", "날짜"})) {
        const auto date = find_date(normalize_width(field.value));
        dated = date && date->year != 0;
        break;
      }
    }
    int text_lines = 0;
    for (int line = heading.line + 1; line < next && text_lines < 3 && !dated; ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text) {
        continue;
      }
      ++text_lines;
      for (const auto& field : read_fields(normalized_line(lines.line_text(text, line)), line, true)) {
        if (key_is(field.key, {"date", "session date", "日期", "日付", "datum", "fecha", "data", "дата", "날짜"})) {
          const auto date = find_date(normalize_width(field.value));
          dated = date && date->year != 0;
          break;
        }
      }
    }
    if (!dated) {
      continue;
    }
    const std::string lower = util::to_lower_ascii(normalize_width(heading.text));
    const bool version = (lower.size() > 1 && lower[0] == 'v' && std::isdigit(static_cast<unsigned char>(lower[1]))) ||
                         (!lower.empty() && std::isdigit(static_cast<unsigned char>(lower[0])) && lower.find('.') < 4) ||
                         (!lower.empty() && lower[0] == '[');
    if (version || lower.find("adr") != std::string::npos || lower.find("decision") != std::string::npos ||
        plans_work(lower) || is_placeholder(normalize_width(heading.text))) {
      continue;
    }
    by_level[heading.level].push_back(&heading);
  }
  // The level most so dated; the deeper one on a tie (a title's own Date field aside).
  const std::vector<const MdHeading*>* chosen = nullptr;
  for (const auto& [level, headings] : by_level) {
    if (chosen == nullptr || headings.size() >= chosen->size()) {
      chosen = &headings;
    }
  }
  if (chosen == nullptr || chosen->size() < 2) {
    return {};
  }
  std::vector<SessionStart> sessions;
  for (const MdHeading* heading : *chosen) {
    SessionStart start;
    start.kind = StartKind::heading;
    start.level = heading->level;
    start.line = heading->line;
    start.title = heading->text;
    start.normalized = normalize_width(heading->text);
    start.line_end = heading_span_end(doc, *heading, lines.line_count());
    sessions.push_back(std::move(start));
  }
  return sessions;
}

// A heading that groups a journal's entries by when they were written: a
// stretch of the calendar ("## March 2025", "## 2024", "## Q2 2025") or the
// older part of the log ("## Older", "## Archive", "## Earlier entries").
// Not one that plans ("## Q3 2025 roadmap") or lists releases and goals,
// whose dated bullets are milestones.
bool names_a_past_stretch(std::string_view lower) {
  if (lower.size() > 80 || plans_work(lower)) {
    return false;
  }
  for (std::string_view word : {"release", "milestone", "goal", "deadline", "version", "changelog", "objective"}) {
    if (lower.find(word) != std::string_view::npos) {
      return false;
    }
  }
  for (std::string_view word : {"older", "earlier", "archive", "archived", "previous", "past", "prior"}) {
    if (util::contains_word(lower, word)) {
      return true;
    }
  }
  const std::string normalized = normalize_width(lower);
  if (calendar_heading(normalized)) {
    return true;
  }
  // "Q2 2025", "2025 Q2", "2025-Q2": a quarter and a year, nothing else.
  bool quarter = false;
  bool year = false;
  for (std::size_t at = 0; at < normalized.size();) {
    if (!std::isalnum(static_cast<unsigned char>(normalized[at]))) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < normalized.size() && std::isalnum(static_cast<unsigned char>(normalized[end]))) {
      ++end;
    }
    const std::string_view token(normalized.data() + at, end - at);
    if (token.size() == 2 && token[0] == 'q' && token[1] >= '1' && token[1] <= '4') {
      quarter = true;
    } else if (token.size() == 4 && (token.starts_with("19") || token.starts_with("20")) &&
               std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      year = true;
    } else {
      return false;
    }
    at = end;
  }
  return quarter && year;
}

// A journal of dated bullets and nothing else ("- **2025-04-10**: fixed the
// cache"): each top-level item of one list that opens with a full date is a
// session, to the next one or the next heading. Two at least, so one dated
// to-do is not a journal; not tasks ("- [ ] 2025-07-01 renew the cert"); and
// only under the document's title or a heading that names a log, so a
// README's "## Roadmap" of dated milestones is not one.
// Beside other sessions (`beside_sessions`), only a list right under a
// heading that names past sessions counts: a handoff file's "## Previous
// sessions" under its "## Last session (2025-03-06)".
std::vector<SessionStart> dated_bullet_sessions(const MarkdownDoc& doc, const LineIndex& lines, bool beside_sessions = false) {
  auto heading_above = [&](int line) -> const MdHeading* {
    const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), line - 1,
                                        [](int l, const MdHeading& h) { return l < h.line; });
    return above == doc.headings.begin() ? nullptr : &*std::prev(above);
  };
  const auto names_past_sessions = [](const MdHeading& heading) {
    if (heading.level <= 1 || heading.text.size() > 80) {
      return false;
    }
    const std::string lower = util::to_lower_ascii(heading.text);
    return (util::contains_word(lower, "sessions") || lower.find("history") != std::string::npos ||
            util::contains_word(lower, "log") || util::contains_word(lower, "journal")) &&
           !plans_work(lower) && !find_date(normalize_width(heading.text));
  };
  // Beside other sessions, most files have no such heading: nothing to read.
  std::vector<bool> past_sessions_heading;
  if (beside_sessions) {
    for (const auto& heading : doc.headings) {
      past_sessions_heading.push_back(names_past_sessions(heading));
    }
    if (std::find(past_sessions_heading.begin(), past_sessions_heading.end(), true) == past_sessions_heading.end()) {
      return {};
    }
  }
  auto under_a_log = [&](int line) {
    const MdHeading* heading = heading_above(line);
    if (heading == nullptr || heading->level == 1) {
      return !beside_sessions;
    }
    if (beside_sessions) {
      return bool(past_sessions_heading[static_cast<std::size_t>(heading - doc.headings.data())]);
    }
    const std::string lower = util::to_lower_ascii(heading->text);
    for (std::string_view word : {"log", "journal", "diary", "session", "progress", "timeline", "日志", "记录"}) {
      if (lower.find(word) != std::string::npos) {
        return true;
      }
    }
    return names_a_past_stretch(lower);
  };
  std::map<int, std::vector<SessionStart>> by_list;
  for (const auto& item : doc.items) {
    if (item.depth != 0 || item.task >= 0 || (beside_sessions && !under_a_log(item.line))) {
      continue;
    }
    const std::string normalized = normalize_width(first_line(item.text));
    const auto date = find_date(normalized);
    if (!date || date->year == 0 || normalized.substr(0, date->begin).find_first_not_of(" *_[(`") != std::string::npos ||
        !under_a_log(item.line)) {
      continue;
    }
    SessionStart start;
    start.kind = StartKind::bold;
    start.level = 7;
    start.line = item.line;
    start.title = first_line(item.text);
    start.normalized = normalized;
    start.date = date;
    by_list[item.list].push_back(std::move(start));
  }
  // Every list of two dated bullets or more is the journal, or a part of it
  // ("## Q2 2025" numbered, "## Older" bulleted); a lone dated bullet in
  // another list is a mention.
  std::vector<SessionStart> dated_items;
  for (auto& [list, starts] : by_list) {
    if (starts.size() >= 2) {
      dated_items.insert(dated_items.end(), std::make_move_iterator(starts.begin()), std::make_move_iterator(starts.end()));
    }
  }
  if (dated_items.size() < 2) {
    return {};
  }
  std::sort(dated_items.begin(), dated_items.end(), [](const SessionStart& a, const SessionStart& b) { return a.line < b.line; });
  for (std::size_t k = 0; k < dated_items.size(); ++k) {
    auto& start = dated_items[k];
    int end = k + 1 < dated_items.size() ? dated_items[k + 1].line - 1 : lines.line_count();
    for (const auto& heading : doc.headings) {
      if (heading.line > start.line) {
        end = std::min(end, heading.line - 1);
        break;
      }
    }
    if (k + 1 == dated_items.size()) {
      // Past the last one's nested items and continuation lines, to a blank line.
      int last = start.line;
      while (last < end && doc.line_kinds[static_cast<std::size_t>(last)] != LineKind::blank) {
        ++last;
      }
      end = last;
    }
    while (end > start.line && doc.line_kinds[static_cast<std::size_t>(end - 1)] == LineKind::blank) {
      --end;
    }
    start.line_end = end;
  }
  return dated_items;
}

// The text of a line past what frames a dateline in logs without headings:
// quote markers, "<details><summary>", "<b>", bold, brackets and banner rules
// ("> **2025-05-12** · 14:00", "[2025-04-03 Thu] 14:00-16:30",
// "=== 2025-06-02 09:10-11:40 ===").
std::string_view past_dateline_frame(std::string_view line) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    const std::size_t lead = line.find_first_not_of(" \t>*_=~#");
    if (lead == std::string_view::npos) {
      return {};
    }
    line.remove_prefix(lead);
    // An Obsidian callout's type, folded or not: "> [!devlog]- 2025-09-15 · 14:00–15:45".
    if (line.starts_with("[!") && line.find(']') != std::string_view::npos && line.find(']') < 24) {
      line.remove_prefix(line.find(']') + 1);
      if (line.starts_with("-") || line.starts_with("+")) {
        line.remove_prefix(1);
      }
      stripped = true;
      continue;
    }
    if (line.starts_with("[")) {
      line.remove_prefix(1);
      stripped = true;
      continue;
    }
    // "--- Mon 3 Mar 2025 ---": a banner of dashes (not a list's "- ").
    if (line.starts_with("---") && line.find_first_not_of('-') != std::string_view::npos &&
        line[line.find_first_not_of('-')] == ' ') {
      line.remove_prefix(line.find_first_not_of('-'));
      stripped = true;
      continue;
    }
    for (std::string_view tag : {"<details>", "<details open>", "<summary>", "<b>", "<strong>"}) {
      if (line.starts_with(tag)) {
        line.remove_prefix(tag.size());
        stripped = true;
      }
    }
  }
  return line;
}

// A log without headings, dated bullets or a file date whose entries open
// with a date on a line of their own, in a quote, a <summary> or a banner:
// one session per such line. Only asked when nothing else found a session.
std::vector<SessionStart> dated_line_sessions(const MarkdownDoc& doc, std::string_view text, const LineIndex& lines) {
  std::vector<SessionStart> starts;
  std::vector<std::string> frames; // what frames each start's date: a quote, a <summary>, a banner, brackets
  for (int line = 1; line <= lines.line_count(); ++line) {
    const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
    if (kind == LineKind::blank || kind == LineKind::code) {
      continue;
    }
    const std::string_view raw = lines.line_text(text, line);
    const std::string_view framed = past_dateline_frame(raw);
    // Not list items: dated bullets have their own rule, and a bullet that
    // opens with a date in a log of something else is an event, not an entry.
    if (framed.empty() || raw.size() > 200 || framed.starts_with("- ") || framed.starts_with("+ ")) {
      continue;
    }
    const std::string normalized = normalize_width(framed);
    const auto date = find_date(normalized);
    if (!date || date->year == 0 || names_plan_or_look_back(normalized)) {
      continue;
    }
    // The date opens the line, after its weekday at most: "TUESDAY 4 MARCH 2025", "Mon Mar  3 14:02:11 PST 2025".
    if (date->begin != 0) {
      std::string_view before = util::trim(std::string_view(normalized).substr(0, date->begin));
      while (!before.empty() && (before.back() == ',' || before.back() == '.')) {
        before.remove_suffix(1);
      }
      if (before.empty() || !weekday_heading(before)) {
        continue;
      }
    }
    SessionStart start;
    start.kind = StartKind::bold;
    start.level = 7;
    start.line = line;
    std::string title(framed);
    for (std::string_view tag : {"</summary>", "</b>", "</strong>"}) {
      for (auto at = title.find(tag); at != std::string::npos; at = title.find(tag)) {
        title.erase(at, tag.size());
      }
    }
    const bool dashed_banner = util::trim(raw).starts_with("---");
    while (!title.empty() && (std::string_view(" =*_~#").find(title.back()) != std::string_view::npos ||
                              (dashed_banner && title.back() == '-'))) {
      title.pop_back();
    }
    std::string clean;
    for (const char c : title) {
      if (c != '*') {
        clean += c;
      }
    }
    start.title = std::string(util::trim(clean));
    start.normalized = normalize_width(start.title);
    start.date = find_date(start.normalized);
    if (!start.date) {
      continue;
    }
    // The kind of frame, not its letter: "> **2025-05-12**" and "> ### 2025-05-14" are both quotes.
    const std::string_view frame = raw.substr(0, static_cast<std::size_t>(framed.data() - raw.data()));
    const bool quoted = frame.find('>') != std::string_view::npos;
    // Headings and bold paragraphs outside quotes were read by the session
    // rules, which took or refused them ("# Changelog" over "## 2025-06-03",
    // "**2025-01-15** Project kicked off." under "## Timeline").
    if (!quoted && (frame.find('#') != std::string_view::npos || frame.find('*') != std::string_view::npos)) {
      continue;
    }
    frames.push_back(frame.find("<summary>") != std::string_view::npos ? "summary"
                     : frame.find('>') != std::string_view::npos       ? "quote"
                     : frame.find('=') != std::string_view::npos || frame.find("---") != std::string_view::npos ? "banner"
                     : frame.find('[') != std::string_view::npos       ? "bracket"
                                                                       : "");
    starts.push_back(std::move(start));
  }
  // The entries share a frame: under "=== 2025-06-02 ===" banners, a line
  // "2025-06-09 reminder: …" is a note in an entry. The most used frame wins.
  std::map<std::string, int> uses;
  for (const auto& frame : frames) {
    ++uses[frame];
  }
  const auto most = std::max_element(uses.begin(), uses.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  // One entry is enough in a banner, brackets or a <summary>, which frame
  // nothing else; a quote or a bare date needs company to be a journal.
  if (most == uses.end() || (most->second < 2 && (most->first.empty() || most->first == "quote"))) {
    return {};
  }
  std::vector<SessionStart> framed_alike;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    if (frames[k] == most->first) {
      framed_alike.push_back(std::move(starts[k]));
    }
  }
  starts = std::move(framed_alike);
  for (std::size_t k = 0; k < starts.size(); ++k) {
    int end = k + 1 < starts.size() ? starts[k + 1].line - 1 : lines.line_count();
    for (const auto& heading : doc.headings) {
      if (heading.line > starts[k].line) {
        end = std::min(end, heading.line - 1);
        break;
      }
    }
    while (end > starts[k].line && doc.line_kinds[static_cast<std::size_t>(end - 1)] == LineKind::blank) {
      --end;
    }
    starts[k].line_end = end;
  }
  return starts;
}

// A finding's title as compared with another's: letters lowered, markup and
// punctuation at its ends gone, spaces folded.
std::string finding_key(std::string_view title) {
  std::string key;
  for (const char c : util::to_lower_ascii(title)) {
    if (c == '*' || c == '`' || c == '~' || c == '_') {
      continue;
    }
    if (c == ' ' && (key.empty() || key.back() == ' ')) {
      continue;
    }
    key += c;
  }
  while (!key.empty() && (key.back() == ' ' || key.back() == '.' || key.back() == ':' || key.back() == ';')) {
    key.pop_back();
  }
  return key;
}

// A table header (trimmed, ASCII lowered) naming a finding's severity. Every
// finding table asks this one list, whatever marks its cells use.
bool is_severity_header(std::string_view header) {
  const std::string h = util::to_lower_letters(header); // "Серьёзность", "Závažnost"
  static constexpr std::string_view k_names[] = {
    "priority", "severity", "sev", "level",
    // Chinese and Japanese: 级别 / 严重程度 / 优先级, 重要度 / 深刻度.
    "级别", "級別", "严重程度", "嚴重程度", "优先级", "優先級", "等级", "重要度", "深刻度", "重大度", "優先度",
    // German, Spanish, French, Portuguese, Italian.
    "schweregrad", "priorität", "severidad", "gravedad", "prioridad", "sévérité", "gravité", "priorité",
    "severidade", "gravidade", "prioridade", "gravità", "priorità",
    // Korean, Russian, Polish, Turkish, Vietnamese, Dutch, Swedish, Czech.
    "심각도", "우선순위", "серьёзность", "серьезность", "критичность", "приоритет", "waga", "priorytet", "önem",
    "öncelik", "mức độ", "ernst", "prioriteit", "allvarlighetsgrad", "prioritet", "závažnost", "priorita"};
  return std::find(std::begin(k_names), std::end(k_names), h) != std::end(k_names);
}

// A table header naming the finding itself (its title or description).
bool is_finding_title_header(std::string_view h) {
  static constexpr std::string_view k_names[] = {
    "finding", "issue", "title", "description", "problem", "summary", "risk",
    "问题", "問題", "描述", "标题", "標題", "内容", "內容",
    "befund", "beschreibung", "titel", "hallazgo", "problema", "descripción", "título",
    "constat", "problème", "titre", "achado", "descrição", "descrizione"};
  return std::find(std::begin(k_names), std::end(k_names), h) != std::end(k_names);
}

} // namespace

model::ParsedLog parse_session_log(std::string_view input, const ParseOptions& options) {
  model::ParsedLog log;
  const std::string text = prepare_text(input, log.diagnostics);
  if (util::trim(text).empty()) {
    log.diagnostics.push_back({DiagnosticLevel::warning, 0, "file is empty; nothing to ingest"});
    log.line_count = text.empty() ? 0 : LineIndex(text).line_count();
    log.outside_text = text;
    return log;
  }
  const LineIndex lines(text);
  const std::string_view text_view = text;
  log.line_count = lines.line_count();
  const MarkdownDoc doc = read_markdown(text, lines);
  Detection detection = find_session_starts(doc, text, lines);
  for (const auto& [line, why] : detection.rejected) {
    log.diagnostics.push_back({DiagnosticLevel::note, line, why});
  }
  for (const auto& [line, what] : detection.problems) {
    log.diagnostics.push_back({DiagnosticLevel::warning, line, what});
  }

  if (detection.sessions.empty()) {
    detection.sessions = field_dated_heading_sessions(doc, text, lines);
  }
  if (detection.sessions.empty()) {
    std::vector<model::Diagnostic> file_notes; // a note when the date is the file name's
    if (auto start = whole_file_session(doc, text, lines, options, file_notes)) {
      // A day kept in time blocks ("## Morning (09:00–11:30)", "## Evening
      // (20:15–22:00)"), dated by its file name or its front matter.
      auto clocked = clocked_heading_sessions(doc, lines, *start);
      if (clocked.empty()) {
        log.diagnostics.insert(log.diagnostics.end(), file_notes.begin(), file_notes.end());
        detection.sessions.push_back(std::move(*start));
      } else {
        if (!file_notes.empty()) {
          log.diagnostics.push_back({DiagnosticLevel::note, 0,
                                     fmt::format("no date inside; the date of its {} timed sessions comes from the file name",
                                                 clocked.size())});
        }
        detection.sessions = std::move(clocked);
      }
    }
  }
  for (std::size_t i = 0; i < detection.sessions.size(); ++i) {
    auto entries = timed_entries_of_day(doc, text, lines, detection.sessions[i]);
    if (!entries.empty()) {
      const std::size_t count = entries.size();
      detection.sessions.erase(detection.sessions.begin() + static_cast<std::ptrdiff_t>(i));
      detection.sessions.insert(detection.sessions.begin() + static_cast<std::ptrdiff_t>(i),
                                std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
      i += count - 1;
    }
  }
  if (detection.sessions.empty()) {
    detection.sessions = dated_bullet_sessions(doc, lines);
  } else {
    // "## Previous sessions" of dated bullets below a "## Last session" heading.
    bool added = false;
    for (auto& bullet : dated_bullet_sessions(doc, lines, true)) {
      const bool inside = std::any_of(detection.sessions.begin(), detection.sessions.end(), [&](const SessionStart& s) {
        return bullet.line >= s.line && bullet.line <= s.line_end;
      });
      if (!inside) {
        detection.sessions.push_back(std::move(bullet));
        added = true;
      }
    }
    if (added) {
      std::stable_sort(detection.sessions.begin(), detection.sessions.end(),
                       [](const SessionStart& a, const SessionStart& b) { return a.line < b.line; });
    }
  }
  if (detection.sessions.empty()) {
    detection.sessions = dated_line_sessions(doc, text, lines);
  }
  if (detection.sessions.empty()) {
    log.diagnostics.push_back({DiagnosticLevel::warning, 0,
                               "no sessions found (no heading with a date or \"Session N\", no Date field, front "
                               "matter date or | Date | row near the top, no date in the file name); "
                               "the text is kept and searchable. `seshdb lint` shows what was considered"});
  }

  // Which session each line belongs to.
  std::vector<int> session_of_line(static_cast<std::size_t>(lines.line_count()) + 2, model::k_no_session);
  for (std::size_t i = 0; i < detection.sessions.size(); ++i) {
    const auto& s = detection.sessions[i];
    for (int line = s.line; line <= s.line_end; ++line) {
      session_of_line[static_cast<std::size_t>(line)] = static_cast<int>(i);
    }
  }
  // Lines of no session's body: the source keeps them (outside_text).
  std::vector<bool> outside_bodies(session_of_line.size());
  for (std::size_t line = 0; line < session_of_line.size(); ++line) {
    outside_bodies[line] = session_of_line[line] == model::k_no_session;
  }
  // A one-session file starts at its title, but what its front matter names
  // ("pr: .../pull/12", "commits: [a1b2c3d]") is the session's too.
  if (!detection.sessions.empty() && detection.sessions.front().kind == StartKind::whole_file && doc.front_matter_end > 0 &&
      detection.sessions.front().line > doc.front_matter_end) {
    for (int line = 1; line <= doc.front_matter_end; ++line) {
      session_of_line[static_cast<std::size_t>(line)] = 0;
    }
  }

  // Sessions: text, fields, facts.
  std::vector<SessionFacts> facts(detection.sessions.size());
  std::map<std::string, int> zone_votes;
  for (std::size_t i = 0; i < detection.sessions.size(); ++i) {
    const SessionStart& start = detection.sessions[i];
    model::Session session;
    session.ordinal = static_cast<int>(i) + 1;
    session.title = start.title;
    session.line_start = start.line;
    session.line_end = start.line_end;
    const std::size_t body_begin = lines.start_of(start.line);
    const std::size_t body_end = start.line_end < lines.line_count() ? lines.start_of(start.line_end + 1) : text.size();
    session.body = text.substr(body_begin, body_end - body_begin);
    while (!session.body.empty() && session.body.back() == '\n') {
      session.body.pop_back();
    }
    // "## Session: 2025-10-15 | Duration: 2.5h | Branch: main": the heading's
    // parts after the first are fields too.
    if (start.kind == StartKind::heading) {
      const auto bar = start.normalized.find(" | ");
      if (bar != std::string::npos && start.normalized.find(':', bar) != std::string::npos) {
        for (auto& field : read_fields(std::string_view(start.normalized).substr(bar + 3), start.line, true)) {
          session.fields.push_back(std::move(field));
        }
      }
    }
    if (start.kind == StartKind::heading || (start.kind == StartKind::bold && !start.start_marker)) {
      const bool has_branch_field = std::any_of(session.fields.begin(), session.fields.end(), [](const model::Field& f) {
        return util::icontains_ascii(f.key, "branch");
      });
      if (auto branch = has_branch_field ? std::string() : branch_in_title(start.normalized); !branch.empty()) {
        session.fields.push_back({"Branch", std::move(branch), start.line});
      }
    }
    // "[START 2025-06-10T09:12:44Z] task=upgrade-deps branch=deps/june-bump":
    // a log line's key=value words.
    if (start.start_marker) {
      const std::string lower = util::to_lower_ascii(start.normalized);
      for (std::string_view key : {"branch", "task"}) {
        const std::string token = " " + std::string(key) + "=";
        const auto at = lower.find(token);
        if (at == std::string::npos) {
          continue;
        }
        const std::size_t begin = at + token.size();
        std::size_t end = begin;
        while (end < start.normalized.size() && start.normalized[end] != ' ' && start.normalized[end] != '\t') {
          ++end;
        }
        std::string value = start.normalized.substr(begin, end - begin);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
          value = value.substr(1, value.size() - 2);
        }
        if (!value.empty()) {
          session.fields.push_back({key == "branch" ? "Branch" : "Task", std::move(value), start.line});
        }
      }
    }
    // "**Session 1 — 2025-04-02, 09:15–11:00 PST.** Branch: `feat/a`.": the
    // fields after a bold session label on its own line.
    if (start.kind == StartKind::bold && !start.start_marker) {
      const std::string_view raw = util::trim(lines.line_text(text, start.line));
      if (raw.starts_with("**")) {
        const auto close = raw.find("**", 2);
        if (close != std::string_view::npos && close + 2 < raw.size()) {
          std::string after = normalized_line(raw.substr(close + 2));
          while (!after.empty() && (after.back() == '.' || after.back() == ' ')) {
            after.pop_back();
          }
          for (auto& field : read_fields(util::trim(after), start.line, true)) {
            session.fields.push_back(std::move(field));
          }
        }
      }
    }
    // Fields: bold ones anywhere outside code, plain ones before the first
    // subheading and under one over the session's particulars ("### Session Info").
    int first_subheading = start.line_end + 1;
    std::vector<std::pair<int, int>> particulars; // [first, last] lines under such a heading
    // Headings are in line order: only those inside the session.
    const auto inside = std::upper_bound(doc.headings.begin(), doc.headings.end(), start.line,
                                         [](int line, const MdHeading& h) { return line < h.line; });
    for (auto h = static_cast<std::size_t>(inside - doc.headings.begin());
         h < doc.headings.size() && doc.headings[h].line <= start.line_end; ++h) {
      const auto& heading = doc.headings[h];
      // A whole-file session's title heading is not a subheading.
      if (heading.line != start.title_line) {
        first_subheading = std::min(first_subheading, heading.line);
        if (names_session_particulars(heading.text)) {
          const int next = h + 1 < doc.headings.size() ? doc.headings[h + 1].line : start.line_end + 1;
          particulars.emplace_back(heading.line + 1, std::min(next - 1, start.line_end));
        }
      }
    }
    // The heading a line stands under, read once per heading: whether it plans, whether it names a log.
    std::pair<int, std::pair<bool, bool>> section_of_line_cache{-2, {false, false}};
    const auto own_field_line = [&](int line) {
      if (line < first_subheading) {
        return true;
      }
      // Spans are in line order and do not overlap: the last one starting at or before the line.
      const auto after = std::upper_bound(particulars.begin(), particulars.end(), line,
                                          [](int l, const auto& span) { return l < span.first; });
      return after != particulars.begin() && line <= std::prev(after)->second;
    };
    // Front matter over "# Session 14" is that session's: "date:", "branch:"
    // and "started_at:" there are its fields, as in a whole-file session.
    int fields_from = start.line + (start.kind == StartKind::whole_file ? 0 : 1);
    if (i == 0 && doc.front_matter_end > 0 && start.line > doc.front_matter_end &&
        (start.kind == StartKind::heading || start.kind == StartKind::whole_file)) {
      bool right_under = true;
      for (int line = doc.front_matter_end + 1; line < start.line; ++line) {
        right_under = right_under && doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::blank;
      }
      if (right_under || detection.sessions.size() == 1) {
        fields_from = 1;
      }
    }
    if (start.kind != StartKind::table_row) {
      for (int line = fields_from; line <= start.line_end; ++line) {
        if (line >= doc.front_matter_end && line < start.line + (start.kind == StartKind::whole_file ? 0 : 1) && fields_from == 1 &&
            line > doc.front_matter_end) {
          continue; // text between the front matter and the heading
        }
        const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
        if (kind != LineKind::text) {
          continue;
        }
        const std::string_view raw_line = lines.line_text(text, line);
        const bool own = own_field_line(line);
        const bool timed = own && (starts_with_timer(raw_line) || raw_line.find("⏱") != std::string_view::npos);
        // "🌿 feat/x" on a line of its own: the branch, labelled by the herb.
        if (own && raw_line.find("\xF0\x9F\x8C\xBF") != std::string_view::npos) {
          std::string_view herb_line = util::trim(raw_line);
          while (!herb_line.empty() && (herb_line.front() == '-' || herb_line.front() == '*' || herb_line.front() == ' ')) {
            herb_line.remove_prefix(1);
          }
          if (herb_line.starts_with("\xF0\x9F\x8C\xBF")) {
            if (auto branch = branch_after_herb(herb_line); !branch.empty()) {
              session.fields.push_back({"Branch", std::move(branch), line});
              continue;
            }
          }
        }
        const bool toml_key = line < doc.front_matter_end && raw_line.find(" = ") != std::string_view::npos;
        if (raw_line.find(':') == std::string_view::npos && raw_line.find("\xEF\xBC\x9A") == std::string_view::npos && !timed &&
            !toml_key) {
          continue;
        }
        const std::string normalized = normalized_line(raw_line);
        if (timed) {
          if (auto timer = timer_field(normalized, line)) {
            session.fields.push_back(std::move(*timer));
            if (starts_with_timer(raw_line)) {
              continue; // the whole line; after a range ("Worked 18:30–23:50 · ⏱ 4h40") the range is read too
            }
          }
        }
        for (auto& field : read_fields(normalized, line, own || start.kind == StartKind::whole_file,
                                       line < doc.front_matter_end)) {
          session.fields.push_back(std::move(field));
        }
        // "14:00–14:30 (UTC+1) · Branch: chore/cleanup", "⏱️ 09:00–12:30 · 🌿
        // Branch: `x`", "下午三点到六点。分支：feature/group-buy": particulars
        // after a middot or a Chinese full stop, each a field of its own.
        for (std::string_view separator : {std::string_view(" \xC2\xB7 "), std::string_view("\xE3\x80\x82")}) {
          for (auto dot = own ? normalized.find(separator) : std::string::npos; dot != std::string::npos;
               dot = normalized.find(separator, dot + 1)) {
            std::string_view part = util::trim(std::string_view(normalized).substr(dot + separator.size()));
            part = part.substr(0, part.find(separator));
            if (part.starts_with("\xF0\x9F\x8C\xBF")) { // the herb
              part = util::trim(part.substr(4));
            }
            for (auto& field : read_fields(part, line, true)) {
              // "**Resumed:** 00:35 CEST · **Stopped:** 02:10 CEST": an end beside the start.
              if (key_is(field.key, {"branch", "分支", "duration", "time spent", "spent", "end", "ended", "stopped", "finished"})) {
                session.fields.push_back(std::move(field));
              }
            }
          }
        }
        // "Cleaned up the runner VMs. Duration: 1h 20m": a time spent that
        // opens a later sentence of the session's own text.
        for (auto at = own ? normalized.find(". ") : std::string::npos; at != std::string::npos; at = normalized.find(". ", at + 2)) {
          const std::string_view sentence = std::string_view(normalized).substr(at + 2);
          const bool labelled = std::any_of(std::begin(k_duration_sentence_labels), std::end(k_duration_sentence_labels),
                                            [&](std::string_view label) {
                                              return sentence.size() >= label.size() &&
                                                     util::iequals_ascii(sentence.substr(0, label.size()), label);
                                            });
          if (labelled) {
            for (auto& field : read_fields(sentence, line, true)) {
              if (key_is(field.key, {"duration", "time spent", "time", "spent"})) {
                session.fields.push_back(std::move(field));
              }
            }
            break;
          }
          const bool branch_labelled = std::any_of(std::begin(k_branch_labels), std::end(k_branch_labels),
                                                   [&](std::string_view label) {
                                                     return sentence.size() >= label.size() &&
                                                            util::iequals_ascii(sentence.substr(0, label.size()), label);
                                                   });
          if (branch_labelled) {
            const std::size_t colon = sentence.find(':');
            std::string_view value = util::trim(sentence.substr(colon + 1));
            value = value.substr(0, value.find(". "));
            const std::string key(util::trim(sentence.substr(0, colon)));
            session.fields.push_back(model::Field{key, std::string(value), line});
          }
        }
        // "- Lea started ORCA-311 (branch: feat/offline-orders).": a branch in brackets.
        if (own && !session.branch) {
          const std::size_t at = normalized.find("(branch: ");
          const std::size_t close = at == std::string::npos ? at : normalized.find(')', at);
          if (close != std::string::npos) {
            const std::size_t from = at + std::string_view("(branch: ").size();
            session.fields.push_back(model::Field{"Branch", normalized.substr(from, close - from), line});
          }
        }
        // Plain time lines anywhere: "开始：2025.12.28 9：00"; a Branch, and a
        // Time range under a log's heading ("## ⏰ Log"), but not under next
        // steps or a meeting's notes.
        if (!own) {
          const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), line,
                                              [](int l, const MdHeading& h) { return l < h.line; });
          const int heading_index = above == doc.headings.begin() ? -1 : static_cast<int>(above - doc.headings.begin()) - 1;
          if (heading_index != section_of_line_cache.first) {
            const std::string section = heading_index < 0 ? std::string() : util::to_lower_ascii(doc.headings[static_cast<std::size_t>(heading_index)].text);
            // Whole words: not "Login bug", "Changelog", "Blog draft" or "Incident timeline".
            const auto has_word = [&](std::string_view word) { return util::contains_word(section, word); };
            bool log_words = false;
            for (std::string_view word : {"log", "time log", "work log", "journal", "hours", "timesheet", "zeit", "时间", "記録", "⏰", "⏱"}) {
              log_words = log_words || has_word(word);
            }
            // Plans, and what an earlier session left ("Context from previous session"), are not this session's.
            const bool elsewhere = plans_work(section) || has_word("previous") || has_word("last session") ||
                                   classify_section(section) == model::SectionKind::next_steps;
            section_of_line_cache = {heading_index, {elsewhere, log_words}};
          }
          const bool planned = section_of_line_cache.second.first;
          const bool log_section = section_of_line_cache.second.second;
          auto line_fields = read_fields(normalized, line, true);
          // "Time: 1h45m. Branch: `feat/x`." closing the session: a line that
          // gives the branch gives the time spent beside it too.
          const bool particulars_line = std::any_of(line_fields.begin(), line_fields.end(),
                                                    [](const model::Field& f) { return key_is(f.key, {"branch"}); });
          for (auto& field : line_fields) {
            if (planned) {
              continue;
            }
            if (key_is(field.key, {"开始", "结束", "start", "end", "started", "ended", "开始时间", "结束时间", "session completed",
                                   "session ended", "session started", "completed at", "finished at", "session start",
                                   "session end", "branch"}) ||
                (particulars_line && key_is(field.key, {"time", "duration", "time spent", "spent", "hours"}))) {
              session.fields.push_back(std::move(field));
            } else if (log_section && key_is(field.key, {"time", "时间", "時間", "zeit", "horaire", "hora"}) &&
                       field.value.find(':') != std::string::npos) {
              // "Time: 08:55 – 15:15 (CET)" under "## Log": a range, never a duration, from here.
              if (const auto range = time_in_value(field.value); range && range->end) {
                session.fields.push_back(std::move(field));
              }
            }
          }
        }
      }
    }
    // A two-column "| Field | Value |" table in the session gives fields too.
    if (start.kind != StartKind::table_row) {
      for (auto& field : key_value_table_fields(doc, start.line, start.line_end)) {
        session.fields.push_back(std::move(field));
      }
    }
    fill_session_facts(start, session, facts[i]);
    // "## Session 5" then "*June 3, 2025, 10:00–11:30 CEST*": an undated
    // heading's first line of text, when a date opens it.
    if (!facts[i].date && start.kind == StartKind::heading) {
      for (int line = start.line + 1; line <= start.line_end; ++line) {
        const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
        if (kind == LineKind::blank) {
          continue;
        }
        std::string normalized = normalize_width(lines.line_text(text, line));
        while (!normalized.empty() && std::string_view("*_` ").find(normalized.back()) != std::string_view::npos) {
          normalized.pop_back(); // the emphasis closing "_...UTC_" would hide the zone
        }
        const auto date = kind == LineKind::text ? find_date(normalized) : std::nullopt;
        // Its weekday may come first: "_Wednesday 22.10.2025, 09:30 – 11:00_".
        const auto only_a_weekday_before = [&](const DateMatch& d) {
          const std::string_view before = std::string_view(normalized).substr(0, d.begin);
          const auto word = before.find_first_not_of(" *_>`[(");
          if (word == std::string_view::npos) {
            return true;
          }
          std::size_t end = word;
          while (end < before.size() && std::isalpha(static_cast<unsigned char>(before[end])) != 0) {
            ++end;
          }
          return end > word && before.find_first_not_of(" ,*_", end) == std::string_view::npos &&
                 weekday_named(normalized, d.begin, d.end) >= 0;
        };
        if (date && only_a_weekday_before(*date)) {
          // A dateline, not a sentence that starts with a date ("2024-12-01
          // was when we first saw it"): little text after the date and time.
          const auto time = find_time(normalized, date->end);
          const std::size_t rest = time ? time->end_pos : date->end;
          if (normalized.size() - rest <= 24) {
            facts[i].date = date;
            if (time) {
              take_time(facts[i], *time);
            }
          }
        }
        break;
      }
    }
    // "## 2025-03-04" (or "**May 19, 2025**") then "*14:00 - 16:30*" or "🕐
    // 09:00–11:30 CET": a first line that is only the session's time range,
    // or a sentence that opens with it. When the start is known without its
    // end, "Finished 12:40." in the lines just under it ends the session.
    const bool headed = start.kind == StartKind::heading || (start.kind == StartKind::bold && !start.start_marker);
    // "~2h, mostly reading docs", "~45 min — triage", "1.5 hours": a first line that opens with the time spent.
    if (headed && !facts[i].duration) {
      for (int line = start.line + 1; line <= start.line_end; ++line) {
        const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
        if (kind == LineKind::blank) {
          continue;
        }
        if (kind == LineKind::text) {
          const std::string_view raw_first = lines.line_text(text, line);
          // "- 2h" as the first item, as "2h" as the first line.
          std::string_view first = after_list_marker(raw_first).value_or(util::trim(raw_first));
          while (!first.empty() && (first.front() == '*' || first.front() == '_')) {
            first.remove_prefix(1);
          }
          // "(1h)" alone, "About 2 hours.", "Spent 45 min on it", "Duration ~30 min": the
          // same time spent, in brackets or after a word that says so.
          if (first.starts_with("(") && first.find(')') != std::string_view::npos &&
              util::trim(first.substr(first.find(')') + 1)).find_first_not_of(".,") == std::string_view::npos) {
            first = first.substr(1, first.find(')') - 1);
          }
          for (std::string_view opener : {"about ", "spent ", "took ", "approx. ", "approx ", "roughly ", "around ",
                                          "ca. ", "duration "}) {
            if (first.size() > opener.size() && util::iequals_ascii(first.substr(0, opener.size()), opener) &&
                (std::isdigit(static_cast<unsigned char>(first[opener.size()])) != 0 || first[opener.size()] == '~')) {
              first.remove_prefix(opener.size());
              break;
            }
          }
          std::size_t cut = first.find_first_of(",;(");
          for (std::string_view stop : {" — ", " – ", " - ", ". "}) {
            cut = std::min(cut, first.find(stop));
          }
          std::string_view lead = util::trim(first.substr(0, cut));
          while (!lead.empty() && (lead.back() == '.' || lead.back() == '*' || lead.back() == '_')) {
            lead.remove_suffix(1);
          }
          // "~45 min on the train", "~2h in the office": a place after it; not "~20 min CI runs are slow".
          for (std::string_view place : {" on the ", " in the ", " at the ", " on a ", " at a "}) {
            if (const auto at = lead.find(place); lead.starts_with("~") && at != std::string_view::npos && at < 12) {
              lead = lead.substr(0, at);
            }
          }
          if (!lead.empty() && (lead.front() == '~' || std::isdigit(static_cast<unsigned char>(lead.front())) != 0) &&
              only_a_duration(lead)) {
            facts[i].duration = parse_duration_minutes(lead);
          }
        }
        break;
      }
    }
    // "**Wed 5 Mar 2025** (2.5h)", "### Fix the importer (~45 min)": a time spent
    // in brackets closing the heading's line.
    if (headed && !facts[i].duration) {
      std::string_view heading_line = util::trim(lines.line_text(text, start.line));
      while (!heading_line.empty() && (heading_line.back() == '*' || heading_line.back() == '_')) {
        heading_line.remove_suffix(1);
      }
      const auto open = heading_line.rfind('(');
      if (heading_line.ends_with(")") && open != std::string_view::npos) {
        std::string_view bracketed = util::trim(heading_line.substr(open + 1, heading_line.size() - open - 2));
        if (bracketed.ends_with(" total")) {
          bracketed.remove_suffix(6);
        }
        // "(no timestamps; ~3h)", "(half day, ~2h)": its last part.
        if (const auto part = bracketed.find_last_of(";,"); part != std::string_view::npos) {
          bracketed = util::trim(bracketed.substr(part + 1));
        }
        if (!bracketed.empty() && (bracketed.front() == '~' || std::isdigit(static_cast<unsigned char>(bracketed.front())) != 0) &&
            only_a_duration(bracketed)) {
          facts[i].duration = parse_duration_minutes(bracketed);
        }
      }
    }
    if (facts[i].date && headed && (!facts[i].start || !facts[i].end)) {
      int text_lines = 0;
      for (int line = start.line + 1; line <= start.line_end && text_lines < 4; ++line) {
        const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
        const std::string_view underline = util::trim(lines.line_text(text, line));
        if (kind == LineKind::blank || (line == start.line + 1 && !underline.empty() &&
                                        underline.find_first_not_of(underline.front() == '=' ? "=" : "-") == std::string_view::npos)) {
          continue; // and a setext heading's underline
        }
        if (kind != LineKind::text) {
          break;
        }
        const std::string normalized = normalize_width(lines.line_text(text, line));
        // "- Branch: `feat/x`" above "- 13:20 → 16:05": a field of the
        // session's particulars is no first line of its text.
        if (!facts[i].start && text_lines == 0) {
          const auto fields = read_fields(normalized, line, true);
          const auto opening = find_time(normalized, 0);
          const bool opens_with_range = opening && opening->end && opening->begin < 10 &&
                                        std::all_of(normalized.begin(), normalized.begin() + static_cast<std::ptrdiff_t>(opening->begin),
                                                    [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); });
          if (!fields.empty() && !opens_with_range && std::all_of(fields.begin(), fields.end(), [](const model::Field& f) {
                return key_is(f.key, {"branch", "author", "agent", "model", "project", "repo", "tags", "status"});
              })) {
            // "Branch: feat/x · 08:50–10:20 CET": the range beside it is the session's.
            if (auto tagged = range_after_middot(normalized)) {
              take_time(facts[i], *tagged);
              break;
            }
            continue;
          }
        }
        ++text_lines;
        if (!facts[i].start) {
          if (text_lines > 1) {
            break;
          }
          // A day's timeline, one slot a line ("09:00–09:15 — standup", "- 09:15–12:30
          // importer"): the session runs from the first slot's start to the last one's end.
          const auto slot = [&](int at) -> std::optional<TimeMatch> {
            if (at > start.line_end || doc.line_kinds[static_cast<std::size_t>(at - 1)] != LineKind::text) {
              return std::nullopt;
            }
            const std::string slot_line = normalize_width(lines.line_text(text, at));
            std::string_view t = after_list_marker(slot_line).value_or(util::trim(slot_line));
            while (!t.empty() && (t.front() == '*' || t.front() == '_' || t.front() == '`')) {
              t.remove_prefix(1);
            }
            if (t.empty() || std::isdigit(static_cast<unsigned char>(t.front())) == 0) {
              return std::nullopt;
            }
            auto found = find_time(t, 0);
            return found && found->begin == 0 && found->end ? found : std::nullopt;
          };
          // The slots from this line on, blank lines between them allowed; each line read once.
          std::vector<TimeMatch> slots;
          for (int at = line; at <= start.line_end && slots.size() < 64;) {
            auto one = slot(at);
            if (!one) {
              break;
            }
            slots.push_back(std::move(*one));
            ++at;
            while (at <= start.line_end && doc.line_kinds[static_cast<std::size_t>(at - 1)] == LineKind::blank) {
              ++at;
            }
          }
          if (slots.size() >= 2) {
            // In order, as a day runs ("14:00–16:00" then "09:00–09:15" is a list, not a day),
            // past midnight once ("23:00–23:45", then "00:10–01:15").
            bool in_order = true;
            bool past_midnight = false;
            for (std::size_t k = 1; k < slots.size(); ++k) {
              const int previous_start = slots[k - 1].start;
              const bool wraps = !past_midnight && slots[k].start < previous_start && previous_start >= 18 * 60 &&
                                 slots[k].start < 6 * 60;
              past_midnight = past_midnight || wraps;
              in_order = in_order && (slots[k].start >= previous_start || wraps);
            }
            if (in_order) {
              TimeMatch span = slots.front();
              span.end = slots.back().end;
              for (const auto& one : slots) {
                if (span.zone.empty()) {
                  span.zone = one.zone;
                }
              }
              take_time(facts[i], span);
            }
            break;
          }
          std::size_t lead = 0; // emphasis, quote marks and a clock emoji before it
          while (lead < normalized.size() && std::isdigit(static_cast<unsigned char>(normalized[lead])) == 0 && lead < 10) {
            ++lead;
          }
          const auto time = find_time(normalized, 0);
          // And a remark in brackets after it: "⏱️ 07:30–08:15 UTC (before work)".
          std::string_view after_range = time ? util::trim(std::string_view(normalized).substr(time->end_pos)) : std::string_view();
          if (after_range.starts_with("(") && after_range.find(')') != std::string_view::npos) {
            after_range = util::trim(after_range.substr(after_range.find(')') + 1));
          }
          while (after_range.starts_with(")")) { // the zone's bracket: "(UTC+1)"
            after_range = util::trim(after_range.substr(1));
          }
          // And a sentence after it: "20:00–22:15 CET. Prep for the swap."
          for (std::string_view stop : {". ", ", ", "; ", "— ", "– ", "- ", ": ", "\xC2\xB7 ", "| "}) {
            if (after_range.starts_with(stop)) {
              after_range = {};
              break;
            }
          }
          const bool only_a_range = time && time->end && time->begin == lead &&
                                    after_range.find_first_not_of("*_)`. ") == std::string_view::npos;
          if (only_a_range) {
            take_time(facts[i], *time);
          } else if (auto range = prose_time_range(normalized)) {
            take_time(facts[i], *range);
          } else if (auto tagged = range_after_middot(normalized)) {
            take_time(facts[i], *tagged);
          }
          if (!facts[i].start || facts[i].end) {
            break;
          }
          continue;
        }
        if (auto end = prose_end_time(normalized)) {
          facts[i].end = end->start;
          if (facts[i].zone.empty()) {
            facts[i].zone = end->zone;
          }
          break;
        }
      }
    }
    // "- Time: 20:15–22:45 PST" among the work done, further down than the
    // particulars are read: a line that is only the session's time range.
    if (facts[i].date && headed && !facts[i].start) {
      for (int line = start.line + 1; line <= start.line_end; ++line) {
        if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text) {
          continue;
        }
        std::string_view raw = util::trim(lines.line_text(text, line));
        while (!raw.empty() && (raw.front() == '-' || raw.front() == '*' || raw.front() == '+' || raw.front() == ' ' ||
                                raw.front() == '_')) {
          raw.remove_prefix(1);
        }
        if (raw.size() > 48 || !(util::to_lower_ascii(raw.substr(0, 5)) == "time:" ||
                                 util::to_lower_ascii(raw.substr(0, 7)) == "time**:" ||
                                 util::to_lower_ascii(raw.substr(0, 13)) == "session time:")) {
          continue;
        }
        // Under the session's own heading or its work done, not a task's ("### Login bug").
        const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), line,
                                            [](int l, const MdHeading& h) { return l < h.line; });
        if (above != doc.headings.begin() && std::prev(above)->line != start.line &&
            classify_section(std::prev(above)->text) != model::SectionKind::work_completed) {
          continue;
        }
        const std::string value = normalize_width(raw.substr(raw.find(':') + 1));
        const auto time = find_time(value, 0);
        if (!time || !time->end || util::trim(std::string_view(value).substr(0, time->begin)).size() > 2) {
          continue;
        }
        const std::string_view after = util::trim(std::string_view(value).substr(time->end_pos));
        if (after.find_first_not_of("*_)(. ") != std::string_view::npos) {
          continue; // "Time: 20:15–22:45, then the parser": more than the range
        }
        take_time(facts[i], *time);
        break;
      }
    }
    // "Ended 12:25" on a line of its own at the foot of the session, below
    // the work it closes: the end of a session whose start is known.
    if (facts[i].date && headed && facts[i].start && !facts[i].end) {
      for (int line = start.line_end; line > start.line; --line) {
        if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text) {
          continue;
        }
        const std::string_view raw = util::trim(lines.line_text(text, line));
        if (raw.size() > 48 || raw.empty() ||
            (std::isdigit(static_cast<unsigned char>(raw.back())) == 0 && raw.back() != ')' && raw.back() != '.' &&
             raw.back() != '*')) {
          continue; // most lines: longer than an end, or not ending in its time
        }
        if (auto end = prose_end_time_at(normalize_width(raw), 0)) {
          facts[i].end = end->start;
          if (facts[i].zone.empty()) {
            facts[i].zone = end->zone;
          }
          break;
        }
      }
    }
    // A duration stated in a sentence ("Took ~15m.", "so ~5 h total."), when
    // no field states one and the session states only one.
    if (!facts[i].duration) {
      std::optional<int> stated;
      bool several = false;
      for (int line = start.line; line <= start.line_end && !several; ++line) {
        const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
        if (kind == LineKind::code || kind == LineKind::blank) {
          continue;
        }
        const std::string_view raw = lines.line_text(text, line);
        if (raw.find("ook") == std::string_view::npos && raw.find("pent") == std::string_view::npos &&
            raw.find("otal") == std::string_view::npos && raw.find("overall") == std::string_view::npos) {
          continue; // most lines name none of the words
        }
        if (auto minutes = prose_duration(normalize_width(raw))) {
          several = stated.has_value() && *stated != *minutes;
          stated = minutes;
        }
      }
      if (stated && !several) {
        facts[i].duration = stated;
      }
    }
    if (!facts[i].zone.empty()) {
      ++zone_votes[facts[i].zone];
    }
    log.sessions.push_back(std::move(session));
  }

  read_slash_dates_the_files_way(detection.sessions, facts, text_view);

  // Zones: as written, else the file's: the one its preamble or front matter
  // states ("timezone: Europe/Berlin", "All times are CET." above the first
  // session), else the one
  // its sessions use most; else --tz, else UTC.
  std::string file_zone;
  {
    const int preamble_end = std::max(doc.front_matter_end, detection.sessions.empty() ? 0 : detection.sessions.front().line);
    for (int line = 1; line < preamble_end && line <= lines.line_count() && file_zone.empty(); ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text && line >= doc.front_matter_end) {
        continue;
      }
      for (const auto& field : read_fields(normalized_line(lines.line_text(text, line)), line, true, true)) {
        file_zone = zone_of_field(field);
        if (!file_zone.empty()) {
          break;
        }
      }
      if (file_zone.empty()) {
        file_zone = zone_of_all_times(lines.line_text(text, line)); // "All times CET."
      }
      // "Project: billing-dashboard. Zone: UTC.": a field that opens a later sentence.
      const std::string_view preamble_line = lines.line_text(text, line);
      for (auto stop = preamble_line.find(". "); file_zone.empty() && stop != std::string_view::npos;
           stop = preamble_line.find(". ", stop + 2)) {
        for (const auto& field : read_fields(normalized_line(preamble_line.substr(stop + 2)), line, true, true)) {
          file_zone = zone_of_field(field);
          if (!file_zone.empty()) {
            break;
          }
        }
      }
    }
  }
  if (file_zone.empty()) {
    int best_votes = 0;
    for (const auto& [zone, votes] : zone_votes) {
      if (votes > best_votes) {
        file_zone = zone;
        best_votes = votes;
      }
    }
  }
  // A session that gave no date anywhere, under a dated title ("## 2025-12-05"
  // over "### Session 1"), takes the title's day.
  for (std::size_t i = 0; i < log.sessions.size() && i < detection.sessions.size(); ++i) {
    if (!facts[i].date && detection.sessions[i].title_date) {
      facts[i].date = detection.sessions[i].title_date;
    }
  }
  // Years for month-day dates ("Jan 15"): from the nearest dated session,
  // else from the first full date in the file (looked for once).
  std::optional<int> file_year;
  auto first_year_in_file = [&] {
    if (!file_year) {
      file_year = 0;
      const std::string head = normalize_width(text.substr(0, std::min<std::size_t>(text.size(), 1 << 20)));
      for (auto any = find_date(head); any && *file_year == 0; any = find_date(head, any->end)) {
        file_year = any->year; // 0 for another month-day date ("Jan 15", "5月3日"): look further
      }
    }
    return *file_year;
  };
  // The nearest one either way, the earlier on a tie; earlier sessions count
  // with the years just given to them. Linear: a file of thousands of
  // "## Jun 5" headings is common enough.
  const std::size_t none = log.sessions.size();
  std::vector<std::size_t> next_with_year(log.sessions.size(), none);
  for (std::size_t i = log.sessions.size(), next = none; i-- > 0;) {
    next_with_year[i] = next;
    if (facts[i].date && facts[i].date->year != 0) {
      next = i;
    }
  }
  // Which way the file runs (oldest first or newest first), by its month-day
  // steps, so a year boundary is crossed the right way: "Dec 30" then "Jan 2"
  // is the next January in a diary, the previous one in a newest-first log.
  int forward_steps = 0;
  int backward_steps = 0;
  {
    const DateMatch* last = nullptr;
    for (std::size_t i = 0; i < log.sessions.size(); ++i) {
      if (!facts[i].date) {
        continue;
      }
      const auto& d = *facts[i].date;
      if (last != nullptr) {
        std::int64_t step = 0;
        if (d.year != 0 && last->year != 0) {
          step = days_from_civil(d.year, d.month, d.day) - days_from_civil(last->year, last->month, last->day);
        } else {
          // Without a year, the shorter way round the calendar: "Jan 2" after "Dec 31" is forward.
          step = days_from_civil(2001, d.month, std::min(d.day, 28)) - days_from_civil(2001, last->month, std::min(last->day, 28));
          step = step > 182 ? step - 365 : (step < -182 ? step + 365 : step);
        }
        forward_steps += step > 0 ? 1 : 0;
        backward_steps += step < 0 ? 1 : 0;
      }
      last = &d;
    }
  }
  // The neighbour's year, unless that puts the day more than a month on the
  // wrong side of it for the file's direction: then the year after (or
  // before). A diary's "Jan 2" after "Dec 31" is next January, its "Oct 3"
  // after "Jan 12" the same year, and its "Mar 3" after "Mar 5" a day
  // written late.
  const auto year_near = [&](const DateMatch& neighbour, bool neighbour_is_earlier, int month, int day) {
    const int year = neighbour.year;
    if (!is_valid_date(year, month, day)) {
      return is_valid_date(year + 1, month, day) ? year + 1 : year;
    }
    const std::int64_t delta = days_from_civil(year, month, day) - days_from_civil(neighbour.year, neighbour.month, neighbour.day);
    // Later in the file is later in time in a diary, earlier in a newest-first log.
    const bool later_in_time = neighbour_is_earlier == (forward_steps >= backward_steps);
    if (later_in_time && delta < -31) {
      return year + 1;
    }
    if (!later_in_time && delta > 31) {
      return year - 1;
    }
    return year;
  };
  // No full date anywhere ("### Wed 7 Jan" in a log that says only "Started
  // this in December 2025"): the one year near those the file names in which
  // the day falls on the weekday written beside it.
  std::optional<std::vector<int>> years_named;
  const auto year_of_weekday = [&](const SessionStart& start, const SessionFacts& f) {
    if (!start.date || f.date->begin != start.date->begin || start.date->end > start.normalized.size()) {
      return 0;
    }
    const int day = weekday_named(start.normalized, start.date->begin, start.date->end);
    if (day < 0) {
      return 0;
    }
    if (!years_named) {
      std::set<int> named;
      const auto digit = [](char c) { return c >= '0' && c <= '9'; };
      // A view of the text itself: text.substr() of the prepared string would be a temporary.
      const std::string_view head = std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 1 << 20));
      for (std::size_t at = 0; at + 4 <= head.size(); ++at) {
        const bool four_digits = (head[at] == '1' || head[at] == '2') && digit(head[at + 1]) &&
                                 digit(head[at + 2]) && digit(head[at + 3]) &&
                                 (at == 0 || !digit(head[at - 1])) &&
                                 (at + 4 == head.size() || !digit(head[at + 4]));
        if (four_digits) {
          const int year = std::stoi(std::string(head.substr(at, 4)));
          if (year >= 1990 && year <= 2100) {
            named.insert({year - 1, year, year + 1});
          }
        }
      }
      years_named = std::vector<int>(named.begin(), named.end());
    }
    int found = 0;
    for (const int year : *years_named) {
      if (is_valid_date(year, f.date->month, f.date->day) && weekday(year, f.date->month, f.date->day) == day) {
        if (found != 0) {
          return 0; // two years fit: say none
        }
        found = year;
      }
    }
    return found;
  };
  std::size_t previous_with_year = none;
  for (std::size_t i = 0; i < log.sessions.size(); ++i) {
    auto& f = facts[i];
    if (f.date && f.date->year_inferred && previous_with_year != none) {
      // A year from a heading above ("# Journal 2024") runs on past December
      // in a diary that does not say when the next year began: a day more
      // than a month before the one above it is in the next year.
      const auto& previous = *facts[previous_with_year].date;
      const bool forward = forward_steps >= backward_steps;
      for (int step = 0; step < 3 && is_valid_date(f.date->year + (forward ? 1 : -1), f.date->month, f.date->day); ++step) {
        const std::int64_t delta = days_from_civil(f.date->year, f.date->month, f.date->day) -
                                   days_from_civil(previous.year, previous.month, previous.day);
        if (forward ? delta >= -31 : delta <= 31) {
          break;
        }
        f.date->year += forward ? 1 : -1;
      }
    }
    if (!f.date || f.date->year != 0) {
      if (f.date) {
        previous_with_year = i;
        log.sessions[i].date_year_inferred = f.date->year_inferred;
      }
      continue;
    }
    int year = 0;
    const std::size_t next = next_with_year[i];
    if (previous_with_year != none && (next == none || i - previous_with_year <= next - i)) {
      year = year_near(*facts[previous_with_year].date, true, f.date->month, f.date->day);
    } else if (next != none) {
      year = year_near(*facts[next].date, false, f.date->month, f.date->day);
    }
    if (year == 0) {
      year = first_year_in_file();
    }
    if (year == 0) {
      year = year_of_weekday(detection.sessions[i], f);
    }
    if (year != 0 && is_valid_date(year, f.date->month, f.date->day)) {
      f.date->year = year;
      log.sessions[i].date_year_inferred = true;
      previous_with_year = i;
    } else {
      f.date.reset();
    }
  }
  for (std::size_t i = 0; i < log.sessions.size(); ++i) {
    auto& session = log.sessions[i];
    auto& f = facts[i];
    if (f.date) {
      session.local_date = format_date(f.date->year, f.date->month, f.date->day);
    }
    session.start_minute = f.start;
    session.end_minute = f.end;
    session.time_approx = f.approx;
    if (!f.zone.empty()) {
      session.timezone = f.zone;
    }
    if (f.duration) {
      session.duration_minutes = f.duration;
      session.duration_source = "stated";
    } else if (f.start && f.end && *f.end != *f.start) {
      session.duration_minutes = (*f.end - *f.start + 1440) % 1440;
      session.duration_source = "computed";
    }
    if (!f.start || !f.date) {
      continue;
    }
    std::string zone = f.zone;
    if (!zone.empty()) {
      session.tz_rule = "heading";
    } else if (!file_zone.empty()) {
      zone = file_zone;
      session.tz_rule = "file";
    } else if (!options.default_zone.empty()) {
      zone = options.default_zone;
      session.tz_rule = "option";
    } else {
      zone = "UTC";
      session.tz_rule = "default";
    }
    auto offset = zone_offset(zone, f.date->year, f.date->month, f.date->day);
    if (!offset) {
      log.diagnostics.push_back({DiagnosticLevel::warning, session.line_start,
                                 fmt::format("unknown time zone \"{}\"; used UTC", zone)});
      offset = 0;
    }
    session.utc_offset_minutes = offset;
    const std::int64_t day_minutes = days_from_civil(f.date->year, f.date->month, f.date->day) * 1440;
    const std::int64_t started = day_minutes + *f.start - *offset;
    session.started_at = format_utc(started);
    if (f.end) {
      const int length = (*f.end - *f.start + 1440) % 1440;
      session.ended_at = format_utc(started + length);
    } else if (session.duration_minutes) {
      session.ended_at = format_utc(started + *session.duration_minutes);
    }
  }

  // START/END log pairs: an END line's time closes the open START session.
  for (const auto& marker : detection.end_markers) {
    const int index = session_index_of_line(session_of_line, marker.line);
    if (index < 0) {
      continue;
    }
    auto& session = log.sessions[static_cast<std::size_t>(index)];
    auto date = find_date(marker.normalized);
    auto time = find_time(marker.normalized, date ? date->end : 0);
    const auto& f = facts[static_cast<std::size_t>(index)];
    if (!time || !session.start_minute || session.end_minute || !session.local_date || !f.date || !f.start) {
      continue;
    }
    const int offset = session.utc_offset_minutes.value_or(0);
    std::int64_t end_day = days_from_civil(f.date->year, f.date->month, f.date->day);
    if (date) {
      end_day = days_from_civil(date->year, date->month, date->day);
    } else if (time->start <= *f.start) {
      ++end_day; // "[START 2025-02-11 22:40]" ... "[END 00:15]"
    }
    session.end_minute = time->start;
    const std::int64_t end_total = end_day * 1440 + time->start - offset;
    session.ended_at = format_utc(end_total);
    if (!session.duration_minutes) {
      const std::int64_t start_total = days_from_civil(f.date->year, f.date->month, f.date->day) * 1440 + *f.start - offset;
      if (end_total > start_total) {
        session.duration_minutes = static_cast<int>(end_total - start_total);
        session.duration_source = "computed";
      }
    }
  }

  // Sections: the headings inside each session.
  for (std::size_t h = 0; h < doc.headings.size(); ++h) {
    const auto& heading = doc.headings[h];
    const int index = session_index_of_line(session_of_line, heading.line);
    if (index < 0) {
      continue;
    }
    auto& session = log.sessions[static_cast<std::size_t>(index)];
    if (heading.line == session.line_start || heading.line == detection.sessions[static_cast<std::size_t>(index)].title_line) {
      continue;
    }
    model::Section section;
    section.title = heading.text;
    section.kind = classify_section(heading.text);
    section.level = heading.level;
    section.line_start = heading.line;
    section.line_end = session.line_end;
    for (std::size_t k = h + 1; k < doc.headings.size(); ++k) {
      if (doc.headings[k].line > session.line_end) {
        break;
      }
      if (doc.headings[k].level <= heading.level) {
        section.line_end = doc.headings[k].line - 1;
        break;
      }
    }
    const std::size_t base = lines.start_of(session.line_start);
    const std::size_t begin = lines.start_of(section.line_start) - base;
    std::size_t end = (section.line_end < lines.line_count() ? lines.start_of(section.line_end + 1) : text.size()) - base;
    end = std::min(end, session.body.size());
    session.sections.push_back(section);
    session.section_spans.emplace_back(begin, end > begin ? end - begin : 0);
  }
  // The innermost section holding a line.
  auto section_of = [&](const model::Session& session, int line) {
    int found = -1;
    for (std::size_t k = 0; k < session.sections.size(); ++k) {
      const auto& section = session.sections[k];
      if (section.line_start <= line && line <= section.line_end) {
        found = static_cast<int>(k);
      }
    }
    return found;
  };

  // Items, and findings from severity labels and markers.
  std::set<int> finding_item_lines;
  // Each finding's compare key, kept beside it: a file lists hundreds, and
  // each new one is compared with all before it. Checked against the title,
  // since passes may change the list in between.
  struct KeyedTitle {
    bool computed = false;
    std::string title;
    std::string key;
    bool resolution_note = false; // "… → 4d7e2a9", "… (fixed in #12)"
  };
  std::vector<KeyedTitle> keyed_titles;
  // What a finding listed again says after its title: how it was resolved
  // ("→ 4d7e2a9", "(fixed in #12)") or that it still stands ("— still open").
  static constexpr std::string_view k_status_notes[] = {
    " →", " ->", " =>", " ✅", " (fixed", " (resolved", " — fixed", " - fixed", " — resolved", " - resolved", " (done",
    " — done", " — still open", " - still open", " (still open", " — open", " (open)", " — carried over", " (carried over"};
  const auto has_resolution_note = [](std::string_view key) {
    return std::any_of(std::begin(k_status_notes), std::end(k_status_notes),
                       [&](std::string_view note) { return key.find(note) != std::string_view::npos; });
  };
  const auto keyed_title = [&](std::size_t k) -> const KeyedTitle& {
    if (keyed_titles.size() <= k) {
      keyed_titles.resize(k + 1);
    }
    auto& entry = keyed_titles[k];
    if (!entry.computed || entry.title != log.findings[k].title) {
      entry.computed = true;
      entry.title = log.findings[k].title;
      entry.key = finding_key(entry.title);
      entry.resolution_note = has_resolution_note(entry.key);
    }
    return entry;
  };
  auto add_finding = [&](int session, const std::string& level, const std::string& label, const std::string& title, int line) {
    // "- P0: none", "**P2:** None found": a level with nothing at it.
    if (says_nothing(title)) {
      return;
    }
    // A finding listed again is the same finding: carried over into a later
    // session, repeated in a re-review table, struck through in a "Resolved"
    // list with the fix after it ("`match_exact()` drops items → 4d7e2a9").
    const std::string key = finding_key(title);
    // "x → 4d7e2a9" in a Resolved list: x, then its fix.
    std::string_view resolved = key;
    for (std::string_view arrow : {" →", " ->", " =>"}) {
      resolved = resolved.substr(0, resolved.find(arrow));
    }
    const bool new_has_note = has_resolution_note(key);
    for (std::size_t k = 0; k < log.findings.size(); ++k) {
      auto& existing = log.findings[k];
      if (existing.session == session && existing.severity == level && existing.title == title) {
        return;
      }
      const KeyedTitle& keyed = keyed_title(k);
      const std::string& existing_key = keyed.key;
      if (key == existing_key) {
        // The passes run by kind (items, tables, …): the mention first in the
        // file is the finding, ranked by whichever mention writes a P-level
        // ("**Critical:** x", then "| R3 | P1 | x |").
        const bool ranked = names_a_p_level(label);
        const bool existing_ranked = names_a_p_level(existing.label);
        if (line < existing.line) {
          if (existing_ranked && !ranked) {
            existing.session = session;
            existing.title = title;
            existing.line = line;
          } else {
            existing = {session, level, label, title, line};
          }
        } else if (ranked && !existing_ranked) {
          existing.severity = level;
          existing.label = label;
        }
        return;
      }
      if (resolved.size() < key.size() && resolved.size() >= 12 && existing_key.starts_with(resolved)) {
        return;
      }
      if (!new_has_note && !keyed.resolution_note) {
        continue;
      }
      // The longer says how it was resolved after the title: "x → 4d7e2a9", "x (fixed in #12)".
      const std::string& longer = key.size() > existing_key.size() ? key : existing_key;
      const std::string& shorter = key.size() > existing_key.size() ? existing_key : key;
      if (shorter.size() >= 12 && longer.starts_with(shorter)) {
        // "x. — fixed in 5a6b7c8": the title's own full stop before the note.
        std::string_view note = std::string_view(longer).substr(shorter.size());
        while (!note.empty() && (note.front() == '.' || note.front() == ',' || note.front() == ';')) {
          note.remove_prefix(1);
        }
        if (std::any_of(std::begin(k_status_notes), std::end(k_status_notes),
                        [&](std::string_view status) { return note.starts_with(status); })) {
          return;
        }
      }
    }
    log.findings.push_back({session, level, label, title, line});
  };
  for (const auto& paragraph : doc.paragraphs) {
    if (paragraph.in_list_item) {
      continue;
    }
    // A label is bold and stands alone: "**Critical Issues (P1 - Block Merge):**".
    if (paragraph.lead_bold.empty() || paragraph.text.size() > paragraph.lead_bold.size() + 3 ||
        paragraph.text.size() > 160) {
      continue;
    }
    const std::string label = normalize_width(paragraph.lead_bold);
    auto severity = severity_of_label(label);
    if (!severity) {
      continue;
    }
    // The list right after the label.
    int list = -1;
    int top_depth = 0;
    for (const auto& item : doc.items) {
      if (item.line <= paragraph.line_end) {
        continue;
      }
      if (item.line <= paragraph.line_end + 2) {
        list = item.list;
        top_depth = item.depth;
      }
      break;
    }
    if (list < 0) {
      continue;
    }
    for (const auto& item : doc.items) {
      if (item.list == list && item.depth == top_depth) {
        add_finding(session_index_of_line(session_of_line, item.line), severity->level, severity->label,
                    first_line(item.text), item.line);
        finding_item_lines.insert(item.line);
      }
    }
  }
  // A heading that names findings with a severity ("### P1 Issues",
  // "#### Critical Issues"): the first list under it. Session headings never
  // label findings, whatever their words.
  // Whether a heading, or one it stands under, plans work: "## Backlog",
  // "## Plan", "## Roadmap", "## Next steps". Priorities there rank tasks.
  // Worked out once for every heading, each from its parent's (a stack of
  // open headings), so asking costs nothing per row or item.
  std::vector<bool> planned_heading(doc.headings.size(), false);
  std::vector<bool> heading_plans_work(doc.headings.size(), false); // plans_work of each heading's own text, once
  for (std::size_t h = 0; h < doc.headings.size(); ++h) {
    heading_plans_work[h] = plans_work(doc.headings[h].text);
  }
  {
    std::vector<std::size_t> open;
    for (std::size_t h = 0; h < doc.headings.size(); ++h) {
      while (!open.empty() && doc.headings[open.back()].level >= doc.headings[h].level) {
        open.pop_back();
      }
      // A session's own heading plans nothing, whatever its words ("Session
      // 81: PR review follow-up") and whatever stands above it.
      const int index = session_index_of_line(session_of_line, doc.headings[h].line);
      const bool session_heading = index >= 0 && log.sessions[static_cast<std::size_t>(index)].line_start == doc.headings[h].line;
      planned_heading[h] = !session_heading && ((!open.empty() && planned_heading[open.back()]) || heading_plans_work[h]);
      open.push_back(h);
    }
  }
  const auto under_plans = [&](std::size_t h) { return static_cast<bool>(planned_heading[h]); };
  // The list or table right under a legend heading ("## Severity levels"
  // listing "- **P0** — data loss"): level definitions, no findings. Only
  // that first block: findings may follow under a line that introduces them.
  std::vector<int> legend_end(doc.headings.size(), 0); // last line of the legend block, 0 for other headings
  {
    std::set<int> item_lines;
    for (const auto& item : doc.items) {
      item_lines.insert(item.line);
    }
    for (std::size_t h = 0; h < doc.headings.size(); ++h) {
      if (!names_a_legend(doc.headings[h].text)) {
        continue;
      }
      const int next_heading = h + 1 < doc.headings.size() ? doc.headings[h + 1].line : lines.line_count() + 1;
      int line = doc.headings[h].line + 1;
      while (line < next_heading && doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::blank) {
        ++line;
      }
      int end = doc.headings[h].line;
      for (; line < next_heading; ++line) {
        const std::string_view raw = lines.line_text(text, line);
        const bool blank = doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::blank;
        const bool block = item_lines.count(line) > 0 || util::trim(raw).starts_with("|") ||
                           (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t'));
        if (!blank && !block) {
          break;
        }
        if (!blank) {
          end = line;
        }
      }
      legend_end[h] = end;
    }
  }
  const auto under_legend = [&](int line) {
    const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), line,
                                        [](int l, const MdHeading& h) { return l < h.line; });
    return above != doc.headings.begin() &&
           line <= legend_end[static_cast<std::size_t>(std::prev(above) - doc.headings.begin())];
  };
  // The parent, the nearest heading before one at a higher level, lists findings.
  const auto names_findings_parent = [&](const MdHeading& heading) {
    for (auto k = static_cast<std::size_t>(&heading - doc.headings.data()); k-- > 0;) {
      if (doc.headings[k].level < heading.level) {
        return classify_section(doc.headings[k].text) == model::SectionKind::findings;
      }
    }
    return false;
  };
  for (const auto& heading : doc.headings) {
    const int index = session_index_of_line(session_of_line, heading.line);
    if (index >= 0 && log.sessions[static_cast<std::size_t>(index)].line_start == heading.line) {
      continue;
    }
    const std::string normalized = normalize_width(heading.text);
    auto severity = severity_of_label(normalized);
    // Also a bare level under a findings heading ("## Review findings" then
    // "### Important"), or one a severity colour opens ("### 🟡 Important").
    auto names_findings = [&] {
      if (classify_section(heading.text) == model::SectionKind::findings || severity->label.find('P') != std::string::npos) {
        return true;
      }
      for (std::string_view colour : {"🔴", "🟠", "🟡", "🟢", "🔵"}) {
        if (util::trim(normalized).starts_with(colour)) {
          return true;
        }
      }
      return names_findings_parent(heading);
    };
    // "### P0 — Race between refill and consume", "### [P1] Clock source":
    // a heading that is itself a finding, with no list of its own. A level
    // word ("### Critical: x") only under a findings heading, where it
    // cannot rank a task.
    const auto add_heading_finding = [&] {
      std::string title;
      auto own = severity_of_finding_heading(normalized, title);
      // "### P0: Ship login" under "## Plan", "## Priorities" or "## Backlog" ranks work to do.
      // Nor "### ✅ P0: Fix login crash (DONE)" under "## Work completed": work done.
      if (!own) {
        return; // most headings: no level, nothing to check
      }
      bool done = false;
      for (auto k = static_cast<std::size_t>(&heading - doc.headings.data()); k-- > 0;) {
        if (doc.headings[k].level < heading.level) {
          done = classify_section(doc.headings[k].text) == model::SectionKind::work_completed;
          break;
        }
      }
      const std::string lower_heading = util::to_lower_ascii(heading.text);
      done = done || lower_heading.find("(done)") != std::string::npos || lower_heading.find("✅") != std::string::npos;
      if (own && !done && (own->label.find('P') != std::string::npos || names_findings_parent(heading)) &&
          !under_plans(static_cast<std::size_t>(&heading - doc.headings.data()))) {
        add_finding(index, own->level, own->label, title, heading.line);
      }
    };
    if (!severity) {
      add_heading_finding();
      continue;
    }
    if (!names_findings() || under_plans(static_cast<std::size_t>(&heading - doc.headings.data()))) {
      continue;
    }
    int next_heading = lines.line_count() + 1;
    for (const auto& other : doc.headings) {
      if (other.line > heading.line) {
        next_heading = other.line;
        break;
      }
    }
    int list = -1;
    for (const auto& item : doc.items) {
      if (item.line <= heading.line || item.line >= next_heading) {
        continue;
      }
      if (list < 0) {
        list = item.list;
      }
      if (item.list == list && finding_item_lines.count(item.line) == 0) {
        add_finding(index, severity->level, severity->label, first_line(item.text), item.line);
        finding_item_lines.insert(item.line);
      }
    }
    if (list < 0) {
      add_heading_finding();
    }
  }
  // Tables with a Priority or Severity column: one finding per row; not
  // under "## Backlog" or "## Roadmap", where a priority ranks a task.
  {
    std::set<std::string> finding_ids; // "C1", "H2": a re-review lists them again
    for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>& header) {
      const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), row.line,
                                          [](int line, const MdHeading& h) { return line < h.line; });
      if (above != doc.headings.begin() && under_plans(static_cast<std::size_t>(std::prev(above) - doc.headings.begin()))) {
        return;
      }
      if (under_legend(row.line)) {
        return;
      }
      int severity_column = -1;
      int title_column = -1; // a column that names the finding, else the first other non-empty one
      for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string h = util::to_lower_ascii(util::trim(header[c]));
        if (is_severity_header(h)) {
          severity_column = static_cast<int>(c);
        } else if (title_column < 0 && is_finding_title_header(h)) {
          title_column = static_cast<int>(c);
        }
      }
      if (severity_column < 0 || severity_column >= static_cast<int>(row.cells.size())) {
        return;
      }
      std::string title;
      std::string cell = normalize_width(row.cells[static_cast<std::size_t>(severity_column)]);
      auto severity = severity_of_item(cell + ": x", title);
      if (!severity) {
        return;
      }
      std::string row_title;
      if (title_column >= 0 && title_column < static_cast<int>(row.cells.size())) {
        row_title = std::string(util::trim(row.cells[static_cast<std::size_t>(title_column)]));
      }
      // "| 1 | Critical | a.go:1 | ..." without a named column: not the row number.
      auto id_column = [&](std::size_t c) {
        const std::string h = c < header.size() ? util::to_lower_ascii(util::trim(header[c])) : std::string();
        return h == "#" || h == "id" || h == "no" || h == "no." || h == "编号" || h == "編號" || h == "序号" || h == "番号";
      };
      std::string title_header;
      for (std::size_t c = 0; c < row.cells.size() && row_title.empty(); ++c) {
        if (static_cast<int>(c) != severity_column && !util::trim(row.cells[c]).empty() && !id_column(c)) {
          row_title = std::string(util::trim(row.cells[c]));
          title_header = c < header.size() ? util::to_lower_ascii(util::trim(header[c])) : std::string();
        }
      }
      // "| P1 | 3 |" under "| Severity | Count |" counts findings; it is none.
      const bool counts = std::none_of(row_title.begin(), row_title.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
      });
      // "| Critical | P0 | data loss |": a row of the file's scale, its "title" a level.
      std::string ignored;
      const bool scale_row = severity_of_item(normalize_width(strip_markup(row_title)) + ": x", ignored).has_value() &&
                             util::trim(ignored) == "x";
      // "| C1 | Critical | ✅ fixed |": a finding's status in a later pass, not another finding;
      // with a Notes or File column after it, that column names the finding.
      const auto status_like = [](const std::string& h) {
        return h == "status" || h == "state" || h == "resolution" || h == "outcome";
      };
      bool status_row = title_column < 0 && status_like(title_header);
      if (status_row) {
        for (std::size_t c = 0; c < row.cells.size() && c < header.size(); ++c) {
          const std::string h = util::to_lower_ascii(util::trim(header[c]));
          if (static_cast<int>(c) != severity_column && !id_column(c) && !status_like(h) && !util::trim(row.cells[c]).empty()) {
            row_title = std::string(util::trim(row.cells[c]));
            status_row = false;
            break;
          }
        }
      }
      std::string id;
      for (std::size_t c = 0; c < row.cells.size() && id.empty(); ++c) {
        if (id_column(c)) {
          id = util::to_lower_ascii(util::trim(row.cells[c]));
        }
      }
      // Reviews number their own findings ("1, 2, 3" twice in a file): only the same ID with the same title repeats.
      const bool listed_before = !id.empty() && !finding_ids.insert(id + '\x1f' + util::to_lower_ascii(row_title)).second;
      if (!row_title.empty() && !counts && !scale_row && !status_row && !listed_before) {
        add_finding(session_index_of_line(session_of_line, row.line), severity->level, severity->label, row_title, row.line);
      }
    });
  }
  // A bold paragraph that is itself a finding: "**CRITICAL-NEW-001: Token scope confusion**".
  for (const auto& paragraph : doc.paragraphs) {
    if (paragraph.in_list_item || paragraph.lead_bold.empty() || paragraph.text.size() > paragraph.lead_bold.size() + 3) {
      continue;
    }
    const std::string label = normalize_width(paragraph.lead_bold);
    std::string title;
    if (!severity_of_label(label)) {
      // "**CRITICAL - Before Using App:**" introduces a list of to-dos; a finding names itself.
      auto severity = severity_of_item(label, title);
      if (severity && !util::trim(title).ends_with(":")) {
        add_finding(session_index_of_line(session_of_line, paragraph.line), severity->level, severity->label, title,
                    paragraph.line);
      }
    }
  }
  // "- P1 parser drops quantities" under "## 🐛 Issues found": a level with no
  // mark after it, only where the heading names problems.
  // "P1 ship search — done", "P2 docs — slipped to tomorrow": a day's
  // priorities reviewed, not problems found.
  const auto names_a_status = [](std::string_view rest) {
    const std::string lower = util::to_lower_ascii(rest);
    for (std::string_view status : {"— done", "- done", "(done)", "— slipped", "- slipped", "slipped to", "— not started",
                                    "- not started", "moved to tomorrow", "carried over", "postponed", "deferred", "✅"}) {
      if (lower.find(status) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  const auto names_tickets = [](const std::string& lower) {
    for (std::string_view planned : {"to create", "to file", "to open", "to do", "todo", "planned", "opened", "created"}) {
      if (lower.find(planned) != std::string::npos) {
        return true; // "## Issues to create", "## GitHub issues opened": tickets, not findings
      }
    }
    return false;
  };
  // The item a nested one stands under names findings ("- Reviewer
  // findings:"), and does not plan them ("- Issues to tackle next week:").
  const auto parent_names_findings = [&](const MdItem& item, std::size_t k) {
    for (std::size_t up = k; item.depth > 0 && up-- > 0 && k - up <= 64 && doc.items[up].depth >= item.depth - 1;) {
      if (doc.items[up].depth == item.depth - 1) {
        const std::string parent_line = first_line(doc.items[up].text);
        const std::string parent_lower = util::to_lower_ascii(parent_line);
        const bool planned = plans_work(parent_lower) || parent_lower.find("next week") != std::string::npos ||
                             parent_lower.find("to tackle") != std::string::npos ||
                             parent_lower.find("later") != std::string::npos;
        return (!names_tickets(parent_lower) || introduces_review_findings(parent_line)) && !planned &&
               section_names_problems(parent_line);
      }
    }
    return false;
  };
  // Where findings are listed: under a heading that names them, or after a
  // line just above the list, or an item it is nested in, that does
  // ("Review from @dana-k on #318:", "Findings (levels: 🔴 P0 ...):").
  // The line of text that introduces a top-level list, a few lines above its
  // item ("Findings:"), if no heading comes first.
  const auto text_line_above = [&](const MdItem& item) -> std::optional<std::string_view> {
    for (int line = item.line - 1; line >= std::max(1, item.line - 12); --line) {
      const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
      const std::string_view untrimmed = lines.line_text(text, line);
      const std::string_view raw = util::trim(untrimmed);
      if (raw.starts_with("#")) {
        return std::nullopt;
      }
      // An indented line is an earlier item's text wrapped ("  this is a div-by-zero."), not the line over the list.
      const bool wrapped_item = untrimmed.starts_with("  ") || untrimmed.starts_with("\t");
      if (kind == LineKind::text && !wrapped_item && !raw.starts_with("-") && !raw.starts_with("*") && !raw.starts_with("+") &&
          !(!raw.empty() && std::isdigit(static_cast<unsigned char>(raw.front())) != 0)) {
        return raw;
      }
    }
    return std::nullopt;
  };
  const auto findings_line_above = [&](const MdItem& item) {
    const auto raw = text_line_above(item);
    return raw && (section_names_problems(*raw) || classify_section(*raw) == model::SectionKind::findings);
  };
  // A list a line above calls a plan's phases or steps ("Rollout plan (phases,
  // not priorities):" over "- P1 — canary, 5% of traffic"): its levels rank work.
  const auto phases_listed = [&](const MdItem& item) {
    const auto raw = text_line_above(item);
    if (!raw) {
      return false;
    }
    const std::string lower = util::to_lower_ascii(*raw);
    return lower.ends_with(":") && (plans_work(lower) || util::contains_word(lower, "phases") ||
                                    util::contains_word(lower, "rollout") || util::contains_word(lower, "milestones"));
  };
  std::map<int, bool> findings_lists; // list id: whether a "Findings:" line introduces it
  const auto listed_as_findings = [&](const MdItem& item, std::size_t k) {
    const auto heading_above = std::upper_bound(doc.headings.begin(), doc.headings.end(), item.line,
                                                [](int l, const MdHeading& h) { return l < h.line; });
    if (heading_above != doc.headings.begin() &&
        (classify_section(std::prev(heading_above)->text) == model::SectionKind::findings ||
         section_names_problems(std::prev(heading_above)->text))) {
      return true;
    }
    return item.depth > 0 ? parent_names_findings(item, k) : findings_line_above(item);
  };
  // "- **P1** `wal_checkpoint()` runs while ...", "- 🔴 **P2** buffer never
  // shrinks": a level in bold that opens the item, as its label, where
  // findings are listed ("- **P1** migrate the config" under "### Plan" ranks a task).
  const auto bold_level_item = [&](const MdItem& item) -> std::optional<std::pair<std::string, std::string>> {
    const auto marked = after_list_marker(lines.line_text(text, item.line));
    if (!marked) {
      return std::nullopt;
    }
    std::string_view raw = *marked;
    if (raw.starts_with("[ ] ") || raw.starts_with("[x] ") || raw.starts_with("[X] ")) {
      return std::nullopt; // a task
    }
    std::size_t p = 0;
    while (p < raw.size() && p < 12 && static_cast<unsigned char>(raw[p]) >= 0x80) {
      ++p; // an emoji before it
    }
    while (p < raw.size() && raw[p] == ' ') {
      ++p;
    }
    const std::string_view marker = raw.substr(p);
    // "**P1**", or with the finding's number: "**P0-1**", "**P2-4**".
    std::size_t close = 4;
    if (marker.size() > 6 && marker[4] == '-') {
      close = 5;
      while (close < marker.size() && close < 9 && marker[close] >= '0' && marker[close] <= '9') {
        ++close;
      }
      close = close > 5 ? close : 4;
    }
    if (marker.size() < close + 4 || !marker.starts_with("**") || (marker[2] != 'P' && marker[2] != 'p') || marker[3] < '0' ||
        marker[3] > '3' || marker.substr(close, 2) != "**" || marker[close + 2] != ' ') {
      return std::nullopt;
    }
    const std::string line = first_line(item.text);
    const auto at = line.find(std::string(marker.substr(2, close - 2)));
    if (at == std::string::npos) {
      return std::nullopt;
    }
    std::string rest(util::trim(std::string_view(line).substr(at + close - 2)));
    if (rest.empty() || names_a_status(rest)) {
      return std::nullopt;
    }
    return std::make_pair(std::string("P") + marker[3], std::move(rest));
  };
  // Under a heading that names problems, or nested under an item that does
  // ("- Reviewer findings:" over "  - P1 eslint ignores dist/").
  const auto bare_level_item = [&](const MdItem& item, int index, int section,
                                   std::size_t k) -> std::optional<std::pair<std::string, std::string>> {
    // Cheap first: most items do not open with a level.
    if (index < 0 || item.text.size() < 5 || (item.text[0] != 'P' && item.text[0] != 'p') || item.text[1] < '0' ||
        item.text[1] > '3' || item.text[2] != ' ' || done_state(item).has_value()) {
      return std::nullopt;
    }
    const std::string line = first_line(item.text);
    bool problems = false;
    if (item.depth == 0 && section >= 0) {
      const auto& heading = log.sessions[static_cast<std::size_t>(index)].sections[static_cast<std::size_t>(section)].title;
      problems = !names_tickets(util::to_lower_ascii(heading)) && section_names_problems(heading);
    } else {
      problems = parent_names_findings(item, k);
    }
    if (!problems) {
      return std::nullopt;
    }
    std::string rest(util::trim(std::string_view(line).substr(3)));
    if (rest.empty() || std::isalpha(static_cast<unsigned char>(rest[0])) == 0) {
      return std::nullopt;
    }
    if (names_a_status(rest)) {
      return std::nullopt;
    }
    // "P0 issues: rate limiting, timeouts" names a group of them, not one.
    const std::string first_word = util::to_lower_ascii(rest.substr(0, rest.find_first_of(" :")));
    for (std::string_view group : {"issue", "issues", "finding", "findings", "bug", "bugs", "problem", "problems", "item",
                                   "items", "fix", "fixes", "comment", "comments", "and", "or", "was", "were", "is", "are",
                                   "has", "have", "had", "to", "remains", "remaining", "still", "only", "also", "count"}) {
      if (first_word == group) {
        return std::nullopt;
      }
    }
    return std::make_pair(std::string("P") + line[1], std::move(rest));
  };
  for (std::size_t k = 0; k < doc.items.size(); ++k) {
    const auto& item = doc.items[k];
    const int index = session_index_of_line(session_of_line, item.line);
    int section = -1;
    if (index >= 0) {
      auto& session = log.sessions[static_cast<std::size_t>(index)];
      section = section_of(session, item.line);
      // "- None" under "### Blockers" is no blocker. Under a section of no
      // known kind ("### Options tried") it may be a value, and an item with
      // items under it is their parent.
      const bool known_section = section >= 0 && session.sections[static_cast<std::size_t>(section)].kind !=
                                                     model::SectionKind::other;
      const bool has_children = k + 1 < doc.items.size() && doc.items[k + 1].depth > item.depth;
      std::string item_text = first_line(item.text);
      // The front matter above a one-session file's title is the session's
      // for its references, but its lists are YAML values ("tags:\n  - rust"),
      // not work items, and they lie outside the session's lines.
      const bool in_front_matter = item.line < session.line_start;
      if (!in_front_matter && !(known_section && !has_children && says_nothing(item_text))) {
        model::Item row{section, std::move(item_text), std::nullopt, done_state(item), item.depth, item.line};
        row.body_offset = verbatim_offset(session.body, lines.start_of(item.line) - lines.start_of(session.line_start),
                                          row.text);
        session.items.push_back(std::move(row));
      }
    }
    if (finding_item_lines.count(item.line) > 0 || under_legend(item.line)) {
      continue;
    }
    // Items that carry their own severity, outside plans and to-do lists.
    model::SectionKind kind = model::SectionKind::other;
    if (index >= 0 && section >= 0) {
      kind = log.sessions[static_cast<std::size_t>(index)].sections[static_cast<std::size_t>(section)].kind;
    } else if (index < 0) {
      // Outside every session: the headings above ("## Backlog" over "### SSO").
      const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), item.line,
                                          [](int line, const MdHeading& h) { return line < h.line; });
      if (above != doc.headings.begin()) {
        kind = under_plans(static_cast<std::size_t>(std::prev(above) - doc.headings.begin())) ? model::SectionKind::next_steps
                                                                                                : classify_section(std::prev(above)->text);
      }
    }
    // Work done may hold a review's findings: "#### Done" over "- Review by
    // Claude of my prototype:" over "  - P1: bucket key unvalidated", or a
    // list of them under a paragraph that says so ("Findings (reviewer agent):"
    // over "1. **P1** `RequireRole` reads the URL's account").
    if ((kind == model::SectionKind::next_steps || kind == model::SectionKind::work_completed ||
         kind == model::SectionKind::decisions) &&
        !(kind == model::SectionKind::work_completed && names_a_p_level(item.text) &&
          (item.depth > 0 ? parent_names_findings(item, k) : findings_line_above(item)))) {
      continue;
    }
    // "- [ ] P3: log encoding" is a task ranked P3, in whatever language its
    // section is named, unless a findings list holds it.
    if (done_state(item).has_value() && kind != model::SectionKind::findings && !listed_as_findings(item, k)) {
      continue;
    }
    std::string title;
    const std::string item_line = normalize_width(first_line(item.text));
    // "- self-review: [P2] x", "- New: **P3** — y": the level after a label
    // that says whose review it is, or that it is a new finding.
    const auto after_review_label = [&]() -> std::optional<Severity> {
      const auto colon = item_line.find(": ");
      if (colon == std::string::npos || colon > 24) {
        return std::nullopt;
      }
      const std::string label = util::to_lower_ascii(item_line.substr(0, colon));
      if (label != "new" && label.find("review") == std::string::npos) {
        return std::nullopt;
      }
      const std::string rest = item_line.substr(colon + 2);
      const auto p_level = rest.find_first_of("Pp");
      if (p_level == std::string::npos || p_level > 3 || p_level + 1 >= rest.size() || rest[p_level + 1] < '0' ||
          rest[p_level + 1] > '3') {
        return std::nullopt; // a level word after a label ("Review: high hopes") is prose
      }
      return severity_of_item(rest, title);
    };
    if (auto severity = severity_of_item(item_line, title)) {
      if (!phases_listed(item)) {
        add_finding(index, severity->level, severity->label, title, item.line);
      }
    } else if (auto labelled = after_review_label(); labelled && !phases_listed(item)) {
      add_finding(index, labelled->level, labelled->label, title, item.line);
    } else if (auto bare = bare_level_item(item, index, section, k)) {
      add_finding(index, bare->first, bare->first, bare->second, item.line);
    } else if (auto bold = bold_level_item(item); bold && !done_state(item).has_value() && listed_as_findings(item, k)) {
      add_finding(index, bold->first, bold->first, bold->second, item.line);
    } else if (index >= 0 && item.depth == 0) {
      // "- Proration rounds toward zero (P2)" under "### Review findings" or a
      // "Findings:" line (asked once a list, at its first item); not a field
      // ("- **Priority**: P1 (HIGH)" of an issue's summary).
      const bool under_findings_heading =
        kind == model::SectionKind::findings && section >= 0 &&
        section_names_problems(log.sessions[static_cast<std::size_t>(index)].sections[static_cast<std::size_t>(section)].title);
      bool introduced = false;
      if (!under_findings_heading) {
        const auto cached = findings_lists.find(item.list);
        if (cached != findings_lists.end()) {
          introduced = cached->second;
        } else {
          introduced = findings_line_above(item);
          findings_lists.emplace(item.list, introduced);
        }
      }
      if ((under_findings_heading || (introduced && read_fields(item_line, item.line, true).empty())) &&
          !done_state(item).has_value()) {
        if (auto trailing = trailing_severity(item_line, title)) {
          add_finding(index, trailing->level, trailing->label, title, item.line);
        }
      }
    }
  }
  // "**P0** — signature compared with ==", "> **P1:** TAT wraps after 49 days"
  // (a review thread pasted as quotes): a paragraph that opens with a bold
  // P-level set off by a colon or a dash is one finding; not under plans.
  for (const auto& paragraph : doc.paragraphs) {
    if (paragraph.in_list_item || paragraph.lead_bold.size() < 2 || paragraph.lead_bold.size() > 3 ||
        (paragraph.lead_bold[0] != 'P' && paragraph.lead_bold[0] != 'p') || paragraph.lead_bold[1] < '0' ||
        paragraph.lead_bold[1] > '3' || (paragraph.lead_bold.size() == 3 && paragraph.lead_bold[2] != ':')) {
      continue;
    }
    const std::string line = first_line(paragraph.text);
    std::string_view rest = std::string_view(line).substr(std::min(line.size(), paragraph.lead_bold.size()));
    // In a quoted review thread the bold level alone sets it off: "> **P1** `now()` per key".
    const bool set_off = rest.starts_with(":") || rest.starts_with(" —") || rest.starts_with(" –") ||
                         rest.starts_with(" -") || paragraph.lead_bold.size() == 3 ||
                         (paragraph.in_quote && rest.starts_with(" "));
    if (!set_off) {
      continue;
    }
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ' || rest.front() == '-')) {
      rest.remove_prefix(1);
    }
    for (std::string_view dash : {"— ", "– "}) {
      if (rest.starts_with(dash)) {
        rest.remove_prefix(dash.size());
      }
    }
    const std::string title(util::trim(rest));
    if (title.empty() || std::isdigit(static_cast<unsigned char>(title.front())) != 0) {
      continue;
    }
    const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), paragraph.line,
                                        [](int l, const MdHeading& h) { return l < h.line; });
    if (above != doc.headings.begin()) {
      const std::size_t h = static_cast<std::size_t>(std::prev(above) - doc.headings.begin());
      const auto kind = classify_section(doc.headings[h].text);
      if (under_plans(h) || kind == model::SectionKind::next_steps || kind == model::SectionKind::work_completed) {
        continue;
      }
    }
    const std::string level = std::string("P") + paragraph.lead_bold[1];
    add_finding(session_index_of_line(session_of_line, paragraph.line), level, level, title, paragraph.line);
  }
  // "### Finding 1: SQL injection" over "- **Severity:** High": a heading
  // that is one finding, its level in a Severity field under it.
  for (std::size_t h = 0; h < doc.headings.size(); ++h) {
    const auto& heading = doc.headings[h];
    const std::string lower = util::to_lower_ascii(heading.text);
    const auto colon = lower.find(':');
    if (colon == std::string::npos ||
        !(lower.starts_with("finding") || lower.starts_with("issue") || lower.starts_with("bug"))) {
      continue;
    }
    const int index = session_index_of_line(session_of_line, heading.line);
    if (index < 0 || log.sessions[static_cast<std::size_t>(index)].line_start == heading.line) {
      continue;
    }
    // Not a planned issue: "### Next steps" over "#### Issue #88: Dark mode".
    bool planned = false;
    for (std::size_t k = h; k-- > 0;) {
      if (doc.headings[k].level < heading.level) {
        const auto kind = classify_section(doc.headings[k].text);
        planned = kind == model::SectionKind::next_steps || kind == model::SectionKind::work_completed;
        break;
      }
    }
    if (planned) {
      continue;
    }
    const int until = h + 1 < doc.headings.size() ? doc.headings[h + 1].line : lines.line_count() + 1;
    for (int line = heading.line + 1; line < until && line < heading.line + 12; ++line) {
      const std::string line_text = normalize_width(lines.line_text(text, line));
      for (const auto& field : read_fields(line_text, line, true)) {
        if (!key_is(field.key, {"severity", "schweregrad", "sévérité"})) {
          continue;
        }
        std::string ignored;
        if (auto severity = severity_of_item(field.value + ": x", ignored)) {
          add_finding(index, severity->level, severity->label,
                      std::string(util::trim(std::string_view(heading.text).substr(colon + 1))), heading.line);
        }
      }
    }
  }

  // References, line by line, with the heading each line stands under.
  {
    std::size_t next_heading = 0;
    LineContext section_context;
    for (int line = 1; line <= lines.line_count(); ++line) {
      while (next_heading < doc.headings.size() && doc.headings[next_heading].line <= line) {
        const std::string lower = util::to_lower_ascii(doc.headings[next_heading].text);
        section_context = LineContext{};
        section_context.commits_section = lower.find("commit") != std::string::npos;
        const auto kind = classify_section(doc.headings[next_heading].text);
        section_context.files_section = kind == model::SectionKind::files;
        section_context.stats_section = kind == model::SectionKind::stats;
        section_context.plans_or_tickets = heading_plans_work[next_heading] || lower.find("issue") != std::string::npos ||
                                           lower.find("ticket") != std::string::npos;
        {
          std::string_view title = util::trim(lower);
          while (!title.empty() && (title.back() == ':' || title.back() == ')')) {
            title.remove_suffix(1);
          }
          // A list of them by name, not "Pull request checklist" or "PRs — lessons learned".
          static constexpr std::string_view k_pr_lists[] = {
              "pull requests", "prs", "merge requests", "mrs", "prs opened", "prs merged", "prs reviewed", "prs touched",
              "prs created", "open prs", "merged prs", "related prs", "pull requests opened", "pull requests merged",
              "pull requests reviewed", "related pull requests", "merge requests opened", "merge requests merged",
              "pr triage", "pr review queue", "pr queue", "reviewed prs", "prs to review"};
          section_context.prs_section =
              !section_context.plans_or_tickets &&
              std::find(std::begin(k_pr_lists), std::end(k_pr_lists), title) != std::end(k_pr_lists);
        }
        if (section_context.files_section) {
          for (std::string_view action : {"created", "modified", "deleted", "moved"}) {
            if (lower.find(action) != std::string::npos) {
              section_context.files_action = std::string(action);
            }
          }
        }
        ++next_heading;
      }
      const auto kind = doc.line_kinds[static_cast<std::size_t>(line - 1)];
      if (kind == LineKind::blank || kind == LineKind::html) {
        continue;
      }
      const std::string_view raw_line = lines.line_text(text, line);
      if (raw_line.size() > 20000) {
        continue; // a minified blob, not prose worth scanning
      }
      const std::string normalized = normalized_line(raw_line);
      LineContext context = section_context;
      context.in_code = kind == LineKind::code;
      const int session = session_index_of_line(session_of_line, line);
      for (auto& sha : scan_commits(normalized, context)) {
        log.commits.push_back({session, std::move(sha), line, {}});
      }
      // In code, only git log's lines: "a1b2c3d Fix crash (#212)".
      if (!context.in_code || is_git_log_line(normalized)) {
        const std::size_t before = log.prs.size();
        for (auto& pr : scan_prs(normalized, !context.plans_or_tickets || context.in_code, context.in_code)) {
          log.prs.push_back({session, pr.number, std::move(pr.repo), std::move(pr.action), line, {}});
        }
        // "- #66 fix(histogram): +Inf bucket — merged" listed under "### Pull requests".
        if (context.prs_section && !context.in_code && log.prs.size() == before && kind == LineKind::text) {
          std::string_view item = after_list_marker(normalized).value_or(util::trim(normalized)); // "1. #68 docs"
          for (std::string_view task : {"[x] ", "[ ] "}) {
            if (item.starts_with(task)) {
              item = util::trim(item.substr(task.size()));
            }
          }
          // A status mark before it: "- ✅ #412 feat: …", "- 🔁 #415 …"; not a bug
          // ("🐛 #377 crash"), a label ("labelled good first issue") or a rank ("#1 priority").
          const std::string item_lower = util::to_lower_ascii(item);
          const bool about_an_issue = item.starts_with("🐛") || item_lower.find("labelled") != std::string::npos ||
                                      item_lower.find("labeled") != std::string::npos;
          while (!item.empty() && (static_cast<unsigned char>(item.front()) >= 0x80 || item.front() == ' ')) {
            item.remove_prefix(1);
          }
          const auto rank = item.find(' ');
          if (about_an_issue || (rank != std::string_view::npos && util::to_lower_ascii(item.substr(rank)).starts_with(" priority"))) {
            item = {};
          }
          std::size_t digits = 1;
          while (digits < item.size() && std::isdigit(static_cast<unsigned char>(item[digits])) != 0) {
            ++digits;
          }
          if (item.size() > 1 && item[0] == '#' && digits > 1 && digits <= 7 &&
              (digits == item.size() || item[digits] == ' ' || item[digits] == ':' || item[digits] == ',')) {
            const int number = std::stoi(std::string(item.substr(1, digits - 1)));
            if (number > 0) {
              log.prs.push_back({session, number, std::nullopt, std::nullopt, line, {}});
            }
          }
        }
      }
      if (!context.in_code) {
        for (auto& file : scan_files(normalized, context)) {
          log.files.push_back({session, std::move(file.path), std::move(file.action), line});
        }
        // "### 6/10" dates its session; it scores nothing.
        const bool numeric_day_start = session >= 0 && log.sessions[static_cast<std::size_t>(session)].line_start == line &&
                                       normalized.find('/') != std::string::npos &&
                                       numeric_day_heading(detection.sessions[static_cast<std::size_t>(session)].normalized).has_value();
        for (auto& metric : scan_metrics(normalized, context)) {
          if (numeric_day_start && metric.name == "ratio") {
            continue;
          }
          log.metrics.push_back({session, std::move(metric.name), metric.value, std::move(metric.unit),
                                 std::move(metric.raw), line});
        }
      }
    }
  }

  // Short forms of full hashes the file already names as commits.
  {
    std::vector<std::string> long_shas;
    for (const auto& commit : log.commits) {
      if (commit.sha.size() >= 12) {
        long_shas.push_back(commit.sha);
      }
    }
    if (!long_shas.empty()) {
      std::set<std::pair<int, std::string>> seen;
      for (const auto& commit : log.commits) {
        seen.emplace(commit.line, commit.sha);
      }
      for (int line = 1; line <= lines.line_count(); ++line) {
        const std::string_view text_line = lines.line_text(text, line);
        std::size_t p = 0;
        while (p < text_line.size()) {
          if (!std::isxdigit(static_cast<unsigned char>(text_line[p]))) {
            ++p;
            continue;
          }
          std::size_t q = p;
          while (q < text_line.size() && std::isalnum(static_cast<unsigned char>(text_line[q]))) {
            ++q;
          }
          const std::string_view token = text_line.substr(p, q - p);
          const bool bounded = p == 0 || !std::isalnum(static_cast<unsigned char>(text_line[p - 1]));
          if (bounded && is_hex_token(token) && token.size() < 12) {
            for (const auto& sha : long_shas) {
              if (sha.starts_with(token) && seen.emplace(line, std::string(token)).second) {
                log.commits.push_back({session_index_of_line(session_of_line, line), std::string(token), line, {}});
                break;
              }
            }
          }
          p = q;
        }
      }
    }
  }
  // Tables with a PR column: "#53" there is a pull request.
  {
    for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>& header) {
      for (std::size_t c = 0; c < header.size() && c < row.cells.size(); ++c) {
        const std::string h = util::to_lower_ascii(util::trim(header[c]));
        if (h != "pr" && h != "prs" && h != "pr #" && h != "pull request" && h != "pull requests") {
          continue;
        }
        for (const auto& mention : scan_prs("PRs " + row.cells[c])) {
          const bool known = std::any_of(log.prs.begin(), log.prs.end(), [&](const model::PrRef& pr) {
            return pr.line == row.line && pr.number == mention.number;
          });
          if (!known) {
            log.prs.push_back({session_index_of_line(session_of_line, row.line), mention.number, mention.repo,
                               mention.action, row.line, {}});
          }
        }
      }
    });
  }

  // The file's own legend ("Critical = P0, Important = P1") wins over the
  // usual reading of a level word.
  {
    std::vector<std::pair<std::string, std::string>> legend;
    for (int line = 1; line <= lines.line_count() && !log.findings.empty(); ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::text) {
        read_severity_legend(lines.line_text(text, line), legend, under_legend(line));
      }
    }
    // Which findings a legend of the file ranked; the rest ranked by a word
    // the file does not map are left out at the end of this block.
    std::vector<char> ranked_by_file(log.findings.size(), 0);
    for (std::size_t i = 0; i < log.findings.size(); ++i) {
      auto& finding = log.findings[i];
      if (names_a_p_level(finding.label)) {
        ranked_by_file[i] = 1;
      } else if (auto level = level_from_legend(finding.label, legend)) {
        finding.severity = *level;
        ranked_by_file[i] = 1;
      }
    }
    // Coloured marks the file maps to levels ("🔴 = P0, 🟠 = P1"): an item that
    // opens with one is a finding of that level, whatever word follows it.
    // And words or tags it maps ("致命 = P0，严重 = P1", "`[MUST]` = P1"), on a
    // line or as a legend table's rows ("| 严重 | 必须当场修 | P0 |").
    std::vector<std::pair<std::string, std::string>> marks;
    std::vector<std::pair<std::string, std::string>> lone_pairs; // "- Nghiêm trọng → P0", a line each
    const bool coloured = has_level_mark(text);
    for (int line = 1; line <= lines.line_count(); ++line) {
      if (doc.line_kinds[static_cast<std::size_t>(line - 1)] == LineKind::text) {
        if (coloured) {
          read_mark_legend(lines.line_text(text, line), marks);
        }
        read_word_legend(lines.line_text(text, line), marks, &lone_pairs);
      }
    }
    add_word_legend(std::move(lone_pairs), marks);
    {
      std::map<int, std::vector<std::pair<std::string, std::string>>> table_pairs;
      for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>&) {
        if (row.cells.size() < 2) {
          return;
        }
        // The level in the last cell ("| 严重 | 必须当场修 | P0 |") or the
        // second ("| **Crítico** | P0 | Rompe producción |"); the word first,
        // without its bold or its coloured mark ("| 🔴 Nghiêm trọng | P0 |").
        std::string_view last = util::trim(row.cells.back());
        const auto is_level_cell = [](std::string_view cell) {
          return cell.size() == 2 && (cell[0] == 'P' || cell[0] == 'p') && cell[1] >= '0' && cell[1] <= '3';
        };
        if (!is_level_cell(last) && row.cells.size() >= 3 && is_level_cell(util::trim(row.cells[1]))) {
          last = util::trim(row.cells[1]);
        }
        std::string first = normalize_width(util::trim(row.cells.front()));
        std::erase(first, '*');
        for (std::string_view mark : {"🔴", "🟠", "🟡", "🟢", "🔵", "🟣", "⚪", "⚫"}) {
          if (first.starts_with(mark)) {
            first = std::string(util::trim(std::string_view(first).substr(mark.size())));
          }
        }
        first = std::string(util::trim(first));
        if (last.size() != 2 || (last[0] != 'P' && last[0] != 'p') || last[1] < '0' || last[1] > '3' || first.empty() ||
            first.size() > 24 || std::any_of(first.begin(), first.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
          return;
        }
        std::string ignored;
        if (severity_of_item(first + ": x", ignored)) {
          return; // "| Critical | … | P0 |": the usual words are the severity legend's
        }
        table_pairs[row.table].emplace_back(util::to_lower_ascii(first), std::string("P") + last[1]);
      });
      for (auto& [table, pairs] : table_pairs) {
        add_word_legend(std::move(pairs), marks);
      }
    }
    for (const auto& item : doc.items) {
      if (marks.empty()) {
        break;
      }
      const std::string item_line = normalize_width(first_line(item.text));
      auto marked = level_of_mark(item_line, marks);
      if (!marked || under_legend(item.line) || done_state(item).has_value()) {
        continue;
      }
      // Where findings are listed, or right under a session's own heading in
      // a file that maps two marks or more ("### Mar 11, 2025 · PR #88" over
      // "- 🔴 Crash …"); not under another section ("## CI status").
      const auto heading_over = std::upper_bound(doc.headings.begin(), doc.headings.end(), item.line,
                                                 [](int l, const MdHeading& h) { return l < h.line; });
      const bool under_session_heading =
          marks.size() >= 2 && item.depth == 0 && heading_over != doc.headings.begin() &&
          std::any_of(log.sessions.begin(), log.sessions.end(),
                      [&](const model::Session& session) { return session.line_start == std::prev(heading_over)->line; });
      // A word the file's legend maps ("【重要】x", "[MUST] y", "致命：z") labels a
      // finding wherever it opens an item, but for plans and next steps.
      if (!marked->word && !under_session_heading &&
          !listed_as_findings(item, static_cast<std::size_t>(&item - doc.items.data()))) {
        continue;
      }
      const auto above = std::upper_bound(doc.headings.begin(), doc.headings.end(), item.line,
                                          [](int l, const MdHeading& h) { return l < h.line; });
      if (above != doc.headings.begin() &&
          (under_plans(static_cast<std::size_t>(std::prev(above) - doc.headings.begin())) ||
           (marked->word && classify_section(std::prev(above)->text) == model::SectionKind::next_steps))) {
        continue;
      }
      auto existing = std::find_if(log.findings.begin(), log.findings.end(),
                                   [&](const model::Finding& f) { return f.line == item.line; });
      if (existing != log.findings.end()) {
        existing->severity = marked->level;
        ranked_by_file[static_cast<std::size_t>(existing - log.findings.begin())] = 1;
        continue;
      }
      std::string title(marked->rest);
      if (marked->word) {
        // The title as written ("【重要】a，b" keeps its "，"): the raw text past the word and what closes it.
        const std::string raw = first_line(item.text);
        const std::string lower = util::to_lower_ascii(raw);
        if (const auto at = lower.find(marked->mark); at != std::string::npos) {
          std::string_view rest = std::string_view(raw).substr(at + marked->mark.size());
          for (bool more = true; more;) {
            more = false;
            for (std::string_view closer : {"】", "]", "：", ":", " ", "*", "`", "—", "–", "-"}) {
              if (rest.starts_with(closer)) {
                rest.remove_prefix(closer.size());
                more = true;
              }
            }
          }
          title = std::string(util::trim(rest));
        }
      }
      std::string ignored;
      if (auto worded = severity_of_item(normalize_width(title), ignored)) {
        title = ignored; // "🔴 Critical: x" keeps "x"
      }
      add_finding(session_index_of_line(session_of_line, item.line), marked->level, marked->mark, title, item.line);
    }
    // "| 1 | 🟠 | tokens.json | contrast |": a mapped mark in a Severity column.
    if (!marks.empty()) {
      for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>& header) {
        if (under_legend(row.line) || std::any_of(log.findings.begin(), log.findings.end(),
                                                  [&](const model::Finding& f) { return f.line == row.line; })) {
          return;
        }
        int severity_column = -1;
        for (std::size_t c = 0; c < header.size(); ++c) {
          const std::string h = util::to_lower_ascii(util::trim(header[c]));
          if (is_severity_header(h)) {
            severity_column = static_cast<int>(c);
          }
        }
        if (severity_column < 0 || severity_column >= static_cast<int>(row.cells.size())) {
          return;
        }
        // The cell outlives the match: `rest` views it.
        const std::string cell = normalize_width(util::trim(row.cells[static_cast<std::size_t>(severity_column)]));
        const auto marked = level_of_mark(cell, marks);
        if (!marked || !util::trim(marked->rest).empty()) {
          return;
        }
        std::string title;
        for (std::size_t c = row.cells.size(); c-- > 0;) {
          if (static_cast<int>(c) != severity_column && !util::trim(row.cells[c]).empty()) {
            title = std::string(util::trim(row.cells[c])); // the last cell says what was found
            break;
          }
        }
        // A legend table's own row ("| 严重 | 必须当场修 | P0 |") names the level, no finding.
        const bool legend_row = title.size() == 2 && (title[0] == 'P' || title[0] == 'p') && title[1] >= '0' && title[1] <= '3';
        if (!title.empty() && !legend_row) {
          add_finding(session_index_of_line(session_of_line, row.line), marked->level, marked->mark, title, row.line);
        }
      });
    }
    // A level word the file does not map ("Critical Issues:", "Nit:", "| High |")
    // names no P-level: critical is P0 in one team and P1 in the next, so
    // seshdb does not guess. The finding is left out, with a note for lint;
    // the corpus truth format counts these the same way. That covers "-
    // Blocker: waiting on infra", a session's blocker, which needs no note.
    ranked_by_file.resize(log.findings.size(), 1); // the marks' own findings
    std::size_t kept = 0;
    for (std::size_t i = 0; i < log.findings.size(); ++i) {
      auto& finding = log.findings[i];
      if (ranked_by_file[i] != 0) {
        if (kept != i) {
          log.findings[kept] = std::move(finding);
        }
        ++kept;
        continue;
      }
      const std::string lower = util::to_lower_ascii(finding.label);
      if (lower != "blocker:" && lower != "blockers:") {
        log.diagnostics.push_back(
            {DiagnosticLevel::note, finding.line,
             fmt::format("\"{}\" ranks \"{}\" with a word this file maps to no P-level; not a finding "
                         "(a legend line such as \"Critical = P1\", or a P-level in the label, makes it one)",
                         util::trim(finding.label), finding.title.substr(0, 60))});
      }
    }
    log.findings.resize(kept);
  }
  // Tables with a Commit or SHA column: a hash there is a commit, backticked or not.
  {
    for_each_body_row(doc, [&](const MdTableRow& row, const std::vector<std::string>& header) {
      for (std::size_t c = 0; c < header.size() && c < row.cells.size(); ++c) {
        const std::string h = util::to_lower_ascii(util::trim(header[c]));
        if (h != "commit" && h != "commits" && h != "sha" && h != "commit hash" && h != "commit sha" && h != "git sha" &&
            h != "提交") {
          continue;
        }
        const std::string cell = util::to_lower_ascii(row.cells[c]);
        std::size_t p = 0;
        while (p < cell.size()) {
          while (p < cell.size() && std::isalnum(static_cast<unsigned char>(cell[p])) == 0) {
            ++p;
          }
          std::size_t q = p;
          while (q < cell.size() && std::isalnum(static_cast<unsigned char>(cell[q])) != 0) {
            ++q;
          }
          const std::string token = cell.substr(p, q - p);
          p = q;
          // Git's lengths (an md5 or sha256 is a checksum), and a digit ("defaced" is a word).
          // A letter too: "| alice | 1234567 |" under Commits is a count.
          if (!is_hex_token(token) || !(token.size() <= 12 || token.size() == 40) ||
              token.find_first_of("0123456789") == std::string::npos || token.find_first_of("abcdef") == std::string::npos) {
            continue;
          }
          const bool known = std::any_of(log.commits.begin(), log.commits.end(), [&](const model::CommitRef& commit) {
            return commit.line == row.line && commit.sha == token;
          });
          if (!known) {
            log.commits.push_back({session_index_of_line(session_of_line, row.line), token, row.line, {}});
          }
        }
      }
    });
  }

  // The line that mentions each commit and PR, for answers that quote it.
  auto context_of = [&](int line) {
    return util::truncate_display(util::single_line(util::trim(lines.line_text(text_view, line))), 200);
  };
  for (auto& commit : log.commits) {
    commit.context = context_of(commit.line);
  }
  for (auto& pr : log.prs) {
    pr.context = context_of(pr.line);
  }

  // Text outside every session stays with the source.
  {
    std::string outside;
    for (int line = 1; line <= lines.line_count(); ++line) {
      if (!outside_bodies[static_cast<std::size_t>(line)]) {
        continue;
      }
      outside += lines.line_text(text, line);
      outside += '\n';
    }
    log.outside_text = std::string(util::trim(outside));
  }

  // Warnings worth a user's attention.
  {
    // A fence that never closes swallows the rest of the file.
    const int last = lines.line_count();
    if (last > 0 && doc.line_kinds[static_cast<std::size_t>(last - 1)] == LineKind::code) {
      int first = last;
      while (first > 1 && doc.line_kinds[static_cast<std::size_t>(first - 2)] == LineKind::code) {
        --first;
      }
      const auto opener = util::trim(lines.line_text(text, first));
      const auto closer = util::trim(lines.line_text(text, last));
      if ((opener.starts_with("```") || opener.starts_with("~~~")) &&
          !(last > first && (closer == "```" || closer == "~~~" || closer.starts_with("````")))) {
        log.diagnostics.push_back({DiagnosticLevel::warning, first,
                                   "code fence is never closed; everything after it was read as code"});
      }
    }
    std::map<std::string, int> seen;
    for (const auto& session : log.sessions) {
      const std::string key = session.title + "\x1f" + session.body.substr(session.body.find('\n') == std::string::npos ? session.body.size() : session.body.find('\n'));
      auto [it, inserted] = seen.emplace(key, session.line_start);
      if (!inserted) {
        log.diagnostics.push_back({DiagnosticLevel::warning, session.line_start,
                                   fmt::format("session repeats the one at line {} word for word; kept both", it->second)});
      }
    }
  }
  std::stable_sort(log.diagnostics.begin(), log.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  // Findings in the order the file lists them (they are found rule by rule).
  const auto by_line = [](const model::Finding& a, const model::Finding& b) { return a.line < b.line; };
  if (!std::is_sorted(log.findings.begin(), log.findings.end(), by_line)) {
    std::stable_sort(log.findings.begin(), log.findings.end(), by_line);
  }
  return log;
}

} // namespace seshdb::parse
