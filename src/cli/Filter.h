//===- Filter.h - Which findings the report keeps ---------------*- C++ -*-===//
//
// A finding in the translation unit's own source is kept; one in a header
// only if the header matches --header-filter and not --exclude. Either is
// then kept only on the lines of --line-filter and, in changed-lines mode
// (--diff, --diff-file), on the lines the change adds or modifies. The
// options are read, and their errors reported, before any work.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_FILTER_H
#define UNAWAITED_CLI_FILTER_H

#include "Diff.h"
#include "LineFilter.h"
#include "Record.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace unawaited::cli {

struct FilterOptions {
  std::string HeaderFilter;   ///< --header-filter
  std::string LineFilterJson; ///< --line-filter
  std::string DiffRef;        ///< --diff
  std::string DiffFile;       ///< --diff-file
};

struct FindingFilter {
  llvm::Regex Header;
  std::optional<llvm::Regex> Exclude;
  LineFilter Lines;
  /// The change, in changed-lines mode; it also decides which units need
  /// analysing (Run.h).
  std::optional<ChangedLines> Changed;

  /// Whether \p D, from the unit of \p TUFile, is a finding in a file the
  /// report covers. A header reached through two spellings (an include
  /// path through a symlink, and the real one) is one file: --exclude
  /// matches either spelling.
  bool reported(const DiagRecord &D, const std::string &TUFile) const;
  /// Whether \p Line of \p File passes --line-filter and the change.
  bool onReportedLine(const std::string &File, unsigned Line) const;
};

/// Reads --header-filter, --line-filter and the change of --diff (in the
/// repository holding the first of \p Files) or --diff-file; \p Exclude is
/// the compiled --exclude (Inputs.h).
llvm::Expected<FindingFilter>
makeFindingFilter(const FilterOptions &Opts, std::optional<llvm::Regex> Exclude,
                  const std::vector<std::string> &Files);

} // namespace unawaited::cli

#endif
