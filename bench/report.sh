#!/usr/bin/env bash
# Report time against the number of findings, end to end: a generated file
# of N discarded calls (each a finding; bench/Generate.h generateDiscards)
# through every output format of the CLI and through the compiler plugin,
# beside clang++ -fsyntax-only on the same file (the parse every front end
# pays). Linear means each doubling of N about doubles each time; see
# docs/performance.md.
#   bench/report.sh [N...]        default: 10000 20000 40000 80000
# UNAWAITED_CLI, UNAWAITED_PLUGIN: other binaries to time (an A/B).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${UNAWAITED_BUILD:-$root/build}
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 20000 40000 80000)
[ -x "$build/bench/unawaited_gen" ] || "$root/scripts/bootstrap.sh" "$build" >/dev/null 2>&1
ninja -C "$build" unawaited_gen unawaited unawaited-plugin >/dev/null
cli=${UNAWAITED_CLI:-$build/bin/unawaited}
plugin=${UNAWAITED_PLUGIN:-$build/src/unawaited-plugin.so}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/test/Inputs/task.h" "$work/"

# seconds CMD...: wall seconds of CMD (its exit status ignored: findings
# make both the CLI and nothing else fail).
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'
}

columns="clang plugin text json sarif github"
printf "| findings | clang++ -fsyntax-only | -fplugin | --format=text | json | sarif | github |\n"
printf "|---|---|---|---|---|---|---|\n"
prev=()
for n in "${sizes[@]}"; do
  src=$work/calls$n.cpp
  "$build/bench/unawaited_gen" --discards "$n" > "$src"
  row=()
  row+=("$(seconds clang++-19 -std=c++20 -fsyntax-only -I"$work" "$src")")
  row+=("$(seconds clang++-19 -std=c++20 -fsyntax-only -I"$work" \
             -fplugin="$plugin" "$src")")
  for format in text json sarif github; do
    row+=("$(seconds "$cli" --progress=never --quiet --format=$format \
               -o "$work/report" "$src" -- -std=c++20 -I"$work")")
  done
  line="| $n"
  for i in "${!row[@]}"; do
    cell="${row[$i]} s"
    if ((${#prev[@]})); then
      cell="$cell ($(awk -v a="${row[$i]}" -v b="${prev[$i]}" \
        'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }'))"
    fi
    line="$line | $cell"
  done
  echo "$line |"
  prev=("${row[@]}")
done
echo
echo "(x: the time over the previous row's; $columns; $(nproc) cores)"
