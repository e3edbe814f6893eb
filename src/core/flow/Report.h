//===- Report.h - The variable check's findings and fix-its -----*- C++ -*-===//
//
// Turns the solver's deaths and overwrites into coro-unawaited-variable
// findings: the message (what the variable holds, what is lost), the notes
// (the deciding branch, a read as if it were the result, where it dies)
// and, where it compiles, the fix (`co_await`, or the SyncWaitFunction).
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_REPORT_H
#define UNAWAITED_CORE_FLOW_REPORT_H

#include "Solver.h"

namespace unawaited::flow {

class VariableReporter {
public:
  VariableReporter(AnalysisContext &AC, const clang::FunctionDecl *FD,
                   const FunctionScope &Scope)
      : AC(AC), FD(FD), Scope(Scope) {}

  /// Reports every overwrite, then every death in variable order.
  void reportAll(const TrackedVars &Vars, const FlowResult &R);

private:
  void reportDeath(const Tracked &T, const Death &D);
  std::string describe(const Tracked &T, bool Overwrite);
  void addFix(Finding &F, const Tracked &T);
  bool awaitedValueIsValue(const Tracked &T);
  clang::QualType writtenElementType(const Tracked &T);
  clang::QualType patternType(const clang::VarDecl *VD);

  AnalysisContext &AC;
  const clang::FunctionDecl *FD;
  const FunctionScope &Scope;
};

} // namespace unawaited::flow

#endif
