#!/usr/bin/env bash
# Sweeps unawaited over real coroutine codebases (issue 12): for each one,
# install its Debian -dev packages, configure it with CMake + clang++-19 to
# get a compile_commands.json, generate what its TUs include (moc, protobuf,
# ragel...) without compiling the project, run unawaited over every TU and
# time clang++-19 -fsyntax-only on the same TUs as the CPU floor.
#
#   scripts/sweep.sh [options] [SRC-DIR [OUT-DIR]] [NAME...]
#
#   SRC-DIR   checkouts, one directory per codebase (default /work/sweep/src;
#             scripts/sweep-checkout.sh makes them from git mirrors)
#   OUT-DIR   results (default /work/sweep/out): OUT/<name>/{build/,
#             findings.json,findings.txt,summary.md,...} and OUT/summary.md
#   NAME...   codebases to run (default: all known ones found in SRC-DIR);
#             an argument that is a known name is a NAME, not a directory
#
#   --no-floor          skip the clang++-19 -fsyntax-only timing (a floor an
#                       earlier run measured on the same TUs is still reported)
#   --unawaited=PATH    the binary to run (default /work/main/build/bin/unawaited)
#   --tus=NAME=REGEX    analyse only NAME's TUs whose path relative to the
#                       checkout (a generated TU: to the build dir) matches
#                       REGEX (Python re.search); repeatable. `--tus=NAME=`
#                       lifts a built-in default subset (seastar has one:
#                       tests, apps and demos, not src/; see recipe_seastar).
#   -j N, --jobs=N      parallel jobs for unawaited and the floor (default 2)
#   --report-only       only rewrite findings.txt and the summaries from an
#                       earlier run's outputs
#
# Fetches nothing: the checkouts come from outside, and FetchContent runs
# disconnected (a recipe points a project at Debian's package instead). Needs root or sudo for
# apt-get. Exits 1 if any codebase could not be configured or analysed.
set -euo pipefail
# (Editing this file under a running sweep: bash reads a script as it goes,
# so replace it with a rename, never rewrite it in place.)

src=/work/sweep/src
out=/work/sweep/out
unawaited=/work/main/build/bin/unawaited
floor=1
report_only=0
jobs=2
known=(cppcoro libcoro concurrencpp async_simple qcoro seastar folly)
declare -A tus=()
names=() dirs=()

for arg in "$@"; do
  case $arg in
    --no-floor) floor=0 ;;
    --report-only) report_only=1 ;;
    --unawaited=*) unawaited=${arg#*=} ;;
    --tus=*=*) spec=${arg#--tus=}; tus[${spec%%=*}]=${spec#*=} ;;
    --jobs=*) jobs=${arg#*=} ;;
    -j*) jobs=${arg#-j} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "sweep: unknown option '$arg'" >&2; exit 2 ;;
    *) if [[ " ${known[*]} " == *" $arg "* ]]; then names+=("$arg"); else dirs+=("$arg"); fi ;;
  esac
done
((${#dirs[@]} <= 2)) || { echo "sweep: unknown codebase '${dirs[2]}' (known: ${known[*]})" >&2; exit 2; }
[[ -n ${dirs[0]:-} ]] && src=${dirs[0]}
[[ -n ${dirs[1]:-} ]] && out=${dirs[1]}
[[ $jobs =~ ^[12]$ ]] || echo "sweep: warning: -j $jobs (the shared sweep machine allows at most 2)" >&2
[[ -x $unawaited ]] || { echo "sweep: no unawaited binary at '$unawaited'" >&2; exit 2; }
src=$(realpath "$src")
mkdir -p "$out"
out=$(realpath "$out")
# Run a private copy: the binary is rebuilt in place by other work on this
# tree, and a worker spawned while it is being relinked fails to start
# ("posix_spawn failed"). Its clang resource dir is an absolute built-in
# path, so the copy runs anywhere.
if ((!report_only)); then
  mkdir -p "$out/.bin"
  cp "$unawaited" "$out/.bin/unawaited.tmp"
  mv "$out/.bin/unawaited.tmp" "$out/.bin/unawaited"
  "$out/.bin/unawaited" --version >/dev/null ||
    { echo "sweep: '$unawaited' does not run (being rebuilt?)" >&2; exit 2; }
  unawaited_id="$(md5sum <"$unawaited" | cut -c1-12) built $(date -r "$unawaited" '+%F %T')"
  unawaited=$out/.bin/unawaited
  echo "sweep: unawaited $unawaited_id" >&2
fi
if ((${#names[@]} == 0)); then
  for n in "${known[@]}"; do [[ -d $src/$n ]] && names+=("$n"); done
fi
# Debian's python3 (not a pyenv shim) runs the JSON and summary helpers.
py=/usr/bin/python3
[[ -x $py ]] || py=python3

# Heavy work is niced: the machine is shared.
heavy=(nice -n 10)

# --------------------------------------------------------------------------
# Recipes. Each sets:
#   pkgs        Debian packages it needs (installed if missing)
#   projects    CMake source dirs relative to the checkout; more than one is
#               configured into build/<dir> each and the databases merged
#   cmake_args  its own configure options (tests and examples ON)
#   tus_default default TU regex (empty: every TU)
#   extra_tus   optional: a glob (relative to the checkout) of sources the
#               CMake build does not compile, added to the database with
#   extra_like  the command of the first database entry whose file matches
#               this regex (its file replaced, its output dropped)
# --------------------------------------------------------------------------
recipe_cppcoro() {
  # doctest is vendored (a plain directory, not a submodule).
  pkgs=()
  projects=(.)
  cmake_args=(-DBUILD_TESTING=ON)
}

recipe_libcoro() {
  # vendor/c-ares is a submodule, not in the checkout: use Debian's c-ares.
  # Catch2 is vendored as an amalgamated file.
  pkgs=(libc-ares-dev libssl-dev pkg-config)
  projects=(.)
  cmake_args=(-DLIBCORO_EXTERNAL_DEPENDENCIES=ON -DLIBCORO_BUILD_TESTS=ON
              -DLIBCORO_BUILD_EXAMPLES=ON -DBUILD_TESTING=ON
              "-DCMAKE_PREFIX_PATH=$cares_shim")
}

recipe_concurrencpp() {
  # Tests and examples are separate CMake projects that pull the library in
  # with FetchContent(SOURCE_DIR ..): configure both, merge the databases.
  pkgs=()
  projects=(test example)
  cmake_args=()
}

recipe_async_simple() {
  pkgs=(libgtest-dev libgmock-dev libaio-dev libbenchmark-dev libasio-dev)
  projects=(.)
  # ASan is ON by default in Debug; it changes nothing for analysis.
  # Its FindGTest clones googletest unless all four variables are given:
  # point them at Debian's libgtest-dev/libgmock-dev.
  cmake_args=(-DASYNC_SIMPLE_ENABLE_TESTS=ON -DASYNC_SIMPLE_BUILD_DEMO_EXAMPLE=ON
              -DASYNC_SIMPLE_ENABLE_ASAN=OFF
              -DGTEST_INCLUDE_DIR=/usr/include -DGMOCK_INCLUDE_DIR=/usr/include
              "-DGTEST_LIBRARIES=gtest_main;gtest" "-DGMOCK_LIBRARIES=gmock_main;gmock")
}

recipe_qcoro() {
  # Debian's Qt 6 (6.4); QCoro's own tests and examples from the checkout,
  # not the installed qcoro-qt6-dev.
  pkgs=(qt6-base-dev qt6-base-private-dev qt6-declarative-dev
        qt6-declarative-private-dev qt6-websockets-dev libgl-dev)
  projects=(.)
  cmake_args=(-DUSE_QT_VERSION=6 -DBUILD_TESTING=ON -DQCORO_BUILD_TESTING=ON
              -DQCORO_BUILD_EXAMPLES=ON)
}

recipe_seastar() {
  # From install-dependencies.sh, bookworm names; Boost 1.81 to match the
  # libboost1.81-dev unawaited's bootstrap installs (1.74 would conflict).
  # DPDK off (not packaged); LTTng off (optional).
  pkgs=(libboost-filesystem1.81-dev libboost-program-options1.81-dev
        libboost-thread1.81-dev libboost-test1.81-dev libc-ares-dev
        libcrypto++-dev libfmt-dev libgnutls28-dev libhwloc-dev liblz4-dev
        libnuma-dev libpciaccess-dev libprotobuf-dev protobuf-compiler
        libsctp-dev libssl-dev liburing-dev libxml2-dev libyaml-cpp-dev
        ragel valgrind xfslibs-dev pkg-config)
  projects=(.)
  # Sanitizers are on by default in Debug and need clang's runtime, which
  # Debian ships separately (libclang-rt-19-dev); they do not matter here.
  cmake_args=(-DSeastar_DPDK=OFF -DSeastar_LTTNG=OFF -DSeastar_APPS=ON
              -DSeastar_DEMOS=ON -DSeastar_TESTING=ON -DSeastar_DOCS=OFF
              -DSeastar_ENABLE_TESTS_ACCESSING_INTERNET=OFF -DSeastar_SANITIZE=OFF)
  # 242 TUs at ~8 s of clang each: the whole tree is ~35 min of CPU for the
  # floor and as much again for unawaited. By default only Seastar's users
  # of its API (tests, apps, demos; their headers are analysed with them)
  # are swept; --tus=seastar= sweeps src/ too.
  tus_default='^(tests|apps|demos)/'
}

recipe_folly() {
  # folly's CMake build with bookworm's packages (fmt 9, fast_float 3.9,
  # Boost 1.81 to match unawaited's bootstrap).
  pkgs=(libboost-context1.81-dev libboost-filesystem1.81-dev
        libboost-program-options1.81-dev libboost-regex1.81-dev
        libboost-system1.81-dev libboost-thread1.81-dev
        libdouble-conversion-dev libgoogle-glog-dev libgflags-dev
        libevent-dev libfmt-dev libssl-dev zlib1g-dev liblz4-dev libzstd-dev
        libsnappy-dev liblzma-dev libbz2-dev libfast-float-dev libsodium-dev
        libaio-dev liburing-dev libunwind-dev libgtest-dev libgmock-dev)
  projects=(.)
  cmake_args=(-DBUILD_TESTS=OFF)
  # Its CMake build compiles no coroutine tests (its BUCK files do): they
  # get the command of the coroutine library's own units (gtest and gmock
  # come from Debian's /usr/include).
  extra_tus='folly/coro/test/*.cpp'
  extra_like='/folly/coro/[^/]*[.]cpp$'
  tus_default='^folly/coro/'
}

# --------------------------------------------------------------------------
apt_updated=0
install_pkgs() {
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  echo "sweep: installing ${missing[*]}" >&2
  # Once per run: the lists do not change between codebases.
  if ((!apt_updated)); then $sudo apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian's libc-ares-dev has no CMake package; libcoro wants
# find_package(c-ares CONFIG) and the target c-ares::cares. A two-line
# config over pkg-config stands in for it.
write_cares_shim() {
  mkdir -p "$cares_shim/lib/cmake/c-ares"
  cat >"$cares_shim/lib/cmake/c-ares/c-ares-config.cmake" <<'EOF'
find_package(PkgConfig REQUIRED)
pkg_check_modules(CARES REQUIRED IMPORTED_TARGET libcares)
if(NOT TARGET c-ares::cares)
  add_library(c-ares::cares ALIAS PkgConfig::CARES)
endif()
set(c-ares_VERSION ${CARES_VERSION})
EOF
}

now() { date +%s.%N; }
# step NAME CMD...: run CMD, record its wall time in steps.tsv
step() {
  local label=$1 t0 rc=0; shift
  t0=$(now)
  "$@" || rc=$?
  awk -v n="$label" -v a="$t0" -v b="$(now)" -v rc=$rc 'BEGIN { printf "%s\t%.1f\t%d\n", n, b - a, rc }' >>"$dir/steps.tsv"
  return $rc
}

configure() {
  local p b log
  for p in "${projects[@]}"; do
    b=$build log=$dir/configure.log
    ((${#projects[@]} == 1)) || b=$build/$p log=$dir/configure-${p//\//_}.log
    cmake -S "$checkout/$p" -B "$b" -G Ninja \
      -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
      -DCMAKE_CXX_STANDARD=20 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DFETCHCONTENT_FULLY_DISCONNECTED=ON \
      "${cmake_args[@]}" >"$log" 2>&1 ||
      { echo "sweep: $name: cmake failed in $p, see $log" >&2; return 1; }
  done
  if ((${#projects[@]} > 1)); then
    # One database: a file built by several projects (the library, here)
    # is kept once, from the first project.
    "$py" - "$build/compile_commands.json" "${projects[@]/#/$build/}" <<'EOF'
import json, os, sys
dst, seen, merged = sys.argv[1], set(), []
for b in sys.argv[2:]:
    for e in json.load(open(os.path.join(b, "compile_commands.json"))):
        f = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if f not in seen:
            seen.add(f); merged.append(e)
json.dump(merged, open(dst, "w"), indent=1)
EOF
  fi
}

# Sources the build does not compile (a recipe's extra_tus), added with the
# command of a unit like them.
add_extra_tus() {
  [[ -n ${extra_tus:-} ]] || return 0
  "$py" - "$build/compile_commands.json" "$checkout" "$extra_tus" "$extra_like" <<'EOF'
import glob, json, os, re, shlex, sys
db_path, checkout, pattern, like = sys.argv[1:5]
db = json.load(open(db_path))
path = lambda e: os.path.realpath(os.path.join(e["directory"], e["file"]))
known = {path(e) for e in db}
ref = next(e for e in db if re.search(like, e["file"]))
args = ref.get("arguments") or shlex.split(ref["command"])
added = 0
for f in sorted(glob.glob(os.path.join(checkout, pattern))):
    f = os.path.realpath(f)
    if f in known:
        continue
    new, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif os.path.realpath(os.path.join(ref["directory"], a)) == path(ref):
            new.append(f)
        else:
            new.append(a)
    db.append({"directory": ref["directory"], "file": f, "arguments": new})
    added += 1
json.dump(db, open(db_path, "w"), indent=1)
print(f"sweep: {added} sources added to the database like {ref['file']}", file=sys.stderr)
EOF
}

# Generate only what the TUs need before they can be parsed: the custom
# commands (AUTOMOC/AUTOUIC _autogen, protoc, ragel, qdbusxml2cpp, configured
# headers...) in the chains of CMake's per-target phonies
# cmake_object_order_depends_target_<t>. Asking ninja to build those phonies
# would also compile and link libraries, because CMake makes each _autogen
# wait for its target's link dependencies. So the custom commands run by
# themselves, in ninja's order; if one fails (say it runs a tool the project
# builds), ninja builds the phonies instead.
generate() {
  local b targets=() missing=()
  for b in $(ninja_dirs); do
    "$py" - "$b" >>"$dir/generate.log" 2>&1 <<'PY' || {
import os, subprocess, sys
b = sys.argv[1]
def ninja(*a):
    return subprocess.run(["ninja", "-C", b, *a], check=True, capture_output=True,
                          text=True).stdout.splitlines()
phonies = [l.split(":")[0] for l in ninja("-t", "targets", "all")
           if l.startswith("cmake_object_order_depends_target_")]
custom = ninja("-t", "targets", "rule", "CUSTOM_COMMAND")
if not phonies or not custom:
    sys.exit(0)
# The whole chain, in ninja's order, minus the compile and link commands.
cmds = set(ninja("-t", "commands", "-s", *custom))
order = [c for c in dict.fromkeys(ninja("-t", "commands", *phonies)) if c in cmds]
print(f"sweep: {b}: {len(order)} generation commands for {len(phonies)} targets", flush=True)
for c in order:
    subprocess.run(["sh", "-c", c], cwd=b, check=True)
PY
      echo "sweep: $name: the generators alone failed; building the order-only dependencies with ninja" >&2
      mapfile -t targets < <(ninja -C "$b" -t targets all | sed -n 's/^\(cmake_object_order_depends_target_[^:]*\):.*/\1/p')
      "${heavy[@]}" ninja -C "$b" -j "$jobs" "${targets[@]}" >>"$dir/generate.log" 2>&1 ||
        { echo "sweep: $name: generation failed, see $dir/generate.log" >&2; return 1; }
    }
  done
  # A TU that is itself generated and still missing: let ninja make it.
  mapfile -t missing < <("$py" - "$build/compile_commands.json" <<'PY'
import json, os, sys
for e in json.load(open(sys.argv[1])):
    f = os.path.join(e["directory"], e["file"])
    if not os.path.exists(f):
        print(f)
PY
)
  if ((${#missing[@]})); then
    echo "sweep: $name: ${#missing[@]} generated TUs still missing; building them with ninja" >&2
    for b in $(ninja_dirs); do
      "${heavy[@]}" ninja -C "$b" -j "$jobs" "${missing[@]}" >>"$dir/generate.log" 2>&1 || true
    done
  fi
}
ninja_dirs() {
  local p
  if ((${#projects[@]} == 1)); then echo "$build"; else for p in "${projects[@]}"; do echo "$build/$p"; done; fi
}

# The TUs to analyse: every file in the database, or those matching the
# subset regex (searched in the path relative to the checkout; for a TU
# generated in the build dir, relative to the build dir: tests/unit/api.json.cc).
# Written one per line to tus.txt.
select_tus() {
  "$py" - "$build/compile_commands.json" "$checkout" "$tu_regex" "$build" >"$dir/tus.txt" <<'EOF'
import json, os, re, sys
db, checkout, rx = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
build = os.path.realpath(sys.argv[4])
seen = []
for e in json.load(open(db)):
    f = os.path.realpath(os.path.join(e["directory"], e["file"]))
    rel = os.path.relpath(f, build if f.startswith(build + os.sep) else checkout)
    if (not rx or re.search(rx, rel)) and f not in seen:
        seen.append(f)
print("\n".join(seen))
EOF
}

run_unawaited() {
  local files=() rc=0
  # With no subset, no file list: `-p build` alone is the "all TUs" run.
  [[ -z $tu_regex ]] || mapfile -t files <"$dir/tus.txt"
  echo "$unawaited_id" >"$dir/unawaited-id.txt"
  "${heavy[@]}" /usr/bin/time -v -o "$dir/time-unawaited.txt" \
    "$unawaited" -p "$build" --format=json -o "$dir/findings.json" \
    --progress=never -j "$jobs" "${files[@]}" 2>"$dir/unawaited.log" || rc=$?
  # 1: findings, 3: some files failed; both still wrote the report.
  case $rc in
    0|1|3) return 0 ;;
    *) echo "sweep: $name: unawaited exited $rc, see $dir/unawaited.log" >&2; return 1 ;;
  esac
}

# The floor: each selected TU's own compile command with -fsyntax-only, run
# from its directory. Object and dependency-file outputs are dropped (-o,
# -c, -MD/-MMD/-MF/-MT/-MQ: nothing to write, and their directories may not
# exist since nothing was built). CPU is summed over the clang processes.
run_floor() {
  "${heavy[@]}" /usr/bin/time -v -o "$dir/time-floor.txt" \
    "$py" - "$build/compile_commands.json" "$dir/tus.txt" "$jobs" "$dir/floor.json" <<'EOF'
import json, os, shlex, subprocess, sys, time
db, tuslist, jobs, dst = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
want = set(l for l in open(tuslist).read().splitlines() if l)
cmds, seen = [], set()
for e in json.load(open(db)):
    f = os.path.realpath(os.path.join(e["directory"], e["file"]))
    args = e.get("arguments") or shlex.split(e["command"])
    key = (f, tuple(args))
    if f not in want or key in seen:
        continue
    seen.add(key)
    # The database's own driver kind: C and assembly sources go to clang-19.
    driver = "clang++-19" if "++" in os.path.basename(args[0]) else "clang-19"
    out, skip = [driver, "-fsyntax-only"], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a in ("-c", "-MD", "-MMD") or (a[:3] in ("-MF", "-MT", "-MQ") and len(a) > 3):
            pass
        else:
            out.append(a)
    cmds.append((f, e["directory"], out))
results, running = [], {}
def reap():
    pid, status, ru = os.wait4(-1, 0)
    f, t0, p = running.pop(pid)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    first = next((l for l in err.splitlines() if ": error:" in l or ": fatal error:" in l), "")
    results.append({"file": f, "rc": p.returncode,
                    "cpu": ru.ru_utime + ru.ru_stime, "wall": time.time() - t0,
                    "maxrss_kb": ru.ru_maxrss, "first_error": first})
for f, d, args in cmds:
    while len(running) >= jobs:
        reap()
    p = subprocess.Popen(args, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    running[p.pid] = (f, time.time(), p)
while running:
    reap()
json.dump(sorted(results, key=lambda r: r["file"]), open(dst, "w"), indent=1)
EOF
}

# findings.txt, summary.md and stats.json of one codebase.
report() {
  "$py" - "$name" "$checkout" "$build" "$dir" "$tu_regex" <<'EOF'
import json, os, re, sys
name, checkout, build, d, rx = sys.argv[1:6]
checkout, build = os.path.realpath(checkout), os.path.realpath(build)

def rel(p):
    r = os.path.realpath(p)
    if r.startswith(build + os.sep):
        return "<build>/" + os.path.relpath(r, build)
    if r.startswith(checkout + os.sep):
        return os.path.relpath(r, checkout)
    return p

def timing(path):
    t = {}
    if not os.path.exists(path):
        return None
    for line in open(path):
        k, _, v = line.strip().rpartition(": ")
        t[k] = v
    wall = t.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    return {"cpu": float(t.get("User time (seconds)", 0)) + float(t.get("System time (seconds)", 0)),
            "wall": secs, "maxrss_mb": int(t.get("Maximum resident set size (kbytes)", 0)) / 1024}

db = json.load(open(os.path.join(build, "compile_commands.json")))
db_files = {os.path.realpath(os.path.join(e["directory"], e["file"])) for e in db}
selected = [l for l in open(os.path.join(d, "tus.txt")).read().splitlines() if l]
rep = json.load(open(os.path.join(d, "findings.json")))
fails = rep["failures"]
# A file with several compile commands can fail once per command.
failed_files = {os.path.realpath(f["file"]) for f in fails}
# One line per failure: the reason and the first compiler error.
fail_lines = []
for f in sorted(fails, key=lambda f: f["file"]):
    first = f["reason"].splitlines()[0] if f["reason"] else ""
    if f.get("errors"):
        e = f["errors"][0]
        loc = f"{rel(e['file'])}:{e['line']}:{e['column']}: " if e["file"] else ""
        first += f" -- {loc}{e['message'].splitlines()[0]}"
    fail_lines.append(f"{rel(f['file'])}: {first}")
by_check = {}
for f in rep["findings"]:
    by_check[f["check"]] = by_check.get(f["check"], 0) + 1
# Sorted by file, then line and column as numbers; paths inside messages
# (lambda types) are made relative too, so runs diff cleanly.
def msg(m):
    return m.replace(build + os.sep, "<build>/").replace(checkout + os.sep, "")
with open(os.path.join(d, "findings.txt"), "w") as o:
    for f in sorted(rep["findings"], key=lambda f: (rel(f["file"]), f["line"], f["column"], f["check"])):
        o.write(f"{rel(f['file'])}:{f['line']}:{f['column']}: {f['check']}: {msg(f['message'])}\n")

ua = timing(os.path.join(d, "time-unawaited.txt"))
fl = timing(os.path.join(d, "time-floor.txt"))
floor_fail, floor_note = [], ""
fj = os.path.join(d, "floor.json")
if fl and os.path.exists(fj):
    fr = json.load(open(fj))
    if {r["file"] for r in fr} != set(selected):
        fl = None  # an earlier run's floor over other TUs
    else:
        floor_fail = [r for r in fr if r["rc"] != 0]
        steps_names = [l.split("\t")[0] for l in open(os.path.join(d, "steps.tsv"))]
        if "floor" not in steps_names:
            floor_note = f" (measured {os.popen('date -r ' + fj + ' +%F').read().strip()}, earlier run)"
else:
    fl = None
def read(path):
    return open(path).read().strip() if os.path.exists(path) else ""
steps = [l.split("\t") for l in open(os.path.join(d, "steps.tsv")).read().splitlines()]
checks = ["coro-discarded-task", "coro-discarded-eager-task", "coro-unawaited-variable"]
head = os.popen(f"git -C '{checkout}' describe --tags --always 2>/dev/null").read().strip()
stats = {"name": name, "commit": head, "db_entries": len(db), "db_files": len(db_files),
         "selected": len(selected), "subset": rx, "analysed": rep["summary"]["files"] - len(failed_files),
         "failed": len(failed_files), "failed_commands": len(fails), "findings": len(rep["findings"]), "by_check": by_check,
         "unawaited": ua, "floor": fl, "floor_failed": len(floor_fail),
         "steps": {s[0]: float(s[1]) for s in steps}, "unawaited_binary": read(os.path.join(d, "unawaited-id.txt"))}
json.dump(stats, open(os.path.join(d, "stats.json"), "w"), indent=1)

def cpu(t): return f"{t['cpu']:.1f} s" if t else "—"
ratio = f"{ua['cpu'] / fl['cpu']:.2f}×" if ua and fl and fl["cpu"] else "—"
md = [f"# {name} ({head})", "",
      "| | |", "|---|---|",
      f"| TUs in the database | {len(db_files)} files ({len(db)} entries) |",
      f"| TUs selected | {len(selected)}" + (f" (subset `{rx}`)" if rx else "") + " |",
      f"| analysed | {stats['analysed']} |",
      f"| failed | {len(failed_files)}" + (f" ({len(fails)} compile commands)" if len(fails) != len(failed_files) else "") + " |"]
md += [f"| {c} | {by_check.get(c, 0)} |" for c in checks]
md += [f"| findings | {len(rep['findings'])} |",
       f"| unawaited CPU / wall / peak RSS | {cpu(ua)} / {ua['wall']:.1f} s / {ua['maxrss_mb']:.0f} MB |" if ua else "| unawaited | — |",
       f"| clang++-19 -fsyntax-only CPU / wall / peak RSS{floor_note} | {cpu(fl)} / {fl['wall']:.1f} s / {fl['maxrss_mb']:.0f} MB |" if fl else "| clang++-19 -fsyntax-only | not run |",
       f"| CPU ratio unawaited / clang | {ratio} |", ""]
md += ["Steps (wall): " + ", ".join(f"{s[0]} {float(s[1]):.0f} s" + ("" if s[2] == "0" else f" (exit {s[2]})") for s in steps), ""]
md += [f"unawaited binary: md5 {stats['unawaited_binary']}. "
       "Peak RSS is the largest single process (a worker or clang), not a sum.", ""]
if fail_lines:
    md += ["## Failed TUs", ""] + [f"- `{l}`" for l in fail_lines] + [""]
if floor_fail:
    md += ["## TUs clang++-19 -fsyntax-only rejects too", ""]
    md += [f"- `{rel(r['file'])}`: {r['first_error'] or 'exit %d' % r['rc']}" for r in floor_fail] + [""]
md += [f"Findings: `{os.path.join(d, 'findings.txt')}` ({len(rep['findings'])} lines).", ""]
open(os.path.join(d, "summary.md"), "w").write("\n".join(md))
EOF
}

# out/summary.md over every codebase swept into this out dir so far.
combined() {
  "$py" - "$out" <<'EOF'
import glob, json, os, sys
out = sys.argv[1]
rows = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(out, "*", "stats.json")))]
md = ["# unawaited sweep", "",
      "| codebase | TUs in db | analysed | failed | discarded-task | discarded-eager-task | unawaited-variable | unawaited CPU | clang CPU | ratio | peak RSS | unawaited md5 |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    ua, fl, c = r["unawaited"], r["floor"], r["by_check"]
    sub = f" (subset `{r['subset']}`: {r['selected']})" if r["subset"] else ""
    md.append(f"| {r['name']} `{r['commit']}` | {r['db_files']}{sub} | {r['analysed']} | {r['failed']} | "
              f"{c.get('coro-discarded-task', 0)} | {c.get('coro-discarded-eager-task', 0)} | "
              f"{c.get('coro-unawaited-variable', 0)} | "
              + (f"{ua['cpu']:.0f} s" if ua else "—") + " | " + (f"{fl['cpu']:.0f} s" if fl else "—") + " | "
              + (f"{ua['cpu'] / fl['cpu']:.2f}×" if ua and fl and fl["cpu"] else "—") + " | "
              + (f"{ua['maxrss_mb']:.0f} MB" if ua else "—") + " | "
              + r.get("unawaited_binary", "").split(" ")[0] + " |")
md += ["", "Per codebase: `<name>/summary.md`, findings in `<name>/findings.txt`.", ""]
open(os.path.join(out, "summary.md"), "w").write("\n".join(md))
EOF
}

status=0
for name in "${names[@]}"; do
  checkout=$src/$name
  dir=$out/$name
  build=$dir/build
  cares_shim=$dir/cares-shim
  if [[ ! -d $checkout ]]; then
    echo "sweep: $name: no checkout at $checkout (run scripts/sweep-checkout.sh)" >&2
    status=1; continue
  fi
  unset tus_default extra_tus extra_like
  "recipe_$name"
  tu_regex=${tus_default:-}
  [[ -v "tus[$name]" ]] && tu_regex=${tus[$name]}
  if ((report_only)); then
    report || status=1
    continue
  fi
  mkdir -p "$dir"
  : >"$dir/steps.tsv"
  # A floor from an earlier run is kept for --no-floor; report() uses it
  # only if it timed the same TUs.
  rm -f "$dir/generate.log"
  echo "sweep: $name" >&2
  [[ $name != libcoro ]] || write_cares_shim
  # The sweep's own tools, then the codebase's packages.
  step apt install_pkgs time cmake ninja-build clang-19 "${pkgs[@]}" &&
  step configure configure &&
  add_extra_tus &&
  step generate generate &&
  select_tus &&
  step unawaited run_unawaited &&
  { ((!floor)) || step floor run_floor; } &&
  report || { status=1; echo "sweep: $name: stopped" >&2; continue; }
  sed -n '1,20p' "$dir/summary.md" >&2
done
combined
exit $status
