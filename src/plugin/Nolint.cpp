//===- Nolint.cpp ---------------------------------------------------------===//
#include "Nolint.h"
#include "unawaited/CheckGlob.h"
#include "clang/Basic/CharInfo.h"

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

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc,
                          llvm::StringRef Check) {
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
  // Open NOLINTBEGIN blocks before the location.
  int Open = 0;
  llvm::StringRef Before = Buffer.substr(0, LineStart);
  while (!Before.empty()) {
    auto [L, Rest] = Before.split('\n');
    if (lineHas(L, "NOLINTBEGIN", Check))
      ++Open;
    if (lineHas(L, "NOLINTEND", Check) && Open > 0)
      --Open;
    Before = Rest;
  }
  return Open > 0;
}

} // namespace unawaited::plugin
