//===- CheckFileTest.cpp - Every check file through every front end -------===//
//
// For each test/checks/*.cpp: the -fplugin front end under clang's own
// -verify; clang-tidy-19 -load and the unawaited CLI compared against the
// same expected-* comments (parity). With a .fixed.cpp golden, the fixes
// are applied by `unawaited --fix` and by `clang-tidy --fix`, compared
// with the golden, re-parsed with zero errors, and re-checked: only the
// findings that had no fix may remain.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace unawaited::test;

namespace {

std::vector<std::string> checkFiles() {
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(UNAWAITED_TEST_CHECKS, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef P = It->path();
    if (P.ends_with(".cpp") && !P.ends_with(".fixed.cpp"))
      Out.push_back(llvm::sys::path::filename(P).str());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

class CheckFileTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    File = parseCheckFile(std::string(UNAWAITED_TEST_CHECKS) + "/" + GetParam());
    for (const std::string &H : File.Requires)
      if (!headerAvailable(H))
        GTEST_SKIP() << "requires <" << H << ">";
    Dir = makeTempDir();
  }
  void TearDown() override { removeTree(Dir); }

  /// A copy of the check file (and its .clang-tidy) in a fresh directory.
  std::string stage(const std::string &Sub) {
    std::string D = Dir + "/" + Sub;
    llvm::sys::fs::create_directories(D);
    writeFile(D + "/" + GetParam(), File.Source);
    if (!File.Config.empty())
      writeFile(D + "/.clang-tidy", File.Config + "\n");
    return D;
  }

  std::vector<std::string> cli(std::vector<std::string> Extra) {
    std::vector<std::string> A = {UNAWAITED_CLI, "--progress=never",
                                  "--checks=-coro-*," + File.Checks};
    A.insert(A.end(), Extra.begin(), Extra.end());
    A.push_back(GetParam());
    A.push_back("--");
    A.insert(A.end(), File.Args.begin(), File.Args.end());
    return A;
  }

  std::vector<std::string> tidy(std::vector<std::string> Extra) {
    std::vector<std::string> A = {UNAWAITED_CLANG_TIDY,
                                  "-load=" + std::string(UNAWAITED_TIDY_PLUGIN),
                                  "-checks=-*," + File.Checks};
    A.insert(A.end(), Extra.begin(), Extra.end());
    A.push_back(GetParam());
    A.push_back("--");
    A.insert(A.end(), File.Args.begin(), File.Args.end());
    return A;
  }

  /// Findings of a CLI JSON report: (line, message) and whether fixable.
  struct Found {
    unsigned Line;
    std::string Message;
    bool Fixable;
  };
  std::vector<Found> cliFindings(const std::string &D) {
    RunResult R = run(cli({"--format=json"}), D);
    EXPECT_TRUE(R.ExitCode == 0 || R.ExitCode == 1) << R.Err;
    std::vector<Found> Out;
    auto V = llvm::json::parse(R.Out);
    if (!V) {
      ADD_FAILURE() << llvm::toString(V.takeError()) << "\n" << R.Out;
      return Out;
    }
    for (const llvm::json::Value &F : *V->getAsObject()->getArray("findings")) {
      const llvm::json::Object *O = F.getAsObject();
      Out.push_back({static_cast<unsigned>(*O->getInteger("line")),
                     O->getString("message")->str(),
                     !O->getArray("fixes")->empty()});
    }
    return Out;
  }

  CheckFile File;
  std::string Dir;
};

/// "<line>: <message>" of each error in clang's output: the column is left
/// out, as insertions before it move it.
std::vector<std::string> errorsOf(const std::string &Err) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  llvm::StringRef(Err).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    auto [Where, What] = L.split(": error: ");
    if (What.empty())
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Where.split(Parts, ':');
    llvm::StringRef Line = Parts.size() >= 2 ? Parts[Parts.size() - 2] : "";
    Out.push_back(Line.str() + ": " + What.str());
  }
  return Out;
}

TEST_P(CheckFileTest, PluginVerify) {
  std::string D = stage("plugin");
  std::vector<std::string> A = {UNAWAITED_CLANGXX, "-fsyntax-only",
                                "-fplugin=" + std::string(UNAWAITED_PLUGIN),
                                "-fplugin-arg-unawaited-checks=-coro-*," +
                                    File.Checks,
                                "-Xclang", "-verify"};
  A.insert(A.end(), File.Args.begin(), File.Args.end());
  A.push_back(GetParam());
  RunResult R = run(A, D);
  EXPECT_EQ(R.ExitCode, 0) << R.Out << R.Err;
}

TEST_P(CheckFileTest, ClangTidyLoad) {
  std::string D = stage("tidy");
  RunResult R = run(tidy({}), D);
  std::vector<Actual> Got = parseClangOutput(R.Out, GetParam());
  for (const Actual &E : parseClangOutput(R.Err, GetParam()))
    Got.push_back(E);
  EXPECT_EQ(compare(File.Expectations, Got), "") << R.Out << R.Err;
}

TEST_P(CheckFileTest, Cli) {
  std::string D = stage("cli");
  RunResult R = run(cli({}), D);
  EXPECT_TRUE(R.ExitCode == 0 || R.ExitCode == 1)
      << "exit " << R.ExitCode << "\n" << R.Err;
  std::vector<Actual> Got = parseClangOutput(R.Out, GetParam());
  EXPECT_EQ(compare(File.Expectations, Got), "") << R.Out << R.Err;
  bool Any = std::any_of(File.Expectations.begin(), File.Expectations.end(),
                         [](const Expected &E) { return E.Kind == "warning"; });
  EXPECT_EQ(R.ExitCode, Any ? 1 : 0);
}

TEST_P(CheckFileTest, FixesCompileAndResolveFindings) {
  std::string Golden = std::string(UNAWAITED_TEST_CHECKS) + "/" +
                       llvm::sys::path::stem(GetParam()).str() + ".fixed.cpp";
  if (!llvm::sys::fs::exists(Golden))
    GTEST_SKIP() << "no .fixed.cpp golden";
  std::string Want = readFile(Golden);

  // unawaited --fix
  std::string D = stage("fix-cli");
  std::vector<Found> Before = cliFindings(D);
  size_t Unfixable = std::count_if(Before.begin(), Before.end(),
                                   [](const Found &F) { return !F.Fixable; });
  RunResult R = run(cli({"--fix", "--quiet"}), D);
  ASSERT_TRUE(R.ExitCode == 0 || R.ExitCode == 1) << R.Err;
  EXPECT_EQ(readFile(D + "/" + GetParam()), Want);
  // A fix must not leave a variable unused, which -Werror builds reject:
  // the fixed file has no unused variable the original did not have (some
  // inputs hold one on purpose, a finding without a fix).
  std::vector<std::string> Parse = {UNAWAITED_CLANGXX, "-fsyntax-only",
                                    "-Werror=unused-variable"};
  Parse.insert(Parse.end(), File.Args.begin(), File.Args.end());
  Parse.push_back(GetParam());
  RunResult P = run(Parse, D);
  RunResult Original = run(Parse, stage("unfixed"));
  std::vector<std::string> NewErrors = errorsOf(P.Err);
  std::vector<std::string> Had = errorsOf(Original.Err);
  for (const std::string &E : NewErrors)
    EXPECT_TRUE(std::find(Had.begin(), Had.end(), E) != Had.end() &&
                E.find("unused variable") != std::string::npos)
        << "fixed file does not compile:\n"
        << P.Err;
  std::vector<Found> After = cliFindings(D);
  EXPECT_EQ(After.size(), Unfixable)
      << "the fixes must resolve every fixable finding";
  for (const Found &F : After)
    EXPECT_FALSE(F.Fixable) << "line " << F.Line << ": " << F.Message;
  // Idempotent: a second --fix changes nothing.
  run(cli({"--fix", "--quiet"}), D);
  EXPECT_EQ(readFile(D + "/" + GetParam()), Want);

  // clang-tidy -load --fix
  std::string T = stage("fix-tidy");
  RunResult TR = run(tidy({"--fix"}), T);
  EXPECT_EQ(readFile(T + "/" + GetParam()), Want) << TR.Out << TR.Err;
}

INSTANTIATE_TEST_SUITE_P(
    Checks, CheckFileTest, ::testing::ValuesIn(checkFiles()),
    [](const ::testing::TestParamInfo<std::string> &I) {
      std::string N = llvm::sys::path::stem(I.param).str();
      std::replace_if(N.begin(), N.end(),
                      [](char C) { return !isalnum(static_cast<unsigned char>(C)); },
                      '_');
      return N;
    });

} // namespace
