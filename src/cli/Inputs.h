//===- Inputs.h - What to analyse: the database and its files ---*- C++ -*-===//
//
// The driver's first stages: the compilation database (`-- <args>`, -p,
// or one found for the first source named), then the files to analyse
// from it (the sources named or every file listed, less what is not C++,
// --exclude and --shard). Each error is a usage or input error, found
// before any work.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_INPUTS_H
#define UNAWAITED_CLI_INPUTS_H

#include "CompileCommands.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace unawaited::cli {

struct InputOptions {
  std::string BuildPath;            ///< -p
  std::vector<std::string> Sources; ///< the sources named, as given
  std::string Exclude;              ///< --exclude
  std::string Shard;                ///< --shard, "K/N"
};

/// The database: \p Fixed (from `-- <args>`) when there is one, else -p's,
/// else one found for the first source named.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
openDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed,
             const InputOptions &Opts);

struct Selection {
  std::vector<std::string> Files;     ///< absolute; sorted by --shard
  std::vector<SkippedSource> Skipped; ///< left out as not C++
  size_t Listed = 0;                  ///< C++ sources before --exclude
  std::optional<llvm::Regex> Exclude; ///< compiled --exclude, if given
};

/// The sources named (each once however spelled), or every file of \p DB,
/// less those that are not C++ and those --exclude matches.
llvm::Expected<Selection>
selectFiles(const clang::tooling::CompilationDatabase &DB,
            const InputOptions &Opts);

/// Keeps the files of --shard, then checks that the selection left
/// something to analyse where it must (a warning where it need not).
llvm::Error takeShard(Selection &S, const InputOptions &Opts);

/// "assembler-with-cpp, c": the languages of \p Skipped, each once.
std::string skippedLanguages(llvm::ArrayRef<SkippedSource> Skipped);

/// \p Path made absolute (against the working directory) without "." and
/// ".." components; symbolic links are kept.
std::string absolutePath(llvm::StringRef Path);

} // namespace unawaited::cli

#endif
