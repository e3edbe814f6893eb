//===- Profiles.cpp - Library knowledge tables ----------------------------===//
//
// Sources for every row: shared/reference/coro-libraries.md (per library
// sections and the "is a discard legitimate?" table).
//
//===----------------------------------------------------------------------===//
#include "Profiles.h"
#include "unawaited/Options.h"
#include "llvm/ADT/STLExtras.h"

namespace unawaited {

using K = TaskKind;

static const ProfileType Types[] = {
    // Standalone Asio and Boost.Asio: awaitable is lazy; deferred operations
    // are lazy and awaitable only through asio's promise await_transform;
    // experimental::promise starts at once and its destructor cancels it.
    {"asio", "asio::awaitable", K::LazyTask},
    {"asio", "asio::deferred_async_operation", K::LazyAwaitable},
    {"asio", "asio::deferred_sequence", K::LazyAwaitable},
    {"asio", "asio::deferred_conditional", K::LazyAwaitable},
    {"asio", "asio::deferred_values", K::LazyAwaitable},
    {"asio", "asio::experimental::deferred_async_operation", K::LazyAwaitable},
    {"asio", "asio::experimental::deferred_sequence", K::LazyAwaitable},
    {"asio", "asio::experimental::deferred_conditional", K::LazyAwaitable},
    {"asio", "asio::experimental::deferred_values", K::LazyAwaitable},
    {"asio", "asio::experimental::promise", K::EagerTask, true},
    {"asio", "asio::experimental::coro", K::LazyTask},
    {"boost-asio", "boost::asio::awaitable", K::LazyTask},
    {"boost-asio", "boost::asio::deferred_async_operation", K::LazyAwaitable},
    {"boost-asio", "boost::asio::deferred_sequence", K::LazyAwaitable},
    {"boost-asio", "boost::asio::deferred_conditional", K::LazyAwaitable},
    {"boost-asio", "boost::asio::deferred_values", K::LazyAwaitable},
    {"boost-asio", "boost::asio::experimental::deferred_async_operation",
     K::LazyAwaitable},
    {"boost-asio", "boost::asio::experimental::promise", K::EagerTask, true},
    {"boost-asio", "boost::asio::experimental::coro", K::LazyTask},
    // cppcoro
    {"cppcoro", "cppcoro::task", K::LazyTask},
    {"cppcoro", "cppcoro::shared_task", K::LazyTask},
    {"cppcoro", "cppcoro::async_generator", K::LazyTask},
    {"cppcoro", "cppcoro::generator", K::Generator},
    {"cppcoro", "cppcoro::recursive_generator", K::Generator},
    // folly::coro: Task has no operator co_await (await_transform only).
    {"folly", "folly::coro::Task", K::LazyTask},
    {"folly", "folly::coro::TaskWithExecutor", K::LazyTask},
    {"folly", "folly::coro::AsyncGenerator", K::LazyTask},
    {"folly", "folly::coro::Generator", K::Generator},
    {"folly", "folly::SemiFuture", K::LazyAwaitable},
    {"folly", "folly::Future", K::EagerTask},
    // A value or an error, with coroutine support: its coroutines never
    // suspend (they only short-circuit on errors), so the value is complete
    // when the call returns. Units that do not include folly/result/coro.h
    // see its promise type only declared.
    {"folly", "folly::result", K::None},
    // libunifex: task is an alias of a nested class template.
    {"unifex", "unifex::_task::_task::type", K::LazyTask},
    {"unifex", "unifex::task", K::LazyTask},
    // stdexec / std::execution
    {"stdexec", "exec::basic_task", K::LazyTask},
    {"stdexec", "exec::task", K::LazyTask},
    {"stdexec", "stdexec::task", K::LazyTask},
    {"stdexec", "std::execution::task", K::LazyTask},
    // QCoro: Task is eager (the Qt slot idiom), LazyTask is lazy.
    {"qcoro", "QCoro::Task", K::EagerTask},
    {"qcoro", "QCoro::LazyTask", K::LazyTask},
    {"qcoro", "QCoro::Generator", K::Generator},
    {"qcoro", "QCoro::AsyncGenerator", K::LazyTask},
    // Seastar: futures represent work already running.
    {"seastar", "seastar::future", K::EagerTask},
    // concurrencpp
    {"concurrencpp", "concurrencpp::result", K::EagerTask},
    {"concurrencpp", "concurrencpp::shared_result", K::EagerTask},
    {"concurrencpp", "concurrencpp::lazy_result", K::LazyTask},
    {"concurrencpp", "concurrencpp::null_result", K::FireAndForget},
    {"concurrencpp", "concurrencpp::generator", K::Generator},
    // Boost.Cobalt
    {"cobalt", "boost::cobalt::task", K::LazyTask},
    {"cobalt", "boost::cobalt::promise", K::EagerTask, true},
    {"cobalt", "boost::cobalt::generator", K::EagerTask},
    {"cobalt", "boost::cobalt::detached", K::FireAndForget},
    {"cobalt", "boost::cobalt::op", K::LazyAwaitable},
    // libcoro
    {"libcoro", "coro::task", K::LazyTask},
    {"libcoro", "coro::generator", K::Generator},
    // async_simple
    {"async_simple", "async_simple::coro::Lazy", K::LazyTask},
    {"async_simple", "async_simple::coro::RescheduleLazy", K::LazyTask},
    {"async_simple", "async_simple::coro::Generator", K::Generator},
    {"async_simple", "async_simple::Future", K::EagerTask},
    // Cap'n Proto KJ: eager, and dropping a promise cancels its work.
    {"kj", "kj::Promise", K::EagerTask, true},
    // C++/WinRT
    {"winrt", "winrt::fire_and_forget", K::FireAndForget},
    {"winrt", "winrt::Windows::Foundation::IAsyncAction", K::EagerTask},
    {"winrt", "winrt::Windows::Foundation::IAsyncActionWithProgress",
     K::EagerTask},
    {"winrt", "winrt::Windows::Foundation::IAsyncOperation", K::EagerTask},
    {"winrt", "winrt::Windows::Foundation::IAsyncOperationWithProgress",
     K::EagerTask},
};

// Dropping these calls' results is the library's detach idiom.
static const ProfileFunction Ignored[] = {
    {"folly", "folly::coro::TaskWithExecutor::start"},
    {"folly", "folly::coro::TaskWithExecutor::startInlineUnsafe"},
    {"async_simple", "async_simple::coro::RescheduleLazy::detach"},
    // thenTry hands the whole outcome, exception included, to the callback:
    // the future it returns is the library's documented chain end. (Not
    // thenValue: an upstream exception skips its callback.)
    {"async_simple", "async_simple::Future::thenTry"},
    {"libcoro", "coro::thread_pool::spawn_detached"},
    // QCoro: then() hands the result to a callback; the Task it returns is
    // the Qt-slot idiom, not a lost result.
    {"qcoro", "QCoro::Task::then"},
    {"qcoro", "QCoro::detail::TaskBase::then"},
    {"libcoro", "coro::scheduler::spawn_detached"},
};

// These run what they are given to completion and return its result, as
// co_await does: what they return is a finished value, never new work.
static const ProfileFunction Runners[] = {
    {"cppcoro", "cppcoro::sync_wait"},
    {"libcoro", "coro::sync_wait"},
    {"folly", "folly::coro::blockingWait"},
    {"async_simple", "async_simple::coro::syncAwait"},
    {"stdexec", "stdexec::sync_wait"},
    {"stdexec", "std::this_thread::sync_wait"},
    {"unifex", "unifex::sync_wait"},
    {"cobalt", "boost::cobalt::run"},
    {"qcoro", "QCoro::waitFor"},
    // Members that block until an eager task is done and return its value.
    {"concurrencpp", "concurrencpp::result::get"},
    {"concurrencpp", "concurrencpp::shared_result::get"},
    {"folly", "folly::Future::get"},
    {"folly", "folly::SemiFuture::get"},
    {"async_simple", "async_simple::Future::get"},
    {"winrt", "winrt::Windows::Foundation::IAsyncOperation::get"},
};

// These make a ready eager task that has not failed. Called with no
// arguments, or made with no value type (`future<>` from an empty tuple),
// it is a placeholder that holds nothing to lose, like a default-constructed
// task.
static const ProfileFunction ReadyPlaceholders[] = {
    {"seastar", "seastar::make_ready_future"},
    {"seastar", "seastar::futurize::from_tuple"},
    {"folly", "folly::makeFuture"},
    {"folly", "folly::makeSemiFuture"},
    {"async_simple", "async_simple::makeReadyFuture"},
};

// Members that read an eager future's state. A future known to be ready
// and not failed holds nothing but its value; with no value type, nothing.
struct ProfileStateTest {
  llvm::StringLiteral Profile;
  llvm::StringLiteral QualifiedName;
  StateTest Kind;
};
static const ProfileStateTest StateTests[] = {
    {"seastar", "seastar::future::available", StateTest::Ready},
    {"seastar", "seastar::future::failed", StateTest::Failed},
};

// These call their callable with the finished future, so its parameter
// starts out ready.
static const ProfileFunction ReadyFuturePassers[] = {
    {"seastar", "seastar::future::then_wrapped"},
};

// These call their handler only with the chain's exception and complete
// with what it returns: a handler that cannot throw and returns nothing
// makes a future that cannot fail.
static const ProfileFunction ExceptionAbsorbers[] = {
    {"seastar", "seastar::future::handle_exception"},
};

// Test frameworks branch on these to shape their assertion macros; they
// are opaque calls (defined out of line so that compilers cannot see
// through them) but always answer the same.
static const ProfileFunction AlwaysTrue[] = {
    {"gtest", "testing::internal::AlwaysTrue"},
    // EXPECT_THROW/ASSERT_NO_THROW and friends (gtest 1.12+) guard the
    // statement with `if (TrueWithString gtest_msg{})`.
    {"gtest", "testing::internal::TrueWithString::operator bool"},
    // Qt Test's checks, which QCOMPARE/QVERIFY-style macros (QCoro's
    // QCORO_VERIFY among them) branch on to leave a failed test: taken as
    // passing, since a failed test's path is not the code's bug.
    {"qttest", "QTest::qVerify"},
    {"qttest", "QTest::qCompare"},
};
static const ProfileFunction AlwaysFalse[] = {
    {"gtest", "testing::internal::AlwaysFalse"},
    {"catch2", "Catch::alwaysFalse"},
    {"catch2", "Catch::isFalseTest"},
};

// Calling these on a task variable hands the task on.
static const ProfileFunction Consuming[] = {
    // cppcoro: awaiting when_ready() (a const member) runs the task.
    {"cppcoro", "when_ready"},
    {"folly", "start"},
    {"folly", "startInlineUnsafe"},
    {"folly", "semi"},
    {"async_simple", "start"},
    {"async_simple", "via"},
    {"async_simple", "detach"},
    {"async_simple", "directlyStart"},
    {"concurrencpp", "run"},
    {"cobalt", "detach"},
    {"qcoro", "then"},
    {"seastar", "then"},
    {"seastar", "then_wrapped"},
    {"seastar", "handle_exception"},
    {"seastar", "finally"},
    {"seastar", "discard_result"},
    {"seastar", "ignore_ready_future"},
    // C++/WinRT: get() blocks until the operation completes (a const
    // member of the projected interface).
    {"winrt", "get"},
};

static const llvm::StringLiteral Names[] = {
    "asio",  "boost-asio", "cppcoro",      "folly",  "unifex",  "stdexec",
    "qcoro", "seastar",    "concurrencpp", "cobalt", "libcoro", "async_simple",
    "winrt", "kj"};

std::vector<std::string> unknownProfiles(const Options &Opts) {
  std::vector<std::string> Unknown;
  for (const std::string &P : Opts.Profiles)
    if (P != "all" && P != "none" && !llvm::is_contained(Names, P))
      Unknown.push_back(P);
  return Unknown;
}

std::string knownProfiles() {
  std::string Out = "all;none";
  for (llvm::StringLiteral N : Names)
    Out += (";" + N).str();
  return Out;
}

Profiles::Profiles(const std::vector<std::string> &Selected) {
  for (const std::string &S : Selected) {
    if (S == "all")
      All = true;
    else if (S != "none")
      Active.push_back(S);
  }
}

bool Profiles::isActive(llvm::StringRef Profile) const {
  return All || llvm::is_contained(Active, Profile);
}

const ProfileType *Profiles::lookupType(llvm::StringRef Name) const {
  for (const ProfileType &T : Types)
    if (T.QualifiedName == Name && isActive(T.Profile))
      return &T;
  return nullptr;
}

bool Profiles::isIgnoredFunction(llvm::StringRef Name) const {
  return llvm::any_of(Ignored, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

bool Profiles::isReadyPlaceholder(llvm::StringRef Name) const {
  return llvm::any_of(ReadyPlaceholders, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

bool Profiles::isRunner(llvm::StringRef Name) const {
  return llvm::any_of(Runners, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

std::optional<bool> Profiles::constantCondition(llvm::StringRef Name) const {
  auto Named = [&](const ProfileFunction &F) {
    return F.QualifiedName == Name;
  };
  if (llvm::any_of(AlwaysTrue, Named))
    return true;
  if (llvm::any_of(AlwaysFalse, Named))
    return false;
  return std::nullopt;
}

std::optional<StateTest> Profiles::stateTest(llvm::StringRef Name) const {
  for (const ProfileStateTest &T : StateTests)
    if (T.QualifiedName == Name && isActive(T.Profile))
      return T.Kind;
  return std::nullopt;
}

bool Profiles::passesReadyFuture(llvm::StringRef Name) const {
  return llvm::any_of(ReadyFuturePassers, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

bool Profiles::absorbsExceptions(llvm::StringRef Name) const {
  return llvm::any_of(ExceptionAbsorbers, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

bool Profiles::isConsumingMethod(llvm::StringRef Name) const {
  return llvm::any_of(Consuming, [&](const ProfileFunction &F) {
    return F.QualifiedName == Name && isActive(F.Profile);
  });
}

} // namespace unawaited
