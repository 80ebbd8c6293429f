// Normalising a section heading ("Work Completed", "What We Did", "Key
// Decisions", "Next Session Plan", "Blockers/Issues", "Key Findings"...) to
// its kind, so questions can ask for "decisions" whatever the log called them.
#pragma once

#include "seshdb/model/session_log.hpp"

#include <string_view>

namespace seshdb::parse {

model::SectionKind classify_section(std::string_view title);

// A heading over a session's particulars: "Session Info", "Metadata",
// "📋 Session Details", "Environment", "基本信息". Its "Date:", "Branch:"
// and time lines are the session's own, as they are above the first subheading.
bool names_session_particulars(std::string_view title);

// A heading over work still to do: "## Backlog", "## Plan", "### Next
// steps", "## Roadmap", "## TODO", "## Priorities" (whole words; not
// "Explanation" or "Remaining issues"). Priorities under it rank tasks.
bool plans_work(std::string_view title);

// A list item that only says its section is empty: "None", "N/A", "TBD",
// "-", "None yet.", "None (all green)", "无". Logs keep a "### Blockers"
// heading with "- None" under it; that is no blocker, so it is no item.
bool says_nothing(std::string_view item_text);

} // namespace seshdb::parse
