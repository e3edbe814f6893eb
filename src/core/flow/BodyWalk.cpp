//===- BodyWalk.cpp - One walk of the body that attaches steps ------------===//
//
// The visitor keeps the statements from the body down to the current one,
// which costs nothing, where a ParentMap costs a hash table as large as the
// function and a cache miss per lookup in large ones. Backward gotos get
// their steps after the walk, when every label is known.
//
//===----------------------------------------------------------------------===//
#include "BodyWalk.h"
#include "../FutureState.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace unawaited::flow {
namespace {

/// A call or construction declared not to throw (`noexcept`, builtins,
/// trivial constructors): it cannot reach a handler.
bool cannotThrow(const Expr *E) {
  const FunctionDecl *Callee = nullptr;
  QualType FnType;
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Callee = CE->getDirectCallee();
    if (Callee && Callee->getBuiltinID())
      return true;
    if (!Callee) {
      FnType = CE->getCallee()->getType();
      if (const auto *PT = FnType->getAs<PointerType>())
        FnType = PT->getPointeeType();
      else if (const auto *MPT = FnType->getAs<MemberPointerType>())
        FnType = MPT->getPointeeType();
    }
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && Ctor->isTrivial())
      return true;
    Callee = Ctor;
  } else {
    return false; // co_await: await_resume may rethrow the task's exception
  }
  if (Callee)
    FnType = Callee->getType();
  const auto *Proto =
      FnType.isNull() ? nullptr : FnType->getAs<FunctionProtoType>();
  return Proto && !isUnresolvedExceptionSpec(Proto->getExceptionSpecType()) &&
         Proto->isNothrow();
}

class Walk : public RecursiveASTVisitor<Walk> {
  using Base = RecursiveASTVisitor<Walk>;

public:
  Walk(AnalysisContext &AC, const FunctionDecl *FD, TrackedVars &Vars,
       BodyFacts &Body, UseClassifier &Uses, const MemberMode *Member)
      : AC(AC), FD(FD), Vars(Vars), Body(Body), Uses(Uses), Member(Member) {}

  // Without a data-recursion queue, so that children are traversed
  // inside this call and Ancestors stays exact.
  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    Ancestors.push_back(S);
    bool Result = Base::TraverseStmt(S);
    Ancestors.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (Expr *Init : LE->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    // A member used in a lambda is the same object: the lambda's call
    // operator is summarised as a function of its own.
    if (Member)
      return true;
    const LambdaExpr *Saved = InLambda;
    if (!InLambda)
      InLambda = LE;
    TraverseStmt(LE->getBody());
    InLambda = Saved;
    return true;
  }
  bool TraverseCXXCatchStmt(CXXCatchStmt *S) {
    ++CatchDepth;
    bool Result = Base::TraverseCXXCatchStmt(S);
    --CatchDepth;
    return Result;
  }
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    ++TryDepth;
    bool Result = Base::TraverseCXXTryStmt(S);
    --TryDepth;
    return Result;
  }
  bool VisitMemberExpr(MemberExpr *ME);
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    const unsigned *V = VD ? Vars.lookup(VD) : nullptr;
    if (!V)
      return true;
    if (InLambda) // captured: the lambda may await it
      Uses.add(InLambda, EventKind::Consume, *V);
    else
      Uses.classify(DRE, *V, Ancestors);
    return true;
  }
  bool VisitDeclStmt(DeclStmt *DS);
  bool VisitLabelStmt(LabelStmt *L) {
    if (!InLambda)
      Body.Labels[L].assign(Ancestors.begin(), Ancestors.end());
    return true;
  }
  bool VisitGotoStmt(GotoStmt *G) {
    if (!InLambda)
      Body.Gotos.push_back({G, {Ancestors.begin(), Ancestors.end()}});
    return true;
  }
  bool VisitCXXThrowExpr(CXXThrowExpr *T) {
    if (!InLambda) {
      Body.Facts[T].Ops.push_back({Op::Throw, 0, nullptr, T});
      Body.ThrowChains[T].assign(Ancestors.begin(), Ancestors.end());
    }
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC);
  bool VisitExpr(Expr *E);

private:
  std::optional<std::pair<const Expr *, bool>>
  assertedCondition(const CXXMemberCallExpr *MC);

  AnalysisContext &AC;
  const FunctionDecl *FD;
  TrackedVars &Vars;
  BodyFacts &Body;
  UseClassifier &Uses;
  const MemberMode *Member;
  /// The statements from the body down to the current one.
  llvm::SmallVector<const Stmt *, 32> Ancestors;
  const LambdaExpr *InLambda = nullptr;
  unsigned CatchDepth = 0, TryDepth = 0;
};

bool Walk::VisitMemberExpr(MemberExpr *ME) {
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Member || !Field || patternField(Field) != Member->Field)
    return true;
  unsigned Events = Uses.EventCount;
  size_t Stores = Member->Stores->size();
  Uses.classify(ME, 0, Ancestors);
  // In a template's pattern the uses of a dependent member are
  // unresolved: whatever they do may consume it.
  if (FD && FD->isDependentContext() && Uses.EventCount == Events &&
      Member->Stores->size() == Stores)
    Uses.add(ME, EventKind::Consume, 0);
  return true;
}

/// For every local variable: the statement whose scope declares it (the
/// parent of its DeclStmt). The CFG names a scope by its first variable;
/// all tracked variables of that statement end with it.
bool Walk::VisitDeclStmt(DeclStmt *DS) {
  if (InLambda)
    return true;
  // A label or case in front of the declaration does not open a
  // scope: the variable belongs to the enclosing block.
  size_t At = Ancestors.size() - 1;
  while (At > 0 &&
         isa<LabelStmt, SwitchCase, AttributedStmt>(Ancestors[At - 1]))
    --At;
  const Stmt *Scope = At > 0 ? Ancestors[At - 1] : nullptr;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    Vars.recordAlias(VD);
    Body.ScopeOf[VD] = Scope;
    auto It = Vars.Index.find(VD);
    if (It == Vars.Index.end())
      continue;
    unsigned V = It->second;
    Body.ScopeMasks[Scope].set(V);
    Vars[V].InCatch = CatchDepth > 0;
    Vars[V].SharesDeclaration = !DS->isSingleDecl();
    // `T a(std::move(b));` holds what b held: the step sits on b's
    // reference, before b's own step hands b on.
    if (auto [SrcRef, Src] = Vars.sourceVar(VD->getInit(), V); SrcRef)
      Body.Facts[SrcRef].Ops.push_back({Op::Set, V, nullptr, DS, Src});
    else
      Body.Facts[DS].Ops.push_back(
          {Vars[V].InitiallyLive ? Op::Set : Op::Reset, V});
  }
  return true;
}

/// Up from the state test \p MC through parentheses, casts and `!` to the
/// asserted condition, which must be all of the macro's argument: in
/// `f.failed() || x` the parent operator is written there too. The
/// condition and whether it is MC's value (not its negation).
std::optional<std::pair<const Expr *, bool>>
Walk::assertedCondition(const CXXMemberCallExpr *MC) {
  bool Value = true;
  const Expr *Cond = MC;
  size_t I = Ancestors.size() - 1;
  const SourceManager &SM = AC.SM;
  FileID UserFile = SM.getFileID(SM.getSpellingLoc(MC->getBeginLoc()));
  bool MacroParens = false;
  for (; I > 0; --I) {
    const Stmt *P = Ancestors[I - 1];
    // The macro's own parentheses around its argument (Boost.Test's
    // BOOST_REQUIRE(P) passes `(P)` on to its implementation) end the
    // user's condition: they are spelled in the macro's header.
    if (isa<ParenExpr>(P) &&
        SM.getFileID(SM.getSpellingLoc(P->getBeginLoc())) != UserFile) {
      MacroParens = true;
      break;
    }
    if (isa<ParenExpr, ImplicitCastExpr>(P)) {
      Cond = cast<Expr>(P);
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(P);
        UO && UO->getOpcode() == UO_LNot) {
      Value = !Value;
      Cond = UO;
      continue;
    }
    break;
  }
  if (!MacroParens && I > 0 &&
      SM.isMacroArgExpansion(Ancestors[I - 1]->getBeginLoc()))
    return std::nullopt;
  return std::make_pair(Cond, Value);
}

/// `f.failed()` on a future with no value: its state is tracked; as the
/// whole condition of an assertion, it settles a fact.
bool Walk::VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
  if (InLambda)
    return true;
  std::optional<StateTest> Test = AC.Classifier.stateTest(MC);
  std::optional<unsigned> V =
      Test ? Vars.trackedRef(MC->getImplicitObjectArgument()) : std::nullopt;
  if (!V || Vars[*V].R != Role::Task || !holdsNoValue(Vars[*V].VD->getType()))
    return true;
  Vars[*V].StateTested = Body.AnyStateTested = true;
  std::optional<std::pair<const Expr *, bool>> Cond = assertedCondition(MC);
  if (!Cond)
    return true;
  std::optional<bool> Asserted = AC.assertedValue(Cond->first);
  if (!Asserted)
    return true;
  if (std::optional<StateFact> Fact = factOf(*Test, *Asserted == Cond->second))
    Body.Facts[MC].Ops.push_back(
        {Op::Settle, *V, nullptr, MC, static_cast<unsigned>(*Fact)});
  return true;
}

/// A call inside a try block may jump to the try's handlers.
bool Walk::VisitExpr(Expr *E) {
  if (!TryDepth || InLambda ||
      !isa<CallExpr, CXXConstructExpr, CoawaitExpr>(E) || cannotThrow(E))
    return true;
  for (size_t I = Ancestors.size() - 1; I > 0; --I) {
    if (const auto *Try = dyn_cast<CXXTryStmt>(Ancestors[I - 1]);
        Try && Ancestors[I] == Try->getTryBlock()) {
      // A try the user did not write, but a test framework's assertion
      // macro did (`CHECK(co_await t == 1)`): its handler records a failed
      // test, and a task left behind on that path is not the code's bug.
      if (!Try->getTryLoc().isMacroID())
        Body.Facts[E].Try = Try;
      break;
    }
  }
  return true;
}

/// `retry: auto t = f(); if (bad) goto retry;`: the goto ends t's
/// lifetime without leaving its scope. Clang's CFG marks only the end of
/// whole scopes (by their first variable), so such a jump gets a step of
/// its own for each variable declared between the label and the goto.
void backwardGotos(AnalysisContext &AC, const TrackedVars &Vars,
                   BodyFacts &Body) {
  for (auto &[G, Chain] : Body.Gotos) {
    auto Label = Body.Labels.find(G->getLabel()->getStmt());
    if (Label == Body.Labels.end())
      continue;
    llvm::SmallPtrSet<const Stmt *, 8> LabelScopes(Label->second.begin(),
                                                   Label->second.end());
    SourceLocation LabelAt = G->getLabel()->getStmt()->getBeginLoc();
    for (const Stmt *S : Chain) {
      auto Mask = Body.ScopeMasks.find(S);
      if (Mask == Body.ScopeMasks.end() || !LabelScopes.count(S))
        continue; // the jump leaves S: the CFG ends it
      for (unsigned V : Mask->second)
        if (AC.SM.isBeforeInTranslationUnit(LabelAt, Vars[V].VD->getBeginLoc()))
          Body.Facts[G].Ops.push_back({Op::Kill, V, nullptr, G});
    }
  }
}

} // namespace

void walkBody(AnalysisContext &AC, const FunctionDecl *FD, const Stmt *Root,
              TrackedVars &Vars, BodyFacts &Body, UseClassifier &Uses,
              const MemberMode *Member) {
  Walk W(AC, FD, Vars, Body, Uses, Member);
  W.TraverseStmt(const_cast<Stmt *>(Root));
  if (!Member)
    backwardGotos(AC, Vars, Body);
}

} // namespace unawaited::flow
