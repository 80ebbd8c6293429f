#include "seshdb/ingest/discover.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fnmatch.h>
#include <sys/stat.h>

namespace seshdb::ingest {

namespace fs = std::filesystem;

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& name, const std::string& relative) {
  for (const auto& glob : globs) {
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0 || fnmatch(glob.c_str(), relative.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

std::int64_t mtime_ns(const struct stat& info) {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

bool skipped_folder(const std::string& name) {
  return name == ".git" || name == "node_modules" || (name.size() > 1 && name[0] == '.');
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

} // namespace

const std::vector<std::string>& default_include_globs() {
  static const std::vector<std::string> k_globs = {"*.md", "*.markdown", "*.txt"};
  return k_globs;
}

Discovery discover_files(const std::vector<std::string>& paths, const std::vector<std::string>& include,
                         const std::vector<std::string>& exclude) {
  Discovery discovery;
  const auto& includes = include.empty() ? default_include_globs() : include;
  auto add_file = [&](const fs::path& path, const std::string& relative, bool named) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      const std::string message = fmt::format("{}: {}", path.string(), std::strerror(errno));
      (named ? discovery.errors : discovery.skipped).push_back(message);
      return;
    }
    if (!S_ISREG(info.st_mode)) {
      discovery.skipped.push_back(fmt::format("{}: {}; skipped", path.string(), kind_of(info.st_mode)));
      return;
    }
    const std::string name = path.filename().string();
    if (!named && (!matches_any(includes, name, relative) || matches_any(exclude, name, relative))) {
      return;
    }
    if (named && matches_any(exclude, name, relative)) {
      return;
    }
    discovery.files.push_back({path.lexically_normal().string(), static_cast<std::int64_t>(info.st_size), mtime_ns(info)});
  };

  for (const auto& argument : paths) {
    std::error_code ec;
    fs::path root = fs::absolute(argument, ec);
    struct stat info {};
    if (::stat(root.c_str(), &info) != 0) {
      discovery.errors.push_back(fmt::format("{}: {}", argument, std::strerror(errno)));
      continue;
    }
    if (!S_ISDIR(info.st_mode)) {
      add_file(root, root.filename().string(), true);
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      discovery.errors.push_back(fmt::format("{}: {}", argument, ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        discovery.skipped.push_back(fmt::format("{}: {}", it->path().string(), ec.message()));
        ec.clear();
        continue;
      }
      const auto& entry = *it;
      const std::string name = entry.path().filename().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        if (skipped_folder(name)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) {
        continue; // symlinked folders are not followed: no loops
      }
      const std::string relative = entry.path().lexically_relative(root).string();
      add_file(entry.path(), relative, false);
    }
  }
  std::sort(discovery.files.begin(), discovery.files.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  discovery.files.erase(std::unique(discovery.files.begin(), discovery.files.end(),
                                    [](const FoundFile& a, const FoundFile& b) { return a.path == b.path; }),
                        discovery.files.end());
  return discovery;
}

} // namespace seshdb::ingest
