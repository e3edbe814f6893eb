//===- UnawaitedVariable.cpp - Stored tasks that die unconsumed -----------===//
//
// 1. Find the tracked variables: locals and by-value parameters holding a
//    task (lazy, eager or an awaitable), and local containers of tasks.
//    Functions without any get no CFG at all.
// 2. Classify every use of them in one walk of the body that keeps the
//    ancestors at hand: consume (co_await, move into a call, non-const
//    member, ...), add to a container, overwrite by assignment, or just
//    read. The same walk records declaration scopes, throws and the calls
//    inside try blocks.
// 3. Compile the CFG into flat per-block arrays of steps, run the dataflow
//    over them; then run the blocks once more with the converged states and
//    report a variable still set where its lifetime ends.
//
//===----------------------------------------------------------------------===//
#include "UnawaitedVariable.h"
#include "AstUtils.h"
#include "DiscardedTask.h"
#include "FutureState.h"
#include "HandOff.h"
#include "LoopBounds.h"
#include "MemberUses.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SparseBitVector.h"

using namespace clang;

namespace unawaited {
namespace {

enum class Role : uint8_t { Task, Container };

struct Tracked {
  const VarDecl *VD;
  Role R;
  const TypeInfo *Info; ///< of the task (the element type for containers)
  QualType TaskType;
  bool InitiallyLive;
  bool EverConsumed = false;
  /// A use that needs the task type (a member call, a typed parameter, an
  /// assignment): turning the variable into the awaited value would break it.
  bool FixBlocked = false;
  /// Declared inside a catch handler, where co_await is not allowed.
  bool InCatch = false;
  /// Where uses consume it (to tell whether a loop body hands it on).
  llvm::SmallVector<SourceLocation, 2> ConsumedAt = {};
  /// A copyable task (cppcoro's shared_task), or a container of them: a
  /// copy shares the task, so handing out a copy hands it on.
  bool Copyable = false;
  /// Declared with others (`auto a = f(), b = g();`): awaiting one
  /// initialiser would give the declarators different deduced types.
  bool SharesDeclaration = false;
  /// A future with no value type whose state the profile can test: once
  /// known ready and not failed, it holds nothing (FutureState.h).
  bool StateTested = false;
  /// The first read that treats the task as the value it will produce: an
  /// argument to a deduced parameter (a generic logger, a formatter) or the
  /// operand of `<<`. The likely mistake is a missing co_await.
  SourceLocation ReadAsValueAt = {};
  /// A struct holding tasks in its fields: a use of another field is a
  /// read, and assigning a task to a field gives it one.
  bool Aggregate = false;
};

enum class EventKind : uint8_t { Gen, Consume, Overwrite };
using LiveSet = llvm::SparseBitVector<>;

struct Death {
  SourceLocation Loc;
  const Stmt *Trigger = nullptr;
  unsigned Block = 0; ///< the CFG block it dies in
  bool AtExit = false; ///< a parameter, on the block's edge to the exit
  /// Where a branch sends the task down this path ("when the 'if'
  /// condition is false"), if the path needs naming.
  SourceLocation BranchLoc;
  std::string Branch;
};

static bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreImplicit());
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return VD && VD->getName() == "ignore" && VD->isInStdNamespace();
}

static bool isAddMethod(llvm::StringRef N) {
  return N == "push_back" || N == "emplace_back" || N == "push_front" ||
         N == "emplace_front" || N == "insert" || N == "emplace" ||
         N == "push" || N == "emplace_hint" || N == "try_emplace" ||
         N == "insert_or_assign" || N == "reserve" || N == "shrink_to_fit";
}

/// A call or construction declared not to throw (`noexcept`, builtins,
/// trivial constructors): it cannot reach a handler.
static bool cannotThrow(const Expr *E) {
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

class FunctionFlow {
public:
  FunctionFlow(AnalysisContext &AC, const FunctionDecl *FD)
      : AC(AC), FD(FD), Body(FD ? FD->getBody() : nullptr) {}

  /// How a member of type \p T is tracked: a lazy or eager task, or a
  /// container of them. Awaitables that are not coroutine types are not:
  /// a member event, mutex or timer is a state object (docs/types.md).
  std::optional<TrackedType> memberType(QualType T) {
    const TypeInfo &I = AC.Classifier.classify(T);
    if (I.Kind == TaskKind::LazyTask || I.Kind == TaskKind::EagerTask)
      return TrackedType{&I, false, T, isCopyableType(T)};
    auto [Elem, ElemType] = elementInfo(T);
    if (Elem &&
        (Elem->Kind == TaskKind::LazyTask || Elem->Kind == TaskKind::EagerTask))
      return TrackedType{Elem, true, ElemType, isCopyableType(ElemType)};
    return std::nullopt;
  }

  /// Whether storing \p Value in something tracked as \p T gives it work
  /// to await: not an empty or default task, a ready placeholder, the
  /// result of an await, or what an ignored function returns.
  bool storesWork(const Expr *Value, const TrackedType &T) {
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

  /// The member summary (MemberUses.h): every use of \p Key in the body,
  /// and in a constructor's initialisers, classified by the rules of a
  /// variable's uses.
  MemberUseSummary usesOfMember(const FieldDecl *Key, const TrackedType &T) {
    MemberUseSummary Out;
    Vars.push_back({nullptr, T.Container ? Role::Container : Role::Task, T.Info,
                    T.TaskType, true});
    Vars.back().Copyable = T.Copyable;
    Member = &T;
    TrackedField = Key;
    MemberStores = &Out.Stores;
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getInit())
          collectEvents(Init->getInit());
    if (Body) {
      const auto *CB = dyn_cast<CoroutineBodyStmt>(Body);
      collectEvents(CB ? CB->getBody() : Body);
    }
    Out.Consumed = Vars[0].EverConsumed;
    return Out;
  }

  /// The hand-off summary of \p P (HandOff.h): whether some use of it in
  /// the body consumes it, by the same rules as a variable's uses.
  bool consumesParameter(const ParmVarDecl *P) {
    QualType T = P->getType().getNonReferenceType().getUnqualifiedType();
    const TypeInfo *Info = taskInfo(T);
    Role R = Role::Task;
    if (!Info) {
      std::tie(Info, T) = elementInfo(T);
      R = Role::Container;
    }
    if (!Info || !Body)
      return true;
    const auto *CB = dyn_cast<CoroutineBodyStmt>(Body);
    UserBody = CB ? CB->getBody() : Body;
    Index[P] = 0;
    Vars.push_back({P, R, Info, T, true});
    Vars.back().Copyable = isCopyableType(T);
    collectEvents();
    return Vars[0].EverConsumed;
  }

  void run() {
    if (!Body)
      return;
    collectVariables();
    if (Vars.empty())
      return; // the common case: no CFG is built
    if (const auto *CB = dyn_cast<CoroutineBodyStmt>(Body))
      Scope = makeFunctionScope(FD), UserBody = CB->getBody();
    else
      Scope = makeFunctionScope(FD), UserBody = Body;
    // A lambda then_wrapped calls is handed the finished future.
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
        M && AC.ReadyFutureCallables.count(M->getParent()))
      for (const ParmVarDecl *P : FD->parameters())
        if (Index.count(P))
          ReadyParameters.insert(P);
    collectEvents();
    CFG::BuildOptions BO = flowCFGOptions();
    std::unique_ptr<CFG> G = CFG::buildCFG(FD, Body, &AC.Ctx, BO);
    if (!G)
      return;
    solve(*G);
  }

private:
  //===-- 1. Variables ----------------------------------------------------===//

  const TypeInfo *taskInfo(QualType T) {
    const TypeInfo &I = AC.Classifier.classify(T);
    if (I.Kind == TaskKind::LazyTask || I.Kind == TaskKind::LazyAwaitable ||
        I.Kind == TaskKind::EagerTask)
      return &I;
    return nullptr;
  }

  /// A container's task element type: a template argument that is a task,
  /// or an aggregate holding one (`std::unordered_map<Key, Listener>`); or,
  /// for an aggregate itself, the task its fields hold.
  std::pair<const TypeInfo *, QualType> elementInfo(QualType T,
                                                    unsigned Depth = 0) {
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

  /// Whether \p T is a struct that holds tasks in its fields (an aggregate:
  /// no constructors, no private members). A class with its own
  /// constructors manages its tasks itself (coro-unawaited-member).
  static const CXXRecordDecl *aggregateRecord(QualType T) {
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
  std::pair<const TypeInfo *, QualType> aggregateInfo(QualType T,
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

  /// Whether a field of type \p T holds tasks.
  bool holdsTaskType(QualType T) {
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

  /// A class template that owns the tasks it is instantiated with: a
  /// container (it has a value_type: vector, map, optional, array, queue)
  /// or a tuple or pair. Not an iterator, a view or span, a smart pointer
  /// (element_type: shared ownership or an indirection), a variant (it may
  /// hold something else), reference_wrapper or initializer_list.
  static bool ownsElements(const ClassTemplateSpecializationDecl *Spec) {
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

  bool initiallyLive(const VarDecl *VD, Role R) {
    if (isa<ParmVarDecl>(VD))
      return true;
    return VD->getInit() && holdsTasks(VD->getInit(), R);
  }

  /// Whether a variable or member initialised (or assigned) with \p Init
  /// holds tasks to await.
  bool holdsTasks(const Expr *Init, Role R) {
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
  bool initListHoldsTasks(const InitListExpr *IL, unsigned Depth = 0) {
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

  /// An awaitable that is not a coroutine type, built by its own
  /// constructor (`manual_reset_event ev{true};`, `async_mutex m;`): an
  /// event, lock, latch or channel is a long-lived object that can be
  /// awaited, not an operation. Operations come from calls
  /// (`auto op = m.lock_async();`), or are copied or moved from them.
  bool isStateObject(const TypeInfo &Info, const Expr *Init) {
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

  /// `const auto& t = fetch();`: a reference that owns the temporary it
  /// is bound to, which lives as long as the reference.
  static bool ownsTemporary(const VarDecl *VD) {
    const Expr *Init = VD->getInit();
    if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(Init))
      Init = EWC->getSubExpr();
    const auto *MTE = dyn_cast_or_null<MaterializeTemporaryExpr>(Init);
    return MTE && MTE->getExtendingDecl() == VD;
  }

  void track(const VarDecl *VD) {
    if (!VD || VD->getType()->isDependentType() || Index.count(VD) ||
        (VD->getType()->isReferenceType() && !ownsTemporary(VD)))
      return;
    QualType TaskType =
        VD->getType().getNonReferenceType().getUnqualifiedType();
    if (!VD->getType()->isReferenceType())
      TaskType = VD->getType();
    const TypeInfo *Info = taskInfo(TaskType);
    Role R = Role::Task;
    if (!Info) {
      std::tie(Info, TaskType) =
          elementInfo(VD->getType().getNonReferenceType());
      R = Role::Container;
    }
    if (!Info)
      return;
    const Expr *Init = VD->getInit();
    // A value a co_await or a sync-wait produced is a finished result (the
    // completed tasks when_all hands back), not new work.
    if (Init && AC.Classifier.isAwaitResult(Init))
      return;
    if (R == Role::Task && !isa<ParmVarDecl>(VD) && isStateObject(*Info, Init))
      return;
    // [[maybe_unused]] is an explicit discard, like (void).
    if (VD->hasAttr<UnusedAttr>() &&
        ((Info->Kind == TaskKind::EagerTask && !Info->CancelsOnDestroy) ||
         AC.Classifier.options().AllowCastToVoid))
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
                            !(Spec && ownsElements(Spec)) &&
                            aggregateRecord(VT) != nullptr;
  }

  /// The tracked variable (of \p V's role) that \p E copies or moves from:
  /// `b`, `std::move(b)`, `static_cast<T&&>(b)`, a copy or move
  /// construction of those; and the reference to it.
  std::pair<const DeclRefExpr *, unsigned> sourceVar(const Expr *E,
                                                     unsigned V) const {
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

  /// `const auto &r = t;` or a cast of t to a reference of its own (or a
  /// derived or base) class: r is another name for t.
  void recordAlias(const VarDecl *VD) {
    if (!VD->getType()->isReferenceType() || Index.count(VD) ||
        !VD->getInit())
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

  /// Whether overwriting \p V with a copy of \p Src loses nothing: a
  /// shared (copyable) task reassigned from the variable it was copied
  /// from, or that was copied from it, holds the same task as before.
  bool sharesState(unsigned V, unsigned Src) const {
    if (Src >= EmptySource || !Vars[V].Copyable)
      return false;
    auto From = [&](unsigned X) {
      const Expr *Init = Vars[X].VD->getInit();
      return Init ? sourceVar(Init, X).second : NoSource;
    };
    return From(V) == Src || From(Src) == V;
  }

  /// Whether passing the variable \p V to a parameter of type \p P hands
  /// the task on. A copy of a copyable task shares it, so even a `const&`
  /// parameter may keep it.
  bool consumes(QualType P, unsigned V) const {
    if (consumingParam(P))
      return true;
    return Vars[V].Copyable && P->isLValueReferenceType();
  }

  void collectVariables() {
    // An unnamed parameter is a deliberate sink (a stub or an overload
    // that ignores it); it cannot be consumed.
    // A constructor handing a parameter to a member initialiser consumes
    // it before the body runs.
    llvm::SmallPtrSet<const ParmVarDecl *, 4> InitUses;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
      struct Refs : RecursiveASTVisitor<Refs> {
        llvm::SmallPtrSet<const ParmVarDecl *, 4> *Out;
        bool VisitDeclRefExpr(DeclRefExpr *DRE) {
          if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
            Out->insert(P);
          return true;
        }
      } R;
      R.Out = &InitUses;
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          R.TraverseStmt(Init->getInit());
    }
    for (const ParmVarDecl *P : FD->parameters())
      if (!P->getName().empty() && !InitUses.count(P))
        track(P);
    struct Finder : RecursiveASTVisitor<Finder> {
      FunctionFlow *F;
      // The function's own body: a lambda's captures are evaluated here,
      // its body is a function of its own.
      bool TraverseLambdaExpr(LambdaExpr *LE) {
        for (Expr *Init : LE->capture_inits())
          if (Init && !TraverseStmt(Init))
            return false;
        return true;
      }
      bool VisitVarDecl(VarDecl *VD) {
        if (VD->isLocalVarDecl() && VD->hasLocalStorage() &&
            !isa<DecompositionDecl>(VD))
          F->track(VD);
        return true;
      }
    } Find;
    Find.F = this;
    Find.TraverseStmt(Body);
  }

  //===-- 2. Events -------------------------------------------------------===//

  void add(const Stmt *At, EventKind K, unsigned V) {
    ++EventCount;
    if (MemberStores && K != EventKind::Consume) {
      MemberStores->push_back(At); // assigned or added to
      return;
    }
    Op::Kind OK = K == EventKind::Gen       ? Op::Set
                  : K == EventKind::Consume ? Op::Reset
                                            : Op::Overwrite;
    Facts[At].Ops.push_back({OK, V, nullptr, At});
    if (K == EventKind::Consume) {
      Vars[V].EverConsumed = true;
      Vars[V].ConsumedAt.push_back(At->getBeginLoc());
    }
  }

  /// Whether passing to a parameter of type \p P consumes the argument:
  /// by value, by rvalue reference and by non-const lvalue reference do.
  static bool consumingParam(QualType P) {
    if (P.isNull())
      return true;
    if (const auto *Ref = P->getAs<LValueReferenceType>())
      return !Ref->getPointeeType().isConstQualified();
    return true;
  }

  static QualType paramType(const FunctionDecl *Callee, unsigned I) {
    if (Callee && I < Callee->getNumParams())
      return Callee->getParamDecl(I)->getType();
    return {};
  }

  /// Whether \p Child is an argument to a parameter whose type the callee
  /// deduces (`template <class T> void log(const T&)`): such a use keeps
  /// compiling when the variable becomes the awaited value.
  static bool isDeducedArgument(const Stmt *Child, const Stmt *P) {
    const auto *CE = dyn_cast_or_null<CallExpr>(P);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    const FunctionDecl *Pattern =
        FD && FD->getPrimaryTemplate() ? FD->getTemplateInstantiationPattern()
                                       : nullptr;
    if (!Pattern)
      return false;
    unsigned Offset =
        isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) ? 1 : 0;
    for (unsigned I = Offset; I < CE->getNumArgs(); ++I) {
      if (CE->getArg(I) != Child)
        continue;
      // A pack takes every argument from its position on.
      unsigned At = I - Offset;
      for (unsigned J = 0; J < Pattern->getNumParams(); ++J) {
        QualType T = Pattern->getParamDecl(J)->getType();
        if (const auto *Pack = T->getAs<PackExpansionType>())
          return isBareTypeParameter(Pack->getPattern());
        if (J == At)
          return isBareTypeParameter(T);
      }
      return false;
    }
    return false;
  }

  /// `T`, `const T&`, `T&&`, `auto`: any argument type is accepted, where
  /// `const Task<T>&` only takes a task.
  static bool isBareTypeParameter(QualType T) {
    T = T.getNonReferenceType().getUnqualifiedType();
    return isa<TemplateTypeParmType>(T.getCanonicalType());
  }

  /// \p Ancestors ends with \p DRE; each element is the parent of the next.
  /// Events attach to \p Anchor when given (a field's use is its
  /// aggregate's, whose reference the CFG has as an element), else to DRE.
  void classifyUse(const Expr *DRE, unsigned V,
                   llvm::ArrayRef<const Stmt *> Ancestors,
                   const Expr *Anchor = nullptr) {
    const Expr *At = Anchor ? Anchor : DRE;
    size_t I = Ancestors.size() - 1; // Ancestors[I] is Child
    auto ParentOf = [&](size_t At) -> const Stmt * {
      return At ? Ancestors[At - 1] : nullptr;
    };
    const Stmt *Child = DRE;
    const Stmt *P = ParentOf(I);
    while (P) {
      if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
              OpaqueValueExpr, ConstantExpr, ExprWithCleanups>(P) ||
          (isa<ImplicitCastExpr>(P) &&
           cast<ImplicitCastExpr>(P)->getCastKind() != CK_UserDefinedConversion)) {
        Child = P;
        P = ParentOf(--I);
        continue;
      }
      if (const auto *CE = dyn_cast<CallExpr>(P); CE && isStdMoveLike(CE)) {
        Child = P;
        P = ParentOf(--I);
        continue;
      }
      // A cast to an rvalue (`static_cast<T&&>(t)`, `(T&&)t`, a FWD macro)
      // is a std::move written out.
      if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
          Cast && Cast->isXValue()) {
        Child = P;
        P = ParentOf(--I);
        continue;
      }
      // An arm of `c ? std::move(a) : std::move(b)` or the value of a
      // comma goes where the whole expression goes; the CFG has the arm on
      // its own branch.
      if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P);
          CO && CO->getCond() != Child) {
        Child = P;
        P = ParentOf(--I);
        continue;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(P);
          BO && BO->getOpcode() == BO_Comma && BO->getRHS() == Child) {
        Child = P;
        P = ParentOf(--I);
        continue;
      }
      break;
    }
    if (!P)
      return;
    if (TrackedField) {
      // `m = value` in a template's pattern: a dependent assignment.
      if (const auto *BO = dyn_cast<BinaryOperator>(P);
          BO && BO->getOpcode() == BO_Assign && BO->getLHS() == Child) {
        if (storesWork(BO->getRHS(), *Member))
          add(BO, EventKind::Overwrite, V);
        return;
      }
    }
    if (!isDeducedArgument(Child, P))
      Vars[V].FixBlocked = true;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
        Cast && Cast->getType()->isVoidType()) {
      // `(void)f;` acknowledges an eager task; a lazy one still never runs,
      // and one whose destructor cancels the work is still cancelled.
      if (Vars[V].Info->Kind == TaskKind::EagerTask &&
          !Vars[V].Info->CancelsOnDestroy)
        add(At, EventKind::Consume, V);
      return;
    }
    if (isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr, ReturnStmt,
            CoreturnStmt, InitListExpr, DesignatedInitExpr,
            CXXParenListInitExpr, CXXForRangeStmt>(P))
      return add(At, EventKind::Consume, V);
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_AddrOf)
        add(At, EventKind::Consume, V); // escapes: be conservative
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!M) {
        const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        if (Field && Vars[V].Aggregate)
          return aggregateFieldUse(Field, ME, V, Ancestors.take_front(I), At);
        // Reaching into the task's data (its coroutine handle): this is the
        // library's own code driving the task, e.g. a sync_wait.
        if (Field)
          add(At, EventKind::Consume, V);
        return;
      }
      Vars[V].FixBlocked = true;
      const Stmt *Call = ParentOf(I - 1); // ME is Ancestors[I - 1]
      if (!isa_and_nonnull<CXXMemberCallExpr>(Call))
        Call = ME;
      return memberUse(M, Call, At, V);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(1) == Child && isStdIgnore(Op->getArg(0))) {
        if (Vars[V].Info->Kind == TaskKind::EagerTask &&
            !Vars[V].Info->CancelsOnDestroy)
          add(At, EventKind::Consume, V); // the acknowledged-discard idiom
        return;
      }
      if (M && Op->getNumArgs() > 0 && Op->getArg(0)->IgnoreImplicit() ==
                                           cast<Expr>(Child)->IgnoreImplicit()) {
        if (Op->getOperator() == OO_Equal) {
          Vars[V].FixBlocked = true;
          if (TrackedField) {
            if (Op->getNumArgs() == 2 && storesWork(Op->getArg(1), *Member))
              add(Op, EventKind::Overwrite, V);
            return;
          }
          // `a = std::move(b)`: a takes what b holds. The step sits on b's
          // reference, before b's own step hands b on.
          if (Op->getNumArgs() == 2) {
            if (auto [SrcRef, Src] = sourceVar(Op->getArg(1), V); SrcRef) {
              Facts[SrcRef].Ops.push_back({Op::Overwrite, V, nullptr, Op, Src});
              return;
            }
            if (AC.Classifier.isReadyPlaceholder(Op->getArg(1))) {
              Facts[Op].Ops.push_back(
                  {Op::Overwrite, V, nullptr, Op, EmptySource});
              return;
            }
          }
          return add(Op, EventKind::Overwrite, V);
        }
        Vars[V].FixBlocked = true;
        return memberUse(M, Op, At, V);
      }
      unsigned Offset = M ? 1 : 0;
      for (unsigned I = Offset; I < Op->getNumArgs(); ++I) {
        if (Op->getArg(I) != Child)
          continue;
        if (consumes(paramType(Op->getDirectCallee(), I - Offset), V))
          add(At, EventKind::Consume, V);
        else if ((Op->getOperator() == OO_LessLess && I == 1) ||
                 isDeducedArgument(Child, P))
          readAsValue(At, V); // `os << status`
      }
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(P)) {
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
        if (CE->getArg(I) != Child)
          continue;
        QualType PT = Callee ? paramType(Callee, I)
                     : (Proto && I < Proto->getNumParams())
                         ? Proto->getParamType(I)
                         : QualType();
        if (!consumes(PT, V)) {
          if (isDeducedArgument(Child, P))
            readAsValue(At, V); // `log("status", status)`
        } else if (!Callee || handsOnParameter(AC, Callee, I)) {
          add(At, EventKind::Consume, V);
        }
      }
      return;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (CE->getArg(I) == Child &&
            consumes(paramType(CE->getConstructor(), I), V))
          add(At, EventKind::Consume, V);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls()) {
        // An alias (recordAlias) is followed through its own uses.
        if (const auto *Ref = dyn_cast<VarDecl>(D);
            Ref && Ref->getInit() == Child && Ref->getType()->isReferenceType() &&
            !Aliases.count(Ref))
          if (!Ref->getType()->getPointeeType().isConstQualified() ||
              Ref->getType()->isRValueReferenceType())
            add(At, EventKind::Consume, V);
      }
      return;
    }
  }

  /// `l.name`, `l.run = f()`, `co_await std::move(l.run)` on a tracked
  /// aggregate \p V: another field is a read; assigning work to a task
  /// field gives it a task; any other use of a task field is a use of the
  /// task, classified as such. \p Ancestors ends with \p ME.
  void aggregateFieldUse(const FieldDecl *Field, const MemberExpr *ME,
                         unsigned V, llvm::ArrayRef<const Stmt *> Ancestors,
                         const Expr *At) {
    QualType FT = Field->getType();
    if (!holdsTaskType(FT))
      return;
    const Stmt *Up =
        Ancestors.size() > 1 ? Ancestors[Ancestors.size() - 2] : nullptr;
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Up);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(0)->IgnoreImplicit() == ME) {
      Role FieldRole = taskInfo(FT) ? Role::Task : Role::Container;
      if (holdsTasks(Op->getArg(1), FieldRole))
        add(Op, EventKind::Gen, V);
      return;
    }
    classifyUse(ME, V, Ancestors, At);
  }

  void readAsValue(const Stmt *At, unsigned V) {
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

  void memberUse(const CXXMethodDecl *M, const Stmt *Call, const Expr *DRE,
                 unsigned V) {
    llvm::StringRef Name =
        M->getDeclName().isIdentifier() ? M->getName() : llvm::StringRef();
    // ConsumingMethods (and the profiles' lists) name members that hand the
    // task on even when they are const.
    if (!Name.empty() && Vars[V].R == Role::Task &&
        AC.Classifier.isConsumingMethod(Name))
      return add(DRE, EventKind::Consume, V);
    if (M->isConst() && M->getRefQualifier() != RQ_RValue)
      return; // a read: .done(), .is_ready(), .size()
    if (Vars[V].R == Role::Container && isAddMethod(Name)) {
      // After the arguments are evaluated: at the call, which the CFG
      // has as an element (a bare member expression it has not).
      if (Name != "reserve" && Name != "shrink_to_fit")
        add(isa<CallExpr>(Call) ? Call : DRE, EventKind::Gen, V);
      return;
    }
    // &&-qualified, listed in ConsumingMethods, or any other non-const
    // member: it acts on the task, so count it as consumed.
    add(DRE, EventKind::Consume, V);
  }

  void collectEvents() { collectEvents(UserBody); }
  void collectEvents(const Stmt *Root) {
    struct Walk : RecursiveASTVisitor<Walk> {
      using Base = RecursiveASTVisitor<Walk>;
      FunctionFlow *F;
      /// The statements from the body down to the current one. Keeping
      /// them costs nothing, where a ParentMap costs a hash table as large
      /// as the function, and a cache miss per lookup in large ones.
      llvm::SmallVector<const Stmt *, 32> Ancestors;
      const LambdaExpr *InLambda = nullptr;
      unsigned CatchDepth = 0, TryDepth = 0;

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
        if (F->TrackedField)
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
      bool VisitMemberExpr(MemberExpr *ME) {
        const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        if (!F->TrackedField || !Field ||
            patternField(Field) != F->TrackedField)
          return true;
        unsigned Events = F->EventCount;
        size_t Stores = F->MemberStores->size();
        F->classifyUse(ME, 0, Ancestors);
        // In a template's pattern the uses of a dependent member are
        // unresolved: whatever they do may consume it.
        if (F->FD && F->FD->isDependentContext() && F->EventCount == Events &&
            F->MemberStores->size() == Stores)
          F->add(ME, EventKind::Consume, 0);
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        auto It = VD ? F->Index.find(VD) : F->Index.end();
        if (It == F->Index.end()) {
          It = VD ? F->Aliases.find(VD) : F->Aliases.end();
          if (It == F->Aliases.end())
            return true;
        }
        if (InLambda) // captured: the lambda may await it
          F->add(InLambda, EventKind::Consume, It->second);
        else
          F->classifyUse(DRE, It->second, Ancestors);
        return true;
      }
      /// For every local variable: the statement whose scope declares it
      /// (the parent of its DeclStmt). The CFG names a scope by its first
      /// variable; all tracked variables of that statement end with it.
      bool VisitDeclStmt(DeclStmt *DS) {
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
          if (const auto *VD = dyn_cast<VarDecl>(D)) {
            F->recordAlias(VD);
            F->ScopeOf[VD] = Scope;
            auto It = F->Index.find(VD);
            if (It == F->Index.end())
              continue;
            unsigned V = It->second;
            F->ScopeMasks[Scope].set(V);
            F->Vars[V].InCatch = CatchDepth > 0;
            F->Vars[V].SharesDeclaration = !DS->isSingleDecl();
            // `T a(std::move(b));` holds what b held: the step sits on b's
            // reference, before b's own step hands b on.
            if (auto [SrcRef, Src] = F->sourceVar(VD->getInit(), V); SrcRef)
              F->Facts[SrcRef].Ops.push_back({Op::Set, V, nullptr, DS, Src});
            else
              F->Facts[DS].Ops.push_back(
                  {F->Vars[V].InitiallyLive ? Op::Set : Op::Reset, V});
          }
        }
        return true;
      }
      bool VisitLabelStmt(LabelStmt *L) {
        if (!InLambda)
          F->Labels[L].assign(Ancestors.begin(), Ancestors.end());
        return true;
      }
      bool VisitGotoStmt(GotoStmt *G) {
        if (!InLambda)
          F->Gotos.push_back({G, {Ancestors.begin(), Ancestors.end()}});
        return true;
      }
      bool VisitCXXThrowExpr(CXXThrowExpr *T) {
        if (!InLambda) {
          F->Facts[T].Ops.push_back({Op::Throw, 0, nullptr, T});
          F->ThrowChains[T].assign(Ancestors.begin(), Ancestors.end());
        }
        return true;
      }
      /// `f.failed()` on a future with no value: its state is tracked; as
      /// the whole condition of an assertion, it settles a fact.
      bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
        if (InLambda)
          return true;
        std::optional<StateTest> Test = F->AC.Classifier.stateTest(MC);
        std::optional<unsigned> V =
            Test ? F->trackedRef(MC->getImplicitObjectArgument())
                 : std::nullopt;
        if (!V || F->Vars[*V].R != Role::Task ||
            !holdsNoValue(F->Vars[*V].VD->getType()))
          return true;
        F->Vars[*V].StateTested = F->AnyStateTested = true;
        // Up through parentheses, casts and `!` to the asserted condition,
        // which must be all of the macro's argument: in `f.failed() || x`
        // the parent operator is written there too.
        bool Value = true;
        const Expr *Cond = MC;
        size_t I = Ancestors.size() - 1;
        const SourceManager &SM = F->AC.SM;
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
          return true;
        std::optional<bool> Asserted = F->AC.assertedValue(Cond);
        if (!Asserted)
          return true;
        if (std::optional<StateFact> Fact =
                factOf(*Test, *Asserted == Value))
          F->Facts[MC].Ops.push_back(
              {Op::Settle, *V, nullptr, MC, static_cast<unsigned>(*Fact)});
        return true;
      }
      /// A call inside a try block may jump to the try's handlers.
      bool VisitExpr(Expr *E) {
        if (!TryDepth || InLambda ||
            !isa<CallExpr, CXXConstructExpr, CoawaitExpr>(E) || cannotThrow(E))
          return true;
        for (size_t I = Ancestors.size() - 1; I > 0; --I) {
          if (const auto *Try = dyn_cast<CXXTryStmt>(Ancestors[I - 1]);
              Try && Ancestors[I] == Try->getTryBlock()) {
            // A try the user did not write, but a test framework's
            // assertion macro did (`CHECK(co_await t == 1)`): its handler
            // records a failed test, and a task left behind on that path
            // is not the code's bug.
            if (!Try->getTryLoc().isMacroID())
              F->Facts[E].Try = Try;
            break;
          }
        }
        return true;
      }
    } W;
    W.F = this;
    W.TraverseStmt(const_cast<Stmt *>(Root));
    if (!TrackedField)
      backwardGotos();
  }

  /// `retry: auto t = f(); if (bad) goto retry;`: the goto ends t's
  /// lifetime without leaving its scope. Clang's CFG marks only the end of
  /// whole scopes (by their first variable), so such a jump gets a step of
  /// its own for each variable declared between the label and the goto.
  void backwardGotos() {
    for (auto &[G, Chain] : Gotos) {
      auto Label = Labels.find(G->getLabel()->getStmt());
      if (Label == Labels.end())
        continue;
      llvm::SmallPtrSet<const Stmt *, 8> LabelScopes(Label->second.begin(),
                                                     Label->second.end());
      SourceLocation LabelAt = G->getLabel()->getStmt()->getBeginLoc();
      for (const Stmt *S : Chain) {
        auto Mask = ScopeMasks.find(S);
        if (Mask == ScopeMasks.end() || !LabelScopes.count(S))
          continue; // the jump leaves S: the CFG ends it
        for (unsigned V : Mask->second)
          if (AC.SM.isBeforeInTranslationUnit(LabelAt,
                                              Vars[V].VD->getBeginLoc()))
            Facts[G].Ops.push_back({Op::Kill, V, nullptr, G});
      }
    }
  }

  //===-- 3. Dataflow -----------------------------------------------------===//

  /// Whether a throw at \p Throw leaves the scope of \p VD (no enclosing
  /// try block inside that scope catches it first).
  bool throwLeavesScope(const Stmt *Throw, const VarDecl *VD) {
    // The statement that declares VD (none for parameters).
    auto It = ScopeOf.find(VD);
    const Stmt *Scope = It == ScopeOf.end() ? nullptr : It->second;
    const std::vector<const Stmt *> &Chain = ThrowChains.find(Throw)->second;
    for (size_t I = Chain.size(); I-- > 0;) {
      const Stmt *S = Chain[I];
      if (S == Scope)
        return true;
      if (const auto *Try = dyn_cast<CXXTryStmt>(S))
        if (I + 1 < Chain.size() && Chain[I + 1] == Try->getTryBlock())
          return false;
    }
    return Scope == nullptr; // parameters: leaving the function
  }

  /// One step of the dataflow. The walk of the body attaches them to
  /// statements; the CFG's elements are then compiled into flat per-block
  /// arrays of them, so the passes touch no AST node, CFG block or hash
  /// table, and large functions stay within the caches.
  struct Op {
    enum Kind : uint8_t {
      Set,
      Reset,
      Overwrite,
      ScopeEnd,
      Throw,
      MayThrow,
      Kill, ///< a goto back above the declaration: the variable ends
      /// An assertion of a state test (`BOOST_REQUIRE(!f.failed())`): Src
      /// is the StateFact it establishes. Becomes a Reset where the
      /// variable is then known ready and not failed (settleStates).
      Settle
    };
    Kind K;
    unsigned Var = 0;              ///< Set, Reset, Overwrite; MayThrow: the
                                   ///< index of its handler list
    const LiveSet *Mask = nullptr; ///< ScopeEnd
    const Stmt *St = nullptr;      ///< the trigger or overwriting statement
    /// Set, Overwrite: the tracked variable the new value comes from
    /// (`a = std::move(b)`, `T a(b)`): \p Var then holds what it held,
    /// nothing if it was empty. NoSource: a new task.
    unsigned Src = NoSource;
  };
  static constexpr unsigned NoSource = ~0u;
  /// Src of an overwrite with a value that holds nothing
  /// (`f = make_ready_future<>()`).
  static constexpr unsigned EmptySource = ~1u;

  /// What the walk learned about one statement.
  struct StmtFacts {
    llvm::SmallVector<Op, 1> Ops;
    const CXXTryStmt *Try = nullptr; ///< a call inside this try's try block
  };

  /// Compiles one CFG element into \p Ops.
  void compile(const CFGElement &E, std::vector<Op> &Ops) {
    if (auto End = E.getAs<CFGScopeEnd>()) {
      auto Scope = ScopeOf.find(End->getVarDecl());
      if (Scope == ScopeOf.end())
        return;
      auto Mask = ScopeMasks.find(Scope->second);
      if (Mask != ScopeMasks.end())
        Ops.push_back({Op::ScopeEnd, 0, &Mask->second, End->getTriggerStmt()});
      return;
    }
    auto S = E.getAs<CFGStmt>();
    if (!S)
      return;
    auto It = Facts.find(S->getStmt());
    if (It == Facts.end())
      return;
    Ops.insert(Ops.end(), It->second.Ops.begin(), It->second.Ops.end());
    // The state after a call inside a try block flows to its handlers.
    if (const CXXTryStmt *Try = It->second.Try) {
      auto [H, New] = HandlerListOf.try_emplace(Try, HandlerLists.size());
      if (New)
        HandlerLists.emplace_back();
      Ops.push_back({Op::MayThrow, H->second, nullptr, S->getStmt()});
    }
  }

  /// Applies one step; with \p Report, records deaths and overwrites.
  /// Returns whether a handler's entry state grew (MayThrow).
  bool apply(const Op &O, LiveSet &Live, bool Report) {
    switch (O.K) {
    case Op::Set:
      if (O.Src == NoSource || Live.test(O.Src))
        Live.set(O.Var);
      else
        Live.reset(O.Var);
      return false;
    case Op::Reset:
      Live.reset(O.Var);
      return false;
    case Op::Overwrite:
      if (O.Src == O.Var)
        return false; // `t = std::move(t)`: nothing changes hands
      if (Report && Live.test(O.Var) && !Overwrites.count(O.Var) &&
          !sharesState(O.Var, O.Src))
        Overwrites[O.Var] = O.St;
      if (O.Src == NoSource || (O.Src != EmptySource && Live.test(O.Src)))
        Live.set(O.Var);
      else
        Live.reset(O.Var);
      return false;
    case Op::ScopeEnd:
      // Word-parallel: an exit from a scope holding many variables costs
      // a few machine words, not one step per variable.
      if (Report && Live.intersects(*O.Mask)) {
        LiveSet Dying = Live;
        Dying &= *O.Mask;
        for (unsigned V : Dying)
          die(V, O.St);
      }
      Live.intersectWithComplement(*O.Mask);
      return false;
    case Op::Kill:
      if (Report && Live.test(O.Var))
        die(O.Var, O.St);
      Live.reset(O.Var);
      return false;
    case Op::Throw: {
      LiveSet Before = Live;
      for (unsigned V : Before) {
        if (throwLeavesScope(O.St, Vars[V].VD)) {
          if (Report)
            die(V, O.St);
          Live.reset(V);
        }
      }
      return false;
    }
    case Op::Settle:
      return false;
    case Op::MayThrow: {
      bool Grew = false;
      for (unsigned HB : HandlerLists[O.Var])
        Grew |= HandlerIn[HB] |= Live;
      return Grew;
    }
    }
    return false;
  }

  /// Records where \p V dies first; returns whether this was it.
  bool die(unsigned V, const Stmt *Trigger) {
    if (Deaths.count(V) || AC.isTestFailureExit(Trigger))
      return false;
    Death D;
    D.Trigger = Trigger;
    D.Block = CurrentBlock;
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Trigger))
      D.Loc = CS->getRBracLoc();
    else if (const auto *CR = dyn_cast_or_null<CoreturnStmt>(Trigger);
             CR && CR->isImplicit())
      D.Loc = UserBody->getEndLoc();
    else if (Trigger)
      D.Loc = Trigger->getBeginLoc();
    // A macro's exit is named where the macro is used, like a finding.
    D.Loc = AC.reportLoc(D.Loc);
    Deaths[V] = D;
    return true;
  }

  /// For a branch on whether a tracked variable holds anything: the
  /// variable, and the successor (0: the condition is true, 1: false) on
  /// which it holds nothing, so no task can die there.
  std::optional<std::pair<unsigned, unsigned>> emptyEdge(const Expr *Cond) {
    std::optional<std::pair<unsigned, bool>> H = holdsSomething(Cond, 0);
    if (!H)
      return std::nullopt;
    return std::make_pair(H->first, H->second ? 1u : 0u);
  }

  /// `for (i = 0; i < c.size(); ++i) co_await std::move(c[i]);`: the loop
  /// ends either at once, when c is empty, or after its body has handed c
  /// on; either way c holds nothing unconsumed on the exit edge (1). Only
  /// when the body does consume c, so that a loop that just reads it is
  /// still a loss.
  std::optional<std::pair<unsigned, unsigned>> exhaustedEdge(const Stmt *Loop,
                                                             const Expr *Cond) {
    const Stmt *Body = nullptr;
    if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
      Body = For->getBody();
    else if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
      Body = While->getBody();
    else if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
      Body = Do->getBody();
    const auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
    if (!Body || !BO)
      return std::nullopt;
    std::optional<unsigned> V;
    BinaryOperatorKind Op = BO->getOpcode();
    if (Op == BO_LT || Op == BO_NE)
      V = sizeOf(BO->getRHS());
    if (!V && (Op == BO_GT || Op == BO_NE))
      V = sizeOf(BO->getLHS());
    // `for (i = 0; i < n; ++i) co_await std::move(c[i]);` with n the count
    // c was filled or sized with: an index walk over c, like `c.size()`.
    if (!V)
      if (const VarDecl *I = loopIndex(BO))
        V = indexedContainer(Body, I);
    if (!V)
      return std::nullopt;
    SourceRange R(AC.SM.getExpansionLoc(Body->getBeginLoc()),
                  AC.SM.getExpansionLoc(Body->getEndLoc()));
    for (SourceLocation L : Vars[*V].ConsumedAt)
      if (AC.SM.isPointWithin(AC.SM.getExpansionLoc(L), R.getBegin(),
                              R.getEnd()))
        return std::make_pair(*V, 1u);
    return std::nullopt;
  }

  /// Entering a loop that must run (`for (int i = 0; i < 10; ++i)`) from
  /// \p From skips the first test of its condition, which is known to be
  /// true: the edge goes to the body, so the loop has no path that runs it
  /// zero times. Only when the condition's block has no steps of its own.
  const CFGBlock *skipFirstTest(const CFGBlock *From, const CFGBlock *Cond) {
    const auto *For = dyn_cast_or_null<ForStmt>(Cond->getTerminatorStmt());
    if (!For || From->getLoopTarget() == For || Cond->succ_size() != 2 ||
        !*Cond->succ_begin() || !runsAtLeastOnce(For, AC.Ctx))
      return Cond;
    for (const CFGElement &E : *Cond) {
      auto S = E.getAs<CFGStmt>();
      if (!S || Facts.count(S->getStmt()))
        return Cond;
    }
    return *Cond->succ_begin();
  }

  /// A tracked container the loop body reaches into by the index \p I
  /// (`c[i]`, `c.at(i - 1)`), or nullopt.
  std::optional<unsigned> indexedContainer(const Stmt *Body,
                                           const VarDecl *I) {
    struct Finder : RecursiveASTVisitor<Finder> {
      FunctionFlow *F;
      const VarDecl *I;
      std::optional<unsigned> Found;
      bool mentionsIndex(const Expr *E) {
        struct Uses : RecursiveASTVisitor<Uses> {
          const VarDecl *I;
          bool Seen = false;
          bool VisitDeclRefExpr(DeclRefExpr *D) {
            Seen |= D->getDecl() == I;
            return !Seen;
          }
        } U;
        U.I = I;
        U.TraverseStmt(const_cast<Expr *>(E));
        return U.Seen;
      }
      void check(const Expr *Obj, const Expr *Idx) {
        if (Found || !Obj || !Idx || !mentionsIndex(Idx))
          return;
        if (std::optional<unsigned> V = F->trackedRef(Obj);
            V && F->Vars[*V].R == Role::Container)
          Found = V;
      }
      bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
        if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
          check(Op->getArg(0), Op->getArg(1));
        return !Found;
      }
      bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
        const CXXMethodDecl *M = MC->getMethodDecl();
        if (M && M->getDeclName().isIdentifier() && M->getName() == "at" &&
            MC->getNumArgs() == 1)
          check(MC->getImplicitObjectArgument(), MC->getArg(0));
        return !Found;
      }
    } Find;
    Find.F = this;
    Find.I = I;
    Find.TraverseStmt(const_cast<Stmt *>(Body));
    return Find.Found;
  }

  /// The tracked variable an emptiness test is about, e.g. `c` in `c.size()`
  /// or `std::size(c)`.
  std::optional<unsigned> trackedRef(const Expr *E) {
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    auto It = VD ? Index.find(VD) : Index.end();
    if (It == Index.end())
      return std::nullopt;
    return It->second;
  }

  /// `c.size()`, `std::size(c)`, `std::ssize(c)`: the variable.
  std::optional<unsigned> sizeOf(const Expr *E, unsigned Depth = 0) {
    E = E->IgnoreParenImpCasts();
    // `size_t n = c.size(); ... i < n`: the size copied into a local.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (VD && VD->isLocalVarDecl() && VD->getInit() && Depth < 2)
        return sizeOf(VD->getInit(), Depth + 1);
      return std::nullopt;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getDeclName().isIdentifier() && M->getName() == "size")
        return trackedRef(MC->getImplicitObjectArgument());
      return std::nullopt;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = CE->getDirectCallee();
      if (F && F->isInStdNamespace() && F->getDeclName().isIdentifier() &&
          (F->getName() == "size" || F->getName() == "ssize") &&
          CE->getNumArgs() == 1)
        return trackedRef(CE->getArg(0));
    }
    return std::nullopt;
  }

  /// Whether \p Cond tests that a tracked variable holds something:
  /// `c.empty()`, `std::empty(c)`, `c.size()` against 0 or 1, `if (opt)`,
  /// `opt.has_value()`, `opt != std::nullopt`, casts to bool, negations and
  /// comparisons with true/false. The variable, and whether the condition
  /// being true means it holds something.
  std::optional<std::pair<unsigned, bool>> holdsSomething(const Expr *Cond,
                                                          unsigned Depth) {
    if (!Cond || Depth > 8)
      return std::nullopt;
    Cond = Cond->IgnoreParenImpCasts();
    auto Flip = [](std::optional<std::pair<unsigned, bool>> H) {
      if (H)
        H->second = !H->second;
      return H;
    };
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Cond))
      return Cast->getType()->isBooleanType()
                 ? holdsSomething(Cast->getSubExpr(), Depth + 1)
                 : std::nullopt;
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      return UO->getOpcode() == UO_LNot
                 ? Flip(holdsSomething(UO->getSubExpr(), Depth + 1))
                 : std::nullopt;
    if (std::optional<unsigned> V = sizeOf(Cond))
      return std::make_pair(*V, true); // size() as a truth value
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      std::optional<unsigned> V = trackedRef(MC->getImplicitObjectArgument());
      if (!M || !V)
        return std::nullopt;
      if (const auto *Conv = dyn_cast<CXXConversionDecl>(M))
        return Conv->getConversionType()->isBooleanType()
                   ? std::make_optional(std::make_pair(*V, true))
                   : std::nullopt;
      if (!M->getDeclName().isIdentifier())
        return std::nullopt;
      if (M->getName() == "empty")
        return std::make_pair(*V, false);
      if (M->getName() == "has_value")
        return std::make_pair(*V, true);
      return std::nullopt;
    }
    if (const auto *CE = dyn_cast<CallExpr>(Cond);
        CE && !isa<CXXOperatorCallExpr>(CE)) {
      const FunctionDecl *F = CE->getDirectCallee();
      if (F && F->isInStdNamespace() && F->getDeclName().isIdentifier() &&
          F->getName() == "empty" && CE->getNumArgs() == 1)
        if (std::optional<unsigned> V = trackedRef(CE->getArg(0)))
          return std::make_pair(*V, false);
      return std::nullopt;
    }
    // A comparison, built in or overloaded (optional's operator!=).
    BinaryOperatorKind Op;
    const Expr *L = nullptr, *R = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      Op = BO->getOpcode();
      L = BO->getLHS();
      R = BO->getRHS();
    } else if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(Cond)) {
      // C++20 spells `o != std::nullopt` as `!(o == std::nullopt)`.
      CXXRewrittenBinaryOperator::DecomposedForm DF = RW->getDecomposedForm();
      Op = DF.Opcode;
      L = DF.LHS;
      R = DF.RHS;
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond);
               OC && OC->getNumArgs() == 2 &&
               BinaryOperator::isComparisonOp(
                   BinaryOperator::getOverloadedOpcode(OC->getOperator()))) {
      Op = BinaryOperator::getOverloadedOpcode(OC->getOperator());
      L = OC->getArg(0);
      R = OC->getArg(1);
    } else {
      return std::nullopt;
    }
    if (!BinaryOperator::isComparisonOp(Op))
      return std::nullopt;
    auto Literal = [](const Expr *E) -> std::optional<int64_t> {
      E = E->IgnoreParenImpCasts();
      if (const auto *IL = dyn_cast<IntegerLiteral>(E))
        return IL->getValue().getLimitedValue(INT64_MAX);
      if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(E))
        return BL->getValue() ? 1 : 0;
      return std::nullopt;
    };
    auto IsNullopt = [](const Expr *E) {
      const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
      return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
             RD->getName() == "nullopt_t";
    };
    // Put the tested side on the left: `0 == c.size()` is `c.size() == 0`.
    if (Literal(L) || IsNullopt(L)) {
      std::swap(L, R);
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (IsNullopt(R) && (Op == BO_EQ || Op == BO_NE)) {
      std::optional<unsigned> V = trackedRef(L);
      if (!V)
        return std::nullopt;
      return std::make_pair(*V, Op == BO_NE);
    }
    std::optional<int64_t> N = Literal(R);
    if (!N)
      return std::nullopt;
    if (isa<CXXBoolLiteralExpr>(R->IgnoreParenImpCasts())) {
      if (Op != BO_EQ && Op != BO_NE)
        return std::nullopt;
      std::optional<std::pair<unsigned, bool>> H = holdsSomething(L, Depth + 1);
      // `x == true` and `x != false` keep the sense; the others flip it.
      return (Op == BO_EQ) == (*N != 0) ? H : Flip(H);
    }
    std::optional<unsigned> V = sizeOf(L);
    if (!V)
      return std::nullopt;
    // size against 0 or 1: a test of emptiness, or it is not one.
    if ((*N == 0 && (Op == BO_NE || Op == BO_GT)) || (*N == 1 && Op == BO_GE))
      return std::make_pair(*V, true);
    if ((*N == 0 && (Op == BO_EQ || Op == BO_LE)) || (*N == 1 && Op == BO_LT))
      return std::make_pair(*V, false);
    return std::nullopt;
  }

  /// The CFG as flat arrays indexed by block id.
  struct FlatCFG {
    std::vector<unsigned>
        OpBegin; ///< ops of block B: [OpBegin[B], OpBegin[B+1])
    std::vector<Op> Ops;
    std::vector<unsigned> SuccBegin; ///< likewise into Succs
    std::vector<unsigned> Succs;     ///< pruned (null) edges left out
    /// Parallel to Succs: 1 + a variable known to hold nothing on that
    /// edge (`if (!tasks.empty())` false), or 0.
    std::vector<unsigned> SuccEmpty;
    /// Parallel to Succs: a state test's fact on that edge, as
    /// 1 + 2 * variable + (0: ready, 1: not failed), or 0.
    std::vector<unsigned> SuccFact;
    std::vector<const Stmt *> Last;  ///< each block's last statement
    std::vector<bool> NoReturn;
    std::vector<unsigned> Roots; ///< entry, then catch handlers
  };

  /// One pass over the blocks in storage order (clang allocates them in
  /// that order, so the pass streams through memory).
  /// The state fact a branch on \p Cond gives a tested variable, as
  /// (1 + 2 * variable + NotFailed, index of the edge that knows it).
  /// `if (f.available())` on a parameter the library hands a finished
  /// future (a then_wrapped callable's), never assigned: the test's value
  /// is known, and the other edge is never taken.
  std::optional<bool> readyParameterTest(const Expr *Cond) {
    if (ReadyParameters.empty() || !Cond)
      return std::nullopt;
    std::optional<StateCondition> SC = stateCondition(Cond, AC.Classifier);
    if (!SC || SC->Fact != StateFact::Ready)
      return std::nullopt;
    const auto *DRE = dyn_cast<DeclRefExpr>(
        SC->Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!P || !ReadyParameters.count(P) || assignedIn(FD->getBody(), P))
      return std::nullopt;
    return SC->WhenTrue;
  }
  /// Whether \p Body assigns to \p P (`f = other();`).
  static bool assignedIn(const Stmt *Body, const VarDecl *P) {
    struct Finder : RecursiveASTVisitor<Finder> {
      const VarDecl *P;
      bool Found = false;
      bool names(const Expr *E) const {
        const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
        return D && D->getDecl() == P;
      }
      bool VisitBinaryOperator(BinaryOperator *BO) {
        Found |= BO->isAssignmentOp() && names(BO->getLHS());
        return !Found;
      }
      bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
        Found |= Op->isAssignmentOp() && Op->getNumArgs() && names(Op->getArg(0));
        return !Found;
      }
    } F;
    F.P = P;
    F.TraverseStmt(const_cast<Stmt *>(Body));
    return F.Found;
  }

  std::optional<std::pair<unsigned, unsigned>> stateEdge(const Expr *Cond) {
    std::optional<StateCondition> SC =
        Cond ? stateCondition(Cond, AC.Classifier) : std::nullopt;
    if (!SC)
      return std::nullopt;
    std::optional<unsigned> V =
        trackedRef(SC->Call->getImplicitObjectArgument());
    if (!V || !Vars[*V].StateTested)
      return std::nullopt;
    return std::make_pair(1 + 2 * *V + (SC->Fact == StateFact::NotFailed),
                          SC->WhenTrue ? 0u : 1u);
  }

  FlatCFG flatten(const CFG &G) {
    unsigned N = G.getNumBlockIDs();
    FlatCFG F;
    F.OpBegin.assign(N + 1, 0);
    F.SuccBegin.assign(N + 1, 0);
    F.Last.assign(N, nullptr);
    F.NoReturn.assign(N, false);
    F.Roots.push_back(G.getEntry().getBlockID());
    llvm::DenseMap<const Stmt *, unsigned> HandlerBlock;
    std::vector<std::pair<unsigned, std::vector<Op>>> Blocks(N);
    for (const CFGBlock *B : G) {
      unsigned Id = B->getBlockID();
      std::vector<Op> &Ops = Blocks[Id].second;
      for (const CFGElement &E : *B) {
        compile(E, Ops);
        if (auto S = E.getAs<CFGStmt>())
          F.Last[Id] = S->getStmt();
      }
      // A goto is the block's terminator, not an element.
      if (const auto *G = dyn_cast_or_null<GotoStmt>(B->getTerminatorStmt()))
        if (auto It = Facts.find(G); It != Facts.end())
          Ops.insert(Ops.end(), It->second.Ops.begin(), It->second.Ops.end());
      std::optional<std::pair<unsigned, unsigned>> Empty;
      if (B->succ_size() == 2) {
        if (const Expr *Cond = B->getLastCondition()) {
          Empty = emptyEdge(Cond);
          if (!Empty)
            Empty = exhaustedEdge(B->getTerminatorStmt(), Cond);
        }
      }
      // `if (!f.available())`: the false edge knows f is ready.
      std::optional<std::pair<unsigned, unsigned>> Fact; // (code, index)
      if (B->succ_size() == 2 && AnyStateTested)
        Fact = stateEdge(B->getLastCondition());
      // A test framework's always-true helper: one edge is never taken.
      std::optional<bool> Known;
      if (B->succ_size() == 2)
        if (const Expr *Cond = B->getLastCondition()) {
          Known = AC.Classifier.constantCondition(Cond);
          if (!Known)
            Known = readyParameterTest(Cond);
        }
      unsigned Index = 0;
      for (const CFGBlock *S : B->succs()) {
        if (S && Known && *Known == (Index == 1))
          S = nullptr;
        if (S)
          S = skipFirstTest(B, S);
        if (S) {
          Blocks[Id].first++;
          F.Succs.push_back(S->getBlockID());
          F.SuccEmpty.push_back(
              Empty && Empty->second == Index ? Empty->first + 1 : 0);
          F.SuccFact.push_back(Fact && Fact->second == Index ? Fact->first
                                                             : 0);
        }
        ++Index;
      }
      F.NoReturn[Id] = B->hasNoReturnElement();
      // Catch handlers have no predecessors in a CFG without exception
      // edges; they are entered through MayThrow steps.
      if (const Stmt *L = B->getLabel(); L && isa<CXXCatchStmt>(L)) {
        HandlerBlock[L] = Id;
        F.Roots.push_back(Id);
      }
    }
    // Blocks were visited in id order, so Succs is already grouped by id.
    for (unsigned Id = 0; Id < N; ++Id) {
      F.SuccBegin[Id + 1] = F.SuccBegin[Id] + Blocks[Id].first;
      F.OpBegin[Id + 1] =
          F.OpBegin[Id] + static_cast<unsigned>(Blocks[Id].second.size());
    }
    F.Ops.reserve(F.OpBegin[N]);
    for (auto &[Count, Ops] : Blocks)
      F.Ops.insert(F.Ops.end(), Ops.begin(), Ops.end());
    for (auto &[Try, List] : HandlerListOf) {
      for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
        if (auto It = HandlerBlock.find(Try->getHandler(H));
            It != HandlerBlock.end())
          HandlerLists[List].push_back(It->second);
    }
    return F;
  }

  /// Reachable blocks in reverse post-order, from the roots. Clang's CFG
  /// keeps edges it pruned (constant conditions, infinite loops) as null
  /// successors; flatten() left them out.
  static std::vector<unsigned> reversePostOrder(const FlatCFG &F) {
    std::vector<unsigned> Order;
    std::vector<bool> Seen(F.Last.size(), false);
    std::vector<std::pair<unsigned, unsigned>> Stack; // block, next succ
    for (unsigned Root : F.Roots) {
      if (Seen[Root])
        continue;
      std::vector<unsigned> Post;
      Stack.push_back({Root, F.SuccBegin[Root]});
      Seen[Root] = true;
      while (!Stack.empty()) {
        auto &[B, Next] = Stack.back();
        if (Next == F.SuccBegin[B + 1]) {
          Post.push_back(B);
          Stack.pop_back();
          continue;
        }
        unsigned S = F.Succs[Next++];
        if (!Seen[S]) {
          Seen[S] = true;
          Stack.push_back({S, F.SuccBegin[S]});
        }
      }
      Order.insert(Order.end(), Post.rbegin(), Post.rend());
    }
    return Order;
  }

  /// Predecessor edges of the reachable blocks, grouped by target.
  struct PredGraph {
    std::vector<unsigned> Begin; ///< edges into B: [Begin[B], Begin[B+1])
    std::vector<unsigned> From;
    std::vector<unsigned> Empty; ///< as FlatCFG::SuccEmpty
    /// Whether \p V may reach the edge's target still unconsumed.
    bool carries(unsigned P, unsigned V,
                 const std::vector<LiveSet> &Out) const {
      return Out[From[P]].test(V) && Empty[P] != V + 1;
    }
  };

  /// Where a state-tested future is known both ready and not failed, it
  /// holds nothing: a must-analysis of the two facts (intersection at
  /// joins) over the flat CFG, before the liveness dataflow. An edge that
  /// completes the pair empties the variable on it; an assertion that
  /// completes it becomes a Reset. Costs nothing without state tests.
  void settleStates(FlatCFG &F, const std::vector<unsigned> &RPO,
                    unsigned EntryId) {
    unsigned N = static_cast<unsigned>(F.OpBegin.size()) - 1;
    unsigned W = 2 * static_cast<unsigned>(Vars.size());
    auto Clear = [](llvm::BitVector &S, unsigned V) {
      S.reset(2 * V);
      S.reset(2 * V + 1);
    };
    // Returns whether the pair became complete at a Settle step.
    auto Transfer = [&](unsigned B, llvm::BitVector &S, bool Rewrite) {
      for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O) {
        Op &Step = F.Ops[O];
        switch (Step.K) {
        case Op::Set:
        case Op::Reset:
        case Op::Overwrite:
        case Op::Kill:
          if (Vars[Step.Var].StateTested)
            Clear(S, Step.Var);
          break;
        case Op::ScopeEnd:
          for (unsigned V : *Step.Mask)
            if (Vars[V].StateTested)
              Clear(S, V);
          break;
        case Op::Settle: {
          unsigned Bit = 2 * Step.Var + (Step.Src == 2);
          S.set(Bit);
          if (Rewrite && S.test(2 * Step.Var) && S.test(2 * Step.Var + 1))
            Step = {Op::Reset, Step.Var, nullptr, nullptr};
          break;
        }
        default:
          break;
        }
      }
    };
    std::vector<std::vector<std::pair<unsigned, unsigned>>> Preds(N);
    for (unsigned B : RPO)
      for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I)
        Preds[F.Succs[I]].push_back({B, I});
    llvm::BitVector Entry(W);
    for (unsigned V = 0; V < Vars.size(); ++V)
      if (Vars[V].StateTested && ReadyParameters.count(Vars[V].VD))
        Entry.set(2 * V);
    std::vector<bool> IsRoot(N, false);
    for (unsigned R : F.Roots)
      IsRoot[R] = true;
    // Top (every fact) until a block is reached: the facts only shrink.
    std::vector<llvm::BitVector> Out(N, llvm::BitVector(W, true));
    std::vector<llvm::BitVector> In(N, llvm::BitVector(W, true));
    auto EdgeState = [&](unsigned From, unsigned I) {
      llvm::BitVector S = Out[From];
      if (unsigned Code = F.SuccFact[I])
        S.set(Code - 1);
      return S;
    };
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (unsigned B : RPO) {
        llvm::BitVector S(W, !IsRoot[B]);
        if (B == EntryId)
          S = Entry;
        else if (IsRoot[B])
          S.reset(); // a handler: entered from anywhere in its try
        for (auto [From, I] : Preds[B])
          S &= EdgeState(From, I);
        In[B] = S;
        Transfer(B, S, false);
        if (S != Out[B]) {
          Out[B] = std::move(S);
          Changed = true;
        }
      }
    }
    for (unsigned B : RPO) {
      for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I) {
        unsigned Code = F.SuccFact[I];
        if (!Code || F.SuccEmpty[I])
          continue;
        unsigned V = (Code - 1) / 2;
        llvm::BitVector S = EdgeState(B, I);
        if (S.test(2 * V) && S.test(2 * V + 1))
          F.SuccEmpty[I] = V + 1;
      }
      llvm::BitVector S = In[B];
      Transfer(B, S, true);
    }
  }

  void solve(CFG &G) {
    // Multi-variable declarations appear in the CFG as one synthetic
    // DeclStmt per variable.
    for (auto [Synth, Orig] : G.synthetic_stmts()) {
      if (Facts.count(Orig)) {
        if (const auto *VD = dyn_cast<VarDecl>(Synth->getSingleDecl())) {
          // Built from another tracked variable: the step is on that
          // variable's reference (VisitDeclStmt).
          if (auto It = Index.find(VD);
              It != Index.end() && !sourceVar(VD->getInit(), It->second).first)
            Facts[Synth].Ops.push_back(
                {Vars[It->second].InitiallyLive ? Op::Set : Op::Reset,
                 It->second});
        }
      }
    }
    FlatCFG F = flatten(G);
    std::vector<unsigned> RPO = reversePostOrder(F);
    if (AnyStateTested)
      settleStates(F, RPO, G.getEntry().getBlockID());
    size_t Passes = 1; // the reporting pass
    unsigned N = G.getNumBlockIDs();
    unsigned EntryId = G.getEntry().getBlockID();
    unsigned ExitId = G.getExit().getBlockID();
    PredGraph PG;
    PG.Begin.assign(N + 1, 0);
    {
      std::vector<std::vector<std::pair<unsigned, unsigned>>> P(N);
      for (unsigned B : RPO)
        for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I)
          P[F.Succs[I]].push_back({B, F.SuccEmpty[I]});
      for (unsigned B = 0; B < N; ++B) {
        PG.Begin[B + 1] = PG.Begin[B] + static_cast<unsigned>(P[B].size());
        for (auto [From, Empty] : P[B]) {
          PG.From.push_back(From);
          PG.Empty.push_back(Empty);
        }
      }
    }
    HandlerIn.assign(N, LiveSet());
    LiveSet EntryState;
    for (unsigned V = 0; V < Vars.size(); ++V)
      if (isa<ParmVarDecl>(Vars[V].VD))
        EntryState.set(V);
    // Sparse sets: the cost of a block is proportional to the tasks that
    // may be unconsumed there, not to the number of tracked variables.
    std::vector<LiveSet> In(N), Out(N);
    // Sets only grow, so this converges; each pass is linear in the CFG.
    for (bool Changed = true; Changed; ++Passes) {
      Changed = false;
      for (unsigned B : RPO) {
        LiveSet State;
        if (B == EntryId)
          State = EntryState;
        for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P) {
          if (unsigned E = PG.Empty[P]; E && Out[PG.From[P]].test(E - 1)) {
            LiveSet Edge = Out[PG.From[P]];
            Edge.reset(E - 1);
            State |= Edge;
          } else {
            State |= Out[PG.From[P]];
          }
        }
        State |= HandlerIn[B];
        In[B] = State;
        for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O)
          Changed |= apply(F.Ops[O], State, false);
        if (State != Out[B]) {
          Out[B] = std::move(State);
          Changed = true;
        }
      }
    }
    for (unsigned B : RPO) {
      LiveSet State = In[B];
      CurrentBlock = B;
      for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O) {
        apply(F.Ops[O], State, true);
        // A consumption (a reset with a statement; a declaration's reset
        // has none): kept in case a path must be named.
        if (F.Ops[O].K == Op::Reset && F.Ops[O].St)
          Consumptions.push_back({F.Ops[O].Var, B});
      }
      // Parameters still holding a task when the function returns: at the
      // return that leaves, or at the end of the body. Not on paths that
      // end in a noreturn call (abort, exit).
      // An edge to the exit may know one variable empty (`if (f.failed())`
      // with nothing after it): that one leaves with nothing on that edge.
      bool ToExit = false;
      llvm::SmallVector<unsigned, 2> ExitEmpty;
      for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I) {
        if (F.Succs[I] == ExitId) {
          ToExit = true;
          ExitEmpty.push_back(F.SuccEmpty[I]);
        }
      }
      if (!ToExit || F.NoReturn[B])
        continue;
      auto LeavesLive = [&](unsigned V) {
        return llvm::any_of(ExitEmpty, [&](unsigned E) { return E != V + 1; });
      };
      // Falling off a coroutine's end runs an implicit co_return.
      const Stmt *Last = F.Last[B];
      bool Explicit = isa_and_nonnull<ReturnStmt>(Last) ||
                      (isa_and_nonnull<CoreturnStmt>(Last) &&
                       !cast<CoreturnStmt>(Last)->isImplicit());
      const Stmt *Trigger = Explicit ? Last : UserBody;
      for (unsigned V : State)
        if (isa<ParmVarDecl>(Vars[V].VD) && LeavesLive(V) && die(V, Trigger))
          Deaths[V].AtExit = true;
    }
    if (FlowStats *S = AC.Stats) {
      ++S->FunctionsWithCFG;
      for (const CFGBlock *B : G)
        S->CFGElements += B->size();
      size_t ReachableSteps = 0;
      for (unsigned B : RPO)
        ReachableSteps += F.OpBegin[B + 1] - F.OpBegin[B];
      S->Steps += ReachableSteps * Passes;
      S->Passes += Passes;
    }
    // Where each variable whose path needs naming is consumed.
    bool AnyToExplain = false;
    std::vector<bool> Explain(Vars.size(), false);
    for (auto &[V, D] : Deaths) {
      Explain[V] = Vars[V].EverConsumed;
      AnyToExplain |= Explain[V];
    }
    for (auto [V, B] : AnyToExplain
                           ? llvm::ArrayRef(Consumptions)
                           : llvm::ArrayRef<std::pair<unsigned, unsigned>>()) {
      if (!Explain[V])
        continue;
      auto &List = ConsumeBlocks[V];
      if (List.empty() || List.back() != B)
        List.push_back(B);
    }
    for (auto &[V, D] : Deaths)
      if (Vars[V].EverConsumed)
        explainPath(G, PG, In, Out, V, D);
    reportAll();
  }

  /// Whether \p S leaves its scope on purpose (return, break, throw...).
  static bool isExplicitExit(const Stmt *S) {
    if (const auto *CR = dyn_cast_or_null<CoreturnStmt>(S))
      return !CR->isImplicit();
    return isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt,
                           CXXThrowExpr>(S);
  }

  /// For a task consumed on some paths only, finds the branch nearest to
  /// its death that decides it: walking back from the death through the
  /// blocks it leaves unconsumed, the first block with one successor on
  /// that walk and one off it.
  void explainPath(const CFG &G, const PredGraph &PG,
                   const std::vector<LiveSet> &In,
                   const std::vector<LiveSet> &Out, unsigned V, Death &D) {
    unsigned N = G.getNumBlockIDs();
    if (D.Block >= N || !In[D.Block].test(V))
      return;
    if (BlockById.empty()) {
      BlockById.assign(N, nullptr);
      for (const CFGBlock *B : G)
        BlockById[B->getBlockID()] = B;
    }
    // A statement that leaves (an early co_return) names its path, unless
    // paths where the task was consumed reach it too.
    if (isExplicitExit(D.Trigger)) {
      bool Merges = false;
      for (unsigned P = PG.Begin[D.Block]; P < PG.Begin[D.Block + 1]; ++P)
        Merges |= !PG.carries(P, V, Out);
      if (!Merges)
        return;
    }
    // One bit vector for all deaths, cleared through Order afterwards: a
    // walk costs what it visits, not the size of the function.
    std::vector<bool> &OnPath = OnPathScratch;
    OnPath.resize(N, false);
    std::vector<unsigned> Order{D.Block};
    OnPath[D.Block] = true;
    auto Clear = llvm::make_scope_exit([&] {
      for (unsigned B : Order)
        OnPath[B] = false;
      OnPath[G.getExit().getBlockID()] = false;
    });
    // A parameter dies on its block's edge to the exit, so that block's
    // own branch may be the one that decides.
    if (D.AtExit)
      OnPath[G.getExit().getBlockID()] = true;
    for (size_t I = 0; I < Order.size(); ++I) {
      // A long live range is rare; bound the walk so that many of them
      // cannot make a function quadratic. The note is then left out.
      if (Order.size() > MaxPathBlocks)
        return;
      unsigned B = Order[I];
      if (!In[B].test(V))
        continue; // it is created here
      for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P) {
        unsigned From = PG.From[P];
        if (!OnPath[From] && PG.carries(P, V, Out)) {
          OnPath[From] = true;
          Order.push_back(From);
        }
      }
    }
    // Saved: blocks from which some path still hands the task on (a
    // backward walk from the blocks that consume it, over edges that carry
    // it). The deciding branch is the nearest one with an edge toward this
    // death into a block that is not saved: in
    // `for (...) { if (i != 3) continue; co_await std::move(t); break; }`
    // that is the loop's condition, not the `if`, whose `continue` may still
    // reach the await; and of `if (c) co_await t; if (d) co_return;` it is
    // the first `if`, since both edges of the second lose the task.
    unsigned ExitId = G.getExit().getBlockID();
    std::vector<bool> &Saved = SavedScratch;
    Saved.resize(N, false);
    std::vector<unsigned> SavedList;
    auto ClearSaved = llvm::make_scope_exit([&] {
      for (unsigned B : SavedList)
        Saved[B] = false;
    });
    auto It = ConsumeBlocks.find(V);
    if (It == ConsumeBlocks.end())
      return;
    for (unsigned B : It->second)
      if (!Saved[B])
        Saved[B] = true, SavedList.push_back(B);
    for (size_t I = 0; I < SavedList.size(); ++I) {
      if (SavedList.size() > 4 * MaxPathBlocks)
        return;
      unsigned B = SavedList[I];
      for (unsigned P = PG.Begin[B]; P < PG.Begin[B + 1]; ++P)
        if (!Saved[PG.From[P]] && PG.carries(P, V, Out))
          Saved[PG.From[P]] = true, SavedList.push_back(PG.From[P]);
    }
    // The edge B -> S carries the task unconsumed.
    auto Carries = [&](unsigned B, unsigned S) {
      if (S == ExitId)
        return D.AtExit;
      for (unsigned P = PG.Begin[S]; P < PG.Begin[S + 1]; ++P)
        if (PG.From[P] == B)
          return PG.carries(P, V, Out);
      return false;
    };
    for (unsigned B : Order) {
      const CFGBlock *CB = BlockById[B];
      // Elsewhere the death comes before the block's own branch.
      if (!CB || !CB->getTerminatorStmt() || !Saved[B] ||
          (B == D.Block && !D.AtExit))
        continue;
      const CFGBlock *Toward = nullptr;
      unsigned TowardIndex = 0;
      unsigned Index = 0;
      for (const CFGBlock *S : CB->succs()) {
        if (!Toward && S && OnPath[S->getBlockID()] &&
            !Saved[S->getBlockID()] && Carries(B, S->getBlockID()))
          Toward = S, TowardIndex = Index;
        ++Index;
      }
      if (Toward &&
          describeBranch(CB->getTerminatorStmt(), TowardIndex, Toward, D))
        return;
    }
  }

  /// "the 'if' condition is false", for the edge to successor \p Index.
  bool describeBranch(const Stmt *T, unsigned Index, const CFGBlock *Succ,
                      Death &D) {
    const char *Truth = Index == 0 ? "true" : "false";
    auto Cond = [&](const char *What, const Expr *C) {
      if (!C)
        return false;
      D.BranchLoc = C->getBeginLoc();
      D.Branch = std::string("the ") + What + " is " + Truth;
      return true;
    };
    if (const auto *If = dyn_cast<IfStmt>(T))
      return Cond("'if' condition", If->getCond());
    if (const auto *W = dyn_cast<WhileStmt>(T))
      return Cond("'while' condition", W->getCond());
    if (const auto *Do = dyn_cast<DoStmt>(T))
      return Cond("'do' condition", Do->getCond());
    if (const auto *For = dyn_cast<ForStmt>(T))
      return Cond("'for' condition", For->getCond());
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(T))
      return Cond("'?:' condition", CO->getCond());
    if (const auto *BO = dyn_cast<BinaryOperator>(T)) {
      if (!BO->isLogicalOp())
        return false;
      // Either way, the first successor is the one where the left side
      // is true.
      return Cond(BO->getOpcode() == BO_LAnd ? "left side of '&&'"
                                             : "left side of '||'",
                  BO->getLHS());
    }
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(T)) {
      D.BranchLoc = RF->getColonLoc();
      D.Branch = Index == 0
                     ? "the range-based 'for' loop takes another element"
                     : "the range-based 'for' loop runs out of elements";
      return true;
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(T)) {
      const Stmt *Label = Succ->getLabel();
      if (const auto *CS = dyn_cast_or_null<CaseStmt>(Label)) {
        D.BranchLoc = CS->getBeginLoc();
        llvm::StringRef Text = Lexer::getSourceText(
            CharSourceRange::getTokenRange(CS->getLHS()->getSourceRange()),
            AC.SM, AC.Ctx.getLangOpts());
        D.Branch = "the 'switch' takes 'case " + Text.str() + "'";
        return !Text.empty();
      }
      if (const auto *DS = dyn_cast_or_null<DefaultStmt>(Label)) {
        D.BranchLoc = DS->getBeginLoc();
        D.Branch = "the 'switch' takes 'default'";
        return true;
      }
      if (!Sw->getCond())
        return false;
      D.BranchLoc = Sw->getCond()->getBeginLoc();
      D.Branch = "no 'case' of the 'switch' matches";
      return true;
    }
    return false;
  }

  //===-- 4. Findings -----------------------------------------------------===//

  /// The element type as the declaration spells it (`Task<>`), not its
  /// canonical form (`demo::Task<void>`).
  QualType writtenElementType(const Tracked &T) {
    if (T.R != Role::Container)
      return T.TaskType;
    if (const auto *TST =
            T.VD->getType()->getAs<TemplateSpecializationType>()) {
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
  QualType patternType(const VarDecl *VD) {
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

  std::string describe(const Tracked &T, bool Overwrite) {
    QualType Pattern = T.R == Role::Task ? patternType(T.VD) : QualType();
    std::string Ty = AC.displayType(Pattern.isNull() ? writtenElementType(T)
                                                     : Pattern);
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
      Noun = T.R == Role::Task ? "an eager coroutine task"
                               : "eager coroutine tasks";
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
                       : Never ? "that is never awaited"
                               : "that is not awaited on every path";
    return What + Name + " holds " + Noun + " '" + Ty + "' " + Fate + "; " +
           Consequence;
  }

  /// `auto x = call();` in a coroutine: `auto x = co_await call();`.
  void addFix(Finding &F, const Tracked &T) {
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
    if (T.InCatch || T.SharesDeclaration)
      return;
    // The awaited value must be a value: `auto x = co_await f()` with a
    // void result does not compile.
    const CXXRecordDecl *RD = T.Info->Record;
    DeclarationName Op =
        AC.Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
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
    if (!Resume || Resume->getReturnType()->isUndeducedType() ||
        Resume->getReturnType()->isVoidType() ||
        Resume->getReturnType()->isDependentType())
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

  void reportAll() {
    for (auto &[V, St] : Overwrites) {
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
    for (unsigned V = 0; V < Vars.size(); ++V) {
      auto It = Deaths.find(V);
      if (It == Deaths.end())
        continue;
      const Tracked &T = Vars[V];
      Finding F;
      F.Check = CheckId::UnawaitedVariable;
      F.Loc = T.VD->getLocation();
      F.Range = T.VD->getSourceRange();
      F.Message = describe(T, false);
      addFix(F, T);
      std::string Name = "'" + T.VD->getNameAsString() + "'";
      std::string Where;
      const Stmt *Trig = It->second.Trigger;
      if (isa_and_nonnull<CoreturnStmt>(Trig))
        Where = " by this 'co_return'";
      else if (isa_and_nonnull<ReturnStmt>(Trig))
        Where = " by this 'return'";
      else if (isa_and_nonnull<CXXThrowExpr>(Trig))
        Where = " when this 'throw' leaves its scope";
      else if (isa_and_nonnull<BreakStmt>(Trig))
        Where = " by this 'break'";
      else if (isa_and_nonnull<ContinueStmt>(Trig))
        Where = " by this 'continue'";
      else if (isa_and_nonnull<GotoStmt>(Trig))
        Where = " by this 'goto'";
      else
        Where = " at the end of its scope";
      if (It->second.BranchLoc.isValid() && It->second.Loc.isValid())
        F.Notes.push_back({It->second.BranchLoc,
                           Name + " is not awaited when " + It->second.Branch,
                           {}});
      if (T.ReadAsValueAt.isValid() && !T.EverConsumed) {
        F.Notes.push_back({T.ReadAsValueAt,
                           Name + " is used here as if it were the awaited "
                                  "result",
                           {}});
      }
      if (It->second.Loc.isValid()) {
        std::string Note = Name;
        Note += " is destroyed";
        Note += Where;
        Note += T.R == Role::Container ? " while holding tasks not awaited"
                                       : " without being awaited";
        F.Notes.push_back({It->second.Loc, std::move(Note), {}});
      }
      AC.report(std::move(F));
    }
  }

  AnalysisContext &AC;
  const FunctionDecl *FD;
  Stmt *Body;
  Stmt *UserBody = nullptr;
  /// Summarising the uses of a member (usesOfMember): the member, how it
  /// is tracked, and where it is stored to.
  const FieldDecl *TrackedField = nullptr;
  const TrackedType *Member = nullptr;
  llvm::SmallVectorImpl<const Stmt *> *MemberStores = nullptr;
  unsigned EventCount = 0;
  FunctionScope Scope;
  std::vector<Tracked> Vars;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  /// References bound to a tracked variable (`const auto &r = t;`,
  /// `auto &d = static_cast<Derived &>(t)`): their uses are its uses.
  llvm::DenseMap<const VarDecl *, unsigned> Aliases;
  llvm::DenseMap<const Stmt *, StmtFacts> Facts;
  llvm::DenseMap<const VarDecl *, const Stmt *> ScopeOf;
  llvm::DenseMap<const Stmt *, LiveSet> ScopeMasks;
  /// Each label and goto with the statements from the body down to it.
  llvm::DenseMap<const LabelStmt *, std::vector<const Stmt *>> Labels;
  std::vector<std::pair<const GotoStmt *, std::vector<const Stmt *>>> Gotos;
  /// For each throw: the statements from the body down to it.
  llvm::DenseMap<const Stmt *, std::vector<const Stmt *>> ThrowChains;
  /// Handler block lists of the try statements that calls may leave.
  llvm::DenseMap<const CXXTryStmt *, unsigned> HandlerListOf;
  std::vector<llvm::SmallVector<unsigned, 2>> HandlerLists;
  std::vector<LiveSet> HandlerIn; ///< by block id
  std::vector<const CFGBlock *> BlockById; ///< filled when a path is named
  std::vector<bool> OnPathScratch;         ///< explainPath's, all false
  std::vector<bool> SavedScratch;          ///< likewise
  /// For each variable a path must be named for: the blocks that consume it.
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 4>> ConsumeBlocks;
  /// (variable, block) of every consumption met in the reporting pass.
  std::vector<std::pair<unsigned, unsigned>> Consumptions;
  static constexpr size_t MaxPathBlocks = 256;
  unsigned CurrentBlock = 0;               ///< during the reporting pass
  std::map<unsigned, Death> Deaths;
  std::map<unsigned, const Stmt *> Overwrites;
  /// Some variable is StateTested: only then are state facts computed.
  bool AnyStateTested = false;
  /// By-value future parameters that start out ready (then_wrapped's).
  llvm::SmallPtrSet<const VarDecl *, 2> ReadyParameters;
};

} // namespace

CFG::BuildOptions flowCFGOptions() {
  CFG::BuildOptions BO;
  // Scope-end elements, not per-variable lifetime ends or destructors: an
  // exit then costs one element per enclosing scope rather than one per
  // variable in scope, which keeps the CFG linear in the function.
  BO.AddScopes = true;
  // Sub-expressions become elements only where steps attach (uses, calls,
  // assignments, lambdas, co_await); casts, literals and operators would
  // be most of the CFG, and none of its meaning.
  for (Stmt::StmtClass C :
       {Stmt::DeclRefExprClass, Stmt::CallExprClass,
        Stmt::CXXMemberCallExprClass, Stmt::CXXOperatorCallExprClass,
        Stmt::CUDAKernelCallExprClass, Stmt::UserDefinedLiteralClass,
        Stmt::CXXConstructExprClass, Stmt::CXXTemporaryObjectExprClass,
        Stmt::LambdaExprClass, Stmt::CoawaitExprClass, Stmt::CXXThrowExprClass})
    BO.setAlwaysAdd(C);
  return BO;
}

/// Only `(void)p` or no use at all: what a library's body is trusted for.
static bool onlyIgnores(const FunctionDecl *Def, const ParmVarDecl *P) {
  // Pre-order: the node visited before a reference, parentheses and
  // implicit casts aside, is its parent when that is its only operand.
  struct Uses : RecursiveASTVisitor<Uses> {
    const ParmVarDecl *P;
    const Stmt *Parent = nullptr;
    bool Other = false;
    bool VisitStmt(Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
          DRE && DRE->getDecl() == P) {
        const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(Parent);
        Other |= !Cast || !Cast->getType()->isVoidType();
      }
      if (!isa<ParenExpr, ImplicitCastExpr>(S))
        Parent = S;
      return !Other;
    }
  } U;
  U.P = P;
  U.TraverseStmt(Def->getBody());
  return !U.Other;
}

std::optional<TrackedType> memberTrackedType(AnalysisContext &AC, QualType T) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  return FunctionFlow(AC, nullptr).memberType(T);
}

bool storesWork(AnalysisContext &AC, const Expr *Value, const TrackedType &T) {
  return FunctionFlow(AC, nullptr).storesWork(Value, T);
}

MemberUseSummary memberUses(AnalysisContext &AC, const FunctionDecl *FD,
                            const FieldDecl *Key, const TrackedType &T) {
  return FunctionFlow(AC, FD).usesOfMember(Key, T);
}

const FieldDecl *patternField(const FieldDecl *F) {
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  const CXXRecordDecl *Pattern =
      RD ? RD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || Pattern == RD)
    return F;
  for (const FieldDecl *P : Pattern->fields())
    if (P->getDeclName() == F->getDeclName())
      return P;
  return F;
}

/// Whether the template \p Def was instantiated from names its parameter
/// \p I only inside pack expansions (`std::get<I>(std::move(t))...`) that
/// came out empty in \p Def, which never names it: a filter that kept
/// nothing, by its author's design, not a forgotten await.
static bool droppedByEmptyExpansion(const FunctionDecl *Def, unsigned I) {
  const FunctionDecl *Pattern = Def->getTemplateInstantiationPattern();
  if (!Pattern || I >= Pattern->getNumParams() || !Pattern->getBody() ||
      !Def->getBody())
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P;
    unsigned Depth = 1; // outside expansions too
    bool Found = false;
    bool TraversePackExpansionExpr(PackExpansionExpr *E) {
      ++Depth;
      RecursiveASTVisitor::TraversePackExpansionExpr(E);
      --Depth;
      return !Found;
    }
    bool TraverseCXXFoldExpr(CXXFoldExpr *E) {
      ++Depth;
      RecursiveASTVisitor::TraverseCXXFoldExpr(E);
      --Depth;
      return !Found;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      Found |= Depth && E->getDecl() == P;
      return !Found;
    }
  };
  Finder Here;
  Here.P = Def->getParamDecl(I);
  Here.TraverseStmt(Def->getBody());
  if (Here.Found)
    return false;
  Finder InPattern;
  InPattern.P = Pattern->getParamDecl(I);
  InPattern.Depth = 0;
  InPattern.TraverseStmt(Pattern->getBody());
  return InPattern.Found;
}

bool handsOnParameter(AnalysisContext &AC, const FunctionDecl *Callee,
                      unsigned I) {
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def) || !Def || I >= Def->getNumParams() ||
      Def->isDependentContext() || isa<CXXConstructorDecl>(Def))
    return true;
  // A runner (sync_wait, a blocking get) is what drives the task, whatever
  // a stand-in body in a test shows.
  if (AC.Classifier.isRunner(Callee))
    return true;
  // The body run may be an override's.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def);
      M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
      !M->getParent()->hasAttr<FinalAttr>())
    return true;
  auto [It, New] = AC.HandOffs.try_emplace({Def, I}, 2);
  if (!New)
    return It->second != 0;
  const ParmVarDecl *P = Def->getParamDecl(I);
  // A named by-value parameter of the user's own function is reported
  // where it dies, in the callee, once for all its callers. Outside
  // templates, an unnamed one is a deliberate sink (a stub, an overload).
  if ((!P->getName().empty() && !P->getType()->isReferenceType() &&
       !AC.isLibraryLocation(Def->getLocation())) ||
      (P->getName().empty() && !Def->getTemplateInstantiationPattern()))
    return true;
  bool HandsOn;
  // Library bodies are trusted only when plainly empty of uses: their
  // plumbing (builtins, unevaluated tricks) is not ours to model.
  if (AC.isLibraryLocation(Def->getLocation()))
    HandsOn = !onlyIgnores(Def, P);
  else if (AC.HandOffDepth >= 8)
    HandsOn = true;
  else {
    ++AC.HandOffDepth;
    HandsOn = FunctionFlow(AC, Def).consumesParameter(P);
    --AC.HandOffDepth;
  }
  if (!HandsOn && droppedByEmptyExpansion(Def, I))
    HandsOn = true;
  AC.HandOffs[{Def, I}] = HandsOn;
  return HandsOn;
}

void UnawaitedVariableChecker::analyze(const FunctionDecl *FD) {
  if (!FD || !FD->hasBody() || FD->isDependentContext())
    return;
  FunctionFlow(AC, FD).run();
}

} // namespace unawaited
