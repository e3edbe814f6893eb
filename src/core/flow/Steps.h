//===- Steps.h - The steps the dataflow applies -----------------*- C++ -*-===//
//
// One step of the dataflow changes the set of variables that may still hold
// an unconsumed task. The walk of the body (BodyWalk.h) attaches steps to
// statements; FlatCFG.h compiles the CFG's elements into flat per-block
// arrays of them; Solver.h applies them.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_STEPS_H
#define UNAWAITED_CORE_FLOW_STEPS_H

#include "Tracked.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SparseBitVector.h"
#include <vector>

namespace unawaited::flow {

/// The variables that may still hold an unconsumed task.
using LiveSet = llvm::SparseBitVector<>;

/// One step of the dataflow.
struct Op {
  enum Kind : uint8_t {
    Set,
    Reset,
    Overwrite,
    ScopeEnd,
    Throw,
    MayThrow,
    Kill, ///< a goto back above the declaration: the variable ends
    /// An assertion of a state test (`BOOST_REQUIRE(!f.failed())`): Src
    /// is the StateFact it establishes. Becomes a Reset where the
    /// variable is then known ready and not failed (StateFacts.h).
    Settle
  };
  Kind K;
  unsigned Var = 0;                ///< Set, Reset, Overwrite; MayThrow: the
                                   ///< index of its handler list
  const LiveSet *Mask = nullptr;   ///< ScopeEnd
  const clang::Stmt *St = nullptr; ///< the trigger or overwriting statement
  /// Set, Overwrite: the tracked variable the new value comes from
  /// (`a = std::move(b)`, `T a(b)`): \p Var then holds what it held,
  /// nothing if it was empty. NoSource: a new task.
  unsigned Src = NoSource;
};

/// What the walk learned about one statement.
struct StmtFacts {
  llvm::SmallVector<Op, 1> Ops;
  const clang::CXXTryStmt *Try = nullptr; ///< a call inside this try block
};

/// Everything the walk of the body learned, by statement.
struct BodyFacts {
  llvm::DenseMap<const clang::Stmt *, StmtFacts> Facts;
  /// For every local variable: the statement whose scope declares it.
  llvm::DenseMap<const clang::VarDecl *, const clang::Stmt *> ScopeOf;
  /// The tracked variables each such statement's scope ends.
  llvm::DenseMap<const clang::Stmt *, LiveSet> ScopeMasks;
  /// Each label and goto with the statements from the body down to it.
  llvm::DenseMap<const clang::LabelStmt *, std::vector<const clang::Stmt *>>
      Labels;
  std::vector<
      std::pair<const clang::GotoStmt *, std::vector<const clang::Stmt *>>>
      Gotos;
  /// For each throw: the statements from the body down to it.
  llvm::DenseMap<const clang::Stmt *, std::vector<const clang::Stmt *>>
      ThrowChains;
  /// Some variable is StateTested: only then are state facts computed.
  bool AnyStateTested = false;
  /// By-value future parameters that start out ready (then_wrapped's).
  llvm::SmallPtrSet<const clang::VarDecl *, 2> ReadyParameters;
  /// Those of them no step gives a new value: they stay ready throughout.
  llvm::SmallPtrSet<const clang::VarDecl *, 2> SteadyReadyParameters;
};

} // namespace unawaited::flow

#endif
