// CHECKS: coro-discarded-task,coro-discarded-eager-task,coro-unawaited-variable
// Passing a task to a function hands it on, unless the callee's body is
// visible and never consumes the parameter: then the task dies in the call.
#include "task.h"
#include <utility>
#include <vector>
using demo::Eager;
using demo::Task;

Task<int> fetch();
Eager<> start();
void store(Task<int> &&);
void keep(std::vector<Task<int>> &);

// Helpers that exist only to silence [[nodiscard]].
template <class T> void ignore_result(T &&) {} // expected-note {{'ignore_result' drops its parameter 1 without awaiting it}}
template <class... T> void ignore_all(T &&...) {} // expected-note {{'ignore_all' drops its parameter 1 without awaiting it}}
template <class T> void launder(T &&t) { (void)t; } // expected-note {{'launder' drops its parameter 't' without awaiting it}}
// A generic sink that only reads.
template <class T> bool ready(const T &t) { return t.await_ready(); }
template <class T> void sink(T) {} // expected-note {{'sink' drops its parameter 1 without awaiting it}}
template <class T> void peek(const T &t) { ready(t); } // expected-note {{'peek' drops its parameter 't' without awaiting it}}
// A named by-value parameter is reported in the callee, once.
template <class T> void named_sink(T t) { ready(t); } // expected-warning {{parameter 't' holds a lazy coroutine task 'T' that is never awaited; its body will never run [coro-unawaited-variable]}} expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// Helpers that do hand it on: stay quiet.
template <class T> void forward_on(T &&t) { store(static_cast<T &&>(t)); }
template <class T> void forward_twice(T &&t) { forward_on(static_cast<T &&>(t)); }
template <class T> Task<int> await_it(T &&t) { co_return co_await static_cast<T &&>(t); }
template <class T> void keep_it(T &&t) {
  static std::vector<Task<int>> kept;
  kept.push_back(static_cast<T &&>(t));
}
template <class T> void later(T &&t) {
  auto job = [t = static_cast<T &&>(t)]() mutable -> Task<int> { return std::move(t); };
  (void)job;
}
// Recursive: cannot be summarised, so it hands on.
template <class T> void recurse(T &&t, int n) {
  if (n)
    recurse(static_cast<T &&>(t), n - 1);
}
// No body here: assumed to hand on.
template <class T> void opaque(T &&t);

// A virtual member may be overridden by one that consumes.
struct Sink {
  virtual void take(Task<int> &&) {}
};

void temporaries(Sink &s) {
  ignore_result(fetch()); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'ignore_result', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
  ignore_all(fetch(), 1); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'ignore_all', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
  launder(fetch()); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'launder', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
  sink(fetch()); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'sink', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
  peek(fetch()); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'peek', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
  named_sink(fetch());
  // A copyable eager task lives on in its other copies.
  ignore_result(start());
  forward_on(fetch());
  forward_twice(fetch());
  keep_it(fetch());
  later(fetch());
  recurse(fetch(), 3);
  opaque(fetch());
  s.take(fetch());
  ignore_result(1);
}

Task<> variables() {
  auto a = co_await fetch(); // expected-warning {{variable 'a' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  ignore_result(a);
  auto b = fetch();
  forward_on(std::move(b));
  auto c = fetch();
  co_await await_it(std::move(c));
  co_return; // expected-note {{'a' is destroyed by this 'co_return' without being awaited}}
}
