//===- Explain.h - Naming the path on which a task dies ---------*- C++ -*-===//
//
// A task consumed on some paths only is reported with the branch that
// decides its fate ("'t' is not awaited when the 'if' condition is
// false"): the branch nearest to its death with one edge toward it and
// one from which some path still hands the task on.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_EXPLAIN_H
#define UNAWAITED_CORE_FLOW_EXPLAIN_H

#include "Solver.h"

namespace unawaited::flow {

class PathExplainer {
public:
  PathExplainer(AnalysisContext &AC, const clang::CFG &G, const PredGraph &PG,
                FlowResult &R)
      : AC(AC), G(G), PG(PG), R(R) {}

  /// Fills Branch and BranchLoc of the deaths of variables that some
  /// path does consume.
  void explainAll(const TrackedVars &Vars);

private:
  void explainPath(unsigned V, Death &D);
  bool walkBack(unsigned V, std::vector<unsigned> &Order);
  bool markSaved(unsigned V, std::vector<unsigned> &SavedList);
  bool describeBranch(const clang::Stmt *T, unsigned Index,
                      const clang::CFGBlock *Succ, Death &D);

  AnalysisContext &AC;
  const clang::CFG &G;
  const PredGraph &PG;
  FlowResult &R;
  std::vector<const clang::CFGBlock *> BlockById;
  std::vector<bool> OnPath; ///< all false between walks
  std::vector<bool> Saved;  ///< likewise
  /// For each variable a path must be named for: the blocks that consume it.
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 4>> ConsumeBlocks;
  static constexpr size_t MaxPathBlocks = 256;
};

} // namespace unawaited::flow

#endif
