#!/bin/bash
# run.sh: load/save benchmark of libcollab against the alternatives
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/run.sh                 # 1M dispatches, 1M transactions
#   DISPATCHES=100000 TRANSACTIONS=100000 tests/benchmark/run.sh
#
# Builds the library in $BUILD (default /tmp/build-bench, release) when
# needed, builds the three benchmark programs by hand against that build
# tree (or takes them from $BUILD/tests/benchmark when this directory is
# wired into meson), generates the documents into $DATA (default /tmp),
# and for each document runs:
#
#   libcollab       collab-bench: load, save, reload, save, compare
#   yajl scan       yajl over the mapped file, callbacks that keep nothing
#   CPython         /usr/bin/python3 json.load
#   json-glib DOM   json_parser_load_from_mapped_file
#
# then prints a table. Every program reads a warm page cache (the file is
# read once beforehand); each program runs $REPEAT times (default 3) and the
# run with the shortest load is reported. Set SKIP_JSONGLIB=1 to leave out json-glib, which
# needs ~10 s and ~2.7 GB per million records.

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-/tmp/build-bench}
DATA=${DATA:-/tmp}
DISPATCHES=${DISPATCHES:-1000000}
TRANSACTIONS=${TRANSACTIONS:-1000000}
REPEAT=${REPEAT:-3}
PYTHON=/usr/bin/python3
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

log () { printf '%s\n' "$*" >&2; }

# The library ---------------------------------------------------------------

if [ ! -f "$BUILD/build.ninja" ]; then
  log "== meson setup $BUILD"
  meson setup "$BUILD" "$ROOT" -Dintrospection=false -Dbuildtype=release >&2
fi
# Only the library: other targets (the collab executable) may not link
# while they are being written.
LIBTARGET=$(ninja -C "$BUILD" -t targets all | sed -n 's|^\(libcollab/libcollab-1\.0\.so[.0-9]*\): c_LINKER$|\1|p' | head -n 1)
ninja -C "$BUILD" "${LIBTARGET:-libcollab/libcollab-1.0.so.0.1.0}" >&2

# The programs ----------------------------------------------------------------

if [ -x "$BUILD/tests/benchmark/collab-bench" ] && ninja -C "$BUILD" tests/benchmark/collab-bench \
     tests/benchmark/yajl-scan tests/benchmark/jsonglib-load >&2 2>/dev/null; then
  BIN="$BUILD/tests/benchmark"
else
  BIN="$BUILD/bench-standalone"
  mkdir -p "$BIN"
  CC=${CC:-cc}
  CFLAGS="-O2 -g -Wall -Wextra -Wno-unused-parameter"
  build () {  # build OUTPUT SOURCE FLAGS...
    local out=$1 src=$2; shift 2
    if [ ! -x "$BIN/$out" ] || [ "$HERE/$src" -nt "$BIN/$out" ] ||
       { [ "$out" = collab-bench ] && [ "$BUILD/$LIBTARGET" -nt "$BIN/$out" ]; }; then
      log "== cc $src"
      # shellcheck disable=SC2086
      $CC $CFLAGS -o "$BIN/$out" "$HERE/$src" "$@"
    fi
  }
  # shellcheck disable=SC2046 # pkg-config's flags are words
  build collab-bench collab-bench.c \
    -I"$ROOT/include" -I"$ROOT/include/libcollab" -I"$BUILD/include" -I"$BUILD/include/libcollab" \
    $(pkg-config --cflags --libs gio-2.0 json-glib-1.0) \
    -L"$BUILD/libcollab" -lcollab-1.0 -Wl,-rpath,"$BUILD/libcollab"
  # shellcheck disable=SC2046
  build yajl-scan yajl-scan.c $(pkg-config --cflags --libs yajl)
  # shellcheck disable=SC2046
  build jsonglib-load jsonglib-load.c $(pkg-config --cflags --libs json-glib-1.0)
fi

# The documents ---------------------------------------------------------------

FILES=()
generate () {  # generate NAME ARGS...
  local out="$DATA/collab-bench-$1.json"; shift
  if [ ! -s "$out" ] || [ "$HERE/generate.py" -nt "$out" ] || [ ! -s "$out.args" ] ||
     [ "$(cat "$out.args")" != "$*" ]; then
    log "== generate.py $* -> $out"
    "$PYTHON" "$HERE/generate.py" -o "$out" "$@"
    echo "$*" > "$out.args"
  fi
  FILES+=("$out")
}
[ "$DISPATCHES" -gt 0 ] && generate "dispatches-$DISPATCHES" --dispatches "$DISPATCHES"
[ "$TRANSACTIONS" -gt 0 ] && generate "transactions-$TRANSACTIONS" --dispatches 0 --transactions "$TRANSACTIONS"

# Running ---------------------------------------------------------------------

OUT=$(mktemp -d "${TMPDIR:-/tmp}/collab-bench-run.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

get () { sed -n "s/^$1: //p" "$2" | head -n 1; }
mb () { awk -v kb="${1:-0}" 'BEGIN { printf "%.0f", kb / 1024 }'; }

run () {  # run TAG COMMAND... : stdout to $OUT/TAG.out, time -v to $OUT/TAG.time
  # $REPEAT runs; the one with the shortest load is kept (a VM's timings
  # are noisy; the minimum is the most repeatable figure).
  local tag=$1 i best=""; shift
  for ((i = 0; i < REPEAT; i++)); do
    if [ -n "$TIME" ]; then
      "$TIME" -v -o "$OUT/$tag.$i.time" "$@" > "$OUT/$tag.$i.out" || log "$tag: exit status $?"
    else
      "$@" > "$OUT/$tag.$i.out" || log "$tag: exit status $?"
      : > "$OUT/$tag.$i.time"
    fi
    if [ -z "$best" ] || awk -v a="$(get load.seconds "$OUT/$tag.$i.out")" \
         -v b="$(get load.seconds "$OUT/$tag.out")" 'BEGIN { exit !(a < b) }'; then
      best=$i
      cp "$OUT/$tag.$i.out" "$OUT/$tag.out"
      cp "$OUT/$tag.$i.time" "$OUT/$tag.time"
    fi
  done
}

PY_LOAD='
import json, resource, sys, time
t = time.monotonic()
with open(sys.argv[1], "rb") as f:
    d = json.load(f)
t = time.monotonic() - t
print("records.total:", sum(len(v) for v in d.values() if isinstance(v, list)))
print("load.seconds: %.3f" % t)
print("peak_rss.load_kb:", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
'

ROWS=()
row () { ROWS+=("$(printf '%-40s %-23s %8s %12s  %s' "$@")"); }

for f in "${FILES[@]}"; do
  name=$(basename "$f" .json)
  size=$(stat -c %s "$f")
  cat "$f" > /dev/null     # a warm page cache for everyone

  log "== collab-bench $f"
  run "$name.collab" "$BIN/collab-bench" "$f"
  cat "$OUT/$name.collab.out" >&2
  [ -n "$TIME" ] && grep -E 'Elapsed|Maximum resident|User time|System time' "$OUT/$name.collab.time" >&2

  log "== yajl-scan"
  run "$name.yajl" "$BIN/yajl-scan" "$f"
  log "== python3 json.load"
  run "$name.py" "$PYTHON" -c "$PY_LOAD" "$f"
  if [ -z "${SKIP_JSONGLIB:-}" ]; then
    log "== jsonglib-load"
    run "$name.jg" "$BIN/jsonglib-load" "$f"
  fi

  c="$OUT/$name.collab.out"
  records=$(get records.total "$c")
  label=$(printf '%s (%.0f MB, %s rec)' "${name#collab-bench-}" "$(awk -v s="$size" 'BEGIN{print s/1e6}')" "$records")
  row "$label" "libcollab load" "$(get load.seconds "$c")" "$(mb "$(get peak_rss.load_kb "$c")")" \
      "dataset $(mb "$(get rss.delta_kb "$c")") MB = $(get bytes_per_record "$c") B/record"
  row "" "libcollab save" "$(get save.seconds "$c")" "" \
      "reload $(get reload.seconds "$c") s; save2 $(get save2.seconds "$c") s; identical: $(get round_trip.identical "$c")"
  row "" "yajl scan (floor)" "$(get load.seconds "$OUT/$name.yajl.out")" "$(mb "$(get peak_rss.load_kb "$OUT/$name.yajl.out")")" \
      "$(get events "$OUT/$name.yajl.out") events, nothing kept"
  row "" "CPython json.load" "$(get load.seconds "$OUT/$name.py.out")" "$(mb "$(get peak_rss.load_kb "$OUT/$name.py.out")")" ""
  if [ -z "${SKIP_JSONGLIB:-}" ]; then
    row "" "json-glib DOM" "$(get load.seconds "$OUT/$name.jg.out")" "$(mb "$(get peak_rss.load_kb "$OUT/$name.jg.out")")" ""
  fi
  if [ -n "$TIME" ]; then
    row "" "(time -v collab-bench)" "$(sed -n 's/^.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/$name.collab.time")" \
        "$(mb "$(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$OUT/$name.collab.time")")" \
        "whole run: load+save+reload+save; user $(sed -n 's/^.*User time (seconds): //p' "$OUT/$name.collab.time") s, sys $(sed -n 's/^.*System time (seconds): //p' "$OUT/$name.collab.time") s"
  fi
done

echo
printf '%-40s %-23s %8s %12s  %s\n' "document" "what" "seconds" "peak RSS MB" "notes"
printf '%s\n' "${ROWS[@]}"
echo
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
echo "best of $REPEAT runs each; peak RSS is getrusage ru_maxrss and includes the mapped file's pages;"
echo "the dataset figure is VmRSS after the load minus before it (the file is unmapped by then)."
