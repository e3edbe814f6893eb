// CHECKS: coro-unawaited-variable
// A line inside a template is one finding, whatever the instantiations:
// the message names the type the template spells (`Task<T>`), so the
// instantiations in other translation units give the same finding, which
// the CLI merges. Where the template spells nothing (`auto t = make<T>()`),
// the first instantiation's type is named.
#include "task.h"
using demo::Task;

template <class T> Task<T> make();

template <class T> struct Box {
  static Task<> run(Task<T> t) { co_return; } // expected-warning {{parameter 't' holds a lazy coroutine task 'Task<T>' that is never awaited; its body will never run [coro-unawaited-variable]}} expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  static Task<> local() {
    Task<T> t = make<T>(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<T>' that is never awaited; its body will never run [coro-unawaited-variable]}}
    co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
  }
  static Task<> awaited() {
    auto t = make<T>();
    co_await t;
  }
};

Task<> user() {
  co_await Box<int>::run(make<int>());
  co_await Box<long>::run(make<long>());
  co_await Box<int>::local();
  co_await Box<long>::local();
  co_await Box<int>::awaited();
}
