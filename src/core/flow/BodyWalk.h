//===- BodyWalk.h - One walk of the body that attaches steps ----*- C++ -*-===//
//
// A single RecursiveASTVisitor walk of a function body that keeps its
// ancestors on a stack (no ParentMap: see docs/performance.md) and records,
// for the dataflow, every use of a tracked variable (classified by Uses.h),
// the scope that declares each variable, gotos and labels, throws, state
// tests and assertions of them, and the calls inside try blocks.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_BODYWALK_H
#define UNAWAITED_CORE_FLOW_BODYWALK_H

#include "Uses.h"

namespace unawaited::flow {

/// Walks \p Root (a body, or a constructor's member initialiser) of \p FD.
/// In member mode (\p Member), uses of the member are classified instead of
/// the variables', and lambdas are left to their own summaries.
void walkBody(AnalysisContext &AC, const clang::FunctionDecl *FD,
              const clang::Stmt *Root, TrackedVars &Vars, BodyFacts &Body,
              UseClassifier &Uses, const MemberMode *Member);

} // namespace unawaited::flow

#endif
