//===- Emptiness.h - Where a container is known to hold nothing -*- C++ -*-===//
//
// `if (!tasks.empty())`, `while (i < c.size())`, `for (int i = 0; i < 10;
// ++i)`: the facts a branch gives about what a tracked variable holds, and
// about loops that must run (with LoopBounds.h). An edge on which a
// variable holds nothing carries no unconsumed task, so the flow does not
// report a path the program cannot take.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_EMPTINESS_H
#define UNAWAITED_CORE_FLOW_EMPTINESS_H

#include "Steps.h"
#include "clang/Analysis/CFG.h"

namespace unawaited::flow {

class Emptiness {
public:
  Emptiness(AnalysisContext &AC, const TrackedVars &Vars, const BodyFacts &Body)
      : AC(AC), Vars(Vars), Body(Body) {}

  /// For a branch on whether a tracked variable holds anything: the
  /// variable, and the successor (0: the condition is true, 1: false) on
  /// which it holds nothing, so no task can die there.
  std::optional<std::pair<unsigned, unsigned>>
  emptyEdge(const clang::Expr *Cond);

  /// A loop over a container's elements whose body consumes them: the
  /// container, and the exit edge (1), on which it holds nothing.
  std::optional<std::pair<unsigned, unsigned>>
  exhaustedEdge(const clang::Stmt *Loop, const clang::Expr *Cond);

  /// Entering a loop that must run from \p From skips the first test of
  /// its condition: the successor to take instead of \p Cond.
  const clang::CFGBlock *skipFirstTest(const clang::CFGBlock *From,
                                       const clang::CFGBlock *Cond);

private:
  std::optional<unsigned> indexedContainer(const clang::Stmt *Body,
                                           const clang::VarDecl *I);
  std::optional<unsigned> sizeOf(const clang::Expr *E, unsigned Depth = 0);
  std::optional<std::pair<unsigned, bool>>
  holdsSomething(const clang::Expr *Cond, unsigned Depth);
  std::optional<std::pair<unsigned, bool>> comparison(const clang::Expr *Cond,
                                                      unsigned Depth);

  AnalysisContext &AC;
  const TrackedVars &Vars;
  const BodyFacts &Body;
};

} // namespace unawaited::flow

#endif
