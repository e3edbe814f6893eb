//===- UnawaitedPlugin.cpp - The clang -fplugin front end -----------------===//
//
//   clang++-19 -std=c++20 -fplugin=unawaited-plugin.so -c f.cpp
//
// Runs after the main action, so it works with -c and -fsyntax-only alike.
// Findings are compiler warnings (errors under -Werror) ending in
// "[coro-...]". Arguments (-fplugin-arg-unawaited-<arg>):
//   checks=<globs>   e.g. checks=-coro-discarded-eager-task
//   no-config        ignore .clang-tidy files
// An unknown argument is an error, so a typo never silently does nothing.
//
//===----------------------------------------------------------------------===//
#include "ConfigFile.h"
#include "Nolint.h"
#include "unawaited/Analysis.h"
#include "unawaited/CheckGlob.h"
#include "unawaited/ClangDiagSink.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

using namespace clang;

namespace unawaited::plugin {
namespace {

struct PluginArgs {
  std::string Checks;
  bool UseConfigFile = true;
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, PluginArgs Args)
      : CI(CI), Args(std::move(Args)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (Diags.hasFatalErrorOccurred())
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    std::string Glob;
    llvm::StringMap<std::string> CheckOptions;
    if (Args.UseConfigFile) {
      if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
        auto Config = loadConfigFor(Main->getName());
        if (!Config) {
          unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                              "unawaited: %0");
          Diags.Report(ID) << llvm::toString(Config.takeError());
          return;
        }
        Glob = Config->Checks;
        CheckOptions = std::move(Config->CheckOptions);
      }
    }
    if (!Args.Checks.empty())
      Glob += "," + Args.Checks;
    EnabledChecks Checks = checksFromGlob(Glob);

    // Each check reads its options as clang-tidy's getLocalOrGlobal does:
    // "<check>.<Key>", then "<Key>". Checks whose options agree share one
    // traversal (the usual case: only global keys are set).
    std::vector<std::pair<std::string, EnabledChecks>> Groups;
    std::vector<Options> GroupOptions;
    std::vector<std::string> Problems; // each once, whichever checks share it
    for (CheckId Id : AllChecks) {
      if (!Checks.isEnabled(Id))
        continue;
      std::string Prefix = checkName(Id).str() + ".";
      auto Get = [&](llvm::StringRef Key) -> std::optional<std::string> {
        auto Local = CheckOptions.find(Prefix + Key.str());
        if (Local != CheckOptions.end())
          return Local->getValue();
        auto Global = CheckOptions.find(Key);
        if (Global != CheckOptions.end())
          return Global->getValue();
        return std::nullopt;
      };
      Options Opts = Options::read(Get);
      for (std::string &P : Options::problems(Get))
        if (!llvm::is_contained(Problems, P))
          Problems.push_back(std::move(P));
      std::string Signature;
      Opts.store([&](llvm::StringRef K, llvm::StringRef V) {
        Signature += (K + "=" + V + "\n").str();
      });
      auto Same = llvm::find_if(Groups, [&](const auto &G) {
        return G.first == Signature;
      });
      if (Same == Groups.end()) {
        EnabledChecks None;
        for (CheckId C : AllChecks)
          None.set(C, false);
        Groups.push_back({Signature, None});
        GroupOptions.push_back(Opts);
        Same = Groups.end() - 1;
      }
      Same->second.set(Id, true);
    }
    for (const std::string &P : Problems)
      Diags.Report(
          Diags.getCustomDiagID(DiagnosticsEngine::Warning, "unawaited: %0"))
          << P;

    NolintFilter Nolint(SM);
    ClangDiagSink Sink(Diags, [&](const Finding &F) {
      return SM.isInSystemHeader(SM.getExpansionLoc(F.Loc)) ||
             Nolint.isSuppressed(F.Loc, checkName(F.Check));
    });
    for (size_t G = 0; G < Groups.size(); ++G)
      analyzeTranslationUnit(Ctx, GroupOptions[G], Groups[G].second, Sink);
  }

private:
  CompilerInstance &CI;
  PluginArgs Args;
};

class Action : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<Consumer>(CI, Args);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Raw) override {
    for (const std::string &A : Raw) {
      llvm::StringRef Arg(A);
      if (Arg.consume_front("checks=")) {
        Args.Checks += (Args.Checks.empty() ? "" : ",") + Arg.str();
      } else if (Arg == "no-config") {
        Args.UseConfigFile = false;
      } else {
        DiagnosticsEngine &D = CI.getDiagnostics();
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "unawaited: unknown plugin argument '%0' "
                                   "(expected checks=<globs> or no-config)"))
            << A;
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  PluginArgs Args;
};

} // namespace
} // namespace unawaited::plugin

static clang::FrontendPluginRegistry::Add<unawaited::plugin::Action>
    Registration("unawaited",
                 "report coroutine tasks that are discarded or never awaited");
