// Generic coroutine types for unawaited's check files: one of each class of
// the type model (docs/types.md), in namespace demo. Not any library's code.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace demo {

// Lazy task: initial_suspend is suspend_always; awaitable anywhere.
template <typename T = void> class Task {
public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(
          std::coroutine_handle<promise_type> h) noexcept {
        auto c = h.promise().continuation;
        return c ? c : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { std::terminate(); }
  };
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}
  Task &operator=(Task &&o) noexcept {
    std::swap(h, o.h);
    return *this;
  }
  ~Task() {
    if (h)
      h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h.promise().continuation = c;
    return h;
  }
  T await_resume() { return std::move(h.promise().value); }
  bool done() const { return h.done(); }

private:
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  std::coroutine_handle<promise_type> h;
};

template <> class Task<void> {
public:
  struct promise_type {
    std::coroutine_handle<> continuation;
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(
          std::coroutine_handle<promise_type> h) noexcept {
        auto c = h.promise().continuation;
        return c ? c : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Task() {
    if (h)
      h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h.promise().continuation = c;
    return h;
  }
  void await_resume() {}

private:
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  std::coroutine_handle<promise_type> h;
};

// Eager task: initial_suspend is suspend_never; awaitable for its result.
template <typename T = void> class Eager {
public:
  struct promise_type {
    Eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T{}; }
};
template <> class Eager<void> {
public:
  struct promise_type {
    Eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

// Eager and [[nodiscard]], like Seastar's future.
template <typename T = void> class [[nodiscard]] MustUse : public Eager<T> {
public:
  struct promise_type : Eager<T>::promise_type {
    MustUse get_return_object() { return {}; }
  };
};

// Fire-and-forget: eager and not awaitable.
struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// Lazy awaitable without a promise: an operation object.
struct SleepAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
inline SleepAwaiter sleep_for(int) { return {}; }

// Generator: lazy, iterated, not awaitable.
template <typename T> class Generator {
public:
  struct promise_type {
    Generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {};
  iterator begin() { return {}; }
  iterator end() { return {}; }
};

// An unrelated class that happens to be called Task: not a coroutine type.
namespace unrelated {
struct Task {
  int id = 0;
};
} // namespace unrelated

template <typename T> T sync_wait(Task<T>) { return T{}; }
inline void sync_wait(Task<void>) {}

} // namespace demo
