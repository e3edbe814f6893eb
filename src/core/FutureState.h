//===- FutureState.h - What tests of an eager future's state say -*- C++ -*-===//
//
// Eager futures with state predicates (Seastar's `available()`/`failed()`)
// are often dropped on purpose once they are known to be ready and not
// failed: with no value type, such a future holds nothing. These helpers
// read the tests; UnawaitedVariable's flow decides where both facts hold.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FUTURESTATE_H
#define UNAWAITED_CORE_FUTURESTATE_H

#include "Profiles.h"
#include "clang/AST/ExprCXX.h"
#include <optional>

namespace unawaited {

class TypeClassifier;

/// What one path of a branch learns about a future.
enum class StateFact : uint8_t {
  Ready = 1,    ///< it has finished
  NotFailed = 2 ///< it has not failed
};

/// A condition that is a state test, possibly negated (`!f.available()`).
struct StateCondition {
  const clang::CXXMemberCallExpr *Call; ///< the test; its object is the future
  StateFact Fact;      ///< what the condition's \c WhenTrue outcome tells
  bool WhenTrue;       ///< the outcome (true or false) that tells it
};

/// Reads \p Cond (looking through parentheses, implicit casts and `!`).
std::optional<StateCondition> stateCondition(const clang::Expr *Cond,
                                             TypeClassifier &Classifier);

/// What a state test tells when its value is \p Value, if anything
/// (`f.failed()` false: not failed; `f.available()` true: ready).
std::optional<StateFact> factOf(StateTest Test, bool Value);

/// Whether a future of type \p T has no value to lose once it is ready and
/// not failed: its value type is void (`seastar::future<>`).
bool holdsNoValue(clang::QualType T);

} // namespace unawaited

#endif
