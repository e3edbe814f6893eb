// Lazy tasks dropped by the comma operator (either side) and by the arms of a discarded ?:.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
int count();
void use(int);

Task<> commas(bool c) {
  send(1), send(2); // expected-warning {{'send' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}} expected-warning {{'send' returns}}
  send(3), count(); // expected-warning {{'send' returns}}
  count(), fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>'}}
  send(4), send(5), send(6); // expected-warning 3 {{'send' returns}}
  // The left side of a comma is discarded even when the comma's value is used.
  int x = (send(7), 2); // expected-warning {{'send' returns}}
  use((fetch(), x)); // expected-warning {{'fetch' returns}}
  co_return;
}

Task<> conditionals(bool c) {
  c ? send(1) : send(2); // expected-warning {{'send' returns}} expected-warning {{'send' returns}}
  c ? fetch() : fetch(); // expected-warning 2 {{'fetch' returns a lazy coroutine task 'Task<int>'}}
  c ? (send(3), count()) : count(); // expected-warning {{'send' returns}}
  c ? send(4) : throw 0; // expected-warning {{'send' returns}}
  co_return;
}

// Commas and conditionals whose task values are used: nothing to report.
Task<int> pass_on(bool c) { return c ? fetch() : fetch(); }
Task<int> last_of_comma() { return (count(), fetch()); }
void take(Task<int>);
Task<> used(bool c) {
  co_await (c ? send(1) : send(2));
  int v = co_await (count(), fetch());
  take(c ? fetch() : fetch());
  take((count(), fetch()));
  count(), use(v);
  c ? count() : count();
  co_return;
}
