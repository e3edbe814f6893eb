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

/// One callee's parameter, over every unit that defines the callee.
struct MergedHandOff {
  bool HandsOn = false;
  const HandOffFact *Drops = nullptr; ///< the first fact saying it drops
};

bool isHandOffKey(llvm::StringRef Key) {
  return Key.starts_with(HandOffKeyPrefix);
}
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
      if (D.WholeProgramKey.empty() || isHandOffKey(D.WholeProgramKey))
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

WholeProgramStats mergeHandOffFacts(std::vector<TUResult> &Results) {
  WholeProgramStats Stats;
  llvm::StringMap<MergedHandOff> Params;
  for (const TUResult &R : Results) {
    Stats.Facts += R.HandOffs.size();
    // A summary read from a broken AST is no evidence.
    if (R.Failed)
      continue;
    for (const HandOffFact &F : R.HandOffs) {
      MergedHandOff &M = Params[F.Key];
      M.HandsOn |= F.HandsOn;
      if (!F.HandsOn && !M.Drops)
        M.Drops = &F;
    }
  }
  Stats.Members = Params.size();
  for (TUResult &R : Results) {
    llvm::erase_if(R.Diags, [&](DiagRecord &D) {
      if (!isHandOffKey(D.WholeProgramKey))
        return false;
      ++Stats.Candidates;
      auto It = Params.find(D.WholeProgramKey);
      if (It == Params.end() || It->second.HandsOn)
        return true;
      const HandOffFact &F = *It->second.Drops;
      NoteRecord N;
      N.File = F.NoteFile;
      N.Offset = F.NoteOffset;
      N.Message = F.Note;
      if (!N.File.empty())
        D.Notes.push_back(std::move(N));
      ++Stats.Kept;
      return false;
    });
  }
  for (TUResult &R : Results) {
    R.HandOffs.clear();
    R.HandOffs.shrink_to_fit();
  }
  return Stats;
}

} // namespace unawaited::cli
