//===- TypeClassifier.h - Which types must be awaited ------------*- C++ -*-===//
//
// Classifies the canonical type of an expression: lazy task, lazy awaitable,
// eager task, fire-and-forget, generator, or none. Classification is
// structural (promise_type, initial_suspend's await_ready constant, the
// awaitable interface), refined by options and built-in library profiles.
// Results are cached per canonical type.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_TYPECLASSIFIER_H
#define UNAWAITED_TYPECLASSIFIER_H

#include "unawaited/Options.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class CXXMemberCallExpr;
class CXXRecordDecl;
class FunctionDecl;
} // namespace clang

namespace unawaited {

enum class TaskKind {
  None,
  LazyTask,      ///< coroutine type whose body starts only when awaited
  LazyAwaitable, ///< awaiter / operation / sender: nothing happens until awaited
  EagerTask,     ///< coroutine type that already runs; awaitable for its result
  FireAndForget, ///< eager and not awaitable: meant to be dropped
  Generator,     ///< lazy coroutine type that is iterated, not awaited
};

llvm::StringRef kindName(TaskKind K);

/// Where does the classification come from? Reported in docs and tests.
enum class KindSource { Structure, Option, Profile, Attribute };

struct TypeInfo {
  TaskKind Kind = TaskKind::None;
  KindSource Source = KindSource::Structure;
  /// The type (or its class) carries [[nodiscard]].
  bool Nodiscard = false;
  /// Has promise_type (or a coroutine_traits specialisation).
  bool IsCoroutineType = false;
  /// Awaitable through operator co_await or the await_* members. When false
  /// for a task, only a promise's await_transform can await it.
  bool DirectlyAwaitable = false;
  /// Eager, and its destructor cancels the work (kj::Promise, cobalt's
  /// promise, asio's experimental::promise): a `(void)` cast does not let
  /// it run on its own.
  bool CancelsOnDestroy = false;
  const clang::CXXRecordDecl *Record = nullptr;

  bool mustBeAwaited() const {
    return Kind == TaskKind::LazyTask || Kind == TaskKind::LazyAwaitable;
  }
};

class Profiles;
enum class StateTest;

class TypeClassifier {
public:
  TypeClassifier(const Options &Opts, clang::ASTContext &Ctx);
  ~TypeClassifier();

  /// Classifies \p T (sugar, references and cv-qualifiers are looked through
  /// only where stated: references are never tasks).
  const TypeInfo &classify(clang::QualType T);

  /// Whether a coroutine with promise type \p Promise can co_await an
  /// expression of type \p Awaited. Conservative: returns true when unsure.
  bool canAwaitIn(clang::QualType Awaited, clang::QualType Promise) {
    return awaitVerdict(Awaited, Promise) == AwaitVerdict::Yes;
  }
  /// The same, saying when it cannot tell: a type awaitable only through
  /// the promise's await_transform, whose matching overload is a template
  /// with constraints that only Sema could evaluate.
  enum class AwaitVerdict { Yes, No, Unknown };
  AwaitVerdict awaitVerdict(clang::QualType Awaited, clang::QualType Promise);

  /// Whether calls to \p FD are exempt (IgnoredFunctions and profiles).
  bool isIgnoredFunction(const clang::FunctionDecl *FD);

  /// Whether \p FD runs what it is given to completion and returns its
  /// result (profiles' sync-waits and SyncWaitFunction).
  bool isRunner(const clang::FunctionDecl *FD);

  /// Whether \p E makes an eager task that holds nothing to lose (no
  /// value, no failure): `seastar::make_ready_future<>()` and the like, or
  /// a chain that ends in a handler that absorbs every exception.
  bool isReadyPlaceholder(const clang::Expr *E);

  /// For a call of a profile's state test on an eager future
  /// (`f.failed()`): what it tests.
  std::optional<StateTest> stateTest(const clang::CXXMemberCallExpr *MC);
  /// Whether \p MC hands its callable argument the finished future
  /// (`f.then_wrapped([](future<> r) {...})`).
  bool passesReadyFuture(const clang::CXXMemberCallExpr *MC);

  /// The value of a branch condition that is a call to a test framework's
  /// always-true (or always-false) helper, as gtest's assertion macros use.
  std::optional<bool> constantCondition(const clang::Expr *Cond);

  /// Whether \p E is a finished result rather than new work: the value of
  /// a co_await or co_yield, or of a runner call, or a part of one (a
  /// member, an element, std::get, std::move).
  bool isAwaitResult(const clang::Expr *E);

  /// Whether \p MethodName consumes a task (ConsumingMethods and profiles).
  bool isConsumingMethod(llvm::StringRef MethodName) const;

  const Options &options() const { return Opts; }
  clang::ASTContext &context() const { return Ctx; }

private:
  TypeInfo compute(clang::QualType Canonical);
  TypeInfo classifyRecord(const clang::CXXRecordDecl *RD);

  const Options &Opts;
  clang::ASTContext &Ctx;
  std::unique_ptr<Profiles> Prof;
  std::vector<llvm::Regex> TaskTypeRes, FafTypeRes, IgnoredFnRes;
  llvm::DenseMap<const clang::Type *, TypeInfo> Cache;
  llvm::DenseMap<const clang::FunctionDecl *, bool> IgnoredCache;
  llvm::DenseMap<const clang::FunctionDecl *, bool> RunnerCache;
};

/// Evaluates `await_ready()` of the awaiter type \p Awaiter: true/false when
/// it is a constant, nullopt when it is not (or cannot be seen).
std::optional<bool> evaluateAwaitReady(clang::QualType Awaiter,
                                       clang::ASTContext &Ctx);

/// The namespace-scope operator co_await that \p RD's own library declares
/// for it (same namespace, same file), or null.
const clang::FunctionDecl *ownFreeCoawait(const clang::CXXRecordDecl *RD,
                                          clang::ASTContext &Ctx);

} // namespace unawaited

#endif
