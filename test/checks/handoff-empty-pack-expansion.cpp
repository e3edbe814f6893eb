// CHECKS: coro-discarded-task,coro-discarded-eager-task,coro-unawaited-variable
// A template that hands its parameter on inside a pack expansion
// (`std::get<I>(std::move(t))...`, a tuple filter) drops it in the
// instantiations where the pack is empty: a filter that kept nothing, by
// its author's design (Seastar's when_all keeps only the futures that have
// values). That is a hand-off. A helper that names its parameters in an
// expansion that is not empty, and drops them there, still drops them.
#include "task.h"
#include <cstddef>
#include <tuple>
#include <utility>
using demo::Task;

Task<int> fetch();
void store(Task<int> &&);

template <class Tuple, std::size_t... I>
auto pick(Tuple &&t, std::index_sequence<I...>) {
  return std::make_tuple(std::get<I>(std::forward<Tuple>(t))...);
}

template <class... T> void store_all(T &&...t) { (store(std::move(t)), ...); }
template <class... T> void ignore_each(T &&...t) { ((void)t, ...); } // expected-note {{'ignore_each' drops its parameter 't' without awaiting it}}

void keeps_nothing() {
  // Which elements a filter keeps is the caller's design: a hand-off.
  pick(std::make_tuple(fetch()), std::index_sequence<>{});
}

void keeps_all() {
  auto kept = pick(std::make_tuple(fetch()), std::index_sequence<0>{});
  store(std::get<0>(std::move(kept)));
}

void folds() {
  store_all(fetch(), fetch());
  ignore_each(fetch()); // expected-warning {{'fetch' returns a lazy coroutine task 'Task<int>' that is passed to 'ignore_each', which never awaits or keeps it; its body will never run [coro-discarded-task]}}
}
