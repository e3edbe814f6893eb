// CHECKS: coro-discarded-task,coro-discarded-eager-task,coro-unawaited-variable
// Eager types whose destructor cancels the work (kj::Promise, cobalt's
// promise; mock headers): a discard cancels it, and a (void) cast or
// std::ignore does not stop that, so they are reported too. The advice is to
// keep it or detach it, never to cast it to void.
#include "mock/cobalt.h"
#include "mock/kj.h"
#include <tuple>

kj::Promise<void> send_mail();
boost::cobalt::promise<void> flush_log();

void on_request() {
  send_mail(); // expected-warning {{'send_mail' returns an eager coroutine task 'kj::Promise<void>' that is discarded; its destructor cancels the work [coro-discarded-eager-task]}} expected-note {{keep it until it completes, or detach it where the library allows (kj's '.detach(...)', cobalt's unary '+'); a 'void' cast does not keep it}}
  (void)send_mail(); // expected-warning {{'send_mail' returns an eager coroutine task 'kj::Promise<void>' that is discarded; its destructor cancels the work}} expected-note {{a 'void' cast does not keep it}}
  std::ignore = flush_log(); // expected-warning {{'flush_log' returns an eager coroutine task 'boost::cobalt::promise<void>' that is discarded; its destructor cancels the work}} expected-note {{a 'void' cast does not keep it}}
}

// The library's own ways to let it run.
void detached() {
  send_mail().detach([](auto &&) {});
  +flush_log();
  flush_log().detach();
}

// A variable cast to void is cancelled all the same.
void stored() {
  auto p = send_mail(); // expected-warning {{variable 'p' holds an eager coroutine task 'kj::Promise<void>' that is never awaited; its destructor cancels the work [coro-unawaited-variable]}}
  (void)p;
} // expected-note {{'p' is destroyed at the end of its scope without being awaited}}

void stored_maybe_unused() {
  [[maybe_unused]] auto p = flush_log(); // expected-warning {{variable 'p' holds an eager coroutine task 'boost::cobalt::promise<void>' that is never awaited; its destructor cancels the work [coro-unawaited-variable]}}
} // expected-note {{'p' is destroyed at the end of its scope without being awaited}}

void stored_and_detached() {
  auto p = send_mail();
  p.detach([](auto &&) {});
}
