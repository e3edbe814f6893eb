//===- OptionsTest.cpp - Options read what store wrote --------------------===//
#include "unawaited/Options.h"
#include "llvm/ADT/StringMap.h"
#include "gtest/gtest.h"

using namespace unawaited;

TEST(Options, DefaultsWhenAbsent) {
  Options O = Options::read([](llvm::StringRef) { return std::nullopt; });
  EXPECT_FALSE(O.AllowCastToVoid);
  EXPECT_FALSE(O.IncludeGeneratedCode);
  EXPECT_EQ(O.Profiles, std::vector<std::string>{"all"});
  EXPECT_TRUE(O.TaskTypes.empty());
}

TEST(Options, StoreThenReadRoundTrips) {
  Options O;
  O.TaskTypes = {"a::Task", "b::Job"};
  O.FireAndForgetTypes = {"x::detached"};
  O.IgnoredFunctions = {"spawn"};
  O.ConsumingMethods = {"start", "detach"};
  O.SyncWaitFunction = "cppcoro::sync_wait";
  O.AllowCastToVoid = true;
  O.Profiles = {"asio", "qcoro"};
  O.IncludeGeneratedCode = true;
  llvm::StringMap<std::string> Map;
  O.store([&](llvm::StringRef K, llvm::StringRef V) { Map[K] = V.str(); });
  EXPECT_EQ(Map.size(), 8u);
  Options R = Options::read([&](llvm::StringRef K) -> std::optional<std::string> {
    auto It = Map.find(K);
    if (It == Map.end())
      return std::nullopt;
    return It->getValue();
  });
  EXPECT_EQ(R.TaskTypes, O.TaskTypes);
  EXPECT_EQ(R.FireAndForgetTypes, O.FireAndForgetTypes);
  EXPECT_EQ(R.IgnoredFunctions, O.IgnoredFunctions);
  EXPECT_EQ(R.ConsumingMethods, O.ConsumingMethods);
  EXPECT_EQ(R.SyncWaitFunction, O.SyncWaitFunction);
  EXPECT_EQ(R.AllowCastToVoid, O.AllowCastToVoid);
  EXPECT_EQ(R.Profiles, O.Profiles);
  EXPECT_EQ(R.IncludeGeneratedCode, O.IncludeGeneratedCode);
}

TEST(Options, ListsSplitOnSemicolonsOnly) {
  EXPECT_EQ(parseList(" a::T ; b{1,3} ;; "),
            (std::vector<std::string>{"a::T", "b{1,3}"}));
  EXPECT_TRUE(parseList("").empty());
}

TEST(Options, ProblemsNameWhatReadIgnores) {
  llvm::StringMap<std::string> Map = {{"AllowCastToVoid", "maybe"},
                                      {"IncludeGeneratedCode", "TRUE"},
                                      {"Profiles", "asio; nosuch ;none"}};
  auto Get = [&](llvm::StringRef K) -> std::optional<std::string> {
    auto It = Map.find(K);
    if (It == Map.end())
      return std::nullopt;
    return It->getValue();
  };
  std::vector<std::string> P = Options::problems(Get);
  ASSERT_EQ(P.size(), 2u);
  EXPECT_EQ(P[0], "invalid value 'maybe' for option 'AllowCastToVoid' "
                  "(expected true or false); using false");
  EXPECT_EQ(P[1].rfind("unknown profile 'nosuch' in option 'Profiles'; "
                       "known profiles: all;none;asio;",
                       0),
            0u)
      << P[1];
  // Every value read() understands is no problem.
  Map = {{"AllowCastToVoid", "1"},
         {"IncludeGeneratedCode", "false"},
         {"Profiles", "all"}};
  EXPECT_TRUE(Options::problems(Get).empty());
}
