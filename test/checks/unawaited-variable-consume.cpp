// CHECKS: coro-unawaited-variable
// Everything that consumes a stored task (hands it to someone who can run
// it), and the reads that do not.
#include "task.h"
#include <functional>
#include <utility>
using demo::Task;

Task<int> fetch();
Task<> send(int);
template <class T> void log(const T &) {}

void by_value(Task<int>);
void by_rvalue(Task<int> &&);
void by_lvalue(Task<int> &);
void by_const_ref(const Task<int> &);
void spawn(int executor, Task<int> t, int token);

struct Runner {
  explicit Runner(Task<int> t) : t(std::move(t)) {}
  Task<int> t;
};
struct Holder {
  Task<int> task;
  int priority;
};

// A task type with an &&-qualified start and a non-const poll, like
// folly's TaskWithExecutor::start() or a hand-written future.
class Job {
public:
  struct promise_type {
    Job get_return_object() {
      return Job(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  Job(Job &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Job() {
    if (h)
      h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
  void start() && { h.resume(); }
  bool poll() {
    h.resume();
    return h.done();
  }
  bool done() const { return h.done(); }
  bool ready() const & { return h.done(); }

private:
  explicit Job(std::coroutine_handle<promise_type> h) : h(h) {}
  std::coroutine_handle<promise_type> h;
};
Job job();

//===-- Negative: consumed ----------------------------------------------===//

void passed_by_value() {
  auto t = fetch();
  by_value(std::move(t));
}

void passed_by_value_spawn() {
  auto t = fetch();
  spawn(1, std::move(t), 2);
}

void passed_by_rvalue_ref() {
  auto t = fetch();
  by_rvalue(std::move(t));
}

// Conservatively: the callee may move from a non-const lvalue reference.
void passed_by_lvalue_ref() {
  auto t = fetch();
  by_lvalue(t);
}

void moved_into_constructor() {
  auto t = fetch();
  Runner r(std::move(t));
}

void moved_into_constructor_braces() {
  auto t = fetch();
  Runner r{std::move(t)};
}

void moved_into_temporary() {
  auto t = fetch();
  by_value(Task<int>(std::move(t)));
}

void moved_into_lambda_init_capture() {
  auto t = fetch();
  auto later = [t = std::move(t)]() mutable -> Task<int> {
    co_return co_await std::move(t);
  };
  by_value(later());
}

Task<> captured_by_ref_and_awaited() {
  auto t = fetch();
  auto consume = [&]() -> Task<> { co_await std::move(t); };
  co_await consume();
}

void rvalue_qualified_member() {
  auto j = job();
  std::move(j).start();
}

void non_const_member() {
  auto j = job();
  while (!j.poll()) {
  }
}

void moved_into_aggregate() {
  auto t = fetch();
  Holder h{std::move(t), 1};
  by_value(std::move(h.task));
}

void moved_into_aggregate_parens() {
  auto t = fetch();
  Holder h(std::move(t), 1);
  by_value(std::move(h.task));
}

Task<int> co_returned() {
  auto t = fetch();
  co_return co_await t;
}

Task<int> returned() {
  auto t = fetch();
  return t;
}

// co_return of the task itself from a coroutine whose promise accepts one.
struct TaskOfTask {
  struct promise_type {
    TaskOfTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(Task<int>) {}
    void unhandled_exception() {}
  };
};
TaskOfTask co_returned_task() {
  auto t = fetch();
  co_return t;
}

void moved_into_variable() {
  auto t = fetch();
  Task<int> u = std::move(t);
  by_value(std::move(u));
}

void bound_to_rvalue_ref() {
  auto t = fetch();
  Task<int> &&r = std::move(t);
  by_value(std::move(r));
}

void moved_into_std_function() {
  auto t = fetch();
  std::function<void()> f = [p = new Task<int>(std::move(t))] { delete p; };
  f();
}

//===-- Positive: only read ---------------------------------------------===//

void only_logged() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log(t); // expected-note {{'t' is used here as if it were the awaited result}}
  by_const_ref(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

void only_done() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  if (t.done())
    log(1);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

void only_const_lvalue_qualified() {
  auto j = job(); // expected-warning {{variable 'j' holds a lazy coroutine task 'Job' that is never awaited; its body will never run [coro-unawaited-variable]}}
  log(j.ready());
  log(j.done());
} // expected-note {{'j' is destroyed at the end of its scope without being awaited}}

void bound_to_const_ref() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  const Task<int> &r = t;
  log(r); // expected-note {{'t' is used here as if it were the awaited result}}
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A copy-less std::move that goes nowhere is not a consumption.
void moved_nowhere() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  (void)std::move(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// Handed on only on one branch.
void consumed_on_one_branch(bool c) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)  // expected-note {{'t' is not awaited when the 'if' condition is false}}
    by_value(std::move(t));
  else
    by_const_ref(t);
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
