#include "seshdb/util/text.hpp"

#include <algorithm>
#include <cstring>

namespace seshdb::util {

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  // Eight bytes at a time (the parser lower-cases most lines several times):
  // a byte's high bit marks it as 'A'..'Z', and that bit shifted to 0x20 is
  // the case bit. Bytes of 0x80 and above are left as they are.
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_high = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= out.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, out.data() + i, 8);
    const std::uint64_t low7 = x & ~k_high;
    const std::uint64_t at_least_a = low7 + k_ones * (0x80 - 'A');
    const std::uint64_t past_z = low7 + k_ones * (0x7F - 'Z');
    const std::uint64_t upper = at_least_a & ~past_z & ~x & k_high;
    x |= upper >> 2;
    std::memcpy(out.data() + i, &x, 8);
  }
  for (; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') {
      out[i] = static_cast<char>(out[i] - 'A' + 'a');
    }
  }
  return out;
}

namespace {
char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::string to_lower_letters(std::string_view text) {
  std::string out = to_lower_ascii(text);
  if (std::none_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return out;
  }
  std::string lowered;
  lowered.reserve(out.size());
  for (std::size_t pos = 0; pos < out.size();) {
    char32_t cp = decode_utf8(out, pos);
    if (cp >= 0x0410 && cp <= 0x042F) {
      cp += 0x20; // А..Я
    } else if (cp >= 0x0400 && cp <= 0x040F) {
      cp += 0x50; // Ѐ..Џ: Є, І, Ї, Ў
    } else if (cp == 0x0490) {
      cp = 0x0491; // Ґ
    } else if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) {
      cp += 0x20; // Greek
    } else if (cp == 0x0386) {
      cp = 0x03AC; // Ά
    } else if (cp >= 0x0388 && cp <= 0x038A) {
      cp += 0x25; // Έ, Ή, Ί
    } else if (cp == 0x038C || cp == 0x038E || cp == 0x038F) {
      cp += 0x40 - (cp == 0x038C ? 0 : 1); // Ό, Ύ, Ώ
    } else if ((cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7)) {
      cp += 0x20; // À..Þ
    } else if (cp >= 0x0100 && cp <= 0x017F && cp != 0x0130 && cp != 0x0131 && cp != 0x0138 && cp != 0x0149 &&
               cp != 0x017F) {
      // Latin Extended-A pairs capital/small: even capitals from Ā to ķ, odd from Ĺ to ň, even again from Ŋ; Ÿ aside.
      const bool odd_block = (cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E);
      if (cp == 0x0178) {
        cp = 0x00FF;
      } else if (odd_block ? (cp % 2 == 1) : (cp % 2 == 0)) {
        cp += 1;
      }
    } else if (cp == 0x0130) {
      cp = 'i'; // Turkish İ
    }
    append_utf8(lowered, cp);
  }
  return lowered;
}

// Both compare in place: the parser asks these of most lines, and a lower-case
// copy of each side cost an allocation per call.
bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) {
      return false;
    }
  }
  return true;
}

bool icontains_ascii(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) {
    return true;
  }
  for (std::size_t at = 0; at + needle.size() <= haystack.size(); ++at) {
    if (iequals_ascii(haystack.substr(at, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

bool contains_word(std::string_view text, std::string_view word) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !letter(text[at - 1])) && (end >= text.size() || !letter(text[end]))) {
      return true;
    }
  }
  return false;
}

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char c = byte(pos);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    extra = 1, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3, cp = c & 0x07, min = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + static_cast<std::size_t>(extra) >= text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t before = pos;
    if (decode_utf8(text, pos) == 0xFFFD && pos == before + 1) {
      return before;
    }
  }
  return std::string_view::npos;
}

std::size_t make_valid_utf8(std::string& text) {
  // Fast path: most input is valid.
  std::size_t pos = find_invalid_utf8(text);
  if (pos == std::string_view::npos) {
    return 0;
  }
  std::string out = text.substr(0, pos);
  std::size_t replaced = 0;
  while (pos < text.size()) {
    const std::size_t before = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (cp == 0xFFFD && pos == before + 1 && static_cast<unsigned char>(text[before]) >= 0x80) {
      ++replaced;
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text, before, pos - before);
    }
  }
  text = std::move(out);
  return replaced;
}

namespace {

int code_point_width(char32_t cp) {
  if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) {
    return 0;
  }
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
                    cp == 0x2705 || cp == 0x274C || cp == 0x2B1C;
  return wide ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    width += static_cast<std::size_t>(code_point_width(decode_utf8(text, pos)));
  }
  return width;
}

std::string truncate_display(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  std::string out;
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t before = pos;
    const int w = code_point_width(decode_utf8(text, pos));
    if (used + static_cast<std::size_t>(w) + 1 > width) {
      break;
    }
    used += static_cast<std::size_t>(w);
    out.append(text.substr(before, pos - before));
  }
  return out + "…";
}

std::string single_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

} // namespace seshdb::util
