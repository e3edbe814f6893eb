// CHECKS: coro-unawaited-variable
// A seastar::future<> known to be ready (available() true) and not failed (failed() false, or asserted so) holds
// nothing: no value, no exception. Dropping it there loses nothing. One
// that may still be failed, or that has a value, still counts.
#include "mock/seastar.h"
#include <cassert>
using seastar::future;

future<> step();
future<int> fetch();
void park(future<> &&);
void note(std::exception_ptr);
bool more();

// do_until / do_for_each: a loop that goes on only with a ready, successful
// future.
void pump() {
  do {
    auto f = step();
    if (!f.available()) {
      park(std::move(f));
      return;
    }
    if (f.failed()) {
      note(f.get_exception());
      return;
    }
  } while (more());
}

// The other order, and a test combined with another condition.
future<> pump_failed_first() {
  for (;;) {
    auto f = step();
    if (f.failed())
      return f;
    if (!f.available() || !more()) {
      park(std::move(f));
      return seastar::make_ready_future<>();
    }
  }
}

// parallel_for_each / foreign_ptr: both facts from one condition.
void fan() {
  auto f = step();
  if (!f.available() || f.failed())
    park(std::move(f));
}

// coroutine::parallel_for_each: nested tests.
void nested() {
  auto f = step();
  if (f.available()) {
    if (f.failed())
      note(f.get_exception());
  } else {
    park(std::move(f));
  }
}

// An assertion of success.
void asserted_local() {
  auto f = step();
  assert(f.available());
  assert(!f.failed());
}

// Must stay reported: ready, but maybe failed (a perf test's result).
future<> only_available() {
  auto f = step(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (!f.available()) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    co_await std::move(f);
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

// Not failed, but maybe not ready: still running, its outcome unseen.
void only_not_failed() {
  auto f = step(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (f.failed()) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    park(std::move(f));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

// A future with a value still drops it when ready and successful.
void valued() {
  auto v = fetch(); // expected-warning {{variable 'v' holds an eager coroutine task 'future<int>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (!v.available() || v.failed()) // expected-note {{'v' is not awaited when the 'if' condition is false}}
    v.ignore_ready_future();
} // expected-note {{'v' is destroyed at the end of its scope without being awaited}}

// Facts do not survive a new value.
void reassigned() {
  auto f = step(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (!f.available() || f.failed()) {
    park(std::move(f));
    return;
  }
  f = step();
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

// then_wrapped hands its callable the finished future: ready from the
// start, so a callable that looks at failure has seen everything.
future<> wrapped() {
  return step().then_wrapped([](future<> f) {
    if (f.failed())
      note(f.get_exception());
  });
}

// Ready but never looked at: a failure is lost.
future<> wrapped_ignored() {
  return step().then_wrapped([](future<> f) { // expected-warning {{parameter 'f' holds an eager coroutine task 'future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
    more();
  }); // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
}

// The same callable handed to something else starts out not ready.
void later(void (*)(future<>));
void not_wrapped() {
  later([](future<> f) { // expected-warning {{parameter 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
    if (f.failed()) // expected-note {{'f' is not awaited when the 'if' condition is false}}
      note(f.get_exception());
  }); // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
}
