//===- CheckGlob.cpp ------------------------------------------------------===//
#include "unawaited/CheckGlob.h"
#include "llvm/ADT/SmallVector.h"

namespace unawaited {

/// Whether \p Text matches \p Pattern, in which '*' matches any run of
/// characters. On a mismatch only the last '*' seen takes one more
/// character: what an earlier '*' could take, a later one can too. That
/// keeps a glob like "coro-****...x" (from a NOLINT comment, say) linear
/// per '*' where retrying every '*' in turn was exponential.
static bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Text) {
  size_t P = 0, T = 0;
  size_t Star = llvm::StringRef::npos, StarText = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      StarText = T;
    } else if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
    } else if (Star != llvm::StringRef::npos) {
      P = Star + 1;
      T = ++StarText;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
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
