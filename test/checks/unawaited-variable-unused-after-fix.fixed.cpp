// CHECKS: coro-unawaited-variable
// CONFIG: {CheckOptions: {SyncWaitFunction: 'demo::sync_wait'}}
// A variable that only held the task is never read: once the fix awaits
// (or sync-waits) it, the variable holds an int no one reads, which
// -Werror=unused-variable rejects. The fix marks it [[maybe_unused]]; a
// variable that is read, or already marked, is left as it is.
#include "task.h"
using demo::Task;

Task<int> fetch();
template <class T> void log(const T &) {}

void blocking() {
  [[maybe_unused]] auto status = demo::sync_wait(fetch()); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

void blocking_const() {
  [[maybe_unused]] const auto status = demo::sync_wait(fetch()); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

void blocking_read() {
  auto status = demo::sync_wait(fetch()); // expected-warning {{variable 'status' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log(status); // expected-note {{'status' is used here as if it were the awaited result}}
} // expected-note {{'status' is destroyed at the end of its scope without being awaited}}

Task<> awaiting() {
  [[maybe_unused]] auto value = co_await fetch(); // expected-warning {{variable 'value' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'value' is destroyed by this 'co_return' without being awaited}}
}

Task<> awaiting_marked() {
  [[maybe_unused]] auto value = co_await fetch(); // expected-warning {{variable 'value' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'value' is destroyed by this 'co_return' without being awaited}}
}
