#!/bin/bash
# bench-funds.sh: the fund rules, boundary totals and flow trace on a million
# transactions, against a pandas equivalent
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/bench-funds.sh                    # 1,000,000 transactions
#   TRANSACTIONS=100000 tests/benchmark/bench-funds.sh
#
# Builds the library in $BUILD (default /tmp/build-bench-funds, release)
# when needed, builds bench-funds.c by hand against it, generates the
# document with generate.py --transactions (100,000 accounts and 100,000
# projects; into $DATA, default /tmp), then runs:
#
#   libcollab   bench-funds: load; every fund.* rule (the check builds the
#               ledger); boundary totals of a program, a province, a city, a
#               county and a project; the flow trace of all the money and of
#               one program. Wall and CPU seconds, peak RSS.
#   pandas      /usr/bin/python3 with Debian's pandas: json.load, frames of
#               the transactions, then fund.overdraw (first day each
#               non-source account is below zero, money in before money out
#               on a day) and the same boundary totals (program money by
#               the transaction's program, else its parent's). Wall seconds
#               and peak RSS. It checks that it finds what libcollab found.
#
# Each run is repeated $REPEAT times (default 3) and the fastest kept: the
# figures of a shared 2-core VM are noisy, the minimum is the most
# repeatable.

set -euo pipefail

# shellcheck source=tests/benchmark/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD=${BUILD:-/tmp/build-bench-funds}
TRANSACTIONS=${TRANSACTIONS:-1000000}
REPEAT=${REPEAT:-3}
AS_OF=${AS_OF:-2030-12-31}

bench_build "$BUILD" bench-funds
DOC=$(bench_document "funds-$TRANSACTIONS" --dispatches 0 --transactions "$TRANSACTIONS" \
        --accounts 100000 --projects 100000)
cat "$DOC" > /dev/null   # a warm page cache for every run

OUT=$(mktemp -d "${TMPDIR:-/tmp}/bench-funds.XXXXXX")
trap 'rm -rf "$OUT"' EXIT


# libcollab ---------------------------------------------------------------------

log "== bench-funds ($REPEAT runs)"
best collab rules_and_totals.seconds "$BIN/bench-funds" "$DOC" --as-of "$AS_OF"

# pandas ------------------------------------------------------------------------

cat > "$OUT/pandas_funds.py" <<'PY'
import json, resource, sys, time
from decimal import Decimal

import numpy as np
import pandas as pd

path, boundaries = sys.argv[1], sys.argv[2:]
UNITS = {"": 100, "元": 100, "万": 1000000, "万元": 1000000, "亿": 10000000000, "亿元": 10000000000}

def fen(value):
    if isinstance(value, int):
        return value * 100
    for suffix in ("万元", "亿元", "万", "亿", "元", ""):
        if value.endswith(suffix):
            number = value[:len(value) - len(suffix)] if suffix else value
            return int(Decimal(number) * UNITS[suffix])

t0 = time.monotonic()
with open(path, "rb") as f:
    doc = json.load(f)
t_load = time.monotonic() - t0

t0 = time.monotonic()
tx = pd.DataFrame(doc["transactions"], columns=["id", "type", "from", "to", "amount", "date", "budget_year",
                                               "program", "parent"])
tx["fen"] = np.fromiter((fen(a) for a in tx["amount"]), dtype=np.int64, count=len(tx))
tx["date"] = pd.to_datetime(tx["date"])
tx["year"] = tx["budget_year"].fillna(tx["date"].dt.year).astype(np.int64)
accounts = pd.DataFrame(doc["accounts"])
if "source" not in accounts:
    accounts["source"] = False
accounts["source"] = accounts["source"].fillna(False).astype(bool)
projects = pd.DataFrame(doc["projects"], columns=["id", "county"])
orgs = pd.DataFrame(doc["organizations"], columns=["id", "region"])
regions = pd.DataFrame(doc["regions"], columns=["id", "parent"])
programs = pd.DataFrame(doc["programs"], columns=["id"])
del doc
t_frames = time.monotonic() - t0

# fund.overdraw: end-of-day balance of every non-source account.
t0 = time.monotonic()
moves = tx[tx["type"].isin(["transfer", "expenditure"])]
sources = set(accounts.loc[accounts["source"], "id"])
events = pd.concat([
    pd.DataFrame({"node": moves["to"], "date": moves["date"], "delta": moves["fen"]}),
    pd.DataFrame({"node": moves["from"], "date": moves["date"], "delta": -moves["fen"]}),
])
events = events[events["node"].isin(set(accounts["id"]) - sources)]
daily = events.groupby(["node", "date"], sort=True)["delta"].sum()
balance = daily.groupby(level=0).cumsum()
overdrawn = balance[balance < 0].groupby(level=0).head(1)
t_overdraw = time.monotonic() - t0

# Boundary totals.
t0 = time.monotonic()
holder_region = dict(zip(orgs["id"], orgs["region"]))
parent_of = dict(zip(regions["id"], regions["parent"]))
node_region = pd.concat([
    pd.Series(accounts["holder"].map(lambda h: holder_region.get(h, h)).values, index=accounts["id"]),
    pd.Series(projects["county"].values, index=projects["id"]),
])
# The program of a transaction: its own, else its parent's, up the chain.
prog = tx["program"].copy()
parent_prog = pd.Series(tx["program"].values, index=tx["id"])
for _ in range(16):
    missing = prog.isna() & tx["parent"].notna()
    if not missing.any():
        break
    filled = tx.loc[missing, "parent"].map(parent_prog)
    if filled.isna().all():
        break
    prog[missing] = filled
    parent_prog = pd.Series(prog.values, index=tx["id"])
moves = tx[tx["type"].isin(["transfer", "expenditure"])].assign(program=prog)
from_region = moves["from"].map(node_region)
to_region = moves["to"].map(node_region)

def under(boundary):
    inside = set()
    for region in regions["id"]:
        r = region
        while isinstance(r, str):
            if r == boundary:
                inside.add(region)
                break
            r = parent_of.get(r)
    return inside

results = {}
for b in boundaries:
    if b in set(programs["id"]):
        m = moves[moves["program"] == b]
        fi = ~m["from"].isin(sources)
        ti = m["to"].notna()
        amounts = m["fen"]
    elif b in set(regions["id"]):
        inside = under(b)
        fi = from_region.isin(inside)
        ti = to_region.isin(inside) & moves["to"].notna()
        amounts = moves["fen"]
    else:
        fi = moves["from"] == b
        ti = moves["to"] == b
        amounts = moves["fen"]
    results[b] = (int(amounts[~fi & ti].sum()), int(amounts[fi & ti].sum()), int(amounts[fi & ~ti].sum()))
t_totals = time.monotonic() - t0

print("load.seconds: %.3f" % t_load)
print("frames.seconds: %.3f" % t_frames)
print("overdraw.seconds: %.3f" % t_overdraw)
print("overdraw.accounts: %d" % len(overdrawn))
print("totals.seconds: %.3f" % t_totals)
for b, (i, n, o) in results.items():
    print("totals.%s: %d %d %d" % (b, i, n, o))
print("overdraw_and_totals.seconds: %.3f" % (t_overdraw + t_totals))
print("peak_rss_kb: %d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
PY

BOUNDARIES=$(sed -n 's/^totals\.[a-z]*: \([^ ]*\) in .*/\1/p' "$OUT/collab.out" | tr '\n' ' ')
log "== pandas ($REPEAT runs; boundaries $BOUNDARIES)"
# shellcheck disable=SC2086
best pandas overdraw_and_totals.seconds "$PYTHON" "$OUT/pandas_funds.py" "$DOC" $BOUNDARIES

# Do they agree? ----------------------------------------------------------------

"$PYTHON" - "$OUT/collab.out" "$OUT/pandas.out" <<'PY'
import re, sys
from decimal import Decimal
UNITS = {"元": 100, "万": 1000000, "亿": 10000000000}
def fen(text):
    return int(Decimal(text[:-1]) * UNITS[text[-1]])
collab = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"totals\.\w+: (\S+) in (\S+) internal (\S+) out (\S+) allocated", line)
    if m:
        collab[m.group(1)] = tuple(fen(x) for x in m.groups()[1:])
pandas = {}
for line in open(sys.argv[2]):
    m = re.match(r"totals\.(\S+): (\d+) (\d+) (\d+)$", line)
    if m:
        pandas[m.group(1)] = tuple(int(x) for x in m.groups()[1:])
bad = [b for b in collab if collab[b] != pandas.get(b)]
for b in bad:
    print("MISMATCH %s: libcollab %s pandas %s" % (b, collab[b], pandas.get(b)), file=sys.stderr)
print("agree.totals: %s" % ("yes" if not bad else "NO"))
PY

# The table ---------------------------------------------------------------------

mb () { awk -v kb="${1:-0}" 'BEGIN { printf "%.0f", kb / 1024 }'; }
C="$OUT/collab.out"
P="$OUT/pandas.out"
echo
echo "document: $DOC ($(du -m "$DOC" | cut -f1) MB), $(get records.transactions "$C") transactions, $(get records.accounts "$C") accounts, $(get records.projects "$C") projects, as of $AS_OF"
echo
printf '%-44s %10s %10s\n' "step" "libcollab" "pandas"
printf '%-44s %10s %10s\n' "load (s)" "$(get load.seconds "$C")" "$(get load.seconds "$P")"
printf '%-44s %10s %10s\n' "build frames / ledger (s)" "(in rules)" "$(get frames.seconds "$P")"
printf '%-44s %10s %10s\n' "every fund rule (s)" "$(get rules.seconds "$C")" "-"
printf '%-44s %10s %10s\n' "  of which fund.overdraw alone (s)" "$(get rules.overdraw_seconds "$C")" "$(get overdraw.seconds "$P")"
printf '%-44s %10s %10s\n' "boundary totals, 5 boundaries (s)" "$(get totals.seconds "$C")" "$(get totals.seconds "$P")"
printf '%-44s %10s %10s\n' "rules + totals (s)" "$(get rules_and_totals.seconds "$C")" "$(get overdraw_and_totals.seconds "$P")"
printf '%-44s %10s %10s\n' "flow trace, all money + one program (s)" "$(get trace.seconds "$C")" "-"
printf '%-44s %10s %10s\n' "peak RSS (MB)" "$(mb "$(get peak_rss_kb "$C")")" "$(mb "$(get peak_rss_kb "$P")")"
echo
echo "libcollab: ledger $(get rules.ledger_seconds "$C") s; findings $(get findings.total "$C") ($(grep '^findings\.fund' "$C" | sed 's/^findings\.//' | tr '\n' ' '))"
echo "libcollab: check CPU $(get rules.cpu_seconds "$C") s; trace edges $(get trace.edges_all "$C") (all), $(get trace.edges_program "$C") (one program)"
overdraw=$(get findings.fund.overdraw "$C")
echo "pandas: overdrawn accounts $(get overdraw.accounts "$P"), libcollab fund.overdraw findings ${overdraw:-0}"
