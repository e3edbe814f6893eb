//===- WholeProgram.h - Facts merged over a database ---------*- C++ -*-===//
//
// A task member of a header's class may be given a task in a.cpp and
// awaited in b.cpp: no single unit can tell. Each worker sends what its
// unit knows (MemberFact) and the stores it would report if nothing else
// consumed the member (whole-program candidates). Here, after every unit
// has run, a candidate is kept only when the run saw the whole database,
// every unit compiled, every function of the class was defined in some
// unit, and no unit consumed the member.
//
// Likewise a task passed to a function whose body is in another unit
// (HandOffFact): the call is a candidate, kept when some unit of the run
// defines the function and every such unit says its body drops the
// parameter.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_WHOLEPROGRAM_H
#define UNAWAITED_CLI_WHOLEPROGRAM_H

#include "Record.h"
#include <vector>

namespace unawaited::cli {

struct WholeProgramStats {
  size_t Facts = 0;      ///< facts the units sent
  size_t Members = 0;    ///< distinct members (parameters) they name
  size_t Candidates = 0; ///< candidate findings, before de-duplication
  size_t Kept = 0;       ///< of those, kept
};

/// Drops the member candidates that \p Results do not confirm, and every
/// one when \p WholeDatabase is false (a run over some files, a shard, a
/// diff cannot know what the others do). Frees the member facts.
WholeProgramStats mergeMemberFacts(std::vector<TUResult> &Results,
                                   bool WholeDatabase);

/// Drops the hand-off candidates that \p Results do not confirm, and adds
/// to the others the note of the body that drops the task. Any run will
/// do: a fact is evidence from the body itself, and a unit that is not in
/// the run, or did not compile, confirms nothing. Frees the hand-off
/// facts. (Members: the parameters the facts name.)
WholeProgramStats mergeHandOffFacts(std::vector<TUResult> &Results);

} // namespace unawaited::cli

#endif
