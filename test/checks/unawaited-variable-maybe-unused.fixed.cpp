// CHECKS: coro-unawaited-variable
// [[maybe_unused]] silences the compiler's unused-variable warning, not this
// check: a lazy task in such a variable still never runs. For an eager task
// the work runs anyway, so [[maybe_unused]] is an acknowledged discard, like
// (void) on a discarded eager call.
#include "task.h"
#include <utility>
using demo::Eager;
using demo::MustUse;
using demo::SleepAwaiter;
using demo::Task;

Task<int> fetch();
Task<> send(int);
Eager<int> eager();
MustUse<int> must_use();
SleepAwaiter nap();

Task<> lazy_maybe_unused() {
  [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_await send(1);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

void lazy_maybe_unused_plain() {
  [[maybe_unused]] Task<int> t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> awaitable_maybe_unused() {
  [[maybe_unused]] auto a = nap(); // expected-warning {{variable 'a' holds a lazy awaitable 'SleepAwaiter' that is never awaited; the operation will never start [coro-unawaited-variable]}}
  co_await send(2);
} // expected-note {{'a' is destroyed at the end of its scope without being awaited}}

// The attribute does not change the fate of a task that is awaited on some
// paths only.
Task<> lazy_maybe_unused_partial(bool c) {
  [[maybe_unused]] auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_await std::move(t);
}

//===-- Negative ------------------------------------------------------===//

Task<> eager_maybe_unused() {
  [[maybe_unused]] auto e = eager();
  [[maybe_unused]] auto m = must_use();
  co_await send(3);
}

void eager_maybe_unused_plain() {
  [[maybe_unused]] Eager<int> e = eager();
}

Task<> lazy_maybe_unused_awaited() {
  [[maybe_unused]] auto t = fetch();
  co_await std::move(t);
}

// Without the attribute an eager task is reported.
Task<> eager_without_attribute() {
  [[maybe_unused]] auto e = co_await eager(); // expected-warning {{variable 'e' holds an eager coroutine task 'Eager<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  co_await send(4);
} // expected-note {{'e' is destroyed at the end of its scope without being awaited}}
