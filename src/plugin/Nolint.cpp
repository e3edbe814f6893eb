//===- Nolint.cpp ---------------------------------------------------------===//
#include "Nolint.h"
#include "unawaited/CheckGlob.h"
#include "clang/Basic/CharInfo.h"
#include <algorithm>

using namespace clang;

namespace unawaited::plugin {

/// Whether \p Line has marker \p Kind ("NOLINT", "NOLINTNEXTLINE", ...)
/// applying to \p Check.
static bool lineHas(llvm::StringRef Line, llvm::StringRef Kind,
                    llvm::StringRef Check) {
  size_t Pos = 0;
  while ((Pos = Line.find(Kind, Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Line.substr(Pos + Kind.size());
    Pos += Kind.size();
    // "NOLINT" must not be the prefix of a longer marker.
    if (!Rest.empty() && (clang::isAlphanumeric(Rest.front()) || Rest.front() == '_'))
      continue;
    if (!Rest.starts_with("("))
      return true;
    llvm::StringRef Globs = Rest.drop_front().split(')').first;
    if (globEnables(Globs, Check))
      return true;
  }
  return false;
}

const NolintFilter::Blocks &NolintFilter::blocks(FileID File,
                                                 llvm::StringRef Buffer,
                                                 llvm::StringRef Check) {
  auto [It, New] = Indexed.try_emplace({File, Check.str()});
  if (!New)
    return It->second;
  unsigned Open = 0;
  for (size_t Start = 0; Start < Buffer.size();) {
    size_t End = std::min(Buffer.find('\n', Start), Buffer.size());
    llvm::StringRef L = Buffer.slice(Start, End);
    // Cheap test first: most lines have no marker at all.
    if (L.contains("NOLINT")) {
      unsigned Before = Open;
      if (lineHas(L, "NOLINTBEGIN", Check))
        ++Open;
      if (lineHas(L, "NOLINTEND", Check) && Open > 0)
        --Open;
      if (Open != Before)
        It->second.push_back({static_cast<unsigned>(Start), Open});
    }
    Start = End + 1;
  }
  return It->second;
}

bool NolintFilter::isSuppressed(SourceLocation Loc, llvm::StringRef Check) {
  Loc = SM.getExpansionLoc(Loc);
  FileID FID = SM.getFileID(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  unsigned Offset = SM.getFileOffset(Loc);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Buffer.find('\n', Offset);
  llvm::StringRef Line = Buffer.slice(LineStart, LineEnd);
  if (lineHas(Line, "NOLINT", Check))
    return true;
  if (LineStart > 0) {
    size_t PrevStart = Buffer.rfind('\n', LineStart - 1);
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    if (lineHas(Buffer.slice(PrevStart, LineStart - 1), "NOLINTNEXTLINE",
                Check))
      return true;
  }
  // Blocks open after the last marker line before this line.
  const Blocks &B = blocks(FID, Buffer, Check);
  auto After = std::lower_bound(B.begin(), B.end(), LineStart,
                                [](const std::pair<unsigned, unsigned> &M,
                                   size_t Start) { return M.first < Start; });
  return After != B.begin() && std::prev(After)->second > 0;
}

} // namespace unawaited::plugin
