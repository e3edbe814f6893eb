// Explicit discards of lazy tasks ((void), static_cast<void>, std::ignore) are reported by default.
#include "task.h"
#include <tuple>
using demo::Task;

Task<int> fetch();
Task<> send(int);
int count();

Task<> casts() {
  (void)fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  (void)send(1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>'}}
  static_cast<void>(fetch()); // expected-warning {{'fetch' returns}}
  (void)(send(2)); // expected-warning {{'send' returns}}
  std::ignore = fetch(); // expected-warning {{'fetch' returns}}
  std::ignore = send(3); // expected-warning {{'send' returns}}
  (void)demo::sleep_for(1); // expected-warning {{'sleep_for' returns a lazy awaitable 'SleepAwaiter' that is never awaited; the operation will never start}}
  co_return;
}

// Casts of values that are not tasks, and of awaited tasks: nothing to report.
Task<> casts_ok() {
  (void)count();
  static_cast<void>(count());
  std::ignore = count();
  (void)co_await fetch();
  std::ignore = co_await fetch();
  co_return;
}
