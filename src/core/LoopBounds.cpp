//===- LoopBounds.cpp -----------------------------------------------------===//
#include "LoopBounds.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace unawaited {

static const VarDecl *refTo(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The comparison, with the index on the left (`n > i` becomes `i < n`).
static const BinaryOperator *comparison(const Expr *Cond, bool &Swapped) {
  const auto *BO =
      dyn_cast_or_null<BinaryOperator>(Cond ? Cond->IgnoreParenImpCasts()
                                            : nullptr);
  if (!BO || !BO->isComparisonOp() || BO->getOpcode() == BO_EQ)
    return nullptr;
  // The index is the side that can change: `Count > i` with a const Count.
  auto Index = [](const Expr *E) {
    const VarDecl *VD = refTo(E);
    return VD && !VD->getType().isConstQualified() ? VD : nullptr;
  };
  Swapped = !Index(BO->getLHS()) && Index(BO->getRHS());
  return BO;
}

const VarDecl *loopIndex(const Expr *Cond) {
  bool Swapped = false;
  const BinaryOperator *BO = comparison(Cond, Swapped);
  if (!BO)
    return nullptr;
  return refTo(Swapped ? BO->getRHS() : BO->getLHS());
}

/// The constant \p For's init gives \p Index.
static std::optional<llvm::APSInt> startValue(const ForStmt *For,
                                              const VarDecl *Index,
                                              ASTContext &Ctx) {
  const Expr *Start = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit())) {
    if (DS->isSingleDecl() && DS->getSingleDecl() == Index)
      Start = Index->getInit();
  } else if (const auto *Assign =
                 dyn_cast_or_null<BinaryOperator>(For->getInit())) {
    if (Assign->getOpcode() == BO_Assign && refTo(Assign->getLHS()) == Index)
      Start = Assign->getRHS();
  }
  if (!Start || Start->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!Start->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

bool runsAtLeastOnce(const ForStmt *For, ASTContext &Ctx) {
  bool Swapped = false;
  const BinaryOperator *BO = comparison(For->getCond(), Swapped);
  const VarDecl *Index = BO ? loopIndex(BO) : nullptr;
  if (!Index || !Index->getType()->isIntegerType())
    return false;
  std::optional<llvm::APSInt> Start = startValue(For, Index, Ctx);
  const Expr *BoundE = Swapped ? BO->getLHS() : BO->getRHS();
  Expr::EvalResult Bound;
  if (!Start || BoundE->isValueDependent() ||
      !BoundE->EvaluateAsInt(Bound, Ctx))
    return false;
  const llvm::APSInt &B = Bound.Val.getInt();
  int C = llvm::APSInt::compareValues(*Start, B); // start <=> bound
  BinaryOperatorKind Op = BO->getOpcode();
  if (Swapped) // `bound OP i` tests `i OP' bound`
    Op = BinaryOperator::reverseComparisonOp(Op);
  switch (Op) {
  case BO_LT:
    return C < 0;
  case BO_LE:
    return C <= 0;
  case BO_GT:
    return C > 0;
  case BO_GE:
    return C >= 0;
  case BO_NE:
    return C != 0;
  default:
    return false;
  }
}

} // namespace unawaited
