//===- Consumption.h - What hands a task on, what only reads it -*- C++ -*-===//
//
// The consumption rules, written once for every check that asks them:
// coro-discarded-task (a temporary's member call, a task passed to a
// function that drops it), coro-unawaited-variable (each use of a stored
// task, Uses.cpp) and coro-unawaited-member (through the variable rules).
// A rule that only one check applies stays with that check.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_CONSUMPTION_H
#define UNAWAITED_CORE_FLOW_CONSUMPTION_H

#include "../AnalysisContext.h"

namespace unawaited {

/// `std::ignore`, the left of the acknowledged-discard idiom
/// `std::ignore = t`.
bool isStdIgnore(const clang::Expr *E);

/// Whether an explicit discard (`(void)t`, `std::ignore = t`,
/// `[[maybe_unused]]`) acknowledges a task of this kind: an eager task,
/// which runs anyway, unless its destructor cancels the work. A lazy task
/// still never runs. (Options::AllowCastToVoid widens this for the
/// discard check and `[[maybe_unused]]`, not for a variable's `(void)v`.)
inline bool discardAcknowledged(const TypeInfo &Info) {
  return Info.Kind == TaskKind::EagerTask && !Info.CancelsOnDestroy;
}

/// Whether calling member \p M on a task acts on it (hands it on): a
/// member named in ConsumingMethods or a profile's list, even when const;
/// an `&&`-qualified or non-const member. A const member is a read
/// (`.done()`, `.is_ready()`).
bool memberActsOnTask(const TypeClassifier &Classifier,
                      const clang::CXXMethodDecl *M);

/// A container member that adds elements (or only reserves room for them).
bool isAddMethod(llvm::StringRef N);

/// Whether passing to a parameter of type \p P consumes the argument:
/// by value, by rvalue reference and by non-const lvalue reference do (an
/// unknown parameter type does too).
bool consumingParam(clang::QualType P);

/// The type of \p Callee's parameter \p I; null when unknown.
clang::QualType paramType(const clang::FunctionDecl *Callee, unsigned I);

/// Whether \p Child is an argument to a parameter whose type the callee
/// deduces (`template <class T> void log(const T&)`): such a use keeps
/// compiling when the variable becomes the awaited value.
bool isDeducedArgument(const clang::Stmt *Child, const clang::Stmt *P);

/// Passing a task to a function counts as handing it on. Where the
/// callee's body is visible and never consumes the parameter (an
/// `ignore_result(T&&) {}`, a helper that only silences [[nodiscard]], a
/// by-value sink that returns), the task dies there: the call is not a
/// hand-off.
///
/// Whether a task passed to parameter \p I of \p Callee may be handed on
/// (awaited, stored, moved out, returned, passed to another function that
/// may). True unless the callee's body is visible and shows that it never
/// is: an unknown body, a constructor, a virtual member, a runner
/// (sync_wait and the profiles' blocking calls) or a parameter that
/// is no task hands on, and so does a named by-value parameter of the
/// user's own (non-template) function, which coro-unawaited-variable
/// reports in the callee. The callee's body is summarised by the
/// variable rules (FunctionFlow::consumesParameter); memoised, and a
/// recursive call hands on.
bool handsOnParameter(AnalysisContext &AC, const clang::FunctionDecl *Callee,
                      unsigned I);

} // namespace unawaited

#endif
