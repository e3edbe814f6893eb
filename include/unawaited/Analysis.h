//===- Analysis.h - Entry points of the core analysis ------------*- C++ -*-===//
#ifndef UNAWAITED_ANALYSIS_H
#define UNAWAITED_ANALYSIS_H

#include "unawaited/Finding.h"
#include "unawaited/Options.h"

namespace clang {
class ASTContext;
}

namespace unawaited {

/// Which checks a run should report.
struct EnabledChecks {
  bool DiscardedTask = true;
  bool DiscardedEagerTask = true;
  bool UnawaitedVariable = true;
  bool UnawaitedMember = true;

  bool isEnabled(CheckId Id) const;
  void set(CheckId Id, bool On);
  bool any() const {
    return DiscardedTask || DiscardedEagerTask || UnawaitedVariable ||
           UnawaitedMember;
  }
};

/// Work done by the flow analysis (coro-unawaited-variable): counts, not
/// times, so that benchmarks can show its cost per statement is constant
/// whatever the machine's caches do.
struct FlowStats {
  size_t FunctionsWithCFG = 0; ///< functions holding a task variable
  size_t CFGElements = 0;      ///< elements of their CFGs
  size_t Steps = 0;            ///< dataflow steps applied, all passes
  size_t Passes = 0;           ///< fixpoint passes, summed over functions
};

/// Analyses every function body of the translation unit that is not in a
/// system header and reports the enabled checks' findings to \p Sink.
void analyzeTranslationUnit(clang::ASTContext &Ctx, const Options &Opts,
                            const EnabledChecks &Checks, FindingSink &Sink,
                            FlowStats *Stats = nullptr);

} // namespace unawaited

#endif
