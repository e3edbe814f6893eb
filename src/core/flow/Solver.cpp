//===- Solver.cpp - The dataflow over the flat steps ----------------------===//
//
// The transfer function of each step (apply), the fixpoint, and the
// reporting pass that records deaths: at scope ends, throws that leave a
// scope, backward gotos, and for parameters at the function's exit.
//
//===----------------------------------------------------------------------===//
#include "Solver.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace unawaited::flow {

/// Whether a throw at \p Throw leaves the scope of \p VD (no enclosing
/// try block inside that scope catches it first).
bool Solver::throwLeavesScope(const Stmt *Throw, const VarDecl *VD) const {
  // The statement that declares VD (none for parameters).
  auto It = Body.ScopeOf.find(VD);
  const Stmt *Scope = It == Body.ScopeOf.end() ? nullptr : It->second;
  const std::vector<const Stmt *> &Chain = Body.ThrowChains.find(Throw)->second;
  for (size_t I = Chain.size(); I-- > 0;) {
    const Stmt *S = Chain[I];
    if (S == Scope)
      return true;
    if (const auto *Try = dyn_cast<CXXTryStmt>(S))
      if (I + 1 < Chain.size() && Chain[I + 1] == Try->getTryBlock())
        return false;
  }
  return Scope == nullptr; // parameters: leaving the function
}

/// Applies one step; with \p Report, records deaths and overwrites.
/// Returns whether a handler's entry state grew (MayThrow).
bool Solver::apply(const Op &O, LiveSet &Live, bool Report) {
  switch (O.K) {
  case Op::Set:
    if (O.Src == NoSource || Live.test(O.Src))
      Live.set(O.Var);
    else
      Live.reset(O.Var);
    return false;
  case Op::Reset:
    Live.reset(O.Var);
    return false;
  case Op::Overwrite:
    if (O.Src == O.Var)
      return false; // `t = std::move(t)`: nothing changes hands
    if (Report && Live.test(O.Var) && !R.Overwrites.count(O.Var) &&
        !Vars.sharesState(O.Var, O.Src))
      R.Overwrites[O.Var] = O.St;
    if (O.Src == NoSource || (O.Src != EmptySource && Live.test(O.Src)))
      Live.set(O.Var);
    else
      Live.reset(O.Var);
    return false;
  case Op::ScopeEnd:
    // Word-parallel: an exit from a scope holding many variables costs
    // a few machine words, not one step per variable.
    if (Report && Live.intersects(*O.Mask)) {
      LiveSet Dying = Live;
      Dying &= *O.Mask;
      for (unsigned V : Dying)
        die(V, O.St);
    }
    Live.intersectWithComplement(*O.Mask);
    return false;
  case Op::Kill:
    if (Report && Live.test(O.Var))
      die(O.Var, O.St);
    Live.reset(O.Var);
    return false;
  case Op::Throw: {
    LiveSet Before = Live;
    for (unsigned V : Before) {
      if (throwLeavesScope(O.St, Vars[V].VD)) {
        // A parameter a throw takes out of the function is refused, not
        // lost: the caller that handed it over gets the exception (a sink
        // that rejects work when closed).
        if (Report && !isa<ParmVarDecl>(Vars[V].VD))
          die(V, O.St);
        Live.reset(V);
      }
    }
    return false;
  }
  case Op::Settle:
    return false;
  case Op::MayThrow: {
    bool Grew = false;
    for (unsigned HB : F.HandlerLists[O.Var])
      Grew |= HandlerIn[HB] |= Live;
    return Grew;
  }
  }
  return false;
}

/// Records where \p V dies first; returns whether this was it.
bool Solver::die(unsigned V, const Stmt *Trigger) {
  if (R.Deaths.count(V) || AC.isTestFailureExit(Trigger))
    return false;
  Death D;
  D.Trigger = Trigger;
  D.Block = CurrentBlock;
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Trigger))
    D.Loc = CS->getRBracLoc();
  else if (const auto *CR = dyn_cast_or_null<CoreturnStmt>(Trigger);
           CR && CR->isImplicit())
    D.Loc = UserBody->getEndLoc();
  else if (Trigger)
    D.Loc = Trigger->getBeginLoc();
  // A macro's exit is named where the macro is used, like a finding.
  D.Loc = AC.reportLoc(D.Loc);
  R.Deaths[V] = D;
  return true;
}

void Solver::fixpoint(const std::vector<unsigned> &RPO, const PredGraph &PG,
                      unsigned EntryId) {
  LiveSet EntryState;
  for (unsigned V = 0; V < Vars.size(); ++V)
    if (isa<ParmVarDecl>(Vars[V].VD))
      EntryState.set(V);
  // Sparse sets: the cost of a block is proportional to the tasks that
  // may be unconsumed there, not to the number of tracked variables.
  std::vector<LiveSet> &In = R.In, &Out = R.Out;
  // Sets only grow, so this converges; each pass is linear in the CFG.
  for (bool Changed = true; Changed; ++R.Passes) {
    Changed = false;
    for (unsigned B : RPO) {
      LiveSet State;
      if (B == EntryId)
        State = EntryState;
      for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P) {
        if (unsigned E = PG.Empty[P]; E && Out[PG.From[P]].test(E - 1)) {
          LiveSet Edge = Out[PG.From[P]];
          Edge.reset(E - 1);
          State |= Edge;
        } else {
          State |= Out[PG.From[P]];
        }
      }
      State |= HandlerIn[B];
      In[B] = State;
      for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O)
        Changed |= apply(F.Ops[O], State, false);
      if (State != Out[B]) {
        Out[B] = std::move(State);
        Changed = true;
      }
    }
  }
}

/// Parameters still holding a task when the function returns: at the
/// return that leaves, or at the end of the body. Not on paths that end in
/// a noreturn call (abort, exit). An edge to the exit may know one
/// variable empty (`if (f.failed())` with nothing after it): that one
/// leaves with nothing on that edge.
void Solver::exitDeaths(unsigned B, const LiveSet &State, unsigned ExitId) {
  bool ToExit = false;
  llvm::SmallVector<unsigned, 2> ExitEmpty;
  for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I) {
    if (F.Succs[I] == ExitId) {
      ToExit = true;
      ExitEmpty.push_back(F.SuccEmpty[I]);
    }
  }
  if (!ToExit || F.NoReturn[B])
    return;
  auto LeavesLive = [&](unsigned V) {
    return llvm::any_of(ExitEmpty, [&](unsigned E) { return E != V + 1; });
  };
  // Falling off a coroutine's end runs an implicit co_return.
  const Stmt *Last = F.Last[B];
  bool Explicit = isa_and_nonnull<ReturnStmt>(Last) ||
                  (isa_and_nonnull<CoreturnStmt>(Last) &&
                   !cast<CoreturnStmt>(Last)->isImplicit());
  const Stmt *Trigger = Explicit ? Last : UserBody;
  for (unsigned V : State)
    if (isa<ParmVarDecl>(Vars[V].VD) && LeavesLive(V) && die(V, Trigger))
      R.Deaths[V].AtExit = true;
}

void Solver::reportingPass(const std::vector<unsigned> &RPO, unsigned ExitId) {
  for (unsigned B : RPO) {
    LiveSet State = R.In[B];
    CurrentBlock = B;
    for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O) {
      apply(F.Ops[O], State, true);
      // A consumption (a reset with a statement; a declaration's reset
      // has none): kept in case a path must be named.
      if (F.Ops[O].K == Op::Reset && F.Ops[O].St)
        R.Consumptions.push_back({F.Ops[O].Var, B});
    }
    exitDeaths(B, State, ExitId);
  }
}

FlowResult Solver::solve(const std::vector<unsigned> &RPO, const PredGraph &PG,
                         unsigned EntryId, unsigned ExitId) {
  size_t N = F.Last.size();
  HandlerIn.assign(N, LiveSet());
  R.In.assign(N, LiveSet());
  R.Out.assign(N, LiveSet());
  fixpoint(RPO, PG, EntryId);
  reportingPass(RPO, ExitId);
  return std::move(R);
}

} // namespace unawaited::flow
