#!/bin/bash
# bench-talent.sh: the talent rules and the 666 plan on a million dispatches
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/bench-talent.sh
#   DISPATCHES=100000 PAIRINGS=1000 tests/benchmark/bench-talent.sh
#
# A benchmark, not a test: it prints figures, it does not pass or fail
# (except when pandas and the library disagree on a count).
#
# Two rosters of $DISPATCHES dispatches across $PAIRINGS county pairings
# (default 1,000,000 and 10,000; five years, so 50,000 pairing-years):
#
#   stress     tests/benchmark/generate.py as run.sh makes it: a fifth of
#              the people inbound, a quarter of the dispatches cadres and
#              short visits, ~12 counted per pairing-year: nearly every
#              pairing-year fails 666.total, 666.tenure and 666.mix, so the
#              check makes ~170,000 findings
#   realistic  the same geography (generate.py --dispatches 0) with 20
#              outbound professional dispatches per pairing-year, 90 % of
#              pairing-years compliant: what an office's roster looks like
#
# For each: bench-talent (bench-talent.c) loads the document, checks it
# with the talent rules only (666.*, cadre.continuity, village.demo), plans
# every pairing-year with collab_checker_plan(), and reports the time of
# each step and the peak RSS; /usr/bin/time -v gives the whole process's. Then
# pandas (Debian's /usr/bin/python3) makes the 666.total and 666.tenure
# counts of the same document with a groupby, and the counts are compared
# with the library's plan table, pairing-year by pairing-year.
#
# Builds the library and bench-talent in $BUILD (default
# /tmp/build-bench-talent, release); documents go to $DATA (default /tmp).

set -euo pipefail

# shellcheck source=tests/benchmark/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD=${BUILD:-/tmp/build-bench-talent}
DISPATCHES=${DISPATCHES:-1000000}
PAIRINGS=${PAIRINGS:-10000}

bench_build "$BUILD" bench-talent

# The documents ---------------------------------------------------------------

# The stress roster: the file run.sh makes, shared with it.
STRESS_ARGS=(--dispatches "$DISPATCHES")
[ "$PAIRINGS" != 10000 ] && STRESS_ARGS+=(--pairings "$PAIRINGS")
STRESS=$(bench_document "dispatches-$DISPATCHES" "${STRESS_ARGS[@]}")

# The realistic roster: generate.py's geography, a roster of our own.
REALISTIC="$DATA/collab-bench-talent-$DISPATCHES-$PAIRINGS.json"
if [ ! -s "$REALISTIC" ] || [ "$HERE/generate.py" -nt "$REALISTIC" ] || [ "$0" -nt "$REALISTIC" ]; then
  log "== realistic roster -> $REALISTIC"
  "$PYTHON" "$HERE/generate.py" -o "$REALISTIC.geo" --dispatches 0 --pairings "$PAIRINGS" >&2
  "$PYTHON" - "$REALISTIC.geo" "$REALISTIC" "$DISPATCHES" <<'PY'
import datetime, json, random, sys

geo, out_path, n_dispatches = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = json.load(open(geo, encoding="utf-8"))
rng = random.Random(666)
pairings = [(p["assisting"], p["assisted"]) for p in doc["pairings"]]
years = range(2021, 2026)
per_year = max(1, n_dispatches // (len(pairings) * len(years)))

def add_months(d, n):
    m0 = d.year * 12 + d.month - 1 + n
    y, m = divmod(m0, 12)
    m += 1
    nxt = datetime.date(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return datetime.date(y, m, min(d.day, (nxt - datetime.date(y, m, 1)).days))

# A compliant pairing-year of 20: 7 teachers (3 a year, 4 half a year),
# 6 doctors (3 and 3), 7 in agriculture or other for 1 to 5 months.
COMPLIANT = ([("teacher", 12)] * 3 + [("teacher", 6)] * 4 + [("doctor", 12)] * 3 + [("doctor", 6)] * 3 +
             [("agriculture", 3)] * 4 + [("other", 1)] * 3)
people, dispatches = [], []
day_cache = {}
def text(d):
    t = day_cache.get(d)
    if t is None:
        t = day_cache[d] = d.isoformat()
    return t

n = 0
for frm, to in pairings:
    for year in years:
        spec = list(COMPLIANT[:per_year]) + [("other", 2)] * max(0, per_year - len(COMPLIANT))
        failing = rng.random() < 0.10
        repeat_from = None
        if failing:
            kind = rng.randrange(3)
            if kind == 0:      # three people sent twice: 17 counted
                repeat_from = per_year - 3
            elif kind == 1:    # half-year services cut short: tenure
                spec = [(p, 2 if m == 6 else m) for p, m in spec]
            else:              # agricultural stays of two weeks: short_other
                spec = [(p, 0 if p == "agriculture" else m) for p, m in spec]
        for i, (profession, months) in enumerate(spec):
            if repeat_from is not None and i >= repeat_from:
                pid = people[-(i - repeat_from) - 5]["id"]
            else:
                pid = f"x{len(people) + 1:07d}"
                people.append({"id": pid, "profession": profession})
            start = datetime.date(year, 9 if profession == "teacher" else rng.choice([3, 4, 5, 6]), 1)
            end = start + datetime.timedelta(days=13) if months == 0 else add_months(start, months) - datetime.timedelta(days=1)
            n += 1
            d = {"id": f"d{n:07d}", "person": pid, "kind": "professional", "direction": "outbound",
                 "from": frm, "to": to, "start": text(start), "planned_end": text(end)}
            if end <= datetime.date(2025, 6, 30):
                d["actual_end"] = text(end)
            dispatches.append(d)

def record(r):
    return json.dumps(r, ensure_ascii=False, separators=(", ", ": "))

with open(out_path, "w", encoding="utf-8") as f:
    f.write('{\n  "format": "libcollab-dataset",\n  "version": 1')
    for name in ("regions", "organizations", "programs", "pairings"):
        f.write(f',\n  "{name}": [\n    ' + ",\n    ".join(record(r) for r in doc[name]) + "\n  ]")
    for name, records in (("people", people), ("dispatches", dispatches)):
        f.write(f',\n  "{name}": [\n    ')
        for i in range(0, len(records), 50000):
            if i:
                f.write(",\n    ")
            f.write(",\n    ".join(record(r) for r in records[i:i + 50000]))
        f.write("\n  ]")
    f.write("\n}\n")
print(f"realistic roster: {len(people)} people, {len(dispatches)} dispatches", file=sys.stderr)
PY
  rm -f "$REALISTIC.geo"
fi

# pandas: the same 666.total and 666.tenure counts --------------------------------

PANDAS='
import json, resource, sys, time
import numpy as np
import pandas as pd

path, plan_csv = sys.argv[1], sys.argv[2]
t0 = time.monotonic()
with open(path, "rb") as f:
    doc = json.load(f)
d = pd.DataFrame(doc["dispatches"])
people = pd.DataFrame(doc["people"])
pairings = pd.DataFrame(doc["pairings"])
t_load = time.monotonic() - t0

t0 = time.monotonic()
d = d[(d["kind"] == "professional") & (d["direction"] == "outbound")]
d = d.merge(pairings[["assisting", "assisted"]], left_on=["from", "to"], right_on=["assisting", "assisted"])
start = pd.to_datetime(d["start"]).values.astype("datetime64[D]")
end_text = d["actual_end"].fillna(d["planned_end"]) if "actual_end" in d else d["planned_end"]
end = pd.to_datetime(end_text).values.astype("datetime64[D]")
sy = start.astype("datetime64[Y]").astype(int) + 1970
sm = start.astype("datetime64[M]").astype(int) % 12 + 1
sd = (start - start.astype("datetime64[M]").astype("datetime64[D]")).astype(int) + 1
em_index = end.astype("datetime64[M]").astype(int)
# Months served (SPEC 3): the largest n with add_months(start, n) <= end + 1.
n = em_index - start.astype("datetime64[M]").astype(int) + 1
after_end = end + np.timedelta64(1, "D")
for _ in range(3):
    month = start.astype("datetime64[M]") + n.astype("timedelta64[M]")
    dim = ((month + np.timedelta64(1, "M")).astype("datetime64[D]") - month.astype("datetime64[D]")).astype(int)
    target = month.astype("datetime64[D]") + (np.minimum(sd, dim) - 1).astype("timedelta64[D]")
    n = np.where((n > 0) & (target > after_end), n - 1, n)
d = d.assign(year=sy, months=n)
d = d.merge(people[["id", "profession"]], left_on="person", right_on="id", suffixes=("", "_person"))
# Each person once per pairing-year, with their longest dispatch.
best = d.groupby(["assisting", "assisted", "year", "person", "profession"], sort=False)["months"].max().reset_index()
best = best[~(best["profession"].isin(["agriculture", "other"]) & (best["months"] < 1))]
best = best.assign(counted=1, served_12=best["months"] >= 12, served_6=best["months"] >= 6,
                   served_1=best["months"] >= 1)
counts = best.groupby(["assisting", "assisted", "year"])[["counted", "served_12", "served_6", "served_1"]].sum()
counts["total_ok"] = counts["counted"] >= 18
counts["tenure_ok"] = (counts["served_12"] >= 3) & (counts["served_6"] >= 9) & (counts["served_1"] >= 18)
t_count = time.monotonic() - t0

print("pandas.load.seconds: %.3f" % t_load)
print("pandas.count.seconds: %.3f" % t_count)
print("pandas.pairing_years_counted: %d" % len(counts))
print("pandas.total_failing: %d" % int((~counts["total_ok"]).sum()))
print("pandas.tenure_failing: %d" % int((~counts["tenure_ok"]).sum()))
print("pandas.peak_rss_kb: %d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

# The same numbers as the library, pairing-year by pairing-year.
plan = pd.read_csv(plan_csv).set_index(["assisting", "assisted", "year"])
plan = plan[plan["counted"] > 0]
cols = ["counted", "served_12", "served_6", "served_1"]
joined = plan[cols].join(counts[cols], rsuffix="_pandas", how="outer").fillna(-1)
bad = sum(int((joined[c] != joined[c + "_pandas"]).sum()) for c in cols)
print("pandas.agrees_with_libcollab: %s (%d pairing-years, %d differing cells)" % ("yes" if bad == 0 else "NO", len(joined), bad))
sys.exit(1 if bad else 0)
'

# Running ---------------------------------------------------------------------

OUT=$(mktemp -d "${TMPDIR:-/tmp}/bench-talent.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
get () { sed -n "s/^$1: //p" "$2" | head -n 1; }

status=0
for kind in stress realistic; do
  if [ "$kind" = stress ]; then f=$STRESS; else f=$REALISTIC; fi
  cat "$f" > /dev/null
  log "== bench-talent $f"
  if [ -n "$TIME" ]; then
    "$TIME" -v -o "$OUT/$kind.time" "$BIN/bench-talent" "$f" --repeat 3 --csv "$OUT/$kind.plan.csv" > "$OUT/$kind.out"
  else
    "$BIN/bench-talent" "$f" --repeat 3 --csv "$OUT/$kind.plan.csv" > "$OUT/$kind.out"
  fi
  log "== pandas $f"
  "$PYTHON" -c "$PANDAS" "$f" "$OUT/$kind.plan.csv" > "$OUT/$kind.pandas" || status=1

  echo "== $kind: $(basename "$f") ($(awk -v s="$(stat -c %s "$f")" 'BEGIN { printf "%.0f MB", s / 1e6 }'))"
  cat "$OUT/$kind.out"
  if [ -n "$TIME" ]; then
    echo "process.elapsed: $(sed -n 's/^.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/$kind.time")"
    echo "process.peak_rss_kb: $(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$OUT/$kind.time")"
  fi
  cat "$OUT/$kind.pandas"
  echo
done

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
echo "check.seconds and plan.seconds are the first run (which builds the pairing-year tally);"
echo "*.again.seconds the best of the later runs on the same dataset (tally kept)."
exit $status
