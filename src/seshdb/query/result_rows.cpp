#include "seshdb/query/result_rows.hpp"

#include <SQLiteCpp/Column.h>

namespace seshdb::query {

output::ResultTable collect_rows(SQLite::Statement& statement, long limit) {
  output::ResultTable table;
  const int columns = statement.getColumnCount();
  for (int i = 0; i < columns; ++i) {
    table.columns.emplace_back(statement.getColumnName(i));
  }
  while ((limit < 0 || static_cast<long>(table.rows.size()) < limit) && statement.executeStep()) {
    std::vector<output::Value> row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      const auto column = statement.getColumn(i);
      if (column.isNull()) {
        row.emplace_back();
      } else if (column.isInteger()) {
        row.emplace_back(static_cast<std::int64_t>(column.getInt64()));
      } else if (column.isFloat()) {
        row.emplace_back(column.getDouble());
      } else if (column.isBlob()) {
        row.emplace_back("<blob " + std::to_string(column.getBytes()) + " bytes>");
      } else {
        row.emplace_back(column.getString());
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void bind_if_used(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value) {
  const int index = statement.getIndex(name);
  if (index == 0) {
    return;
  }
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind_if_used(SQLite::Statement& statement, const char* name, std::optional<long long> value) {
  const int index = statement.getIndex(name);
  if (index == 0) {
    return;
  }
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind(index);
  }
}

} // namespace seshdb::query
