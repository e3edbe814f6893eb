// CHECKS: coro-*
// CONFIG: {CheckOptions: {SyncWaitFunction: 'demo::sync_wait'}}
// What a co_await (or a sync-wait) produces is a finished result, even
// when its type is a coroutine type: the completed tasks a when_all hands
// back, an async generator's iterator. Results are never reported; the
// work that was not awaited still is.
#include "task.h"
#include <utility>
#include <vector>
using demo::Task;

Task<int> fetch();

// when_all over a vector hands the finished tasks back, to be read.
Task<std::vector<Task<int>>> when_all(std::vector<Task<int>> tasks);
int result_of(const Task<int> &finished);

namespace demo {
template <class A> auto sync_wait(A &&a) -> decltype(a.await_resume());
}

// An async generator's iterator names the generator's promise_type; it is
// an iterator, not a task.
struct gen_iterator {
  using iterator_category = struct input_iterator_tag_ {};
  using promise_type = Task<int>::promise_type;
  Task<bool> operator++();
  int operator*() const;
  bool operator!=(const gen_iterator &) const;
};
struct async_gen {
  Task<gen_iterator> begin();
  gen_iterator end();
};

Task<int> completed_tasks() {
  std::vector<Task<int>> tasks;
  tasks.push_back(fetch());
  auto results = co_await when_all(std::move(tasks));
  co_return result_of(results[0]);
}

Task<int> element_of_result() {
  std::vector<Task<int>> tasks;
  tasks.push_back(fetch());
  Task<int> first = std::move((co_await when_all(std::move(tasks)))[0]);
  co_return result_of(first);
}

void blocking() {
  std::vector<Task<int>> tasks;
  tasks.push_back(fetch());
  auto results = demo::sync_wait(when_all(std::move(tasks)));
  (void)result_of(results.front());
}

Task<int> iterate(async_gen &g) {
  int sum = 0;
  for (auto it = co_await g.begin(); it != g.end(); co_await ++it)
    sum += *it;
  co_await g.begin(); // the iterator, discarded: nothing is lost
  auto last = g.end(); // an iterator, though it names a promise_type
  (void)(last != g.end());
  co_return sum;
}

// The work itself, not awaited, is still reported.
Task<int> unawaited_work() {
  [[maybe_unused]] auto t = co_await fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  std::vector<Task<int>> tasks;
  tasks.push_back(fetch());
  auto results = co_await when_all(std::move(tasks));
  co_await when_all({}); // expected-warning {{'when_all' returns a lazy coroutine task 'Task<std::vector<Task<int>>>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return result_of(results[0]); // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}
