// Smoke test: correct (fully consumed) use of the seastar mock. Must compile with zero warnings.
#include <seastar.h>

seastar::future<int> compute(int x) { co_return x * 2; }
seastar::future<> do_nothing() { co_return; }

seastar::future<int> caller(seastar::semaphore& sem) {
  int a = co_await compute(1);
  co_await do_nothing();
  auto units = co_await seastar::get_units(sem, 1);
  int b = co_await compute(2).then([](int v) { return v + 1; });
  co_await compute(3).discard_result();
  int c = co_await seastar::make_ready_future<int>(4);
  co_return a + b + c + static_cast<int>(units.count());
}

seastar::future<> background(seastar::semaphore& sem) {
  (void)do_nothing();                                    // explicit acknowledgement idiom
  auto f = caller(sem);
  return std::move(f).then([](int) { return seastar::make_ready_future<>(); });
}

int main() {
  seastar::semaphore sem{4};
  auto f = background(sem);
  f.ignore_ready_future();
  return sem.available_units() == 4 ? 0 : 1;
}
