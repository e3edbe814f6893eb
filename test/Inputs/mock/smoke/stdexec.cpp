// Smoke test: correct (fully consumed) use of the stdexec mock. Must compile with zero warnings.
#include <stdexec.h>

exec::task<int> compute(int x) { co_return x * 2; }
exec::task<> do_nothing() { co_return; }

exec::task<int> caller() {
  int a = co_await compute(1);            // operator co_await() &&
  co_await do_nothing();
  int b = co_await stdexec::just(5);      // sender, via the task promise's await_transform
  co_await stdexec::just();
  co_return a + b;
}

int main() {
  exec::start_detached(stdexec::just());
  exec::start_detached(do_nothing());
  std::optional<std::tuple<int>> r = stdexec::sync_wait(caller());
  std::optional<std::tuple<>> v = stdexec::sync_wait(stdexec::just());
  auto [x] = stdexec::sync_wait(stdexec::just(3)).value();
  return r && v && x == 3 ? 0 : 1;
}
