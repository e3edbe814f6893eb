//===- CompactDatabase.cpp ------------------------------------------------===//
#include "CompactDatabase.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace unawaited::cli {

std::vector<std::string> splitCommandLine(llvm::StringRef Command) {
  std::vector<std::string> Out;
  size_t I = 0, N = Command.size();
  while (true) {
    while (I < N && Command[I] == ' ')
      ++I;
    if (I == N)
      return Out;
    std::string Arg;
    char Quote = 0;
    for (; I < N; ++I) {
      char C = Command[I];
      if (Quote == '\'') {
        if (C == '\'')
          Quote = 0;
        else
          Arg += C;
        continue;
      }
      if (C == '\\') {
        if (++I == N)
          break;
        Arg += Command[I];
        continue;
      }
      if (Quote == '"') {
        if (C == '"')
          Quote = 0;
        else
          Arg += C;
        continue;
      }
      if (C == '"' || C == '\'') {
        Quote = C;
        continue;
      }
      if (C == ' ')
        break;
      Arg += C;
    }
    Out.push_back(std::move(Arg));
  }
}

void unwrapCompilerLaunchers(std::vector<std::string> &Args) {
  auto WithoutExe = [](llvm::StringRef Name) {
    Name.consume_back(".exe");
    return Name;
  };
  while (Args.size() >= 2) {
    llvm::StringRef Launcher = WithoutExe(llvm::sys::path::filename(Args[0]));
    if (Launcher != "ccache" && Launcher != "distcc" && Launcher != "sccache")
      return;
    // `ccache g++ a.c` runs g++; `ccache a.c` and `ccache -c a.c` act as
    // the compiler themselves. A compiler's name has no extension.
    llvm::StringRef Next = Args[1];
    if (Next.starts_with("-") ||
        llvm::sys::path::has_extension(WithoutExe(Next)))
      return;
    Args.erase(Args.begin());
  }
}

uint32_t CompactDatabase::intern(llvm::StringRef S) {
  auto [It, New] = Ids.try_emplace(S, Strings.size());
  if (New)
    Strings.push_back(It->getKey());
  return It->getValue();
}

void CompactDatabase::add(llvm::StringRef Directory, llvm::StringRef File,
                          std::vector<std::string> Arguments,
                          llvm::StringRef Output) {
  if (Arguments.size() == 1)
    Arguments = splitCommandLine(Arguments.front());
  unwrapCompilerLaunchers(Arguments);
  auto Index = static_cast<uint32_t>(Entries.size());
  Entry E;
  E.Directory = intern(Directory);
  E.File = intern(File);
  E.Output = intern(Output);
  E.FirstArg = static_cast<uint32_t>(Args.size());
  E.NumArgs = static_cast<uint32_t>(Arguments.size());
  E.NextOfFile = NoEntry;
  for (const std::string &A : Arguments)
    Args.push_back(intern(A));
  Entries.push_back(E);
  // The key clang gives the file: absolute (against the directory), with
  // native separators and without "." and "..".
  llvm::SmallString<256> Key;
  if (llvm::sys::path::is_relative(File)) {
    llvm::SmallString<256> Abs(Directory);
    llvm::sys::path::append(Abs, File);
    llvm::sys::path::native(Abs, Key);
  } else {
    llvm::sys::path::native(File, Key);
  }
  llvm::sys::path::remove_dots(Key, /*remove_dot_dot=*/true);
  auto [It, New] = ByFile.try_emplace(Key, FileEntries{Index, Index});
  if (!New) {
    Entries[It->getValue().Last].NextOfFile = Index;
    It->getValue().Last = Index;
  }
}

tooling::CompileCommand CompactDatabase::command(uint32_t Index) const {
  const Entry &E = Entries[Index];
  std::vector<std::string> CommandLine;
  CommandLine.reserve(E.NumArgs);
  for (uint32_t I = 0; I < E.NumArgs; ++I)
    CommandLine.push_back(Strings[Args[E.FirstArg + I]].str());
  return tooling::CompileCommand(Strings[E.Directory], Strings[E.File],
                                 std::move(CommandLine), Strings[E.Output]);
}

void CompactDatabase::appendCommands(
    uint32_t First, std::vector<tooling::CompileCommand> &Out) const {
  for (uint32_t I = First; I != NoEntry; I = Entries[I].NextOfFile)
    Out.push_back(command(I));
}

std::vector<tooling::CompileCommand>
CompactDatabase::getCompileCommands(llvm::StringRef FilePath) const {
  llvm::SmallString<256> Native;
  llvm::sys::path::native(FilePath, Native);
  // clang's database finds no relative path (not even a relative key).
  if (llvm::sys::path::is_relative(Native))
    return {};
  auto It = ByFile.find(Native);
  if (It == ByFile.end()) {
    if (!Trie) {
      Trie = std::make_unique<tooling::FileMatchTrie>();
      for (const auto &F : ByFile)
        Trie->insert(F.getKey());
    }
    std::string Ignored; // "ambiguous": as clang, no command
    llvm::raw_string_ostream ES(Ignored);
    llvm::StringRef Match = Trie->findEquivalent(Native, ES);
    if (Match.empty())
      return {};
    It = ByFile.find(Match);
    if (It == ByFile.end())
      return {};
  }
  std::vector<tooling::CompileCommand> Out;
  appendCommands(It->getValue().First, Out);
  return Out;
}

std::vector<std::string> CompactDatabase::getAllFiles() const {
  std::vector<std::string> Files;
  Files.reserve(ByFile.size());
  for (const auto &F : ByFile)
    Files.push_back(F.getKey().str());
  return Files;
}

std::vector<tooling::CompileCommand>
CompactDatabase::getAllCompileCommands() const {
  std::vector<tooling::CompileCommand> Out;
  Out.reserve(Entries.size());
  for (uint32_t I = 0; I < Entries.size(); ++I)
    Out.push_back(command(I));
  return Out;
}

} // namespace unawaited::cli
