//===- CliPathsTest.cpp - Paths that are not UTF-8 ------------------------===//
//
// A file name is bytes: clang compiles `src\xff/bad.cpp` with
// `-Iinc\xff` as any other. The CLI passes paths and arguments to its
// workers as JSON, which takes only UTF-8; they must arrive unchanged.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace unawaited::test;

namespace {

class NonUtf8Paths : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    Src = Dir + "/src\xff";
    Inc = Dir + "/inc\xfe";
    llvm::sys::fs::create_directories(Src);
    llvm::sys::fs::create_directories(Inc);
    // The header is found only through the non-UTF-8 -I.
    writeFile(Inc + "/api\xff.h", "#pragma once\n#include \"task.h\"\n"
                                  "demo::Task<int> fetch();\n");
    writeFile(Src + "/bad\xff.cpp", "#include \"api\xff.h\"\n"
                                    "demo::Task<> h() {\n"
                                    "  fetch();\n"
                                    "  co_return;\n"
                                    "}\n");
  }
  void TearDown() override { removeTree(Dir); }

  RunResult cli(std::vector<std::string> Args) {
    std::vector<std::string> A = {UNAWAITED_CLI, "--progress=never"};
    A.insert(A.end(), Args.begin(), Args.end());
    A.insert(A.end(), {"src\xff/bad\xff.cpp", "--", "-std=c++20",
                       "-I" + std::string(UNAWAITED_TEST_INPUTS),
                       "-I" + Inc});
    return run(A, Dir);
  }
  std::string Dir, Src, Inc;
};

TEST_F(NonUtf8Paths, AnalysedAndFixedLikeAnyOther) {
  // clang itself compiles it.
  RunResult Clang = run({UNAWAITED_CLANGXX, "-fsyntax-only", "-std=c++20",
                         "-I" + std::string(UNAWAITED_TEST_INPUTS), "-I" + Inc,
                         "src\xff/bad\xff.cpp"},
                        Dir);
  ASSERT_EQ(Clang.ExitCode, 0) << Clang.Err;

  RunResult R = cli({});
  EXPECT_EQ(R.ExitCode, 1) << R.Out << R.Err;
  EXPECT_NE(R.Out.find(Src + "/bad\xff.cpp:3:3: warning: 'fetch' returns a "
                             "lazy"),
            std::string::npos)
      << R.Out << R.Err;
  EXPECT_EQ(R.Err.find("does not compile"), std::string::npos) << R.Err;

  // The fix's path and content hash come back from the worker exact.
  RunResult F = cli({"--fix", "--quiet"});
  EXPECT_EQ(F.ExitCode, 1) << F.Err;
  EXPECT_NE(readFile(Src + "/bad\xff.cpp").find("  co_await fetch();"),
            std::string::npos)
      << F.Err;
  EXPECT_EQ(cli({}).ExitCode, 0);
}

} // namespace
