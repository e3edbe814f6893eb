// CHECKS: coro-unawaited-variable
// Structs that hold tasks in their fields, held in a local, a vector or a
// map: tracked like containers of tasks. Handing the struct or the field on
// (or awaiting the field) consumes it; reading another field does not.
#include "job.h"
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>
using Task = svc::Job<>;

Task run(int);
Task when_all(std::vector<Task> tasks);
void keep(struct Listener l);
template <class T> void log(const T &) {}

struct Listener {
  std::string name;
  Task loop;
};
struct Batch {
  int id = 0;
  std::vector<Task> jobs;
};
// An aggregate whose only awaitable is an event-like state object holds no
// work.
struct Flag {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct Guarded {
  int n = 0;
  Flag ready;
};

//===-- Positive ------------------------------------------------------===//

// Built with a task and destroyed with it.
void listener_dropped() {
  Listener l{"a", run(1)}; // expected-warning {{variable 'l' holds lazy coroutine tasks 'Task' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  log(l.name);
} // expected-note {{'l' is destroyed at the end of its scope while holding tasks not awaited}}

// A task assigned to the field later.
Task assigned_later(bool stop) {
  Listener l; // expected-warning {{variable 'l' holds lazy coroutine tasks 'Task' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  l.name = "b";
  l.loop = run(2);
  if (stop)
    co_return; // expected-note {{'l' is destroyed by this 'co_return' while holding tasks not awaited}}
  co_await std::move(l.loop);
}

// A map of them (the shape of a registry of listeners), never drained.
void registry() {
  std::unordered_map<int, Listener> listeners; // expected-warning {{container 'listeners' holds lazy coroutine tasks 'Task' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  listeners.emplace(1, Listener{"x", run(1)});
} // expected-note {{'listeners' is destroyed at the end of its scope while holding tasks not awaited}}

// A vector of them.
void vector_of_listeners() {
  std::vector<Listener> ls; // expected-warning {{container 'ls' holds lazy coroutine tasks 'Task' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  ls.push_back(Listener{"y", run(3)});
} // expected-note {{'ls' is destroyed at the end of its scope while holding tasks not awaited}}

// A struct with a container of tasks, filled through the field.
void batch_filled() {
  Batch b; // expected-warning {{variable 'b' holds lazy coroutine tasks 'svc::Job<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  b.jobs.push_back(run(4));
} // expected-note {{'b' is destroyed at the end of its scope while holding tasks not awaited}}

//===-- Negative --------------------------------------------------------===//

// The field is awaited.
Task field_awaited() {
  Listener l{"a", run(1)};
  log(l.name);
  co_await std::move(l.loop);
}

// The struct is handed on.
void handed_on() {
  Listener l{"a", run(1)};
  keep(std::move(l));
}

// The struct's container of tasks goes into a when_all.
Task batch_joined() {
  Batch b;
  b.jobs.push_back(run(4));
  co_await when_all(std::move(b.jobs));
}

// The map is drained by a loop that awaits every listener.
Task registry_drained() {
  std::map<int, Listener> listeners;
  listeners.emplace(1, Listener{"x", run(1)});
  for (auto &[k, l] : listeners)
    co_await std::move(l.loop);
}

// Built without a task: `{.name = ...}` leaves the task empty.
void no_task() {
  Listener l{.name = "idle"};
  log(l.name);
}

// Holds only a state object.
void state_only() {
  Guarded g;
  log(g.n);
}
