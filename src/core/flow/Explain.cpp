//===- Explain.cpp - Naming the path on which a task dies -----------------===//
//
// Two bounded walks back over the edges that carry the task: from its
// death (the blocks it leaves unconsumed), and from the blocks that
// consume it (the saved blocks). The deciding branch is the nearest one on
// the first walk with an edge toward the death into a block not saved.
//
//===----------------------------------------------------------------------===//
#include "Explain.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/ScopeExit.h"

using namespace clang;

namespace unawaited::flow {

/// Whether \p S leaves its scope on purpose (return, break, throw...).
static bool isExplicitExit(const Stmt *S) {
  if (const auto *CR = dyn_cast_or_null<CoreturnStmt>(S))
    return !CR->isImplicit();
  return isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt,
                         CXXThrowExpr>(S);
}

void PathExplainer::explainAll(const TrackedVars &Vars) {
  // Where each variable whose path needs naming is consumed.
  bool AnyToExplain = false;
  std::vector<bool> Explain(Vars.size(), false);
  for (auto &[V, D] : R.Deaths) {
    Explain[V] = Vars[V].EverConsumed;
    AnyToExplain |= Explain[V];
  }
  if (!AnyToExplain)
    return;
  for (auto [V, B] : R.Consumptions) {
    if (!Explain[V])
      continue;
    auto &List = ConsumeBlocks[V];
    if (List.empty() || List.back() != B)
      List.push_back(B);
  }
  for (auto &[V, D] : R.Deaths)
    if (Vars[V].EverConsumed)
      explainPath(V, D);
}

/// Walks back from the death through the blocks it leaves unconsumed,
/// marking them OnPath in \p Order. False if the walk is too long.
bool PathExplainer::walkBack(unsigned V, std::vector<unsigned> &Order) {
  for (size_t I = 0; I < Order.size(); ++I) {
    // A long live range is rare; bound the walk so that many of them
    // cannot make a function quadratic. The note is then left out.
    if (Order.size() > MaxPathBlocks)
      return false;
    unsigned B = Order[I];
    if (!R.In[B].test(V))
      continue; // it is created here
    for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P) {
      unsigned From = PG.From[P];
      if (!OnPath[From] && PG.carries(P, V, R.Out)) {
        OnPath[From] = true;
        Order.push_back(From);
      }
    }
  }
  return true;
}

/// Saved: blocks from which some path still hands the task on (a
/// backward walk from the blocks that consume it, over edges that carry
/// it), listed in \p SavedList. False if there are none or too many.
bool PathExplainer::markSaved(unsigned V, std::vector<unsigned> &SavedList) {
  auto It = ConsumeBlocks.find(V);
  if (It == ConsumeBlocks.end())
    return false;
  for (unsigned B : It->second)
    if (!Saved[B])
      Saved[B] = true, SavedList.push_back(B);
  for (size_t I = 0; I < SavedList.size(); ++I) {
    if (SavedList.size() > 4 * MaxPathBlocks)
      return false;
    unsigned B = SavedList[I];
    for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P)
      if (!Saved[PG.From[P]] && PG.carries(P, V, R.Out))
        Saved[PG.From[P]] = true, SavedList.push_back(PG.From[P]);
  }
  return true;
}

/// The deciding branch is the nearest one with an edge toward this death
/// into a block that is not saved: in
/// `for (...) { if (i != 3) continue; co_await std::move(t); break; }`
/// that is the loop's condition, not the `if`, whose `continue` may still
/// reach the await; and of `if (c) co_await t; if (d) co_return;` it is
/// the first `if`, since both edges of the second lose the task.
void PathExplainer::explainPath(unsigned V, Death &D) {
  unsigned N = G.getNumBlockIDs();
  if (D.Block >= N || !R.In[D.Block].test(V))
    return;
  if (BlockById.empty()) {
    BlockById.assign(N, nullptr);
    for (const CFGBlock *B : G)
      BlockById[B->getBlockID()] = B;
  }
  // A statement that leaves (an early co_return) names its path, unless
  // paths where the task was consumed reach it too.
  if (isExplicitExit(D.Trigger)) {
    bool Merges = false;
    for (unsigned P = PG.Begin[D.Block]; P < PG.Begin[D.Block + 1]; ++P)
      Merges |= !PG.carries(P, V, R.Out);
    if (!Merges)
      return;
  }
  unsigned ExitId = G.getExit().getBlockID();
  // One bit vector for all deaths, cleared through Order afterwards: a
  // walk costs what it visits, not the size of the function.
  OnPath.resize(N, false);
  std::vector<unsigned> Order{D.Block};
  OnPath[D.Block] = true;
  auto Clear = llvm::make_scope_exit([&] {
    for (unsigned B : Order)
      OnPath[B] = false;
    OnPath[ExitId] = false;
  });
  // A parameter dies on its block's edge to the exit, so that block's
  // own branch may be the one that decides.
  if (D.AtExit)
    OnPath[ExitId] = true;
  if (!walkBack(V, Order))
    return;
  Saved.resize(N, false);
  std::vector<unsigned> SavedList;
  auto ClearSaved = llvm::make_scope_exit([&] {
    for (unsigned B : SavedList)
      Saved[B] = false;
  });
  if (!markSaved(V, SavedList))
    return;
  // The edge B -> S carries the task unconsumed.
  auto Carries = [&](unsigned B, unsigned S) {
    if (S == ExitId)
      return D.AtExit;
    for (unsigned P = PG.Begin[S]; P < PG.Begin[S + 1]; ++P)
      if (PG.From[P] == B)
        return PG.carries(P, V, R.Out);
    return false;
  };
  for (unsigned B : Order) {
    const CFGBlock *CB = BlockById[B];
    // Elsewhere the death comes before the block's own branch.
    if (!CB || !CB->getTerminatorStmt() || !Saved[B] ||
        (B == D.Block && !D.AtExit))
      continue;
    const CFGBlock *Toward = nullptr;
    unsigned TowardIndex = 0;
    unsigned Index = 0;
    for (const CFGBlock *S : CB->succs()) {
      if (!Toward && S && OnPath[S->getBlockID()] && !Saved[S->getBlockID()] &&
          Carries(B, S->getBlockID()))
        Toward = S, TowardIndex = Index;
      ++Index;
    }
    if (Toward &&
        describeBranch(CB->getTerminatorStmt(), TowardIndex, Toward, D))
      return;
  }
}

/// "the 'if' condition is false", for the edge to successor \p Index.
bool PathExplainer::describeBranch(const Stmt *T, unsigned Index,
                                   const CFGBlock *Succ, Death &D) {
  const char *Truth = Index == 0 ? "true" : "false";
  auto Cond = [&](const char *What, const Expr *C) {
    if (!C)
      return false;
    D.BranchLoc = C->getBeginLoc();
    D.Branch = std::string("the ") + What + " is " + Truth;
    return true;
  };
  if (const auto *If = dyn_cast<IfStmt>(T))
    return Cond("'if' condition", If->getCond());
  if (const auto *W = dyn_cast<WhileStmt>(T))
    return Cond("'while' condition", W->getCond());
  if (const auto *Do = dyn_cast<DoStmt>(T))
    return Cond("'do' condition", Do->getCond());
  if (const auto *For = dyn_cast<ForStmt>(T))
    return Cond("'for' condition", For->getCond());
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(T))
    return Cond("'?:' condition", CO->getCond());
  if (const auto *BO = dyn_cast<BinaryOperator>(T)) {
    if (!BO->isLogicalOp())
      return false;
    // Either way, the first successor is the one where the left side
    // is true.
    return Cond(BO->getOpcode() == BO_LAnd ? "left side of '&&'"
                                           : "left side of '||'",
                BO->getLHS());
  }
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(T)) {
    D.BranchLoc = RF->getColonLoc();
    D.Branch = Index == 0 ? "the range-based 'for' loop takes another element"
                          : "the range-based 'for' loop runs out of elements";
    return true;
  }
  const auto *Sw = dyn_cast<SwitchStmt>(T);
  if (!Sw)
    return false;
  const Stmt *Label = Succ->getLabel();
  if (const auto *CS = dyn_cast_or_null<CaseStmt>(Label)) {
    D.BranchLoc = CS->getBeginLoc();
    llvm::StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(CS->getLHS()->getSourceRange()), AC.SM,
        AC.Ctx.getLangOpts());
    D.Branch = "the 'switch' takes 'case " + Text.str() + "'";
    return !Text.empty();
  }
  if (const auto *DS = dyn_cast_or_null<DefaultStmt>(Label)) {
    D.BranchLoc = DS->getBeginLoc();
    D.Branch = "the 'switch' takes 'default'";
    return true;
  }
  if (!Sw->getCond())
    return false;
  D.BranchLoc = Sw->getCond()->getBeginLoc();
  D.Branch = "no 'case' of the 'switch' matches";
  return true;
}

} // namespace unawaited::flow
