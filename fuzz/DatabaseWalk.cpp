//===- DatabaseWalk.cpp ---------------------------------------------------===//
#include "DatabaseWalk.h"
#include "CompileCommands.h"
#include "Scratch.h"
#include "llvm/Support/Path.h"

namespace unawaited::fuzz {

using clang::tooling::CompileCommand;

static void visit(CompileCommand C) {
  (void)cli::canHoldCoroutines(cli::sourceLanguage(C));
  llvm::consumeError(cli::checkCommandDirectory(C));
  std::set<std::string> Dropped;
  cli::adjustCommand(C, Dropped);
  // What the worker is handed: the adjusted command, asked again.
  (void)cli::sourceLanguage(C);
}

void walkDatabase(llvm::StringRef BuildPath) {
  auto DB = cli::loadDatabase(BuildPath);
  if (!DB) {
    llvm::consumeError(DB.takeError());
    return;
  }
  for (const CompileCommand &C : (*DB)->getAllCompileCommands())
    visit(C);
  std::vector<std::string> Files = (*DB)->getAllFiles();
  for (const std::string &F : Files)
    for (const CompileCommand &C : (*DB)->getCompileCommands(F))
      visit(C);
  // A file the database does not list: its command is inferred from the
  // nearest listed one, as for a header given on the command line.
  llvm::SmallString<256> Unlisted(scratchDir());
  llvm::sys::path::append(Unlisted, "src", "unlisted.h");
  Files.push_back(std::string(Unlisted));
  for (const CompileCommand &C : (*DB)->getCompileCommands(Unlisted))
    visit(C);
  (void)cli::dropNonCxxSources(**DB, Files);
}

} // namespace unawaited::fuzz
