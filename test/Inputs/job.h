// A lazy task as most libraries' are: default-constructible (empty) and
// move-assignable, so that it can be a data member set later. For
// coro-unawaited-member's check files. Not any library's code.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace svc {

template <typename T = void> class Job {
public:
  struct promise_type {
    std::coroutine_handle<> next;
    Job get_return_object() {
      return Job(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() { std::terminate(); }
  };
  Job() = default;
  Job(Job &&o) noexcept : h(std::exchange(o.h, {})) {}
  Job &operator=(Job &&o) noexcept {
    std::swap(h, o.h);
    return *this;
  }
  ~Job() {
    if (h)
      h.destroy();
  }
  bool done() const noexcept { return !h || h.done(); }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h.promise().next = c;
    return h;
  }
  T await_resume() { return T{}; }

private:
  explicit Job(std::coroutine_handle<promise_type> h) : h(h) {}
  std::coroutine_handle<promise_type> h;
};

template <> struct Job<void>::promise_type {
  std::coroutine_handle<> next;
  Job get_return_object() {
    return Job(std::coroutine_handle<promise_type>::from_promise(*this));
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { std::terminate(); }
};
template <> inline void Job<void>::await_resume() {}

} // namespace svc
