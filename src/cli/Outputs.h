//===- Outputs.h - The baseline, the report, the files written --*- C++ -*-===//
//
// The driver's last stages. The baseline is read and every output path
// checked before any work; at the end --write-baseline records the
// findings, --baseline hides the known ones, and the report is rendered
// into memory before anything is written (it quotes source lines that
// --fix is about to change). Then, in order: --write-baseline,
// --export-fixes, --fix, the report (-o, or stdout). A failed output stops
// the files after it, never the report; the exit code (2) says so.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_OUTPUTS_H
#define UNAWAITED_CLI_OUTPUTS_H

#include "Baseline.h"
#include "CompileCommands.h"
#include "Output.h"
#include "Record.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace unawaited::cli {

struct OutputOptions {
  Format ReportFormat = Format::Text; ///< --format
  std::string OutputFile;             ///< -o; empty: stdout
  std::string ExportFixes;            ///< --export-fixes
  std::string BaselineFile;           ///< --baseline
  std::string WriteBaseline;          ///< --write-baseline
  bool Fix = false;                   ///< --fix
  bool Quiet = false;                 ///< --quiet
  std::optional<bool> UseColor;       ///< --use-color, when given
  /// --warnings-as-errors was given: as in clang-tidy, only errors fail.
  bool OnlyErrorsFail = false;
};

/// The --baseline, if one is given.
llvm::Expected<std::optional<Baseline>> loadBaseline(const OutputOptions &Opts);

/// Checks that every output could be written, so that a bad path fails
/// before the work rather than after it.
llvm::Error checkOutputPaths(const OutputOptions &Opts);

/// Hides \p Base's findings from \p R. Returns the findings as they were,
/// for --write-baseline (none when it is not given).
std::vector<DiagRecord> applyBaseline(Report &R,
                                      const std::optional<Baseline> &Base,
                                      const OutputOptions &Opts);

/// The report, rendered into memory. In text mode the failures are first
/// printed on stderr; the structured formats carry them.
std::string renderReport(const Report &R, const OutputOptions &Opts);

/// Writes the outputs in order (see above); \p ForBaseline is what
/// applyBaseline returned and \p Files the files analysed. Returns whether
/// one of them failed.
bool writeOutputs(const Report &R, const std::vector<DiagRecord> &ForBaseline,
                  llvm::StringRef ReportText,
                  const std::vector<std::string> &Files,
                  const OutputOptions &Opts);

/// Prints the text format's summary line on stderr (unless --quiet) and
/// returns the exit code: 2 an output failed, 3 a unit could not be
/// analysed, 1 findings that fail the run, else 0.
int summarize(const Report &R, llvm::ArrayRef<SkippedSource> Skipped,
              bool OutputFailed, const OutputOptions &Opts);

} // namespace unawaited::cli

#endif
