#!/usr/bin/env bash
# The performance benchmark: one command, see docs/performance.md.
#   bench/run.sh [runs=3]
# Times, over a corpus of real coroutine code (Boost.Asio's C++20 examples
# from libboost1.81-doc, our example project) and generated large
# translation units:
#   clang++-19 -fsyntax-only per file (the floor: parsing cannot be skipped)
#   unawaited -j1 and unawaited -j$(nproc)
#   clang-tidy-19 -load unawaited-tidy.so per file
#   clang-tidy-19 bugprone-unused-return-value with CheckedReturnTypes set
#     to the same task types (the nearest existing check)
# and prints median CPU seconds, wall seconds and peak RSS, and ratios;
# then bench/report.sh's table: report time against the number of findings.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
build=$root/build
. "$root/bench/corpus.sh"
bench_prepare unawaited_gen

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
mkdir -p "$corpus/gen"
bench_copy_corpus "$corpus"
cp "$root/test/Inputs/task.h" "$corpus/gen/"
for n in 2000 8000; do "$build/bench/unawaited_gen" $n > "$corpus/gen/gen$n.cpp"; done

# The compilation database: one entry per file, each with its own -I.
db=$corpus/compile_commands.json
bench_write_db "$corpus"
files=$(find "$corpus" -name '*.cpp' | sort)
nfiles=$(echo "$files" | wc -l)

types='::boost::asio::awaitable;::alertd::Task;::demo::Task'
tidy_unused_cfg="{Checks: '-*,bugprone-unused-return-value', CheckOptions: {bugprone-unused-return-value.CheckedReturnTypes: '$types'}}"
jobs=$(nproc)

# measure NAME CMD...: runs CMD under /usr/bin/time, appends "cpu wall rss".
measure() {
  local name=$1; shift
  /usr/bin/time -f "%U %S %e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  # GNU time adds a "Command exited with non-zero status" line first when
  # the command fails (unawaited exits 1 on findings): keep the numbers.
  tail -n 1 "$work/t" |
    awk -v n="$name" '{printf "%s %.3f %.3f %d\n", n, $1+$2, $3, $4}' >> "$work/samples"
}
per_file() { # run a per-file command over the corpus, in one shell
  local f
  for f in $files; do "$@" "$f" || true; done
}
export -f per_file

for r in $(seq "$runs"); do
  echo "run $r/$runs" >&2
  measure clang-fsyntax-only bash -c 'for f in '"$(echo $files)"'; do
      inc=-I$(dirname "$f"); case "$f" in */alert-daemon/*) inc=-I'"$corpus"'/alert-daemon/include;; esac
      clang++-19 -std=c++20 -fsyntax-only "$inc" "$f"; done'
  measure unawaited-j1 "$build/bin/unawaited" --progress=never --quiet -j 1 -p "$corpus"
  measure unawaited-jN "$build/bin/unawaited" --progress=never --quiet -j "$jobs" -p "$corpus"
  measure clang-tidy-load bash -c 'for f in '"$(echo $files)"'; do
      clang-tidy-19 -load '"$build"'/src/unawaited-tidy.so -checks="-*,coro-*" -p '"$corpus"' "$f"; done'
  measure clang-tidy-unused-return-value bash -c 'for f in '"$(echo $files)"'; do
      clang-tidy-19 --config="'"$tidy_unused_cfg"'" -p '"$corpus"' "$f"; done'
done

echo
echo "Corpus: $nfiles files (Boost.Asio C++20 examples, examples/alert-daemon, generated 2000- and 8000-statement coroutines); $runs runs; $(nproc) cores"
echo
awk '
{ cpu[$1]=cpu[$1] " " $2; wall[$1]=wall[$1] " " $3; rss[$1]=rss[$1] " " $4; order[$1]=++n }
function median(s,   a, k, i, j, t) { k=split(s, a, " ");
  for (i=1;i<=k;i++) for (j=i+1;j<=k;j++) if (a[j]+0<a[i]+0) {t=a[i];a[i]=a[j];a[j]=t}
  return (k%2) ? a[(k+1)/2] : (a[k/2]+a[k/2+1])/2 }
END {
  base_cpu=median(cpu["clang-fsyntax-only"]); base_rss=median(rss["clang-fsyntax-only"])
  j1_wall=median(wall["unawaited-j1"])
  printf "| configuration | CPU s | wall s | peak RSS MiB | CPU vs clang | RSS vs clang |\n|---|---|---|---|---|---|\n"
  split("clang-fsyntax-only unawaited-j1 unawaited-jN clang-tidy-load clang-tidy-unused-return-value", names, " ")
  for (i=1;i<=5;i++) { m=names[i]; c=median(cpu[m]); w=median(wall[m]); r=median(rss[m])
    printf "| %s | %.2f | %.2f | %.0f | %.2fx | %.2fx |\n", m, c, w, r/1024, c/base_cpu, r/base_rss }
  printf "\nunawaited -jN wall / -j1 wall: %.2f\n", median(wall["unawaited-jN"])/j1_wall
}' "$work/samples"

echo
echo "Report time against the number of findings (bench/report.sh):"
echo
"$root/bench/report.sh"
