// Smoke test: correct (fully consumed) use of the cppcoro mock. Must compile with zero warnings.
#include <cppcoro.h>

cppcoro::task<int> compute(int x) { co_return x * 2; }
cppcoro::task<> do_nothing() { co_return; }
cppcoro::shared_task<int> shared_value() { co_return 7; }

cppcoro::generator<int> count_to(int n) {
  for (int i = 0; i < n; ++i) co_yield i;
}

cppcoro::task<int> caller(cppcoro::static_thread_pool& pool) {
  co_await pool.schedule();
  int a = co_await compute(1);
  co_await do_nothing();
  auto t = compute(2);
  int b = co_await t;
  co_await t.when_ready();
  auto s = shared_value();
  int c = co_await s + co_await s;
  auto [x, y] = co_await cppcoro::when_all(compute(3), do_nothing());
  (void)y;
  std::vector<cppcoro::task<int>> tasks;
  tasks.push_back(compute(4));
  std::vector<int> all = co_await cppcoro::when_all(std::move(tasks));
  int sum = 0;
  for (int v : count_to(3)) sum += v;
  co_return a + b + c + x + sum + static_cast<int>(all.size());
}

cppcoro::task<> scoped(cppcoro::static_thread_pool& pool) {
  cppcoro::async_scope scope;
  scope.spawn(compute(5));
  scope.spawn(pool.schedule());
  co_await scope.join();
}

int main() {
  cppcoro::static_thread_pool pool{2};
  cppcoro::sync_wait(scoped(pool));
  return cppcoro::sync_wait(caller(pool)) == 0 ? 1 : 0;
}
