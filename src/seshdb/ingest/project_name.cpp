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
  m_by_folder.emplace(folder.string(), project);
  return project;
}

} // namespace seshdb::ingest
