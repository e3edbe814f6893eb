//===- TidyRunner.h - One unit through the checks, as clang-tidy runs them
//-===//
//
// The worker's way to run the coro-* checks over one file: clang-tidy's
// context, diagnostics consumer (NOLINT, filters, fixes) and AST consumer,
// as runClangTidy sets them up, except that the AST matchers are given
// nothing to traverse. The checks need none of them (they run at the end of
// the unit, from the whole AST), and the matchers' own walk of every node of
// every header cost about 3.5% of a unit's parse.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_TIDYRUNNER_H
#define UNAWAITED_CLI_TIDYRUNNER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace unawaited::cli {

/// The findings and compiler errors of \p File under \p DB's command.
std::vector<clang::tidy::ClangTidyError>
runTidyChecks(clang::tidy::ClangTidyContext &Context,
              const clang::tooling::CompilationDatabase &DB,
              llvm::StringRef File,
              llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS);

} // namespace unawaited::cli

#endif
