// CHECKS: coro-*
// Qt's moc output is included at the end of a test file (`#include
// "x.moc"`) and calls the class's coroutine slots, dropping their tasks: a
// finding in a file named as a generator names its output is not reported.
// The user's own code in the same translation unit still is.
#include "task.h"
using demo::Task;

Task<int> fetch();

Task<> mine() {
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return;
}

#include "generated/widget.moc"
