//===- Scheduler.h - Running workers in parallel -----------------*- C++ -*-===//
#ifndef UNAWAITED_CLI_SCHEDULER_H
#define UNAWAITED_CLI_SCHEDULER_H

#include "Cache.h"
#include "Record.h"
#include "Worker.h"
#include <functional>

namespace unawaited::cli {

struct ScheduleOptions {
  std::string SelfPath; ///< this executable, run as `--worker`
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0; ///< 0: none
  /// Called after each translation unit, one call at a time: (done, total,
  /// that unit's result).
  std::function<void(size_t, size_t, const TUResult &)> Progress;
  /// Replays unchanged units and records the others; null: no cache.
  ResultCache *Cache = nullptr;
};

/// Runs one worker per task, largest file first, \p Opts.Jobs at a time.
/// Results come back in the order of \p Tasks, whatever the schedule. On
/// an interrupt (Signals.h) the workers are killed, no more are started,
/// and it returns at once with the results incomplete.
std::vector<TUResult> runWorkers(const std::vector<WorkerTask> &Tasks,
                                 const ScheduleOptions &Opts);

} // namespace unawaited::cli

#endif
