// CHECKS: coro-unawaited-variable
// Boost.Test's BOOST_REQUIRE/BOOST_CHECK wrap their argument in parentheses
// of their own (`assertion_result((P))`): `BOOST_REQUIRE(!f.failed())`
// asserts the user's whole condition all the same. A seastar::future<> a
// then_wrapped continuation gets is ready; asserted not failed, it holds
// nothing. Asserting that it failed settles nothing.
#include "mock/seastar.h"
#include <boost/test/unit_test.hpp>
using seastar::future;

future<> step();

future<> required() {
  return step().then_wrapped([](future<> f) { BOOST_REQUIRE(!f.failed()); });
}

future<> checked() {
  return step().then_wrapped([](future<> f) { BOOST_CHECK(!f.failed()); });
}

future<> failed_on_purpose() {
  return step().then_wrapped([](future<> f) { // expected-warning {{parameter 'f' holds an eager coroutine task 'future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
    BOOST_REQUIRE(f.failed());
  }); // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
}

// A class whose operator() then_wrapped calls gets a finished future too,
// though the class comes before the call.
struct Checker {
  void operator()(future<> f) { BOOST_CHECK(!f.failed()); }
};
future<> by_class() { return step().then_wrapped(Checker{}); }

// The same class, never given to then_wrapped: its future may be pending.
struct Unused {
  void operator()(future<> f) { BOOST_CHECK(!f.failed()); } // expected-warning {{parameter 'f' holds an eager coroutine task 'future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}} expected-note {{'f' is destroyed at the end of its scope without being awaited}}
};

// A then_wrapped callable's future is ready: `if (f.available())` is always
// taken, so a future handled inside it is handled on every path. The same
// test on a future that may be pending still has an untaken edge.
future<int> fetch();
future<> ready_branch() {
  return fetch().then_wrapped([](future<int> f) {
    BOOST_REQUIRE(f.failed());
    if (f.available()) {
      f.ignore_ready_future();
    }
  });
}

void pending_branch() {
  auto f = fetch(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<int>' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  if (f.available()) { // expected-note {{'f' is not awaited when the 'if' condition is false}}
    f.ignore_ready_future();
  }
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
