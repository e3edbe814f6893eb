#!/usr/bin/env bash
# Builds everything (core, CLI and its workers, both plugins, tests) with
# AddressSanitizer and UndefinedBehaviorSanitizer in a second build directory
# and runs the whole test suite there. Any sanitizer report fails the run,
# even one from a process whose failure a test expected (a worker, say):
# reports go to log files, which are printed and counted at the end.
#   scripts/sanitize.sh [build-dir] [ctest-args...]   (default build-asan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
shift || true

# The shared ASan runtime (libclang_rt.asan-x86_64.so) is not a dependency
# of clang-19.
"$root/scripts/clang-rt.sh"

# Reuse the normal build's SARIF validator rather than install it again.
mkdir -p "$build"
[ -L "$build/tools" ] && [ ! -e "$build/tools" ] && rm "$build/tools"
if [ -d "$root/build/tools" ] && [ ! -e "$build/tools" ]; then
  ln -s "$root/build/tools" "$build/tools"
fi
# -O1 and line tables: the usual sanitizer trade-off between build time,
# run time and readable stack traces.
"$root/scripts/bootstrap.sh" "$build" -DUNAWAITED_SANITIZE=address,undefined \
  -DUNAWAITED_BUILD_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG"

# Every process of the tests gets the runtime: clang-19 and clang-tidy-19
# are not sanitized but load our sanitized plugins. Our binaries link the
# same shared runtime, so preloading it into them changes nothing.
runtime=$(clang++-19 -print-file-name=libclang_rt.asan-x86_64.so)
logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
# detect_leaks=0 here: clang-19 frees nothing at exit by design
# (-disable-free) and other unsanitized tools leak too, so every process
# would be reported. Leaks are checked below in our own processes.
export LD_PRELOAD="$runtime"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=0:print_stacktrace=1:log_path=$logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
status=0
(cd "$build" && ctest --output-on-failure -j "$(nproc)" "$@") || status=$?
unset LD_PRELOAD

# Leaks, in our own processes only (no unsanitized host): the core in
# process (the unit tests), and the CLI with its workers on the example.
example="$build/examples/alert-daemon"
cmake -S "$root/examples/alert-daemon" -B "$example" -G Ninja \
      -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
# Slow (DWARF) unwinding on malloc, 8 frames: LLVM has no frame pointers,
# and the suppressions match frames below it (a full stack: 3x slower).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=8:log_path=$logs/asan"
export LSAN_OPTIONS="suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0"
"$build/test/unawaited_unit_tests" >/dev/null 2>&1 || status=1
rc=0
"$build/bin/unawaited" -p "$example" --progress=never >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { echo "sanitize: unawaited exited $rc on the example" >&2; status=1; }

reports=$(find "$logs" -type f | wc -l)
if [ "$reports" -gt 0 ]; then
  for f in "$logs"/*; do
    echo "== $f" >&2
    cat "$f" >&2
  done
  echo "sanitize: $reports sanitizer report(s) in $logs" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
echo "sanitize: clean (address,undefined)" >&2
