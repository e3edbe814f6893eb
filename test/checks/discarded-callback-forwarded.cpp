// CHECKS: coro-discarded-task
// A task-returning callable passed to a template that converts it to a
// void-returning wrapper (a delegate class, a registration helper) is
// reported where the user wrote it, with a note at the conversion; never
// inside the template.
#include "task.h"
#include <functional>
#include <utility>
using demo::Task;

Task<> work();

struct Delegate {
  template <class F> Delegate(F f) : fn(std::move(f)) {} // expected-note 2 {{in 'Delegate', it becomes a 'std::function<void ()>' here, which drops the task on every call}}
  std::function<void()> fn;
};
struct Assigned {
  template <class F> Assigned(F &&f) { fn = std::forward<F>(f); } // expected-note {{in 'Assigned', it becomes a 'std::function<void ()>' here, which drops the task on every call}}
  std::function<void()> fn;
};
// Through a second template.
template <class F> void install(F &&f) { Delegate d(std::forward<F>(f)); }
template <class F> void subscribe(F &&f) { install(std::forward<F>(f)); } // expected-note 2 {{in 'subscribe', it becomes a 'std::function<void ()>' here, which drops the task on every call}}

void on(Delegate);

void user() {
  on([]() -> Task<> { co_await work(); }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  Delegate d = []() -> Task<> { co_await work(); }; // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  Assigned a([]() -> Task<> { co_await work(); }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  subscribe([]() -> Task<> { co_await work(); }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  subscribe(work); // expected-warning {{'work' returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
}

// Negative: callables that return nothing, and wrappers that keep the task.
struct TaskDelegate {
  template <class F> TaskDelegate(F f) : fn(std::move(f)) {}
  std::function<Task<>()> fn;
};
void fine() {
  on([] {});
  TaskDelegate t([]() -> Task<> { co_await work(); });
  subscribe([] {});
}
