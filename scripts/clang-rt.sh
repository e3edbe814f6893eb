#!/usr/bin/env bash
# Installs clang 19's sanitizer and libFuzzer runtimes (libclang-rt-19-dev),
# which are not a dependency of clang-19, if they are missing. Used by
# scripts/sanitize.sh and scripts/fuzz.sh.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' libclang-rt-19-dev 2>/dev/null |
     grep -q "install ok installed"; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends libclang-rt-19-dev >/dev/null
fi
