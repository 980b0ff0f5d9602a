#!/bin/bash
# bench-labour.sh: the national-scale labour benchmark — load, the three
# labour rules and the match, against CPython json.load and pandas
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/bench-labour.sh                  # 3,000,000 workers, ~10 min
#   WORKERS=20000 REPEAT=1 tests/benchmark/bench-labour.sh
#   DATA=/work/bench-cache tests/benchmark/bench-labour.sh
#
# A benchmark, not a test (run it by hand): it prints figures and the
# targets of issue 10, and exits 1 only when pandas and libcollab do not
# find the same things.
#
# Builds the library and bench-labour in $BUILD (default
# /tmp/build-bench-labour, release), generates the document with
# generate-labour.py --workers $WORKERS (300,000 offers, 3,000,000
# placements and 12,000,000 follow-ups at the default size, 1.8 GB; into
# $DATA, default /tmp, and kept for the next run), warms the page cache,
# then runs one after the other:
#
#   libcollab   bench-labour: load (wall and CPU seconds, RSS kept, bytes
#               per record), the labour.* rules of east-west-2021 alone
#               as of $AS_OF ($REPEAT checks: the first and the best of
#               the others; then each rule alone; findings to a file),
#               then the match of every worker and offer on $AS_OF
#               (collab_dataset_match(), $REPEAT times likewise)
#   CPython     labour_pandas.py --load-only: json.load of the file
#   pandas      labour_pandas.py: json.load, DataFrames, labour.follow_up,
#               labour.priority and labour.overfilled, compared with
#               libcollab's findings one by one
#
# libcollab and CPython run $REPEAT times (default 3) and the fastest load
# is kept; pandas runs once (it needs ~15 GB at the default size). Then a
# table: each figure side by side, the target and PASS or FAIL.

set -euo pipefail

# shellcheck source=tests/benchmark/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD=${BUILD:-/tmp/build-bench-labour}
WORKERS=${WORKERS:-3000000}
AS_OF=${AS_OF:-2025-06-30}
REPEAT=${REPEAT:-3}

bench_build "$BUILD" bench-labour
DOC=$(GENERATOR=generate-labour.py bench_document "labour-$WORKERS" --workers "$WORKERS" --as-of "$AS_OF")
log "== warming the page cache with $DOC"
cat "$DOC" > /dev/null

OUT=$(mktemp -d "${TMPDIR:-/tmp}/bench-labour.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

peak_kb () { sed -n 's/^.*Maximum resident set size (kbytes): //p' "$1"; }
cpu_s () {  # the user + system seconds of a time -v report
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"
}

# Running ---------------------------------------------------------------------

log "== bench-labour ($REPEAT runs)"
best collab load.seconds "$BIN/bench-labour" "$DOC" --as-of "$AS_OF" --findings "$OUT/findings.jsonl"
cat "$OUT/collab.out" >&2
C="$OUT/collab.out"

log "== CPython json.load ($REPEAT runs)"
best py load.seconds "$PYTHON" "$HERE/labour_pandas.py" "$DOC" --load-only

log "== pandas"
COMPARE=()
[ "$(get rules.available "$C")" = yes ] && COMPARE=(--collab "$OUT/findings.jsonl")
status=0
"$TIME" -v -o "$OUT/pandas.time" "$PYTHON" "$HERE/labour_pandas.py" "$DOC" --as-of "$AS_OF" "${COMPARE[@]}" \
  > "$OUT/pandas.out" || status=$?
cat "$OUT/pandas.out" >&2
P="$OUT/pandas.out"

# The table ---------------------------------------------------------------------

mb () { [ -n "${1:-}" ] && awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
verdict () {  # verdict AWK-CONDITION VALUES...: PASS, FAIL, or n/a when a value is missing
  local cond=$1 v; shift
  for v in "$@"; do [ -n "$v" ] || { echo "n/a"; return; }; done
  awk -v a="${1:-}" -v b="${2:-}" "BEGIN { print (($cond) ? \"PASS\" : \"FAIL\") }"
}
row () { printf '%-34s %12s %14s  %-30s %s\n' "$@"; }

load_c=$(get load.seconds "$C")
load_py=$(get load.seconds "$OUT/py.out")
rules_c=$(get rules.seconds "$C")
peak_c=$(get peak_rss_kb "$C")
peak_p=$(peak_kb "$OUT/pandas.time")

echo
echo "document: $DOC ($(awk -v s="$(get file.bytes "$C")" 'BEGIN { printf "%.0f MB", s / 1e6 }'), as of $AS_OF)"
echo "  $(grep '^records\.' "$C" | sed 's/^records\.//' | tr '\n' ' ')"
echo
row "step" "libcollab" "CPython/pandas" "target" "result"
row "load (s)" "$load_c" "$load_py" "<= CPython json.load" "$(verdict 'a <= b' "$load_c" "$load_py")"
row "  CPU (s; CPython: whole process)" "$(get load.cpu_seconds "$C")" "$(cpu_s "$OUT/py.time")" "" \
    "$(verdict 'a <= b' "$(get load.cpu_seconds "$C")" "$(cpu_s "$OUT/py.time")")"
row "three labour rules (s)" "${rules_c:-n/a}" "$(get rules.seconds "$P")" "< 3 s" "$(verdict 'a < 3' "$rules_c")"
row "  CPU (s)" "$(get rules.cpu_seconds "$C")" "" "" ""
[ "$REPEAT" -gt 1 ] && row "  again, best of $((REPEAT - 1)) (s)" "$(get rules.again_seconds "$C")" "" "" ""
for rule in follow_up priority overfilled; do
  row "  $rule alone (s)" "$(get "rules.${rule}_seconds" "$C")" "$(get "$rule.seconds" "$P")" "" ""
done
row "  pandas: DataFrames first (s)" "" "$(get frames.seconds "$P")" "" ""
match_s=$(get match.seconds "$C")
row "match (s)" "$match_s" "" "< 5 s" "$(verdict 'a < 5' "$match_s")"
row "  CPU (s)" "$(get match.cpu_seconds "$C")" "" "" ""
[ "$REPEAT" -gt 1 ] && row "  again, best of $((REPEAT - 1)) (s)" "$(get match.again_seconds "$C")" "" "" ""
row "peak RSS (MB)" "$(mb "$peak_c")" "$(mb "$peak_p")" "< 4096 MB" "$(verdict 'a < 4096 * 1024' "$peak_c")"
row "" "" "" "< half of pandas'" "$(verdict 'a < b / 2' "$peak_c" "$peak_p")"
row "  CPython json.load alone (MB)" "" "$(mb "$(get peak_rss.load_kb "$OUT/py.out")")" "" ""
row "kept after load (MB)" "$(mb "$(get rss.delta_kb "$C")")" "" "" ""
row "bytes per record" "$(get bytes_per_record "$C")" "" "" ""
echo
for rule in follow_up priority overfilled; do
  c=$(get "findings.labour.$rule" "$C")
  echo "findings.labour.$rule: libcollab ${c:-n/a}, pandas $(get "findings.labour.$rule" "$P")"
done
grep '^agree\.' "$P" || echo "agree: libcollab has no labour rules yet; pandas's counts alone"
echo "match: $(get match.placed "$C") placed, $(get match.priority_placed "$C") of them priority, rank sum $(get match.rank_sum "$C")"
echo
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
echo "libcollab and CPython: the fastest load of $REPEAT runs; peak RSS is ru_maxrss (libcollab: load, check and"
echo "match in one process). pandas: one run; its rules exclude json.load and the DataFrames."
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Above $(nproc), other processes took CPU time"
echo "and the wall seconds grew with it: compare the CPU rows."
exit $status
