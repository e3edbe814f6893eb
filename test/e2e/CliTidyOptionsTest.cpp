//===- CliTidyOptionsTest.cpp - The options the CLI shares with clang-tidy ===//
//
// --export-fixes' fields, -j, --use-color, --warnings-as-errors,
// --line-filter, --extra-arg and --extra-arg-before behave as clang-tidy's.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <thread>

using namespace unawaited::test;

namespace {

const char *const BadSource = "#include \"task.h\"\n"
                              "demo::Task<int> fetch();\n"
                              "demo::Task<> h() {\n"
                              "  fetch();\n"
                              "  co_return;\n"
                              "}\n";

/// A project in a temporary directory: sources in src/, a build directory
/// out/ that the compile commands run in.
class TidyOptions : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    llvm::sys::fs::create_directories(Dir + "/src");
    llvm::sys::fs::create_directories(Dir + "/out");
    writeFile(Dir + "/src/bad.cpp", BadSource);
    writeFile(Dir + "/src/good.cpp", "#include \"task.h\"\n"
                                     "demo::Task<int> fetch();\n"
                                     "demo::Task<> g() { co_await fetch(); }\n");
  }
  void TearDown() override { removeTree(Dir); }

  /// compile_commands.json in out/, each command run there.
  void writeDb(const std::vector<std::string> &Sources,
               const std::vector<std::string> &Extra = {}) {
    llvm::json::Array A;
    for (const std::string &F : Sources) {
      llvm::json::Array Args{"clang++", "-std=c++20",
                             "-I" + std::string(UNAWAITED_TEST_INPUTS)};
      for (const std::string &E : Extra)
        Args.push_back(E);
      Args.push_back("-c");
      Args.push_back(Dir + "/src/" + F);
      A.push_back(llvm::json::Object{{"directory", Dir + "/out"},
                                     {"file", Dir + "/src/" + F},
                                     {"arguments", std::move(Args)}});
    }
    std::string S;
    llvm::raw_string_ostream OS(S);
    OS << llvm::json::Value(std::move(A));
    OS.flush();
    writeFile(Dir + "/out/compile_commands.json", S);
  }
  RunResult cli(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {UNAWAITED_CLI, "--progress=never", "-p", "out"});
    return run(Args, Dir);
  }
  std::string Dir;
};

/// The values of every "<Key>: <value>" line of a YAML text, unquoted.
std::vector<std::string> yamlValues(const std::string &Yaml,
                                    llvm::StringRef Key) {
  std::vector<std::string> Values;
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  llvm::StringRef(Yaml).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.trim();
    L.consume_front("- ");
    if (!L.consume_front(Key) || !L.consume_front(":"))
      continue;
    L = L.trim();
    if (L.size() >= 2 && L.front() == '\'' && L.back() == '\'')
      L = L.drop_front().drop_back();
    Values.push_back(L.str());
  }
  return Values;
}

// clang-tidy writes each diagnostic's BuildDirectory as the directory its
// compile command ran in (not the source's), and MainSourceFile as the
// unit the diagnostics come from.
TEST_F(TidyOptions, ExportedFixesNameTheCommandDirectoryAndTheUnit) {
  writeDb({"good.cpp", "bad.cpp"});
  RunResult R = cli({"--export-fixes=fixes.yaml"});
  ASSERT_EQ(R.ExitCode, 1) << R.Err;
  std::string Yaml = readFile(Dir + "/fixes.yaml");
  EXPECT_EQ(yamlValues(Yaml, "MainSourceFile"),
            std::vector<std::string>{Dir + "/src/bad.cpp"})
      << Yaml;
  EXPECT_EQ(yamlValues(Yaml, "BuildDirectory"),
            std::vector<std::string>{Dir + "/out"})
      << Yaml;

  // Two units with findings: run-clang-tidy's merged form, no main file.
  writeFile(Dir + "/src/good.cpp", std::string(BadSource) + "\n");
  RunResult Two = cli({"--export-fixes=fixes.yaml"});
  ASSERT_EQ(Two.ExitCode, 1) << Two.Err;
  Yaml = readFile(Dir + "/fixes.yaml");
  EXPECT_EQ(yamlValues(Yaml, "MainSourceFile"), std::vector<std::string>{""})
      << Yaml;
  EXPECT_EQ(yamlValues(Yaml, "BuildDirectory"),
            std::vector<std::string>(2, Dir + "/out"))
      << Yaml;
  RunResult A = run({UNAWAITED_CLANG_APPLY_REPLACEMENTS, Dir}, Dir);
  ASSERT_EQ(A.ExitCode, 0) << A.Out << A.Err;
  EXPECT_EQ(cli({}).ExitCode, 0);
}

} // namespace
