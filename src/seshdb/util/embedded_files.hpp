// Text files compiled into the binary (migrations, canned queries), looked up
// by their path relative to the source tree, e.g. "migrations/0001_initial.sql".
// The table is generated at build time by cmake/EmbedFiles.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace seshdb::embedded {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

const std::vector<EmbeddedFile>& files();

} // namespace seshdb::embedded
