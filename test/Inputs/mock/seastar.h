#pragma once
// Mock of Seastar's public future/coroutine shapes for unawaited's tests (not Seastar's code).
// Matters: future is [[nodiscard]], its coroutine promise (coroutine_traits) is eager; co_await only
// in seastar coroutines: await_suspend(handle<U>) calls future::set_coroutine(seastar::task&).
#include <coroutine>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace seastar {
class task {
public:
  virtual ~task() = default;
  virtual void run_and_dispose() noexcept = 0;
};
template <typename T = void> class [[nodiscard]] future;

namespace internal {
template <typename T> struct future_state {
  std::optional<std::conditional_t<std::is_void_v<T>, std::tuple<>, T>> value;
  std::exception_ptr error;
  task* waiter = nullptr;
  bool available() const noexcept { return value || error; }
  void notify() noexcept { if (auto* w = std::exchange(waiter, nullptr)) w->run_and_dispose(); }
};
template <typename T> struct promise_return {
  std::shared_ptr<future_state<T>> state = std::make_shared<future_state<T>>();
  template <typename U = T> void return_value(U&& v) { state->value.emplace(static_cast<U&&>(v)); state->notify(); }
};
template <> struct promise_return<void> {
  std::shared_ptr<future_state<void>> state = std::make_shared<future_state<void>>();
  void return_void() noexcept { state->value.emplace(); state->notify(); }
};
template <typename T> struct coroutine_traits_base {
  class promise_type final : public task, public promise_return<T> {
  public:
    future<T> get_return_object() noexcept { return future<T>(this->state); }
    std::suspend_never initial_suspend() noexcept { return {}; } // eager
    std::suspend_never final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { this->state->error = std::current_exception(); this->state->notify(); }
    void run_and_dispose() noexcept override { std::coroutine_handle<promise_type>::from_promise(*this).resume(); }
  };
};
template <typename T> struct awaiter {
  future<T> _future;
  explicit awaiter(future<T>&& f) noexcept : _future(std::move(f)) {}
  awaiter(const awaiter&) = delete;
  bool await_ready() const noexcept { return _future.available(); }
  template <typename U> void await_suspend(std::coroutine_handle<U> hndl) noexcept {
    _future.set_coroutine(hndl.promise());
  }
  T await_resume() { return _future.get(); }
};
// Waits for a future without taking its value or exception.
template <typename T> struct ready_awaiter {
  future<T>* f;
  bool await_ready() const noexcept { return f->available(); }
  template <typename U> void await_suspend(std::coroutine_handle<U> h) noexcept { f->set_coroutine(h.promise()); }
  void await_resume() const noexcept {}
};
template <typename T> struct futurize { using type = future<T>; };
template <typename T> struct futurize<future<T>> { using type = future<T>; };
} // namespace internal

template <typename T> class [[nodiscard]] future {
public:
  explicit future(std::shared_ptr<internal::future_state<T>> st) noexcept : state_(std::move(st)) {}
  future(future&&) noexcept = default;
  future& operator=(future&&) noexcept = default;
  bool available() const noexcept { return state_ && state_->available(); }
  bool failed() const noexcept { return state_ && state_->error; }
  T get() {
    if (state_->error) std::rethrow_exception(state_->error);
    if constexpr (!std::is_void_v<T>) return std::move(*state_->value);
  }
  void set_coroutine(task& t) noexcept { state_->waiter = &t; } // only seastar::task can wait
  void ignore_ready_future() noexcept { state_.reset(); }
  template <typename F> auto then(F&& func) {
    using R = std::conditional_t<std::is_void_v<T>, std::invoke_result<F>, std::invoke_result<F, T>>;
    return then_impl<typename internal::futurize<typename R::type>::type>(std::move(*this), static_cast<F&&>(func));
  }
  future<> discard_result() noexcept { return discard_impl(std::move(*this)); }
  // The exception of a failed future, which it gives up.
  std::exception_ptr get_exception() noexcept { return std::exchange(state_, nullptr)->error; }
  // Calls func with this future once it is ready (with a value or failed).
  template <typename F> auto then_wrapped(F&& func) noexcept {
    using Fut = typename internal::futurize<std::invoke_result_t<F, future>>::type;
    return wrapped_impl<Fut>(std::move(*this), static_cast<F&&>(func));
  }
  // Calls func with the exception if this future fails; a future<> then
  // succeeds with what func returns (the mock keeps to func returning void).
  // Seastar's also takes a defaulted std::source_location.
  template <typename F> future handle_exception(F&& func, int = __builtin_LINE()) noexcept {
    return handle_impl(std::move(*this), static_cast<F&&>(func));
  }
private:
  template <typename F> static future handle_impl(future self, F func) {
    if constexpr (std::is_void_v<T>) {
      try { co_await std::move(self); } catch (...) { func(std::current_exception()); }
    } else {
      co_return co_await std::move(self);
    }
  }
  template <typename Fut, typename F> static Fut wrapped_impl(future self, F func) {
    co_await internal::ready_awaiter<T>{&self};
    if constexpr (std::is_same_v<std::invoke_result_t<F, future>, Fut>) co_return co_await func(std::move(self));
    else if constexpr (std::is_void_v<std::invoke_result_t<F, future>>) func(std::move(self));
    else co_return func(std::move(self));
  }
  template <typename Fut, typename F> static Fut then_impl(future self, F func);
  static future<> discard_impl(future self) { co_await std::move(self); }
  std::shared_ptr<internal::future_state<T>> state_;
};

template <typename T> auto operator co_await(future<T> f) noexcept { return internal::awaiter<T>(std::move(f)); }

template <typename T = void, typename... A> future<T> make_ready_future(A&&... value) {
  auto st = std::make_shared<internal::future_state<T>>();
  st->value.emplace(static_cast<A&&>(value)...);
  return future<T>(std::move(st));
}

// Real Seastar: futurize<T>::from_tuple makes a ready future from a tuple of values.
template <typename T> struct futurize {
  using type = future<T>;
  static type from_tuple(std::tuple<T> v) { return make_ready_future<T>(std::get<0>(std::move(v))); }
};
template <> struct futurize<void> {
  using type = future<>;
  static type from_tuple(std::tuple<>) { return make_ready_future<>(); }
};

template <typename T> template <typename Fut, typename F> Fut future<T>::then_impl(future self, F func) {
  if constexpr (std::is_void_v<T>) {
    co_await std::move(self);
    if constexpr (std::is_same_v<std::invoke_result_t<F>, Fut>) co_return co_await func();
    else co_return func();
  } else {
    T v = co_await std::move(self);
    if constexpr (std::is_same_v<std::invoke_result_t<F, T>, Fut>) co_return co_await func(std::move(v));
    else co_return func(std::move(v));
  }
}

struct semaphore_default_exception_factory {};
template <typename ExceptionFactory> class basic_semaphore {
public:
  explicit basic_semaphore(std::size_t count) noexcept : count_(count) {}
  future<> wait(std::size_t units = 1) { count_ -= units; return make_ready_future<>(); } // mock: never blocks
  void signal(std::size_t units = 1) noexcept { count_ += units; }
  std::size_t available_units() const noexcept { return count_; }
private:
  std::size_t count_;
};
using semaphore = basic_semaphore<semaphore_default_exception_factory>;

template <typename ExceptionFactory = semaphore_default_exception_factory> class semaphore_units {
public:
  semaphore_units(basic_semaphore<ExceptionFactory>& sem, std::size_t n) noexcept : sem_(&sem), n_(n) {}
  semaphore_units(semaphore_units&& o) noexcept : sem_(std::exchange(o.sem_, nullptr)), n_(o.n_) {}
  ~semaphore_units() { if (sem_) sem_->signal(n_); }
  std::size_t count() const noexcept { return n_; }
  std::size_t release() noexcept { sem_ = nullptr; return n_; }
private:
  basic_semaphore<ExceptionFactory>* sem_;
  std::size_t n_;
};

// Real Seastar: free function get_units(sem, units) -> future<semaphore_units<>>.
template <typename ExceptionFactory>
future<semaphore_units<ExceptionFactory>> get_units(basic_semaphore<ExceptionFactory>& sem,
                                                  std::size_t units) noexcept {
  return sem.wait(units).then([&sem, units] { return semaphore_units<ExceptionFactory>{sem, units}; });
}
} // namespace seastar

template <typename T, typename... Args>
struct std::coroutine_traits<seastar::future<T>, Args...> : public seastar::internal::coroutine_traits_base<T> {};
