//===- FunctionFlow.h - The flow analysis of one function -------*- C++ -*-===//
//
// The coordinator of the parts in this folder, in its three modes:
//   run()                the variable check: track (Tracked.h), walk the
//                        body (BodyWalk.h, Uses.h), compile the CFG
//                        (FlatCFG.h), solve (Solver.h), explain (Explain.h)
//                        and report (Report.h);
//   consumesParameter()  a hand-off summary (Consumption.h);
//   usesOfMember()       a member summary (MemberUses.h).
// The summaries use the same walk and rules, with no CFG.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_FUNCTIONFLOW_H
#define UNAWAITED_CORE_FLOW_FUNCTIONFLOW_H

#include "Uses.h"
#include "clang/Analysis/CFG.h"

namespace unawaited::flow {

class FunctionFlow {
public:
  FunctionFlow(AnalysisContext &AC, const clang::FunctionDecl *FD)
      : AC(AC), FD(FD), Body(FD ? FD->getBody() : nullptr), Vars(AC) {}

  /// coro-unawaited-variable over the function's body.
  void run();

  /// Whether some use of \p P in the body consumes it, by the same rules
  /// as a variable's uses.
  bool consumesParameter(const clang::ParmVarDecl *P);

  /// Every use of \p Key in the body, and in a constructor's initialisers,
  /// classified by the rules of a variable's uses.
  MemberUseSummary usesOfMember(const clang::FieldDecl *Key,
                                const TrackedType &T);

private:
  void walk(const clang::Stmt *Root, const MemberMode *Member = nullptr);
  void solve(clang::CFG &G);

  AnalysisContext &AC;
  const clang::FunctionDecl *FD;
  clang::Stmt *Body;
  clang::Stmt *UserBody = nullptr;
  FunctionScope Scope;
  TrackedVars Vars;
  BodyFacts Facts;
  unsigned EventCount = 0;
};

} // namespace unawaited::flow

#endif
