//===- DatabaseReader.h - Streaming compile_commands.json -------*- C++ -*-===//
#ifndef UNAWAITED_CLI_DATABASEREADER_H
#define UNAWAITED_CLI_DATABASEREADER_H

#include "CompactDatabase.h"

namespace unawaited::cli {

/// Reads the compile_commands.json \p Path into a CompactDatabase a block
/// at a time, never holding the whole text, resolving relative `directory`
/// values against \p BaseDir. Only the plain form generators write is read
/// here: a JSON array of objects whose keys are `directory`, `file`,
/// `command` or `arguments`, and `output`, each once, with string values
/// (a list of strings for `arguments`) and no surrogate escapes. Anything
/// else (a malformed file, an unreadable one, YAML that is not JSON) returns
/// null with \p Why saying what was found: the caller then reads it with
/// clang's parser, which accepts what it accepts and words the errors.
std::unique_ptr<CompactDatabase> readCompactDatabase(llvm::StringRef Path,
                                                     llvm::StringRef BaseDir,
                                                     std::string &Why);

} // namespace unawaited::cli

#endif
