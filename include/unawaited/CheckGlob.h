//===- CheckGlob.h - clang-tidy style check globs ----------------*- C++ -*-===//
//
// "-*,coro-*,-coro-discarded-eager-task": comma-separated globs, '-' negates,
// the last matching entry wins. Only entries naming coro-* checks are kept
// from project configuration, so a project's `Checks: '-*,bugprone-*'`
// (written for plain clang-tidy) does not switch our checks off, while
// `-coro-discarded-eager-task` does.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CHECKGLOB_H
#define UNAWAITED_CHECKGLOB_H

#include "unawaited/Analysis.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace unawaited {

/// Whether \p Glob enables \p Check (false when nothing matches).
bool globEnables(llvm::StringRef Glob, llvm::StringRef Check);

/// The entries of \p Glob that can only match coro-* checks.
std::string coroEntries(llvm::StringRef Glob);

/// The checks a glob list selects, starting from all enabled.
EnabledChecks checksFromGlob(llvm::StringRef Glob);

} // namespace unawaited

#endif
