//===- Plan.h - The work: one worker task per compile command ---*- C++ -*-===//
//
// Every distinct compile command of a selected file becomes a WorkerTask,
// as clang-tidy analyses each: a database may list a file twice (e.g. with
// and without -DFOO), and those findings are merged like a header's from
// several units. The configuration the tasks share is checked once here,
// and each command is checked runnable, before any worker starts.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_PLAN_H
#define UNAWAITED_CLI_PLAN_H

#include "Worker.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace unawaited::cli {

struct PlanOptions {
  std::string Checks;                       ///< --checks
  std::string Config;                       ///< --config
  std::string ConfigFile;                   ///< --config-file
  std::vector<std::string> ExtraArgsBefore; ///< --extra-arg-before
  std::vector<std::string> ExtraArgs;       ///< --extra-arg
  /// What narrows the run to part of the database: sources named,
  /// --exclude, --shard, --diff or --diff-file.
  bool SourcesNamed = false;
  std::string Exclude, Shard, DiffRef, DiffFile;
};

struct Plan {
  std::vector<std::string> Files; ///< the files analysed
  std::vector<WorkerTask> Tasks;
  /// Per task: " (compile command K of N)" when its file has several,
  /// else "", for naming a unit that could not be analysed.
  std::vector<std::string> CommandOf;
  /// The run analyses every C++ source of the database: nothing narrowed
  /// it (PlanOptions). A stage that needs the whole program's results
  /// (WholeProgram.h) can trust only such a run.
  bool WholeDatabase = false;
};

/// Checks the configuration the tasks will share (--checks, --config,
/// --config-file, else the .clang-tidy files of \p Files): readable,
/// well-formed and enabling some check. Warns once about bad options.
llvm::Error checkConfiguration(const std::vector<std::string> &Files,
                               const PlanOptions &Opts);

/// The tasks for \p Files, each command adjusted for our clang (with
/// --extra-arg-before and --extra-arg) and checked runnable; one warning
/// per compiler flag dropped.
llvm::Expected<Plan> planWork(const clang::tooling::CompilationDatabase &DB,
                              std::vector<std::string> Files,
                              const PlanOptions &Opts);

} // namespace unawaited::cli

#endif
