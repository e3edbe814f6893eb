// Tasks dropped through macros: reported at the expansion with no fix inside the macro; calls passed as macro arguments.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);

#define FIRE(x) send(x)
#define REFRESH() fetch()
#define FIRE_STMT(x) send(x);
#define TWICE(e) e; e
#define ID(e) e
#define AWAIT(e) co_await e

Task<> macros() {
  FIRE(1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}}
  REFRESH(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>'}}
  FIRE_STMT(2) // expected-warning {{'send' returns}}
  // A call written at the use site and passed as a macro argument.
  ID(send(3)); // expected-warning {{'send' returns}}
  // One argument expanded twice is one written call: one finding.
  TWICE(send(4)); // expected-warning {{'send' returns}}
  // Outside any macro the fix applies as usual.
  co_await send(5); // expected-warning {{'send' returns}}
  co_return;
}

// Macros around awaited or used tasks: nothing to report.
void take(Task<int>);
Task<> macros_ok() {
  co_await FIRE(1);
  AWAIT(REFRESH());
  AWAIT(send(2));
  take(REFRESH());
  co_return;
}
