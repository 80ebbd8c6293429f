// A prepared write the ingest writer runs hundreds of thousands of times,
// bound by position instead of by name. SQLiteCpp's named binds look each
// name up (a linear scan), copy every text, and need a reset plus a
// clearBindings per row; on the 100 MiB benchmark corpus that bookkeeping
// cost more than SQLite's own work for the small tables.
//
// The parameter names are still checked, once, against the list the caller
// gives, so the SQL in store/sql/writer.sql stays the single place that says
// what goes where, and a reordered statement fails loudly instead of
// silently binding values to the wrong columns.
//
// An INSERT of one VALUES row can also write its rows several to a step
// (rows_per_step > 1): the rows are held, and every rows_per_step of them go
// in one multi-row statement built from the same SQL. For the writer's small
// rows (items, fields, references) SQLite's cost per statement step, not per
// row, dominated: 16 rows to a step insert 1.2 M item rows in about half the
// time. The SQL must say INSERT OR FAIL (see store/sql/writer.sql): a
// multi-row INSERT that may ABORT opens a statement journal, and FTS5 flushes
// its pending terms at each one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace seshdb::store {

class PreparedWrite {
public:
  PreparedWrite(sqlite3* db, const std::string& sql, std::initializer_list<std::string_view> parameter_names,
                int rows_per_step = 1);
  ~PreparedWrite();
  PreparedWrite(const PreparedWrite&) = delete;
  PreparedWrite& operator=(const PreparedWrite&) = delete;

  // Each call binds the next parameter. Text is bound without a copy, so it
  // must stay alive until run() (when rows are held: until flush());
  // temporaries (rvalues) are copied.
  PreparedWrite& add(std::int64_t value);
  PreparedWrite& add(int value) { return add(static_cast<std::int64_t>(value)); }
  PreparedWrite& add(bool value) { return add(static_cast<std::int64_t>(value ? 1 : 0)); }
  PreparedWrite& add(double value);
  PreparedWrite& add(std::nullopt_t);
  PreparedWrite& add(const char* text) { return add(std::string_view(text)); }
  PreparedWrite& add(std::string_view text);
  PreparedWrite& add(const std::string& text) { return add(std::string_view(text)); }
  PreparedWrite& add(std::string&& text);
  PreparedWrite& add(const std::optional<std::string>& text);
  PreparedWrite& add(std::optional<std::string>&& text);
  PreparedWrite& add(const std::optional<int>& value);
  PreparedWrite& add(const std::optional<double>& value);

  // Ends the row (every parameter must have been bound): steps the
  // statement once and resets it, or, when rows are held, holds this one and
  // writes the held rows once there are rows_per_step of them.
  void run();

  // Writes the rows still held, one step each. Call it before the texts they
  // point into go, and before the transaction commits.
  void flush();
  // Forgets the rows still held (their transaction is being rolled back).
  void discard();

private:
  // A held parameter: NULL, an integer, a real, a text the caller keeps
  // alive, or a text copied here.
  using Value = std::variant<std::monostate, std::int64_t, double, std::string_view, std::string>;

  void check_parameters(const std::string& sql, std::initializer_list<std::string_view> parameter_names);
  void prepare_multi_row(const std::string& sql);
  int next_index();
  void check(int rc);
  bool hold(Value value);
  void bind_held(sqlite3_stmt* stmt, std::size_t first, std::size_t count);
  void write_held(sqlite3_stmt* stmt, int rows);
  void step(sqlite3_stmt* stmt);

  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  sqlite3_stmt* m_multi = nullptr; // rows_per_step rows, when rows are held
  int m_parameters = 0;
  int m_bound = 0;
  int m_rows_per_step = 1;
  int m_held_rows = 0;
  std::vector<Value> m_held;
};

} // namespace seshdb::store
