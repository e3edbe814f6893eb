//===- Generate.h - Generated coroutine code for the benchmarks ----------===//
#ifndef UNAWAITED_BENCH_GENERATE_H
#define UNAWAITED_BENCH_GENERATE_H

#include <string>

namespace unawaited::bench {

/// One coroutine of about \p Statements statements: stored tasks awaited on
/// some paths, branches, loops, early co_returns, discarded calls; the
/// shapes the flow analysis has to follow, repeated. As in real code, each
/// stored task lives in a section of the function, so the number of tasks
/// unconsumed at once stays bounded while the function grows.
inline std::string generateFunction(unsigned Statements) {
  std::string S = "#include \"task.h\"\nusing demo::Task;\n"
                  "Task<int> fetch(int);\nTask<> send(int);\nint work(int);\n"
                  "Task<> big(int n, bool c) {\n  int acc = 0;\n";
  unsigned Made = 0;
  for (unsigned I = 0; Made < Statements; ++I) {
    std::string N = std::to_string(I);
    switch (I % 4) {
    case 0: // stored, awaited on one branch only (a finding)
      S += "  {\n    auto t" + N + " = fetch(" + N + ");\n    if (c) acc += "
           "co_await std::move(t" + N + ");\n    else acc += work(" + N +
           ");\n  }\n";
      Made += 3;
      break;
    case 1: // a loop that stores and awaits
      S += "  for (int i = 0; i < n; ++i) {\n    auto u" + N + " = fetch(i);\n"
           "    if (i == " + N + ") break;\n    acc += co_await std::move(u" +
           N + ");\n  }\n";
      Made += 4;
      break;
    case 2: // plain arithmetic and a discarded call
      S += "  acc += work(acc);\n  send(" + N + ");\n";
      Made += 2;
      break;
    default: // an early exit between store and await
      S += "  {\n    auto v" + N + " = send(" + N + ");\n    if (acc == " + N +
           ") co_return;\n    co_await std::move(v" + N + ");\n  }\n";
      Made += 3;
      break;
    }
  }
  S += "  co_return;\n}\n";
  return S;
}

/// A translation unit of \p Calls discarded calls, each a finding: in
/// coroutines of 50 calls (a finding with a `co_await` fix-it), every fifth
/// function a plain one (a finding with a note, no fix), and every tenth
/// wrapped in NOLINTBEGIN/NOLINTEND for another check, which suppress
/// nothing but must be read. What a report costs per finding, in every
/// output format and front end (bench/report.sh, ReportBench.cpp).
inline std::string generateDiscards(unsigned Calls) {
  std::string S = "#include \"task.h\"\nusing demo::Task;\nTask<> send(int);\n";
  unsigned Made = 0;
  for (unsigned F = 0; Made < Calls; ++F) {
    bool Nolint = F % 10 == 0;
    bool Plain = F % 5 == 4;
    std::string N = std::to_string(F);
    if (Nolint)
      S += "// NOLINTBEGIN(coro-unawaited-variable)\n";
    S += Plain ? "void plain" + N + "() {\n" : "Task<> coro" + N + "() {\n";
    for (unsigned I = 0; I < 50 && Made < Calls; ++I, ++Made)
      S += "  send(" + std::to_string(Made) + ");\n";
    S += Plain ? "}\n" : "  co_return;\n}\n";
    if (Nolint)
      S += "// NOLINTEND(coro-unawaited-variable)\n";
  }
  return S;
}

} // namespace unawaited::bench

#endif
