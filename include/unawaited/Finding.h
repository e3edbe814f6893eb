//===- Finding.h - A diagnostic produced by the core -------------*- C++
//-*-===//
//
// Findings are front-end neutral: the clang-tidy adapter turns them into
// ClangTidyCheck::diag calls, the -fplugin front end into clang diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_FINDING_H
#define UNAWAITED_FINDING_H

#include "unawaited/HandOffFact.h"
#include "unawaited/MemberFact.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace unawaited {

/// The checks; their names are part of the public interface.
enum class CheckId {
  DiscardedTask,
  DiscardedEagerTask,
  UnawaitedVariable,
  UnawaitedMember
};

inline constexpr CheckId AllChecks[] = {
    CheckId::DiscardedTask, CheckId::DiscardedEagerTask,
    CheckId::UnawaitedVariable, CheckId::UnawaitedMember};

llvm::StringRef checkName(CheckId Id);

/// A note attached to a finding (e.g. where a stored task dies).
struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<clang::FixItHint> Fixes;
};

struct Finding {
  CheckId Check;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  /// Clang style: lowercase, no final period, no check name.
  std::string Message;
  std::vector<clang::FixItHint> Fixes;
  std::vector<FindingNote> Notes;
  /// The named function the finding is in ("ns::Class::method"; a lambda
  /// counts as its enclosing function). No line numbers, so baselines can
  /// use it in fingerprints that survive unrelated edits.
  std::string Function;
  /// Non-empty: a whole-program candidate, reported only if the other
  /// units' facts confirm it: no unit consumes the member this key names
  /// (MemberFact), or the callee's body, defined in another unit, drops
  /// the parameter it names (HandOffFact, key from HandOffKeyPrefix). Made
  /// only for a sink that wantsWholeProgramFacts().
  std::string WholeProgramKey;
};

/// Receives findings; one implementation per front end.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(const Finding &F) = 0;
  /// A host that sees every translation unit of a program (the CLI) asks
  /// for whole-program facts and candidates; others never get them.
  virtual bool wantsWholeProgramFacts() const { return false; }
  virtual void memberFact(const MemberFact &) {}
  virtual void handOffFact(const HandOffFact &) {}
};

} // namespace unawaited

#endif
