// CHECKS: coro-unawaited-variable
// cppcoro's shapes (mock header): when_ready() is a const member whose
// awaiter runs the task; shared_task is copyable, and a copy shares the
// task, so handing out a copy hands the task on.
#include "mock/cppcoro.h"
#include <string>
#include <utility>
#include <vector>
using cppcoro::shared_task;
using cppcoro::task;

task<int> compute();
shared_task<std::string> load(int);
task<> use(const shared_task<std::string> &);

task<> warm_up() {
  auto t = compute();
  co_await t.when_ready();
}

struct Cache {
  shared_task<std::string> latest = load(0);
  std::vector<shared_task<std::string>> history;

  void refresh() {
    shared_task<std::string> t = load(1);
    latest = t; // readers await it later
  }
  void remember() {
    auto t = load(2);
    history.push_back(t);
  }
  task<> share() {
    auto t = load(3);
    co_await use(t); // the callee may await it, or keep a copy
  }
};

// Only reading it: still lost.
task<> checked_only() {
  auto t = compute(); // expected-warning {{variable 't' holds a lazy coroutine task 'task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  if (t.is_ready())
    co_return;
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A shared task nobody gets a copy of is lost like any other.
task<> shared_dropped(bool c) {
  auto t = load(4); // expected-warning {{variable 't' holds a lazy coroutine task 'shared_task<std::string>' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (c)
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  co_await t;
}

// A container of shared tasks copies like them.
task<> all_by_value(std::vector<shared_task<std::string>>);
task<> all_by_ref(const std::vector<shared_task<std::string>> &);

task<> container_copied() {
  std::vector<shared_task<std::string>> v;
  v.push_back(load(5));
  auto copy = v;
  co_await all_by_value(std::move(copy));
}

task<> container_by_const_ref() {
  std::vector<shared_task<std::string>> v;
  v.push_back(load(6));
  co_await all_by_ref(v);
}
