// NOLINTNEXTLINE
void g();
// NOLINTBEGIN(coro-*)

