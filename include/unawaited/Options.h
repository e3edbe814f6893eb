//===- Options.h - User configuration shared by every check -----*- C++ -*-===//
//
// Options are clang-tidy CheckOptions. Their keys are defined once here so
// reading, storing (--dump-config) and documentation cannot drift apart.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_OPTIONS_H
#define UNAWAITED_OPTIONS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace unawaited {

namespace optkey {
inline constexpr llvm::StringLiteral TaskTypes = "TaskTypes";
inline constexpr llvm::StringLiteral FireAndForgetTypes = "FireAndForgetTypes";
inline constexpr llvm::StringLiteral IgnoredFunctions = "IgnoredFunctions";
inline constexpr llvm::StringLiteral ConsumingMethods = "ConsumingMethods";
inline constexpr llvm::StringLiteral SyncWaitFunction = "SyncWaitFunction";
inline constexpr llvm::StringLiteral AllowCastToVoid = "AllowCastToVoid";
inline constexpr llvm::StringLiteral Profiles = "Profiles";
inline constexpr llvm::StringLiteral IncludeGeneratedCode =
    "IncludeGeneratedCode";
} // namespace optkey

struct Options {
  /// Qualified names (regular expressions) of types to treat as lazy tasks.
  std::vector<std::string> TaskTypes;
  /// Qualified names (regular expressions) of fire-and-forget types.
  std::vector<std::string> FireAndForgetTypes;
  /// Functions whose task results may be dropped or left unawaited.
  std::vector<std::string> IgnoredFunctions;
  /// Member functions that consume a task variable (e.g. "start;detach").
  std::vector<std::string> ConsumingMethods;
  /// A function that runs a task to completion, e.g. "cppcoro::sync_wait".
  std::string SyncWaitFunction;
  /// Whether `(void)task` and `std::ignore = task` silence lazy findings.
  bool AllowCastToVoid = false;
  /// Active built-in library profiles; "all" or "none" or a list.
  std::vector<std::string> Profiles = {"all"};
  /// Whether findings in generated files (moc, protobuf, a "do not edit"
  /// banner) are reported; a user cannot fix them, so by default not.
  bool IncludeGeneratedCode = false;

  using Getter =
      llvm::function_ref<std::optional<std::string>(llvm::StringRef Key)>;
  using Setter = llvm::function_ref<void(llvm::StringRef Key,
                                         llvm::StringRef Value)>;

  /// Reads every option through \p Get; absent keys keep their defaults.
  static Options read(Getter Get);
  /// What read() would ignore or keep to itself in the values \p Get
  /// gives: a boolean option that is not true or false (read() keeps the
  /// default), an unknown profile name. One message per problem, in the
  /// order of the keys, e.g. "invalid value 'maybe' for option
  /// 'AllowCastToVoid' (expected true or false); using false". Each
  /// front end reports them once.
  static std::vector<std::string> problems(Getter Get);
  /// Writes every option (with its current value) through \p Put.
  void store(Setter Put) const;
};

/// Profile names in \p Opts.Profiles that no built-in profile has.
std::vector<std::string> unknownProfiles(const Options &Opts);
/// The built-in profile names, ';'-separated, for messages.
std::string knownProfiles();

/// Splits a ';'-separated option list, trimming blanks. (Not ',': entries
/// are regular expressions, which may contain "{1,3}".)
std::vector<std::string> parseList(llvm::StringRef Value);
std::string joinList(const std::vector<std::string> &Items);

} // namespace unawaited

#endif
