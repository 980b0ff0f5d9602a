# common.sh: what the benchmark scripts share. Source it, do not run it.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Sets HERE, ROOT, DATA, PYTHON and TIME, and gives
#   bench_build BUILD TARGET…        a release build of the library and of
#                                    the named programs of this folder; sets
#                                    BIN to where they are
#   bench_document NAME ARGS…        the path of $DATA/collab-bench-NAME.json,
#                                    written by generate.py ARGS… unless a
#                                    file made with the same ARGS is there

HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-/tmp}
mkdir -p "$DATA"
PYTHON=/usr/bin/python3
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

log () { printf '%s\n' "$*" >&2; }

bench_build () {
  local build=$1 target
  shift
  if [ ! -f "$build/build.ninja" ]; then
    log "== meson setup $build"
    meson setup "$build" "$ROOT" -Dintrospection=false -Dbuildtype=release >&2
  fi
  local targets=()
  for target in "$@"; do
    targets+=("tests/benchmark/$target")
  done
  ninja -C "$build" "${targets[@]}" >&2
  BIN="$build/tests/benchmark"
}

bench_document () {
  local out="$DATA/collab-bench-$1.json"
  shift
  if [ ! -s "$out" ] || [ "$HERE/generate.py" -nt "$out" ] || [ ! -s "$out.args" ] ||
     [ "$(cat "$out.args")" != "$*" ]; then
    log "== generate.py $* -> $out"
    # A command substitution does not inherit set -e: fail explicitly.
    "$PYTHON" "$HERE/generate.py" -o "$out" "$@" || return 1
    echo "$*" > "$out.args"
  fi
  printf '%s\n' "$out"
}
