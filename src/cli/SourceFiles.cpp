//===- SourceFiles.cpp ----------------------------------------------------===//
#include "SourceFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstring>

namespace unawaited::cli {

/// Test-only: UNAWAITED_TEST_READ_LOG=<file> appends the path of every
/// file read here to <file>, so tests can see that each is read once.
static void logRead(llvm::StringRef Path) {
  if (std::optional<std::string> Log =
          llvm::sys::Process::GetEnv("UNAWAITED_TEST_READ_LOG")) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(*Log, EC, llvm::sys::fs::OF_Append);
    if (!EC)
      OS << Path << "\n";
  }
}

SourceFiles &SourceFiles::shared() {
  static SourceFiles Shared;
  return Shared;
}

const SourceFiles::File &SourceFiles::get(llvm::StringRef Path) {
  auto It = Files.find(Path);
  if (It != Files.end())
    return It->second;
  logRead(Path);
  File F;
  F.LineStarts.push_back(0);
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false,
                                         /*IsVolatile=*/true);
  if (Buf) {
    llvm::StringRef Text = (*Buf)->getBuffer();
    const char *Begin = Text.data(), *End = Begin + Text.size();
    for (const char *P = Begin;
         (P = static_cast<const char *>(std::memchr(P, '\n', End - P)));)
      F.LineStarts.push_back(static_cast<unsigned>(++P - Begin));
    F.Buffer = std::move(*Buf);
  }
  return Files.try_emplace(Path, std::move(F)).first->second;
}

std::pair<unsigned, unsigned> SourceFiles::lineColumn(llvm::StringRef Path,
                                                      unsigned Offset) {
  std::lock_guard<std::mutex> Lock(Mu);
  const std::vector<unsigned> &S = get(Path).LineStarts;
  auto Up = std::upper_bound(S.begin(), S.end(), Offset);
  return {static_cast<unsigned>(Up - S.begin()), Offset - *(Up - 1) + 1};
}

llvm::StringRef SourceFiles::line(llvm::StringRef Path, unsigned Line) {
  std::lock_guard<std::mutex> Lock(Mu);
  const File &F = get(Path);
  if (!F.Buffer || Line == 0 || Line > F.LineStarts.size())
    return "";
  llvm::StringRef Text = F.Buffer->getBuffer();
  size_t Begin = F.LineStarts[Line - 1];
  size_t End =
      Line < F.LineStarts.size() ? F.LineStarts[Line] - 1 : Text.size();
  if (Begin >= Text.size()) // after a final line break: no such line
    return "";
  return Text.slice(Begin, End).rtrim("\r");
}

void SourceFiles::clear() {
  std::lock_guard<std::mutex> Lock(Mu);
  Files.clear();
}

} // namespace unawaited::cli
