//===- Merge.cpp - The workers' results gathered into a report ------------===//
#include "Merge.h"
#include "SourceFiles.h"
#include "clang-tidy/GlobList.h"
#include <algorithm>
#include <optional>
#include <utility>

using namespace llvm;

namespace unawaited::cli {

namespace {

/// Fills in line and column from the file's bytes.
void locate(const std::string &File, unsigned Offset, unsigned &Line,
            unsigned &Column) {
  std::tie(Line, Column) = SourceFiles::shared().lineColumn(File, Offset);
}

/// Locates \p D and its notes, where they have a file.
void locateAll(DiagRecord &D) {
  if (!D.File.empty())
    locate(D.File, D.Offset, D.Line, D.Column);
  for (NoteRecord &N : D.Notes)
    if (!N.File.empty())
      locate(N.File, N.Offset, N.Line, N.Column);
}

/// By file, line, column and check. std::sort with the arrival order as
/// the last key: stable, without libstdc++'s stable_sort (which clang 19
/// flags for a deprecated helper).
void sortFindings(std::vector<DiagRecord> &Findings) {
  std::vector<std::pair<size_t, DiagRecord>> Keyed;
  Keyed.reserve(Findings.size());
  for (DiagRecord &D : Findings)
    Keyed.emplace_back(Keyed.size(), std::move(D));
  std::sort(Keyed.begin(), Keyed.end(), [](const auto &A, const auto &B) {
    return std::tie(A.second.File, A.second.Line, A.second.Column,
                    A.second.Check, A.first) <
           std::tie(B.second.File, B.second.Line, B.second.Column,
                    B.second.Check, B.first);
  });
  Findings.clear();
  for (auto &[Index, D] : Keyed)
    Findings.push_back(std::move(D));
}

} // namespace

Report mergeResults(std::vector<TUResult> Results, const Plan &P,
                    const FindingFilter &Filter, const MergeOptions &Opts) {
  std::optional<clang::tidy::CachedGlobList> AsErrors;
  if (!Opts.WarningsAsErrors.empty())
    AsErrors.emplace(Opts.WarningsAsErrors);
  Report R;
  R.FilesAnalysed = P.Files.size();
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  for (size_t I = 0; I < Results.size(); ++I) {
    TUResult &TU = Results[I];
    Failure Fail{TU.File, TU.FailureReason + P.CommandOf[I], {}};
    for (DiagRecord &D : TU.Diags) {
      locateAll(D);
      if (!D.isFinding()) {
        Fail.Errors.push_back(std::move(D));
        continue;
      }
      if (!Filter.reported(D, TU.File) ||
          !Filter.onReportedLine(D.File, D.Line))
        continue;
      if (!Seen.insert({D.Check, realPath(D.File), D.Offset, D.Message}).second)
        continue; // a header seen from another translation unit
      if (AsErrors && AsErrors->contains(D.Check)) {
        D.Level = "error";
        D.WarningAsError = true;
      }
      D.FromFailedUnit = TU.Failed;
      D.MainFile = TU.File;
      D.BuildDirectory = P.Tasks[I].Command.Directory;
      R.Findings.push_back(std::move(D));
    }
    if (TU.Failed)
      R.Failures.push_back(std::move(Fail));
  }
  sortFindings(R.Findings);
  return R;
}

FindingCounter::FindingCounter(const FindingFilter &Filter,
                               const std::optional<Baseline> &Base)
    : Filter(Filter), Base(Base) {
  if (Base)
    Unmatched = Base->unmatched();
}

// Locates a copy of each record: the results go on to mergeResults whole.
size_t FindingCounter::add(const TUResult &TU) {
  for (const DiagRecord &D : TU.Diags) {
    // A whole-program candidate is decided only once every unit has run.
    if (!D.WholeProgramKey.empty())
      continue;
    if (!Filter.reported(D, TU.File) ||
        !Seen.insert({D.Check, realPath(D.File), D.Offset, D.Message}).second)
      continue;
    DiagRecord Located = D;
    locate(Located.File, Located.Offset, Located.Line, Located.Column);
    if (!Filter.onReportedLine(Located.File, Located.Line))
      continue;
    if (!Base || !Base->match(Located, Unmatched))
      ++Count;
  }
  return Count;
}

} // namespace unawaited::cli
