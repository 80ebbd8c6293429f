// The search language: what users type, and the FTS5 it becomes.
#include "seshdb/errors.hpp"
#include "seshdb/query/search_query.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace seshdb::query {
namespace {

const std::string k_today = "2026-11-27";

std::string fts(std::string_view text) { return parse_search_query(text, k_today).fts; }

std::string error_of(std::string_view text) {
  try {
    parse_search_query(text, k_today);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    return e.what();
  }
  return "no error";
}

TEST(SearchQuery, WordsAreQuotedAndAnded) { EXPECT_EQ(fts("merge conflict"), "(\"merge\" AND \"conflict\")"); }
TEST(SearchQuery, SingleWord) { EXPECT_EQ(fts("grafana"), "\"grafana\""); }
TEST(SearchQuery, PhraseInStraightQuotes) { EXPECT_EQ(fts("\"code review\""), "\"code review\""); }
TEST(SearchQuery, PhraseInSmartQuotes) { EXPECT_EQ(fts("“code review”"), "\"code review\""); }
TEST(SearchQuery, PrefixStar) { EXPECT_EQ(fts("auth*"), "\"auth\"*"); }
TEST(SearchQuery, OrBetweenWords) { EXPECT_EQ(fts("jwt OR oauth"), "(\"jwt\" OR \"oauth\")"); }
TEST(SearchQuery, MinusAndNotExclude) {
  EXPECT_EQ(fts("merge -revert"), "((\"merge\") NOT (\"revert\"))");
  EXPECT_EQ(fts("merge NOT revert"), "((\"merge\") NOT (\"revert\"))");
}
TEST(SearchQuery, ParenthesesGroup) {
  EXPECT_EQ(fts("(jwt OR oauth) token"), "((\"jwt\" OR \"oauth\") AND \"token\")");
}
TEST(SearchQuery, CodeishTokensAreQuotedWhole) {
  EXPECT_EQ(fts("workflow-runner.ts"), "\"workflow-runner.ts\"");
  EXPECT_EQ(fts("a:b"), "\"a:b\"");
}
TEST(SearchQuery, StraySyntaxCharactersAreDropped) { EXPECT_EQ(fts("^ . merge"), "\"merge\""); }
TEST(SearchQuery, QuoteInsideAWordOpensAPhrase) { EXPECT_NE(error_of("say\"hi").find("unclosed quote at column 4"), std::string::npos); }

TEST(SearchQuery, FiltersAreNotText) {
  auto q = parse_search_query("deploy branch:feat/* project:acme section:decisions severity:critical pr:#95 "
                              "commit:D5A09 file:runner.ts since:2w until:2026-11-01",
                              k_today);
  EXPECT_EQ(q.fts, "\"deploy\"");
  EXPECT_EQ(q.filters.branch, "feat/%");
  EXPECT_EQ(q.filters.project, "acme");
  EXPECT_EQ(q.filters.section, "decisions");
  EXPECT_EQ(q.filters.severity, "P1");
  EXPECT_EQ(q.filters.pr, 95);
  EXPECT_EQ(q.filters.commit, "d5a09");
  EXPECT_EQ(q.filters.file, "runner.ts");
  EXPECT_EQ(q.filters.since, "2026-11-13");
  EXPECT_EQ(q.filters.until, "2026-11-01");
}
TEST(SearchQuery, FilterValueInQuotes) {
  EXPECT_EQ(parse_search_query("branch:\"feature/a b\" x", k_today).filters.branch, "feature/a b");
}
TEST(SearchQuery, UnknownKeyIsText) { EXPECT_EQ(fts("foo:bar"), "\"foo:bar\""); }
TEST(SearchQuery, CjkIsFlaggedForSubstringSearch) {
  auto q = parse_search_query("量子晶格", k_today);
  EXPECT_TRUE(q.has_cjk);
  EXPECT_EQ(q.terms, std::vector<std::string>{"量子晶格"});
}

TEST(SearchQueryErrors, UnclosedQuote) { EXPECT_NE(error_of("\"open").find("unclosed quote at column 1"), std::string::npos); }
TEST(SearchQueryErrors, UnmatchedParenthesis) {
  EXPECT_NE(error_of("a )").find("unmatched ) at column 3"), std::string::npos);
  EXPECT_NE(error_of("(a b").find("never closed"), std::string::npos);
}
TEST(SearchQueryErrors, DanglingOr) { EXPECT_NE(error_of("a OR").find("OR at column 3"), std::string::npos); }
TEST(SearchQueryErrors, OnlyNegations) { EXPECT_NE(error_of("-draft").find("only excludes"), std::string::npos); }
TEST(SearchQueryErrors, BadFilterValues) {
  EXPECT_NE(error_of("x severity:urgent").find("severity:urgent"), std::string::npos);
  EXPECT_NE(error_of("x pr:abc").find("pr:abc"), std::string::npos);
  EXPECT_NE(error_of("x commit:zz").find("hash prefix"), std::string::npos);
  EXPECT_NE(error_of("x since:someday").find("since:someday"), std::string::npos);
  EXPECT_NE(error_of("x section:misc").find("section kind"), std::string::npos);
  EXPECT_NE(error_of("x branch:").find("needs a value"), std::string::npos);
}

TEST(RelativeDates, AllForms) {
  EXPECT_EQ(resolve_date("today", k_today), "2026-11-27");
  EXPECT_EQ(resolve_date("yesterday", k_today), "2026-11-26");
  EXPECT_EQ(resolve_date("7d", k_today), "2026-11-20");
  EXPECT_EQ(resolve_date("2w", k_today), "2026-11-13");
  EXPECT_EQ(resolve_date("3m", k_today), "2026-08-27");
  EXPECT_EQ(resolve_date("1y", k_today), "2025-11-27");
  EXPECT_EQ(resolve_date("2025-02-03", k_today), "2025-02-03");
  EXPECT_FALSE(resolve_date("soon", k_today));
}

} // namespace
} // namespace seshdb::query

namespace seshdb::query {
namespace {

// Found by fuzz_search_query: NUL and invalid UTF-8 reached FTS5.
TEST(SearchQueryInput, ControlCharactersAndInvalidUtf8BecomeHarmless) {
  const std::string text("mo rgcee\xff\xff\x07\0\0\0~fl~ct", 20);
  const auto q = parse_search_query(text, "2026-01-15");
  EXPECT_EQ(q.fts.find('\0'), std::string::npos);
  EXPECT_EQ(q.fts.find('\x07'), std::string::npos);
}

// Found by fuzz_search_query: parentheses and exclusions nested deep enough
// overflowed FTS5's parser stack. Every nesting depth either gives an
// expression FTS5 accepts or is refused with one clear message.
TEST(SearchQueryInput, DeepNestingIsValidFts5OrRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  int accepted = 0;
  int refused = 0;
  for (const char* level : {"(a -b ", "(a OR ", "(-b a "}) {
    for (int depth = 1; depth <= 40; ++depth) {
      std::string text;
      for (int i = 0; i < depth; ++i) {
        text += level;
      }
      text += "c" + std::string(static_cast<std::size_t>(depth), ')');
      std::string query;
      try {
        query = parse_search_query(text, k_today).fts;
      } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("too deeply"), std::string::npos) << e.what();
        ++refused;
        continue;
      }
      sqlite3_stmt* stmt = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &stmt, nullptr), SQLITE_OK);
      sqlite3_bind_text(stmt, 1, query.c_str(), -1, SQLITE_TRANSIENT);
      EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW) << depth << " levels of " << level << ": " << sqlite3_errmsg(db);
      sqlite3_finalize(stmt);
      ++accepted;
    }
  }
  sqlite3_close(db);
  EXPECT_GT(accepted, 20);
  EXPECT_GT(refused, 20);
}

} // namespace
} // namespace seshdb::query
