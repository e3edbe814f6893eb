//===- UnawaitedTidyModule.cpp - Registers the coro-* checks --------------===//
//
// Compiled into both the -load plugin and the CLI (as an object library, so
// that no linker drops the static registration).
//
//===----------------------------------------------------------------------===//
#include "CoroChecks.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace unawaited::tidy {
namespace {

class UnawaitedModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<DiscardedTaskCheck>(
        checkName(CheckId::DiscardedTask));
    Factories.registerCheck<DiscardedEagerTaskCheck>(
        checkName(CheckId::DiscardedEagerTask));
    Factories.registerCheck<UnawaitedVariableCheck>(
        checkName(CheckId::UnawaitedVariable));
    Factories.registerCheck<UnawaitedMemberCheck>(
        checkName(CheckId::UnawaitedMember));
  }
};

} // namespace

static clang::tidy::ClangTidyModuleRegistry::Add<UnawaitedModule>
    Registration("unawaited-module",
                 "Finds coroutine tasks that are discarded or never awaited.");

} // namespace unawaited::tidy

// Lets a statically linked driver force this translation unit in.
volatile int UnawaitedModuleAnchorSource = 0;
