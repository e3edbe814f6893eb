//===- Fixes.cpp ----------------------------------------------------------===//
#include "Fixes.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>
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

llvm::Error writeFileAtomically(llvm::StringRef LinkOrPath,
                                llvm::StringRef Contents) {
  // Renaming onto a symlink would replace the link: write its target.
  std::string Path = resolveLinks(LinkOrPath);
  // Test-only: UNAWAITED_TEST_WRITE_FAULT=<substr> fails writing any path
  // containing it, as a full disk would, so tests can reach late failures.
  std::optional<std::string> Fault =
      llvm::sys::Process::GetEnv("UNAWAITED_TEST_WRITE_FAULT");
  if (Fault && !Fault->empty() && llvm::StringRef(Path).contains(*Fault)) {
    std::error_code Full = std::make_error_code(std::errc::no_space_on_device);
    return llvm::createStringError(Full, "cannot write '%s': %s",
                                   LinkOrPath.str().c_str(),
                                   Full.message().c_str());
  }
  llvm::SmallString<256> Model(Path);
  Model += ".unawaited-%%%%%%";
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   LinkOrPath.str().c_str(),
                                   EC.message().c_str());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      (void)llvm::sys::fs::remove(Temp);
      return llvm::createStringError(OS.error(), "cannot write '%s'",
                                     LinkOrPath.str().c_str());
    }
  }
  // Keep the file's mode (an executable script stays executable).
  if (auto Perms = llvm::sys::fs::getPermissions(Path)) {
    if (std::error_code EC = llvm::sys::fs::setPermissions(Temp, *Perms)) {
      (void)llvm::sys::fs::remove(Temp);
      return llvm::createStringError(
          EC, "cannot keep the permissions of '%s': %s",
          LinkOrPath.str().c_str(), EC.message().c_str());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    (void)llvm::sys::fs::remove(Temp);
    return llvm::createStringError(EC, "cannot replace '%s': %s",
                                   LinkOrPath.str().c_str(),
                                   EC.message().c_str());
  }
  return llvm::Error::success();
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

/// Decides which findings --fix applies: their own fixes (never notes'),
/// not from a failed unit, and not overlapping a fix accepted before.
/// Fills \p PerFile with the accepted replacements.
static std::vector<bool>
acceptFixes(const std::vector<DiagRecord> &Findings,
            std::map<std::string, tooling::Replacements> &PerFile,
            FixSummary &Summary) {
  std::vector<bool> Accepted(Findings.size(), false);
  for (size_t I = 0; I < Findings.size(); ++I) {
    const DiagRecord &D = Findings[I];
    // Code that does not compile is not ours to edit.
    if (D.Fixes.empty() || D.FromFailedUnit)
      continue;
    // All of a finding's replacements, or none of them.
    std::map<std::string, tooling::Replacements> Trial = PerFile;
    bool Ok = true;
    for (const FixRecord &F : D.Fixes) {
      tooling::Replacement R(F.File, F.Offset, F.Length, F.Text);
      tooling::Replacements &Set = Trial[F.File];
      bool Overlaps = false;
      for (const tooling::Replacement &Existing : Set) {
        if (Existing.getOffset() == R.getOffset() ||
            (R.getOffset() < Existing.getOffset() + Existing.getLength() &&
             Existing.getOffset() < R.getOffset() + R.getLength()))
          Overlaps = true;
      }
      if (Overlaps || Set.add(R)) {
        Ok = false;
        break;
      }
    }
    if (Ok) {
      PerFile = std::move(Trial);
      Accepted[I] = true;
      ++Summary.Applied;
    } else {
      ++Summary.Skipped;
    }
  }
  return Accepted;
}

llvm::Expected<FixSummary> applyFixes(const std::vector<DiagRecord> &Findings) {
  FixSummary Summary;
  std::map<std::string, tooling::Replacements> PerFile;
  (void)acceptFixes(Findings, PerFile, Summary);
  for (auto &[File, Reps] : PerFile) {
    if (Reps.empty())
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(File);
    if (!Buf)
      return llvm::createStringError(Buf.getError(), "cannot read '%s'",
                                     File.c_str());
    auto Fixed = tooling::applyAllReplacements((*Buf)->getBuffer(), Reps);
    if (!Fixed)
      return Fixed.takeError();
    if (llvm::Error E = writeFileAtomically(File, *Fixed))
      return std::move(E);
    ++Summary.Files;
  }
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
                        llvm::StringRef MainFile, llvm::StringRef OutPath) {
  // Exactly what --fix applies: clang-apply-replacements would otherwise
  // apply a note's alternative to a diagnostic without a fix of its own
  // (and treats overlapping replacements as a conflict).
  FixSummary Ignored;
  std::map<std::string, tooling::Replacements> PerFile;
  std::vector<bool> Accepted = acceptFixes(Findings, PerFile, Ignored);
  static const std::vector<FixRecord> None;
  tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = MainFile.str();
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
        llvm::sys::path::parent_path(D.File));
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  OS.flush();
  return writeFileAtomically(OutPath, Text);
}

} // namespace unawaited::cli
