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
      {{"-p", ".", "--baseline=missing.json"},
       "cannot read baseline 'missing.json': No such file or directory"},
      {{"-p", ".", "--baseline=."}, "cannot read baseline '.': Is a directory"},
      {{"-p", ".", "--config={Checks: [}"}, "invalid configuration"},
      {{}, "no input"},
      // A compile command of its own with no file to apply it to.
      {{"--", "-std=c++20"}, "no input: name the source files before"},
      // Bad option values are reported by LLVM's parser straight to stderr.
      {{"-p", ".", "--timeout=-1"}, "'-1' value invalid for uint argument"},
      {{"-p", ".", "-j", "abc"}, "for the -j option: 'abc' value invalid"},
      {{"-p", ".", "--format=xml"}, "Cannot find option named 'xml'"},
      {{"-p", ".", "--progress=x"}, "Cannot find option named 'x'"},
  };
  for (auto &C : Cases) {
    RunResult R = cli(C.Args);
    EXPECT_EQ(R.ExitCode, 2) << C.Says << "\n" << R.Err;
    EXPECT_NE(R.Err.find(C.Says), std::string::npos) << R.Err;
    EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
    EXPECT_EQ(R.Err.rfind("unawaited: error: ", 0), 0u) << R.Err;
  }
  writeFile(Dir + "/malformed/compile_commands.json", "");
  llvm::sys::fs::create_directories(Dir + "/malformed");
  writeFile(Dir + "/malformed/compile_commands.json", "[{ not json");
  RunResult M = cli({"-p", "malformed/compile_commands.json"});
  EXPECT_EQ(M.ExitCode, 2);
  EXPECT_NE(M.Err.find("malformed compilation database"), std::string::npos)
      << M.Err;
}

// A truncated or binary compile_commands.json is one line naming the file
// and where the first problem is, never the parser's dump of the raw line.
TEST_F(Cli, MalformedDatabaseIsOneLineNamingTheFirstProblem) {
  llvm::sys::fs::create_directories(Dir + "/db");
  struct {
    std::string Bytes;
    const char *Says;
  } Cases[] = {
      {"[{\"directory\": \"/tmp\", \"file\": \"a.cpp\", \"comm",
       "line 1, column 45: "},
      {std::string("\x7f"
                   "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                   20) +
           "\x90\xec\x01\n\x1b[31m",
       "line 1, column 1: "},
      {"[\n  {\"file\": \"a.cpp\",\t\"directory\": \x01}\n]\n", "line 2, "},
  };
  for (auto &C : Cases) {
    writeFile(Dir + "/db/compile_commands.json", C.Bytes);
    for (const char *P : {"db", "db/compile_commands.json"}) {
      RunResult R = cli({"-p", P});
      EXPECT_EQ(R.ExitCode, 2) << R.Err;
      std::string Start =
          "unawaited: error: malformed compilation database '" +
          std::string(P == std::string("db") ? "db/compile_commands.json" : P) +
          "': " + C.Says;
      EXPECT_EQ(R.Err.rfind(Start, 0), 0u) << R.Err;
      EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
      EXPECT_EQ(R.Err.find("YAML"), std::string::npos) << R.Err;
      for (char Ch : R.Err.substr(0, R.Err.size() - 1))
        EXPECT_TRUE(static_cast<unsigned char>(Ch) >= 0x20 &&
                    static_cast<unsigned char>(Ch) < 0x7f)
            << "byte " << int(static_cast<unsigned char>(Ch)) << " in "
            << R.Err;
    }
  }
}

// A compile command whose relative directory does not exist is the one
// error line, without clang-tidy's complaint about the configuration it
// cannot look for there.
TEST_F(Cli, MissingRelativeCommandDirectoryIsOneLine) {
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \"gone\", \"file\": \"bad.cpp\", \"command\": "
            "\"clang++ -std=c++20 -c bad.cpp\"}]");
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_EQ(R.Err, "unawaited: error: directory '" + Dir +
                       "/gone' of the compile command for 'bad.cpp' does not "
                       "exist\n");
}

// An option value the checks cannot use (not a boolean, an unknown
// profile) is not quietly ignored: one warning for the run, however many
// files and checks read it; the run goes on with the default.
TEST_F(Cli, InvalidOptionValuesAreWarnedOnceForTheRun) {
  writeFile(Dir + "/.clang-tidy",
            "CheckOptions:\n  AllowCastToVoid: maybe\n"
            "  coro-unawaited-variable.IncludeGeneratedCode: 'yes'\n"
            "  Profiles: 'asio;nosuch'\n");
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(R.Err,
            "unawaited: warning: invalid value 'maybe' for option "
            "'AllowCastToVoid' (expected true or false); using false\n"
            "unawaited: warning: unknown profile 'nosuch' in option "
            "'Profiles'; known profiles: all;none;asio;boost-asio;cppcoro;"
            "folly;unifex;stdexec;qcoro;seastar;concurrencpp;cobalt;libcoro;"
            "async_simple;winrt;kj\n"
            "unawaited: warning: invalid value 'yes' for option "
            "'IncludeGeneratedCode' (expected true or false); using false\n"
            "unawaited: 1 finding in 2 files\n");
  // A check that is not enabled reads nothing.
  RunResult Off = cli({"-p", ".", "--checks=-coro-unawaited-variable"});
  EXPECT_EQ(Off.Err.find("IncludeGeneratedCode"), std::string::npos) << Off.Err;
}

TEST_F(Cli, DuplicateSourcesAreAnalysedOnce) {
  ASSERT_FALSE(llvm::sys::fs::create_link("bad.cpp", Dir + "/alias.cpp"));
  RunResult R =
      cli({"-p", ".", "--format=json", "bad.cpp", "good.cpp", "bad.cpp",
           "./bad.cpp", Dir + "/sub/../bad.cpp", "alias.cpp"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const llvm::json::Object *Root = V->getAsObject();
  EXPECT_EQ(*Root->getObject("summary")->getInteger("files"), 2);
  EXPECT_EQ(Root->getArray("findings")->size(), 1u) << R.Out;
}

// Like clang-tidy's "no checks enabled": an error before any work, not a
// quiet pass with no findings.
TEST_F(Cli, NoChecksEnabledIsExitTwoBeforeAnyWork) {
  for (std::vector<std::string> Args :
       {std::vector<std::string>{"--checks=-*"},
        {"--checks=-coro-*,bugprone-*"},
        {"--config={Checks: '-coro-*'}"},
        {"--config={Checks: '-*,coro-*'}", "--checks=-coro-*"}}) {
    std::vector<std::string> Argv = {
        "/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
        UNAWAITED_CLI,  "--progress=never",
        "-p",           ".",
        "-o",           "out.txt"};
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    RunResult R = run(Argv, Dir);
    EXPECT_EQ(R.ExitCode, 2) << Args.back() << R.Err;
    EXPECT_EQ(R.Err, "unawaited: error: no checks enabled: --checks or the "
                     "configuration disable every coro-* check\n");
    EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/log")) << Args.back();
    EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/out.txt")) << Args.back();
  }
  // One check left is enough.
  EXPECT_EQ(cli({"-p", ".", "--checks=-*,coro-discarded-task"}).ExitCode, 1);
}

// A response file that includes itself: clang's tooling printed its error
// twice with no newline and ran the half-expanded command. It is an input
// error named in one line, before any work; a good response file expands.
TEST_F(Cli, RecursiveResponseFileIsOneLineExitTwoBeforeAnyWork) {
  writeFile(Dir + "/self.rsp", "@self.rsp -std=c++20\n");
  writeFile(Dir + "/ok.rsp",
            "-std=c++20 -I" + std::string(UNAWAITED_TEST_INPUTS) + "\n");
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \"" + Dir +
                "\", \"file\": \"bad.cpp\", "
                "\"command\": \"clang++ @self.rsp -c bad.cpp\"}]");
  RunResult R =
      run({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
           UNAWAITED_CLI, "--progress=never", "--no-cache", "-p", "."},
          Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_EQ(R.Err, "unawaited: error: cannot expand the response files of "
                   "the compile command for 'bad.cpp': recursive expansion "
                   "of: '" +
                       Dir + "/self.rsp'\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/log"));
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \"" + Dir +
                "\", \"file\": \"bad.cpp\", "
                "\"command\": \"clang++ @ok.rsp -c bad.cpp\"}]");
  R = cli({"-p", ".", "--no-cache"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err; // bad.cpp's finding, as C++20
}

// clang's tooling aborts on a directory it cannot enter ("Cannot chdir"):
// an input error named in one line before any work, not a crashed worker.
TEST_F(Cli, MissingCommandDirectoryIsOneLineExitTwoBeforeAnyWork) {
  std::string Gone = Dir + "/gone";
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \"" + Dir +
                "\", \"file\": \"good.cpp\", "
                "\"command\": \"clang++ -std=c++20 -c good.cpp\"}, "
                "{\"directory\": \"" +
                Gone + "\", \"file\": \"" + Dir +
                "/bad.cpp\", \"command\": \"clang++ -std=c++20 -c " + Dir +
                "/bad.cpp\"}]");
  RunResult R =
      run({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
           UNAWAITED_CLI, "--progress=never", "-p", "."},
          Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_EQ(R.Err, "unawaited: error: directory '" + Gone +
                       "' of the compile command for '" + Dir +
                       "/bad.cpp' does not exist\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/log"));
  // A file where the directory should be.
  writeFile(Gone, "");
  R = cli({"-p", ".", "bad.cpp"});
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_NE(R.Err.find("'" + Gone + "' of the compile command for '" + Dir +
                       "/bad.cpp' is not a directory\n"),
            std::string::npos)
      << R.Err;
}

// A directory removed after the parent's check: the worker reports that
// file as not analysed, in one line, rather than aborting.
TEST_F(Cli, WorkerNamesAMissingDirectoryInsteadOfAborting) {
  std::string Gone = Dir + "/gone";
  writeFile(Dir + "/task.json",
            "{\"directory\": \"" + Gone + "\", \"file\": \"" + Dir +
                "/bad.cpp\", \"arguments\": [\"clang++\", \"-c\", \"" + Dir +
                "/bad.cpp\"], \"checks\": \"\", \"config\": \"\", "
                "\"config_file\": \"\"}");
  RunResult R = run({UNAWAITED_CLI, "--worker", Dir + "/task.json"}, Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_EQ(R.Err, "unawaited: directory '" + Gone +
                       "' of the compile command for '" + Dir +
                       "/bad.cpp' does not exist\n");
  EXPECT_EQ(R.Out, "");
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

// clang-tidy's frontend defines __clang_analyzer__; the build's compiler
// does not. Code a library hides from analyzers is what the build compiles,
// so it is what is analysed. A command that defines the macro itself keeps
// it.
TEST_F(Cli, AnalysesWhatTheBuildCompilesWithoutClangAnalyzerMacro) {
  writeFile(Dir + "/hidden.cpp", "#include \"task.h\"\n"
                                 "demo::Task<int> fetch();\n"
                                 "#ifdef __clang_analyzer__\n"
                                 "#error analyzers only\n"
                                 "#else\n"
                                 "demo::Task<> h() {\n  fetch();\n"
                                 "  co_return;\n}\n"
                                 "#endif\n");
  writeDb({"hidden.cpp"});
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("hidden.cpp:7:3: warning"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Err.find("could not analyse"), std::string::npos) << R.Err;
  // Without a database too (the arguments after --).
  RunResult Fixed = cli({"hidden.cpp", "--", "-std=c++20",
                         "-I" + std::string(UNAWAITED_TEST_INPUTS)});
  EXPECT_EQ(Fixed.ExitCode, 1) << Fixed.Err;
  RunResult Defined =
      cli({"hidden.cpp", "--", "-std=c++20", "-D__clang_analyzer__=1",
           "-I" + std::string(UNAWAITED_TEST_INPUTS)});
  EXPECT_EQ(Defined.ExitCode, 3) << Defined.Err;
  EXPECT_NE(Defined.Err.find("error: analyzers only"), std::string::npos)
      << Defined.Err;
}

// Sources that cannot hold coroutines (assembly, C, Objective-C) are not
// analysed; their language is decided as clang decides it: -x wins, then
// the extension, with C read as C++ by a C++ driver. A run left with
// nothing never passes silently.
TEST_F(Cli, NonCxxSourcesAreSkippedAsClangWouldCompileThem) {
  writeFile(Dir + "/start.S", ".globl start\nstart:\n  ret\n");
  writeFile(Dir + "/plain.c", "int plain(void) { int new = 1; return new; }\n");
  writeFile(Dir + "/ui.m", "@interface Ui\n@end\n");
  writeFile(Dir + "/c_named.cpp",
            "int named(void) { int new = 1; return new; }\n");
  writeFile(Dir + "/cxx.c", readFile(Dir + "/bad.cpp"));
  writeFile(Dir + "/gxx.c", readFile(Dir + "/bad.cpp"));
  std::string Inc = "-I" + std::string(UNAWAITED_TEST_INPUTS);
  auto Entry = [&](const std::string &File, const std::string &Command) {
    return "{\"directory\": \"" + Dir + "\", \"file\": \"" + File +
           "\", \"command\": \"" + Command + "\"}";
  };
  std::string Cxx =
      Entry("bad.cpp", "clang++ -std=c++20 " + Inc + " -c bad.cpp");
  std::string Asm = Entry("start.S", "cc -c start.S");
  std::string C = Entry("plain.c", "cc -std=c11 -c plain.c");
  writeFile(
      Dir + "/compile_commands.json",
      "[" + Cxx + "," + Asm + "," + C + "," + Entry("ui.m", "cc -c ui.m") +
          "," + Entry("c_named.cpp", "cc -x c -c c_named.cpp") + "," +
          Entry("cxx.c", "clang -x c++ -std=c++20 " + Inc + " -c cxx.c") + "," +
          Entry("gxx.c", "g++ -std=c++20 " + Inc + " -c gxx.c") + "]");
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("/bad.cpp:4:3: warning"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("/cxx.c:4:3: warning"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("/gxx.c:4:3: warning"), std::string::npos) << R.Out;
  EXPECT_EQ(R.Err, "unawaited: 3 findings in 3 files, 4 skipped as not C++ "
                   "(assembler-with-cpp, c, objective-c)\n");

  // Only skipped sources named: a warning, and nothing to fail on.
  RunResult Named = cli({"-p", ".", "start.S", "plain.c"});
  EXPECT_EQ(Named.ExitCode, 0) << Named.Err;
  EXPECT_EQ(Named.Err.rfind("unawaited: warning: no source given is C++ (2 "
                            "not C++: assembler-with-cpp, c); nothing "
                            "analysed\n",
                            0),
            0u)
      << Named.Err;

  // A database with no C++ source at all: an input error, before any work.
  writeFile(Dir + "/compile_commands.json", "[" + Asm + "," + C + "]");
  RunResult None =
      run({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
           UNAWAITED_CLI, "--progress=never", "-p", "."},
          Dir);
  EXPECT_EQ(None.ExitCode, 2) << None.Err;
  EXPECT_EQ(None.Err, "unawaited: error: the compilation database lists no "
                      "C++ source (2 not C++: assembler-with-cpp, c); "
                      "nothing to analyse\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/log"));
}

// Suppressions that do not pair up are clang-tidy's own error: the unit is
// reported as not analysed for that reason, not as one that does not compile.
TEST_F(Cli, UnmatchedNolintBeginIsNamedAsSuch) {
  writeFile(Dir + "/nolint.cpp", "// NOLINTBEGIN(coro-discarded-task)\n" +
                                     readFile(Dir + "/bad.cpp"));
  writeDb({"nolint.cpp", "good.cpp"});
  RunResult R = cli({"-p", ".", "--format=json"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const llvm::json::Array *Failures = V->getAsObject()->getArray("failures");
  ASSERT_TRUE(Failures && Failures->size() == 1) << R.Out;
  std::string Reason =
      (*Failures)[0].getAsObject()->getString("reason").value_or("").str();
  EXPECT_NE(Reason.find("unmatched 'NOLINTBEGIN'"), std::string::npos)
      << Reason;
  EXPECT_EQ(Reason.find("does not compile"), std::string::npos) << Reason;
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

TEST_F(Cli, LargestFilesStartFirst) {
  writeFile(Dir + "/big.cpp", readFile(Dir + "/good.cpp") +
                                  std::string(4096, '\n') + "int big;\n");
  writeDb({"good.cpp", "bad.cpp", "big.cpp"});
  RunResult R =
      run({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
           UNAWAITED_CLI, "--progress=never", "-j1", "-p", "."},
          Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(readFile(Dir + "/log"),
            Dir + "/big.cpp\n" + Dir + "/bad.cpp\n" + Dir + "/good.cpp\n");
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

// SARIF is uploaded and read elsewhere: its links must not be local files.
TEST_F(Cli, SarifLinksPointToTheProjectOnGithub) {
  RunResult R = cli({"-p", ".", "--format=sarif"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto Sarif = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(Sarif)) << R.Out;
  const llvm::json::Object *Driver =
      (*Sarif->getAsObject()->getArray("runs"))[0]
          .getAsObject()
          ->getObject("tool")
          ->getObject("driver");
  EXPECT_EQ(*Driver->getString("informationUri"),
            "https://github.com/unawaited/unawaited");
  const llvm::json::Array *Rules = Driver->getArray("rules");
  ASSERT_EQ(Rules->size(), 4u);
  for (const llvm::json::Value &Rule : *Rules) {
    const llvm::json::Object *O = Rule.getAsObject();
    EXPECT_EQ(*O->getString("helpUri"),
              "https://github.com/unawaited/unawaited/blob/main/docs/checks/" +
                  O->getString("id")->str() + ".md");
  }
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

TEST_F(Cli, BaselineFingerprintsFollowTheFunctionNotTheLine) {
  writeFile(Dir + "/bad.cpp", "#include \"task.h\"\n"
                              "demo::Task<int> fetch();\n"
                              "demo::Task<> first() {\n  fetch();\n"
                              "  co_return;\n}\n"
                              "demo::Task<> second() { co_return; }\n");
  ASSERT_EQ(cli({"-p", ".", "--write-baseline=base.json"}).ExitCode, 1);
  EXPECT_NE(readFile(Dir + "/base.json").find("\"function\": \"first\""),
            std::string::npos)
      << readFile(Dir + "/base.json");
  // The functions swap places: the finding moves, and is still baselined.
  writeFile(Dir + "/bad.cpp", "#include \"task.h\"\n"
                              "demo::Task<int> fetch();\n"
                              "demo::Task<> second() { co_return; }\n"
                              "demo::Task<> first() {\n  fetch();\n"
                              "  co_return;\n}\n");
  EXPECT_EQ(cli({"-p", ".", "--baseline=base.json"}).ExitCode, 0);
  // The same line in another function is a new finding.
  writeFile(Dir + "/bad.cpp", "#include \"task.h\"\n"
                              "demo::Task<int> fetch();\n"
                              "demo::Task<> second() {\n  fetch();\n"
                              "  co_return;\n}\n");
  RunResult R = cli({"-p", ".", "--baseline=base.json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:3: warning"), std::string::npos) << R.Out;
}

// A baseline outside the source tree (ci/ beside it) names the sources with
// "..", so it keeps matching when the whole checkout moves.
TEST_F(Cli, BaselineOutsideTheSourcesSurvivesMovingTheCheckout) {
  auto Project = [](const std::string &Root) {
    llvm::sys::fs::create_directories(Root + "/proj/src");
    llvm::sys::fs::create_directories(Root + "/ci");
    writeFile(Root + "/proj/src/bad.cpp",
              "#include \"task.h\"\ndemo::Task<int> fetch();\n"
              "demo::Task<> h() {\n  fetch();\n  co_return;\n}\n");
    writeFile(Root + "/proj/compile_commands.json",
              "[{\"directory\": \"" + Root +
                  "/proj\", \"file\": \"src/bad.cpp\", \"arguments\": "
                  "[\"clang++\", \"-std=c++20\", \"-I" +
                  std::string(UNAWAITED_TEST_INPUTS) +
                  "\", \"-c\", \"src/bad.cpp\"]}]");
  };
  Project(Dir + "/old");
  ASSERT_EQ(
      cli({"-p", "old/proj", "--write-baseline=old/ci/base.json"}).ExitCode, 1);
  std::string Base = readFile(Dir + "/old/ci/base.json");
  EXPECT_NE(Base.find("\"file\": \"../proj/src/bad.cpp\""), std::string::npos)
      << Base;
  EXPECT_EQ(Base.find(Dir), std::string::npos) << Base;
  Project(Dir + "/new");
  writeFile(Dir + "/new/ci/base.json", Base);
  removeTree(Dir + "/old");
  RunResult R = cli({"-p", "new/proj", "--baseline=new/ci/base.json"});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_NE(R.Err.find("1 in the baseline"), std::string::npos) << R.Err;
}

// The database has real paths; a symlinked spelling of the project, on
// either side, still matches.
TEST_F(Cli, BaselineMatchesThroughASymlinkedProjectDirectory) {
  llvm::sys::fs::create_directories(Dir + "/bl");
  writeFile(Dir + "/bl/bad.cpp", readFile(Dir + "/bad.cpp"));
  writeFile(Dir + "/bl/compile_commands.json",
            "[{\"directory\": \"" + Dir +
                "/bl\", \"file\": \"bad.cpp\", \"arguments\": "
                "[\"clang++\", \"-std=c++20\", \"-I" +
                std::string(UNAWAITED_TEST_INPUTS) +
                "\", \"-c\", \"bad.cpp\"]}]");
  ASSERT_FALSE(llvm::sys::fs::create_link("bl", Dir + "/bllink"));
  ASSERT_EQ(cli({"-p", "bllink", "--write-baseline=bllink/base.json"}).ExitCode,
            1);
  EXPECT_NE(readFile(Dir + "/bl/base.json").find("\"file\": \"bad.cpp\""),
            std::string::npos)
      << readFile(Dir + "/bl/base.json");
  RunResult Link = cli({"-p", "bllink", "--baseline=bllink/base.json"});
  EXPECT_EQ(Link.ExitCode, 0) << Link.Out << Link.Err;
  RunResult Real = cli({"-p", "bl", "--baseline=bl/base.json"});
  EXPECT_EQ(Real.ExitCode, 0) << Real.Out << Real.Err;
}

TEST_F(Cli, BaselineOfAnotherFormatVersionIsExitTwo) {
  for (const char *Old : {"1", "2"}) {
    writeFile(Dir + "/old.json",
              std::string("{\"version\": ") + Old + ", \"findings\": []}");
    RunResult R = cli({"-p", ".", "--baseline=old.json"});
    EXPECT_EQ(R.ExitCode, 2);
    EXPECT_NE(R.Err.find("write it again with --write-baseline"),
              std::string::npos)
        << R.Err;
  }
}

TEST_F(Cli, MalformedDiscoveredConfigIsExitTwo) {
  writeFile(Dir + "/.clang-tidy", "Checks: [\n");
  writeFile(Dir + "/out.txt", "previous report\n");
  RunResult R = cli({"-p", ".", "-o", "out.txt"});
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  // Where in the file, as the compiler plugin says it.
  EXPECT_NE(
      R.Err.find("invalid configuration in " + Dir + "/.clang-tidy:1:10: "),
      std::string::npos)
      << R.Err;
  EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
  EXPECT_EQ(readFile(Dir + "/out.txt"), "previous report\n");
  // clang-tidy stops at a .clang-tidy without InheritParentConfig, so a
  // malformed file above it is never read and is no error.
  llvm::sys::fs::create_directories(Dir + "/sub");
  writeFile(Dir + "/sub/.clang-tidy", "Checks: '-*,coro-*'\n");
  writeFile(Dir + "/sub/bad.cpp", readFile(Dir + "/bad.cpp"));
  RunResult Sub = cli({"sub/bad.cpp", "--", "-std=c++20",
                       "-I" + std::string(UNAWAITED_TEST_INPUTS)});
  EXPECT_EQ(Sub.ExitCode, 1) << Sub.Err;
  writeFile(Dir + "/sub/.clang-tidy", "InheritParentConfig: true\n");
  EXPECT_EQ(cli({"sub/bad.cpp", "--", "-std=c++20",
                 "-I" + std::string(UNAWAITED_TEST_INPUTS)})
                .ExitCode,
            2);
}

TEST_F(Cli, NothingWrittenOnBadInput) {
  writeDb({"bad.cpp", "gone.cpp"});
  RunResult R = cli({"-p", ".", "-o", "out.txt", "--export-fixes=fixes.yaml",
                     "--write-baseline=base.json", "--fix"});
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_NE(R.Err.find("cannot read source '" + Dir + "/gone.cpp'"),
            std::string::npos)
      << R.Err;
  for (const char *F : {"out.txt", "fixes.yaml", "base.json"})
    EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/" + F)) << F;
  EXPECT_EQ(readFile(Dir + "/bad.cpp").find("co_await"), std::string::npos);
  // An output path that is a directory fails before any work.
  llvm::sys::fs::create_directories(Dir + "/outdir");
  writeDb({"bad.cpp"});
  RunResult D = cli({"-p", ".", "--export-fixes=outdir"});
  EXPECT_EQ(D.ExitCode, 2);
  EXPECT_NE(D.Err.find("cannot write 'outdir': it is a directory"),
            std::string::npos)
      << D.Err;
}

// Outputs are written at the end in a fixed order (baseline, exported
// fixes, sources, report); a late failure stops the files after it, but
// never the report, and exits 2.
TEST_F(Cli, LateWriteFailureStopsTheLaterFilesNotTheReport) {
  const std::string Before = readFile(Dir + "/bad.cpp");
  auto Run = [&](const std::string &Fault) {
    for (const char *F : {"base.json", "fixes.yaml", "out.txt"})
      llvm::sys::fs::remove(Dir + "/" + F);
    writeFile(Dir + "/bad.cpp", Before);
    return run({"/usr/bin/env", "UNAWAITED_TEST_WRITE_FAULT=" + Fault,
                UNAWAITED_CLI, "--progress=never", "-p", ".", "-o", "out.txt",
                "--export-fixes=fixes.yaml", "--write-baseline=base.json",
                "--fix"},
               Dir);
  };
  auto ReportIsThere = [&] {
    return readFile(Dir + "/out.txt").find(" 4 |   fetch();\n") !=
           std::string::npos;
  };
  RunResult X = Run("fixes.yaml");
  EXPECT_EQ(X.ExitCode, 2) << X.Err;
  EXPECT_EQ(X.Err.rfind("unawaited: error: cannot write 'fixes.yaml': No "
                        "space left on device\n"
                        "unawaited: error: --fix changed no file: an earlier "
                        "output could not be written\n",
                        0),
            0u)
      << X.Err;
  EXPECT_TRUE(llvm::sys::fs::exists(Dir + "/base.json"));
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/fixes.yaml"));
  EXPECT_EQ(readFile(Dir + "/bad.cpp"), Before);
  EXPECT_TRUE(ReportIsThere());
  RunResult S = Run("bad.cpp");
  EXPECT_EQ(S.ExitCode, 2) << S.Err;
  EXPECT_NE(S.Err.find("unawaited: error: cannot write '" + Dir +
                       "/bad.cpp': No space left on device\n"
                       "unawaited: error: --fix changed no file (1 to fix)\n"),
            std::string::npos)
      << S.Err;
  EXPECT_TRUE(llvm::sys::fs::exists(Dir + "/fixes.yaml"));
  EXPECT_EQ(readFile(Dir + "/bad.cpp"), Before);
  EXPECT_TRUE(ReportIsThere());
  RunResult O = Run("out.txt");
  EXPECT_EQ(O.ExitCode, 2) << O.Err;
  EXPECT_NE(readFile(Dir + "/bad.cpp"), Before);
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/out.txt"));
  // Without a fault the report still shows the code as it was analysed.
  RunResult Ok = Run("no-such-path");
  EXPECT_EQ(Ok.ExitCode, 1) << Ok.Err;
  EXPECT_TRUE(ReportIsThere()) << readFile(Dir + "/out.txt");
}

// --fix rewrites through a temporary file and a rename; the file keeps its
// mode (an executable stays executable) and a second --fix changes nothing.
TEST_F(Cli, FixKeepsTheFileModeAndIsIdempotent) {
  namespace fs = llvm::sys::fs;
  ASSERT_FALSE(fs::setPermissions(
      Dir + "/bad.cpp", fs::owner_all | fs::group_read | fs::group_exe));
  RunResult R = cli({"-p", ".", "--fix"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  std::string Fixed = readFile(Dir + "/bad.cpp");
  EXPECT_NE(Fixed.find("  co_await fetch();"), std::string::npos) << Fixed;
  auto Perms = fs::getPermissions(Dir + "/bad.cpp");
  ASSERT_TRUE(bool(Perms));
  EXPECT_EQ(*Perms, fs::owner_all | fs::group_read | fs::group_exe);
  EXPECT_EQ(cli({"-p", ".", "--fix"}).ExitCode, 0);
  EXPECT_EQ(readFile(Dir + "/bad.cpp"), Fixed);
  // No temporary file is left beside it.
  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    EXPECT_EQ(It->path().find(".unawaited-"), std::string::npos) << It->path();
}

// Renaming onto a symlink replaces the link; --fix and -o write its target.
TEST_F(Cli, FixAndOutputWriteThroughSymlinks) {
  namespace fs = llvm::sys::fs;
  fs::create_directories(Dir + "/real");
  ASSERT_FALSE(fs::rename(Dir + "/bad.cpp", Dir + "/real/bad.cpp"));
  ASSERT_FALSE(fs::create_link("real/bad.cpp", Dir + "/bad.cpp"));
  writeFile(Dir + "/real/report.txt", "old\n");
  ASSERT_FALSE(fs::create_link("real/report.txt", Dir + "/report.txt"));
  RunResult R = cli({"-p", ".", "--fix", "-o", "report.txt"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_TRUE(fs::is_symlink_file(Dir + "/bad.cpp"));
  EXPECT_TRUE(fs::is_symlink_file(Dir + "/report.txt"));
  EXPECT_NE(readFile(Dir + "/real/bad.cpp").find("  co_await fetch();"),
            std::string::npos)
      << readFile(Dir + "/real/bad.cpp");
  EXPECT_NE(readFile(Dir + "/real/report.txt").find("bad.cpp:4:3: warning"),
            std::string::npos)
      << readFile(Dir + "/real/report.txt");
  for (const std::string &D : {Dir, Dir + "/real"}) {
    std::error_code EC;
    for (fs::directory_iterator It(D, EC), End; It != End && !EC;
         It.increment(EC))
      EXPECT_EQ(It->path().find(".unawaited-"), std::string::npos)
          << It->path();
  }
}

TEST_F(Cli, ExportedFixesApplyWithClangApplyReplacements) {
  llvm::sys::fs::create_directories(Dir + "/fixes");
  EXPECT_EQ(cli({"-p", ".", "--export-fixes=fixes/unawaited.yaml"}).ExitCode,
            1);
  RunResult A = run({UNAWAITED_CLANG_APPLY_REPLACEMENTS, "fixes"}, Dir);
  ASSERT_EQ(A.ExitCode, 0) << A.Out << A.Err;
  EXPECT_NE(readFile(Dir + "/bad.cpp").find("  co_await fetch();"),
            std::string::npos)
      << readFile(Dir + "/bad.cpp");
  // Applied, the fixed code compiles and has nothing left to report.
  RunResult After = cli({"-p", "."});
  EXPECT_EQ(After.ExitCode, 0) << After.Out << After.Err;
}

// clang-apply-replacements applies a note's fix when the diagnostic has
// none; the export must still apply exactly what --fix applies.
TEST_F(Cli, ExportedFixesApplyExactlyWhatFixApplies) {
  const std::string Eager = "#include \"task.h\"\ndemo::Eager<int> eager();\n"
                            "demo::Task<int> fetch();\n"
                            "demo::Task<> h() {\n  eager();\n  fetch();\n"
                            "  co_return;\n}\n";
  const std::string Broken = Eager + "int x = undeclared;\n";
  auto Reset = [&] {
    writeFile(Dir + "/eager.cpp", Eager);
    writeFile(Dir + "/broken.cpp", Broken);
  };
  Reset();
  writeDb({"eager.cpp", "broken.cpp"});
  RunResult Fixed = cli({"-p", ".", "--fix"});
  ASSERT_EQ(Fixed.ExitCode, 3) << Fixed.Err;
  std::string ByFix = readFile(Dir + "/eager.cpp");
  EXPECT_NE(ByFix.find("  eager();\n  co_await fetch();"), std::string::npos)
      << ByFix;
  EXPECT_EQ(readFile(Dir + "/broken.cpp"), Broken);

  Reset();
  llvm::sys::fs::create_directories(Dir + "/fixes");
  RunResult X = cli({"-p", ".", "--export-fixes=fixes/unawaited.yaml"});
  ASSERT_EQ(X.ExitCode, 3) << X.Err;
  std::string Yaml = readFile(Dir + "/fixes/unawaited.yaml");
  EXPECT_NE(Yaml.find("cast the expression to"), std::string::npos)
      << Yaml; // the notes are there, without their alternatives
  EXPECT_EQ(Yaml.find("(void)"), std::string::npos) << Yaml;
  RunResult A = run({UNAWAITED_CLANG_APPLY_REPLACEMENTS, "fixes"}, Dir);
  ASSERT_EQ(A.ExitCode, 0) << A.Out << A.Err;
  EXPECT_EQ(readFile(Dir + "/eager.cpp"), ByFix);
  EXPECT_EQ(readFile(Dir + "/broken.cpp"), Broken);
}

TEST_F(Cli, UncompilableFilesAreNeitherFixedNorGivenExportedFixes) {
  writeFile(Dir + "/broken.cpp",
            readFile(Dir + "/bad.cpp") + "int x = undeclared;\n");
  writeDb({"broken.cpp"});
  std::string Before = readFile(Dir + "/broken.cpp");
  RunResult R = cli({"-p", ".", "--fix", "--export-fixes=fixes.yaml"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Out.find("broken.cpp:4:3: warning"), std::string::npos) << R.Out;
  EXPECT_EQ(readFile(Dir + "/broken.cpp"), Before);
  std::string Yaml = readFile(Dir + "/fixes.yaml");
  EXPECT_NE(Yaml.find("coro-discarded-task"), std::string::npos) << Yaml;
  EXPECT_EQ(Yaml.find("ReplacementText"), std::string::npos) << Yaml;
}

// A terminal gets colours and a progress bar; a pipe gets neither. script(1)
// (util-linux, in every Debian) provides the terminal.
TEST_F(Cli, ColoursAndProgressOnlyOnATerminal) {
  if (!llvm::sys::fs::can_execute("/usr/bin/script"))
    GTEST_SKIP() << "script(1) not installed";
  std::string Cmd = std::string(UNAWAITED_CLI) + " -p .";
  RunResult Tty = run({"/usr/bin/env", "TERM=xterm", "/usr/bin/script", "-qec",
                       Cmd, "/dev/null"},
                      Dir);
  EXPECT_EQ(Tty.ExitCode, 1) << Tty.Out << Tty.Err;
  EXPECT_NE(Tty.Out.find("\x1b["), std::string::npos) << Tty.Out;
  EXPECT_NE(Tty.Out.find("[2/2] 1 finding"), std::string::npos) << Tty.Out;
  EXPECT_NE(Tty.Out.find("bad.cpp:4:3"), std::string::npos) << Tty.Out;
  RunResult Pipe =
      run({"/usr/bin/env", "TERM=xterm", UNAWAITED_CLI, "-p", "."}, Dir);
  EXPECT_EQ(Pipe.ExitCode, 1);
  EXPECT_EQ((Pipe.Out + Pipe.Err).find("\x1b["), std::string::npos) << Pipe.Out;
  EXPECT_EQ(Pipe.Err.find("[2/2]"), std::string::npos) << Pipe.Err;
  // --quiet silences the bar on a terminal too.
  RunResult Quiet = run({"/usr/bin/env", "TERM=xterm", "/usr/bin/script",
                         "-qec", Cmd + " --quiet", "/dev/null"},
                        Dir);
  EXPECT_EQ(Quiet.Out.find("[2/2]"), std::string::npos) << Quiet.Out;
  EXPECT_NE(Quiet.Out.find("bad.cpp:4:3"), std::string::npos) << Quiet.Out;
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
  // Not under the sanitizer runtime scripts/sanitize.sh preloads: node is
  // not built for it.
  RunResult V = run({"env", "-u", "LD_PRELOAD", "node", Tools + "/bin.js",
                     "validate", "out.sarif"},
                    Dir);
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

// The header reached through a symlinked include directory by one unit and
// directly by the other is one file.
TEST_F(Project, HeaderThroughTwoSpellingsIsReportedOnce) {
  ASSERT_FALSE(llvm::sys::fs::create_link(Dir + "/include", Dir + "/inclink"));
  // b.cpp finds shared.h through inclink.
  std::string B = "{\"directory\": \"" + Dir +
                  "\", \"file\": \"src/b.cpp\", \"command\": \"g++ "
                  "-std=c++20 -I" +
                  std::string(UNAWAITED_TEST_INPUTS) +
                  " -Iinclink -c src/b.cpp\"}";
  writeDb(commandEntry("src/a.cpp") + "," + B);
  RunResult R = cli({"-p", ".", "--format=github"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "shared.h,line=5"), 1u) << R.Out;
  // --exclude written for the real path drops it whatever the spelling.
  RunResult E = cli({"-p", ".", "--format=github", "--exclude=include/shared"});
  EXPECT_EQ(count(E.Out, "shared.h"), 0u) << E.Out;
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

// -Werror=foo and -pedantic-errors survive a trailing -Wno-error; a file
// that only warns must still be analysed.
TEST_F(Project, WarningsAsErrorsFlagsCannotFailAFile) {
  writeFile(Dir + "/src/w.cpp",
            "#include \"shared.h\"\n"
            "int no_return(int x) { if (x) return 1; }\n"
            "demo::Task<> w() {\n  int unused = 0;\n  fetch();\n"
            "  co_return;\n}\n"
            "int vla(int n) { int a[n]; return sizeof a; }\n");
  for (const char *Flags :
       {"-Werror=return-type -Werror=unused-variable",
        "-Wall -Werror=all -Werror", "--warn-error=vla-cxx-extension",
        "-pedantic-errors"}) {
    writeDb(commandEntry("src/w.cpp", Flags));
    RunResult R = cli({"-p", ".", "--header-filter=^$"});
    EXPECT_EQ(R.ExitCode, 1) << Flags << "\n" << R.Err;
    EXPECT_EQ(count(R.Out, "w.cpp:5:3: warning"), 1u) << Flags << R.Out;
    EXPECT_EQ(count(R.Err, "could not analyse"), 0u) << Flags << R.Err;
  }
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

// A gate that analysed nothing must say so. An empty shard (more shards
// than files) and --exclude matching every source named (a pre-commit hook
// given only excluded files) are normal: one warning, exit 0, the report
// still written. --exclude matching the whole database is a mistake: exit 2
// before any work.
TEST_F(Project, NothingToAnalyseIsNeverSilent) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp"));
  RunResult Empty =
      cli({"-p", ".", "--shard=3/3", "--format=json", "-o", "out.json"});
  EXPECT_EQ(Empty.ExitCode, 0) << Empty.Err;
  EXPECT_EQ(count(Empty.Err, "\n"), 1u) << Empty.Err;
  EXPECT_EQ(Empty.Err.rfind("unawaited: warning: shard 3/3 has no files (2 "
                            "files in all); nothing analysed\n",
                            0),
            0u)
      << Empty.Err;
  EXPECT_NE(readFile(Dir + "/out.json").find("\"findings\": 0"),
            std::string::npos);

  RunResult Named = cli({"-p", ".", "--exclude=/src/", "src/a.cpp"});
  EXPECT_EQ(Named.ExitCode, 0) << Named.Err;
  EXPECT_EQ(Named.Err.rfind("unawaited: warning: --exclude='/src/' excludes "
                            "every source given; nothing analysed\n",
                            0),
            0u)
      << Named.Err;

  RunResult All =
      run({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Dir + "/log",
           UNAWAITED_CLI, "--progress=never", "-p", ".", "--exclude=.*", "-o",
           "out.txt"},
          Dir);
  EXPECT_EQ(All.ExitCode, 2) << All.Err;
  EXPECT_EQ(All.Err, "unawaited: error: --exclude='.*' excludes every file of "
                     "the compilation database (2); nothing to analyse\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/log"));
  EXPECT_FALSE(llvm::sys::fs::exists(Dir + "/out.txt"));
  // Under --shard too: the shard is not what emptied it.
  EXPECT_EQ(cli({"-p", ".", "--exclude=.*", "--shard=1/2"}).ExitCode, 2);
}

TEST_F(Project, ProgressOnRequestSilentWhenQuiet) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp"));
  RunResult P = run({UNAWAITED_CLI, "--progress=always", "-p", "."}, Dir);
  EXPECT_NE(P.Err.find("[2/2]"), std::string::npos) << P.Err;
  RunResult Q =
      run({UNAWAITED_CLI, "--progress=always", "--quiet", "-p", "."}, Dir);
  EXPECT_EQ(Q.Err, "");
}

// The bar counts what the report lists: a header finding seen from two
// units once, filtered headers and baselined findings not at all.
TEST_F(Project, ProgressCountsTheFindingsThatWillBeReported) {
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/b.cpp"));
  for (const char *J : {"-j1", "-j2"}) {
    RunResult All =
        run({UNAWAITED_CLI, "--progress=always", J, "-p", "."}, Dir);
    EXPECT_NE(All.Err.find("[2/2] 3 findings"), std::string::npos) << All.Err;
    EXPECT_NE(All.Err.find("unawaited: 3 findings in 2 files"),
              std::string::npos)
        << All.Err;
    RunResult NoHeaders = run({UNAWAITED_CLI, "--progress=always", J, "-p", ".",
                               "--header-filter=^$"},
                              Dir);
    EXPECT_NE(NoHeaders.Err.find("[2/2] 2 findings"), std::string::npos)
        << NoHeaders.Err;
  }
  ASSERT_EQ(cli({"-p", ".", "--write-baseline=base.json"}).ExitCode, 1);
  RunResult Base = run(
      {UNAWAITED_CLI, "--progress=always", "-p", ".", "--baseline=base.json"},
      Dir);
  EXPECT_EQ(Base.ExitCode, 0) << Base.Err;
  EXPECT_NE(Base.Err.find("[2/2] 0 findings"), std::string::npos) << Base.Err;
}

// A file listed twice in the database (with and without -DFOO) is analysed
// under both commands; what both find is reported and fixed once.
TEST_F(Project, EveryCommandOfAFileIsAnalysed) {
  writeFile(Dir + "/src/d.cpp", "#include \"task.h\"\n"
                                "demo::Task<int> fetch();\n"
                                "demo::Task<> d() {\n  fetch();\n"
                                "#ifdef FOO\n  fetch();\n#endif\n"
                                "#ifdef BREAK\n  undeclared();\n#endif\n"
                                "  co_return;\n}\n");
  writeDb(commandEntry("src/d.cpp") + "," + commandEntry("src/d.cpp", "-DFOO") +
          "," + commandEntry("src/d.cpp", "-DFOO"));
  RunResult One = cli({"-p", ".", "-j1", "--format=json"});
  RunResult Two = cli({"-p", ".", "-j2", "--format=json"});
  EXPECT_EQ(One.ExitCode, 1) << One.Err;
  EXPECT_EQ(One.Out, Two.Out);
  auto V = llvm::json::parse(One.Out);
  ASSERT_TRUE(bool(V)) << One.Out;
  EXPECT_EQ(*V->getAsObject()->getObject("summary")->getInteger("files"), 1);
  const llvm::json::Array *Findings = V->getAsObject()->getArray("findings");
  ASSERT_EQ(Findings->size(), 2u) << One.Out;
  EXPECT_EQ(*(*Findings)[0].getAsObject()->getInteger("line"), 4);
  EXPECT_EQ(*(*Findings)[1].getAsObject()->getInteger("line"), 6);
  RunResult Fixed = cli({"-p", ".", "--fix"});
  EXPECT_NE(Fixed.Err.find("applied fixes for 2 finding(s) in 1 file(s)\n"),
            std::string::npos)
      << Fixed.Err;
  EXPECT_EQ(count(readFile(Dir + "/src/d.cpp"), "co_await fetch();"), 2u)
      << readFile(Dir + "/src/d.cpp");
  // A command that fails is named; the other one's findings still count.
  writeDb(commandEntry("src/d.cpp", "-DFOO") + "," +
          commandEntry("src/d.cpp", "-DBREAK"));
  writeFile(Dir + "/src/d.cpp", "#include \"task.h\"\n"
                                "demo::Task<int> fetch();\n"
                                "demo::Task<> d() {\n"
                                "#ifdef FOO\n  fetch();\n#endif\n"
                                "#ifdef BREAK\n  undeclared();\n#endif\n"
                                "  co_return;\n}\n");
  RunResult Broken = cli({"-p", "."});
  EXPECT_EQ(Broken.ExitCode, 3) << Broken.Err;
  EXPECT_NE(Broken.Out.find("d.cpp:5:3: warning"), std::string::npos)
      << Broken.Out;
  EXPECT_NE(Broken.Err.find("the file does not compile (compile command 2 of "
                            "2)"),
            std::string::npos)
      << Broken.Err;
  EXPECT_NE(Broken.Err.find("1 finding in 1 file, 1 could not be analysed"),
            std::string::npos)
      << Broken.Err;
}

// The summary counts files, not compile commands: two files that fail under
// both of their commands are two files that could not be analysed, and the
// line says how many commands that was.
TEST_F(Project, SummaryCountsFailedFilesNotCommands) {
  for (const char *N : {"d", "e"})
    writeFile(Dir + "/src/" + N + ".cpp",
              "#include \"shared.h\"\n"
              "#ifdef BREAK\n  undeclared();\n"
              "#endif\n"
              "int broken() { return undeclared; }\n");
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/d.cpp") + "," +
          commandEntry("src/d.cpp", "-DBREAK") + "," +
          commandEntry("src/e.cpp") + "," +
          commandEntry("src/e.cpp", "-DBREAK"));
  RunResult R = cli({"-p", "."});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Err.find("unawaited: 2 findings in 3 files, 2 could not be "
                       "analysed (4 compile commands)\n"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(count(R.Err, "could not analyse '"), 4u) << R.Err;
  EXPECT_EQ(count(R.Err, "(compile command 2 of 2)\n"), 2u) << R.Err;
  // One command of one file: no command count to add.
  writeDb(commandEntry("src/a.cpp") + "," + commandEntry("src/d.cpp"));
  RunResult One = cli({"-p", "."});
  EXPECT_NE(One.Err.find("unawaited: 2 findings in 2 files, 1 could not be "
                         "analysed\n"),
            std::string::npos)
      << One.Err;
}

// Lines, columns, source lines and fix positions come from one read of each
// file, however many findings, notes and fixes point into it and whatever
// the format: a report costs time linear in its findings (the timing is
// bench/ReportBench.cpp's and bench/report.sh's).
TEST_F(Project, EachFileIsReadOnceForTheWholeReport) {
  std::string Calls;
  for (int I = 0; I < 20; ++I)
    Calls += "  fetch();\n";
  writeFile(Dir + "/src/many.cpp", "#include \"shared.h\"\n"
                                   "demo::Task<> many() {\n" +
                                       Calls +
                                       "  co_return;\n}\n"
                                       "void plain() {\n" +
                                       Calls + "}\n");
  writeDb(commandEntry("src/many.cpp") + "," + commandEntry("src/a.cpp"));
  for (const char *Format : {"text", "json", "sarif", "github"}) {
    std::string Log = Dir + "/reads-" + Format;
    RunResult R =
        run({"/usr/bin/env", "UNAWAITED_TEST_READ_LOG=" + Log, UNAWAITED_CLI,
             "--progress=never", "-p", ".", std::string("--format=") + Format,
             "--write-baseline=base.json", "--export-fixes=fixes.yaml"},
            Dir);
    EXPECT_EQ(R.ExitCode, 1) << Format << R.Err;
    if (std::string(Format) == "text")
      EXPECT_EQ(count(R.Out, ": warning:"), 42u) << R.Out;
    std::string Reads = readFile(Log);
    EXPECT_EQ(count(Reads, "/src/many.cpp\n"), 1u) << Format << "\n" << Reads;
    EXPECT_EQ(count(Reads, "/include/shared.h\n"), 1u) << Format << Reads;
    EXPECT_EQ(count(Reads, "/src/a.cpp\n"), 1u) << Format << Reads;
    EXPECT_EQ(count(Reads, "\n"), 3u) << Format << Reads;
  }
  // The baseline's fingerprints read the source lines the same way.
  std::string Log = Dir + "/reads-baseline";
  RunResult B =
      run({"/usr/bin/env", "UNAWAITED_TEST_READ_LOG=" + Log, UNAWAITED_CLI,
           "--progress=never", "-p", ".", "--baseline=base.json"},
          Dir);
  EXPECT_EQ(B.ExitCode, 0) << B.Out << B.Err;
  EXPECT_EQ(count(readFile(Log), "\n"), 3u) << readFile(Log);
}

// Two configurations of one header give two findings with a fix at the same
// place; --fix applies one, skips the other whole, and says so.
TEST_F(Project, OverlappingFixesAreSkippedNotMerged) {
  writeFile(Dir + "/include/typed.h",
            "#pragma once\n#include \"task.h\"\n"
            "demo::Task<VALUE_T> fetch_v();\n"
            "inline demo::Task<> use() {\n  fetch_v();\n  co_return;\n}\n");
  writeFile(Dir + "/src/d.cpp", "#include \"typed.h\"\n");
  writeFile(Dir + "/src/e.cpp", "#include \"typed.h\"\n");
  writeDb(commandEntry("src/d.cpp", "-DVALUE_T=int") + "," +
          commandEntry("src/e.cpp", "-DVALUE_T=long"));
  RunResult R = cli({"-p", ".", "--fix"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "typed.h:5:3: warning"), 2u) << R.Out;
  EXPECT_NE(R.Err.find("applied fixes for 1 finding(s) in 1 file(s), skipped "
                       "1 overlapping"),
            std::string::npos)
      << R.Err;
  std::string Fixed = readFile(Dir + "/include/typed.h");
  EXPECT_EQ(count(Fixed, "co_await"), 1u) << Fixed;
  EXPECT_NE(Fixed.find("  co_await fetch_v();\n"), std::string::npos) << Fixed;
  RunResult After = cli({"-p", "."});
  EXPECT_EQ(After.ExitCode, 0) << After.Out << After.Err;
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
  EXPECT_EQ(*F->getString("function"), "a");
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
