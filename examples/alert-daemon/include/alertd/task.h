// task.h - a tiny lazy coroutine library for the alert daemon.
//
//   alertd::Task<T>   a lazily started coroutine producing a T (or nothing)
//   alertd::EventLoop a single-threaded queue of coroutines ready to resume
//   next_tick()       awaitable that re-queues the caller (a simulated I/O hop)
//   sync_wait(task)   runs a task to completion on the calling thread
//   when_all(tasks)   awaits every task in a vector
//
// Like many real libraries, Task is *not* marked [[nodiscard]]: calling a
// coroutine and dropping the Task compiles silently, and the body never runs.
#pragma once

#include <cassert>
#include <coroutine>
#include <deque>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

// Note: glibc's <unistd.h> declares ::daemon(), which clashes with this
// namespace; the example does not include <unistd.h>.
namespace alertd {

// Single-threaded event loop: a FIFO of coroutine handles waiting to resume.
class EventLoop {
public:
    static EventLoop& current() {
        thread_local EventLoop loop;
        return loop;
    }

    void post(std::coroutine_handle<> h) { ready_.push_back(h); }

    // Resumes one queued coroutine; returns false if nothing was queued.
    bool run_one() {
        if (ready_.empty())
            return false;
        std::coroutine_handle<> h = ready_.front();
        ready_.pop_front();
        h.resume();
        return true;
    }

private:
    std::deque<std::coroutine_handle<>> ready_;
};

// Suspends the caller and queues it on the event loop, standing in for the
// point where a real daemon would wait on a socket.
inline auto next_tick() {
    struct Awaiter {
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> h) const { EventLoop::current().post(h); }
        void await_resume() const noexcept {}
    };
    return Awaiter{};
}

template <typename T = void>
class Task;

namespace detail {

// Where a finished coroutine keeps its result: a value, or nothing for void.
template <typename T>
struct ResultSlot {
    std::optional<T> value;
    void return_value(T v) { value.emplace(std::move(v)); }
    T take() { return std::move(*value); }
};

template <>
struct ResultSlot<void> {
    void return_void() noexcept {}
    void take() noexcept {}
};

} // namespace detail

template <typename T>
class Task {
public:
    struct promise_type : detail::ResultSlot<T> {
        // Resumed when this task finishes; the no-op handle means "nobody".
        std::coroutine_handle<> continuation = std::noop_coroutine();
        std::exception_ptr error;

        Task get_return_object() noexcept {
            return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
        }

        // Lazy: the body does not start until the task is awaited.
        std::suspend_always initial_suspend() const noexcept { return {}; }

        // On completion, transfer control straight back to whoever awaited us.
        struct FinalAwaiter {
            bool await_ready() const noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) const noexcept {
                return h.promise().continuation;
            }
            void await_resume() const noexcept {}
        };
        FinalAwaiter final_suspend() const noexcept { return {}; }

        void unhandled_exception() noexcept { error = std::current_exception(); }

        T result() {
            if (error)
                std::rethrow_exception(error);
            return this->take();
        }
    };

    using handle_type = std::coroutine_handle<promise_type>;

    Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            reset();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() { reset(); }

    // `co_await std::move(task)`: start the task and resume us when it is done.
    auto operator co_await() && noexcept {
        struct Awaiter {
            handle_type handle;
            bool await_ready() const noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
                handle.promise().continuation = awaiting;
                return handle; // symmetric transfer: run the task body now
            }
            T await_resume() { return handle.promise().result(); }
        };
        assert(handle_ && "awaiting a moved-from Task");
        return Awaiter{handle_};
    }

private:
    explicit Task(handle_type h) noexcept : handle_(h) {}

    // Destroying an unstarted task frees its frame; its body never runs.
    void reset() noexcept {
        if (handle_)
            std::exchange(handle_, {}).destroy();
    }

    template <typename U>
    friend U sync_wait(Task<U> task);

    handle_type handle_;
};

// Runs `task` to completion on this thread, driving the event loop as needed.
template <typename T>
T sync_wait(Task<T> task) {
    EventLoop& loop = EventLoop::current();
    auto h = task.handle_;
    h.resume(); // runs until the first real suspension (or to the end)
    while (!h.done()) {
        if (!loop.run_one())
            throw std::logic_error("sync_wait: task is blocked and the event loop is empty");
    }
    return h.promise().result();
}

// Awaits every task in turn and collects the results. Tasks are lazy, so
// none of them starts before when_all gets to it.
template <typename T>
    requires(!std::is_void_v<T>)
Task<std::vector<T>> when_all(std::vector<Task<T>> tasks) {
    std::vector<T> results;
    results.reserve(tasks.size());
    for (Task<T>& task : tasks)
        results.push_back(co_await std::move(task));
    co_return results;
}

inline Task<void> when_all(std::vector<Task<void>> tasks) {
    for (Task<void>& task : tasks)
        co_await std::move(task);
}

} // namespace alertd
