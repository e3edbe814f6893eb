// CHECKS: coro-unawaited-variable
// A default-constructed or moved-from task holds nothing to await. A
// variable built or assigned from one is empty too, and a vector sized
// with n holds n empty tasks. A shared (copyable) task reassigned from the
// copy it came from holds the same task as before. Real tasks moved in
// are still tracked.
#include <coroutine>
#include <utility>
#include <vector>

// A lazy task that can be empty (default-constructed, moved from).
struct Job {
  struct promise_type {
    Job get_return_object() {
      return Job(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  Job() = default;
  explicit Job(std::coroutine_handle<promise_type> h) : h(h) {}
  Job(Job &&o) noexcept : h(std::exchange(o.h, {})) {}
  Job &operator=(Job &&o) noexcept {
    std::swap(h, o.h);
    return *this;
  }
  ~Job() {
    if (h)
      h.destroy();
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
  std::coroutine_handle<promise_type> h;
};

// A shared lazy task: copies share one coroutine.
struct SharedJob {
  struct promise_type {
    SharedJob get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  SharedJob() = default;
  SharedJob(Job &&) {} // shares a plain job from then on
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

Job work();
SharedJob shared_work();
void run_all(std::vector<Job> &jobs);

// Moves between empty tasks lose nothing.
Job empty_moves() {
  Job a, b;
  a = std::move(b);
  Job c(std::move(a));
  c = std::move(c);
  co_return;
}

// Declared together and converted from empty plain jobs: still empty.
SharedJob converted_empty() {
  Job a, b;
  SharedJob sa(std::move(a)), sb(std::move(b));
  sa = std::move(sb);
  co_return;
}

// Moving a task onto itself changes nothing.
Job self_move() {
  Job t = work();
  t = std::move(t);
  co_await std::move(t);
}

// A sized vector holds empty tasks.
Job sized(int n) {
  std::vector<Job> jobs(n);
  co_return;
}

// A shared copy reassigned from its source still holds the same task.
SharedJob same_shared() {
  SharedJob original = shared_work();
  SharedJob copy = original;
  copy = original;
  co_await original;
}

// Overwriting a held task with an empty one destroys the held one once;
// the variable is empty afterwards, so nothing dies at the end.
Job overwrite_with_empty() {
  Job held = work(); // expected-note {{'held' declared here}}
  Job empty;
  held = std::move(empty); // expected-warning {{assignment to 'held' destroys a lazy coroutine task 'Job' that was never awaited; its body will never run [coro-unawaited-variable]}}
  co_return;
}

// A real task moved into another variable is tracked there.
Job moved_in() {
  Job source = work();
  Job target(std::move(source)); // expected-warning {{variable 'target' holds a lazy coroutine task 'Job' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'target' is destroyed by this 'co_return' without being awaited}}
}

// Assigned a real task: tracked from the assignment on.
Job assigned_real() {
  Job a; // expected-warning {{variable 'a' holds a lazy coroutine task 'Job' that is never awaited; its body will never run [coro-unawaited-variable]}}
  Job b = work();
  a = std::move(b);
  co_return; // expected-note {{'a' is destroyed by this 'co_return' without being awaited}}
}

// A vector filled with real tasks is still a container of tasks.
Job filled(int n) {
  std::vector<Job> jobs(n); // expected-warning {{container 'jobs' holds lazy coroutine tasks 'Job' that are not all awaited; their bodies may never run [coro-unawaited-variable]}}
  jobs.push_back(work());
  co_return; // expected-note {{'jobs' is destroyed by this 'co_return' while holding tasks not awaited}}
}

// Two different shared tasks: overwriting one loses it.
SharedJob different_shared() {
  SharedJob first = shared_work(); // expected-note {{'first' declared here}}
  SharedJob second = shared_work();
  first = second; // expected-warning {{assignment to 'first' destroys a lazy coroutine task 'SharedJob' that was never awaited; its body will never run [coro-unawaited-variable]}}
  co_await first;
}

// Converted from a real job: the shared job holds it.
SharedJob converted_real() {
  Job a = work(), b;
  SharedJob sa(std::move(a)), sb(std::move(b)); // expected-warning {{variable 'sa' holds a lazy coroutine task 'SharedJob' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_await sb;
} // expected-note {{'sa' is destroyed at the end of its scope without being awaited}}
