#include "seshdb/output/printer.hpp"

#include "seshdb/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace seshdb::output {

std::string to_text(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fmt::format("{}", v); }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

namespace {

const std::vector<std::pair<std::string, Format>> k_formats = {
    {"table", Format::table}, {"json", Format::json}, {"jsonl", Format::jsonl},
    {"csv", Format::csv},     {"tsv", Format::tsv},   {"md", Format::md},
};

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) {
    return text;
  }
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + '"';
}

// TSV has no quoting: tabs and newlines inside a value become spaces.
std::string tsv_field(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return text;
}

std::string md_field(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_object(const ResultTable& table, const std::vector<Value>& row) {
  std::string out = "{";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += json_escape(table.columns[i]);
    out += ": ";
    out += i < row.size() ? json_value(row[i]) : "null";
  }
  return out + "}";
}

void print_table(std::ostream& out, const ResultTable& table, std::size_t max_width) {
  const std::size_t n = table.columns.size();
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows.size());
  std::vector<std::size_t> widths(n);
  for (std::size_t i = 0; i < n; ++i) {
    widths[i] = util::display_width(table.columns[i]);
  }
  for (const auto& row : table.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t i = 0; i < n; ++i) {
      std::string text = util::single_line(i < row.size() ? to_text(row[i]) : std::string{});
      if (max_width > 0) {
        text = util::truncate_display(text, max_width);
      }
      widths[i] = std::max(widths[i], util::display_width(text));
      line.push_back(std::move(text));
    }
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) {
      text += line[i];
      if (i + 1 < n) {
        text.append(widths[i] - util::display_width(line[i]) + 2, ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
    }
    out << text << '\n';
  };
  emit(table.columns);
  for (const auto& line : cells) {
    emit(line);
  }
}

} // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [text, format] : k_formats) {
    if (text == name) {
      return format;
    }
  }
  return std::nullopt;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> k_names = [] {
    std::vector<std::string> names;
    for (const auto& entry : k_formats) {
      names.push_back(entry.first);
    }
    return names;
  }();
  return k_names;
}

std::string json_escape(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        out += fmt::format("\\u{:04x}", c);
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + '"';
}

std::string json_value(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fmt::format("{}", v); }
    std::string operator()(const std::string& v) const { return json_escape(v); }
  };
  return std::visit(Visitor{}, value);
}

void print(std::ostream& out, const ResultTable& table, const PrintOptions& options) {
  switch (options.format) {
  case Format::table:
    print_table(out, table, options.max_cell_width);
    break;
  case Format::json: {
    out << "{\"format_version\": " << k_json_format_version << ", \"command\": " << json_escape(options.command)
        << ", \"count\": " << table.rows.size() << ", \"results\": [";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      out << (r == 0 ? "\n  " : ",\n  ") << json_object(table, table.rows[r]);
    }
    out << (table.rows.empty() ? "]}\n" : "\n]}\n");
    break;
  }
  case Format::jsonl:
    for (const auto& row : table.rows) {
      out << json_object(table, row) << '\n';
    }
    break;
  case Format::csv:
  case Format::tsv: {
    const bool csv = options.format == Format::csv;
    const char sep = csv ? ',' : '\t';
    auto field = [&](const std::string& text) { return csv ? csv_field(text) : tsv_field(text); };
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      out << (i ? std::string(1, sep) : "") << field(table.columns[i]);
    }
    out << '\n';
    for (const auto& row : table.rows) {
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        out << (i ? std::string(1, sep) : "") << field(i < row.size() ? to_text(row[i]) : "");
      }
      out << '\n';
    }
    break;
  }
  case Format::md: {
    out << '|';
    for (const auto& column : table.columns) {
      out << ' ' << md_field(column) << " |";
    }
    out << "\n|";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      out << " --- |";
    }
    out << '\n';
    for (const auto& row : table.rows) {
      out << '|';
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        out << ' ' << md_field(i < row.size() ? to_text(row[i]) : "") << " |";
      }
      out << '\n';
    }
    break;
  }
  }
}

} // namespace seshdb::output
