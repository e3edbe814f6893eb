//===- SourceFiles.h - Files findings point into, read and indexed once -*- C++
//-*-===//
#ifndef UNAWAITED_CLI_SOURCEFILES_H
#define UNAWAITED_CLI_SOURCEFILES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace unawaited::cli {

/// The files findings, notes and fixes point into. Each is read once (into
/// memory, not mapped: an editor may truncate it meanwhile) and its line
/// starts are indexed once, so a finding's line, column and source line
/// cost a binary search and a slice, and a report costs time linear in its
/// findings. The parent reads every file through this one cache, so the
/// whole report (and the baseline fingerprints) sees one version of each.
class SourceFiles {
public:
  /// The run's cache.
  static SourceFiles &shared();

  /// 1-based line and byte column of \p Offset in \p File; line 1 and
  /// column Offset + 1 when the file cannot be read.
  std::pair<unsigned, unsigned> lineColumn(llvm::StringRef File,
                                           unsigned Offset);
  /// The text of 1-based line \p Line, without its line break; "" when the
  /// file cannot be read or has no such line.
  llvm::StringRef line(llvm::StringRef File, unsigned Line);

  /// Forgets every file (the benchmarks time the first reading).
  void clear();

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buffer; ///< null: unreadable
    std::vector<unsigned> LineStarts;           ///< offset of each line
  };
  const File &get(llvm::StringRef Path);

  std::mutex Mu;
  llvm::StringMap<File> Files;
};

} // namespace unawaited::cli

#endif
