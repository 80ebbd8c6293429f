#include "seshdb/parse/markdown_blocks.hpp"

#include "seshdb/util/text.hpp"

#include <md4c.h>

#include <algorithm>
#include <cctype>

namespace seshdb::parse {

LineIndex::LineIndex(std::string_view text) {
  m_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) {
      m_starts.push_back(i + 1);
    }
  }
}

int LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<int>(it - m_starts.begin());
}

std::string_view LineIndex::line_text(std::string_view text, int line) const {
  const std::size_t begin = start_of(line);
  std::size_t end = line < line_count() ? start_of(line + 1) : text.size();
  if (end > begin && text[end - 1] == '\n') {
    --end;
  }
  return text.substr(begin, end - begin);
}

namespace {

// What the md4c callbacks are currently inside.
struct Builder {
  std::string_view input; // the log, for reading its lines
  const LineIndex* lines = nullptr;
  // What md4c reads: the log, or a copy with blank lines added
  // (see add_blank_lines_md4c_needs), whose lines log_line maps back.
  std::string_view parsed;
  const LineIndex* parsed_lines = nullptr;
  std::vector<int> log_line; // parsed line - 1 -> log line; empty when parsed is the log
  MarkdownDoc doc;

  enum class Target { none, heading, paragraph, item, cell, code };
  struct Frame {
    MD_BLOCKTYPE type;
    Target target = Target::none;
    std::size_t index = 0; // into the doc vector the target names
  };
  std::vector<Frame> stack;
  std::vector<std::size_t> open_items; // doc.items indexes, innermost last
  std::vector<int> list_ids;
  std::vector<bool> list_ordered;
  int next_list_id = 0;
  int next_table_id = 0;
  int quote_depth = 0;
  int del_depth = 0;
  int strong_depth = 0;
  bool paragraph_fresh = false; // no text seen yet in the current paragraph
  bool lead_bold_open = false;
  std::size_t item_text_chars = 0;
  std::size_t item_struck_chars = 0;
  int code_first_line = 0;
  int code_last_line = 0;
  std::string heading_unstruck; // the current heading's text without its ~~struck~~ spans

  int line_of(std::size_t parsed_offset) const {
    const int line = parsed_lines->line_of(parsed_offset);
    return log_line.empty() ? line : log_line[static_cast<std::size_t>(line - 1)];
  }

  int line_at(const MD_CHAR* p) const {
    if (p < parsed.data() || p >= parsed.data() + parsed.size()) {
      return 0;
    }
    return line_of(static_cast<std::size_t>(p - parsed.data()));
  }

  Frame* innermost_text_target() {
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (it->target != Target::none) {
        return &*it;
      }
    }
    return nullptr;
  }
};

void mark_lines(MarkdownDoc& doc, int first, int last, LineKind kind) {
  for (int line = std::max(first, 1); line <= last && line <= static_cast<int>(doc.line_kinds.size()); ++line) {
    doc.line_kinds[static_cast<std::size_t>(line - 1)] = kind;
  }
}

// A fence line around a code block's content: ``` or ~~~ after indentation
// and any block-quote or list markers.
bool is_fence_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '>' || line[i] == '\t')) {
    ++i;
  }
  line.remove_prefix(i);
  return line.starts_with("```") || line.starts_with("~~~");
}

// Text with the double spaces a removed span leaves folded to one.
std::string single_spaced(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != ' ' || out.empty() || out.back() != ' ') {
      out += c;
    }
  }
  return out;
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  Builder::Frame frame{type};
  switch (type) {
  case MD_BLOCK_H: {
    auto* h = static_cast<MD_BLOCK_H_DETAIL*>(detail);
    MdHeading heading;
    heading.level = static_cast<int>(h->level);
    heading.in_container = !b.open_items.empty() || b.quote_depth > 0;
    heading.in_top_item = b.open_items.size() == 1 && b.quote_depth == 0;
    b.doc.headings.push_back(std::move(heading));
    b.heading_unstruck.clear();
    frame.target = Builder::Target::heading;
    frame.index = b.doc.headings.size() - 1;
    break;
  }
  case MD_BLOCK_P: {
    MdParagraph paragraph;
    paragraph.in_list_item = !b.open_items.empty();
    paragraph.in_quote = b.quote_depth > 0;
    // A paragraph directly inside a list item is the item's text.
    const bool item_text = !b.stack.empty() && b.stack.back().type == MD_BLOCK_LI;
    b.doc.paragraphs.push_back(std::move(paragraph));
    frame.target = Builder::Target::paragraph;
    frame.index = b.doc.paragraphs.size() - 1;
    b.paragraph_fresh = true;
    b.lead_bold_open = false;
    (void)item_text;
    break;
  }
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
    b.list_ids.push_back(++b.next_list_id);
    b.list_ordered.push_back(type == MD_BLOCK_OL);
    break;
  case MD_BLOCK_LI: {
    auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
    MdItem item;
    item.depth = static_cast<int>(b.open_items.size());
    item.list = b.list_ids.empty() ? 0 : b.list_ids.back();
    item.ordered = !b.list_ordered.empty() && b.list_ordered.back();
    if (li->is_task) {
      item.task = (li->task_mark == 'x' || li->task_mark == 'X') ? 1 : 0;
      item.line = b.line_of(li->task_mark_offset);
    }
    b.doc.items.push_back(std::move(item));
    b.open_items.push_back(b.doc.items.size() - 1);
    frame.target = Builder::Target::item;
    frame.index = b.doc.items.size() - 1;
    b.item_text_chars = 0;
    b.item_struck_chars = 0;
    break;
  }
  case MD_BLOCK_QUOTE:
    ++b.quote_depth;
    break;
  case MD_BLOCK_TABLE:
    ++b.next_table_id;
    break;
  case MD_BLOCK_TR: {
    MdTableRow row;
    row.table = b.next_table_id;
    row.header = !b.stack.empty() && b.stack.back().type == MD_BLOCK_THEAD;
    b.doc.table_rows.push_back(std::move(row));
    break;
  }
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    if (!b.doc.table_rows.empty()) {
      b.doc.table_rows.back().cells.emplace_back();
      frame.target = Builder::Target::cell;
      frame.index = b.doc.table_rows.size() - 1;
    }
    break;
  case MD_BLOCK_CODE:
    frame.target = Builder::Target::code;
    b.code_first_line = 0;
    b.code_last_line = 0;
    break;
  default:
    break;
  }
  b.stack.push_back(frame);
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  switch (type) {
  case MD_BLOCK_LI:
    if (!b.open_items.empty()) {
      auto& item = b.doc.items[b.open_items.back()];
      item.struck = b.item_text_chars > 0 && b.item_struck_chars * 10 >= b.item_text_chars * 9;
      item.text = std::string(util::trim(item.text));
      b.open_items.pop_back();
    }
    break;
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
    if (!b.list_ids.empty()) {
      b.list_ids.pop_back();
      b.list_ordered.pop_back();
    }
    break;
  case MD_BLOCK_QUOTE:
    --b.quote_depth;
    break;
  case MD_BLOCK_HR:
    break;
  case MD_BLOCK_CODE:
    if (b.code_first_line > 0) {
      int first = b.code_first_line;
      int last = b.code_last_line;
      if (first > 1 && is_fence_line(b.lines->line_text(b.input, first - 1))) {
        --first;
      }
      if (last < b.lines->line_count() && is_fence_line(b.lines->line_text(b.input, last + 1))) {
        ++last;
      }
      mark_lines(b.doc, first, last, LineKind::code);
    }
    break;
  case MD_BLOCK_P:
  case MD_BLOCK_H: {
    auto& frame = b.stack.back();
    if (type == MD_BLOCK_H) {
      auto& h = b.doc.headings[frame.index];
      // "### ~~2025-08-21~~ 2025-08-20": a correction; the heading says what
      // is left. A heading struck through whole keeps its text.
      const std::string_view unstruck = util::trim(b.heading_unstruck);
      h.text = unstruck.empty() ? std::string(util::trim(h.text)) : single_spaced(unstruck);
    } else {
      auto& p = b.doc.paragraphs[frame.index];
      p.text = std::string(util::trim(p.text));
      p.lead_bold = std::string(util::trim(p.lead_bold));
    }
    break;
  }
  default:
    break;
  }
  b.stack.pop_back();
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  if (type == MD_SPAN_DEL) {
    ++b.del_depth;
  } else if (type == MD_SPAN_STRONG) {
    ++b.strong_depth;
    if (b.paragraph_fresh && !b.stack.empty() && b.stack.back().target == Builder::Target::paragraph) {
      b.lead_bold_open = true;
    }
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  if (type == MD_SPAN_DEL) {
    --b.del_depth;
  } else if (type == MD_SPAN_STRONG) {
    --b.strong_depth;
    if (b.strong_depth == 0) {
      b.lead_bold_open = false;
    }
  }
  return 0;
}

std::string_view entity_text(std::string_view entity) {
  if (entity == "&amp;") return "&";
  if (entity == "&lt;") return "<";
  if (entity == "&gt;") return ">";
  if (entity == "&quot;") return "\"";
  if (entity == "&nbsp;") return " ";
  if (entity == "&#39;" || entity == "&apos;") return "'";
  return entity;
}

// An item's own text, and how much of it is struck through (a ~~done~~ item).
void append_item_text(Builder& b, MdItem& item, std::string_view piece, MD_TEXTTYPE type, MD_SIZE size, int line) {
  if (item.line == 0) {
    item.line = line;
  }
  item.text += piece;
  if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE) {
    b.item_text_chars += size;
    if (b.del_depth > 0) {
      b.item_struck_chars += size;
    }
  }
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto& b = *static_cast<Builder*>(userdata);
  std::string_view piece(text, size);
  const int line = b.line_at(text);
  if (type == MD_TEXT_HTML) {
    if (b.stack.empty() || b.stack.back().type == MD_BLOCK_HTML) {
      if (line > 0) {
        int last = b.line_at(text + (size ? size - 1 : 0));
        mark_lines(b.doc, line, std::max(line, last), LineKind::html);
      }
      return 0;
    }
  }
  if (type == MD_TEXT_NULLCHAR) {
    piece = "\xEF\xBF\xBD";
  } else if (type == MD_TEXT_ENTITY) {
    piece = entity_text(piece);
  } else if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
    piece = "\n";
  }
  Builder::Frame* frame = b.innermost_text_target();
  if (frame == nullptr) {
    return 0;
  }
  switch (frame->target) {
  case Builder::Target::code:
    if (line > 0) {
      if (b.code_first_line == 0) {
        b.code_first_line = line;
      }
      b.code_last_line = std::max(b.code_last_line, b.line_at(text + (size ? size - 1 : 0)));
    }
    break;
  case Builder::Target::heading: {
    auto& h = b.doc.headings[frame->index];
    if (h.line == 0) {
      h.line = line;
    }
    h.text += piece;
    if (b.del_depth == 0) {
      b.heading_unstruck += piece;
    }
    break;
  }
  case Builder::Target::paragraph: {
    auto& p = b.doc.paragraphs[frame->index];
    if (p.line == 0) {
      p.line = line;
    }
    if (line > 0) {
      p.line_end = std::max(p.line_end, line);
    }
    p.text += piece;
    if (b.lead_bold_open) {
      p.lead_bold += piece;
    }
    b.paragraph_fresh = false;
    // The first paragraph of a list item is also the item's own text.
    if (!b.open_items.empty()) {
      const bool direct = b.stack.size() >= 2 && b.stack[b.stack.size() - 2].type == MD_BLOCK_LI;
      if (direct) {
        append_item_text(b, b.doc.items[b.open_items.back()], piece, type, size, line);
      }
    }
    break;
  }
  case Builder::Target::item: {
    // Tight lists send item text without a paragraph block.
    append_item_text(b, b.doc.items[frame->index], piece, type, size, line);
    break;
  }
  case Builder::Target::cell: {
    auto& row = b.doc.table_rows[frame->index];
    if (row.line == 0) {
      row.line = line;
    }
    row.cells.back() += piece;
    break;
  }
  case Builder::Target::none:
    break;
  }
  return 0;
}

} // namespace

int front_matter_end(std::string_view text, const LineIndex& lines) {
  // YAML between "---" lines, or TOML between "+++" lines (Hugo's), "key = value".
  const bool toml = lines.line_count() >= 3 && util::trim(lines.line_text(text, 1)) == "+++";
  auto delimiter = [&](int line, bool closing) {
    const auto t = util::trim(lines.line_text(text, line));
    return toml ? t == "+++" : (t == "---" || (closing && t == "..."));
  };
  if (lines.line_count() < 3 || !delimiter(1, false)) {
    return 0;
  }
  bool any_key = false;
  for (int line = 2; line <= std::min(lines.line_count(), 200); ++line) {
    if (delimiter(line, true)) {
      return any_key ? line : 0;
    }
    const std::string_view raw = lines.line_text(text, line);
    const auto t = util::trim(raw);
    if (t.empty() || t.front() == '#' || raw.front() == ' ' || raw.front() == '\t' || t.starts_with("- ")) {
      continue;
    }
    // key: value, the key a word or a few ("session date", "last-modified").
    const auto colon = toml ? t.find(" = ") : t.find(':');
    if (toml && colon != std::string_view::npos && colon > 0 && colon <= 40) {
      any_key = true;
      continue;
    }
    if (colon == 0 || colon == std::string_view::npos || colon > 40 ||
        (colon + 1 < t.size() && t[colon + 1] != ' ' && t[colon + 1] != '\t')) {
      return 0;
    }
    for (const char c : t.substr(0, colon)) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80)) {
        return 0;
      }
    }
    any_key = true;
  }
  return 0;
}

// An ATX heading or a code fence opener, up to three spaces in.
bool opens_heading_or_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') {
    ++i;
  }
  line.remove_prefix(i);
  if (line.starts_with("```") || line.starts_with("~~~")) {
    return true;
  }
  std::size_t hashes = 0;
  while (hashes < line.size() && hashes < 7 && line[hashes] == '#') {
    ++hashes;
  }
  return hashes >= 1 && hashes <= 6 &&
         (hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t' || line[hashes] == '\r');
}

// A table's delimiter row: |---|:--:| (pipes, dashes, colons and spaces).
bool is_table_delimiter_row(std::string_view line) {
  const auto t = util::trim(line);
  return t.find('|') != std::string_view::npos && t.find('-') != std::string_view::npos &&
         t.find_first_not_of("|-: \t") == std::string_view::npos;
}

// A hook's log line: "[START 2025-06-10T09:12:44Z] ...", "[END ...]".
bool opens_hook_line(std::string_view line) {
  for (std::string_view marker : {"[START", "[END", "[BEGIN", "[STOP", "[FINISH"}) {
    if (line.starts_with(marker) && line.size() > marker.size() && (line[marker.size()] == ' ' || line[marker.size()] == ']')) {
      return true;
    }
  }
  return false;
}

// A table delimiter row with a cell of fewer than three dashes ("|--|--|",
// "| - | - |"): GitHub takes it, md4c does not, so the copy md4c reads has
// three ("|---|---|").
bool has_short_delimiter_cell(std::string_view row) {
  std::size_t run = 0;
  for (const char c : row) {
    if (c == '-') {
      ++run;
    } else {
      if (run > 0 && run < 3) {
        return true;
      }
      run = 0;
    }
  }
  return run > 0 && run < 3;
}

std::string with_long_delimiter_cells(std::string_view row) {
  std::string out;
  std::size_t run = 0;
  auto flush = [&] {
    out.append(run > 0 && run < 3 ? 3 : run, '-');
    run = 0;
  };
  for (const char c : row) {
    if (c == '-') {
      ++run;
    } else {
      flush();
      out += c;
    }
  }
  flush();
  return out;
}

// md4c 0.4.8 keeps a table going through a "## heading" or a ``` fence that
// follows it with no blank line between, and reads them and the lines after
// (up to a blank line) as table rows. GFM ends the table there, and so do
// people writing logs: "## 2025-01-08" right under a table is the next day.
// And a hook that appends "[START …]" / "[END …]" lines with no blank line
// between makes one paragraph of the whole log, whose brackets md4c takes
// quadratic time over (10 MB: 8 s); each such line starts a block anyway.
// Fills copy with the text and a blank line before each such line (and short
// table delimiter rows lengthened), and returns the log line of each of
// copy's lines; returns nothing (and leaves copy alone) when no line needs one.
std::vector<int> add_blank_lines_md4c_needs(std::string_view text, const LineIndex& lines, std::string& copy) {
  std::vector<int> blank_before;
  std::vector<int> lengthened; // delimiter rows given three dashes a cell
  bool in_table = false;
  bool after_blank = true;
  for (int line = 1; line <= lines.line_count(); ++line) {
    const auto raw = lines.line_text(text, line);
    const bool blank = util::trim(raw).empty();
    if (blank) {
      in_table = false;
    } else if (in_table && opens_heading_or_fence(raw)) {
      blank_before.push_back(line);
      in_table = false;
    } else if (!in_table && is_table_delimiter_row(raw)) {
      in_table = true;
      if (has_short_delimiter_cell(raw)) {
        lengthened.push_back(line);
      }
      // "Findings:" over "| Severity | Finding |" with no blank line between:
      // GitHub starts the table there, md4c reads the header as paragraph text.
      if (line >= 3 && !after_blank && lines.line_text(text, line - 1).find('|') != std::string_view::npos) {
        const std::string_view above = util::trim(lines.line_text(text, line - 2));
        if (!above.empty() && !above.starts_with("|") && (blank_before.empty() || blank_before.back() != line - 1)) {
          blank_before.push_back(line - 1);
        }
      }
    } else if (!after_blank && opens_hook_line(raw)) {
      blank_before.push_back(line);
    }
    after_blank = blank;
  }
  if (blank_before.empty() && lengthened.empty()) {
    return {};
  }
  std::vector<int> log_line;
  log_line.reserve(static_cast<std::size_t>(lines.line_count()) + blank_before.size());
  copy.clear();
  copy.reserve(text.size() + blank_before.size());
  auto next_blank = blank_before.begin();
  for (int line = 1; line <= lines.line_count(); ++line) {
    if (next_blank != blank_before.end() && *next_blank == line) {
      copy += '\n';
      log_line.push_back(line);
      ++next_blank;
    }
    const std::size_t begin = lines.start_of(line);
    const std::size_t end = line < lines.line_count() ? lines.start_of(line + 1) : text.size();
    if (std::binary_search(lengthened.begin(), lengthened.end(), line)) {
      copy += with_long_delimiter_cells(text.substr(begin, end - begin));
    } else {
      copy.append(text.substr(begin, end - begin));
    }
    log_line.push_back(line);
  }
  return log_line;
}

MarkdownDoc read_markdown(std::string_view text, const LineIndex& lines) {
  // Front matter is YAML, not Markdown: md4c would read its closing "---" as
  // a setext underline and the key lines above it as one heading, and a
  // "# comment" as an H1. md4c reads a copy with the delimiters and comments
  // blanked (same length, so every offset and line holds); the key lines
  // stay plain text lines.
  const int front_matter = front_matter_end(text, lines);
  std::string blanked;
  if (front_matter > 0) {
    blanked.assign(text);
    for (int line = 1; line <= front_matter; ++line) {
      // The delimiters, and comments, which md4c would read as headings.
      const auto t = util::trim(lines.line_text(text, line));
      if (line == 1 || line == front_matter || (!t.empty() && t.front() == '#')) {
        const std::size_t begin = lines.start_of(line);
        const std::size_t end = begin + lines.line_text(text, line).size();
        std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(begin), blanked.begin() + static_cast<std::ptrdiff_t>(end), ' ');
      }
    }
    text = blanked;
  }
  Builder b;
  b.doc.front_matter_end = front_matter;
  b.input = text;
  b.lines = &lines;
  std::string separated;
  b.log_line = add_blank_lines_md4c_needs(text, lines, separated);
  const std::string_view parsed = b.log_line.empty() ? text : std::string_view(separated);
  const LineIndex parsed_lines = b.log_line.empty() ? LineIndex(std::string_view()) : LineIndex(parsed);
  b.parsed = parsed;
  b.parsed_lines = b.log_line.empty() ? &lines : &parsed_lines;
  b.doc.line_kinds.assign(static_cast<std::size_t>(lines.line_count()), LineKind::text);
  for (int line = 1; line <= lines.line_count(); ++line) {
    if (util::trim(lines.line_text(text, line)).empty()) {
      b.doc.line_kinds[static_cast<std::size_t>(line - 1)] = LineKind::blank;
    }
  }

  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(parsed.data(), static_cast<MD_SIZE>(parsed.size()), &parser, &b);

  // Thematic breaks come with no text; find them from the lines md4c left as
  // text, skipping the underline of a setext heading.
  std::vector<bool> heading_line(static_cast<std::size_t>(lines.line_count()) + 2, false);
  for (const auto& h : b.doc.headings) {
    if (h.line > 0) {
      heading_line[static_cast<std::size_t>(h.line)] = true;
    }
  }
  for (int line = 1; line <= lines.line_count(); ++line) {
    if (b.doc.line_kinds[static_cast<std::size_t>(line - 1)] != LineKind::text || heading_line[static_cast<std::size_t>(line - 1)]) {
      continue;
    }
    auto t = util::trim(lines.line_text(text, line));
    if (t.size() >= 3 && (t.find_first_not_of("- ") == std::string_view::npos ||
                          t.find_first_not_of("* ") == std::string_view::npos ||
                          t.find_first_not_of("_ ") == std::string_view::npos)) {
      b.doc.rule_lines.push_back(line);
    }
  }
  // Remove items/headings md4c gave no text at all (no line).
  std::erase_if(b.doc.headings, [](const MdHeading& h) { return h.line == 0; });
  std::erase_if(b.doc.items, [](const MdItem& i) { return i.line == 0; });
  std::erase_if(b.doc.paragraphs, [](const MdParagraph& p) { return p.line == 0; });
  std::erase_if(b.doc.table_rows, [](const MdTableRow& r) { return r.line == 0; });
  return std::move(b.doc);
}

} // namespace seshdb::parse
