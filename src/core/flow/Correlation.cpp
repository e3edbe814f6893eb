//===- Correlation.cpp - Findings only infeasible paths reach -------------===//
//
// One scan of the body finds the steady variables and the counters; the
// CFG's two-way blocks that test them are the sites. Each truth assignment
// of the steady tests gets a copy of the flat CFG whose blocks are also
// split by the state of each counter test, with the inconsistent edges left
// out; the unchanged Solver runs on each copy.
//
//===----------------------------------------------------------------------===//
#include "Correlation.h"
#include "Consumption.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <array>

using namespace clang;

namespace unawaited::flow {
namespace {

/// What one reference does to its variable.
enum class Use : uint8_t { Read, Step, Reset, Other };

struct VarUses {
  bool Written = false;         ///< some use is not a read
  bool Other = false;           ///< some use is neither a read, a step nor
                                ///< an assignment
  bool WrittenInLambda = false; ///< a write inside a nested lambda
  unsigned Steps = 0;           ///< 1: steps up, 2: steps down
  bool DeclaredInLoop = false;
};

/// Every reference to a local, a parameter or a capture in the body, by
/// what it does to the variable.
class UseScan {
public:
  UseScan(ASTContext &Ctx, const FunctionDecl *FD) : Ctx(Ctx) {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *I : Ctor->inits())
        visit(I->getInit(), nullptr, 0, 0);
    visit(FD->getBody(), nullptr, 0, 0);
  }

  llvm::DenseMap<const VarDecl *, VarUses> Vars;
  llvm::DenseMap<const DeclRefExpr *, Use> Kinds;
  bool HasGoto = false;

private:
  void visit(const Stmt *S, const Stmt *Parent, unsigned Loops,
             unsigned Lambdas);
  void lambda(const LambdaExpr *L, unsigned Loops, unsigned Lambdas);
  void reference(const DeclRefExpr *D, const Stmt *Parent, unsigned Lambdas);
  unsigned stepOf(const BinaryOperator *B) const;

  ASTContext &Ctx;
};

void UseScan::visit(const Stmt *S, const Stmt *Parent, unsigned Loops,
                    unsigned Lambdas) {
  if (!S)
    return;
  if (const auto *D = dyn_cast<DeclRefExpr>(S))
    return reference(D, Parent, Lambdas);
  // Parentheses and added const change nothing: their child sees the same
  // parent.
  if (const auto *P = dyn_cast<ParenExpr>(S))
    return visit(P->getSubExpr(), Parent, Loops, Lambdas);
  if (const auto *C = dyn_cast<ImplicitCastExpr>(S);
      C && C->getCastKind() == CK_NoOp)
    return visit(C->getSubExpr(), Parent, Loops, Lambdas);
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    return lambda(L, Loops, Lambdas);
  // A coroutine's own statements move its parameters into the frame.
  if (const auto *CB = dyn_cast<CoroutineBodyStmt>(S))
    return visit(CB->getBody(), Parent, Loops, Lambdas);
  if (isa<GotoStmt, IndirectGotoStmt>(S))
    HasGoto = true;
  if (const auto *DS = dyn_cast<DeclStmt>(S); DS && Loops)
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        Vars[VD].DeclaredInLoop = true;
  const auto *For = dyn_cast<ForStmt>(S);
  bool Loop = For || isa<WhileStmt, DoStmt, CXXForRangeStmt>(S);
  for (const Stmt *C : S->children()) {
    // A for statement's initialiser runs once, before the loop.
    bool Inside = Loop && !(For && C == For->getInit());
    visit(C, S, Loops + Inside, Lambdas);
  }
}

/// A by-reference capture lets only the lambda's body change the variable,
/// and that body is scanned; the initialisers of the other captures are
/// uses here.
void UseScan::lambda(const LambdaExpr *L, unsigned Loops, unsigned Lambdas) {
  const Expr *const *Init = L->capture_init_begin();
  for (const LambdaCapture &C : L->captures()) {
    const Expr *E = *Init++;
    const auto *VD =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (VD && C.getCaptureKind() == LCK_ByRef && !VD->isInitCapture())
      continue;
    visit(E, L, Loops, Lambdas);
  }
  visit(L->getBody(), L, Loops, Lambdas + 1);
}

/// `v += 2` steps up (1), `v -= 2` down (2); any other amount, 0.
unsigned UseScan::stepOf(const BinaryOperator *B) const {
  if (B->getOpcode() != BO_AddAssign && B->getOpcode() != BO_SubAssign)
    return 0;
  std::optional<llvm::APSInt> C =
      B->getRHS()->isValueDependent()
          ? std::nullopt
          : B->getRHS()->getIntegerConstantExpr(Ctx);
  if (!C || C->isZero())
    return 0;
  bool Up = C->isStrictlyPositive() == (B->getOpcode() == BO_AddAssign);
  return Up ? 1 : 2;
}

/// Whether \p Arg is an argument of the call \p Parent bound to a
/// reference to const (`void send(const int &)`): the callee only reads.
bool bindsToConstRef(const Expr *Arg, const Stmt *Parent) {
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned Skip = 0;
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Parent)) {
    Callee = CE->getDirectCallee();
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    // A member operator's object is its first argument.
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee))
      Skip = 1;
  } else if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(Parent)) {
    Callee = CC->getConstructor();
    Args = llvm::ArrayRef(CC->getArgs(), CC->getNumArgs());
  }
  if (!Callee)
    return false;
  for (unsigned I = Skip; I < Args.size(); ++I) {
    if (Args[I]->IgnoreParenImpCasts() != Arg)
      continue;
    // The same test that says a `const T&` parameter does not take a task.
    QualType T = paramType(Callee, I - Skip);
    return !T.isNull() && T->isLValueReferenceType() && !consumingParam(T);
  }
  return false;
}

void UseScan::reference(const DeclRefExpr *D, const Stmt *Parent,
                        unsigned Lambdas) {
  const auto *VD = dyn_cast<VarDecl>(D->getDecl());
  if (!VD || !VD->hasLocalStorage())
    return;
  Use K = Use::Other;
  unsigned Step = 0;
  if (const auto *C = dyn_cast_or_null<ImplicitCastExpr>(Parent);
      (C && C->getCastKind() == CK_LValueToRValue) ||
      bindsToConstRef(D, Parent)) {
    K = Use::Read;
  } else if (const auto *U = dyn_cast_or_null<UnaryOperator>(Parent);
             U && U->isIncrementDecrementOp()) {
    K = Use::Step;
    Step = U->isIncrementOp() ? 1 : 2;
  } else if (const auto *B = dyn_cast_or_null<BinaryOperator>(Parent);
             B && B->getLHS()->IgnoreParens() == D) {
    Step = stepOf(B);
    if (B->getOpcode() == BO_Assign)
      K = Use::Reset;
    else if (Step)
      K = Use::Step;
  }
  Kinds[D] = K;
  if (K == Use::Read)
    return;
  VarUses &U = Vars[VD];
  U.Written = true;
  U.WrittenInLambda |= Lambdas > 0;
  U.Other |= K == Use::Other;
  U.Steps |= Step;
}

/// `v`, `!v`, `v == C`, `C != v`: the variable, the constant, and whether
/// the condition is true when the variable equals it.
struct Test {
  const VarDecl *Var;
  llvm::APSInt Value;
  bool EqualWhenTrue;
};

const VarDecl *testedVar(const Expr *E) {
  const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
}

std::optional<Test> parseTest(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent())
    return std::nullopt;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    std::optional<Test> T = parseTest(U->getSubExpr(), Ctx);
    if (T)
      T->EqualWhenTrue = !T->EqualWhenTrue;
    return T;
  }
  if (const VarDecl *V = testedVar(E))
    return Test{V, llvm::APSInt::get(0), false};
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B || !B->isEqualityOp())
    return std::nullopt;
  for (auto [L, R] : {std::pair(B->getLHS(), B->getRHS()),
                      std::pair(B->getRHS(), B->getLHS())}) {
    const VarDecl *V = testedVar(L);
    if (!V)
      continue;
    std::optional<llvm::APSInt> C;
    // A scoped enumerator is no integer constant expression, but has a
    // value.
    const auto *Enumerator = dyn_cast<DeclRefExpr>(R->IgnoreParenImpCasts());
    if (const auto *EC = Enumerator
                             ? dyn_cast<EnumConstantDecl>(Enumerator->getDecl())
                             : nullptr)
      C = EC->getInitVal();
    else if (R->getType()->isIntegralOrEnumerationType())
      C = R->getIntegerConstantExpr(Ctx);
    else if (R->isNullPointerConstant(Ctx, Expr::NPC_NeverValueDependent))
      C = llvm::APSInt::get(0);
    if (C)
      return Test{V, *C, B->getOpcode() == BO_EQ};
  }
  return std::nullopt;
}

/// A counter test's state on a path: the counter has not yet equalled the
/// value (or nothing is known), equals it now, or has stepped past it.
enum CounterState : uint8_t { NotYet, Holds, Passed };

struct Atom {
  const VarDecl *Var;
  llvm::APSInt Value;
  bool Counter;
  unsigned Sites = 0;
  int Bit = -1;   ///< steady: its bit in an assignment
  int Digit = -1; ///< counter: its base-3 digit in a context
};

struct Site {
  unsigned Atom;
  bool EqualWhenTrue;
};

/// At most this many steady tests are enumerated (2^4 copies) and this
/// many counter tests split the blocks (3^2 copies of each).
constexpr unsigned MaxSteady = 4, MaxCounters = 2;
/// And all the copies of one function hold at most this many blocks.
constexpr uint64_t MaxBlockCopies = 1u << 20;

class Refuter {
public:
  Refuter(AnalysisContext &AC, const FunctionDecl *FD, const CFG &G,
          const FlatCFG &F)
      : AC(AC), FD(FD), F(F), Scan(AC.Ctx, FD),
        EntryId(G.getEntry().getBlockID()), ExitId(G.getExit().getBlockID()) {
    findSites(G);
    choose();
    if (!Counters.empty())
      counterEvents(G);
  }

  bool useful() const { return !Steady.empty() || !Counters.empty(); }

  /// Solves every copy; the deaths and overwrites each reaches, by
  /// variable, with blocks of the original CFG.
  void solveAll(const TrackedVars &Vars, const BodyFacts &Facts,
                const Stmt *UserBody,
                std::map<unsigned, std::vector<Death>> &Deaths,
                std::map<unsigned, std::vector<const Stmt *>> &Overwrites);

private:
  bool steady(const VarDecl *V) const;
  bool counter(const VarDecl *V) const;
  void findSites(const CFG &G);
  void choose();
  void counterEvents(const CFG &G);
  unsigned digit(unsigned C, unsigned J) const { return C / Pow[J] % 3; }
  unsigned withDigit(unsigned C, unsigned J, unsigned D) const {
    return C - digit(C, J) * Pow[J] + D * Pow[J];
  }
  unsigned after(unsigned B, unsigned C) const;
  unsigned thrownFrom(unsigned B, unsigned C) const;
  std::optional<unsigned> edge(unsigned B, unsigned I, unsigned C,
                               unsigned Assignment) const;
  FlatCFG expand(unsigned Assignment) const;

  AnalysisContext &AC;
  const FunctionDecl *FD;
  const FlatCFG &F;
  UseScan Scan;
  unsigned EntryId, ExitId;
  std::vector<Atom> Atoms;
  llvm::DenseMap<unsigned, Site> Sites; ///< by block id
  std::vector<unsigned> Steady, Counters;
  std::vector<unsigned> Pow{1};
  unsigned Contexts = 1;
  /// Per block and counter test: the state after the block's steps of the
  /// counter, for each state before.
  std::vector<std::array<uint8_t, 3>> Transfer;
  std::vector<bool> Changes; ///< the block steps or sets a counter
};

/// A scalar that nothing changes while the function runs: a parameter; a
/// local declared once (outside loops, in a body without goto); a lambda's
/// copy, or a const variable it refers to.
bool Refuter::steady(const VarDecl *V) const {
  QualType T = V->getType();
  if (T->isReferenceType() || T.isVolatileQualified() ||
      !(T->isIntegralOrEnumerationType() || T->isPointerType()))
    return false;
  auto It = Scan.Vars.find(V);
  const VarUses *U = It == Scan.Vars.end() ? nullptr : &It->second;
  if (U && U->Written)
    return false;
  if (V->getDeclContext() == FD)
    return isa<ParmVarDecl>(V) || (!Scan.HasGoto && !(U && U->DeclaredInLoop));
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (!M || !M->getParent()->isLambda())
    return false;
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
  FieldDecl *This = nullptr;
  M->getParent()->getCaptureFields(Fields, This);
  auto Field = Fields.find(V);
  if (Field == Fields.end())
    return false;
  // By reference, whoever else holds the variable may change it.
  return !Field->second->getType()->isReferenceType() || T.isConstQualified();
}

/// A local integer that only steps one way (`++i`, `i += 2`) and is
/// otherwise only read or assigned, never inside a lambda.
bool Refuter::counter(const VarDecl *V) const {
  QualType T = V->getType();
  if (V->getDeclContext() != FD || T->isReferenceType() ||
      T.isVolatileQualified() || !T->isIntegerType() || T->isBooleanType())
    return false;
  auto It = Scan.Vars.find(V);
  if (It == Scan.Vars.end())
    return false;
  const VarUses &U = It->second;
  return !U.Other && !U.WrittenInLambda && (U.Steps == 1 || U.Steps == 2);
}

void Refuter::findSites(const CFG &G) {
  llvm::DenseMap<const VarDecl *, int> Kind; // 0 neither, 1 steady, 2 counter
  for (const CFGBlock *B : G) {
    if (B->succ_size() != 2)
      continue;
    const Expr *Cond = B->getLastCondition();
    std::optional<Test> T = Cond ? parseTest(Cond, AC.Ctx) : std::nullopt;
    if (!T)
      continue;
    auto [K, New] = Kind.try_emplace(T->Var, 0);
    if (New)
      K->second = steady(T->Var) ? 1 : counter(T->Var) ? 2 : 0;
    if (!K->second)
      continue;
    unsigned A = 0;
    while (A < Atoms.size() &&
           !(Atoms[A].Var == T->Var &&
             llvm::APSInt::isSameValue(Atoms[A].Value, T->Value)))
      ++A;
    if (A == Atoms.size())
      Atoms.push_back({T->Var, T->Value, K->second == 2});
    ++Atoms[A].Sites;
    Sites[B->getBlockID()] = {A, T->EqualWhenTrue};
  }
}

/// The steady tests made at two sites or more (one site cannot disagree
/// with itself), and the counter tests, most sites first.
void Refuter::choose() {
  std::vector<unsigned> Order(Atoms.size());
  for (unsigned A = 0; A < Atoms.size(); ++A)
    Order[A] = A;
  std::sort(Order.begin(), Order.end(), [&](unsigned X, unsigned Y) {
    return Atoms[X].Sites != Atoms[Y].Sites ? Atoms[X].Sites > Atoms[Y].Sites
                                            : X < Y;
  });
  // The copies cost blocks x counter states x assignments: a large
  // function gets fewer conditions rather than a long refutation.
  auto Fits = [&](unsigned MoreSteady, unsigned MoreStates) {
    return static_cast<uint64_t>(F.Last.size()) * Contexts * MoreStates
               << (Steady.size() + MoreSteady) <=
           MaxBlockCopies;
  };
  for (unsigned A : Order) {
    Atom &At = Atoms[A];
    if (!At.Counter && At.Sites >= 2 && Steady.size() < MaxSteady &&
        Fits(1, 1)) {
      At.Bit = static_cast<int>(Steady.size());
      Steady.push_back(A);
    } else if (At.Counter && Counters.size() < MaxCounters && Fits(0, 3)) {
      At.Digit = static_cast<int>(Counters.size());
      Counters.push_back(A);
      Pow.push_back(Pow.back() * 3);
      Contexts *= 3;
    }
  }
}

/// The steps and assignments of each counter, block by block, in order.
void Refuter::counterEvents(const CFG &G) {
  unsigned N = G.getNumBlockIDs(), M = static_cast<unsigned>(Counters.size());
  Transfer.assign(static_cast<size_t>(N) * M, {NotYet, Holds, Passed});
  Changes.assign(N, false);
  for (const CFGBlock *B : G) {
    for (const CFGElement &E : *B) {
      auto S = E.getAs<CFGStmt>();
      if (!S)
        continue;
      const VarDecl *V = nullptr;
      Use K = Use::Read;
      if (const auto *DS = dyn_cast<DeclStmt>(S->getStmt())) {
        for (const Decl *D : DS->decls())
          for (unsigned J = 0; J < M; ++J)
            if (D == Atoms[Counters[J]].Var)
              V = Atoms[Counters[J]].Var, K = Use::Reset;
      } else if (const auto *D = dyn_cast<DeclRefExpr>(S->getStmt())) {
        auto It = Scan.Kinds.find(D);
        if (It != Scan.Kinds.end()) {
          V = dyn_cast<VarDecl>(D->getDecl());
          K = It->second;
        }
      }
      if (!V || (K != Use::Step && K != Use::Reset))
        continue;
      for (unsigned J = 0; J < M; ++J) {
        if (Atoms[Counters[J]].Var != V)
          continue;
        Changes[B->getBlockID()] = true;
        for (uint8_t &State : Transfer[B->getBlockID() * M + J])
          State = K == Use::Reset ? NotYet : State == Holds ? Passed : State;
      }
    }
  }
}

unsigned Refuter::after(unsigned B, unsigned C) const {
  if (Counters.empty() || !Changes[B])
    return C;
  for (unsigned J = 0; J < Counters.size(); ++J)
    C = withDigit(C, J, Transfer[B * Counters.size() + J][digit(C, J)]);
  return C;
}

/// The context a call in block \p B throws from: what the block changes is
/// forgotten (NotYet allows every edge).
unsigned Refuter::thrownFrom(unsigned B, unsigned C) const {
  if (Counters.empty() || !Changes[B])
    return C;
  for (unsigned J = 0; J < Counters.size(); ++J)
    if (Transfer[B * Counters.size() + J] !=
        std::array<uint8_t, 3>{NotYet, Holds, Passed})
      C = withDigit(C, J, NotYet);
  return C;
}

/// The context edge \p I of block \p B leads to from context \p C, or none
/// when the edge contradicts the assignment or the counter's state.
std::optional<unsigned> Refuter::edge(unsigned B, unsigned I, unsigned C,
                                      unsigned Assignment) const {
  auto It = Sites.find(B);
  if (It == Sites.end() || F.SuccBranch[I] > 1)
    return C;
  bool Equal = (F.SuccBranch[I] == 0) == It->second.EqualWhenTrue;
  const Atom &A = Atoms[It->second.Atom];
  if (A.Bit >= 0)
    return ((Assignment >> A.Bit) & 1) == Equal ? std::optional(C)
                                                : std::nullopt;
  if (A.Digit < 0)
    return C;
  unsigned D = digit(C, A.Digit);
  if (Equal)
    return D == Passed ? std::nullopt
                       : std::optional(withDigit(C, A.Digit, Holds));
  return D == Holds ? std::nullopt : std::optional(C);
}

FlatCFG Refuter::expand(unsigned Assignment) const {
  unsigned N = static_cast<unsigned>(F.Last.size()), K = Contexts;
  FlatCFG X;
  X.OpBegin.push_back(0);
  X.SuccBegin.push_back(0);
  for (const auto &List : F.HandlerLists) {
    for (unsigned C = 0; C < K; ++C) {
      auto &Copy = X.HandlerLists.emplace_back();
      for (unsigned H : List)
        Copy.push_back(H * K + C);
    }
  }
  for (unsigned B = 0; B < N; ++B) {
    for (unsigned C = 0; C < K; ++C) {
      unsigned Thrown = thrownFrom(B, C);
      for (unsigned O = F.OpBegin[B]; O < F.OpBegin[B + 1]; ++O) {
        Op Step = F.Ops[O];
        if (Step.K == Op::MayThrow)
          Step.Var = Step.Var * K + Thrown;
        X.Ops.push_back(Step);
      }
      X.OpBegin.push_back(static_cast<unsigned>(X.Ops.size()));
      unsigned After = after(B, C);
      for (unsigned I = F.SuccBegin[B]; I < F.SuccBegin[B + 1]; ++I) {
        std::optional<unsigned> To = edge(B, I, After, Assignment);
        if (!To)
          continue;
        // The exit has one copy: deaths at the exit look for it.
        unsigned S = F.Succs[I];
        X.Succs.push_back(S == ExitId ? S * K : S * K + *To);
        X.SuccEmpty.push_back(F.SuccEmpty[I]);
        X.SuccFact.push_back(F.SuccFact[I]);
        X.SuccBranch.push_back(F.SuccBranch[I]);
      }
      X.SuccBegin.push_back(static_cast<unsigned>(X.Succs.size()));
      X.Last.push_back(F.Last[B]);
      X.NoReturn.push_back(F.NoReturn[B]);
    }
  }
  X.Roots.push_back(F.Roots[0] * K);
  for (size_t R = 1; R < F.Roots.size(); ++R)
    for (unsigned C = 0; C < K; ++C)
      X.Roots.push_back(F.Roots[R] * K + C);
  return X;
}

void Refuter::solveAll(
    const TrackedVars &Vars, const BodyFacts &Facts, const Stmt *UserBody,
    std::map<unsigned, std::vector<Death>> &Deaths,
    std::map<unsigned, std::vector<const Stmt *>> &Overwrites) {
  for (unsigned A = 0; A < (1u << Steady.size()); ++A) {
    FlatCFG X = expand(A);
    std::vector<unsigned> RPO = reversePostOrder(X);
    PredGraph PG = predecessors(X, RPO);
    FlowResult R = Solver(AC, Vars, Facts, X, UserBody)
                       .solve(RPO, PG, EntryId * Contexts, ExitId * Contexts);
    for (auto &[V, D] : R.Deaths) {
      D.Block /= Contexts;
      Deaths[V].push_back(D);
    }
    for (auto [V, S] : R.Overwrites)
      Overwrites[V].push_back(S);
  }
}

} // namespace

void refuteInfeasible(AnalysisContext &AC, const FunctionDecl *FD, const CFG &G,
                      const FlatCFG &F, const TrackedVars &Vars,
                      const BodyFacts &Facts, const Stmt *UserBody,
                      FlowResult &R) {
  if (R.Deaths.empty() && R.Overwrites.empty())
    return;
  Refuter Ref(AC, FD, G, F);
  if (!Ref.useful())
    return;
  std::map<unsigned, std::vector<Death>> Deaths;
  std::map<unsigned, std::vector<const Stmt *>> Overwrites;
  Ref.solveAll(Vars, Facts, UserBody, Deaths, Overwrites);
  for (auto It = R.Deaths.begin(); It != R.Deaths.end();) {
    auto Feasible = Deaths.find(It->first);
    if (Feasible == Deaths.end()) {
      It = R.Deaths.erase(It);
      continue;
    }
    const Stmt *Trigger = It->second.Trigger;
    if (llvm::none_of(Feasible->second,
                      [&](const Death &D) { return D.Trigger == Trigger; }))
      It->second = Feasible->second.front();
    ++It;
  }
  for (auto It = R.Overwrites.begin(); It != R.Overwrites.end();) {
    auto Feasible = Overwrites.find(It->first);
    if (Feasible == Overwrites.end()) {
      It = R.Overwrites.erase(It);
      continue;
    }
    if (!llvm::is_contained(Feasible->second, It->second))
      It->second = Feasible->second.front();
    ++It;
  }
}

} // namespace unawaited::flow
