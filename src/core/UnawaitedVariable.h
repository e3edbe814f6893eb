//===- UnawaitedVariable.h - coro-unawaited-variable -------------*- C++ -*-===//
//
// A forward "may still hold an unconsumed task" dataflow over clang's CFG
// (with scope-end elements), a sparse set of tracked variables per block,
// iterated to a fixpoint: linear in the size of the function, no path
// enumeration. The parts are in flow/ (flow/FunctionFlow.h names them).
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_UNAWAITEDVARIABLE_H
#define UNAWAITED_CORE_UNAWAITEDVARIABLE_H

#include "AnalysisContext.h"
#include "clang/Analysis/CFG.h"

namespace unawaited {

/// The CFG the analysis builds: scope-end elements, and as elements only
/// the statements steps attach to (benchmarks build the same). Defined in
/// flow/FlatCFG.cpp.
clang::CFG::BuildOptions flowCFGOptions();

class UnawaitedVariableChecker {
public:
  explicit UnawaitedVariableChecker(AnalysisContext &AC) : AC(AC) {}
  /// Analyses one function (or lambda call operator) body.
  void analyze(const clang::FunctionDecl *FD);

private:
  AnalysisContext &AC;
};

} // namespace unawaited

#endif
