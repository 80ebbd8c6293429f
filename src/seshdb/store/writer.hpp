// Writes parsed logs into the database: one transaction per source file that
// deletes the source's old rows and inserts the new ones, so a reader (or a
// crash) only ever sees a source fully old or fully new. Statements are
// prepared once and reused; their SQL is in store/sql/writer.sql.
#pragma once

#include "seshdb/model/session_log.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace seshdb::store {

// What the database knows of a source, for deciding whether to re-parse it.
struct SourceState {
  std::int64_t id = 0;
  std::string path;
  std::int64_t size_bytes = 0;
  std::int64_t mtime = 0;
  std::string content_hash;
  int parser_version = 0;
};

struct SourceFile {
  std::string path;     // absolute, or "stdin:NAME"
  std::string project;
  std::string content_hash;
  std::int64_t size_bytes = 0;
  std::int64_t mtime = 0; // nanoseconds since the epoch
};

class Writer {
public:
  explicit Writer(SQLite::Database& db);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  std::unordered_map<std::string, SourceState> load_sources();
  // Whether the database holds any source (read inside the open batch, this
  // is the answer another ingest can no longer change).
  bool has_sources();

  // Groups the following writes into one transaction: still all-or-nothing
  // per source (a failure or a kill abandons the whole batch), but FTS5 flushes
  // its segments once per batch instead of once per file.
  void begin_batch();
  void commit_batch();
  bool in_batch() const { return m_batch.has_value(); }
  // Rolls back the open batch, if any (after a failed write).
  void abandon_batch();

  // Replaces everything known of this source; returns its id.
  std::int64_t write_source(const SourceFile& file, const model::ParsedLog& log, int warning_count,
                            const std::string& ingested_at, int parser_version);

  // Same content, new mtime: remember the mtime so the next run skips the hash.
  void touch_source(std::int64_t id, std::int64_t size_bytes, std::int64_t mtime);

  void remove_source(std::int64_t id);

private:
  SQLite::Statement& statement(const std::string& name);
  // Removes a source's old text from sources_fts, if the query (find_source
  // or find_source_by_id) finds it; returns its id.
  std::optional<std::int64_t> unindex_source(const char* query, const std::function<void(SQLite::Statement&)>& bind);
  // Removes a source's sessions from sessions_fts, then all its rows.
  void delete_rows(std::int64_t source_id);

  struct Statements;

  SQLite::Database& m_db;
  std::optional<SQLite::Transaction> m_batch;
  std::map<std::string, std::string> m_sql;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> m_statements; // reads
  std::unique_ptr<Statements> m_write;                                    // the hot writes, bound by position
};

// A stable 64-bit FNV-1a hash of the bytes, as 16 hex digits.
std::string content_hash(std::string_view bytes);

} // namespace seshdb::store
