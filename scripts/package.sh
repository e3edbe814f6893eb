#!/usr/bin/env bash
# Builds the Debian package from the normal build directory (cpack -G DEB),
# installs it with dpkg -i (an upgrade if a version is installed already),
# then runs the installed CLI, clang-tidy module and compiler plugin on the
# example project (examples/alert-daemon). Each must report the example's
# bugs; any that does not fails the script.
#   scripts/package.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

"$root/scripts/bootstrap.sh" "$build"
# cpack's dependency scan needs dpkg-shlibdeps (dpkg-dev) and file.
missing=()
for p in dpkg-dev file; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

out="$build/package"
rm -rf "$out"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$out/unawaited_${version}_amd64.deb"
[ -f "$deb" ] || { echo "package: $deb was not built" >&2; exit 1; }
echo "package: built $deb" >&2
dpkg-deb -f "$deb" Package Version Depends Recommends >&2

# dpkg -i does not fetch dependencies; apt-get -f then installs them.
if ! $sudo dpkg -i "$deb" >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -f -y -qq \
    --no-install-recommends >/dev/null
fi
installed=$(dpkg-query -W -f='${Version} ${Status}' unawaited)
[ "$installed" = "$version install ok installed" ] ||
  { echo "package: installed unawaited is '$installed'" >&2; exit 1; }

fail=0
check() { # <what> <output file> <text that must appear>
  if grep -qF -- "$3" "$2"; then
    echo "package: ok: $1" >&2
  else
    echo "package: FAILED: $1 did not report '$3':" >&2
    cat "$2" >&2
    fail=1
  fi
}
for f in /usr/bin/unawaited /usr/lib/unawaited/unawaited-tidy.so \
         /usr/lib/unawaited/unawaited-plugin.so \
         /usr/share/man/man1/unawaited.1.gz /usr/share/doc/unawaited/README.md \
         /usr/share/doc/unawaited/cli.md; do
  [ -f "$f" ] || { echo "package: FAILED: $f is not installed" >&2; fail=1; }
done

example="$root/examples/alert-daemon"
work="$out/alert-daemon"
cmake -S "$example" -B "$work" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
health="health.cpp:28:10: warning: variable 'status' holds a lazy coroutine task"
router="router.cpp:56:14: warning: 'dispatch' returns a lazy coroutine task"

# The CLI: exit 1 (findings) with both bugs.
rc=0
/usr/bin/unawaited -p "$work" --progress=never >"$out/cli.txt" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { echo "package: FAILED: unawaited exited $rc, not 1" >&2; fail=1; }
check "unawaited -p" "$out/cli.txt" "$health"
check "unawaited -p" "$out/cli.txt" "$router"

# The clang-tidy module.
clang-tidy-19 -load /usr/lib/unawaited/unawaited-tidy.so -checks='-*,coro-*' \
  -p "$work" --quiet "$example/src/router.cpp" >"$out/tidy.txt" 2>&1 || true
check "clang-tidy-19 -load" "$out/tidy.txt" "$router"

# The compiler plugin, as a build would use it.
clang++-19 -std=c++20 -fsyntax-only -I"$example/include" \
  -fplugin=/usr/lib/unawaited/unawaited-plugin.so "$example/src/health.cpp" \
  >"$out/plugin.txt" 2>&1 || true
check "clang++-19 -fplugin" "$out/plugin.txt" "$health"

man -l /usr/share/man/man1/unawaited.1.gz >/dev/null 2>&1 ||
  zcat /usr/share/man/man1/unawaited.1.gz | grep -q '^\.SH EXIT STATUS' ||
  { echo "package: FAILED: the man page does not read" >&2; fail=1; }

[ "$fail" -eq 0 ] || exit 1
echo "package: $deb installs and runs" >&2
