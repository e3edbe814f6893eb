//===- FutureState.cpp ----------------------------------------------------===//
#include "FutureState.h"
#include "unawaited/TypeClassifier.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace unawaited {

std::optional<StateFact> factOf(StateTest Test, bool Value) {
  if (Test == StateTest::Ready && Value)
    return StateFact::Ready;
  if (Test == StateTest::Failed && !Value)
    return StateFact::NotFailed;
  return std::nullopt;
}

std::optional<StateCondition> stateCondition(const Expr *Cond,
                                             TypeClassifier &Classifier) {
  bool Negated = false;
  for (unsigned Depth = 0; Cond && Depth < 8; ++Depth) {
    Cond = Cond->IgnoreParenImpCasts();
    const auto *UO = dyn_cast<UnaryOperator>(Cond);
    if (!UO || UO->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    Cond = UO->getSubExpr();
  }
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Cond);
  std::optional<StateTest> Test = MC ? Classifier.stateTest(MC) : std::nullopt;
  if (!Test)
    return std::nullopt;
  // The test's own value that tells something, then the condition's.
  bool TestValue = *Test == StateTest::Ready;
  std::optional<StateFact> Fact = factOf(*Test, TestValue);
  if (!Fact)
    return std::nullopt;
  return StateCondition{MC, *Fact, TestValue != Negated};
}

bool holdsNoValue(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0)
    return true;
  const TemplateArgument &A = Args[0];
  if (A.getKind() == TemplateArgument::Type)
    return A.getAsType()->isVoidType();
  if (A.getKind() != TemplateArgument::Pack)
    return false;
  return A.pack_size() == 0 ||
         (A.pack_size() == 1 &&
          A.pack_begin()->getKind() == TemplateArgument::Type &&
          A.pack_begin()->getAsType()->isVoidType());
}

} // namespace unawaited
