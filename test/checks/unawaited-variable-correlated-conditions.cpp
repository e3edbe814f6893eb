// CHECKS: coro-unawaited-variable
// Two tests of a condition nothing changes in between agree: a future
// stored under `if (flag)` and consumed under a later `if (flag)` (or on
// the other arm of `!flag ? ... : ...`) is never lost. Nor is one stored
// under `if (i == 50)` in a loop that steps `i` one way: that test holds on
// one lap only. A condition that can change between its tests (assigned,
// passed by non-const reference, captured by reference, a counter that
// does not step between them), or two different conditions, still leaves
// the task on some path.
#include "mock/seastar.h"
using seastar::future;

future<> stop();
bool check(future<> f);
void send(const int &);
void toggle(bool &);
bool more();
enum class Mode { Fast, Slow };

void same_flag(bool flag) {
  future<> f = seastar::make_ready_future<>();
  if (flag)
    f = stop();
  if (flag)
    check(std::move(f));
}

void other_arm(bool stop_client, int max) {
  future<> f = seastar::make_ready_future<>();
  for (int i = 1; i < max; i++) {
    if (i == 50) {
      if (stop_client)
        f = stop();
    }
    send(i);
  }
  check(!stop_client ? stop() : std::move(f));
}

void lambda_copy(bool flag) {
  auto body = [flag] {
    future<> f = seastar::make_ready_future<>();
    if (flag)
      f = stop();
    if (flag)
      check(std::move(f));
  };
  body();
}

void steady_local(int level) {
  bool verbose = level > 2;
  future<> f = seastar::make_ready_future<>();
  if (verbose)
    f = stop();
  if (verbose)
    check(std::move(f));
}

void same_mode(Mode m) {
  future<> f = seastar::make_ready_future<>();
  if (m == Mode::Slow)
    f = stop();
  if (m != Mode::Slow)
    return;
  check(std::move(f));
}

void countdown(int n) {
  future<> f = seastar::make_ready_future<>();
  for (int left = n; left != 0; --left)
    if (left == 3)
      f = stop();
  check(std::move(f));
}

void opposite_arm(bool flag) {
  future<> f = seastar::make_ready_future<>(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (flag)
    f = stop();
  if (!flag) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    check(std::move(f));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

void reassigned(bool flag) {
  future<> f = seastar::make_ready_future<>(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (flag)
    f = stop();
  flag = more();
  if (flag) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    check(std::move(f));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

void by_reference(bool flag) {
  future<> f = seastar::make_ready_future<>(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (flag)
    f = stop();
  toggle(flag);
  if (flag) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    check(std::move(f));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

void captured_by_reference(bool flag) {
  auto body = [&flag] {
    future<> f = seastar::make_ready_future<>(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
    if (flag)
      f = stop();
    if (flag) // expected-note {{'f' is not awaited when the 'if' condition is false}}
      check(std::move(f));
  }; // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
  body();
}

void two_flags(bool a, bool b) {
  future<> f = seastar::make_ready_future<>(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (a)
    f = stop();
  if (b) // expected-note {{'f' is not awaited when the 'if' condition is false}}
    check(std::move(f));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

void stalled_counter() {
  future<> f = seastar::make_ready_future<>(); // expected-note {{'f' declared here}}
  for (int i = 0; more();) {
    if (i == 5)
      f = stop(); // expected-warning {{assignment to 'f' destroys an eager coroutine task 'future<>' that was never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
    if (more())
      continue;
    ++i;
  }
  check(std::move(f));
}

void not_an_equality(int max) {
  future<> f = seastar::make_ready_future<>(); // expected-note {{'f' declared here}}
  for (int i = 0; i < max; ++i)
    if (i >= 50)
      f = stop(); // expected-warning {{assignment to 'f' destroys an eager coroutine task 'future<>' that was never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  check(std::move(f));
}
