// CHECKS: coro-discarded-task,coro-discarded-eager-task
// Tasks dropped from indirect calls: function pointers and references, std::function, virtual calls, operators, chains.
#include "task.h"
#include <functional>
using demo::Task;

Task<int> fetch();

struct Service {
  virtual ~Service() = default;
  virtual Task<int> query(int) = 0;
};

struct Money {
  int cents = 0;
};
Task<Money> operator+(Money, Money);
Task<> operator<<(Money, int);
struct Stream {
  Task<> operator()(int);
  Task<int> operator[](int);
  Task<> operator-() const;
};

struct Request {
  Request &with(int);
  Task<int> run();
  Task<int> operator*();
};
struct Builder {
  Request with(int);
};
Builder builder();

Task<> indirect(Task<int> (*fp)(), Task<int> (&fr)(), std::function<Task<int>()> fn,
                Service *svc, Service &ref, Task<int> (Service::*pm)(int), Money a,
                Money b, Stream s, bool c) {
  fp(); // expected-warning {{'fp' returns a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  (*fp)(); // expected-warning {{returns a lazy coroutine task 'Task<int>'}}
  fr(); // expected-warning {{'fr' returns a lazy coroutine task 'Task<int>'}}
  fn(); // expected-warning {{'fn' returns a lazy coroutine task 'demo::Task<int>'}}
  svc->query(1); // expected-warning {{'query' returns a lazy coroutine task 'Task<int>'}}
  ref.query(2); // expected-warning {{'query' returns a lazy coroutine task 'Task<int>'}}
  (ref.*pm)(3); // expected-warning {{returns a lazy coroutine task 'Task<int>'}}
  a + b; // expected-warning {{'operator+' returns a lazy coroutine task 'Task<Money>'}}
  a << 1; // expected-warning {{'operator<<' returns a lazy coroutine task 'Task<>'}}
  c ? a + b : a + b; // expected-warning 2 {{'operator+' returns}}
  for (; c; a << 2) // expected-warning {{'operator<<' returns}}
    c = false;
  s(3); // expected-warning {{'s' returns a lazy coroutine task 'Task<>'}}
  s[4]; // expected-warning {{'operator[]' returns a lazy coroutine task 'Task<int>'}}
  -s; // expected-warning {{'operator-' returns a lazy coroutine task 'Task<>'}}
  builder().with(1).run(); // expected-warning {{'run' returns a lazy coroutine task 'Task<int>'}}
  builder().with(1).with(2).run(); // expected-warning {{'run' returns}}
  *builder().with(3); // expected-warning {{'operator*' returns a lazy coroutine task 'Task<int>'}}
  co_return;
}

// The same calls awaited or handed on: nothing to report.
void take(Task<int>);
Task<> indirect_ok(Task<int> (*fp)(), std::function<Task<int>()> fn, Service &ref,
                   Money a, Money b, Stream s) {
  co_await fp();
  co_await fn();
  co_await ref.query(1);
  Money m = co_await (a + b);
  co_await (a << 1);
  co_await s(2);
  take(fn());
  take(builder().with(1).run());
  builder().with(1); // a Request, not a task
  (void)m;
  co_return;
}

// Through std::invoke: the message names the task type, not the library's
// alias for it (std::invoke_result_t<...>).
struct Client {
  Task<int> fetch() const;
};
Task<> invoked(const Client &client) {
  std::invoke(&Client::fetch, client); // expected-warning {{'invoke' returns a lazy coroutine task 'demo::Task<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return;
}
