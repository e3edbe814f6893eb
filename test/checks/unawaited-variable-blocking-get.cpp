// CHECKS: coro-unawaited-variable
// A library member that blocks until an eager task is done and hands back
// its value (concurrencpp's result::get(), folly's Future::get()) gives a
// finished value: the results a when_all gathered are done, not running.
// The task it was called on is consumed; tasks nobody waits for are not.
#include "mock/concurrencpp.h"
#include <vector>
using concurrencpp::result;

result<std::vector<result<int>>> gather();
result<int> compute();
bool all_ready(const std::vector<result<int>> &done);

void finished_results() {
  auto all = gather();
  auto done = all.get();
  (void)all_ready(done);
}

void direct() {
  std::vector<result<int>> done = gather().get();
  (void)all_ready(done);
}

void not_waited() {
  auto r = compute(); // expected-warning {{variable 'r' holds an eager coroutine task 'result<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
} // expected-note {{'r' is destroyed at the end of its scope without being awaited}}
