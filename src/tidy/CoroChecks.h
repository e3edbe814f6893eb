//===- CoroChecks.h - clang-tidy adapters for the coro-* checks --*- C++
//-*-===//
//
// Each check is a thin adapter: it reads the shared options, runs the core
// analysis restricted to its own id over the translation unit, and turns
// findings into clang-tidy diagnostics. See docs/checks/<check>.md.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_TIDY_COROCHECKS_H
#define UNAWAITED_TIDY_COROCHECKS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "unawaited/Finding.h"
#include "unawaited/Options.h"
#include <functional>

namespace unawaited::tidy {

class CoroCheckBase : public clang::tidy::ClangTidyCheck {
public:
  CoroCheckBase(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                CheckId Id);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void analyze(clang::ASTContext &Ctx);

  const CheckId Id;
  const unawaited::Options Opts;
};

/// Finds lazy tasks and awaitables whose value is discarded.
class DiscardedTaskCheck : public CoroCheckBase {
public:
  DiscardedTaskCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context)
      : CoroCheckBase(Name, Context, CheckId::DiscardedTask) {}
};

/// Finds eager tasks whose value (result and exceptions) is discarded.
class DiscardedEagerTaskCheck : public CoroCheckBase {
public:
  DiscardedEagerTaskCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context)
      : CoroCheckBase(Name, Context, CheckId::DiscardedEagerTask) {}
};

/// Finds local task variables that die on some path without being awaited.
class UnawaitedVariableCheck : public CoroCheckBase {
public:
  UnawaitedVariableCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context)
      : CoroCheckBase(Name, Context, CheckId::UnawaitedVariable) {}
};

/// Finds task members that are given tasks no function ever consumes.
class UnawaitedMemberCheck : public CoroCheckBase {
public:
  UnawaitedMemberCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context)
      : CoroCheckBase(Name, Context, CheckId::UnawaitedMember) {}
};

/// Sees every finding before it becomes a clang-tidy diagnostic. The CLI's
/// worker sets it to learn what a diagnostic cannot carry (the enclosing
/// function, for baseline fingerprints; the hashes of the bytes the
/// fix-its apply to, for --fix); other hosts leave it unset.
/// A runner that gives the AST matchers nothing to traverse (the CLI's
/// worker: the checks need no matcher traversal, which would visit every
/// node of every header) names the unit's ASTContext here for the checks'
/// end-of-unit hook; null (clang-tidy -load) lets the matcher run them.
void setDirectASTContext(clang::ASTContext *Ctx);

using FindingObserver =
    std::function<void(const Finding &, const clang::SourceManager &)>;
void setFindingObserver(FindingObserver Observer);

/// Receives the whole-program facts of each unit (Finding.h): member facts
/// and hand-off facts. While it is set, the checks also report
/// whole-program candidates, which only a host that merges facts over
/// every unit may keep (the CLI's worker sets it).
struct FactObserver {
  std::function<void(const MemberFact &)> Member;
  std::function<void(const HandOffFact &)> HandOff;
};
void setFactObserver(FactObserver Observer);

} // namespace unawaited::tidy

#endif
