// CHECKS: coro-unawaited-variable
// A reference bound to a temporary task owns it: `const auto& status =
// fetch();` is the stored-task bug written in the const-reference style.
// A reference to a task that lives elsewhere is not tracked.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<int> &current();
template <class T> void log(const char *, const T &) {}

void const_reference() {
  const auto &status = fetch(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log("db status", status); // expected-note {{'status' is used here as if it were the awaited result}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

Task<> forwarding_reference() {
  auto &&status = co_await fetch(); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log("db status", status); // expected-note {{'status' is used here as if it were the awaited result}}
  co_return; // expected-note {{'status' is destroyed by this 'co_return' without being awaited}}
}

Task<> forwarding_reference_awaited() {
  auto &&t = fetch();
  co_await std::move(t);
}

// Someone else owns it.
Task<> reference_to_another() {
  auto &t = current();
  log("current", t);
  co_return;
}
