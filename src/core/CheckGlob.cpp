//===- CheckGlob.cpp ------------------------------------------------------===//
#include "unawaited/CheckGlob.h"
#include "llvm/ADT/SmallVector.h"

namespace unawaited {

static bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Text) {
  if (Pattern.empty())
    return Text.empty();
  if (Pattern.front() == '*') {
    for (size_t I = 0; I <= Text.size(); ++I)
      if (wildcardMatch(Pattern.drop_front(), Text.drop_front(I)))
        return true;
    return false;
  }
  return !Text.empty() && Pattern.front() == Text.front() &&
         wildcardMatch(Pattern.drop_front(), Text.drop_front());
}

static llvm::SmallVector<llvm::StringRef, 8> entries(llvm::StringRef Glob) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Glob.split(Parts, ',', -1, false);
  for (llvm::StringRef &P : Parts)
    P = P.trim(" \t\r\n");
  return Parts;
}

bool globEnables(llvm::StringRef Glob, llvm::StringRef Check) {
  bool Enabled = false;
  for (llvm::StringRef E : entries(Glob)) {
    bool Negative = E.consume_front("-");
    if (!E.empty() && wildcardMatch(E, Check))
      Enabled = !Negative;
  }
  return Enabled;
}

std::string coroEntries(llvm::StringRef Glob) {
  bool MentionsUs = false;
  std::string Whole;
  for (llvm::StringRef E : entries(Glob)) {
    llvm::StringRef Name = E;
    Name.consume_front("-");
    MentionsUs |= Name.starts_with("coro-") || Name.starts_with("coro*");
    if (!Whole.empty())
      Whole += ',';
    Whole += E.str();
  }
  return MentionsUs ? Whole : std::string();
}

EnabledChecks checksFromGlob(llvm::StringRef Glob) {
  EnabledChecks Checks;
  std::string Full = "coro-*," + coroEntries(Glob);
  for (CheckId Id : AllChecks)
    Checks.set(Id, globEnables(Full, checkName(Id)));
  return Checks;
}

} // namespace unawaited
