//===- Signals.h - Interrupts; workers die with the parent --*- C++ -*-===//
//
// SIGINT (Ctrl-C), SIGTERM (what CI timeouts send) and SIGHUP to the
// parent only record the signal. The scheduler then kills its workers and
// starts no more, temporaries are removed the usual way, --fix replaces no
// file it has not started replacing, and main() exits 128 + the signal.
// A second signal ends the parent at once. Workers die with their parent
// (PR_SET_PDEATHSIG), however the parent ends.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_SIGNALS_H
#define UNAWAITED_CLI_SIGNALS_H

namespace unawaited::cli {

/// Installs the handlers for SIGINT, SIGTERM and SIGHUP (in the parent).
void installInterruptHandlers();

/// The first of those signals received; 0 when none was.
int interruptSignal();

/// The signal's name, "SIGINT", "SIGTERM" or "SIGHUP".
const char *signalName(int Signal);

/// In a worker: makes the kernel kill this process when its parent ends,
/// and exits at once if \p ParentPid (0: unknown) already has.
void dieWithParent(int ParentPid);

} // namespace unawaited::cli

#endif
