// Durations as written: "~75 minutes", "~2.5 hours", "1h 30m", "90 min",
// "[0.5h]", "2小时30分钟". The first duration in the text wins.
#pragma once

#include <optional>
#include <string_view>

namespace seshdb::parse {

std::optional<int> parse_duration_minutes(std::string_view text);

} // namespace seshdb::parse
