#include "seshdb/query/raw_sql.hpp"

#include "seshdb/errors.hpp"
#include "seshdb/util/text.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace seshdb::query {

namespace {

struct AuthorizerState {
  std::string refused; // what was refused, for the message
};

// Pragmas that only read.
bool read_only_pragma(const char* name, const char* argument) {
  static constexpr const char* k_allowed[] = {
      "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list", "database_list",
      "compile_options", "collation_list", "function_list", "module_list", "pragma_list", "integrity_check",
      "quick_check", "page_count", "page_size", "freelist_count", "data_version"};
  for (const char* allowed : k_allowed) {
    if (std::strcmp(name, allowed) == 0) {
      return true;
    }
  }
  // Reading (not setting) these is fine: PRAGMA user_version;
  for (const char* readable : {"user_version", "schema_version", "journal_mode", "encoding", "foreign_keys"}) {
    if (std::strcmp(name, readable) == 0 && argument == nullptr) {
      return true;
    }
  }
  return false;
}

// The authorizer refuses what a read-only connection would still allow:
// ATTACH/DETACH and pragmas that set things. Writes themselves are refused by
// sqlite3_stmt_readonly() after prepare (an authorizer would also see the
// internal statements FTS5 prepares, and refuse searches).
int authorize(void* user, int action, const char* a, const char* b, const char*, const char*) {
  auto* state = static_cast<AuthorizerState*>(user);
  switch (action) {
  case SQLITE_PRAGMA:
    if (a != nullptr && read_only_pragma(a, b)) {
      return SQLITE_OK;
    }
    state->refused = fmt::format("PRAGMA {}{}", a ? a : "", b ? fmt::format(" = {}", b) : "");
    return SQLITE_DENY;
  case SQLITE_ATTACH:
    state->refused = "ATTACH";
    return SQLITE_DENY;
  case SQLITE_DETACH:
    state->refused = "DETACH";
    return SQLITE_DENY;
  default:
    return SQLITE_OK;
  }
}

// The statement's first word, upper-cased: "DELETE", "DROP", "WITH".
std::string first_keyword(const char* sql) {
  std::string word;
  while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r') {
    ++sql;
  }
  while (std::isalpha(static_cast<unsigned char>(*sql))) {
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(*sql++)));
  }
  return word;
}

// Binds text, or an integer/real when the value looks like one.
void bind_value(sqlite3_stmt* stmt, int index, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  const long long integer = std::strtoll(value.c_str(), &end, 10);
  if (!value.empty() && end == value.c_str() + value.size() && errno == 0) {
    sqlite3_bind_int64(stmt, index, integer);
    return;
  }
  end = nullptr;
  const double real = std::strtod(value.c_str(), &end);
  if (!value.empty() && end == value.c_str() + value.size() && value.find_first_of(".eE") != std::string::npos) {
    sqlite3_bind_double(stmt, index, real);
    return;
  }
  sqlite3_bind_text(stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

output::Value column_value(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
  case SQLITE_NULL: return {};
  case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
  case SQLITE_FLOAT: return sqlite3_column_double(stmt, i);
  case SQLITE_BLOB: return fmt::format("<blob {} bytes>", sqlite3_column_bytes(stmt, i));
  default: {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
    return std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
  }
  }
}

} // namespace

std::vector<SqlResult> run_sql(SQLite::Database& db, const std::string& sql,
                               const std::map<std::string, std::string>& params, bool allow_writes) {
  sqlite3* handle = db.getHandle();
  AuthorizerState state;
  if (!allow_writes) {
    sqlite3_set_authorizer(handle, authorize, &state);
  }
  struct Unset {
    sqlite3* h;
    bool active;
    ~Unset() {
      if (active) {
        sqlite3_set_authorizer(h, nullptr, nullptr);
      }
    }
  } unset{handle, !allow_writes};

  std::vector<SqlResult> results;
  const char* tail = sql.c_str();
  const char* end = sql.c_str() + sql.size();
  int used_params = 0;
  while (tail < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* next = nullptr;
    state.refused.clear();
    const int rc = sqlite3_prepare_v2(handle, tail, static_cast<int>(end - tail), &stmt, &next);
    if (rc != SQLITE_OK) {
      const std::string message = sqlite3_errmsg(handle);
      sqlite3_finalize(stmt);
      if (!state.refused.empty()) {
        throw Error(fmt::format("refused: {} would change the database; `seshdb sql` is read-only unless you add --write",
                                state.refused));
      }
      throw Error(fmt::format("SQL error: {}", message));
    }
    tail = next;
    if (stmt == nullptr) {
      continue; // whitespace or a comment
    }
    if (!allow_writes && !sqlite3_stmt_readonly(stmt)) {
      const std::string keyword = first_keyword(sqlite3_sql(stmt));
      sqlite3_finalize(stmt);
      throw Error(fmt::format("refused: {} would change the database; `seshdb sql` is read-only unless you add --write",
                              keyword.empty() ? std::string("the statement") : keyword));
    }
    for (int i = 1; i <= sqlite3_bind_parameter_count(stmt); ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt, i);
      if (name == nullptr) {
        sqlite3_finalize(stmt);
        throw Error("positional ? parameters are not supported; name them (:name) and pass --param name=value");
      }
      auto it = params.find(name + 1);
      if (it == params.end()) {
        // The name belongs to the statement: format before finalizing it (ASan caught this).
        const std::string message = fmt::format("the statement uses {} but no --param {}=VALUE was given", name, name + 1);
        sqlite3_finalize(stmt);
        throw Error(message);
      }
      bind_value(stmt, i, it->second);
      ++used_params;
    }
    SqlResult result;
    const int columns = sqlite3_column_count(stmt);
    result.returns_rows = columns > 0;
    for (int i = 0; i < columns; ++i) {
      result.table.columns.emplace_back(sqlite3_column_name(stmt, i));
    }
    int step = SQLITE_OK;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<output::Value> row;
      row.reserve(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) {
        row.push_back(column_value(stmt, i));
      }
      result.table.rows.push_back(std::move(row));
    }
    if (step != SQLITE_DONE) {
      const std::string message = sqlite3_errmsg(handle);
      const int code = sqlite3_errcode(handle);
      sqlite3_finalize(stmt);
      if (code == SQLITE_READONLY) {
        throw Error("refused: the statement would change the database; `seshdb sql` is read-only unless you add --write");
      }
      throw Error(fmt::format("SQL error: {}", message));
    }
    result.changes = sqlite3_changes(handle);
    sqlite3_finalize(stmt);
    results.push_back(std::move(result));
  }
  (void)used_params;
  return results;
}

} // namespace seshdb::query
