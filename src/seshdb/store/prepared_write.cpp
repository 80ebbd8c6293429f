#include "seshdb/store/prepared_write.hpp"

#include "seshdb/errors.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace seshdb::store {

PreparedWrite::PreparedWrite(sqlite3* db, const std::string& sql, std::initializer_list<std::string_view> parameter_names)
  : m_db(db) {
  check(sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr));
  try {
    check_parameters(sql, parameter_names);
  } catch (...) {
    sqlite3_finalize(m_stmt);
    throw;
  }
}

void PreparedWrite::check_parameters(const std::string& sql, std::initializer_list<std::string_view> parameter_names) {
  m_parameters = sqlite3_bind_parameter_count(m_stmt);
  int i = 0;
  for (const auto name : parameter_names) {
    ++i;
    const char* actual = i <= m_parameters ? sqlite3_bind_parameter_name(m_stmt, i) : nullptr;
    if (actual == nullptr || name != actual) {
      throw Fatal(fmt::format("writer statement parameter {} is {}, the code binds {}: {}", i, actual ? actual : "missing",
                              name, sql));
    }
  }
  if (i != m_parameters) {
    throw Fatal(fmt::format("writer statement has {} parameters, the code binds {}: {}", m_parameters, i, sql));
  }
}

PreparedWrite::~PreparedWrite() { sqlite3_finalize(m_stmt); }

void PreparedWrite::check(int rc) {
  if (rc != SQLITE_OK) {
    m_bound = 0; // a half-bound row is abandoned; the next row starts afresh
    throw SQLite::Exception(m_db, rc);
  }
}

int PreparedWrite::next_index() {
  if (m_bound >= m_parameters) {
    m_bound = 0;
    throw Fatal(fmt::format("writer statement bound past its {} parameters: {}", m_parameters, sqlite3_sql(m_stmt)));
  }
  return ++m_bound;
}

PreparedWrite& PreparedWrite::add(std::int64_t value) {
  check(sqlite3_bind_int64(m_stmt, next_index(), value));
  return *this;
}

PreparedWrite& PreparedWrite::add(double value) {
  check(sqlite3_bind_double(m_stmt, next_index(), value));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::nullopt_t) {
  check(sqlite3_bind_null(m_stmt, next_index()));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::string_view text) {
  // SQLITE_STATIC: the caller keeps the text alive until run() (see the header).
  check(sqlite3_bind_text64(m_stmt, next_index(), text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::string&& text) {
  check(sqlite3_bind_text64(m_stmt, next_index(), text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

PreparedWrite& PreparedWrite::add(const std::optional<std::string>& text) {
  return text ? add(std::string_view(*text)) : add(std::nullopt);
}

PreparedWrite& PreparedWrite::add(std::optional<std::string>&& text) {
  return text ? add(std::move(*text)) : add(std::nullopt);
}

PreparedWrite& PreparedWrite::add(const std::optional<int>& value) { return value ? add(*value) : add(std::nullopt); }

PreparedWrite& PreparedWrite::add(const std::optional<double>& value) { return value ? add(*value) : add(std::nullopt); }

void PreparedWrite::run() {
  if (m_bound != m_parameters) {
    const int bound = m_bound;
    m_bound = 0;
    sqlite3_reset(m_stmt);
    throw Fatal(fmt::format("writer statement got {} of its {} parameters: {}", bound, m_parameters, sqlite3_sql(m_stmt)));
  }
  m_bound = 0;
  const int rc = sqlite3_step(m_stmt);
  if (rc != SQLITE_DONE) {
    // sqlite3_reset returns the same error; the message is read before it.
    SQLite::Exception error(m_db, rc);
    sqlite3_reset(m_stmt);
    throw error;
  }
  sqlite3_reset(m_stmt);
}

} // namespace seshdb::store
