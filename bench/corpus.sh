# Sourced by bench/run.sh and bench/cache.sh: the shared corpus setup.
# Needs $root and $build set by the caller.

# bench_prepare TARGET: builds, installs the corpus package (Boost.Asio's
# examples) and GNU time, and builds TARGET.
bench_prepare() {
  "$root/scripts/bootstrap.sh" "$build" >/dev/null 2>&1
  local need=()
  dpkg-query -W -f='${Status}' libboost1.81-doc 2>/dev/null | grep -q "ok installed" || need+=(libboost1.81-doc)
  [ -x /usr/bin/time ] || need+=(time)
  if ((${#need[@]})); then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  ninja -C "$build" "$1" >/dev/null
}

# bench_copy_corpus DIR: the Boost.Asio C++20 examples and alert-daemon.
bench_copy_corpus() {
  cp -r /usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20 "$1/asio"
  cp -r "$root/examples/alert-daemon" "$1/alert-daemon"
}

# bench_write_db DIR: DIR/compile_commands.json, one entry per .cpp below
# DIR, each with its own -I (alert-daemon's: its include directory).
bench_write_db() {
  local corpus=$1 first=1 f inc
  {
    echo "["
    while IFS= read -r f; do
      inc="-I$(dirname "$f")"
      case "$f" in */alert-daemon/*) inc="-I$corpus/alert-daemon/include";; esac
      [ $first -eq 1 ] || echo ","
      first=0
      printf '{"directory":"%s","file":"%s","arguments":["clang++-19","-std=c++20","%s","-c","%s"]}' \
        "$corpus" "$f" "$inc" "$f"
    done < <(find "$corpus" -name '*.cpp' | sort)
    echo "]"
  } > "$corpus/compile_commands.json"
}
