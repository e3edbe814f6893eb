#pragma once
// Mock of folly::coro / folly futures public shapes for unawaited's tests (not folly's code).
// Matters: coro::Task lazy + [[nodiscard]], NO operator co_await (only via folly promises'
// await_transform -> co_viaIfAsync); TaskWithExecutor co_await-able anywhere; Future eager.
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace folly {
struct Unit {};
template <typename T> using lift_unit_t = std::conditional_t<std::is_void_v<T>, Unit, T>;

class Executor {
public:
  virtual ~Executor() = default;
  virtual void add(std::function<void()> func) = 0;
  template <typename E = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    /* implicit for the mock */ KeepAlive(E* e) noexcept : e_(e) {}
    E* get() const noexcept { return e_; }
    explicit operator bool() const noexcept { return e_ != nullptr; }
  private:
    E* e_ = nullptr;
  };
};
class InlineExecutor : public Executor {
public:
  void add(std::function<void()> func) override { func(); }
};

namespace detail { template <typename T> struct ready_awaiter {
  std::optional<T> value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() { return std::move(*value); }
}; }

template <typename T> class Future;
template <typename T> class SemiFuture { // not [[nodiscard]]; eager (from start()) or deferred (from semi())
public:
  explicit SemiFuture(T v) : value_(std::move(v)) {}
  explicit SemiFuture(std::function<T()> deferred) : deferred_(std::move(deferred)) {}
  bool isReady() const noexcept { return value_.has_value(); }
  T get() && { if (!value_) value_.emplace(deferred_()); return std::move(*value_); }
  Future<T> via(Executor::KeepAlive<> ex) &&;
  friend detail::ready_awaiter<T> co_viaIfAsync(Executor::KeepAlive<>, SemiFuture&& f) { return {std::move(f).get()}; }
private:
  std::optional<T> value_;
  std::function<T()> deferred_;
};
template <typename T> class Future { // not [[nodiscard]]; eager
public:
  explicit Future(T v) : value_(std::move(v)) {}
  bool isReady() const noexcept { return true; }
  T get() && { return std::move(value_); }
  template <typename F> auto thenValue(F&& f) && {
    return Future<lift_unit_t<std::invoke_result_t<F, T>>>(f(std::move(value_)));
  }
private:
  T value_;
};
template <typename T> Future<T> SemiFuture<T>::via(Executor::KeepAlive<>) && {
  return Future<T>(std::move(*this).get());
}
template <typename T> detail::ready_awaiter<T> operator co_await(Future<T>&& f) { return {std::move(f).get()}; }
template <typename T> Future<T> makeFuture(T v) { return Future<T>(std::move(v)); }
template <typename T> SemiFuture<T> makeSemiFuture(T v) { return SemiFuture<T>(std::move(v)); }

namespace coro {
template <typename T = void> class Task;
template <typename T> class TaskWithExecutor;
namespace detail {
template <typename A>
concept plain_awaitable = requires(A&& a) { static_cast<A&&>(a).operator co_await(); } ||
                          requires(A&& a) { operator co_await(static_cast<A&&>(a)); } ||
                          requires(A&& a) { a.await_ready(); };
} // namespace detail

// Generic path: anything already awaitable passes through unchanged.
template <detail::plain_awaitable A> A&& co_viaIfAsync(Executor::KeepAlive<>, A&& awaitable) noexcept {
  return static_cast<A&&>(awaitable);
}

namespace detail {
template <typename T> struct result_slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct result_slot<void> { void return_void() noexcept {} void take() {} };

template <typename T> class TaskPromise : public result_slot<T> {
public:
  Task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  auto final_suspend() noexcept {
    struct final_awaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<TaskPromise> h) noexcept {
        auto c = h.promise().continuation_;
        return c ? c : std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    return final_awaiter{};
  }
  void unhandled_exception() noexcept { error_ = std::current_exception(); }
  // Every co_await in a folly coroutine goes through co_viaIfAsync(executor, awaitable).
  template <typename A> decltype(auto) await_transform(A&& awaitable) {
    return co_viaIfAsync(executor_, static_cast<A&&>(awaitable));
  }
  Executor::KeepAlive<> executor_;
  std::coroutine_handle<> continuation_;
  std::exception_ptr error_;
};
template <typename T> struct TaskAwaiter {
  std::coroutine_handle<TaskPromise<T>> coro;
  TaskAwaiter(std::coroutine_handle<TaskPromise<T>> h) noexcept : coro(h) {}
  TaskAwaiter(TaskAwaiter&& o) noexcept : coro(std::exchange(o.coro, {})) {}
  ~TaskAwaiter() { if (coro) coro.destroy(); }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    coro.promise().continuation_ = c;
    return coro;
  }
  T await_resume() {
    if (coro.promise().error_) std::rethrow_exception(coro.promise().error_);
    return coro.promise().take();
  }
};
} // namespace detail

template <typename T> class [[nodiscard]] Task {
public:
  using promise_type = detail::TaskPromise<T>;
  explicit Task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  Task(Task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~Task() { if (coro_) coro_.destroy(); }
  SemiFuture<lift_unit_t<T>> semi() &&; // deferred: runs only when an executor is attached / get()
  // No operator co_await: only folly promises (await_transform) can await a Task.
  friend detail::TaskAwaiter<T> co_viaIfAsync(Executor::KeepAlive<> ex, Task&& t) noexcept {
    t.coro_.promise().executor_ = ex;
    return detail::TaskAwaiter<T>{std::exchange(t.coro_, {})};
  }
private:
  friend class TaskWithExecutor<T>;
  std::coroutine_handle<promise_type> coro_;
};
template <typename T> Task<T> detail::TaskPromise<T>::get_return_object() noexcept {
  return Task<T>{std::coroutine_handle<TaskPromise<T>>::from_promise(*this)};
}

namespace detail {
struct InlineTaskDetached { // eager helper used by start()/blockingWait
  struct promise_type {
    InlineTaskDetached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
template <typename A, typename F> InlineTaskDetached run_detached(A a, F f) {
  if constexpr (std::is_void_v<decltype(std::declval<A>().operator co_await().await_resume())>) {
    co_await std::move(a);
    f(Unit{});
  }
  else f(co_await std::move(a));
}
} // namespace detail

template <typename T> class [[nodiscard]] TaskWithExecutor {
public:
  TaskWithExecutor(Task<T>&& t, Executor::KeepAlive<> ex) noexcept : task_(std::move(t)) {
    task_.coro_.promise().executor_ = ex;
  }
  Executor* executor() const noexcept { return task_.coro_.promise().executor_.get(); }
  detail::TaskAwaiter<T> operator co_await() && noexcept { return {std::exchange(task_.coro_, {})}; }
  SemiFuture<lift_unit_t<T>> start() && { // eager: already running; dropping the SemiFuture is legit
    std::optional<lift_unit_t<T>> out;
    detail::run_detached(std::move(*this), [&out](lift_unit_t<T> v) { out.emplace(std::move(v)); });
    return SemiFuture<lift_unit_t<T>>(std::move(*out));
  }
  template <typename F> void start(F&& callback) && {
    detail::run_detached(std::move(*this), static_cast<F&&>(callback));
  }
private:
  Task<T> task_;
};

template <typename T> TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> ex, Task<T>&& t) noexcept {
  return {std::move(t), ex};
}

template <typename T> SemiFuture<lift_unit_t<T>> Task<T>::semi() && {
  auto shared = std::make_shared<Task<T>>(std::move(*this));
  return SemiFuture<lift_unit_t<T>>(std::function<lift_unit_t<T>()>([shared] {
    static InlineExecutor inlineEx;
    return std::move(co_withExecutor(&inlineEx, std::move(*shared)).start()).get();
  }));
}

template <typename T> T blockingWait(TaskWithExecutor<T>&& t) {
  if constexpr (std::is_void_v<T>) (void)std::move(t).start().get();
  else return std::move(t).start().get();
}
template <typename T> T blockingWait(Task<T>&& t) {
  InlineExecutor ex;
  return blockingWait(co_withExecutor(&ex, std::move(t)));
}
template <typename T> T blockingWait(SemiFuture<T>&& f) { return std::move(f).get(); }
} // namespace coro
} // namespace folly

// folly::result<T>: a value or an error with coroutine support (its
// coroutines never suspend). The promise lives in folly/result/coro.h, so a
// unit that does not include it sees the promise type only declared.
namespace folly {
namespace detail {
template <typename T, typename = void> struct result_promise;
} // namespace detail
template <typename T> class [[nodiscard]] result {
public:
  using promise_type = detail::result_promise<T>;
  bool has_value() const;
};
} // namespace folly
