// Finding the log files an ingest reads: named files as they are, folders
// walked recursively for *.md, *.markdown, *.txt (or --include globs), minus
// --exclude globs, skipping .git, node_modules and hidden folders unless
// named, and never following symlinked folders (so no loops).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace seshdb::ingest {

struct FoundFile {
  std::string path; // absolute, lexically normal
  std::int64_t size_bytes = 0;
  std::int64_t mtime = 0; // nanoseconds since the epoch
};

struct Discovery {
  std::vector<FoundFile> files;       // sorted by path, no duplicates
  std::vector<std::string> errors;    // "PATH: no such file or directory" for named paths
  std::vector<std::string> skipped;   // "PATH: not a regular file (FIFO)"
};

Discovery discover_files(const std::vector<std::string>& paths, const std::vector<std::string>& include,
                         const std::vector<std::string>& exclude);

// Default globs when no --include is given.
const std::vector<std::string>& default_include_globs();

} // namespace seshdb::ingest
