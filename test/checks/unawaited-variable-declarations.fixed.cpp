// CHECKS: coro-unawaited-variable
// How a variable is declared and awaited: several declarators in one
// declaration, a declaration inside a catch handler, and an awaitable whose
// operator co_await is a const member.
#include "task.h"
#include <coroutine>
#include <utility>
using demo::Task;

Task<int> fetch(int);

// One declaration, two tasks: only the one never awaited is reported, and
// without a fix: `b = co_await fetch(2)` would deduce 'int' where 'a'
// deduces 'Task<int>', which does not compile.
Task<> two_declarators() {
  auto a = fetch(1), b = fetch(2); // expected-warning {{variable 'b' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_await std::move(a);
} // expected-note {{'b' is destroyed at the end of its scope without being awaited}}

// Both awaited: nothing to report.
Task<> two_declarators_awaited() {
  auto a = fetch(1), b = fetch(2);
  co_await std::move(a);
  co_await std::move(b);
}

// co_await is not allowed in a handler, so no fix is offered there.
Task<> declared_in_handler() {
  try {
    co_await fetch(0);
  } catch (...) {
    auto t = fetch(1); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  } // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
}

// After the handler, the same declaration is fixable.
Task<> declared_after_handler() {
  try {
    co_await fetch(0);
  } catch (...) {
  }
  [[maybe_unused]] auto t = co_await fetch(1); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  (void)0;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

struct Ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};

// An awaitable through a const member operator co_await.
struct Lookup {
  Ready operator co_await() const & { return {}; }
};
Lookup make_lookup();

// Awaiting it through its operator co_await consumes it.
Task<> member_operator_awaited() {
  auto l = make_lookup();
  co_await l;
}

// Never awaited: reported.
Task<> member_operator_unawaited() {
  [[maybe_unused]] auto l = co_await make_lookup(); // expected-warning {{variable 'l' holds a lazy awaitable 'Lookup' that is never awaited; the operation will never start [coro-unawaited-variable]}}
  co_return; // expected-note {{'l' is destroyed by this 'co_return' without being awaited}}
}
