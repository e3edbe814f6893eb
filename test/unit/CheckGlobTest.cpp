//===- CheckGlobTest.cpp --------------------------------------------------===//
#include "unawaited/CheckGlob.h"
#include "gtest/gtest.h"

using namespace unawaited;

TEST(CheckGlob, LastMatchWins) {
  EXPECT_TRUE(globEnables("-*,coro-*", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("coro-*,-coro-discarded-task", "coro-discarded-task"));
  EXPECT_FALSE(globEnables("bugprone-*", "coro-discarded-task"));
}

TEST(CheckGlob, ProjectConfigCannotDisableUsByAccident) {
  // A .clang-tidy written for plain clang-tidy keeps our checks on...
  EnabledChecks A = checksFromGlob("-*,bugprone-*");
  EXPECT_TRUE(A.DiscardedTask && A.DiscardedEagerTask && A.UnawaitedVariable);
  // ...while naming one of ours switches it off.
  EnabledChecks B = checksFromGlob("-*,bugprone-*,-coro-discarded-eager-task");
  EXPECT_TRUE(B.DiscardedTask);
  EXPECT_FALSE(B.DiscardedEagerTask);
  EnabledChecks C = checksFromGlob("-coro-*,coro-unawaited-variable");
  EXPECT_FALSE(C.DiscardedTask);
  EXPECT_TRUE(C.UnawaitedVariable);
}

TEST(CheckGlob, CoroEntriesKeepsOnlyOurs) {
  EXPECT_EQ(coroEntries("-*, bugprone-*,-coro-discarded-task ,coro-*"),
            "-coro-discarded-task,coro-*");
}
