//===- CrossUnitHandOff.h - Hand-offs whose callee is in another unit -*- C++
//-*-===//
//
// `ignore_result(fetch())` where ignore_result is only declared here: this
// unit cannot tell whether the body drops the task. For a host that merges
// facts over every unit (the CLI), the call is sent as a candidate and each
// function a unit defines sends the summary of its task parameters
// (HandOffFact); the merge keeps the candidates the summaries confirm.
// Other hosts keep the rule of flow/Consumption.h: an unknown body hands on.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_CROSSUNITHANDOFF_H
#define UNAWAITED_CORE_CROSSUNITHANDOFF_H

#include "AnalysisContext.h"
#include <optional>

namespace unawaited {

/// The check that reports a task of this kind dropped by a callee, if any.
std::optional<CheckId> droppedTaskCheck(const TypeInfo &Info);

/// The whole-program key of parameter \p I of \p FD when a body in another
/// unit could decide it; empty when it hands on whatever that body does:
/// the exclusions of handsOnParameter that do not need the body (a runner,
/// a non-final virtual, a constructor, a library's function), a function
/// no other unit can define (internal linkage, a template's), an
/// operator, a by-value parameter (reported in the callee, or a deliberate
/// sink) and a `T&` one (no temporary binds to it).
std::string handOffKey(AnalysisContext &AC, const clang::FunctionDecl *FD,
                       unsigned I);

/// "'launder' drops its parameter 't' without awaiting it".
std::string dropNote(const clang::FunctionDecl *Callee,
                     const clang::ParmVarDecl *P, unsigned I);

/// Sends a HandOffFact for each parameter of \p Def (a definition) that a
/// caller in another unit may have made a candidate of, for the enabled
/// discard checks.
void sendHandOffFacts(AnalysisContext &AC, const clang::FunctionDecl *Def);

} // namespace unawaited

#endif
