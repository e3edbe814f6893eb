// Where co_await cannot be inserted (catch handler, plain function, nested plain lambda): a note instead of a fix.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
void may_throw();

Task<> in_catch_handler() {
  try {
    may_throw();
  } catch (...) {
    send(1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}} expected-note {{'co_await' cannot be used in a catch handler; await the task after the handler, or block on it with the library's sync-wait (option SyncWaitFunction)}}
  }
  co_await send(2); // expected-warning {{'send' returns}}
  co_return;
}

void plain_function() { // expected-note {{'plain_function' is not a coroutine, so it cannot 'co_await' the task; make it a coroutine, or block on the task with the library's sync-wait (option SyncWaitFunction offers that fix)}}
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>'}}
}

struct Widget {
  void refresh();
};
void Widget::refresh() { // expected-note {{'refresh' is not a coroutine}}
  send(3); // expected-warning {{'send' returns}}
}

Task<> nested_lambda() {
  auto plain = [] { // expected-note {{the enclosing function is not a coroutine}}
    send(4); // expected-warning {{'send' returns}}
  };
  plain();
  // A coroutine lambda nested in a coroutine gets its own co_await.
  auto coro = []() -> Task<> {
    co_await send(5); // expected-warning {{'send' returns}}
    co_return;
  };
  co_await coro();
  co_return;
}

void plain_with_coroutine_lambda() {
  auto coro = []() -> Task<> {
    co_await send(6); // expected-warning {{'send' returns}}
    co_return;
  };
  (void)coro;
}

// Not evaluated or not discarded: nothing to report.
void with_default(Task<int> t = fetch());
Task<> not_discarded() {
  (void)sizeof(fetch());
  using T = decltype(fetch());
  try {
    may_throw();
  } catch (...) {
  }
  co_await fetch();
  co_return;
}

// [expr.await]/2: no co_await in the initialiser of a static or
// thread_local local, although clang accepts it.
Task<> in_static_initialiser() {
  static int once = (fetch(), 0); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}} expected-note {{'co_await' cannot be used in the initialiser of a static or thread_local variable; await the task before it}}
  thread_local int each = (send(4), 1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>'}} expected-note {{'co_await' cannot be used in the initialiser of a static or thread_local variable}}
  int plain = (co_await send(5), 2); // expected-warning {{'send' returns a lazy coroutine task 'Task<>'}}
  (void)once;
  (void)each;
  (void)plain;
  co_return;
}
