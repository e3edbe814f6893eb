//===- FrontEndsTest.cpp - The clang-tidy module and the plugin, for real -===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "gtest/gtest.h"
#include <sstream>

using namespace unawaited::test;

namespace {

const char *const Source = R"cpp(#include "task.h"
demo::Task<int> fetch();
demo::Task<> handler() {
  fetch();
  co_return;
}
void plain() { fetch(); }
)cpp";

class FrontEnds : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    writeFile(Dir + "/f.cpp", Source);
  }
  void TearDown() override { removeTree(Dir); }
  std::string Dir;
  std::string Inc = "-I" + std::string(UNAWAITED_TEST_INPUTS);
  std::string Load = "-load=" + std::string(UNAWAITED_TIDY_PLUGIN);
};

TEST_F(FrontEnds, TidyListsTheChecks) {
  RunResult R = run({UNAWAITED_CLANG_TIDY, Load, "-checks=-*,coro-*",
                     "--list-checks"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  for (const char *C : {"coro-discarded-task", "coro-discarded-eager-task",
                        "coro-unawaited-variable", "coro-unawaited-member"})
    EXPECT_NE(R.Out.find(C), std::string::npos) << C;
}

TEST_F(FrontEnds, TidyReportsBothBugs) {
  RunResult R = run({UNAWAITED_CLANG_TIDY, Load, "-checks=-*,coro-*", "f.cpp",
                     "--", "-std=c++20", Inc},
                    Dir);
  std::vector<Actual> Got = parseClangOutput(R.Out, "f.cpp");
  EXPECT_EQ(compare({{"warning", 4, "[coro-discarded-task]"},
                     {"warning", 7, "[coro-discarded-task]"},
                     {"note", 7, "'plain' is not a coroutine"}},
                    Got),
            "")
      << R.Out << R.Err;
}

// The eager check's alternatives are note fixes (clang-tidy --fix-notes
// applies the first). Under an operator they must be parenthesised to
// compile: `co_await (a | 1)`, `(void)(a | 1)`.
TEST_F(FrontEnds, TidyNoteFixesKeepPrecedence) {
  writeFile(Dir + "/e.cpp", R"cpp(#include "task.h"
demo::Eager<> es();
demo::Eager<> operator|(demo::Eager<> a, int) { return a; }
void plain() { es() | 1; }
demo::Task<> coro() {
  es() | 2;
  co_return;
}
)cpp");
  RunResult R = run({UNAWAITED_CLANG_TIDY, Load, "-checks=-*,coro-*",
                     "--fix-notes", "e.cpp", "--", "-std=c++20", Inc},
                    Dir);
  std::string Fixed = readFile(Dir + "/e.cpp");
  // One alternative in plain(): applied. Two in coro(): clang-tidy applies
  // neither, so the file still compiles.
  EXPECT_NE(Fixed.find("(void)(es() | 1);"), std::string::npos) << Fixed;
  RunResult C = run(
      {UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only", Inc, "e.cpp"}, Dir);
  EXPECT_EQ(C.ExitCode, 0) << C.Err << Fixed;
  // The co_await alternative, as the JSON report carries it.
  RunResult J = run({UNAWAITED_CLI, "--progress=never", "--format=json",
                     "e.cpp", "--", "-std=c++20", Inc},
                    Dir);
  EXPECT_NE(J.Out.find("\"co_await (\""), std::string::npos) << J.Out;
}

// --dump-config shows every option, and feeding it back changes nothing.
TEST_F(FrontEnds, TidyDumpConfigRoundTrips) {
  writeFile(Dir + "/.clang-tidy",
            "Checks: '-*,coro-*'\nCheckOptions:\n"
            "  coro-discarded-task.TaskTypes: 'mylib::Job;other::Task'\n"
            "  coro-discarded-task.AllowCastToVoid: 'true'\n"
            "  coro-discarded-task.SyncWaitFunction: 'demo::sync_wait'\n");
  RunResult First = run({UNAWAITED_CLANG_TIDY, Load, "--dump-config", "f.cpp",
                         "--", "-std=c++20"},
                        Dir);
  ASSERT_EQ(First.ExitCode, 0) << First.Err;
  for (const char *Key :
       {"TaskTypes", "FireAndForgetTypes", "IgnoredFunctions",
        "ConsumingMethods", "SyncWaitFunction", "AllowCastToVoid", "Profiles"})
    EXPECT_NE(First.Out.find(std::string("coro-discarded-task.") + Key),
              std::string::npos)
        << Key;
  EXPECT_NE(First.Out.find("mylib::Job;other::Task"), std::string::npos);
  writeFile(Dir + "/.clang-tidy", First.Out);
  RunResult Second = run({UNAWAITED_CLANG_TIDY, Load, "--dump-config", "f.cpp",
                          "--", "-std=c++20"},
                         Dir);
  // clang-tidy itself re-prepends its default Checks; our options must not
  // change at all.
  auto Ours = [](const std::string &Out) {
    std::string Lines;
    std::istringstream In(Out);
    for (std::string L; std::getline(In, L);)
      if (L.find("  coro-") == 0)
        Lines += L + "\n";
    return Lines;
  };
  EXPECT_FALSE(Ours(First.Out).empty());
  EXPECT_EQ(Ours(First.Out), Ours(Second.Out));
}

TEST_F(FrontEnds, PluginWarnsAndWerrorMakesItAnError) {
  std::string Plugin = "-fplugin=" + std::string(UNAWAITED_PLUGIN);
  RunResult R = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only", Plugin,
                     Inc, "f.cpp"},
                    Dir);
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(compare({{"warning", 4, "[coro-discarded-task]"},
                     {"warning", 7, "[coro-discarded-task]"},
                     {"note", 7, "'plain' is not a coroutine"}},
                    parseClangOutput(R.Err, "f.cpp")),
            "")
      << R.Err;
  RunResult E = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only", Plugin,
                     Inc, "-Werror", "f.cpp"},
                    Dir);
  EXPECT_NE(E.ExitCode, 0);
  EXPECT_NE(E.Err.find("error: 'fetch' returns a lazy coroutine task"),
            std::string::npos)
      << E.Err;
}

TEST_F(FrontEnds, PluginWorksWhenCompilingToObjects) {
  RunResult R = run({UNAWAITED_CLANGXX, "-std=c++20", "-c",
                     "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp",
                     "-o", "f.o"},
                    Dir);
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Err.find("[coro-discarded-task]"), std::string::npos);
}

TEST_F(FrontEnds, PluginRejectsUnknownArguments) {
  RunResult R = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
                     "-fplugin=" + std::string(UNAWAITED_PLUGIN),
                     "-fplugin-arg-unawaited-chekcs=x", Inc, "f.cpp"},
                    Dir);
  EXPECT_NE(R.ExitCode, 0);
  EXPECT_NE(R.Err.find("unknown plugin argument 'chekcs=x'"), std::string::npos)
      << R.Err;
}

TEST_F(FrontEnds, PluginHonoursClangTidyConfigAndNolint) {
  writeFile(Dir + "/.clang-tidy",
            "Checks: '-*,bugprone-*,-coro-discarded-task'\n");
  RunResult R = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
                     "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp"},
                    Dir);
  EXPECT_EQ(R.Err.find("coro-discarded-task"), std::string::npos) << R.Err;
  writeFile(Dir + "/.clang-tidy", "{Checks: '-*,bugprone-*', CheckOptions: "
                                  "{IgnoredFunctions: 'fetch'}}\n");
  R = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
           "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp"},
          Dir);
  EXPECT_EQ(R.Err.find("coro-discarded-task"), std::string::npos) << R.Err;
  writeFile(Dir + "/.clang-tidy", "Checks: [ unterminated\n");
  R = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
           "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp"},
          Dir);
  EXPECT_NE(R.ExitCode, 0);
  EXPECT_NE(R.Err.find("invalid configuration"), std::string::npos) << R.Err;
}

// A malformed .clang-tidy is named with the place of its first problem, in
// the same words by the plugin and the CLI.
TEST_F(FrontEnds, PluginAndCliNameWhereTheConfigurationIsMalformed) {
  writeFile(Dir + "/.clang-tidy", "Checks: '-*'\nCheckOptions: [\n");
  std::string Says = "invalid configuration in " + Dir + "/.clang-tidy:2:16: ";
  RunResult P = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
                     "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp"},
                    Dir);
  EXPECT_NE(P.ExitCode, 0);
  EXPECT_NE(P.Err.find("error: unawaited: " + Says), std::string::npos)
      << P.Err;
  RunResult C =
      run({UNAWAITED_CLI, "--progress=never", "f.cpp", "--", "-std=c++20", Inc},
          Dir);
  EXPECT_EQ(C.ExitCode, 2);
  EXPECT_EQ(C.Err.rfind("unawaited: error: " + Says, 0), 0u) << C.Err;
}

// Option values the checks cannot use are warned about once: once per
// translation unit by the plugin (not once per check), once per run by
// clang-tidy -load (not once per check and file).
TEST_F(FrontEnds, InvalidOptionValuesAreWarnedOnce) {
  writeFile(Dir + "/.clang-tidy", "CheckOptions:\n  AllowCastToVoid: maybe\n"
                                  "  Profiles: 'nosuch'\n");
  writeFile(Dir + "/g.cpp", Source);
  auto Count = [](const std::string &S, const std::string &Needle) {
    size_t N = 0;
    for (size_t At = S.find(Needle); At != std::string::npos;
         At = S.find(Needle, At + 1))
      ++N;
    return N;
  };
  RunResult P = run({UNAWAITED_CLANGXX, "-std=c++20", "-fsyntax-only",
                     "-fplugin=" + std::string(UNAWAITED_PLUGIN), Inc, "f.cpp"},
                    Dir);
  EXPECT_EQ(P.ExitCode, 0) << P.Err;
  EXPECT_EQ(Count(P.Err, "warning: unawaited: invalid value 'maybe' for "
                         "option 'AllowCastToVoid' (expected true or false); "
                         "using false\n"),
            1u)
      << P.Err;
  EXPECT_EQ(Count(P.Err, "warning: unawaited: unknown profile 'nosuch' in "
                         "option 'Profiles'"),
            1u)
      << P.Err;
  RunResult T = run({UNAWAITED_CLANG_TIDY, Load, "-checks=-*,coro-*", "f.cpp",
                     "g.cpp", "--", "-std=c++20", Inc},
                    Dir);
  std::string All = T.Out + T.Err;
  EXPECT_EQ(Count(All, "invalid value 'maybe' for option 'AllowCastToVoid'"),
            1u)
      << All;
  EXPECT_EQ(Count(All, "unknown profile 'nosuch' in option 'Profiles'"), 1u)
      << All;
}

} // namespace
