//===- ClangDiagSink.cpp --------------------------------------------------===//
#include "unawaited/ClangDiagSink.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace unawaited {

ClangDiagSink::ClangDiagSink(DiagnosticsEngine &Diags, Filter Suppressed)
    : Diags(Diags), Suppressed(std::move(Suppressed)) {}

void ClangDiagSink::report(const Finding &F) {
  if (Suppressed && Suppressed(F))
    return;
  if (Diags.getIgnoreAllWarnings())
    return;
  // Custom diagnostic IDs bypass -Werror's mapping, so apply it here.
  DiagnosticsEngine::Level Level = Diags.getWarningsAsErrors()
                                       ? DiagnosticsEngine::Error
                                       : DiagnosticsEngine::Warning;
  unsigned WarnID = Diags.getCustomDiagID(Level, "%0 [%1]");
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  {
    DiagnosticBuilder DB = Diags.Report(F.Loc, WarnID);
    DB << F.Message << checkName(F.Check);
    if (F.Range.isValid())
      DB << CharSourceRange::getTokenRange(F.Range);
    for (const FixItHint &H : F.Fixes)
      DB << H;
  }
  for (const FindingNote &N : F.Notes) {
    DiagnosticBuilder DB = Diags.Report(N.Loc, NoteID);
    DB << N.Message;
    for (const FixItHint &H : N.Fixes)
      DB << H;
  }
}

} // namespace unawaited
