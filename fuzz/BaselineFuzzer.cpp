//===- BaselineFuzzer.cpp - The CLI's --baseline reader -------------------===//
//
// The input is a baseline file. When the CLI accepts it, findings are
// matched against it as a run would: two copies of one finding (only one
// can be baselined by one entry) and one on a line the source lacks.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Scratch.h"

using namespace unawaited::cli;
using namespace unawaited::fuzz;

static std::vector<DiagRecord> findings(const std::string &Source) {
  DiagRecord D;
  D.Check = "coro-discarded-task";
  D.Level = "warning";
  D.File = Source;
  D.Line = 2;
  D.Column = 3;
  D.Function = "run";
  D.Message = "'fetch' returns a lazy coroutine task that is never awaited";
  DiagRecord Past = D;
  Past.Line = 99;
  return {D, D, Past};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Source =
      writeScratch("src/a.cpp", "void run() {\n  fetch();\n}\n");
  std::string Path = writeScratch("baseline.json", asText(Data, Size));
  auto B = Baseline::load(Path);
  if (!B) {
    llvm::consumeError(B.takeError());
    return 0;
  }
  std::vector<DiagRecord> Found = findings(Source);
  (void)B->filter(Found);
  return 0;
}
