//===- UnawaitedVariable.cpp - Stored tasks that die unconsumed -----------===//
//
// 1. Find the tracked variables: locals and by-value parameters holding a
//    task (lazy, eager or an awaitable), and local containers of tasks.
//    Functions without any get no CFG at all.
// 2. Classify every use of them once, from the AST (parents via ParentMap):
//    consume (co_await, move into a call, non-const member, ...), add to a
//    container, overwrite by assignment, or just read.
// 3. Run the dataflow; then walk the blocks once more with the converged
//    states and report a variable still set where its lifetime ends.
//
//===----------------------------------------------------------------------===//
#include "UnawaitedVariable.h"
#include "AstUtils.h"
#include "DiscardedTask.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SparseBitVector.h"

using namespace clang;

namespace unawaited {
namespace {

enum class Role { Task, Container };

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
};

enum class EventKind { Gen, Consume, Overwrite };
struct Event {
  EventKind K;
  unsigned Var;
};

using LiveSet = llvm::SparseBitVector<>;

struct Death {
  SourceLocation Loc;
  const Stmt *Trigger = nullptr;
};

/// Walks a function's own body: a lambda's captures are evaluated here,
/// its body is a function of its own.
template <typename Derived>
struct OwnBodyVisitor : RecursiveASTVisitor<Derived> {
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (Expr *Init : LE->capture_inits())
      if (Init && !this->TraverseStmt(Init))
        return false;
    return true;
  }
};

static bool isStdMoveLike(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || CE->getNumArgs() != 1 || !FD->isInStdNamespace() ||
      !FD->getDeclName().isIdentifier())
    return false;
  return llvm::StringRef(FD->getName()) == "move" || FD->getName() == "forward";
}

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

class FunctionFlow {
public:
  FunctionFlow(AnalysisContext &AC, const FunctionDecl *FD)
      : AC(AC), FD(FD), Body(FD->getBody()) {}

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
    PM = std::make_unique<ParentMap>(UserBody);
    collectEvents();
    // Scope-end elements, not per-variable lifetime ends or destructors:
    // an exit then costs one element per enclosing scope rather than one
    // per variable in scope, which keeps the CFG linear in the function.
    CFG::BuildOptions BO;
    BO.AddScopes = true;
    BO.setAllAlwaysAdd();
    std::unique_ptr<CFG> G =
        CFG::buildCFG(FD, Body, &AC.Ctx, BO);
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

  /// A container's task element type: a template argument that is a task.
  std::pair<const TypeInfo *, QualType> elementInfo(QualType T) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T->getAsCXXRecordDecl());
    if (!Spec)
      return {nullptr, {}};
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        if (const TypeInfo *I = taskInfo(A.getAsType()))
          return {I, A.getAsType()};
    return {nullptr, {}};
  }

  bool initiallyLive(const VarDecl *VD, Role R) {
    if (isa<ParmVarDecl>(VD))
      return true;
    const Expr *Init = VD->getInit() ? ignoreTemporaries(VD->getInit()) : nullptr;
    if (!Init)
      return false;
    if (R == Role::Task) {
      if (const auto *C = dyn_cast<CXXConstructExpr>(Init))
        return C->getNumArgs() > 0 && !isa<CXXDefaultArgExpr>(C->getArg(0));
      return true;
    }
    if (const auto *IL = dyn_cast<InitListExpr>(Init))
      return IL->getNumInits() > 0;
    if (const auto *C = dyn_cast<CXXConstructExpr>(Init)) {
      for (const Expr *A : C->arguments()) {
        const Expr *S = ignoreTemporaries(A);
        if (isa<CXXStdInitializerListExpr, InitListExpr>(S))
          return true;
        if (taskInfo(S->getType().getNonReferenceType()))
          return true;
      }
    }
    return false;
  }

  void track(const VarDecl *VD) {
    if (!VD || VD->getType()->isReferenceType() ||
        VD->getType()->isDependentType() || Index.count(VD))
      return;
    const TypeInfo *Info = taskInfo(VD->getType());
    Role R = Role::Task;
    QualType TaskType = VD->getType();
    if (!Info) {
      std::tie(Info, TaskType) = elementInfo(VD->getType());
      R = Role::Container;
    }
    if (!Info)
      return;
    // [[maybe_unused]] is an explicit discard, like (void).
    if (VD->hasAttr<UnusedAttr>() &&
        (Info->Kind == TaskKind::EagerTask ||
         AC.Classifier.options().AllowCastToVoid))
      return;
    if (const auto *Call =
            VD->getInit() ? dyn_cast<CallExpr>(ignoreTemporaries(VD->getInit())) : nullptr)
      if (AC.Classifier.isIgnoredFunction(Call->getDirectCallee()))
        return;
    Index[VD] = Vars.size();
    Vars.push_back({VD, R, Info, TaskType, initiallyLive(VD, R)});
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
    struct Finder : OwnBodyVisitor<Finder> {
      FunctionFlow *F;
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
    Events[At].push_back({K, V});
    if (K == EventKind::Consume)
      Vars[V].EverConsumed = true;
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
    for (unsigned I = Offset; I < CE->getNumArgs(); ++I)
      if (CE->getArg(I) == Child && I - Offset < Pattern->getNumParams())
        return Pattern->getParamDecl(I - Offset)->getType()->isDependentType();
    return false;
  }

  void classifyUse(const DeclRefExpr *DRE, unsigned V) {
    const Stmt *Child = DRE;
    const Stmt *P = PM->getParent(Child);
    while (P) {
      if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
              OpaqueValueExpr, ConstantExpr, ExprWithCleanups>(P) ||
          (isa<ImplicitCastExpr>(P) &&
           cast<ImplicitCastExpr>(P)->getCastKind() != CK_UserDefinedConversion)) {
        Child = P;
        P = PM->getParent(P);
        continue;
      }
      if (const auto *CE = dyn_cast<CallExpr>(P); CE && isStdMoveLike(CE)) {
        Child = P;
        P = PM->getParent(P);
        continue;
      }
      break;
    }
    if (!P)
      return;
    if (!isDeducedArgument(Child, P))
      Vars[V].FixBlocked = true;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
        Cast && Cast->getType()->isVoidType()) {
      // `(void)f;` acknowledges an eager task; a lazy one still never runs.
      if (Vars[V].Info->Kind == TaskKind::EagerTask)
        add(DRE, EventKind::Consume, V);
      return;
    }
    if (isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr, ReturnStmt,
            CoreturnStmt, InitListExpr, CXXParenListInitExpr, CXXForRangeStmt>(P))
      return add(DRE, EventKind::Consume, V);
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_AddrOf)
        add(DRE, EventKind::Consume, V); // escapes: be conservative
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!M) {
        // Reaching into the task's data (its coroutine handle): this is the
        // library's own code driving the task, e.g. a sync_wait.
        if (isa<FieldDecl>(ME->getMemberDecl()))
          add(DRE, EventKind::Consume, V);
        return;
      }
      Vars[V].FixBlocked = true;
      const Stmt *Call = PM->getParent(ME);
      if (!isa_and_nonnull<CXXMemberCallExpr>(Call))
        Call = ME;
      return memberUse(M, Call, DRE, V);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(1) == Child && isStdIgnore(Op->getArg(0))) {
        if (Vars[V].Info->Kind == TaskKind::EagerTask)
          add(DRE, EventKind::Consume, V); // the acknowledged-discard idiom
        return;
      }
      if (M && Op->getNumArgs() > 0 && Op->getArg(0)->IgnoreImplicit() ==
                                           cast<Expr>(Child)->IgnoreImplicit()) {
        if (Op->getOperator() == OO_Equal) {
          Vars[V].FixBlocked = true;
          return add(Op, EventKind::Overwrite, V);
        }
        Vars[V].FixBlocked = true;
        return memberUse(M, Op, DRE, V);
      }
      unsigned Offset = M ? 1 : 0;
      for (unsigned I = Offset; I < Op->getNumArgs(); ++I)
        if (Op->getArg(I) == Child)
          if (consumingParam(paramType(Op->getDirectCallee(), I - Offset)))
            add(DRE, EventKind::Consume, V);
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      const FunctionProtoType *Proto = nullptr;
      if (!Callee)
        if (QualType T = CE->getCallee()->getType(); !T.isNull()) {
          if (const auto *PT = T->getAs<PointerType>())
            T = PT->getPointeeType();
          Proto = T->getAs<FunctionProtoType>();
        }
      for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
        if (CE->getArg(I) != Child)
          continue;
        QualType PT = Callee ? paramType(Callee, I)
                     : (Proto && I < Proto->getNumParams())
                         ? Proto->getParamType(I)
                         : QualType();
        if (consumingParam(PT))
          add(DRE, EventKind::Consume, V);
      }
      return;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (CE->getArg(I) == Child &&
            consumingParam(paramType(CE->getConstructor(), I)))
          add(DRE, EventKind::Consume, V);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *Ref = dyn_cast<VarDecl>(D);
            Ref && Ref->getInit() == Child && Ref->getType()->isReferenceType())
          if (!Ref->getType()->getPointeeType().isConstQualified() ||
              Ref->getType()->isRValueReferenceType())
            add(DRE, EventKind::Consume, V);
      return;
    }
  }

  void memberUse(const CXXMethodDecl *M, const Stmt *Call,
                 const DeclRefExpr *DRE, unsigned V) {
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
      if (Name != "reserve" && Name != "shrink_to_fit")
        add(Call, EventKind::Gen, V);
      return;
    }
    // &&-qualified, listed in ConsumingMethods, or any other non-const
    // member: it acts on the task, so count it as consumed.
    add(DRE, EventKind::Consume, V);
  }

  void collectEvents() {
    struct Uses : RecursiveASTVisitor<Uses> {
      FunctionFlow *F;
      const LambdaExpr *InLambda = nullptr;
      bool TraverseLambdaExpr(LambdaExpr *LE) {
        for (Expr *Init : LE->capture_inits())
          if (Init && !TraverseStmt(Init))
            return false;
        const LambdaExpr *Saved = InLambda;
        if (!InLambda)
          InLambda = LE;
        TraverseStmt(LE->getBody());
        InLambda = Saved;
        return true;
      }
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        auto It = VD ? F->Index.find(VD) : F->Index.end();
        if (It == F->Index.end())
          return true;
        if (InLambda) // captured: the lambda may await it
          F->add(InLambda, EventKind::Consume, It->second);
        else
          F->classifyUse(DRE, It->second);
        return true;
      }
    } U;
    U.F = this;
    U.TraverseStmt(UserBody);
  }

  //===-- 3. Dataflow -----------------------------------------------------===//

  /// Whether a throw at \p Throw leaves the scope of \p VD (no enclosing
  /// try block inside that scope catches it first).
  bool throwLeavesScope(const Stmt *Throw, const VarDecl *VD) {
    // The statement that declares VD (none for parameters).
    auto It = ScopeOf.find(VD);
    const Stmt *Scope = It == ScopeOf.end() ? nullptr : It->second;
    for (const Stmt *S = Throw, *Prev = nullptr; S;
         Prev = S, S = PM->getParent(S)) {
      if (S == Scope)
        return true;
      if (const auto *Try = dyn_cast<CXXTryStmt>(S))
        if (Prev == Try->getTryBlock())
          return false;
    }
    return Scope == nullptr; // parameters: leaving the function
  }

  /// For every local variable: the statement whose scope declares it (the
  /// parent of its DeclStmt). The CFG names a scope by its first variable;
  /// all tracked variables of that same statement end with it.
  void computeDeclScopes() {
    struct Find : OwnBodyVisitor<Find> {
      FunctionFlow *F;
      bool VisitDeclStmt(DeclStmt *DS) {
        const Stmt *Scope = F->PM->getParent(DS);
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D)) {
            F->ScopeOf[VD] = Scope;
            auto It = F->Index.find(VD);
            if (It != F->Index.end()) {
              F->ScopeMasks[Scope].set(It->second);
            }
          }
        return true;
      }
    } Finder;
    Finder.F = this;
    Finder.TraverseStmt(UserBody);
  }

  /// Applies one element; with \p Report, records deaths and overwrites.
  void transfer(const CFGElement &E, LiveSet &Live, bool Report) {
    if (auto End = E.getAs<CFGScopeEnd>()) {
      auto Scope = ScopeOf.find(End->getVarDecl());
      if (Scope == ScopeOf.end())
        return;
      auto Mask = ScopeMasks.find(Scope->second);
      if (Mask == ScopeMasks.end())
        return;
      // Word-parallel: an exit from a scope holding many variables costs
      // a few machine words, not one step per variable.
      if (Report && Live.intersects(Mask->second)) {
        LiveSet Dying = Live;
        Dying &= Mask->second;
        for (unsigned V : Dying)
          die(V, End->getTriggerStmt());
      }
      Live.intersectWithComplement(Mask->second);
      return;
    }
    auto S = E.getAs<CFGStmt>();
    if (!S)
      return;
    const Stmt *St = S->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls()) {
        auto It = Index.find(dyn_cast<VarDecl>(D));
        if (It == Index.end())
          continue;
        if (Vars[It->second].InitiallyLive)
          Live.set(It->second);
        else
          Live.reset(It->second);
      }
      return;
    }
    if (isa<CXXThrowExpr>(St)) {
      LiveSet Before = Live;
      for (unsigned V : Before)
        if (throwLeavesScope(St, Vars[V].VD)) {
          if (Report)
            die(V, St);
          Live.reset(V);
        }
      return;
    }
    auto It = Events.find(St);
    if (It == Events.end())
      return;
    for (const Event &Ev : It->second) {
      switch (Ev.K) {
      case EventKind::Gen:
        Live.set(Ev.Var);
        break;
      case EventKind::Consume:
        Live.reset(Ev.Var);
        break;
      case EventKind::Overwrite:
        if (Report && Live.test(Ev.Var) && !Overwrites.count(Ev.Var))
          Overwrites[Ev.Var] = St;
        Live.set(Ev.Var);
        break;
      }
    }
  }

  void die(unsigned V, const Stmt *Trigger) {
    if (Deaths.count(V))
      return;
    Death D;
    D.Trigger = Trigger;
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Trigger))
      D.Loc = CS->getRBracLoc();
    else if (const auto *CR = dyn_cast_or_null<CoreturnStmt>(Trigger);
             CR && CR->isImplicit())
      D.Loc = UserBody->getEndLoc();
    else if (Trigger)
      D.Loc = Trigger->getBeginLoc();
    Deaths[V] = D;
  }

  /// Blocks in reverse post-order. Clang's CFG keeps edges it pruned
  /// (constant conditions, infinite loops) as null successors, which
  /// llvm's graph iterators would follow; skip them.
  static std::vector<const CFGBlock *> reversePostOrder(const CFG &G) {
    std::vector<const CFGBlock *> Order;
    std::vector<bool> Seen(G.getNumBlockIDs(), false);
    auto Walk = [&](const CFGBlock *Root) {
      std::vector<const CFGBlock *> Post;
      std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>>
          Stack;
      Stack.push_back({Root, Root->succ_begin()});
      Seen[Root->getBlockID()] = true;
      while (!Stack.empty()) {
        auto &[B, It] = Stack.back();
        if (It == B->succ_end()) {
          Post.push_back(B);
          Stack.pop_back();
          continue;
        }
        const CFGBlock *S = *It;
        ++It;
        if (S && !Seen[S->getBlockID()]) {
          Seen[S->getBlockID()] = true;
          Stack.push_back({S, S->succ_begin()});
        }
      }
      Order.insert(Order.end(), Post.rbegin(), Post.rend());
    };
    Walk(&G.getEntry());
    // Catch handlers have no predecessors in a CFG without exception
    // edges; they are entered through the handler edges computed below.
    for (const CFGBlock *B : G)
      if (const Stmt *L = B->getLabel();
          L && isa<CXXCatchStmt>(L) && !Seen[B->getBlockID()])
        Walk(B);
    return Order;
  }

  /// Exceptions inside a try block: a call there may jump to the try's
  /// handlers. Modelled only inside try blocks, where the user expects
  /// them; everywhere else an exception path would make every stored task
  /// suspect.
  void computeHandlerEdges(const CFG &G) {
    llvm::DenseMap<const Stmt *, const CFGBlock *> HandlerBlock;
    for (const CFGBlock *B : G)
      if (const Stmt *L = B->getLabel(); L && isa<CXXCatchStmt>(L))
        HandlerBlock[L] = B;
    if (HandlerBlock.empty())
      return;
    for (const CFGBlock *B : G)
      for (const CFGElement &E : *B) {
        auto S = E.getAs<CFGStmt>();
        if (!S || !isa<CallExpr, CXXConstructExpr, CoawaitExpr>(S->getStmt()))
          continue;
        // The innermost try whose try block contains the call.
        for (const Stmt *P = S->getStmt(), *Prev = nullptr; P;
             Prev = P, P = PM->getParent(P))
          if (const auto *Try = dyn_cast<CXXTryStmt>(P);
              Try && Prev == Try->getTryBlock()) {
            for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
              if (const CFGBlock *HB = HandlerBlock.lookup(Try->getHandler(H)))
                ThrowTargets[S->getStmt()].push_back(HB);
            break;
          }
      }
  }

  void solve(CFG &G) {
    computeDeclScopes();
    // Sparse sets: the cost of a block is proportional to the tasks that
    // may be unconsumed there, not to the number of tracked variables.
    std::vector<LiveSet> In(G.getNumBlockIDs()), Out(G.getNumBlockIDs());
    std::vector<const CFGBlock *> RPO = reversePostOrder(G);
    computeHandlerEdges(G);
    LiveSet Entry;
    for (unsigned V = 0; V < Vars.size(); ++V)
      if (isa<ParmVarDecl>(Vars[V].VD))
        Entry.set(V);
    // Sets only grow, so this converges; each pass is linear in the CFG.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const CFGBlock *B : RPO) {
        LiveSet State;
        if (B == &G.getEntry())
          State = Entry;
        for (const CFGBlock *P : B->preds())
          if (P)
            State |= Out[P->getBlockID()];
        if (auto H = HandlerIn.find(B); H != HandlerIn.end())
          State |= H->second;
        In[B->getBlockID()] = State;
        for (const CFGElement &E : *B) {
          transfer(E, State, false);
          // The state where a call inside a try block may throw flows to
          // that try's handlers.
          if (auto S = E.getAs<CFGStmt>())
            if (auto T = ThrowTargets.find(S->getStmt());
                T != ThrowTargets.end())
              for (const CFGBlock *HB : T->second)
                Changed |= HandlerIn[HB] |= State;
        }
        if (State != Out[B->getBlockID()]) {
          Out[B->getBlockID()] = std::move(State);
          Changed = true;
        }
      }
    }
    for (const CFGBlock *B : RPO) {
      LiveSet State = In[B->getBlockID()];
      const Stmt *Last = nullptr;
      for (const CFGElement &E : *B) {
        transfer(E, State, true);
        if (auto S = E.getAs<CFGStmt>())
          Last = S->getStmt();
      }
      // Parameters still holding a task when the function returns: at the
      // return that leaves, or at the end of the body. Not on paths that
      // end in a noreturn call (abort, exit).
      bool ToExit = llvm::any_of(B->succs(), [&](const CFGBlock *S) {
        return S == &G.getExit();
      });
      if (!ToExit || B == &G.getEntry())
        continue;
      if (B->hasNoReturnElement())
        continue;
      // Falling off a coroutine's end runs an implicit co_return.
      bool Explicit = isa_and_nonnull<ReturnStmt>(Last) ||
                      (isa_and_nonnull<CoreturnStmt>(Last) &&
                       !cast<CoreturnStmt>(Last)->isImplicit());
      const Stmt *Trigger = Explicit ? Last : UserBody;
      for (unsigned V : State)
        if (isa<ParmVarDecl>(Vars[V].VD))
          die(V, Trigger);
    }
    reportAll();
  }

  //===-- 4. Findings -----------------------------------------------------===//

  /// The element type as the declaration spells it (`Task<>`), not its
  /// canonical form (`demo::Task<void>`).
  QualType writtenElementType(const Tracked &T) {
    if (T.R != Role::Container)
      return T.TaskType;
    if (const auto *TST =
            T.VD->getType()->getAs<TemplateSpecializationType>())
      for (const TemplateArgument &A : TST->template_arguments())
        if (A.getKind() == TemplateArgument::Type &&
            AC.Ctx.hasSameType(A.getAsType(), T.TaskType))
          return A.getAsType();
    return T.TaskType;
  }

  std::string describe(const Tracked &T, bool Overwrite) {
    std::string Ty = AC.displayType(writtenElementType(T));
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
      break;
    }
    if (T.R == Role::Container)
      Consequence = T.Info->Kind == TaskKind::EagerTask
                        ? "their results and exceptions may be lost"
                        : "their bodies may never run";
    std::string Name = "'" + T.VD->getNameAsString() + "'";
    if (Overwrite)
      return "assignment to " + Name + " destroys " + Noun + " '" + Ty +
             "' that was never awaited; " + Consequence;
    std::string What = isa<ParmVarDecl>(T.VD) ? "parameter " : "variable ";
    if (T.R == Role::Container)
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
    for (const Stmt *S = PM->getParent(Init); S; S = PM->getParent(S))
      if (isa<CXXCatchStmt>(S))
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
    if (Scope.IsCoroutine) {
      if (!T.Info->DirectlyAwaitable ||
          (!Scope.Promise.isNull() &&
           !AC.Classifier.canAwaitIn(T.TaskType, Scope.Promise)))
        return;
      F.Fixes.push_back(FixItHint::CreateInsertion(Begin, "co_await "));
      return;
    }
    const std::string &SyncWait = AC.Classifier.options().SyncWaitFunction;
    if (SyncWait.empty() || !syncWaitAccepts(SyncWait, T.TaskType))
      return;
    SourceLocation End = Lexer::getLocForEndOfToken(
        Init->getEndLoc(), 0, AC.SM, AC.Ctx.getLangOpts());
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
      if (It->second.Loc.isValid())
        F.Notes.push_back({It->second.Loc,
                           Name + " is destroyed" + Where +
                               (T.R == Role::Container
                                    ? " while holding tasks not awaited"
                                    : " without being awaited"),
                           {}});
      AC.report(std::move(F));
    }
  }

  AnalysisContext &AC;
  const FunctionDecl *FD;
  Stmt *Body;
  Stmt *UserBody = nullptr;
  FunctionScope Scope;
  std::unique_ptr<ParentMap> PM;
  std::vector<Tracked> Vars;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<Event, 1>> Events;
  llvm::DenseMap<const VarDecl *, const Stmt *> ScopeOf;
  llvm::DenseMap<const Stmt *, LiveSet> ScopeMasks;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const CFGBlock *, 2>>
      ThrowTargets;
  llvm::DenseMap<const CFGBlock *, LiveSet> HandlerIn;
  std::map<unsigned, Death> Deaths;
  std::map<unsigned, const Stmt *> Overwrites;
};

} // namespace

void UnawaitedVariableChecker::analyze(const FunctionDecl *FD) {
  if (!FD || !FD->hasBody() || FD->isDependentContext())
    return;
  FunctionFlow(AC, FD).run();
}

} // namespace unawaited
