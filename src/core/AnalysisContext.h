//===- AnalysisContext.h - Per-translation-unit analysis state ---*- C++
//-*-===//
#ifndef UNAWAITED_CORE_ANALYSISCONTEXT_H
#define UNAWAITED_CORE_ANALYSISCONTEXT_H

#include "unawaited/Analysis.h"
#include "unawaited/TypeClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace unawaited {

/// The function whose body is being analysed.
struct FunctionScope {
  const clang::FunctionDecl *Fn = nullptr;
  bool IsCoroutine = false;
  clang::QualType Promise; ///< null when unknown (e.g. template patterns)
  unsigned CatchDepth = 0;
  /// Inside the initialiser of a static or thread_local local, where
  /// co_await is not allowed ([expr.await]/2).
  unsigned StaticInitDepth = 0;
  bool canAwaitHere() const {
    return IsCoroutine && CatchDepth == 0 && StaticInitDepth == 0;
  }
};

class AnalysisContext {
public:
  AnalysisContext(clang::ASTContext &Ctx, const Options &Opts,
                  const EnabledChecks &Checks, FindingSink &Sink)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Classifier(Opts, Ctx),
        Checks(Checks), Sink(Sink) {}

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  TypeClassifier Classifier;
  const EnabledChecks &Checks;
  /// Where the flow analysis counts its work; null when nobody asked.
  FlowStats *Stats = nullptr;
  /// The function whose body is being walked; names findings' Function.
  const clang::FunctionDecl *CurrentFunction = nullptr;

  /// Queues \p F unless the same check already reported at the same file
  /// location (template instantiations share their pattern's locations).
  void report(Finding F);

  /// Notes that an instantiation evaluates a non-task (or differently
  /// fixable) expression at \p Loc: text shared by instantiations is
  /// fixed only when every instantiation agrees on the same fix.
  void markUnfixable(clang::SourceLocation Loc);

  /// Sends the queued findings to the sink, without the fixes that not
  /// every instantiation agreed on.
  void flush();

  /// Whether the host merges facts over a whole program.
  bool wantsWholeProgramFacts() const { return Sink.wantsWholeProgramFacts(); }
  void memberFact(const MemberFact &F) { Sink.memberFact(F); }
  void handOffFact(const HandOffFact &F) { Sink.handOffFact(F); }

  /// Library code: system headers, and headers installed under
  /// /usr/include or /usr/local/include even when reached through -I (as
  /// pkg-config hands out Qt's and QCoro's). Not walked, not reported.
  bool isLibraryLocation(clang::SourceLocation Loc) const;

  /// Whether \p S is an exit (return, throw, goto...) that a test
  /// framework's assertion macro wrote: gtest's ASSERT_* returning on a
  /// fatal failure, Catch2's and doctest's REQUIRE. The test has already
  /// failed on that path. A macro counts when it is defined in a library
  /// header, or is one of the frameworks' own (GTEST_, DOCTEST_,
  /// INTERNAL_CATCH_, BOOST_TEST_), which projects often vendor.
  bool isTestFailureExit(const clang::Stmt *S) const;

  /// For \p E written as the whole condition of an assertion macro
  /// (`assert(e)`, `BOOST_REQUIRE(e)`, `EXPECT_FALSE(e)`...): the value the
  /// assertion insists on. Past it, the code may take that value as given:
  /// on the other path the program stops or the test has failed.
  std::optional<bool> assertedValue(const clang::Expr *E) const;

  /// In a file a code generator wrote (see GeneratedCode.h).
  bool isGeneratedLocation(clang::SourceLocation Loc) const;

  /// The location a finding is reported at: macro bodies map to their
  /// expansion, macro arguments to where they are spelled.
  clang::SourceLocation reportLoc(clang::SourceLocation Loc) const {
    return SM.getFileLoc(Loc);
  }

  /// A type as users wrote it, minus library plumbing sugar such as
  /// `typename constraint<...>::type`.
  std::string displayType(clang::QualType T) const;

  /// Lambda classes passed to a member that calls them with a finished
  /// future (`then_wrapped`): their future parameter starts out ready.
  /// Filled as the calls are walked, before the lambdas' bodies.
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 8> ReadyFutureCallables;

  /// Hand-off summaries (flow/Consumption.h), memoised per callee and parameter:
  /// 1 hands on, 0 drops, 2 being computed (a recursive call hands on).
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, uint8_t>
      HandOffs;
  unsigned HandOffDepth = 0;

  /// The task each aggregate's fields hold (null: none), memoised per
  /// record: every local of class type asks (flow/Tracked.cpp).
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 std::pair<const TypeInfo *, clang::QualType>>
      AggregateTasks;

private:
  FindingSink &Sink;
  llvm::DenseMap<std::pair<unsigned, unsigned>, size_t> Reported;
  std::vector<Finding> Pending;
  llvm::DenseSet<unsigned> Unfixable;
  mutable llvm::DenseMap<unsigned, bool> LibraryFiles;
  mutable llvm::DenseMap<unsigned, bool> GeneratedFiles;
};

/// Scope facts of a function: is it a coroutine, what is its promise.
FunctionScope makeFunctionScope(const clang::FunctionDecl *FD);

/// co_await insertion text for \p E ("co_await " or "co_await (" + ")").
bool needsParensForCoawait(const clang::Expr *E);

/// How the caller describes a callee: "'fetch'", "lambda", "call".
std::string describeCallee(const clang::Expr *E);

} // namespace unawaited

#endif
