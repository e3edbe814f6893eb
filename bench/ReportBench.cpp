//===- ReportBench.cpp - Report time against the number of findings ------===//
//
//   build/bench/unawaited_bench --benchmark_filter=Report
//
// Every way a finding is reported must cost the same per finding however
// many there are: each file is read and its lines indexed once, never
// scanned from the top per finding. On a generated file of N discarded
// calls (bench/Generate.h generateDiscards), outside the timed region:
//
//   Report<Format>/N   the CLI parent's work after the workers, for each
//                      format (Text, Json, Sarif, Github): line and column
//                      of every finding and note (the file read through an
//                      empty cache), then the report
//   ExportFixes/N      --export-fixes: which fixes --fix would apply (the
//                      overlap check), and the YAML
//   PluginReport/N     the compiler plugin at the end of the translation
//                      unit: the analysis, the NOLINT filter and clang's
//                      diagnostics, printed (to nowhere) as clang prints
//                      them; the AST is parsed once, outside
//
// Complexity(oN) fits the growth; bench/report.sh times the same shapes
// end to end. See docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "../src/cli/Fixes.h"
#include "../src/cli/Output.h"
#include "../src/cli/SourceFiles.h"
#include "../src/plugin/Nolint.h"
#include "Generate.h"
#include "unawaited/Analysis.h"
#include "unawaited/ClangDiagSink.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <benchmark/benchmark.h>
#include <memory>

#ifndef UNAWAITED_BENCH_INPUTS
#define UNAWAITED_BENCH_INPUTS "test/Inputs"
#endif

using namespace unawaited;
using namespace unawaited::cli;

namespace {

/// A generated file on disk and the findings the CLI would report in it:
/// one per discarded call, with the `co_await` fix-it in a coroutine and
/// the "not a coroutine" note in a plain function, as the workers send
/// them (offsets only; lines and columns are the parent's work).
struct Corpus {
  std::string Dir, File;
  std::vector<DiagRecord> Findings;

  explicit Corpus(unsigned Calls) {
    llvm::SmallString<128> D;
    (void)llvm::sys::fs::createUniqueDirectory("unawaited-report-bench", D);
    Dir = std::string(D);
    File = Dir + "/calls.cpp";
    std::string Text = bench::generateDiscards(Calls);
    {
      std::error_code EC;
      llvm::raw_fd_ostream OS(File, EC);
      OS << Text;
    }
    size_t Function = 0;
    bool Plain = false;
    for (size_t At = 0; (At = Text.find('\n', At)) != std::string::npos;) {
      llvm::StringRef Line = llvm::StringRef(Text).substr(++At);
      if (Line.starts_with("void plain") || Line.starts_with("Task<> coro")) {
        Function = At + Line.find(' ') + 1;
        Plain = Line.starts_with("void");
      }
      if (!Line.starts_with("  send("))
        continue;
      DiagRecord R;
      R.Check = "coro-discarded-task";
      R.Level = "warning";
      R.File = File;
      R.Offset = static_cast<unsigned>(At + 2);
      R.Message = "'send' returns a lazy coroutine task 'Task<>' that is "
                  "never awaited; its body will never run";
      R.Function = Plain ? "plain" : "coro";
      if (Plain) {
        NoteRecord N;
        N.File = File;
        N.Offset = static_cast<unsigned>(Function);
        N.Message = "'plain' is not a coroutine, so it cannot 'co_await' "
                    "the task";
        R.Notes.push_back(std::move(N));
      } else {
        R.Fixes.push_back({File, R.Offset, 0, "co_await ", ""});
      }
      Findings.push_back(std::move(R));
    }
  }
  ~Corpus() {
    (void)llvm::sys::fs::remove(File);
    (void)llvm::sys::fs::remove(Dir);
  }
};

/// The corpus for one size; only the latest is kept.
Corpus &corpusFor(unsigned Calls) {
  static unsigned Size = 0;
  static std::unique_ptr<Corpus> C;
  if (!C || Size != Calls) {
    C.reset();
    C = std::make_unique<Corpus>(Calls);
    Size = Calls;
  }
  return *C;
}

void report(benchmark::State &State, Format F) {
  unsigned N = static_cast<unsigned>(State.range(0));
  Corpus &C = corpusFor(N);
  size_t Bytes = 0;
  for (auto _ : State) {
    State.PauseTiming();
    Report R;
    R.Findings = C.Findings;
    R.FilesAnalysed = 1;
    SourceFiles::shared().clear();
    State.ResumeTiming();
    for (DiagRecord &D : R.Findings) {
      std::tie(D.Line, D.Column) =
          SourceFiles::shared().lineColumn(D.File, D.Offset);
      for (NoteRecord &Note : D.Notes)
        std::tie(Note.Line, Note.Column) =
            SourceFiles::shared().lineColumn(Note.File, Note.Offset);
    }
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    writeReport(R, F, OS, /*Color=*/false);
    OS.flush();
    Bytes = Out.size();
    benchmark::DoNotOptimize(Bytes);
  }
  State.SetComplexityN(N);
  State.counters["findings"] = static_cast<double>(C.Findings.size());
  State.counters["bytes/finding"] =
      static_cast<double>(Bytes) / static_cast<double>(C.Findings.size());
}

void ReportText(benchmark::State &State) { report(State, Format::Text); }
void ReportJson(benchmark::State &State) { report(State, Format::Json); }
void ReportSarif(benchmark::State &State) { report(State, Format::Sarif); }
void ReportGithub(benchmark::State &State) { report(State, Format::Github); }

void ExportFixes(benchmark::State &State) {
  Corpus &C = corpusFor(static_cast<unsigned>(State.range(0)));
  std::string Out = C.Dir + "/fixes.yaml";
  for (auto _ : State) {
    llvm::Error E = exportFixes(C.Findings, C.File, Out);
    benchmark::DoNotOptimize(E.operator bool());
    llvm::consumeError(std::move(E));
  }
  (void)llvm::sys::fs::remove(Out);
  State.SetComplexityN(State.range(0));
}

/// The AST of the generated file, parsed once per size.
clang::ASTUnit &astFor(unsigned Calls) {
  static unsigned Size = 0;
  static std::unique_ptr<clang::ASTUnit> AST;
  if (!AST || Size != Calls) {
    AST.reset();
    AST = clang::tooling::buildASTFromCodeWithArgs(
        bench::generateDiscards(Calls),
        {"-std=c++20", "-I" UNAWAITED_BENCH_INPUTS}, "calls.cpp");
    Size = Calls;
  }
  return *AST;
}

/// What the plugin does in HandleTranslationUnit, after reading the
/// configuration: the analysis into a ClangDiagSink filtered by NOLINT
/// comments, each diagnostic printed as clang prints it.
void PluginReport(benchmark::State &State) {
  unsigned N = static_cast<unsigned>(State.range(0));
  clang::ASTUnit &AST = astFor(N);
  clang::ASTContext &Ctx = AST.getASTContext();
  clang::DiagnosticsEngine &Diags = AST.getDiagnostics();
  // The printer holds its options by reference count.
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> DiagOpts =
      new clang::DiagnosticOptions();
  clang::TextDiagnosticPrinter Printer(llvm::nulls(), DiagOpts.get());
  Printer.BeginSourceFile(Ctx.getLangOpts(), &AST.getPreprocessor());
  clang::DiagnosticConsumer *Saved = Diags.getClient();
  std::unique_ptr<clang::DiagnosticConsumer> Owned = Diags.takeClient();
  Diags.setClient(&Printer, /*ShouldOwnClient=*/false);
  Options Opts;
  EnabledChecks Checks;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  for (auto _ : State) {
    plugin::NolintFilter Nolint(SM);
    ClangDiagSink Sink(Diags, [&](const Finding &F) {
      return SM.isInSystemHeader(SM.getExpansionLoc(F.Loc)) ||
             Nolint.isSuppressed(F.Loc, checkName(F.Check));
    });
    analyzeTranslationUnit(Ctx, Opts, Checks, Sink);
  }
  State.counters["warnings"] = static_cast<double>(Printer.getNumWarnings()) /
                               static_cast<double>(State.iterations());
  Printer.EndSourceFile();
  Diags.setClient(Saved, /*ShouldOwnClient=*/Owned != nullptr);
  (void)Owned.release();
  State.SetComplexityN(N);
}

} // namespace

#define UNAWAITED_REPORT_BENCHMARK(Name)                                       \
  BENCHMARK(Name)                                                              \
      ->RangeMultiplier(2)                                                     \
      ->Range(4096, 65536)                                                     \
      ->Unit(benchmark::kMillisecond)                                          \
      ->Complexity(benchmark::oN)

UNAWAITED_REPORT_BENCHMARK(ReportText);
UNAWAITED_REPORT_BENCHMARK(ReportJson);
UNAWAITED_REPORT_BENCHMARK(ReportSarif);
UNAWAITED_REPORT_BENCHMARK(ReportGithub);
UNAWAITED_REPORT_BENCHMARK(ExportFixes);
UNAWAITED_REPORT_BENCHMARK(PluginReport);
