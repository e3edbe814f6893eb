//===- CompileDatabaseFuzzer.cpp - compile_commands.json ------------------===//
//
// The input is a compile_commands.json, read by the CLI's loader and every
// command then adjusted and classified as the CLI does.
//
//===----------------------------------------------------------------------===//
#include "DatabaseWalk.h"
#include "Scratch.h"

using namespace unawaited::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  writeScratch("compile_commands.json", asText(Data, Size));
  walkDatabase(scratchDir());
  return 0;
}
