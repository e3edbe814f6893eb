//===- Signals.cpp --------------------------------------------------------===//
#include "Signals.h"
#include <atomic>
#include <csignal>
#include <initializer_list>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace unawaited::cli {

namespace {

// Written by the handler: a lock-free atomic is async-signal-safe.
std::atomic<int> Received{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onInterrupt(int Signal) {
  int None = 0;
  if (!Received.compare_exchange_strong(None, Signal))
    ::_exit(128 + Signal); // the second one: the user insists
}

} // namespace

void installInterruptHandlers() {
  struct sigaction Action = {};
  Action.sa_handler = onInterrupt;
  sigemptyset(&Action.sa_mask);
  Action.sa_flags = SA_RESTART;
  for (int Signal : {SIGINT, SIGTERM, SIGHUP})
    (void)::sigaction(Signal, &Action, nullptr);
}

int interruptSignal() { return Received.load(); }

const char *signalName(int Signal) {
  switch (Signal) {
  case SIGINT:
    return "SIGINT";
  case SIGTERM:
    return "SIGTERM";
  case SIGHUP:
    return "SIGHUP";
  default:
    return "a signal";
  }
}

void dieWithParent(int ParentPid) {
#ifdef __linux__
  (void)::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  // The parent may have ended before the call above.
  if (ParentPid > 0 && ::getppid() != ParentPid)
    ::_exit(1);
}

} // namespace unawaited::cli
