//===- Worker.cpp - One translation unit through clang-tidy's library -----===//
#include "Worker.h"
#include "../tidy/CoroChecks.h"
#include "CompileCommands.h"
#include "Dependencies.h"
#include "Record.h"
#include "Signals.h"
#include "TidyRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "unawaited/CheckGlob.h"
#include "unawaited/Finding.h"
#include "unawaited/Options.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace unawaited::cli {

// Paths and arguments need not be UTF-8: bytesToJSON keeps them exact.
llvm::json::Value toJSON(const WorkerTask &T) {
  llvm::json::Array Args;
  for (const std::string &A : T.Command.CommandLine)
    Args.push_back(bytesToJSON(A));
  return llvm::json::Object{{"directory", bytesToJSON(T.Command.Directory)},
                            {"file", bytesToJSON(T.Command.Filename)},
                            {"arguments", std::move(Args)},
                            {"checks", bytesToJSON(T.Checks)},
                            {"config", bytesToJSON(T.Config)},
                            {"config_file", bytesToJSON(T.ConfigFile)},
                            {"parent_pid", T.ParentPid},
                            {"deps_file", bytesToJSON(T.DepsFile)}};
}

bool fromJSON(const llvm::json::Value &V, WorkerTask &T, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  const llvm::json::Object *Obj = V.getAsObject();
  const llvm::json::Array *Args = Obj ? Obj->getArray("arguments") : nullptr;
  if (!O || !Args)
    return false;
  T.Command.CommandLine.resize(Args->size());
  for (size_t I = 0; I < Args->size(); ++I)
    if (!bytesFromJSON(&(*Args)[I], T.Command.CommandLine[I]))
      return false;
  for (auto [Key, Out] : {std::pair<const char *, std::string *>{
                              "directory", &T.Command.Directory},
                          {"file", &T.Command.Filename},
                          {"checks", &T.Checks},
                          {"config", &T.Config},
                          {"config_file", &T.ConfigFile}})
    if (!bytesFromJSON(Obj->get(Key), *Out))
      return false;
  if (Obj->get("deps_file") &&
      !bytesFromJSON(Obj->get("deps_file"), T.DepsFile))
    return false;
  return O.mapOptional("parent_pid", T.ParentPid);
}

namespace {

/// Keeps only configuration entries about coro-* checks (see CheckGlob.h),
/// always starting from "-*,coro-*", and reports headers too: the parent
/// filters headers and de-duplicates them across translation units.
class CoroOptionsProvider : public ClangTidyOptionsProvider {
public:
  CoroOptionsProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner,
                      std::string CommandLineChecks)
      : Inner(std::move(Inner)),
        CommandLineChecks(std::move(CommandLineChecks)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(File);
    std::string Checks = "-*,coro-*";
    for (OptionsSource &S : Sources) {
      if (S.first.Checks) {
        std::string Coro = coroEntries(*S.first.Checks);
        if (!Coro.empty())
          Checks += "," + Coro;
      }
      S.first.Checks.reset();
      S.first.WarningsAsErrors.reset();
    }
    if (!CommandLineChecks.empty())
      Checks += "," + CommandLineChecks;
    ClangTidyOptions Final;
    Final.Checks = Checks;
    Final.HeaderFilterRegex = ".*";
    Final.SystemHeaders = false;
    Final.WarningsAsErrors = "";
    Sources.emplace_back(std::move(Final), "unawaited");
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  std::string CommandLineChecks;
};

} // namespace

/// Parses configuration YAML, naming its origin and first problem on error.
static llvm::Expected<ClangTidyOptions> parseConfig(llvm::StringRef Text,
                                                    llvm::StringRef Origin) {
  std::string Problem;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Origin), [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem = llvm::formatv("{0}:{1}: {2}", D.getLineNo(),
                                  D.getColumnNo() + 1, D.getMessage())
                        .str();
      });
  if (!Parsed) {
    // "in <file>:<line>:<col>: <problem>", as the compiler plugin says it.
    return Problem.empty()
               ? llvm::createStringError("invalid configuration in %s: %s",
                                         Origin.str().c_str(),
                                         Parsed.getError().message().c_str())
               : llvm::createStringError("invalid configuration in %s:%s",
                                         Origin.str().c_str(), Problem.c_str());
  }
  return std::move(*Parsed);
}

llvm::Error validateDiscoveredConfigs(llvm::ArrayRef<std::string> Files) {
  llvm::StringSet<> Walked; // directories whose chain upwards is checked
  for (const std::string &F : Files) {
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(F); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Walked.insert(Dir).second)
        break;
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, ".clang-tidy");
      if (!llvm::sys::fs::is_regular_file(Path))
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(Path);
      if (!Buf)
        return llvm::createStringError(
            Buf.getError(), "cannot read config file '%s': %s", Path.c_str(),
            Buf.getError().message().c_str());
      auto Parsed = parseConfig((*Buf)->getBuffer(), Path);
      if (!Parsed)
        return Parsed.takeError();
      if (!Parsed->InheritParentConfig.value_or(false))
        break; // clang-tidy reads no further up
    }
  }
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const WorkerTask &T) {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  ClangTidyOptions Override;
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  auto FromText = [&](llvm::StringRef Text, llvm::StringRef Origin)
      -> llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>> {
    auto Parsed = parseConfig(Text, Origin);
    if (!Parsed)
      return Parsed.takeError();
    return std::make_unique<ConfigOptionsProvider>(Global, Defaults, *Parsed,
                                                   Override);
  };
  if (!T.ConfigFile.empty()) {
    auto Buf = llvm::MemoryBuffer::getFile(T.ConfigFile);
    if (!Buf)
      return llvm::createStringError(
          Buf.getError(), "cannot read config file '%s': %s",
          T.ConfigFile.c_str(), Buf.getError().message().c_str());
    auto P = FromText((*Buf)->getBuffer(), T.ConfigFile);
    if (!P)
      return P.takeError();
    Inner = std::move(*P);
  } else if (!T.Config.empty()) {
    auto P = FromText(T.Config, "--config");
    if (!P)
      return P.takeError();
    Inner = std::move(*P);
  } else {
    Inner = std::make_unique<FileOptionsProvider>(Global, Defaults, Override);
  }
  return std::make_unique<CoroOptionsProvider>(std::move(Inner), T.Checks);
}

/// Whether \p File's directory exists, so that clang-tidy can look for
/// its configuration: asked of a missing one, it prints "Error reading
/// configuration from ..." on stderr, each time. Such a file is an input
/// error the caller reports on its own, before any work.
static bool configDirExists(llvm::StringRef File) {
  return llvm::sys::fs::is_directory(llvm::sys::path::parent_path(File));
}

bool anyCheckEnabled(ClangTidyOptionsProvider &Provider,
                     llvm::ArrayRef<std::string> Files) {
  for (const std::string &F : Files) {
    if (!configDirExists(F))
      return true; // not ours to fail: the missing directory is reported
    // The same glob semantics the worker's clang-tidy applies.
    GlobList Globs(Provider.getOptions(F).Checks.value_or(""));
    for (CheckId Id : AllChecks)
      if (Globs.contains(checkName(Id)))
        return true;
  }
  return false;
}

std::vector<std::string> optionProblems(ClangTidyOptionsProvider &Provider,
                                        llvm::ArrayRef<std::string> Files) {
  std::vector<std::string> Problems;
  std::set<std::string> Seen;
  llvm::StringSet<> Dirs; // one file's options stand for its directory's
  for (const std::string &F : Files) {
    if (!Dirs.insert(llvm::sys::path::parent_path(F)).second ||
        !configDirExists(F))
      continue;
    ClangTidyOptions O = Provider.getOptions(F);
    GlobList Globs(O.Checks.value_or(""));
    for (CheckId Id : AllChecks) {
      if (!Globs.contains(checkName(Id)))
        continue;
      // As clang-tidy's getLocalOrGlobal: "<check>.<Key>", then "<Key>".
      std::string Prefix = checkName(Id).str() + ".";
      auto Get = [&](llvm::StringRef Key) -> std::optional<std::string> {
        auto Local = O.CheckOptions.find(Prefix + Key.str());
        if (Local != O.CheckOptions.end())
          return Local->getValue().Value;
        auto Global = O.CheckOptions.find(Key);
        if (Global != O.CheckOptions.end())
          return Global->getValue().Value;
        return std::nullopt;
      };
      for (std::string &P : Options::problems(Get))
        if (Seen.insert(P).second)
          Problems.push_back(std::move(P));
    }
  }
  return Problems;
}

namespace {

/// A compilation database holding exactly the task's command.
class OneCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(tooling::CompileCommand C) : C(std::move(C)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {C};
  }
  std::vector<std::string> getAllFiles() const override { return {C.Filename}; }

private:
  tooling::CompileCommand C;
};

std::string absolute(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Path.empty())
    return "";
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> D(Dir);
    llvm::sys::path::append(D, P);
    P = D;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Content hashes of the files the fixes touch, by absolute path.
using HashMap = std::map<std::string, std::string>;

void addFixes(const llvm::StringMap<tooling::Replacements> &Fix,
              llvm::StringRef Dir, const HashMap &Hashes,
              std::vector<FixRecord> &Out) {
  for (const auto &Entry : Fix) {
    for (const tooling::Replacement &R : Entry.getValue()) {
      std::string File = absolute(R.getFilePath(), Dir);
      auto Hash = Hashes.find(File);
      Out.push_back({File, R.getOffset(), R.getLength(),
                     R.getReplacementText().str(),
                     Hash == Hashes.end() ? "" : Hash->second});
    }
  }
}

/// Records the content hash of every file \p F's fixes touch, from the
/// SourceManager's buffer: the exact bytes the offsets refer to, whatever
/// happens to the file on disk later. Paths are made absolute against the
/// directory clang-tidy names its replacements' paths against.
void hashFixedFiles(const Finding &F, const SourceManager &SM,
                    HashMap &Hashes) {
  llvm::ErrorOr<std::string> Cwd =
      SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
  auto Add = [&](SourceLocation L) {
    if (L.isInvalid())
      return;
    // A fix-it in a macro lands in the spelling or the expansion's file.
    for (SourceLocation In :
         {SM.getFileLoc(L), SM.getSpellingLoc(L), SM.getExpansionLoc(L)}) {
      FileID Id = SM.getFileID(In);
      OptionalFileEntryRef Entry = SM.getFileEntryRefForID(Id);
      if (!Entry)
        continue;
      std::string File = absolute(Entry->getName(), Cwd ? *Cwd : "");
      if (Hashes.count(File))
        continue;
      if (std::optional<llvm::StringRef> Bytes = SM.getBufferDataOrNone(Id))
        Hashes.emplace(std::move(File), contentHash(*Bytes));
    }
  };
  for (const FixItHint &H : F.Fixes) {
    Add(H.RemoveRange.getBegin());
    Add(H.RemoveRange.getEnd());
    Add(H.InsertFromRange.getBegin());
  }
}

/// Test-only fault injection, so end-to-end tests can prove isolation:
/// UNAWAITED_TEST_WORKER_FAULT=crash:<substr> or hang:<substr>.
/// UNAWAITED_TEST_WORKER_LOG=<file> appends each worker's source to <file>,
/// so tests can see the order in which files are started.
void injectFaultFor(llvm::StringRef File) {
  if (std::optional<std::string> Log =
          llvm::sys::Process::GetEnv("UNAWAITED_TEST_WORKER_LOG")) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(*Log, EC, llvm::sys::fs::OF_Append);
    if (!EC)
      OS << File << "\n";
  }
  std::optional<std::string> Fault =
      llvm::sys::Process::GetEnv("UNAWAITED_TEST_WORKER_FAULT");
  if (!Fault)
    return;
  auto [Kind, Needle] = llvm::StringRef(*Fault).split(':');
  if (Needle.empty() || !File.contains(Needle))
    return;
  if (Kind == "crash")
    std::abort();
  if (Kind == "hang")
    for (;;)
      std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

int runWorker(llvm::StringRef TaskFile) {
  auto Buf = llvm::MemoryBuffer::getFile(TaskFile);
  if (!Buf) {
    llvm::errs() << "unawaited worker: cannot read " << TaskFile << "\n";
    return 2;
  }
  auto Parsed = llvm::json::parse<WorkerTask>((*Buf)->getBuffer());
  if (!Parsed) {
    llvm::errs() << "unawaited worker: " << llvm::toString(Parsed.takeError())
                 << "\n";
    return 2;
  }
  WorkerTask &T = *Parsed;
  dieWithParent(T.ParentPid);
  injectFaultFor(T.Command.Filename);
  // The parent checked it, but it may be gone since; clang's tooling would
  // abort on it rather than fail.
  if (llvm::Error E = checkCommandDirectory(T.Command)) {
    llvm::errs() << "unawaited: " << llvm::toString(std::move(E)) << "\n";
    return 2;
  }

  auto Provider = makeOptionsProvider(T);
  if (!Provider) {
    llvm::errs() << "unawaited: " << llvm::toString(Provider.takeError())
                 << "\n";
    return 2;
  }
  // Diagnostics cannot carry the enclosing function or a whole-program
  // candidate's member: note them per finding.
  struct Extra {
    std::string Function, WholeProgramKey;
  };
  std::map<std::string, Extra> Extras;
  auto FindingKey = [](llvm::StringRef Check, llvm::StringRef File,
                       unsigned Offset, llvm::StringRef Message) {
    return (Check + "\n" + llvm::sys::path::filename(File) + "\n" +
            llvm::Twine(Offset) + "\n" + Message)
        .str();
  };
  HashMap Hashes;
  tidy::setFindingObserver([&](const Finding &F, const SourceManager &SM) {
    hashFixedFiles(F, SM, Hashes);
    if ((F.Function.empty() && F.WholeProgramKey.empty()) || F.Loc.isInvalid())
      return;
    SourceLocation L = SM.getFileLoc(F.Loc);
    Extras[FindingKey(checkName(F.Check), SM.getFilename(L),
                      SM.getFileOffset(L), F.Message)] = {F.Function,
                                                          F.WholeProgramKey};
  });
  // Whole-program facts, for the parent's merge (WholeProgram.h).
  std::vector<MemberFact> Facts;
  std::vector<HandOffFact> HandOffs;
  tidy::setFactObserver({[&](const MemberFact &F) { Facts.push_back(F); },
                         [&](const HandOffFact &F) { HandOffs.push_back(F); }});
  ClangTidyContext Context(std::move(*Provider));
  OneCommandDatabase DB(T.Command);
  // For the result cache: every file the parse reads, through this FS.
  llvm::IntrusiveRefCntPtr<RecordingFileSystem> Recorder;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Real =
      llvm::vfs::getRealFileSystem();
  if (!T.DepsFile.empty())
    Real = Recorder = llvm::makeIntrusiveRefCnt<RecordingFileSystem>(Real);
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Real);
  std::vector<ClangTidyError> Errors =
      runTidyChecks(Context, DB, T.Command.Filename, FS);
  if (Recorder) {
    std::error_code EC;
    llvm::raw_fd_ostream Deps(T.DepsFile, EC);
    if (!EC)
      writeDependencies(Recorder->takeDependencies(), Deps);
  }

  // One record per line, each printed as it is made: neither side holds
  // the whole unit's records as a JSON tree (kilobytes per object).
  for (const ClangTidyError &E : Errors) {
    DiagRecord D;
    D.Check = E.DiagnosticName;
    D.Level = E.DiagLevel == tooling::Diagnostic::Error ? "error" : "warning";
    if (!D.isFinding() && D.Level != "error")
      continue; // compiler warnings are not ours to report
    llvm::StringRef Dir = E.BuildDirectory;
    D.File = absolute(E.Message.FilePath, Dir);
    D.Offset = E.Message.FileOffset;
    D.Message = E.Message.Message;
    auto X = Extras.find(FindingKey(D.Check, D.File, D.Offset, D.Message));
    if (X != Extras.end()) {
      D.Function = X->second.Function;
      D.WholeProgramKey = X->second.WholeProgramKey;
    }
    addFixes(E.Message.Fix, Dir, Hashes, D.Fixes);
    for (const tooling::DiagnosticMessage &N : E.Notes) {
      NoteRecord NR;
      NR.File = absolute(N.FilePath, Dir);
      NR.Offset = N.FileOffset;
      NR.Message = N.Message;
      addFixes(N.Fix, Dir, Hashes, NR.Fixes);
      D.Notes.push_back(std::move(NR));
    }
    llvm::outs() << toJSON(D) << "\n";
  }
  for (const MemberFact &F : Facts)
    llvm::outs() << toJSON(F) << "\n";
  // The note's file as the unit named it: relative to the command's
  // directory, as clang-tidy's diagnostics are.
  for (HandOffFact &F : HandOffs) {
    F.NoteFile = absolute(F.NoteFile, T.Command.Directory);
    llvm::outs() << toJSON(F) << "\n";
  }
  llvm::outs().flush();
  return 0;
}

} // namespace unawaited::cli
