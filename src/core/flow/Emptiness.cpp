//===- Emptiness.cpp - Where a container is known to hold nothing ---------===//
//
// Reads emptiness tests (`c.empty()`, `std::size(c)`, `opt.has_value()`,
// comparisons of a size with 0 or 1, `opt != std::nullopt`), index walks
// over a container, and loops whose first test is known to pass.
//
//===----------------------------------------------------------------------===//
#include "Emptiness.h"
#include "../LoopBounds.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace unawaited::flow {

std::optional<std::pair<unsigned, unsigned>>
Emptiness::emptyEdge(const Expr *Cond) {
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
std::optional<std::pair<unsigned, unsigned>>
Emptiness::exhaustedEdge(const Stmt *Loop, const Expr *Cond) {
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
    if (AC.SM.isPointWithin(AC.SM.getExpansionLoc(L), R.getBegin(), R.getEnd()))
      return std::make_pair(*V, 1u);
  return std::nullopt;
}

/// `for (int i = 0; i < 10; ++i)`: the edge goes to the body, so the loop
/// has no path that runs it zero times. Only when the condition's block
/// has no steps of its own.
const CFGBlock *Emptiness::skipFirstTest(const CFGBlock *From,
                                         const CFGBlock *Cond) {
  const auto *For = dyn_cast_or_null<ForStmt>(Cond->getTerminatorStmt());
  if (!For || From->getLoopTarget() == For || Cond->succ_size() != 2 ||
      !*Cond->succ_begin() || !runsAtLeastOnce(For, AC.Ctx))
    return Cond;
  for (const CFGElement &E : *Cond) {
    auto S = E.getAs<CFGStmt>();
    if (!S || Body.Facts.count(S->getStmt()))
      return Cond;
  }
  return *Cond->succ_begin();
}

namespace {
/// Finds a tracked container a loop body reaches into by an index.
struct IndexedFinder : RecursiveASTVisitor<IndexedFinder> {
  const TrackedVars *Vars;
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
    if (std::optional<unsigned> V = Vars->trackedRef(Obj);
        V && (*Vars)[*V].R == Role::Container)
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
};
} // namespace

/// A tracked container the loop body reaches into by the index \p I
/// (`c[i]`, `c.at(i - 1)`), or nullopt.
std::optional<unsigned> Emptiness::indexedContainer(const Stmt *Body,
                                                    const VarDecl *I) {
  IndexedFinder Find;
  Find.Vars = &Vars;
  Find.I = I;
  Find.TraverseStmt(const_cast<Stmt *>(Body));
  return Find.Found;
}

/// `c.size()`, `std::size(c)`, `std::ssize(c)`: the variable.
std::optional<unsigned> Emptiness::sizeOf(const Expr *E, unsigned Depth) {
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
      return Vars.trackedRef(MC->getImplicitObjectArgument());
    return std::nullopt;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (F && F->isInStdNamespace() && F->getDeclName().isIdentifier() &&
        (F->getName() == "size" || F->getName() == "ssize") &&
        CE->getNumArgs() == 1)
      return Vars.trackedRef(CE->getArg(0));
  }
  return std::nullopt;
}

static std::optional<std::pair<unsigned, bool>>
flip(std::optional<std::pair<unsigned, bool>> H) {
  if (H)
    H->second = !H->second;
  return H;
}

/// Whether \p Cond tests that a tracked variable holds something:
/// `c.empty()`, `std::empty(c)`, `c.size()` against 0 or 1, `if (opt)`,
/// `opt.has_value()`, `opt != std::nullopt`, casts to bool, negations and
/// comparisons with true/false. The variable, and whether the condition
/// being true means it holds something.
std::optional<std::pair<unsigned, bool>>
Emptiness::holdsSomething(const Expr *Cond, unsigned Depth) {
  if (!Cond || Depth > 8)
    return std::nullopt;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Cond))
    return Cast->getType()->isBooleanType()
               ? holdsSomething(Cast->getSubExpr(), Depth + 1)
               : std::nullopt;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    return UO->getOpcode() == UO_LNot
               ? flip(holdsSomething(UO->getSubExpr(), Depth + 1))
               : std::nullopt;
  if (std::optional<unsigned> V = sizeOf(Cond))
    return std::make_pair(*V, true); // size() as a truth value
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    std::optional<unsigned> V =
        Vars.trackedRef(MC->getImplicitObjectArgument());
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
      if (std::optional<unsigned> V = Vars.trackedRef(CE->getArg(0)))
        return std::make_pair(*V, false);
    return std::nullopt;
  }
  return comparison(Cond, Depth);
}

/// A comparison, built in or overloaded (optional's operator!=), of a
/// size with 0 or 1, of an optional with std::nullopt, or of a test with
/// true or false.
std::optional<std::pair<unsigned, bool>> Emptiness::comparison(const Expr *Cond,
                                                               unsigned Depth) {
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
    std::optional<unsigned> V = Vars.trackedRef(L);
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
    return (Op == BO_EQ) == (*N != 0) ? H : flip(H);
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

} // namespace unawaited::flow
