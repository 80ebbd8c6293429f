#include "seshdb/ingest/project_name.hpp"

#include <filesystem>

namespace seshdb::ingest {

namespace fs = std::filesystem;

std::string ProjectNamer::project_of(const std::string& file_path) {
  const fs::path folder = fs::path(file_path).parent_path();
  if (auto it = m_by_folder.find(folder.string()); it != m_by_folder.end()) {
    return it->second;
  }
  std::string project = folder.filename().string();
  std::error_code ec;
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      project = dir.filename().string();
      break;
    }
    if (dir == dir.parent_path()) {
      break;
    }
  }
  if (project.empty()) {
    project.push_back('-'); // (assigning a literal trips a GCC 12 -Wrestrict false positive)
  }
  // Files arrive sorted by path, so a small cache hits as well as a full
  // one; unbounded it held every folder (13,000 at 1 GB: 2 MiB of memory
  // that only grew).
  if (m_by_folder.size() >= k_cached_folders) {
    m_by_folder.clear();
  }
  m_by_folder.emplace(folder.string(), project);
  return project;
}

} // namespace seshdb::ingest
