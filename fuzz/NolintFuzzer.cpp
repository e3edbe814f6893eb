//===- NolintFuzzer.cpp - The plugin's NOLINT scanner ---------------------===//
//
// The input is a source file; every check is asked about the start and end
// of each of its lines, as findings there would be.
//
//===----------------------------------------------------------------------===//
#include "Nolint.h"
#include "Scratch.h"
#include "unawaited/Finding.h"

using namespace clang;
using namespace unawaited;
using namespace unawaited::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // A copy: the source manager's buffer must end in a NUL, as a file's does.
  std::string Text = asText(Data, Size).str();
  // The helper's diagnostics engine has no consumer, and the source manager
  // reports through it (a byte-order mark clang does not read, say).
  IgnoringDiagConsumer Quiet;
  SourceManagerForFile File("input.cpp", Text);
  SourceManager &SM = File.get();
  SM.getDiagnostics().setClient(&Quiet, /*ShouldOwnClient=*/false);
  SourceLocation Start = SM.getLocForStartOfFile(SM.getMainFileID());
  plugin::NolintFilter Filter(SM);
  auto Ask = [&](size_t Offset) {
    for (CheckId Id : AllChecks)
      (void)Filter.isSuppressed(Start.getLocWithOffset(Offset), checkName(Id));
  };
  for (size_t LineStart = 0; LineStart <= Text.size();) {
    size_t End = std::min(Text.find('\n', LineStart), Text.size());
    Ask(LineStart);
    if (End != LineStart)
      Ask(End);
    LineStart = End + 1;
  }
  return 0;
}
