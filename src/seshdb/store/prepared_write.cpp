#include "seshdb/store/prepared_write.hpp"

#include "seshdb/errors.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>

namespace seshdb::store {

PreparedWrite::PreparedWrite(sqlite3* db, const std::string& sql, std::initializer_list<std::string_view> parameter_names,
                             int rows_per_step)
  : m_db(db), m_rows_per_step(std::max(1, rows_per_step)) {
  check(sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr));
  try {
    check_parameters(sql, parameter_names);
    if (m_rows_per_step > 1) {
      prepare_multi_row(sql);
      m_held.reserve(static_cast<std::size_t>(m_rows_per_step * m_parameters));
    }
  } catch (...) {
    sqlite3_finalize(m_multi);
    sqlite3_finalize(m_stmt);
    throw;
  }
}

// "INSERT ... VALUES (:a, :b)" becomes "INSERT ... VALUES (?, ?), (?, ?), ...":
// the same names in every row would be one parameter, so each row's are
// positional, in the order the single-row statement's names were checked.
void PreparedWrite::prepare_multi_row(const std::string& sql) {
  std::string upper(sql);
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (upper.find("INSERT OR FAIL") == std::string::npos) {
    throw Fatal(fmt::format("writer statement holding rows must say INSERT OR FAIL (see prepared_write.hpp): {}", sql));
  }
  const auto values = upper.rfind("VALUES");
  const auto open = values == std::string::npos ? std::string::npos : sql.find('(', values);
  const auto close = sql.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    throw Fatal(fmt::format("writer statement has no VALUES row to repeat: {}", sql));
  }
  std::string row;
  for (std::size_t i = open; i <= close; ++i) {
    if (sql[i] == ':') {
      row += '?';
      while (i + 1 <= close && (std::isalnum(static_cast<unsigned char>(sql[i + 1])) != 0 || sql[i + 1] == '_')) {
        ++i;
      }
    } else {
      row += sql[i];
    }
  }
  std::string multi = sql.substr(0, open);
  for (int r = 0; r < m_rows_per_step; ++r) {
    multi += r == 0 ? row : ", " + row;
  }
  check(sqlite3_prepare_v3(m_db, multi.c_str(), static_cast<int>(multi.size()), SQLITE_PREPARE_PERSISTENT, &m_multi,
                           nullptr));
  if (sqlite3_bind_parameter_count(m_multi) != m_rows_per_step * m_parameters) {
    throw Fatal(fmt::format("writer statement's parameters are not all in its VALUES row: {}", sql));
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

PreparedWrite::~PreparedWrite() {
  sqlite3_finalize(m_multi);
  sqlite3_finalize(m_stmt);
}

void PreparedWrite::check(int rc) {
  if (rc != SQLITE_OK) {
    m_bound = 0; // a half-bound row is abandoned; the next row starts afresh
    throw SQLite::Exception(m_db, rc);
  }
}

// Holds the value when rows are held (after checking it has a place).
bool PreparedWrite::hold(Value value) {
  if (m_multi == nullptr) {
    return false;
  }
  next_index();
  m_held.push_back(std::move(value));
  return true;
}

int PreparedWrite::next_index() {
  if (m_bound >= m_parameters) {
    m_bound = 0;
    m_held.resize(static_cast<std::size_t>(m_held_rows * m_parameters)); // the half row goes
    throw Fatal(fmt::format("writer statement bound past its {} parameters: {}", m_parameters, sqlite3_sql(m_stmt)));
  }
  return ++m_bound;
}

PreparedWrite& PreparedWrite::add(std::int64_t value) {
  if (hold(value)) {
    return *this;
  }
  check(sqlite3_bind_int64(m_stmt, next_index(), value));
  return *this;
}

PreparedWrite& PreparedWrite::add(double value) {
  if (hold(value)) {
    return *this;
  }
  check(sqlite3_bind_double(m_stmt, next_index(), value));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::nullopt_t) {
  if (hold(std::monostate{})) {
    return *this;
  }
  check(sqlite3_bind_null(m_stmt, next_index()));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::string_view text) {
  if (hold(text)) {
    return *this;
  }
  // SQLITE_STATIC: the caller keeps the text alive until run() (see the header).
  check(sqlite3_bind_text64(m_stmt, next_index(), text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}

PreparedWrite& PreparedWrite::add(std::string&& text) {
  if (m_multi != nullptr) {
    hold(std::move(text));
    return *this;
  }
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
    if (m_multi != nullptr) {
      m_held.resize(static_cast<std::size_t>(m_held_rows * m_parameters)); // drop the half row
    }
    throw Fatal(fmt::format("writer statement got {} of its {} parameters: {}", bound, m_parameters, sqlite3_sql(m_stmt)));
  }
  m_bound = 0;
  if (m_multi == nullptr) {
    step(m_stmt);
    return;
  }
  if (++m_held_rows == m_rows_per_step) {
    write_held(m_multi, m_rows_per_step);
  }
}

void PreparedWrite::flush() { write_held(m_stmt, 1); }

// Writes every held row, `rows` to a step of `stmt`, and forgets them, also
// when a step fails (their transaction is then rolled back).
void PreparedWrite::write_held(sqlite3_stmt* stmt, int rows) {
  try {
    for (int r = 0; r + rows <= m_held_rows; r += rows) {
      bind_held(stmt, static_cast<std::size_t>(r * m_parameters), static_cast<std::size_t>(rows * m_parameters));
      step(stmt);
    }
  } catch (...) {
    discard();
    throw;
  }
  discard();
}

void PreparedWrite::discard() {
  m_held.clear();
  m_held_rows = 0;
  m_bound = 0;
}

void PreparedWrite::bind_held(sqlite3_stmt* stmt, std::size_t first, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const int index = static_cast<int>(i) + 1;
    const Value& value = m_held[first + i];
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(stmt, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(stmt, index, *real);
    } else if (const auto* view = std::get_if<std::string_view>(&value)) {
      rc = sqlite3_bind_text64(stmt, index, view->data(), view->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* owned = std::get_if<std::string>(&value)) {
      // Held until the step, so SQLite need not copy it either.
      rc = sqlite3_bind_text64(stmt, index, owned->data(), owned->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, index);
    }
    check(rc);
  }
}

void PreparedWrite::step(sqlite3_stmt* stmt) {
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) {
    // sqlite3_reset returns the same error; the message is read before it.
    SQLite::Exception error(m_db, rc);
    sqlite3_reset(stmt);
    throw error;
  }
  sqlite3_reset(stmt);
}

} // namespace seshdb::store
