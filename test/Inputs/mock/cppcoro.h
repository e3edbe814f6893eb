#pragma once
// Mock of cppcoro's public coroutine shapes for unawaited's tests (not cppcoro's code).
// What matters: task/shared_task are lazy [[nodiscard]] coroutine types with a member operator
// co_await (awaitable anywhere); generator is a lazy range whose promise deletes await_transform.
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace cppcoro {
namespace detail {
template <typename T> struct result_slot {
  std::optional<T> value;
  void return_value(T v) { value.emplace(std::move(v)); }
  T take() { return std::move(*value); }
};
template <> struct result_slot<void> {
  void return_void() noexcept {}
  void take() {}
};
template <typename Promise> struct final_awaiter {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) noexcept {
    auto c = h.promise().continuation;
    return c ? c : std::noop_coroutine();
  }
  void await_resume() const noexcept {}
};
template <typename Task, typename T> struct task_promise : result_slot<T> {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  std::size_t refs = 1; // used by shared_task only
  Task get_return_object() noexcept { return Task{std::coroutine_handle<task_promise>::from_promise(*this)}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter<task_promise> final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};
template <typename Promise, bool ReturnValue = true> struct task_awaiter {
  std::coroutine_handle<Promise> coro;
  bool await_ready() const noexcept { return !coro || coro.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    coro.promise().continuation = awaiting;
    return coro;
  }
  decltype(auto) await_resume() {
    if constexpr (ReturnValue) {
      if (coro.promise().error) std::rethrow_exception(coro.promise().error);
      return coro.promise().take();
    }
  }
};
template <typename A> decltype(auto) get_awaiter(A&& a) {
  if constexpr (requires { static_cast<A&&>(a).operator co_await(); }) return static_cast<A&&>(a).operator co_await();
  else return static_cast<A&&>(a);
}
template <typename A> using await_result_t = decltype(get_awaiter(std::declval<A>()).await_resume());
struct void_value {};
template <typename T> using non_void_t = std::conditional_t<std::is_void_v<T>, void_value, std::remove_cvref_t<T>>;
struct oneway_task { // eager fire-and-forget helper, like cppcoro's internal oneway_task
  struct promise_type {
    oneway_task get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};
template <typename T> struct sync_wait_task { // eager; single-threaded mock, no real blocking
  using promise_type = task_promise<sync_wait_task, T>;
  std::coroutine_handle<promise_type> coro;
};
} // namespace detail

template <typename T = void> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<task, T>;
  explicit task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  task(task&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  task& operator=(task o) noexcept { std::swap(coro_, o.coro_); return *this; }
  ~task() { if (coro_) coro_.destroy(); }
  bool is_ready() const noexcept { return !coro_ || coro_.done(); }
  auto operator co_await() const& noexcept { return detail::task_awaiter<promise_type>{coro_}; }
  auto operator co_await() const&& noexcept { return detail::task_awaiter<promise_type>{coro_}; }
  auto when_ready() const noexcept { return detail::task_awaiter<promise_type, false>{coro_}; }
private:
  std::coroutine_handle<promise_type> coro_;
};

template <typename T = void> class [[nodiscard]] shared_task {
public:
  using promise_type = detail::task_promise<shared_task, T>;
  explicit shared_task(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  shared_task(const shared_task& o) noexcept : coro_(o.coro_) { if (coro_) ++coro_.promise().refs; }
  shared_task& operator=(shared_task o) noexcept { std::swap(coro_, o.coro_); return *this; }
  ~shared_task() { if (coro_ && --coro_.promise().refs == 0) coro_.destroy(); }
  bool is_ready() const noexcept { return !coro_ || coro_.done(); }
  auto operator co_await() const noexcept { return detail::task_awaiter<promise_type>{coro_}; }
private:
  std::coroutine_handle<promise_type> coro_;
};

template <typename T> class [[nodiscard]] generator {
public:
  struct promise_type {
    const T* current = nullptr;
    generator get_return_object() noexcept {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T& v) noexcept { current = &v; return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
    template <typename U> std::suspend_never await_transform(U&&) = delete; // no co_await inside
  };
  struct sentinel {};
  struct iterator {
    std::coroutine_handle<promise_type> coro;
    iterator& operator++() { coro.resume(); return *this; }
    const T& operator*() const { return *coro.promise().current; }
    bool operator==(sentinel) const noexcept { return !coro || coro.done(); }
  };
  explicit generator(std::coroutine_handle<promise_type> h) noexcept : coro_(h) {}
  generator(generator&& o) noexcept : coro_(std::exchange(o.coro_, {})) {}
  ~generator() { if (coro_) coro_.destroy(); }
  iterator begin() { if (coro_) coro_.resume(); return iterator{coro_}; }
  sentinel end() noexcept { return {}; }
private:
  std::coroutine_handle<promise_type> coro_;
};

namespace detail {
template <typename T, typename A> sync_wait_task<T> make_sync_wait_task(A&& a) {
  co_return co_await static_cast<A&&>(a);
}
template <typename R, typename A> task<R> as_value_task(A a) {
  if constexpr (std::is_void_v<await_result_t<A>>) { co_await std::move(a); co_return void_value{}; }
  else co_return co_await std::move(a);
}
} // namespace detail

template <typename A> auto sync_wait(A&& awaitable) -> std::remove_cvref_t<detail::await_result_t<A>> {
  auto t = detail::make_sync_wait_task<std::remove_cvref_t<detail::await_result_t<A>>>(static_cast<A&&>(awaitable));
  t.coro.resume();
  struct destroy_guard { std::coroutine_handle<> h; ~destroy_guard() { h.destroy(); } } guard{t.coro};
  if (t.coro.promise().error) std::rethrow_exception(t.coro.promise().error);
  return t.coro.promise().take();
}

namespace detail {
template <typename Task> class [[nodiscard]] when_all_awaitable { // lazy awaitable, not a coroutine type
public:
  explicit when_all_awaitable(Task t) noexcept : task_(std::move(t)) {}
  auto operator co_await() && noexcept { return std::move(task_).operator co_await(); }
private:
  Task task_;
};
template <typename... A> task<std::tuple<non_void_t<await_result_t<A>>...>> when_all_impl(A... awaitables) {
  co_return std::tuple<non_void_t<await_result_t<A>>...>{
      co_await as_value_task<non_void_t<await_result_t<A>>>(std::move(awaitables))...};
}
template <typename A, typename R = await_result_t<A>>
task<std::conditional_t<std::is_void_v<R>, void, std::vector<std::remove_cvref_t<R>>>>
when_all_impl(std::vector<A> awaitables) {
  if constexpr (std::is_void_v<R>) { for (auto& a : awaitables) co_await std::move(a); }
  else {
    std::vector<std::remove_cvref_t<R>> out;
    for (auto& a : awaitables) out.push_back(co_await std::move(a));
    co_return out;
  }
}
} // namespace detail

template <typename... A> [[nodiscard]] auto when_all(A... awaitables) {
  return detail::when_all_awaitable{detail::when_all_impl(std::move(awaitables)...)};
}
template <typename A> [[nodiscard]] auto when_all(std::vector<A> awaitables) {
  return detail::when_all_awaitable{detail::when_all_impl(std::move(awaitables))};
}

class static_thread_pool {
public:
  class schedule_operation {
  public:
    explicit schedule_operation(static_thread_pool* pool) noexcept : pool_(pool) {}
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) noexcept { return pool_->enqueue(h); }
    void await_resume() const noexcept {}
  private:
    static_thread_pool* pool_;
  };
  static_thread_pool() = default;
  explicit static_thread_pool(std::uint32_t threadCount) noexcept : threads_(threadCount) {}
  std::uint32_t thread_count() const noexcept { return threads_; }
  [[nodiscard]] schedule_operation schedule() noexcept { return schedule_operation{this}; }
private:
  std::coroutine_handle<> enqueue(std::coroutine_handle<> h) noexcept { return h; } // mock: run inline
  std::uint32_t threads_ = 1;
};

class async_scope {
public:
  template <typename A> void spawn(A&& awaitable) { ++pending_; run<A>(this, static_cast<A&&>(awaitable)); }
  struct join_operation {
    async_scope* scope;
    bool await_ready() const noexcept { return scope->pending_ == 0; }
    void await_suspend(std::coroutine_handle<> h) noexcept { scope->continuation_ = h; }
    void await_resume() const noexcept {}
  };
  [[nodiscard]] join_operation join() noexcept { return join_operation{this}; }
private:
  template <typename A> static detail::oneway_task run(async_scope* self, std::decay_t<A> a) {
    co_await std::move(a);
    if (--self->pending_ == 0 && self->continuation_) self->continuation_.resume();
  }
  std::size_t pending_ = 0;
  std::coroutine_handle<> continuation_;
};
} // namespace cppcoro
