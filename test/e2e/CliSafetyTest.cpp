//===- CliSafetyTest.cpp - --fix never corrupts a source; clean interrupts ===//
//
// The CLI is a lint gate: it must never damage the code it is given, nor
// leave anything behind. These tests hold runs at exact points (the
// test-only UNAWAITED_TEST_PAUSE hook of src/cli/Fixes.cpp), edit files
// there, run two --fix at once, make writes fail, and signal the CLI while
// its workers run (UNAWAITED_TEST_WORKER_FAULT=hang keeps one running).
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <chrono>
#include <csignal>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace unawaited::test;
namespace fs = llvm::sys::fs;

namespace {

const char *const Header =
    "#pragma once\n#include \"task.h\"\ndemo::Task<int> fetch();\n"
    "inline demo::Task<> helper() {\n  fetch();\n  co_return;\n}\n";

std::string source(const std::string &Name) {
  return "#include \"shared.h\"\ndemo::Task<> " + Name +
         "() {\n  fetch();\n  co_return;\n}\n";
}

/// Two sources and the header they share, each with one finding and its
/// fix; a.cpp in src/, b.cpp in lib/.
class Safety : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    for (const char *D : {"/src", "/lib", "/include"})
      fs::create_directories(Dir + D);
    reset();
    writeFile(Dir + "/compile_commands.json",
              "[" + entry("src/a.cpp") + "," + entry("lib/b.cpp") + "]");
  }
  void TearDown() override { removeTree(Dir); }

  void reset() {
    writeFile(Dir + "/include/shared.h", Header);
    writeFile(Dir + "/src/a.cpp", source("a"));
    writeFile(Dir + "/lib/b.cpp", source("b"));
  }
  std::string entry(const std::string &File) const {
    return "{\"directory\": \"" + Dir + "\", \"file\": \"" + File +
           "\", \"command\": \"clang++ -std=c++20 -I" +
           std::string(UNAWAITED_TEST_INPUTS) + " -Iinclude -c " + File + "\"}";
  }
  /// The CLI with environment settings \p Env, in the background.
  Background startCli(const std::vector<std::string> &Env,
                      const std::vector<std::string> &Args) {
    std::vector<std::string> Argv = {"/usr/bin/env"};
    Argv.insert(Argv.end(), Env.begin(), Env.end());
    Argv.insert(Argv.end(), {UNAWAITED_CLI, "--progress=never"});
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    return start(Argv, Dir);
  }
  /// A directory for the pause hook to sync with, and its setting.
  std::string pause(const std::string &Phase, const std::string &Name) {
    std::string Sync = Dir + "/" + Name;
    removeTree(Sync);
    fs::create_directories(Sync);
    return "UNAWAITED_TEST_PAUSE=" + Phase + ":" + Sync;
  }
  /// Every `*.unawaited-*` temporary under \p Root.
  static std::string debris(const std::string &Root) {
    std::string Found;
    std::error_code EC;
    for (fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
         It.increment(EC))
      if (It->path().find(".unawaited-") != std::string::npos)
        Found += It->path() + "\n";
    return Found;
  }
  bool compiles(const std::string &File) {
    RunResult R =
        run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
             "-I" + std::string(UNAWAITED_TEST_INPUTS), "-Iinclude", File},
            Dir);
    EXPECT_EQ(R.ExitCode, 0) << File << "\n" << R.Err;
    return R.ExitCode == 0;
  }
  std::string Dir;
};

// An editor saves a file between the analysis and the fix (before --fix
// reads it, or after it has written its temporaries): its fix would land
// at a stale offset. It is left exactly as the editor wrote it, named in a
// warning; the other files are fixed, and the report is complete.
TEST_F(Safety, FixLeavesAFileChangedSinceItWasAnalysedAlone) {
  for (const char *Phase : {"fix", "commit"}) {
    reset();
    std::string Hook = pause(Phase, "sync");
    Background B = startCli({Hook}, {"-p", ".", "--fix"});
    ASSERT_TRUE(waitForFile(Dir + "/sync/" + Phase)) << Phase;
    const std::string Edited = "// edited\n" + source("a");
    writeFile(Dir + "/src/a.cpp", Edited);
    writeFile(Dir + "/sync/go", "");
    RunResult R = finish(B);
    EXPECT_EQ(R.ExitCode, 1) << Phase << R.Err;
    EXPECT_NE(R.Err.find("unawaited: warning: '" + Dir +
                         "/src/a.cpp' changed since it was analysed; its "
                         "fixes were not applied\n"),
              std::string::npos)
        << Phase << R.Err;
    EXPECT_NE(R.Err.find("applied fixes for 2 finding(s) in 2 file(s), 1 "
                         "file(s) changed since analysed left as they were\n"),
              std::string::npos)
        << Phase << R.Err;
    EXPECT_EQ(readFile(Dir + "/src/a.cpp"), Edited) << Phase;
    EXPECT_EQ(count(readFile(Dir + "/lib/b.cpp"), "  co_await fetch();"), 1u);
    EXPECT_EQ(count(readFile(Dir + "/include/shared.h"), "co_await"), 1u);
    EXPECT_EQ(count(R.Out, ": warning:"), 3u) << R.Out;
    EXPECT_EQ(debris(Dir), "") << Phase;
  }
}

// Two --fix runs on one tree, both past the analysis before either writes
// (held at the start of --fix, or with every temporary written): each fix
// lands once, and what is left compiles. Each file is written by one run
// and left alone, with a warning, by the other.
TEST_F(Safety, ConcurrentFixRunsApplyEachFixOnce) {
  for (const char *Phase : {"fix", "commit"}) {
    reset();
    Background One = startCli({pause(Phase, "one")}, {"-p", ".", "--fix"});
    Background Two = startCli({pause(Phase, "two")}, {"-p", ".", "--fix"});
    ASSERT_TRUE(waitForFile(Dir + "/one/" + Phase)) << Phase;
    ASSERT_TRUE(waitForFile(Dir + "/two/" + Phase)) << Phase;
    writeFile(Dir + "/one/go", "");
    writeFile(Dir + "/two/go", "");
    RunResult R1 = finish(One), R2 = finish(Two);
    EXPECT_EQ(R1.ExitCode, 1) << R1.Err;
    EXPECT_EQ(R2.ExitCode, 1) << R2.Err;
    for (const char *F : {"src/a.cpp", "lib/b.cpp", "include/shared.h"}) {
      std::string Text = readFile(Dir + "/" + F);
      EXPECT_EQ(count(Text, "co_await"), 1u) << Phase << " " << F << "\n"
                                             << Text;
      EXPECT_EQ(count(Text, "co_await fetch();"), 1u) << Text;
      EXPECT_EQ(count(R1.Err + R2.Err,
                      "'" + Dir + "/" + F + "' changed since it was analysed"),
                1u)
          << Phase << "\n"
          << R1.Err << R2.Err;
    }
    EXPECT_TRUE(compiles("src/a.cpp"));
    EXPECT_TRUE(compiles("lib/b.cpp"));
    EXPECT_EQ(debris(Dir), "") << Phase;
  }
}

/// Makes \p Dir unwritable, even for root (an immutable directory); false
/// when the file system cannot.
bool makeReadOnly(const std::string &Dir, bool ReadOnly) {
  if (::geteuid() != 0)
    return !fs::setPermissions(Dir,
                               ReadOnly ? fs::perms(0555) : fs::perms(0755));
  return run({"chattr", ReadOnly ? "+i" : "-i", Dir}).ExitCode == 0;
}

// One target cannot be written (its directory is read-only): no file is
// changed, although the other could have been, the errors say which file
// failed and that nothing changed, the report is printed, exit 2.
TEST_F(Safety, FixWritesNoFileWhenOneCannotBeWritten) {
  if (!makeReadOnly(Dir + "/src", true))
    GTEST_SKIP() << "cannot make a directory read-only here";
  RunResult R =
      run({UNAWAITED_CLI, "--progress=never", "-p", ".", "--fix"}, Dir);
  makeReadOnly(Dir + "/src", false);
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  EXPECT_NE(
      R.Err.find("unawaited: error: cannot write '" + Dir + "/src/a.cpp': "),
      std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("unawaited: error: --fix changed no file (3 to "
                       "fix)\n"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(readFile(Dir + "/include/shared.h"), Header);
  EXPECT_EQ(readFile(Dir + "/lib/b.cpp"), source("b"));
  EXPECT_EQ(readFile(Dir + "/src/a.cpp"), source("a"));
  EXPECT_EQ(count(R.Out, ": warning:"), 3u) << R.Out;
  EXPECT_EQ(debris(Dir), "");
}

/// The state letter of a process ('R', 'S', 'Z', ...) and its parent;
/// false when there is no such process.
bool processStat(int Pid, char &State, int &Parent) {
  std::string Stat = readFile("/proc/" + std::to_string(Pid) + "/stat");
  size_t Close = Stat.rfind(')'); // after the command, which may hold spaces
  if (Close == std::string::npos)
    return false;
  std::istringstream In(Stat.substr(Close + 1));
  return bool(In >> State >> Parent);
}

bool running(int Pid) {
  char State = 0;
  int Parent = 0;
  return processStat(Pid, State, Parent) && State != 'Z';
}

/// The live processes whose parent is \p Pid.
std::vector<int> childrenOf(int Pid) {
  std::vector<int> Children;
  std::error_code EC;
  for (fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    int Child = 0, Parent = 0;
    char State = 0;
    if (!llvm::StringRef(llvm::sys::path::filename(It->path()))
             .getAsInteger(10, Child) &&
        processStat(Child, State, Parent) && Parent == Pid && State != 'Z')
      Children.push_back(Child);
  }
  return Children;
}

/// Polls \p Done every 10 ms for at most \p Seconds.
template <typename Pred> bool eventually(Pred Done, unsigned Seconds = 60) {
  auto Deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(Seconds);
  while (!Done()) {
    if (std::chrono::steady_clock::now() > Deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

/// A translation unit that takes the analysis a few seconds.
std::string slowSource() {
  std::string S = "#include \"shared.h\"\n";
  for (unsigned I = 0; I < 6000; ++I)
    S += "demo::Task<> s" + std::to_string(I) +
         "(bool c) {\n  auto t = fetch();\n  if (c) co_return;\n"
         "  co_await std::move(t);\n}\n";
  return S;
}

// SIGINT (Ctrl-C), SIGTERM (a CI timeout) or SIGHUP to the CLI while its
// workers run, one in a slow translation unit and one hanging: the workers
// are stopped, the temporaries in $TMPDIR are gone, no output is written,
// the progress line is cleared, and the exit code is 128 + the signal.
TEST_F(Safety, InterruptStopsTheWorkersAndLeavesNothing) {
  writeFile(Dir + "/src/slow.cpp", slowSource());
  writeFile(Dir + "/compile_commands.json", "[" + entry("src/a.cpp") + "," +
                                                entry("lib/b.cpp") + "," +
                                                entry("src/slow.cpp") + "]");
  for (int Signal : {SIGINT, SIGTERM, SIGHUP}) {
    std::string Tmp = Dir + "/tmp";
    removeTree(Tmp);
    fs::create_directories(Tmp);
    Background B = startCli(
        {"TMPDIR=" + Tmp, "UNAWAITED_TEST_WORKER_FAULT=hang:lib/b.cpp"},
        {"-p", ".", "-j3", "--timeout=0", "--progress=always", "--fix", "-o",
         "report.txt", "--write-baseline=base.json"});
    std::vector<int> Workers;
    // a.cpp done (the bar is up), slow.cpp (a few seconds) and b.cpp
    // (never done) still being analysed.
    ASSERT_TRUE(eventually([&] {
      Workers = childrenOf(B.Pid);
      return !Workers.empty() &&
             readFile(B.ErrPath).find("[1/3]") != std::string::npos;
    })) << readFile(B.ErrPath);
    ASSERT_EQ(::kill(B.Pid, Signal), 0);
    RunResult R = finish(B, 60);
    EXPECT_EQ(R.ExitCode, 128 + Signal) << R.Err;
    std::string Said = std::string("unawaited: error: interrupted by ") +
                       (Signal == SIGINT    ? "SIGINT"
                        : Signal == SIGTERM ? "SIGTERM"
                                            : "SIGHUP") +
                       "\n";
    EXPECT_EQ(R.Err.substr(R.Err.rfind('\r') + 1), Said) << R.Err;
    EXPECT_NE(R.Err.find("\r" + std::string(60, ' ') + "\r" + Said),
              std::string::npos)
        << R.Err; // the bar's line is blanked first
    for (int W : Workers) {
      EXPECT_FALSE(running(W)) << W;
      if (running(W))
        ::kill(W, SIGKILL); // not to leave it behind
    }
    std::error_code EC;
    EXPECT_TRUE(fs::directory_iterator(Tmp, EC) == fs::directory_iterator())
        << "left in $TMPDIR";
    EXPECT_EQ(debris(Dir), "");
    for (const char *F : {"report.txt", "base.json"})
      EXPECT_FALSE(fs::exists(Dir + "/" + F)) << F;
    EXPECT_EQ(readFile(Dir + "/src/a.cpp"), source("a"));
    EXPECT_EQ(R.Out, "");
  }
}

// A signal while --fix holds every fixed file in a temporary beside it:
// no file is replaced, the temporaries are removed, exit 143.
TEST_F(Safety, InterruptBeforeFixReplacesAFileChangesNone) {
  Background B = startCli({pause("commit", "sync")}, {"-p", ".", "--fix"});
  ASSERT_TRUE(waitForFile(Dir + "/sync/commit"));
  EXPECT_NE(debris(Dir), ""); // the temporaries are there now
  ASSERT_EQ(::kill(B.Pid, SIGTERM), 0);
  RunResult R = finish(B, 60);
  EXPECT_EQ(R.ExitCode, 143) << R.Err;
  EXPECT_NE(R.Err.find("unawaited: error: --fix changed no file: "
                       "interrupted\n"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("unawaited: error: interrupted by SIGTERM\n"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(readFile(Dir + "/src/a.cpp"), source("a"));
  EXPECT_EQ(readFile(Dir + "/lib/b.cpp"), source("b"));
  EXPECT_EQ(readFile(Dir + "/include/shared.h"), Header);
  EXPECT_EQ(debris(Dir), "");
}

// A parent killed outright (SIGKILL, an OOM killer) cannot clean up, but
// its workers must not outlive it.
TEST_F(Safety, WorkersDieWithTheirParent) {
  Background B = startCli({"UNAWAITED_TEST_WORKER_FAULT=hang:.cpp"},
                          {"-p", ".", "-j2", "--timeout=0"});
  std::vector<int> Workers;
  ASSERT_TRUE(eventually([&] {
    Workers = childrenOf(B.Pid);
    return Workers.size() == 2;
  }));
  ASSERT_EQ(::kill(B.Pid, SIGKILL), 0);
  RunResult R = finish(B, 60);
  EXPECT_EQ(R.ExitCode, -2);
  for (int W : Workers) {
    EXPECT_TRUE(eventually([&] { return !running(W); }, 10)) << W;
    if (running(W))
      ::kill(W, SIGKILL); // not to leave it behind
  }
}

} // namespace
