//===- WholeProgramTest.cpp - Member facts merged over a database ---------===//
//
// A task member of a header's class, stored in one file and consumed (or
// not) in another: only the CLI, which sees every unit, can decide. These
// run it over a small project and check what it keeps, and that runs over
// part of the database, and the per-unit front ends, stay quiet.
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
#include "job.h"
namespace app {
svc::Job<> run_loop();
// Stored in a.cpp, awaited in b.cpp.
class Service {
public:
  void start();
  svc::Job<> stop();
private:
  svc::Job<> bg_;
};
// Stored in a.cpp; b.cpp's stop() forgets it.
class Leaky {
public:
  void start();
  svc::Job<> stop();
private:
  svc::Job<> bg_;
};
// stop() is defined nowhere in the database: it may consume the member.
class Unseen {
public:
  void start();
  svc::Job<> stop();
private:
  svc::Job<> bg_;
};
// A public member: any code may consume it.
class Open {
public:
  void start();
  svc::Job<> bg_;
};
// A friend may consume it.
class Befriended {
  friend void drain(Befriended &);
public:
  void start();
private:
  svc::Job<> bg_;
};
} // namespace app
)";

const char *const A = R"(#include "service.h"
namespace app {
void Service::start() { bg_ = run_loop(); }
void Leaky::start() { bg_ = run_loop(); }
void Unseen::start() { bg_ = run_loop(); }
void Open::start() { bg_ = run_loop(); }
void Befriended::start() { bg_ = run_loop(); }
} // namespace app
)";

const char *const B = R"(#include "service.h"
#include <utility>
namespace app {
svc::Job<> Service::stop() { co_await std::move(bg_); }
svc::Job<> Leaky::stop() { co_return; }
} // namespace app
)";

class WholeProgram : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    for (const char *D : {"/src", "/inc", "/build"})
      llvm::sys::fs::create_directories(Dir + D);
    writeFile(Dir + "/inc/service.h", Header);
    writeFile(Dir + "/src/a.cpp", A);
    writeFile(Dir + "/src/b.cpp", B);
    llvm::json::Array Db;
    for (const char *F : {"src/a.cpp", "src/b.cpp"})
      Db.push_back(llvm::json::Object{
          {"directory", Dir},
          {"file", F},
          {"arguments",
           llvm::json::Array{"clang++", "-std=c++20", "-I" + Dir + "/inc",
                             "-I" UNAWAITED_TEST_INPUTS, "-c", F}}});
    std::string S;
    llvm::raw_string_ostream(S) << llvm::json::Value(std::move(Db));
    writeFile(Dir + "/build/compile_commands.json", S);
  }
  void TearDown() override { removeTree(Dir); }

  RunResult cli(std::vector<std::string> Args) {
    std::vector<std::string> Argv = {UNAWAITED_CLI, "--progress=never",
                                     "--no-cache", "-p", "build"};
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    return run(Argv, Dir);
  }

  std::string Dir;
};

TEST_F(WholeProgram, AMemberStoredInOneFileAndConsumedNowhereIsReportedOnce) {
  RunResult R = cli({"--verbose"});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_EQ(count(R.Out, "[coro-unawaited-member]"), 1u) << R.Out;
  EXPECT_NE(R.Out.find("a.cpp:4:27: warning: member 'bg_' of 'Leaky' holds a "
                       "lazy coroutine task"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("service.h:19:14: note: 'bg_' declared here"),
            std::string::npos)
      << R.Out;
  // Service (awaited in b.cpp), Unseen (a function defined nowhere), Open
  // (public) and Befriended (a friend) are not.
  for (const char *Quiet : {"'Service'", "'Unseen'", "'Open'", "'Befriended'"})
    EXPECT_EQ(R.Out.find(Quiet), std::string::npos) << Quiet << "\n" << R.Out;
  EXPECT_NE(R.Err.find("1 of 3 candidate findings kept ("), std::string::npos)
      << R.Err;
}

TEST_F(WholeProgram, ReplayedUnitsReplayTheirFacts) {
  // With the result cache: the second run parses nothing, and the facts
  // come back with each unit's output.
  auto Cached = [&] {
    return run({UNAWAITED_CLI, "--progress=never", "--verbose", "-p", "build"},
               Dir);
  };
  RunResult Cold = Cached();
  RunResult Warm = Cached();
  EXPECT_NE(Warm.Err.find("2 of 2 compile commands replayed"),
            std::string::npos)
      << Warm.Err;
  EXPECT_EQ(Warm.ExitCode, 1) << Warm.Err;
  EXPECT_EQ(Warm.Out, Cold.Out);
  EXPECT_EQ(count(Warm.Out, "[coro-unawaited-member]"), 1u) << Warm.Out;
}

TEST_F(WholeProgram, ARunOverPartOfTheDatabaseKeepsNoCandidate) {
  for (std::vector<std::string> Args : {std::vector<std::string>{"src/a.cpp"},
                                        {"--exclude=b\\.cpp"},
                                        {"--shard=1/2"},
                                        {"--shard=2/2"}}) {
    RunResult R = cli(Args);
    EXPECT_EQ(R.ExitCode, 0) << Args[0] << "\n" << R.Out << R.Err;
    EXPECT_EQ(R.Out.find("coro-unawaited-member"), std::string::npos)
        << Args[0] << "\n"
        << R.Out;
  }
}

TEST_F(WholeProgram, AUnitThatDoesNotCompileKeepsNoCandidate) {
  writeFile(Dir + "/src/b.cpp", std::string(B) + "int broken = ;\n");
  RunResult R = cli({});
  EXPECT_EQ(R.ExitCode, 3) << R.Out << R.Err;
  EXPECT_EQ(R.Out.find("coro-unawaited-member"), std::string::npos) << R.Out;
}

TEST_F(WholeProgram, ConsumedInTheSecondFileMakesTheFirstQuiet) {
  // Leaky::stop now awaits the member, in b.cpp only.
  std::string Fixed = B;
  Fixed.replace(Fixed.find("svc::Job<> Leaky::stop() { co_return; }"),
                std::string("svc::Job<> Leaky::stop() { co_return; }").size(),
                "svc::Job<> Leaky::stop() { co_await std::move(bg_); }");
  writeFile(Dir + "/src/b.cpp", Fixed);
  RunResult R = cli({});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
  EXPECT_EQ(R.Out.find("coro-unawaited-member"), std::string::npos) << R.Out;
}

TEST_F(WholeProgram, TheTidyModuleAndThePluginStayWithinOneUnit) {
  // Each sees one unit, where Leaky's stop() is not defined: quiet.
  RunResult Tidy = run({UNAWAITED_CLANG_TIDY, "-load=" UNAWAITED_TIDY_PLUGIN,
                        "-checks=-*,coro-*", "-p", "build", "src/a.cpp"},
                       Dir);
  EXPECT_EQ(Tidy.Out.find("coro-unawaited-member"), std::string::npos)
      << Tidy.Out << Tidy.Err;
  RunResult Plugin = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
                          "-fplugin=" UNAWAITED_PLUGIN, "-I" + Dir + "/inc",
                          "-I" UNAWAITED_TEST_INPUTS, "src/a.cpp"},
                         Dir);
  EXPECT_EQ(Plugin.ExitCode, 0) << Plugin.Err;
  EXPECT_EQ(Plugin.Err.find("unawaited-member"), std::string::npos)
      << Plugin.Err;
}

} // namespace
