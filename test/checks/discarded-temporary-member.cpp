// CHECKS: coro-discarded-task
// ARGS: -Wno-unused-result
// A temporary lazy task used only to call a const member on it is destroyed
// at the end of the full expression: it never runs. Members that act on it
// (non-const, &&-qualified, consuming) or return another task hand it on.
#include "mock/cppcoro.h"
#include "task.h"
#include <coroutine>
#include <utility>

cppcoro::task<int> compute();
demo::Task<int> fetch();
demo::Eager<int> eager();

cppcoro::task<> polled() {
  if (compute().is_ready()) // expected-warning {{'compute' returns a lazy coroutine task 'cppcoro::task<int>' that is destroyed after calling 'is_ready' on it, without being awaited; its body will never run [coro-discarded-task]}}
    co_return;
  bool done = fetch().done(); // expected-warning {{'fetch' returns a lazy coroutine task 'demo::Task<int>' that is destroyed after calling 'done' on it, without being awaited}}
  (void)done;
}

// A task type whose members act on it.
struct Job {
  struct promise_type {
    Job get_return_object() {
      return Job(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  explicit Job(std::coroutine_handle<promise_type> h) : h(h) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
  void start() && { h.resume(); }
  bool poll() {
    h.resume();
    return h.done();
  }
  Job then() const { return Job(h); } // hands it on in a new task
  std::coroutine_handle<promise_type> h;
};
Job job();

cppcoro::task<> handed_on() {
  job().start();
  while (!job().poll()) {
  }
  co_await job().then();
  co_await compute().when_ready(); // consuming (cppcoro profile)
  if (eager().await_ready()) // eager: it runs anyway
    co_return;
}

// Unevaluated operands create no task.
using Polled = decltype(fetch().done());
static_assert(sizeof(fetch().done()) == sizeof(bool));
constexpr bool NoThrowPoll = noexcept(fetch().done());
template <class T>
concept Pollable = requires(T t) { fetch().done(); };
cppcoro::task<> unevaluated_only() {
  if constexpr (requires { fetch().done(); })
    co_await compute();
  decltype(fetch(), 0) n = 0;
  (void)n;
}

// A getter's copy of a stored shared task: the stored one lives on.
struct Cache {
  cppcoro::shared_task<int> current() const { return latest; }
  bool fresh() const { return current().is_ready(); }
  cppcoro::shared_task<int> latest;
};
