//===- ClangDiagSink.h - Findings as clang diagnostics -----------*- C++ -*-===//
//
// Used by the -fplugin front end and by in-process -verify tests: each
// finding becomes a clang warning (an error under -Werror) whose text ends
// in "[check-name]", with its notes and fix-its.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLANGDIAGSINK_H
#define UNAWAITED_CLANGDIAGSINK_H

#include "unawaited/Finding.h"
#include <functional>

namespace clang {
class DiagnosticsEngine;
class SourceManager;
} // namespace clang

namespace unawaited {

class ClangDiagSink : public FindingSink {
public:
  /// \p Suppressed, when set, says whether a finding is silenced (NOLINT).
  /// Owned, not a function_ref: callers pass a temporary lambda, which a
  /// reference would outlive (ASan: stack-use-after-scope).
  using Filter = std::function<bool(const Finding &)>;
  ClangDiagSink(clang::DiagnosticsEngine &Diags, Filter Suppressed = nullptr);
  void report(const Finding &F) override;

private:
  clang::DiagnosticsEngine &Diags;
  Filter Suppressed;
};

} // namespace unawaited

#endif
