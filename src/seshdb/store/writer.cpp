#include "seshdb/store/writer.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/util/embedded_files.hpp"
#include "seshdb/util/named_queries.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

namespace seshdb::store {

namespace {

std::string writer_sql() {
  for (const auto& file : embedded::files()) {
    if (file.name == "src/seshdb/store/sql/writer.sql") {
      return std::string(file.text);
    }
  }
  throw Fatal("embedded store/sql/writer.sql is missing");
}

void bind_text(SQLite::Statement& s, const char* name, const std::optional<std::string>& value) {
  if (value) {
    s.bind(name, *value);
  } else {
    s.bind(name);
  }
}

void bind_int(SQLite::Statement& s, const char* name, const std::optional<int>& value) {
  if (value) {
    s.bind(name, *value);
  } else {
    s.bind(name);
  }
}

std::optional<std::string> clock_text(const std::optional<int>& minute) {
  if (!minute) {
    return std::nullopt;
  }
  return fmt::format("{:02}:{:02}", *minute / 60, *minute % 60);
}

std::optional<std::string> non_empty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Row ids: (source id << 32) + the row's position among its kind in the source.
class IdSequence {
public:
  explicit IdSequence(std::int64_t source_id) : m_base(source_id << 32) {}
  std::int64_t next() { return m_base + ++m_count; }

private:
  std::int64_t m_base;
  std::int64_t m_count = 0;
};

} // namespace

Writer::Writer(SQLite::Database& db) : m_db(db), m_sql(util::split_named_queries(writer_sql())) {
  // The writer deletes a source's rows itself, children first, so foreign key
  // actions have nothing to do; enforcing them would open a statement
  // savepoint per insert, and FTS5 flushes its pending terms at every one.
  m_db.exec("PRAGMA foreign_keys = OFF");
  m_db.exec("PRAGMA cache_size = -16384"); // 16 MiB of page cache while writing
}

Writer::~Writer() = default;

SQLite::Statement& Writer::statement(const std::string& name) {
  auto it = m_statements.find(name);
  if (it == m_statements.end()) {
    auto sql = m_sql.find(name);
    if (sql == m_sql.end()) {
      throw Fatal(fmt::format("writer.sql has no statement '{}'", name));
    }
    it = m_statements.emplace(name, std::make_unique<SQLite::Statement>(m_db, sql->second)).first;
  }
  auto& s = *it->second;
  s.reset();
  s.clearBindings();
  return s;
}

std::unordered_map<std::string, SourceState> Writer::load_sources() {
  std::unordered_map<std::string, SourceState> sources;
  auto& s = statement("all_sources");
  while (s.executeStep()) {
    SourceState state;
    state.id = s.getColumn(0).getInt64();
    state.path = s.getColumn(1).getString();
    state.size_bytes = s.getColumn(2).getInt64();
    state.mtime = s.getColumn(3).getInt64();
    state.content_hash = s.getColumn(4).getString();
    state.parser_version = s.getColumn(5).getInt();
    sources.emplace(state.path, std::move(state));
  }
  return sources;
}

void Writer::delete_rows(std::int64_t source_id) {
  // Children first, sessions last (their trigger keeps sessions_fts in step).
  for (const char* name : {"unindex_sessions", "delete_items", "delete_fields", "delete_section_spans",
                           "delete_commit_refs", "delete_pr_refs", "delete_issues", "delete_file_refs", "delete_metrics",
                           "delete_sessions"}) {
    auto& s = statement(name);
    s.bind(":source", source_id);
    s.exec();
  }
}

void Writer::begin_batch() {
  if (!m_batch) {
    m_batch.emplace(m_db, SQLite::TransactionBehavior::IMMEDIATE);
  }
}

void Writer::commit_batch() {
  if (m_batch) {
    m_batch->commit();
    m_batch.reset();
  }
}

namespace {

// One source's writes: a transaction of its own, or part of the open batch.
// Inside a batch there is no savepoint per source (FTS5 would flush at each):
// a failure abandons the whole batch, so every source in it stays fully old.
class SourceScope {
public:
  SourceScope(SQLite::Database& db, bool in_batch) {
    if (!in_batch) {
      m_transaction.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
    }
  }
  void commit() {
    if (m_transaction) {
      m_transaction->commit();
    }
  }

private:
  std::optional<SQLite::Transaction> m_transaction;
};

} // namespace

std::int64_t Writer::write_source(const SourceFile& file, const model::ParsedLog& log, int warning_count,
                                  const std::string& ingested_at, int parser_version) {
  SourceScope transaction(m_db, in_batch());
  std::int64_t source_id = 0;
  {
    auto& s = statement("unindex_source");
    s.bind(":path", file.path);
    s.exec();
  }
  {
    auto& s = statement("upsert_source");
    s.bind(":path", file.path);
    s.bind(":project", file.project);
    s.bind(":hash", file.content_hash);
    s.bind(":size", file.size_bytes);
    s.bind(":mtime", file.mtime);
    s.bind(":ingested_at", ingested_at);
    s.bind(":parser_version", parser_version);
    s.bind(":sessions", static_cast<int>(log.sessions.size()));
    s.bind(":warnings", warning_count);
    s.bindNoCopy(":outside", log.outside_text);
    if (!s.executeStep()) {
      throw Fatal("upsert of a source returned no id");
    }
    source_id = s.getColumn(0).getInt64();
    s.reset(); // finish the RETURNING statement, or the commit fails
  }
  {
    auto& s = statement("index_source");
    s.bind(":source", source_id);
    s.bind(":path", file.path);
    s.bind(":project", file.project);
    s.bindNoCopy(":outside", log.outside_text);
    s.exec();
  }
  delete_rows(source_id);

  IdSequence session_ids(source_id), section_ids(source_id), item_ids(source_id), field_ids(source_id);
  std::vector<std::int64_t> session_row_ids;
  session_row_ids.reserve(log.sessions.size());
  for (const auto& session : log.sessions) {
    const std::int64_t session_id = session_ids.next();
    session_row_ids.push_back(session_id);
    auto& s = statement("insert_session");
    s.bind(":id", session_id);
    s.bind(":source", source_id);
    s.bind(":ordinal", session.ordinal);
    s.bind(":title", session.title);
    bind_text(s, ":started_at", session.started_at);
    bind_text(s, ":ended_at", session.ended_at);
    bind_text(s, ":local_date", session.local_date);
    s.bind(":date_inferred", session.date_year_inferred ? 1 : 0);
    bind_text(s, ":local_start", clock_text(session.start_minute));
    bind_text(s, ":local_end", clock_text(session.end_minute));
    bind_text(s, ":timezone", session.timezone);
    if (session.utc_offset_minutes) {
      const int m = *session.utc_offset_minutes;
      s.bind(":utc_offset", fmt::format("{}{:02}:{:02}", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60));
    } else {
      s.bind(":utc_offset");
    }
    bind_text(s, ":tz_rule", non_empty(session.tz_rule));
    s.bind(":approx", session.time_approx ? 1 : 0);
    bind_int(s, ":duration", session.duration_minutes);
    bind_text(s, ":duration_source", non_empty(session.duration_source));
    bind_text(s, ":branch", session.branch);
    bind_text(s, ":focus", session.focus);
    s.bind(":line_start", session.line_start);
    s.bind(":line_end", session.line_end);
    s.bindNoCopy(":body", session.body); // the text outlives the statement's step
    s.exec();
    {
      auto& f = statement("index_session");
      f.bind(":id", session_id);
      f.bind(":title", session.title);
      bind_text(f, ":branch", session.branch);
      bind_text(f, ":focus", session.focus);
      f.bindNoCopy(":body", session.body);
      f.exec();
    }

    std::vector<std::int64_t> section_row_ids;
    for (std::size_t k = 0; k < session.sections.size(); ++k) {
      const auto& section = session.sections[k];
      const std::int64_t section_id = section_ids.next();
      section_row_ids.push_back(section_id);
      auto& q = statement("insert_section");
      q.bind(":id", section_id);
      q.bind(":session", session_id);
      q.bind(":source", source_id);
      q.bind(":kind", model::to_string(section.kind));
      q.bind(":title", section.title);
      q.bind(":level", section.level);
      q.bind(":line_start", section.line_start);
      q.bind(":line_end", section.line_end);
      q.bind(":offset", static_cast<std::int64_t>(session.section_spans[k].first));
      q.bind(":bytes", static_cast<std::int64_t>(session.section_spans[k].second));
      q.exec();
    }
    for (const auto& item : session.items) {
      auto& q = statement("insert_item");
      q.bind(":id", item_ids.next());
      if (item.section >= 0) {
        q.bind(":section", section_row_ids[static_cast<std::size_t>(item.section)]);
      } else {
        q.bind(":section");
      }
      q.bind(":session", session_id);
      q.bind(":source", source_id);
      q.bind(":text", item.text);
      if (item.done) {
        q.bind(":done", *item.done ? 1 : 0);
      } else {
        q.bind(":done");
      }
      q.bind(":depth", item.depth);
      q.bind(":line", item.line);
      q.exec();
    }
    for (const auto& field : session.fields) {
      auto& q = statement("insert_field");
      q.bind(":id", field_ids.next());
      q.bind(":session", session_id);
      q.bind(":source", source_id);
      q.bind(":key", field.key);
      q.bind(":value", field.value);
      q.bind(":line", field.line);
      q.exec();
    }
  }
  auto bind_session = [&](SQLite::Statement& q, int session) {
    if (session >= 0) {
      q.bind(":session", session_row_ids[static_cast<std::size_t>(session)]);
    } else {
      q.bind(":session");
    }
  };
  IdSequence commit_ids(source_id), pr_ids(source_id), issue_ids(source_id), file_ids(source_id), metric_ids(source_id);
  for (const auto& commit : log.commits) {
    auto& q = statement("insert_commit");
    q.bind(":id", commit_ids.next());
    q.bind(":source", source_id);
    bind_session(q, commit.session);
    q.bind(":sha", commit.sha);
    q.bind(":line", commit.line);
    q.bind(":context", commit.context);
    q.exec();
  }
  for (const auto& pr : log.prs) {
    auto& q = statement("insert_pr");
    q.bind(":id", pr_ids.next());
    q.bind(":source", source_id);
    bind_session(q, pr.session);
    q.bind(":number", pr.number);
    bind_text(q, ":repo", pr.repo);
    bind_text(q, ":action", pr.action);
    q.bind(":line", pr.line);
    q.bind(":context", pr.context);
    q.exec();
  }
  for (const auto& finding : log.findings) {
    auto& q = statement("insert_issue");
    q.bind(":id", issue_ids.next());
    q.bind(":source", source_id);
    bind_session(q, finding.session);
    q.bind(":severity", finding.severity);
    q.bind(":label", finding.label);
    q.bind(":title", finding.title);
    q.bind(":line", finding.line);
    q.exec();
  }
  for (const auto& file_ref : log.files) {
    auto& q = statement("insert_file");
    q.bind(":id", file_ids.next());
    q.bind(":source", source_id);
    bind_session(q, file_ref.session);
    q.bind(":path", file_ref.path);
    bind_text(q, ":action", file_ref.action);
    q.bind(":line", file_ref.line);
    q.exec();
  }
  for (const auto& metric : log.metrics) {
    auto& q = statement("insert_metric");
    q.bind(":id", metric_ids.next());
    q.bind(":source", source_id);
    bind_session(q, metric.session);
    q.bind(":name", metric.name);
    if (metric.value) {
      q.bind(":value", *metric.value);
    } else {
      q.bind(":value");
    }
    q.bind(":unit", metric.unit);
    q.bind(":raw", metric.raw);
    q.bind(":line", metric.line);
    q.exec();
  }
  transaction.commit();
  return source_id;
}

void Writer::touch_source(std::int64_t id, std::int64_t size_bytes, std::int64_t mtime) {
  auto& s = statement("touch_source");
  s.bind(":id", id);
  s.bind(":size", size_bytes);
  s.bind(":mtime", mtime);
  s.exec();
}

void Writer::remove_source(std::int64_t id) {
  SourceScope transaction(m_db, in_batch());
  delete_rows(id);
  {
    auto& s = statement("unindex_source_by_id");
    s.bind(":source", id);
    s.exec();
  }
  auto& s = statement("delete_source");
  s.bind(":source", id);
  s.exec();
  transaction.commit();
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

} // namespace seshdb::store
