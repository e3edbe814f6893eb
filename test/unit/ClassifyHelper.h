//===- ClassifyHelper.h - Classify the return types of probe functions ----===//
#ifndef UNAWAITED_TEST_CLASSIFYHELPER_H
#define UNAWAITED_TEST_CLASSIFYHELPER_H

#include "harness/Paths.h"
#include "unawaited/TypeClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <map>
#include <memory>

namespace unawaited::test {

/// Parses \p Code and classifies the return type of every function whose
/// name starts with "probe_".
class Probes {
public:
  explicit Probes(const std::string &Code,
                  std::vector<std::string> Args = {},
                  Options Opts = Options()) : Opts(std::move(Opts)) {
    std::vector<std::string> All = {"-std=c++20",
                                     "-I" + std::string(UNAWAITED_TEST_INPUTS)};
    All.insert(All.end(), Args.begin(), Args.end());
    AST = clang::tooling::buildASTFromCodeWithArgs(Code, All, "probe.cpp");
    Errors = AST->getDiagnostics().hasErrorOccurred();
    Classifier = std::make_unique<TypeClassifier>(this->Opts, AST->getASTContext());
    struct V : clang::RecursiveASTVisitor<V> {
      std::map<std::string, const clang::FunctionDecl *> *Out;
      bool VisitFunctionDecl(clang::FunctionDecl *FD) {
        if (FD->getDeclName().isIdentifier() &&
            FD->getName().starts_with("probe_"))
          (*Out)[FD->getName().str()] = FD;
        return true;
      }
    } Visitor;
    Visitor.Out = &Functions;
    Visitor.TraverseDecl(AST->getASTContext().getTranslationUnitDecl());
  }

  const TypeInfo &info(const std::string &Fn) {
    static TypeInfo Missing;
    auto It = Functions.find(Fn);
    if (It == Functions.end())
      return Missing;
    return Classifier->classify(It->second->getReturnType());
  }
  TaskKind kind(const std::string &Fn) { return info(Fn).Kind; }
  bool has(const std::string &Fn) const { return Functions.count(Fn); }

  bool Errors = false;

private:
  Options Opts;
  std::unique_ptr<clang::ASTUnit> AST;
  std::unique_ptr<TypeClassifier> Classifier;
  std::map<std::string, const clang::FunctionDecl *> Functions;
};

} // namespace unawaited::test

#endif
