// Smoke test: correct (fully consumed) use of the Boost.Cobalt mock. Must compile with zero warnings.
#include <cobalt.h>

namespace cobalt = boost::cobalt;

cobalt::task<int> compute(int x) { co_return x * 2; }
cobalt::task<> do_nothing() { co_return; }
cobalt::promise<int> eager_compute(int x) { co_return x + 1; }
cobalt::promise<void> eager_nothing() { co_return; }
cobalt::generator<int> numbers() {
  co_yield 1;
  co_yield 2;
  co_return 3;
}
cobalt::detached background() { co_await do_nothing(); }

cobalt::task<int> caller() {
  int a = co_await compute(1);
  co_await do_nothing();
  int b = co_await eager_compute(2);
  co_await eager_nothing();
  +eager_nothing();                    // detach: legit
  auto p = eager_compute(3);
  p.detach();
  auto g = numbers();
  int sum = 0;
  while (g) sum += co_await g;
  background();                        // fire-and-forget by design
  co_return a + b + sum;
}

struct io_context {};

int main() {
  io_context ctx;
  cobalt::spawn(ctx, do_nothing(), [](std::exception_ptr) {});
  cobalt::spawn(ctx, compute(4), [](std::exception_ptr, int) {});
  cobalt::run(do_nothing());
  return cobalt::run(caller()) == 0 ? 1 : 0;
}
