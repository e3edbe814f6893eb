//===- TypeClassifierTest.cpp - The type model, case by case --------------===//
#include "ClassifyHelper.h"
#include "gtest/gtest.h"

using namespace unawaited;
using namespace unawaited::test;

namespace {

const char *const Generic = R"cpp(
#include "task.h"
#include <coroutine>
using demo::Task;

// Awaiter whose await_ready is not a constant: treated as lazy.
struct MaybeReady {
  bool ready;
  bool await_ready() const noexcept { return ready; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct Dyn {
  struct promise_type {
    Dyn get_return_object() { return {}; }
    MaybeReady initial_suspend() noexcept { return {true}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};

// Eager through a custom awaiter whose await_ready is constexpr true.
struct Ready {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct CustomEager {
  struct promise_type {
    CustomEager get_return_object() { return {}; }
    Ready initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  auto operator co_await() { return std::suspend_never{}; }
};

// Promise through std::coroutine_traits, not a member promise_type.
struct TraitsTask { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
struct TraitsPromise {
  TraitsTask get_return_object() { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
template <typename... A> struct std::coroutine_traits<TraitsTask, A...> {
  using promise_type = TraitsPromise;
};

// Promise inherited from a base class template.
template <typename T> struct PromiseBase {
  std::suspend_always initial_suspend() noexcept { return {}; }
};
template <typename T> struct Derived {
  struct promise_type : PromiseBase<T> {};
  bool await_ready(); void await_suspend(std::coroutine_handle<>); T await_resume();
};

// Sugar: aliases, typedefs, member typedefs of templates.
using Alias = Task<int>;
typedef demo::Eager<int> EagerAlias;
template <typename T> struct Wrap { using type = T; };
struct Big { int a[100]; };

// Clang's attribute alone marks a coroutine type.
struct [[clang::coro_return_type]] Marked {};

// A value type made awaitable by an adapter elsewhere is not a task.
namespace other { struct Duration { int ms; }; }
namespace adapters { inline std::suspend_always operator co_await(other::Duration) { return {}; } }
// ...but its own library's free operator makes it an (eager) future.
namespace fut { struct Future { int v; }; inline std::suspend_never operator co_await(Future) { return {}; } }

Task<int> probe_lazy();
Task<> probe_lazy_void();
demo::Eager<int> probe_eager();
demo::MustUse<int> probe_eager_nodiscard();
demo::Detached probe_faf();
demo::SleepAwaiter probe_awaiter();
demo::Generator<int> probe_generator();
demo::unrelated::Task probe_unrelated_named_task();
Dyn probe_nonconstant_ready();
CustomEager probe_custom_eager();
TraitsTask probe_traits();
Derived<int> probe_inherited_promise();
Alias probe_alias();
EagerAlias probe_typedef();
typename Wrap<Task<int>>::type probe_member_typedef();
Task<Big> probe_uninstantiated();
Marked probe_attribute();
other::Duration probe_adapted_value();
fut::Future probe_own_free_operator();
int probe_int();
Task<int> &probe_reference();
const Task<int> probe_const();
)cpp";

class GenericTypes : public ::testing::Test {
protected:
  static void SetUpTestSuite() { P = new Probes(Generic); }
  static void TearDownTestSuite() { delete P; }
  static Probes *P;
};
Probes *GenericTypes::P = nullptr;

TEST_F(GenericTypes, ParsesCleanly) { EXPECT_FALSE(P->Errors); }

TEST_F(GenericTypes, Classification) {
  struct {
    const char *Fn;
    TaskKind Want;
  } Cases[] = {
      {"probe_lazy", TaskKind::LazyTask},
      {"probe_lazy_void", TaskKind::LazyTask},
      {"probe_eager", TaskKind::EagerTask},
      {"probe_eager_nodiscard", TaskKind::EagerTask},
      {"probe_faf", TaskKind::FireAndForget},
      {"probe_awaiter", TaskKind::LazyAwaitable},
      {"probe_generator", TaskKind::Generator},
      {"probe_unrelated_named_task", TaskKind::None},
      {"probe_nonconstant_ready", TaskKind::LazyTask},
      {"probe_custom_eager", TaskKind::EagerTask},
      {"probe_traits", TaskKind::LazyTask},
      {"probe_inherited_promise", TaskKind::LazyTask},
      {"probe_alias", TaskKind::LazyTask},
      {"probe_typedef", TaskKind::EagerTask},
      {"probe_member_typedef", TaskKind::LazyTask},
      {"probe_uninstantiated", TaskKind::LazyTask},
      {"probe_attribute", TaskKind::LazyTask},
      {"probe_adapted_value", TaskKind::None},
      {"probe_own_free_operator", TaskKind::EagerTask},
      {"probe_int", TaskKind::None},
      {"probe_reference", TaskKind::None},
      {"probe_const", TaskKind::LazyTask},
  };
  for (const auto &C : Cases) {
    ASSERT_TRUE(P->has(C.Fn)) << C.Fn;
    EXPECT_EQ(kindName(P->kind(C.Fn)), kindName(C.Want)) << C.Fn;
  }
}

TEST_F(GenericTypes, SupportingSignals) {
  EXPECT_TRUE(P->info("probe_eager_nodiscard").Nodiscard);
  EXPECT_FALSE(P->info("probe_eager").Nodiscard);
  EXPECT_TRUE(P->info("probe_lazy").IsCoroutineType);
  EXPECT_TRUE(P->info("probe_lazy").DirectlyAwaitable);
  EXPECT_FALSE(P->info("probe_awaiter").IsCoroutineType);
}

TEST(TypeOptions, TaskTypesAndFireAndForgetTypes) {
  Options O;
  O.TaskTypes = {"mylib::Job"};
  O.FireAndForgetTypes = {"Spawned"};
  Probes P(R"cpp(
    namespace mylib { struct Job {}; struct Spawned {}; }
    namespace other { struct Job {}; }
    #include "task.h"
    mylib::Job probe_job();
    other::Job probe_other_job();
    mylib::Spawned probe_spawned();
    demo::Task<int> probe_task();
  )cpp",
           {}, O);
  EXPECT_EQ(P.kind("probe_job"), TaskKind::LazyTask);
  EXPECT_EQ(P.kind("probe_other_job"), TaskKind::None);
  EXPECT_EQ(P.kind("probe_spawned"), TaskKind::FireAndForget);
  EXPECT_EQ(P.kind("probe_task"), TaskKind::LazyTask);
}

TEST(TypeOptions, ProfilesCanBeSwitchedOff) {
  const char *Code = R"cpp(
    namespace QCoro { template <typename T = void> struct Task {}; }
    QCoro::Task<> probe_qcoro();
  )cpp";
  Options On;
  EXPECT_EQ(Probes(Code, {}, On).kind("probe_qcoro"), TaskKind::EagerTask);
  Options Off;
  Off.Profiles = {"none"};
  EXPECT_EQ(Probes(Code, {}, Off).kind("probe_qcoro"), TaskKind::None);
  Options Other;
  Other.Profiles = {"asio", "cppcoro"};
  EXPECT_EQ(Probes(Code, {}, Other).kind("probe_qcoro"), TaskKind::None);
}

} // namespace
