//===- FunctionFlow.cpp - The flow analysis of one function ---------------===//
//
// Runs the parts in order and owns what they share. Functions without a
// tracked variable (the common case) get no CFG at all.
//
//===----------------------------------------------------------------------===//
#include "FunctionFlow.h"
#include "../UnawaitedVariable.h"
#include "BodyWalk.h"
#include "Correlation.h"
#include "Explain.h"
#include "Report.h"
#include "StateFacts.h"

using namespace clang;

namespace unawaited::flow {

void FunctionFlow::walk(const Stmt *Root, const MemberMode *Member) {
  UseClassifier Uses(AC, Vars, Facts, Member);
  Uses.EventCount = EventCount;
  walkBody(AC, FD, Root, Vars, Facts, Uses, Member);
  EventCount = Uses.EventCount;
}

MemberUseSummary FunctionFlow::usesOfMember(const FieldDecl *Key,
                                            const TrackedType &T) {
  MemberUseSummary Out;
  Vars.trackMember(T);
  MemberMode Member{Key, &T, &Out.Stores};
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        walk(Init->getInit(), &Member);
  if (Body) {
    const auto *CB = dyn_cast<CoroutineBodyStmt>(Body);
    walk(CB ? CB->getBody() : Body, &Member);
  }
  Out.Consumed = Vars[0].EverConsumed;
  return Out;
}

bool FunctionFlow::consumesParameter(const ParmVarDecl *P) {
  if (!Vars.trackParameter(P) || !Body)
    return true;
  const auto *CB = dyn_cast<CoroutineBodyStmt>(Body);
  UserBody = CB ? CB->getBody() : Body;
  walk(UserBody);
  return Vars[0].EverConsumed;
}

void FunctionFlow::run() {
  if (!Body)
    return;
  Vars.collect(FD, Body);
  if (Vars.empty())
    return; // the common case: no CFG is built
  Scope = makeFunctionScope(FD);
  const auto *CB = dyn_cast<CoroutineBodyStmt>(Body);
  UserBody = CB ? CB->getBody() : Body;
  // A callable then_wrapped calls (a lambda, a class) is handed the
  // finished future.
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
      M && AC.ReadyFutureCallables.count(M->getParent()))
    for (const ParmVarDecl *P : FD->parameters())
      if (Vars.Index.count(P))
        Facts.ReadyParameters.insert(P);
  walk(UserBody);
  findSteadyReadyParameters(Vars, Facts);
  CFG::BuildOptions BO = flowCFGOptions();
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, Body, &AC.Ctx, BO);
  if (!G)
    return;
  solve(*G);
}

void FunctionFlow::solve(CFG &G) {
  addSyntheticDecls(G, Vars, Facts);
  FlatCFG F = flatten(G, AC, Vars, Facts);
  std::vector<unsigned> RPO = reversePostOrder(F);
  unsigned EntryId = G.getEntry().getBlockID();
  if (Facts.AnyStateTested)
    settleStates(F, RPO, EntryId, Vars, Facts);
  PredGraph PG = predecessors(F, RPO);
  FlowResult R = Solver(AC, Vars, Facts, F, UserBody)
                     .solve(RPO, PG, EntryId, G.getExit().getBlockID());
  refuteInfeasible(AC, FD, G, F, Vars, Facts, UserBody, R);
  if (FlowStats *S = AC.Stats) {
    ++S->FunctionsWithCFG;
    for (const CFGBlock *B : G)
      S->CFGElements += B->size();
    size_t ReachableSteps = 0;
    for (unsigned B : RPO)
      ReachableSteps += F.OpBegin[B + 1] - F.OpBegin[B];
    S->Steps += ReachableSteps * R.Passes;
    S->Passes += R.Passes;
  }
  PathExplainer(AC, G, PG, R).explainAll(Vars);
  VariableReporter(AC, FD, Scope).reportAll(Vars, R);
}

} // namespace unawaited::flow

namespace unawaited {

std::optional<TrackedType> memberTrackedType(AnalysisContext &AC, QualType T) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  return flow::TaskTypes(AC).memberType(T);
}

bool storesWork(AnalysisContext &AC, const Expr *Value, const TrackedType &T) {
  return flow::TaskTypes(AC).storesWork(Value, T);
}

MemberUseSummary memberUses(AnalysisContext &AC, const FunctionDecl *FD,
                            const FieldDecl *Key, const TrackedType &T) {
  return flow::FunctionFlow(AC, FD).usesOfMember(Key, T);
}

const FieldDecl *patternField(const FieldDecl *F) {
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  const CXXRecordDecl *Pattern =
      RD ? RD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || Pattern == RD)
    return F;
  for (const FieldDecl *P : Pattern->fields())
    if (P->getDeclName() == F->getDeclName())
      return P;
  return F;
}

} // namespace unawaited
