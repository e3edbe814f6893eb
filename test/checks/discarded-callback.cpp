// Task-returning callables handed to callbacks that drop their result (std::function<void()>), and the accepted forms.
#include "task.h"
#include <functional>
using demo::Eager;
using demo::MustUse;
using demo::Task;

Task<int> fetch();
Task<> handler();
void post(std::function<void()> cb); // expected-note 3 {{parameter 'cb' of 'post' has type 'std::function<void ()>', which drops the task on every call}}
void post_eager(std::function<void()> slot); // expected-note {{parameter 'slot' of 'post_eager' has type 'std::function<void ()>', which drops the task on every call}}
void post_cref(const std::function<void()> &cb); // expected-note {{parameter 'cb' of 'post_cref'}}
void post_rref(std::function<void()> &&cb); // expected-note {{parameter 'cb' of 'post_rref'}}
void post_task(std::function<Task<>()> cb);
template <typename F> void post_any(F &&) {}

void callbacks() {
  post([]() -> Task<> { co_await fetch(); }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  post(handler); // expected-warning {{'handler' returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
  std::function<void()> stored = []() -> Task<int> { co_return 1; }; // expected-warning {{lambda returns a lazy coroutine task 'Task<int>' that 'std::function<void ()>' discards on every call}}
  // Eager and [[nodiscard]]: its author says it must not be dropped.
  post_eager([]() -> MustUse<> { co_return; }); // expected-warning {{lambda returns an eager coroutine task 'MustUse<>' that 'std::function<void ()>' discards on every call; its result and exceptions are lost [coro-discarded-eager-task]}}
  std::function<void()> must = []() -> MustUse<int> { co_return 1; }; // expected-warning {{lambda returns an eager coroutine task 'MustUse<int>' that 'std::function<void ()>' discards on every call}}
  post_cref([]() -> Task<> { co_return; }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
  post_rref([]() -> Task<> { co_return; }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
  // A lambda returning a lazy awaitable.
  post([] { return demo::sleep_for(1); }); // expected-warning {{lambda returns a lazy awaitable 'SleepAwaiter' that 'std::function<void ()>' discards on every call; the operation will never start}}
  stored();
  must();
}

// Callbacks that keep the task, accept any callable, or run an eager task (the Qt slot idiom): nothing to report.
void callbacks_ok() {
  post_task([]() -> Task<> { co_return; });
  post_any([]() -> Task<> { co_return; });
  post_eager([]() -> Eager<> { co_return; });
  post([]() -> Eager<int> { co_return 1; });
  post([] {});
  post([]() -> demo::Detached { co_return; });
  std::function<Task<>()> keep = handler;
  std::function<void()> plain = [] {};
  (void)keep;
  (void)plain;
}
