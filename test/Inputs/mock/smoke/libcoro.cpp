// Smoke test: correct (fully consumed) use of the libcoro mock. Must compile with zero warnings.
#include <libcoro.h>

coro::task<int> compute(int x) { co_return x * 2; }
coro::task<> do_nothing() { co_return; }
coro::generator<int> count_to(int n) {
  for (int i = 0; i < n; ++i) co_yield i;
}

coro::task<int> caller(coro::thread_pool& tp) {
  co_await tp.schedule();
  int a = co_await compute(1);
  co_await do_nothing();
  auto [b, nothing] = co_await coro::when_all(compute(2), do_nothing());
  (void)nothing;
  std::vector<coro::task<int>> tasks;
  tasks.push_back(compute(3));
  auto all = co_await coro::when_all(std::move(tasks));
  int sum = 0;
  for (int v : count_to(3)) sum += v;
  tp.spawn_detached(do_nothing());            // legit fire-and-forget; bool result may be ignored
  co_return a + b + sum + static_cast<int>(all.size());
}

int main() {
  coro::thread_pool tp{coro::thread_pool::options{.thread_count = 2}};
  coro::sync_wait(do_nothing());
  auto t = compute(4);
  t.resume();
  return coro::sync_wait(caller(tp)) == 0 ? 1 : 0;
}
