//===- HandOffFact.h - What one unit knows of a callee's parameter -*- C++
//-*-===//
//
// Plain data, with no clang types: the core makes it for each function a
// unit defines that takes a task by reference, the CLI's worker sends it
// to the parent, which merges it with the units that call the function
// without seeing its body (src/cli/WholeProgram.h).
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_HANDOFFFACT_H
#define UNAWAITED_HANDOFFFACT_H

#include <string>

namespace unawaited {

/// Starts every hand-off key, so that the merge tells a hand-off
/// candidate from a member one.
inline constexpr const char HandOffKeyPrefix[] = "handoff:";

/// The hand-off summary of one parameter of a function this unit defines.
struct HandOffFact {
  /// The function and parameter, the same in every unit:
  /// "handoff:app::launder void (Task<int> &&)@util.h#0".
  std::string Key;
  /// The body may await, store, move out or pass on the parameter.
  bool HandsOn = true;
  /// Where the body drops it, for the finding's note (when !HandsOn):
  /// the parameter's file as the unit names it and its byte offset.
  std::string NoteFile;
  unsigned NoteOffset = 0;
  std::string Note;
};

} // namespace unawaited

#endif
