//===- StateFacts.h - Where a tested future holds nothing -------*- C++ -*-===//
//
// A future with no value whose state the profile can test (Seastar's
// `available()`/`failed()`, FutureState.h) holds nothing once it is known
// both ready and not failed. A must-analysis of the two facts over the
// flat CFG, run before the liveness dataflow, turns that knowledge into
// empty edges and resets. Nothing is computed without state tests.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_STATEFACTS_H
#define UNAWAITED_CORE_FLOW_STATEFACTS_H

#include "FlatCFG.h"

namespace unawaited::flow {

/// The state fact a branch on \p Cond gives a tested variable, as
/// (1 + 2 * variable + NotFailed, index of the edge that knows it).
std::optional<std::pair<unsigned, unsigned>> stateEdge(AnalysisContext &AC,
                                                       const TrackedVars &Vars,
                                                       const clang::Expr *Cond);

/// Fills BodyFacts::SteadyReadyParameters from the walk's steps: the ready
/// parameters no step gives a new value (`f = other();`).
void findSteadyReadyParameters(const TrackedVars &Vars, BodyFacts &Body);

/// `if (f.available())` on a steady ready parameter (a then_wrapped
/// callable's, never given a new value): the test's value is known, and
/// the other edge is never taken.
std::optional<bool> readyParameterTest(AnalysisContext &AC,
                                       const BodyFacts &Body,
                                       const clang::Expr *Cond);

/// An edge that completes the pair of facts empties the variable on it;
/// an assertion that completes it becomes a Reset.
void settleStates(FlatCFG &F, const std::vector<unsigned> &RPO,
                  unsigned EntryId, const TrackedVars &Vars,
                  const BodyFacts &Body);

} // namespace unawaited::flow

#endif
