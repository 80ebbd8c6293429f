// Durations as written: "~75 minutes", "~2.5 hours", "1h 30m", "2h20", "90 min",
// "[0.5h]", "2,5h", "1 Std. 45 Min.", "2小时30分钟", "2時間30分". The first
// duration in the text wins.
#pragma once

#include <optional>
#include <string_view>

namespace seshdb::parse {

std::optional<int> parse_duration_minutes(std::string_view text);

// "1:45" or "01:30:00" and nothing else: a duration on a clock face. Only for
// fields that can hold nothing but a duration ("Duration:"), since "Time:
// 14:00" is a time of day.
std::optional<int> parse_clock_duration(std::string_view text);

} // namespace seshdb::parse
