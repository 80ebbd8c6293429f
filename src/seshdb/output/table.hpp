// The result of every query command: named columns and rows of values.
// Commands produce a ResultTable; printers (printer.hpp) render it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace seshdb::output {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

std::string to_text(const Value& value); // NULL renders as ""

} // namespace seshdb::output
