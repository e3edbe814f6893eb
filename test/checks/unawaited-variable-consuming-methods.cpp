// CONFIG: {CheckOptions: {ConsumingMethods: 'launch;hand_off'}}
// CHECKS: coro-unawaited-variable
// ConsumingMethods: a listed member hands the task on even when it is const
// (a handle-based task can schedule itself from a const member); an
// unlisted const member is still only a read.
#include <coroutine>
#include <utility>

struct Executor {
  void post(std::coroutine_handle<>) const;
};

class Job {
public:
  struct promise_type {
    Job get_return_object() {
      return Job(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  Job(Job &&o) noexcept : h(std::exchange(o.h, {})) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
  // Schedules the coroutine; the caller's copy of the handle stays valid.
  void launch(const Executor &ex) const { ex.post(h); }
  void hand_off(const Executor &ex) const { ex.post(h); }
  bool done() const { return h.done(); }
  const char *name() const { return "job"; }

private:
  explicit Job(std::coroutine_handle<promise_type> h) : h(h) {}
  std::coroutine_handle<promise_type> h;
};

Job refresh();
void log(const char *);

void launched(const Executor &ex) {
  auto job = refresh();
  job.launch(ex);
}

void handed_off_on_one_path(const Executor &ex, bool urgent) {
  auto job = refresh(); // expected-warning {{variable 'job' holds a lazy coroutine task 'Job' that is not awaited on every path; its body may never run [coro-unawaited-variable]}}
  if (urgent) // expected-note {{'job' is not awaited when the 'if' condition is false}}
    job.hand_off(ex);
  log(job.name());
} // expected-note {{'job' is destroyed at the end of its scope without being awaited}}

void only_read() {
  auto job = refresh(); // expected-warning {{variable 'job' holds a lazy coroutine task 'Job' that is never awaited; its body will never run [coro-unawaited-variable]}}
  if (!job.done())
    log(job.name());
} // expected-note {{'job' is destroyed at the end of its scope without being awaited}}
