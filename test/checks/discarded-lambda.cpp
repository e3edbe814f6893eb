// CHECKS: coro-discarded-task,coro-discarded-eager-task
// Coroutine lambdas invoked immediately, or stored and then called, with the resulting task dropped.
#include "task.h"
using demo::Task;

Task<int> fetch();

Task<> immediately_invoked() {
  []() -> Task<> { co_return; }(); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}}
  [](int x) -> Task<int> { co_return x; }(1); // expected-warning {{lambda returns a lazy coroutine task 'Task<int>'}}
  []() -> Task<int> { co_return co_await fetch(); }(); // expected-warning {{lambda returns}}
  [&](auto x) -> Task<int> { co_return x; }(2); // expected-warning {{lambda returns a lazy coroutine task 'Task<int>'}}
  co_return;
}

Task<> stored_lambda() {
  auto job = []() -> Task<> { co_return; };
  auto add = [](int a, int b) -> Task<int> { co_return a + b; };
  job(); // expected-warning {{lambda 'job' returns a lazy coroutine task 'Task<>' that is never awaited}}
  add(1, 2); // expected-warning {{lambda 'add' returns a lazy coroutine task 'Task<int>' that is never awaited}}
  co_return;
}

void plain() { // expected-note {{'plain' is not a coroutine}}
  []() -> Task<> { co_return; }(); // expected-warning {{lambda returns a lazy coroutine task 'Task<>'}}
}

// Lambdas whose tasks are awaited, returned or not tasks at all: nothing to report.
Task<> lambdas_ok() {
  co_await []() -> Task<> { co_return; }();
  int v = co_await [](int x) -> Task<int> { co_return x; }(1);
  auto job = []() -> Task<> { co_return; };
  co_await job();
  []() { return 1; }();
  [] {}();
  (void)v;
  co_return;
}
Task<> returns_lambda_task() {
  return []() -> Task<> { co_return; }();
}
