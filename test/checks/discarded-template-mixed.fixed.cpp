// A dependent call that is a task in one instantiation and an int in another: reported once, but no co_await fix (it would break the int instantiation).
#include "task.h"
using demo::Task;

template <typename F> Task<> call(F f) {
  f(); // expected-warning {{returns a lazy coroutine task 'Task<>' that is never awaited}}
  co_return;
}

// The same shape where every instantiation returns a task: the fix is safe.
template <typename F> Task<> call_task(F f) {
  co_await f(); // expected-warning {{returns a lazy coroutine task 'Task<>' that is never awaited}}
  co_return;
}

Task<> use() {
  co_await call([]() -> Task<> { co_return; });
  co_await call([] { return 1; });
  co_await call_task([]() -> Task<> { co_return; });
  co_await call_task([]() -> Task<> { co_return; });
}
