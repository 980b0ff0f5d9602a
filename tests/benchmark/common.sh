# common.sh: what the benchmark scripts share. Source it, do not run it.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Sets HERE, ROOT, DATA, PYTHON and TIME, and gives
#   bench_build BUILD TARGET…        a release build of the library and of
#                                    the named programs of this folder; sets
#                                    BIN to where they are
#   bench_document NAME ARGS…        the path of $DATA/collab-bench-NAME.json,
#                                    written by generate.py ARGS… (or by
#                                    $GENERATOR of this folder) unless a
#                                    file made with the same ARGS is there
#   get KEY FILE                     the value of the line "KEY: value"
#   best TAG KEY COMMAND…            runs COMMAND $REPEAT times under time -v;
#                                    keeps in $OUT/TAG.out and $OUT/TAG.time
#                                    the run with the smallest KEY

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
  local out="$DATA/collab-bench-$1.json" generator="${GENERATOR:-generate.py}"
  shift
  if [ ! -s "$out" ] || [ "$HERE/$generator" -nt "$out" ] || [ ! -s "$out.args" ] ||
     [ "$(cat "$out.args")" != "$*" ]; then
    log "== $generator $* -> $out"
    # A command substitution does not inherit set -e: fail explicitly.
    "$PYTHON" "$HERE/$generator" -o "$out" "$@" || return 1
    echo "$*" > "$out.args"
  fi
  printf '%s\n' "$out"
}

get () { sed -n "s/^$1: //p" "$2" | head -n 1; }
best () {  # see above
  local tag=$1 key=$2 i; shift 2
  for ((i = 0; i < REPEAT; i++)); do
    "$TIME" -v -o "$OUT/$tag.$i.time" "$@" > "$OUT/$tag.$i.out"
    if [ ! -f "$OUT/$tag.out" ] || awk -v a="$(get "$key" "$OUT/$tag.$i.out")" \
         -v b="$(get "$key" "$OUT/$tag.out")" 'BEGIN { exit !(a < b) }'; then
      cp "$OUT/$tag.$i.out" "$OUT/$tag.out"
      cp "$OUT/$tag.$i.time" "$OUT/$tag.time"
    fi
  done
}
