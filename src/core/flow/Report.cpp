//===- Report.cpp - The variable check's findings and fix-its -------------===//
//
// Messages follow clang's style (lowercase, no final period). In a template
// instantiation the type is spelled as the template's own declaration
// spells it, so that every instantiation of one line gives one message;
// fixes are left out there, since the text is shared by all of them.
//
//===----------------------------------------------------------------------===//
#include "Report.h"
#include "../AstUtils.h"
#include "../DiscardedTask.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace unawaited::flow {

/// The element type as the declaration spells it (`Task<>`), not its
/// canonical form (`demo::Task<void>`).
QualType VariableReporter::writtenElementType(const Tracked &T) {
  if (T.R != Role::Container)
    return T.TaskType;
  if (const auto *TST = T.VD->getType()->getAs<TemplateSpecializationType>()) {
    for (const TemplateArgument &A : TST->template_arguments())
      if (A.getKind() == TemplateArgument::Type &&
          AC.Ctx.hasSameType(A.getAsType(), T.TaskType))
        return A.getAsType();
  }
  return T.TaskType;
}

/// In a template instantiation, the type the template's own declaration
/// of \p VD spells (`TaskT`, `Task<T>`), so that every instantiation of
/// one line gives one message and the line is reported once. Null
/// outside instantiations.
QualType VariableReporter::patternType(const VarDecl *VD) {
  const FunctionDecl *Pat = FD->getTemplateInstantiationPattern();
  if (!Pat || Pat == FD)
    return {};
  const VarDecl *Same = nullptr;
  if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
    if (P->getFunctionScopeIndex() < Pat->getNumParams())
      Same = Pat->getParamDecl(P->getFunctionScopeIndex());
  } else if (Pat->getBody()) {
    struct Finder : RecursiveASTVisitor<Finder> {
      SourceLocation Loc;
      const VarDecl *Found = nullptr;
      bool VisitVarDecl(VarDecl *D) {
        if (D->getLocation() == Loc)
          Found = D;
        return !Found;
      }
    } F;
    F.Loc = VD->getLocation();
    F.TraverseStmt(Pat->getBody());
    Same = F.Found;
  }
  if (!Same)
    return {};
  QualType Ty = Same->getType().getNonReferenceType();
  // `auto t = make<T>();`: the type of the pattern's initialiser.
  if (Ty->getContainedAutoType() && Same->getInit())
    Ty = Same->getInit()->getType();
  // Nothing to spell (`<dependent type>` of an unresolved call): the
  // instantiation's type it is.
  if (Ty->getContainedAutoType() || !Ty->isDependentType() ||
      Ty->isSpecificBuiltinType(BuiltinType::Dependent))
    return {};
  return Ty;
}

std::string VariableReporter::describe(const Tracked &T, bool Overwrite) {
  QualType Pattern = T.R == Role::Task ? patternType(T.VD) : QualType();
  std::string Ty =
      AC.displayType(Pattern.isNull() ? writtenElementType(T) : Pattern);
  bool Never = !T.EverConsumed;
  std::string Noun, Consequence;
  switch (T.Info->Kind) {
  case TaskKind::LazyTask:
    Noun = T.R == Role::Task ? "a lazy coroutine task" : "lazy coroutine tasks";
    Consequence = Never || Overwrite ? "its body will never run"
                                     : "its body may never run";
    break;
  case TaskKind::LazyAwaitable:
    Noun = T.R == Role::Task ? "a lazy awaitable" : "lazy awaitables";
    Consequence = Never || Overwrite ? "the operation will never start"
                                     : "the operation may never start";
    break;
  default:
    Noun =
        T.R == Role::Task ? "an eager coroutine task" : "eager coroutine tasks";
    Consequence = Never || Overwrite ? "its result and exceptions are lost"
                                     : "its result and exceptions may be lost";
    if (T.Info->CancelsOnDestroy) {
      Consequence = Never || Overwrite ? "its destructor cancels the work"
                                       : "its destructor may cancel the work";
    }
    break;
  }
  if (T.R == Role::Container) {
    if (T.Info->Kind != TaskKind::EagerTask)
      Consequence = "their bodies may never run";
    else if (T.Info->CancelsOnDestroy)
      Consequence = "their destructors may cancel the work";
    else
      Consequence = "their results and exceptions may be lost";
  }
  std::string Name = "'" + T.VD->getNameAsString() + "'";
  if (Overwrite)
    return "assignment to " + Name + " destroys " + Noun + " '" + Ty +
           "' that was never awaited; " + Consequence;
  std::string What = isa<ParmVarDecl>(T.VD) ? "parameter " : "variable ";
  if (T.R == Role::Container && !T.Aggregate)
    What = "container ";
  std::string Fate = T.R == Role::Container ? "that are not all awaited"
                     : Never                ? "that is never awaited"
                             : "that is not awaited on every path";
  return What + Name + " holds " + Noun + " '" + Ty + "' " + Fate + "; " +
         Consequence;
}

/// The awaited value must be a value: `auto x = co_await f()` with a void
/// result does not compile.
bool VariableReporter::awaitedValueIsValue(const Tracked &T) {
  const CXXRecordDecl *RD = T.Info->Record;
  DeclarationName Op = AC.Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  const CXXRecordDecl *Awaiter = RD;
  const FunctionDecl *CoAwait = asFunction(findMember(RD, Op));
  if (!CoAwait)
    CoAwait = ownFreeCoawait(RD, AC.Ctx);
  if (CoAwait)
    Awaiter = CoAwait->getReturnType()->isUndeducedType()
                  ? nullptr
                  : recordOf(CoAwait->getReturnType());
  const FunctionDecl *Resume =
      asFunction(findMember(Awaiter, llvm::StringRef("await_resume")));
  return Resume && !Resume->getReturnType()->isUndeducedType() &&
         !Resume->getReturnType()->isVoidType() &&
         !Resume->getReturnType()->isDependentType();
}

/// `auto x = call();` in a coroutine: `auto x = co_await call();`.
void VariableReporter::addFix(Finding &F, const Tracked &T) {
  if (T.R != Role::Task || T.EverConsumed || T.FixBlocked ||
      isa<ParmVarDecl>(T.VD) || !T.VD->getInit())
    return;
  // In an instantiated template the text is shared by every
  // instantiation; a fix right for one may break another.
  if (FD->getTemplateInstantiationPattern() ||
      FD->getDeclContext()->isDependentContext())
    return;
  const TypeSourceInfo *TSI = T.VD->getTypeSourceInfo();
  if (!TSI || !TSI->getTypeLoc().getContainedAutoTypeLoc())
    return;
  const Expr *Init = ignoreTemporaries(T.VD->getInit());
  if (!isa<CallExpr>(Init) || Init->getBeginLoc().isMacroID() ||
      Init->getEndLoc().isMacroID())
    return;
  if (T.InCatch || T.SharesDeclaration || !awaitedValueIsValue(T))
    return;
  SourceLocation Begin = Init->getBeginLoc();
  SourceLocation End = Lexer::getLocForEndOfToken(Init->getEndLoc(), 0, AC.SM,
                                                  AC.Ctx.getLangOpts());
  // Never referenced, the variable holds an awaited value no one reads:
  // -Wunused-variable (an error under -Werror) for `int`. Marked, not
  // deleted: the value lives to the end of the scope as the task did (a
  // lock or guard must), and the name still says what it is.
  bool MarkUnused = !T.VD->isReferenced() && !T.VD->hasAttr<UnusedAttr>();
  SourceLocation DeclBegin = T.VD->getBeginLoc();
  if (MarkUnused && (DeclBegin.isInvalid() || DeclBegin.isMacroID()))
    return;
  auto AddMarkUnused = [&] {
    if (MarkUnused)
      F.Fixes.push_back(
          FixItHint::CreateInsertion(DeclBegin, "[[maybe_unused]] "));
  };
  if (Scope.IsCoroutine) {
    if (!T.Info->DirectlyAwaitable ||
        (!Scope.Promise.isNull() &&
         !AC.Classifier.canAwaitIn(T.TaskType, Scope.Promise)))
      return;
    // `co_await` binds tighter than a binary operator: `a || b` (asio's
    // awaitable operators) needs parentheses.
    if (needsParensForCoawait(Init)) {
      if (End.isInvalid())
        return;
      AddMarkUnused();
      F.Fixes.push_back(FixItHint::CreateInsertion(Begin, "co_await ("));
      F.Fixes.push_back(FixItHint::CreateInsertion(End, ")"));
      return;
    }
    AddMarkUnused();
    F.Fixes.push_back(FixItHint::CreateInsertion(Begin, "co_await "));
    return;
  }
  const std::string &SyncWait = AC.Classifier.options().SyncWaitFunction;
  if (SyncWait.empty() || !syncWaitAccepts(SyncWait, T.TaskType))
    return;
  AddMarkUnused();
  F.Fixes.push_back(FixItHint::CreateInsertion(Begin, SyncWait + "("));
  F.Fixes.push_back(FixItHint::CreateInsertion(End, ")"));
}

/// Where it dies, in words: " by this 'co_return'".
static const char *whereItDies(const Stmt *Trig) {
  if (isa_and_nonnull<CoreturnStmt>(Trig))
    return " by this 'co_return'";
  if (isa_and_nonnull<ReturnStmt>(Trig))
    return " by this 'return'";
  if (isa_and_nonnull<CXXThrowExpr>(Trig))
    return " when this 'throw' leaves its scope";
  if (isa_and_nonnull<BreakStmt>(Trig))
    return " by this 'break'";
  if (isa_and_nonnull<ContinueStmt>(Trig))
    return " by this 'continue'";
  if (isa_and_nonnull<GotoStmt>(Trig))
    return " by this 'goto'";
  return " at the end of its scope";
}

void VariableReporter::reportDeath(const Tracked &T, const Death &D) {
  Finding F;
  F.Check = CheckId::UnawaitedVariable;
  F.Loc = T.VD->getLocation();
  F.Range = T.VD->getSourceRange();
  F.Message = describe(T, false);
  addFix(F, T);
  std::string Name = "'" + T.VD->getNameAsString() + "'";
  if (D.BranchLoc.isValid() && D.Loc.isValid())
    F.Notes.push_back(
        {D.BranchLoc, Name + " is not awaited when " + D.Branch, {}});
  if (T.ReadAsValueAt.isValid() && !T.EverConsumed) {
    F.Notes.push_back({T.ReadAsValueAt,
                       Name + " is used here as if it were the awaited "
                              "result",
                       {}});
  }
  if (D.Loc.isValid()) {
    std::string Note = Name;
    Note += " is destroyed";
    Note += whereItDies(D.Trigger);
    Note += T.R == Role::Container ? " while holding tasks not awaited"
                                   : " without being awaited";
    F.Notes.push_back({D.Loc, std::move(Note), {}});
  }
  AC.report(std::move(F));
}

void VariableReporter::reportAll(const TrackedVars &Vars, const FlowResult &R) {
  for (auto &[V, St] : R.Overwrites) {
    const Tracked &T = Vars[V];
    Finding F;
    F.Check = CheckId::UnawaitedVariable;
    F.Loc = St->getBeginLoc();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St))
      F.Loc = Op->getOperatorLoc();
    F.Range = St->getSourceRange();
    F.Message = describe(T, /*Overwrite=*/true);
    F.Notes.push_back({T.VD->getLocation(),
                       "'" + T.VD->getNameAsString() + "' declared here",
                       {}});
    AC.report(std::move(F));
  }
  for (unsigned V = 0; V < Vars.size(); ++V)
    if (auto It = R.Deaths.find(V); It != R.Deaths.end())
      reportDeath(Vars[V], It->second);
}

} // namespace unawaited::flow
