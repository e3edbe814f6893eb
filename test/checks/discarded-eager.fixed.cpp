// Eager tasks (coro-discarded-eager-task), fire-and-forget types, generators and lazy awaitables dropped.
#include "task.h"
#include <tuple>
using demo::Detached;
using demo::Eager;
using demo::Generator;
using demo::MustUse;
using demo::Task;

Eager<int> eager();
Eager<> eager_void();
MustUse<int> must_use();
Detached spawn_logger();
Generator<int> numbers();

Task<> eager_in_coroutine(bool c) {
  eager(); // expected-warning {{'eager' returns an eager coroutine task 'Eager<int>' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{insert 'co_await' to wait for its result}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
  eager_void(); // expected-warning {{'eager_void' returns an eager coroutine task 'Eager<>'}} expected-note {{insert 'co_await'}} expected-note {{cast the expression to 'void'}}
  c ? eager() : eager(); // expected-warning 2 {{'eager' returns an eager coroutine task}} expected-note 2 {{insert 'co_await'}} expected-note 2 {{cast the expression to 'void'}}
  co_return;
}

// co_await is not offered where it is ill-formed: only the cast note remains.
Task<> eager_in_catch_handler() {
  try {
    co_await eager();
  } catch (...) {
    eager(); // expected-warning {{'eager' returns an eager coroutine task}} expected-note {{cast the expression to 'void'}}
  }
  []() -> Eager<> { co_return; }(); // expected-warning {{lambda returns an eager coroutine task 'Eager<>' that is discarded}} expected-note {{insert 'co_await'}} expected-note {{cast the expression to 'void'}}
  for (eager(); false;) // expected-warning {{'eager' returns an eager coroutine task}} expected-note {{insert 'co_await'}} expected-note {{cast the expression to 'void'}}
    ;
}

void eager_in_plain_function() {
  eager(); // expected-warning {{'eager' returns an eager coroutine task 'Eager<int>' that is discarded}} expected-note {{cast the expression to 'void'}}
}

// Acknowledged discards of eager tasks, fire-and-forget coroutines and awaited eager tasks: nothing to report.
Task<> eager_ok() {
  (void)eager();
  static_cast<void>(eager_void());
  std::ignore = eager();
  (void)must_use();
  std::ignore = must_use();
  spawn_logger();
  (void)spawn_logger();
  int v = co_await eager();
  co_await eager_void();
  (void)v;
  co_return;
}
void detached_in_plain_function() { spawn_logger(); }

// Generators and lazy awaitables are coro-discarded-task findings.
Task<> lazy_others() {
  numbers(); // expected-warning {{'numbers' returns a lazy generator 'Generator<int>' that is never iterated; its body will never run [coro-discarded-task]}}
  (void)numbers(); // expected-warning {{'numbers' returns a lazy generator 'Generator<int>' that is never iterated}}
  co_await demo::sleep_for(1); // expected-warning {{'sleep_for' returns a lazy awaitable 'SleepAwaiter' that is never awaited; the operation will never start [coro-discarded-task]}}
  co_return;
}
Task<> lazy_others_ok() {
  co_await demo::sleep_for(1);
  Generator<int> g = numbers();
  (void)g;
  co_return;
}
