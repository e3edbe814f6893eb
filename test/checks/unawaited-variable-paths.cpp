// CHECKS: coro-unawaited-variable
// A task awaited on some paths only, dying at the end of its scope: the
// diagnostic names the branch that sends it down the path where it dies.
#include "task.h"
#include <utility>
#include <vector>
using demo::Task;

Task<int> fetch();
bool ready();
bool fresh();
void take(Task<int>);

Task<> short_circuit_and() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  ready() && (take(std::move(t)), true); // expected-note {{'t' is not awaited when the left side of '&&' is false}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

Task<> short_circuit_or() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  fresh() || (take(std::move(t)), true); // expected-note {{'t' is not awaited when the left side of '||' is true}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

Task<> conditional_operator(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  int n = c ? co_await std::move(t) : 0; // expected-note {{'t' is not awaited when the '?:' condition is false}}
  (void)n;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> range_for_may_not_run(std::vector<int> ids) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int id : ids) { // expected-note {{'t' is not awaited when the range-based 'for' loop runs out of elements}}
    take(std::move(t));
    (void)id;
    break;
  }
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// The branch inside the loop may still lead to the await on a later
// iteration; the task is lost when the loop ends.
Task<> range_for_search(std::vector<int> ids) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int id : ids) { // expected-note {{'t' is not awaited when the range-based 'for' loop runs out of elements}}
    if (id == 0) {
      co_await std::move(t);
      break;
    }
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> loop_with_continue(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int i = 0; i < n; ++i) { // expected-note {{'t' is not awaited when the 'for' condition is false}}
    if (i != 3)
      continue;
    co_await std::move(t);
    break;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// Leaving the loop early is the branch that loses it.
Task<> loop_with_early_break() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  while (true) {
    if (ready()) // expected-note {{'t' is not awaited when the 'if' condition is true}}
      break;
    if (fresh()) {
      co_await std::move(t);
      break;
    }
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A co_return that both paths reach needs the branch named.
Task<int> shared_exit(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  int n = 0;
  if (c) // expected-note {{'t' is not awaited when the 'if' condition is false}}
    n = co_await std::move(t);
  co_return n; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

Task<> switch_default(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  switch (n) {
  case 1:
    co_await std::move(t);
    break;
  default: // expected-note {{'t' is not awaited when the 'switch' takes 'default'}}
    break;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// The nearest deciding branch is named, not the first one in the function.
Task<> nested_branches(bool a, bool b) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (a) {
    co_await std::move(t);
  } else {
    if (b) // expected-note {{'t' is not awaited when the 'if' condition is false}}
      co_await std::move(t);
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A parameter left unconsumed when the function ends.
void parameter_on_one_branch(Task<int> t, bool c) { // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c) // expected-note {{'t' is not awaited when the 'if' condition is false}}
    take(std::move(t));
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// An early exit names its own path: no branch note.
Task<> early_exit(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_await std::move(t);
}

// Awaited on every branch: nothing to report.
Task<> every_branch(bool c, int n) {
  auto t = fetch();
  if (c) {
    co_await std::move(t);
  } else {
    switch (n) {
    case 0:
      co_await std::move(t);
      break;
    default:
      take(std::move(t));
    }
  }
}

// Both edges of a later branch lose the task: the branch that decides is
// the earlier one, whose other edge awaits it.
Task<> later_branches_decide_nothing(bool a, bool b, bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (a) { // expected-note {{'t' is not awaited when the 'if' condition is false}}
    co_await std::move(t);
  }
  if (b)
    co_return;
  if (c)
    co_return;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
