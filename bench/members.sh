#!/usr/bin/env bash
# The whole-program member merge's cost (coro-unawaited-member across
# translation units, docs/performance.md#whole-program-member-facts): one
# command over build directories of real codebases (their
# compile_commands.json; scripts/sweep.sh makes them under
# /work/sweep/out/<name>/build).
#   bench/members.sh [unawaited-binary] BUILD-DIR...
# FACTS=hand-off measures the hand-off merge instead (coro-discarded-task's
# callees defined in another unit, docs/performance.md#whole-program-hand-off-facts):
# its facts, the parameters they name and its candidates.
# For each, runs the CLI over the whole database (--no-cache, so every unit
# is analysed and sends its facts; MEMBERS_CACHE=1 lets earlier runs'
# cached units replay theirs, for a large database) and prints the units, the facts sent, the
# members they name, the candidates kept, the merge's own time, the run's
# wall and CPU time and the peak RSS of the largest process (a worker or
# the parent, where the facts are held and merged).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/bin/unawaited
if [[ $# -gt 0 && -x $1 && ! -d $1 ]]; then bin=$1; shift; fi
(($#)) || { echo "usage: bench/members.sh [unawaited] BUILD-DIR..." >&2; exit 2; }
cache=--no-cache
kind=${FACTS:-member}
case $kind in
  member) named=members ;;
  hand-off) named=parameters ;;
  *) echo "members: FACTS is member or hand-off" >&2; exit 2 ;;
esac
[[ ${MEMBERS_CACHE:-0} == 1 ]] && cache=
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '| codebase | units | facts | %s | candidates kept | merge | wall | CPU | peak RSS |\n' "$named"
printf '|---|---|---|---|---|---|---|---|---|\n'
for b in "$@"; do
  rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$bin" -p "$b" $cache --verbose --progress=never --format=json \
    -o "$work/out.json" -j "$(nproc)" 2>"$work/err" || rc=$?
  case $rc in 0|1|3) ;; *) echo "members: $b: exit $rc" >&2; cat "$work/err" >&2; exit 1 ;; esac
  line=$(grep "whole program: [0-9]* $kind facts" "$work/err" || true)
  read -r facts members kept candidates ms < <(sed -E \
    "s/.*: ([0-9]+) $kind facts on ([0-9]+) $named; ([0-9]+) of ([0-9]+) candidate findings kept \\(([0-9.]+) ms\\).*/\\1 \\2 \\3 \\4 \\5/" <<<"$line")
  units=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$b/compile_commands.json")
  # The last line: a failing exit adds one before it.
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  printf '| %s | %s | %s | %s | %s of %s | %s ms | %s s | %s s | %d MB |\n' \
    "$(basename "$(dirname "$b")")" "$units" "$facts" "$members" "$kept" \
    "$candidates" "$ms" "$wall" "$(awk -v a="$user" -v b="$sys" 'BEGIN { print a + b }')" $((rss / 1024))
done
