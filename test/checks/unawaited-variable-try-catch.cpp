// CHECKS: coro-unawaited-variable
// A task awaited only inside a try block: any call before the await may
// throw, and a handler that returns (or falls through) then drops the task.
#include "task.h"
#include <stdexcept>
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
void prepare(); // may throw
void log_error();
void take(Task<int>);

// The await is the last thing in the try block; if prepare() throws, the
// handler's co_return destroys the task.
Task<> awaited_in_try_catch_returns() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    prepare();
    co_await std::move(t);
  } catch (const std::exception &) {
    log_error();
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  }
}

// The same with an earlier await in the try block that may throw.
Task<> awaited_after_other_await() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    co_await send(1);
    co_await std::move(t);
  } catch (...) {
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  }
}

// The handler falls through: the task dies at the end of its scope.
Task<> awaited_in_try_catch_falls_through() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    prepare();
    co_await std::move(t);
  } catch (...) {
    log_error();
  }
  co_await send(2);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A plain function: handed on inside the try only.
void plain_try_catch_returns() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    prepare();
    take(std::move(t));
  } catch (...) {
    return; // expected-note {{'t' is destroyed by this 'return' without being awaited}}
  }
}

// The handler rethrows: the task leaves its scope with the exception.
Task<> awaited_in_try_rethrows() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    prepare();
    co_await std::move(t);
  } catch (...) {
    log_error();
    throw; // expected-note {{'t' is destroyed when this 'throw' leaves its scope without being awaited}}
  }
}

// An explicit throw inside the try skips the await; the handler returns.
Task<> explicit_throw_in_try(bool bad) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    if (bad)
      throw std::runtime_error("bad");
    co_await std::move(t);
  } catch (const std::runtime_error &) {
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  }
}

//===-- Negative ------------------------------------------------------===//

// The await is the first thing in the try block: if it throws, the task was
// already handed to the await.
Task<> await_first_in_try() {
  auto t = fetch();
  try {
    co_await std::move(t);
    prepare();
  } catch (...) {
    co_return;
  }
}

// Awaited before the try block.
Task<> awaited_before_try() {
  auto t = fetch();
  co_await std::move(t);
  try {
    prepare();
  } catch (...) {
    co_return;
  }
}

// The handler does not leave: the await after the try runs on every path.
Task<> awaited_after_try() {
  auto t = fetch();
  try {
    prepare();
  } catch (...) {
    log_error();
  }
  co_await std::move(t);
}

// The task lives inside the try block and is awaited there; the handler
// cannot see it.
Task<> declared_in_try() {
  try {
    auto t = fetch();
    co_await std::move(t);
  } catch (...) {
    co_return;
  }
}

// Consumed on the exceptional path too: the handler hands it on.
void plain_handler_consumes() {
  auto t = fetch();
  try {
    prepare();
    take(std::move(t));
  } catch (...) {
    take(std::move(t));
  }
}

// Calls declared not to throw cannot reach the handler: noexcept
// functions, builtins, trivial copies.
int now() noexcept;
struct Clock {
  long ticks() const noexcept;
};
Task<int> timed(const Clock &clock) {
  auto t = fetch();
  try {
    int start = now();
    long when = clock.ticks();
    int copy = start;
    copy = __builtin_expect(copy, 0);
    (void)when;
    int v = co_await std::move(t);
    co_return v - copy;
  } catch (...) {
    co_return -1;
  }
}

// noexcept(false) is not a promise.
void may_throw() noexcept(false);
Task<int> explicitly_throwing() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    may_throw();
    co_return co_await std::move(t);
  } catch (...) {
    co_return -1; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  }
}
