// CHECKS: coro-unawaited-variable
// Assigning over a task that was never consumed destroys it.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
Task<int> fetch_other();
void take(Task<int>);

Task<> overwritten() {
  auto t = fetch(); // expected-note {{'t' declared here}}
  t = fetch(); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited; its body will never run [coro-unawaited-variable]}}
  co_await std::move(t);
}

void overwritten_plain() {
  Task<int> t = fetch(); // expected-note {{'t' declared here}}
  t = fetch_other(); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited; its body will never run [coro-unawaited-variable]}}
  take(std::move(t));
}

// Overwritten on one path only.
Task<> overwritten_on_branch(bool c) {
  auto t = fetch(); // expected-note {{'t' declared here}}
  if (c)
    t = fetch_other(); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited}}
  co_await std::move(t);
}

// Overwritten with another variable's task.
Task<> overwritten_by_move() {
  auto t = fetch(); // expected-note {{'t' declared here}}
  auto u = fetch_other();
  t = std::move(u); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited}}
  co_await std::move(t);
}

// In a loop: the second iteration overwrites the first task.
void overwritten_in_loop(int n) {
  Task<int> t = fetch(); // expected-note {{'t' declared here}}
  for (int i = 0; i < n; ++i)
    t = fetch(); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited}}
  take(std::move(t));
}

// Overwritten, and the second task is dropped too. No fix for the
// declaration: `auto t = co_await fetch();` makes the assignment ill-formed.
Task<> overwritten_then_dropped() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  // expected-note@-1 {{'t' declared here}}
  t = fetch(); // expected-warning {{assignment to 't' destroys a lazy coroutine task 'Task<int>' that was never awaited}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

//===-- Negative ------------------------------------------------------===//

// Consumed before the assignment.
Task<> awaited_then_reassigned() {
  auto t = fetch();
  co_await std::move(t);
  t = fetch();
  co_await std::move(t);
}

void handed_on_then_reassigned(int n) {
  Task<int> t = fetch();
  for (int i = 0; i < n; ++i) {
    take(std::move(t));
    t = fetch();
  }
  take(std::move(t));
}

// Assigning into a moved-from task is fine.
Task<> moved_from_then_assigned() {
  auto t = fetch();
  auto u = std::move(t);
  t = fetch_other();
  co_await std::move(u);
  co_await std::move(t);
}
