//===- CompileCommands.h - Loading and adjusting compile commands -*- C++ -*-===//
#ifndef UNAWAITED_CLI_COMPILECOMMANDS_H
#define UNAWAITED_CLI_COMPILECOMMANDS_H

#include "clang/Driver/Types.h"
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

/// Checks that \p C's `@file` arguments could all be expanded (none
/// includes itself); the error names the file and the reason, in one line.
llvm::Error checkResponseFiles(const clang::tooling::CompileCommand &C);

/// Checks that \p C can run: its working directory exists and is a
/// directory. The error names the directory and the file, in one line.
llvm::Error checkCommandDirectory(const clang::tooling::CompileCommand &C);

/// The language clang compiles \p C's source as, decided as clang's driver
/// decides it: `-x` before the source (clang-cl: /TC, /TP, /Tc, /Tp),
/// else the extension, with C read as C++ by a C++ driver (clang++, g++,
/// c++, --driver-mode=g++) and -ObjC / -ObjC++ applied. An unknown
/// extension is a linker input (TY_Object), as for clang.
clang::driver::types::ID
sourceLanguage(const clang::tooling::CompileCommand &C);

/// Whether \p Arg, which starts with '/', may be one of the few options
/// spelled with '/' that clang's (not clang-cl's) command line knows;
/// otherwise clang reads it as a path.
bool mayBeSlashOption(llvm::StringRef Arg);

/// Whether sources in \p Language can hold coroutines and are analysed:
/// C++, Objective-C++, CUDA and HIP (sources, headers, preprocessed).
bool canHoldCoroutines(clang::driver::types::ID Language);

/// A source left out because it is not C++.
struct SkippedSource {
  std::string File;
  /// clang's name for it, as -x takes it ("c", "assembler-with-cpp"), or
  /// "linker input" for a file clang would not compile (.o, .ipp).
  std::string Language;
};

/// Removes from \p Files, in place and keeping the order, every source
/// none of whose compile commands can hold coroutines (C, assembly,
/// Objective-C, ...), and returns them.
std::vector<SkippedSource>
dropNonCxxSources(const clang::tooling::CompilationDatabase &DB,
                  std::vector<std::string> &Files);

/// The clang resource directory (builtin headers) this build uses.
std::string resourceDir();

} // namespace unawaited::cli

#endif
