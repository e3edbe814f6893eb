//===- RegressionMain.cpp - Fuzz inputs replayed without libFuzzer --------===//
//
// Linked with a target's entry point in the normal build: runs it once on
// each file named, or on each file under each directory named (sorted, so
// a failure names the same input every time). A crash or a sanitizer
// report fails the test; so does a missing path.
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

static bool collect(llvm::StringRef Path, std::vector<std::string> &Files) {
  if (!llvm::sys::fs::is_directory(Path)) {
    if (!llvm::sys::fs::exists(Path))
      return false;
    Files.push_back(Path.str());
    return true;
  }
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Path, EC), E;
       I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(I->path());
    // README.md says what the directory holds; it is not an input.
    if (Name.starts_with(".") || Name == "README.md" ||
        llvm::sys::fs::is_directory(I->path()))
      continue;
    Files.push_back(I->path());
  }
  return !EC;
}

int main(int Argc, char **Argv) {
  std::vector<std::string> Files;
  for (int I = 1; I < Argc; ++I) {
    if (!collect(Argv[I], Files)) {
      llvm::errs() << "cannot read " << Argv[I] << "\n";
      return 2;
    }
  }
  std::sort(Files.begin(), Files.end());
  for (const std::string &F : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!Buf) {
      llvm::errs() << "cannot read " << F << "\n";
      return 2;
    }
    llvm::outs() << "running " << F << "\n";
    llvm::outs().flush(); // named before a crash
    llvm::StringRef Bytes = (*Buf)->getBuffer();
    // A copy of its own, as libFuzzer gives: ASan then sees a read past
    // the end.
    std::vector<uint8_t> Input(Bytes.begin(), Bytes.end());
    LLVMFuzzerTestOneInput(Input.data(), Input.size());
  }
  llvm::outs() << "ran " << Files.size() << " inputs\n";
  return 0;
}
