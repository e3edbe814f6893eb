//===- Run.cpp - Running the workers, the cache and progress --------------===//
#include "Run.h"
#include "Cache.h"
#include "Merge.h"
#include "Scheduler.h"
#include "Signals.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>
#include <set>
#include <thread>

using namespace llvm;

namespace unawaited::cli {

namespace {

/// -j, or every hardware thread by default. At most 4 per hardware thread
/// and 256, with one warning: each job is a process whose parse holds
/// hundreds of megabytes, so a huge -j only thrashes or exhausts memory.
unsigned jobCount(unsigned Jobs) {
  unsigned Hardware = std::max(1u, std::thread::hardware_concurrency());
  if (Jobs == 0)
    return Hardware;
  unsigned Max = std::min(256u, 4 * Hardware);
  if (Jobs <= Max)
    return Jobs;
  WithColor::warning(errs(), "unawaited")
      << formatv("-j {0} is more than {1} (4 per hardware thread, at most "
                 "256); using -j {1}\n",
                 Jobs, Max);
  return Max;
}

/// The result cache: on by default where the build directory is known.
std::unique_ptr<ResultCache> openCache(const RunOptions &Opts) {
  if (Opts.NoCache || (Opts.CacheDir.empty() && Opts.BuildPath.empty()))
    return nullptr;
  // As clangd's .cache/clangd: one place to ignore or to cache in CI.
  std::string Dir = Opts.CacheDir;
  if (Dir.empty()) {
    SmallString<256> P(sys::fs::is_directory(Opts.BuildPath)
                           ? StringRef(Opts.BuildPath)
                           : sys::path::parent_path(Opts.BuildPath));
    sys::path::append(P, ".cache", "unawaited");
    Dir = std::string(P);
  }
  auto Opened = ResultCache::open(Dir, uint64_t(Opts.CacheMaxSizeMiB) << 20,
                                  Opts.SelfPath);
  if (Opened)
    return std::move(*Opened);
  // The default place may be read-only: say so only when asked.
  if (!Opts.CacheDir.empty() || Opts.Verbose)
    WithColor::warning(errs(), "unawaited")
        << "result cache disabled: " << toString(Opened.takeError()) << "\n";
  else
    consumeError(Opened.takeError());
  return nullptr;
}

/// Changed-lines mode analyses only the units the change can affect: keeps
/// those of \p P's tasks, and the files they compile.
void narrowToChange(Plan &P, const ChangedLines &Changed, ResultCache *Cache,
                    bool Verbose) {
  std::vector<bool> Keep = affectedTasks(P.Tasks, Cache, Changed);
  std::vector<WorkerTask> KeptTasks;
  std::vector<std::string> KeptCommandOf;
  std::set<std::string> KeptFiles;
  for (size_t I = 0; I < P.Tasks.size(); ++I) {
    if (!Keep[I])
      continue;
    KeptFiles.insert(realPath(P.Tasks[I].Command.Filename));
    KeptTasks.push_back(std::move(P.Tasks[I]));
    KeptCommandOf.push_back(std::move(P.CommandOf[I]));
  }
  if (Verbose) {
    errs() << formatv("unawaited: --diff: {0} changed file{1}; {2} of {3} "
                      "compile commands can be affected\n",
                      Changed.fileCount(), Changed.fileCount() == 1 ? "" : "s",
                      KeptTasks.size(), P.Tasks.size());
  }
  P.Tasks = std::move(KeptTasks);
  P.CommandOf = std::move(KeptCommandOf);
  // Compared by real path: the database may spell a file otherwise.
  llvm::erase_if(P.Files, [&](const std::string &F) {
    return !KeptFiles.count(realPath(F));
  });
}

} // namespace

void ProgressBar::update(size_t Done, size_t Total, size_t Findings) {
  if (!Enabled)
    return;
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  double Left = Done ? Elapsed / Done * (Total - Done) : 0;
  errs() << formatv("\r[{0}/{1}] {2} finding{3}, {4:f0}s left   ", Done, Total,
                    Findings, Findings == 1 ? "" : "s", Left);
  if (Done == Total)
    clear();
}

void ProgressBar::clear() {
  if (Enabled)
    errs() << "\r" << std::string(60, ' ') << "\r";
}

std::optional<std::vector<TUResult>>
runWork(Plan &P, const FindingFilter &Filter,
        const std::optional<Baseline> &Base, ProgressBar &Bar,
        const RunOptions &Opts) {
  ScheduleOptions Sched;
  Sched.SelfPath = Opts.SelfPath;
  Sched.Jobs = jobCount(Opts.Jobs);
  Sched.TimeoutSeconds = Opts.TimeoutSeconds;
  std::unique_ptr<ResultCache> Cache = openCache(Opts);
  Sched.Cache = Cache.get();
  if (Filter.Changed)
    narrowToChange(P, *Filter.Changed, Cache.get(), Opts.Verbose);
  FindingCounter Counter(Filter, Base);
  Sched.Progress = [&](size_t Done, size_t Total, const TUResult &TU) {
    if (!Bar.Enabled)
      return;
    Bar.update(Done, Total, Counter.add(TU));
  };
  // The time left is estimated from the workers' pace alone.
  Bar.Start = std::chrono::steady_clock::now();
  std::vector<TUResult> Results = runWorkers(P.Tasks, Sched);
  if (interruptSignal())
    return std::nullopt;
  if (Cache) {
    if (Opts.Verbose) {
      errs() << formatv("unawaited: cache: {0} of {1} compile commands "
                        "replayed, {2} analysed, {3} stored ({4})\n",
                        Cache->Hits.load(), P.Tasks.size(),
                        P.Tasks.size() - Cache->Hits.load(),
                        Cache->Stored.load(), Cache->directory());
    }
    Cache->trim();
  }
  return std::move(Results);
}

} // namespace unawaited::cli
