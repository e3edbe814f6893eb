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

// A huge -j is clamped, with one warning, to 4 per hardware thread and at
// most 256; the run is otherwise the same.
TEST_F(TidyOptions, HugeJobCountWarnsOnceAndIsClamped) {
  writeDb({"bad.cpp", "good.cpp"});
  unsigned Hardware = std::max(1u, std::thread::hardware_concurrency());
  unsigned Max = std::min(256u, 4 * Hardware);
  RunResult Huge = cli({"-j", "100000", "--quiet"});
  EXPECT_EQ(Huge.ExitCode, 1) << Huge.Err;
  EXPECT_EQ(Huge.Err, "unawaited: warning: -j 100000 is more than " +
                          std::to_string(Max) +
                          " (4 per hardware thread, at most 256); using -j " +
                          std::to_string(Max) + "\n");
  RunResult AtMax = cli({"-j", std::to_string(Max), "--quiet"});
  EXPECT_EQ(AtMax.Err, "");
  EXPECT_EQ(AtMax.Out, Huge.Out);
}

// Only the labels and the caret are coloured, and exactly as clang colours
// them: bold location, bold message, magenta "warning:", green caret.
TEST_F(TidyOptions, UseColorForcesOrDisablesClangsColours) {
  writeDb({"bad.cpp"});
  RunResult Coloured = cli({"--use-color"});
  EXPECT_EQ(Coloured.ExitCode, 1) << Coloured.Err;
  std::string Loc = Dir + "/src/bad.cpp:4:3: ";
  EXPECT_NE(Coloured.Out.find("\x1b[1m" + Loc + "\x1b[0m\x1b[0;1;35mwarning: "
                              "\x1b[0m\x1b[1m'fetch' returns a lazy"),
            std::string::npos)
      << Coloured.Out;
  EXPECT_NE(Coloured.Out.find("[coro-discarded-task]\x1b[0m\n"),
            std::string::npos)
      << Coloured.Out;
  // The source line is not coloured; the caret is.
  EXPECT_NE(Coloured.Out.find("\n 4 |   fetch();\n   |   \x1b[0;1;32m^\x1b[0m\n"),
            std::string::npos)
      << Coloured.Out;
  // Into a file too, when asked.
  EXPECT_EQ(cli({"--use-color=true", "-o", "r.txt"}).ExitCode, 1);
  EXPECT_NE(readFile(Dir + "/r.txt").find("\x1b["), std::string::npos);
  RunResult Plain = cli({"--use-color=false"});
  EXPECT_EQ(Plain.Out.find('\x1b'), std::string::npos) << Plain.Out;
  EXPECT_EQ(cli({"--use-color=maybe"}).ExitCode, 2);
}

// As clang-tidy: matching findings are errors, marked so; given, only
// errors fail the run.
TEST_F(TidyOptions, WarningsAsErrorsPromoteMatchingFindingsAndDecideTheExit) {
  writeFile(Dir + "/src/var.cpp", "#include \"task.h\"\n"
                                  "demo::Task<int> fetch();\n"
                                  "demo::Task<> v() {\n"
                                  "  auto t = fetch();\n"
                                  "  co_return;\n"
                                  "}\n");
  writeDb({"bad.cpp", "var.cpp"});
  RunResult R = cli({"--warnings-as-errors=coro-discarded-*"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:3: error: 'fetch' returns a lazy"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("[coro-discarded-task,-warnings-as-errors]"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("var.cpp:4:8: warning: variable 't'"), std::string::npos)
      << R.Out;
  EXPECT_NE(R.Err.find("2 findings in 2 files (1 treated as error)"),
            std::string::npos)
      << R.Err;
  // Only the warning is left: reported, and the run passes.
  RunResult W = cli({"--warnings-as-errors=coro-discarded-*", "src/var.cpp"});
  EXPECT_EQ(W.ExitCode, 0) << W.Err;
  EXPECT_NE(W.Out.find("var.cpp:4:8: warning:"), std::string::npos) << W.Out;
  // Without the option every finding fails the gate, as before.
  EXPECT_EQ(cli({"src/var.cpp"}).ExitCode, 1);
  RunResult J =
      cli({"--warnings-as-errors=*", "--format=json", "src/var.cpp"});
  EXPECT_EQ(J.ExitCode, 1);
  EXPECT_NE(J.Out.find("\"level\": \"error\""), std::string::npos) << J.Out;
}

TEST_F(TidyOptions, LineFilterKeepsOnlyTheListedLines) {
  writeFile(Dir + "/src/bad.cpp", "#include \"task.h\"\n"
                                  "demo::Task<int> fetch();\n"
                                  "demo::Task<> h() {\n"
                                  "  fetch();\n"
                                  "  fetch();\n"
                                  "  co_return;\n"
                                  "}\n");
  writeDb({"bad.cpp", "good.cpp"});
  auto Lines = [](const RunResult &R) {
    std::vector<std::string> Got;
    for (const char *L : {"bad.cpp:4:3: warning", "bad.cpp:5:3: warning"})
      if (R.Out.find(L) != std::string::npos)
        Got.push_back(L);
    return Got;
  };
  using V = std::vector<std::string>;
  RunResult Five = cli({R"(--line-filter=[{"name":"bad.cpp","lines":[[5,7]]}])"});
  EXPECT_EQ(Five.ExitCode, 1) << Five.Err;
  EXPECT_EQ(Lines(Five), V{"bad.cpp:5:3: warning"}) << Five.Out;
  // Several ranges; a name without lines takes the whole file.
  EXPECT_EQ(Lines(cli({R"(--line-filter=[{"name":"src/bad.cpp","lines":[[1,1],[4,4]]}])"})),
            V{"bad.cpp:4:3: warning"});
  EXPECT_EQ(Lines(cli({R"(--line-filter=[{"name":"bad.cpp"}])"})),
            (V{"bad.cpp:4:3: warning", "bad.cpp:5:3: warning"}));
  // A file no entry names reports nothing: the run passes.
  RunResult Other = cli({R"(--line-filter=[{"name":"good.cpp"}])"});
  EXPECT_EQ(Other.ExitCode, 0) << Other.Out;
  for (const char *Bad : {"[{\"lines\":[[1,2]]}]", "{}", "[{\"name\":\"a\","
                                                          "\"lines\":[[1]]}]",
                          "[{"}) {
    RunResult E = cli({std::string("--line-filter=") + Bad});
    EXPECT_EQ(E.ExitCode, 2) << Bad;
    EXPECT_EQ(E.Err.rfind("unawaited: error: invalid --line-filter: ", 0), 0u)
        << E.Err;
    EXPECT_EQ(std::count(E.Err.begin(), E.Err.end(), '\n'), 1) << E.Err;
  }
}

// --extra-arg goes after the command's own arguments and
// --extra-arg-before before them: with `-DLEVEL=2` in the command, only the
// later definition of LEVEL counts.
TEST_F(TidyOptions, ExtraArgsAreAppendedOrPrepended) {
  writeFile(Dir + "/src/bad.cpp", "#include \"task.h\"\n"
                                  "demo::Task<int> fetch();\n"
                                  "demo::Task<> h() {\n"
                                  "#if LEVEL == 1\n"
                                  "  fetch();\n"
                                  "#endif\n"
                                  "  co_return;\n"
                                  "}\n");
  writeDb({"bad.cpp"}, {"-DLEVEL=2"});
  EXPECT_EQ(cli({}).ExitCode, 0);
  RunResult After = cli({"--extra-arg=-Wno-macro-redefined",
                         "--extra-arg=-DLEVEL=1"});
  EXPECT_EQ(After.ExitCode, 1) << After.Out << After.Err;
  EXPECT_NE(After.Out.find("bad.cpp:5:3: warning"), std::string::npos)
      << After.Out;
  RunResult Before = cli({"--extra-arg-before=-DLEVEL=1"});
  EXPECT_EQ(Before.ExitCode, 0) << Before.Out << Before.Err;
  // Each command gets them, inferred and `--` ones included.
  RunResult Fixed =
      run({UNAWAITED_CLI, "--progress=never", "--extra-arg=-DLEVEL=1",
           "src/bad.cpp", "--", "-std=c++20",
           "-I" + std::string(UNAWAITED_TEST_INPUTS)},
          Dir);
  EXPECT_EQ(Fixed.ExitCode, 1) << Fixed.Out << Fixed.Err;
}

} // namespace
