// Callbacks beyond a plain function argument: assignment to an existing std::function<void()>, and a constructor parameter.
#include "task.h"
#include <functional>
using demo::Task;

Task<> handler();
struct Timer {
  explicit Timer(std::function<void()> cb); // expected-note 2 {{parameter 'cb' of 'Timer' has type 'std::function<void ()>', which drops the task on every call}}
};

void assign() {
  std::function<void()> cb;
  cb = []() -> Task<> { co_return; }; // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call; its body will never run [coro-discarded-task]}}
  cb = handler; // expected-warning {{'handler' returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
  cb();
}

void construct() {
  Timer t([]() -> Task<> { co_return; }); // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
  Timer t2{[]() -> Task<> { co_return; }}; // expected-warning {{lambda returns a lazy coroutine task 'Task<>' that 'std::function<void ()>' discards on every call}}
}

// Assigning or constructing wrappers that keep the task, or plain callables: nothing to report.
struct TaskTimer {
  explicit TaskTimer(std::function<Task<>()> cb);
};
void extra_ok() {
  std::function<Task<>()> keep;
  keep = []() -> Task<> { co_return; };
  keep = handler;
  std::function<void()> plain;
  plain = [] {};
  TaskTimer t([]() -> Task<> { co_return; });
  Timer t2([] {});
}
