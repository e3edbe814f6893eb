//===- Diff.cpp -----------------------------------------------------------===//
#include "Diff.h"
#include "Cache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <unistd.h>

namespace unawaited::cli {

std::string resolvePath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return Real.str().str();
  if (!llvm::sys::fs::real_path(llvm::sys::path::parent_path(Path), Real)) {
    llvm::sys::path::append(Real, llvm::sys::path::filename(Path));
    return Real.str().str();
  }
  Real = Path;
  (void)llvm::sys::fs::make_absolute(Real);
  llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
  return Real.str().str();
}

namespace {

/// A path of a "---"/"+++" line: git quotes one with special bytes
/// ("a/caf\303\251.cpp"), and ends it with a tab before a timestamp in
/// other tools' patches.
std::string diffPath(llvm::StringRef S) {
  S = S.rtrim("\r");
  if (!S.starts_with("\"")) {
    return S.split('\t').first.str();
  }
  std::string Out;
  for (size_t I = 1; I < S.size() && S[I] != '"'; ++I) {
    if (S[I] != '\\' || I + 1 >= S.size()) {
      Out += S[I];
      continue;
    }
    char C = S[++I];
    if (C >= '0' && C <= '7' && I + 2 < S.size()) {
      Out += static_cast<char>(((C - '0') << 6) | ((S[I + 1] - '0') << 3) |
                               (S[I + 2] - '0'));
      I += 2;
      continue;
    }
    Out += C == 'n' ? '\n' : C == 't' ? '\t' : C;
  }
  return Out;
}

/// "-a,b" or "+c,d" of a hunk header: start and count (1 when omitted).
bool hunkRange(llvm::StringRef S, unsigned &Start, unsigned &Count) {
  auto [A, B] = S.drop_front().split(',');
  Count = 1;
  return !A.getAsInteger(10, Start) &&
         (B.empty() || !B.getAsInteger(10, Count));
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::parse(llvm::StringRef Patch,
                                                 llvm::StringRef Root) {
  ChangedLines C;
  std::map<std::string, std::vector<unsigned>> Added;
  std::string Current; // the new file of the hunks that follow; "" deleted
  auto Resolve = [&](llvm::StringRef P) -> std::string {
    if (P == "/dev/null")
      return "";
    if (P.starts_with("a/") || P.starts_with("b/"))
      P = P.drop_front(2);
    llvm::SmallString<256> Abs(Root);
    llvm::sys::path::append(Abs, P);
    std::string R = resolvePath(Abs);
    C.Touched.insert(R);
    C.Names.insert(llvm::sys::path::filename(R));
    C.Dirs.insert(llvm::sys::path::parent_path(R));
    return R;
  };
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Patch.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef L = Lines[I];
    // A binary or mode-only change has no "---"/"+++" lines: the header
    // names the file.
    if (L.starts_with("diff --git a/") && L.contains(" b/")) {
      auto [Old, New] = L.drop_front(11).rsplit(" b/");
      (void)Resolve(Old);
      (void)Resolve(("b/" + New).str());
      continue;
    }
    if (L.starts_with("--- ")) {
      (void)Resolve(diffPath(L.drop_front(4)));
      continue;
    }
    if (L.starts_with("+++ ")) {
      Current = Resolve(diffPath(L.drop_front(4)));
      continue;
    }
    if (!L.starts_with("@@ "))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    L.split(Parts, ' ');
    unsigned OldStart, OldCount, NewStart, NewCount;
    if (Parts.size() < 4 || !hunkRange(Parts[1], OldStart, OldCount) ||
        !hunkRange(Parts[2], NewStart, NewCount))
      return llvm::createStringError("malformed diff: line %zu: '%s'", I + 1,
                                     L.str().c_str());
    // The hunk's body, with or without context: '+' lines are the change.
    unsigned Line = NewStart;
    while ((OldCount || NewCount) && I + 1 < Lines.size()) {
      llvm::StringRef B = Lines[++I];
      if (B.starts_with("\\"))
        continue; // "\ No newline at end of file"
      char Kind = B.empty() ? ' ' : B[0];
      if (Kind == '+') {
        if (!Current.empty())
          Added[Current].push_back(Line);
        ++Line;
        --NewCount;
      } else if (Kind == '-') {
        --OldCount;
      } else if (Kind == ' ') {
        ++Line;
        --NewCount;
        --OldCount;
      } else {
        return llvm::createStringError("malformed diff: line %zu: '%s'", I + 1,
                                       B.str().c_str());
      }
    }
  }
  // Consecutive lines as one range, in clang-tidy's --line-filter format.
  llvm::json::Array Filter;
  for (auto &[File, Nums] : Added) {
    llvm::json::Array Ranges;
    for (size_t K = 0; K < Nums.size();) {
      size_t E = K;
      while (E + 1 < Nums.size() && Nums[E + 1] == Nums[E] + 1)
        ++E;
      Ranges.push_back(llvm::json::Array{Nums[K], Nums[E]});
      K = E + 1;
    }
    Filter.push_back(
        llvm::json::Object{{"name", File}, {"lines", std::move(Ranges)}});
  }
  // No added line anywhere: an entry that matches every file and passes no
  // line (an empty filter would pass everything).
  if (Filter.empty()) {
    llvm::json::Array Never; // not Array{Array{1, 0}}: that copies
    Never.push_back(llvm::json::Array{1, 0});
    Filter.push_back(
        llvm::json::Object{{"name", ""}, {"lines", std::move(Never)}});
  }
  std::string Json;
  llvm::raw_string_ostream(Json) << llvm::json::Value(std::move(Filter));
  llvm::Expected<LineFilter> F = LineFilter::parse(Json);
  if (!F)
    return F.takeError();
  C.Filter = std::move(*F);
  return C;
}

namespace {

/// Runs git with \p Args; its standard output, or the first line of its
/// error.
llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError("--diff needs git, which is not on PATH");
  llvm::SmallString<128> Out, Err;
  int OutFD = -1, ErrFD = -1;
  if (llvm::sys::fs::createTemporaryFile("unawaited-git", "out", OutFD, Out) ||
      llvm::sys::fs::createTemporaryFile("unawaited-git", "err", ErrFD, Err))
    return llvm::createStringError("cannot create a temporary file");
  ::close(OutFD);
  ::close(ErrFD);
  std::vector<llvm::StringRef> Argv = {*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef(Err)};
  std::string Msg;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0,
                                     &Msg);
  auto OutText = llvm::MemoryBuffer::getFile(Out);
  auto ErrText = llvm::MemoryBuffer::getFile(Err);
  (void)llvm::sys::fs::remove(Out);
  (void)llvm::sys::fs::remove(Err);
  if (RC != 0) {
    std::string Why =
        ErrText ? (*ErrText)->getBuffer().trim().split('\n').first.str() : Msg;
    return llvm::createStringError("git %s failed: %s",
                                   llvm::join(Args, " ").c_str(), Why.c_str());
  }
  return OutText ? (*OutText)->getBuffer().str() : std::string();
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::fromGit(llvm::StringRef Ref,
                                                   llvm::StringRef Dir) {
  llvm::Expected<std::string> Top =
      git({"-C", Dir, "rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  std::string Root = llvm::StringRef(*Top).trim().str();
  // Fixed prefixes and no renames (a rename is a deletion and an
  // addition), whatever the user's git configuration says.
  llvm::Expected<std::string> Patch =
      git({"-C", Root, "diff", "-U0", "--no-color", "--no-ext-diff",
           "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", Ref, "--"});
  if (!Patch)
    return Patch.takeError();
  return parse(*Patch, Root);
}

bool ChangedLines::affects(llvm::StringRef Source,
                           llvm::ArrayRef<Dependency> Deps) const {
  if (Touched.contains(resolvePath(Source)))
    return true;
  for (const Dependency &D : Deps) {
    if (D.K == Dependency::Listing) {
      if (Dirs.contains(resolvePath(D.Path)))
        return true;
      continue;
    }
    // Resolving every dependency's path would cost a system call each.
    if (!Names.contains(llvm::sys::path::filename(D.Path)))
      continue;
    if (Touched.contains(resolvePath(D.Path)))
      return true;
  }
  return false;
}

} // namespace unawaited::cli

namespace unawaited::cli {

std::vector<bool> affectedTasks(const std::vector<WorkerTask> &Tasks,
                                ResultCache *Cache,
                                const ChangedLines &Changed) {
  std::vector<bool> Keep;
  for (const WorkerTask &T : Tasks) {
    // Without a record of what it read, a unit may read anything.
    std::optional<std::vector<Dependency>> Deps;
    if (Cache)
      Deps = Cache->dependencies(Cache->key(T));
    Keep.push_back(!Deps || Changed.affects(T.Command.Filename, *Deps));
  }
  return Keep;
}

} // namespace unawaited::cli
