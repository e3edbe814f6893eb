// CHECKS: coro-unawaited-variable
// std::move written out: casts to an rvalue, the arms of a conditional, the
// value of a comma, designated initialisers. Each hands the task on the
// way std::move does; a cast to an lvalue reference does not.
#include "task.h"
#include <utility>
using demo::Task;

Task<int> fetch();
void take(Task<int>);
void peek(const Task<int> &);

#define FWD(x) static_cast<decltype(x) &&>(x)

Task<int> static_cast_rvalue() {
  auto t = fetch();
  co_return co_await static_cast<Task<int> &&>(t);
}

Task<int> c_style_cast() {
  auto t = fetch();
  co_return co_await (Task<int> &&)t;
}

void forwarding_macro() {
  auto t = fetch();
  take(FWD(t));
}

Task<int> wrap(Task<int>);

// Either arm hands the task on.
void both_arms(bool plain) {
  auto t = fetch();
  take(plain ? std::move(t) : wrap(std::move(t)));
}

void comma_value() {
  auto t = fetch();
  take((peek(t), std::move(t)));
}

struct Job {
  Task<int> task;
  int priority;
};
void submit(Job);

void designated_initialiser() {
  auto t = fetch();
  submit(Job{.task = std::move(t), .priority = 1});
}

// Each arm is taken on one path only.
Task<> one_arm_each(bool first) {
  auto a = fetch(); // expected-warning {{variable 'a' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  auto b = fetch(); // expected-warning {{variable 'b' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  co_await (first ? std::move(a) : std::move(b)); // expected-note {{'a' is not awaited when the '?:' condition is false}} expected-note {{'b' is not awaited when the '?:' condition is true}}
} // expected-note {{'a' is destroyed at the end of its scope without being awaited}} expected-note {{'b' is destroyed at the end of its scope without being awaited}}

// A cast to a const lvalue reference only reads the task.
void const_lvalue_cast() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  peek(static_cast<const Task<int> &>(t));
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// The condition of a conditional is not where the value goes.
void condition_is_a_read() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  int n = t.done() ? 1 : 0;
  (void)n;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
