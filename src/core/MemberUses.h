//===- MemberUses.h - how a function uses a task member ---------*- C++ -*-===//
//
// coro-unawaited-member asks, for each function that names a task member,
// whether it hands the task on and where it stores one. The answer comes
// from the consumption rules of coro-unawaited-variable (flow/Uses.cpp,
// flow/Consumption.h; defined in flow/FunctionFlow.cpp), so a rule is
// written once: a member is consumed by exactly what consumes a variable.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_MEMBERUSES_H
#define UNAWAITED_CORE_MEMBERUSES_H

#include "AnalysisContext.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace unawaited {

/// How a value of some type is tracked: a task, or a container of tasks.
struct TrackedType {
  /// Of the task (the element's, for a container).
  const TypeInfo *Info = nullptr;
  bool Container = false;
  clang::QualType TaskType;
  /// A copyable task (a shared task): a copy hands it on.
  bool Copyable = false;
};

/// \p T as a member is tracked: a lazy or eager task, or a container of
/// them; nullopt otherwise (awaitable state objects are not tracked).
std::optional<TrackedType> memberTrackedType(AnalysisContext &AC,
                                             clang::QualType T);

/// Whether storing \p Value gives something tracked as \p T work to await
/// (not an empty task, a ready placeholder or an awaited result).
bool storesWork(AnalysisContext &AC, const clang::Expr *Value,
                const TrackedType &T);

struct MemberUseSummary {
  /// Some use awaits it, moves it out, hands it to a call or returns it.
  bool Consumed = false;
  /// Assignments and additions (`m = f()`, `m.push_back(f())`) of work.
  llvm::SmallVector<const clang::Stmt *, 2> Stores;
};

/// The uses of member \p Key (a pattern's member: see patternField) in
/// \p FD's body and, for a constructor, its initialisers. Lambdas inside
/// are functions of their own.
MemberUseSummary memberUses(AnalysisContext &AC, const clang::FunctionDecl *FD,
                            const clang::FieldDecl *Key, const TrackedType &T);

/// The member of the class template pattern that \p F instantiates; \p F
/// itself outside templates. Uses in every instantiation and in the
/// pattern are uses of the one member the user wrote.
const clang::FieldDecl *patternField(const clang::FieldDecl *F);

} // namespace unawaited

#endif
