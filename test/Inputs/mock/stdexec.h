#pragma once
// Mock of NVIDIA stdexec's public task/sender shapes for unawaited's tests (not stdexec's code).
// Matters: exec::task lazy + [[nodiscard]], operator co_await() && (anywhere); senders
// (sender_concept = stdexec::sender_t) lazy, not nodiscard, awaitable only inside exec::task.
#include <coroutine>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace stdexec {
struct sender_t {};
struct set_value_t {};
struct set_error_t {};
struct set_stopped_t {};
template <typename... Sigs> struct completion_signatures {};

namespace __detail {
template <typename Sigs> struct __value_of;
template <typename... Ts> struct __first { using type = void; };
template <typename T> struct __first<T> { using type = T; };
template <typename... Ts, typename... Rest>
struct __value_of<completion_signatures<set_value_t(Ts...), Rest...>> : __first<Ts...> {};
template <typename S> concept __sender = std::is_same_v<typename std::remove_cvref_t<S>::sender_concept, sender_t>;
template <typename S>
using __result_t = typename __value_of<typename std::remove_cvref_t<S>::completion_signatures>::type;
template <typename T> using __value_tuple_t = std::conditional_t<std::is_void_v<T>, std::tuple<>, std::tuple<T>>;

template <typename R> struct __state {
  std::optional<__value_tuple_t<R>> value;
  std::exception_ptr error;
  std::coroutine_handle<> continuation;
};
template <typename R> struct __receiver {
  __state<R>* st;
  template <typename... V> void set_value(V&&... v) && noexcept {
    st->value.emplace(static_cast<V&&>(v)...);
    st->continuation.resume();
  }
  void set_error(std::exception_ptr e) && noexcept { st->error = e; st->continuation.resume(); }
  void set_stopped() && noexcept { st->continuation.resume(); }
};
template <typename S, typename R = __result_t<S>> struct __sender_awaiter : __state<R> {
  using __op_t = decltype(std::declval<S>().connect(std::declval<__receiver<R>>()));
  S sndr;
  std::optional<__op_t> op;
  explicit __sender_awaiter(S&& s) : sndr(std::move(s)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    this->continuation = h;
    op.emplace(std::move(sndr).connect(__receiver<R>{this}));
    op->start();
  }
  R await_resume() {
    if (this->error) std::rethrow_exception(this->error);
    if constexpr (!std::is_void_v<R>) return std::get<0>(std::move(*this->value));
  }
};
template <typename S> requires __sender<S> auto __as_awaitable(S&& s) {
  return __sender_awaiter<std::remove_cvref_t<S>>(std::move(s));
}
template <typename A> requires(!__sender<A>) A&& __as_awaitable(A&& a) noexcept { return static_cast<A&&>(a); }

template <typename... Ts> struct __just_sender { // lazy, completes inline
  using sender_concept = sender_t;
  using completion_signatures =
      stdexec::completion_signatures<set_value_t(Ts...), set_error_t(std::exception_ptr), set_stopped_t()>;
  std::tuple<Ts...> values;
  template <typename Rcvr> struct __op {
    Rcvr rcvr;
    std::tuple<Ts...> values;
    void start() & noexcept { std::apply([this](Ts&... v) { std::move(rcvr).set_value(std::move(v)...); }, values); }
  };
  template <typename Rcvr> __op<Rcvr> connect(Rcvr r) && { return {std::move(r), std::move(values)}; }
};
struct __oneway {
  struct promise_type {
    __oneway get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
template <typename A> decltype(auto) __get_awaiter(A&& a) {
  if constexpr (requires { static_cast<A&&>(a).operator co_await(); }) return static_cast<A&&>(a).operator co_await();
  else return static_cast<A&&>(a);
}
template <typename S>
using __await_result_t = decltype(__get_awaiter(__as_awaitable(std::declval<std::remove_cvref_t<S>>())).await_resume());
} // namespace __detail

template <typename... Ts> requires(sizeof...(Ts) <= 1)
__detail::__just_sender<std::decay_t<Ts>...> just(Ts&&... vs) { return {{static_cast<Ts&&>(vs)...}}; }
} // namespace stdexec

namespace exec {
template <typename T = void> class [[nodiscard]] task;
namespace __task {
template <typename T> struct __slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct __slot<void> { void return_void() noexcept {} void take() {} };
template <typename T> struct __promise : __slot<T> {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct __final {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<__promise> h) noexcept {
        return h.promise().continuation ? h.promise().continuation : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return __final{};
  }
  void unhandled_exception() noexcept { error = std::current_exception(); }
  template <typename A> decltype(auto) await_transform(A&& a) {
    return stdexec::__detail::__as_awaitable(static_cast<A&&>(a));
  }
};
template <typename T> struct __awaiter {
  std::coroutine_handle<__promise<T>> coro;
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
} // namespace __task

template <typename T> class [[nodiscard]] task {
public:
  using promise_type = __task::__promise<T>;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  task(task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~task() { if (coro_) coro_.destroy(); }
  __task::__awaiter<T> operator co_await() && noexcept { return {coro_}; }
private:
  std::coroutine_handle<promise_type> coro_;
};
template <typename T> task<T> __task::__promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<__promise>::from_promise(*this)};
}

template <typename S> void start_detached(S&& s) {
  [](std::remove_cvref_t<S> snd) -> stdexec::__detail::__oneway {
    co_await stdexec::__detail::__as_awaitable(std::move(snd));
  }(static_cast<S&&>(s));
}
} // namespace exec

namespace stdexec {
template <typename S, typename R = __detail::__await_result_t<S>>
std::optional<__detail::__value_tuple_t<R>> sync_wait(S&& s) { // accepts senders and awaitables (exec::task)
  std::optional<__detail::__value_tuple_t<R>> out;
  [](std::remove_cvref_t<S> snd, auto& result) -> __detail::__oneway {
    if constexpr (std::is_void_v<R>) { co_await __detail::__as_awaitable(std::move(snd)); result.emplace(); }
    else result.emplace(co_await __detail::__as_awaitable(std::move(snd)));
  }(static_cast<S&&>(s), out);
  return out;
}
} // namespace stdexec
