//===- HandOff.h - does a callee hand its task parameter on? ----*- C++ -*-===//
//
// Passing a task to a function counts as handing it on. Where the callee's
// body is visible and never consumes the parameter (an `ignore_result(T&&)
// {}`, a helper that only silences [[nodiscard]], a by-value sink that
// returns), the task dies there: the call is not a hand-off.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_HANDOFF_H
#define UNAWAITED_CORE_HANDOFF_H

#include "AnalysisContext.h"

namespace unawaited {

/// Whether a task passed to parameter \p I of \p Callee may be handed on
/// (awaited, stored, moved out, returned, passed to another function that
/// may). True unless the callee's body is visible and shows that it never
/// is: an unknown body, a constructor, a virtual member, a runner
/// (sync_wait and the profiles' blocking calls) or a parameter that
/// is no task hands on, and so does a named by-value parameter of the
/// user's own (non-template) function, which coro-unawaited-variable
/// reports in the callee. Computed with the consumption rules of
/// coro-unawaited-variable (defined with them, in UnawaitedVariable.cpp);
/// memoised, and a recursive call hands on.
bool handsOnParameter(AnalysisContext &AC, const clang::FunctionDecl *Callee,
                      unsigned I);

} // namespace unawaited

#endif
