//===- Scheduler.cpp ------------------------------------------------------===//
#include "Scheduler.h"
#include "Signals.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <mutex>
#include <signal.h>
#include <thread>
#include <unistd.h>

namespace unawaited::cli {

namespace {

/// Removes a temporary file when it goes out of scope.
struct TempFile {
  llvm::SmallString<128> Path;
  explicit TempFile(llvm::StringRef Prefix, llvm::StringRef Suffix) {
    int FD = -1;
    if (!llvm::sys::fs::createTemporaryFile(Prefix, Suffix, FD, Path))
      (void)llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  }
  ~TempFile() {
    if (!Path.empty())
      (void)llvm::sys::fs::remove(Path);
  }
};

std::string firstLine(llvm::StringRef Text) {
  for (llvm::StringRef Line : llvm::split(Text, '\n')) {
    Line = Line.trim();
    if (!Line.empty())
      return Line.str();
  }
  return "";
}

/// A worker's output: one JSON record per line (a line break inside a
/// JSON string is escaped), parsed a line at a time: findings and errors,
/// and whole-program facts ({"member-fact": ...}, {"handoff-fact": ...}).
llvm::Error parseRecords(llvm::StringRef Text, TUResult &R) {
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    if (Line.trim().empty())
      continue;
    if (Line.starts_with("{\"member-fact\"")) {
      auto F = llvm::json::parse<MemberFact>(Line);
      if (!F)
        return F.takeError();
      R.Facts.push_back(std::move(*F));
      continue;
    }
    if (Line.starts_with("{\"handoff-fact\"")) {
      auto F = llvm::json::parse<HandOffFact>(Line);
      if (!F)
        return F.takeError();
      R.HandOffs.push_back(std::move(*F));
      continue;
    }
    auto D = llvm::json::parse<DiagRecord>(Line);
    if (!D)
      return D.takeError();
    R.Diags.push_back(std::move(*D));
  }
  return llvm::Error::success();
}

/// Fills \p R from a worker's output (run now or replayed): its records,
/// and whether they say the unit failed.
void readOutput(llvm::StringRef Output, TUResult &R) {
  if (llvm::Error E = parseRecords(Output, R)) {
    R.Diags.clear();
    R.Facts.clear();
    R.HandOffs.clear();
    R.Failed = true;
    R.FailureReason =
        "unreadable worker output: " + llvm::toString(std::move(E));
    return;
  }
  for (const DiagRecord &D : R.Diags) {
    if (D.Level != "error" || D.isFinding())
      continue;
    // clang-tidy's own error for an unmatched NOLINTBEGIN/NOLINTEND: the
    // file compiles, its suppressions do not pair up.
    std::string Reason = D.Check == "clang-tidy-nolint"
                             ? D.Message
                             : std::string("the file does not compile");
    if (!R.Failed || Reason == "the file does not compile")
      R.FailureReason = Reason;
    R.Failed = true;
  }
}

TUResult runOne(const WorkerTask &Task, const ScheduleOptions &Opts) {
  TUResult R;
  R.File = Task.Command.Filename;
  std::string Key;
  if (Opts.Cache) {
    Key = Opts.Cache->key(Task);
    if (std::optional<std::string> Hit = Opts.Cache->lookup(Key)) {
      readOutput(*Hit, R);
      return R;
    }
  }
  TempFile In("unawaited-task", "json"), Out("unawaited-out", "json"),
      Err("unawaited-err", "txt");
  std::optional<TempFile> Deps;
  if (Opts.Cache)
    Deps.emplace("unawaited-deps", "txt");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(In.Path, EC);
    if (EC) {
      R.Failed = true;
      R.FailureReason = "cannot write a temporary file: " + EC.message();
      return R;
    }
    WorkerTask Mine = Task;
    Mine.ParentPid = static_cast<int>(::getpid());
    if (Deps)
      Mine.DepsFile = Deps->Path.str().str();
    OS << toJSON(Mine);
  }
  llvm::SmallVector<llvm::StringRef, 3> Args = {Opts.SelfPath, "--worker",
                                                In.Path};
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out.Path),
                                                llvm::StringRef(Err.Path)};
  std::string ErrMsg;
  bool ExecFailed = false;
  llvm::sys::ProcessInfo PI = llvm::sys::ExecuteNoWait(
      Opts.SelfPath, Args, std::nullopt, Redirects, 0, &ErrMsg, &ExecFailed);
  // Poll rather than use ExecuteAndWait's timeout: that one is built on
  // alarm(), which is process-wide and unreliable with several workers.
  bool TimedOut = false;
  int RC = -1;
  if (!ExecFailed) {
    auto Deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(Opts.TimeoutSeconds);
    for (;;) {
      llvm::sys::ProcessInfo Done =
          llvm::sys::Wait(PI, /*SecondsToWait=*/0, &ErrMsg, nullptr,
                          /*Polling=*/true);
      if (Done.Pid != 0) {
        RC = Done.ReturnCode;
        break;
      }
      if (interruptSignal()) {
        // The run ends: the result is not reported, the temporaries go.
        ::kill(PI.Pid, SIGKILL);
        llvm::sys::Wait(PI, std::nullopt);
        R.Failed = true;
        R.FailureReason = "interrupted";
        return R;
      }
      if (Opts.TimeoutSeconds && std::chrono::steady_clock::now() > Deadline) {
        ::kill(PI.Pid, SIGKILL);
        llvm::sys::Wait(PI, std::nullopt);
        TimedOut = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  auto ErrText = llvm::MemoryBuffer::getFile(Err.Path);
  std::string Stderr = ErrText ? (*ErrText)->getBuffer().str() : "";
  if (ExecFailed || TimedOut || RC != 0) {
    R.Failed = true;
    if (ExecFailed)
      R.FailureReason = "cannot start the analysis: " + ErrMsg;
    else if (TimedOut)
      R.FailureReason = "analysis timed out after " +
                        std::to_string(Opts.TimeoutSeconds) + " s";
    else if (RC == -2)
      R.FailureReason = "analysis crashed (" + ErrMsg + ")";
    else {
      R.FailureReason =
          firstLine(Stderr).empty()
              ? "analysis failed with exit code " + std::to_string(RC)
              : firstLine(Stderr);
    }
    return R;
  }
  auto OutText = llvm::MemoryBuffer::getFile(Out.Path);
  if (!OutText) {
    R.Failed = true;
    R.FailureReason = "unreadable worker output: no worker output";
    return R;
  }
  readOutput((*OutText)->getBuffer(), R);
  // Only a unit analysed to the end is kept: not one that failed.
  if (Deps && !R.Failed)
    if (auto DepsText = llvm::MemoryBuffer::getFile(Deps->Path))
      Opts.Cache->store(Key, Task.Command.Filename, (*OutText)->getBuffer(),
                        (*DepsText)->getBuffer());
  return R;
}

} // namespace

std::vector<TUResult> runWorkers(const std::vector<WorkerTask> &Tasks,
                                 const ScheduleOptions &Opts) {
  std::vector<TUResult> Results(Tasks.size());
  // Largest first: a big file started last would idle the other workers.
  std::vector<std::pair<uint64_t, size_t>> Order;
  for (size_t I = 0; I < Tasks.size(); ++I) {
    uint64_t Size = 0;
    (void)llvm::sys::fs::file_size(Tasks[I].Command.Filename, Size);
    Order.push_back({Size, I});
  }
  // Ties in task order, so the schedule is deterministic.
  std::sort(Order.begin(), Order.end(), [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });

  std::atomic<size_t> Next{0};
  std::mutex Mu;
  size_t Done = 0;
  auto Loop = [&] {
    for (size_t N; !interruptSignal() && (N = Next++) < Order.size();) {
      size_t I = Order[N].second;
      TUResult R = runOne(Tasks[I], Opts);
      std::lock_guard<std::mutex> Lock(Mu);
      Results[I] = std::move(R);
      ++Done;
      if (Opts.Progress && !interruptSignal())
        Opts.Progress(Done, Tasks.size(), Results[I]);
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(Opts.Jobs, Tasks.size()));
  std::vector<std::thread> Threads;
  for (unsigned J = 1; J < Jobs; ++J)
    Threads.emplace_back(Loop);
  Loop();
  for (std::thread &T : Threads)
    T.join();
  return Results;
}

} // namespace unawaited::cli
