//===- Analysis.cpp - One traversal of the translation unit ---------------===//
//
// Walks every function body outside system headers, template patterns and
// instantiations alike (findings are de-duplicated by location), and hands
// each discarded-value position to the discarded-task checker and each
// function body to the flow analysis of stored tasks.
//
//===----------------------------------------------------------------------===//
#include "unawaited/Analysis.h"
#include "AnalysisContext.h"
#include "CrossUnitHandOff.h"
#include "DiscardedTask.h"
#include "UnawaitedMember.h"
#include "UnawaitedVariable.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace unawaited {
namespace {

/// Sets the function findings are attributed to, for one body's walk.
class InFunction {
public:
  InFunction(AnalysisContext &AC, const FunctionDecl *FD)
      : AC(AC), Saved(AC.CurrentFunction) {
    if (FD)
      AC.CurrentFunction = FD;
  }
  ~InFunction() { AC.CurrentFunction = Saved; }
  InFunction(const InFunction &) = delete;
  InFunction &operator=(const InFunction &) = delete;

private:
  AnalysisContext &AC;
  const FunctionDecl *Saved;
};

class TUVisitor : public RecursiveASTVisitor<TUVisitor> {
  using Base = RecursiveASTVisitor<TUVisitor>;

public:
  TUVisitor(AnalysisContext &AC)
      : AC(AC),
        Discarding(AC.Checks.DiscardedTask || AC.Checks.DiscardedEagerTask),
        Discards(AC), Variables(AC), Members(AC) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && AC.isLibraryLocation(D->getLocation()))
      return true; // library code: not ours to report, and costly to walk
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    InFunction Guard(AC, FD);
    Scopes.push_back(makeFunctionScope(FD));
    bool Result = Base::TraverseDecl(D);
    Scopes.pop_back();
    // What this body does with its task parameters, for callers in units
    // that see only a declaration.
    if (Discarding && AC.wantsWholeProgramFacts())
      sendHandOffFacts(AC, FD);
    if (AC.Checks.UnawaitedVariable && !FD->isDependentContext()) {
      if (isClassCallOperator(FD))
        DeferredCallOperators.push_back(FD);
      else
        Variables.analyze(FD);
    }
    return Result;
  }

  /// A class's `operator()` taking arguments: the calls that will be handed
  /// it (a then_wrapped that passes a finished future) usually come after
  /// the class, so it is analysed once the whole unit has been walked.
  static bool isClassCallOperator(const FunctionDecl *FD) {
    const auto *M = dyn_cast<CXXMethodDecl>(FD);
    return M && M->getOverloadedOperator() == OO_Call && M->getNumParams() &&
           !M->getParent()->isLambda();
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    // The call operator is analysed as a function of its own.
    const CXXMethodDecl *Call = LE->getCallOperator();
    bool Result;
    {
      InFunction Guard(AC, Call);
      Scopes.push_back(makeFunctionScope(Call));
      Result = Base::TraverseLambdaExpr(LE);
      Scopes.pop_back();
      if (AC.Checks.UnawaitedVariable && Call && !Call->isDependentContext())
        Variables.analyze(Call);
    }
    // A generic lambda's body is a template: walk its instantiations too
    // (findings are de-duplicated by location).
    if (const FunctionTemplateDecl *FTD =
            Call ? Call->getDescribedFunctionTemplate() : nullptr) {
      for (FunctionDecl *Spec : FTD->specializations()) {
        if (Stmt *Body = Spec->getBody()) {
          InFunction Guard(AC, Spec);
          Scopes.push_back(makeFunctionScope(Spec));
          TraverseStmt(Body);
          Scopes.pop_back();
          if (AC.Checks.UnawaitedVariable && !Spec->isDependentContext())
            Variables.analyze(Spec);
        }
      }
    }
    return Result;
  }

  // Unevaluated operands create nothing, so nothing there is discarded:
  // decltype, sizeof, alignof, noexcept, typeid of a non-polymorphic
  // operand, requires-expressions.
  template <class Fn> bool unevaluated(Fn &&Traverse) {
    ++Unevaluated;
    bool Result = Traverse();
    --Unevaluated;
    return Result;
  }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    return unevaluated(
        [&] { return Base::TraverseUnaryExprOrTypeTraitExpr(E); });
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *E) {
    return unevaluated([&] { return Base::TraverseCXXNoexceptExpr(E); });
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    if (E->isPotentiallyEvaluated())
      return Base::TraverseCXXTypeidExpr(E);
    return unevaluated([&] { return Base::TraverseCXXTypeidExpr(E); });
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
    return unevaluated([&] { return Base::TraverseDecltypeTypeLoc(TL); });
  }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc TL) {
    return unevaluated([&] { return Base::TraverseTypeOfExprTypeLoc(TL); });
  }
  bool TraverseRequiresExpr(RequiresExpr *E) {
    return unevaluated([&] { return Base::TraverseRequiresExpr(E); });
  }

  // Task members: their uses, and the constructors and default member
  // initialisers that store tasks in them.
  bool VisitMemberExpr(MemberExpr *ME) {
    if (AC.Checks.UnawaitedMember && !Unevaluated)
      Members.use(ME, AC.CurrentFunction);
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (AC.Checks.UnawaitedMember)
      Members.constructorInit(Init, AC.CurrentFunction);
    return Base::TraverseConstructorInitializer(Init);
  }
  bool VisitFieldDecl(FieldDecl *F) {
    if (AC.Checks.UnawaitedMember)
      Members.field(F);
    return true;
  }
  void finish() {
    for (const FunctionDecl *FD : DeferredCallOperators) {
      InFunction Guard(AC, FD);
      Variables.analyze(FD);
    }
    Members.finish();
  }

  bool TraverseVarDecl(VarDecl *VD) {
    bool Static = VD->isStaticLocal() && !Scopes.empty();
    if (Static)
      ++Scopes.back().StaticInitDepth;
    bool Result = Base::TraverseVarDecl(VD);
    if (Static)
      --Scopes.back().StaticInitDepth;
    return Result;
  }

  bool TraverseCXXCatchStmt(CXXCatchStmt *S) {
    if (!Scopes.empty())
      ++Scopes.back().CatchDepth;
    bool Result = Base::TraverseCXXCatchStmt(S);
    if (!Scopes.empty())
      --Scopes.back().CatchDepth;
    return Result;
  }

  // Statement positions whose expression is evaluated and thrown away.
  bool VisitCompoundStmt(CompoundStmt *S) {
    for (Stmt *Child : S->body())
      if (!ValueStatements.count(Child))
        statement(Child);
    return true;
  }
  bool VisitStmtExpr(StmtExpr *SE) {
    // The last statement of a GNU statement expression is its value.
    if (CompoundStmt *CS = SE->getSubStmt(); CS && !CS->body_empty())
      ValueStatements.insert(CS->body_back());
    return true;
  }
  bool VisitIfStmt(IfStmt *S) {
    statement(S->getInit());
    statement(S->getThen());
    statement(S->getElse());
    return true;
  }
  bool VisitSwitchStmt(SwitchStmt *S) {
    statement(S->getInit());
    statement(S->getBody());
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    statement(S->getInit());
    statement(S->getInc());
    statement(S->getBody());
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    statement(S->getInit());
    statement(S->getBody());
    return true;
  }
  bool VisitWhileStmt(WhileStmt *S) {
    statement(S->getBody());
    return true;
  }
  bool VisitDoStmt(DoStmt *S) {
    statement(S->getBody());
    return true;
  }
  bool VisitSwitchCase(SwitchCase *S) {
    statement(S->getSubStmt());
    return true;
  }
  bool VisitLabelStmt(LabelStmt *S) {
    statement(S->getSubStmt());
    return true;
  }
  bool VisitAttributedStmt(AttributedStmt *S) {
    statement(S->getSubStmt());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Discarding && BO->getOpcode() == BO_Comma && !Scopes.empty() &&
        !Unevaluated)
      Discards.discarded(BO->getLHS(), DiscardHow::Statement, Scopes.back());
    return true;
  }

  // Arguments converted to void-returning callbacks (std::function<void()>).
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (Discarding && !Unevaluated)
      Discards.temporaryMemberCall(MC);
    // Before the lambda arguments are walked and their bodies analysed.
    if (!AC.Classifier.passesReadyFuture(MC))
      return true;
    for (const Expr *Arg : MC->arguments()) {
      const Expr *E = Arg->IgnoreImplicit();
      if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
          CE && CE->getNumArgs() == 1)
        E = CE->getArg(0)->IgnoreImplicit();
      if (const auto *LE = dyn_cast<LambdaExpr>(E))
        AC.ReadyFutureCallables.insert(LE->getLambdaClass());
      else if (const CXXRecordDecl *RD =
                   E->getType().getNonReferenceType()->getAsCXXRecordDecl())
        AC.ReadyFutureCallables.insert(RD); // a class with operator()
    }
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (!Discarding)
      return true;
    const FunctionDecl *Callee = CE->getDirectCallee();
    // `callback = coroutineLambda;` stores a callable the wrapper drops.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Discards.callbackAssignment(Op->getArg(0)->getType(), Op->getArg(1));
    unsigned Offset = 0;
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee))
      Offset = 1; // the object argument has no parameter
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const ParmVarDecl *Param = nullptr;
      if (Callee && I >= Offset && I - Offset < Callee->getNumParams())
        Param = Callee->getParamDecl(I - Offset);
      callbackArgument(CE->getArg(I), Param, Callee);
      if (Param && !Unevaluated) {
        // Operators are no helpers: `std::ignore = t` is its own idiom.
        if (!isa<CXXOperatorCallExpr>(CE))
          Discards.droppedArgument(CE->getArg(I), Callee, I - Offset);
        Discards.forwardedCallback(CE->getArg(I), Param, Callee, I - Offset);
      }
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (!Discarding || Handled.count(CE))
      return true;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (CE->getNumArgs() == 1 && Ctor && Ctor->isConvertingConstructor(true) &&
        !Ctor->isCopyOrMoveConstructor())
      Discards.callbackConversion(CE, nullptr, nullptr);
    // (Not else: `Timer t(lambda)` converts its argument to the wrapper.)
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const ParmVarDecl *Param =
          Ctor && I < Ctor->getNumParams() ? Ctor->getParamDecl(I) : nullptr;
      callbackArgument(CE->getArg(I), Param, Ctor);
      if (!Unevaluated)
        Discards.forwardedCallback(CE->getArg(I), Param, Ctor, I);
    }
    return true;
  }

private:
  void statement(Stmt *S) {
    if (!Discarding)
      return;
    if (auto *E = dyn_cast_or_null<Expr>(S); E && !Scopes.empty())
      Discards.discarded(E, DiscardHow::Statement, Scopes.back());
  }

  void callbackArgument(const Expr *Arg, const ParmVarDecl *Param,
                        const FunctionDecl *Callee) {
    const Expr *E = Arg;
    while (true) {
      E = E->IgnoreParens();
      if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
        E = M->getSubExpr();
      else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
        E = B->getSubExpr();
      else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E))
        E = IC->getSubExpr();
      else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
        E = FC->getSubExpr();
      else
        break;
    }
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() < 1 || Handled.count(CE))
      return;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor())
      return;
    Handled.insert(CE);
    Discards.callbackConversion(CE, Param, Callee);
    // `on(Delegate)` called with a lambda: the Delegate's constructor may
    // convert it (VisitCXXConstructExpr skips a handled expression).
    if (Unevaluated)
      return;
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      Discards.forwardedCallback(CE->getArg(I), Ctor->getParamDecl(I), Ctor, I);
  }

  AnalysisContext &AC;
  /// A discard check is enabled: the tidy module runs each check in a walk
  /// of its own, and the variable and member checks' walks need none of
  /// the discarded-value work.
  const bool Discarding;
  DiscardedTaskChecker Discards;
  UnawaitedVariableChecker Variables;
  UnawaitedMemberChecker Members;
  std::vector<FunctionScope> Scopes;
  std::vector<const FunctionDecl *> DeferredCallOperators;
  unsigned Unevaluated = 0; ///< depth of unevaluated operands
  llvm::SmallPtrSet<const Stmt *, 8> ValueStatements;
  llvm::SmallPtrSet<const CXXConstructExpr *, 16> Handled;
};

} // namespace

void analyzeTranslationUnit(ASTContext &Ctx, const Options &Opts,
                            const EnabledChecks &Checks, FindingSink &Sink,
                            FlowStats *Stats) {
  if (!Checks.any() || !Ctx.getLangOpts().CPlusPlus20)
    return;
  AnalysisContext AC(Ctx, Opts, Checks, Sink);
  AC.Stats = Stats;
  TUVisitor V(AC);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  V.finish();
  AC.flush();
}

} // namespace unawaited
