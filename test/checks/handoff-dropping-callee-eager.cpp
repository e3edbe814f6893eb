// CHECKS: coro-discarded-eager-task,coro-unawaited-variable
// An eager future handed to a helper that drops it: its failure is lost
// there. A helper that hands it on, or acknowledges it, stays quiet.
#include "mock/seastar.h"
using seastar::future;

future<> step();
void park(future<> &&);

template <class T> void ignore_result(T &&) {} // expected-note {{'ignore_result' drops its parameter 1 without awaiting it}}
template <class T> void hand_on(T &&t) { park(static_cast<T &&>(t)); }
// `(void)t` acknowledges an eager future, as at the call site.
template <class T> void acknowledge(T &&t) { (void)t; }

void calls() {
  ignore_result(step()); // expected-warning {{'step' returns an eager coroutine task 'future<>' that is passed to 'ignore_result', which never awaits or keeps it; its result and exceptions are lost [coro-discarded-eager-task]}}
  hand_on(step());
  acknowledge(step());
}

void variables() {
  auto f = step(); // expected-warning {{variable 'f' holds an eager coroutine task 'future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  ignore_result(f);
  auto g = step();
  hand_on(std::move(g));
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}
