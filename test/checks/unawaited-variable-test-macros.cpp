// CHECKS: coro-unawaited-variable
// REQUIRES: gtest/gtest.h
// ARGS: -Wno-unused-result
// A test framework's fatal assertion (gtest's ASSERT_*) returns from the
// test when it fails. A task left behind on that path belongs to a test
// that has already failed: not reported. The passing path still counts,
// and so does an early return a project's own macro writes.
#include <gtest/gtest.h>
#include <coroutine>
#include <stdexcept>

struct Future { // eager, move-only
  struct promise_type {
    Future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  Future() = default;
  Future(Future &&) = default;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() { return 0; }
  int value(); // non-const: the value, or throws
};

Future pending();
void second_get(); // throws std::logic_error
bool ready();

TEST(Demo, FatalExit) {
  auto f = pending();
  ASSERT_THROW(second_get(), std::logic_error);
  ASSERT_TRUE(ready());
  EXPECT_EQ(0, f.value());
}

TEST(Demo, ConsumedInsideTheAssertion) {
  auto f = pending();
  ASSERT_THROW(f.value(), std::runtime_error);
}

// EXPECT_THROW's statement sits under `if (TrueWithString gtest_msg{})`,
// which is always true: the statement always runs.
TEST(Demo, ConsumedInsideANonFatalAssertion) {
  auto f = pending();
  EXPECT_THROW(f.value(), std::runtime_error);
}

TEST(Demo, StillLost) {
  auto f = pending(); // expected-warning {{variable 'f' holds an eager coroutine task 'Future' that is never awaited; its result and exceptions are lost [coro-unawaited-variable]}}
  ASSERT_THROW(second_get(), std::logic_error);
} // expected-note {{'f' is destroyed at the end of its scope without being awaited}}

#define RETURN_UNLESS(c)                                                       \
  do {                                                                         \
    if (!(c))                                                                  \
      return;                                                                  \
  } while (false)

void own_macro() {
  auto f = pending(); // expected-warning {{variable 'f' holds an eager coroutine task 'Future' that is not awaited on every path; its result and exceptions may be lost [coro-unawaited-variable]}}
  RETURN_UNLESS(ready()); // expected-note {{'f' is destroyed by this 'return' without being awaited}}
  (void)f.value();
}
