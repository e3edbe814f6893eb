#!/usr/bin/env bash
# Quick start 2: builds everything (installing what is missing) and runs the
# whole test suite through CTest. Exits non-zero if any test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/bootstrap.sh" "$root/build"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"
