//===- FlowBench.cpp - The analyses on generated functions of growing size
//-===//
//
//   build/bench/unawaited_bench --benchmark_filter=Flow
//
// Each benchmark parses its input once, outside the timed region, then
// times only the analysis. Complexity(oN) fits the growth: the flow
// analysis must stay linear in function size (doubling the statements at
// most 2.2x the time; see docs/performance.md). FlowAnalysis also counts
// its work per statement, which does not depend on the machine's caches;
// ASTWalkOnly is the floor that shows what they do.
//
//===----------------------------------------------------------------------===//
#include "../src/core/UnawaitedVariable.h"
#include "Generate.h"
#include "unawaited/Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <benchmark/benchmark.h>
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

/// The AST for one size; only the latest is kept, so that earlier sizes'
/// ASTs do not compete for caches with the one being measured.
clang::ASTUnit &astFor(unsigned Statements) {
  static unsigned Size = 0;
  static std::unique_ptr<clang::ASTUnit> AST;
  if (!AST || Size != Statements) {
    AST.reset();
    AST = clang::tooling::buildASTFromCodeWithArgs(
        bench::generateFunction(Statements),
        {"-std=c++20", "-I" UNAWAITED_BENCH_INPUTS}, "generated.cpp");
    Size = Statements;
  }
  return *AST;
}

const clang::FunctionDecl *bigFunction(clang::ASTContext &Ctx) {
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(D))
      if (FD->getDeclName().isIdentifier() && FD->getName() == "big" &&
          FD->hasBody())
        return FD;
  return nullptr;
}

void run(benchmark::State &State, EnabledChecks Checks) {
  unsigned N = static_cast<unsigned>(State.range(0));
  clang::ASTUnit &AST = astFor(N);
  Options Opts;
  size_t Findings = 0;
  FlowStats Stats;
  for (auto _ : State) {
    CountingSink Sink;
    Stats = FlowStats();
    analyzeTranslationUnit(AST.getASTContext(), Opts, Checks, Sink, &Stats);
    Findings = Sink.Count;
    benchmark::DoNotOptimize(Findings);
  }
  State.SetComplexityN(N);
  State.counters["findings"] = static_cast<double>(Findings);
  if (Stats.FunctionsWithCFG) {
    // Work per statement: constant when the analysis is linear.
    State.counters["elements/stmt"] =
        static_cast<double>(Stats.CFGElements) / N;
    State.counters["steps/stmt"] = static_cast<double>(Stats.Steps) / N;
    State.counters["passes"] = static_cast<double>(Stats.Passes) /
                               static_cast<double>(Stats.FunctionsWithCFG);
  }
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
  const clang::FunctionDecl *Big = bigFunction(Ctx);
  for (auto _ : State) {
    clang::CFG::BuildOptions BO = flowCFGOptions();
    auto G = clang::CFG::buildCFG(Big, Big->getBody(), &Ctx, BO);
    benchmark::DoNotOptimize(G.get());
  }
  State.SetComplexityN(N);
}

/// One walk over every statement of the function and nothing else: the
/// floor any analysis of it pays, memory hierarchy included.
void ASTWalkOnly(benchmark::State &State) {
  unsigned N = static_cast<unsigned>(State.range(0));
  clang::ASTContext &Ctx = astFor(N).getASTContext();
  struct Walk : clang::RecursiveASTVisitor<Walk> {
    size_t Count = 0;
    bool VisitStmt(clang::Stmt *) {
      ++Count;
      return true;
    }
  };
  clang::Stmt *Body = bigFunction(Ctx)->getBody();
  size_t Nodes = 0;
  for (auto _ : State) {
    Walk W;
    W.TraverseStmt(Body);
    Nodes = W.Count;
    benchmark::DoNotOptimize(Nodes);
  }
  State.SetComplexityN(N);
  State.counters["stmts"] = static_cast<double>(Nodes);
}

} // namespace

BENCHMARK(ASTWalkOnly)
    ->RangeMultiplier(2)
    ->Range(1024, 16384)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);
BENCHMARK(CFGBuildOnly)
    ->RangeMultiplier(2)
    ->Range(1024, 16384)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);
BENCHMARK(FlowAnalysis)
    ->RangeMultiplier(2)
    ->Range(16, 16384)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);
BENCHMARK(DiscardedPositions)
    ->RangeMultiplier(4)
    ->Range(10, 10240)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oN);

BENCHMARK_MAIN();
