//===- Output.h - text, json, sarif and github output ------------*- C++ -*-===//
#ifndef UNAWAITED_CLI_OUTPUT_H
#define UNAWAITED_CLI_OUTPUT_H

#include "Record.h"
#include "llvm/Support/raw_ostream.h"

namespace unawaited::cli {

enum class Format { Text, Json, Sarif, Github };

/// A translation unit that could not be analysed.
struct Failure {
  std::string File;
  std::string Reason;
  std::vector<DiagRecord> Errors; ///< the compiler's errors, if any
};

struct Report {
  std::vector<DiagRecord> Findings; ///< de-duplicated, in output order
  std::vector<Failure> Failures;
  size_t FilesAnalysed = 0;
  size_t Suppressed = 0; ///< by the baseline
};

/// Reads a source line for display (1-based); empty when unavailable.
std::string sourceLine(llvm::StringRef File, unsigned Line);

void writeReport(const Report &R, Format F, llvm::raw_ostream &OS,
                 bool Color);

} // namespace unawaited::cli

#endif
