#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (with AddressSanitizer and
# UndefinedBehaviorSanitizer) in a build directory of their own and runs
# each for a short time, seeded from fuzz/corpus, fuzz/regressions and, for
# the analysis, test/checks. Any crash, sanitizer report, leak or hang
# fails the run and names the input that caused it. See docs/fuzzing.md
# for long runs.
#   scripts/fuzz.sh [build-dir [cmake-args...]]     (default build-fuzz)
# Environment: FUZZ_SECONDS per target (default 25; the analysis, whose
# inputs take a compiler run each, gets FUZZ_ANALYSIS_SECONDS, default four
# times that), FUZZ_TARGETS (a space-separated subset), FUZZ_JOBS targets
# at once (default nproc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-fuzz}
shift || true
seconds=${FUZZ_SECONDS:-25}
analysis_seconds=${FUZZ_ANALYSIS_SECONDS:-$((seconds * 4))}
# The analysis first: it runs longest, the others share the other cores.
targets=${FUZZ_TARGETS:-analysis compile-database response-files baseline tidy-config nolint}
parallel=${FUZZ_JOBS:-$(nproc)}

for tool in cmake ninja clang++-19; do
  command -v "$tool" >/dev/null ||
    { echo "fuzz: $tool is missing; run scripts/bootstrap.sh first" >&2; exit 2; }
done
# libFuzzer and the sanitizer runtimes are not a dependency of clang-19.
"$root/scripts/clang-rt.sh"

# -O1 and line tables, as scripts/sanitize.sh: fast enough to fuzz, stack
# traces readable. Only the targets and what they link are built.
if [ ! -f "$build/build.ninja" ] || (($#)); then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    -DUNAWAITED_FUZZ=ON -DUNAWAITED_BUILD_TESTS=OFF \
    -DUNAWAITED_BUILD_BENCHMARKS=OFF "$@" >/dev/null
fi
ninja -C "$build" -j "$(nproc)" fuzz-targets >&2

# One target: its new inputs go to runs/<t>/corpus (the first directory
# libFuzzer is given), a failing input to runs/<t>/artifacts.
run() {
  local t=$1 work="$build/runs/$1" time=$seconds
  [ "$t" = analysis ] && time=$analysis_seconds
  rm -rf "$work/artifacts"
  mkdir -p "$work/corpus" "$work/artifacts"
  local seeds=("$root/fuzz/corpus/$t" "$root/fuzz/regressions/$t")
  if [ "$t" = analysis ]; then
    # The check files, but not those on real libraries' headers (asio,
    # Qt): seconds each under ASan, they would take the whole short run.
    rm -rf "$work/seeds"
    mkdir -p "$work/seeds"
    grep -L '^// REQUIRES:' "$root"/test/checks/*.cpp |
      xargs cp -t "$work/seeds"
    seeds+=("$work/seeds")
  fi
  # -timeout: an input taking longer is a hang, reported as a failure.
  local rc=0
  "$build/fuzz/fuzz-$t" -max_total_time="$time" -timeout=25 \
    -dict="$root/fuzz/dict/$t.dict" \
    -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "${seeds[@]}" \
    >"$work/log" 2>&1 || rc=$?
  echo "$rc" >"$work/rc"
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# Leaks inside clang itself are suppressed, as in scripts/sanitize.sh.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
for t in $targets; do
  [ -x "$build/fuzz/fuzz-$t" ] || { echo "fuzz: no target '$t'" >&2; exit 2; }
  rm -f "$build/runs/$t/rc"
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
  run "$t" &
done
wait

failed=0
for t in $targets; do
  work="$build/runs/$t"
  if [ "$(cat "$work/rc" 2>/dev/null)" = 0 ]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
    echo "fuzz: $t: clean, ${runs:-?} inputs" >&2
  else
    failed=1
    echo "== fuzz: $t FAILED; its log ($work/log) ends:" >&2
    tail -n 60 "$work/log" >&2
    # (slow-unit-* names the slowest input, not a failure.)
    for a in "$work"/artifacts/{crash,leak,timeout,oom}-*; do
      [ -e "$a" ] || continue
      echo "fuzz: input: $a" >&2
      echo "fuzz:   fix the bug, then keep the input:" \
           "cp '$a' '$root/fuzz/regressions/$t/'" >&2
    done
  fi
done
exit "$failed"
