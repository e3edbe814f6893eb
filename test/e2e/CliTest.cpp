//===- CliTest.cpp - The CLI contract: inputs, outputs, exit codes --------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace unawaited::test;

namespace {

class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    writeFile(Dir + "/bad.cpp", "#include \"task.h\"\n"
                                "demo::Task<int> fetch();\n"
                                "demo::Task<> h() {\n  fetch();\n  co_return;\n}\n");
    writeFile(Dir + "/good.cpp", "#include \"task.h\"\n"
                                 "demo::Task<int> fetch();\n"
                                 "demo::Task<> h2() { co_await fetch(); }\n");
    writeFile(Dir + "/broken.cpp", "int f() { return undeclared; }\n");
    writeDb({"bad.cpp", "good.cpp"});
  }
  void TearDown() override { removeTree(Dir); }

  void writeDb(std::vector<std::string> Files,
               const std::string &Name = "compile_commands.json") {
    llvm::json::Array A;
    for (const std::string &F : Files)
      A.push_back(llvm::json::Object{
          {"directory", Dir},
          {"file", F},
          {"arguments", llvm::json::Array{"clang++", "-std=c++20",
                                          "-I" + std::string(UNAWAITED_TEST_INPUTS),
                                          "-c", F}}});
    std::string S;
    llvm::raw_string_ostream OS(S);
    OS << llvm::json::Value(std::move(A));
    OS.flush();
    writeFile(Dir + "/" + Name, S);
  }
  RunResult cli(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {UNAWAITED_CLI, "--progress=never"});
    return run(Args, Dir);
  }
  std::string Dir;
};

TEST_F(Cli, ExitOneOnFindingsZeroWithout) {
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:3: warning: 'fetch' returns a lazy"),
            std::string::npos)
      << R.Out;
  EXPECT_EQ(cli({"-p", ".", "good.cpp"}).ExitCode, 0);
}

TEST_F(Cli, DatabaseAsFileAndListedSources) {
  EXPECT_EQ(cli({"-p", "compile_commands.json"}).ExitCode, 1);
  EXPECT_EQ(cli({"-p", Dir, "good.cpp"}).ExitCode, 0);
}

TEST_F(Cli, FilesAfterDoubleDash) {
  EXPECT_EQ(cli({"bad.cpp", "--", "-std=c++20",
                 "-I" + std::string(UNAWAITED_TEST_INPUTS)})
                .ExitCode,
            1);
}

TEST_F(Cli, BadInputIsOneLineAndExitTwo) {
  struct {
    std::vector<std::string> Args;
    const char *Says;
  } Cases[] = {
      {{"-p", "missing-dir"}, "does not exist"},
      {{"--no-such-flag"}, "no-such-flag"},
      {{"-p", ".", "missing.cpp"}, "no such file: 'missing.cpp'"},
      {{"-p", ".", "--shard=3/2"}, "--shard"},
      {{"-p", ".", "-o", "/nonexistent/dir/out.txt"}, "cannot write"},
      {{"-p", ".", "--config-file=missing.yaml"}, "cannot read config file"},
      {{"-p", ".", "--config={Checks: [}"}, "invalid configuration"},
      {{}, "no input"},
  };
  for (auto &C : Cases) {
    RunResult R = cli(C.Args);
    EXPECT_EQ(R.ExitCode, 2) << C.Says << "\n" << R.Err;
    EXPECT_NE(R.Err.find(C.Says), std::string::npos) << R.Err;
    EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
  }
  writeFile(Dir + "/malformed/compile_commands.json", "");
  llvm::sys::fs::create_directories(Dir + "/malformed");
  writeFile(Dir + "/malformed/compile_commands.json", "[{ not json");
  RunResult M = cli({"-p", "malformed/compile_commands.json"});
  EXPECT_EQ(M.ExitCode, 2);
  EXPECT_NE(M.Err.find("malformed compilation database"), std::string::npos)
      << M.Err;
}

TEST_F(Cli, UncompilableFileIsExitThreeAndTheRestIsAnalysed) {
  writeDb({"bad.cpp", "broken.cpp"});
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Err.find("use of undeclared identifier 'undeclared'"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:3: warning"), std::string::npos);
}

TEST_F(Cli, CrashingOrHangingWorkerIsIsolated) {
  writeDb({"bad.cpp", "good.cpp"});
  for (const char *Fault : {"crash:good.cpp", "hang:good.cpp"}) {
    std::string Cmd = std::string("UNAWAITED_TEST_WORKER_FAULT=") + Fault;
    RunResult R = run({"/usr/bin/env", Cmd, UNAWAITED_CLI, "--progress=never",
                       "--timeout=3", "-p", "."},
                      Dir);
    EXPECT_EQ(R.ExitCode, 3) << Fault << R.Err;
    EXPECT_NE(R.Err.find("could not analyse"), std::string::npos) << R.Err;
    EXPECT_NE(R.Out.find("bad.cpp:4:3: warning"), std::string::npos) << R.Out;
  }
}

TEST_F(Cli, SameOutputWhateverTheJobs) {
  writeDb({"bad.cpp", "good.cpp"});
  RunResult One = cli({"-p", ".", "-j", "1", "--format=json"});
  RunResult Two = cli({"-p", ".", "-j2", "--format=json"}); // as make users type it
  EXPECT_EQ(One.Out, Two.Out);
}

TEST_F(Cli, NeverWritesSourcesWithoutFix) {
  std::string Before = readFile(Dir + "/bad.cpp");
  cli({"-p", ".", "--format=sarif", "-o", "out.sarif",
       "--export-fixes=fixes.yaml"});
  EXPECT_EQ(readFile(Dir + "/bad.cpp"), Before);
  EXPECT_NE(readFile(Dir + "/fixes.yaml").find("ReplacementText: 'co_await '"),
            std::string::npos);
  auto Sarif = llvm::json::parse(readFile(Dir + "/out.sarif"));
  ASSERT_TRUE(bool(Sarif));
  EXPECT_EQ(*Sarif->getAsObject()->getString("version"), "2.1.0");
}

TEST_F(Cli, BaselineReportsOnlyNewFindings) {
  EXPECT_EQ(cli({"-p", ".", "--write-baseline=base.json"}).ExitCode, 1);
  EXPECT_EQ(cli({"-p", ".", "--baseline=base.json"}).ExitCode, 0);
  // An unrelated line above the finding does not change its fingerprint...
  writeFile(Dir + "/bad.cpp", "// a new comment\n" + readFile(Dir + "/bad.cpp"));
  EXPECT_EQ(cli({"-p", ".", "--baseline=base.json"}).ExitCode, 0);
  // ...but a second copy of the bug is new.
  std::string Src = readFile(Dir + "/bad.cpp");
  Src.replace(Src.find("  fetch();"), 9, "  fetch();\n  fetch();");
  writeFile(Dir + "/bad.cpp", Src);
  RunResult R = cli({"-p", ".", "--baseline=base.json"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Err.find("1 finding"), std::string::npos) << R.Err;
}

} // namespace
