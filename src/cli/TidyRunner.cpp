//===- TidyRunner.cpp -----------------------------------------------------===//
#include "TidyRunner.h"
#include "../tidy/CoroChecks.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;

namespace unawaited::cli {

namespace {

/// Around clang-tidy's consumer: before it, an empty traversal scope for
/// its matchers and the unit's context for the checks (which put the scope
/// back before they walk); after it, no context.
class ScopeGate : public ASTConsumer {
public:
  explicit ScopeGate(bool Open) : Open(Open) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Open) {
      Ctx.setTraversalScope({});
      tidy::setDirectASTContext(&Ctx);
    } else {
      tidy::setDirectASTContext(nullptr);
    }
  }

private:
  bool Open;
};

class Action : public ASTFrontendAction {
public:
  explicit Action(ClangTidyASTConsumerFactory &Factory) : Factory(Factory) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<ScopeGate>(true));
    Consumers.push_back(Factory.createASTConsumer(CI, File));
    Consumers.push_back(std::make_unique<ScopeGate>(false));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(ClangTidyContext &Context,
          IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS)
      : Consumers(Context, std::move(FS)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Consumers);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    // As clang-tidy does: code may hide itself from analysers with it.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Diags);
  }

private:
  ClangTidyASTConsumerFactory Consumers;
};

} // namespace

std::vector<ClangTidyError>
runTidyChecks(ClangTidyContext &Context, const tooling::CompilationDatabase &DB,
              StringRef File,
              IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS) {
  std::vector<std::string> Files{File.str()};
  tooling::ClangTool Tool(DB, Files, std::make_shared<PCHContainerOperations>(),
                          FS);
  // The configuration's ExtraArgsBefore/ExtraArgs, as clang-tidy adds them.
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args,
                 StringRef Filename) {
        ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
        tooling::CommandLineArguments Out = Args;
        if (Opts.ExtraArgsBefore) {
          auto At = Out.begin();
          if (At != Out.end() && !StringRef(*At).starts_with("-"))
            ++At; // after the compiler's name
          Out.insert(At, Opts.ExtraArgsBefore->begin(),
                     Opts.ExtraArgsBefore->end());
        }
        if (Opts.ExtraArgs)
          Out.insert(Out.end(), Opts.ExtraArgs->begin(), Opts.ExtraArgs->end());
        return Out;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  ClangTidyDiagnosticConsumer Consumer(Context, nullptr,
                                       /*RemoveIncompatibleErrors=*/true,
                                       /*GetFixesFromNotes=*/false);
  DiagnosticsEngine Engine(new DiagnosticIDs(), new DiagnosticOptions(),
                           &Consumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);
  Tool.setDiagnosticConsumer(&Consumer);
  Factory F(Context, std::move(FS));
  Tool.run(&F);
  return Consumer.take();
}

} // namespace unawaited::cli
