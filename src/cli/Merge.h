//===- Merge.h - The workers' results gathered into a report ----*- C++ -*-===//
//
// Each unit's records are located (line and column from the byte offsets),
// its compiler errors set aside for its failure, and its findings kept by
// the FindingFilter (Filter.h) and de-duplicated across units (same check,
// file by real path, offset and message: a header's, or a file's under
// several compile commands). The findings are then sorted by file, line,
// column and check, so the report does not depend on -j.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_MERGE_H
#define UNAWAITED_CLI_MERGE_H

#include "Baseline.h"
#include "Filter.h"
#include "Output.h"
#include "Plan.h"
#include "Record.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace unawaited::cli {

struct MergeOptions {
  std::string WarningsAsErrors; ///< --warnings-as-errors globs
};

/// The report of \p Results (one per task of \p P, in its order): the
/// findings sorted, --warnings-as-errors applied, the baseline not yet.
Report mergeResults(std::vector<TUResult> Results, const Plan &P,
                    const FindingFilter &Filter, const MergeOptions &Opts);

/// Counts, as units finish in any order, the findings the report will
/// list: filtered, de-duplicated and not in \p Base. The progress bar's
/// number; the count does not depend on the arrival order.
class FindingCounter {
public:
  FindingCounter(const FindingFilter &Filter,
                 const std::optional<Baseline> &Base);
  /// Counts \p TU's findings; returns the count so far.
  size_t add(const TUResult &TU);

private:
  const FindingFilter &Filter;
  const std::optional<Baseline> &Base;
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  llvm::StringMap<unsigned> Unmatched;
  size_t Count = 0;
};

} // namespace unawaited::cli

#endif
