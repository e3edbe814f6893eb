// CHECKS: coro-discarded-task,coro-discarded-eager-task
// Awaitability decided by constraints: a task template whose awaiting
// members are removed by a requires-clause for some template arguments.
// Where they are removed, an eager type is fire-and-forget (never
// reported); where they are not, it is an eager task (reported); a lazy
// one is a generator-like type that cannot be awaited.
#include <coroutine>

template <bool Awaitable> struct BasicTask {
  struct promise_type {
    BasicTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept requires Awaitable { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept requires(Awaitable) {}
  void await_resume() noexcept requires Awaitable {}
};
using awaitable_task = BasicTask<true>;
using fire_and_forget = BasicTask<false>;

// The same with operator co_await, on a base a derived type inherits.
struct Ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
template <class T, bool Detached> struct TaskBase {
  Ready operator co_await() const noexcept requires(!Detached) { return {}; }
};
struct Fire : TaskBase<int, true> {
  struct promise_type {
    Fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct Job : TaskBase<int, false> {
  struct promise_type {
    Job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

fire_and_forget detached_work() { co_return; }
awaitable_task awaited_work() { co_return; }
Fire fire() { co_return; }
Job job() { co_return; }

void caller() {
  detached_work(); // fire-and-forget: its awaiting members are removed
  fire();          // likewise, through its base's operator co_await
  awaited_work(); // expected-warning {{'awaited_work' returns an eager coroutine task 'awaitable_task' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
  job(); // expected-warning {{'job' returns an eager coroutine task 'Job' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
}
