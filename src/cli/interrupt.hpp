// Ctrl-C (SIGINT) and SIGTERM during a long command: the first asks the core
// to stop at a safe point, the second ends the process at once (which is
// still safe: every transaction either committed or rolls back).
#pragma once

#include <atomic>
#include <csignal>

namespace seshdb::cli {

class InterruptGuard {
public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Set by the first SIGINT or SIGTERM while the guard lives.
  const std::atomic<bool>& requested() const;
  // The signal that set it, for the exit code (128 + signal).
  int signal_number() const;

private:
  struct sigaction m_old_int {};
  struct sigaction m_old_term {};
};

} // namespace seshdb::cli
