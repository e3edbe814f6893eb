//===- Profiles.h - Built-in knowledge of coroutine libraries ----*- C++ -*-===//
//
// Structure decides most classifications; profiles record what structure
// cannot see: a type whose promise is hidden, an operation that is lazy
// although it has no promise, a type that is designed to be dropped, and
// library functions whose task result may legitimately be dropped.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_PROFILES_H
#define UNAWAITED_CORE_PROFILES_H

#include "unawaited/TypeClassifier.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <vector>

namespace unawaited {

struct ProfileType {
  llvm::StringLiteral Profile;
  llvm::StringLiteral QualifiedName; ///< class (template) name, no arguments
  TaskKind Kind;
  /// Eager, and its destructor cancels the work it started.
  bool CancelsOnDestroy = false;
};

struct ProfileFunction {
  llvm::StringLiteral Profile;
  llvm::StringLiteral QualifiedName; ///< function or Class::method
};

/// What a member of an eager future tells about it without touching it.
enum class StateTest {
  Ready, ///< it has finished (with a value or a failure): `available()`
  Failed ///< it has finished with a failure: `failed()`
};

/// The profiles selected by the Profiles option.
class Profiles {
public:
  explicit Profiles(const std::vector<std::string> &Selected);
  bool isActive(llvm::StringRef Profile) const;
  /// The active profile entry for a class (template), or null.
  const ProfileType *lookupType(llvm::StringRef QualifiedName) const;
  bool isIgnoredFunction(llvm::StringRef QualifiedName) const;
  /// A function that runs an awaitable to completion (a sync-wait).
  bool isRunner(llvm::StringRef QualifiedName) const;
  /// Makes a ready, empty eager task when called with no arguments.
  bool isReadyPlaceholder(llvm::StringRef QualifiedName) const;
  /// A test framework's always-true or always-false helper: its answer.
  /// Not a library profile: the test frameworks' own, always active.
  std::optional<bool> constantCondition(llvm::StringRef QualifiedName) const;
  bool isConsumingMethod(llvm::StringRef MethodName) const;
  /// A member testing an eager future's state (`seastar::future::failed`).
  std::optional<StateTest> stateTest(llvm::StringRef QualifiedName) const;
  /// A member that calls its callable argument with the finished future
  /// (`seastar::future::then_wrapped`).
  bool passesReadyFuture(llvm::StringRef QualifiedName) const;
  /// A chain step that hands only the exception to its handler
  /// (`handle_exception`).
  bool absorbsExceptions(llvm::StringRef QualifiedName) const;

private:
  bool All = false;
  std::vector<std::string> Active;
};

} // namespace unawaited

#endif
