//===- Uses.cpp - Classifying each use of a tracked variable --------------===//
//
// Walks up from a reference through what only passes the value along
// (parentheses, temporaries, std::move, an arm of `?:`), then asks the
// consumption rules what the first real parent does with it.
//
//===----------------------------------------------------------------------===//
#include "Uses.h"
#include "../AstUtils.h"
#include "Consumption.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace unawaited::flow {

void UseClassifier::add(const Stmt *At, EventKind K, unsigned V) {
  ++EventCount;
  if (Member && K != EventKind::Consume) {
    Member->Stores->push_back(At); // assigned or added to
    return;
  }
  Op::Kind OK = K == EventKind::Gen       ? Op::Set
                : K == EventKind::Consume ? Op::Reset
                                          : Op::Overwrite;
  Body.Facts[At].Ops.push_back({OK, V, nullptr, At});
  if (K == EventKind::Consume) {
    Vars[V].EverConsumed = true;
    Vars[V].ConsumedAt.push_back(At->getBeginLoc());
  }
}

/// A copy of a copyable task shares it, so even a `const&` parameter may
/// keep it.
bool UseClassifier::consumes(QualType P, unsigned V) const {
  if (consumingParam(P))
    return true;
  return Vars[V].Copyable && P->isLValueReferenceType();
}

/// Up through what passes the value along; returns the parent that
/// decides, or null.
const Stmt *UseClassifier::climb(Use &U) {
  const Stmt *P = U.parentOf(U.I);
  auto Up = [&] {
    U.Child = P;
    P = U.parentOf(--U.I);
  };
  while (P) {
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            OpaqueValueExpr, ConstantExpr, ExprWithCleanups>(P) ||
        (isa<ImplicitCastExpr>(P) && cast<ImplicitCastExpr>(P)->getCastKind() !=
                                         CK_UserDefinedConversion)) {
      Up();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(P); CE && isStdMoveLike(CE)) {
      Up();
      continue;
    }
    // A cast to an rvalue (`static_cast<T&&>(t)`, `(T&&)t`, a FWD macro)
    // is a std::move written out.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
        Cast && Cast->isXValue()) {
      Up();
      continue;
    }
    // An arm of `c ? std::move(a) : std::move(b)` or the value of a
    // comma goes where the whole expression goes; the CFG has the arm on
    // its own branch.
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P);
        CO && CO->getCond() != U.Child) {
      Up();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Comma && BO->getRHS() == U.Child) {
      Up();
      continue;
    }
    break;
  }
  return P;
}

/// `m = value` in a template's pattern: a dependent assignment to the
/// member being summarised. Returns whether \p P was one.
bool UseClassifier::memberStore(const Stmt *P, const Use &U) {
  const auto *BO = dyn_cast<BinaryOperator>(P);
  if (!BO || BO->getOpcode() != BO_Assign || BO->getLHS() != U.Child)
    return false;
  if (Vars.Types.storesWork(BO->getRHS(), *Member->Type))
    add(BO, EventKind::Overwrite, U.V);
  return true;
}

void UseClassifier::classify(const Expr *DRE, unsigned V,
                             llvm::ArrayRef<const Stmt *> Ancestors,
                             const Expr *Anchor) {
  Use U{Anchor ? Anchor : DRE, DRE, Ancestors.size() - 1, V, Ancestors};
  const Stmt *P = climb(U);
  if (!P)
    return;
  if (Member && memberStore(P, U))
    return;
  if (!isDeducedArgument(U.Child, P))
    Vars[V].FixBlocked = true;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
      Cast && Cast->getType()->isVoidType()) {
    // `(void)f;` acknowledges an eager task; a lazy one still never runs,
    // and one whose destructor cancels the work is still cancelled.
    if (discardAcknowledged(*Vars[V].Info))
      add(U.At, EventKind::Consume, V);
    return;
  }
  if (isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr, ReturnStmt,
          CoreturnStmt, InitListExpr, DesignatedInitExpr, CXXParenListInitExpr,
          CXXForRangeStmt>(P))
    return add(U.At, EventKind::Consume, V);
  if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
    if (UO->getOpcode() == UO_AddrOf)
      add(U.At, EventKind::Consume, V); // escapes: be conservative
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(P))
    return memberExprUse(ME, U);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    return operatorUse(Op, U);
  if (const auto *CE = dyn_cast<CallExpr>(P))
    return callUse(CE, U);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (CE->getArg(I) == U.Child &&
          consumes(paramType(CE->getConstructor(), I), V))
        add(U.At, EventKind::Consume, V);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(P))
    return declUse(DS, U);
}

/// `t.member`: a call of a member function, or a field.
void UseClassifier::memberExprUse(const MemberExpr *ME, const Use &U) {
  unsigned V = U.V;
  const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  if (!M) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (Field && Vars[V].Aggregate)
      return aggregateFieldUse(Field, ME, V, U.Ancestors.take_front(U.I), U.At);
    // Reaching into the task's data (its coroutine handle): this is the
    // library's own code driving the task, e.g. a sync_wait.
    if (Field)
      add(U.At, EventKind::Consume, V);
    return;
  }
  Vars[V].FixBlocked = true;
  const Stmt *Call = U.parentOf(U.I - 1); // ME is Ancestors[I - 1]
  if (!isa_and_nonnull<CXXMemberCallExpr>(Call))
    Call = ME;
  memberUse(M, Call, U.At, V);
}

void UseClassifier::operatorUse(const CXXOperatorCallExpr *Op, const Use &U) {
  unsigned V = U.V;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
  if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(1) == U.Child && isStdIgnore(Op->getArg(0))) {
    if (discardAcknowledged(*Vars[V].Info))
      add(U.At, EventKind::Consume, V); // the acknowledged-discard idiom
    return;
  }
  if (M && Op->getNumArgs() > 0 &&
      Op->getArg(0)->IgnoreImplicit() ==
          cast<Expr>(U.Child)->IgnoreImplicit()) {
    if (Op->getOperator() == OO_Equal)
      return assignUse(Op, U);
    Vars[V].FixBlocked = true;
    return memberUse(M, Op, U.At, V);
  }
  unsigned Offset = M ? 1 : 0;
  for (unsigned I = Offset; I < Op->getNumArgs(); ++I) {
    if (Op->getArg(I) != U.Child)
      continue;
    if (consumes(paramType(Op->getDirectCallee(), I - Offset), V))
      add(U.At, EventKind::Consume, V);
    else if ((Op->getOperator() == OO_LessLess && I == 1) ||
             isDeducedArgument(U.Child, Op))
      readAsValue(U.At, V); // `os << status`
  }
}

/// `t = value`: an overwrite, or `a = std::move(b)`.
void UseClassifier::assignUse(const CXXOperatorCallExpr *Op, const Use &U) {
  unsigned V = U.V;
  Vars[V].FixBlocked = true;
  if (Member) {
    if (Op->getNumArgs() == 2 &&
        Vars.Types.storesWork(Op->getArg(1), *Member->Type))
      add(Op, EventKind::Overwrite, V);
    return;
  }
  // `a = std::move(b)`: a takes what b holds. The step sits on b's
  // reference, before b's own step hands b on.
  if (Op->getNumArgs() == 2) {
    if (auto [SrcRef, Src] = Vars.sourceVar(Op->getArg(1), V); SrcRef) {
      Body.Facts[SrcRef].Ops.push_back({Op::Overwrite, V, nullptr, Op, Src});
      return;
    }
    if (AC.Classifier.isReadyPlaceholder(Op->getArg(1))) {
      Body.Facts[Op].Ops.push_back(
          {Op::Overwrite, V, nullptr, Op, EmptySource});
      return;
    }
  }
  add(Op, EventKind::Overwrite, V);
}

void UseClassifier::callUse(const CallExpr *CE, const Use &U) {
  unsigned V = U.V;
  const FunctionDecl *Callee = CE->getDirectCallee();
  const FunctionProtoType *Proto = nullptr;
  if (!Callee) {
    if (QualType T = CE->getCallee()->getType(); !T.isNull()) {
      if (const auto *PT = T->getAs<PointerType>())
        T = PT->getPointeeType();
      Proto = T->getAs<FunctionProtoType>();
    }
  }
  for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
    if (CE->getArg(I) != U.Child)
      continue;
    QualType PT = Callee ? paramType(Callee, I)
                  : (Proto && I < Proto->getNumParams())
                      ? Proto->getParamType(I)
                      : QualType();
    if (!consumes(PT, V)) {
      if (isDeducedArgument(U.Child, CE))
        readAsValue(U.At, V); // `log("status", status)`
    } else if (!Callee || handsOnParameter(AC, Callee, I)) {
      add(U.At, EventKind::Consume, V);
    }
  }
}

/// `T &r = t;`: a non-const reference may hand it on. An alias
/// (TrackedVars::recordAlias) is followed through its own uses.
void UseClassifier::declUse(const DeclStmt *DS, const Use &U) {
  for (const Decl *D : DS->decls()) {
    if (const auto *Ref = dyn_cast<VarDecl>(D);
        Ref && Ref->getInit() == U.Child && Ref->getType()->isReferenceType() &&
        !Vars.Aliases.count(Ref))
      if (!Ref->getType()->getPointeeType().isConstQualified() ||
          Ref->getType()->isRValueReferenceType())
        add(U.At, EventKind::Consume, U.V);
  }
}

/// `l.name`, `l.run = f()`, `co_await std::move(l.run)` on a tracked
/// aggregate \p V: another field is a read; assigning work to a task
/// field gives it a task; any other use of a task field is a use of the
/// task, classified as such. \p Ancestors ends with \p ME.
void UseClassifier::aggregateFieldUse(const FieldDecl *Field,
                                      const MemberExpr *ME, unsigned V,
                                      llvm::ArrayRef<const Stmt *> Ancestors,
                                      const Expr *At) {
  QualType FT = Field->getType();
  if (!Vars.Types.holdsTaskType(FT))
    return;
  const Stmt *Up =
      Ancestors.size() > 1 ? Ancestors[Ancestors.size() - 2] : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Up);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(0)->IgnoreImplicit() == ME) {
    Role FieldRole = Vars.Types.taskInfo(FT) ? Role::Task : Role::Container;
    if (Vars.Types.holdsTasks(Op->getArg(1), FieldRole))
      add(Op, EventKind::Gen, V);
    return;
  }
  classify(ME, V, Ancestors, At);
}

void UseClassifier::readAsValue(const Stmt *At, unsigned V) {
  // `template <class T> void f(T t) { log(t); }` forwards whatever it is
  // given: a generic helper, not a reader mistaking the task for a value.
  if (Vars[V].VD && Vars[V]
                        .VD->getType()
                        .getNonReferenceType()
                        ->getAs<SubstTemplateTypeParmType>())
    return;
  if (Vars[V].R == Role::Task && Vars[V].ReadAsValueAt.isInvalid())
    Vars[V].ReadAsValueAt = At->getBeginLoc();
}

void UseClassifier::memberUse(const CXXMethodDecl *M, const Stmt *Call,
                              const Expr *DRE, unsigned V) {
  // ConsumingMethods (and the profiles' lists) name members that hand the
  // task on even when they are const.
  if (Vars[V].R == Role::Task) {
    if (memberActsOnTask(AC.Classifier, M))
      add(DRE, EventKind::Consume, V);
    return; // else a read: .done(), .is_ready()
  }
  if (M->isConst() && M->getRefQualifier() != RQ_RValue)
    return; // a read: .size()
  llvm::StringRef Name =
      M->getDeclName().isIdentifier() ? M->getName() : llvm::StringRef();
  if (isAddMethod(Name)) {
    // After the arguments are evaluated: at the call, which the CFG
    // has as an element (a bare member expression it has not).
    if (Name != "reserve" && Name != "shrink_to_fit")
      add(isa<CallExpr>(Call) ? Call : DRE, EventKind::Gen, V);
    return;
  }
  // &&-qualified or any other non-const member: it acts on the container,
  // so count it as consumed.
  add(DRE, EventKind::Consume, V);
}

} // namespace unawaited::flow
