// CHECKS: coro-*
// A coroutine type that is not awaitable and has no begin()/end(), but
// whose member returns an awaitable (`call_awaiter operator()()`, as
// Seastar's coroutine::experimental::generator), is an async pull
// generator: its owner awaits what the member returns, one value at a
// time. A variable holding one is not work to await (a loop that pulls
// nothing is fine), and a discarded one is never iterated.
#include <coroutine>
#include <exception>
#include <optional>

template <class T> struct AsyncPull {
  struct promise_type {
    std::optional<T> value;
    std::coroutine_handle<> consumer;
    AsyncPull get_return_object() {
      return AsyncPull{
          std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  // What operator() returns: awaiting it runs the generator to its next
  // value. The generator itself is not awaitable.
  class call_awaiter {
  public:
    explicit call_awaiter(AsyncPull *g) : g_(g) {}
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
      g_->h_.promise().consumer = c;
      return g_->h_;
    }
    std::optional<T> await_resume() { return g_->h_.promise().value; }

  private:
    AsyncPull *g_;
  };
  explicit AsyncPull(std::coroutine_handle<promise_type> h) : h_(h) {}
  AsyncPull(AsyncPull &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~AsyncPull() {
    if (h_)
      h_.destroy();
  }
  [[nodiscard]] call_awaiter operator()() noexcept {
    return call_awaiter{this};
  }

private:
  std::coroutine_handle<promise_type> h_;
};

struct Lazy {
  struct promise_type {
    Lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

AsyncPull<int> counter(unsigned n);

// Pulls n values; n may be 0, and then nothing is pulled: not a bug.
Lazy pull_some(unsigned n) {
  auto count = counter(n);
  for (unsigned i = 0; i < n; ++i)
    co_await count();
}

Lazy pull_until_empty() {
  auto gen = counter(10);
  while (auto v = co_await gen()) {
  }
}

void dropped() {
  counter(3); // expected-warning {{'counter' returns a lazy generator 'AsyncPull<int>' that is never iterated; its body will never run [coro-discarded-task]}}
}
