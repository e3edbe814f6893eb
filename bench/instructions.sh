#!/usr/bin/env bash
# Instructions, not seconds: unawaited's cost per translation unit against
# clang++-19 -fsyntax-only's, counted by valgrind's callgrind. CPU time on a
# shared VM moves by ±6% between runs (docs/performance.md); instruction
# counts do not move at all, so a 1% difference is visible.
#
#   bench/instructions.sh [FILE...]
#
# Default files: three units of bench/run.sh's corpus (a small
# alert-daemon unit, a Boost.Asio example, a generated 2,000-statement
# coroutine). Each runs under callgrind (~50x slower than natively): clang's
# driver with the unit's command and -fsyntax-only, then unawaited -j1
# --no-cache on the same command, whose parent (started once per run, not
# per unit) and worker are counted apart. Prints one row per unit and the
# total ratio of worker instructions to clang's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
source "$root/bench/corpus.sh"
bench_prepare unawaited_gen
command -v valgrind >/dev/null || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends valgrind >/dev/null
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
mkdir -p "$corpus"
bench_copy_corpus "$corpus"
"$build/bench/unawaited_gen" 2000 >"$corpus/gen2000.cpp"
bench_write_db "$corpus"
# valgrind cannot read the compressed debug sections of our build: count a
# copy without them (symbols stay).
strip -g -o "$work/unawaited" "$build/bin/unawaited"

files=("$@")
if ((${#files[@]} == 0)); then
  files=("$corpus/alert-daemon/src/health.cpp"
         "$corpus/asio/coroutines/echo_server_with_as_single_default.cpp"
         "$corpus/gen2000.cpp")
fi

# ir PROFILE: the instruction count of a callgrind profile.
ir() { sed -n 's/^totals: \([0-9]*\).*/\1/p' "$1" | head -1; }

printf '| unit | clang++ -fsyntax-only | unawaited worker | worker / clang | unawaited parent (once per run) |\n|---|---|---|---|---|\n'
total_clang=0 total_worker=0
for f in "${files[@]}"; do
  inc="-I$(dirname "$f")"
  case "$f" in */alert-daemon/*) inc="-I$corpus/alert-daemon/include" ;; esac
  (cd "$corpus" && valgrind --tool=callgrind --callgrind-out-file="$work/clang.cg" \
    clang++-19 -std=c++20 "$inc" -fsyntax-only "$f" >"$work/clang.log" 2>&1) || true
  rm -f "$work"/un.*.cg
  (cd "$corpus" && valgrind --tool=callgrind --trace-children=yes \
    --callgrind-out-file="$work/un.%p.cg" "$work/unawaited" --no-cache -j1 --timeout=0 \
    -p "$corpus" "$f" >"$work/un.log" 2>&1) || true
  clang=$(ir "$work/clang.cg")
  # One profile per process; the worker's command says --worker (its log
  # lines go to the parent, not to un.log, so read the profiles).
  read -r parent worker < <(awk '
    /^cmd:/ { w = ($0 ~ /--worker/) }
    /^totals:/ { if (w) wk += $2; else pa += $2 }
    END { printf "%.0f %.0f\n", pa, wk }' "$work"/un.*.cg)
  total_clang=$((total_clang + clang)) total_worker=$((total_worker + worker))
  awk -v f="${f#$corpus/}" -v c="$clang" -v w="$worker" -v p="$parent" \
    'BEGIN { printf "| %s | %.1fM | %.1fM | %.4fx | %.1fM |\n", f, c / 1e6, w / 1e6, w / c, p / 1e6 }'
done
awk -v c="$total_clang" -v w="$total_worker" \
  'BEGIN { printf "\nall units: worker / clang = %.4fx\n", w / c }'
