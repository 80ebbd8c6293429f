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
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace seshdb::store {

class PreparedWrite {
public:
  PreparedWrite(sqlite3* db, const std::string& sql, std::initializer_list<std::string_view> parameter_names);
  ~PreparedWrite();
  PreparedWrite(const PreparedWrite&) = delete;
  PreparedWrite& operator=(const PreparedWrite&) = delete;

  // Each call binds the next parameter. Text is bound without a copy, so it
  // must stay alive until run(); temporaries (rvalues) are copied.
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

  // Steps the statement once (every parameter must have been bound), then
  // resets it for the next row.
  void run();

private:
  void check_parameters(const std::string& sql, std::initializer_list<std::string_view> parameter_names);
  int next_index();
  void check(int rc);

  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  int m_parameters = 0;
  int m_bound = 0;
};

} // namespace seshdb::store
