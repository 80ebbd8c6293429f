// libFuzzer target: the log parser must never crash, hang or throw on any
// bytes, and what it returns must hold together (lines in range and in
// order, section spans inside their session's body, item spans that cut out
// exactly the item's text).
#include "seshdb/parse/session_log_parser.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Names the broken invariant before aborting: CI keeps only the report, and
// "deadly signal" alone does not say which promise the parser broke.
#define check(condition)                                                                  \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      std::fprintf(stderr, "invariant broken at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (false)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  seshdb::parse::ParseOptions options;
  if (size > 0 && data[0] == 'Z') {
    options.default_zone = "Europe/Paris"; // exercise the --tz path too
  }
  const auto log = seshdb::parse::parse_session_log(input, options);
  int previous_end = 0;
  for (const auto& session : log.sessions) {
    check(session.line_start >= 1 && session.line_start <= session.line_end);
    check(session.line_end <= log.line_count);
    check(session.line_start > previous_end);
    previous_end = session.line_end;
    check(session.sections.size() == session.section_spans.size());
    for (const auto& [offset, bytes] : session.section_spans) {
      check(offset + bytes <= session.body.size());
    }
    for (const auto& item : session.items) {
      check(item.section < static_cast<int>(session.sections.size()));
      check(item.line >= session.line_start && item.line <= session.line_end);
      if (item.body_offset) {
        // The store keeps only the span, so it must cut out exactly the text.
        check(*item.body_offset + item.text.size() <= session.body.size());
        check(session.body.compare(*item.body_offset, item.text.size(), item.text) == 0);
      }
    }
    if (session.duration_minutes) {
      check(*session.duration_minutes >= 0);
    }
    for (const auto& minute : {session.start_minute, session.end_minute}) {
      check(!minute || (*minute >= 0 && *minute < 24 * 60)); // a time of day
    }
  }
  for (const auto& commit : log.commits) {
    check(commit.sha.size() >= 7 && commit.sha.size() <= 40);
    check(commit.session < static_cast<int>(log.sessions.size()));
  }
  for (const auto& pr : log.prs) {
    check(pr.number > 0);
  }
  return 0;
}
