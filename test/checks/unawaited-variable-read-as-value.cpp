// CHECKS: coro-unawaited-variable
// A stored task read as if it were the value it will produce: a generic
// logger, a stream, a formatter. The finding says the task is never awaited;
// a note points at the read that mistakes it for the result.
#include "task.h"
#include <utility>
using demo::Task;

struct Status {
  int code = 0;
};
Task<Status> fetch_db_status();
Task<int> fetch();

// A generic sink accepts anything.
template <class T> void log(const char *, const T &) {}
template <class... Ts> void log_all(const Ts &...) {}

// A stream that prints whatever it is given.
struct Stream {};
template <class T> Stream &operator<<(Stream &s, const T &) { return s; }
Stream &out();

// The seed scenario: the status is logged, the query never runs.
void check_connection() {
  auto status = fetch_db_status(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<Status>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log("db status", status); // expected-note {{'status' is used here as if it were the awaited result}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

// Streamed: the note is at the first read only.
void streamed() {
  auto n = fetch(); // expected-warning {{variable 'n' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  out() << "n = " << n; // expected-note {{'n' is used here as if it were the awaited result}}
  log("n", n);
} // expected-note {{'n' is destroyed at the end of its scope without being awaited}}

// In a pack of a variadic formatter.
void formatted() {
  auto n = fetch(); // expected-warning {{variable 'n' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log_all("n", 1, n); // expected-note {{'n' is used here as if it were the awaited result}}
} // expected-note {{'n' is destroyed at the end of its scope without being awaited}}

// A parameter that names the task type reads the task as a task: no note.
void inspect(const Task<int> &);
void inspected() {
  auto n = fetch(); // expected-warning {{variable 'n' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  inspect(n);
} // expected-note {{'n' is destroyed at the end of its scope without being awaited}}

// Negative: logged and then awaited is no finding at all.
Task<> logged_then_awaited() {
  auto n = fetch();
  log("pending", n);
  co_await std::move(n);
}

// Negative: a generic helper forwarding its own parameter is not a reader
// mistaking a task for a value (it is reported as a dropped parameter).
template <class T> void forward_to_log(T t) { // expected-warning {{parameter 't' holds a lazy coroutine task 'T' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log("t", t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
void use_forward() { forward_to_log(fetch()); }
