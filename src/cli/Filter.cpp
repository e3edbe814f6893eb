//===- Filter.cpp - Which findings the report keeps -----------------------===//
#include "Filter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace unawaited::cli {

namespace {

/// A Twine overload, never a format string: messages quote file names.
Error inputError(const Twine &Message) { return createStringError(Message); }

/// The change of --diff or --diff-file; none when neither is given.
Expected<std::optional<ChangedLines>>
readChange(const FilterOptions &Opts, const std::vector<std::string> &Files) {
  if (!Opts.DiffRef.empty() && !Opts.DiffFile.empty())
    return inputError("--diff and --diff-file cannot be combined");
  if (!Opts.DiffRef.empty()) {
    SmallString<256> Cwd;
    (void)sys::fs::current_path(Cwd);
    auto C = ChangedLines::fromGit(
        Opts.DiffRef,
        Files.empty() ? StringRef(Cwd) : sys::path::parent_path(Files.front()));
    if (!C)
      return inputError("--diff: " + toString(C.takeError()));
    return std::move(*C);
  }
  if (!Opts.DiffFile.empty()) {
    auto Patch = MemoryBuffer::getFileOrSTDIN(Opts.DiffFile);
    if (!Patch)
      return inputError("cannot read --diff-file '" + Opts.DiffFile +
                        "': " + Patch.getError().message());
    SmallString<256> Cwd;
    (void)sys::fs::current_path(Cwd);
    auto C = ChangedLines::parse((*Patch)->getBuffer(), Cwd);
    if (!C)
      return inputError("--diff-file: " + toString(C.takeError()));
    return std::move(*C);
  }
  return std::nullopt;
}

} // namespace

bool FindingFilter::reported(const DiagRecord &D,
                             const std::string &TUFile) const {
  if (!D.isFinding())
    return false;
  if (D.File == TUFile)
    return true;
  return Header.match(D.File) &&
         !(Exclude &&
           (Exclude->match(D.File) || Exclude->match(realPath(D.File))));
}

bool FindingFilter::onReportedLine(const std::string &File,
                                   unsigned Line) const {
  return Lines.passes(File, Line) &&
         (!Changed || Changed->lines().passes(realPath(File), Line));
}

Expected<FindingFilter>
makeFindingFilter(const FilterOptions &Opts, std::optional<Regex> Exclude,
                  const std::vector<std::string> &Files) {
  FindingFilter F;
  F.Exclude = std::move(Exclude);
  F.Header = Regex(Opts.HeaderFilter);
  std::string Err;
  if (!F.Header.isValid(Err))
    return inputError("invalid --header-filter regex: " + Err);
  Expected<LineFilter> Lines = LineFilter::parse(Opts.LineFilterJson);
  if (!Lines)
    return Lines.takeError();
  F.Lines = std::move(*Lines);
  Expected<std::optional<ChangedLines>> Changed = readChange(Opts, Files);
  if (!Changed)
    return Changed.takeError();
  F.Changed = std::move(*Changed);
  return std::move(F);
}

} // namespace unawaited::cli
