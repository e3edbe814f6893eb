// CHECKS: coro-*
// A coroutine type that is not awaitable, has no begin()/end(), but whose
// owner resumes it (`T operator()() { h.resume(); ... }`) is a pull
// generator: a variable holding one is not work to await, and a discarded
// one is never iterated.
#include <coroutine>

template <class T> struct Pull {
  struct promise_type {
    T value{};
    Pull get_return_object() {
      return Pull{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() {}
  };
  using Handle = std::coroutine_handle<promise_type>; // behind an alias
  explicit Pull(Handle h) : h_(h) {}
  Pull(Pull &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~Pull() {
    if (h_)
      h_.destroy();
  }
  T operator()() {
    h_.resume();
    return h_.promise().value;
  }

private:
  Handle h_;
};

Pull<int> counter();

int pull_some(int n) {
  auto g = counter();
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += g();
  return sum;
}

void dropped() {
  counter(); // expected-warning {{'counter' returns a lazy generator 'Pull<int>' that is never iterated; its body will never run [coro-discarded-task]}}
}
