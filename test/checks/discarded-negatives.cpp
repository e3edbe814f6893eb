// CHECKS: coro-discarded-task,coro-discarded-eager-task
// Correct code only: tasks awaited, returned, passed on or stored; values that are not tasks discarded.
// expected-no-diagnostics
#include "task.h"
#include <utility>
#include <vector>
using demo::Detached;
using demo::Task;

Task<int> fetch();
Task<> send(int);
demo::unrelated::Task make_demo_unrelated();
bool flag();
int count();
Detached spawn_logger();
void take(Task<int>);
void take_ref(Task<int> &&);
struct Holder {
  explicit Holder(Task<int>);
};

Task<> awaited(bool c) {
  co_await fetch();
  int v = co_await fetch();
  co_await send(v);
  if (co_await fetch() > 0)
    co_await send(1);
  co_await (c ? send(2) : send(3));
  co_return;
}

Task<int> returned() { return fetch(); }
Task<int> co_returned() { co_return co_await fetch(); }
auto returned_auto() { return fetch(); }

Task<> passed_on() {
  take(fetch());
  take_ref(fetch());
  Holder h(fetch());
  std::vector<Task<int>> tasks;
  tasks.push_back(fetch());
  tasks.emplace_back(fetch());
  co_return;
}

Task<> stored_and_awaited() {
  auto t = fetch();
  Task<> s = send(1);
  co_await std::move(t);
  co_await std::move(s);
}

Task<> not_tasks() {
  make_demo_unrelated();
  flag();
  count();
  (void)flag();
  spawn_logger();
  co_return;
}

void plain() {
  make_demo_unrelated();
  flag();
  count();
  spawn_logger();
  take(fetch());
}
