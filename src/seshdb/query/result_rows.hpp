// Turning a prepared statement's rows into a ResultTable, and binding named
// parameters a statement may or may not use.
#pragma once

#include "seshdb/output/table.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace seshdb::query {

// Runs the statement to the end; `limit` < 0 keeps every row.
output::ResultTable collect_rows(SQLite::Statement& statement, long limit = -1);

// Binds when the statement names the parameter; NULL for nullopt.
void bind_if_used(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value);
void bind_if_used(SQLite::Statement& statement, const char* name, std::optional<long long> value);

} // namespace seshdb::query
