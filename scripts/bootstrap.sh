#!/usr/bin/env bash
# Installs what unawaited needs (Debian bookworm packages) and builds it.
# Idempotent: installs only missing packages, rebuilds only what changed.
#   scripts/bootstrap.sh [build-dir [cmake-args...]]
# Extra CMake arguments (re)configure the build directory with them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true

packages=(cmake ninja-build clang-19 clang-tidy-19 clang-tools-19 libclang-19-dev
          libclang-cpp19-dev llvm-19-dev libgtest-dev libgmock-dev
          libbenchmark-dev libasio-dev libboost1.81-dev qcoro-qt6-dev
          pkg-config git jq)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "unawaited: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The SARIF Multitool validates our SARIF output in the tests (npm package;
# a self-contained binary). Optional: the test skips when it is missing.
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null 2>&1 || true
fi
tools="$build/tools"
if command -v npm >/dev/null 2>&1 &&
   [ ! -x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent \
     @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1 &&
   chmod u+x node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool) ||
    echo "unawaited: could not install the SARIF validator; its test will be skipped" >&2
fi

if [ ! -f "$build/build.ninja" ] || (($#)); then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++-19 "$@" >/dev/null
fi
# Two cores: keep the link steps from running out of memory on small hosts.
ninja -C "$build" -j "$(nproc)" >&2
