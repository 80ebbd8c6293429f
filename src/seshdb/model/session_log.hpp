// The parsed form of one log file: plain data with 1-based line numbers.
// The parser produces it; the store writes it; nothing here does any work.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace seshdb::model {

// Index of the session a row belongs to (0-based position in
// ParsedLog::sessions), or k_no_session for text outside every session.
inline constexpr int k_no_session = -1;

enum class SectionKind { work_completed, decisions, next_steps, blockers, findings, files, stats, notes, other };
const char* to_string(SectionKind kind);

struct Field {
  std::string key;
  std::string value;
  int line = 0;
};

struct Section {
  std::string title;
  SectionKind kind = SectionKind::other;
  int level = 0; // heading level; 0 for a bold label used as a heading
  int line_start = 0;
  int line_end = 0;
};

struct Item {
  int section = -1; // index into Session::sections, -1 before the first one
  std::string text;
  // Where text sits, byte for byte, in Session::body; nullopt when it is not
  // a verbatim slice (inline markup, entities), so the store keeps a copy.
  std::optional<std::size_t> body_offset;
  std::optional<bool> done; // nullopt: a plain bullet
  int depth = 0;
  int line = 0;
};

struct Session {
  int ordinal = 0;
  std::string title;
  int line_start = 0;
  int line_end = 0;
  std::string body; // lines line_start..line_end, '\n'-joined

  std::optional<std::string> local_date;  // YYYY-MM-DD as written
  bool date_year_inferred = false;
  std::optional<int> start_minute;        // minutes after local midnight
  std::optional<int> end_minute;
  bool time_approx = false;
  std::optional<std::string> timezone;    // as written in the session
  std::optional<int> utc_offset_minutes;  // the offset applied
  std::string tz_rule;                    // heading|file|option|default, empty without a time
  std::optional<std::string> started_at;  // ISO-8601 UTC
  std::optional<std::string> ended_at;
  std::optional<int> duration_minutes;
  std::string duration_source;            // stated|computed
  std::optional<std::string> branch;
  std::optional<std::string> focus;

  std::vector<Field> fields;
  std::vector<Section> sections; // with byte offsets into body below
  std::vector<std::pair<std::size_t, std::size_t>> section_spans; // (offset, bytes) in body
  std::vector<Item> items;
};

struct CommitRef {
  int session = k_no_session;
  std::string sha;
  int line = 0;
  std::string context; // the line that mentions it, trimmed
};

struct PrRef {
  int session = k_no_session;
  int number = 0;
  std::optional<std::string> repo;
  std::optional<std::string> action;
  int line = 0;
  std::string context; // the line that mentions it, trimmed
};

struct Finding {
  int session = k_no_session;
  std::string severity; // P0..P3
  std::string label;    // the words that gave the severity, as written
  std::string title;
  int line = 0;
};

struct FileRef {
  int session = k_no_session;
  std::string path;
  std::optional<std::string> action;
  int line = 0;
};

struct Metric {
  int session = k_no_session;
  std::string name;
  std::optional<double> value;
  std::string unit;
  std::string raw;
  int line = 0;
};

enum class DiagnosticLevel { warning, note };

struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::warning;
  int line = 0; // 0: the whole file
  std::string message;
};

struct ParsedLog {
  std::vector<Session> sessions;
  std::string outside_text; // every line outside all sessions, in order
  std::vector<CommitRef> commits;
  std::vector<PrRef> prs;
  std::vector<Finding> findings;
  std::vector<FileRef> files;
  std::vector<Metric> metrics;
  std::vector<Diagnostic> diagnostics;
  int line_count = 0;
};

} // namespace seshdb::model
