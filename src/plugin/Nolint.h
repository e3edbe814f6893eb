//===- Nolint.h - NOLINT comments for the plugin front end -------*- C++ -*-===//
//
// The clang-tidy front ends get NOLINT handling from clang-tidy itself; the
// compiler plugin implements the same syntax: NOLINT, NOLINTNEXTLINE,
// NOLINTBEGIN/NOLINTEND, each optionally followed by "(check-globs)".
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_PLUGIN_NOLINT_H
#define UNAWAITED_PLUGIN_NOLINT_H

#include "clang/Basic/SourceManager.h"

namespace unawaited::plugin {

bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, llvm::StringRef Check);

} // namespace unawaited::plugin

#endif
