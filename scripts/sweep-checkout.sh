#!/usr/bin/env bash
# Checks out the codebases scripts/sweep.sh knows from bare git mirrors
# (the search tool's `fetch` leaves them as <mirrors>/<owner>+<name>/repo).
# Fetches nothing from the network: the mirrors come from outside.
#   scripts/sweep-checkout.sh [mirror-dir] [src-dir] [name...]
# Defaults: /work/.mirror and /work/sweep/src. An existing checkout is
# moved to the pinned ref (if any) and otherwise left alone.
set -euo pipefail
mirrors=${1:-/work/.mirror}
src=${2:-/work/sweep/src}
shift $(( $# > 2 ? 2 : $# ))

# name  mirror  ref ("-": the mirror's default branch)
# A ref pins a codebase whose newest commit stops configuring or compiling
# against Debian bookworm's packages (seastar's newest does, with fmt 9 and
# clang 19: when it stops, pin its last good seastar-YY.MM.0 tag here).
table=(
  "cppcoro       andreasbuhr+cppcoro     -"
  "libcoro       jbaldwin+libcoro        -"
  "concurrencpp  David-Haim+concurrencpp -"
  "async_simple  alibaba+async_simple    -"
  "qcoro         danvratil+qcoro         -"
  "seastar       scylladb+seastar        -"
  "folly         facebook+folly          -"
)

# A mirror may lack its largest blobs (test binaries): check out every file
# whose blob is there, and say how many were left out.
checkout_present() {
  local dir=$1 ref=$2 list
  list=$(mktemp)
  git -C "$dir" ls-tree -r --format='%(objectname) %(path)' "$ref" |
    git -C "$dir" cat-file --batch-check='%(objectname) %(objecttype) %(rest)' |
    awk '$2 == "blob" { $1 = ""; $2 = ""; sub(/^  /, ""); print }' >"$list"
  git -C "$dir" checkout -q "$ref" --pathspec-from-file="$list"
  echo "sweep-checkout: $(basename "$dir"): $(git -C "$dir" ls-tree -r --name-only "$ref" | wc -l) files, $(wc -l <"$list") present" >&2
  rm -f "$list"
}

mkdir -p "$src"
for row in "${table[@]}"; do
  read -r name mirror ref <<<"$row"
  if (($#)) && [[ " $* " != *" $name "* ]]; then continue; fi
  repo=$mirrors/$mirror/repo
  if [[ ! -d $repo ]]; then
    echo "sweep-checkout: $name: no mirror at $repo (skipped)" >&2
    continue
  fi
  if [[ ! -d $src/$name/.git ]]; then
    git clone -q "$repo" "$src/$name" 2>/dev/null ||
      checkout_present "$src/$name" HEAD
  fi
  if [[ $ref != - ]]; then
    # Detached at the pinned ref; -q keeps the "detached HEAD" advice quiet.
    git -C "$src/$name" checkout -q "$ref"
  fi
  echo "sweep-checkout: $name at $(git -C "$src/$name" describe --tags --always)" >&2
done
