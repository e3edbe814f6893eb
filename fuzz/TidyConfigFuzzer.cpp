//===- TidyConfigFuzzer.cpp - The plugin's .clang-tidy reader -------------===//
//
// The input is a .clang-tidy file, read as the plugin reads it: on its own,
// and as the nearer of two files when it says InheritParentConfig. What it
// yields then goes where the plugin sends it: the check globs and the
// option parser.
//
//===----------------------------------------------------------------------===//
#include "ConfigFile.h"
#include "Scratch.h"
#include "unawaited/CheckGlob.h"
#include "unawaited/Options.h"

using namespace unawaited;
using namespace unawaited::fuzz;

static void use(const plugin::TidyConfig &Config) {
  (void)checksFromGlob(Config.Checks);
  (void)coroEntries(Config.Checks);
  auto Get = [&](llvm::StringRef Key) -> std::optional<std::string> {
    auto It = Config.CheckOptions.find(Key);
    if (It == Config.CheckOptions.end())
      return std::nullopt;
    return It->getValue();
  };
  Options Opts = Options::read(Get);
  (void)Options::problems(Get);
  (void)unknownProfiles(Opts);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = asText(Data, Size);
  bool Inherit = false;
  if (auto Config = plugin::parseTidyConfig(Text, Inherit))
    use(*Config);
  else
    llvm::consumeError(Config.takeError());

  // The same text as a parent and its child; the walk up stops at the
  // parent, which says Checks: '' and does not inherit.
  writeScratch(".clang-tidy", "Checks: ''\n");
  writeScratch("project/.clang-tidy", Text);
  writeScratch("project/src/.clang-tidy", Text);
  if (auto Config = plugin::loadConfigFor(scratchDir() + "/project/src/a.cpp"))
    use(*Config);
  else
    llvm::consumeError(Config.takeError());
  return 0;
}
