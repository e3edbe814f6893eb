//===- AnalysisFuzzer.cpp - The analysis on mutated sources ---------------===//
//
// The input is a C++ source, compiled as the check files are (-std=c++20,
// test/Inputs on the include path), whatever errors clang recovers from,
// and analysed with every check on, its findings filtered through the
// plugin's NOLINT scanner and reported as the plugin reports them. Like a
// check file it may carry "// CONFIG: <.clang-tidy>", "// CHECKS: <globs>"
// and "// ARGS:" lines; of the arguments only macros and warnings are
// taken (a mutated -o or -fplugin must not touch the machine).
//
//===----------------------------------------------------------------------===//
#include "ConfigFile.h"
#include "Nolint.h"
#include "Scratch.h"
#include "unawaited/Analysis.h"
#include "unawaited/CheckGlob.h"
#include "unawaited/ClangDiagSink.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace unawaited;
using namespace unawaited::fuzz;

namespace {

struct Setup {
  std::vector<std::string> Args = {
      "-std=c++20", "-I" UNAWAITED_FUZZ_TEST_INPUTS,
      "-resource-dir=" UNAWAITED_FUZZ_RESOURCE_DIR,
      // Recover from every error, however many: odd ASTs are the point.
      "-ferror-limit=0"};
  std::string Checks;
  plugin::TidyConfig Config;
};

} // namespace

static bool harmless(llvm::StringRef Arg) {
  return Arg.starts_with("-D") || Arg.starts_with("-U") ||
         (Arg.starts_with("-W") && !Arg.starts_with("-Wl,") &&
          !Arg.starts_with("-Wa,") && !Arg.starts_with("-Wp,"));
}

static Setup setupFor(llvm::StringRef Code) {
  Setup S;
  while (!Code.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Code) = Code.split('\n');
    if (Line.consume_front("// ARGS:")) {
      llvm::SmallVector<llvm::StringRef, 8> Args;
      Line.split(Args, ' ', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef A : Args)
        if (harmless(A))
          S.Args.push_back(A.str());
    } else if (Line.consume_front("// CHECKS:")) {
      S.Checks = Line.trim().str();
    } else if (Line.consume_front("// CONFIG:")) {
      bool Inherit = false;
      if (auto C = plugin::parseTidyConfig(Line, Inherit))
        S.Config = std::move(*C);
      else
        llvm::consumeError(C.takeError());
    }
  }
  return S;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Code = asText(Data, Size);
  Setup S = setupFor(Code);
  IgnoringDiagConsumer Quiet; // outlives the AST, which reports to it
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Code, S.Args, "input.cpp", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), {}, &Quiet);
  if (!AST)
    return 0;
  ASTContext &Ctx = AST->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  auto Get = [&](llvm::StringRef Key) -> std::optional<std::string> {
    auto It = S.Config.CheckOptions.find(Key);
    if (It == S.Config.CheckOptions.end())
      return std::nullopt;
    return It->getValue();
  };
  Options Opts = Options::read(Get);
  plugin::NolintFilter Nolint(SM);
  ClangDiagSink Sink(AST->getDiagnostics(), [&](const Finding &F) {
    return SM.isInSystemHeader(SM.getExpansionLoc(F.Loc)) ||
           Nolint.isSuppressed(F.Loc, checkName(F.Check));
  });
  FlowStats Stats;
  analyzeTranslationUnit(Ctx, Opts, checksFromGlob(S.Checks), Sink, &Stats);
  return 0;
}
