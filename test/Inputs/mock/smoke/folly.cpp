// Smoke test: correct (fully consumed) use of the folly mock. Must compile with zero warnings.
#include <folly.h>

folly::coro::Task<int> compute(int x) { co_return x * 2; }
folly::coro::Task<> do_nothing() { co_return; }
folly::Future<int> eager_future() { return folly::makeFuture(3); }
folly::SemiFuture<int> semi_future() { return folly::makeSemiFuture(4); }

folly::coro::Task<int> caller(folly::Executor* ex) {
  int a = co_await compute(1);             // Task: via the folly promise's await_transform
  co_await do_nothing();
  int b = co_await eager_future();         // Future: free operator co_await
  int c = co_await semi_future();          // SemiFuture: via co_viaIfAsync
  int d = co_await folly::coro::co_withExecutor(ex, compute(2)); // TaskWithExecutor
  co_return a + b + c + d;
}

int main() {
  folly::InlineExecutor ex;
  folly::coro::co_withExecutor(&ex, do_nothing()).start();  // legit fire-and-forget: SemiFuture dropped
  folly::coro::co_withExecutor(&ex, compute(5)).start([](int) {});
  auto sf = folly::coro::co_withExecutor(&ex, compute(6)).start();
  int e = std::move(sf).get();
  int f = std::move(compute(7)).semi().via(&ex).get();
  folly::coro::blockingWait(do_nothing());
  int g = folly::coro::blockingWait(caller(&ex));
  return e + f + g == 0 ? 1 : 0;
}
