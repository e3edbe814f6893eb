// Smoke test: correct (fully consumed) use of the async_simple mock. Must compile with zero warnings.
#include <async_simple.h>

using async_simple::coro::Lazy;

Lazy<int> compute(int x) { co_return x * 2; }
Lazy<> do_nothing() { co_return; }

Lazy<int> caller() {
  int a = co_await compute(1);
  co_await do_nothing();
  async_simple::Try<int> t = co_await compute(2).coAwaitTry();
  auto [b, nothing] = co_await async_simple::coro::collectAll(compute(3), do_nothing());
  std::vector<Lazy<int>> lazies;
  lazies.push_back(compute(4));
  auto all = co_await async_simple::coro::collectAll(std::move(lazies));
  co_return a + std::move(t).value() + std::move(b).value() + static_cast<int>(all.size()) + (nothing.hasError() ? 1 : 0);
}

struct InlineExecutor : async_simple::Executor {
  bool schedule(Func func) override { func(); return true; }
};

int main() {
  InlineExecutor ex;
  compute(5).via(&ex).start([](async_simple::Try<int>&& r) { (void)std::move(r).value(); });
  do_nothing().via(&ex).detach();
  compute(6).start([](async_simple::Try<int>&&) {});
  async_simple::coro::syncAwait(do_nothing());
  return async_simple::coro::syncAwait(caller()) == 0 ? 1 : 0;
}
