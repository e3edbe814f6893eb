//===- UnawaitedVariable.cpp - Stored tasks that die unconsumed -----------===//
//
// The check's entry. The analysis is in flow/: FunctionFlow.h is the
// coordinator and names the parts.
//
//===----------------------------------------------------------------------===//
#include "UnawaitedVariable.h"
#include "flow/FunctionFlow.h"

using namespace clang;

namespace unawaited {

void UnawaitedVariableChecker::analyze(const FunctionDecl *FD) {
  if (!FD || !FD->hasBody() || FD->isDependentContext())
    return;
  flow::FunctionFlow(AC, FD).run();
}

} // namespace unawaited
