#include "seshdb/model/session_log.hpp"

namespace seshdb::model {

const char* to_string(SectionKind kind) {
  switch (kind) {
  case SectionKind::work_completed: return "work_completed";
  case SectionKind::decisions: return "decisions";
  case SectionKind::next_steps: return "next_steps";
  case SectionKind::blockers: return "blockers";
  case SectionKind::findings: return "findings";
  case SectionKind::files: return "files";
  case SectionKind::stats: return "stats";
  case SectionKind::notes: return "notes";
  case SectionKind::other: return "other";
  }
  return "other";
}

} // namespace seshdb::model
