// CHECKS: coro-unawaited-variable
// Branches that clang's CFG prunes as dead: constant conditions, `if
// constexpr`, infinite loops and do-while(false). A dead await does not
// consume the task; a dead early exit does not drop it. (Split from
// unawaited-variable-early-exit.cpp: every function here has an edge that
// the CFG marks unreachable.)
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
bool ready();
void prepare();

//===-- loops ---------------------------------------------------------===//

// Negative: a do-while body runs at least once.
Task<> do_while_runs_once() {
  auto t = fetch();
  do {
    co_await std::move(t);
  } while (false);
}

// Negative: an infinite loop whose only exit is after the await.
Task<> infinite_loop_awaits() {
  auto t = fetch();
  for (;;) {
    if (ready()) {
      co_await std::move(t);
      break;
    }
    prepare();
  }
}

Task<> infinite_while_awaits() {
  auto t = fetch();
  while (true) {
    if (!ready())
      continue;
    co_await std::move(t);
    co_return;
  }
}

// An infinite loop with an exit that skips the await.
Task<> infinite_loop_early_break() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (;;) {
    if (!ready())  // expected-note {{'t' is not awaited when the 'if' condition is true}}
      break;
    co_await std::move(t);
    co_return;
  }
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

//===-- constant conditions -------------------------------------------===//

// The await is dead code: the task is never awaited. (Either wording, "never
// awaited" or "not awaited on every path", is acceptable here.)
Task<> if_false() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is}}
  if (false)
    co_await std::move(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> if_constexpr_false() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is}}
  if constexpr (sizeof(int) == 0)
    co_await std::move(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// The only exit is dead code: never awaited, and the fix applies.
Task<> dead_exit_never_awaited() {
  [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  if (false)
    co_return;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// Negative: the early exit is dead code.
Task<> if_false_return() {
  auto t = fetch();
  if (false)
    co_return;
  co_await std::move(t);
}

Task<> if_constexpr_true() {
  auto t = fetch();
  if constexpr (sizeof(int) > 0)
    co_await std::move(t);
}

// Reported once, for the <false> instantiation. No fix: the pattern is shared
// with <true>, where `auto t = co_await fetch();` would break the await below.
template <bool Wait> Task<> if_constexpr_template() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is}}
  if constexpr (Wait)
    co_await std::move(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
template Task<> if_constexpr_template<true>();  // fine
template Task<> if_constexpr_template<false>(); // drops it

