//===- StateFacts.cpp - Where a tested future holds nothing ---------------===//
//
// Two bits per variable (ready, not failed), intersected at joins; any step
// that gives the variable a new value clears them.
//
//===----------------------------------------------------------------------===//
#include "StateFacts.h"
#include "../FutureState.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;

namespace unawaited::flow {

std::optional<std::pair<unsigned, unsigned>>
stateEdge(AnalysisContext &AC, const TrackedVars &Vars, const Expr *Cond) {
  std::optional<StateCondition> SC =
      Cond ? stateCondition(Cond, AC.Classifier) : std::nullopt;
  if (!SC)
    return std::nullopt;
  std::optional<unsigned> V =
      Vars.trackedRef(SC->Call->getImplicitObjectArgument());
  if (!V || !Vars[*V].StateTested)
    return std::nullopt;
  return std::make_pair(1 + 2 * *V + (SC->Fact == StateFact::NotFailed),
                        SC->WhenTrue ? 0u : 1u);
}

void findSteadyReadyParameters(const TrackedVars &Vars, BodyFacts &Body) {
  Body.SteadyReadyParameters = Body.ReadyParameters;
  if (Body.SteadyReadyParameters.empty())
    return;
  for (const auto &[S, Facts] : Body.Facts)
    for (const Op &Step : Facts.Ops)
      if (Step.K == Op::Set || Step.K == Op::Overwrite)
        Body.SteadyReadyParameters.erase(Vars[Step.Var].VD);
}

std::optional<bool> readyParameterTest(AnalysisContext &AC,
                                       const BodyFacts &Body,
                                       const Expr *Cond) {
  if (Body.SteadyReadyParameters.empty() || !Cond)
    return std::nullopt;
  std::optional<StateCondition> SC = stateCondition(Cond, AC.Classifier);
  if (!SC || SC->Fact != StateFact::Ready)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(
      SC->Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!P || !Body.SteadyReadyParameters.count(P))
    return std::nullopt;
  return SC->WhenTrue;
}

namespace {

void clearFacts(llvm::BitVector &S, unsigned V) {
  S.reset(2 * V);
  S.reset(2 * V + 1);
}

/// The facts after block \p B's steps; with \p Rewrite, an assertion that
/// completes the pair becomes a Reset.
void transfer(FlatCFG &F, const TrackedVars &Vars, unsigned B,
              llvm::BitVector &S, bool Rewrite) {
  for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O) {
    Op &Step = F.Ops[O];
    switch (Step.K) {
    case Op::Set:
    case Op::Reset:
    case Op::Overwrite:
    case Op::Kill:
      if (Vars[Step.Var].StateTested)
        clearFacts(S, Step.Var);
      break;
    case Op::ScopeEnd:
      for (unsigned V : *Step.Mask)
        if (Vars[V].StateTested)
          clearFacts(S, V);
      break;
    case Op::Settle: {
      unsigned Bit = 2 * Step.Var + (Step.Src == 2);
      S.set(Bit);
      if (Rewrite && S.test(2 * Step.Var) && S.test(2 * Step.Var + 1))
        Step = {Op::Reset, Step.Var, nullptr, nullptr};
      break;
    }
    default:
      break;
    }
  }
}

} // namespace

void settleStates(FlatCFG &F, const std::vector<unsigned> &RPO,
                  unsigned EntryId, const TrackedVars &Vars,
                  const BodyFacts &Body) {
  unsigned N = static_cast<unsigned>(F.OpBegin.size()) - 1;
  unsigned W = 2 * static_cast<unsigned>(Vars.size());
  std::vector<std::vector<std::pair<unsigned, unsigned>>> Preds(N);
  for (unsigned B : RPO)
    for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I)
      Preds[F.Succs[I]].push_back({B, I});
  llvm::BitVector Entry(W);
  for (unsigned V = 0; V < Vars.size(); ++V)
    if (Vars[V].StateTested && Body.ReadyParameters.count(Vars[V].VD))
      Entry.set(2 * V);
  std::vector<bool> IsRoot(N, false);
  for (unsigned R : F.Roots)
    IsRoot[R] = true;
  // Top (every fact) until a block is reached: the facts only shrink.
  std::vector<llvm::BitVector> Out(N, llvm::BitVector(W, true));
  std::vector<llvm::BitVector> In(N, llvm::BitVector(W, true));
  auto EdgeState = [&](unsigned From, unsigned I) {
    llvm::BitVector S = Out[From];
    if (unsigned Code = F.SuccFact[I])
      S.set(Code - 1);
    return S;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned B : RPO) {
      llvm::BitVector S(W, !IsRoot[B]);
      if (B == EntryId)
        S = Entry;
      else if (IsRoot[B])
        S.reset(); // a handler: entered from anywhere in its try
      for (auto [From, I] : Preds[B])
        S &= EdgeState(From, I);
      In[B] = S;
      transfer(F, Vars, B, S, false);
      if (S != Out[B]) {
        Out[B] = std::move(S);
        Changed = true;
      }
    }
  }
  for (unsigned B : RPO) {
    for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I) {
      unsigned Code = F.SuccFact[I];
      if (!Code || F.SuccEmpty[I])
        continue;
      unsigned V = (Code - 1) / 2;
      llvm::BitVector S = EdgeState(B, I);
      if (S.test(2 * V) && S.test(2 * V + 1))
        F.SuccEmpty[I] = V + 1;
    }
    llvm::BitVector S = In[B];
    transfer(F, Vars, B, S, true);
  }
}

} // namespace unawaited::flow
