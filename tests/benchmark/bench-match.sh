#!/bin/bash
# bench-match.sh: matching workers to job offers at national scale (SPEC §11.3)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   tests/benchmark/bench-match.sh
#   WORKERS=1000000 OFFERS=100000 PLACEMENTS=1000000 tests/benchmark/bench-match.sh
#
# A benchmark, not a test: it prints figures, it does not pass or fail.
#
# A document of $WORKERS workers (default 3,000,000), $OFFERS job offers
# (300,000) and $PLACEMENTS placements (3,000,000) over 400 western
# counties and 32 eastern cities, one program per eastern city, written
# by the generator below (seeded: the same sizes give the same bytes):
#
#   workers     a quarter poverty-lifted, a tenth at risk; wants of 0 to 3
#               job types, a tenth wanting any; registered 2020-01 to
#               2023-07, a few after the as-of day (2023-06-30)
#   offers      1 to 20 positions, open for half a year to two years from
#               2021 to mid-2023, of one of 8 job types (not evenly, and
#               not as the workers want them), two in three of a program
#   placements  of random workers, half naming an offer (its employer's),
#               starting 2019 to mid-2023, a third still on
#
# bench-match (bench-match.c) loads it and matches three times, every
# worker and offer, then once for one program; /usr/bin/time -v gives the
# whole process's figures. Builds the library and bench-match in $BUILD
# (default /tmp/build-bench-match, release); documents go to $DATA
# (default /tmp).

set -euo pipefail

# shellcheck source=tests/benchmark/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUILD=${BUILD:-/tmp/build-bench-match}
WORKERS=${WORKERS:-3000000}
OFFERS=${OFFERS:-300000}
PLACEMENTS=${PLACEMENTS:-3000000}

bench_build "$BUILD" bench-match

DOC="$DATA/collab-bench-match-$WORKERS-$OFFERS-$PLACEMENTS.json"
if [ ! -s "$DOC" ] || [ "$0" -nt "$DOC" ]; then
  log "== generating $DOC"
  "$PYTHON" - "$DOC" "$WORKERS" "$OFFERS" "$PLACEMENTS" <<'PY'
import datetime, random, sys

out_path, n_workers, n_offers, n_placements = sys.argv[1], *map(int, sys.argv[2:5])
rng = random.Random(113)
start = datetime.date(2019, 1, 1)
days = [(start + datetime.timedelta(days=i)).isoformat() for i in range(6 * 366)]
def day(year, month, d=1):
    return (datetime.date(year, month, d) - start).days
AS_OF = day(2023, 6, 30)

regions, west_counties, east_cities = [], [], []
regions.append('{"id": "west", "name": "西部", "level": "province", "side": "west"}')
regions.append('{"id": "east", "name": "东部", "level": "province", "side": "east"}')
west_cities = []
for c in range(50):
    regions.append(f'{{"id": "wc{c:02d}", "name": "西{c}市", "level": "city", "parent": "west"}}')
    west_cities.append(f"wc{c:02d}")
    for k in range(8):
        regions.append(f'{{"id": "wk{c:02d}{k}", "name": "西{c}市{k}县", "level": "county", "parent": "wc{c:02d}"}}')
        west_counties.append(f"wk{c:02d}{k}")
for c in range(32):
    regions.append(f'{{"id": "ec{c:02d}", "name": "东{c}市", "level": "city", "parent": "east"}}')
    east_cities.append(f"ec{c:02d}")
programs = []
for c, city in enumerate(east_cities):
    assisted = ", ".join(f'"{west_cities[(c * 3 + i) % 50]}"' for i in range(2 + c % 2))
    programs.append(f'{{"id": "p{c:02d}", "name": "东{c}市东西部协作", "kind": "east_west", "first_year": 2021, '
                    f'"last_year": 2025, "assisting": "{city}", "assisted": [{assisted}]}}')
n_employers = 20000
organizations = [f'{{"id": "e{i:05d}", "name": "用工单位{i}", "kind": "enterprise", "region": "{east_cities[i % 32]}"}}'
                 for i in range(n_employers)]

TYPES = ["domestic_service", "logistics", "elderly_care", "catering", "construction", "machine_repair",
         "manufacturing", "other"]
# What is offered is not what is wanted: the matching must use second and
# third choices.
OFFERED = [5, 10, 20, 10, 10, 15, 25, 5]
WANTED = [20, 20, 5, 20, 15, 5, 10, 5]

offers, offer_employer = [], []
for i in range(n_offers):
    employer = rng.randrange(n_employers)
    offer_employer.append(employer)
    first = rng.randrange(day(2021, 1), day(2023, 7))
    last = min(first + rng.randrange(180, 730), len(days) - 1)
    program = f', "program": "p{employer % 32:02d}"' if rng.random() < 0.67 else ""
    offers.append(f'{{"id": "o{i:07d}", "employer": "e{employer:05d}", "job_type": "{rng.choices(TYPES, OFFERED)[0]}", '
                  f'"positions": {rng.randint(1, 20)}, "open": {{"first": "{days[first]}", "last": "{days[last]}"}}{program}}}')

workers = []
for i in range(n_workers):
    r = rng.random()
    flags = '"poverty_lifted"' if r < 0.25 else '"at_risk"' if r < 0.35 else ""
    if rng.random() < 0.03:
        flags = flags + (", " if flags else "") + '"disabled"'
    n_wants = rng.choices([0, 1, 2, 3], [10, 30, 30, 30])[0]
    wants = []
    while len(wants) < n_wants:
        t = rng.choices(TYPES, WANTED)[0]
        if t not in wants:
            wants.append(t)
    registered = rng.randrange(day(2020, 1), AS_OF + 20)
    wants_text = ", ".join(f'"{t}"' for t in wants)
    workers.append(f'{{"id": "w{i:07d}", "county": "{rng.choice(west_counties)}", "flags": [{flags}], '
                   f'"wants": [{wants_text}], "registered": "{days[registered]}"}}')

KINDS = ["transfer", "local", "public_welfare"]
placements = []
for i in range(n_placements):
    s = rng.randrange(day(2019, 1), AS_OF + 1)
    end = "" if rng.random() < 0.33 else f', "end": "{days[min(s + rng.randrange(30, 700), len(days) - 1)]}"'
    if rng.random() < 0.5:
        o = rng.randrange(n_offers)
        named = f'"employer": "e{offer_employer[o]:05d}", "offer": "o{o:07d}"'
    else:
        named = f'"employer": "e{rng.randrange(n_employers):05d}"'
    placements.append(f'{{"id": "pl{i:07d}", "worker": "w{rng.randrange(n_workers):07d}", {named}, '
                      f'"kind": "{rng.choice(KINDS)}", "start": "{days[s]}"{end}}}')

with open(out_path, "w", encoding="utf-8") as f:
    f.write('{"format": "libcollab-dataset", "version": 1')
    for name, records in (("regions", regions), ("organizations", organizations), ("programs", programs),
                          ("job_offers", offers), ("workers", workers), ("placements", placements)):
        f.write(f',\n "{name}": [\n  ')
        for i in range(0, len(records), 100000):
            if i:
                f.write(",\n  ")
            f.write(",\n  ".join(records[i:i + 100000]))
        f.write("]")
    f.write("}\n")
print(f"{n_workers} workers, {n_offers} offers, {n_placements} placements", file=sys.stderr)
PY
fi

OUT=$(mktemp -d "${TMPDIR:-/tmp}/bench-match.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

cat "$DOC" > /dev/null
log "== bench-match $DOC"
echo "== $(basename "$DOC") ($(awk -v s="$(stat -c %s "$DOC")" 'BEGIN { printf "%.0f MB", s / 1e6 }'))"
if [ -n "$TIME" ]; then
  "$TIME" -v -o "$OUT/time" "$BIN/bench-match" "$DOC" --program p00
  echo "process.elapsed: $(sed -n 's/^.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/time")"
  echo "process.peak_rss_kb: $(sed -n 's/^.*Maximum resident set size (kbytes): //p' "$OUT/time")"
else
  "$BIN/bench-match" "$DOC" --program p00
fi
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
