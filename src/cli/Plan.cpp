//===- Plan.cpp - The work: one worker task per compile command -----------===//
#include "Plan.h"
#include "CompileCommands.h"
#include "Inputs.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <set>

using namespace clang;
using namespace llvm;

namespace unawaited::cli {

namespace {

/// A Twine overload, never a format string: messages quote file names.
Error inputError(const Twine &Message) { return createStringError(Message); }

/// A task with the run's configuration and no command yet.
WorkerTask configuredTask(const PlanOptions &Opts) {
  WorkerTask T;
  T.Checks = Opts.Checks;
  T.Config = Opts.Config;
  T.ConfigFile = Opts.ConfigFile;
  return T;
}

/// As clang-tidy: --extra-arg-before before the command's own arguments
/// (after the compiler) and --extra-arg after them (before a "--").
tooling::ArgumentsAdjuster extraArgsAdjuster(const PlanOptions &Opts) {
  return tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          Opts.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(Opts.ExtraArgs,
                                         tooling::ArgumentInsertPosition::END));
}

/// The distinct C++ commands of \p File, checked runnable and adjusted.
Expected<std::vector<WorkerTask>>
fileTasks(const tooling::CompilationDatabase &DB, const std::string &File,
          const tooling::ArgumentsAdjuster &AddExtraArgs,
          std::set<std::string> &Dropped, const PlanOptions &Opts) {
  std::vector<tooling::CompileCommand> Cmds = DB.getCompileCommands(File);
  if (Cmds.empty())
    return inputError("no compile command for '" + File + "'");
  std::vector<WorkerTask> Mine;
  for (tooling::CompileCommand &C : Cmds) {
    if (!canHoldCoroutines(sourceLanguage(C)))
      continue; // this command compiles it as C, say; another as C++
    if (Error E = checkCommandDirectory(C))
      return std::move(E);
    if (Error E = checkResponseFiles(C))
      return std::move(E);
    WorkerTask T = configuredTask(Opts);
    T.Command = std::move(C);
    T.Command.Filename =
        absolutePath(sys::path::is_absolute(T.Command.Filename)
                         ? T.Command.Filename
                         : (T.Command.Directory + "/" + T.Command.Filename));
    if (Expected<sys::fs::file_t> In =
            sys::fs::openNativeFileForRead(T.Command.Filename))
      (void)sys::fs::closeFile(*In);
    else
      return inputError("cannot read source '" + T.Command.Filename +
                        "': " + toString(In.takeError()));
    T.Command.CommandLine =
        AddExtraArgs(T.Command.CommandLine, T.Command.Filename);
    adjustCommand(T.Command, Dropped);
    bool Same = false;
    for (const WorkerTask &Earlier : Mine)
      Same |= Earlier.Command.Directory == T.Command.Directory &&
              Earlier.Command.CommandLine == T.Command.CommandLine;
    if (!Same)
      Mine.push_back(std::move(T));
  }
  return std::move(Mine);
}

} // namespace

Error checkConfiguration(const std::vector<std::string> &Files,
                         const PlanOptions &Opts) {
  WorkerTask Probe = configuredTask(Opts);
  auto Provider = makeOptionsProvider(Probe);
  if (!Provider)
    return Provider.takeError();
  if (Opts.Config.empty() && Opts.ConfigFile.empty())
    if (Error E = validateDiscoveredConfigs(Files))
      return E;
  // As clang-tidy's "no checks enabled": a run that cannot find anything
  // must not pass quietly.
  if (!Files.empty() && !anyCheckEnabled(**Provider, Files))
    return inputError("no checks enabled: --checks or the configuration "
                      "disable every coro-* check");
  // Once for the run, not once per check and file as the workers' checks
  // would (and they report only findings).
  for (const std::string &P : optionProblems(**Provider, Files))
    WithColor::warning(errs(), "unawaited") << P << "\n";
  return Error::success();
}

Expected<Plan> planWork(const tooling::CompilationDatabase &DB,
                        std::vector<std::string> Files,
                        const PlanOptions &Opts) {
  Plan P;
  P.WholeDatabase = !Opts.SourcesNamed && Opts.Exclude.empty() &&
                    Opts.Shard.empty() && Opts.DiffRef.empty() &&
                    Opts.DiffFile.empty();
  std::set<std::string> Dropped;
  tooling::ArgumentsAdjuster AddExtraArgs = extraArgsAdjuster(Opts);
  for (const std::string &F : Files) {
    Expected<std::vector<WorkerTask>> Mine =
        fileTasks(DB, F, AddExtraArgs, Dropped, Opts);
    if (!Mine)
      return Mine.takeError();
    for (size_t K = 0; K < Mine->size(); ++K) {
      P.CommandOf.push_back(
          Mine->size() == 1
              ? std::string()
              : formatv(" (compile command {0} of {1})", K + 1, Mine->size())
                    .str());
      P.Tasks.push_back(std::move((*Mine)[K]));
    }
  }
  for (const std::string &D : Dropped)
    WithColor::warning(errs(), "unawaited")
        << "ignoring compiler flag '" << D << "' that clang does not know\n";
  P.Files = std::move(Files);
  return std::move(P);
}

} // namespace unawaited::cli
