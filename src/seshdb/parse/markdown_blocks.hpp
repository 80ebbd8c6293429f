// CommonMark structure of a log, read with md4c: the headings, paragraphs,
// list items, table rows and code blocks the session parser works from, each
// with its 1-based line. A "## Session" line inside a code fence or an HTML
// comment is not a heading here, exactly as CommonMark says.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seshdb::parse {

struct MdHeading {
  int level = 0;
  int line = 0;
  std::string text; // inline markup removed
  bool in_container = false; // inside a list item or block quote
  bool in_top_item = false;  // inside a top-level list item and no quote: "- ## [[Jun 2nd, 2025]]" (Logseq)
};

struct MdParagraph {
  int line = 0;
  int line_end = 0;
  std::string text;
  std::string lead_bold; // text of a bold span that opens the paragraph, if any
  bool in_list_item = false;
  bool in_quote = false;
};

struct MdItem {
  int line = 0;
  int depth = 0;      // 0 for a top-level item
  int task = -1;      // -1 not a task, 0 "[ ]", 1 "[x]"
  bool struck = false; // all its text is ~~struck through~~
  bool ordered = false;
  int list = 0;        // id of the list it belongs to
  std::string text;    // its own text, not its children's
};

struct MdTableRow {
  int line = 0;
  int table = 0;
  bool header = false;
  std::vector<std::string> cells;
};

enum class LineKind : std::uint8_t { text, code, html, blank };

struct MarkdownDoc {
  std::vector<MdHeading> headings;
  std::vector<MdParagraph> paragraphs;
  std::vector<MdItem> items;
  std::vector<MdTableRow> table_rows;
  std::vector<int> rule_lines; // thematic breaks (---)
  std::vector<LineKind> line_kinds; // index 0 is line 1
  // YAML front matter ("---" on line 1 ... "---" or "..."): the line of its
  // closing delimiter, 0 without. Its key lines are plain text lines here.
  int front_matter_end = 0;
};


// Byte offsets where each line starts; line N (1-based) starts at starts[N-1].
class LineIndex {
public:
  explicit LineIndex(std::string_view text);
  int line_of(std::size_t offset) const;
  int line_count() const { return static_cast<int>(m_starts.size()); }
  std::string_view line_text(std::string_view text, int line) const;
  std::size_t start_of(int line) const { return m_starts[static_cast<std::size_t>(line - 1)]; }

private:
  std::vector<std::size_t> m_starts;
};

// The closing line of the YAML front matter that opens text, or 0: line 1 is
// "---", a later line within the first 200 is "---" or "...", and every line
// between is blank, a comment, "key: value", or an indented or "- " line.
int front_matter_end(std::string_view text, const LineIndex& lines);

// Calls visit(row, header_cells) for every body row of a table with a header.
template <typename Visit>
void for_each_body_row(const MarkdownDoc& doc, Visit&& visit) {
  const std::vector<std::string>* header = nullptr;
  int header_table = -1;
  for (const auto& row : doc.table_rows) {
    if (row.header) {
      header = &row.cells;
      header_table = row.table;
    } else if (header != nullptr && row.table == header_table) {
      visit(row, *header);
    }
  }
}

// The same for the body rows on lines first..last only, without visiting
// the rows before them: a log with a table in each of 100k sessions asks
// this once per session.
template <typename Visit>
void for_each_body_row_between(const MarkdownDoc& doc, int first, int last, Visit&& visit) {
  auto it = std::lower_bound(doc.table_rows.begin(), doc.table_rows.end(), first,
                             [](const MdTableRow& row, int line) { return row.line < line; });
  // The header of the table the first row belongs to sits before it.
  const std::vector<std::string>* header = nullptr;
  int header_table = -1;
  if (it != doc.table_rows.end()) {
    for (auto back = it; back != doc.table_rows.begin();) {
      --back;
      if (back->table != it->table) {
        break;
      }
      if (back->header) {
        header = &back->cells;
        header_table = back->table;
        break;
      }
    }
  }
  for (; it != doc.table_rows.end() && it->line <= last; ++it) {
    if (it->header) {
      header = &it->cells;
      header_table = it->table;
    } else if (header != nullptr && it->table == header_table) {
      visit(*it, *header);
    }
  }
}

// `text` must be normalised: '\n' line ends, valid UTF-8.
MarkdownDoc read_markdown(std::string_view text, const LineIndex& lines);

} // namespace seshdb::parse
