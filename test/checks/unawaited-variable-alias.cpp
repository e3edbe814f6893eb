// CHECKS: coro-unawaited-variable
// A reference bound to a task variable is another name for it: awaiting
// the reference awaits the task, and binding it hands nothing on.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();

Task<int> through_ref_await() {
  auto t = fetch();
  auto &r = t;
  co_return co_await r;
}

Task<int> through_ref() {
  auto t = fetch();
  auto &r = t;
  auto &rr = r;
  co_return co_await std::move(rr);
}

Task<int> through_cast(Task<int> t) {
  auto &view = static_cast<Task<int> &>(t);
  co_return co_await view;
}

// A reference that is only read leaves the task unawaited.
Task<> only_read() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  auto &r = t;
  (void)r.done();
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// Awaited through the alias on one path only.
Task<> one_path(bool b) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  auto &r = t;
  if (b) // expected-note {{'t' is not awaited when the 'if' condition is false}}
    co_await r;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
