#pragma once
// Mock of Boost.Cobalt's public coroutine shapes for unawaited's tests (not Boost's code, no Boost
// header). Matters: task lazy + [[nodiscard]]; promise eager + [[nodiscard]] (+p / detach());
// generator eager + [[nodiscard]]; detached eager fire-and-forget, not awaitable.
#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace boost::cobalt {
template <typename T = void> struct task;
template <typename T = void> struct promise;
template <typename Yield, typename Push = void> struct generator;

namespace detail {
template <typename T> struct result_slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct result_slot<void> { void return_void() noexcept {} void take() {} };
struct to_continuation {
  std::coroutine_handle<>* continuation;
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
    auto c = std::exchange(*continuation, {});
    return c ? c : std::noop_coroutine();
  }
  void await_resume() const noexcept {}
};
template <typename Ret, typename T, bool Lazy> struct coro_promise : result_slot<T> {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  Ret get_return_object() noexcept { return Ret{std::coroutine_handle<coro_promise>::from_promise(*this)}; }
  auto initial_suspend() noexcept {
    if constexpr (Lazy) return std::suspend_always{}; // cobalt uses an initial_awaitable with await_ready() == false
    else return std::suspend_never{};
  }
  to_continuation final_suspend() noexcept { return {&continuation}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};
template <typename P> struct coro_awaiter {
  std::coroutine_handle<P> coro;
  bool await_ready() const noexcept { return coro.done(); }
  decltype(auto) await_resume() {
    if (coro.promise().error) std::rethrow_exception(coro.promise().error);
    return coro.promise().take();
  }
};
struct detached_promise;
} // namespace detail

template <typename T> struct [[nodiscard]] task { // lazy
  using promise_type = detail::coro_promise<task, T, true>;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  task(task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~task() { if (coro_) coro_.destroy(); }
  auto operator co_await() noexcept {
    struct awaiter : detail::coro_awaiter<promise_type> {
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept {
        this->coro.promise().continuation = h;
        return this->coro;
      }
    };
    return awaiter{{coro_}};
  }
private:
  std::coroutine_handle<promise_type> coro_;
};

template <typename T> struct [[nodiscard]] promise { // eager; attached by default
  using promise_type = detail::coro_promise<promise, T, false>;
  explicit promise(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  promise(promise&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~promise() { if (coro_ && coro_.done()) coro_.destroy(); } // real cobalt: cancels if still attached
  void detach() noexcept { coro_ = {}; }
  void operator+() && noexcept { detach(); }
  bool ready() const noexcept { return coro_.done(); }
  T get() { return detail::coro_awaiter<promise_type>{coro_}.await_resume(); }
  auto operator co_await() noexcept {
    struct awaiter : detail::coro_awaiter<promise_type> {
      void await_suspend(std::coroutine_handle<> h) noexcept { this->coro.promise().continuation = h; }
    };
    return awaiter{{coro_}};
  }
private:
  std::coroutine_handle<promise_type> coro_;
};

struct detached { using promise_type = detail::detached_promise; }; // fire-and-forget, not awaitable
struct detail::detached_promise {
  detached get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
};

template <typename Yield, typename Push> struct [[nodiscard]] generator { // eager
  struct promise_type : detail::coro_promise<generator, Yield, false> {
    generator get_return_object() noexcept {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    detail::to_continuation yield_value(Yield v) { this->value.emplace(std::move(v)); return {&this->continuation}; }
  };
  explicit generator(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  generator(generator&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~generator() { if (coro_) coro_.destroy(); }
  explicit operator bool() const noexcept { return coro_ && (!coro_.done() || coro_.promise().value); }
  auto operator co_await() noexcept {
    struct awaiter {
      std::coroutine_handle<promise_type> coro;
      bool await_ready() const noexcept { return coro.promise().value.has_value() || coro.done(); }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept {
        coro.promise().continuation = h;
        return coro;
      }
      Yield await_resume() {
        if (coro.promise().error) std::rethrow_exception(coro.promise().error);
        return std::exchange(coro.promise().value, std::nullopt).value();
      }
    };
    return awaiter{coro_};
  }
private:
  std::coroutine_handle<promise_type> coro_;
};

// spawn(ctx_or_executor, task, completion_token): the token may be a handler void(exception_ptr, T)
// or any other token object (e.g. a real asio::detached), which is then ignored (detached).
template <typename Ctx, typename T, typename Token> void spawn(Ctx& /*ctx*/, task<T>&& t, Token&& token) {
  [](task<T> tk, std::decay_t<Token> tok) -> detached {
    std::exception_ptr ep;
    if constexpr (std::is_void_v<T>) {
      try { co_await tk; } catch (...) { ep = std::current_exception(); }
      if constexpr (std::is_invocable_v<std::decay_t<Token>&, std::exception_ptr>) tok(ep);
    } else {
      std::optional<T> v;
      try { v.emplace(co_await tk); } catch (...) { ep = std::current_exception(); }
      if constexpr (std::is_invocable_v<std::decay_t<Token>&, std::exception_ptr, T>) tok(ep, v ? std::move(*v) : T{});
    }
  }(std::move(t), static_cast<Token&&>(token));
}

template <typename T> T run(task<T> t) { // synchronous; mock: single-threaded, completes inline
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> out;
  std::exception_ptr ep;
  [](task<T> tk, auto& o, std::exception_ptr& e) -> detached {
    try {
      if constexpr (std::is_void_v<T>) { co_await tk; o.emplace(true); }
      else o.emplace(co_await tk);
    } catch (...) { e = std::current_exception(); }
  }(std::move(t), out, ep);
  if (ep) std::rethrow_exception(ep);
  if constexpr (!std::is_void_v<T>) return std::move(*out);
}
} // namespace boost::cobalt
