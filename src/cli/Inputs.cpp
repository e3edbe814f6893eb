//===- Inputs.cpp - What to analyse: the database and its files -----------===//
#include "Inputs.h"
#include "Record.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>
#include <set>

using namespace clang;
using namespace llvm;

namespace unawaited::cli {

namespace {

/// A Twine overload, never a format string: messages quote file names.
Error inputError(const Twine &Message) { return createStringError(Message); }

/// Keeps the files of --shard=K/N: every Nth of the sorted list, from the
/// Kth.
Error selectShard(std::vector<std::string> &Files, const std::string &Shard) {
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
                         bool Named, const InputOptions &Opts) {
  if (Left != 0 || Listed == 0)
    return Error::success();
  if (Unexcluded == 0 && !Named) {
    return createStringError("--exclude='%s' excludes every file of the "
                             "compilation database (%zu); nothing to "
                             "analyse",
                             Opts.Exclude.c_str(), Listed);
  }
  WithColor::warning(errs(), "unawaited")
      << (Unexcluded == 0
              ? formatv("--exclude='{0}' excludes every source given; "
                        "nothing analysed\n",
                        Opts.Exclude)
                    .str()
              : formatv("shard {0} has no files ({1} file{2} in all); "
                        "nothing analysed\n",
                        Opts.Shard, Unexcluded, Unexcluded == 1 ? "" : "s")
                    .str());
  return Error::success();
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

/// The sources named on the command line, or every file of \p DB.
Expected<std::vector<std::string>>
listFiles(const tooling::CompilationDatabase &DB, const InputOptions &Opts) {
  std::vector<std::string> Files;
  if (Opts.Sources.empty()) {
    // `-- <args>` alone (no -p, so the database is the fixed one) names no
    // file to analyse: as clang-tidy, an error rather than a quiet pass.
    if (Opts.BuildPath.empty())
      return inputError(
          "no input: name the source files before '-- <compiler args>'");
    if (DB.getAllFiles().empty())
      return inputError("the compilation database lists no files");
    return DB.getAllFiles();
  }
  // One analysis per file however it is spelled (./a.cpp, a link to it).
  std::set<std::string> Seen;
  for (const std::string &S : Opts.Sources) {
    std::string Abs = absolutePath(S);
    if (!sys::fs::exists(Abs))
      return inputError("no such file: '" + S + "'");
    if (sys::fs::is_directory(Abs))
      return inputError("'" + S + "' is a directory, not a source file");
    if (Seen.insert(realPath(Abs)).second)
      Files.push_back(Abs);
  }
  return Files;
}

} // namespace

std::string absolutePath(StringRef Path) {
  SmallString<256> P(Path);
  (void)sys::fs::make_absolute(P); // no working directory: keep it relative
  sys::path::remove_dots(P, true);
  return std::string(P);
}

std::string skippedLanguages(ArrayRef<SkippedSource> Skipped) {
  std::set<std::string> Names;
  for (const SkippedSource &S : Skipped)
    Names.insert(S.Language);
  return join(Names, ", ");
}

Expected<std::unique_ptr<tooling::CompilationDatabase>>
openDatabase(std::unique_ptr<tooling::CompilationDatabase> Fixed,
             const InputOptions &Opts) {
  if (Fixed)
    return std::move(Fixed);
  if (!Opts.BuildPath.empty())
    return loadDatabase(Opts.BuildPath);
  if (Opts.Sources.empty()) {
    return inputError("no input: pass -p <build dir>, or sources followed by "
                      "'-- <compiler args>'");
  }
  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::CompilationDatabase::autoDetectFromSource(
          absolutePath(Opts.Sources.front()), Err);
  if (!DB)
    return inputError("no compilation database found for '" +
                      Opts.Sources.front() +
                      "'; pass -p <build dir> or '-- <compiler args>'");
  return tooling::inferMissingCompileCommands(std::move(DB));
}

Expected<Selection> selectFiles(const tooling::CompilationDatabase &DB,
                                const InputOptions &Opts) {
  Selection S;
  Expected<std::vector<std::string>> Files = listFiles(DB, Opts);
  if (!Files)
    return Files.takeError();
  S.Files = std::move(*Files);
  if (Error E = skipNonCxx(DB, S.Files, !Opts.Sources.empty(), S.Skipped))
    return std::move(E);
  S.Listed = S.Files.size();
  if (!Opts.Exclude.empty()) {
    S.Exclude.emplace(Opts.Exclude);
    std::string Err;
    if (!S.Exclude->isValid(Err))
      return inputError("invalid --exclude regex: " + Err);
    llvm::erase_if(S.Files,
                   [&](const std::string &F) { return S.Exclude->match(F); });
  }
  return std::move(S);
}

Error takeShard(Selection &S, const InputOptions &Opts) {
  size_t Unsharded = S.Files.size();
  if (Error E = selectShard(S.Files, Opts.Shard))
    return E;
  return checkSomethingLeft(S.Listed, Unsharded, S.Files.size(),
                            !Opts.Sources.empty(), Opts);
}

} // namespace unawaited::cli
