#include "cli/interrupt.hpp"

namespace seshdb::cli {

namespace {

std::atomic<bool> g_requested{false};
volatile std::sig_atomic_t g_signal = 0;

static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

extern "C" void on_signal(int signal) {
  if (g_requested.load()) {
    // The second one: stop now, the way the default action would.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  g_signal = signal;
  g_requested.store(true);
}

} // namespace

InterruptGuard::InterruptGuard() {
  g_requested.store(false);
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART; // blocking reads and writes carry on rather than fail with EINTR
  sigaction(SIGINT, &action, &m_old_int);
  sigaction(SIGTERM, &action, &m_old_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &m_old_int, nullptr);
  sigaction(SIGTERM, &m_old_term, nullptr);
}

const std::atomic<bool>& InterruptGuard::requested() const {
  return g_requested;
}

int InterruptGuard::signal_number() const {
  return static_cast<int>(g_signal);
}

} // namespace seshdb::cli
