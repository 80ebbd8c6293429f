#include "seshdb/query/search_query.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/model/session_log.hpp"
#include "seshdb/parse/dates.hpp"
#include "seshdb/parse/section_kinds.hpp"
#include "seshdb/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace seshdb::query {

namespace {

enum class TokenKind { word, phrase, open, close, or_op, and_op, not_op, minus, filter, end };

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;   // word or phrase text; filter value
  std::string key;    // filter key
  bool prefix = false;
  std::size_t at = 0; // column in the query, for error messages
};

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool contains_cjk(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_cjk(util::decode_utf8(text, pos))) {
      return true;
    }
  }
  return false;
}

// Smart quotes to straight ones.
std::string normalize_quotes(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t before = pos;
    const char32_t cp = util::decode_utf8(text, pos);
    if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB || cp == 0x00BB) {
      out += '"';
    } else {
      out.append(text.substr(before, pos - before));
    }
  }
  return out;
}

const std::vector<std::string_view>& filter_keys() {
  static const std::vector<std::string_view> k_keys = {"branch", "project", "section", "severity", "pr",
                                                       "commit", "file",    "since",   "until"};
  return k_keys;
}

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t p = 0;
  while (p < text.size()) {
    const char c = text[p];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++p;
      continue;
    }
    if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? TokenKind::open : TokenKind::close, {}, {}, false, p});
      ++p;
      continue;
    }
    if (c == '"') {
      const auto close = text.find('"', p + 1);
      if (close == std::string::npos) {
        throw Error(fmt::format("unclosed quote at column {} in the query; add the closing \"", p + 1));
      }
      Token token{TokenKind::phrase, text.substr(p + 1, close - p - 1), {}, false, p};
      p = close + 1;
      if (p < text.size() && text[p] == '*') {
        token.prefix = true;
        ++p;
      }
      tokens.push_back(std::move(token));
      continue;
    }
    // A bare word runs to whitespace, a parenthesis or a quote.
    std::size_t end = p;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '(' &&
           text[end] != ')' && text[end] != '"') {
      ++end;
    }
    std::string word = text.substr(p, end - p);
    const std::size_t at = p;
    p = end;
    if (word == "OR" || word == "|") {
      tokens.push_back({TokenKind::or_op, {}, {}, false, at});
      continue;
    }
    if (word == "AND" || word == "&") {
      tokens.push_back({TokenKind::and_op, {}, {}, false, at});
      continue;
    }
    if (word == "NOT") {
      tokens.push_back({TokenKind::not_op, {}, {}, false, at});
      continue;
    }
    if (word.size() > 1 && word[0] == '-') {
      tokens.push_back({TokenKind::minus, {}, {}, false, at});
      word.erase(0, 1);
    }
    // key:value filters (the value may be a quoted phrase: branch:"a b").
    const auto colon = word.find(':');
    if (colon != std::string::npos && colon > 0) {
      const std::string key = util::to_lower_ascii(word.substr(0, colon));
      if (std::find(filter_keys().begin(), filter_keys().end(), key) != filter_keys().end()) {
        std::string value = word.substr(colon + 1);
        if (value.empty() && p < text.size() && text[p] == '"') {
          const auto close = text.find('"', p + 1);
          if (close == std::string::npos) {
            throw Error(fmt::format("unclosed quote after {}: at column {}", key, p + 1));
          }
          value = text.substr(p + 1, close - p - 1);
          p = close + 1;
        }
        if (value.empty()) {
          throw Error(fmt::format("{}: needs a value (column {}), e.g. {}:{}", key, at + 1, key,
                                  key == "since" || key == "until" ? "2w" : "main"));
        }
        tokens.push_back({TokenKind::filter, value, key, false, at});
        continue;
      }
    }
    Token token{TokenKind::word, word, {}, false, at};
    if (token.text.size() > 1 && token.text.back() == '*') {
      token.text.pop_back();
      token.prefix = true;
    }
    if (!token.text.empty() && token.text != "*") {
      tokens.push_back(std::move(token));
    }
  }
  tokens.push_back({TokenKind::end, {}, {}, false, text.size()});
  return tokens;
}

// FTS5 string literal: double quotes, inner quotes doubled.
std::string fts_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// Does the unicode61 tokenizer see any token in this text?
bool has_token_chars(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::decode_utf8(text, pos);
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0x80) {
      return true;
    }
  }
  return false;
}

// Expression tree: emitted fully parenthesised so FTS5 precedence never surprises.
struct Node {
  enum class Kind { term, and_node, or_node } kind = Kind::term;
  std::string fts;                       // for a term
  std::vector<std::unique_ptr<Node>> positives;
  std::vector<std::unique_ptr<Node>> negatives; // and_node only
};

class Parser {
public:
  Parser(std::vector<Token> tokens, SearchQuery& query, const std::string& today)
    : m_tokens(std::move(tokens)), m_query(query), m_today(today) {}

  std::unique_ptr<Node> parse() {
    auto node = parse_or(0);
    if (peek().kind == TokenKind::close) {
      throw Error(fmt::format("unmatched ) at column {} in the query", peek().at + 1));
    }
    return node;
  }

private:
  const Token& peek() const { return m_tokens[m_pos]; }
  const Token& next() { return m_tokens[m_pos++]; }

  std::unique_ptr<Node> parse_or(int depth) {
    auto left = parse_and(depth);
    if (peek().kind != TokenKind::or_op) {
      return left;
    }
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::or_node;
    if (left) {
      node->positives.push_back(std::move(left));
    }
    while (peek().kind == TokenKind::or_op) {
      const std::size_t at = next().at;
      const bool nothing_follows = peek().kind == TokenKind::end || peek().kind == TokenKind::close;
      auto right = parse_and(depth);
      if ((!right && nothing_follows) || node->positives.empty()) {
        throw Error(fmt::format("OR at column {} needs words on both sides", at + 1));
      }
      if (right) { // a stray "^" or a filter after OR adds no words
        node->positives.push_back(std::move(right));
      }
    }
    if (node->positives.size() == 1) {
      return std::move(node->positives.front());
    }
    return node;
  }

  // Implicit AND of unary terms; returns nullptr when it holds only filters.
  std::unique_ptr<Node> parse_and(int depth) {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::and_node;
    std::size_t first_negation = std::string::npos;
    while (true) {
      const Token& token = peek();
      if (token.kind == TokenKind::end || token.kind == TokenKind::close || token.kind == TokenKind::or_op) {
        break;
      }
      if (token.kind == TokenKind::and_op) {
        next();
        continue;
      }
      bool negate = false;
      if (token.kind == TokenKind::minus || token.kind == TokenKind::not_op) {
        negate = true;
        if (first_negation == std::string::npos) {
          first_negation = token.at;
        }
        next();
      }
      auto operand = parse_primary(depth, negate);
      if (!operand) {
        continue;
      }
      (negate ? node->negatives : node->positives).push_back(std::move(operand));
    }
    if (node->positives.empty()) {
      if (!node->negatives.empty()) {
        throw Error(fmt::format("the query only excludes (column {}); add a word to search for, e.g. `merge -revert`",
                                first_negation + 1));
      }
      return nullptr;
    }
    if (node->positives.size() == 1 && node->negatives.empty()) {
      return std::move(node->positives.front());
    }
    return node;
  }

  std::unique_ptr<Node> parse_primary(int depth, bool negated) {
    const Token token = next();
    switch (token.kind) {
    case TokenKind::open: {
      if (depth > 32) {
        throw Error("parentheses nested too deeply in the query");
      }
      auto inner = parse_or(depth + 1);
      if (peek().kind != TokenKind::close) {
        throw Error(fmt::format("( at column {} is never closed; add a )", token.at + 1));
      }
      next();
      return inner;
    }
    case TokenKind::word:
    case TokenKind::phrase: {
      if (!has_token_chars(token.text)) {
        return nullptr; // "^", "." alone: nothing FTS5 could match
      }
      auto node = std::make_unique<Node>();
      node->fts = fts_string(token.text) + (token.prefix ? "*" : "");
      if (!negated) {
        m_query.terms.push_back(token.text);
        m_query.has_cjk |= contains_cjk(token.text);
      }
      return node;
    }
    case TokenKind::filter:
      if (negated) {
        throw Error(fmt::format("filters cannot be negated (column {}); -{}: is not supported", token.at + 1, token.key));
      }
      apply_filter(token);
      return nullptr;
    case TokenKind::close:
      throw Error(fmt::format("unmatched ) at column {} in the query", token.at + 1));
    case TokenKind::or_op:
      throw Error(fmt::format("OR at column {} needs words on both sides", token.at + 1));
    case TokenKind::not_op:
    case TokenKind::minus:
      throw Error(fmt::format("NOT at column {} follows another NOT", token.at + 1));
    case TokenKind::and_op:
    case TokenKind::end:
      break;
    }
    throw Error(fmt::format("the query ends after NOT or - at column {}; add the word to exclude", token.at + 1));
  }

  void apply_filter(const Token& token) {
    auto& f = m_query.filters;
    const std::string& v = token.text;
    auto like = [](const std::string& value) {
      // * is the user's wildcard; % and _ are literal.
      std::string out;
      for (char c : value) {
        if (c == '%' || c == '_' || c == '\\') {
          out += '\\';
          out += c;
        } else if (c == '*') {
          out += '%';
        } else {
          out += c;
        }
      }
      return out;
    };
    if (token.key == "branch") {
      f.branch = like(v);
    } else if (token.key == "project") {
      f.project = like(v);
    } else if (token.key == "section") {
      f.section = normalize_section_kind(v);
      if (!f.section) {
        throw Error(fmt::format("section:{} is not a section kind; use work_completed, decisions, next_steps, "
                                "blockers, findings, files, stats, notes or other",
                                v));
      }
    } else if (token.key == "severity") {
      f.severity = normalize_severity(v);
      if (!f.severity) {
        throw Error(fmt::format("severity:{} is not a severity; use P0, P1, P2, P3 (or critical, important, ...)", v));
      }
    } else if (token.key == "pr") {
      std::string digits = v[0] == '#' ? v.substr(1) : v;
      if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw Error(fmt::format("pr:{} is not a PR number; write pr:95 or pr:#95", v));
      }
      f.pr = std::stoi(digits);
    } else if (token.key == "commit") {
      const std::string lower = util::to_lower_ascii(v);
      if (lower.size() < 4 || !std::all_of(lower.begin(), lower.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
        throw Error(fmt::format("commit:{} is not a hash prefix; give at least 4 hex digits", v));
      }
      f.commit = lower;
    } else if (token.key == "file") {
      f.file = v;
    } else if (token.key == "since" || token.key == "until") {
      auto date = resolve_date(v, m_today);
      if (!date) {
        throw Error(fmt::format("{}:{} is not a date; use YYYY-MM-DD, 7d, 2w, 3m, 1y, today or yesterday", token.key, v));
      }
      (token.key == "since" ? f.since : f.until) = *date;
    }
  }

  std::vector<Token> m_tokens;
  std::size_t m_pos = 0;
  SearchQuery& m_query;
  const std::string& m_today;
};

std::string emit(const Node& node) {
  switch (node.kind) {
  case Node::Kind::term:
    return node.fts;
  case Node::Kind::or_node: {
    std::string out = "(";
    for (std::size_t i = 0; i < node.positives.size(); ++i) {
      out += (i ? " OR " : "") + emit(*node.positives[i]);
    }
    return out + ")";
  }
  case Node::Kind::and_node: {
    std::string out = "(";
    for (std::size_t i = 0; i < node.positives.size(); ++i) {
      out += (i ? " AND " : "") + emit(*node.positives[i]);
    }
    out += ")";
    if (!node.negatives.empty()) {
      out = "(" + out + " NOT (";
      for (std::size_t i = 0; i < node.negatives.size(); ++i) {
        out += (i ? " OR " : "") + emit(*node.negatives[i]);
      }
      out += "))";
    }
    return out;
  }
  }
  return {};
}

// How deep the parentheses of an FTS5 expression go, outside its strings.
int nesting_depth(std::string_view fts) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (const char c : fts) {
    if (c == '"') {
      in_string = !in_string; // a doubled "" inside a string toggles twice
    } else if (!in_string && c == '(') {
      deepest = std::max(deepest, ++depth);
    } else if (!in_string && c == ')') {
      --depth;
    }
  }
  return deepest;
}

// FTS5's expression parser has a fixed stack: `("x" AND (` nested 33 deep
// already overflows it ("fts5: parser stack overflow", found by
// fuzz_search_query). Each level of the query's parentheses can add two
// levels here (an exclusion wraps its group in another pair), so the limit
// is on what is sent.
constexpr int k_max_fts_depth = 24;

} // namespace

SearchQuery parse_search_query(std::string_view text, const std::string& today) {
  // Control characters and invalid UTF-8 are never meant: spaces and U+FFFD.
  std::string clean(text);
  util::make_valid_utf8(clean);
  std::replace_if(clean.begin(), clean.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
  SearchQuery query;
  Parser parser(tokenize(normalize_quotes(clean)), query, today);
  auto root = parser.parse();
  if (root) {
    query.fts = emit(*root);
    if (nesting_depth(query.fts) > k_max_fts_depth) {
      throw Error(fmt::format("the query nests parentheses and exclusions too deeply ({} levels once written for "
                              "FTS5, at most {}); split it into simpler searches",
                              nesting_depth(query.fts), k_max_fts_depth));
    }
  }
  return query;
}

std::optional<std::string> resolve_date(std::string_view text, const std::string& today) {
  int y = 0, m = 0, d = 0;
  if (today.size() != 10 || std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  const std::string lower = util::to_lower_ascii(util::trim(text));
  if (lower == "today") {
    return today;
  }
  std::int64_t days = parse::days_from_civil(y, m, d);
  auto shift = [&](std::int64_t delta) {
    int ry = 0, rm = 0, rd = 0;
    parse::civil_from_days(days - delta, ry, rm, rd);
    return parse::format_date(ry, rm, rd);
  };
  if (lower == "yesterday") {
    return shift(1);
  }
  if (lower.size() >= 2 && std::all_of(lower.begin(), lower.end() - 1, [](char c) { return c >= '0' && c <= '9'; }) &&
      lower.size() <= 6) {
    const long n = std::stol(lower.substr(0, lower.size() - 1));
    switch (lower.back()) {
    case 'd': return shift(n);
    case 'w': return shift(7 * n);
    case 'm': {
      int month = m - static_cast<int>(n % 12);
      int year = y - static_cast<int>(n / 12);
      if (month < 1) {
        month += 12;
        --year;
      }
      int day = d;
      while (!parse::is_valid_date(year, month, day)) {
        --day;
      }
      return parse::format_date(year, month, day);
    }
    case 'y': return parse::format_date(y - static_cast<int>(n), m, m == 2 && d == 29 ? 28 : d);
    default: break;
    }
  }
  auto date = parse::find_date(lower);
  if (date && date->begin == 0 && date->end == lower.size() && date->year != 0) {
    return parse::format_date(date->year, date->month, date->day);
  }
  return std::nullopt;
}

std::optional<std::string> normalize_severity(std::string_view text) {
  const std::string lower = util::to_lower_ascii(util::trim(text));
  if (lower.size() == 2 && lower[0] == 'p' && lower[1] >= '0' && lower[1] <= '3') {
    return std::string("P") + lower[1];
  }
  if (lower == "blocker") return "P0";
  if (lower == "critical" || lower == "high") return "P1";
  if (lower == "important" || lower == "major" || lower == "medium") return "P2";
  if (lower == "low" || lower == "minor" || lower == "nice-to-have") return "P3";
  return std::nullopt;
}

std::optional<std::string> normalize_section_kind(std::string_view text) {
  std::string lower = util::to_lower_ascii(util::trim(text));
  std::replace(lower.begin(), lower.end(), '-', '_');
  for (const auto kind : {model::SectionKind::work_completed, model::SectionKind::decisions, model::SectionKind::next_steps,
                          model::SectionKind::blockers, model::SectionKind::findings, model::SectionKind::files,
                          model::SectionKind::stats, model::SectionKind::notes, model::SectionKind::other}) {
    if (lower == model::to_string(kind)) {
      return std::string(model::to_string(kind));
    }
  }
  std::replace(lower.begin(), lower.end(), '_', ' ');
  const auto kind = parse::classify_section(lower);
  if (kind != model::SectionKind::other) {
    return std::string(model::to_string(kind));
  }
  return std::nullopt;
}

} // namespace seshdb::query
