// CONFIG: {CheckOptions: {SyncWaitFunction: 'demo::sync_wait'}}
// With SyncWaitFunction, a task dropped where co_await is impossible gets a fix that blocks on it.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
void may_throw();
struct Money {
  int cents = 0;
};
Task<Money> operator+(Money, Money);

void plain_function() {
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  send(1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>'}}
}

void plain_operator(Money a, Money b) {
  a + b; // expected-warning {{'operator+' returns}}
}

Task<> in_catch_handler() {
  try {
    may_throw();
  } catch (...) {
    send(2); // expected-warning {{'send' returns}}
  }
  // A plain lambda inside a coroutine cannot co_await either.
  auto later = [] {
    send(3); // expected-warning {{'send' returns}}
  };
  later();
  // Inside a coroutine the fix is still co_await.
  send(4); // expected-warning {{'send' returns}}
  co_return;
}

// Blocking and awaiting already: nothing to report.
void plain_ok() {
  int v = demo::sync_wait(fetch());
  demo::sync_wait(send(v));
}
