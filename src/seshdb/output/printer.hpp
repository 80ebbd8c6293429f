// Renders a ResultTable in one of the output formats every query command
// accepts. JSON carries a format_version; its shape is documented in
// docs/output.md and changes only with that number.
#pragma once

#include "seshdb/output/table.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace seshdb::output {

enum class Format { table, json, jsonl, csv, tsv, md };

inline constexpr int k_json_format_version = 1;

std::optional<Format> parse_format(std::string_view name);
const std::vector<std::string>& format_names();

struct PrintOptions {
  Format format = Format::table;
  std::string command; // named in the JSON envelope
  std::size_t max_cell_width = 0; // table format only; 0 keeps cells whole, else longer ones are cut with …
};

void print(std::ostream& out, const ResultTable& table, const PrintOptions& options);

std::string json_escape(std::string_view text);
std::string json_value(const Value& value);

} // namespace seshdb::output
