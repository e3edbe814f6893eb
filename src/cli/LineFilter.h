//===- LineFilter.h - clang-tidy's --line-filter ------------------*- C++ -*-===//
#ifndef UNAWAITED_CLI_LINEFILTER_H
#define UNAWAITED_CLI_LINEFILTER_H

#include "llvm/Support/Error.h"
#include <string>
#include <utility>
#include <vector>

namespace unawaited::cli {

/// Which lines of which files findings are reported on, in clang-tidy's
/// format: `[{"name":"file.cpp","lines":[[1,3],[5,7]]},{"name":"a.h"}]`.
/// As in clang-tidy, a file is matched by the first entry whose name ends
/// its path; an entry without lines takes every line; a file no entry
/// names reports nothing. An empty filter passes everything.
class LineFilter {
public:
  /// Parses the JSON of --line-filter; the error is one line.
  static llvm::Expected<LineFilter> parse(llvm::StringRef Json);

  bool passes(llvm::StringRef File, unsigned Line) const;

private:
  struct Entry {
    std::string Name;
    std::vector<std::pair<unsigned, unsigned>> Lines;
  };
  std::vector<Entry> Entries;
};

} // namespace unawaited::cli

#endif
