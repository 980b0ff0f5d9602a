#!/bin/bash
# compare.sh: the same benchmarks on an earlier commit and on this tree, in
# one run, so that a change is judged against its base on the same machine
# at the same time
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/compare.sh 8f3a93c
#   ROUNDS=3 DISPATCHES=200000 TRANSACTIONS=200000 tests/benchmark/compare.sh HEAD~5
#
# A benchmark, not a test: it prints figures and does not pass or fail.
#
# Builds the benchmark programs of BASE (a commit, extracted with git
# archive) and of the working tree, release, in $WORK (default
# /tmp/collab-compare), then runs, $ROUNDS times (default 5), alternating
# which build goes first:
#
#   collab-bench   load, save and reload of $DISPATCHES dispatches and of
#                  $TRANSACTIONS transactions (the documents of run.sh)
#   bench-talent   the talent rules and the 666 plan on the dispatches
#   bench-funds    the fund rules, boundary totals and the trace on the
#                  transactions of bench-funds.sh
#
# and prints, per figure, the median and the best of each build and the
# ratio of the medians. A shared VM's speed drifts from minute to minute:
# alternating the builds spreads the drift over both.

set -euo pipefail

# shellcheck source=tests/benchmark/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BASE=${1:?usage: compare.sh BASE-COMMIT}
WORK=${WORK:-/tmp/collab-compare}
ROUNDS=${ROUNDS:-5}
DISPATCHES=${DISPATCHES:-1000000}
TRANSACTIONS=${TRANSACTIONS:-1000000}
PROGRAMS=(collab-bench bench-talent bench-funds)

build_tree () {  # build_tree SOURCE BUILD
  if [ ! -f "$2/build.ninja" ]; then
    meson setup "$2" "$1" -Dintrospection=false -Dbuildtype=release >&2
  fi
  ninja -C "$2" "${PROGRAMS[@]/#/tests/benchmark/}" >&2
}

mkdir -p "$WORK"
rm -rf "$WORK/base-src"
mkdir -p "$WORK/base-src"
git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/base-src"
rm -rf "$WORK/build-base"
log "== building $BASE"
build_tree "$WORK/base-src" "$WORK/build-base"
log "== building the working tree"
build_tree "$ROOT" "$WORK/build-head"

DISPATCH_DOC=$(bench_document "dispatches-$DISPATCHES" --dispatches "$DISPATCHES")
TRANSACTION_DOC=$(bench_document "transactions-$TRANSACTIONS" --dispatches 0 --transactions "$TRANSACTIONS")
FUNDS_DOC=$(bench_document "funds-$TRANSACTIONS" --dispatches 0 --transactions "$TRANSACTIONS" \
              --accounts 100000 --projects 100000)
cat "$DISPATCH_DOC" "$TRANSACTION_DOC" "$FUNDS_DOC" > /dev/null   # a warm page cache

OUT="$WORK/runs"
rm -rf "$OUT"
mkdir -p "$OUT"

run_build () {  # run_build NAME ROUND
  local bin="$WORK/build-$1/tests/benchmark"
  log "== round $2: $1"
  "$bin/collab-bench" "$DISPATCH_DOC" | sed 's/^/dispatches./' > "$OUT/$1.$2"
  "$bin/collab-bench" "$TRANSACTION_DOC" | sed 's/^/transactions./' >> "$OUT/$1.$2"
  "$bin/bench-talent" "$DISPATCH_DOC" | sed 's/^/talent./' >> "$OUT/$1.$2"
  "$bin/bench-funds" "$FUNDS_DOC" --as-of 2030-12-31 | sed 's/^/funds./' >> "$OUT/$1.$2"
}

for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then
    run_build base "$round"; run_build head "$round"
  else
    run_build head "$round"; run_build base "$round"
  fi
done

"$PYTHON" - "$OUT" "$BASE" <<'PY'
import glob, os, statistics, sys

out, base = sys.argv[1], sys.argv[2]
figures = {}
for path in glob.glob(os.path.join(out, '*.*')):
    build = os.path.basename(path).split('.')[0]
    for line in open(path):
        key, _, value = line.rstrip('\n').partition(': ')
        try:
            figures.setdefault(key, {}).setdefault(build, []).append(float(value))
        except ValueError:
            pass

keys = [k for k in sorted(figures) if k.endswith(('seconds', '_kb', 'bytes_per_record', '.total'))]
print(f'{"figure":48} {"base median":>12} {"head median":>12} {"head/base":>9} {"base best":>10} {"head best":>10}')
for key in keys:
    b, h = figures[key].get('base', []), figures[key].get('head', [])
    if not b or not h:
        continue
    mb, mh = statistics.median(b), statistics.median(h)
    ratio = f'{mh / mb:.2f}' if mb else '-'
    print(f'{key:48} {mb:12.3f} {mh:12.3f} {ratio:>9} {min(b):10.3f} {min(h):10.3f}')
print(f'\nbase: {base}; head: the working tree; {len(figures.get("dispatches.load.seconds", {}).get("base", []))} rounds')
PY
