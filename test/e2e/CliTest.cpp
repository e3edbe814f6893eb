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

namespace {
// SARIF 2.1.0 checked by Microsoft's SARIF Multitool (npm package installed
// by scripts/bootstrap.sh into <build>/tools): no errors, no warnings.
TEST(Sarif, MultitoolValidatorAcceptsOurOutput) {
  std::string Tools = std::string(UNAWAITED_BINARY_DIR) +
                      "/tools/node_modules/@microsoft/sarif-multitool";
  if (!llvm::sys::fs::exists(Tools + "/bin.js"))
    GTEST_SKIP() << "SARIF Multitool not installed (scripts/bootstrap.sh)";
  std::string Dir = makeTempDir();
  writeFile(Dir + "/a.cpp",
            "#include \"task.h\"\ndemo::Task<int> fetch();\n"
            "demo::Task<> h(bool c) {\n  fetch();\n  auto t = fetch();\n"
            "  if (c) co_return;\n  co_await std::move(t);\n}\n"
            "void plain() { fetch(); }\n");
  RunResult R = run({UNAWAITED_CLI, "--progress=never", "--format=sarif", "-o",
                     "out.sarif", "a.cpp", "--", "-std=c++20",
                     "-I" + std::string(UNAWAITED_TEST_INPUTS)},
                    Dir);
  ASSERT_EQ(R.ExitCode, 1) << R.Err;
  RunResult V = run({"node", Tools + "/bin.js", "validate", "out.sarif"}, Dir);
  EXPECT_EQ(V.ExitCode, 0) << V.Out << V.Err;
  EXPECT_EQ(V.Out.find(" error SARIF"), std::string::npos) << V.Out;
  EXPECT_EQ(V.Out.find(" warning SARIF"), std::string::npos) << V.Out;
  EXPECT_NE(V.Out.find("Analysis completed successfully"), std::string::npos)
      << V.Out;
  removeTree(Dir);
}
} // namespace

namespace {

/// A small multi-file project: two sources include one header with a bug.
class Project : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    llvm::sys::fs::create_directories(Dir + "/src");
    llvm::sys::fs::create_directories(Dir + "/include");
    writeFile(Dir + "/include/shared.h",
              "#pragma once\n#include \"task.h\"\ndemo::Task<int> fetch();\n"
              "inline demo::Task<> helper() {\n  fetch();\n  co_return;\n}\n");
    for (const char *N : {"a", "b"})
      writeFile(Dir + "/src/" + N + ".cpp",
                std::string("#include \"shared.h\"\ndemo::Task<> ") + N +
                    "() {\n  fetch();\n  co_return;\n}\n");
    writeFile(Dir + "/src/c.cpp", "#include \"shared.h\"\n"
                                  "demo::Task<> c() { co_await fetch(); }\n");
  }
  void TearDown() override { removeTree(Dir); }

  std::string inc() const {
    return "-I" + std::string(UNAWAITED_TEST_INPUTS) + " -Iinclude";
  }
  void writeDb(const std::string &Entries) {
    writeFile(Dir + "/compile_commands.json", "[" + Entries + "]");
  }
  std::string commandEntry(const std::string &File,
                           const std::string &Extra = "") {
    return "{\"directory\": \"" + Dir + "\", \"file\": \"" + File +
           "\", \"command\": \"g++ -std=c++20 " + inc() + " " + Extra +
           " -c " + File + "\"}";
  }
  RunResult cli(std::vector<std::string> Args) {
    Args.insert(Args.begin(), {UNAWAITED_CLI, "--progress=never"});
    return run(Args, Dir);
  }
  static size_t count(const std::string &S, const std::string &Needle) {
    size_t N = 0;
    for (size_t P = S.find(Needle); P != std::string::npos;
         P = S.find(Needle, P + 1))
      ++N;
    return N;
  }
  std::string Dir;
};

TEST_F(Project, HeaderFindingReportedOnceAndFiltersApply) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp"));
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "shared.h:5:3: warning"), 1u) << R.Out;
  EXPECT_EQ(count(R.Out, ": warning:"), 3u) << R.Out;
  RunResult NoHeaders = cli({"-p", ".", "--header-filter=^$"});
  EXPECT_EQ(count(NoHeaders.Out, "shared.h"), 0u) << NoHeaders.Out;
  EXPECT_EQ(count(NoHeaders.Out, ": warning:"), 2u) << NoHeaders.Out;
  RunResult Excluded = cli({"-p", ".", "--exclude=b\\.cpp|shared"});
  EXPECT_EQ(count(Excluded.Out, ": warning:"), 1u) << Excluded.Out;
  EXPECT_EQ(count(Excluded.Out, "a.cpp:3:3"), 1u) << Excluded.Out;
}

TEST_F(Project, GccFlagsAreDroppedWithOneWarningEach) {
  writeDb(commandEntry("src/a.cpp", "-fipa-pta -Wno-maybe-uninitialized "
                                    "-Werror") +
          "," +
          commandEntry("src/b.cpp", "-fipa-pta -Wno-maybe-uninitialized "
                                    "-Werror"));
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(count(R.Err, "ignoring compiler flag '-fipa-pta'"), 1u) << R.Err;
  EXPECT_EQ(count(R.Err, "could not analyse"), 0u) << R.Err;
}

TEST_F(Project, ArgumentsFormResponseFilesAndRelativeDirectories) {
  writeFile(Dir + "/flags.rsp", "-std=c++20 " + inc());
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \".\", \"file\": \"src/a.cpp\", \"arguments\": "
            "[\"clang++\", \"@flags.rsp\", \"-c\", \"src/a.cpp\"]}]");
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "a.cpp:3:3: warning"), 1u) << R.Out;
}

TEST_F(Project, FileMissingFromDatabaseGetsANeighboursCommand) {
  writeDb(commandEntry("src/a.cpp"));
  RunResult R = cli({"-p", ".", "src/b.cpp"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "b.cpp:3:3: warning"), 1u) << R.Out;
}

TEST_F(Project, ShardsPartitionTheFiles) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp") + "," +
          commandEntry("src/c.cpp"));
  RunResult S1 = cli({"-p", ".", "--shard=1/2", "--header-filter=^$"});
  RunResult S2 = cli({"-p", ".", "--shard=2/2", "--header-filter=^$"});
  // a and c in one shard, b in the other (sorted, round robin).
  EXPECT_EQ(count(S1.Out + S2.Out, ": warning:"), 2u);
  EXPECT_NE(S1.Err.find("in 2 files"), std::string::npos) << S1.Err;
  EXPECT_NE(S2.Err.find("in 1 file"), std::string::npos) << S2.Err;
}

TEST_F(Project, ProgressOnRequestSilentWhenQuiet) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp"));
  RunResult P = run({UNAWAITED_CLI, "--progress=always", "-p", "."}, Dir);
  EXPECT_NE(P.Err.find("[2/2]"), std::string::npos) << P.Err;
  RunResult Q =
      run({UNAWAITED_CLI, "--progress=always", "--quiet", "-p", "."}, Dir);
  EXPECT_EQ(Q.Err, "");
}

TEST_F(Project, JsonAndGithubFormats) {
  writeDb(commandEntry("src/a.cpp"));
  RunResult J = cli({"-p", ".", "--format=json", "--header-filter=^$"});
  auto V = llvm::json::parse(J.Out);
  ASSERT_TRUE(bool(V)) << J.Out;
  const llvm::json::Object *Root = V->getAsObject();
  ASSERT_EQ(Root->getArray("findings")->size(), 1u);
  const llvm::json::Object *F = (*Root->getArray("findings"))[0].getAsObject();
  EXPECT_EQ(*F->getString("check"), "coro-discarded-task");
  EXPECT_EQ(*F->getInteger("line"), 3);
  EXPECT_EQ(*F->getInteger("column"), 3);
  EXPECT_EQ(*(*F->getArray("fixes"))[0].getAsObject()->getString("replacement"),
            "co_await ");
  RunResult G = cli({"-p", ".", "--format=github", "--header-filter=^$"});
  EXPECT_NE(G.Out.find("::warning file="), std::string::npos) << G.Out;
  EXPECT_NE(G.Out.find(",line=3,col=3,title=coro-discarded-task::"),
            std::string::npos)
      << G.Out;
}

} // namespace
