// CHECKS: coro-unawaited-variable
// Where the `co_await ` fix needs parentheses, and where it must not be
// offered because a later use needs the task type.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<int> fetch_backup();
// A combinator spelled as an operator, like asio's awaitable operators.
Task<int> operator||(Task<int>, Task<int>);
template <class T> void log(const char *, const T &) {}
template <class... Args> void log_all(const Args &...) {}
template <class T> void trace(const Task<T> &) {}

// `co_await a || b` would await only a: the fix parenthesises.
Task<> either() {
  auto first = co_await (fetch() || fetch_backup()); // expected-warning {{variable 'first' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log("first", first); // expected-note {{'first' is used here as if it were the awaited result}}
  co_return; // expected-note {{'first' is destroyed by this 'co_return' without being awaited}}
}

// Deduced as any type (a pack too): awaiting keeps it compiling.
Task<> logged_in_a_pack() {
  auto status = co_await fetch(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log_all(1, status); // expected-note {{'status' is used here as if it were the awaited result}}
  co_return; // expected-note {{'status' is destroyed by this 'co_return' without being awaited}}
}

// trace() only takes a task: an int would not compile, so no fix.
Task<> traced() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  trace(t);
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}
