//===- CompileCommands.cpp ------------------------------------------------===//
#include "CompileCommands.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

#ifndef UNAWAITED_CLANG_RESOURCE_DIR
#define UNAWAITED_CLANG_RESOURCE_DIR ""
#endif

namespace unawaited::cli {

/// compile_commands.json with relative "directory" entries resolved against
/// the file's own directory (the format says absolute; generators differ).
static std::unique_ptr<tooling::CompilationDatabase>
loadJsonFile(llvm::StringRef Path, std::string &Err) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Err = Buf.getError().message();
    return nullptr;
  }
  llvm::SmallString<256> Base(Path);
  (void)llvm::sys::fs::make_absolute(Base); // no working directory: keep it
  llvm::sys::path::remove_filename(Base);
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
  return tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Err, tooling::JSONCommandLineSyntax::AutoDetect);
}

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
            llvm::StringRef(Err).trim().split('\n').first.str().c_str());
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
      return llvm::createStringError(
          "malformed compilation database '%s': %s", BuildPath.str().c_str(),
          llvm::StringRef(Err).trim().split('\n').first.str().c_str());
  } else {
    return llvm::createStringError("compilation database '%s' does not exist",
                                   BuildPath.str().c_str());
  }
  if (DB->getAllCompileCommands().empty() && Err.empty() &&
      llvm::sys::fs::is_directory(BuildPath) == false)
    return llvm::createStringError("compilation database '%s' is empty",
                                   BuildPath.str().c_str());
  DB = tooling::expandResponseFiles(std::move(DB),
                                    llvm::vfs::getRealFileSystem());
  return tooling::inferMissingCompileCommands(std::move(DB));
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

} // namespace unawaited::cli
