#!/usr/bin/env bash
# Peak memory and time of loading a large compilation database: generates
# N entries (default 200000) of a CMake-like build, one `command` string of
# 24 arguments each (about 600 bytes; the sources need not exist), and runs
#   /usr/bin/time -v unawaited -p <dir> --exclude='.*'
# which loads the database, lists and classifies every file and stops with
# the "excludes every file" error before any analysis.
#   bench/bigdb.sh [entries [unawaited-binary]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-200000}
bin=${2:-$root/build/bin/unawaited}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -v n="$n" -v d="$dir" 'BEGIN {
  src = "/home/dev/proj/src"
  print "["
  for (i = 0; i < n; ++i) {
    m = i % 500
    obj = sprintf("src/mod%03d/CMakeFiles/mod%03d.dir/file_%06d.cpp.o", m, m, i)
    file = sprintf("%s/mod%03d/file_%06d.cpp", src, m, i)
    printf "{\n  \"directory\": \"%s/build\",\n", d
    printf "  \"command\": \"/usr/bin/c++ -DPROJ_MOD=%d -DNDEBUG", m
    printf " -I%s/include -I%s/mod%03d -isystem /usr/include/boost", src, src, m
    printf " -O2 -g -std=c++20 -fPIC -Wall -Wextra -Wno-unused-parameter"
    printf " -pthread -MD -MT %s -MF %s.d -o %s -c %s\",\n", obj, obj, obj, file
    printf "  \"file\": \"%s\",\n  \"output\": \"%s\"\n}%s\n", file, obj, i + 1 < n ? "," : ""
  }
  print "]"
}' > "$dir/compile_commands.json"
echo "bigdb: $n entries, $(($(stat -c %s "$dir/compile_commands.json") / 1000000)) MB" >&2
/usr/bin/time -v "$bin" -p "$dir" --exclude='.*' 2>"$dir/time" || true
grep -E 'error:' "$dir/time" | head -1 >&2
rss=$(awk '/Maximum resident set size/ { print $NF }' "$dir/time")
wall=$(awk '/Elapsed \(wall clock\)/ { print $NF }' "$dir/time")
user=$(awk '/User time/ { print $NF }' "$dir/time")
echo "max RSS ${rss} kB, $((rss * 1000 / n)) B per entry, wall ${wall}, user ${user} s"
