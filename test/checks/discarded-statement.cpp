// Expression statements that drop a lazy task, in every statement position.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
struct Client {
  Task<int> fetch();
  static Task<> ping();
};
Client client();

Task<> statements(bool c, int n) {
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  client().fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>'}}
  Client::ping(); // expected-warning {{'ping' returns a lazy coroutine task 'Task<>'}}
  if (c)
    send(1); // expected-warning {{'send' returns}}
  else
    send(2); // expected-warning {{'send' returns}}
  while (n--)
    send(3); // expected-warning {{'send' returns}}
  do {
    send(4); // expected-warning {{'send' returns}}
  } while (false);
  for (int i = 0; i < n; ++i) {
    send(i); // expected-warning {{'send' returns}}
  }
  switch (n) {
  case 1:
    send(5); // expected-warning {{'send' returns}}
    break;
  default:
    send(6); // expected-warning {{'send' returns}}
  }
  {
    send(7); // expected-warning {{'send' returns}}
  }
label:
  send(8); // expected-warning {{'send' returns}}
  [[likely]] send(9); // expected-warning {{'send' returns}}
  int v = ({
    send(10); // expected-warning {{'send' returns}}
    1;
  });
  (void)v;
  co_return;
}

// Correct uses in the same shapes: nothing to report.
Task<> correct(bool c) {
  co_await fetch();
  int x = co_await client().fetch();
  if (c)
    co_await send(x);
  co_await Client::ping();
  co_return;
}
Task<int> forward() { return fetch(); }
void take(Task<int>);
void hand_over() { take(fetch()); }
