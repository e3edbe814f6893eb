//===- DatabaseWalk.h - Everything the CLI does with a database -*- C++ -*-===//
#ifndef UNAWAITED_FUZZ_DATABASEWALK_H
#define UNAWAITED_FUZZ_DATABASEWALK_H

#include "llvm/ADT/StringRef.h"

namespace unawaited::fuzz {

/// Loads the database at \p BuildPath as the CLI's -p does (response files
/// expanded, missing commands inferred) and puts every command, listed or
/// inferred, through what the CLI does to it before a worker sees it.
/// Errors are expected results; only a crash or a sanitizer report fails.
void walkDatabase(llvm::StringRef BuildPath);

} // namespace unawaited::fuzz

#endif
