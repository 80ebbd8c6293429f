// Runs the built seshdb binary (or a shell line using it) and captures
// stdout, stderr and the exit code, in a fresh temporary folder with
// TZ=UTC and LC_ALL=C so the output does not depend on the machine.
#pragma once

#include <filesystem>
#include <string>

namespace seshdb::testing {

struct RunResult {
  std::string out;
  std::string err;
  int rc = -1;
};

class CliSandbox {
public:
  CliSandbox();
  ~CliSandbox();
  CliSandbox(const CliSandbox&) = delete;
  CliSandbox& operator=(const CliSandbox&) = delete;

  const std::filesystem::path& dir() const { return m_dir; }
  std::filesystem::path db() const { return m_dir / "test.db"; }

  // Runs `sh -c LINE` where $SESHDB is the binary, $FIXTURES the fixtures
  // folder, $TMP the sandbox and $DB its database; output paths are scrubbed
  // back to those names.
  RunResult shell(const std::string& line, const std::string& stdin_text = {}) const;

  // Runs the binary with --db pointing at the sandbox database.
  RunResult seshdb(const std::string& args) const;

private:
  std::filesystem::path m_dir;
};

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);
std::filesystem::path fixtures_dir();
std::filesystem::path shared_dir();

} // namespace seshdb::testing
