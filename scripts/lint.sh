#!/usr/bin/env bash
# Dogfooding: runs clang-tidy-19 with the repository's .clang-tidy over our
# own sources, using the build's compile_commands.json.
#   scripts/lint.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ -f "$build/compile_commands.json" ] || "$root/scripts/bootstrap.sh" "$build"
mapfile -t files < <(cd "$root" && git ls-files 'src/*.cpp')
status=0
for f in "${files[@]}"; do
  clang-tidy-19 -p "$build" --quiet "$root/$f" 2>/dev/null || status=1
done
exit $status
