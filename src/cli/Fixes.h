//===- Fixes.h - Applying and exporting fix-its ------------------*- C++ -*-===//
#ifndef UNAWAITED_CLI_FIXES_H
#define UNAWAITED_CLI_FIXES_H

#include "Record.h"
#include "llvm/Support/Error.h"

namespace unawaited::cli {

/// What --fix did, file by file.
struct FixSummary {
  unsigned Applied = 0; ///< findings whose fixes were written
  unsigned Skipped = 0; ///< findings whose fixes overlapped another's
  std::vector<std::string> Written; ///< files rewritten
  /// Files left as they were because they are no longer the bytes that
  /// were analysed (an editor, another --fix run): a warning each.
  std::vector<std::string> Changed;
  /// Why files could not be written, one line each ("cannot write 'x':
  /// ..."). When there are any, no other file was written either, except
  /// those already in Written when a rename failed halfway.
  std::vector<std::string> Errors;
  /// Files with fixes to apply that were not written because of Errors
  /// or an interrupt.
  std::vector<std::string> Unwritten;
  /// A signal came before any file was replaced (Signals.h): none was.
  bool Interrupted = false;
};

/// Applies the findings' own fix-its (not notes'). Fixes that overlap an
/// earlier one are skipped whole, never merged. A file is fixed only if it
/// still holds the bytes the analysis read (the workers' content hashes):
/// checked first, and again under an exclusive flock on the file just
/// before it is replaced, so concurrent --fix runs take turns and the
/// second one leaves a file the first changed alone. Every file is written
/// to a temporary beside it before any is replaced; if one cannot be
/// written, none is.
FixSummary applyFixes(const std::vector<DiagRecord> &Findings);

/// Writes clang-apply-replacements YAML for \p Findings with exactly the
/// replacements applyFixes would apply: notes and findings whose fixes are
/// skipped (failed unit, overlap) are exported without replacements. Each
/// diagnostic's BuildDirectory is its compile command's directory, as
/// clang-tidy writes it. MainSourceFile is the translation unit of the
/// diagnostics when they share one (clang-tidy's file for one unit), else
/// \p OnlyFile (the one file analysed, or ""), as run-clang-tidy's merge
/// of several units writes it: the format has one per document, and
/// clang-apply-replacements reads one document per file.
llvm::Error exportFixes(const std::vector<DiagRecord> &Findings,
                        llvm::StringRef OnlyFile, llvm::StringRef OutPath);

/// Writes \p Contents to \p Path atomically (temporary file, then rename),
/// keeping its mode; a symbolic link stays one and its target is written.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::StringRef Contents);

/// Whether \p Path could be written: its directory exists and is
/// writable, and it is not itself a directory. Writes nothing.
llvm::Error checkWritable(llvm::StringRef Path);

} // namespace unawaited::cli

#endif
