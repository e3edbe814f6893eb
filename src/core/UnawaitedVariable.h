//===- UnawaitedVariable.h - coro-unawaited-variable -------------*- C++ -*-===//
#ifndef UNAWAITED_CORE_UNAWAITEDVARIABLE_H
#define UNAWAITED_CORE_UNAWAITEDVARIABLE_H

#include "AnalysisContext.h"

namespace unawaited {

/// Flow analysis of local task variables over clang's CFG.
class UnawaitedVariableChecker {
public:
  explicit UnawaitedVariableChecker(AnalysisContext &AC) : AC(AC) {}
  void analyze(const clang::FunctionDecl *FD);

private:
  AnalysisContext &AC;
};

} // namespace unawaited

#endif
