// CHECKS: coro-unawaited-variable
// Paths that leave a task's scope before it is awaited: early returns, loop
// exits, goto, switch, loops that may not run, constant conditions, throw.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
bool ready();
void prepare();

//===-- early co_return / return --------------------------------------===//

Task<> early_co_return(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_await std::move(t);
}

Task<int> early_co_return_value(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return 0; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_return co_await std::move(t);
}

void take(Task<int>);
void early_return(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    return; // expected-note {{'t' is destroyed by this 'return' without being awaited}}
  take(std::move(t));
}

// Negative: every path awaits before returning.
Task<> both_branches_await(bool c) {
  auto t = fetch();
  if (c) {
    co_await std::move(t);
    co_return;
  }
  co_await std::move(t);
}

//===-- break / continue ----------------------------------------------===//

Task<> break_before_await(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
    if (i == 3)
      break; // expected-note {{'t' is destroyed by this 'break' without being awaited}}
    co_await std::move(t);
  }
}

Task<> continue_before_await(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
    if (i % 2)
      continue; // expected-note {{'t' is destroyed by this 'continue' without being awaited}}
    co_await std::move(t);
  }
}

// Negative: the break comes after the await.
Task<> break_after_await(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = fetch();
    int v = co_await std::move(t);
    if (v == 3)
      break;
    if (v == 4)
      continue;
  }
}

//===-- goto ----------------------------------------------------------===//

Task<> goto_past_await(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c) // expected-note {{'t' is not awaited when the 'if' condition is true}}
    goto done;
  co_await std::move(t);
done:
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

Task<> goto_out_of_scope(bool c) {
  {
    auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
    if (c)
      goto out; // expected-note {{'t' is destroyed by this 'goto' without being awaited}}
    co_await std::move(t);
  }
out:
  co_await send(0);
}

// Negative: the goto jumps back to the await.
Task<> goto_to_await(bool c) {
  auto t = fetch();
  if (c)
    goto consume;
  prepare();
consume:
  co_await std::move(t);
}

//===-- switch --------------------------------------------------------===//

// Negative: case 0 falls through into the await; every case awaits.
Task<> switch_fallthrough(int n) {
  auto t = fetch();
  switch (n) {
  case 0:
    prepare();
    [[fallthrough]];
  case 1:
    co_await std::move(t);
    break;
  default:
    co_await std::move(t);
    break;
  }
}

Task<> switch_case_skips(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  switch (n) {
  case 0:
    prepare();
    [[fallthrough]];
  case 1:
    co_await std::move(t);
    break;
  case 2:  // expected-note {{'t' is not awaited when the 'switch' takes 'case 2'}}
    break;
  default:
    co_await std::move(t);
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// No default: a value matching no case skips the await.
Task<> switch_no_default(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  switch (n) {  // expected-note {{'t' is not awaited when no 'case' of the 'switch' matches}}
  case 0:
    co_await std::move(t);
    break;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

//===-- loops ---------------------------------------------------------===//

// The loop may run zero times.
Task<> for_may_not_run(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int i = 0; i < n; ++i) {  // expected-note {{'t' is not awaited when the 'for' condition is false}}
    co_await std::move(t);
    break;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> while_may_not_run() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  while (!ready()) {  // expected-note {{'t' is not awaited when the 'while' condition is false}}
    co_await std::move(t);
    break;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

//===-- throw ---------------------------------------------------------===//

Task<> throw_leaves_scope(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    throw 1; // expected-note {{'t' is destroyed when this 'throw' leaves its scope without being awaited}}
  co_await std::move(t);
}

void throw_leaves_scope_plain(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    throw 1; // expected-note {{'t' is destroyed when this 'throw' leaves its scope without being awaited}}
  take(std::move(t));
}

// Negative: the throw is caught inside the task's scope, and the path goes
// on to the await.
Task<> throw_caught_inside() {
  auto t = fetch();
  try {
    if (!ready())
      throw 1;
    prepare();
  } catch (int) {
    prepare();
  }
  co_await std::move(t);
}

// Negative: the task lives in an inner scope that the throw does not leave
// before the await... because the await comes first.
Task<> throw_after_await(bool c) {
  auto t = fetch();
  co_await std::move(t);
  if (c)
    throw 1;
}

//===-- declarations after a label or case -----------------------------===//

// A label does not open a scope: t ends with the enclosing block.
Task<> labelled_declaration() {
  auto u = fetch();
retry:
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_await std::move(u);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> declared_after_default(int n) {
  switch (n) {
  case 0:
    co_return;
  default:
    auto t = fetch();
    auto u = fetch(); // expected-warning {{variable 'u' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
    co_await std::move(t);
  } // expected-note {{'u' is destroyed at the end of its scope without being awaited}}
}

Task<> labelled_and_awaited(bool again) {
  int attempts = 0;
retry:
  auto t = fetch();
  co_await std::move(t);
  if (again && ++attempts < 3)
    goto retry;
}

bool bad(const Task<int> &);

// Jumping back above the declaration ends t, although the scope goes on.
Task<> goto_back_above_declaration() {
  int attempts = 0;
again:
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (bad(t) && ++attempts < 3)
    goto again; // expected-note {{'t' is destroyed by this 'goto' without being awaited}}
  co_await std::move(t);
}

Task<> goto_back_after_await() {
  int attempts = 0;
again:
  auto t = fetch();
  co_await std::move(t);
  if (++attempts < 3)
    goto again;
}
