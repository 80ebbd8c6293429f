// Small UTF-8 and string helpers. Knows nothing of seshdb.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace seshdb::util {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
// ASCII, and the capitals of Cyrillic (Russian, Ukrainian, …), Greek and the
// Latin letters of European languages ("Марта" -> "марта", "Şubat" ->
// "şubat", "Gałąź" -> "gałąź"); other text as it is.
std::string to_lower_letters(std::string_view text);
bool iequals_ascii(std::string_view a, std::string_view b);
bool icontains_ascii(std::string_view haystack, std::string_view needle);
// Whether text holds word as a whole word: no ASCII letter right before or
// after it ("plan" in "Plan for", not in "Explanation"). Case-sensitive:
// callers lower-case both.
bool contains_word(std::string_view text, std::string_view word);

// The bytes a text holds. The parser tests short texts against long lists of
// words; a word whose first or last byte the text lacks is ruled out in one
// test instead of a search.
class ByteSet {
public:
  explicit ByteSet(std::string_view text) {
    for (const char c : text) {
      const auto b = static_cast<unsigned char>(c);
      m_bits[b >> 6] |= std::uint64_t{1} << (b & 63);
    }
  }
  bool has(char c) const {
    const auto b = static_cast<unsigned char>(c);
    return ((m_bits[b >> 6] >> (b & 63)) & 1) != 0;
  }
  // False only when the text cannot contain word.
  bool may_contain(std::string_view word) const { return word.empty() || (has(word.front()) && has(word.back())); }

private:
  std::uint64_t m_bits[4] = {};
};

// Decodes one code point at text[pos]; advances pos. Invalid bytes decode as
// U+FFFD and advance by one.
char32_t decode_utf8(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Replaces every invalid UTF-8 sequence with U+FFFD; returns the number replaced.
std::size_t make_valid_utf8(std::string& text);

// Terminal columns the text takes (East Asian wide and emoji count 2).
std::size_t display_width(std::string_view text);
// Cuts to at most `width` columns, ending with … when cut.
std::string truncate_display(std::string_view text, std::size_t width);
// Newlines and tabs to spaces, runs of spaces folded.
std::string single_line(std::string_view text);

} // namespace seshdb::util
