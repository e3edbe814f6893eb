//===- FlatCFG.cpp - The CFG compiled into flat steps ---------------------===//
//
// Each CFG element becomes the steps attached to its statement; a scope end
// becomes one word-parallel step for every tracked variable of its scope; a
// call inside a try block gets a step that feeds its handlers. Branches
// learn their edge facts from Emptiness.h and StateFacts.h.
//
//===----------------------------------------------------------------------===//
#include "FlatCFG.h"
#include "../UnawaitedVariable.h"
#include "Emptiness.h"
#include "StateFacts.h"

using namespace clang;

namespace unawaited {

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

namespace flow {

void addSyntheticDecls(const CFG &G, const TrackedVars &Vars, BodyFacts &Body) {
  for (auto [Synth, Orig] : G.synthetic_stmts()) {
    if (!Body.Facts.count(Orig))
      continue;
    const auto *VD = dyn_cast<VarDecl>(Synth->getSingleDecl());
    if (!VD)
      continue;
    // Built from another tracked variable: the step is on that
    // variable's reference (BodyWalk's VisitDeclStmt).
    if (auto It = Vars.Index.find(VD);
        It != Vars.Index.end() &&
        !Vars.sourceVar(VD->getInit(), It->second).first)
      Body.Facts[Synth].Ops.push_back(
          {Vars[It->second].InitiallyLive ? Op::Set : Op::Reset, It->second});
  }
}

namespace {

/// Compiles the elements of one block at a time.
class Compiler {
public:
  Compiler(AnalysisContext &AC, const TrackedVars &Vars, BodyFacts &Body,
           FlatCFG &F)
      : AC(AC), Vars(Vars), Body(Body), F(F), Empty(AC, Vars, Body) {}

  void block(const CFGBlock *B,
             std::vector<std::pair<unsigned, std::vector<Op>>> &Blocks);
  /// Fills the handler lists, once every handler's block is known.
  void handlers();

private:
  void element(const CFGElement &E, std::vector<Op> &Ops);
  void successors(const CFGBlock *B, unsigned &Count);

  AnalysisContext &AC;
  const TrackedVars &Vars;
  BodyFacts &Body;
  FlatCFG &F;
  Emptiness Empty;
  llvm::DenseMap<const CXXTryStmt *, unsigned> HandlerListOf;
  llvm::DenseMap<const Stmt *, unsigned> HandlerBlock;
};

/// Compiles one CFG element into \p Ops.
void Compiler::element(const CFGElement &E, std::vector<Op> &Ops) {
  if (auto End = E.getAs<CFGScopeEnd>()) {
    auto Scope = Body.ScopeOf.find(End->getVarDecl());
    if (Scope == Body.ScopeOf.end())
      return;
    auto Mask = Body.ScopeMasks.find(Scope->second);
    if (Mask != Body.ScopeMasks.end())
      Ops.push_back({Op::ScopeEnd, 0, &Mask->second, End->getTriggerStmt()});
    return;
  }
  auto S = E.getAs<CFGStmt>();
  if (!S)
    return;
  auto It = Body.Facts.find(S->getStmt());
  if (It == Body.Facts.end())
    return;
  Ops.insert(Ops.end(), It->second.Ops.begin(), It->second.Ops.end());
  // The state after a call inside a try block flows to its handlers.
  if (const CXXTryStmt *Try = It->second.Try) {
    auto [H, New] = HandlerListOf.try_emplace(Try, F.HandlerLists.size());
    if (New)
      F.HandlerLists.emplace_back();
    Ops.push_back({Op::MayThrow, H->second, nullptr, S->getStmt()});
  }
}

/// \p B's successors with the facts their edges carry; pruned edges and
/// the edge a known condition never takes are left out.
void Compiler::successors(const CFGBlock *B, unsigned &Count) {
  std::optional<std::pair<unsigned, unsigned>> EmptyEdge;
  if (B->succ_size() == 2) {
    if (const Expr *Cond = B->getLastCondition()) {
      EmptyEdge = Empty.emptyEdge(Cond);
      if (!EmptyEdge)
        EmptyEdge = Empty.exhaustedEdge(B->getTerminatorStmt(), Cond);
    }
  }
  // `if (!f.available())`: the false edge knows f is ready.
  std::optional<std::pair<unsigned, unsigned>> Fact; // (code, index)
  if (B->succ_size() == 2 && Body.AnyStateTested)
    Fact = stateEdge(AC, Vars, B->getLastCondition());
  // A test framework's always-true helper: one edge is never taken.
  std::optional<bool> Known;
  // A then_wrapped callable's `if (f.available())`: likewise.
  const Expr *Cond = B->succ_size() == 2 ? B->getLastCondition() : nullptr;
  if (Cond) {
    Known = AC.Classifier.constantCondition(Cond);
    if (!Known)
      Known = readyParameterTest(AC, Body, Cond);
  }
  unsigned Index = 0;
  for (const CFGBlock *S : B->succs()) {
    if (S && Known && *Known == (Index == 1))
      S = nullptr;
    if (S)
      S = Empty.skipFirstTest(B, S);
    if (S) {
      ++Count;
      F.Succs.push_back(S->getBlockID());
      F.SuccEmpty.push_back(
          EmptyEdge && EmptyEdge->second == Index ? EmptyEdge->first + 1 : 0);
      F.SuccFact.push_back(Fact && Fact->second == Index ? Fact->first : 0);
      F.SuccBranch.push_back(static_cast<uint8_t>(std::min(Index, 2u)));
    }
    ++Index;
  }
}

void Compiler::block(
    const CFGBlock *B,
    std::vector<std::pair<unsigned, std::vector<Op>>> &Blocks) {
  unsigned Id = B->getBlockID();
  std::vector<Op> &Ops = Blocks[Id].second;
  for (const CFGElement &E : *B) {
    element(E, Ops);
    if (auto S = E.getAs<CFGStmt>())
      F.Last[Id] = S->getStmt();
  }
  // A goto is the block's terminator, not an element.
  if (const auto *G = dyn_cast_or_null<GotoStmt>(B->getTerminatorStmt()))
    if (auto It = Body.Facts.find(G); It != Body.Facts.end())
      Ops.insert(Ops.end(), It->second.Ops.begin(), It->second.Ops.end());
  successors(B, Blocks[Id].first);
  F.NoReturn[Id] = B->hasNoReturnElement();
  // Catch handlers have no predecessors in a CFG without exception
  // edges; they are entered through MayThrow steps.
  if (const Stmt *L = B->getLabel(); L && isa<CXXCatchStmt>(L)) {
    HandlerBlock[L] = Id;
    F.Roots.push_back(Id);
  }
}

void Compiler::handlers() {
  for (auto &[Try, List] : HandlerListOf) {
    for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
      if (auto It = HandlerBlock.find(Try->getHandler(H));
          It != HandlerBlock.end())
        F.HandlerLists[List].push_back(It->second);
  }
}

} // namespace

FlatCFG flatten(const CFG &G, AnalysisContext &AC, const TrackedVars &Vars,
                BodyFacts &Body) {
  unsigned N = G.getNumBlockIDs();
  FlatCFG F;
  F.OpBegin.assign(N + 1, 0);
  F.SuccBegin.assign(N + 1, 0);
  F.Last.assign(N, nullptr);
  F.NoReturn.assign(N, false);
  F.Roots.push_back(G.getEntry().getBlockID());
  Compiler C(AC, Vars, Body, F);
  std::vector<std::pair<unsigned, std::vector<Op>>> Blocks(N);
  for (const CFGBlock *B : G)
    C.block(B, Blocks);
  // Blocks were visited in id order, so Succs is already grouped by id.
  for (unsigned Id = 0; Id < N; ++Id) {
    F.SuccBegin[Id + 1] = F.SuccBegin[Id] + Blocks[Id].first;
    F.OpBegin[Id + 1] =
        F.OpBegin[Id] + static_cast<unsigned>(Blocks[Id].second.size());
  }
  F.Ops.reserve(F.OpBegin[N]);
  for (auto &[Count, Ops] : Blocks)
    F.Ops.insert(F.Ops.end(), Ops.begin(), Ops.end());
  C.handlers();
  return F;
}

/// Clang's CFG keeps edges it pruned (constant conditions, infinite loops)
/// as null successors; flatten() left them out.
std::vector<unsigned> reversePostOrder(const FlatCFG &F) {
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

PredGraph predecessors(const FlatCFG &F, const std::vector<unsigned> &RPO) {
  unsigned N = static_cast<unsigned>(F.OpBegin.size()) - 1;
  PredGraph PG;
  PG.Begin.assign(N + 1, 0);
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
  return PG;
}

} // namespace flow
} // namespace unawaited
