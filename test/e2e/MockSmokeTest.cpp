//===- MockSmokeTest.cpp - Correct use of every mocked library is clean ---===//
//
// test/Inputs/mock/smoke/<lib>.cpp uses each mock library the way its
// documentation says (every task awaited or handed to a legitimate
// consumer). They must compile without warnings and give no finding: a
// finding there is a false positive on correct code.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace unawaited::test;

namespace {

std::vector<std::string> smokeFiles() {
  std::vector<std::string> Out;
  std::error_code EC;
  std::string Dir = std::string(UNAWAITED_TEST_INPUTS) + "/mock/smoke";
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".cpp"))
      Out.push_back(It->path());
  std::sort(Out.begin(), Out.end());
  return Out;
}

class MockSmoke : public ::testing::TestWithParam<std::string> {};

TEST_P(MockSmoke, CompilesCleanAndHasNoFinding) {
  std::string Mock = "-I" + std::string(UNAWAITED_TEST_INPUTS) + "/mock";
  RunResult C = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only", "-Wall",
                     "-Wextra", Mock, GetParam()});
  EXPECT_EQ(C.ExitCode, 0) << C.Err;
  EXPECT_EQ(C.Err, "") << C.Err;
  RunResult R = run({UNAWAITED_CLI, "--progress=never", "--format=json",
                     GetParam(), "--", "-std=c++20", Mock});
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
}

INSTANTIATE_TEST_SUITE_P(
    Libraries, MockSmoke, ::testing::ValuesIn(smokeFiles()),
    [](const ::testing::TestParamInfo<std::string> &I) {
      return llvm::sys::path::stem(I.param).str();
    });

} // namespace
