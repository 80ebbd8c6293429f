// Reading whole files, with errors a user can act on. Knows nothing of seshdb.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace seshdb::util {

// The file's bytes, or nullopt with `error` set ("permission denied", ...).
std::optional<std::string> read_file_bytes(const std::filesystem::path& path, std::string& error);

} // namespace seshdb::util
