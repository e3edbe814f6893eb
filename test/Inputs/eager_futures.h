// Eager futures for unawaited's check files: our own small stand-ins with
// the public shape of two real libraries (not their code, and deliberately
// not in their namespaces, so that no built-in profile applies and the
// checker has to classify them from their structure).
//
//  * fakestar::future<T>, like Seastar's future: [[nodiscard]], the
//    coroutine promise comes from a std::coroutine_traits specialisation
//    and starts eagerly (suspend_never), awaitable through a namespace-scope
//    operator co_await taking the future by value; .then(f) consumes it and
//    returns a new future; .get() consumes it; .available()/.failed() only
//    read it. get_units(sem, n) returns future<semaphore_units<>>, whose
//    units are held until the semaphore_units object dies.
//  * fakekj::Promise<T>, like Cap'n Proto KJ's Promise: eager, not
//    [[nodiscard]], dropping it cancels the work; [[nodiscard]] .then(f)
//    returns a new Promise; .detach(handler) and .wait(scope) consume it.
//    Awaitable through its own operator co_await (as in KJ before 0.10; newer
//    KJ accepts it only through its coroutine promise's await_transform).
//
// Nothing here blocks or schedules: everything completes inline.
#pragma once
#include <coroutine>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace fakestar {

template <typename T = void> class [[nodiscard]] future;

namespace internal {
template <typename T> struct state {
  std::optional<std::conditional_t<std::is_void_v<T>, std::tuple<>, T>> value;
  std::exception_ptr error;
  std::coroutine_handle<> waiter;
  bool ready() const noexcept { return value.has_value() || error != nullptr; }
  void wake() noexcept {
    if (auto w = std::exchange(waiter, {}))
      w.resume();
  }
};
template <typename T> struct promise_base {
  std::shared_ptr<state<T>> st = std::make_shared<state<T>>();
  template <typename U = T> void return_value(U &&v) {
    st->value.emplace(static_cast<U &&>(v));
    st->wake();
  }
};
template <> struct promise_base<void> {
  std::shared_ptr<state<void>> st = std::make_shared<state<void>>();
  void return_void() noexcept {
    st->value.emplace();
    st->wake();
  }
};
template <typename T> struct coroutine_traits_base {
  struct promise_type : promise_base<T> {
    future<T> get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; } // eager
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {
      this->st->error = std::current_exception();
      this->st->wake();
    }
  };
};
template <typename T> T take(state<T> &st) {
  if (st.error)
    std::rethrow_exception(st.error);
  if constexpr (!std::is_void_v<T>)
    return std::move(*st.value);
}
// What operator co_await returns; uses only the future's public members.
template <typename T> struct awaiter {
  future<T> fut;
  bool await_ready() const noexcept { return fut.available(); }
  void await_suspend(std::coroutine_handle<> h) noexcept { fut.set_waiter(h); }
  T await_resume() { return fut.get(); }
};
// Calls func and wraps its result in a future (a future result as is).
template <typename R> struct futurize {
  using type = future<R>;
  template <typename F, typename... A> static type call(F &func, A &&...a);
};
template <> struct futurize<void> {
  using type = future<>;
  template <typename F, typename... A> static type call(F &func, A &&...a);
};
template <typename U> struct futurize<future<U>> {
  using type = future<U>;
  template <typename F, typename... A> static type call(F &func, A &&...a) {
    return func(static_cast<A &&>(a)...);
  }
};
} // namespace internal

template <typename T> class [[nodiscard]] future {
public:
  explicit future(std::shared_ptr<internal::state<T>> st) noexcept
      : st_(std::move(st)) {}
  future(future &&) noexcept = default;
  future &operator=(future &&) noexcept = default;

  bool available() const noexcept { return st_ && st_->ready(); }
  bool failed() const noexcept { return st_ && st_->error; }
  T get() {
    auto st = std::exchange(st_, {});
    return internal::take(*st);
  }
  /// Like Seastar's set_coroutine(): resume \p h when the value is there.
  void set_waiter(std::coroutine_handle<> h) noexcept { st_->waiter = h; }

  /// Runs func on the value once it is there; the result is a new future.
  template <typename F> auto then(F &&func);

private:
  std::shared_ptr<internal::state<T>> st_;
};

// Seastar declares operator co_await at namespace scope, by value.
template <typename T> auto operator co_await(future<T> f) noexcept {
  return internal::awaiter<T>{std::move(f)};
}

template <typename T>
future<T> internal::coroutine_traits_base<T>::promise_type::get_return_object() noexcept {
  return future<T>(this->st);
}

template <typename T = void, typename... A> future<T> make_ready_future(A &&...v) {
  auto st = std::make_shared<internal::state<T>>();
  st->value.emplace(static_cast<A &&>(v)...);
  return future<T>(std::move(st));
}

template <typename R>
template <typename F, typename... A>
future<R> internal::futurize<R>::call(F &func, A &&...a) {
  return make_ready_future<R>(func(static_cast<A &&>(a)...));
}
template <typename F, typename... A>
future<> internal::futurize<void>::call(F &func, A &&...a) {
  func(static_cast<A &&>(a)...);
  return make_ready_future<>();
}

namespace internal {
// Mock: the value is always there, so then() runs func at once.
template <typename T, typename F> auto run_then(future<T> self, F &func) {
  using R = std::invoke_result_t<F &, T>;
  return futurize<R>::call(func, self.get());
}
template <typename F> auto run_then(future<> self, F &func) {
  using R = std::invoke_result_t<F &>;
  self.get();
  return futurize<R>::call(func);
}
} // namespace internal

template <typename T>
template <typename F>
auto future<T>::then(F &&func) {
  return internal::run_then(std::move(*this), func);
}

class semaphore {
public:
  explicit semaphore(std::size_t n) noexcept : count_(n) {}
  future<> wait(std::size_t n = 1) {
    count_ -= n;
    return make_ready_future<>();
  }
  void signal(std::size_t n = 1) noexcept { count_ += n; }
  std::size_t available_units() const noexcept { return count_; }

private:
  std::size_t count_;
};

template <typename Sem = semaphore> class semaphore_units {
public:
  semaphore_units(Sem &s, std::size_t n) noexcept : sem_(&s), n_(n) {}
  semaphore_units(semaphore_units &&o) noexcept
      : sem_(std::exchange(o.sem_, nullptr)), n_(o.n_) {}
  ~semaphore_units() {
    if (sem_)
      sem_->signal(n_);
  }
  std::size_t count() const noexcept { return n_; }

private:
  Sem *sem_;
  std::size_t n_;
};

inline future<semaphore_units<>> get_units(semaphore &sem, std::size_t n) {
  return make_ready_future<semaphore_units<>>(
      semaphore_units<>(sem, sem.wait(n).available() ? n : 0));
}

} // namespace fakestar

template <typename T, typename... Args>
struct std::coroutine_traits<fakestar::future<T>, Args...>
    : fakestar::internal::coroutine_traits_base<T> {};

namespace fakekj {

class EventLoop {};
class WaitScope {
public:
  explicit WaitScope(EventLoop &l) noexcept : loop_(&l) {}
  EventLoop &loop() const noexcept { return *loop_; }

private:
  EventLoop *loop_;
};

template <typename T> class Promise { // not [[nodiscard]]
public:
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct promise_type {
    std::optional<std::conditional_t<std::is_void_v<T>, std::tuple<>, T>> value;
    std::exception_ptr error;
    std::coroutine_handle<> waiter;
    Promise get_return_object() { return Promise(handle::from_promise(*this)); }
    std::suspend_never initial_suspend() noexcept { return {}; } // eager
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U = T> void return_value(U &&v) {
      value.emplace(static_cast<U &&>(v));
      if (waiter)
        waiter.resume();
    }
    void unhandled_exception() { error = std::current_exception(); }
  };

  Promise(Promise &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  Promise &operator=(Promise &&o) noexcept {
    std::swap(h_, o.h_);
    return *this;
  }
  /// Dropping the promise cancels the work: its coroutine is destroyed.
  ~Promise() {
    if (h_)
      h_.destroy();
  }

  template <typename F> [[nodiscard]] auto then(F &&func) {
    return then_impl(std::move(*this), std::decay_t<F>(static_cast<F &&>(func)));
  }
  /// Lets the work run on; errors go to the handler.
  template <typename E> void detach(E &&errorHandler) {
    if (h_ && h_.promise().error)
      errorHandler(h_.promise().error);
    h_ = {}; // mock: leaks the frame instead of handing it to the loop
  }
  /// Runs the event loop until the promise resolves.
  T wait(WaitScope &) {
    Promise self(std::move(*this));
    if (self.h_.promise().error)
      std::rethrow_exception(self.h_.promise().error);
    return std::move(*self.h_.promise().value);
  }

  struct awaiter {
    handle h;
    bool await_ready() const noexcept { return h.done(); }
    void await_suspend(std::coroutine_handle<> w) noexcept { h.promise().waiter = w; }
    T await_resume() {
      if (h.promise().error)
        std::rethrow_exception(h.promise().error);
      return std::move(*h.promise().value);
    }
  };
  awaiter operator co_await() && noexcept { return awaiter{h_}; }

private:
  explicit Promise(handle h) noexcept : h_(h) {}
  template <typename F> static auto then_impl(Promise self, F func)
      -> Promise<std::invoke_result_t<F, T>> {
    co_return func(co_await std::move(self));
  }
  handle h_;
};

} // namespace fakekj
