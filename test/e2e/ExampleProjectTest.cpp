//===- ExampleProjectTest.cpp - The bundled example, through every front end
//
// examples/alert-daemon marks its two deliberate bugs with "// BUG:" on the
// line before. Each front end must report exactly those lines and nothing
// else: the CLI over compile_commands.json, clang-tidy-19 -load over the
// same database, and a real build with -fplugin.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <set>
#include <sstream>

using namespace unawaited::test;

namespace {

using Site = std::pair<std::string, unsigned>; // file name, line

class ExampleProject : public ::testing::Test {
protected:
  static std::string example() {
    return std::string(UNAWAITED_SOURCE_DIR) + "/examples/alert-daemon";
  }

  static std::set<Site> bugSites() {
    std::set<Site> Sites;
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(example(), EC), End;
         It != End && !EC; It.increment(EC)) {
      if (!llvm::StringRef(It->path()).ends_with(".cpp"))
        continue;
      std::istringstream In(readFile(It->path()));
      unsigned N = 0;
      bool Next = false;
      for (std::string L; std::getline(In, L);) {
        ++N;
        if (Next)
          Sites.insert({llvm::sys::path::filename(It->path()).str(), N});
        Next = L.find("// BUG:") != std::string::npos;
      }
    }
    return Sites;
  }

  static std::set<Site> warningSites(const std::string &Output) {
    std::set<Site> Sites;
    std::istringstream In(Output);
    for (std::string L; std::getline(In, L);) {
      size_t W = L.find(": warning: ");
      if (W == std::string::npos)
        continue;
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(L).substr(0, W).split(Parts, ':');
      if (Parts.size() < 3)
        continue;
      unsigned Line = 0;
      Parts[Parts.size() - 2].getAsInteger(10, Line);
      Sites.insert({llvm::sys::path::filename(Parts[0]).str(), Line});
    }
    return Sites;
  }

  void SetUp() override {
    Build = makeTempDir();
    RunResult R = run({UNAWAITED_CMAKE, "-S", example(), "-B", Build, "-G",
                       "Ninja", "-DCMAKE_CXX_COMPILER=" +
                                    std::string(UNAWAITED_CLANGXX)});
    ASSERT_EQ(R.ExitCode, 0) << R.Out << R.Err;
    Bugs = bugSites();
    ASSERT_EQ(Bugs.size(), 2u);
  }
  void TearDown() override { removeTree(Build); }

  std::string Build;
  std::set<Site> Bugs;
};

TEST_F(ExampleProject, CliFindsExactlyTheTwoBugs) {
  RunResult R = run({UNAWAITED_CLI, "--progress=never", "-p", Build});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(warningSites(R.Out), Bugs) << R.Out;
  EXPECT_NE(R.Out.find("[coro-discarded-task]"), std::string::npos);
  EXPECT_NE(R.Out.find("[coro-unawaited-variable]"), std::string::npos);
}

TEST_F(ExampleProject, ClangTidyLoadFindsExactlyTheTwoBugs) {
  auto DB = llvm::json::parse(readFile(Build + "/compile_commands.json"));
  ASSERT_TRUE(bool(DB));
  std::string All;
  for (const llvm::json::Value &E : *DB->getAsArray()) {
    std::string File = E.getAsObject()->getString("file")->str();
    RunResult R = run({UNAWAITED_CLANG_TIDY,
                       "-load=" + std::string(UNAWAITED_TIDY_PLUGIN),
                       "-checks=-*,coro-*", "-p", Build, File});
    All += R.Out;
  }
  EXPECT_EQ(warningSites(All), Bugs) << All;
}

TEST_F(ExampleProject, PluginBuildFindsExactlyTheTwoBugs) {
  std::string Plugged = Build + "-plugin";
  RunResult C = run({UNAWAITED_CMAKE, "-S", example(), "-B", Plugged, "-G",
                     "Ninja", "-DCMAKE_CXX_COMPILER=" +
                                  std::string(UNAWAITED_CLANGXX),
                     "-DCMAKE_CXX_FLAGS=-fplugin=" +
                         std::string(UNAWAITED_PLUGIN)});
  ASSERT_EQ(C.ExitCode, 0) << C.Err;
  RunResult B = run({UNAWAITED_CMAKE, "--build", Plugged, "-j", "1"});
  removeTree(Plugged);
  EXPECT_EQ(B.ExitCode, 0) << B.Out << B.Err;
  EXPECT_EQ(warningSites(B.Out + B.Err), Bugs) << B.Out << B.Err;
}

TEST(Install, InstalledCliFindsBuiltinHeadersAndPlugins) {
  std::string Prefix = makeTempDir();
  RunResult I = run({UNAWAITED_CMAKE, "--install", UNAWAITED_BINARY_DIR,
                     "--prefix", Prefix});
  ASSERT_EQ(I.ExitCode, 0) << I.Out << I.Err;
  EXPECT_TRUE(llvm::sys::fs::exists(Prefix + "/lib/unawaited/unawaited-tidy.so"));
  EXPECT_TRUE(llvm::sys::fs::exists(Prefix + "/lib/unawaited/unawaited-plugin.so"));
  EXPECT_TRUE(llvm::sys::fs::exists(Prefix + "/share/doc/unawaited/README.md"));
  std::string Src = Prefix + "/t.cpp";
  // <stddef.h> and <stdarg.h> come from clang's resource directory.
  writeFile(Src, "#include <stddef.h>\n#include <stdarg.h>\n#include \"task.h\"\n"
                 "demo::Task<int> f();\nvoid g() { f(); }\n");
  RunResult R = run({Prefix + "/bin/unawaited", "--progress=never", Src, "--",
                     "-std=c++20", "-I" + std::string(UNAWAITED_TEST_INPUTS)},
                    Prefix);
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_NE(R.Out.find("t.cpp:5:12: warning"), std::string::npos) << R.Out;
  removeTree(Prefix);
}

} // namespace
