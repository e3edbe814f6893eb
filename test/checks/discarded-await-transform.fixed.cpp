// CHECKS: coro-discarded-task
// ARGS: -Wno-unused-result
// Types awaitable only through the caller promise's await_transform. The
// fix is offered on evidence: an overload naming the type, a template
// already instantiated for it, or an unconstrained catch-all of the task's
// own library (folly, unifex). A constrained template cannot be evaluated
// without Sema: a note, no fix. Another library's promise: it cannot.
#include "mock/folly.h"
#include "mock/unifex.h"
#include "task.h"
#include <concepts>
#include <coroutine>

folly::coro::Task<int> load();
unifex::task<int> compute();

folly::coro::Task<void> folly_caller() {
  co_await load(); // expected-warning {{'load' returns a lazy coroutine task 'folly::coro::Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return;
}

unifex::task<int> unifex_caller() {
  co_await compute(); // expected-warning {{'compute' returns a lazy coroutine task 'unifex::task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return 1;
}

// A folly task in another library's coroutine.
demo::Task<> foreign() {
  load(); // expected-warning {{'load' returns a lazy coroutine task}} expected-note {{the enclosing coroutine's promise 'demo::Task<>::promise_type' cannot await 'folly::coro::Task<int>'; run it with its own library}}
  co_return;
}

// A library whose promise takes only some types, by a constraint.
namespace gated {
template <class P> struct Lazy {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
struct Task { // a lazy task with no operator co_await of its own
  struct promise_type : Lazy<promise_type> {
    Task get_return_object() { return {}; }
  };
};
struct Job {
  struct promise_type : Lazy<promise_type> {
    Job get_return_object() { return {}; }
    template <class T>
      requires std::same_as<std::remove_cvref_t<T>, Task>
    std::suspend_never await_transform(T &&) { return {}; }
  };
};
Task start();
} // namespace gated

gated::Job gated_caller() {
  gated::start(); // expected-warning {{'start' returns a lazy coroutine task 'Task' that is never awaited}} expected-note {{co_await it if the enclosing coroutine's promise 'gated::Job::promise_type' accepts 'Task' (its await_transform is constrained; no fix is offered)}}
  co_return;
}
