//===- Baseline.h - Accepting today's findings, reporting new ones -*- C++ -*-===//
//
// A fingerprint is the check, the file (relative to the baseline file's
// directory, both as real paths, with ".." if outside it), the enclosing
// function and the source line with white space folded, so findings keep
// their fingerprint when unrelated lines above them move.
// Identical fingerprints are counted, so a second copy of a baselined bug is
// new.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_BASELINE_H
#define UNAWAITED_CLI_BASELINE_H

#include "Record.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace unawaited::cli {

class Baseline {
public:
  static llvm::Expected<Baseline> load(llvm::StringRef Path);
  static llvm::Error write(llvm::StringRef Path,
                           const std::vector<DiagRecord> &Findings);
  /// Removes baselined findings from \p Findings; returns how many.
  size_t filter(std::vector<DiagRecord> &Findings) const;

  /// The fingerprints not yet matched, for matching findings one at a time.
  llvm::StringMap<unsigned> unmatched() const { return Counts; }
  /// Whether \p D (located) is baselined; consumes its entry in \p Left.
  bool match(const DiagRecord &D, llvm::StringMap<unsigned> &Left) const;

private:
  std::string Dir;
  llvm::StringMap<unsigned> Counts;
};

std::string fingerprint(const DiagRecord &D, llvm::StringRef BaselineDir);

} // namespace unawaited::cli

#endif
