// The project a log belongs to: the folder name of the git repository that
// holds it (the nearest parent with .git), else the file's own folder name.
#pragma once

#include <map>
#include <string>

namespace seshdb::ingest {

class ProjectNamer {
public:
  std::string project_of(const std::string& file_path);

private:
  static constexpr std::size_t k_cached_folders = 256;
  std::map<std::string, std::string> m_by_folder; // folder -> project, cached
};

} // namespace seshdb::ingest
