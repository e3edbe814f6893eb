#pragma once
// Mock of libunifex's public coroutine/sender shapes for unawaited's tests (not libunifex's code).
// What matters: unifex::task is lazy, [[nodiscard]], a sender, and has NO operator co_await: it (and
// every sender) can be awaited only inside a unifex::task, through its promise's await_transform.
#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace unifex {
struct unit {};
template <typename T = void> struct task;

namespace _detail {
template <typename... Ts> struct single { using type = void; };
template <typename T> struct single<T> { using type = T; };
template <typename... Ts> struct variant_of { using type = void; };
template <typename T> struct variant_of<T> { using type = typename T::type; };
template <typename S>
concept sender = requires { S::sends_done; typename S::template value_types<variant_of, single>; };
template <typename S>
using sender_result_t = typename std::remove_cvref_t<S>::template value_types<variant_of, single>::type;

template <typename R> struct sender_state {
  std::optional<std::conditional_t<std::is_void_v<R>, unit, R>> value;
  std::exception_ptr error;
  std::coroutine_handle<> continuation;
};
template <typename R> struct sender_receiver {
  sender_state<R>* st;
  template <typename... V> void set_value(V&&... v) && {
    st->value.emplace(static_cast<V&&>(v)...);
    st->continuation.resume();
  }
  void set_error(std::exception_ptr e) && noexcept { st->error = e; st->continuation.resume(); }
  void set_done() && noexcept { st->continuation.resume(); } // mock: no cancellation propagation
};
template <typename S, typename R = sender_result_t<S>> struct sender_awaiter : sender_state<R> {
  using op_t = decltype(std::declval<S>().connect(std::declval<sender_receiver<R>>()));
  S sender;
  std::optional<op_t> op;
  explicit sender_awaiter(S&& s) : sender(std::move(s)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    this->continuation = h;
    op.emplace(std::move(sender).connect(sender_receiver<R>{this}));
    op->start();
  }
  R await_resume() {
    if (this->error) std::rethrow_exception(this->error);
    if constexpr (!std::is_void_v<R>) return std::move(*this->value);
  }
};

template <typename T> struct result_slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct result_slot<void> { void return_void() noexcept {} void take() {} };

template <typename T> struct task_promise : result_slot<T> {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; } // "Our coroutine types are lazy"
  auto final_suspend() noexcept {
    struct final_awaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<task_promise> h) noexcept {
        return h.promise().continuation ? h.promise().continuation : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return final_awaiter{};
  }
  void unhandled_exception() noexcept { error = std::current_exception(); }
  template <typename V> decltype(auto) await_transform(V&& value); // unifex::await_transform CPO
};
template <typename T> struct task_awaiter {
  std::coroutine_handle<task_promise<T>> coro;
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    coro.promise().continuation = c;
    return coro;
  }
  T await_resume() {
    if (coro.promise().error) std::rethrow_exception(coro.promise().error);
    return coro.promise().take();
  }
};
template <typename T> task_awaiter<T> as_awaitable(task<T>&& t) noexcept;
template <sender S> sender_awaiter<std::remove_cvref_t<S>> as_awaitable(S&& s) {
  return sender_awaiter<std::remove_cvref_t<S>>(std::move(s));
}
template <typename A> requires(!sender<std::remove_cvref_t<A>>) A&& as_awaitable(A&& a) noexcept {
  return static_cast<A&&>(a);
}
template <typename T> template <typename V> decltype(auto) task_promise<T>::await_transform(V&& value) {
  return as_awaitable(static_cast<V&&>(value));
}

struct oneway { // eager driver used by sync_wait / spawn_detached
  struct promise_type {
    oneway get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
struct void_sender { // lazy sender completing inline with set_value()
  template <template <typename...> class Variant, template <typename...> class Tuple>
  using value_types = Variant<Tuple<>>;
  template <template <typename...> class Variant> using error_types = Variant<std::exception_ptr>;
  static constexpr bool sends_done = true;
  template <typename Receiver> struct operation {
    Receiver receiver;
    void start() noexcept { std::move(receiver).set_value(); }
  };
  template <typename Receiver> operation<std::remove_cvref_t<Receiver>> connect(Receiver&& r) && {
    return {static_cast<Receiver&&>(r)};
  }
};
} // namespace _detail

template <typename T> struct [[nodiscard]] task { // no operator co_await
  using promise_type = _detail::task_promise<T>;
  template <template <typename...> class Variant, template <typename...> class Tuple>
  using value_types = std::conditional_t<std::is_void_v<T>, Variant<Tuple<>>, Variant<Tuple<T>>>;
  template <template <typename...> class Variant> using error_types = Variant<std::exception_ptr>;
  static constexpr bool sends_done = true;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  task(task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~task() { if (coro_) coro_.destroy(); }
private:
  friend _detail::task_awaiter<T> _detail::as_awaitable<T>(task&&) noexcept;
  std::coroutine_handle<promise_type> coro_;
};
template <typename T> task<T> _detail::task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise>::from_promise(*this)};
}
template <typename T> _detail::task_awaiter<T> _detail::as_awaitable(task<T>&& t) noexcept {
  return {std::exchange(t.coro_, {})};
}

inline _detail::void_sender schedule() noexcept { return {}; } // sender on the current scheduler

template <typename S, typename R = _detail::sender_result_t<S>>
std::optional<std::conditional_t<std::is_void_v<R>, unit, R>> sync_wait(S&& s) {
  std::optional<std::conditional_t<std::is_void_v<R>, unit, R>> out;
  [](std::remove_cvref_t<S> snd, auto& result) -> _detail::oneway {
    if constexpr (std::is_void_v<R>) { co_await _detail::as_awaitable(std::move(snd)); result.emplace(); }
    else result.emplace(co_await _detail::as_awaitable(std::move(snd)));
  }(static_cast<S&&>(s), out);
  return out;
}

namespace v2 {
class async_scope {
public:
  [[nodiscard]] _detail::void_sender join() noexcept { return {}; }
};
} // namespace v2

template <typename S, typename Scope> void spawn_detached(S&& s, Scope& /*scope*/) {
  [](std::remove_cvref_t<S> snd) -> _detail::oneway {
    co_await _detail::as_awaitable(std::move(snd));
  }(static_cast<S&&>(s));
}
} // namespace unifex
