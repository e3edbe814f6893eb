#pragma once
// Mock of concurrencpp's public result shapes for unawaited's tests (not concurrencpp's code).
// Matters: promises come from std::coroutine_traits specialisations; result<T> eager, not nodiscard;
// lazy_result<T> lazy, not nodiscard, .run() -> result<T>; null_result eager fire-and-forget.
#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace concurrencpp {
namespace details {
template <typename T> struct result_state {
  std::optional<std::conditional_t<std::is_void_v<T>, std::tuple<>, T>> value;
  std::exception_ptr error;
  std::coroutine_handle<> continuation;
  bool ready() const noexcept { return value || error; }
  void publish() noexcept { if (auto c = std::exchange(continuation, {})) c.resume(); }
  T get() {
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) return std::move(*value);
  }
};
} // namespace details

template <typename T> class result { // not [[nodiscard]]
public:
  result() noexcept = default;
  explicit result(std::shared_ptr<details::result_state<T>> st) noexcept : state_(std::move(st)) {}
  explicit operator bool() const noexcept { return static_cast<bool>(state_); }
  T get() { return std::exchange(state_, {})->get(); } // mock: does not block
  void wait() const noexcept {}
  auto operator co_await() {
    struct awaiter {
      std::shared_ptr<details::result_state<T>> st;
      bool await_ready() const noexcept { return st->ready(); }
      void await_suspend(std::coroutine_handle<> h) noexcept { st->continuation = h; }
      T await_resume() { return st->get(); }
    };
    return awaiter{std::exchange(state_, {})};
  }
private:
  std::shared_ptr<details::result_state<T>> state_;
};

class null_result {}; // fire-and-forget coroutine return type; not awaitable

template <typename T> class lazy_result { // not [[nodiscard]]; lazy
public:
  lazy_result(lazy_result&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  explicit lazy_result(std::coroutine_handle<> h) noexcept : coro_(h) {}
  ~lazy_result() { if (coro_) coro_.destroy(); }
  auto operator co_await();
  result<T> run() { return run_impl(std::move(*this)); }
private:
  static result<T> run_impl(lazy_result self) { co_return co_await self; }
  std::coroutine_handle<> coro_;
};

namespace details {
template <typename T> struct return_slot {
  std::shared_ptr<result_state<T>> state = std::make_shared<result_state<T>>();
  template <typename U = T> void return_value(U&& v) { state->value.emplace(static_cast<U&&>(v)); }
};
template <> struct return_slot<void> {
  std::shared_ptr<result_state<void>> state = std::make_shared<result_state<void>>();
  void return_void() noexcept { state->value.emplace(); }
};
template <typename T> struct initialy_resumed_result_promise : return_slot<T> {
  result<T> get_return_object() noexcept { return result<T>(this->state); }
  std::suspend_never initial_suspend() noexcept { return {}; } // eager
  auto final_suspend() noexcept {
    struct publisher : std::suspend_always {
      bool await_suspend(std::coroutine_handle<initialy_resumed_result_promise> h) noexcept {
        h.promise().state->publish();
        return false;
      }
    };
    return publisher{};
  }
  void unhandled_exception() noexcept { this->state->error = std::current_exception(); }
};
template <typename T> struct lazy_promise : return_slot<T> {
  lazy_result<T> get_return_object() noexcept {
    return lazy_result<T>(std::coroutine_handle<lazy_promise>::from_promise(*this));
  }
  std::suspend_always initial_suspend() noexcept { return {}; } // lazy
  auto final_suspend() noexcept {
    struct to_continuation : std::suspend_always {
      std::coroutine_handle<> await_suspend(std::coroutine_handle<lazy_promise> h) noexcept {
        auto c = h.promise().state->continuation;
        return c ? c : std::noop_coroutine();
      }
    };
    return to_continuation{};
  }
  void unhandled_exception() noexcept { this->state->error = std::current_exception(); }
};
struct initialy_resumed_null_result_promise {
  null_result get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
};
} // namespace details

template <typename T> auto lazy_result<T>::operator co_await() {
  struct awaiter {
    std::coroutine_handle<details::lazy_promise<T>> coro;
    ~awaiter() { if (coro) coro.destroy(); }
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept {
      coro.promise().state->continuation = h;
      return coro;
    }
    T await_resume() { return coro.promise().state->get(); }
  };
  return awaiter{std::coroutine_handle<details::lazy_promise<T>>::from_address(std::exchange(coro_, {}).address())};
}
} // namespace concurrencpp

template <typename T, typename... Args> struct std::coroutine_traits<concurrencpp::result<T>, Args...> {
  using promise_type = concurrencpp::details::initialy_resumed_result_promise<T>;
};
template <typename T, typename... Args> struct std::coroutine_traits<concurrencpp::lazy_result<T>, Args...> {
  using promise_type = concurrencpp::details::lazy_promise<T>;
};
template <typename... Args> struct std::coroutine_traits<concurrencpp::null_result, Args...> {
  using promise_type = concurrencpp::details::initialy_resumed_null_result_promise;
};
