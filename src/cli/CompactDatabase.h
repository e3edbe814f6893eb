//===- CompactDatabase.h - Compile commands as shared strings ---*- C++ -*-===//
#ifndef UNAWAITED_CLI_COMPACTDATABASE_H
#define UNAWAITED_CLI_COMPACTDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/FileMatchTrie.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"
#include <memory>

namespace unawaited::cli {

/// The entries of a compile_commands.json, answering as clang's
/// JSONCompilationDatabase answers (the same files in the same order, the
/// same commands) in a fraction of its memory: each distinct string (an
/// argument, a directory, a file) is held once however many commands name
/// it, and a command is a list of string numbers. A build's commands
/// differ in a few arguments (source, object, dependency file), so most
/// of a database is shared.
class CompactDatabase : public clang::tooling::CompilationDatabase {
public:
  /// Adds one entry. \p Arguments is its `arguments` list, or its `command`
  /// string as the only element: a single element is split into arguments
  /// (as clang does, for both keys) by splitCommandLine.
  void add(llvm::StringRef Directory, llvm::StringRef File,
           std::vector<std::string> Arguments, llvm::StringRef Output);

  /// The number of entries.
  size_t size() const { return Entries.size(); }

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override;
  std::vector<std::string> getAllFiles() const override;
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override;

private:
  uint32_t intern(llvm::StringRef S);
  clang::tooling::CompileCommand command(uint32_t Entry) const;
  void appendCommands(uint32_t First,
                      std::vector<clang::tooling::CompileCommand> &Out) const;

  struct Entry {
    uint32_t Directory, File, Output; // string numbers
    uint32_t FirstArg, NumArgs;       // a range of Args
    uint32_t NextOfFile;              // the file's next entry, or NoEntry
  };
  static constexpr uint32_t NoEntry = ~0u;
  struct FileEntries {
    uint32_t First, Last;
  };

  llvm::StringMap<uint32_t, llvm::BumpPtrAllocator> Ids; // string -> number
  std::vector<llvm::StringRef> Strings; // number -> string (Ids' keys)
  std::vector<uint32_t> Args;
  std::vector<Entry> Entries;
  /// By the file's absolute path as clang keys it; a StringMap filled in
  /// the entries' order, as clang's, so that getAllFiles lists the files
  /// in clang's order (which --shard and the report depend on).
  llvm::StringMap<FileEntries, llvm::BumpPtrAllocator> ByFile;
  /// Finds a file through a symlinked directory, as clang's database does;
  /// built on the first path that is not a key of ByFile.
  mutable std::unique_ptr<clang::tooling::FileMatchTrie> Trie;
};

/// Splits a `command` string into arguments as clang's JSON compilation
/// database does on POSIX: arguments are separated by spaces (only), a
/// backslash takes the next character literally outside single quotes, and
/// quotes group; a backslash or quote left open at the end is dropped.
std::vector<std::string> splitCommandLine(llvm::StringRef Command);

/// Drops compiler wrappers (ccache, distcc, sccache) followed by a
/// compiler from the front of \p Args, as clang's JSON database does.
void unwrapCompilerLaunchers(std::vector<std::string> &Args);

} // namespace unawaited::cli

#endif
