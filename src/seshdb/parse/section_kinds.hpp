// Normalising a section heading ("Work Completed", "What We Did", "Key
// Decisions", "Next Session Plan", "Blockers/Issues", "Key Findings"...) to
// its kind, so questions can ask for "decisions" whatever the log called them.
#pragma once

#include "seshdb/model/session_log.hpp"

#include <string_view>

namespace seshdb::parse {

model::SectionKind classify_section(std::string_view title);

} // namespace seshdb::parse
