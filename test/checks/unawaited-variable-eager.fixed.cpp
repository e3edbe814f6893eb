// CHECKS: coro-unawaited-variable
// Eager futures stored in variables: the work has started, but a dropped
// Seastar-style future loses its result and exceptions (and, for
// get_units, the units), and a dropped KJ-style promise cancels the work.
// The types come from eager_futures.h, outside any built-in profile.
#include "eager_futures.h"
#include "task.h"
#include <exception>
#include <tuple>
#include <utility>
using fakekj::Promise;
using fakestar::future;
using demo::MustUse;

future<int> fut();
future<> step();
Promise<int> work();
demo::Task<int> lazy();
MustUse<int> must_use();
void keep(future<int>);

//===-- Seastar-style future --------------------------------------------===//

// The real-world Seastar bug: the units were meant to be held for the
// critical section, but `units` is the future of them. The fix awaits it.
future<> critical_section(fakestar::semaphore &sem) {
  [[maybe_unused]] auto units = co_await fakestar::get_units(sem, 1); // expected-warning {{variable 'units' holds an eager coroutine task 'future<semaphore_units<>>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  co_await step();
} // expected-note {{'units' is destroyed at the end of its scope without being awaited}}

future<int> eager_dropped(bool c) {
  auto f = fut(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<int>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (c)
    co_return 0; // expected-note {{'f' is destroyed by this 'co_return' without being awaited}}
  co_return co_await std::move(f);
}

// available() and failed() only read the future.
void eager_only_polled() {
  auto f = fut(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  if (f.available() && !f.failed())
    keep(fut());
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

// The future that .then() returns must be consumed in turn.
future<> then_result_dropped() {
  [[maybe_unused]] auto g = co_await fut().then([](int v) { return v + 1; }); // expected-warning {{variable 'g' holds an eager coroutine task}}
  co_await step();
} // expected-note {{'g' is destroyed at the end of its scope without being awaited}}

// Negative: consumed.
future<> units_awaited(fakestar::semaphore &sem) {
  auto units = co_await fakestar::get_units(sem, 1);
  co_await step();
}

future<int> eager_awaited() {
  auto f = fut();
  co_return co_await std::move(f);
}

future<> eager_then() {
  auto f = fut();
  auto g = f.then([](int v) { return v * 2; });
  co_await std::move(g);
}

int eager_get() {
  auto f = fut();
  return f.get();
}

void eager_handed_on() {
  auto f = fut();
  keep(std::move(f));
}

// The acknowledged-discard idioms for an eager future: the work runs anyway.
void eager_ignored() {
  auto f = fut();
  std::ignore = f;
}

void eager_void_cast() {
  auto f = fut();
  (void)f;
}

// The same with task.h's MustUse (eager, [[nodiscard]], its own awaiter).
void must_use_ignored() {
  auto f = must_use();
  std::ignore = f;
}

void must_use_void_cast() {
  MustUse<int> f = must_use();
  (void)f;
}

void must_use_dropped() {
  auto f = must_use(); // expected-warning {{variable 'f' holds an eager coroutine task 'MustUse<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

//===-- KJ-style promise ------------------------------------------------===//

// Dropping a KJ promise cancels the work it stands for.
Promise<int> kj_dropped() {
  [[maybe_unused]] auto p = co_await work(); // expected-warning {{variable 'p' holds an eager coroutine task 'Promise<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  co_return 1; // expected-note {{'p' is destroyed by this 'co_return' without being awaited}}
}

void kj_dropped_plain(fakekj::WaitScope &ws, bool c) {
  auto p = work(); // expected-warning {{variable 'p' holds an eager coroutine task 'Promise<int>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (c)
    return; // expected-note {{'p' is destroyed by this 'return' without being awaited}}
  p.wait(ws);
}

// Negative: consumed.
Promise<int> kj_awaited() {
  auto p = work();
  co_return co_await std::move(p);
}

Promise<int> kj_then() {
  auto p = work();
  auto q = p.then([](int v) { return v + 1; });
  co_return co_await std::move(q);
}

void kj_detached() {
  auto p = work();
  p.detach([](std::exception_ptr) {});
}

int kj_waited(fakekj::WaitScope &ws) {
  auto p = work();
  return p.wait(ws);
}

//===-- Lazy tasks: std::ignore is not a consumer -----------------------===//

void lazy_ignored() {
  auto t = lazy(); // expected-warning {{variable 't' holds a lazy coroutine task}}
  std::ignore = t;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
