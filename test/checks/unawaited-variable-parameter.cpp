// CHECKS: coro-unawaited-variable
// A task taken by value is owned by the function: it must be consumed
// before the function returns. References are the caller's business, and
// an unnamed parameter is a deliberate sink.
#include "task.h"
#include <utility>
using demo::Task;

Task<> send(int);
void take(Task<int>);

Task<> never_consumed(Task<int> t, int n) { // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_await send(n);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

void never_consumed_plain(Task<int> t) { // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  bool d = t.done();
  (void)d;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A throw caught inside the function and then a return is a silent loss.
void refused_then_swallowed(Task<int> t, bool c) { // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  try {
    if (c) // expected-note {{'t' is not awaited when the 'if' condition is true}}
      throw 1;
  } catch (int) {
    return;
  }
  take(std::move(t));
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

Task<> early_exit(Task<int> t, bool c) { // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_await std::move(t);
}

// An empty body drops its parameter like any other.
void empty_body(Task<int> t) {} // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}} expected-note {{'t' is destroyed at the end of its scope without being awaited}}
struct Listener {
  virtual ~Listener() = default;
  virtual void on_job(Task<> job) {} // expected-warning {{parameter 'job' holds a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-unawaited-variable]}} expected-note {{'job' is destroyed at the end of its scope without being awaited}}
};

struct Service {
  // A member function's parameter, and a constructor that forgets it.
  Task<> run(Task<> job) { // expected-warning {{parameter 'job' holds a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-unawaited-variable]}}
    co_await send(1);
  } // expected-note {{'job' is destroyed at the end of its scope without being awaited}}
};

//===-- Negative ------------------------------------------------------===//

Task<int> awaited(Task<int> t) { co_return co_await std::move(t); }

Task<> awaited_later(Task<int> t, int n) {
  co_await send(n);
  int v = co_await t;
  co_await send(v);
}

void handed_on(Task<int> t) { take(std::move(t)); }

// A sink that refuses the task by throwing tells its caller: not a loss.
struct Queue {
  bool closed = false;
  void push(Task<int> t) {
    if (closed)
      throw 1;
    take(std::move(t));
  }
};

Task<int> returned(Task<int> t) { return t; }

// Unnamed: a stub or an overload that deliberately ignores its argument.
void unnamed(Task<int>) {}
Task<> unnamed_coroutine(Task<int>, int n) { co_await send(n); }

// Not owned: references.
void by_const_ref(const Task<int> &t) { (void)t.done(); }
void by_rvalue_ref(Task<int> &&t) { (void)t.done(); }
Task<> by_lvalue_ref(Task<int> &t) { co_await send(t.done()); }

// Consumed in the constructor's member initialiser.
struct Holder {
  explicit Holder(Task<int> t) : task(std::move(t)) {}
  Task<int> task;
};

// A function-try-block that hands it on.
void function_try(Task<int> t) try {
  take(std::move(t));
} catch (...) {
}
