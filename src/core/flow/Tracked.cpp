//===- Tracked.cpp - What the flow analysis tracks ------------------------===//
//
// The type rules (tasks, containers and aggregates of them, state objects,
// initialisers that hold no work) and the collection of one function's
// tracked variables and their aliases.
//
//===----------------------------------------------------------------------===//
#include "Tracked.h"
#include "../AstUtils.h"
#include "Consumption.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace unawaited::flow {

//===-- Types -------------------------------------------------------------===//

const TypeInfo *TaskTypes::taskInfo(QualType T) {
  const TypeInfo &I = AC.Classifier.classify(T);
  if (I.Kind == TaskKind::LazyTask || I.Kind == TaskKind::LazyAwaitable ||
      I.Kind == TaskKind::EagerTask)
    return &I;
  return nullptr;
}

std::pair<const TypeInfo *, QualType> TaskTypes::elementInfo(QualType T,
                                                             unsigned Depth) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !ownsElements(Spec))
    return aggregateInfo(T, Depth);
  llvm::SmallVector<QualType, 4> Elements;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    // std::tuple<Task<>, Task<int>> has one argument: a pack.
    llvm::ArrayRef<TemplateArgument> Args(Arg);
    if (Arg.getKind() == TemplateArgument::Pack)
      Args = Arg.pack_elements();
    for (const TemplateArgument &A : Args) {
      if (A.getKind() != TemplateArgument::Type)
        continue;
      if (const TypeInfo *I = taskInfo(A.getAsType()))
        return {I, A.getAsType()};
      Elements.push_back(A.getAsType());
    }
  }
  for (QualType E : Elements)
    if (auto Held = aggregateInfo(E, Depth + 1); Held.first)
      return Held;
  return {nullptr, {}};
}

/// A class with its own constructors manages its tasks itself
/// (coro-unawaited-member).
const CXXRecordDecl *TaskTypes::aggregateRecord(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  if (!RD->isAggregate() || RD->isLambda() || RD->isUnion() ||
      RD->isDependentContext())
    return nullptr;
  return RD;
}

/// The task an aggregate's fields hold: a field that is a task (not an
/// awaitable state object) or a container of tasks.
std::pair<const TypeInfo *, QualType> TaskTypes::aggregateInfo(QualType T,
                                                               unsigned Depth) {
  const CXXRecordDecl *RD = aggregateRecord(T);
  if (!RD || Depth > 2)
    return {nullptr, {}};
  // Memoised from the top only: a nested answer may be cut by Depth.
  if (auto It = AC.AggregateTasks.find(RD);
      Depth == 0 && It != AC.AggregateTasks.end())
    return It->second;
  std::pair<const TypeInfo *, QualType> Found = {nullptr, {}};
  for (const FieldDecl *F : RD->fields()) {
    QualType FT = F->getType();
    if (FT->isReferenceType() || FT->isDependentType())
      continue;
    if (const TypeInfo *I = taskInfo(FT);
        I && I->Kind != TaskKind::LazyAwaitable) {
      Found = {I, FT};
      break;
    }
    if (auto Held = elementInfo(FT, Depth + 1);
        Held.first && Held.first->Kind != TaskKind::LazyAwaitable) {
      Found = Held;
      break;
    }
  }
  if (Depth == 0)
    AC.AggregateTasks[RD] = Found;
  return Found;
}

bool TaskTypes::holdsTaskType(QualType T) {
  if (const TypeInfo *I = taskInfo(T))
    return I->Kind != TaskKind::LazyAwaitable;
  return elementInfo(T).first != nullptr;
}

/// Whether \p RD names a member type \p Name, itself or in a base.
static bool hasMemberType(const CXXRecordDecl *RD, llvm::StringRef Name,
                          unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  RD = RD->getDefinition();
  for (const NamedDecl *D : RD->lookup(&RD->getASTContext().Idents.get(Name)))
    if (isa<TypeDecl>(D))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (hasMemberType(B.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return true;
  return false;
}

/// A container (it has a value_type: vector, map, optional, array, queue)
/// or a tuple or pair. Not an iterator, a view or span, a smart pointer
/// (element_type: shared ownership or an indirection), a variant (it may
/// hold something else), reference_wrapper or initializer_list.
bool TaskTypes::ownsElements(const ClassTemplateSpecializationDecl *Spec) {
  if (Spec->isInStdNamespace()) {
    llvm::StringRef N = Spec->getName();
    if (N == "tuple" || N == "pair")
      return true;
    if (N == "initializer_list")
      return false;
  }
  return hasMemberType(Spec, "value_type") &&
         !hasMemberType(Spec, "element_type") &&
         !hasMemberType(Spec, "iterator_category") &&
         !hasMemberType(Spec, "iterator_concept");
}

bool TaskTypes::holdsTasks(const Expr *Init, Role R) {
  Init = ignoreTemporaries(Init);
  if (R == Role::Task) {
    if (AC.Classifier.isReadyPlaceholder(Init))
      return false; // `future<> f = make_ready_future<>();`
    if (const auto *C = dyn_cast<CXXConstructExpr>(Init))
      return C->getNumArgs() > 0 && !isa<CXXDefaultArgExpr>(C->getArg(0));
    return true;
  }
  if (const auto *IL = dyn_cast<InitListExpr>(Init))
    return initListHoldsTasks(IL);
  // Returned by a function (`auto jobs = make_jobs();`,
  // `std::make_tuple(f(), g())`): assume it holds tasks.
  if (isa<CallExpr>(Init))
    return true;
  if (const auto *C = dyn_cast<CXXConstructExpr>(Init)) {
    for (const Expr *A : C->arguments()) {
      // `std::vector<Task> v(n)` holds n empty tasks; its defaulted
      // allocator argument names the task type but holds none.
      if (isa<CXXDefaultArgExpr>(A))
        continue;
      const Expr *S = ignoreTemporaries(A);
      if (isa<CXXStdInitializerListExpr, InitListExpr>(S))
        return true;
      if (taskInfo(S->getType().getNonReferenceType()))
        return true;
      // Moved or copied from another container of tasks: it holds
      // whatever that one held.
      if (S->getType()->getAsCXXRecordDecl() &&
          elementInfo(S->getType().getNonReferenceType()).first)
        return true;
    }
  }
  return false;
}

/// `{f(), g()}`, `Listener{key, run()}`: some element is work. A field
/// left to its default (`{.name = "x"}`) holds none.
bool TaskTypes::initListHoldsTasks(const InitListExpr *IL, unsigned Depth) {
  for (const Expr *E : IL->inits()) {
    if (const auto *D = dyn_cast_or_null<CXXDefaultInitExpr>(E))
      E = D->getExpr(); // a default member initialiser
    E = E ? ignoreTemporaries(E) : nullptr;
    if (!E || isa<ImplicitValueInitExpr>(E))
      continue;
    if (const auto *Inner = dyn_cast<InitListExpr>(E)) {
      if (Depth < 4 && initListHoldsTasks(Inner, Depth + 1))
        return true;
      continue;
    }
    QualType T = E->getType().getNonReferenceType();
    if (taskInfo(T))
      return !isa<CXXConstructExpr>(E) ||
             cast<CXXConstructExpr>(E)->getNumArgs() > 0;
    if (T->getAsCXXRecordDecl() && elementInfo(T).first)
      return true;
  }
  return false;
}

/// `manual_reset_event ev{true};`, `async_mutex m;`: an event, lock, latch
/// or channel is a long-lived object that can be awaited, not an
/// operation. Operations come from calls (`auto op = m.lock_async();`), or
/// are copied or moved from them.
bool TaskTypes::isStateObject(const TypeInfo &Info, const Expr *Init) {
  if (Info.Kind != TaskKind::LazyAwaitable || Info.IsCoroutineType)
    return false;
  Init = Init ? ignoreTemporaries(Init) : nullptr;
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Init))
    Init = ignoreTemporaries(Cast->getSubExpr()); // T(args)
  if (!Init || isa<InitListExpr>(Init))
    return true;
  const auto *C = dyn_cast<CXXConstructExpr>(Init);
  if (!C)
    return false;
  return llvm::none_of(C->arguments(), [&](const Expr *A) {
    return taskInfo(ignoreTemporaries(A)->getType().getNonReferenceType());
  });
}

/// A lazy or eager task, or a container of them. Awaitables that are not
/// coroutine types are not: a member event, mutex or timer is a state
/// object (docs/types.md).
std::optional<TrackedType> TaskTypes::memberType(QualType T) {
  const TypeInfo &I = AC.Classifier.classify(T);
  if (I.Kind == TaskKind::LazyTask || I.Kind == TaskKind::EagerTask)
    return TrackedType{&I, false, T, isCopyableType(T)};
  auto [Elem, ElemType] = elementInfo(T);
  if (Elem &&
      (Elem->Kind == TaskKind::LazyTask || Elem->Kind == TaskKind::EagerTask))
    return TrackedType{Elem, true, ElemType, isCopyableType(ElemType)};
  return std::nullopt;
}

/// Not an empty or default task, a ready placeholder, the result of an
/// await, or what an ignored function returns.
bool TaskTypes::storesWork(const Expr *Value, const TrackedType &T) {
  if (!Value)
    return false;
  Value = ignoreTemporaries(Value);
  if (AC.Classifier.isAwaitResult(Value))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(Value))
    if (AC.Classifier.isIgnoredFunction(Call->getDirectCallee()))
      return false;
  if (!T.Container && AC.Classifier.isReadyPlaceholder(Value))
    return false;
  return holdsTasks(Value, T.Container ? Role::Container : Role::Task);
}

//===-- Variables ---------------------------------------------------------===//

/// `const auto& t = fetch();`: a reference that owns the temporary it
/// is bound to, which lives as long as the reference.
static bool ownsTemporary(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr();
  const auto *MTE = dyn_cast_or_null<MaterializeTemporaryExpr>(Init);
  return MTE && MTE->getExtendingDecl() == VD;
}

bool TrackedVars::initiallyLive(const VarDecl *VD, Role R) {
  if (isa<ParmVarDecl>(VD))
    return true;
  return VD->getInit() && Types.holdsTasks(VD->getInit(), R);
}

void TrackedVars::track(const VarDecl *VD) {
  if (!VD || VD->getType()->isDependentType() || Index.count(VD) ||
      (VD->getType()->isReferenceType() && !ownsTemporary(VD)))
    return;
  QualType TaskType = VD->getType().getNonReferenceType().getUnqualifiedType();
  if (!VD->getType()->isReferenceType())
    TaskType = VD->getType();
  const TypeInfo *Info = Types.taskInfo(TaskType);
  Role R = Role::Task;
  if (!Info) {
    std::tie(Info, TaskType) =
        Types.elementInfo(VD->getType().getNonReferenceType());
    R = Role::Container;
  }
  if (!Info)
    return;
  const Expr *Init = VD->getInit();
  // A value a co_await or a sync-wait produced is a finished result (the
  // completed tasks when_all hands back), not new work.
  if (Init && AC.Classifier.isAwaitResult(Init))
    return;
  if (R == Role::Task && !isa<ParmVarDecl>(VD) &&
      Types.isStateObject(*Info, Init))
    return;
  // [[maybe_unused]] is an explicit discard, like (void).
  if (VD->hasAttr<UnusedAttr>() &&
      (discardAcknowledged(*Info) || AC.Classifier.options().AllowCastToVoid))
    return;
  if (const auto *Call =
          Init ? dyn_cast<CallExpr>(ignoreTemporaries(Init)) : nullptr)
    if (AC.Classifier.isIgnoredFunction(Call->getDirectCallee()))
      return;
  Index[VD] = Vars.size();
  Vars.push_back({VD, R, Info, TaskType, initiallyLive(VD, R)});
  // A container of copyable tasks copies like them.
  Vars.back().Copyable = isCopyableType(TaskType);
  // (std::array is an aggregate too, but a container of its elements.)
  QualType VT = VD->getType().getNonReferenceType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      VT->getAsCXXRecordDecl());
  Vars.back().Aggregate = R == Role::Container &&
                          !(Spec && TaskTypes::ownsElements(Spec)) &&
                          TaskTypes::aggregateRecord(VT) != nullptr;
}

bool TrackedVars::trackParameter(const ParmVarDecl *P) {
  QualType T = P->getType().getNonReferenceType().getUnqualifiedType();
  const TypeInfo *Info = Types.taskInfo(T);
  Role R = Role::Task;
  if (!Info) {
    std::tie(Info, T) = Types.elementInfo(T);
    R = Role::Container;
  }
  if (!Info)
    return false;
  Index[P] = 0;
  Vars.push_back({P, R, Info, T, true});
  Vars.back().Copyable = isCopyableType(T);
  return true;
}

void TrackedVars::trackMember(const TrackedType &T) {
  Vars.push_back({nullptr, T.Container ? Role::Container : Role::Task, T.Info,
                  T.TaskType, true});
  Vars.back().Copyable = T.Copyable;
}

namespace {
/// The parameters a constructor's written member initialisers name.
struct InitRefs : RecursiveASTVisitor<InitRefs> {
  llvm::SmallPtrSet<const ParmVarDecl *, 4> Out;
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      Out.insert(P);
    return true;
  }
};

/// The local variables of the function's own body: a lambda's captures
/// are evaluated here, its body is a function of its own.
struct LocalFinder : RecursiveASTVisitor<LocalFinder> {
  TrackedVars *Vars;
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (Expr *Init : LE->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isLocalVarDecl() && VD->hasLocalStorage() &&
        !isa<DecompositionDecl>(VD))
      Vars->track(VD);
    return true;
  }
};
} // namespace

void TrackedVars::collect(const FunctionDecl *FD, const Stmt *Body) {
  // An unnamed parameter is a deliberate sink (a stub or an overload
  // that ignores it); it cannot be consumed.
  // A constructor handing a parameter to a member initialiser consumes
  // it before the body runs.
  InitRefs InitUses;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        InitUses.TraverseStmt(Init->getInit());
  for (const ParmVarDecl *P : FD->parameters())
    if (!P->getName().empty() && !InitUses.Out.count(P))
      track(P);
  LocalFinder Find;
  Find.Vars = this;
  Find.TraverseStmt(const_cast<Stmt *>(Body));
}

std::pair<const DeclRefExpr *, unsigned>
TrackedVars::sourceVar(const Expr *E, unsigned V) const {
  for (unsigned Depth = 0; E && Depth < 6; ++Depth) {
    E = ignoreTemporaries(E);
    // A copy or move, or a conversion from one task type to another
    // (`shared_result(result&&)`): the new object holds that task.
    if (const auto *C = dyn_cast<CXXConstructExpr>(E);
        C && C->getNumArgs() >= 1 &&
        llvm::all_of(llvm::drop_begin(C->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); })) {
      E = C->getArg(0);
    } else if (const auto *CE = dyn_cast<CallExpr>(E);
               CE && isStdMoveLike(CE)) {
      E = CE->getArg(0);
    } else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
               Cast && Cast->isXValue()) {
      E = Cast->getSubExpr();
    } else {
      break;
    }
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = VD ? Index.find(VD) : Index.end();
  if (It == Index.end() || Vars[It->second].R != Vars[V].R)
    return {nullptr, NoSource};
  return {DRE, It->second};
}

void TrackedVars::recordAlias(const VarDecl *VD) {
  if (!VD->getType()->isReferenceType() || Index.count(VD) || !VD->getInit())
    return;
  const Expr *E = VD->getInit();
  for (unsigned Depth = 0; E && Depth < 6; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getTypeAsWritten()->isReferenceType())
      E = Cast->getSubExpr();
    else if (const auto *CE = dyn_cast<CallExpr>(E); CE && isStdMoveLike(CE))
      E = CE->getArg(0);
    else
      break;
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Target = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = Target ? Index.find(Target) : Index.end();
  if (It != Index.end())
    Aliases[VD] = It->second;
  else if (auto A = Target ? Aliases.find(Target) : Aliases.end();
           A != Aliases.end())
    Aliases[VD] = A->second;
}

/// A shared (copyable) task reassigned from the variable it was copied
/// from, or that was copied from it, holds the same task as before.
bool TrackedVars::sharesState(unsigned V, unsigned Src) const {
  if (Src >= EmptySource || !Vars[V].Copyable)
    return false;
  auto From = [&](unsigned X) {
    const Expr *Init = Vars[X].VD->getInit();
    return Init ? sourceVar(Init, X).second : NoSource;
  };
  return From(V) == Src || From(Src) == V;
}

} // namespace unawaited::flow
