//===- Diff.h - Changed-lines mode: --diff and --diff-file --------*- C++
//-*-===//
//
// Which lines a change adds or modifies, from a unified diff (git diff, or
// a patch file), and which files it touches at all: findings are reported
// only on the former, and only translation units that read one of the
// latter need analysing.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_DIFF_H
#define UNAWAITED_CLI_DIFF_H

#include "Dependencies.h"
#include "LineFilter.h"
#include "Worker.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace unawaited::cli {

class ChangedLines {
public:
  /// Parses a unified diff whose paths (after an "a/" or "b/" prefix) are
  /// relative to \p Root.
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Patch,
                                            llvm::StringRef Root);
  /// Runs `git diff -U0 <Ref>` in the repository holding \p Dir.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Ref,
                                              llvm::StringRef Dir);

  /// Only the added and modified lines, by real path.
  const LineFilter &lines() const { return Filter; }
  /// Whether a unit that read \p Deps (or whose source is \p Source) may
  /// see the change: it read, looked for or listed a changed path.
  bool affects(llvm::StringRef Source, llvm::ArrayRef<Dependency> Deps) const;
  size_t fileCount() const { return Touched.size(); }

private:
  LineFilter Filter;
  llvm::StringSet<> Touched; ///< real paths: added, modified, deleted
  llvm::StringSet<> Names;   ///< their file names, to skip the others fast
  llvm::StringSet<> Dirs;    ///< their directories, for listings
};

class ResultCache;

/// For each task, whether \p Changed can affect its result: its source
/// changed, or its recorded dependencies (Cache.h) name a changed path, or
/// it has none recorded.
std::vector<bool> affectedTasks(const std::vector<WorkerTask> &Tasks,
                                ResultCache *Cache,
                                const ChangedLines &Changed);

/// The real path of \p Path, or of its directory joined with its name when
/// it does not exist (a header not there yet), else \p Path made absolute.
std::string resolvePath(llvm::StringRef Path);

} // namespace unawaited::cli

#endif
