#include "seshdb/store/writer.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/util/embedded_files.hpp"
#include "seshdb/util/named_queries.hpp"
#include "seshdb/store/prepared_write.hpp"

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

// The statements of writer.sql, each with its parameters in the order they
// first appear in the SQL (PreparedWrite checks the names). The small,
// numerous rows are written k_rows_per_step to a statement.
struct Writer::Statements {
  using Names = std::initializer_list<std::string_view>;
  static constexpr int k_rows_per_step = 16;
  Statements(sqlite3* db, const std::map<std::string, std::string>& sql)
    : unindex_source(db, sql.at("unindex_source"), Names{":source", ":path", ":project", ":outside"}),
      index_source(db, sql.at("index_source"), Names{":source", ":path", ":project", ":outside"}),
      unindex_session(db, sql.at("unindex_session"), Names{":id", ":title", ":branch", ":focus", ":body"}),
      index_session(db, sql.at("index_session"), Names{":id", ":title", ":branch", ":focus", ":body"}),
      insert_source(db, sql.at("insert_source"),
                    Names{":path", ":project", ":hash", ":size", ":mtime", ":ingested_at", ":parser_version", ":sessions",
                          ":warnings", ":outside"}),
      update_source(db, sql.at("update_source"),
                    Names{":project", ":hash", ":size", ":mtime", ":ingested_at", ":parser_version", ":sessions",
                          ":warnings", ":outside", ":id"}),
      touch_source(db, sql.at("touch_source"), Names{":mtime", ":size", ":id"}),
      delete_source(db, sql.at("delete_source"), Names{":source"}),
      insert_session(db, sql.at("insert_session"),
                     Names{":id", ":source", ":ordinal", ":title", ":started_at", ":ended_at", ":local_date",
                           ":date_inferred", ":local_start", ":local_end", ":timezone", ":utc_offset", ":tz_rule",
                           ":approx", ":duration", ":duration_source", ":branch", ":focus", ":line_start", ":line_end",
                           ":body"}),
      insert_section(db, sql.at("insert_section"),
                     Names{":id", ":session", ":source", ":kind", ":title", ":level", ":line_start", ":line_end",
                           ":offset", ":bytes"}, k_rows_per_step),
      insert_item(db, sql.at("insert_item"),
                  Names{":id", ":section", ":session", ":source", ":text", ":offset", ":bytes", ":done", ":depth", ":line"}, k_rows_per_step),
      insert_field(db, sql.at("insert_field"), Names{":id", ":session", ":source", ":key", ":value", ":line"}, k_rows_per_step),
      insert_commit(db, sql.at("insert_commit"), Names{":id", ":source", ":session", ":sha", ":line", ":context"}, k_rows_per_step),
      insert_pr(db, sql.at("insert_pr"),
                Names{":id", ":source", ":session", ":number", ":repo", ":action", ":line", ":context"}, k_rows_per_step),
      insert_issue(db, sql.at("insert_issue"),
                   Names{":id", ":source", ":session", ":severity", ":label", ":title", ":line"}, k_rows_per_step),
      insert_file(db, sql.at("insert_file"), Names{":id", ":source", ":session", ":path", ":action", ":line"}, k_rows_per_step),
      insert_metric(db, sql.at("insert_metric"),
                    Names{":id", ":source", ":session", ":name", ":value", ":unit", ":raw", ":line"}, k_rows_per_step) {
    // A source's rows go children first, sessions last.
    for (const char* name : {"delete_items", "delete_fields", "delete_section_spans", "delete_commit_refs",
                             "delete_pr_refs", "delete_issues", "delete_file_refs", "delete_metrics", "delete_sessions"}) {
      delete_rows.push_back(std::make_unique<PreparedWrite>(db, sql.at(name), Names{":source"}));
    }
  }

  // The statements that hold rows, all written out at the end of a source.
  std::vector<PreparedWrite*> holding() {
    return {&insert_section, &insert_item, &insert_field, &insert_commit,
            &insert_pr,      &insert_issue, &insert_file, &insert_metric};
  }

  PreparedWrite unindex_source, index_source, unindex_session, index_session, insert_source, update_source,
    touch_source, delete_source, insert_session, insert_section, insert_item, insert_field, insert_commit, insert_pr,
    insert_issue, insert_file, insert_metric;
  std::vector<std::unique_ptr<PreparedWrite>> delete_rows;
};

Writer::Writer(SQLite::Database& db) : m_db(db), m_sql(util::split_named_queries(writer_sql())) {
  // The writer deletes a source's rows itself, children first, so foreign key
  // actions have nothing to do; enforcing them would open a statement
  // savepoint per insert, and FTS5 flushes its pending terms at every one.
  m_db.exec("PRAGMA foreign_keys = OFF");
  m_db.exec("PRAGMA cache_size = -16384"); // 16 MiB of page cache while writing
  // Checkpoint the WAL every 64 MiB rather than every 8 MiB (1000 pages):
  // FTS5 merges and B-tree pages written by one batch are rewritten by the
  // next, and each checkpoint copied them into the database again (100 MiB:
  // 7.3 s -> 6.9 s). Readers are unaffected; the WAL is removed on close.
  m_db.exec("PRAGMA wal_autocheckpoint = 8192");
  m_write = std::make_unique<Statements>(m_db.getHandle(), m_sql);
}

Writer::~Writer() {
  try {
    m_batch.reset(); // rolls back an unfinished batch
    m_db.exec("PRAGMA wal_autocheckpoint = 1000");
  } catch (const SQLite::Exception&) {
    // The connection is closing or broken; the pragma dies with it.
  }
}

void Writer::abandon_batch() {
  m_batch.reset();
}

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

bool Writer::has_sources() {
  auto& s = statement("any_source");
  const bool any = s.executeStep() && s.getColumn(0).getInt() == 1;
  s.reset(); // a statement left running would lock the schema against DROP INDEX
  return any;
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

namespace {

std::string_view column_text(SQLite::Statement& s, int i) {
  const auto column = s.getColumn(i);
  return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

// Binds a nullable text column as NULL or as text without a copy.
PreparedWrite& add_column(PreparedWrite& w, SQLite::Statement& s, int i) {
  return s.getColumn(i).isNull() ? w.add(std::nullopt) : w.add(column_text(s, i));
}

} // namespace

std::optional<std::int64_t> Writer::unindex_source(const char* query, const std::function<void(SQLite::Statement&)>& bind) {
  auto& s = statement(query);
  bind(s);
  if (!s.executeStep()) {
    return std::nullopt;
  }
  const std::int64_t id = s.getColumn(0).getInt64();
  auto& w = m_write->unindex_source.add(id).add(column_text(s, 1));
  add_column(w, s, 2).add(column_text(s, 3)).run();
  s.reset();
  return id;
}

void Writer::delete_rows(std::int64_t source_id) {
  // The old text leaves the index before the rows it was read from.
  auto& old = statement("old_sessions");
  old.bind(":source", source_id);
  while (old.executeStep()) {
    auto& w = m_write->unindex_session.add(old.getColumn(0).getInt64()).add(column_text(old, 1));
    add_column(w, old, 2);
    add_column(w, old, 3).add(column_text(old, 4)).run();
  }
  old.reset();
  for (auto& statement : m_write->delete_rows) {
    statement->add(source_id).run();
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
  Statements& w = *m_write;
  // Held rows point into `log`; if this source fails they must not be
  // written with the next one (its transaction or batch rolls back).
  struct DiscardHeldRows {
    Statements& w;
    ~DiscardHeldRows() {
      for (auto* statement : w.holding()) {
        statement->discard();
      }
    }
  } discard_on_exit{w};
  // A source seen before: its old text leaves both indexes and its old rows
  // go, before the source row changes (the update keeps its id).
  const auto old_id = unindex_source("find_source", [&](SQLite::Statement& s) { s.bind(":path", file.path); });
  // What the source row says, in the order both statements take it.
  auto add_source_values = [&](PreparedWrite& q) -> PreparedWrite& {
    return q.add(file.project)
      .add(file.content_hash)
      .add(file.size_bytes)
      .add(file.mtime)
      .add(ingested_at)
      .add(parser_version)
      .add(static_cast<int>(log.sessions.size()))
      .add(warning_count)
      .add(log.outside_text);
  };
  if (old_id) {
    delete_rows(*old_id);
    add_source_values(w.update_source).add(*old_id).run();
  } else {
    add_source_values(w.insert_source.add(file.path)).run();
  }
  const std::int64_t source_id = old_id ? *old_id : m_db.getLastInsertRowid();
  w.index_source.add(source_id).add(file.path).add(file.project).add(log.outside_text).run();

  IdSequence session_ids(source_id), section_ids(source_id), item_ids(source_id), field_ids(source_id);
  std::vector<std::int64_t> session_row_ids;
  session_row_ids.reserve(log.sessions.size());
  std::vector<std::int64_t> section_row_ids;
  for (const auto& session : log.sessions) {
    const std::int64_t session_id = session_ids.next();
    session_row_ids.push_back(session_id);
    std::optional<std::string> utc_offset;
    if (session.utc_offset_minutes) {
      const int m = *session.utc_offset_minutes;
      utc_offset = fmt::format("{}{:02}:{:02}", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
    }
    w.insert_session.add(session_id)
      .add(source_id)
      .add(session.ordinal)
      .add(session.title)
      .add(session.started_at)
      .add(session.ended_at)
      .add(session.local_date)
      .add(session.date_year_inferred)
      .add(clock_text(session.start_minute))
      .add(clock_text(session.end_minute))
      .add(session.timezone)
      .add(utc_offset)
      .add(non_empty(session.tz_rule))
      .add(session.time_approx)
      .add(session.duration_minutes)
      .add(non_empty(session.duration_source))
      .add(session.branch)
      .add(session.focus)
      .add(session.line_start)
      .add(session.line_end)
      .add(session.body)
      .run();
    w.index_session.add(session_id).add(session.title).add(session.branch).add(session.focus).add(session.body).run();

    section_row_ids.clear();
    for (std::size_t k = 0; k < session.sections.size(); ++k) {
      const auto& section = session.sections[k];
      const std::int64_t section_id = section_ids.next();
      section_row_ids.push_back(section_id);
      w.insert_section.add(section_id)
        .add(session_id)
        .add(source_id)
        .add(model::to_string(section.kind))
        .add(section.title)
        .add(section.level)
        .add(section.line_start)
        .add(section.line_end)
        .add(static_cast<std::int64_t>(session.section_spans[k].first))
        .add(static_cast<std::int64_t>(session.section_spans[k].second))
        .run();
    }
    for (const auto& item : session.items) {
      auto& q = w.insert_item;
      q.add(item_ids.next());
      if (item.section >= 0) {
        q.add(section_row_ids[static_cast<std::size_t>(item.section)]);
      } else {
        q.add(std::nullopt);
      }
      q.add(session_id).add(source_id);
      if (item.body_offset) {
        q.add(std::nullopt).add(static_cast<std::int64_t>(*item.body_offset)).add(static_cast<std::int64_t>(item.text.size()));
      } else {
        q.add(item.text).add(std::nullopt).add(std::nullopt);
      }
      if (item.done) {
        q.add(*item.done);
      } else {
        q.add(std::nullopt);
      }
      q.add(item.depth).add(item.line).run();
    }
    for (const auto& field : session.fields) {
      w.insert_field.add(field_ids.next())
        .add(session_id)
        .add(source_id)
        .add(field.key)
        .add(field.value)
        .add(field.line)
        .run();
    }
  }
  auto add_session = [&](PreparedWrite& q, int session) -> PreparedWrite& {
    return session >= 0 ? q.add(session_row_ids[static_cast<std::size_t>(session)]) : q.add(std::nullopt);
  };
  IdSequence commit_ids(source_id), pr_ids(source_id), issue_ids(source_id), file_ids(source_id), metric_ids(source_id);
  for (const auto& commit : log.commits) {
    auto& q = w.insert_commit.add(commit_ids.next()).add(source_id);
    add_session(q, commit.session).add(commit.sha).add(commit.line).add(commit.context).run();
  }
  for (const auto& pr : log.prs) {
    auto& q = w.insert_pr.add(pr_ids.next()).add(source_id);
    add_session(q, pr.session).add(pr.number).add(pr.repo).add(pr.action).add(pr.line).add(pr.context).run();
  }
  for (const auto& finding : log.findings) {
    auto& q = w.insert_issue.add(issue_ids.next()).add(source_id);
    add_session(q, finding.session).add(finding.severity).add(finding.label).add(finding.title).add(finding.line).run();
  }
  for (const auto& file_ref : log.files) {
    auto& q = w.insert_file.add(file_ids.next()).add(source_id);
    add_session(q, file_ref.session).add(file_ref.path).add(file_ref.action).add(file_ref.line).run();
  }
  for (const auto& metric : log.metrics) {
    auto& q = w.insert_metric.add(metric_ids.next()).add(source_id);
    add_session(q, metric.session).add(metric.name).add(metric.value).add(metric.unit).add(metric.raw).add(metric.line).run();
  }
  for (auto* statement : w.holding()) {
    statement->flush();
  }
  transaction.commit();
  return source_id;
}

void Writer::touch_source(std::int64_t id, std::int64_t size_bytes, std::int64_t mtime) {
  m_write->touch_source.add(mtime).add(size_bytes).add(id).run();
}

void Writer::remove_source(std::int64_t id) {
  SourceScope transaction(m_db, in_batch());
  if (unindex_source("find_source_by_id", [&](SQLite::Statement& s) { s.bind(":source", id); })) {
    delete_rows(id);
    m_write->delete_source.add(id).run();
  }
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
