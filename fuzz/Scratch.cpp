//===- Scratch.cpp --------------------------------------------------------===//
#include "Scratch.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace unawaited::fuzz {

static std::string &dirStorage() {
  static std::string Dir;
  return Dir;
}

static void removeScratch() {
  (void)llvm::sys::fs::remove_directories(dirStorage());
}

const std::string &scratchDir() {
  std::string &Dir = dirStorage();
  if (Dir.empty()) {
    llvm::SmallString<128> Path;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory("unawaited-fuzz", Path)) {
      llvm::errs() << "fuzz: cannot make a scratch directory: " << EC.message()
                   << "\n";
      std::abort();
    }
    // The real path: the readers compare resolved paths.
    llvm::SmallString<128> Real;
    Dir = llvm::sys::fs::real_path(Path, Real) ? std::string(Path)
                                               : std::string(Real);
    std::atexit(removeScratch);
  }
  return Dir;
}

std::string writeScratch(llvm::StringRef Name, llvm::StringRef Bytes) {
  llvm::SmallString<256> Path(scratchDir());
  llvm::sys::path::append(Path, Name);
  std::error_code EC =
      llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  if (!EC) {
    llvm::raw_fd_ostream OS(Path, EC);
    if (!EC) {
      OS << Bytes;
      OS.close();
      EC = OS.error();
    }
  }
  if (EC) {
    llvm::errs() << "fuzz: cannot write " << Path << ": " << EC.message()
                 << "\n";
    std::abort();
  }
  return std::string(Path);
}

} // namespace unawaited::fuzz
