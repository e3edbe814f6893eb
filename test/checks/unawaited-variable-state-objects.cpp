// CHECKS: coro-unawaited-variable
// An event, lock or latch with operator co_await is a long-lived object
// that can be awaited, not an operation: built by its own constructor and
// never awaited is not a bug. The operations such objects hand out (and
// any awaitable returned by a call) still must be awaited.
#include "task.h"
#include <utility>
using demo::Task;

struct wait_op { // the awaiter an event hands out
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

class manual_reset_event {
public:
  explicit manual_reset_event(bool set = false) noexcept : set_(set) {}
  manual_reset_event(const manual_reset_event &) = delete;
  wait_op operator co_await() const noexcept { return {}; }
  void set() noexcept { set_ = true; }
  bool is_set() const noexcept { return set_; }

private:
  bool set_;
};

struct lock_op { // returned by lock_async(): an operation
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

class async_mutex {
public:
  async_mutex() noexcept = default;
  lock_op lock_async() noexcept { return {}; }
};

struct latch {
  int count;
  wait_op operator co_await() const noexcept { return {}; }
};

Task<> worker(manual_reset_event &);

// Events, mutexes and latches built in place and never awaited.
Task<> state_objects() {
  manual_reset_event ready{true};
  manual_reset_event other;
  async_mutex m;
  latch l{3};
  auto copy = manual_reset_event(false);
  co_await worker(ready);
  other.set();
}

// An operation an object hands out is work that must be awaited.
Task<> operations() {
  async_mutex m;
  auto op = m.lock_async(); // expected-warning {{variable 'op' holds a lazy awaitable 'lock_op' that is never awaited; the operation will never start [coro-unawaited-variable]}}
  co_return; // expected-note {{'op' is destroyed by this 'co_return' without being awaited}}
}

// A copy or move of an operation is still the operation.
Task<> copied_operation() {
  async_mutex m;
  lock_op op = m.lock_async();
  lock_op copy(op); // expected-warning {{variable 'copy' holds a lazy awaitable 'lock_op' that is never awaited; the operation will never start [coro-unawaited-variable]}}
  co_await op;
} // expected-note {{'copy' is destroyed at the end of its scope without being awaited}}

// Awaited as it should be: quiet.
Task<> awaited() {
  async_mutex m;
  auto op = m.lock_async();
  co_await op;
  manual_reset_event ev;
  co_await ev;
}
