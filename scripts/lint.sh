#!/usr/bin/env bash
# Dogfooding: runs clang-tidy-19 with the repository's .clang-tidy over our
# own sources, using the build's compile_commands.json. Any warning fails.
#   scripts/lint.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ -f "$build/compile_commands.json" ] || "$root/scripts/bootstrap.sh" "$build"
cd "$root"
git ls-files 'src/*.cpp' ':(glob)fuzz/*.cpp' |
  xargs -P "$(nproc)" -n 1 clang-tidy-19 -p "$build" --quiet \
    --warnings-as-errors='*' 2>/dev/null
echo "lint: clean" >&2
