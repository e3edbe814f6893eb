// CONFIG: {CheckOptions: {AllowCastToVoid: true}}
// With AllowCastToVoid, explicit discards of lazy tasks are accepted; plain discards are still reported.
#include "task.h"
#include <tuple>
using demo::Task;

Task<int> fetch();
Task<> send(int);

Task<> casts_allowed() {
  (void)fetch();
  (void)send(1);
  static_cast<void>(fetch());
  (void)(send(2));
  std::ignore = fetch();
  std::ignore = send(3);
  (void)demo::sleep_for(1);
  co_return;
}

void plain_casts_allowed() {
  (void)fetch();
  std::ignore = send(4);
}

// The option covers only explicit discards.
Task<> still_reported(bool c) {
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  (void)fetch(), send(5); // expected-warning {{'send' returns}}
  c ? send(6) : send(7); // expected-warning 2 {{'send' returns}}
  co_return;
}
