// Smoke test: correct (fully consumed) use of the KJ mock. Must compile with zero warnings.
#include <kj.h>

kj::Promise<int> compute(int x) { co_return x * 2; }
kj::Promise<void> do_nothing() { co_return; }
kj::Promise<void> ready() { return kj::READY_NOW; }

kj::Promise<int> caller() {
  int a = co_await compute(1);
  co_await do_nothing();
  co_await ready();
  int b = co_await compute(2).then([](int v) { return v + 1; });
  int c = co_await do_nothing().then([] { return compute(3); });
  auto p = compute(4);
  int d = co_await p;
  co_return a + b + c + d;
}

int main() {
  kj::EventLoop loop;
  kj::WaitScope waitScope(loop);
  do_nothing().detach([](std::exception_ptr) {});
  auto chained = compute(5).then([](int v) { return v * 3; });
  int v = chained.wait(waitScope);
  return caller().wait(waitScope) + v == 0 ? 1 : 0;
}
