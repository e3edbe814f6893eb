#!/usr/bin/env bash
# Quick start 1: runs unawaited on the bundled example project
# (examples/alert-daemon), installing and building whatever is missing.
# The example has two deliberate bugs, so unawaited's exit code 1 (findings)
# is the expected outcome; this script then exits 0.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/bootstrap.sh" "$root/build"
example_build="$root/build/examples/alert-daemon"
cmake -S "$root/examples/alert-daemon" -B "$example_build" -G Ninja \
      -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
set +e
"$root/build/bin/unawaited" -p "$example_build"
rc=$?
set -e
if [ "$rc" -eq 1 ]; then
  echo "unawaited found the example's two bugs (exit code 1 means findings)." >&2
  exit 0
fi
exit "$rc"
