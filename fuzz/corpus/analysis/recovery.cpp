// CONFIG: {CheckOptions: {SyncWaitFunction: 'demo::sync_wait', TaskTypes: 'odd::T<.*>', ConsumingMethods: 'start'}}
// CHECKS: coro-*
// ARGS: -DDROP(x)=x; -Wno-unused-result
#include "task.h"
using demo::Task;

Task<int> fetch();
#define CALL fetch()
struct Missing;
Missing broken();
template <class T> Task<T> tmpl(T);

void sync() {
  DROP(fetch())
  CALL; // NOLINT(coro-discarded-task)
  auto t = fetch();
  undeclared(fetch());
  broken().go();
  tmpl(Missing{});
}

Task<> coro(int n) {
  auto a = fetch(), b = fetch();
  for (auto &&x : {fetch(), fetch()})
    (void)x;
  if (n) co_await a; else goto out;
  co_return co_await b
out:
  [&] { fetch(); return fetch(); }();
  co_await undeclared;
}
