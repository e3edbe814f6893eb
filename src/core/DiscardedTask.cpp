//===- DiscardedTask.cpp - Task values thrown away ------------------------===//
#include "DiscardedTask.h"
#include "AstUtils.h"
#include "CrossUnitHandOff.h"
#include "flow/Consumption.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace unawaited {

/// `std::ignore = x`: returns x.
static const Expr *ignoreAssignOperand(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  if (!Op || Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
    return nullptr;
  return isStdIgnore(Op->getArg(0)) ? Op->getArg(1) : nullptr;
}

void DiscardedTaskChecker::discarded(const Expr *E, DiscardHow How,
                                     const FunctionScope &Scope) {
  E = ignoreTemporaries(E);
  if (!E)
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    // The left of a comma is discarded wherever the comma is; the traversal
    // reports it. The right is discarded only because the comma is.
    if (BO->getOpcode() == BO_Comma)
      discarded(BO->getRHS(), How, Scope);
    else
      reportValue(E, How, Scope);
    return;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    discarded(CO->getTrueExpr(), How, Scope);
    discarded(CO->getFalseExpr(), How, Scope);
    return;
  }
  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E)) {
    discarded(BCO->getFalseExpr(), How, Scope);
    return;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    if (Cast->getType()->isVoidType()) {
      discarded(Cast->getSubExpr(), DiscardHow::CastToVoid, Scope);
      return;
    }
  }
  if (const Expr *Operand = ignoreAssignOperand(E)) {
    discarded(Operand, DiscardHow::IgnoreAssign, Scope);
    return;
  }
  reportValue(E, How, Scope);
}

namespace {
struct KindWords {
  const char *Noun;        ///< "a lazy coroutine task"
  const char *Fate;        ///< "is never awaited"
  const char *Consequence; ///< "its body will never run"
};
} // namespace

static KindWords kindWords(TaskKind K) {
  switch (K) {
  case TaskKind::LazyTask:
    return {"a lazy coroutine task", "is never awaited",
            "its body will never run"};
  case TaskKind::LazyAwaitable:
    return {"a lazy awaitable", "is never awaited",
            "the operation will never start"};
  case TaskKind::Generator:
    return {"a lazy generator", "is never iterated", "its body will never run"};
  case TaskKind::EagerTask:
    return {"an eager coroutine task", "is discarded",
            "its result and exceptions are lost"};
  default:
    return {"a value", "is discarded", "it is lost"};
  }
}

/// "a lazy coroutine task 'T' that <Fate>; <Consequence>"
static std::string describeDiscard(TaskKind K, llvm::StringRef TypeName,
                                   llvm::StringRef Fate = "",
                                   llvm::StringRef Consequence = "") {
  KindWords W = kindWords(K);
  return (llvm::Twine(W.Noun) + " '" + TypeName + "' that " +
          (Fate.empty() ? llvm::StringRef(W.Fate) : Fate) + "; " +
          (Consequence.empty() ? llvm::StringRef(W.Consequence) : Consequence))
      .str();
}

/// Where a discarded value is reported: a call operator at its start
/// (`lambda()`, `callback()`), anything else at its expression location.
static SourceLocation findingLoc(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  return (Op && Op->getOperator() == OO_Call) ? E->getBeginLoc()
                                              : E->getExprLoc();
}

/// Whether every co_await and co_yield in \p S sits in a try block with a
/// catch (...) handler; counts them in \p Awaits.
static bool awaitsAllCaught(const Stmt *S, bool InCatchAll,
                            unsigned &Awaits) {
  if (!S)
    return true;
  if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(S)) {
    if (!InCatchAll)
      return false;
    ++Awaits;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    bool CatchAll = false;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      CatchAll |= Try->getHandler(I)->getCaughtType().isNull();
    if (!awaitsAllCaught(Try->getTryBlock(), InCatchAll || CatchAll, Awaits))
      return false;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (!awaitsAllCaught(Try->getHandler(I), InCatchAll, Awaits))
        return false;
    return true;
  }
  if (isa<LambdaExpr>(S))
    return true; // a function of its own
  for (const Stmt *Child : S->children())
    if (!awaitsAllCaught(Child, InCatchAll, Awaits))
      return false;
  return true;
}

/// A coroutine that produces no value and catches whatever its awaits
/// throw (`Task<> run(Ctx &c) { try { co_await op; } catch (...) {
/// c.error = std::current_exception(); } }`): it reports its outcome itself,
/// so its dropped eager task holds nothing to lose.
static bool keepsNothing(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def))
    return false;
  const auto *CB = dyn_cast_or_null<CoroutineBodyStmt>(Def->getBody());
  const VarDecl *P = CB ? CB->getPromiseDecl() : nullptr;
  const CXXRecordDecl *RD = P ? P->getType()->getAsCXXRecordDecl() : nullptr;
  bool ReturnsVoid = RD && findMember(RD, llvm::StringRef("return_void")) &&
                     !findMember(RD, llvm::StringRef("return_value"));
  // At least one await, all of them caught: a coroutine with no await
  // has nothing to report, and its exceptions go to the dropped task.
  unsigned Awaits = 0;
  return ReturnsVoid && awaitsAllCaught(CB->getBody(), false, Awaits) &&
         Awaits > 0;
}

void DiscardedTaskChecker::reportValue(const Expr *E, DiscardHow How,
                                       const FunctionScope &Scope) {
  // The value of a co_await or sync-wait is a finished result.
  if (E->isTypeDependent() || AC.Classifier.isAwaitResult(E))
    return;
  // In an instantiation, this text is shared with the others: if it is not
  // a task here, a fix made for another instantiation would break this one.
  bool Instantiated = Scope.Fn && Scope.Fn->getTemplateInstantiationPattern();
  if (!E->isPRValue()) {
    if (Instantiated)
      AC.markUnfixable(findingLoc(E));
    return;
  }
  const TypeInfo &Info = AC.Classifier.classify(E->getType());
  if (Instantiated && !Info.mustBeAwaited())
    AC.markUnfixable(findingLoc(E));
  CheckId Check;
  switch (Info.Kind) {
  case TaskKind::LazyTask:
  case TaskKind::LazyAwaitable:
  case TaskKind::Generator:
    Check = CheckId::DiscardedTask;
    if (How != DiscardHow::Statement && AC.Classifier.options().AllowCastToVoid)
      return;
    break;
  case TaskKind::EagerTask:
    // For an eager task an explicit discard is the acknowledged idiom,
    // unless its destructor cancels the work: then the cast is the bug.
    if (How != DiscardHow::Statement && discardAcknowledged(Info))
      return;
    Check = CheckId::DiscardedEagerTask;
    break;
  default:
    return;
  }
  if (!AC.Checks.isEnabled(Check))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (AC.Classifier.isIgnoredFunction(Call->getDirectCallee()))
      return;
    if (Check == CheckId::DiscardedEagerTask &&
        keepsNothing(Call->getDirectCallee()))
      return;
  }

  Finding F;
  F.Check = Check;
  F.Loc = findingLoc(E);
  F.Range = E->getSourceRange();
  std::string Callee = describeCallee(E);
  std::string What =
      Info.CancelsOnDestroy
          ? describeDiscard(Info.Kind, AC.displayType(E->getType()),
                            "is discarded", "its destructor cancels the work")
          : describeDiscard(Info.Kind, AC.displayType(E->getType()));
  F.Message = Callee.empty() ? "expression creates " + What
                             : Callee + " returns " + What;
  addFixOrNotes(F, E, Info, Scope, How);
  AC.report(std::move(F));
}

void DiscardedTaskChecker::temporaryMemberCall(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (!M || !Obj || MC->isTypeDependent() || Obj->isTypeDependent() ||
      !AC.Checks.isEnabled(CheckId::DiscardedTask))
    return;
  const auto *Call = dyn_cast<CallExpr>(ignoreTemporaries(Obj));
  if (!Call || !Call->isPRValue())
    return;
  const TypeInfo &Info = AC.Classifier.classify(Call->getType());
  // A copyable task (a shared task, often a getter's copy of a stored one)
  // lives on in its other copies.
  if (!Info.mustBeAwaited() || isCopyableType(Call->getType()))
    return;
  // A non-const or &&-qualified member acts on the task (start, then,
  // semi), and so does a consuming one; a member returning another task or
  // awaitable hands it on, and that result is checked where it goes.
  if (memberActsOnTask(AC.Classifier, M))
    return;
  if (AC.Classifier.classify(MC->getType()).Kind != TaskKind::None)
    return;
  if (AC.Classifier.isIgnoredFunction(Call->getDirectCallee()))
    return;
  Finding F;
  F.Check = CheckId::DiscardedTask;
  F.Loc = findingLoc(Call);
  F.Range = Call->getSourceRange();
  std::string Callee = describeCallee(Call);
  std::string Member = "'" + M->getNameAsString() + "'";
  std::string What = describeDiscard(Info.Kind, AC.displayType(Call->getType()),
                                     "is destroyed after calling " + Member +
                                         " on it, without being "
                                         "awaited");
  F.Message = Callee.empty() ? "expression creates " + What
                             : Callee + " returns " + What;
  AC.report(std::move(F));
}

void DiscardedTaskChecker::droppedArgument(const Expr *Arg,
                                           const FunctionDecl *Callee,
                                           unsigned I) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreTemporaries(Arg));
  if (!Call || !Call->isPRValue() || Call->isTypeDependent() || !Callee)
    return;
  const TypeInfo &Info = AC.Classifier.classify(Call->getType());
  std::optional<CheckId> Check = droppedTaskCheck(Info);
  // A copyable task lives on in its other copies.
  if (!Check || !AC.Checks.isEnabled(*Check) ||
      isCopyableType(Call->getType()) ||
      AC.Classifier.isIgnoredFunction(Call->getDirectCallee()) ||
      (Check == CheckId::DiscardedEagerTask &&
       keepsNothing(Call->getDirectCallee())))
    return;
  // A body in another unit: a candidate, for a host that merges the
  // units' summaries (CrossUnitHandOff.h); to others it hands on.
  const FunctionDecl *Def = nullptr;
  std::string WholeProgramKey;
  if (!Callee->hasBody(Def)) {
    if (!AC.wantsWholeProgramFacts())
      return;
    WholeProgramKey = handOffKey(AC, Callee, I);
    if (WholeProgramKey.empty())
      return;
  } else if (handsOnParameter(AC, Callee, I)) {
    return;
  }
  const auto *M = dyn_cast<CXXMethodDecl>(Callee);
  std::string Name = M && M->getParent()->isLambda()
                         ? std::string("a lambda")
                         : "'" + Callee->getNameAsString() + "'";
  Finding F;
  F.Check = *Check;
  F.Loc = findingLoc(Call);
  F.Range = Call->getSourceRange();
  std::string What = describeDiscard(
      Info.Kind, AC.displayType(Call->getType()),
      "is passed to " + Name + ", which never awaits or keeps it");
  std::string Source = describeCallee(Call);
  F.Message = Source.empty() ? "expression creates " + What
                             : Source + " returns " + What;
  // The note points at the user's code when the callee is a library's; a
  // candidate's comes with the fact of the unit that defines the callee.
  if (Def && !AC.isLibraryLocation(Def->getParamDecl(I)->getLocation()))
    F.Notes.push_back({Def->getParamDecl(I)->getLocation(),
                       dropNote(Callee, Def->getParamDecl(I), I),
                       {}});
  F.WholeProgramKey = std::move(WholeProgramKey);
  AC.report(std::move(F));
}

static bool inMacro(const Expr *E) {
  return E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID();
}

/// Whether the function named \p Qualified ("ns::sync_wait") exists and
/// can take a \p T: a template, or a parameter naming T's class. A fix
/// wrapping the call in a function that does not accept it would not
/// compile.
bool syncWaitAccepts(llvm::StringRef Qualified, QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  ASTContext &Ctx = RD->getASTContext();
  Qualified.consume_front("::");
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  for (size_t I = 0; I + 1 < Parts.size(); ++I) {
    const DeclContext *Next = nullptr;
    for (const NamedDecl *D : DC->lookup(&Ctx.Idents.get(Parts[I])))
      if (const auto *NS = dyn_cast<NamespaceDecl>(D))
        Next = NS;
    if (!Next)
      return false;
    DC = Next;
  }
  for (const NamedDecl *D : DC->lookup(&Ctx.Idents.get(Parts.back()))) {
    if (isa<FunctionTemplateDecl>(D))
      return true;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getNumParams() >= 1 &&
          isSameOrDerivedRecord(RD, recordOf(FD->getParamDecl(0)->getType())))
        return true;
  }
  return false;
}

void DiscardedTaskChecker::addFixOrNotes(Finding &F, const Expr *E,
                                         const TypeInfo &Info,
                                         const FunctionScope &Scope,
                                         DiscardHow How) {
  const SourceManager &SM = AC.SM;
  const LangOptions &LO = AC.Ctx.getLangOpts();
  if (Info.Kind == TaskKind::Generator)
    return;
  bool Macro = inMacro(E);

  SourceLocation Begin = E->getBeginLoc();
  SourceLocation End =
      Macro ? SourceLocation()
            : Lexer::getLocForEndOfToken(E->getEndLoc(), 0, SM, LO);

  // `co_await a | b` and `(void)a | b` would apply to `a` alone.
  auto Insert = [&](FindingNote &N, llvm::StringRef Prefix) {
    if (Macro || End.isInvalid())
      return;
    if (needsParensForCoawait(E)) {
      N.Fixes.push_back(
          FixItHint::CreateInsertion(Begin, (Prefix + "(").str()));
      N.Fixes.push_back(FixItHint::CreateInsertion(End, ")"));
    } else {
      N.Fixes.push_back(FixItHint::CreateInsertion(Begin, Prefix));
    }
  };
  if (Info.Kind == TaskKind::EagerTask) {
    // Waiting changes when the caller continues: offer it, do not apply it.
    FindingNote Await{F.Loc, "insert 'co_await' to wait for its result", {}};
    if (!Macro && Scope.canAwaitHere() &&
        (Scope.Promise.isNull()
             ? Info.DirectlyAwaitable
             : AC.Classifier.canAwaitIn(E->getType(), Scope.Promise))) {
      Insert(Await, "co_await ");
      F.Notes.push_back(std::move(Await));
    }
    if (Info.CancelsOnDestroy) {
      F.Notes.push_back(
          {F.Loc,
           "keep it until it completes, or detach it where the library "
           "allows (kj's '.detach(...)', cobalt's unary '+'); a 'void' "
           "cast does not keep it",
           {}});
      return;
    }
    FindingNote Void{F.Loc,
                     "cast the expression to 'void' to acknowledge that the "
                     "result is not needed",
                     {}};
    Insert(Void, "(void)");
    F.Notes.push_back(std::move(Void));
    return;
  }

  bool CanAwaitHere = Scope.canAwaitHere();
  TypeClassifier::AwaitVerdict Verdict =
      !CanAwaitHere || Scope.Promise.isNull()
          ? TypeClassifier::AwaitVerdict::Yes
          : AC.Classifier.awaitVerdict(E->getType(), Scope.Promise);
  bool PromiseAccepts = Verdict == TypeClassifier::AwaitVerdict::Yes;
  const std::string &SyncWait = AC.Classifier.options().SyncWaitFunction;

  if (CanAwaitHere && PromiseAccepts) {
    if (Macro || How == DiscardHow::IgnoreAssign)
      return; // the awaited value may be void: `std::ignore = void` is wrong
    if (needsParensForCoawait(E)) {
      F.Fixes.push_back(FixItHint::CreateInsertion(Begin, "co_await ("));
      F.Fixes.push_back(FixItHint::CreateInsertion(End, ")"));
    } else {
      F.Fixes.push_back(FixItHint::CreateInsertion(Begin, "co_await "));
    }
    return;
  }
  if (CanAwaitHere && Verdict == TypeClassifier::AwaitVerdict::Unknown) {
    F.Notes.push_back(
        {F.Loc,
         "co_await it if the enclosing coroutine's promise '" +
             AC.displayType(Scope.Promise.getCanonicalType()) + "' accepts '" +
             AC.displayType(E->getType()) +
             "' (its await_transform is constrained; no fix is offered)",
         {}});
    return;
  }
  if (CanAwaitHere && !PromiseAccepts) {
    F.Notes.push_back(
        {F.Loc,
         "the enclosing coroutine's promise '" +
             AC.displayType(Scope.Promise.getCanonicalType()) +
             "' cannot await '" +
             AC.displayType(E->getType()) + "'; run it with its own "
             "library (e.g. spawn it on an executor)",
         {}});
    return;
  }
  if (!SyncWait.empty() && !Macro && How == DiscardHow::Statement &&
      syncWaitAccepts(SyncWait, E->getType())) {
    F.Fixes.push_back(FixItHint::CreateInsertion(Begin, SyncWait + "("));
    F.Fixes.push_back(FixItHint::CreateInsertion(End, ")"));
    return;
  }
  if (Scope.IsCoroutine && Scope.StaticInitDepth > 0) {
    F.Notes.push_back({F.Loc,
                       "'co_await' cannot be used in the initialiser of a "
                       "static or thread_local variable; await the task "
                       "before it",
                       {}});
    return;
  }
  if (Scope.IsCoroutine) {
    F.Notes.push_back({F.Loc,
                       "'co_await' cannot be used in a catch handler; await "
                       "the task after the handler, or block on it with the "
                       "library's sync-wait (option SyncWaitFunction)",
                       {}});
    return;
  }
  std::string Fn = Scope.Fn && Scope.Fn->getDeclName().isIdentifier()
                       ? "'" + Scope.Fn->getNameAsString() + "'"
                       : "the enclosing function";
  std::string Block =
      SyncWait.empty()
          ? "block on the task with the library's sync-wait (option "
            "SyncWaitFunction offers that fix)"
          : "block on the task with '" + SyncWait + "'";
  F.Notes.push_back({Scope.Fn ? Scope.Fn->getLocation() : F.Loc,
                     Fn + " is not a coroutine, so it cannot 'co_await' the "
                          "task; make it a coroutine, or " + Block,
                     {}});
}

/// The return type of calling \p T (a closure, functor, function pointer or
/// reference), or null.
static QualType callResultType(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  if (const auto *FT = T->getAs<FunctionType>())
    return FT->getReturnType();
  if (const auto *MPT = T->getAs<MemberPointerType>())
    if (const auto *FT = MPT->getPointeeType()->getAs<FunctionType>())
      return FT->getReturnType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    if (const CXXMethodDecl *Call =
            RD->isLambda() ? RD->getLambdaCallOperator() : nullptr) {
      QualType R = Call->getReturnType();
      return R->isUndeducedType() ? QualType() : R;
    }
    if (!RD->hasDefinition())
      return {};
    auto Name =
        RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
    auto Found = RD->lookup(Name);
    if (Found.isSingleResult())
      if (const auto *M = dyn_cast<CXXMethodDecl>(Found.front()))
        return M->getReturnType();
  }
  return {};
}

/// Whether \p T is a type-erased callable returning void, e.g.
/// std::function<void(int)>: a class template with a function-type argument.
static bool isVoidCallbackWrapper(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Type)
      if (const auto *FT = A.getAsType()->getAs<FunctionType>())
        return FT->getReturnType()->isVoidType();
  return false;
}

/// The parameter of a template instantiation that \p E passes along as is
/// (`f`, `std::move(f)`, `std::forward<F>(f)`, `static_cast<F&&>(f)`), whose
/// type the template deduces: a callable a caller wrote.
static const ParmVarDecl *forwardedParameter(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 6; ++Depth) {
    E = ignoreTemporaries(E);
    if (const auto *CE = dyn_cast<CallExpr>(E); CE && isStdMoveLike(CE)) {
      E = CE->getArg(0);
    } else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
               Cast && Cast->isXValue()) {
      E = Cast->getSubExpr();
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
               C && C->getNumArgs() == 1 &&
               C->getConstructor()->isCopyOrMoveConstructor()) {
      E = C->getArg(0); // a by-value parameter's copy of the callable
    } else {
      break;
    }
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  const auto *Fn =
      P ? dyn_cast_or_null<FunctionDecl>(P->getDeclContext()) : nullptr;
  const FunctionDecl *Pattern =
      Fn ? Fn->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || P->getFunctionScopeIndex() >= Pattern->getNumParams())
    return nullptr;
  QualType T = Pattern->getParamDecl(P->getFunctionScopeIndex())->getType();
  return T->isDependentType() ? P : nullptr;
}

/// Where the body of \p Fn converts its parameter \p I to a void-returning
/// wrapper (its member initialisers too), directly or through another
/// template it forwards the parameter to.
static std::optional<std::pair<const Expr *, QualType>>
findWrapperConversion(const FunctionDecl *Fn, unsigned I, unsigned Depth = 0) {
  const FunctionDecl *Def = nullptr;
  if (!Fn || Depth > 4 || !Fn->hasBody(Def) || I >= Def->getNumParams())
    return std::nullopt;
  const ParmVarDecl *P = Def->getParamDecl(I);
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P;
    unsigned Depth;
    std::optional<std::pair<const Expr *, QualType>> Found;
    bool forwards(const Expr *E) { return E && forwardedParameter(E) == P; }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (!Ctor || Ctor->isCopyOrMoveConstructor())
        return true;
      for (unsigned J = 0; J < CE->getNumArgs() && !Found; ++J) {
        if (!forwards(CE->getArg(J)))
          continue;
        if (J == 0 && isVoidCallbackWrapper(CE->getType()))
          Found = {CE, CE->getType()};
        else if (auto Inner = findWrapperConversion(Ctor, J, Depth + 1))
          Found = {CE, Inner->second}; // a class holding such a wrapper
      }
      return !Found;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          forwards(Op->getArg(1)) &&
          isVoidCallbackWrapper(Op->getArg(0)->getType()))
        Found = {Op, Op->getArg(0)->getType()};
      return !Found;
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || isa<CXXOperatorCallExpr>(CE))
        return true;
      for (unsigned J = 0; J < CE->getNumArgs() && !Found; ++J)
        if (forwards(CE->getArg(J)))
          if (auto Inner = findWrapperConversion(Callee, J, Depth + 1))
            Found = {CE, Inner->second};
      return !Found;
    }
  } F;
  F.P = P;
  F.Depth = Depth;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (!F.Found && Init->getInit())
        F.TraverseStmt(Init->getInit());
  if (!F.Found)
    F.TraverseStmt(Def->getBody());
  return F.Found;
}

void DiscardedTaskChecker::forwardedCallback(const Expr *Arg,
                                             const ParmVarDecl *Param,
                                             const FunctionDecl *Callee,
                                             unsigned I) {
  if (!Param || !Callee || !Callee->getTemplateInstantiationPattern())
    return;
  // The wrapper's own constructor: callbackConversion's case.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee);
      Ctor && isVoidCallbackWrapper(
                  Ctor->getASTContext().getRecordType(Ctor->getParent())))
    return;
  const Expr *Source = ignoreTemporaries(Arg);
  if (!Source || Source->isTypeDependent() || forwardedParameter(Source))
    return; // a template passing its own parameter on: reported at its caller
  // Only a callable returning a task is worth walking the callee's body.
  QualType Ret = callResultType(Source->getType());
  if (Ret.isNull() || Ret->isDependentType())
    return;
  const TypeInfo &Info = AC.Classifier.classify(Ret);
  if (!Info.mustBeAwaited() &&
      !(Info.Kind == TaskKind::EagerTask && Info.Nodiscard))
    return;
  std::optional<std::pair<const Expr *, QualType>> Conv =
      findWrapperConversion(Callee, I);
  if (!Conv)
    return;
  const Expr *At = Conv->first;
  reportCallback(Conv->second, Source, nullptr, nullptr,
                 AC.isLibraryLocation(At->getBeginLoc()) ? nullptr : At,
                 Callee);
}

void DiscardedTaskChecker::callbackConversion(const CXXConstructExpr *CE,
                                              const ParmVarDecl *Param,
                                              const FunctionDecl *Callee) {
  if (CE->getNumArgs() < 1)
    return;
  reportCallback(CE->getType(), CE->getArg(0), Param, Callee);
}

void DiscardedTaskChecker::callbackAssignment(QualType Wrapper,
                                              const Expr *Source) {
  reportCallback(Wrapper, Source, nullptr, nullptr);
}

void DiscardedTaskChecker::reportCallback(QualType WrapperType,
                                          const Expr *SourceArg,
                                          const ParmVarDecl *Param,
                                          const FunctionDecl *Callee,
                                          const Expr *ConvertedAt,
                                          const FunctionDecl *Forwarder) {
  if (!isVoidCallbackWrapper(WrapperType))
    return;
  const Expr *Source = ignoreTemporaries(SourceArg);
  if (!Source || Source->isTypeDependent())
    return;
  // Inside a template, the callable is a parameter: the user wrote it at
  // the call, which forwardedCallback reports.
  if (!Forwarder && forwardedParameter(Source))
    return;
  QualType Ret = callResultType(Source->getType());
  if (Ret.isNull() || Ret->isDependentType())
    return;
  const TypeInfo &Info = AC.Classifier.classify(Ret);
  CheckId Check;
  if (Info.Kind == TaskKind::LazyTask || Info.Kind == TaskKind::LazyAwaitable)
    Check = CheckId::DiscardedTask;
  else if (Info.Kind == TaskKind::EagerTask && Info.Nodiscard)
    Check = CheckId::DiscardedEagerTask; // its author says: never drop it
  else
    return; // eager, not [[nodiscard]]: the Qt-slot idiom
  std::string Subject = "callable";
  const Expr *Bare = Source->IgnoreParenImpCasts();
  if (isa<LambdaExpr>(Bare) || (Bare->getType()->getAsCXXRecordDecl() &&
                                Bare->getType()->getAsCXXRecordDecl()->isLambda()))
    Subject = "lambda";
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare))
    Subject = "'" + DRE->getDecl()->getNameAsString() + "'";
  else if (const auto *UO = dyn_cast<UnaryOperator>(Bare))
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
      Subject = "'" + DRE->getDecl()->getNameAsString() + "'";

  Finding F;
  F.Check = Check;
  F.Loc = Source->getBeginLoc();
  F.Range = Source->getSourceRange();
  std::string Wrapper = AC.displayType(WrapperType.getNonReferenceType());
  F.Message = Subject + " returns " +
              describeDiscard(Info.Kind, AC.displayType(Ret),
                              "'" + Wrapper + "' discards on every call");
  if (Param) {
    std::string PName = Param->getName().empty()
                            ? "parameter"
                            : "parameter '" + Param->getNameAsString() + "'";
    std::string Of = Callee ? " of '" + Callee->getNameAsString() + "'" : "";
    F.Notes.push_back({Param->getLocation(),
                       PName + Of + " has type '" + Wrapper +
                           "', which drops the task on every call",
                       {}});
  }
  if (ConvertedAt) {
    F.Notes.push_back({ConvertedAt->getBeginLoc(),
                       "in '" + Forwarder->getNameAsString() +
                           "', it becomes a '" + Wrapper +
                           "' here, which drops the task on every call",
                       {}});
  }
  AC.report(std::move(F));
}

} // namespace unawaited
