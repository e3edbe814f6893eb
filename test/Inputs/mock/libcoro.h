#pragma once
// Mock of jbaldwin/libcoro's public coroutine shapes for unawaited's tests (not libcoro's code).
// Matters: coro::task lazy + [[nodiscard]], awaitable anywhere; generator lazy range (not nodiscard);
// thread_pool::schedule() [[nodiscard]] awaiter; spawn_detached(task) consumes, returns bool.
#include <coroutine>
#include <cstddef>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace coro {
template <typename T = void> class task;
namespace detail {
template <typename T> struct result_slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct result_slot<void> { void return_void() noexcept {} void take() {} };
template <typename T> struct promise : result_slot<T> {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct final_awaitable {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise> h) noexcept {
        return h.promise().continuation ? h.promise().continuation : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return final_awaitable{};
  }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};
struct task_self_deleting { // eager, used by spawn_detached / sync_wait
  struct promise_type {
    task_self_deleting get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
struct void_value {};
} // namespace detail

template <typename T> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  task(task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~task() { if (coro_) coro_.destroy(); }
  bool is_ready() const noexcept { return !coro_ || coro_.done(); }
  bool resume() { if (!coro_.done()) coro_.resume(); return !coro_.done(); }
  auto operator co_await() const noexcept {
    struct awaitable {
      std::coroutine_handle<promise_type> coro;
      bool await_ready() const noexcept { return !coro || coro.done(); }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept {
        coro.promise().continuation = h;
        return coro;
      }
      T await_resume() {
        if (coro.promise().error) std::rethrow_exception(coro.promise().error);
        return coro.promise().take();
      }
    };
    return awaitable{coro_};
  }
private:
  std::coroutine_handle<promise_type> coro_;
};
template <typename T> task<T> detail::promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<promise>::from_promise(*this)};
}

template <typename T> class generator { // lazy range, not nodiscard
public:
  struct promise_type {
    const T* current = nullptr;
    generator get_return_object() noexcept {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T& v) noexcept { current = &v; return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  struct sentinel {};
  struct iterator {
    std::coroutine_handle<promise_type> coro;
    iterator& operator++() { coro.resume(); return *this; }
    const T& operator*() const { return *coro.promise().current; }
    bool operator==(sentinel) const noexcept { return coro.done(); }
  };
  explicit generator(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  generator(generator&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~generator() { if (coro_) coro_.destroy(); }
  iterator begin() { coro_.resume(); return iterator{coro_}; }
  sentinel end() noexcept { return {}; }
private:
  std::coroutine_handle<promise_type> coro_;
};

template <typename A> using await_result_t = decltype(std::declval<A>().operator co_await().await_resume());

// mock: completes inline, no real blocking
template <typename A> auto sync_wait(A&& awaitable) -> std::remove_cvref_t<await_result_t<A>> {
  using R = std::remove_cvref_t<await_result_t<A>>;
  std::optional<std::conditional_t<std::is_void_v<R>, detail::void_value, R>> out;
  std::exception_ptr ep;
  [](A&& a, auto& o, std::exception_ptr& e) -> detail::task_self_deleting {
    try {
      if constexpr (std::is_void_v<R>) { co_await static_cast<A&&>(a); o.emplace(); }
      else o.emplace(co_await static_cast<A&&>(a));
    } catch (...) { e = std::current_exception(); }
  }(static_cast<A&&>(awaitable), out, ep);
  if (ep) std::rethrow_exception(ep);
  if constexpr (!std::is_void_v<R>) return std::move(*out);
}

namespace detail {
template <typename A, typename R = std::remove_cvref_t<await_result_t<A>>>
task<std::conditional_t<std::is_void_v<R>, void_value, R>> as_value(A a) {
  if constexpr (std::is_void_v<R>) { co_await std::move(a); co_return void_value{}; }
  else co_return co_await std::move(a);
}
} // namespace detail
namespace detail {
template <typename A>
using value_of_t = std::conditional_t<std::is_void_v<await_result_t<A>>, void_value, std::remove_cvref_t<await_result_t<A>>>;
}
namespace detail {
template <typename Task> class [[nodiscard]] when_all_ready_awaitable { // lazy awaitable, not a coroutine type
public:
  explicit when_all_ready_awaitable(Task t) noexcept : task_(std::move(t)) {}
  auto operator co_await() && noexcept { return std::move(task_).operator co_await(); }
private:
  Task task_;
};
template <typename... A> task<std::tuple<value_of_t<A>...>> when_all_impl(A... awaitables) {
  co_return std::tuple<value_of_t<A>...>{co_await as_value(std::move(awaitables))...};
}
template <typename T> task<std::vector<value_of_t<task<T>>>> when_all_impl(std::vector<task<T>> tasks) {
  std::vector<value_of_t<task<T>>> out;
  for (auto& t : tasks) out.push_back(co_await as_value(std::move(t)));
  co_return out;
}
} // namespace detail
template <typename... A> [[nodiscard]] auto when_all(A... awaitables) {
  return detail::when_all_ready_awaitable{detail::when_all_impl(std::move(awaitables)...)};
}
template <typename T> [[nodiscard]] auto when_all(std::vector<task<T>> tasks) {
  return detail::when_all_ready_awaitable{detail::when_all_impl(std::move(tasks))};
}

class thread_pool {
public:
  class operation {
  public:
    explicit operation(thread_pool& tp) noexcept : pool_(&tp) {}
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept { // mock: inline
      ++pool_->scheduled_;
      return h;
    }
    void await_resume() const noexcept {}
  private:
    thread_pool* pool_;
  };
  struct options { std::size_t thread_count = 1; };
  thread_pool() = default;
  explicit thread_pool(options opts) noexcept : opts_(opts) {}
  [[nodiscard]] operation schedule() noexcept { return operation{*this}; }
  bool spawn_detached(task<void>&& t) noexcept { // not nodiscard: legit fire-and-forget
    [](task<void> tk) -> detail::task_self_deleting { co_await tk; }(std::move(t));
    return true;
  }
  std::size_t thread_count() const noexcept { return opts_.thread_count; }
private:
  options opts_;
  std::size_t scheduled_ = 0;
};
} // namespace coro
