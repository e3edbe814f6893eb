//===- HandOffAcrossUnitsTest.cpp - Dropping callees in another unit ------===//
//
// `launder(fetch())` in a.cpp, where launder is declared in util.h and
// defined in util.cpp: only the CLI, which sees both units, can tell
// whether the body drops the task. These run it over a small project and
// check what it keeps, and that the per-unit front ends stay quiet.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace unawaited::test;

namespace {

const char *const Header = R"(#pragma once
#include "task.h"
namespace app {
demo::Task<int> fetch();
demo::Task<long> fetch_long();
void launder(demo::Task<int> &&t);
void launder(demo::Task<long> &&t);
void relay(demo::Task<int> &&t);
} // namespace app
)";

const char *const A = R"(#include "util.h"
namespace app {
void tick() {
  launder(fetch());
  launder(fetch_long());
  relay(fetch());
}
} // namespace app
)";

// launder(Task<int>&&) drops its task; the Task<long> overload and relay
// keep theirs.
const char *const DropsInt = "void launder(demo::Task<int> &&t) {}\n";
const char *const KeepsInt = "void launder(demo::Task<int> &&t) {\n"
                             "  kept_int.push_back(std::move(t));\n"
                             "}\n";
const char *const DropsLong = "void launder(demo::Task<long> &&t) {}\n";
const char *const KeepsLong = "void launder(demo::Task<long> &&t) {\n"
                              "  kept_long.push_back(std::move(t));\n"
                              "}\n";

std::string util(const char *Int, const char *Long,
                 const std::string &Extra = "") {
  return std::string(R"(#include "util.h"
#include <utility>
#include <vector>
namespace app {
std::vector<demo::Task<int>> kept_int;
std::vector<demo::Task<long>> kept_long;
)") + Int +
         Long +
         "void store(demo::Task<int> &&t); // defined nowhere: hands on\n"
         "void relay(demo::Task<int> &&t) { store(std::move(t)); }\n" +
         Extra + "} // namespace app\n";
}

const std::string InputsArg = std::string("-I") + UNAWAITED_TEST_INPUTS;
const std::string TidyPluginArg = std::string("-load=") + UNAWAITED_TIDY_PLUGIN;
const std::string PluginArg = std::string("-fplugin=") + UNAWAITED_PLUGIN;

class HandOffAcrossUnits : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    for (const char *D : {"/src", "/inc", "/build"})
      ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + D)) << D;
    writeFile(Dir + "/inc/util.h", Header);
    writeFile(Dir + "/src/a.cpp", A);
    writeFile(Dir + "/src/util.cpp", util(DropsInt, KeepsLong));
    llvm::json::Array Db;
    for (const char *F : {"src/a.cpp", "src/util.cpp"}) {
      Db.push_back(llvm::json::Object{
          {"directory", Dir},
          {"file", F},
          {"arguments",
           llvm::json::Array{"clang++", "-std=c++20", "-I" + Dir + "/inc",
                             InputsArg, "-c", F}}});
    }
    std::string S;
    llvm::raw_string_ostream(S) << llvm::json::Value(std::move(Db));
    writeFile(Dir + "/build/compile_commands.json", S);
  }
  void TearDown() override { removeTree(Dir); }

  RunResult cli(std::vector<std::string> Args, bool Cache = false) {
    std::vector<std::string> Argv = {UNAWAITED_CLI, "--progress=never", "-p",
                                     "build"};
    if (!Cache)
      Argv.push_back("--no-cache");
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    return run(Argv, Dir);
  }

  /// Replaces the first \p From in the project's \p File.
  void replace(const std::string &File, const std::string &From,
               const std::string &To) {
    std::string Text = readFile(Dir + File);
    ASSERT_NE(Text.find(From), std::string::npos) << File;
    Text.replace(Text.find(From), From.size(), To);
    writeFile(Dir + File, Text);
  }

  static bool has(const std::string &Text, const std::string &Needle) {
    return Text.find(Needle) != std::string::npos;
  }

  std::string Dir;
};

const char *const IntFinding =
    "a.cpp:4:11: warning: 'fetch' returns a lazy coroutine task "
    "'demo::Task<int>' that is passed to 'launder', which never awaits or "
    "keeps it; its body will never run [coro-discarded-task]";
const char *const IntNote =
    "util.cpp:7:32: note: 'launder' drops its parameter 't' without awaiting "
    "it";

TEST_F(HandOffAcrossUnits, ACalleeDefinedElsewhereThatDropsIsReportedOnce) {
  RunResult R = cli({"--verbose"});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "[coro-discarded-task]"), 1u) << R.Out;
  EXPECT_TRUE(has(R.Out, IntFinding)) << R.Out;
  EXPECT_TRUE(has(R.Out, IntNote)) << R.Out;
  // The Task<long> overload and relay keep their tasks.
  EXPECT_FALSE(has(R.Out, "fetch_long")) << R.Out;
  EXPECT_FALSE(has(R.Out, "'relay'")) << R.Out;
  // Three parameters summarised in util.cpp; a.cpp's three calls are
  // candidates, one confirmed.
  EXPECT_TRUE(has(R.Err, "3 hand-off facts on 3 parameters; 1 of 3 "
                         "candidate findings kept ("))
      << R.Err;
}

TEST_F(HandOffAcrossUnits, TheNoteInTheOtherFileReachesEveryFormat) {
  RunResult Json = cli({"--format=json"});
  EXPECT_EQ(Json.ExitCode, 1) << Json.Err;
  auto Parsed = llvm::json::parse(Json.Out);
  ASSERT_TRUE(bool(Parsed)) << Json.Out;
  const llvm::json::Object *Report = Parsed->getAsObject();
  const llvm::json::Array *Findings =
      Report ? Report->getArray("findings") : nullptr;
  ASSERT_TRUE(Findings && Findings->size() == 1) << Json.Out;
  const llvm::json::Object *F = (*Findings)[0].getAsObject();
  ASSERT_TRUE(F) << Json.Out;
  EXPECT_EQ(F->getString("file").value_or(""), Dir + "/src/a.cpp");
  const llvm::json::Array *Notes = F->getArray("notes");
  ASSERT_TRUE(Notes && Notes->size() == 1) << Json.Out;
  const llvm::json::Object *N = (*Notes)[0].getAsObject();
  EXPECT_EQ(N->getString("file").value_or(""), Dir + "/src/util.cpp");
  EXPECT_EQ(N->getInteger("line").value_or(0), 7);
  EXPECT_EQ(N->getInteger("column").value_or(0), 32);

  RunResult Sarif = cli({"--format=sarif"});
  EXPECT_EQ(Sarif.ExitCode, 1) << Sarif.Err;
  EXPECT_TRUE(has(Sarif.Out, "\"relatedLocations\"")) << Sarif.Out;
  EXPECT_TRUE(has(Sarif.Out, "/src/util.cpp\"")) << Sarif.Out;
  EXPECT_TRUE(has(Sarif.Out, "'launder' drops its parameter 't'")) << Sarif.Out;
}

TEST_F(HandOffAcrossUnits, ADefinitionThatKeepsTheTaskMakesTheCallQuiet) {
  writeFile(Dir + "/src/util.cpp", util(KeepsInt, KeepsLong));
  RunResult R = cli({"--verbose"});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_FALSE(has(R.Out, "coro-discarded-task")) << R.Out;
  EXPECT_TRUE(has(R.Err, "0 of 3 candidate findings kept (")) << R.Err;
}

TEST_F(HandOffAcrossUnits, ACoroutineThatAwaitsTheTaskMakesTheCallQuiet) {
  // launder a coroutine, awaited by its caller.
  replace("/inc/util.h", "void launder(demo::Task<int> &&t);",
          "demo::Task<> launder(demo::Task<int> &&t);");
  replace("/src/a.cpp", "void tick() {\n  launder(fetch());",
          "demo::Task<> tick() {\n  co_await launder(fetch());");
  auto Body = [&](const char *Int) {
    writeFile(Dir + "/src/util.cpp", util(Int, KeepsLong));
  };
  // A coroutine that never awaits its parameter still drops it.
  Body("demo::Task<> launder(demo::Task<int> &&t) { co_return; }\n");
  RunResult Drops = cli({});
  EXPECT_EQ(Drops.ExitCode, 1) << Drops.Out << Drops.Err;
  EXPECT_TRUE(has(Drops.Out, "a.cpp:4:20: warning: 'fetch' returns a lazy "
                             "coroutine task 'demo::Task<int>' that is "
                             "passed to 'launder'"))
      << Drops.Out;
  Body("demo::Task<> launder(demo::Task<int> &&t) {\n"
       "  co_await std::move(t);\n"
       "}\n");
  RunResult Awaits = cli({});
  EXPECT_EQ(Awaits.ExitCode, 0) << Awaits.Out << Awaits.Err;
  EXPECT_FALSE(has(Awaits.Out, "coro-discarded-task")) << Awaits.Out;
}

TEST_F(HandOffAcrossUnits, AConstReferenceThatOnlyReadsTheTaskDropsIt) {
  replace("/inc/util.h", "} // namespace app",
          "bool peek(const demo::Task<int> &t);\n"
          "void poke(demo::Task<int> &t);\n"
          "} // namespace app");
  replace("/src/a.cpp", "  relay(fetch());",
          "  relay(fetch());\n  peek(fetch());");
  writeFile(Dir + "/src/util.cpp",
            util(KeepsInt, KeepsLong,
                 "bool peek(const demo::Task<int> &t) { return t.done(); }\n"
                 "void poke(demo::Task<int> &t) {}\n"));
  RunResult R = cli({"--verbose"});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "[coro-discarded-task]"), 1u) << R.Out;
  EXPECT_TRUE(has(R.Out, "a.cpp:7:8: warning: 'fetch' returns a lazy "
                         "coroutine task 'demo::Task<int>' that is passed to "
                         "'peek', which never awaits or keeps it"))
      << R.Out;
  EXPECT_TRUE(has(R.Out, "util.cpp:15:34: note: 'peek' drops its parameter "
                         "'t' without awaiting it"))
      << R.Out;
  // No temporary binds to poke's `Task<int>&`: it sends no fact.
  EXPECT_TRUE(has(R.Err, "4 hand-off facts on 4 parameters; 1 of 4 "
                         "candidate findings kept ("))
      << R.Err;
}

TEST_F(HandOffAcrossUnits, OnlyTheOverloadThatDropsIsReported) {
  // The other way round: the Task<long> overload drops, Task<int>'s keeps.
  writeFile(Dir + "/src/util.cpp", util(KeepsInt, DropsLong));
  RunResult R = cli({});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "[coro-discarded-task]"), 1u) << R.Out;
  EXPECT_TRUE(has(R.Out, "a.cpp:5:11: warning: 'fetch_long' returns a lazy "
                         "coroutine task 'demo::Task<long>' that is passed to "
                         "'launder'"))
      << R.Out;
  EXPECT_TRUE(has(R.Out, "util.cpp:10:33: note: 'launder' drops its "
                         "parameter 't'"))
      << R.Out;
  EXPECT_FALSE(has(R.Out, "a.cpp:4:")) << R.Out;
}

TEST_F(HandOffAcrossUnits, AUnitOutsideTheRunConfirmsNothing) {
  // The definition's unit is not analysed: nothing confirms the candidate.
  for (std::vector<std::string> Args :
       {std::vector<std::string>{"src/a.cpp"}, {"--exclude=util\\.cpp"}}) {
    RunResult R = cli(Args);
    EXPECT_EQ(R.ExitCode, 0) << Args[0] << "\n" << R.Out << R.Err;
    EXPECT_FALSE(has(R.Out, "coro-discarded-task")) << Args[0] << "\n" << R.Out;
  }
  // Both named: confirmed, though the run is not the whole database's.
  RunResult Both = cli({"src/a.cpp", "src/util.cpp"});
  EXPECT_EQ(Both.ExitCode, 1) << Both.Out << Both.Err;
  EXPECT_TRUE(has(Both.Out, IntFinding)) << Both.Out;
}

TEST_F(HandOffAcrossUnits, AUnitThatDoesNotCompileConfirmsNothing) {
  writeFile(Dir + "/src/util.cpp",
            util(DropsInt, KeepsLong, "int broken = ;\n"));
  RunResult R = cli({});
  EXPECT_EQ(R.ExitCode, 3) << R.Out << R.Err;
  EXPECT_TRUE(has(R.Err, "util.cpp")) << R.Err;
  EXPECT_FALSE(has(R.Out, "coro-discarded-task")) << R.Out;
}

TEST_F(HandOffAcrossUnits, ACachedRunGivesTheSameReport) {
  RunResult Cold = cli({"--verbose"}, /*Cache=*/true);
  RunResult Warm = cli({"--verbose"}, /*Cache=*/true);
  EXPECT_TRUE(has(Warm.Err, "2 of 2 compile commands replayed")) << Warm.Err;
  EXPECT_EQ(Warm.ExitCode, 1) << Warm.Err;
  EXPECT_EQ(Warm.Out, Cold.Out);
  EXPECT_TRUE(has(Warm.Out, IntFinding)) << Warm.Out;
  EXPECT_TRUE(has(Warm.Out, IntNote)) << Warm.Out;
  EXPECT_TRUE(has(Warm.Err, "3 hand-off facts on 3 parameters; 1 of 3 "
                            "candidate findings kept ("))
      << Warm.Err;
}

TEST_F(HandOffAcrossUnits, TheTidyModuleAndThePluginStayWithinOneUnit) {
  // Each sees one unit, where launder has no body: it hands on. With the
  // body pulled into the unit (-include), both report the call.
  auto Tidy = [&](std::vector<std::string> Extra) {
    std::vector<std::string> Argv = {UNAWAITED_CLANG_TIDY, TidyPluginArg,
                                     "-checks=-*,coro-*", "-p", "build"};
    Argv.insert(Argv.end(), Extra.begin(), Extra.end());
    Argv.push_back("src/a.cpp");
    return run(Argv, Dir);
  };
  RunResult Alone = Tidy({});
  EXPECT_FALSE(has(Alone.Out, "coro-discarded-task")) << Alone.Out << Alone.Err;
  RunResult Included =
      Tidy({"-extra-arg=-include", "-extra-arg=" + Dir + "/src/util.cpp"});
  EXPECT_EQ(count(Included.Out, "[coro-discarded-task]"), 1u)
      << Included.Out << Included.Err;

  auto Plugin = [&](std::vector<std::string> Extra) {
    std::vector<std::string> Argv = {UNAWAITED_CLANGXX,   "-std=c++20",
                                     "-fsyntax-only",     PluginArg,
                                     "-I" + Dir + "/inc", InputsArg};
    Argv.insert(Argv.end(), Extra.begin(), Extra.end());
    Argv.push_back("src/a.cpp");
    return run(Argv, Dir);
  };
  RunResult PluginAlone = Plugin({});
  EXPECT_EQ(PluginAlone.ExitCode, 0) << PluginAlone.Err;
  EXPECT_FALSE(has(PluginAlone.Err, "discarded-task")) << PluginAlone.Err;
  RunResult PluginIncluded = Plugin({"-include", Dir + "/src/util.cpp"});
  EXPECT_EQ(count(PluginIncluded.Err, "[coro-discarded-task]"), 1u)
      << PluginIncluded.Err;
}

} // namespace
