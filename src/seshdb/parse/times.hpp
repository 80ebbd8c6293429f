// Times of day, ranges and time zones as session logs write them:
// "~1:00-2:15 PM PST", "12:30-1:15 PM", "13:00-13:30", "10:00 AM - 12:00 PM",
// "T13:00-13:30 PST", "T10:00:00.123456-05:00", "14:12 UTC", "9:00" (full-width
// colons normalised first), and the zone names (abbreviations as fixed
// offsets, numeric offsets, common IANA names with their DST rules).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace seshdb::parse {

struct TimeMatch {
  int start = 0;              // minutes after midnight, 0..1439
  std::optional<int> end;     // minutes after midnight; may be < start (crosses midnight)
  bool approx = false;        // written with ~ or "approx."
  std::string zone;           // as written, empty when none
  std::size_t begin = 0;
  std::size_t end_pos = 0;
};

// The first time (or time range) at or after `from`.
std::optional<TimeMatch> find_time(std::string_view text, std::size_t from = 0);

// The UTC offset in minutes of a zone as written (PST, +02:00, Z, UTC+8,
// Europe/Paris) on a given local date; nullopt for an unknown zone.
std::optional<int> zone_offset(std::string_view zone, int year, int month, int day);

// The zone a sentence gives every time of a file in: "All times CET.",
// "Times are local (CET).", "All timestamps are in UTC", "All times Pacific";
// empty when the line says no such thing.
std::string zone_of_all_times(std::string_view line);

// "+02:00" style text for an offset in minutes.
std::string format_offset(int minutes);

} // namespace seshdb::parse
