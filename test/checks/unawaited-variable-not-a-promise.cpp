// CHECKS: coro-*
// A future may name, as `promise_type`, the promise that fulfils it
// (Seastar's shared_future does): a class with none of get_return_object,
// initial_suspend and final_suspend is not a coroutine promise, so the
// type is not a coroutine type. Awaitable, it is an awaitable; a call
// still returns work to await.
#include "task.h"
using demo::Task;

template <class T> struct fulfiller { // not a coroutine promise
  void set_value(T);
};

template <class T> struct shared_value {
  using promise_type = fulfiller<T>;
  shared_value() = default;
  bool available() const;
};

shared_value<int> make_shared_value();

Task<> holds_one() {
  auto v = make_shared_value();
  (void)v.available();
  co_return;
}

// A promise_type that is a coroutine promise still makes a coroutine type.
struct Aliased {
  using promise_type = Task<int>::promise_type;
};
Aliased make_aliased();

void still_a_task() {
  auto a = make_aliased(); // expected-warning {{variable 'a' holds a lazy coroutine task 'Aliased' that is never awaited; its body will never run [coro-unawaited-variable]}}
} // expected-note {{'a' is destroyed at the end of its scope without being awaited}}
