//===- Correlation.h - Findings only infeasible paths reach -----*- C++ -*-===//
//
// The solver joins paths, so a task stored under `if (flag)` and consumed
// under a later `if (flag)` seems lost on the path that takes one branch
// and not the other, and a store under `if (i == 50)` in a counting loop
// seems to overwrite itself on a later lap. Before a death or an overwrite
// is reported, the function is solved again on copies of its CFG that keep
// only the paths consistent with its steady conditions:
//   - a test of a local or parameter that nothing changes has one value on
//     every path: each truth assignment of those tests gets its own copy;
//   - an equality test of a counter that only steps one way is true at most
//     once between two initialisations: the copy tracks, per test, whether
//     it has not yet held, holds now, or has passed.
// A finding that no copy reaches is dropped. Only functions with a finding
// pay for this; clean code pays nothing.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_CORRELATION_H
#define UNAWAITED_CORE_FLOW_CORRELATION_H

#include "Solver.h"

namespace unawaited::flow {

/// Drops from \p R the deaths and overwrites that no path consistent with
/// the steady conditions of \p FD reaches; a kept finding that was met
/// first on an infeasible path is moved to a feasible one.
void refuteInfeasible(AnalysisContext &AC, const clang::FunctionDecl *FD,
                      const clang::CFG &G, const FlatCFG &F,
                      const TrackedVars &Vars, const BodyFacts &Facts,
                      const clang::Stmt *UserBody, FlowResult &R);

} // namespace unawaited::flow

#endif
