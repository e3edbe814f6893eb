#!/usr/bin/env bash
# The result cache's benchmark: one command, see docs/performance.md.
#   bench/cache.sh [runs=3]
# Over Boost.Asio's C++20 examples (libboost1.81-doc) and
# examples/alert-daemon, with -j$(nproc), times:
#   cold, --no-cache              every unit analysed, nothing written
#   cold, empty cache             every unit analysed and recorded
#   re-run, nothing changed       every unit replayed
#   re-run, header touched        alertd/log.h's times changed, not its bytes
#   re-run, every file hashed     as after a fresh checkout: no file's stat
#                                 is trusted, every file read is hashed
#   re-run, header edited         alertd/log.h changed: its 4 includers analysed
#   --diff, header edited         the same change as a git diff
# and prints median CPU and wall seconds and the speed-up over the cold
# run. It also checks that the replayed report is the cold one, byte for
# byte.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
build=$root/build
. "$root/bench/corpus.sh"
bench_prepare unawaited

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
mkdir -p "$corpus"
bench_copy_corpus "$corpus"
db=$corpus/compile_commands.json
bench_write_db "$corpus"
nfiles=$(find "$corpus" -name '*.cpp' | wc -l)
header=$corpus/alert-daemon/include/alertd/log.h
cp "$header" "$work/log.h.orig"
(cd "$corpus" && git init -q && git add -A && git -c user.name=b -c user.email=b@example.com commit -qm base)
jobs=$(nproc)
cache=$work/cache
# A script, not a function: /usr/bin/time runs programs.
u=$work/u
printf '#!/bin/sh\nexec "%s" --progress=never -j %s -p "%s" --cache-dir="%s" "$@"\n' \
  "$build/bin/unawaited" "$jobs" "$corpus" "$cache" > "$u"
chmod +x "$u"

# measure NAME CMD...: runs CMD under /usr/bin/time, appends "name cpu wall".
measure() {
  local name=$1; shift
  /usr/bin/time -f "%U %S %e" -o "$work/t" "$@" >"$work/out-$name" 2>"$work/err-$name" || true
  tail -n 1 "$work/t" | awk -v n="$name" '{printf "%s %.3f %.3f\n", n, $1+$2, $3}' >> "$work/samples"
}

for r in $(seq "$runs"); do
  echo "run $r/$runs" >&2
  rm -rf "$cache"
  cp "$work/log.h.orig" "$header"
  measure cold-no-cache "$u" --no-cache
  measure cold-empty-cache "$u" --verbose
  measure unchanged "$u" --verbose
  [ -s "$work/out-unchanged" ] && cmp -s "$work/out-cold-no-cache" "$work/out-unchanged" ||
    { echo "bench/cache.sh: the replayed report differs from the cold one" >&2; exit 1; }
  sleep 3 # a file changed in the last 2 s is always re-hashed
  touch "$header"
  measure touched "$u" --verbose
  measure rehash env UNAWAITED_CACHE_ALWAYS_HASH=1 "$u" --verbose
  printf '// edited %s\n' "$r" >> "$header"
  measure edited "$u" --verbose
  printf '// edited again %s\n' "$r" >> "$header"
  measure edited-diff "$u" --verbose --diff=HEAD
done

echo
echo "Corpus: $nfiles files (Boost.Asio C++20 examples, examples/alert-daemon); $runs runs; -j$jobs on $(nproc) cores"
echo "alertd/log.h edited: $(grep -o '[0-9]* of [0-9]* compile commands replayed' "$work/err-edited")"
echo "--diff=HEAD after the edit: $(grep -o '[0-9]* of [0-9]* compile commands can be affected' "$work/err-edited-diff")"
echo
awk '
{ cpu[$1]=cpu[$1] " " $2; wall[$1]=wall[$1] " " $3 }
function median(s,   a, k, i, j, t) { k=split(s, a, " ");
  for (i=1;i<=k;i++) for (j=i+1;j<=k;j++) if (a[j]+0<a[i]+0) {t=a[i];a[i]=a[j];a[j]=t}
  return (k%2) ? a[(k+1)/2] : (a[k/2]+a[k/2+1])/2 }
END {
  c0=median(cpu["cold-no-cache"]); w0=median(wall["cold-no-cache"])
  printf "| run | CPU s | wall s | CPU: cold / this | wall: cold / this |\n|---|---|---|---|---|\n"
  split("cold-no-cache cold-empty-cache unchanged touched rehash edited edited-diff", names, " ")
  split("cold, --no-cache|cold, empty cache|re-run, nothing changed|re-run, header touched (same bytes)|re-run, every file hashed (fresh checkout)|re-run, header edited|--diff=HEAD, header edited", labels, "|")
  for (i=1;i<=7;i++) { m=names[i]; c=median(cpu[m]); w=median(wall[m])
    printf "| %s | %.2f | %.2f | %.1fx | %.1fx |\n", labels[i], c, w, c0/(c>0?c:0.001), w0/(w>0?w:0.001) }
}' "$work/samples"
