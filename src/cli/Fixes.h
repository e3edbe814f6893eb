//===- Fixes.h - Applying and exporting fix-its ------------------*- C++ -*-===//
#ifndef UNAWAITED_CLI_FIXES_H
#define UNAWAITED_CLI_FIXES_H

#include "Record.h"
#include "llvm/Support/Error.h"

namespace unawaited::cli {

struct FixSummary {
  unsigned Applied = 0;  ///< findings whose fixes were applied
  unsigned Skipped = 0;  ///< findings whose fixes overlapped another's
  unsigned Files = 0;    ///< files rewritten
};

/// Applies the findings' own fix-its (not notes'), file by file: each file
/// is written to a temporary beside it and renamed over it, so a file is
/// either fully fixed or untouched. Fixes that overlap an earlier one are
/// skipped whole, never merged.
llvm::Expected<FixSummary> applyFixes(const std::vector<DiagRecord> &Findings);

/// Writes clang-apply-replacements YAML for \p Findings with exactly the
/// replacements applyFixes would apply: notes and findings whose fixes are
/// skipped (failed unit, overlap) are exported without replacements.
llvm::Error exportFixes(const std::vector<DiagRecord> &Findings,
                        llvm::StringRef MainFile, llvm::StringRef OutPath);

/// Writes \p Contents to \p Path atomically (temporary file, then rename),
/// keeping its mode; a symbolic link stays one and its target is written.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::StringRef Contents);

/// Whether \p Path could be written: its directory exists and is
/// writable, and it is not itself a directory. Writes nothing.
llvm::Error checkWritable(llvm::StringRef Path);

} // namespace unawaited::cli

#endif
