//===- Run.h - Running the workers, the cache and progress ------*- C++ -*-===//
//
// The stage that does the work: the result cache opened (by default in the
// -p build directory), the plan narrowed in changed-lines mode to the
// units the change can affect, then one worker per task, -j at a time,
// with a progress bar that counts what the report will list.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_RUN_H
#define UNAWAITED_CLI_RUN_H

#include "Baseline.h"
#include "Filter.h"
#include "Plan.h"
#include "Record.h"
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unawaited::cli {

struct RunOptions {
  std::string SelfPath;         ///< this executable, run as `--worker`
  unsigned Jobs = 0;            ///< -j; 0: every hardware thread
  unsigned TimeoutSeconds = 0;  ///< --timeout; 0: none
  bool NoCache = false;         ///< --no-cache
  std::string CacheDir;         ///< --cache-dir
  std::string BuildPath;        ///< -p, where the cache is by default
  unsigned CacheMaxSizeMiB = 0; ///< --cache-max-size
  bool Verbose = false;         ///< --verbose
};

/// "[3/10] 2 findings, 12s left" on stderr, rewritten in place.
struct ProgressBar {
  bool Enabled = false;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  void update(size_t Done, size_t Total, size_t Findings);
  void clear();
};

/// Runs \p P's tasks, first narrowing \p P (tasks and files) to those
/// \p Filter's change can affect in changed-lines mode; \p Base, if any,
/// is for the bar's count. The results are in the order of \p P.Tasks;
/// none when a signal interrupted the run (Signals.h).
std::optional<std::vector<TUResult>>
runWork(Plan &P, const FindingFilter &Filter,
        const std::optional<Baseline> &Base, ProgressBar &Bar,
        const RunOptions &Opts);

} // namespace unawaited::cli

#endif
