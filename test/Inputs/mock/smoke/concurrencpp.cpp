// Smoke test: correct (fully consumed) use of the concurrencpp mock. Must compile with zero warnings.
#include <concurrencpp.h>

concurrencpp::result<int> compute(int x) { co_return x * 2; }
concurrencpp::result<void> do_nothing() { co_return; }
concurrencpp::lazy_result<int> lazy_compute(int x) { co_return x + 1; }
concurrencpp::null_result fire_and_forget() { co_await do_nothing(); }

concurrencpp::result<int> caller() {
  int a = co_await compute(1);
  co_await do_nothing();
  int b = co_await lazy_compute(2);
  int c = co_await lazy_compute(3).run();
  fire_and_forget();                     // by design: nothing to consume
  co_return a + b + c;
}

int main() {
  auto r = caller();
  do_nothing().get();
  int v = lazy_compute(4).run().get();
  return r.get() + v == 0 ? 1 : 0;
}
