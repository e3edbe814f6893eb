//===- CompileCommands.cpp ------------------------------------------------===//
#include "CompileCommands.h"
#include "DatabaseReader.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include <unordered_map>

using namespace clang;

#ifndef UNAWAITED_CLANG_RESOURCE_DIR
#define UNAWAITED_CLANG_RESOURCE_DIR ""
#endif

namespace unawaited::cli {

/// \p Text with what a terminal should not be sent replaced: control
/// characters as \xNN, invalid UTF-8 as U+FFFD.
static std::string printable(llvm::StringRef Text) {
  std::string Valid =
      llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
  std::string Out;
  for (char C : Valid) {
    auto U = static_cast<unsigned char>(C);
    if (U < 0x20 || U == 0x7f)
      Out += llvm::formatv("\\x{0:x-2}", U).str();
    else
      Out += C;
  }
  return Out;
}

/// The first syntax error of \p Text as the compilation database's own
/// parser (LLVM's YAML, of which JSON is a subset) sees it, as
/// "line L, column C: message"; "" when there is none. Asked first, so
/// that the parser's diagnostic, which quotes the offending line raw, is
/// never printed on stderr.
static std::string firstSyntaxError(llvm::StringRef Text) {
  llvm::SourceMgr SM;
  std::string First;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Out) {
        auto &S = *static_cast<std::string *>(Out);
        if (S.empty())
          S = llvm::formatv("line {0}, column {1}: {2}", D.getLineNo(),
                            D.getColumnNo() + 1, printable(D.getMessage()))
                  .str();
      },
      &First);
  llvm::yaml::Stream Stream(Text, SM);
  for (llvm::yaml::Document &Doc : Stream)
    Doc.skip();
  return Stream.failed() && First.empty() ? "not valid JSON" : First;
}

/// compile_commands.json with relative "directory" entries resolved against
/// the file's own directory (the format says absolute; generators differ).
/// The plain form every generator writes is streamed into a CompactDatabase;
/// anything else is read whole by clang's parser, as before, which accepts
/// what it accepts (YAML) and words the errors.
static std::unique_ptr<tooling::CompilationDatabase>
loadJsonFile(llvm::StringRef Path, std::string &Err) {
  llvm::SmallString<256> Base(Path);
  (void)llvm::sys::fs::make_absolute(Base); // no working directory: keep it
  llvm::sys::path::remove_filename(Base);
  // Only a regular file can be read again if it turns out not plain (a
  // pipe, as from `-p <(...)`, cannot).
  std::string NotPlain;
  if (llvm::sys::fs::is_regular_file(Path))
    if (std::unique_ptr<CompactDatabase> DB =
            readCompactDatabase(Path, Base, NotPlain))
      return DB;
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Err = Buf.getError().message();
    return nullptr;
  }
  Err = firstSyntaxError((*Buf)->getBuffer());
  if (!Err.empty())
    return nullptr;
  std::string Text = (*Buf)->getBuffer().str();
  if (auto Parsed = llvm::json::parse(Text)) {
    if (llvm::json::Array *Entries = Parsed->getAsArray()) {
      bool Changed = false;
      for (llvm::json::Value &E : *Entries) {
        if (llvm::json::Object *O = E.getAsObject()) {
          if (std::optional<llvm::StringRef> D = O->getString("directory")) {
            if (!llvm::sys::path::is_absolute(*D)) {
              llvm::SmallString<256> Abs(Base);
              llvm::sys::path::append(Abs, *D);
              llvm::sys::path::remove_dots(Abs, true);
              (*O)["directory"] = std::string(Abs);
              Changed = true;
            }
          }
        }
      }
      if (Changed) {
        llvm::raw_string_ostream OS(Text);
        Text.clear();
        OS << *Parsed;
        OS.flush();
      }
    }
  } else {
    llvm::consumeError(Parsed.takeError());
  }
  auto DB = tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Err, tooling::JSONCommandLineSyntax::AutoDetect);
  Err = printable(llvm::StringRef(Err).trim().split('\n').first);
  return DB;
}

namespace {

/// A database used through a reference (the one LazyInference owns).
class BorrowedDatabase : public tooling::CompilationDatabase {
public:
  explicit BorrowedDatabase(const tooling::CompilationDatabase &DB) : DB(DB) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return DB.getCompileCommands(File);
  }
  std::vector<std::string> getAllFiles() const override {
    return DB.getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return DB.getAllCompileCommands();
  }

private:
  const tooling::CompilationDatabase &DB;
};

/// \p C's command line with its `@file` arguments expanded (recursively,
/// relative to the command's directory); an error names the first that
/// cannot be (one that includes itself, say), and \p C is then unchanged.
static llvm::Error expandResponseFilesOf(tooling::CompileCommand &C) {
  if (llvm::none_of(C.CommandLine, [](const std::string &A) {
        return llvm::StringRef(A).starts_with("@");
      }))
    return llvm::Error::success();
  llvm::SmallVector<const char *, 32> Argv;
  for (const std::string &A : C.CommandLine)
    Argv.push_back(A.c_str());
  llvm::BumpPtrAllocator Alloc;
  // As clang's tooling tokenizes them: by the host's conventions.
  llvm::cl::ExpansionContext Expander(
      Alloc, llvm::Triple(llvm::sys::getProcessTriple()).isOSWindows()
                 ? llvm::cl::TokenizeWindowsCommandLine
                 : llvm::cl::TokenizeGNUCommandLine);
  auto FS = llvm::vfs::getRealFileSystem();
  if (llvm::Error E = Expander.setVFS(FS.get())
                          .setCurrentDir(C.Directory)
                          .expandResponseFiles(Argv))
    return E;
  // Argv points into C.CommandLine: copy before replacing it.
  std::vector<std::string> Expanded(Argv.begin(), Argv.end());
  C.CommandLine = std::move(Expanded);
  return llvm::Error::success();
}

/// Expands response files in every command, as clang's tooling does,
/// except that a command whose expansion fails is left as it is, for
/// checkResponseFiles to name, rather than printed half-expanded.
class ResponseFileExpansion : public tooling::CompilationDatabase {
public:
  explicit ResponseFileExpansion(
      std::unique_ptr<tooling::CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return expand(Inner->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Inner->getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return expand(Inner->getAllCompileCommands());
  }

private:
  static std::vector<tooling::CompileCommand>
  expand(std::vector<tooling::CompileCommand> Cmds) {
    for (tooling::CompileCommand &C : Cmds)
      llvm::consumeError(expandResponseFilesOf(C));
    return Cmds;
  }
  std::unique_ptr<tooling::CompilationDatabase> Inner;
};

/// clang's inference of commands for files the database does not list
/// (headers), set up on the first such file: it indexes every file of the
/// database, which a run over the database's own files never needs.
class LazyInference : public tooling::CompilationDatabase {
public:
  explicit LazyInference(std::unique_ptr<tooling::CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    std::vector<tooling::CompileCommand> Known =
        Inner->getCompileCommands(File);
    if (!Known.empty())
      return Known;
    if (!Inferred)
      Inferred = tooling::inferMissingCompileCommands(
          std::make_unique<BorrowedDatabase>(*Inner));
    return Inferred->getCompileCommands(File);
  }
  std::vector<std::string> getAllFiles() const override {
    return Inner->getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return Inner->getAllCompileCommands();
  }

private:
  std::unique_ptr<tooling::CompilationDatabase> Inner;
  mutable std::unique_ptr<tooling::CompilationDatabase> Inferred;
};

} // namespace

llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadDatabase(llvm::StringRef BuildPath) {
  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> DB;
  if (llvm::sys::fs::is_directory(BuildPath)) {
    llvm::SmallString<256> Json(BuildPath);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (llvm::sys::fs::exists(Json)) {
      DB = loadJsonFile(Json, Err);
      if (!DB)
        return llvm::createStringError(
            "malformed compilation database '%s': %s", Json.c_str(),
            Err.c_str());
    } else {
      DB = tooling::CompilationDatabase::loadFromDirectory(BuildPath, Err);
    }
    if (!DB)
      return llvm::createStringError(
          "no compilation database in '%s' (expected compile_commands.json)",
          BuildPath.str().c_str());
  } else if (llvm::sys::fs::exists(BuildPath)) {
    DB = loadJsonFile(BuildPath, Err);
    if (!DB)
      return llvm::createStringError("malformed compilation database '%s': %s",
                                     BuildPath.str().c_str(), Err.c_str());
  } else {
    return llvm::createStringError("compilation database '%s' does not exist",
                                   BuildPath.str().c_str());
  }
  // (Listing the files is far cheaper than building every command.)
  if (DB->getAllFiles().empty() && Err.empty() &&
      llvm::sys::fs::is_directory(BuildPath) == false)
    return llvm::createStringError("compilation database '%s' is empty",
                                   BuildPath.str().c_str());
  DB = std::make_unique<ResponseFileExpansion>(std::move(DB));
  return std::make_unique<LazyInference>(std::move(DB));
}

llvm::Error checkResponseFiles(const tooling::CompileCommand &C) {
  tooling::CompileCommand Copy = C;
  llvm::Error E = expandResponseFilesOf(Copy);
  if (!E)
    return E;
  return llvm::createStringError(
      "cannot expand the response files of the compile command for '%s': %s",
      C.Filename.c_str(), printable(llvm::toString(std::move(E))).c_str());
}

llvm::Error checkCommandDirectory(const tooling::CompileCommand &C) {
  if (llvm::sys::fs::is_directory(C.Directory))
    return llvm::Error::success();
  // clang's tooling would abort on it ("Cannot chdir"); name it instead.
  const char *Why = llvm::sys::fs::exists(C.Directory) ? "is not a directory"
                                                       : "does not exist";
  return llvm::createStringError("directory '%s' of the compile command for "
                                 "'%s' %s",
                                 C.Directory.c_str(), C.Filename.c_str(), Why);
}

std::string resourceDir() {
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("UNAWAITED_RESOURCE_DIR"))
    return *Env;
  llvm::StringRef Built = UNAWAITED_CLANG_RESOURCE_DIR;
  if (!Built.empty() && llvm::sys::fs::is_directory(Built))
    return Built.str();
  // A relocated install next to its own clang: <prefix>/lib/clang/<major>.
  std::string Exe = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&resourceDir));
  llvm::SmallString<256> P(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(P, "lib", "clang", "19");
  return std::string(P);
}

/// The macro clang-tidy's frontend defines (the static analyzer's).
static constexpr llvm::StringLiteral AnalyzerMacro = "__clang_analyzer__";

/// Whether the command's own -D or -U flags name __clang_analyzer__: then
/// the build compiles with that and the command is left as it is.
static bool namesAnalyzerMacro(const llvm::opt::InputArgList &Parsed) {
  for (const llvm::opt::Arg *A :
       Parsed.filtered(driver::options::OPT_D, driver::options::OPT_U)) {
    llvm::StringRef Name = llvm::StringRef(A->getValue()).split('=').first;
    if (Name == AnalyzerMacro)
      return true;
  }
  return false;
}

void adjustCommand(tooling::CompileCommand &C,
                   std::set<std::string> &Dropped) {
  std::vector<std::string> &Args = C.CommandLine;
  if (Args.empty())
    return;
  // Ask clang's own option table which arguments it does not know.
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = driver::getDriverOptTable();
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Raw, MissingIndex, MissingCount,
                      llvm::opt::Visibility(driver::options::ClangOption));
  std::set<unsigned> Drop;
  for (const llvm::opt::Arg *A :
       Parsed.filtered(driver::options::OPT_UNKNOWN)) {
    Drop.insert(A->getIndex() + 1);
    Dropped.insert(A->getAsString(Parsed));
  }
  // Flags that make warnings errors (-Werror, -Werror=foo, --warn-error=foo,
  // -pedantic-errors): -Wno-error cancels only the plain -Werror, and
  // compiler warnings are not ours to report anyway.
  for (const llvm::opt::Arg *A : Parsed) {
    const llvm::opt::Option &O = A->getOption();
    if (O.matches(driver::options::OPT_pedantic_errors) ||
        (O.matches(driver::options::OPT_W_Joined) && A->getNumValues() == 1 &&
         llvm::StringRef(A->getValue()).starts_with("error")))
      Drop.insert(A->getIndex() + 1);
  }
  bool DefinesAnalyzerMacro = namesAnalyzerMacro(Parsed);
  bool HasResourceDir = false;
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Drop.count(I))
      continue;
    if (llvm::StringRef(Args[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
    Out.push_back(Args[I]);
  }
  if (!HasResourceDir)
    Out.insert(Out.begin() + 1, "-resource-dir=" + resourceDir());
  // GCC's warning flags are unknown to clang; clang would warn about each.
  Out.insert(Out.begin() + 1, "-Wno-unknown-warning-option");
  // Cancels a plain -Werror in a spelling the loop above missed; after the
  // command's own flags, but before a "--" ending the options.
  auto DashDash = std::find(Out.begin(), Out.end(), "--");
  DashDash = Out.insert(DashDash, "-Wno-error") + 1;
  // clang-tidy's frontend defines __clang_analyzer__, which the build's
  // compiler does not: code under #ifndef __clang_analyzer__ would vanish
  // (or #error). Undefined after the command's own flags, unless the
  // command itself says what the macro is.
  if (!DefinesAnalyzerMacro)
    Out.insert(DashDash, "-U" + std::string(AnalyzerMacro));
  Args = std::move(Out);
}

namespace types = driver::types;

/// Whether the command-line input \p Value names \p C's source.
static bool namesSource(llvm::StringRef Value,
                        const tooling::CompileCommand &C) {
  auto Absolute = [&](llvm::StringRef P) {
    llvm::SmallString<256> Abs(P);
    if (!llvm::sys::path::is_absolute(Abs)) {
      Abs = C.Directory;
      llvm::sys::path::append(Abs, P);
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  };
  return Value == C.Filename || Absolute(Value) == Absolute(C.Filename);
}

/// The type clang's driver gives an input it infers from the file name:
/// the extension (an unknown one is a linker input), C read as C++ by a
/// C++ driver (clang++, g++, c++), then -ObjC / -ObjC++.
static types::ID typeFromName(llvm::StringRef File, bool CxxDriver,
                              const llvm::opt::InputArgList &Parsed) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  types::ID Ty = Ext.empty() ? types::TY_INVALID
                             : types::lookupTypeForExtension(Ext.drop_front());
  if (Ty == types::TY_INVALID)
    Ty = types::TY_Object;
  if (CxxDriver)
    Ty = types::lookupCXXTypeForCType(Ty);
  if (Ty != types::TY_Object) {
    if (Parsed.hasArg(driver::options::OPT_ObjC))
      Ty = types::TY_ObjC;
    else if (Parsed.hasArg(driver::options::OPT_ObjCXX))
      Ty = types::TY_ObjCXX;
  }
  return Ty;
}

types::ID sourceLanguage(const tooling::CompileCommand &C) {
  const std::vector<std::string> &Args = C.CommandLine;
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  llvm::StringRef Mode =
      driver::getDriverMode(Args.empty() ? "" : Args.front(), Raw);
  bool CL = driver::IsClangCL(Mode);
  bool CxxDriver = Mode == "g++";
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = driver::getDriverOptTable().ParseArgs(
      Raw, MissingIndex, MissingCount,
      llvm::opt::Visibility(CL ? driver::options::CLOption
                               : driver::options::ClangOption));
  // As clang's Driver::BuildInputs: -x applies to the inputs after it
  // ("-x none" resets it), clang-cl's /TC and /TP to all of them.
  types::ID Given = types::TY_Nothing;
  if (CL) {
    if (const llvm::opt::Arg *A = Parsed.getLastArg(
            driver::options::OPT__SLASH_TC, driver::options::OPT__SLASH_TP))
      Given = A->getOption().matches(driver::options::OPT__SLASH_TC)
                  ? types::TY_C
                  : types::TY_CXX;
  }
  std::optional<types::ID> Last;
  auto Input = [&](llvm::StringRef Value) {
    return Given != types::TY_Nothing ? Given
                                      : typeFromName(Value, CxxDriver, Parsed);
  };
  for (const llvm::opt::Arg *A : Parsed) {
    const llvm::opt::Option &O = A->getOption();
    if (O.matches(driver::options::OPT_x)) {
      Given = types::lookupTypeForTypeSpecifier(A->getValue());
      continue;
    }
    // Everything after "--" is an input (inferred commands end that way).
    std::vector<std::pair<llvm::StringRef, types::ID>> Inputs;
    if (O.matches(driver::options::OPT__DASH_DASH)) {
      for (const char *V : A->getValues())
        Inputs.push_back({V, Input(V)});
    } else if (O.matches(driver::options::OPT__SLASH_Tc)) {
      Inputs.push_back({A->getValue(), types::TY_C});
    } else if (O.matches(driver::options::OPT__SLASH_Tp)) {
      Inputs.push_back({A->getValue(), types::TY_CXX});
    } else if (O.getKind() == llvm::opt::Option::InputClass) {
      Inputs.push_back({A->getValue(), Input(A->getValue())});
    }
    for (auto [Value, Ty] : Inputs) {
      if (namesSource(Value, C))
        return Ty;
      Last = Ty;
    }
  }
  // The source is not among the arguments (an odd database): the last
  // input, or what its name says.
  return Last ? *Last : typeFromName(C.Filename, CxxDriver, Parsed);
}

bool canHoldCoroutines(types::ID Language) {
  // C++ and what is built on it: Objective-C++, CUDA, HIP, their headers
  // and preprocessed forms. An unknown -x language is left to clang, which
  // says what is wrong with it.
  return Language == types::TY_INVALID || types::isCXX(Language);
}

bool mayBeSlashOption(llvm::StringRef Arg) {
  // Outside clang-cl, a '/' argument is a path, save for options such as
  // /validator-version (from clang-dxc) that clang's command line also
  // takes: those whose first spelling starts with '/' (a unit test checks
  // that none has it as a later one).
  static const std::vector<std::string> Names = [] {
    std::vector<std::string> Found;
    const llvm::opt::OptTable &Table = driver::getDriverOptTable();
    for (unsigned Id = 1; Id <= Table.getNumOptions(); ++Id) {
      llvm::opt::Option O = Table.getOption(Id);
      if (O.hasVisibilityFlag(driver::options::ClangOption) &&
          O.getPrefix() == "/")
        Found.push_back(O.getPrefixedName().str());
    }
    return Found;
  }();
  return llvm::any_of(Names, [&](const std::string &N) {
    return Arg.starts_with_insensitive(N);
  });
}

namespace {

/// sourceLanguage for a whole database, parsed once per shape of command.
/// A build's commands differ mostly in the source and the object, and the
/// option parse does not depend on an argument's text unless it starts
/// with '-' (or with '/' and is an option): other arguments are inputs or
/// option values, whose only use here is the type their extension names and
/// whether they name the source. The shape keeps exactly that of them.
class LanguageCache {
public:
  types::ID language(const tooling::CompileCommand &C) {
    std::optional<std::string> Key = shape(C);
    if (!Key)
      return sourceLanguage(C);
    auto It = Known.find(*Key);
    if (It != Known.end())
      return It->second;
    if (Known.size() >= MaxShapes)
      Known.clear(); // every command its own shape: keep memory flat
    types::ID L = sourceLanguage(C);
    Known.emplace(std::move(*Key), L);
    return L;
  }

private:
  std::optional<std::string> shape(const tooling::CompileCommand &C) {
    const std::vector<std::string> &Args = C.CommandLine;
    if (Args.empty())
      return std::nullopt;
    std::vector<const char *> Raw;
    for (size_t I = 1; I < Args.size(); ++I)
      Raw.push_back(Args[I].c_str());
    // clang-cl's options start with '/', as paths do: not shaped.
    if (driver::IsClangCL(driver::getDriverMode(Args.front(), Raw)))
      return std::nullopt;
    std::string Key;
    auto Add = [&](char Kind, llvm::StringRef Text) {
      Key += Kind;
      Key += std::to_string(Text.size());
      Key += ':';
      Key += Text;
    };
    Add('C', Args.front());
    bool AfterX = false;
    for (size_t I = 1; I < Args.size(); ++I) {
      llvm::StringRef A = Args[I];
      // -x's value is read; a few '/' arguments are options.
      bool Verbatim = A.empty() || A.starts_with("-") || AfterX ||
                      (A.starts_with("/") && mayBeSlashOption(A));
      AfterX = A == "-x" || A == "--language";
      if (Verbatim)
        Add('V', A);
      else
        Add(namesSource(A, C) ? 'S' : 'O', llvm::sys::path::extension(A));
    }
    Add('F', llvm::sys::path::extension(C.Filename));
    return Key;
  }

  static constexpr size_t MaxShapes = 4096;
  std::unordered_map<std::string, types::ID> Known;
  const llvm::opt::OptTable &Table = driver::getDriverOptTable();
};

} // namespace

std::vector<SkippedSource>
dropNonCxxSources(const tooling::CompilationDatabase &DB,
                  std::vector<std::string> &Files) {
  std::vector<SkippedSource> Skipped;
  std::vector<std::string> Kept;
  LanguageCache Languages;
  for (std::string &F : Files) {
    std::vector<tooling::CompileCommand> Cmds = DB.getCompileCommands(F);
    std::optional<types::ID> NotCxx;
    for (const tooling::CompileCommand &C : Cmds) {
      types::ID L = Languages.language(C);
      if (canHoldCoroutines(L)) {
        NotCxx.reset();
        break;
      }
      if (!NotCxx)
        NotCxx = L;
    }
    if (!NotCxx) {
      Kept.push_back(std::move(F)); // no command at all: reported later
      continue;
    }
    Skipped.push_back({std::move(F), *NotCxx == types::TY_Object
                                         ? "linker input"
                                         : types::getTypeName(*NotCxx)});
  }
  Files = std::move(Kept);
  return Skipped;
}

} // namespace unawaited::cli
