// Smoke test: correct (fully consumed) use of the unifex mock. Must compile with zero warnings.
#include <unifex.h>

unifex::task<int> compute(int x) { co_return x * 2; }
unifex::task<> do_nothing() { co_return; }

unifex::task<int> caller() {
  co_await unifex::schedule();          // sender, via the task promise's await_transform
  int a = co_await compute(1);          // task, via await_transform
  co_await do_nothing();
  co_await std::suspend_never{};        // plain awaitables pass through
  co_return a;
}

int main() {
  unifex::v2::async_scope scope;
  unifex::spawn_detached(do_nothing(), scope);
  unifex::spawn_detached(unifex::schedule(), scope);
  unifex::sync_wait(scope.join());
  std::optional<int> r = unifex::sync_wait(caller());
  std::optional<unifex::unit> u = unifex::sync_wait(unifex::schedule());
  return r && u ? 0 : 1;
}
