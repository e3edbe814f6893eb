#pragma once
// Mock of C++/WinRT's public coroutine shapes for unawaited's tests (not cppwinrt's code).
// Matters: promises via std::coroutine_traits; IAsyncAction/IAsyncOperation eager, NOT nodiscard,
// free operator co_await, .get(); fire_and_forget eager, not awaitable; resume_background nodiscard.
#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace winrt {
namespace impl {
struct async_state {
  bool completed = false;
  std::exception_ptr error;
  std::coroutine_handle<> waiter;
  void complete() noexcept { completed = true; if (auto w = std::exchange(waiter, {})) w.resume(); }
};
template <typename T> struct async_op_state : async_state { std::optional<T> value; };
} // namespace impl

namespace Windows::Foundation {
enum class AsyncStatus { Started, Completed, Canceled, Error };
struct IAsyncAction { // not [[nodiscard]]
  IAsyncAction() = default;
  explicit IAsyncAction(std::shared_ptr<impl::async_state> st) noexcept : state_(std::move(st)) {}
  AsyncStatus Status() const noexcept {
    return !state_->completed ? AsyncStatus::Started : state_->error ? AsyncStatus::Error : AsyncStatus::Completed;
  }
  void Cancel() const noexcept {}
  void get() const { if (state_->error) std::rethrow_exception(state_->error); } // mock: does not block
  std::shared_ptr<impl::async_state> state_;
};
template <typename TResult> struct IAsyncOperation { // not [[nodiscard]]
  IAsyncOperation() = default;
  explicit IAsyncOperation(std::shared_ptr<impl::async_op_state<TResult>> st) noexcept : state_(std::move(st)) {}
  void Cancel() const noexcept {}
  TResult get() const { if (state_->error) std::rethrow_exception(state_->error); return *state_->value; }
  TResult GetResults() const { return get(); }
  std::shared_ptr<impl::async_op_state<TResult>> state_;
};
} // namespace Windows::Foundation

namespace impl {
template <typename Async> struct await_adapter {
  Async async;
  bool await_ready() const noexcept { return async.state_->completed; }
  void await_suspend(std::coroutine_handle<> h) const noexcept { async.state_->waiter = h; }
  auto await_resume() const { return async.get(); }
};
template <typename Derived, typename State> struct promise_base {
  std::shared_ptr<State> state = std::make_shared<State>();
  std::suspend_never initial_suspend() const noexcept { return {}; } // hot
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { state->error = std::current_exception(); state->complete(); }
  template <typename Expression> Expression&& await_transform(Expression&& e) noexcept {
    return static_cast<Expression&&>(e);
  }
};
struct [[nodiscard]] resume_background_awaiter {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) const noexcept { return false; } // mock: stays on this thread
  void await_resume() const noexcept {}
};
} // namespace impl

namespace Windows::Foundation {
inline impl::await_adapter<IAsyncAction> operator co_await(IAsyncAction const& async) { return {async}; }
template <typename TResult>
impl::await_adapter<IAsyncOperation<TResult>> operator co_await(IAsyncOperation<TResult> const& async) {
  return {async};
}
} // namespace Windows::Foundation

struct fire_and_forget {}; // fire-and-forget coroutine return type; not awaitable

[[nodiscard]] inline impl::resume_background_awaiter resume_background() noexcept { return {}; }
} // namespace winrt

template <typename... Args> struct std::coroutine_traits<winrt::Windows::Foundation::IAsyncAction, Args...> {
  struct promise_type final : winrt::impl::promise_base<promise_type, winrt::impl::async_state> {
    winrt::Windows::Foundation::IAsyncAction get_return_object() const noexcept {
      return winrt::Windows::Foundation::IAsyncAction(this->state);
    }
    void return_void() const noexcept { this->state->complete(); }
  };
};
template <typename TResult, typename... Args>
struct std::coroutine_traits<winrt::Windows::Foundation::IAsyncOperation<TResult>, Args...> {
  struct promise_type final : winrt::impl::promise_base<promise_type, winrt::impl::async_op_state<TResult>> {
    winrt::Windows::Foundation::IAsyncOperation<TResult> get_return_object() const noexcept {
      return winrt::Windows::Foundation::IAsyncOperation<TResult>(this->state);
    }
    void return_value(TResult value) { this->state->value.emplace(std::move(value)); this->state->complete(); }
  };
};
template <typename... Args> struct std::coroutine_traits<winrt::fire_and_forget, Args...> {
  struct promise_type {
    winrt::fire_and_forget get_return_object() const noexcept { return {}; }
    std::suspend_never initial_suspend() const noexcept { return {}; }
    std::suspend_never final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void unhandled_exception() const noexcept { std::terminate(); }
  };
};
