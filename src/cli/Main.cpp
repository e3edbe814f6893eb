//===- Main.cpp - The unawaited command-line driver -----------------------===//
//
//   unawaited [options] [<source>...] [-- <compiler args>]
//
// Exit codes: 0 no findings; 1 findings (after the baseline); 2 usage,
// configuration or input error; 3 some translation units could not be
// analysed; 128 + N interrupted by signal N. See docs/cli.md.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Cache.h"
#include "CompileCommands.h"
#include "Diff.h"
#include "Fixes.h"
#include "LineFilter.h"
#include "Output.h"
#include "Scheduler.h"
#include "Signals.h"
#include "SourceFiles.h"
#include "WholeProgram.h"
#include "Worker.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <fcntl.h>
#include <map>
#include <set>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace llvm;
using namespace unawaited::cli;

namespace {

cl::OptionCategory Category("unawaited options");

cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding "
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
cl::opt<std::string> Config("config", cl::desc("Configuration in YAML, "
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
    "progress", cl::desc("Progress bar on stderr"), cl::init(ProgressMode::Auto),
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
                                      cl::value_desc("arg"),
                                      cl::cat(Category));
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

std::string absolutePath(StringRef Path) {
  SmallString<256> P(Path);
  (void)sys::fs::make_absolute(P); // no working directory: keep it relative
  sys::path::remove_dots(P, true);
  return std::string(P);
}

/// Fills in line and column from the file's bytes.
void locate(const std::string &File, unsigned Offset, unsigned &Line,
            unsigned &Column) {
  std::tie(Line, Column) = SourceFiles::shared().lineColumn(File, Offset);
}

struct ProgressBar {
  bool Enabled = false;
  std::chrono::steady_clock::time_point Start = std::chrono::steady_clock::now();
  void update(size_t Done, size_t Total, size_t Findings) {
    if (!Enabled)
      return;
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    double Left = Done ? Elapsed / Done * (Total - Done) : 0;
    errs() << formatv("\r[{0}/{1}] {2} finding{3}, {4:f0}s left   ", Done,
                      Total, Findings, Findings == 1 ? "" : "s", Left);
    if (Done == Total)
      clear();
  }
  void clear() {
    if (Enabled)
      errs() << "\r" << std::string(60, ' ') << "\r";
  }
};

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

/// Keeps the files of --shard=K/N: every Nth of the sorted list, from the
/// Kth.
Error selectShard(std::vector<std::string> &Files) {
  if (Shard.empty())
    return Error::success();
  unsigned K = 0, N = 0;
  auto [KS, NS] = StringRef(Shard).split('/');
  if (KS.getAsInteger(10, K) || NS.getAsInteger(10, N) || N == 0 || K == 0 ||
      K > N)
    return createStringError("--shard takes K/N with 1 <= K <= N, got '%s'",
                             Shard.c_str());
  std::sort(Files.begin(), Files.end());
  std::vector<std::string> Mine;
  for (size_t I = 0; I < Files.size(); ++I)
    if (I % N == K - 1)
      Mine.push_back(Files[I]);
  Files = std::move(Mine);
  return Error::success();
}

/// A gate that analyses nothing must not pass silently. --exclude matching
/// every file of the database is a mistake (typically a pattern that
/// matches the checkout's own path): an error. --exclude matching every
/// source named on the command line (a pre-commit hook given only excluded
/// files) and an empty shard (more shards than files) are normal: a
/// warning, and the run goes on with nothing to analyse.
Error checkSomethingLeft(size_t Listed, size_t Unexcluded, size_t Left,
                         bool Named) {
  if (Left != 0 || Listed == 0)
    return Error::success();
  if (Unexcluded == 0 && !Named) {
    return createStringError("--exclude='%s' excludes every file of the "
                             "compilation database (%zu); nothing to "
                             "analyse",
                             Exclude.c_str(), Listed);
  }
  WithColor::warning(errs(), "unawaited")
      << (Unexcluded == 0
              ? formatv("--exclude='{0}' excludes every source given; "
                        "nothing analysed\n",
                        Exclude.getValue())
                    .str()
              : formatv("shard {0} has no files ({1} file{2} in all); "
                        "nothing analysed\n",
                        Shard.getValue(), Unexcluded,
                        Unexcluded == 1 ? "" : "s")
                    .str());
  return Error::success();
}

/// "assembler-with-cpp, c": the languages of \p Skipped, each once.
std::string skippedLanguages(ArrayRef<SkippedSource> Skipped) {
  std::set<std::string> Names;
  for (const SkippedSource &S : Skipped)
    Names.insert(S.Language);
  return join(Names, ", ");
}

/// Leaves out of \p Files the sources that cannot hold coroutines (C,
/// assembly, Objective-C), into \p Skipped. A gate must not pass on
/// nothing: a database without a C++ source is an input error (as one
/// without files is); sources named on the command line that are none of
/// them C++ (a pre-commit hook given only C files) are normal, a warning.
Error skipNonCxx(const tooling::CompilationDatabase &DB,
                 std::vector<std::string> &Files, bool Named,
                 std::vector<SkippedSource> &Skipped) {
  Skipped = dropNonCxxSources(DB, Files);
  if (!Files.empty() || Skipped.empty())
    return Error::success();
  if (!Named) {
    return createStringError("the compilation database lists no C++ source "
                             "(%zu not C++: %s); nothing to analyse",
                             Skipped.size(), skippedLanguages(Skipped).c_str());
  }
  WithColor::warning(errs(), "unawaited")
      << formatv("no source given is C++ ({0} not C++: {1}); nothing "
                 "analysed\n",
                 Skipped.size(), skippedLanguages(Skipped));
  return Error::success();
}

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
bool runFix(const std::vector<DiagRecord> &Findings, bool EarlierFailed) {
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

/// -j, or every hardware thread by default. At most 4 per hardware thread
/// and 256, with one warning: each job is a process whose parse holds
/// hundreds of megabytes, so a huge -j only thrashes or exhausts memory.
unsigned jobCount() {
  unsigned Hardware = std::max(1u, std::thread::hardware_concurrency());
  if (Jobs == 0)
    return Hardware;
  unsigned Max = std::min(256u, 4 * Hardware);
  if (Jobs <= Max)
    return Jobs;
  WithColor::warning(errs(), "unawaited")
      << formatv("-j {0} is more than {1} (4 per hardware thread, at most "
                 "256); using -j {1}\n",
                 Jobs.getValue(), Max);
  return Max;
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM Init(argc, argv);
  // `-- <args>`: a compilation database of its own, consumed first.
  std::string FixedErr;
  std::unique_ptr<tooling::CompilationDatabase> FixedDB =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             FixedErr);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "unawaited 0.1.0 (clang " << LLVM_VERSION_STRING << ")\n";
  });
  std::string Printed;
  if (!parseCommandLine(argc, argv, Printed)) {
    StringRef First = StringRef(Printed).trim().split('\n').first.rtrim();
    First.consume_front("unawaited: ");
    return usageError(First.empty() ? "invalid command line" : First);
  }
  errs() << Printed; // warnings of a successful parse, if any
  if (!WorkerTaskFile.empty())
    return runWorker(WorkerTaskFile);
  installInterruptHandlers();
  if (!FixedErr.empty())
    return usageError(FixedErr);

  // The compilation database.
  std::unique_ptr<tooling::CompilationDatabase> DB;
  if (FixedDB) {
    DB = std::move(FixedDB);
  } else if (!BuildPath.empty()) {
    auto Loaded = loadDatabase(BuildPath);
    if (!Loaded)
      return usageError(toString(Loaded.takeError()));
    DB = std::move(*Loaded);
  } else if (!Sources.empty()) {
    std::string Err;
    DB = tooling::CompilationDatabase::autoDetectFromSource(
        absolutePath(Sources.front()), Err);
    if (!DB)
      return usageError("no compilation database found for '" +
                        Sources.front() +
                        "'; pass -p <build dir> or '-- <compiler args>'");
    DB = tooling::inferMissingCompileCommands(std::move(DB));
  } else {
    return usageError("no input: pass -p <build dir>, or sources followed by "
                      "'-- <compiler args>'");
  }

  // The files to analyse.
  std::vector<std::string> Files;
  if (Sources.empty()) {
    if (FixedDB || (!BuildPath.empty() && DB->getAllFiles().empty()))
      return usageError("the compilation database lists no files");
    Files = DB->getAllFiles();
  } else {
    // One analysis per file however it is spelled (./a.cpp, a link to it).
    std::set<std::string> Seen;
    for (const std::string &S : Sources) {
      std::string Abs = absolutePath(S);
      if (!sys::fs::exists(Abs))
        return usageError("no such file: '" + S + "'");
      if (sys::fs::is_directory(Abs))
        return usageError("'" + S + "' is a directory, not a source file");
      if (Seen.insert(realPath(Abs)).second)
        Files.push_back(Abs);
    }
  }
  std::vector<SkippedSource> Skipped;
  if (Error E = skipNonCxx(*DB, Files, !Sources.empty(), Skipped))
    return usageError(toString(std::move(E)));
  std::optional<Regex> ExcludeRe;
  size_t Listed = Files.size();
  if (!Exclude.empty()) {
    ExcludeRe.emplace(Exclude);
    std::string Err;
    if (!ExcludeRe->isValid(Err))
      return usageError("invalid --exclude regex: " + Err);
    Files.erase(std::remove_if(Files.begin(), Files.end(),
                               [&](const std::string &F) {
                                 return ExcludeRe->match(F);
                               }),
                Files.end());
  }
  Regex HeaderRe(HeaderFilter);
  {
    std::string Err;
    if (!HeaderRe.isValid(Err))
      return usageError("invalid --header-filter regex: " + Err);
  }
  Expected<LineFilter> Lines = LineFilter::parse(LineFilterJson);
  if (!Lines)
    return usageError(toString(Lines.takeError()));
  // --diff/--diff-file: the change, before any work.
  std::optional<ChangedLines> Changed;
  if (!DiffRef.empty() && !DiffFile.empty())
    return usageError("--diff and --diff-file cannot be combined");
  if (!DiffRef.empty()) {
    SmallString<256> Cwd;
    (void)sys::fs::current_path(Cwd);
    auto C = ChangedLines::fromGit(
        DiffRef,
        Files.empty() ? StringRef(Cwd) : sys::path::parent_path(Files.front()));
    if (!C)
      return usageError("--diff: " + toString(C.takeError()));
    Changed = std::move(*C);
  } else if (!DiffFile.empty()) {
    auto Patch = MemoryBuffer::getFileOrSTDIN(DiffFile);
    if (!Patch)
      return usageError("cannot read --diff-file '" + DiffFile +
                        "': " + Patch.getError().message());
    SmallString<256> Cwd;
    (void)sys::fs::current_path(Cwd);
    auto C = ChangedLines::parse((*Patch)->getBuffer(), Cwd);
    if (!C)
      return usageError("--diff-file: " + toString(C.takeError()));
    Changed = std::move(*C);
  }
  auto OnChangedLines = [&](const std::string &File, unsigned Line) {
    return !Changed || Changed->lines().passes(realPath(File), Line);
  };
  std::optional<tidy::CachedGlobList> AsErrors;
  if (!WarningsAsErrors.empty())
    AsErrors.emplace(WarningsAsErrors);
  size_t Unsharded = Files.size();
  if (Error E = selectShard(Files))
    return usageError(toString(std::move(E)));
  if (Error E =
          checkSomethingLeft(Listed, Unsharded, Files.size(), !Sources.empty()))
    return usageError(toString(std::move(E)));

  // Validate configuration once, before any worker starts.
  {
    WorkerTask Probe;
    Probe.Checks = Checks;
    Probe.Config = Config;
    Probe.ConfigFile = ConfigFile;
    auto Provider = makeOptionsProvider(Probe);
    if (!Provider)
      return usageError(toString(Provider.takeError()));
    if (Config.empty() && ConfigFile.empty())
      if (Error E = validateDiscoveredConfigs(Files))
        return usageError(toString(std::move(E)));
    // As clang-tidy's "no checks enabled": a run that cannot find anything
    // must not pass quietly.
    if (!Files.empty() && !anyCheckEnabled(**Provider, Files))
      return usageError("no checks enabled: --checks or the configuration "
                        "disable every coro-* check");
    // Once for the run, not once per check and file as the workers' checks
    // would (and they report only findings).
    for (const std::string &P : optionProblems(**Provider, Files))
      WithColor::warning(errs(), "unawaited") << P << "\n";
  }
  std::optional<Baseline> Base;
  if (!BaselineFile.empty()) {
    auto Loaded = Baseline::load(BaselineFile);
    if (!Loaded)
      return usageError(toString(Loaded.takeError()));
    Base = std::move(*Loaded);
  }
  // Check every output before the work, so a bad path fails fast; they
  // are written (atomically) only at the end.
  for (const std::string *Out :
       {&OutputFile.getValue(), &ExportFixes.getValue(),
        &WriteBaseline.getValue()})
    if (!Out->empty())
      if (Error E = checkWritable(*Out))
        return usageError(toString(std::move(E)));

  // Every distinct command of a file is analysed, as clang-tidy does: a
  // database may list a file twice (e.g. with and without -DFOO). Their
  // findings are merged like a header's from several units.
  std::vector<WorkerTask> Tasks;
  std::vector<std::string> CommandOf; // per task: " (compile command K of N)"
  std::set<std::string> Dropped;
  // As clang-tidy: before the command's own arguments (after the compiler)
  // and after them (before a "--").
  tooling::ArgumentsAdjuster AddExtraArgs = tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          std::vector<std::string>(ExtraArgsBefore.begin(),
                                   ExtraArgsBefore.end()),
          tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(
          std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
          tooling::ArgumentInsertPosition::END));
  for (const std::string &F : Files) {
    std::vector<tooling::CompileCommand> Cmds = DB->getCompileCommands(F);
    if (Cmds.empty())
      return usageError("no compile command for '" + F + "'");
    std::vector<WorkerTask> Mine;
    for (tooling::CompileCommand &C : Cmds) {
      if (!canHoldCoroutines(sourceLanguage(C)))
        continue; // this command compiles it as C, say; another as C++
      if (Error E = checkCommandDirectory(C))
        return usageError(toString(std::move(E)));
      if (Error E = checkResponseFiles(C))
        return usageError(toString(std::move(E)));
      WorkerTask T;
      T.Command = std::move(C);
      T.Command.Filename =
          absolutePath(sys::path::is_absolute(T.Command.Filename)
                           ? T.Command.Filename
                           : (T.Command.Directory + "/" + T.Command.Filename));
      if (Expected<sys::fs::file_t> In =
              sys::fs::openNativeFileForRead(T.Command.Filename))
        (void)sys::fs::closeFile(*In);
      else
        return usageError("cannot read source '" + T.Command.Filename +
                          "': " + toString(In.takeError()));
      T.Command.CommandLine =
          AddExtraArgs(T.Command.CommandLine, T.Command.Filename);
      adjustCommand(T.Command, Dropped);
      T.Checks = Checks;
      T.Config = Config;
      T.ConfigFile = ConfigFile;
      bool Same = false;
      for (const WorkerTask &Earlier : Mine)
        Same |= Earlier.Command.Directory == T.Command.Directory &&
                Earlier.Command.CommandLine == T.Command.CommandLine;
      if (!Same)
        Mine.push_back(std::move(T));
    }
    for (size_t K = 0; K < Mine.size(); ++K) {
      CommandOf.push_back(
          Mine.size() == 1
              ? std::string()
              : formatv(" (compile command {0} of {1})", K + 1, Mine.size())
                    .str());
      Tasks.push_back(std::move(Mine[K]));
    }
  }
  for (const std::string &D : Dropped)
    WithColor::warning(errs(), "unawaited")
        << "ignoring compiler flag '" << D << "' that clang does not know\n";

  ScheduleOptions Sched;
  Sched.SelfPath = sys::fs::getMainExecutable(argv[0],
                                              reinterpret_cast<void *>(&main));
  Sched.Jobs = jobCount();
  Sched.TimeoutSeconds = Timeout;
  // The result cache: on by default where the build directory is known.
  std::unique_ptr<ResultCache> Cache;
  if (!NoCache && (!CacheDir.empty() || !BuildPath.empty())) {
    // As clangd's .cache/clangd: one place to ignore or to cache in CI.
    std::string Dir = CacheDir;
    if (Dir.empty()) {
      SmallString<256> P(sys::fs::is_directory(BuildPath)
                             ? StringRef(BuildPath)
                             : sys::path::parent_path(BuildPath));
      sys::path::append(P, ".cache", "unawaited");
      Dir = std::string(P);
    }
    auto Opened =
        ResultCache::open(Dir, uint64_t(CacheMaxSize) << 20, Sched.SelfPath);
    if (Opened)
      Cache = std::move(*Opened);
    else if (!CacheDir.empty() || Verbose) // the default place may be read-only
      WithColor::warning(errs(), "unawaited")
          << "result cache disabled: " << toString(Opened.takeError()) << "\n";
    else
      consumeError(Opened.takeError());
  }
  Sched.Cache = Cache.get();
  // Changed-lines mode analyses only the units the change can affect.
  if (Changed) {
    std::vector<bool> Keep = affectedTasks(Tasks, Cache.get(), *Changed);
    std::vector<WorkerTask> KeptTasks;
    std::vector<std::string> KeptCommandOf;
    std::set<std::string> KeptFiles;
    for (size_t I = 0; I < Tasks.size(); ++I) {
      if (!Keep[I])
        continue;
      KeptFiles.insert(realPath(Tasks[I].Command.Filename));
      KeptTasks.push_back(std::move(Tasks[I]));
      KeptCommandOf.push_back(std::move(CommandOf[I]));
    }
    if (Verbose) {
      errs() << formatv("unawaited: --diff: {0} changed file{1}; {2} of {3} "
                        "compile commands can be affected\n",
                        Changed->fileCount(),
                        Changed->fileCount() == 1 ? "" : "s", KeptTasks.size(),
                        Tasks.size());
    }
    Tasks = std::move(KeptTasks);
    CommandOf = std::move(KeptCommandOf);
    // Compared by real path: the database may spell a file otherwise.
    llvm::erase_if(Files, [&](const std::string &F) {
      return !KeptFiles.count(realPath(F));
    });
  }
  ProgressBar Bar;
  Bar.Enabled = !Quiet && (Progress == ProgressMode::Always ||
                           (Progress == ProgressMode::Auto &&
                            sys::Process::StandardErrIsDisplayed()));
  // A header finding from another unit is dropped, as in the gathering
  // below.
  // A header reached through two spellings (an include path through a
  // symlink, and the real one) is one file: findings are de-duplicated by
  // its real path, and --exclude matches either spelling.
  auto Reported = [&](const DiagRecord &D, const std::string &TUFile) {
    if (!D.isFinding())
      return false;
    if (D.File == TUFile)
      return true;
    return HeaderRe.match(D.File) &&
           !(ExcludeRe &&
             (ExcludeRe->match(D.File) || ExcludeRe->match(realPath(D.File))));
  };
  // The bar counts what the report will list: filtered, de-duplicated and
  // not in the baseline. Those counts do not depend on the arrival order.
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> BarSeen;
  StringMap<unsigned> BarUnmatched;
  if (Base)
    BarUnmatched = Base->unmatched();
  size_t BarFindings = 0;
  Sched.Progress = [&](size_t Done, size_t Total, const TUResult &TU) {
    if (!Bar.Enabled)
      return;
    for (const DiagRecord &D : TU.Diags) {
      if (!Reported(D, TU.File) ||
          !BarSeen.insert({D.Check, realPath(D.File), D.Offset, D.Message})
               .second)
        continue;
      DiagRecord Located = D;
      locate(Located.File, Located.Offset, Located.Line, Located.Column);
      if (!Lines->passes(Located.File, Located.Line) ||
          !OnChangedLines(Located.File, Located.Line))
        continue;
      if (!Base || !Base->match(Located, BarUnmatched))
        ++BarFindings;
    }
    Bar.update(Done, Total, BarFindings);
  };
  std::vector<TUResult> Results = runWorkers(Tasks, Sched);
  if (interruptSignal())
    return interrupted(Bar);
  if (Cache) {
    if (Verbose) {
      errs() << formatv("unawaited: cache: {0} of {1} compile commands "
                        "replayed, {2} analysed, {3} stored ({4})\n",
                        Cache->Hits.load(), Tasks.size(),
                        Tasks.size() - Cache->Hits.load(), Cache->Stored.load(),
                        Cache->directory());
    }
    Cache->trim();
  }
  // Whole-program member facts: only a run over every unit of the
  // database can say that no unit consumes a member.
  {
    bool WholeDatabase =
        Sources.empty() && Exclude.empty() && Shard.empty() && !Changed;
    WholeProgramStats S = mergeMemberFacts(Results, WholeDatabase);
    if (Verbose)
      errs() << formatv("unawaited: whole program: {0} member facts on {1} "
                        "members; {2} of {3} candidate findings kept\n",
                        S.Facts, S.Members, S.Kept, S.Candidates);
  }

  // Gather, locate, filter and de-duplicate.
  Report R;
  R.FilesAnalysed = Files.size();
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  for (size_t I = 0; I < Results.size(); ++I) {
    TUResult &TU = Results[I];
    Failure Fail{TU.File, TU.FailureReason + CommandOf[I], {}};
    for (DiagRecord &D : TU.Diags) {
      if (!D.File.empty())
        locate(D.File, D.Offset, D.Line, D.Column);
      for (NoteRecord &N : D.Notes)
        if (!N.File.empty())
          locate(N.File, N.Offset, N.Line, N.Column);
      if (!D.isFinding()) {
        Fail.Errors.push_back(std::move(D));
        continue;
      }
      if (!Reported(D, TU.File) || !Lines->passes(D.File, D.Line) ||
          !OnChangedLines(D.File, D.Line))
        continue;
      if (!Seen.insert({D.Check, realPath(D.File), D.Offset, D.Message}).second)
        continue; // a header seen from another translation unit
      if (AsErrors && AsErrors->contains(D.Check)) {
        D.Level = "error";
        D.WarningAsError = true;
      }
      D.FromFailedUnit = TU.Failed;
      D.MainFile = TU.File;
      D.BuildDirectory = Tasks[I].Command.Directory;
      R.Findings.push_back(std::move(D));
    }
    if (TU.Failed)
      R.Failures.push_back(std::move(Fail));
  }
  // std::sort with the arrival order as the last key: stable, without
  // libstdc++'s stable_sort (which clang 19 flags for a deprecated helper).
  {
    std::vector<std::pair<size_t, DiagRecord>> Keyed;
    Keyed.reserve(R.Findings.size());
    for (DiagRecord &D : R.Findings)
      Keyed.emplace_back(Keyed.size(), std::move(D));
    std::sort(Keyed.begin(), Keyed.end(), [](const auto &A, const auto &B) {
      return std::tie(A.second.File, A.second.Line, A.second.Column,
                      A.second.Check, A.first) <
             std::tie(B.second.File, B.second.Line, B.second.Column,
                      B.second.Check, B.first);
    });
    R.Findings.clear();
    for (auto &[Index, D] : Keyed)
      R.Findings.push_back(std::move(D));
  }

  // --write-baseline records them all, before --baseline hides some.
  std::vector<DiagRecord> ForBaseline;
  if (!WriteBaseline.empty())
    ForBaseline = R.Findings;
  if (Base)
    R.Suppressed = Base->filter(R.Findings);

  // Failures go to stderr in text mode; structured formats carry them.
  if (OutputFormat == Format::Text) {
    for (const Failure &F : R.Failures) {
      for (const DiagRecord &E : F.Errors) {
        errs() << (E.File.empty() ? std::string("<command line>")
                                  : formatv("{0}:{1}:{2}", E.File, E.Line,
                                            E.Column)
                                        .str())
               << ": error: " << E.Message << "\n";
      }
      WithColor::error(errs(), "unawaited")
          << "could not analyse '" << F.File << "': " << F.Reason << "\n";
    }
  }
  // Rendered before any output is written, and written last: it quotes
  // source lines, which --fix is about to change.
  bool Color = OutputFormat == Format::Text &&
               (UseColor.getNumOccurrences()
                    ? UseColor.getValue()
                    : OutputFile.empty() && outs().has_colors());
  std::string ReportText;
  {
    raw_string_ostream OS(ReportText);
    OS.enable_colors(Color);
    writeReport(R, OutputFormat, OS, Color);
  }

  if (interruptSignal())
    return interrupted(Bar); // nothing written yet
  // A failed output stops the files after it, never the report.
  bool OutputFailed = false;
  if (!WriteBaseline.empty())
    OutputFailed = failed(Baseline::write(WriteBaseline, ForBaseline));
  if (!ExportFixes.empty() && !OutputFailed)
    OutputFailed = failed(exportFixes(
        R.Findings, Files.size() == 1 ? Files.front() : "", ExportFixes));
  if (Fix)
    OutputFailed |= runFix(R.Findings, OutputFailed);
  if (OutputFile.empty()) {
    outs() << ReportText;
    outs().flush();
  } else {
    OutputFailed |= failed(writeFileAtomically(OutputFile, ReportText));
  }
  if (interruptSignal())
    return interrupted(Bar); // while writing: the outputs were finished
  if (!Quiet && OutputFormat == Format::Text)
    errs() << summaryLine(R, Skipped);
  if (OutputFailed)
    return 2;
  if (!R.Failures.empty())
    return 3;
  // With --warnings-as-errors, as clang-tidy: only errors fail.
  bool Fails = AsErrors ? llvm::any_of(R.Findings,
                                       [](const DiagRecord &D) {
                                         return D.WarningAsError;
                                       })
                        : !R.Findings.empty();
  return Fails ? 1 : 0;
}
