void a() { fetch(); } // NOLINT
void b() { fetch(); } // NOLINT(coro-discarded-task)
// NOLINTNEXTLINE(coro-*,-coro-unawaited-variable)
void c() { fetch(); }
// NOLINTBEGIN(coro-discarded-eager-task)
void d() { fetch(); } // NOLINTNOTAMARKER NOLINT_X
// NOLINTBEGIN
// NOLINTEND(coro-discarded-eager-task)
void e() { fetch(); } // NOLINT(
// NOLINTEND
// NOLINTEND
// NOLINTNEXTLINE()
void f() { fetch(); }
