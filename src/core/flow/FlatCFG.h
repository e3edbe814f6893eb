//===- FlatCFG.h - The CFG compiled into flat steps -------------*- C++ -*-===//
//
// Clang's CFG (with scope-end elements) compiled once into flat arrays
// indexed by block id: each block's steps, its successors with the facts
// its edges carry (a variable known to hold nothing, a future state), and
// the catch handlers a call may reach. The passes (Solver.h) touch no AST
// node, CFG block or hash table, so large functions stay within the caches.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_FLATCFG_H
#define UNAWAITED_CORE_FLOW_FLATCFG_H

#include "Steps.h"
#include "clang/Analysis/CFG.h"

namespace unawaited::flow {

/// The CFG as flat arrays indexed by block id.
struct FlatCFG {
  std::vector<unsigned> OpBegin; ///< ops of block B: [OpBegin[B], OpBegin[B+1])
  std::vector<Op> Ops;
  std::vector<unsigned> SuccBegin; ///< likewise into Succs
  std::vector<unsigned> Succs;     ///< pruned (null) edges left out
  /// Parallel to Succs: 1 + a variable known to hold nothing on that
  /// edge (`if (!tasks.empty())` false), or 0.
  std::vector<unsigned> SuccEmpty;
  /// Parallel to Succs: a state test's fact on that edge, as
  /// 1 + 2 * variable + (0: ready, 1: not failed), or 0.
  std::vector<unsigned> SuccFact;
  /// Parallel to Succs: which successor of the CFG block the edge was
  /// (0: a condition's true branch, 1: its false branch).
  std::vector<uint8_t> SuccBranch;
  std::vector<const clang::Stmt *> Last; ///< each block's last statement
  std::vector<bool> NoReturn;
  std::vector<unsigned> Roots; ///< entry, then catch handlers
  /// The handler blocks of each try statement that calls may leave
  /// (indexed by a MayThrow step's Var).
  std::vector<llvm::SmallVector<unsigned, 2>> HandlerLists;
};

/// Predecessor edges of the reachable blocks, grouped by target.
struct PredGraph {
  std::vector<unsigned> Begin; ///< edges into B: [Begin[B], Begin[B+1])
  std::vector<unsigned> From;
  std::vector<unsigned> Empty; ///< as FlatCFG::SuccEmpty
  /// Whether \p V may reach the edge's target still unconsumed.
  bool carries(unsigned P, unsigned V, const std::vector<LiveSet> &Out) const {
    return Out[From[P]].test(V) && Empty[P] != V + 1;
  }
};

/// Gives the synthetic DeclStmts clang makes of a multi-variable
/// declaration (one per variable) the steps of their variables.
void addSyntheticDecls(const clang::CFG &G, const TrackedVars &Vars,
                       BodyFacts &Body);

/// Compiles \p G with the steps the walk attached to its statements.
FlatCFG flatten(const clang::CFG &G, AnalysisContext &AC,
                const TrackedVars &Vars, BodyFacts &Body);

/// Reachable blocks in reverse post-order, from the roots.
std::vector<unsigned> reversePostOrder(const FlatCFG &F);

/// The predecessor edges of the blocks in \p RPO.
PredGraph predecessors(const FlatCFG &F, const std::vector<unsigned> &RPO);

} // namespace unawaited::flow

#endif
