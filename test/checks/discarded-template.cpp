// Tasks dropped inside templates: reported once at the spelling location, whatever the instantiations.
#include "task.h"
using demo::Task;

Task<int> fetch();
Task<> send(int);
template <typename T> Task<T> produce(T);
int plain_value(int);

// Dependent call, instantiated with two types: one finding, not one per instantiation.
template <typename T> Task<> dependent(T v) {
  produce(v); // expected-warning {{'produce' returns a lazy coroutine task}}
  co_return;
}

// Non-dependent call in a template that is never instantiated.
template <typename T> Task<> never_instantiated(T) {
  fetch(); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return;
}

// Non-dependent call in a template instantiated twice: still reported once.
template <typename T> Task<> non_dependent_instantiated(T) {
  send(1); // expected-warning {{'send' returns a lazy coroutine task 'Task<>'}}
  co_return;
}

// Member functions of a class template.
template <typename T> struct Worker {
  Task<T> step();
  Task<> loop() {
    step(); // expected-warning {{'step' returns a lazy coroutine task}}
    send(2); // expected-warning {{'send' returns}}
    co_return;
  }
  Task<> loop_ok() {
    co_await step();
    co_return;
  }
};

// A class template that is never instantiated, and a member function template.
template <typename T> struct Never {
  Task<> run() {
    fetch(); // expected-warning {{'fetch' returns}}
    co_return;
  }
  void plain() { // expected-note {{'plain' is not a coroutine}}
    send(3); // expected-warning {{'send' returns}}
  }
};
template <typename T> struct Service {
  template <typename U> Task<> call(U u) {
    send(u); // expected-warning {{'send' returns}}
    co_return;
  }
};

// A dependent member call whose task type differs per instantiation: one finding.
struct RunsInt {
  Task<int> run();
};
struct RunsVoid {
  Task<> run();
};
template <typename R> Task<> run_it(R r) {
  r.run(); // expected-warning {{'run' returns a lazy coroutine task}}
  co_return;
}

Task<> instantiate() {
  co_await dependent(1);
  co_await dependent(2.0);
  co_await non_dependent_instantiated(1);
  co_await non_dependent_instantiated('c');
  co_await Worker<int>().loop();
  co_await Worker<long>().loop();
  co_await Worker<int>().loop_ok();
  co_await Service<int>().call(1);
  co_await Service<int>().call(2L);
  co_await run_it(RunsInt{});
  co_await run_it(RunsVoid{});
}

// A dependent call that is a task in no instantiation, and awaited calls: nothing to report.
template <typename T> Task<> dependent_ok(T v) {
  plain_value(v);
  co_await produce(v);
  co_return;
}
template Task<> dependent_ok<int>(int);
