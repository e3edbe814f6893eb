//===- CheckGlobTest.cpp --------------------------------------------------===//
#include "unawaited/CheckGlob.h"
#include "gtest/gtest.h"

using namespace unawaited;

TEST(CheckGlob, LastMatchWins) {
  EXPECT_TRUE(globEnables("-*,coro-*", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("coro-*,-coro-discarded-task", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("bugprone-*", "coro-discarded-task"));
}

TEST(CheckGlob, Wildcards) {
  EXPECT_TRUE(globEnables("*", "coro-discarded-task"));
  EXPECT_TRUE(globEnables("coro-*-task", "coro-discarded-eager-task"));
  EXPECT_TRUE(globEnables("*discarded*task*", "coro-discarded-task"));
  EXPECT_TRUE(globEnables("coro-**discarded-task", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("coro-*-task", "coro-unawaited-variable"));
  EXPECT_FALSE(globEnables("coro-discarded", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("*-eager", "coro-discarded-eager-task"));
}

// Found by the nolint fuzz target: a NOLINT(...) glob with many '*' that
// does not match took exponential time (this one: centuries).
TEST(CheckGlob, ManyStarsAreLinear) {
  std::string Glob = "coro-" + std::string(60, '*') + "x";
  EXPECT_FALSE(globEnables(Glob, "coro-discarded-eager-task"));
  EXPECT_TRUE(globEnables(Glob + "*", "coro-discarded-xtask"));
}

TEST(CheckGlob, ProjectConfigCannotDisableUsByAccident) {
  // A .clang-tidy written for plain clang-tidy keeps our checks on...
  EnabledChecks A = checksFromGlob("-*,bugprone-*");
  EXPECT_TRUE(A.DiscardedTask && A.DiscardedEagerTask && A.UnawaitedVariable);
  // ...while a glob naming one of ours applies whole, as in clang-tidy.
  EnabledChecks B = checksFromGlob("coro-*,-coro-discarded-eager-task");
  EXPECT_TRUE(B.DiscardedTask);
  EXPECT_FALSE(B.DiscardedEagerTask);
  EnabledChecks D = checksFromGlob("-*,coro-discarded-task");
  EXPECT_TRUE(D.DiscardedTask);
  EXPECT_FALSE(D.DiscardedEagerTask || D.UnawaitedVariable);
  EnabledChecks C = checksFromGlob("-coro-*,coro-unawaited-variable");
  EXPECT_FALSE(C.DiscardedTask);
  EXPECT_TRUE(C.UnawaitedVariable);
}

TEST(CheckGlob, OnlyGlobsNamingUsApply) {
  EXPECT_EQ(coroEntries("-*, bugprone-*,-coro-discarded-task ,coro-*"),
            "-*,bugprone-*,-coro-discarded-task,coro-*");
  EXPECT_EQ(coroEntries("-*,bugprone-*"), "");
}
