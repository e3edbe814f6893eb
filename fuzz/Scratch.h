//===- Scratch.h - A private directory for the targets' files ---*- C++ -*-===//
//
// The readers under test take paths, not buffers, so the targets write
// each input to files in a directory of their own, made once per process
// and removed at exit.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_FUZZ_SCRATCH_H
#define UNAWAITED_FUZZ_SCRATCH_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <cstdint>
#include <string>

namespace unawaited::fuzz {

/// The process's scratch directory (absolute).
const std::string &scratchDir();

/// Writes \p Bytes to \p Name under scratchDir() (parents made as needed);
/// returns its path. Aborts when it cannot: a target that silently tested
/// nothing would pass.
std::string writeScratch(llvm::StringRef Name, llvm::StringRef Bytes);

/// libFuzzer's input as text.
inline llvm::StringRef asText(const uint8_t *Data, size_t Size) {
  return {reinterpret_cast<const char *>(Data), Size};
}

} // namespace unawaited::fuzz

#endif
