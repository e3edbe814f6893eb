//===- UnawaitedMember.h - coro-unawaited-member ----------------*- C++ -*-===//
//
// A data member that is given a task (`_bg = run_loop();`) and that nothing
// ever consumes (awaits, moves out, hands to a call, returns): a lazy task
// never runs, an eager one's failure is lost or it is destroyed mid-flight.
// Reported only where the translation unit shows every function that could
// consume the member, or, in the CLI, where no unit of the whole database
// consumes it (docs/checks/coro-unawaited-member.md).
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_UNAWAITEDMEMBER_H
#define UNAWAITED_CORE_UNAWAITEDMEMBER_H

#include "AnalysisContext.h"
#include "MemberUses.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

namespace unawaited {

class UnawaitedMemberChecker {
public:
  explicit UnawaitedMemberChecker(AnalysisContext &AC) : AC(AC) {}

  /// A use of a member in \p Fn's body (or a constructor's initialisers).
  void use(const clang::MemberExpr *ME, const clang::FunctionDecl *Fn);
  /// `Service() : _bg(run_loop()) {}`.
  void constructorInit(const clang::CXXCtorInitializer *Init,
                       const clang::FunctionDecl *Ctor);
  /// `Task<> _bg = run_loop();`.
  void field(const clang::FieldDecl *F);
  /// Decides and reports, once the whole translation unit has been seen.
  void finish();

private:
  struct Store {
    clang::SourceLocation Loc;
    clang::SourceRange Range;
    const clang::FunctionDecl *In = nullptr;
  };
  struct Member {
    std::optional<TrackedType> Type;
    llvm::SetVector<const clang::FunctionDecl *> Functions;
    std::vector<Store> InitStores;
  };
  /// The entry of \p F's pattern member, or null when it holds no task.
  Member *entry(const clang::FieldDecl *F);
  std::optional<TrackedType> typeOf(const clang::FieldDecl *Key);
  bool localToUnit(const clang::CXXRecordDecl *RD) const;
  bool everyUseVisible(const clang::FieldDecl *Key) const;
  bool mayHaveFact(const clang::FieldDecl *Key) const;
  std::optional<MemberFact> wholeProgramFact(const clang::FieldDecl *Key) const;
  void report(const clang::FieldDecl *Key, const Member &M, const Store &S,
              std::string WholeProgramKey);

  AnalysisContext &AC;
  llvm::MapVector<const clang::FieldDecl *, Member> Members;
};

} // namespace unawaited

#endif
