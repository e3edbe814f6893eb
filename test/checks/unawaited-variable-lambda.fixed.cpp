// CHECKS: coro-unawaited-variable
// Coroutine lambdas are functions of their own: their locals are tracked in
// their body, and a capture by reference hands the task to the lambda.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
void run(Task<> t);

// The bug inside a coroutine lambda; the fix awaits at the declaration.
void lambda_never_awaits() {
  auto worker = []() -> Task<> {
    [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  };
  run(worker());
}

// Early exit inside a coroutine lambda.
void lambda_early_exit(bool c) {
  auto worker = [c]() -> Task<> {
    auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
    if (c)
      co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
    co_await send(co_await std::move(t));
  };
  run(worker());
}

// A generic coroutine lambda, instantiated once: reported once, and with no
// fix-it (its text is shared by every instantiation).
void generic_lambda() {
  auto worker = [](auto n) -> Task<> {
    auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
    co_await send(n);
  }; // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
  run(worker(1));
}

// A lambda inside a coroutine: the outer task is handled by the outer
// function, the inner one by the lambda.
Task<> nested() {
  [[maybe_unused]] auto outer = co_await fetch(); // expected-warning {{variable 'outer' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  auto inner = []() -> Task<> {
    auto t = fetch();
    co_await std::move(t);
  };
  co_await inner();
} // expected-note {{'outer' is destroyed at the end of its scope without being awaited}}

//===-- Negative ------------------------------------------------------===//

void lambda_awaits() {
  auto worker = []() -> Task<> {
    auto t = fetch();
    co_await send(co_await std::move(t));
  };
  run(worker());
}

// Captured by reference and awaited in the lambda.
Task<> captured_by_reference() {
  auto t = fetch();
  auto consume = [&t]() -> Task<> { co_await std::move(t); };
  co_await consume();
}

Task<> captured_by_default_reference() {
  auto t = fetch();
  auto consume = [&]() -> Task<> { co_await send(co_await t); };
  co_await consume();
}

// Moved into the lambda's init-capture, awaited there.
Task<> moved_into_capture() {
  auto t = fetch();
  auto consume = [t = std::move(t)]() mutable -> Task<> {
    co_await std::move(t);
  };
  co_await consume();
}

// A plain (non-coroutine) lambda that hands the task on.
void plain_lambda_hands_on() {
  auto t = fetch();
  auto give = [&] { return std::move(t); };
  Task<int> u = give();
  auto later = [u = std::move(u)]() mutable -> Task<> { co_await std::move(u); };
  run(later());
}
