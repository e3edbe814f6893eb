//===- Fixes.cpp ----------------------------------------------------------===//
#include "Fixes.h"
#include "Signals.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/YAMLTraits.h"
#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace clang;

namespace unawaited::cli {

/// Follows symbolic links to the file they name, which need not exist yet
/// (a dangling link is written through, as a shell's `>` would).
static std::string resolveLinks(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  for (int Hops = 0; Hops < 40 && llvm::sys::fs::is_symlink_file(P); ++Hops) {
    char Buf[4096];
    ssize_t N = ::readlink(P.c_str(), Buf, sizeof(Buf) - 1);
    if (N <= 0)
      break;
    llvm::StringRef Target(Buf, static_cast<size_t>(N));
    if (llvm::sys::path::is_absolute(Target)) {
      P = Target;
    } else {
      llvm::SmallString<256> Next(llvm::sys::path::parent_path(P));
      llvm::sys::path::append(Next, Target);
      P = Next;
    }
  }
  return std::string(P);
}

namespace {

/// Test-only: UNAWAITED_TEST_WRITE_FAULT=<substr> fails writing any path
/// containing it, as a full disk would, so tests can reach late failures.
std::error_code injectedWriteFault(llvm::StringRef Path) {
  std::optional<std::string> Fault =
      llvm::sys::Process::GetEnv("UNAWAITED_TEST_WRITE_FAULT");
  if (Fault && !Fault->empty() && Path.contains(*Fault))
    return std::make_error_code(std::errc::no_space_on_device);
  return {};
}

/// New contents for a file, in a temporary beside it until commit()
/// renames it over the file; removed if it never is.
class PendingFile {
public:
  PendingFile() = default;
  PendingFile(PendingFile &&Other) noexcept : Temp(std::move(Other.Temp)) {
    Other.Temp.clear();
  }
  PendingFile &operator=(PendingFile &&Other) noexcept {
    discard();
    Temp = std::move(Other.Temp);
    Other.Temp.clear();
    return *this;
  }
  PendingFile(const PendingFile &) = delete;
  PendingFile &operator=(const PendingFile &) = delete;
  ~PendingFile() { discard(); }

  /// Writes \p Contents beside \p Path, with its mode (an executable
  /// stays executable). \p Shown is the path as errors name it.
  static llvm::Expected<PendingFile>
  create(llvm::StringRef Shown, llvm::StringRef Path, llvm::StringRef Contents);
  /// Replaces \p Path with the new contents.
  llvm::Error commit(llvm::StringRef Shown, llvm::StringRef Path);
  void discard() {
    if (!Temp.empty())
      (void)llvm::sys::fs::remove(Temp);
    Temp.clear();
  }

private:
  llvm::SmallString<256> Temp;
};

llvm::Error cannot(const char *What, llvm::StringRef Shown,
                   std::error_code EC) {
  return llvm::createStringError(EC, "cannot %s '%s': %s", What,
                                 Shown.str().c_str(), EC.message().c_str());
}

llvm::Expected<PendingFile> PendingFile::create(llvm::StringRef Shown,
                                                llvm::StringRef Path,
                                                llvm::StringRef Contents) {
  if (std::error_code EC = injectedWriteFault(Path))
    return cannot("write", Shown, EC);
  PendingFile P;
  llvm::SmallString<256> Model(Path);
  Model += ".unawaited-%%%%%%";
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, P.Temp)) {
    P.Temp.clear();
    return cannot("write", Shown, EC);
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error(); // or its destructor aborts the run
      return cannot("write", Shown, EC);
    }
  }
  if (auto Perms = llvm::sys::fs::getPermissions(Path))
    if (std::error_code EC = llvm::sys::fs::setPermissions(P.Temp, *Perms))
      return cannot("keep the permissions of", Shown, EC);
  return std::move(P);
}

llvm::Error PendingFile::commit(llvm::StringRef Shown, llvm::StringRef Path) {
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path))
    return cannot("replace", Shown, EC);
  Temp.clear();
  return llvm::Error::success();
}

} // namespace

llvm::Error writeFileAtomically(llvm::StringRef LinkOrPath,
                                llvm::StringRef Contents) {
  // Renaming onto a symlink would replace the link: write its target.
  std::string Path = resolveLinks(LinkOrPath);
  auto Pending = PendingFile::create(LinkOrPath, Path, Contents);
  if (!Pending)
    return Pending.takeError();
  return Pending->commit(LinkOrPath, Path);
}

llvm::Error checkWritable(llvm::StringRef Path) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError("cannot write '%s': %s", Path.str().c_str(),
                                   Why.c_str());
  };
  if (llvm::sys::fs::is_directory(Path))
    return Fail("it is a directory");
  // The directory written to is the link target's (writeFileAtomically).
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(resolveLinks(Path)));
  if (Dir.empty())
    Dir = ".";
  if (!llvm::sys::fs::is_directory(Dir))
    return Fail("no such directory '" + Dir.str().str() + "'");
  if (llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write))
    return Fail("directory '" + Dir.str().str() + "' is not writable");
  return llvm::Error::success();
}

/// The byte ranges of the replacements accepted so far in one file, by
/// offset: a new one is checked against its two neighbours only, so
/// accepting N fixes costs N log N, not N squared.
class TakenRanges {
public:
  /// Whether [Offset, Offset + Length) starts where an accepted one does
  /// or overlaps one: then tooling::Replacements would merge or reject it.
  bool overlaps(unsigned Offset, unsigned Length) const {
    auto Next = Ranges.lower_bound(Offset);
    if (Next != Ranges.end() &&
        (Next->first == Offset || Next->first < Offset + Length))
      return true;
    // Accepted ranges do not overlap, so only the one just before can
    // reach Offset.
    return Next != Ranges.begin() && std::prev(Next)->second > Offset;
  }
  void add(unsigned Offset, unsigned Length) {
    Ranges.emplace(Offset, Offset + Length);
  }

private:
  std::map<unsigned, unsigned> Ranges; ///< start -> end
};

/// Decides which findings --fix applies: their own fixes (never notes'),
/// not from a failed unit, not touching a file in \p Unusable, and not
/// overlapping a fix accepted before. Fills \p PerFile with the accepted
/// replacements.
static std::vector<bool>
acceptFixes(const std::vector<DiagRecord> &Findings,
            std::map<std::string, tooling::Replacements> &PerFile,
            FixSummary &Summary, const std::set<std::string> &Unusable = {}) {
  std::vector<bool> Accepted(Findings.size(), false);
  std::map<std::string, TakenRanges> Taken;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const DiagRecord &D = Findings[I];
    // Code that does not compile is not ours to edit.
    if (D.Fixes.empty() || D.FromFailedUnit ||
        llvm::any_of(D.Fixes, [&](const FixRecord &F) {
          return Unusable.count(F.File);
        }))
      continue;
    // All of a finding's replacements, or none of them: checked against
    // those accepted and against each other first.
    std::map<std::string, TakenRanges> Mine;
    bool Ok = true;
    for (const FixRecord &F : D.Fixes) {
      auto Earlier = Taken.find(F.File);
      if ((Earlier != Taken.end() &&
           Earlier->second.overlaps(F.Offset, F.Length)) ||
          Mine[F.File].overlaps(F.Offset, F.Length)) {
        Ok = false;
        break;
      }
      Mine[F.File].add(F.Offset, F.Length);
    }
    if (!Ok) {
      ++Summary.Skipped;
      continue;
    }
    for (const FixRecord &F : D.Fixes) {
      Taken[F.File].add(F.Offset, F.Length);
      // Overlapping none and starting where none does, it is inserted as
      // it is (Replacements::add merges or fails only otherwise).
      llvm::cantFail(PerFile[F.File].add(
          tooling::Replacement(F.File, F.Offset, F.Length, F.Text)));
    }
    Accepted[I] = true;
  }
  return Accepted;
}

namespace {

/// Test-only: UNAWAITED_TEST_PAUSE=<phase>:<dir> holds --fix at \p Phase,
/// "fix" (the analysis is done, no file read yet) or "commit" (every
/// temporary written, none renamed): it creates <dir>/<phase> and waits
/// (at most a minute) for <dir>/go, so that tests can edit a file or send
/// a signal at exactly that point.
void testPause(llvm::StringRef Phase) {
  std::optional<std::string> Pause =
      llvm::sys::Process::GetEnv("UNAWAITED_TEST_PAUSE");
  if (!Pause)
    return;
  auto [At, Dir] = llvm::StringRef(*Pause).split(':');
  if (At != Phase || Dir.empty())
    return;
  llvm::SmallString<256> Ready(Dir), Go(Dir);
  llvm::sys::path::append(Ready, Phase);
  llvm::sys::path::append(Go, "go");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Ready, EC);
  }
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!llvm::sys::fs::exists(Go) && !interruptSignal() &&
         std::chrono::steady_clock::now() < Deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

/// An exclusive flock(2) on the file a path names, released on
/// destruction. --fix replaces files by renaming, so once the lock is held
/// the locked inode is checked to still be the one the path names: two
/// --fix runs thus take turns on each file. Polls, so that a process that
/// never lets go cannot hang the run.
class FileLock {
public:
  FileLock() = default;
  FileLock(FileLock &&Other) noexcept : FD(Other.FD) { Other.FD = -1; }
  FileLock &operator=(FileLock &&) = delete;
  FileLock(const FileLock &) = delete;
  FileLock &operator=(const FileLock &) = delete;
  ~FileLock() {
    if (FD >= 0)
      ::close(FD);
  }

  static llvm::Expected<FileLock> acquire(llvm::StringRef Shown,
                                          llvm::StringRef Path);
  /// The locked file's bytes, as they are now.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
  read(llvm::StringRef Shown) const {
    auto Buf = llvm::MemoryBuffer::getOpenFile(FD, Shown, /*FileSize=*/-1,
                                               /*RequiresNullTerminator=*/false,
                                               /*IsVolatile=*/true);
    if (!Buf)
      return cannot("read", Shown, Buf.getError());
    return std::move(*Buf);
  }

private:
  int FD = -1;
};

std::error_code lastError() { return {errno, std::generic_category()}; }

bool sameInode(int FD, llvm::StringRef Path) {
  struct stat Held = {}, Named = {};
  return ::fstat(FD, &Held) == 0 && ::stat(Path.str().c_str(), &Named) == 0 &&
         Held.st_dev == Named.st_dev && Held.st_ino == Named.st_ino;
}

llvm::Expected<FileLock> FileLock::acquire(llvm::StringRef Shown,
                                           llvm::StringRef Path) {
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  for (;;) {
    FileLock L;
    L.FD = ::open(Path.str().c_str(), O_RDONLY | O_CLOEXEC);
    if (L.FD < 0)
      return cannot("read", Shown, lastError());
    if (::flock(L.FD, LOCK_EX | LOCK_NB) == 0) {
      if (sameInode(L.FD, Path))
        return std::move(L);
      continue; // replaced while we waited: lock the file it names now
    }
    if (errno != EWOULDBLOCK && errno != EINTR)
      return cannot("lock", Shown, lastError());
    if (std::chrono::steady_clock::now() > Deadline)
      return llvm::createStringError(
          "cannot lock '%s': another process has held it for a minute",
          Shown.str().c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

/// The hash of each file the fixes of findings from units that compiled
/// touch, as the analysis read it; "" when a worker did not know, or when
/// two units read different bytes (the file changed during the run).
std::map<std::string, std::string>
analysedHashes(const std::vector<DiagRecord> &Findings) {
  std::map<std::string, std::string> Hashes;
  std::set<std::string> Conflicting;
  for (const DiagRecord &D : Findings) {
    if (D.FromFailedUnit)
      continue;
    for (const FixRecord &F : D.Fixes) {
      auto [It, New] = Hashes.emplace(F.File, F.Hash);
      if (!New && It->second != F.Hash)
        Conflicting.insert(F.File);
    }
  }
  for (const std::string &F : Conflicting)
    Hashes[F].clear();
  return Hashes;
}

/// One file --fix rewrites.
struct Target {
  std::string File; ///< as the findings name it
  std::string Path; ///< symbolic links resolved: what is replaced
  std::string Hash; ///< as analysed
  std::unique_ptr<llvm::MemoryBuffer> Analysed; ///< the file, when it matched
  PendingFile Fixed;
};

/// Reads every file with fixes; those that no longer hash as analysed (or
/// have gone) go to \p Summary.Changed, the others into the result.
std::map<std::string, Target>
readTargets(const std::map<std::string, std::string> &Hashes,
            FixSummary &Summary) {
  std::map<std::string, Target> Targets;
  for (const auto &[File, Hash] : Hashes) {
    Target T{File, resolveLinks(File), Hash, nullptr, {}};
    // Volatile: read, not mapped, as another process may be rewriting it.
    auto Buf = llvm::MemoryBuffer::getFile(T.Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false,
                                           /*IsVolatile=*/true);
    if (Hash.empty() || !Buf || contentHash((*Buf)->getBuffer()) != Hash) {
      Summary.Changed.push_back(File);
      continue;
    }
    T.Analysed = std::move(*Buf);
    Targets.emplace(File, std::move(T));
  }
  return Targets;
}

/// Writes every target's fixed contents to its temporary. Stops at the
/// first failure, into \p Summary.Errors, or at an interrupt.
bool prepareTargets(std::map<std::string, Target> &Targets,
                    const std::map<std::string, tooling::Replacements> &PerFile,
                    FixSummary &Summary) {
  for (auto &[File, T] : Targets) {
    if (interruptSignal())
      return false;
    auto Fixed = tooling::applyAllReplacements(T.Analysed->getBuffer(),
                                               PerFile.at(File));
    if (!Fixed) {
      Summary.Errors.push_back("cannot fix '" + File +
                               "': " + llvm::toString(Fixed.takeError()));
      return false;
    }
    auto Pending = PendingFile::create(File, T.Path, *Fixed);
    if (!Pending) {
      Summary.Errors.push_back(llvm::toString(Pending.takeError()));
      return false;
    }
    T.Fixed = std::move(*Pending);
    T.Analysed.reset();
  }
  return true;
}

/// Replaces one target, under its lock, if it still holds the analysed
/// bytes. Returns false on an error (into \p Summary.Errors).
bool commitTarget(Target &T, FixSummary &Summary) {
  auto Fail = [&](llvm::Error E) {
    Summary.Errors.push_back(llvm::toString(std::move(E)));
    return false;
  };
  auto Lock = FileLock::acquire(T.File, T.Path);
  if (!Lock) {
    if (!llvm::sys::fs::exists(T.Path)) { // deleted since: not ours to fix
      llvm::consumeError(Lock.takeError());
      Summary.Changed.push_back(T.File);
      return true;
    }
    return Fail(Lock.takeError());
  }
  auto Now = Lock->read(T.File);
  if (!Now)
    return Fail(Now.takeError());
  if (contentHash((*Now)->getBuffer()) != T.Hash) {
    T.Fixed.discard();
    Summary.Changed.push_back(T.File);
    return true;
  }
  if (llvm::Error E = T.Fixed.commit(T.File, T.Path))
    return Fail(std::move(E));
  Summary.Written.push_back(T.File);
  return true;
}

} // namespace

FixSummary applyFixes(const std::vector<DiagRecord> &Findings) {
  FixSummary Summary;
  testPause("fix");
  std::map<std::string, Target> Targets =
      readTargets(analysedHashes(Findings), Summary);
  // A finding with a fix in a changed file is not applied, in any file.
  std::set<std::string> Changed(Summary.Changed.begin(), Summary.Changed.end());
  std::map<std::string, tooling::Replacements> PerFile;
  std::vector<bool> Accepted = acceptFixes(Findings, PerFile, Summary, Changed);
  for (auto It = Targets.begin(); It != Targets.end();)
    It = PerFile.count(It->first) && !PerFile[It->first].empty()
             ? std::next(It)
             : Targets.erase(It);

  bool Ok = prepareTargets(Targets, PerFile, Summary);
  if (Ok)
    testPause("commit");
  // Interrupted before any file was replaced: replace none.
  Summary.Interrupted = interruptSignal() != 0;
  Ok = Ok && !Summary.Interrupted;
  for (auto &[File, T] : Targets) {
    Ok = Ok && commitTarget(T, Summary);
    if (!Ok)
      Summary.Unwritten.push_back(File); // its temporary goes with Targets
  }
  std::set<std::string> Written(Summary.Written.begin(), Summary.Written.end());
  auto IsWritten = [&](const FixRecord &F) { return Written.count(F.File); };
  for (size_t I = 0; I < Findings.size(); ++I)
    Summary.Applied +=
        Accepted[I] && llvm::all_of(Findings[I].Fixes, IsWritten);
  return Summary;
}

static tooling::DiagnosticMessage message(llvm::StringRef Text,
                                          llvm::StringRef File, unsigned Offset,
                                          const std::vector<FixRecord> &Fixes) {
  tooling::DiagnosticMessage M;
  M.Message = Text.str();
  M.FilePath = File.str();
  M.FileOffset = Offset;
  for (const FixRecord &F : Fixes)
    llvm::consumeError(M.Fix[F.File].add(
        tooling::Replacement(F.File, F.Offset, F.Length, F.Text)));
  return M;
}

llvm::Error exportFixes(const std::vector<DiagRecord> &Findings,
                        llvm::StringRef OnlyFile, llvm::StringRef OutPath) {
  // Exactly what --fix applies: clang-apply-replacements would otherwise
  // apply a note's alternative to a diagnostic without a fix of its own
  // (and treats overlapping replacements as a conflict).
  FixSummary Ignored;
  std::map<std::string, tooling::Replacements> PerFile;
  std::vector<bool> Accepted = acceptFixes(Findings, PerFile, Ignored);
  static const std::vector<FixRecord> None;
  tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = OnlyFile.str();
  if (!Findings.empty() &&
      std::all_of(Findings.begin(), Findings.end(), [&](const DiagRecord &D) {
        return D.MainFile == Findings.front().MainFile;
      }))
    TUD.MainSourceFile = Findings.front().MainFile;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const DiagRecord &D = Findings[I];
    llvm::SmallVector<tooling::DiagnosticMessage, 1> Notes;
    for (const NoteRecord &N : D.Notes)
      Notes.push_back(message(N.Message, N.File, N.Offset, None));
    TUD.Diagnostics.emplace_back(
        D.Check,
        message(D.Message, D.File, D.Offset, Accepted[I] ? D.Fixes : None),
        Notes,
        D.Level == "error" ? tooling::Diagnostic::Error
                           : tooling::Diagnostic::Warning,
        D.BuildDirectory);
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  OS.flush();
  return writeFileAtomically(OutPath, Text);
}

} // namespace unawaited::cli
