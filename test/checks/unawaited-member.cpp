// CHECKS: coro-unawaited-member
// Task members: given a task somewhere in the class and never consumed by
// any function, they are reported at each store, with a note at the member.
#include "job.h"
#include "member_service.h"
#include "eager_futures.h"
#include <optional>
#include <utility>
#include <vector>
using Task = svc::Job<>;
template <class T> using TaskOf = svc::Job<T>;

Task run_loop();
TaskOf<int> compute();
Task when_all(std::vector<Task> tasks);
void spawn(Task t);
template <class T> void log(const T &) {}

//===-- Positive ------------------------------------------------------===//

// The background task is started and stop() forgets it.
class Service {
public:
  void start() { bg_ = run_loop(); } // expected-warning {{member 'bg_' of 'Service' holds a lazy coroutine task 'Task' that is never awaited; its body will never run [coro-unawaited-member]}}
  void stop() { log(bg_.done()); }
private:
  Task bg_; // expected-note {{'bg_' declared here; no function of 'Service' awaits it, moves it out or hands it on}}
};

// Constructed with a task in the initialiser list, and in a default member
// initialiser.
class Constructed {
public:
  Constructed() : job_(compute()) {} // expected-warning {{member 'job_' of 'Constructed' holds a lazy coroutine task 'svc::Job<int>' that is never awaited; its body will never run [coro-unawaited-member]}}
private:
  TaskOf<int> job_; // expected-note {{'job_' declared here; no function of 'Constructed' awaits it, moves it out or hands it on}}
  Task tick_ = run_loop(); // expected-warning {{member 'tick_' of 'Constructed' holds a lazy coroutine task 'Task' that is never awaited; its body will never run [coro-unawaited-member]}} expected-note {{'tick_' declared here; no function of 'Constructed' awaits it, moves it out or hands it on}}
};

// A container of tasks, filled and never handed on.
class Batch {
public:
  void add() { jobs_.push_back(run_loop()); } // expected-warning {{member 'jobs_' of 'Batch' holds lazy coroutine tasks 'svc::Job<>' that are never awaited; their bodies will never run [coro-unawaited-member]}}
  bool idle() const { return jobs_.empty(); }
private:
  std::vector<Task> jobs_; // expected-note {{'jobs_' declared here; no function of 'Batch' awaits it, moves it out or hands it on}}
};

// std::optional of a task.
class Maybe {
public:
  void arm() { next_ = compute(); } // expected-warning {{member 'next_' of 'Maybe' holds lazy coroutine tasks 'svc::Job<int>' that are never awaited; their bodies will never run [coro-unawaited-member]}}
private:
  std::optional<TaskOf<int>> next_; // expected-note {{'next_' declared here; no function of 'Maybe' awaits it, moves it out or hands it on}}
};

// An eager future kept and never waited for: its failure is lost.
fakestar::future<> background();
class Poller {
public:
  Poller() : pending_(background()) {} // expected-warning {{member 'pending_' of 'Poller' holds an eager coroutine task 'fakestar::future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-member]}}
  void restart() { pending_ = background(); } // expected-warning {{member 'pending_' of 'Poller' holds an eager coroutine task 'fakestar::future<>' that is never awaited; its result and exceptions are lost [coro-unawaited-member]}}
private:
  fakestar::future<> pending_; // expected-note 2 {{'pending_' declared here; no function of 'Poller' awaits it, moves it out or hands it on}}
};

// A member of a class template, reported once for its instantiations.
template <class T> class Worker {
public:
  void start() { job_ = make(); } // expected-warning {{member 'job_' of 'Worker' holds a lazy coroutine task 'svc::Job<int>' that is never awaited; its body will never run [coro-unawaited-member]}}
private:
  TaskOf<T> make();
  TaskOf<T> job_; // expected-note {{'job_' declared here; no function of 'Worker' awaits it, moves it out or hands it on}}
};
void use_worker(Worker<int> &w) { w.start(); }

// A class from a header whose every function this file sees.
void Complete::start() { bg_ = header_loop(); } // expected-warning {{member 'bg_' of 'Complete' holds a lazy coroutine task 'svc::Job<>' that is never awaited; its body will never run [coro-unawaited-member]}}

//===-- Negative: consumed somewhere in the class ---------------------===//

class Awaited {
public:
  void start() { bg_ = run_loop(); }
  Task stop() { co_await std::move(bg_); }
private:
  Task bg_;
};

// Moved into a when_all on the shutdown path.
class Joined {
public:
  void add() { jobs_.push_back(run_loop()); }
  Task shutdown() { co_await when_all(std::move(jobs_)); }
private:
  std::vector<Task> jobs_;
};

// Handed to a spawn API.
class Spawner {
public:
  void start() {
    bg_ = run_loop();
    spawn(std::move(bg_));
  }
private:
  Task bg_;
};

// Awaited in a lambda of a member function.
class Deferred {
public:
  void start() { bg_ = run_loop(); }
  auto stopper() {
    return [this]() -> Task { co_await std::move(bg_); };
  }
private:
  Task bg_;
};

// Returned to the caller (a getter hands it out).
class Getter {
public:
  Getter() : bg_(run_loop()) {}
  Task take() { return std::move(bg_); }
private:
  Task bg_;
};

// A class template whose stop() is never instantiated: its pattern awaits.
template <class T> class Pool {
public:
  void start() { job_ = make(); }
  Task stop() { co_await std::move(job_); }
private:
  TaskOf<T> make();
  TaskOf<T> job_;
};
void use_pool(Pool<int> &p) { p.start(); }

// Only empty values stored: nothing to await.
class Reset {
public:
  void clear() { bg_ = Task(); }
private:
  Task bg_;
};

// Awaitable state objects are not operations (docs/types.md).
struct Event {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
class Flagged {
public:
  void reset() { ev_ = Event{}; }
private:
  Event ev_;
};

// Header classes whose uses this file cannot all see.
void Partial::start() { bg_ = header_loop(); }
void Open::start() { bg = header_loop(); }
void Befriended::start() { bg_ = header_loop(); }
