// NOLINT comments suppress discarded-task findings; a NOLINT for another check does not.
#include "task.h"
#include <functional>
using demo::Eager;
using demo::Task;

Task<int> fetch();
Task<> send(int);
Eager<int> eager();
struct Request {
  Task<int> run();
};
Request request();
void post(std::function<void()> cb);

Task<> suppressed() {
  fetch(); // NOLINT
  send(1); // NOLINT(coro-discarded-task)
  send(2); // NOLINT(coro-*)
  send(3); // NOLINT(bugprone-unused-return-value, coro-discarded-task)
  // NOLINTNEXTLINE(coro-discarded-task)
  send(4);
  // NOLINTNEXTLINE
  send(5);
  // NOLINTBEGIN(coro-discarded-task)
  send(6);
  fetch();
  // NOLINTEND(coro-discarded-task)
  // NOLINTBEGIN
  send(7);
  // NOLINTEND
  eager(); // NOLINT(coro-discarded-eager-task)
  send(8); // NOLINT(coro-discarded-*)
  // The comment goes on the line of the reported location (the called member).
  request()
      .run(); // NOLINT(coro-discarded-task)
  post([]() -> Task<> { co_return; }); // NOLINT(coro-discarded-task)
  co_return;
}

Task<> not_suppressed() {
  co_await send(10); // NOLINT(bugprone-unused-return-value) // expected-warning {{'send' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_await send(11); // NOLINT(coro-discarded-eager-task) // expected-warning {{'send' returns}}
  eager(); // NOLINT(coro-discarded-task) // expected-warning {{'eager' returns an eager coroutine task}} expected-note {{insert 'co_await'}} expected-note {{cast the expression to 'void'}}
  // NOLINTNEXTLINE(coro-discarded-task)
  co_await send(12);
  co_await send(13); // expected-warning {{'send' returns}}
  // NOLINTNEXTLINE(coro-unawaited-variable)
  co_await send(14); // expected-warning {{'send' returns}}
  // NOLINTBEGIN(coro-discarded-eager-task)
  co_await send(15); // expected-warning {{'send' returns}}
  // NOLINTEND(coro-discarded-eager-task)
  co_await send(16); // expected-warning {{'send' returns}}
  co_await request() // NOLINT(coro-discarded-task)
      .run(); // expected-warning {{'run' returns}}
  co_return;
}

// Several blocks in a file, and blocks for another check around and between
// them: each finding is decided by the blocks open on its own line.
Task<> blocks() {
  // NOLINTBEGIN(coro-discarded-task)
  send(20);
  // NOLINTEND(coro-discarded-task)
  co_await send(21); // expected-warning {{'send' returns}}
  // NOLINTBEGIN(coro-discarded-eager-task)
  co_await send(22); // expected-warning {{'send' returns}}
  // NOLINTBEGIN(coro-discarded-task)
  send(23);
  // NOLINTEND(coro-discarded-task)
  co_await send(24); // expected-warning {{'send' returns}}
  // NOLINTEND(coro-discarded-eager-task)
  // NOLINTBEGIN(coro-*)
  send(25);
  // NOLINTEND(coro-*)
  co_await send(26); // expected-warning {{'send' returns}}
  co_return;
}
