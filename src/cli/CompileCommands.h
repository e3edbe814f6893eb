//===- CompileCommands.h - Loading and adjusting compile commands -*- C++ -*-===//
#ifndef UNAWAITED_CLI_COMPILECOMMANDS_H
#define UNAWAITED_CLI_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <set>

namespace unawaited::cli {

/// Loads `-p` (a directory holding compile_commands.json, or the file
/// itself), expands response files, and infers commands for files the
/// database does not list from their neighbours (as clangd does).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(llvm::StringRef BuildPath);

/// Makes a command runnable by our clang: adds the resource directory,
/// drops the flags that turn warnings into errors, drops flags clang does
/// not know (GCC-only ones), recording each of those in \p Dropped so the
/// caller can warn once per flag, and undefines __clang_analyzer__ (which
/// clang-tidy's frontend defines and the build's compiler does not).
void adjustCommand(clang::tooling::CompileCommand &C,
                   std::set<std::string> &Dropped);

/// Checks that \p C can run: its working directory exists and is a
/// directory. The error names the directory and the file, in one line.
llvm::Error checkCommandDirectory(const clang::tooling::CompileCommand &C);

/// The clang resource directory (builtin headers) this build uses.
std::string resourceDir();

} // namespace unawaited::cli

#endif
