//===- WholeProgram.cpp ---------------------------------------------------===//
#include "WholeProgram.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace unawaited::cli {

namespace {
/// One member, over every unit that sent a fact about it.
struct Merged {
  bool Consumed = false;
  llvm::StringSet<> Functions, Defined;

  bool confirmed() const {
    return !Consumed && llvm::all_of(Functions, [&](const auto &F) {
      return Defined.contains(F.getKey());
    });
  }
};
} // namespace

WholeProgramStats mergeMemberFacts(std::vector<TUResult> &Results,
                                   bool WholeDatabase) {
  WholeProgramStats Stats;
  // A unit that did not compile may be the one that consumes the member.
  bool Complete =
      WholeDatabase &&
      llvm::none_of(Results, [](const TUResult &R) { return R.Failed; });
  llvm::StringMap<Merged> Members;
  for (TUResult &R : Results) {
    Stats.Facts += R.Facts.size();
    if (Complete) {
      for (const MemberFact &F : R.Facts) {
        Merged &M = Members[F.Key];
        M.Consumed |= F.Consumed;
        // Consumed somewhere: the function lists no longer matter.
        if (M.Consumed)
          continue;
        for (const std::string &Fn : F.Functions)
          M.Functions.insert(Fn);
        for (const std::string &Fn : F.Defined)
          M.Defined.insert(Fn);
      }
    }
    R.Facts.clear();
    R.Facts.shrink_to_fit();
  }
  Stats.Members = Members.size();
  for (TUResult &R : Results) {
    llvm::erase_if(R.Diags, [&](const DiagRecord &D) {
      if (D.WholeProgramKey.empty())
        return false;
      ++Stats.Candidates;
      auto It = Members.find(D.WholeProgramKey);
      bool Keep = It != Members.end() && It->second.confirmed();
      Stats.Kept += Keep;
      return !Keep;
    });
  }
  return Stats;
}

} // namespace unawaited::cli
