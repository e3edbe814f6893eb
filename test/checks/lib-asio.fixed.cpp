// REQUIRES: asio.hpp
// ARGS: -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE -Wno-unused-result
// Standalone Asio 1.22 (Debian libasio-dev) with its real headers. The
// defines are required with clang (1.22 only detects the Coroutines TS);
// -Wno-unused-result keeps the compiler's own [[nodiscard]] warnings
// (asio::awaitable and deferred operations are nodiscard) out of -verify.
// A correct echo server and its helpers produce no findings; each
// deliberate bug is marked.
#include "task.h"
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/deferred.hpp>
#include <asio/experimental/promise.hpp>
#include <chrono>
#include <csignal>
#include <exception>
#include <future>
#include <utility>
#include <variant>

using asio::awaitable;
using asio::detached;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;
using namespace asio::experimental::awaitable_operators;

awaitable<int> compute();
awaitable<void> tick();

//===-- Correct code: nothing to report ---------------------------------===//

awaitable<void> echo(tcp::socket socket) {
  try {
    char data[1024];
    for (;;) {
      std::size_t n =
          co_await socket.async_read_some(asio::buffer(data), use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
    }
  } catch (const std::exception &) {
  }
}

awaitable<void> listener() {
  auto executor = co_await asio::this_coro::executor;
  tcp::acceptor acceptor(executor, {tcp::v4(), 55555});
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    asio::co_spawn(executor, echo(std::move(socket)), detached);
  }
}

awaitable<void> wait_a_bit() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(10ms);
  co_await timer.async_wait(use_awaitable);
}

// Awaitable operators: && is when-all, || is when-any; both are awaited.
awaitable<int> combined() {
  co_await (wait_a_bit() && tick());
  std::variant<int, std::monostate> r = co_await (compute() || wait_a_bit());
  co_return r.index() == 0 ? std::get<0>(r) : 0;
}

// A task held in a variable, then awaited, returned or spawned.
awaitable<int> stored_then_awaited() {
  auto t = compute();
  co_return co_await std::move(t);
}
awaitable<int> forwarded() { return compute(); }
awaitable<void> stored_then_spawned() {
  auto t = tick();
  asio::co_spawn(co_await asio::this_coro::executor, std::move(t), detached);
}

// co_spawn(..., use_awaitable) returns an awaitable, which is awaited here.
awaitable<void> spawn_and_join() {
  auto ex = co_await asio::this_coro::executor;
  int v = co_await asio::co_spawn(ex, compute(), use_awaitable);
  (void)v;
}

// experimental::promise (eager): the operation has started; it is waited on.
awaitable<void> with_promise() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  auto p = timer.async_wait(asio::experimental::use_promise);
  co_await p.async_wait(use_awaitable);
}

// A 1.22 deferred operation is consumed by invoking it with a token.
awaitable<void> deferred_invoked() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  auto op = timer.async_wait(asio::experimental::deferred);
  co_await std::move(op)(use_awaitable);
}

int main() {
  asio::io_context ctx(1);
  asio::signal_set signals(ctx, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) { ctx.stop(); });
  asio::co_spawn(ctx, listener(), detached);
  asio::co_spawn(ctx, combined(), [](std::exception_ptr, int) {});
  asio::co_spawn(ctx, stored_then_awaited(), detached);
  asio::co_spawn(ctx.get_executor(), spawn_and_join(), detached);
  asio::co_spawn(ctx, with_promise(), detached);
  asio::co_spawn(ctx, deferred_invoked(), detached);
  asio::co_spawn(ctx, stored_then_spawned(), detached);
  // A coroutine lambda handed to co_spawn, which calls and runs it.
  asio::co_spawn(
      ctx, []() -> awaitable<void> { co_await wait_a_bit(); }, detached);
  std::future<int> f = asio::co_spawn(ctx, forwarded(), asio::use_future);
  ctx.run();
  return f.get();
}

//===-- Deliberate bugs --------------------------------------------------===//

// BUG: the computation never runs. Fix: co_await.
awaitable<void> discarded_in_coroutine() {
  co_await compute(); // expected-warning {{'compute' returns a lazy coroutine task 'awaitable<int>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_await tick();
}

// BUG: in a plain function there is no co_await to offer: a note instead.
void discarded_in_plain_function() { // expected-note {{'discarded_in_plain_function' is not a coroutine, so it cannot 'co_await' the task}}
  compute(); // expected-warning {{'compute' returns a lazy coroutine task 'awaitable<int>' that is never awaited; its body will never run [coro-discarded-task]}}
}

// BUG: stored and never awaited. Fix: await it at the declaration.
awaitable<void> stored_never_awaited() {
  [[maybe_unused]] auto t = co_await compute(); // expected-warning {{variable 't' holds a lazy coroutine task 'awaitable<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  co_return; // expected-note {{'t' is destroyed by this 'co_return' without being awaited}}
}

// BUG: co_spawn with use_awaitable returns an awaitable; dropped, the spawn
// never happens. Fix: co_await.
awaitable<void> spawn_dropped(asio::any_io_executor ex) {
  co_await asio::co_spawn(ex, tick(), use_awaitable); // expected-warning {{'co_spawn' returns a lazy coroutine task 'asio::awaitable<void>' that is never awaited; its body will never run [coro-discarded-task]}}
  co_return;
}

// BUG: the when-all operator's result dropped. The fix must parenthesise:
// `co_await wait_a_bit() && tick()` would await only the left operand.
awaitable<void> operator_dropped() {
  co_await (wait_a_bit() && tick()); // expected-warning {{'operator&&' returns a lazy coroutine task 'awaitable<void, any_io_executor>' that is never awaited}}
  co_return;
}

// BUG: a 1.22 deferred operation dropped: nothing is initiated. In 1.22 an
// awaitable coroutine cannot co_await a deferred operation (asio's
// await_transform accepts it only from 1.23, through a constrained
// template the tool cannot evaluate), so no co_await fix: a note.
awaitable<void> deferred_dropped() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  timer.async_wait(asio::experimental::deferred); // expected-warning {{'async_wait' returns a lazy awaitable 'asio::experimental::deferred_async_operation<}} expected-note {{(its await_transform is constrained; no fix is offered)}}
}

// BUG (eager): an experimental::promise starts the operation at once, and
// dropping it cancels the operation in its destructor, which a (void)
// cast does not prevent.
void promise_dropped(asio::steady_timer &timer) {
  timer.async_wait(asio::experimental::use_promise); // expected-warning {{'async_wait' returns an eager coroutine task 'asio::experimental::promise<void (std::error_code)>' that is discarded; its destructor cancels the work [coro-discarded-eager-task]}} expected-note {{a 'void' cast does not keep it}}
}
// In 1.22 an awaitable coroutine cannot co_await an experimental::promise
// (await_transform rejects it; `co_await p.async_wait(use_awaitable)` is the
// way), so 'insert co_await' must not be offered.
awaitable<void> promise_dropped_in_coroutine(asio::steady_timer &timer) {
  timer.async_wait(asio::experimental::use_promise); // expected-warning {{'async_wait' returns an eager coroutine task 'asio::experimental::promise<}} expected-note {{a 'void' cast does not keep it}}
  co_return;
}

// BUG: an asio::awaitable can only be awaited from an asio coroutine; inside
// another library's coroutine there is no co_await fix.
demo::Task<> foreign_coroutine() {
  tick(); // expected-warning {{'tick' returns a lazy coroutine task 'awaitable<void>'}} expected-note {{the enclosing coroutine's promise 'demo::Task<>::promise_type' cannot await 'awaitable<void>'; run it with its own library}}
  co_return;
}
