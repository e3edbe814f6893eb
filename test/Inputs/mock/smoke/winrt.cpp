// Smoke test: correct (fully consumed) use of the C++/WinRT mock. Must compile with zero warnings.
#include <winrt.h>

using namespace winrt::Windows::Foundation;

IAsyncAction do_work() { co_return; }
IAsyncOperation<int> compute(int x) { co_return x * 2; }

IAsyncOperation<int> caller() {
  co_await winrt::resume_background();
  co_await do_work();
  int a = co_await compute(1);
  co_return a;
}

winrt::fire_and_forget on_click() {   // by design: nothing to consume
  co_await do_work();
}

int main() {
  on_click();
  do_work().get();
  auto op = caller();
  return op.get() == 0 ? 1 : 0;
}
