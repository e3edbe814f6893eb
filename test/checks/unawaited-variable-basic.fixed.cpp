// CHECKS: coro-unawaited-variable
// A local variable that holds a task and is never consumed; the simplest
// consumers (co_await, co_await std::move, return) and a const read.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
template <class T> void log(const T &) {}

// Never awaited inside a coroutine: the fix awaits it at the declaration.
Task<> never_awaited() {
  [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// Falls off the end of the coroutine body.
Task<> never_awaited_end() {
  co_await send(1);
  [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// The motivating bug: a plain function stores the task, a generic sink logs
// the task object, and the query never runs. No co_await fix outside a
// coroutine.
void check_connection() {
  auto status = fetch(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log(status); // expected-note {{'status' is used here as if it were the awaited result}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

// The same in a coroutine: the fix awaits at the declaration and the generic
// sink then logs the value.
Task<> logged_in_coroutine() {
  auto status = co_await fetch(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log(status); // expected-note {{'status' is used here as if it were the awaited result}}
  co_return; // expected-note {{'status' is destroyed by this 'co_return' without being awaited}}
}

// Read through a parameter that names the task type: `auto t = co_await
// fetch();` would not compile (inspect(int)), so no fix.
void inspect(const Task<int> &);
Task<> inspected() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  inspect(t);
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// A const member read (done()) does not consume the task; it still holds a
// member use, so no fix either.
Task<> only_done() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  bool d = t.done();
  co_await send(d);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// Explicitly typed: no fix (the declared type would have to change).
Task<> explicit_type() {
  Task<int> t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// A void task: `auto t = co_await send(1);` would not compile, so no fix.
Task<> void_task() {
  auto t = send(1); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// A nested scope ends before the function does.
Task<> nested_scope() {
  {
    [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  } // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
  co_await send(2);
}

//===-- Negative: consumed --------------------------------------------===//

Task<> awaited_later() {
  auto t = fetch();
  co_await send(0);
  int v = co_await t;
  co_await send(v);
}

Task<> awaited_moved() {
  auto t = fetch();
  int v = co_await std::move(t);
  co_await send(v);
}

Task<> read_then_awaited() {
  auto t = fetch();
  log(t);
  bool d = t.done();
  co_await send(d);
  co_await std::move(t);
}

Task<int> returned() {
  auto t = fetch();
  return t;
}

Task<int> returned_moved() {
  Task<int> t = fetch();
  return std::move(t);
}

Task<int> co_returned() {
  auto t = fetch();
  co_return co_await std::move(t);
}

// Not a task at all: nothing to track.
int plain() {
  auto n = 3;
  return n;
}
