#include "seshdb/util/named_queries.hpp"

#include "seshdb/util/text.hpp"

namespace seshdb::util {

std::map<std::string, std::string> split_named_queries(std::string_view sql_file) {
  std::map<std::string, std::string> queries;
  std::string* current = nullptr;
  std::size_t pos = 0;
  while (pos < sql_file.size()) {
    auto end = sql_file.find('\n', pos);
    if (end == std::string_view::npos) {
      end = sql_file.size();
    }
    const std::string_view line = sql_file.substr(pos, end - pos);
    pos = end + 1;
    const std::string_view trimmed = trim(line);
    if (trimmed.starts_with("-- name:")) {
      current = &queries[std::string(trim(trimmed.substr(8)))];
      continue;
    }
    if (current != nullptr && !trimmed.starts_with("--")) {
      current->append(line);
      current->push_back('\n');
    }
  }
  for (auto& [name, sql] : queries) {
    sql = std::string(trim(sql));
  }
  return queries;
}

} // namespace seshdb::util
