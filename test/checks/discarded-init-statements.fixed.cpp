// Lazy tasks dropped in for init/increment, if/switch init statements and range-for init.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
bool ready();
int values[3];

Task<> init_statements(bool c, int n) {
  for (co_await send(0); c; co_await send(1)) { // expected-warning {{'send' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}} expected-warning {{'send' returns a lazy coroutine task 'Task<>'}}
  }
  for (co_await fetch();;) { // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>'}}
    break;
  }
  for (int i = 0; i < n; ++i, co_await send(i)) { // expected-warning {{'send' returns}}
  }
  if (co_await send(2); c) { // expected-warning {{'send' returns}}
  }
  if (co_await fetch(); ready()) { // expected-warning {{'fetch' returns}}
  } else if (co_await send(3); !c) { // expected-warning {{'send' returns}}
  }
  switch (co_await send(4); n) { // expected-warning {{'send' returns}}
  default:
    break;
  }
  for (co_await send(5); int v : values) // expected-warning {{'send' returns}}
    (void)v;
  co_return;
}

// The same statements with the tasks awaited or used: nothing to report.
Task<> init_statements_ok(bool c, int n) {
  for (co_await send(0); c; co_await send(1)) {
  }
  for (int i = co_await fetch(); i < n; ++i) {
  }
  if (co_await send(2); c) {
  }
  if (int v = co_await fetch(); v > 0) {
  }
  switch (int v = co_await fetch(); v) {
  default:
    break;
  }
  for (co_await send(5); int v : values)
    (void)v;
  for (int i = 0; i < n; ++i) {
  }
  co_return;
}
