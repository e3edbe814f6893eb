// CHECKS: coro-unawaited-variable
// Local containers of tasks: filling one does not consume the tasks;
// handing the container on does.
#include "task.h"
#include <algorithm>
#include <array>
#include <deque>
#include <list>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>
using demo::Task;

Task<> fetch();
Task<int> compute();
Task<> send(int);
bool failed();

Task<> when_all(std::vector<Task<>> tasks);
Task<> when_all_ref(std::vector<Task<>> &tasks);
Task<> when_all_array(std::array<Task<int>, 2> tasks);
Task<> when_all_optional(std::optional<Task<int>> task);

//===-- Negative: handed on -----------------------------------------===//

Task<> vector_by_value() {
  std::vector<Task<>> tasks;
  for (int i = 0; i < 3; ++i)
    tasks.push_back(fetch());
  co_await when_all(std::move(tasks));
}

Task<> vector_by_reference() {
  std::vector<Task<>> tasks;
  tasks.reserve(2);
  tasks.push_back(fetch());
  tasks.emplace_back(fetch());
  co_await when_all_ref(tasks);
}

Task<> vector_tasks_moved_in() {
  std::vector<Task<>> tasks;
  auto t = fetch();
  tasks.push_back(std::move(t));
  co_await when_all(std::move(tasks));
}

Task<> vector_awaited_one_by_one() {
  std::vector<Task<>> tasks;
  tasks.push_back(fetch());
  for (auto &t : tasks)
    co_await std::move(t);
}

// Empty, never filled: nothing to lose.
Task<> vector_never_filled() {
  std::vector<Task<>> tasks;
  co_await fetch();
}

Task<> array_handed_on() {
  std::array<Task<int>, 2> tasks{compute(), compute()};
  co_await when_all_array(std::move(tasks));
}

Task<> optional_awaited() {
  std::optional<Task<int>> t = compute();
  co_await std::move(*t);
}

Task<> optional_handed_on() {
  std::optional<Task<int>> t;
  t.emplace(compute());
  co_await when_all_optional(std::move(t));
}

// An empty optional: nothing to lose.
Task<> optional_empty() {
  std::optional<Task<int>> t;
  co_await fetch();
}

//===-- Positive ------------------------------------------------------===//

Task<> vector_never_handed_on() {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  for (int i = 0; i < 3; ++i)
    tasks.push_back(fetch());
  co_return; // expected-note {{'tasks' is destroyed by this 'co_return' while holding tasks not awaited}}
}

Task<> vector_early_co_return() {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  tasks.push_back(fetch());
  if (failed())
    co_return; // expected-note {{'tasks' is destroyed by this 'co_return' while holding tasks not awaited}}
  co_await when_all(std::move(tasks));
}

// An exception path that skips the when_all.
Task<> vector_throw_skips() {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  tasks.push_back(fetch());
  if (failed())
    throw 1; // expected-note {{'tasks' is destroyed when this 'throw' leaves its scope while holding tasks not awaited}}
  co_await when_all(std::move(tasks));
}

// Only read: size() and empty() are const.
void vector_only_counted() {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  tasks.push_back(fetch());
  bool many = !tasks.empty() && tasks.size() > 3;
  (void)many;
} // expected-note {{'tasks' is destroyed at the end of its scope while holding tasks not awaited}}

Task<> array_never_handed_on() {
  std::array<Task<int>, 2> tasks{compute(), compute()}; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<int>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'tasks' is destroyed by this 'co_return' while holding tasks not awaited}}
}

Task<> optional_never_awaited() {
  std::optional<Task<int>> t = compute(); // expected-warning {{container 't' holds lazy coroutine tasks 'Task<int>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  co_await fetch();
} // expected-note {{'t' is destroyed at the end of its scope while holding tasks not awaited}}

Task<> optional_emplaced_never_awaited() {
  std::optional<Task<int>> t; // expected-warning {{container 't' holds lazy coroutine tasks 'Task<int>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  t.emplace(compute());
  co_await fetch();
} // expected-note {{'t' is destroyed at the end of its scope while holding tasks not awaited}}

// Filled again after the hand-off and dropped.
Task<> vector_refilled_after_hand_off() {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  tasks.push_back(fetch());
  co_await when_all_ref(tasks);
  tasks.clear();
  tasks.push_back(fetch());
} // expected-note {{'tasks' is destroyed at the end of its scope while holding tasks not awaited}}

//===-- holding nothing on a branch ------------------------------------===//

// The fan-out idiom: nothing to await when nothing was added.
Task<> fan_out_if_any(std::vector<int> items) {
  std::vector<Task<>> tasks;
  for (int x : items)
    tasks.push_back(send(x));
  if (!tasks.empty())
    co_await when_all(std::move(tasks));
}

Task<> fan_out_early_exit(std::vector<int> items) {
  std::vector<Task<>> tasks;
  for (int x : items)
    tasks.push_back(send(x));
  if (tasks.size() == 0)
    co_return;
  co_await when_all(std::move(tasks));
}

Task<int> optional_if_engaged(bool want) {
  std::optional<Task<int>> pending;
  if (want)
    pending = compute();
  int v = 0;
  if (pending)
    v = co_await std::move(*pending);
  if (pending.has_value() && v > 0)
    co_return v;
  co_return v;
}

// The wrong way round: awaited only when empty.
Task<> fan_out_inverted(std::vector<int> items) {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  for (int x : items)
    tasks.push_back(send(x));
  if (tasks.empty()) // (awaiting an empty container saves nothing: no branch to name)
    co_await when_all(std::move(tasks));
} // expected-note {{'tasks' is destroyed at the end of its scope while holding tasks not awaited}}

// A size other than zero says nothing about emptiness.
Task<> fan_out_if_many(std::vector<int> items) {
  std::vector<Task<>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  for (int x : items)
    tasks.push_back(send(x));
  if (tasks.size() > 1) // expected-note {{'tasks' is not awaited when the 'if' condition is false}}
    co_await when_all(std::move(tasks));
} // expected-note {{'tasks' is destroyed at the end of its scope while holding tasks not awaited}}

//===-- filled from elsewhere ------------------------------------------===//

std::vector<Task<>> make_jobs();
void peek(const Task<> &);

Task<> returned_by_a_call(bool c) {
  auto jobs = make_jobs(); // expected-warning {{container 'jobs' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'jobs' is destroyed by this 'co_return' while holding tasks not awaited}}
  co_await when_all(std::move(jobs));
}

Task<> moved_from_another(bool c) {
  std::vector<Task<>> a;
  a.push_back(fetch());
  std::vector<Task<>> b = std::move(a); // expected-warning {{container 'b' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'b' is destroyed by this 'co_return' while holding tasks not awaited}}
  co_await when_all(std::move(b));
}

Task<> returned_and_handed_on() {
  auto jobs = make_jobs();
  co_await when_all(std::move(jobs));
}

void tuple_never_used() {
  auto both = std::make_tuple(fetch(), compute()); // expected-warning {{container 'both' holds lazy coroutine tasks}}
} // expected-note {{'both' is destroyed at the end of its scope while holding tasks not awaited}}

//===-- what is not a container of tasks -------------------------------===//

// Iterators, views, smart pointers, variants and reference wrappers hold no
// tasks of their own (or share them): they are not tracked.
Task<> list_iterator(std::list<Task<>> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    co_await std::move(*it);
}

Task<> deque_find(std::deque<Task<>> &d, bool (*pred)(const Task<> &)) {
  auto it = std::find_if(d.begin(), d.end(), pred);
  if (it != d.end())
    co_await std::move(*it);
}

Task<> owned_elsewhere(std::span<Task<>> s) {
  auto u = std::make_unique<Task<int>>(compute());
  auto p = std::make_shared<Task<int>>(compute());
  auto r = std::ref(*u);
  co_await std::move(s[0]);
  co_await std::move(r.get());
  co_await std::move(*p);
}

std::variant<int, Task<>> maybe_job();
void variant_returned() { auto v = maybe_job(); }

//===-- emptiness, spelled other ways ----------------------------------===//

std::optional<Task<int>> try_pop();

Task<> optional_tests() {
  auto a = try_pop();
  if (a != std::nullopt)
    co_await std::move(*a);
  auto b = try_pop();
  if (static_cast<bool>(b))
    co_await std::move(*b);
  auto c = try_pop();
  if (c.has_value() == false)
    co_return;
  co_await std::move(*c);
}

Task<> size_compared_to_zero(std::vector<int> items) {
  std::vector<Task<>> tasks;
  for (int x : items)
    tasks.push_back(send(x));
  if (0 == tasks.size())
    co_return;
  co_await when_all(std::move(tasks));
}

Task<> size_at_least_one(std::vector<int> items) {
  std::vector<Task<>> tasks;
  for (int x : items)
    tasks.push_back(send(x));
  if (tasks.size() >= 1)
    co_await when_all(std::move(tasks));
}

Task<> std_empty(std::vector<int> items) {
  std::vector<Task<>> tasks;
  for (int x : items)
    tasks.push_back(send(x));
  if (!std::empty(tasks))
    co_await when_all(std::move(tasks));
}

// An index loop ends at once when the container is empty, or after its
// body handed every element on.
Task<> index_loop() {
  auto jobs = make_jobs();
  for (std::size_t i = 0; i < jobs.size(); ++i)
    co_await std::move(jobs[i]);
}

// A loop that only reads the elements hands nothing on.
Task<> index_loop_reading() {
  auto jobs = make_jobs(); // expected-warning {{container 'jobs' holds lazy coroutine tasks 'Task<>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  const auto &view = jobs;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    peek(view[i]);
  co_return; // expected-note {{'jobs' is destroyed by this 'co_return' while holding tasks not awaited}}
}
