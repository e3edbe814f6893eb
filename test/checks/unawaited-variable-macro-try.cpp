// CHECKS: coro-unawaited-variable
// Test frameworks' assertion macros (doctest's and Catch2's CHECK) wrap the
// expression in a try/catch(...) of their own. A throw into that handler
// means the assertion failed; the task left behind on that path is not
// the code's bug. The same try/catch written by hand still counts.
#include "task.h"
using demo::Task;

Task<int> fetch();
bool record(bool ok);
void begin_check(); // may throw
void report_failure();

#define CHECK(...)                                                             \
  do {                                                                         \
    try {                                                                      \
      begin_check();                                                           \
      record(__VA_ARGS__);                                                     \
    } catch (...) {                                                            \
      report_failure();                                                        \
    }                                                                          \
  } while (false)

Task<> checked() {
  auto t = fetch();
  CHECK(co_await t == 123);
}

Task<> by_hand() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    begin_check();
    record(co_await t == 123);
  } catch (...) {
    report_failure();
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
