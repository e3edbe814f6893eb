// REQUIRES: qcoro6/qcoro/qcorotask.h
// ARGS: -fPIC -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore -I/usr/include/qcoro6 -I/usr/include/qcoro6/qcoro
// QCoro 0.8 (Debian qcoro-qt6-dev) on Qt 6.4 with the real headers, included
// with -I as `pkg-config --cflags Qt6Core` gives them. QCoro::Task is EAGER
// (initial_suspend is suspend_never) and not [[nodiscard]]: a dropped task
// has run, but its result and exceptions are lost (coro-discarded-eager-task).
// Correct code (co_await, .then(), QCoro::connect, QCoro::waitFor, coroutine
// lambdas and coroutine slots given to Qt) produces no findings, in this file
// or in the QCoro/Qt headers it instantiates.
#include <QCoro/QCoroCore>
#include <QCoro/QCoroTask>
#include <QCoro/QCoroTimer>
#include <QCoreApplication>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <tuple>
#include <utility>

using namespace std::chrono_literals;

QCoro::Task<int> compute();
QCoro::Task<> step();

//===-- Correct code: nothing to report ---------------------------------===//

QCoro::Task<int> awaited() {
  int a = co_await compute();
  co_await step();
  co_await QCoro::sleepFor(10ms);
  QTimer timer;
  timer.start(10ms);
  co_await timer;
  co_return a + co_await compute();
}

QCoro::Task<int> stored_then_awaited() {
  auto t = compute();
  co_await step();
  co_return co_await std::move(t);
}
QCoro::Task<int> forwarded() { return compute(); }

// Plain functions consume tasks without co_await: a .then() continuation,
// QCoro::connect to a context object, or blocking in QCoro::waitFor.
void consumers(QObject *context) {
  compute().then([](int v) { std::ignore = v; });
  step().then([] {}, [](const std::exception &) {});
  auto t = compute();
  t.then([](int) {});
  QCoro::connect(compute(), context, [](int) {});
  int v = QCoro::waitFor(compute());
  QCoro::waitFor(step());
  std::ignore = v;
}

// The Qt slot idiom: a coroutine slot or coroutine lambda is handed to a Qt
// API that calls it and drops the eager task it returns. Not reported.
class Worker : public QObject {
public:
  QCoro::Task<> onTimeout() { co_await step(); }
};
void connect_slots(QTimer *timer, Worker *worker) {
  QObject::connect(timer, &QTimer::timeout, worker, &Worker::onTimeout);
  QObject::connect(timer, &QTimer::timeout, worker,
                   []() -> QCoro::Task<> { co_await step(); });
  QTimer::singleShot(0, []() -> QCoro::Task<> { co_await step(); });
  QTimer::singleShot(10ms, worker, [worker]() -> QCoro::Task<> {
    co_await worker->onTimeout();
  });
}

// Acknowledged discards of an eager task: (void) and std::ignore.
QCoro::Task<> acknowledged() {
  (void)compute();
  std::ignore = step();
  co_return;
}

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QTimer timer;
  Worker worker;
  connect_slots(&timer, &worker);
  consumers(&worker);
  return QCoro::waitFor(awaited());
}

//===-- Deliberate bugs --------------------------------------------------===//

// BUG (eager): the task runs, but its result and any exception are lost.
QCoro::Task<> discarded_in_coroutine() {
  compute(); // expected-warning {{'compute' returns an eager coroutine task 'QCoro::Task<int>' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{insert 'co_await' to wait for its result}} expected-note {{cast the expression to 'void' to acknowledge that the result is not needed}}
  co_await step();
}

// In a plain function co_await is not offered: only the cast note.
void discarded_in_plain_function() {
  step(); // expected-warning {{'step' returns an eager coroutine task 'QCoro::Task<>' that is discarded; its result and exceptions are lost [coro-discarded-eager-task]}} expected-note {{cast the expression to 'void'}}
}

// BUG (eager): stored, never awaited: the result and any exception are lost.
QCoro::Task<> stored_never_awaited() {
  [[maybe_unused]] auto t = co_await compute(); // expected-warning {{variable 't' holds an eager coroutine task 'QCoro::Task<int>' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  co_await step();
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}

// A const read (isReady) does not consume the task.
void only_polled() {
  auto t = step(); // expected-warning {{variable 't' holds an eager coroutine task 'QCoro::Task<>' that is never awaited}}
  std::ignore = t.isReady();
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
