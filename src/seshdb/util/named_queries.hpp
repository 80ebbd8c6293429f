// Splits a .sql file into named statements, each introduced by a comment
// line "-- name: NAME" (the convention of yesql/aiosql), so a family of
// statements lives in one readable file. Knows nothing of seshdb.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace seshdb::util {

std::map<std::string, std::string> split_named_queries(std::string_view sql_file);

} // namespace seshdb::util
