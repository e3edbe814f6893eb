//===- FlowBench.cpp - The analyses on generated functions of growing size -===//
//
//   build/bench/unawaited_bench --benchmark_filter=Flow
//
// Each benchmark parses its input once, outside the timed region, then
// times only the analysis. Complexity(oN) fits the growth: the flow
// analysis must stay linear in function size (doubling the statements at
// most 2.2x the time; see docs/performance.md).
//
//===----------------------------------------------------------------------===//
#include "Generate.h"
#include "unawaited/Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <benchmark/benchmark.h>
#include <map>
#include <memory>

#ifndef UNAWAITED_BENCH_INPUTS
#define UNAWAITED_BENCH_INPUTS "test/Inputs"
#endif

using namespace unawaited;

namespace {

class CountingSink : public FindingSink {
public:
  void report(const Finding &) override { ++Count; }
  size_t Count = 0;
};

clang::ASTUnit &astFor(unsigned Statements) {
  static std::map<unsigned, std::unique_ptr<clang::ASTUnit>> Cache;
  auto &Slot = Cache[Statements];
  if (!Slot)
    Slot = clang::tooling::buildASTFromCodeWithArgs(
        bench::generateFunction(Statements),
        {"-std=c++20", "-I" UNAWAITED_BENCH_INPUTS}, "generated.cpp");
  return *Slot;
}

void run(benchmark::State &State, EnabledChecks Checks) {
  unsigned N = static_cast<unsigned>(State.range(0));
  clang::ASTUnit &AST = astFor(N);
  Options Opts;
  size_t Findings = 0;
  for (auto _ : State) {
    CountingSink Sink;
    analyzeTranslationUnit(AST.getASTContext(), Opts, Checks, Sink);
    Findings = Sink.Count;
    benchmark::DoNotOptimize(Findings);
  }
  State.SetComplexityN(N);
  State.counters["findings"] = static_cast<double>(Findings);
}

void FlowAnalysis(benchmark::State &State) {
  EnabledChecks Only;
  Only.DiscardedTask = Only.DiscardedEagerTask = false;
  run(State, Only);
}

void DiscardedPositions(benchmark::State &State) {
  EnabledChecks Only;
  Only.UnawaitedVariable = false;
  run(State, Only);
}

/// Clang's CFG construction alone, with the options the flow analysis uses:
/// separates clang's cost from ours.
void CFGBuildOnly(benchmark::State &State) {
  unsigned N = static_cast<unsigned>(State.range(0));
  clang::ASTContext &Ctx = astFor(N).getASTContext();
  const clang::FunctionDecl *Big = nullptr;
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
      if (FD->getName() == "big" && FD->hasBody())
        Big = FD;
  for (auto _ : State) {
    clang::CFG::BuildOptions BO;
    BO.AddScopes = true;
    BO.setAllAlwaysAdd();
    auto G = clang::CFG::buildCFG(Big, Big->getBody(), &Ctx, BO);
    benchmark::DoNotOptimize(G.get());
  }
  State.SetComplexityN(N);
}

} // namespace

BENCHMARK(CFGBuildOnly)
    ->RangeMultiplier(2)
    ->Range(1024, 10240)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);
BENCHMARK(FlowAnalysis)
    ->RangeMultiplier(2)
    ->Range(10, 10240)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);
BENCHMARK(DiscardedPositions)
    ->RangeMultiplier(4)
    ->Range(10, 10240)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);

BENCHMARK_MAIN();
