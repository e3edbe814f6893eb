#pragma once
// Mock of async_simple's public coro::Lazy shapes for unawaited's tests (not async_simple's code).
// Matters: Lazy is lazy + [[nodiscard]], awaitable only from Lazy/DetachedCoroutine (await_suspend
// takes coroutine_handle<LazyPromise<U>>); RescheduleLazy is consumed by start(cb)/detach().
#include <coroutine>
#include <exception>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace async_simple {
class Executor {
public:
  using Func = std::function<void()>;
  virtual ~Executor() = default;
  virtual bool schedule(Func func) = 0;
};

template <typename T> class Try {
public:
  Try() = default;
  Try(T v) : value_(std::move(v)) {}
  Try(std::exception_ptr e) : error_(std::move(e)) {}
  bool hasError() const noexcept { return static_cast<bool>(error_); }
  T value() && { if (error_) std::rethrow_exception(error_); return std::move(*value_); }
private:
  std::optional<T> value_;
  std::exception_ptr error_;
};
template <> class Try<void> {
public:
  Try() = default;
  Try(std::exception_ptr e) : error_(std::move(e)) {}
  bool hasError() const noexcept { return static_cast<bool>(error_); }
  void value() && { if (error_) std::rethrow_exception(error_); }
private:
  std::exception_ptr error_;
};

namespace coro {
template <typename T = void> class Lazy;
template <typename T> class RescheduleLazy;
namespace detail {
struct DetachedCoroutine { // eager, internal driver for start()/syncAwait()
  struct promise_type {
    DetachedCoroutine get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
template <typename T> struct ResultSlot { Try<T> result; void return_value(T v) { result = Try<T>(std::move(v)); } };
template <> struct ResultSlot<void> { Try<void> result; void return_void() noexcept {} };
} // namespace detail

template <typename T> class LazyPromise : public detail::ResultSlot<T> {
public:
  Lazy<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; } // lazy
  auto final_suspend() noexcept {
    struct FinalAwaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<LazyPromise> h) noexcept {
        return h.promise().continuation_ ? h.promise().continuation_ : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return FinalAwaiter{};
  }
  void unhandled_exception() noexcept { this->result = Try<T>(std::current_exception()); }
  Executor* executor_ = nullptr;
  std::coroutine_handle<> continuation_;
};

namespace detail {
template <typename T, bool ReturnTry> struct LazyAwaiter {
  std::coroutine_handle<LazyPromise<T>> coro;
  LazyAwaiter(std::coroutine_handle<LazyPromise<T>> h) noexcept : coro(h) {}
  LazyAwaiter(LazyAwaiter&& o) noexcept : coro(std::exchange(o.coro, {})) {}
  ~LazyAwaiter() { if (coro) coro.destroy(); }
  bool await_ready() const noexcept { return false; }
  // Only Lazy (LazyPromise<U>) and DetachedCoroutine may await a Lazy.
  template <typename U> std::coroutine_handle<> await_suspend(std::coroutine_handle<LazyPromise<U>> c) noexcept {
    coro.promise().executor_ = c.promise().executor_;
    coro.promise().continuation_ = c;
    return coro;
  }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<DetachedCoroutine::promise_type> c) noexcept {
    coro.promise().continuation_ = c;
    return coro;
  }
  auto await_resume() {
    if constexpr (ReturnTry) return std::move(coro.promise().result);
    else return std::move(coro.promise().result).value();
  }
};
} // namespace detail

template <typename T> class [[nodiscard]] Lazy {
public:
  using promise_type = LazyPromise<T>;
  using ValueType = T;
  explicit Lazy(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  Lazy(Lazy&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~Lazy() { if (coro_) coro_.destroy(); }
  detail::LazyAwaiter<T, false> operator co_await() noexcept { return {std::exchange(coro_, {})}; }
  detail::LazyAwaiter<T, true> coAwaitTry() noexcept { return {std::exchange(coro_, {})}; }
  RescheduleLazy<T> via(Executor* ex) && { coro_.promise().executor_ = ex; return RescheduleLazy<T>(std::move(*this)); }
  template <typename F> void start(F&& callback) && {
    [](Lazy self, std::decay_t<F> cb) -> detail::DetachedCoroutine {
      cb(co_await std::move(self).coAwaitTry());
    }(std::move(*this), static_cast<F&&>(callback));
  }
private:
  std::coroutine_handle<promise_type> coro_;
};
template <typename T> Lazy<T> LazyPromise<T>::get_return_object() noexcept {
  return Lazy<T>{std::coroutine_handle<LazyPromise>::from_promise(*this)};
}

template <typename T> class [[nodiscard]] RescheduleLazy {
public:
  explicit RescheduleLazy(Lazy<T>&& l) noexcept : lazy_(std::move(l)) {}
  template <typename F> void start(F&& callback) && { std::move(lazy_).start(static_cast<F&&>(callback)); }
  void detach() && { std::move(lazy_).start([](Try<T>&&) {}); }
private:
  Lazy<T> lazy_;
};

template <typename L> auto syncAwait(L&& lazy) { // mock: assumes the Lazy completes inline
  using T = typename std::remove_cvref_t<L>::ValueType;
  Try<T> out;
  std::move(lazy).start([&out](Try<T>&& r) { out = std::move(r); });
  return std::move(out).value();
}

template <typename... T> Lazy<std::tuple<Try<T>...>> collectAll(Lazy<T>... lazies) {
  co_return std::tuple<Try<T>...>{co_await std::move(lazies).coAwaitTry()...};
}
template <typename T> Lazy<std::vector<Try<T>>> collectAll(std::vector<Lazy<T>> lazies) {
  std::vector<Try<T>> out;
  for (auto& l : lazies) out.push_back(co_await std::move(l).coAwaitTry());
  co_return out;
}
} // namespace coro
} // namespace async_simple
