//===- Solver.h - The dataflow over the flat steps --------------*- C++ -*-===//
//
// A forward "may still hold an unconsumed task" analysis: a sparse set of
// tracked variables per block, unions at joins, iterated in reverse
// post-order to a fixpoint (sets only grow), with no path enumeration.
// A last pass with the converged states records where each variable first
// dies unconsumed and which assignments destroy a task.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_SOLVER_H
#define UNAWAITED_CORE_FLOW_SOLVER_H

#include "FlatCFG.h"
#include <map>
#include <string>

namespace unawaited::flow {

/// Where a tracked variable dies still holding a task.
struct Death {
  clang::SourceLocation Loc;
  const clang::Stmt *Trigger = nullptr;
  unsigned Block = 0;  ///< the CFG block it dies in
  bool AtExit = false; ///< a parameter, on the block's edge to the exit
  /// Where a branch sends the task down this path ("when the 'if'
  /// condition is false"), if the path needs naming (Explain.h).
  clang::SourceLocation BranchLoc;
  std::string Branch;
};

/// What the solver found.
struct FlowResult {
  /// The converged state at each block's entry and exit, by block id.
  std::vector<LiveSet> In, Out;
  std::map<unsigned, Death> Deaths;
  /// The assignments that destroy a task never consumed, by variable.
  std::map<unsigned, const clang::Stmt *> Overwrites;
  /// (variable, block) of every consumption met in the reporting pass.
  std::vector<std::pair<unsigned, unsigned>> Consumptions;
  /// Fixpoint passes plus the reporting pass.
  size_t Passes = 1;
};

class Solver {
public:
  Solver(AnalysisContext &AC, const TrackedVars &Vars, const BodyFacts &Body,
         const FlatCFG &F, const clang::Stmt *UserBody)
      : AC(AC), Vars(Vars), Body(Body), F(F), UserBody(UserBody) {}

  /// Solves over the blocks \p RPO, then runs the reporting pass.
  FlowResult solve(const std::vector<unsigned> &RPO, const PredGraph &PG,
                   unsigned EntryId, unsigned ExitId);

private:
  void fixpoint(const std::vector<unsigned> &RPO, const PredGraph &PG,
                unsigned EntryId);
  void reportingPass(const std::vector<unsigned> &RPO, unsigned ExitId);
  void exitDeaths(unsigned B, const LiveSet &State, unsigned ExitId);
  bool apply(const Op &O, LiveSet &Live, bool Report);
  bool die(unsigned V, const clang::Stmt *Trigger);
  bool throwLeavesScope(const clang::Stmt *Throw,
                        const clang::VarDecl *VD) const;

  AnalysisContext &AC;
  const TrackedVars &Vars;
  const BodyFacts &Body;
  const FlatCFG &F;
  const clang::Stmt *UserBody;
  FlowResult R;
  std::vector<LiveSet> HandlerIn; ///< by block id
  unsigned CurrentBlock = 0;      ///< during the reporting pass
};

} // namespace unawaited::flow

#endif
