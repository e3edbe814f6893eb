//===- Worker.h - Analyse one translation unit in a subprocess ---*- C++ -*-===//
//
// The parent runs `unawaited --worker <task.json>` once per translation
// unit, so that a crash or hang in the parser costs one file, not the run.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_WORKER_H
#define UNAWAITED_CLI_WORKER_H

#include "clang/Tooling/CompilationDatabase.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace unawaited::cli {

/// Everything a worker needs; written by the parent as JSON.
struct WorkerTask {
  clang::tooling::CompileCommand Command;
  std::string Checks;     ///< --checks
  std::string Config;     ///< --config (YAML text)
  std::string ConfigFile; ///< --config-file
  int ParentPid = 0;      ///< the worker ends when this process does
  /// Where to write the files the parse read (Dependencies.h), for the
  /// result cache; empty: not recorded.
  std::string DepsFile;
};

llvm::json::Value toJSON(const WorkerTask &T);
bool fromJSON(const llvm::json::Value &V, WorkerTask &T, llvm::json::Path P);

/// Runs the task in \p TaskFile and prints the findings as JSON on stdout.
/// Returns the process exit code.
int runWorker(llvm::StringRef TaskFile);

/// Builds the clang-tidy options provider every front end of the CLI uses.
/// Returns an error for an unreadable or malformed configuration.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const WorkerTask &T);

/// Whether \p Provider enables at least one coro-* check for one of \p Files.
bool anyCheckEnabled(clang::tidy::ClangTidyOptionsProvider &Provider,
                     llvm::ArrayRef<std::string> Files);

/// The problems (Options::problems) in the options of the checks enabled
/// for \p Files, each once: the workers' checks would quietly ignore them.
std::vector<std::string>
optionProblems(clang::tidy::ClangTidyOptionsProvider &Provider,
               llvm::ArrayRef<std::string> Files);

/// Parses every .clang-tidy file clang-tidy would discover for \p Files
/// (absolute paths), so that a malformed one is an input error rather than
/// a warning clang-tidy prints and ignores.
llvm::Error validateDiscoveredConfigs(llvm::ArrayRef<std::string> Files);

} // namespace unawaited::cli

#endif
