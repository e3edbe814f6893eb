// CHECKS: coro-unawaited-variable
// Qt Test's checks (QTest::qVerify, QTest::qCompare) return false when an
// assertion fails, and QVERIFY-style macros then leave the test (QCoro's
// QCORO_VERIFY with a co_return). That path belongs to a failed test: a
// task left behind there is not reported. Passing checks still count.
#include "task.h"
using demo::Task;

namespace QTest {
bool qVerify(bool statement, const char *text, const char *description,
             const char *file, int line);
template <class A, class B>
bool qCompare(const A &actual, const B &expected, const char *a,
              const char *e, const char *file, int line);
} // namespace QTest

#define MY_VERIFY(statement)                                                   \
  do {                                                                         \
    if (!QTest::qVerify(static_cast<bool>(statement), #statement, "",          \
                        __FILE__, __LINE__))                                   \
      co_return;                                                               \
  } while (false)

#define MY_COMPARE(actual, expected)                                           \
  do {                                                                         \
    if (!QTest::qCompare(actual, expected, #actual, #expected, __FILE__,       \
                         __LINE__))                                            \
      co_return;                                                               \
  } while (false)

Task<int> fetch();
bool ready();

Task<> verified() {
  auto t = fetch();
  MY_VERIFY(ready());
  MY_COMPARE(co_await t, 42);
}

// A task never awaited on the passing path is still reported.
Task<> still_lost() {
  auto t = fetch(); // expected-warning {{variable 't' holds a lazy coroutine task 'Task<int>' that is never awaited; its body will never run [coro-unawaited-variable]}}
  MY_VERIFY(ready());
} // expected-note {{'t' is destroyed at the end of its scope without being awaited}}
