//===- CheckGlob.h - clang-tidy style check globs ----------------*- C++ -*-===//
//
// "-*,coro-*,-coro-discarded-eager-task": comma-separated globs, '-' negates,
// the last matching entry wins. A glob from project configuration applies
// to our checks only when it names a coro-* check: a project's
// `Checks: '-*,bugprone-*'` (written for plain clang-tidy) leaves our checks
// on, while `-*,coro-discarded-task` runs exactly that one, as clang-tidy
// would.
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

/// \p Glob itself when it names a coro-* check, else the empty string.
std::string coroEntries(llvm::StringRef Glob);

/// The checks a glob list selects, starting from all enabled.
EnabledChecks checksFromGlob(llvm::StringRef Glob);

} // namespace unawaited

#endif
