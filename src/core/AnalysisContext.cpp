//===- AnalysisContext.cpp ------------------------------------------------===//
#include "AnalysisContext.h"
#include "AstUtils.h"
#include "GeneratedCode.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace unawaited {

static bool sameFixes(const std::vector<FixItHint> &A,
                      const std::vector<FixItHint> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I) {
    if (A[I].CodeToInsert != B[I].CodeToInsert ||
        A[I].RemoveRange.getBegin() != B[I].RemoveRange.getBegin() ||
        A[I].RemoveRange.getEnd() != B[I].RemoveRange.getEnd())
      return false;
  }
  return true;
}

bool AnalysisContext::isLibraryLocation(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  if (SM.isInSystemHeader(Loc))
    return true;
  FileID FID = SM.getFileID(Loc);
  auto It = LibraryFiles.find(FID.getHashValue());
  if (It != LibraryFiles.end())
    return It->second;
  bool Library = false;
  if (FID != SM.getMainFileID()) {
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID)) {
      llvm::StringRef Name = FE->getName();
      Library = Name.starts_with("/usr/include/") ||
                Name.starts_with("/usr/local/include/");
    }
  }
  LibraryFiles[FID.getHashValue()] = Library;
  return Library;
}

bool AnalysisContext::isGeneratedLocation(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return false;
  FileID FID = SM.getFileID(SM.getFileLoc(Loc));
  auto [It, New] = GeneratedFiles.try_emplace(FID.getHashValue(), false);
  if (!New)
    return It->second;
  bool Generated = false;
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
    Generated = hasGeneratedName(FE->getName());
  if (!Generated)
    if (std::optional<llvm::StringRef> Text = SM.getBufferDataOrNone(FID))
      Generated = hasGeneratedBanner(*Text);
  It->second = Generated;
  return Generated;
}

bool AnalysisContext::isTestFailureExit(const Stmt *S) const {
  if (!S || !isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, BreakStmt,
                 ContinueStmt>(S))
    return false;
  SourceLocation Loc = S->getBeginLoc();
  if (!Loc.isMacroID())
    return false;
  if (isLibraryLocation(SM.getSpellingLoc(Loc)))
    return true;
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 32; ++Depth) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    for (llvm::StringRef Prefix :
         {"GTEST_", "DOCTEST_", "INTERNAL_CATCH_", "BOOST_TEST_"})
      if (Name.starts_with(Prefix))
        return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

std::optional<bool> AnalysisContext::assertedValue(const Expr *E) const {
  SourceLocation Loc = E->getBeginLoc();
  if (!Loc.isMacroID() || !SM.isMacroArgExpansion(Loc))
    return std::nullopt;
  // The macros' own names, innermost first: a framework's internal
  // helpers come before the name the user wrote.
  static constexpr llvm::StringLiteral Holds[] = {
      "assert",        "BOOST_REQUIRE",      "BOOST_CHECK",
      "BOOST_TEST",    "BOOST_TEST_REQUIRE", "BOOST_REQUIRE_MESSAGE",
      "BOOST_CHECK_MESSAGE", "EXPECT_TRUE",  "ASSERT_TRUE",
      "REQUIRE",       "CHECK",              "DOCTEST_REQUIRE",
      "DOCTEST_CHECK", "QVERIFY",            "QVERIFY2",
      "SEASTAR_ASSERT"};
  static constexpr llvm::StringLiteral Fails[] = {
      "EXPECT_FALSE", "ASSERT_FALSE", "REQUIRE_FALSE", "CHECK_FALSE",
      "DOCTEST_REQUIRE_FALSE", "DOCTEST_CHECK_FALSE"};
  for (unsigned Depth = 0; Loc.isMacroID() && Depth < 32; ++Depth) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (llvm::is_contained(Holds, Name))
      return true;
    if (llvm::is_contained(Fails, Name))
      return false;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return std::nullopt;
}

void AnalysisContext::report(Finding F) {
  if (!Checks.isEnabled(F.Check) || isLibraryLocation(F.Loc))
    return;
  if (!Classifier.options().IncludeGeneratedCode &&
      isGeneratedLocation(F.Loc))
    return;
  F.Loc = reportLoc(F.Loc);
  if (F.Function.empty() && CurrentFunction)
    F.Function = enclosingFunctionName(CurrentFunction);
  auto [It, New] = Reported.try_emplace(
      {static_cast<unsigned>(F.Check), F.Loc.getRawEncoding()},
      Pending.size());
  if (!New) {
    if (!sameFixes(Pending[It->second].Fixes, F.Fixes))
      Unfixable.insert(F.Loc.getRawEncoding());
    return;
  }
  Pending.push_back(std::move(F));
}

void AnalysisContext::markUnfixable(SourceLocation Loc) {
  Unfixable.insert(reportLoc(Loc).getRawEncoding());
}

void AnalysisContext::flush() {
  for (Finding &F : Pending) {
    if (Unfixable.count(F.Loc.getRawEncoding()))
      F.Fixes.clear();
    Sink.report(F);
  }
  Pending.clear();
}

std::string AnalysisContext::displayType(QualType T) const {
  T = T.getUnqualifiedType();
  for (int I = 0; I < 16; ++I) {
    const Type *Ty = T.getTypePtr();
    if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      if (const auto *TT =
              dyn_cast<TypedefType>(ET->getNamedType().getTypePtr())) {
        if (isa<RecordDecl>(TT->getDecl()->getDeclContext())) {
          T = TT->desugar();
          continue;
        }
      }
      if (const auto *TST = dyn_cast<TemplateSpecializationType>(
              ET->getNamedType().getTypePtr());
          TST && TST->isTypeAlias()) {
        T = TST->getAliasedType(); // std::invoke_result_t<...>
        continue;
      }
      break;
    }
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      if (isa<RecordDecl>(TT->getDecl()->getDeclContext())) {
        T = TT->desugar();
        continue;
      }
      break;
    }
    if (const auto *TST = dyn_cast<TemplateSpecializationType>(Ty);
        TST && TST->isTypeAlias()) {
      T = TST->getAliasedType(); // std::conditional_t<...> and friends
      continue;
    }
    if (isa<SubstTemplateTypeParmType, DecltypeType, AutoType,
            DeducedTemplateSpecializationType, TypeOfExprType>(Ty)) {
      T = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
      continue;
    }
    break;
  }
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string Written = T.getUnqualifiedType().getAsString(Policy);
  // Sugar from inside a library (`Promise<typename R::type>`,
  // `just_sender<std::decay_t<int>>`) says less than the type itself.
  if (llvm::StringRef(Written).contains("typename ") ||
      llvm::StringRef(Written).contains("_t<"))
    return T.getCanonicalType().getUnqualifiedType().getAsString(Policy);
  return Written;
}

namespace {
/// Finds co_await / co_yield / co_return in a body, not in nested lambdas.
/// Needed for template patterns, whose bodies are not CoroutineBodyStmts.
class CoroutineKeywordFinder
    : public RecursiveASTVisitor<CoroutineKeywordFinder> {
public:
  bool Found = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCoreturnStmt(CoreturnStmt *) { return !(Found = true); }
  bool VisitCoawaitExpr(CoawaitExpr *) { return !(Found = true); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    return !(Found = true);
  }
  bool VisitCoyieldExpr(CoyieldExpr *) { return !(Found = true); }
};
} // namespace

FunctionScope makeFunctionScope(const FunctionDecl *FD) {
  FunctionScope S;
  S.Fn = FD;
  Stmt *Body = FD ? FD->getBody() : nullptr;
  if (!Body)
    return S;
  if (const auto *CB = dyn_cast<CoroutineBodyStmt>(Body)) {
    S.IsCoroutine = true;
    if (const VarDecl *P = CB->getPromiseDecl())
      S.Promise = P->getType();
    return S;
  }
  if (FD->isDependentContext()) {
    CoroutineKeywordFinder Finder;
    Finder.TraverseStmt(Body);
    S.IsCoroutine = Finder.Found;
  }
  return S;
}

bool needsParensForCoawait(const Expr *E) {
  E = E->IgnoreImplicit();
  if (isa<ParenExpr>(E))
    return false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind K = Op->getOperator();
    // Postfix forms bind tighter than co_await; unary prefix forms are
    // cast-expressions. Binary operators need parentheses.
    if (K == OO_Call || K == OO_Subscript || K == OO_Arrow)
      return false;
    return Op->getNumArgs() == 2 && K != OO_PlusPlus && K != OO_MinusMinus;
  }
  return isa<BinaryOperator, ConditionalOperator, BinaryConditionalOperator,
             CXXThrowExpr>(E);
}

static std::string nameOfReference(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return "'" + DRE->getDecl()->getNameAsString() + "'";
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return "'" + ME->getMemberDecl()->getNameAsString() + "'";
  return "";
}

std::string describeCallee(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0) {
      const Expr *Obj = Op->getArg(0)->IgnoreImplicit();
      if (isa<LambdaExpr>(Obj))
        return "lambda";
      if (const CXXRecordDecl *RD = Obj->getType()->getAsCXXRecordDecl()) {
        if (RD->isLambda()) {
          std::string N = nameOfReference(Obj);
          return N.empty() ? "lambda" : "lambda " + N;
        }
      }
      std::string N = nameOfReference(Obj);
      return N.empty() ? "call" : N;
    }
    if (const FunctionDecl *FD = Op->getDirectCallee())
      return "'" + FD->getNameAsString() + "'";
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return "'" + FD->getNameAsString() + "'";
    std::string N = nameOfReference(Call->getCallee());
    return N.empty() ? "call" : N;
  }
  return "";
}

} // namespace unawaited
