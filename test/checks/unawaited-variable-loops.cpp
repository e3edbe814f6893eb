// CHECKS: coro-unawaited-variable
// A loop whose first test is known to pass cannot run zero times; an index
// loop that hands on c[i] for every i walks the container, whatever the
// bound is called. Neither has a path that leaves the task behind. A loop
// that may not run, or that only reads, still does.
#include "task.h"
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>
using demo::Task;

Task<int> fetch();
void consume(Task<int> &t);
bool retry();

constexpr int Attempts = 3;

Task<> constant_bound() {
  auto t = fetch();
  for (int i = 0; i < 10; ++i)
    consume(t);
  co_return;
}

Task<> constexpr_bound() {
  auto t = fetch();
  for (int i = 1; i <= Attempts; i++)
    consume(t);
  co_return;
}

Task<> const_bound_reversed() {
  const unsigned Count = 4;
  auto t = fetch();
  for (unsigned i = 0; Count > i; ++i)
    consume(t);
  co_return;
}

// Filled and consumed over [0, n): an index walk of the container.
Task<> index_walk(int n) {
  std::vector<Task<int>> tasks;
  for (int i = 0; i < n; ++i)
    tasks.push_back(fetch());
  for (int i = 0; i < n; ++i)
    co_await std::move(tasks[i]);
}

Task<> index_walk_at(int n) {
  std::vector<Task<int>> tasks;
  for (int i = 1; i <= n; ++i)
    tasks.push_back(fetch());
  for (int i = 1; i <= n; ++i)
    co_await std::move(tasks.at(i - 1));
}

// The size copied into a local first, and the elements moved out through
// iterators: the loop walks the container.
Task<> run_batch(std::vector<Task<int>> batch);
Task<> windowed(std::vector<Task<int>> input, std::size_t width) {
  std::size_t n = input.size();
  std::size_t start = 0;
  while (start < n) {
    std::size_t end = start + width < n ? start + width : n;
    std::vector<Task<int>> group(std::make_move_iterator(input.begin() + start),
                                 std::make_move_iterator(input.begin() + end));
    start = end;
    co_await run_batch(std::move(group));
  }
}

// The bound is not known: the loop may run zero times.
Task<> unknown_bound(int n) {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int i = 0; i < n; ++i)
    consume(t);
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// The start does not pass the first test.
Task<> never_runs() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  for (int i = 5; i < 3; ++i)
    consume(t);
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// An index loop that only reads the tasks hands none of them on.
Task<> index_reads(int n) {
  std::vector<Task<int>> tasks; // expected-warning {{container 'tasks' holds lazy coroutine tasks 'Task<int>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  tasks.push_back(fetch());
  for (int i = 0; i < n; ++i)
    (void)std::as_const(tasks)[i].done();
  co_return; // expected-note {{'tasks' is destroyed by this 'co_return' while holding tasks not awaited}}
}

// A sized copy of the size over a loop that never hands the container on.
Task<> idle(std::vector<Task<int>> input) { // expected-warning {{container 'input' holds lazy coroutine tasks 'Task<int>' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  std::size_t n = input.size();
  for (std::size_t i = 0; i < n; ++i)
    co_await run_batch({});
} // expected-note {{'input' is destroyed at the end of its scope while holding tasks not awaited}}
