#include "seshdb/parse/references.hpp"

#include "seshdb/util/text.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace seshdb::parse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

struct Token {
  std::size_t begin;
  std::size_t end;
  std::string_view text;
};

// Maximal runs of ASCII letters and digits.
std::vector<Token> alnum_tokens(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t p = 0;
  while (p < line.size()) {
    if (!is_alnum(line[p])) {
      ++p;
      continue;
    }
    const std::size_t begin = p;
    while (p < line.size() && is_alnum(line[p])) {
      ++p;
    }
    tokens.push_back({begin, p, line.substr(begin, p - begin)});
  }
  return tokens;
}

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }
bool has_letter(std::string_view s) { return std::any_of(s.begin(), s.end(), is_alpha); }

// Nouns that make the hex after them something other than a commit.
constexpr std::array<std::string_view, 16> k_not_commit_nouns = {
    "migration", "migrations", "session", "run", "build", "job", "workflow", "sha256", "checksum",
    "color", "colour", "revision", "uuid", "token", "request", "thread",
};

std::string lower_word_before(const std::vector<Token>& tokens, std::size_t index) {
  if (index == 0) {
    return {};
  }
  return util::to_lower_ascii(tokens[index - 1].text);
}

// Where commit context begins on the line: just after the first commit
// keyword, or npos when there is none.
std::size_t commit_keyword_end(std::string_view line, const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string word = util::to_lower_ascii(tokens[i].text);
    // "hash" of a commit, not "Test vector hash", "file hash", "Document hash".
    const bool hash_of_other = (word == "hash" || word == "hashes" || word == "sha") && i > 0 && [&] {
      const std::string noun = util::to_lower_ascii(tokens[i - 1].text);
      for (std::string_view other : {"file", "files", "vector", "document", "content", "image", "password", "manifest",
                                     "artifact", "artefact", "cache", "checksum", "test", "sample", "baseline", "blob",
                                     "tree", "key", "integrity", "layer", "archive", "tarball", "wheel", "sha1", "sha256",
                                     "md5", "binary", "asset", "bundle", "lockfile", "lock", "config", "input", "output"}) {
        if (noun == other) {
          return true;
        }
      }
      return false;
    }();
    if (!hash_of_other && (word == "commit" || word == "commits" || word == "committed" || word == "sha" || word == "cherry" ||
                           word == "reverted" || word == "revert" || word == "hash" || word == "hashes" || word == "pushed")) {
      return tokens[i].end;
    }
    // "HEAD: <sha>", "HEAD at <sha>", "HEAD -> <sha>"; not any line that says HEAD.
    if (tokens[i].text == "HEAD" && i + 1 < tokens.size()) {
      const std::string next = util::to_lower_ascii(tokens[i + 1].text);
      const std::string_view between = util::trim(line.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end));
      if (next == "at" || next == "is" || next == "now" || between == ":" || between == "->" || between == "→") {
        return tokens[i].end;
      }
    }
    // "git show 4c5d6e7", "git checkout 4c5d6e7", "git reset --hard 4c5d6e7".
    if (word == "git" && i + 1 < tokens.size()) {
      const std::string next = util::to_lower_ascii(tokens[i + 1].text);
      if (next == "show" || next == "checkout" || next == "reset" || next == "switch" || next == "bisect") {
        return tokens[i + 1].end;
      }
    }
  }
  return std::string_view::npos;
}

// "提交" (Chinese) and "コミット" (Japanese) say commit too.
std::size_t cjk_commit_keyword_end(std::string_view line) {
  for (std::string_view keyword : {"提交", "コミット", "커밋", "коммит", "Коммит", "коміт", "Коміт"}) {
    const auto at = line.find(keyword);
    if (at != std::string_view::npos) {
      return at + keyword.size();
    }
  }
  return std::string_view::npos;
}

// "fixed in 8e9f0a1", "landed as 3c1d2e4", "broken since a17c9e2", "reset to
// 4b5e6f7": a change verb and a preposition say the hex after them is where
// a change happened.
// The hashes templates and examples write ("abc1234", "0000000", "1234567",
// "0123abc"): a real abbreviation is one of these about once in 16^7.
bool is_placeholder_hash(std::string_view hex) {
  if (hex.find_first_not_of(hex.front()) == std::string_view::npos) {
    return true; // "0000000", "fffffff", git's null hash
  }
  if (hex.size() > 12) {
    return false;
  }
  const std::string lower = util::to_lower_ascii(hex);
  static constexpr std::string_view k_runs[] = {"0123456789abcdef", "123456789abcdef"};
  for (std::string_view run : k_runs) {
    if (run.starts_with(lower)) {
      return true; // "1234567", "0123456789ab"
    }
  }
  for (std::string_view letters : {"abc", "abcd"}) {
    const std::string_view rest = std::string_view(lower).substr(std::min(lower.size(), letters.size()));
    if (lower.starts_with(letters) && !rest.empty() && std::string_view("123456789").starts_with(rest)) {
      return true; // "abc1234", "abcd123"
    }
  }
  return lower == "0123abc" || lower == "1234abc" || lower == "123abc4";
}

bool after_change_verb(const std::vector<Token>& tokens, std::size_t index) {
  static constexpr std::array<std::string_view, 10> k_prepositions = {"in", "as", "at", "via", "by", "onto", "to",
                                                                      "since", "from", "into"};
  static constexpr std::array<std::string_view, 30> k_verbs = {
      "fixed",    "landed",   "merged",    "shipped",  "resolved", "addressed", "introduced", "included", "reverted",
      "applied",  "squashed", "released",  "tagged",   "rebased",  "reset",     "deployed",   "broken",   "broke",
      "regressed", "added",   "removed",   "changed",  "done",     "completed", "implemented", "rolled", "fix", "tag",
      "cut",      "pulled"};
  if (index < 1) {
    return false;
  }
  // "(merge d1e2f3a)", "tag v1.2.3 at 9a9b9c9" come below; "merge d1e2f3a" here.
  const std::string just_before = util::to_lower_ascii(tokens[index - 1].text);
  if (just_before == "merge" || just_before == "squash" || just_before == "reverts" || just_before == "revert") {
    return true;
  }
  if (index < 2) {
    return false;
  }
  const std::string preposition = util::to_lower_ascii(tokens[index - 1].text);
  if (std::find(k_prepositions.begin(), k_prepositions.end(), preposition) == k_prepositions.end()) {
    return false;
  }
  // "rolled back to": the verb may sit one word further back; "Fixed the P0
  // in 9e8d7c6", "Addressed all of them in cc11dd2", "The fix is in 5c6d7e8":
  // a few words back, before "in", "as", "into" or "via".
  // Only verbs of fixing and landing reach that far: "Added a fallback colour
  // as 1e90ff0" or "Deployed the build in 3f2a1b9c" name other hex.
  static constexpr std::array<std::string_view, 11> k_far_verbs = {
      "fixed", "fix", "landed", "addressed", "resolved", "merged", "shipped", "squashed", "reverted", "applied", "rebased"};
  // "Tagged v0.3.0 at 5e4f3a2", "Cut v0.14.2 at 5e0b7d3c": a tag's name (several tokens) between.
  if (preposition == "at") {
    for (std::size_t back = 2; back <= 5 && back <= index; ++back) {
      const std::string verb = util::to_lower_ascii(tokens[index - back].text);
      if (verb == "tagged" || verb == "tag" || verb == "cut") {
        return true;
      }
    }
  }
  const bool loose = preposition == "in" || preposition == "into" || preposition == "via";
  // "#212 merged (squash) as 41c07be", "landed on main as 9f0e1d2": how it
  // landed may sit between the verb and "as".
  if (preposition == "as") {
    for (std::size_t back = 3; back <= 5 && back <= index; ++back) {
      const std::string verb = util::to_lower_ascii(tokens[index - back].text);
      if (verb == "merged" || verb == "landed" || verb == "squashed" || verb == "shipped") {
        return true;
      }
    }
  }
  // "Fixed the P1 and both P2s in 8e9f0a1": up to seven words back.
  for (std::size_t back = 2; back <= (loose ? 8 : 3) && back <= index; ++back) {
    const std::string verb = util::to_lower_ascii(tokens[index - back].text);
    if (std::find(k_verbs.begin(), k_verbs.end(), verb) != k_verbs.end()) {
      return back == 2 || verb == "rolled" ||
             (loose && std::find(k_far_verbs.begin(), k_far_verbs.end(), verb) != k_far_verbs.end());
    }
  }
  return false;
}

// "request id (7f3a9c2e)", "image 4f2a9c1e": nouns of other hex values, for
// the forms that lack the word commit ("Commit ID: 5e0284e" is a commit).
bool names_other_hex(const std::vector<Token>& tokens, std::size_t index) {
  static constexpr std::array<std::string_view, 12> k_nouns = {"id",  "image",   "container", "fingerprint",
                                                               "key", "crc",     "address",   "trace",
                                                               "pid", "digest",  "migration", "revision"};
  for (std::size_t back = 1; back <= 3 && back <= index; ++back) {
    const std::string word = util::to_lower_ascii(tokens[index - back].text);
    if (std::find(k_nouns.begin(), k_nouns.end(), word) != k_nouns.end()) {
      return true;
    }
  }
  return false;
}

bool followed_by(std::string_view line, std::size_t pos, std::string_view what) {
  return line.substr(pos).starts_with(what);
}

// Words of a change landing, anywhere on a line, for a hash that closes it
// ("fixed both: 1c9a7d3", "docs fix: e5a0b7c", "culprit: c41d8e2"). At a
// word's start: "prefix" is no fix.
bool names_a_change(std::string_view line) {
  static constexpr std::string_view k_words[] = {"fix",    "merged", "landed",  "pushed",   "culprit", "shipped",
                                                 "squash", "revert", "resolved", "addressed", "backport", "hotfix"};
  const std::string lower = util::to_lower_ascii(line);
  for (std::string_view word : k_words) {
    for (auto at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      if (at == 0 || !is_alpha(lower[at - 1])) {
        return true;
      }
    }
  }
  return false;
}

// A hash set after a colon, an arrow or a comma at the end of what a line
// says ("fixed the P1 immediately: 71d3a0e", "fixed both -> 3d9e5f7,
// force-pushed", "items fixed, d41e0c7", "culprit: c41d8e2 (added …)").
bool closes_the_line(std::string_view line, std::size_t begin, std::size_t end) {
  std::string_view before = util::trim(line.substr(0, begin));
  if (!(before.ends_with(":") || before.ends_with("->") || before.ends_with("→") || before.ends_with(",") ||
        before.ends_with("="))) {
    return false;
  }
  std::string_view after = line.substr(end);
  while (!after.empty() && (after.front() == '.' || after.front() == ';' || after.front() == ')' || after.front() == '`')) {
    after.remove_prefix(1);
  }
  after = util::trim(after);
  return after.empty() || after.front() == ',' || after.front() == '(';
}

} // namespace

bool is_hex_token(std::string_view token) {
  if (token.size() < 7 || token.size() > 40) {
    return false;
  }
  return std::all_of(token.begin(), token.end(), [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); });
}

// A run of 7+ hex digits holding a digit: without one there is no hash to find.
bool has_hex_run(std::string_view line) {
  int run = 0;
  bool digit = false;
  for (char c : line) {
    if (is_digit(c) || (c >= 'a' && c <= 'f')) {
      ++run;
      digit |= is_digit(c);
      if (run >= 7 && digit) {
        return true;
      }
    } else {
      run = 0;
      digit = false;
    }
  }
  return false;
}

std::vector<std::string> scan_commits(std::string_view line, const LineContext& context) {
  std::vector<std::string> found;
  if (!has_hex_run(line)) {
    return found; // most lines: no allocation at all
  }
  const auto tokens = alnum_tokens(line);
  if (tokens.empty()) {
    return found;
  }
  const std::size_t keyword_end = std::min(commit_keyword_end(line, tokens), cjk_commit_keyword_end(line));
  auto add = [&](std::string_view sha) {
    std::string value(sha);
    if (std::find(found.begin(), found.end(), value) == found.end()) {
      found.push_back(std::move(value));
    }
  };

  std::size_t last_commit = std::string_view::npos; // the token of the last commit found
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    // An example's hash in a template or sample output ("abc1234 — message" in a
    // fence); in prose a writer's own log may use one for a real commit. Git's
    // null hash ("0000000") is never one.
    if (!is_hex_token(t.text) || ((context.in_code || t.text.find_first_not_of(t.text.front()) == std::string_view::npos) &&
                                  is_placeholder_hash(t.text))) {
      continue;
    }
    const char before = t.begin > 0 ? line[t.begin - 1] : ' ';
    const char after = t.end < line.size() ? line[t.end] : ' ';
    // A commit URL: ".../owner/repo/commit/<sha>" (GitHub, GitLab's "/-/commit/",
    // Bitbucket's "/commits/"), the whole hash, not an abbreviation.
    if (before == '/' && t.text.size() >= 7 && t.text.size() <= 40 && has_letter(t.text) && has_digit(t.text) &&
        (line.substr(0, t.begin).ends_with("/commit/") || line.substr(0, t.begin).ends_with("/commits/") ||
         (line.substr(0, t.begin).ends_with("/compare/") && followed_by(line, t.end, ".."))) &&
        (after == ' ' || after == ')' || after == '>' || after == ']' || after == '#' || after == '?' || after == '.' ||
         after == ',' || after == '`' || after == '/' || t.end == line.size())) {
      add(t.text);
      continue;
    }
    // Part of a longer identifier (a-b-c, file.ext, path/x, #colour, id:abc).
    if (before == '#' || before == '-' || before == '_' || before == '/' || after == '_' ||
        (after == '-' && t.end + 1 < line.size() && is_alnum(line[t.end + 1])) ||
        (before == '.' && !(t.begin >= 2 && line[t.begin - 2] == '.'))) {
      continue;
    }
    const bool digits_only = !has_letter(t.text);
    const bool letters_only = !has_digit(t.text);
    if (letters_only) {
      continue; // words like "deadbeef", "facade", "added"
    }
    const std::string noun = lower_word_before(tokens, i);
    if (std::find(k_not_commit_nouns.begin(), k_not_commit_nouns.end(), noun) != k_not_commit_nouns.end()) {
      continue;
    }
    // git output: "abc1234 message" (log --oneline), "[main abc1234]", "a..b", "commit <sha>".
    // First on its line after list markers ("- ", "1. ", "* `").
    const std::string_view lead = util::trim(line.substr(0, t.begin));
    // In code, git log --graph draws "| * ", "* | ", "|/ " before the hash.
    const bool first_on_line = lead.find_first_not_of(context.in_code ? "-*+>`[( 0123456789.)|/\\" : "-*+>`[( 0123456789.)") ==
                               std::string_view::npos;
    // "`5923255` - message": a backticked hash that opens a line and names a change.
    const bool hash_dash_message = first_on_line && before == '`' && after == '`' &&
                                   (followed_by(line, t.end + 1, " - ") || followed_by(line, t.end + 1, " — ") ||
                                    followed_by(line, t.end + 1, ": ") || followed_by(line, t.end + 1, " – "));
    const bool range = followed_by(line, t.end, "..") || (t.begin >= 2 && line.substr(t.begin - 2, 2) == "..");
    const bool bracket_commit = after == ']' && i >= 1 && before == ' ' &&
                                line.substr(0, tokens[i - 1].begin).find('[') != std::string_view::npos;
    const bool after_keyword = keyword_end != std::string_view::npos && t.begin >= keyword_end;
    // "- 7c41d2a feat: add csv export": a list item that opens with a hash of
    // git's lengths, letters and digits both, then its message.
    const bool list_item_hash = first_on_line && !digits_only && (t.text.size() <= 12 || t.text.size() == 40) &&
                                !lead.empty() && (lead.front() == '-' || lead.front() == '*' || lead.front() == '+' ||
                                                  is_digit(lead.front())) &&
                                after == ' ' && t.end + 1 < line.size() && is_alpha(line[t.end + 1]);
    // A short hash in a code span in prose ("fixed in `c7e21b9`"): git's
    // abbreviated length, digits and letters both; longer ids (migrations) are not.
    // Not an id a noun names: "**Session ID**: `3f34fd56`", "**会话 ID**：`7a1f3e9c`".
    const bool short_hash_in_code_span =
        !context.in_code && before == '`' && after == '`' && t.text.size() <= 8 && !names_other_hex(tokens, i);
    // Git's own abbreviations in prose: after a change verb ("fixed in
    // 8e9f0a1"), alone in parentheses after a message ("Add CSV export
    // (3f2a1bc)"), or in "HEAD is now at 4c5d6e7". Without the word commit,
    // only git's usual lengths (Docker's 12-character ids are not), never a
    // host or file name ("3f2a1bc9.pages.dev"), and not the hex a noun names
    // ("request id (7f3a9c2e)", "ed25519 keys").
    const bool prose_length = (t.text.size() >= 7 && t.text.size() <= 10) || t.text.size() == 40;
    const bool dotted = after == '.' && t.end + 1 < line.size() && is_alnum(line[t.end + 1]);
    const bool prose_hash =
        !digits_only && !dotted && !names_other_hex(tokens, i) && t.text != "ed25519" &&
        // In a code span, up to twelve ("fixed in `6e1a0f55d3c4`", "Tagged `v2.3.1` at `d6a2e8f4c1b0`").
        ((((prose_length && (before == ' ' || before == '`')) ||
           (t.text.size() <= 12 && t.text.size() >= 7 && before == '`' && after == '`')) &&
          after_change_verb(tokens, i)) ||
         (prose_length && before == '(' && after == ')' && !context.in_code) ||
         (before == ' ' && t.text.size() <= 12 && line.substr(0, t.begin).ends_with("HEAD is now at ")) ||
         (prose_length && (before == ' ' || before == '`') && !context.in_code && closes_the_line(line, t.begin, t.end) &&
          names_a_change(line)));

    // "Fixes: 8e3a91f0c2d4 (\"parser: stop at EOF\")": a commit cited with its
    // subject in quotes, the kernel's form (and git's --pretty=reference).
    const bool cited_with_subject = !digits_only && t.text.size() >= 7 &&
                                    (followed_by(line, t.end, " (\"") || followed_by(line, t.end, " (“"));
    bool commit = false;
    bool strong = false; // context that makes even an all-digit hash a commit
    if (after_keyword || range || bracket_commit || hash_dash_message || short_hash_in_code_span || list_item_hash ||
        prose_hash || cited_with_subject) {
      commit = true;
      strong = true;
    } else if (first_on_line && (context.in_code || context.commits_section)) {
      // A hash that opens a line of git output or of a commits list.
      commit = t.end < line.size() || context.commits_section;
      strong = true;
    }
    // "Landed in 5e5f6a6 and 6f6a7b7", "in `5e5f6a6`, `6f6a7b7`": the next of a list of commits.
    if (!commit && last_commit != std::string_view::npos && prose_length && !digits_only) {
      std::string between(util::trim(line.substr(tokens[last_commit].end, t.begin - tokens[last_commit].end)));
      std::erase(between, '`');
      between = util::to_lower_ascii(util::trim(between));
      commit = between == "," || between == "and" || between == ", and" || between == "&" || between == "/";
    }
    if (!commit) {
      continue;
    }
    if (digits_only && (!strong || t.text.size() > 12)) {
      continue; // "1234567" is a number unless the text calls it a commit
    }
    add(t.text);
    last_commit = i;
  }
  return found;
}

namespace {

std::optional<std::string> pr_action(std::string_view lower_line, std::size_t near) {
  struct Word {
    std::string_view text;
    std::string_view action;
  };
  // Past tense only: "Merge PR #5" in a plan is not a merge that happened.
  static constexpr Word k_words[] = {
      {"merged", "merged"},     {"created", "created"},   {"opened", "created"},    {"raised", "created"},
      {"submitted", "created"}, {"closed", "closed"},     {"reviewed", "reviewed"}, {"fixed", "fixed"},
      {"updated", "updated"},   {"abandoned", "closed"},  {"approved", "reviewed"},
  };
  if (lower_line.find("merge pull request") != std::string_view::npos) {
    return std::string("merged"); // GitHub's merge commit subject
  }
  std::optional<std::string> best;
  std::size_t best_distance = std::string_view::npos;
  for (const auto& word : k_words) {
    std::size_t pos = 0;
    while ((pos = lower_line.find(word.text, pos)) != std::string_view::npos) {
      const bool starts = pos == 0 || !is_alpha(lower_line[pos - 1]);
      const std::size_t end = pos + word.text.size();
      const bool ends = end >= lower_line.size() || !is_alpha(lower_line[end]);
      // "not merged", "once ... is merged", "ready for merge", "until merged": not done.
      const std::string_view before = lower_line.substr(pos >= 24 ? pos - 24 : 0, pos >= 24 ? 24 : pos);
      bool hedged = false;
      for (std::string_view hedge : {"not ", "n't ", "once ", "until ", "ready ", "to be ", "will be ", "should ", "before "}) {
        hedged |= before.find(hedge) != std::string_view::npos;
      }
      if (starts && ends && !hedged) {
        const std::size_t distance = pos > near ? pos - near : near - pos;
        if (distance < best_distance) {
          best_distance = distance;
          best = std::string(word.action);
        }
      }
      pos = end;
    }
  }
  return best;
}

// Reads "#123" or "123" at p (skipping "#"); returns the number or -1.
int read_pr_number(std::string_view line, std::size_t& p, bool require_hash) {
  std::size_t q = p;
  if (q < line.size() && line[q] == '#') {
    ++q;
  } else if (require_hash) {
    return -1;
  }
  if (q >= line.size() || !is_digit(line[q])) {
    return -1;
  }
  long value = 0;
  std::size_t digits = 0;
  while (q < line.size() && is_digit(line[q]) && digits < 7) {
    value = value * 10 + (line[q] - '0');
    ++q;
    ++digits;
  }
  if (q < line.size() && (is_alnum(line[q]) || (line[q] == '.' && q + 1 < line.size() && is_digit(line[q + 1])))) {
    return -1; // "PR 2.0", "#12abc"
  }
  if (value <= 0 || line[q - digits] == '0') {
    return -1; // zero-padded numbers are identifiers ("PR-003")
  }
  p = q;
  return static_cast<int>(value);
}

// "acme/pay" in "acme/pay#78" at p: GitHub's owner/repo, then '#'.
std::optional<std::string> repo_before_hash(std::string_view line, std::size_t p) {
  auto name_char = [](char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; };
  std::size_t q = p;
  while (q < line.size() && name_char(line[q])) {
    ++q;
  }
  if (q == p || q >= line.size() || line[q] != '/') {
    return std::nullopt;
  }
  std::size_t r = q + 1;
  while (r < line.size() && name_char(line[r])) {
    ++r;
  }
  if (r == q + 1 || r >= line.size() || line[r] != '#') {
    return std::nullopt;
  }
  return std::string(line.substr(p, r - p));
}

// A line that speaks of merge requests: where GitLab's "!34" means one.
bool gitlab_cue(std::string_view lower) {
  for (std::string_view cue : {"merge", "gitlab", "review", "approv", "opened", "closed", "landed", "合并", "合併", "マージ"}) {
    if (lower.find(cue) != std::string_view::npos) {
      return true;
    }
  }
  // "MR", and "MRs" ("7 open MRs: !405, !407").
  for (std::size_t at = lower.find("mr"); at != std::string_view::npos; at = lower.find("mr", at + 1)) {
    const std::size_t end = at + 2 < lower.size() && lower[at + 2] == 's' ? at + 3 : at + 2;
    if ((at == 0 || !is_alpha(lower[at - 1])) && (end >= lower.size() || !is_alpha(lower[end]))) {
      return true;
    }
  }
  return false;
}

std::size_t skip_chars(std::string_view line, std::size_t p, std::string_view chars) {
  while (p < line.size() && chars.find(line[p]) != std::string_view::npos) {
    ++p;
  }
  return p;
}

// Where the text of line starts, after list, quote and task markers and a
// list number ("1. ", "2) ").
std::size_t text_start(std::string_view line) {
  std::size_t p = skip_chars(line, 0, " \t>-*+");
  std::size_t q = p;
  while (q < line.size() && is_digit(line[q]) && q - p < 3) {
    ++q;
  }
  if (q > p && q + 1 < line.size() && (line[q] == '.' || line[q] == ')') && line[q + 1] == ' ') {
    p = q + 2;
  }
  if (line.substr(p).starts_with("[ ] ") || line.substr(p).starts_with("[x] ") || line.substr(p).starts_with("[X] ")) {
    p += 4;
  }
  return p;
}

// The hash that opens "a1b2c3d feat: x", "`a1b2c3d` Fix y", "**a1b2c3d** - z"
// or git's "* a1b2c3d (HEAD -> main) Fix": where it ends, or npos.
std::size_t leading_hash_end(std::string_view line, bool digits_only_ok = true) {
  // Past git log --graph's "| * " and "* | " too.
  std::size_t p = skip_chars(line, text_start(line), "`*| /\\");
  std::size_t q = p;
  bool digit = false;
  bool letter = false;
  while (q < line.size() && (is_digit(line[q]) || (line[q] >= 'a' && line[q] <= 'f'))) {
    digit |= is_digit(line[q]);
    letter |= !is_digit(line[q]);
    ++q;
  }
  if (!digit || (!letter && !digits_only_ok) || !is_hex_token(line.substr(p, q - p))) {
    return std::string_view::npos;
  }
  q = skip_chars(line, q, "`*:");
  return q < line.size() && line[q] == ' ' ? q : std::string_view::npos;
}

// "fix(parser): x", "feat!: y", "**fix(ui):** z": a Conventional Commits
// subject, its type in lower case as the convention writes it ("Fix: x" is
// a label).
bool conventional_subject(std::string_view line, std::size_t p) {
  p = skip_chars(line, p, "`*");
  static constexpr std::string_view k_types[] = {"feat", "fix",  "chore", "docs",   "refactor", "test", "tests",
                                                 "perf", "build", "ci",   "style",  "revert",   "deps", "security"};
  std::size_t q = p;
  while (q < line.size() && is_alpha(line[q])) {
    ++q;
  }
  const std::string_view type = line.substr(p, q - p);
  if (std::find(std::begin(k_types), std::end(k_types), type) == std::end(k_types)) {
    return false;
  }
  if (q < line.size() && line[q] == '(') {
    const auto close = line.find(')', q);
    if (close == std::string_view::npos || close - q > 40) {
      return false;
    }
    q = close + 1;
  }
  if (q < line.size() && line[q] == '!') {
    ++q;
  }
  if (q >= line.size() || line[q] != ':') {
    return false;
  }
  q = skip_chars(line, q + 1, "*`");
  return q < line.size() && line[q] == ' ';
}

// GitHub's squash merge ends the commit subject with its PR: "feat: add
// importer (#210)", "a1b2c3d Fix crash (#212)". Only after a commit's
// subject: "Add dark mode (#45)" in a task list may name the issue it closes.
// A commit hash (7-40 hex, letters and digits) standing alone before `end`:
// "- ✅ `e5f6a7b` debounce (#78)", "Commit 9e8d7c6 — \"fix (#212)\"".
bool hash_before(std::string_view line, std::size_t end) {
  for (std::size_t p = 0; p < end; ++p) {
    if (!is_digit(line[p]) && !(line[p] >= 'a' && line[p] <= 'f')) {
      continue;
    }
    std::size_t q = p;
    bool digit = false;
    bool letter = false;
    while (q < end && (is_digit(line[q]) || (line[q] >= 'a' && line[q] <= 'f'))) {
      digit |= is_digit(line[q]);
      letter |= !is_digit(line[q]);
      ++q;
    }
    const bool alone = (p == 0 || !is_alnum(line[p - 1])) && (q >= line.size() || !is_alnum(line[q]));
    if (alone && digit && letter && q - p >= 7 && q - p <= 40) {
      return true;
    }
    p = q;
  }
  return false;
}

int squash_merge_pr(std::string_view line, bool digit_hashes = false) {
  std::size_t end = line.size();
  // Past a quoted subject's closing quote too: 'Commit 9e8d7c6 — "fix (#212)"'.
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '`' || line[end - 1] == '*' || line[end - 1] == '\r' ||
                     line[end - 1] == '"')) {
    --end;
  }
  if (end < 4 || line[end - 1] != ')') {
    return -1;
  }
  const auto open = line.rfind("(#", end - 1);
  if (open == std::string_view::npos || open == 0 || line[open - 1] != ' ') {
    return -1;
  }
  // "- [ ] feat: SSO (#16)": a task to do, its number the issue it is for.
  if (line.substr(skip_chars(line, 0, " \t>-*+")).starts_with("[ ]")) {
    return -1;
  }
  std::size_t p = open + 1;
  const int number = read_pr_number(line, p, true);
  if (number < 0 || p != end - 1) {
    return -1;
  }
  // "- 1234567 users affected (#218)": a number; a hash here has a letter.
  const std::size_t hash_end = leading_hash_end(line, digit_hashes);
  if (hash_end != std::string_view::npos) {
    // A subject between the hash and the "(#N)", opening with a word or git's "(HEAD -> main)".
    const std::size_t subject = skip_chars(line, hash_end, " ");
    return subject < open && (is_alpha(line[subject]) || line[subject] == '(') ? number : -1;
  }
  // A subject after a hash written later in the line, quoted or not.
  if (hash_before(line, open)) {
    return number;
  }
  return conventional_subject(line, text_start(line)) ? number : -1;
}

} // namespace

bool starts_with_commit_hash(std::string_view line) {
  return leading_hash_end(line) != std::string_view::npos;
}

bool is_git_log_line(std::string_view line) {
  if (starts_with_commit_hash(line)) {
    return true;
  }
  // `git log` without --oneline: the subject indented under "commit <sha>".
  const std::string_view t = util::trim(line);
  return t.starts_with("Merge pull request #") || (t.find("(#") != std::string_view::npos && squash_merge_pr(t, true) > 0);
}

// "Pull request" and "merge request" in Chinese and Japanese: "拉取请求 #34",
// "合并请求 !12", "プルリクエスト #12". The keyword's length at p, or 0.
std::size_t cjk_pr_keyword_at(std::string_view line, std::size_t p) {
  // And Russian "пул-реквест #12" (also "пулл-", capitalised), Arabic "طلب الدمج #15".
  static constexpr std::string_view k_keywords[] = {"拉取请求", "拉取請求", "合并请求", "合併請求", "プルリクエスト", "プルリク", "マージリクエスト",
                                                    "пул-реквест", "пулл-реквест", "Пул-реквест", "Пулл-реквест", "пулреквест",
                                                    "Пулреквест", "طلب الدمج"};
  // Each keyword opens with 拉, 合, プ, マ, п, П or ط: other characters are answered at once.
  const std::string_view rest = line.substr(p);
  if (rest.size() < 2 || (!rest.starts_with("拉") && !rest.starts_with("合") && !rest.starts_with("プ") && !rest.starts_with("マ") &&
                          !rest.starts_with("п") && !rest.starts_with("П") && !rest.starts_with("ط"))) {
    return 0;
  }
  for (std::string_view keyword : k_keywords) {
    if (rest.starts_with(keyword)) {
      return keyword.size();
    }
  }
  return 0;
}

// "PR", "PRs", "pull", "merge request" or a URL path: without any, no PR.
bool might_mention_pr(std::string_view line) {
  // Only these bytes open a cue; the rest are skipped without a test each
  // (this runs on every line of every file).
  static constexpr auto k_opens_cue = [] {
    std::array<bool, 256> opens{};
    for (unsigned char c : {'p', 'P', 'm', 'M', '!'}) {
      opens[c] = true;
    }
    for (unsigned c = 0xE3; c < 256; ++c) {
      opens[c] = true;
    }
    opens[0xD0] = opens[0xD8] = true; // п/П and ط open Russian and Arabic keywords
    return opens;
  }();
  for (std::size_t p = 0; p + 1 < line.size(); ++p) {
    if (!k_opens_cue[static_cast<unsigned char>(line[p])]) {
      continue;
    }
    if (static_cast<unsigned char>(line[p]) >= 0x80 && cjk_pr_keyword_at(line, p) > 0) {
      return true;
    }
    const char c = line[p] | 0x20;
    const char d = line[p + 1] | 0x20;
    if (c == 'p' && d == 'r' && (p == 0 || !is_alpha(line[p - 1]))) {
      const std::size_t e = p + 2;
      if (e >= line.size() || !is_alpha(line[e]) || ((line[e] | 0x20) == 's' && (e + 1 >= line.size() || !is_alpha(line[e + 1])))) {
        return true;
      }
    } else if (c == 'p' && d == 'u' && p + 3 < line.size() && (line[p + 2] | 0x20) == 'l' && (line[p + 3] | 0x20) == 'l') {
      return true;
    } else if (c == 'm' && d == 'e' && line.substr(p).size() >= 13 && util::iequals_ascii(line.substr(p, 13), "merge request")) {
      return true;
    } else if (c == 'm' && d == 'e' && line.substr(p).size() >= 15 && line.substr(p, 15) == "merge_requests/") {
      return true;
    } else if (c == 'm' && d == 'e' && line.substr(p).size() >= 8 &&
               (util::iequals_ascii(line.substr(p, 8), "merged #") ||
                (line.substr(p).size() >= 9 && util::iequals_ascii(line.substr(p, 9), "merged: #")))) {
      return true;
    } else if (line[p] == 'M' && line[p + 1] == 'R' && (p == 0 || !is_alpha(line[p - 1]))) {
      return true; // GitLab: "MR !34", "MR #35"
    } else if (line[p] == '!' && is_digit(line[p + 1])) {
      return true; // GitLab's own reference to a merge request: "!34"
    }
  }
  return false;
}

std::vector<PrMention> scan_prs(std::string_view line, bool squash, bool digit_hashes) {
  std::vector<PrMention> found;
  // Every mention has its number in digits: most prose lines have none.
  if (std::none_of(line.begin(), line.end(), is_digit)) {
    return found;
  }
  // "PR №22", "пул-реквест № 12", "PR n° 214": the numero sign says what '#'
  // does. The copy keeps every byte position (three bytes for three).
  if (line.find("№") != std::string_view::npos || line.find("n° ") != std::string_view::npos ||
      line.find("nº ") != std::string_view::npos) {
    std::string hashed(line);
    for (std::string_view sign : {"№", "n° ", "nº "}) {
      for (auto at = hashed.find(sign); at != std::string::npos; at = hashed.find(sign, at)) {
        hashed.replace(at, sign.size(), std::string(sign.size() - 1, ' ') + "#");
      }
    }
    return scan_prs(hashed, squash, digit_hashes);
  }
  const int squashed = squash && line.find("(#") != std::string_view::npos ? squash_merge_pr(line, digit_hashes) : -1;
  if (squashed > 0) {
    found.push_back({squashed, std::nullopt, pr_action(util::to_lower_ascii(line), line.rfind("(#"))});
  }
  if (!might_mention_pr(line)) {
    return found;
  }
  const std::string lower = util::to_lower_ascii(line);
  auto add = [&](int number, std::optional<std::string> repo, std::size_t at) {
    for (auto& existing : found) {
      if (existing.number == number) {
        if (!existing.repo && repo) {
          existing.repo = repo;
        }
        return;
      }
    }
    found.push_back({number, std::move(repo), pr_action(lower, at)});
  };

  // URLs: .../owner/repo/pull/94, .../merge_requests/12, Bitbucket's .../pull-requests/61/diff
  for (std::string_view marker : {"/pull/", "/pulls/", "/merge_requests/", "/pull-requests/"}) {
    std::size_t pos = 0;
    while ((pos = lower.find(marker, pos)) != std::string::npos) {
      std::size_t p = pos + marker.size();
      const int number = read_pr_number(line, p, false);
      if (number > 0) {
        // owner/repo are the two path segments before the marker.
        std::size_t repo_end = pos;
        if (marker == "/merge_requests/" && repo_end >= 2 && line.substr(repo_end - 2, 2) == "/-") {
          repo_end -= 2;
        }
        std::size_t slash = line.rfind('/', repo_end - 1);
        std::optional<std::string> repo;
        if (slash != std::string_view::npos && slash > 0) {
          std::size_t owner_slash = line.rfind('/', slash - 1);
          if (owner_slash != std::string_view::npos) {
            const auto owner = line.substr(owner_slash + 1, slash - owner_slash - 1);
            const auto name = line.substr(slash + 1, repo_end - slash - 1);
            if (!owner.empty() && !name.empty() && owner.find('.') == std::string_view::npos) {
              repo = std::string(owner) + "/" + std::string(name);
            }
          }
        }
        add(number, repo, pos);
      }
      pos += marker.size();
    }
  }

  // Without the host: "Merged pull/402, pull/405".
  for (std::size_t pos = 0; (pos = lower.find("pull/", pos)) != std::string::npos; pos += 5) {
    const char before = pos == 0 ? ' ' : lower[pos - 1];
    if (before != ' ' && before != '(' && before != ',' && before != '`' && before != '[') {
      continue;
    }
    std::size_t p = pos + 5;
    if (const int number = read_pr_number(line, p, false); number > 0) {
      add(number, std::nullopt, pos);
    }
  }

  // GitLab's "!34" ("Merged !34 into main", "!38/!39", "gitlab-org/gitlab!1234")
  // on a line that speaks of merging or review, outside code spans: shells
  // ("!512" from history), code ("return !1;") and notes ("Priority !1") use it too.
  if (gitlab_cue(lower)) {
    std::size_t ticks = 0;
    for (std::size_t at = 0; at < line.size(); ++at) {
      if (line[at] == '`') {
        ++ticks;
        continue;
      }
      if (line[at] != '!' || ticks % 2 == 1 || at + 1 >= line.size() || !is_digit(line[at + 1])) {
        continue;
      }
      const char before = at == 0 ? ' ' : line[at - 1];
      std::optional<std::string> repo;
      if (is_alnum(before) || before == '-' || before == '_' || before == '.') {
        std::size_t start = at;
        while (start > 0 && (is_alnum(line[start - 1]) || line[start - 1] == '-' || line[start - 1] == '_' ||
                             line[start - 1] == '.' || line[start - 1] == '/')) {
          --start;
        }
        const std::string_view path = line.substr(start, at - start);
        const auto slash = path.find('/');
        if (slash == std::string_view::npos || slash == 0 || slash + 1 == path.size()) {
          continue; // "Done!34"
        }
        repo = std::string(path);
      } else if (before != ' ' && before != '(' && before != '/' && before != '*') {
        continue;
      }
      std::size_t r = at + 1;
      if (const int number = read_pr_number(line, r, false); number > 0) {
        add(number, std::move(repo), at);
      }
    }
  }

  // Keywords: "PR #95", "PR#95", "PR 95", "PRs #1, #2 and #3", "pull request #12", "merged #12", "MR !34",
  // "**PR**: #56/#50", "PR124-PR128".
  std::size_t pos = 0;
  while (pos < lower.size()) {
    // Every keyword opens with "p", "m" or a CJK character.
    if (const auto first = static_cast<unsigned char>(lower[pos]); first != 'p' && first != 'm' && first < 0xE3 &&
                                                                  first != 0xD0 && first != 0xD8) {
      ++pos;
      continue;
    }
    std::size_t keyword_end = std::string::npos;
    bool plural = false;
    if (lower.compare(pos, 2, "pr") == 0 && (pos == 0 || (!is_alpha(lower[pos - 1]) && lower[pos - 1] != '-' && lower[pos - 1] != '_'))) {
      std::size_t e = pos + 2;
      if (e < lower.size() && lower[e] == 's') {
        plural = true;
        ++e;
      }
      // "PR" must be the word: upper-case in the text, or followed by a number.
      if (e >= lower.size() || !is_alpha(lower[e])) {
        const bool upper = line[pos] == 'P' && line[pos + 1] == 'R';
        if (upper || (e < lower.size() && (lower[e] == '#' || lower[e] == ' '))) {
          keyword_end = e;
        }
      }
    } else if ((lower.compare(pos, 12, "pull request") == 0 || lower.compare(pos, 12, "pull-request") == 0) &&
               (pos == 0 || !is_alpha(lower[pos - 1]))) {
      keyword_end = pos + 12;
      if (keyword_end < lower.size() && lower[keyword_end] == 's') {
        plural = true;
        ++keyword_end;
      }
    } else if (lower.compare(pos, 13, "merge request") == 0 && (pos == 0 || !is_alpha(lower[pos - 1]))) {
      keyword_end = pos + 13;
    } else if (static_cast<unsigned char>(lower[pos]) >= 0x80 && cjk_pr_keyword_at(lower, pos) > 0) {
      keyword_end = pos + cjk_pr_keyword_at(lower, pos);
    } else if ((lower.compare(pos, 8, "merged #") == 0 ||
                (lower.compare(pos, 9, "merged: #") == 0 && lower.find("issue") == std::string::npos)) &&
               (pos == 0 || !is_alpha(lower[pos - 1]))) {
      // Only a pull request is merged: "Merged #12 and #13", "Merged: #14" (an issue is closed).
      keyword_end = pos + 6;
    } else if (line.substr(pos, 2) == "MR" && (pos == 0 || !is_alpha(line[pos - 1])) &&
               (pos + 2 >= line.size() || !is_alpha(line[pos + 2]))) {
      // GitLab's merge request, upper-case and numbered: "MR !34", "MR #35"
      // ("MR 2 approvals" is a count).
      std::size_t q = skip_chars(line, pos + 2, " ");
      if (q < line.size() && line[q] == '!') {
        std::size_t r = q + 1;
        if (const int number = read_pr_number(line, r, false); number > 0) {
          add(number, std::nullopt, pos);
        }
        pos = r;
        continue;
      }
      if (q < line.size() && line[q] == '#') {
        keyword_end = pos + 2;
      }
    }
    if (keyword_end == std::string::npos) {
      ++pos;
      continue;
    }
    std::size_t p = skip_chars(line, keyword_end, plural ? " *:`_-(" : " *:`_-");
    if (p + 1 < line.size() && line[p] == '(' && line[p + 1] == '#') {
      ++p; // "a follow-up PR (#312)"
    }
    // "| PR | #47 |": the keyword is its cell's whole text, the number the next cell.
    if (p < line.size() && line[p] == '|' && util::trim(line.substr(0, pos)).ends_with("|")) {
      p = skip_chars(line, p, " |");
    }
    // "PRs touched: #40, #41", "PR merged: #12", "Open PRs (2): #1, #2": a word or
    // two about them, then the list after a colon.
    if (p < line.size() && line[p] != '#' && !is_digit(line[p])) {
      const auto colon = line.find(':', p);
      if (colon != std::string_view::npos && colon - p <= 20) {
        // Only words about the PRs themselves: "PR closes: #45", "PR for issues: #12"
        // and "PR blocked by: #48" name issues.
        const std::string between = util::to_lower_ascii(line.substr(p, colon - p));
        bool words = !between.empty();
        for (std::size_t w = 0; w < between.size() && words;) {
          while (w < between.size() && (between[w] == ' ' || between[w] == '*' || between[w] == '(' || between[w] == ')' ||
                                        is_digit(between[w]))) {
            ++w;
          }
          std::size_t e = w;
          while (e < between.size() && is_alpha(between[e])) {
            ++e;
          }
          const std::string_view word = std::string_view(between).substr(w, e - w);
          static constexpr std::string_view k_about_prs[] = {
              "touched", "merged", "opened", "created", "reviewed", "updated", "landed", "submitted", "raised", "approved",
              "pending", "open", "closed", "in", "flight", "progress", "this", "session", "today", "mentioned", "referenced",
              "worked", "on", "related", "shipped", "new", "draft", "drafts", "active", "recent", "ready", "waiting"};
          if (e == w && e < between.size()) {
            words = false; // a character no word holds
          } else if (!word.empty() && std::find(std::begin(k_about_prs), std::end(k_about_prs), word) == std::end(k_about_prs)) {
            words = false;
          }
          w = e;
        }
        const std::size_t q = skip_chars(line, colon + 1, " *`");
        if (words && q < line.size() && line[q] == '#') {
          p = q;
        }
      }
    }
    // "PR: acme/pay#78", another repository's PR.
    if (auto repo = repo_before_hash(line, p)) {
      std::size_t r = p + repo->size() + 1;
      if (const int number = read_pr_number(line, r, false); number > 0) {
        add(number, std::move(repo), pos);
        pos = r;
        continue;
      }
    }
    // "| PR | 1（#212） |": a count, the PR in brackets after it.
    if (p < line.size() && is_digit(line[p])) {
      std::size_t digits_end = p;
      while (digits_end < line.size() && is_digit(line[digits_end])) {
        ++digits_end;
      }
      const std::size_t hash = line.find('#', digits_end);
      std::size_t close = hash == std::string_view::npos ? hash : hash + 1;
      while (close != std::string_view::npos && close < line.size() && is_digit(line[close])) {
        ++close;
      }
      // Only a number alone in the brackets: "1 (#212)", not "57 (#58 is the docs follow-up)".
      if ((line.substr(digits_end).starts_with("(#") || line.substr(digits_end).starts_with(" (#")) &&
          close != std::string_view::npos && close < line.size() && line[close] == ')' && close > hash + 1) {
        p = hash;
      }
    }
    // After "PRs" or "pull requests" a bare number is a count ("8 PRs"), not a PR.
    int number = read_pr_number(line, p, plural);
    if (number < 0) {
      pos = keyword_end;
      continue;
    }
    add(number, std::nullopt, pos);
    // Range "PR124-PR128" or "PR #124-128".
    {
      std::size_t q = p;
      if (q < line.size() && (line[q] == '-' || line.substr(q).starts_with("–") || line.substr(q).starts_with("—"))) {
        q += line[q] == '-' ? 1 : 3;
        if (lower.compare(q, 2, "pr") == 0) {
          q += 2;
        }
        q = skip_chars(line, q, " #");
        std::size_t r = q;
        const int last = read_pr_number(line, r, false);
        if (last > number && last - number <= 50) {
          for (int n = number + 1; n <= last; ++n) {
            add(n, std::nullopt, pos);
          }
          p = r;
        }
      }
    }
    // A list after the keyword: "#1, #2 and #3", "#56/#50/#48", "#206 (PASS) and #141".
    while (true) {
      std::size_t q = skip_chars(line, p, " ,/&*`");
      if (q < line.size() && line[q] == '(') {
        const auto close = line.find(')', q);
        if (close != std::string_view::npos && close - q <= 40 && line.substr(q, close - q).find('#') == std::string_view::npos) {
          q = skip_chars(line, close + 1, " ,/&*`");
        }
      }
      if (line.substr(q).starts_with("…")) {
        q = skip_chars(line, q + 3, " ,");
      } else if (line.substr(q).starts_with("...")) {
        q = skip_chars(line, q + 3, " ,");
      }
      if (lower.compare(q, 4, "and ") == 0 || lower.compare(q, 3, "or ") == 0) {
        q = skip_chars(line, q + (lower[q] == 'a' ? 4 : 3), " ");
      } else {
        // "PR #21 y #22", "#62, #63 e #64", "#7 und #8", "#3 et #4", "#5 i #6", "#9 ve #10".
        for (std::string_view joiner : {"y #", "e #", "und #", "et #", "i #", "ve #", "en #", "и #"}) {
          if (lower.compare(q, joiner.size(), joiner) == 0) {
            q += joiner.size() - 1;
            break;
          }
        }
      }
      if (q == p && !(q < line.size() && line[q] == '#')) {
        break;
      }
      std::size_t r = q;
      const int next = read_pr_number(line, r, true);
      if (next < 0) {
        break;
      }
      add(next, std::nullopt, pos);
      p = r;
    }
    pos = p;
  }
  // "#208 (PR: config loader)", "acme/auth-service#479 (PR, merged)",
  // "dataco/ingest#29 (schema registry PR)": a number whose parenthesis,
  // right after it, calls it a PR.
  for (std::size_t hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
    // Cheap first: the number, then a bracket right after it.
    std::size_t digits_end = hash + 1;
    while (digits_end < line.size() && is_digit(line[digits_end])) {
      ++digits_end;
    }
    const std::size_t bracket = skip_chars(line, digits_end, " ");
    if (digits_end == hash + 1 || bracket >= line.size() || line[bracket] != '(') {
      continue;
    }
    std::size_t start = hash;
    int slashes = 0;
    while (start > 0 && (is_alnum(line[start - 1]) || line[start - 1] == '-' || line[start - 1] == '_' ||
                         line[start - 1] == '.' || (line[start - 1] == '/' && ++slashes == 1))) {
      --start;
    }
    auto repo = slashes == 1 ? repo_before_hash(line, start) : std::nullopt;
    if (!repo && start != hash) {
      continue; // "abc#12", "a/b/c#3": no reference
    }
    std::size_t r = hash;
    const int number = read_pr_number(line, r, true);
    if (number <= 0) {
      continue;
    }
    const std::size_t q = skip_chars(line, r, " ");
    if (q >= line.size() || line[q] != '(') {
      continue;
    }
    const auto close = line.find(')', q);
    if (close == std::string_view::npos || close - q > 60) {
      continue;
    }
    // The parenthesis opens with "PR" ("(PR: config loader)", "(PR, merged)")
    // or ends with it ("(schema registry PR)"): it says what the number is.
    // "(fixed by PR #341)", "(PR to follow)" speak of another one.
    const std::string_view inside = util::trim(line.substr(q + 1, close - q - 1));
    const std::string inside_lower = util::to_lower_ascii(inside);
    bool calls_it_a_pr = inside == "PR" || inside.starts_with("PR:") || inside.starts_with("PR,") ||
                         inside.starts_with("PR —") || inside.starts_with("PR -") || inside.starts_with("PR;") ||
                         (inside_lower.starts_with("pull request") && inside.find('#') == std::string_view::npos) ||
                         (inside.ends_with(" PR") && inside.find('#') == std::string_view::npos);
    for (std::string_view negation : {"not a pr", "not pr", "no pr", "not a pull", "isn't a pr", "issue"}) {
      calls_it_a_pr = calls_it_a_pr && inside_lower.find(negation) == std::string::npos;
    }
    if (calls_it_a_pr) {
      add(number, std::move(repo), start);
    }
  }
  return found;
}

namespace {

constexpr std::array<std::string_view, 60> k_extensions = {
    "md", "markdown", "txt", "rst", "ts", "tsx", "js", "jsx", "mjs", "cjs", "py", "rs", "go", "java", "kt",
    "c", "h", "cpp", "hpp", "cc", "hh", "cs", "rb", "php", "swift", "json", "yaml", "yml", "toml", "xml",
    "html", "css", "scss", "sql", "sh", "bash", "zsh", "ps1", "psm1", "lock", "cfg", "ini", "env", "dart",
    "vue", "svelte", "mmd", "gradle", "proto", "graphql", "csv", "conf", "lua", "ex", "exs", "tf", "dockerfile",
    "ipynb", "pdf", "png",
};

constexpr std::array<std::string_view, 12> k_branch_prefixes = {
    "feature/", "feat/", "fix/", "bugfix/", "hotfix/", "release/", "chore/", "claude/", "origin/", "refs/",
    "copilot/", "docs/v",
};

bool looks_like_path(std::string_view token) {
  if (token.size() < 3 || token.size() > 200) {
    return false;
  }
  // "/version-bump", "/project:fix-hooks": slash commands, not files.
  if (token.front() == '/' && token.find('/', 1) == std::string_view::npos) {
    return false;
  }
  if (token.find(':') != std::string_view::npos) {
    return false;
  }
  if (token.find("://") != std::string_view::npos || token.find(' ') != std::string_view::npos ||
      token.starts_with("-") || token.starts_with("@") || token.find('(') != std::string_view::npos ||
      token.find('=') != std::string_view::npos || token.find('<') != std::string_view::npos) {
    return false;
  }
  for (auto prefix : k_branch_prefixes) {
    if (token.starts_with(prefix)) {
      return false;
    }
  }
  const auto dot = token.rfind('.');
  if (dot != std::string_view::npos && dot + 1 < token.size()) {
    const std::string ext = util::to_lower_ascii(token.substr(dot + 1));
    if (std::find(k_extensions.begin(), k_extensions.end(), ext) != k_extensions.end()) {
      return true;
    }
  }
  // A path with a folder: "hub/modules/mrktzr/", "src/app" (letters on both sides of a slash).
  const auto slash = token.find('/');
  if (slash != std::string_view::npos && slash + 1 <= token.size()) {
    const bool letters = std::count_if(token.begin(), token.end(), is_alpha) >= 3;
    const bool numeric = token.find_first_not_of("0123456789/.") == std::string_view::npos; // dates, ratios
    return letters && !numeric && token.find("//") == std::string_view::npos;
  }
  return false;
}

std::optional<std::string> file_action(std::string_view lower) {
  struct Word {
    std::string_view text;
    std::string_view action;
  };
  static constexpr Word k_words[] = {
      {"created", "created"}, {"new file", "created"}, {"added", "created"},   {"modified", "modified"},
      {"updated", "modified"}, {"changed", "modified"}, {"edited", "modified"}, {"deleted", "deleted"},
      {"removed", "deleted"},  {"moved", "moved"},      {"renamed", "moved"},   {"relocated", "moved"},
  };
  for (const auto& word : k_words) {
    if (lower.find(word.text) != std::string_view::npos) {
      return std::string(word.action);
    }
  }
  return std::nullopt;
}

} // namespace

std::vector<FileMention> scan_files(std::string_view line, const LineContext& context) {
  std::vector<FileMention> found;
  if (context.in_code || (!context.files_section && line.find('`') == std::string_view::npos)) {
    return found;
  }
  const std::string lower = util::to_lower_ascii(line);
  // "branch: `ops/alert-tuning`", "**Branch:** `parser/setext`": a branch, not a file.
  {
    const std::size_t key = lower.find_first_not_of("-*+> \t");
    if (key != std::string::npos && lower.compare(key, 6, "branch") == 0) {
      const std::size_t colon = lower.find(':', key);
      if (colon != std::string::npos && lower.find_first_not_of("* ", key + 6) == colon) {
        return found;
      }
    }
  }
  // The line's action, read once it names a path (most backticked spans are
  // code, not paths).
  std::optional<std::optional<std::string>> line_action;
  auto action = [&]() -> const std::optional<std::string>& {
    if (!line_action) {
      line_action = file_action(lower);
      if (!*line_action && context.files_action) {
        *line_action = context.files_action;
      }
    }
    return *line_action;
  };
  auto add = [&](std::string_view path) {
    std::string value(util::trim(path));
    while (!value.empty() && (value.back() == ',' || value.back() == ':' || value.back() == ';')) {
      value.pop_back();
    }
    // "src/app.ts:250" names a line; the file is the part before.
    if (const auto colon = value.rfind(':'); colon != std::string::npos && colon + 1 < value.size() &&
                                             std::all_of(value.begin() + static_cast<std::ptrdiff_t>(colon) + 1, value.end(), is_digit)) {
      value.resize(colon);
    }
    if (!looks_like_path(value)) {
      return;
    }
    for (const auto& existing : found) {
      if (existing.path == value) {
        return;
      }
    }
    found.push_back({value, action()});
  };
  // Backticked spans.
  std::size_t pos = 0;
  while ((pos = line.find('`', pos)) != std::string_view::npos) {
    const std::size_t close = line.find('`', pos + 1);
    if (close == std::string_view::npos) {
      break;
    }
    add(line.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  // In a files section, a list item's first word is often a bare path.
  if (context.files_section && found.empty()) {
    std::string_view rest = util::trim(line);
    while (!rest.empty() && (rest.front() == '-' || rest.front() == '*' || rest.front() == '+' || rest.front() == ' ' ||
                             is_digit(rest.front()) || rest.front() == '.' || rest.front() == ')')) {
      rest.remove_prefix(1);
    }
    const auto end = rest.find_first_of(" \t(");
    add(rest.substr(0, end));
  }
  return found;
}

namespace {

// Reads a number like "1,676", "17,500+", "~90k", "3.5" at p; returns nullopt if none.
std::optional<double> read_metric_number(std::string_view line, std::size_t& p) {
  std::size_t q = p;
  if (q >= line.size() || !is_digit(line[q])) {
    return std::nullopt;
  }
  double value = 0;
  while (q < line.size() && (is_digit(line[q]) || (line[q] == ',' && q + 3 < line.size() + 0 && q + 1 < line.size() &&
                                                    is_digit(line[q + 1])))) {
    if (line[q] != ',') {
      value = value * 10 + (line[q] - '0');
    }
    ++q;
  }
  if (q + 1 < line.size() && line[q] == '.' && is_digit(line[q + 1])) {
    double scale = 0.1;
    ++q;
    while (q < line.size() && is_digit(line[q])) {
      value += (line[q] - '0') * scale;
      scale /= 10;
      ++q;
    }
  }
  if (q < line.size() && (line[q] == 'k' || line[q] == 'K') && (q + 1 >= line.size() || !is_alpha(line[q + 1]))) {
    value *= 1000;
    ++q;
  }
  if (q < line.size() && line[q] == '+') {
    ++q;
  }
  p = q;
  return value;
}

// "Coverage: 85% → 88%", "Score: 8/10", "Test pass rate: 100%": the label
// that opens a line names the percent or ratio right after its colon, when
// the label names a quantity. Real logs also open lines with topic labels
// ("**Rationale**: 80% overlap ...", "**TDD Mastery**: 100% test-driven"),
// which name no number. Returns the metric name ("test_pass_rate"), empty
// otherwise; `chained` says whether a second value follows an arrow.
std::string metric_label(std::string_view line, bool& chained) {
  chained = false;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return {};
  }
  std::size_t p = colon + 1;
  while (p < line.size() && (line[p] == ' ' || line[p] == '*' || line[p] == '_' || line[p] == '~' || line[p] == '`')) {
    ++p;
  }
  // The number right after the colon must be the percent or the ratio.
  auto percent_or_ratio_at = [&](std::size_t& at) {
    if (at >= line.size() || !is_digit(line[at])) {
      return false;
    }
    while (at < line.size() && (is_digit(line[at]) || line[at] == '.')) {
      ++at;
    }
    while (at < line.size() && line[at] == ' ') {
      ++at;
    }
    if (at < line.size() && line[at] == '%') {
      ++at;
      return true;
    }
    if (at + 1 < line.size() && line[at] == '/' && is_digit(line[at + 1])) {
      ++at;
      while (at < line.size() && (is_digit(line[at]) || line[at] == '.')) {
        ++at;
      }
      return true;
    }
    return false;
  };
  if (!percent_or_ratio_at(p)) {
    return {};
  }
  std::string_view label = util::trim(line.substr(0, colon));
  // List markers and emphasis around the label: "- **Coverage**:", "* _Score_".
  while (!label.empty() && (label.front() == '-' || label.front() == '*' || label.front() == '+' ||
                            label.front() == '_' || label.front() == '`' || label.front() == ' ')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (label.back() == '*' || label.back() == '_' || label.back() == '`' || label.back() == ' ')) {
    label.remove_suffix(1);
  }
  if (label.empty() || label.size() > 30) {
    return {};
  }
  std::string name;
  int words = 1;
  for (const char c : label) {
    if (c == ' ' || c == '-') {
      if (!name.empty() && name.back() != '_') {
        name += '_';
        ++words;
      }
    } else if (is_alpha(c)) {
      name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      return {};
    }
  }
  static constexpr std::string_view k_quantities[] = {
      "coverage", "score", "rate", "ratio", "progress", "completion", "complete", "availability", "uptime",
      "accuracy", "precision", "recall", "utilization", "usage", "percent", "percentage", "pass", "success",
      "performance", "lighthouse", "quality", "confidence", "budget", "used", "remaining", "done", "rating"};
  bool quantity = false;
  for (std::size_t from = 0; from < name.size() && !quantity;) {
    std::size_t to = name.find('_', from);
    to = to == std::string::npos ? name.size() : to;
    const std::string_view word = std::string_view(name).substr(from, to - from);
    quantity = std::find(std::begin(k_quantities), std::end(k_quantities), word) != std::end(k_quantities);
    from = to + 1;
  }
  if (words > 3 || !quantity) {
    return {};
  }
  // "85% → 88%": the value after the arrow is the same quantity.
  while (p < line.size() && line[p] == ' ') {
    ++p;
  }
  for (std::string_view arrow : {"→", "->", "to "}) {
    if (line.substr(p).starts_with(arrow)) {
      std::size_t q = p + arrow.size();
      while (q < line.size() && (line[q] == ' ' || line[q] == '~')) {
        ++q;
      }
      chained = percent_or_ratio_at(q);
      break;
    }
  }
  return name;
}

std::string snippet_around(std::string_view line, std::size_t begin, std::size_t end) {
  const std::size_t from = begin > 40 ? begin - 40 : 0;
  std::size_t to = std::min(line.size(), end + 40);
  // Keep UTF-8 sequences whole.
  std::size_t b = from;
  while (b > 0 && (static_cast<unsigned char>(line[b]) & 0xC0) == 0x80) {
    --b;
  }
  while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) {
    ++to;
  }
  return std::string(util::trim(line.substr(b, to - b)));
}

} // namespace

std::vector<MetricMention> scan_metrics(std::string_view line, const LineContext& context) {
  std::vector<MetricMention> found;
  if (context.in_code || std::none_of(line.begin(), line.end(), is_digit)) {
    return found;
  }
  const std::string lower = util::to_lower_ascii(line);
  const bool mentions_tokens = lower.find("token") != std::string::npos;
  // "test", "tests", "testing" or "specs" as words ("latest", "contest",
  // "specifically" are not), or pytest's "3 failed, 120 passed in 4.2s".
  auto word_starting = [&](std::string_view stem, std::initializer_list<std::string_view> endings) {
    for (std::size_t at = lower.find(stem); at != std::string::npos; at = lower.find(stem, at + 1)) {
      if (at > 0 && is_alpha(lower[at - 1])) {
        continue;
      }
      std::size_t end = at + stem.size();
      while (end < lower.size() && is_alpha(lower[end])) {
        ++end;
      }
      const std::string_view ending = std::string_view(lower).substr(at + stem.size(), end - at - stem.size());
      if (std::find(endings.begin(), endings.end(), ending) != endings.end()) {
        return true;
      }
    }
    return false;
  };
  // Asked only after a count followed by passed/failed, which few lines have.
  std::optional<bool> tests_on_line;
  auto mentions_tests = [&] {
    if (!tests_on_line) {
      tests_on_line = word_starting("test", {"", "s", "ing", "ed"}) || word_starting("spec", {"", "s"}) ||
                      lower.find(" passed in ") != std::string::npos || lower.find(" failed in ") != std::string::npos;
    }
    return *tests_on_line;
  };
  for (std::size_t p = 0; p < line.size(); ++p) {
    if (!is_digit(line[p]) || (p > 0 && (is_alnum(line[p - 1]) || line[p - 1] == '.' || line[p - 1] == ',' ||
                                         line[p - 1] == '#' || line[p - 1] == ':' || line[p - 1] == '/'))) {
      continue;
    }
    const std::size_t begin = p;
    std::size_t q = p;
    const auto value = read_metric_number(line, q);
    if (!value) {
      continue;
    }
    // Parts of dates, ranges and identifiers ("2025-07-05", "14-17", "CWE-20") are not counts.
    if ((begin >= 2 && line[begin - 1] == '-' && is_alnum(line[begin - 2])) ||
        (q + 1 < line.size() && line[q] == '-' && is_digit(line[q + 1]))) {
      p = q;
      continue;
    }
    const bool plus_sign = begin > 0 && line[begin - 1] == '+';
    const bool minus_sign = begin > 0 && line[begin - 1] == '-' && (begin < 2 || line[begin - 2] == ' ');
    // "10. item", "Phase 4: x": list numbers and labels are not counts.
    if (q < line.size() && (line[q] == ':' || (line[q] == '.' && (q + 1 >= line.size() || line[q + 1] == ' ')))) {
      p = q;
      continue;
    }
    // N/M: scores, test ratios, progress.
    std::size_t slash = q;
    while (slash < line.size() && line[slash] == ' ') {
      ++slash;
    }
    if (slash < line.size() && line[slash] == '/' && (slash == q || mentions_tokens)) {
      q = slash;
      std::size_t r = q + 1;
      while (r < line.size() && line[r] == ' ') {
        ++r;
      }
      const auto total = read_metric_number(line, r);
      const bool years = *value >= 1990 && *value <= 2099 && total && *total >= 1990 && *total <= 2099;
      const bool chained = years || (r < line.size() && (line[r] == '/' || line[r] == '-'));
      if (total && *total > 0 && !chained) {
        const std::string after = lower.substr(r, 24);
        std::string name = "ratio";
        std::string unit = "/" + std::string(line.substr(q + 1, r - q - 1));
        unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
        if (mentions_tokens && (line[r - 1] == 'k' || line[r - 1] == 'K')) {
          name = "tokens";
          unit = "tokens";
        } else if (*total == 100 && after.find("test") == std::string::npos) {
          name = "score";
        } else if (after.find("test") != std::string::npos || after.find("pass") != std::string::npos) {
          name = "tests";
        } else if (after.find("task") != std::string::npos) {
          name = "tasks";
        }
        found.push_back({name, value, unit, snippet_around(line, begin, r)});
        p = r;
        continue;
      }
    }
    std::size_t r = q;
    while (r < line.size() && line[r] == ' ') {
      ++r;
    }
    if (r < line.size() && line[r] == '%') {
      found.push_back({"percent", value, "%", snippet_around(line, begin, r + 1)});
      p = r;
      continue;
    }
    const std::string after = lower.substr(r, 40);
    // "1,676 backend tests", "12 tests passing": a count then up to two words then "test".
    // The count's noun, after at most `max_words` plain adjectives: "1,676 backend
    // tests" yes; "319 lines, 12 tests" and "96 lines Test-X.ps1" no.
    auto word_within = [&](std::string_view word, int max_words) {
      static constexpr std::string_view k_other_nouns[] = {"lines", "line", "files", "file", "hours", "minutes", "min",
                                                           "days", "commits", "issues", "prs", "tokens", "code", "and",
                                                           "or", "of", "steps", "tasks", "phase"};
      std::size_t s = 0;
      for (int w = 0; w <= max_words && s < after.size(); ++w) {
        std::size_t e = s;
        while (e < after.size() && (is_alpha(after[e]) || after[e] == '-')) {
          ++e;
        }
        const std::string_view current = std::string_view(after).substr(s, e - s);
        if (current == word || (current.size() == word.size() + 1 && current.starts_with(word) && current.back() == 's')) {
          return true;
        }
        const bool plain = e > s && (e >= after.size() || after[e] == ' ') && current.find('-') == std::string_view::npos;
        if (!plain || std::find(std::begin(k_other_nouns), std::end(k_other_nouns), current) != std::end(k_other_nouns)) {
          return false;
        }
        s = e + 1;
      }
      return false;
    };
    auto next_word_is = [&](std::initializer_list<std::string_view> words) {
      return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
        return after.starts_with(w) && (after.size() == w.size() || !is_alpha(after[w.size()]));
      });
    };
    // "Tests: 120 passed, 3 failed", "fixed 3 failing tests": the outcome word first.
    if (next_word_is({"passed", "passing", "pass"}) && mentions_tests()) {
      found.push_back({"tests_passed", value, "tests", snippet_around(line, begin, r)});
    } else if (next_word_is({"failed", "failing", "failures", "failure"}) && mentions_tests()) {
      found.push_back({"tests_failed", value, "tests", snippet_around(line, begin, r)});
    } else if (word_within("test", 2) || word_within("specs", 1)) {
      found.push_back({"tests", value, "tests", snippet_around(line, begin, r)});
    } else if (word_within("lines", 1) || word_within("loc", 0)) {
      const bool removed = minus_sign || after.find("removed") != std::string::npos || after.find("deleted") != std::string::npos;
      const bool added = plus_sign || after.find("added") != std::string::npos;
      if (added || removed) {
        found.push_back({removed ? "lines_removed" : "lines_added", value, "lines", snippet_around(line, begin, r)});
      }
    } else if (word_within("files", 1) &&
               (after.find("created") != std::string::npos || after.find("changed") != std::string::npos ||
                after.find("modified") != std::string::npos)) {
      found.push_back({after.find("created") != std::string::npos ? "files_created" : "files_changed", value, "files",
                       snippet_around(line, begin, r)});
    } else if (word_within("issues", 1) || word_within("findings", 1)) {
      found.push_back({"issues_total", value, "issues", snippet_around(line, begin, r)});
    } else if (after.size() >= 2 && after[0] == 'p' && after[1] >= '0' && after[1] <= '3' &&
               (after.size() == 2 || !is_alnum(after[2]))) {
      found.push_back({std::string("issues_p") + after[1], value, "issues", snippet_around(line, begin, r + 2)});
    } else if (mentions_tokens && (line[q - 1] == 'k' || line[q - 1] == 'K' || word_within("tokens", 0))) {
      found.push_back({"tokens", value, "tokens", snippet_around(line, begin, r)});
    }
    p = q;
  }
  // "Lines Added: 17,500+", "Files Created: 1", "Tests: 45" style fields.
  struct FieldMetric {
    std::string_view key;
    std::string_view name;
    std::string_view unit;
  };
  static constexpr FieldMetric k_fields[] = {
      {"lines added", "lines_added", "lines"},   {"lines removed", "lines_removed", "lines"},
      {"lines deleted", "lines_removed", "lines"}, {"files created", "files_created", "files"},
      {"files modified", "files_changed", "files"}, {"files changed", "files_changed", "files"},
  };
  for (const auto& field : k_fields) {
    const auto at = lower.find(field.key);
    if (at == std::string::npos) {
      continue;
    }
    std::size_t p = at + field.key.size();
    while (p < line.size() && (line[p] == '*' || line[p] == ':' || line[p] == ' ' || line[p] == '~')) {
      ++p;
    }
    const std::size_t begin = p;
    if (auto value = read_metric_number(line, p)) {
      const bool duplicate = std::any_of(found.begin(), found.end(), [&](const MetricMention& m) {
        return m.name == field.name && m.value == value;
      });
      if (!duplicate) {
        found.push_back({std::string(field.name), value, std::string(field.unit), snippet_around(line, at, p)});
      }
      (void)begin;
    }
  }
  // A percent or ratio named by its line's label: the first one of the line,
  // and the one after an arrow.
  if (std::any_of(found.begin(), found.end(), [](const MetricMention& m) { return m.name == "percent" || m.name == "ratio"; })) {
    bool chained = false;
    if (const auto name = metric_label(line, chained); !name.empty()) {
      // The value right after the colon is the line's first metric ("Score:
      // 85/100, coverage 70%": 85/100 is already a score, 70% stays percent).
      for (std::size_t i = 0; i < found.size() && i < (chained ? 2u : 1u); ++i) {
        if (found[i].name == "percent" || found[i].name == "ratio") {
          found[i].name = name;
        }
      }
    }
  }
  return found;
}

} // namespace seshdb::parse
