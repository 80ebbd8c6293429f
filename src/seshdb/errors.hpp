// The two exception types of the core. `Error` is something the user can fix
// (bad input, a database the binary cannot use) and carries the exit code the
// CLI reports; `Fatal` is a bug or an environment failure we did not foresee.
// The CLI has the only catch for both.
#pragma once

#include <stdexcept>
#include <string>

namespace seshdb {

// Documented in README.md; every command uses them the same way.
enum class ExitCode : int {
  ok = 0,
  not_found = 1,
  usage = 2,
  database = 3,
  interrupted = 130, // 128 + SIGINT: stopped by Ctrl-C, what was done is kept
  terminated = 143,  // 128 + SIGTERM
};

class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::usage)
    : std::runtime_error(message), m_code(code) {}
  ExitCode code() const noexcept { return m_code; }

private:
  ExitCode m_code;
};

class DatabaseError : public Error {
public:
  explicit DatabaseError(const std::string& message) : Error(message, ExitCode::database) {}
};

class Fatal : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace seshdb
