//===- DocsRecipesTest.cpp - docs/ci.md's recipes, run as written ---------===//
//
// The recipes are taken from docs/ci.md itself, with only the install paths
// replaced by the build's, so the documentation cannot drift from what works.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace unawaited::test;

namespace {

/// The first fenced block of language \p Lang after the heading \p Heading.
std::string codeBlock(const std::string &Heading, const std::string &Lang) {
  std::string Doc = readFile(std::string(UNAWAITED_SOURCE_DIR) + "/docs/ci.md");
  size_t H = Doc.find("\n" + Heading + "\n");
  if (H == std::string::npos)
    return "";
  size_t Start = Doc.find("```" + Lang + "\n", H);
  if (Start == std::string::npos)
    return "";
  Start += 4 + Lang.size();
  size_t End = Doc.find("\n```", Start);
  return Doc.substr(Start, End - Start + 1);
}

void replaceAll(std::string &S, const std::string &From, const std::string &To) {
  for (size_t P = S.find(From); P != std::string::npos;
       P = S.find(From, P + To.size()))
    S.replace(P, From.size(), To);
}

const char *const BadSource = "#include \"task.h\"\n"
                              "demo::Task<> dispatch(int alert);\n"
                              "demo::Task<> route(int alert) {\n"
                              "  dispatch(alert);\n"
                              "  co_return;\n"
                              "}\n";

class Recipes : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    llvm::sys::fs::create_directories(Dir + "/src");
    llvm::sys::fs::create_directories(Dir + "/build");
    writeFile(Dir + "/src/router.cpp", BadSource);
    llvm::json::Array Db{llvm::json::Object{
        {"directory", Dir},
        {"file", "src/router.cpp"},
        {"arguments",
         llvm::json::Array{"clang++", "-std=c++20",
                           "-I" + std::string(UNAWAITED_TEST_INPUTS), "-c",
                           "src/router.cpp"}}}};
    std::string S;
    llvm::raw_string_ostream OS(S);
    OS << llvm::json::Value(std::move(Db));
    OS.flush();
    writeFile(Dir + "/build/compile_commands.json", S);
  }
  void TearDown() override { removeTree(Dir); }

  void fixTheBug() {
    std::string Src = BadSource;
    replaceAll(Src, "  dispatch(alert);", "  co_await dispatch(alert);");
    writeFile(Dir + "/src/router.cpp", Src);
  }
  /// PATH with the built `unawaited` first.
  static std::string path() {
    const char *P = getenv("PATH");
    return "PATH=" +
           llvm::sys::path::parent_path(UNAWAITED_CLI).str() + ":" +
           (P ? P : "/usr/bin:/bin");
  }

  std::string Dir;
};

TEST_F(Recipes, PreCommitHookRefusesACommitThatAddsAFinding) {
  if (!llvm::sys::fs::can_execute("/usr/bin/git"))
    GTEST_SKIP() << "git not installed";
  std::string Hook = codeBlock("## A pre-commit hook", "sh");
  ASSERT_NE(Hook.find("exec unawaited"), std::string::npos) << Hook;
  auto Git = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(),
                {"/usr/bin/env", path(), "/usr/bin/git", "-c",
                 "user.name=t", "-c", "user.email=t@example.com"});
    return run(Args, Dir);
  };
  ASSERT_EQ(Git({"init", "-q"}).ExitCode, 0);
  writeFile(Dir + "/.git/hooks/pre-commit", Hook);
  llvm::sys::fs::setPermissions(Dir + "/.git/hooks/pre-commit",
                                llvm::sys::fs::all_read |
                                    llvm::sys::fs::all_exe |
                                    llvm::sys::fs::owner_write);
  ASSERT_EQ(Git({"add", "src/router.cpp"}).ExitCode, 0);
  RunResult Refused = Git({"commit", "-q", "-m", "bug"});
  EXPECT_NE(Refused.ExitCode, 0);
  // git runs hooks with their output on stderr.
  EXPECT_NE(Refused.Err.find("router.cpp:4:3: warning"), std::string::npos)
      << Refused.Out << Refused.Err;
  fixTheBug();
  ASSERT_EQ(Git({"add", "src/router.cpp"}).ExitCode, 0);
  RunResult Accepted = Git({"commit", "-q", "-m", "fixed"});
  EXPECT_EQ(Accepted.ExitCode, 0) << Accepted.Out << Accepted.Err;

  // A commit of only a header, which no compile command lists: checked
  // too, through the command inferred for it.
  writeFile(Dir + "/src/relay.h", "#pragma once\n"
                                  "#include \"task.h\"\n"
                                  "demo::Task<> dispatch(int alert);\n"
                                  "inline demo::Task<> relay(int alert) {\n"
                                  "  dispatch(alert);\n"
                                  "  co_return;\n"
                                  "}\n");
  ASSERT_EQ(Git({"add", "src/relay.h"}).ExitCode, 0);
  RunResult HeaderRefused = Git({"commit", "-q", "-m", "header bug"});
  EXPECT_NE(HeaderRefused.ExitCode, 0);
  EXPECT_NE(HeaderRefused.Err.find("relay.h:5:3: warning"), std::string::npos)
      << HeaderRefused.Out << HeaderRefused.Err;
  writeFile(Dir + "/src/relay.h", "#pragma once\n"
                                  "#include \"task.h\"\n"
                                  "demo::Task<> dispatch(int alert);\n"
                                  "inline demo::Task<> relay(int alert) {\n"
                                  "  co_await dispatch(alert);\n"
                                  "}\n");
  ASSERT_EQ(Git({"add", "src/relay.h"}).ExitCode, 0);
  RunResult HeaderAccepted = Git({"commit", "-q", "-m", "header"});
  EXPECT_EQ(HeaderAccepted.ExitCode, 0)
      << HeaderAccepted.Out << HeaderAccepted.Err;
}

// The pull-request step reports only the findings on the lines the branch
// changed, against the merge base; the CI jobs run the same commands.
TEST_F(Recipes, PullRequestStepReportsOnlyTheChangedLines) {
  if (!llvm::sys::fs::can_execute("/usr/bin/git"))
    GTEST_SKIP() << "git not installed";
  std::string Step = codeBlock("## Pull requests: changed lines only", "sh");
  ASSERT_NE(Step.find("--diff=\"$base\""), std::string::npos) << Step;
  for (const char *Heading : {"### GitHub Actions", "### GitLab CI"}) {
    std::string Yaml = codeBlock(Heading, "yaml");
    EXPECT_NE(Yaml.find("base=$(git merge-base \"origin/"), std::string::npos)
        << Heading << "\n"
        << Yaml;
    EXPECT_NE(Yaml.find("unawaited -p build --progress=never --verbose "
                        "--diff=\"$base\""),
              std::string::npos)
        << Heading;
    // The directory the CI caches is the CLI's default one.
    EXPECT_NE(Yaml.find("build/.cache/unawaited"), std::string::npos)
        << Heading;
  }
  auto Git = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"/usr/bin/git", "-c", "user.name=t", "-c",
                               "user.email=t@example.com"});
    RunResult R = run(Args, Dir);
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
  };
  writeFile(Dir + "/.gitignore", "build/\n");
  Git({"init", "-q"});
  Git({"add", "."});
  Git({"commit", "-q", "-m", "base"});
  Git({"branch", "-M", "main"});
  Git({"update-ref", "refs/remotes/origin/main", "HEAD"});
  // The base branch's run fills the cache.
  EXPECT_EQ(
      run({UNAWAITED_CLI, "-p", "build", "--progress=never"}, Dir).ExitCode, 1);
  Git({"checkout", "-q", "-b", "feature"});
  std::string Added = "demo::Task<> again(int alert) {\n"
                      "  dispatch(alert);\n"
                      "  co_return;\n"
                      "}\n";
  writeFile(Dir + "/src/router.cpp", BadSource + Added);
  Git({"commit", "-q", "-am", "again"});
  auto RunStep = [&] {
    return run(
        {"/usr/bin/env", path(), "BASE_BRANCH=main", "/bin/sh", "-c", Step},
        Dir);
  };
  RunResult New = RunStep();
  EXPECT_EQ(New.ExitCode, 1) << New.Out << New.Err;
  EXPECT_NE(New.Out.find("router.cpp:8:3: warning"), std::string::npos)
      << New.Out;
  EXPECT_EQ(New.Out.find("router.cpp:4:3"), std::string::npos) << New.Out;
  // Fixing what the branch added passes, the older finding untouched.
  replaceAll(Added, "  dispatch(alert);", "  co_await dispatch(alert);");
  writeFile(Dir + "/src/router.cpp", BadSource + Added);
  Git({"commit", "-q", "-am", "fixed"});
  RunResult Fixed = RunStep();
  EXPECT_EQ(Fixed.ExitCode, 0) << Fixed.Out << Fixed.Err;
}

TEST_F(Recipes, RunClangTidyWithTheModuleFailsOnFindings) {
  std::string Cmd = codeBlock("## run-clang-tidy-19", "sh");
  ASSERT_NE(Cmd.find("run-clang-tidy-19"), std::string::npos) << Cmd;
  replaceAll(Cmd, "/opt/unawaited/lib/unawaited/unawaited-tidy.so",
             UNAWAITED_TIDY_PLUGIN);
  // Only clang-tidy-19 is on a fresh machine's PATH; the recipe must say so.
  RunResult Bad = run({"/bin/sh", "-c", Cmd}, Dir);
  EXPECT_NE(Bad.ExitCode, 0) << Bad.Out << Bad.Err;
  EXPECT_NE(Bad.Out.find("router.cpp:4:3: error: 'dispatch' returns a lazy"),
            std::string::npos)
      << Bad.Out << Bad.Err;
  EXPECT_NE(Bad.Out.find("[coro-discarded-task,-warnings-as-errors]"),
            std::string::npos)
      << Bad.Out;
  fixTheBug();
  RunResult Good = run({"/bin/sh", "-c", Cmd}, Dir);
  EXPECT_EQ(Good.ExitCode, 0) << Good.Out << Good.Err;
}

// The GitLab job's jq program turns the JSON report into a Code Quality
// report whose fingerprints survive unrelated line shifts.
TEST_F(Recipes, GitlabCodeQualityConversion) {
  if (!llvm::sys::fs::can_execute("/usr/bin/jq"))
    GTEST_SKIP() << "jq not installed";
  std::string Yaml = codeBlock("## GitLab CI", "yaml");
  size_t Jq = Yaml.find("jq --arg");
  size_t End = Yaml.find("gl-code-quality-report.json", Jq);
  ASSERT_NE(Jq, std::string::npos) << Yaml;
  ASSERT_NE(End, std::string::npos) << Yaml;
  // A folded (>) YAML scalar: the lines join with spaces.
  std::string Cmd;
  for (char C : Yaml.substr(Jq, End + 27 - Jq))
    Cmd += C == '\n' ? ' ' : C;
  auto Report = [&]() {
    RunResult U = run({UNAWAITED_CLI, "-p", "build", "--progress=never",
                       "--format=json", "-o", "unawaited.json"},
                      Dir);
    EXPECT_EQ(U.ExitCode, 1) << U.Err;
    RunResult J = run({"/usr/bin/env", "CI_PROJECT_DIR=" + Dir, "/bin/sh",
                       "-c", Cmd},
                      Dir);
    EXPECT_EQ(J.ExitCode, 0) << Cmd << "\n" << J.Err;
    auto V = llvm::json::parse(readFile(Dir + "/gl-code-quality-report.json"));
    EXPECT_TRUE(bool(V));
    return V ? *V : llvm::json::Value(nullptr);
  };
  llvm::json::Value First = Report();
  const llvm::json::Array *A = First.getAsArray();
  ASSERT_TRUE(A && A->size() == 1);
  const llvm::json::Object *Issue = (*A)[0].getAsObject();
  EXPECT_EQ(*Issue->getString("check_name"), "coro-discarded-task");
  EXPECT_EQ(*Issue->getObject("location")->getString("path"), "src/router.cpp");
  EXPECT_EQ(*Issue->getObject("location")->getObject("lines")->getInteger(
                "begin"),
            4);
  std::string Fingerprint = Issue->getString("fingerprint")->str();
  writeFile(Dir + "/src/router.cpp", "// a new first line\n" +
                                         readFile(Dir + "/src/router.cpp"));
  llvm::json::Value Second = Report();
  ASSERT_TRUE(Second.getAsArray() && Second.getAsArray()->size() == 1);
  EXPECT_EQ(*(*Second.getAsArray())[0].getAsObject()->getString("fingerprint"),
            Fingerprint);
}

} // namespace
