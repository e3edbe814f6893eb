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
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace unawaited::plugin {

/// The NOLINT comments of one translation unit. A finding's own line and
/// the one before it are read for it; the NOLINTBEGIN/NOLINTEND blocks of
/// a file are indexed once per check, on its first finding there, so
/// filtering N findings costs N log(markers) plus one read of each file,
/// not a read of the file up to each finding.
class NolintFilter {
public:
  explicit NolintFilter(const clang::SourceManager &SM) : SM(SM) {}

  /// Whether a NOLINT comment silences \p Check at \p Loc (its expansion).
  bool isSuppressed(clang::SourceLocation Loc, llvm::StringRef Check);

private:
  /// For each line of a file with a NOLINTBEGIN or NOLINTEND for a check:
  /// the offset the line starts at, and the blocks open after it.
  using Blocks = std::vector<std::pair<unsigned, unsigned>>;
  const Blocks &blocks(clang::FileID File, llvm::StringRef Buffer,
                       llvm::StringRef Check);

  const clang::SourceManager &SM;
  std::map<std::pair<clang::FileID, std::string>, Blocks> Indexed;
};

} // namespace unawaited::plugin

#endif
