//===- ConfigFile.h - .clang-tidy discovery for the plugin -------*- C++ -*-===//
//
// The compiler plugin cannot use clang-tidy's library (clang does not
// contain it), so it reads the two keys it needs, Checks and CheckOptions,
// from the nearest .clang-tidy with LLVM's YAML parser, honouring
// InheritParentConfig as clang-tidy does.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_PLUGIN_CONFIGFILE_H
#define UNAWAITED_PLUGIN_CONFIGFILE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>

namespace unawaited::plugin {

struct TidyConfig {
  std::string Checks;
  llvm::StringMap<std::string> CheckOptions;
};

/// Parses one .clang-tidy document. InheritParent reports its key.
llvm::Expected<TidyConfig> parseTidyConfig(llvm::StringRef Text,
                                           bool &InheritParent);

/// Merges the .clang-tidy files that apply to \p SourceFile (nearest last).
llvm::Expected<TidyConfig> loadConfigFor(llvm::StringRef SourceFile);

} // namespace unawaited::plugin

#endif
