//===- CoroChecks.cpp -----------------------------------------------------===//
#include "CoroChecks.h"
#include "unawaited/Analysis.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <mutex>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace unawaited::tidy {

static FindingObserver &observer() {
  static FindingObserver Observer;
  return Observer;
}

void setFindingObserver(FindingObserver Observer) {
  observer() = std::move(Observer);
}

static FactObserver &factObserver() {
  static FactObserver Observer;
  return Observer;
}

void setFactObserver(FactObserver Observer) {
  factObserver() = std::move(Observer);
}

namespace {
/// Forwards findings to ClangTidyCheck::diag.
class TidySink : public FindingSink {
public:
  TidySink(clang::tidy::ClangTidyCheck &Check, const SourceManager &SM)
      : Check(Check), SM(SM) {}
  void report(const Finding &F) override {
    if (observer())
      observer()(F, SM);
    {
      auto D = diag(F.Loc, F.Message, DiagnosticIDs::Warning);
      if (F.Range.isValid())
        D << CharSourceRange::getTokenRange(F.Range);
      for (const FixItHint &H : F.Fixes)
        D << H;
    }
    for (const FindingNote &N : F.Notes) {
      auto D = diag(N.Loc, N.Message, DiagnosticIDs::Note);
      for (const FixItHint &H : N.Fixes)
        D << H;
    }
  }

  // The worker sets both or neither.
  bool wantsWholeProgramFacts() const override {
    return factObserver().Member && factObserver().HandOff;
  }
  void memberFact(const MemberFact &F) override { factObserver().Member(F); }
  void handOffFact(const HandOffFact &F) override { factObserver().HandOff(F); }

private:
  DiagnosticBuilder diag(SourceLocation Loc, llvm::StringRef Message,
                         DiagnosticIDs::Level Level) {
    // The message is data, not a format string.
    return Check.diag(Loc, "%0", Level) << Message;
  }
  clang::tidy::ClangTidyCheck &Check;
  const SourceManager &SM;
};
} // namespace

/// The option \p Key as clang-tidy's getLocalOrGlobal gives it.
static std::optional<std::string>
optionValue(const clang::tidy::ClangTidyCheck::OptionsView &V,
            llvm::StringRef Key) {
  if (std::optional<llvm::StringRef> Value = V.getLocalOrGlobal(Key))
    return Value->str();
  return std::nullopt;
}

static unawaited::Options
readOptions(const clang::tidy::ClangTidyCheck::OptionsView &V) {
  return unawaited::Options::read(
      [&](llvm::StringRef Key) { return optionValue(V, Key); });
}

/// Whether \p Problem is new to this process: clang-tidy makes the three
/// checks anew for every file, and each reads the same (usually global)
/// options, so each problem is reported once per run, not three times per
/// file.
static bool firstReport(const std::string &Problem) {
  static std::mutex Mu;
  static std::set<std::string> Reported;
  std::lock_guard<std::mutex> Lock(Mu);
  return Reported.insert(Problem).second;
}

CoroCheckBase::CoroCheckBase(llvm::StringRef Name,
                             clang::tidy::ClangTidyContext *Context, CheckId Id)
    : ClangTidyCheck(Name, Context), Id(Id), Opts(readOptions(Options)) {
  for (const std::string &P : unawaited::Options::problems(
           [&](llvm::StringRef Key) { return optionValue(Options, Key); }))
    if (firstReport(P))
      configurationDiag("%0") << P;
}

void CoroCheckBase::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

static ASTContext *&directContext() {
  static ASTContext *Ctx = nullptr;
  return Ctx;
}

void setDirectASTContext(ASTContext *Ctx) { directContext() = Ctx; }

void CoroCheckBase::check(const MatchFinder::MatchResult &R) {
  analyze(*R.Context);
}

void CoroCheckBase::onEndOfTranslationUnit() {
  ASTContext *Ctx = directContext();
  if (!Ctx)
    return;
  // The matchers are done; the analysis walks from the whole unit, and
  // RecursiveASTVisitor follows the traversal scope.
  Ctx->setTraversalScope({Ctx->getTranslationUnitDecl()});
  analyze(*Ctx);
}

void CoroCheckBase::analyze(ASTContext &Ctx) {
  EnabledChecks Only;
  for (CheckId C : AllChecks)
    Only.set(C, C == Id);
  TidySink Sink(*this, Ctx.getSourceManager());
  analyzeTranslationUnit(Ctx, Opts, Only, Sink);
}

void CoroCheckBase::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &O) {
  Opts.store([&](llvm::StringRef Key, llvm::StringRef Value) {
    Options.store(O, Key, Value);
  });
}

} // namespace unawaited::tidy
