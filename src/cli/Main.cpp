//===- Main.cpp - The unawaited command-line driver -----------------------===//
//
//   unawaited [options] [<source>...] [-- <compiler args>]
//
// Exit codes: 0 no findings; 1 findings (after the baseline); 2 usage,
// configuration or input error; 3 some translation units could not be
// analysed; 128 + N interrupted by signal N. See docs/cli.md.
//
// The command-line options, and main(): the pipeline of stages, each in a
// file of its own. Inputs (the database, the files), Filter (what the
// report keeps), Plan (the worker tasks), Run (the workers, the cache and
// the progress bar), WholeProgram (member and hand-off facts merged over
// the database), Merge (the results into one report) and Outputs (the
// baseline, the report, the files written).
//
//===----------------------------------------------------------------------===//
#include "Filter.h"
#include "Inputs.h"
#include "Merge.h"
#include "Outputs.h"
#include "Plan.h"
#include "Run.h"
#include "Signals.h"
#include "WholeProgram.h"
#include "Worker.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

using namespace clang;
using namespace llvm;
using namespace unawaited::cli;

namespace {

cl::OptionCategory Category("unawaited options");

cl::opt<std::string> BuildPath("p",
                               cl::desc("Build directory holding "
                                        "compile_commands.json, or the "
                                        "file itself"),
                               cl::value_desc("path"), cl::cat(Category));
cl::list<std::string> Sources(cl::Positional, cl::desc("[<source>...]"),
                              cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("Check globs, applied after the "
                                     "configuration (e.g. "
                                     "-coro-discarded-eager-task)"),
                            cl::cat(Category));
cl::opt<std::string> Config("config",
                            cl::desc("Configuration in YAML, "
                                     "instead of .clang-tidy files"),
                            cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Read the configuration from this "
                                         "file instead of .clang-tidy files"),
                                cl::value_desc("path"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its in place"),
                  cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes",
                                 cl::desc("Write fixes as "
                                          "clang-apply-replacements YAML"),
                                 cl::value_desc("file"), cl::cat(Category));
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang-tidy style (default)"),
               clEnumValN(Format::Json, "json", "JSON (docs/cli.md)"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::Github, "github",
                          "GitHub workflow annotations")),
    cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to a file"),
                                cl::value_desc("file"), cl::cat(Category));
// Prefix: accepts -j2 as well as -j 2, as make and ninja users type it.
cl::opt<unsigned> Jobs("j", cl::desc("Parallel jobs (default: all cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<unsigned> Timeout("timeout",
                          cl::desc("Seconds one file may take (0: no limit)"),
                          cl::init(600), cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter",
                                  cl::desc("Report findings in headers "
                                           "matching this regex (default "
                                           "all non-system headers)"),
                                  cl::init(".*"), cl::cat(Category));
cl::opt<std::string> Exclude("exclude",
                             cl::desc("Skip sources and headers matching "
                                      "this regex"),
                             cl::cat(Category));
cl::opt<std::string> Shard("shard", cl::desc("Analyse shard K of N (K/N)"),
                           cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Report only findings not in this "
                                           "baseline"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaseline("write-baseline",
                                   cl::desc("Record the findings as a "
                                            "baseline"),
                                   cl::value_desc("file"), cl::cat(Category));
enum class ProgressMode : uint8_t { Auto, Always, Never };
cl::opt<ProgressMode> Progress(
    "progress", cl::desc("Progress bar on stderr"),
    cl::init(ProgressMode::Auto),
    cl::values(clEnumValN(ProgressMode::Auto, "auto", "when stderr is a TTY"),
               clEnumValN(ProgressMode::Always, "always", ""),
               clEnumValN(ProgressMode::Never, "never", "")),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary"),
                    cl::cat(Category));
// clang-tidy's options of the same names.
cl::opt<bool> UseColor("use-color",
                       cl::desc("Colour the text report (default: when "
                                "stdout is a terminal); =false never"),
                       cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Findings of checks matching these globs are errors; when "
             "given, only errors fail the run, as in clang-tidy"),
    cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> LineFilterJson(
    "line-filter",
    cl::desc("Report findings only on these lines, as clang-tidy: "
             "[{\"name\":\"file.cpp\",\"lines\":[[1,3],[5,7]]},...]"),
    cl::value_desc("json"), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Argument to append to each "
                                         "compile command"),
                                cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string> ExtraArgsBefore("extra-arg-before",
                                      cl::desc("Argument to prepend to each "
                                               "compile command"),
                                      cl::value_desc("arg"), cl::cat(Category));
// The result cache and changed-lines mode (docs/cli.md#the-result-cache).
cl::opt<std::string> CacheDir("cache-dir",
                              cl::desc("Result cache directory (default: "
                                       ".cache/unawaited in the -p build "
                                       "directory)"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache",
                      cl::desc("Neither use nor fill the result "
                               "cache"),
                      cl::cat(Category));
cl::opt<unsigned> CacheMaxSize("cache-max-size",
                               cl::desc("Result cache size limit in MiB; "
                                        "least recently used entries go "
                                        "first"),
                               cl::init(2048), cl::value_desc("MiB"),
                               cl::cat(Category));
cl::opt<bool> Verbose("verbose",
                      cl::desc("Say how many translation units "
                               "the cache replayed"),
                      cl::cat(Category));
cl::opt<std::string> DiffRef("diff",
                             cl::desc("Report only findings on lines changed "
                                      "against this git revision, and "
                                      "analyse only what the change can "
                                      "affect"),
                             cl::value_desc("ref"), cl::cat(Category));
cl::opt<std::string> DiffFile("diff-file",
                              cl::desc("As --diff, with the change read "
                                       "from this unified diff ('-': stdin)"),
                              cl::value_desc("patch"), cl::cat(Category));
cl::opt<std::string> WorkerTaskFile("worker", cl::Hidden,
                                    cl::desc("internal: analyse one task"));

/// cl::ParseCommandLineOptions with what it prints on stderr captured: a bad
/// option value is reported straight to errs(), not to the stream it is
/// given, so without this a usage error could not be one line. A pipe, not
/// a file, so --help (which exits inside) leaves nothing behind; its write
/// end does not block, so a long message is cut rather than deadlocking.
bool parseCommandLine(int Argc, const char **Argv, std::string &Printed) {
  raw_string_ostream OS(Printed);
  int Pipe[2] = {-1, -1};
  int SavedErr = -1;
  errs().flush();
  if (::pipe2(Pipe, O_CLOEXEC) == 0) {
    (void)::fcntl(Pipe[1], F_SETFL, O_NONBLOCK);
    SavedErr = ::dup(2);
    if (SavedErr < 0 || ::dup2(Pipe[1], 2) < 0) {
      SavedErr = -1;
      ::close(Pipe[0]);
      ::close(Pipe[1]);
    }
  }
  bool Ok = cl::ParseCommandLineOptions(
      Argc, Argv,
      "finds C++20 coroutine tasks that are discarded or never awaited\n", &OS);
  if (SavedErr >= 0) {
    errs().flush();
    (void)::dup2(SavedErr, 2);
    ::close(SavedErr);
    ::close(Pipe[1]);
    (void)::fcntl(Pipe[0], F_SETFL, O_NONBLOCK);
    char Buf[4096];
    for (ssize_t N; (N = ::read(Pipe[0], Buf, sizeof(Buf))) > 0;)
      OS << StringRef(Buf, static_cast<size_t>(N));
    ::close(Pipe[0]);
  }
  OS.flush();
  return Ok;
}

int usageError(const Twine &Message) {
  WithColor::error(errs(), "unawaited") << Message << "\n";
  return 2;
}

/// Ends a run that a signal interrupted: the progress line cleared, one
/// line saying so, and 128 + the signal as the exit code, the shell's
/// convention (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
int interrupted(ProgressBar &Bar) {
  Bar.clear();
  int Signal = interruptSignal();
  WithColor::error(errs(), "unawaited")
      << "interrupted by " << signalName(Signal) << "\n";
  return 128 + Signal;
}

/// Parses the command line. Returns the exit code when that is all there
/// is to do: a usage error, in one line.
std::optional<int> parseOptions(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "unawaited 0.1.0 (clang " << LLVM_VERSION_STRING << ")\n";
  });
  std::string Printed;
  if (!parseCommandLine(Argc, Argv, Printed)) {
    StringRef First = StringRef(Printed).trim().split('\n').first.rtrim();
    First.consume_front("unawaited: ");
    return usageError(First.empty() ? "invalid command line" : First);
  }
  errs() << Printed; // warnings of a successful parse, if any
  return std::nullopt;
}

/// Whole-program facts (WholeProgram.h): only a run over every unit of the
/// database can say that no unit consumes a member; any run can show a
/// callee's body, in another unit, dropping its parameter.
void mergeWholeProgram(std::vector<TUResult> &Results, bool WholeDatabase,
                       bool Verbose) {
  auto Timed = [&](auto Merge) {
    auto Start = std::chrono::steady_clock::now();
    WholeProgramStats S = Merge();
    return std::pair(S, std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - Start)
                            .count());
  };
  auto [M, MemberMs] =
      Timed([&] { return mergeMemberFacts(Results, WholeDatabase); });
  auto [H, HandOffMs] = Timed([&] { return mergeHandOffFacts(Results); });
  if (!Verbose)
    return;
  errs() << formatv("unawaited: whole program: {0} member facts on {1} "
                    "members; {2} of {3} candidate findings kept ({4:f1} ms)\n",
                    M.Facts, M.Members, M.Kept, M.Candidates, MemberMs);
  errs() << formatv("unawaited: whole program: {0} hand-off facts on {1} "
                    "parameters; {2} of {3} candidate findings kept ({4:f1} "
                    "ms)\n",
                    H.Facts, H.Members, H.Kept, H.Candidates, HandOffMs);
}

/// The options of each stage, from the command line.
struct StageOptions {
  InputOptions Inputs;
  FilterOptions Filter;
  PlanOptions Plan;
  RunOptions Run;
  MergeOptions Merge;
  OutputOptions Outputs;
  bool ShowProgress = false;
};

/// Reads the parsed options into each stage's; \p Self is this executable.
StageOptions stageOptions(std::string Self) {
  StageOptions O;
  O.Inputs.BuildPath = BuildPath;
  O.Inputs.Sources = Sources;
  O.Inputs.Exclude = Exclude;
  O.Inputs.Shard = Shard;
  O.Filter.HeaderFilter = HeaderFilter;
  O.Filter.LineFilterJson = LineFilterJson;
  O.Filter.DiffRef = DiffRef;
  O.Filter.DiffFile = DiffFile;
  O.Plan.Checks = Checks;
  O.Plan.Config = Config;
  O.Plan.ConfigFile = ConfigFile;
  O.Plan.ExtraArgsBefore = ExtraArgsBefore;
  O.Plan.ExtraArgs = ExtraArgs;
  O.Plan.SourcesNamed = !Sources.empty();
  O.Plan.Exclude = Exclude;
  O.Plan.Shard = Shard;
  O.Plan.DiffRef = DiffRef;
  O.Plan.DiffFile = DiffFile;
  O.Run.SelfPath = std::move(Self);
  O.Run.Jobs = Jobs;
  O.Run.TimeoutSeconds = Timeout;
  O.Run.NoCache = NoCache;
  O.Run.CacheDir = CacheDir;
  O.Run.BuildPath = BuildPath;
  O.Run.CacheMaxSizeMiB = CacheMaxSize;
  O.Run.Verbose = Verbose;
  O.Merge.WarningsAsErrors = WarningsAsErrors;
  O.Outputs.ReportFormat = OutputFormat;
  O.Outputs.OutputFile = OutputFile;
  O.Outputs.ExportFixes = ExportFixes;
  O.Outputs.BaselineFile = BaselineFile;
  O.Outputs.WriteBaseline = WriteBaseline;
  O.Outputs.Fix = Fix;
  O.Outputs.Quiet = Quiet;
  if (UseColor.getNumOccurrences())
    O.Outputs.UseColor = UseColor.getValue();
  O.Outputs.OnlyErrorsFail = !WarningsAsErrors.empty();
  O.ShowProgress = !Quiet && (Progress == ProgressMode::Always ||
                              (Progress == ProgressMode::Auto &&
                               sys::Process::StandardErrIsDisplayed()));
  return O;
}

} // namespace

// The pipeline. Every usage, configuration and input error comes before
// any work, in the order of the stages.
int main(int argc, const char **argv) {
  InitLLVM Init(argc, argv);
  // `-- <args>`: a compilation database of its own, consumed first.
  std::string FixedErr;
  std::unique_ptr<tooling::CompilationDatabase> FixedDB =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             FixedErr);
  if (std::optional<int> Exit = parseOptions(argc, argv))
    return *Exit;
  if (!WorkerTaskFile.empty())
    return runWorker(WorkerTaskFile);
  installInterruptHandlers();
  if (!FixedErr.empty())
    return usageError(FixedErr);
  StageOptions Opts = stageOptions(
      sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&main)));

  // What to analyse (Inputs.h) and what to report (Filter.h).
  auto DB = openDatabase(std::move(FixedDB), Opts.Inputs);
  if (!DB)
    return usageError(toString(DB.takeError()));
  Expected<Selection> Selected = selectFiles(**DB, Opts.Inputs);
  if (!Selected)
    return usageError(toString(Selected.takeError()));
  Expected<FindingFilter> Filter = makeFindingFilter(
      Opts.Filter, std::move(Selected->Exclude), Selected->Files);
  if (!Filter)
    return usageError(toString(Filter.takeError()));
  if (Error E = takeShard(*Selected, Opts.Inputs))
    return usageError(toString(std::move(E)));
  // The configuration (Plan.h), the baseline and the output paths
  // (Outputs.h), then the tasks (Plan.h).
  if (Error E = checkConfiguration(Selected->Files, Opts.Plan))
    return usageError(toString(std::move(E)));
  Expected<std::optional<Baseline>> Base = loadBaseline(Opts.Outputs);
  if (!Base)
    return usageError(toString(Base.takeError()));
  if (Error E = checkOutputPaths(Opts.Outputs))
    return usageError(toString(std::move(E)));
  Expected<Plan> Work = planWork(**DB, std::move(Selected->Files), Opts.Plan);
  if (!Work)
    return usageError(toString(Work.takeError()));

  // The work (Run.h, WholeProgram.h), then the report (Merge.h, Outputs.h).
  ProgressBar Bar;
  Bar.Enabled = Opts.ShowProgress;
  std::optional<std::vector<TUResult>> Results =
      runWork(*Work, *Filter, *Base, Bar, Opts.Run);
  if (!Results)
    return interrupted(Bar);
  mergeWholeProgram(*Results, Work->WholeDatabase, Opts.Run.Verbose);
  Report R = mergeResults(std::move(*Results), *Work, *Filter, Opts.Merge);
  std::vector<DiagRecord> ForBaseline = applyBaseline(R, *Base, Opts.Outputs);
  std::string ReportText = renderReport(R, Opts.Outputs);
  if (interruptSignal())
    return interrupted(Bar); // nothing written yet
  bool OutputFailed =
      writeOutputs(R, ForBaseline, ReportText, Work->Files, Opts.Outputs);
  if (interruptSignal())
    return interrupted(Bar); // while writing: the outputs were finished
  return summarize(R, Selected->Skipped, OutputFailed, Opts.Outputs);
}
