//===- Outputs.cpp - The baseline, the report, the files written ----------===//
#include "Outputs.h"
#include "Fixes.h"
#include "Inputs.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace llvm;

namespace unawaited::cli {

namespace {

/// "2 could not be analysed": a count of files, each failing under one or
/// more of its compile commands; "(4 compile commands)" when they are not
/// as many as the files.
std::string failedFilesSummary(ArrayRef<Failure> Failures) {
  std::set<std::string> Files;
  for (const Failure &F : Failures)
    Files.insert(F.File);
  std::string S = formatv("{0} could not be analysed", Files.size()).str();
  if (Failures.size() != Files.size())
    S += formatv(" ({0} compile commands)", Failures.size()).str();
  return S;
}

/// The text format's last line: "unawaited: 2 findings in 3 files", then
/// what the baseline hid, what could not be analysed and what was skipped.
std::string summaryLine(const Report &R, ArrayRef<SkippedSource> Skipped) {
  std::string Line =
      formatv("unawaited: {0} finding{1} in {2} file{3}", R.Findings.size(),
              R.Findings.size() == 1 ? "" : "s", R.FilesAnalysed,
              R.FilesAnalysed == 1 ? "" : "s");
  size_t AsErrors = llvm::count_if(
      R.Findings, [](const DiagRecord &D) { return D.WarningAsError; });
  if (AsErrors)
    Line += formatv(" ({0} treated as error{1})", AsErrors,
                    AsErrors == 1 ? "" : "s")
                .str();
  if (R.Suppressed)
    Line += formatv(", {0} in the baseline", R.Suppressed).str();
  if (!R.Failures.empty())
    Line += ", " + failedFilesSummary(R.Failures);
  if (!Skipped.empty())
    Line += formatv(", {0} skipped as not C++ ({1})", Skipped.size(),
                    skippedLanguages(Skipped))
                .str();
  return Line + "\n";
}

/// Prints \p E as an error line, if it is one.
bool failed(Error E) {
  if (!E)
    return false;
  WithColor::error(errs(), "unawaited") << toString(std::move(E)) << "\n";
  return true;
}

std::string quotedList(ArrayRef<std::string> Files) {
  std::string S;
  for (const std::string &F : Files)
    S += (S.empty() ? "'" : ", '") + F + "'";
  return S;
}

/// "applied fixes for N finding(s) in M file(s)", and what was not.
std::string fixSummaryLine(const FixSummary &S) {
  std::string Line = formatv("unawaited: applied fixes for {0} finding(s) in "
                             "{1} file(s)",
                             S.Applied, S.Written.size());
  if (S.Skipped)
    Line += formatv(", skipped {0} overlapping", S.Skipped).str();
  if (!S.Changed.empty()) {
    Line += formatv(", {0} file(s) changed since analysed left as they were",
                    S.Changed.size())
                .str();
  }
  return Line + "\n";
}

/// Runs --fix and says what it did: a warning per file left alone because
/// it changed since it was analysed, an error per file that could not be
/// written and then which files were changed and which were not, and the
/// summary. \p EarlierFailed: an output before it failed, change nothing.
/// Returns whether a file could not be written.
bool runFix(const std::vector<DiagRecord> &Findings, bool EarlierFailed,
            bool Quiet) {
  if (EarlierFailed) {
    WithColor::error(errs(), "unawaited")
        << "--fix changed no file: an earlier output could not be written\n";
    return true;
  }
  FixSummary S = applyFixes(Findings);
  if (S.Interrupted)
    WithColor::error(errs(), "unawaited") << "--fix changed no file: "
                                          << "interrupted\n";
  for (const std::string &F : S.Changed) {
    WithColor::warning(errs(), "unawaited")
        << "'" << F
        << "' changed since it was analysed; its fixes were not applied\n";
  }
  for (const std::string &E : S.Errors)
    WithColor::error(errs(), "unawaited") << E << "\n";
  if (!S.Errors.empty()) {
    WithColor::error(errs(), "unawaited")
        << (S.Written.empty() ? formatv("--fix changed no file ({0} to fix)",
                                        S.Unwritten.size())
                                    .str()
                              : "--fix changed " + quotedList(S.Written) +
                                    " but not " + quotedList(S.Unwritten))
        << "\n";
  }
  if (!Quiet)
    errs() << fixSummaryLine(S);
  return !S.Errors.empty();
}

/// The compiler's errors and a line per unit that could not be analysed.
void printFailures(const Report &R) {
  for (const Failure &F : R.Failures) {
    for (const DiagRecord &E : F.Errors) {
      errs() << (E.File.empty()
                     ? std::string("<command line>")
                     : formatv("{0}:{1}:{2}", E.File, E.Line, E.Column).str())
             << ": error: " << E.Message << "\n";
    }
    WithColor::error(errs(), "unawaited")
        << "could not analyse '" << F.File << "': " << F.Reason << "\n";
  }
}

} // namespace

Expected<std::optional<Baseline>> loadBaseline(const OutputOptions &Opts) {
  if (Opts.BaselineFile.empty())
    return std::nullopt;
  Expected<Baseline> Loaded = Baseline::load(Opts.BaselineFile);
  if (!Loaded)
    return Loaded.takeError();
  return std::move(*Loaded);
}

Error checkOutputPaths(const OutputOptions &Opts) {
  for (const std::string *Out :
       {&Opts.OutputFile, &Opts.ExportFixes, &Opts.WriteBaseline})
    if (!Out->empty())
      if (Error E = checkWritable(*Out))
        return E;
  return Error::success();
}

std::vector<DiagRecord> applyBaseline(Report &R,
                                      const std::optional<Baseline> &Base,
                                      const OutputOptions &Opts) {
  // --write-baseline records them all, before --baseline hides some.
  std::vector<DiagRecord> ForBaseline;
  if (!Opts.WriteBaseline.empty())
    ForBaseline = R.Findings;
  if (Base)
    R.Suppressed = Base->filter(R.Findings);
  return ForBaseline;
}

std::string renderReport(const Report &R, const OutputOptions &Opts) {
  if (Opts.ReportFormat == Format::Text)
    printFailures(R);
  bool Color = Opts.ReportFormat == Format::Text &&
               (Opts.UseColor ? *Opts.UseColor
                              : Opts.OutputFile.empty() && outs().has_colors());
  std::string ReportText;
  {
    raw_string_ostream OS(ReportText);
    OS.enable_colors(Color);
    writeReport(R, Opts.ReportFormat, OS, Color);
  }
  return ReportText;
}

bool writeOutputs(const Report &R, const std::vector<DiagRecord> &ForBaseline,
                  StringRef ReportText, const std::vector<std::string> &Files,
                  const OutputOptions &Opts) {
  bool OutputFailed = false;
  if (!Opts.WriteBaseline.empty())
    OutputFailed = failed(Baseline::write(Opts.WriteBaseline, ForBaseline));
  if (!Opts.ExportFixes.empty() && !OutputFailed)
    OutputFailed = failed(exportFixes(
        R.Findings, Files.size() == 1 ? Files.front() : "", Opts.ExportFixes));
  if (Opts.Fix)
    OutputFailed |= runFix(R.Findings, OutputFailed, Opts.Quiet);
  if (Opts.OutputFile.empty()) {
    outs() << ReportText;
    outs().flush();
  } else {
    OutputFailed |= failed(writeFileAtomically(Opts.OutputFile, ReportText));
  }
  return OutputFailed;
}

int summarize(const Report &R, ArrayRef<SkippedSource> Skipped,
              bool OutputFailed, const OutputOptions &Opts) {
  if (!Opts.Quiet && Opts.ReportFormat == Format::Text)
    errs() << summaryLine(R, Skipped);
  if (OutputFailed)
    return 2;
  if (!R.Failures.empty())
    return 3;
  // With --warnings-as-errors, as clang-tidy: only errors fail.
  bool Fails =
      Opts.OnlyErrorsFail
          ? llvm::any_of(R.Findings,
                         [](const DiagRecord &D) { return D.WarningAsError; })
          : !R.Findings.empty();
  return Fails ? 1 : 0;
}

} // namespace unawaited::cli
