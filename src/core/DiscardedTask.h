//===- DiscardedTask.h - coro-discarded-task / -eager-task -------*- C++ -*-===//
#ifndef UNAWAITED_CORE_DISCARDEDTASK_H
#define UNAWAITED_CORE_DISCARDEDTASK_H

#include "AnalysisContext.h"

namespace unawaited {

/// How a value is thrown away.
enum class DiscardHow {
  Statement,   ///< evaluated for its side effects only
  CastToVoid,  ///< (void)e, static_cast<void>(e)
  IgnoreAssign ///< std::ignore = e
};

/// Reports discarded task values. The traversal calls it for every
/// expression in a discarded position and for every call argument.
/// Whether the SyncWaitFunction \p Qualified exists and can take a \p T.
bool syncWaitAccepts(llvm::StringRef Qualified, clang::QualType T);

class DiscardedTaskChecker {
public:
  explicit DiscardedTaskChecker(AnalysisContext &AC) : AC(AC) {}

  /// \p E is in a discarded-value position (a statement, a for-increment,
  /// the left of a comma, ...).
  void discarded(const clang::Expr *E, DiscardHow How,
                 const FunctionScope &Scope);

  /// `fetch().is_ready()`: a temporary lazy task used only for a const
  /// member call dies at the end of the statement without running.
  void temporaryMemberCall(const clang::CXXMemberCallExpr *MC);

  /// `ignore_result(fetch())`: a task handed to parameter \p I of a callee
  /// whose body never consumes it (flow/Consumption.h) dies at the end of the call.
  void droppedArgument(const clang::Expr *Arg, const clang::FunctionDecl *Callee,
                       unsigned I);

  /// A callable converted to a wrapper that returns void (e.g. a coroutine
  /// lambda passed as std::function<void()>) drops every task it returns.
  void callbackConversion(const clang::CXXConstructExpr *CE,
                          const clang::ParmVarDecl *Param,
                          const clang::FunctionDecl *Callee);
  /// The same for `wrapper = callable;` (std::function::operator=).
  void callbackAssignment(clang::QualType Wrapper, const clang::Expr *Source);

  /// A callable passed to a template (`Delegate(F f) : fn(std::move(f))`)
  /// that converts it to such a wrapper: reported at the caller's argument,
  /// where the user wrote it, with a note at the conversion.
  void forwardedCallback(const clang::Expr *Arg,
                         const clang::ParmVarDecl *Param,
                         const clang::FunctionDecl *Callee, unsigned I);

private:
  void reportCallback(clang::QualType Wrapper, const clang::Expr *Source,
                      const clang::ParmVarDecl *Param,
                      const clang::FunctionDecl *Callee,
                      const clang::Expr *ConvertedAt = nullptr,
                      const clang::FunctionDecl *Forwarder = nullptr);
  void reportValue(const clang::Expr *E, DiscardHow How,
                   const FunctionScope &Scope);
  void addFixOrNotes(Finding &F, const clang::Expr *E, const TypeInfo &Info,
                     const FunctionScope &Scope, DiscardHow How);
  AnalysisContext &AC;
};

} // namespace unawaited

#endif
