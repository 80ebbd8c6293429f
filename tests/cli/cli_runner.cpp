#include "cli_runner.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace seshdb::testing {

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) {
    return text;
  }
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

std::string quote(const std::string& text) {
  return "'" + replace_all(text, "'", "'\\''") + "'";
}

} // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::filesystem::path fixtures_dir() {
  return std::filesystem::path(SESHDB_SOURCE_DIR) / "fixtures";
}

std::filesystem::path shared_dir() {
  return std::filesystem::path(SESHDB_SHARED_DIR);
}

CliSandbox::CliSandbox() {
  std::string pattern = (std::filesystem::temp_directory_path() / "seshdb-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_dir = pattern;
}

CliSandbox::~CliSandbox() {
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

RunResult CliSandbox::shell(const std::string& line, const std::string& stdin_text) const {
  const auto out_path = m_dir / ".stdout";
  const auto err_path = m_dir / ".stderr";
  const auto in_path = m_dir / ".stdin";
  write_file(in_path, stdin_text);
  const std::string binary = SESHDB_BINARY;
  const std::string fixtures = fixtures_dir().string();
  const std::string command = fmt::format(
      "cd {tmp} && env -u SESHDB_DB -u NO_COLOR TZ=UTC LC_ALL=C HOME={tmp} XDG_DATA_HOME={tmp}/xdg "
      "SESHDB={bin} FIXTURES={fix} TMP={tmp} DB={tmp}/test.db sh -c {line} <{in} >{out} 2>{err}",
      fmt::arg("tmp", quote(m_dir.string())), fmt::arg("bin", quote(binary)), fmt::arg("fix", quote(fixtures)),
      fmt::arg("line", quote(line)), fmt::arg("in", quote(in_path.string())),
      fmt::arg("out", quote(out_path.string())), fmt::arg("err", quote(err_path.string())));
  const int status = std::system(command.c_str());
  RunResult result;
  result.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto scrub = [&](std::string text) {
    text = replace_all(text, m_dir.string(), "$TMP");
    text = replace_all(text, fixtures, "$FIXTURES");
    text = replace_all(text, binary, "$SESHDB");
    return text;
  };
  result.out = scrub(read_file(out_path));
  result.err = scrub(read_file(err_path));
  return result;
}

RunResult CliSandbox::seshdb(const std::string& args) const {
  return shell("\"$SESHDB\" --db \"$DB\" " + args);
}

} // namespace seshdb::testing
