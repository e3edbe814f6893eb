// CHECKS: coro-unawaited-variable
// seastar::make_ready_future<>() makes a ready future with no value and no
// failure: a placeholder, empty like a default-constructed task. So is
// futurize<void>::from_tuple({}), a ready future<> made from no values.
// Holding one, or overwriting one, loses nothing. A real future still
// counts, and so does a ready future that carries a value.
#include "mock/seastar.h"
using seastar::future;

future<> step();
future<int> fetch();
void note_nothing() noexcept;

future<> placeholder() {
  future<> f = seastar::make_ready_future<>();
  f = step();
  return f;
}

future<> reset_to_placeholder() {
  future<> f = step(); // expected-note {{'f' declared here}}
  f = seastar::make_ready_future<>(); // expected-warning {{assignment to 'f' destroys an eager coroutine task 'future<>' that was never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  return seastar::make_ready_future<>();
}

void valued() {
  auto v = seastar::make_ready_future<int>(1); // expected-warning {{variable 'v' holds an eager coroutine task 'future<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
} // expected-note {{'v' is destroyed at the end of its scope without being awaited}}

void from_empty_tuple() {
  std::tuple<> none;
  seastar::future<> f = seastar::futurize<void>::from_tuple(none);
}

void from_valued_tuple() {
  std::tuple<int> one{3};
  seastar::future<int> f = seastar::futurize<int>::from_tuple(one); // expected-warning {{variable 'f' holds an eager coroutine task 'seastar::future<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

// A chain that ends in a handler that absorbs every exception and returns
// nothing cannot fail: a future<> made so holds nothing to lose.
void absorbed() {
  auto loop = step().handle_exception([](std::exception_ptr) {});
  auto quiet = step().handle_exception([](std::exception_ptr) noexcept { note_nothing(); });
}

void not_absorbed() {
  auto rethrown = step().handle_exception([](std::exception_ptr e) { std::rethrow_exception(e); }); // expected-warning {{variable 'rethrown' holds an eager coroutine task 'future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  auto valued = fetch().handle_exception([](std::exception_ptr) {}); // expected-warning {{variable 'valued' holds an eager coroutine task 'future<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
} // expected-note {{'rethrown' is destroyed at the end of its scope without being awaited}} expected-note {{'valued' is destroyed at the end of its scope without being awaited}}
