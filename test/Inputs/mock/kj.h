#pragma once
// Mock of Cap'n Proto KJ's public Promise/coroutine shapes for unawaited's tests (not KJ's code).
// Matters: kj::Promise NOT [[nodiscard]] (KJ <= 1.4), eager coroutine start, dropping it cancels;
// co_await only inside KJ coroutines (Coroutine::await_transform); .then/.wait/.detach consume it.
#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace kj {
class EventLoop {};
class WaitScope {
public:
  explicit WaitScope(EventLoop& loop) noexcept : loop_(&loop) {}
  EventLoop& loop() const noexcept { return *loop_; }
private:
  EventLoop* loop_;
};
struct ReadyNow {};
constexpr ReadyNow READY_NOW{};

namespace _ {
template <typename T> struct PromiseState {
  std::optional<std::conditional_t<std::is_void_v<T>, std::tuple<>, T>> value;
  std::exception_ptr error;
  std::coroutine_handle<> waiter;
  bool ready() const noexcept { return value || error; }
  T get() {
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) return std::move(*value);
  }
};
template <typename T> class Coroutine;
template <typename T> class PromiseAwaiter;
template <typename T> struct IsPromise : std::false_type {};
} // namespace _

template <typename T> class Promise { // not [[nodiscard]] (KJ <= 1.4)
public:
  Promise(ReadyNow) requires std::is_void_v<T> : state_(std::make_shared<_::PromiseState<T>>()) {
    state_->value.emplace();
  }
  template <typename U> requires(!std::is_void_v<T> && std::is_convertible_v<U, T>)
  Promise(U&& v) : state_(std::make_shared<_::PromiseState<T>>()) { state_->value.emplace(static_cast<U&&>(v)); }
  Promise(std::shared_ptr<_::PromiseState<T>> st, std::coroutine_handle<> frame) noexcept
      : state_(std::move(st)), frame_(frame) {
  }
  Promise(Promise&& o) noexcept : state_(std::move(o.state_)), frame_(std::exchange(o.frame_, {})) {}
  ~Promise() { if (frame_) frame_.destroy(); } // dropping the promise cancels the coroutine
  template <typename F> [[nodiscard]] auto then(F&& func) {
    return then_impl(std::move(*this), std::decay_t<F>(static_cast<F&&>(func)));
  }
  template <typename E> void detach(E&& errorHandler);
  T wait(WaitScope&) { return state_->get(); } // mock: no event loop
private:
  template <typename F> static auto then_impl(Promise self, F func);
  friend class _::PromiseAwaiter<T>;
  std::shared_ptr<_::PromiseState<T>> state_;
  std::coroutine_handle<> frame_;
};

namespace _ {
template <typename U> struct IsPromise<Promise<U>> : std::true_type {};
template <typename T> class PromiseAwaiter {
public:
  explicit PromiseAwaiter(Promise<T>&& p) noexcept : promise_(std::move(p)) {}
  bool await_ready() const noexcept { return promise_.state_->ready(); }
  void await_suspend(std::coroutine_handle<> h) noexcept { promise_.state_->waiter = h; }
  T await_resume() { return promise_.state_->get(); }
private:
  Promise<T> promise_;
};
template <typename T> struct ReturnSlot {
  std::shared_ptr<PromiseState<T>> state = std::make_shared<PromiseState<T>>();
  template <typename U = T> void return_value(U&& v) { state->value.emplace(static_cast<U&&>(v)); }
};
template <> struct ReturnSlot<void> {
  std::shared_ptr<PromiseState<void>> state = std::make_shared<PromiseState<void>>();
  void return_void() noexcept { state->value.emplace(); }
};
template <typename T> class Coroutine : public ReturnSlot<T> {
public:
  Promise<T> get_return_object() {
    return Promise<T>(this->state, std::coroutine_handle<Coroutine>::from_promise(*this));
  }
  std::suspend_never initial_suspend() noexcept { return {}; } // eager start
  auto final_suspend() noexcept { // stays suspended: the Promise owns the frame
    struct FinalAwaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<Coroutine> h) noexcept {
        auto w = std::exchange(h.promise().state->waiter, {});
        return w ? w : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return FinalAwaiter{};
  }
  void unhandled_exception() noexcept { this->state->error = std::current_exception(); }
  template <typename U> PromiseAwaiter<U> await_transform(Promise<U>& p) { return PromiseAwaiter<U>(std::move(p)); }
  template <typename U> PromiseAwaiter<U> await_transform(Promise<U>&& p) { return PromiseAwaiter<U>(std::move(p)); }
};
struct Detached { // eager driver for Promise::detach()
  struct promise_type {
    Detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
} // namespace _

template <typename T> template <typename F> auto Promise<T>::then_impl(Promise self, F func) {
  using R = std::conditional_t<std::is_void_v<T>, std::invoke_result<F&>, std::invoke_result<F&, T>>;
  if constexpr (_::IsPromise<typename R::type>::value) return [](Promise s, F f) -> typename R::type {
    if constexpr (std::is_void_v<T>) { co_await s; co_return co_await f(); }
    else co_return co_await f(co_await s);
  }(std::move(self), std::move(func));
  else return [](Promise s, F f) -> Promise<typename R::type> {
    if constexpr (std::is_void_v<T>) { co_await s; co_return f(); }
    else co_return f(co_await s);
  }(std::move(self), std::move(func));
}
template <typename T> template <typename E> void Promise<T>::detach(E&& errorHandler) {
  [](Promise p, std::decay_t<E> onError) -> _::Detached {
    try { co_await _::PromiseAwaiter<T>(std::move(p)); } catch (...) { onError(std::current_exception()); }
  }(std::move(*this), static_cast<E&&>(errorHandler));
}
} // namespace kj

template <typename T, typename... Args> struct std::coroutine_traits<kj::Promise<T>, Args...> {
  using promise_type = kj::_::Coroutine<T>;
};
