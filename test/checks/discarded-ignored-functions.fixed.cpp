// CONFIG: {CheckOptions: {IgnoredFunctions: 'spawn_detached;mylib::.*_bg'}}
// IgnoredFunctions: discarded calls to the listed functions (plain names or qualified regexes) are not reported.
#include "task.h"
using demo::Eager;
using demo::Task;

Task<> spawn_detached(int);
namespace other {
Task<> spawn_detached(int);
Task<> refresh_bg();
} // namespace other
namespace mylib {
Task<> refresh_bg();
Task<int> load_bg(int);
Eager<int> start_bg();
Task<> refresh();
namespace detail {
Task<> flush_bg();
}
struct Cache {
  Task<> sync_bg();
};
} // namespace mylib
Task<> refresh_bg();

Task<> ignored(mylib::Cache &cache) {
  spawn_detached(1);
  other::spawn_detached(2); // a name without '::' matches in any scope
  mylib::refresh_bg();
  mylib::load_bg(3);
  mylib::start_bg();
  mylib::detail::flush_bg();
  cache.sync_bg();
  (void)mylib::load_bg(4);
  co_return;
}

Task<> not_ignored() {
  co_await mylib::refresh(); // expected-warning {{'refresh' returns a lazy coroutine task 'Task<>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_await other::refresh_bg(); // expected-warning {{'refresh_bg' returns}}
  co_await refresh_bg(); // expected-warning {{'refresh_bg' returns}}
  co_return;
}
