//===- ResponseFilesFuzzer.cpp - @file arguments of compile commands ------===//
//
// The input is two response files, split at the first NUL byte, which a
// fixed database names: one from a GNU-style command string, one from a
// clang-cl argument list (Windows quoting). Either may name the other, or
// itself, with @file.
//
//===----------------------------------------------------------------------===//
#include "DatabaseWalk.h"
#include "Scratch.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace unawaited::fuzz;

static std::string database(llvm::StringRef Dir) {
  llvm::json::Array Entries;
  Entries.push_back(llvm::json::Object{
      {"directory", Dir},
      {"command", "/usr/bin/clang++ -std=c++20 @gnu.rsp -c src/a.cpp"},
      {"file", "src/a.cpp"}});
  Entries.push_back(llvm::json::Object{
      {"directory", Dir},
      {"arguments", llvm::json::Array{"clang-cl", "/std:c++20", "@cl.rsp", "/c",
                                      "src/b.cpp"}},
      {"file", "src/b.cpp"}});
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::json::Value(std::move(Entries));
  return OS.str();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Json = database(scratchDir());
  auto [Gnu, Cl] = asText(Data, Size).split('\0');
  writeScratch("gnu.rsp", Gnu);
  writeScratch("cl.rsp", Cl);
  writeScratch("compile_commands.json", Json);
  walkDatabase(scratchDir());
  return 0;
}
