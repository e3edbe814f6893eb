// CHECKS: coro-discarded-task,coro-discarded-eager-task,coro-unawaited-variable
// A coroutine type whose promise never suspends and that nothing can await
// (a value-or-error type with coroutine support, like folly's result<T>)
// has finished by the time the call returns: a value, not work. Its
// promise may be a partial specialisation this unit never instantiates
// (the primary template only declared, partial specialisations for void
// and non-void): what those say is read. The same shape whose promises
// suspend at start, on a type that can be awaited, is still a lazy task.
#include <coroutine>
#include <type_traits>

namespace sync {
template <class T, class = void> struct promise;
template <class T> struct result {
  using promise_type = promise<T>;
  bool ok() const;
};
struct never_base {
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() {}
};
template <class T>
struct promise<T, std::enable_if_t<!std::is_void_v<T>>> : never_base {
  result<T> get_return_object();
  void return_value(T);
};
template <class T>
struct promise<T, std::enable_if_t<std::is_void_v<T>>> : never_base {
  result<T> get_return_object();
  void return_void();
};
} // namespace sync

namespace later {
template <class T, class = void> struct promise;
template <class T> struct task {
  using promise_type = promise<T>;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};
struct always_base {
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() {}
};
template <class T>
struct promise<T, std::enable_if_t<!std::is_void_v<T>>> : always_base {
  task<T> get_return_object();
  void return_value(T);
};
template <class T>
struct promise<T, std::enable_if_t<std::is_void_v<T>>> : always_base {
  task<T> get_return_object();
  void return_void();
};
} // namespace later

sync::result<int> parse();
later::task<int> fetch();

bool values() {
  auto r = parse();
  parse();
  return true;
}

void tasks() { // expected-note {{'tasks' is not a coroutine, so it cannot 'co_await' the task; make it a coroutine, or block on the task with the library's sync-wait (option SyncWaitFunction offers that fix)}}
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'later::task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'later::task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
