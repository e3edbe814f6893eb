// CHECKS: coro-discarded-eager-task
// An eager coroutine that produces no value and catches whatever its
// awaits throw reports its outcome itself (a sync-wait's helper that
// stores the exception in a context): its dropped task holds nothing to
// lose. One that lets an await's exception escape, or that produces a
// value, still loses it.
#include "task.h"
#include <exception>
using demo::Eager;
using demo::Task;

Task<int> work();

struct Context {
  std::exception_ptr error;
  bool done = false;
};

Eager<> run_reporting(Context &c) {
  try {
    co_await work();
  } catch (...) {
    c.error = std::current_exception();
  }
  c.done = true;
}

Eager<> run_leaky(Context &c) {
  co_await work();
  c.done = true;
}

Eager<int> run_valued(Context &c) {
  try {
    co_return co_await work();
  } catch (...) {
    c.error = std::current_exception();
  }
  co_return 0;
}

void start(Context &c) {
  run_reporting(c);
  run_leaky(c); // expected-warning {{'run_leaky' returns an eager coroutine task 'Eager<>' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
  run_valued(c); // expected-warning {{'run_valued' returns an eager coroutine task 'Eager<int>' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
}
