// CHECKS: coro-unawaited-variable
// Local containers of tasks: filling one does not consume the tasks;
// handing the container on does.
#include "task.h"
#include <array>
#include <optional>
#include <utility>
#include <vector>
using demo::Task;

Task<> fetch();
Task<int> compute();
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
