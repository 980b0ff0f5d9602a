#!/usr/bin/python3
# generate-labour.py: a national-scale labour dataset document (SPEC §11)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   generate-labour.py -o /tmp/labour.json            # 3,000,000 workers
#   generate-labour.py -o /tmp/small.json --workers 2000
#
# The geography of an East–West programme (24 eastern cities in 8
# provinces; 60 western cities of 10 provinces with about 390 counties;
# one program per eastern city assisting two or three western cities),
# employers (eastern enterprises, western workshops, local enterprises and
# county labour bureaus), and, by default:
#
#   300,000 job offers     8 job types, 1–200 positions, open 1 to 6 months
#                          (one in six: 6 to 18 months, filled all along)
#                          between 2021 and mid-2025; a program and a target
#                          for nearly all of them
#   3,000,000 workers      registered from mid-2020 on, ~40 % poverty_lifted,
#                          ~5 % at_risk, wanting 0 (any) to 3 job types
#   3,000,000 placements   ~85 % filling an offer, the rest workshop jobs,
#                          public-welfare posts and jobs found alone; a few
#                          offers overfilled
#   12,000,000 follow-ups  for the placements in proportion to their length
#                          and to how diligent their office is: most gaps
#                          under 90 days, some longer; written in date order,
#                          as a follow-up log is exported
#
# Every size follows --workers unless given. The placements come from a
# day-by-day simulation: each day the newly registered workers and those
# whose job ended the day before join the queues of their program and of
# every job type they want; an employer filling an offer takes the
# flagged worker (poverty_lifted or at_risk) who has waited longest, but
# one time in 33 — or when the offer names no program — takes whoever
# else is first in the queue: those placements are what labour.priority
# finds.
#
# Standard library only; the same arguments give the same bytes. The
# records are written as they are made, and what must be remembered
# between the arrays (the workers' and placements' few numbers, the
# follow-ups' days) is kept in typed arrays: about 300 MB at full size.

import argparse
import array
import collections
import datetime
import os
import random
import resource
import sys
import time

# The sides, the names and the chunked writer of the load benchmark's
# generator (this folder's generate.py).
from generate import EAST_PROVINCES, GIVEN, SURNAMES, WEST_PROVINCES, Writer
from generate import CITY_SYLLABLES as SYLLABLES

EAST_CITIES_PER_PROVINCE = 3
WEST_CITIES_PER_PROVINCE = 6

TRADES = ["电子", "机械", "纺织", "物流", "建设", "餐饮", "家政", "食品", "汽车零部件", "养老服务"]

JOB_TYPES = ["domestic_service", "logistics", "elderly_care", "catering",
             "construction", "machine_repair", "manufacturing", "other"]
JOB_TYPE_WEIGHTS = [10, 15, 8, 15, 15, 7, 25, 5]
N_TYPES = len(JOB_TYPES)
WANTS_COUNT_WEIGHTS = [25, 35, 25, 15]        # wanting 0 (any), 1, 2, 3 types
NOTES = ["电话回访，工作稳定", "上门走访", "微信联系，收入正常", "企业反馈在岗", "已签订劳动合同"]

FIRST_DAY = datetime.date(2020, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)
INF = 0xFFFF                                  # no end: in the job


def day_of(d):
    return (d - FIRST_DAY).days


class Geography:
    """Provinces, cities and counties of both sides, and the programs."""

    def __init__(self, rng):
        self.regions = []
        self.east_cities = []          # (id, name)
        self.west_cities = []          # (id, name, program index)
        self.counties = []             # (id, name, west city index)
        for pid, pname, pcode in EAST_PROVINCES:
            self.regions.append(f'{{"id": "{pid}", "name": "{pname}", "level": "province", '
                                f'"code": "{pcode}0000", "side": "east"}}')
            for k in range(1, EAST_CITIES_PER_PROVINCE + 1):
                c = len(self.east_cities)
                cid, cname = f"{pid}-c{k:02d}", SYLLABLES[c % 26] + SYLLABLES[(c * 7 + 3) % 26] + "市"
                self.regions.append(f'{{"id": "{cid}", "name": "{cname}", "level": "city", '
                                    f'"parent": "{pid}", "code": "{pcode}{k:02d}00"}}')
                self.east_cities.append((cid, cname))
        n_programs = len(self.east_cities)
        for pid, pname, pcode in WEST_PROVINCES:
            self.regions.append(f'{{"id": "{pid}", "name": "{pname}", "level": "province", '
                                f'"code": "{pcode}0000", "side": "west"}}')
            for k in range(1, WEST_CITIES_PER_PROVINCE + 1):
                c = len(self.west_cities)
                cid = f"{pid}-c{k:02d}"
                cname = SYLLABLES[(c * 5 + 1) % 26] + SYLLABLES[(c * 11 + 7) % 26] + "市"
                self.regions.append(f'{{"id": "{cid}", "name": "{cname}", "level": "city", '
                                    f'"parent": "{pid}", "code": "{pcode}{k + 20:02d}00"}}')
                self.west_cities.append((cid, cname, c % n_programs))
                for j in range(1, 4 + rng.randrange(6) + 1):
                    n = len(self.counties)
                    kid = f"{cid}-k{j:02d}"
                    kname = cname[:-1] + SYLLABLES[(n * 13 + j) % 26] + "县"
                    flags = ', "flags": ["poverty_lifted"]' if n % 3 else ', "flags": ["poverty_lifted", "national_key"]'
                    self.regions.append(f'{{"id": "{kid}", "name": "{kname}", "level": "county", '
                                        f'"parent": "{cid}", "code": "{pcode}{k + 20:02d}{j:02d}"{flags}}}')
                    self.counties.append((kid, kname, c))
        self.program_ids = [f"prog-{g + 1:02d}" for g in range(n_programs)]
        self.program_of_county = [self.west_cities[c][2] for _, _, c in self.counties]
        self.counties_of_program = [[k for k in range(len(self.counties)) if self.program_of_county[k] == g]
                                    for g in range(n_programs)]

    def programs(self):
        for g, (eid, ename) in enumerate(self.east_cities):
            assisted = ", ".join(f'"{c[0]}"' for c in self.west_cities if c[2] == g)
            yield (f'{{"id": "{self.program_ids[g]}", "name": "{ename}东西部劳务协作", "kind": "east_west", '
                   f'"first_year": 2021, "last_year": 2025, "assisting": "{eid}", "assisted": [{assisted}], '
                   f'"ruleset": "east-west-2021"}}')


class Employers:
    """Organizations: eastern enterprises by program, western workshops and
    county labour bureaus by county, local enterprises by western city."""

    def __init__(self, geo, n_enterprises):
        self.records = []
        self.ids = []
        self.east = [[] for _ in geo.east_cities]          # by program
        self.workshops = [[] for _ in geo.counties]
        self.bureau = []                                    # by county
        self.local = [[] for _ in geo.west_cities]
        for g, (cid, cname) in enumerate(geo.east_cities):
            self.add("agency", f"{cname}人力资源和社会保障局", cid)
        for e in range(n_enterprises):
            g = e % len(geo.east_cities)
            cid, cname = geo.east_cities[g]
            name = f"{cname[:-1]}{SYLLABLES[e % 26]}{SYLLABLES[(e * 7) % 26]}{TRADES[e % len(TRADES)]}有限公司"
            self.east[g].append(self.add("enterprise", name, cid, "e"))
        for k, (kid, kname, c) in enumerate(geo.counties):
            self.bureau.append(self.add("agency", f"{kname}人力资源和社会保障局", kid))
            for j in range(2):
                self.workshops[k].append(self.add("workshop", f"{kname}第{j + 1}扶贫车间", kid, "ws"))
        for c, (cid, cname, _) in enumerate(geo.west_cities):
            for j in range(20):
                self.local[c].append(self.add("enterprise", f"{cname[:-1]}{SYLLABLES[j]}{TRADES[j % 10]}有限公司", cid, "e"))

    def add(self, kind, name, region, prefix="org"):
        oid = f"{prefix}{len(self.ids) + 1:06d}"
        self.ids.append(oid)
        self.records.append(f'{{"id": "{oid}", "name": "{name}", "kind": "{kind}", "region": "{region}"}}')
        return len(self.ids) - 1


def main():
    parser = argparse.ArgumentParser(description="Writes a synthetic libcollab labour document (SPEC §11).")
    parser.add_argument("-o", "--output", required=True, help="the document to write")
    parser.add_argument("--workers", type=int, default=3_000_000)
    parser.add_argument("--offers", type=int, default=None, help="default: a tenth of the workers")
    parser.add_argument("--placements", type=int, default=None, help="default: as many as the workers")
    parser.add_argument("--follow-ups", type=int, default=None, help="default: four times the workers")
    parser.add_argument("--as-of", default="2025-06-30", help="the last day of the data (YYYY-MM-DD)")
    parser.add_argument("--seed", type=int, default=2021_11)
    args = parser.parse_args()

    t0 = time.monotonic()
    n_workers = args.workers
    n_offers = args.offers if args.offers is not None else max(1, n_workers // 10)
    n_placements = args.placements if args.placements is not None else n_workers
    n_follow_ups = args.follow_ups if args.follow_ups is not None else 4 * n_workers
    as_of = day_of(datetime.date.fromisoformat(args.as_of))
    rng = random.Random(args.seed)
    rand, randrange = rng.random, rng.randrange
    days = [(FIRST_DAY + datetime.timedelta(days=i)).isoformat() for i in range(day_of(LAST_DAY) + 1)]
    start_2021 = day_of(datetime.date(2021, 1, 1))

    geo = Geography(rng)
    n_programs = len(geo.program_ids)
    # Workers come from the counties in proportion to these weights, and
    # offers go to the programs in proportion to the workers they have.
    county_weights = [0.5 + rand() for _ in geo.counties]
    program_weights = [sum(county_weights[k] for k in ks) for ks in geo.counties_of_program]
    employers = Employers(geo, max(n_programs, n_offers // 20))

    out = open(args.output, "w", encoding="utf-8", newline="\n")
    w = Writer(out)
    counts = collections.OrderedDict()

    def array_of(member, lines):
        """Writes the array @member, counting its records."""
        counts[member] = 0

        def counted():
            for line in lines:
                counts[member] += 1
                yield line
        w.array(member, counted())
    w.add('{\n  "format": "libcollab-dataset",\n  "version": 1')
    array_of("regions", geo.regions)
    array_of("organizations", employers.records)
    array_of("programs", geo.programs())

    # Job offers ---------------------------------------------------------------
    # 89 % from eastern enterprises (transfer jobs), 8 % from western
    # workshops and enterprises (local jobs), 3 % naming no program.
    o_program = array.array("b")            # -1: none
    o_type = array.array("B")
    o_local = bytearray(n_offers)
    o_employer = array.array("I")
    fills = array.array("H")                # placements each offer is to get
    fill_events = collections.defaultdict(lambda: array.array("i"))   # day -> offers (+1)
    overfilled = set()

    def offers():
        for o in range(n_offers):
            r = rand()
            jt = rng.choices(range(N_TYPES), JOB_TYPE_WEIGHTS)[0]
            positions = 1 + min(199, int(rng.expovariate(1 / 8.5)))
            first = start_2021 + randrange(as_of - start_2021 - 14)
            # One in six is a standing offer (长期招聘), open half a year to
            # a year and a half and filled all along; the others are filled
            # in their first two months.
            standing = rand() < 1 / 6
            last = first + (180 + randrange(360) if standing else 29 + randrange(150))
            target = ""
            if r < 0.08:
                k = randrange(len(geo.counties))
                g = geo.program_of_county[k]
                c = geo.counties[k][2]
                o_local[o] = 1
                employer = (employers.workshops[k][randrange(2)] if rand() < 0.5
                            else employers.local[c][randrange(20)])
                target = f', "target": "{geo.counties[k][0]}"'
            else:
                g = rng.choices(range(n_programs), program_weights)[0]
                employer = employers.east[g][randrange(len(employers.east[g]))]
                if r < 0.11:
                    g = -1
                else:
                    t = rand()
                    if t < 0.85:
                        ks = geo.counties_of_program[g]
                        k = ks[randrange(len(ks))]
                        target = geo.west_cities[geo.counties[k][2]][0] if t < 0.6 else geo.counties[k][0]
                        target = f', "target": "{target}"'
            o_program.append(g)
            o_type.append(jt)
            o_employer.append(employer)
            # Most offers fill; one in ten fills in part; one in a thousand
            # that closed before the as-of day takes more than it offered.
            f = positions
            if rand() < 0.10:
                f = max(0, int(positions * (0.3 + 0.6 * rand())))
            elif last < as_of and rand() < 0.001:
                f = positions + 1 + randrange(3)
                overfilled.add(o + 1)
            fills.append(f)
            wage = f', "monthly_wage": {3000 + 100 * randrange(60)}' if rand() < 0.8 else ""
            program = f', "program": "{geo.program_ids[g]}"' if g >= 0 else ""
            yield (f'{{"id": "o{o + 1:06d}", "employer": "{employers.ids[employer]}", "job_type": "{JOB_TYPES[jt]}", '
                   f'"positions": {positions}, "open": {{"first": "{days[first]}", "last": "{days[last]}"}}'
                   f'{target}{wage}{program}}}')
            # Fill days: none after the as-of day.
            span = last - first if standing else min(last - first, 60)
            for _ in range(f):
                d = first + randrange(span + 1)
                if d <= as_of:
                    fill_events[d].append(o + 1)

    array_of("job_offers", offers())

    # Workers ------------------------------------------------------------------
    # Numbered as they registered: a quarter in the second half of 2020,
    # the rest until the as-of day.
    reg_first = day_of(datetime.date(2020, 7, 1))
    registered = sorted(reg_first + randrange(start_2021 - reg_first) if rand() < 0.25
                        else start_2021 + randrange(as_of - start_2021 + 1) for _ in range(n_workers))
    registered = array.array("H", registered)
    w_county = array.array("H", rng.choices(range(len(geo.counties)), county_weights, k=n_workers))
    w_flagged = bytearray(n_workers)
    w_wants = array.array("I", bytes(4 * n_workers))     # bit t: wants type t; 0: any

    def workers():
        ns, ng = len(SURNAMES), len(GIVEN)
        for i in range(n_workers):
            flags = []
            if rand() < 0.40:
                flags.append('"poverty_lifted"')
            if rand() < 0.05:
                flags.append('"at_risk"')
            if flags:
                w_flagged[i] = 1
            if rand() < 0.02:
                flags.append('"disabled"')
            n = rng.choices((0, 1, 2, 3), WANTS_COUNT_WEIGHTS)[0]
            wants = ""
            if n:
                types = []
                while len(types) < n:
                    t = rng.choices(range(N_TYPES), JOB_TYPE_WEIGHTS)[0]
                    if t not in types:
                        types.append(t)
                        w_wants[i] |= 1 << t
                wants = ', "wants": [' + ", ".join(f'"{JOB_TYPES[t]}"' for t in types) + "]"
            elif i % 5 == 0:
                wants = ', "wants": []'
            name = f'"name": "{SURNAMES[i % ns]}{GIVEN[(i // ns) % ng]}{GIVEN[(i * 7) % ng] if i % 2 else ""}", ' if i % 3 == 0 else ""
            flag_text = f', "flags": [{", ".join(flags)}]' if flags else ""
            yield (f'{{"id": "w{i + 1:07d}", {name}"county": "{geo.counties[w_county[i]][0]}"{flag_text}'
                   f'{wants}, "registered": "{days[registered[i]]}"}}')

    array_of("workers", workers())

    # Placements: the simulation ----------------------------------------------
    # Offer fills are trimmed to about 85 % of the placements; the rest are
    # workshop jobs, public-welfare posts and transfers found alone, spread
    # over 2021 to the as-of day.
    scheduled = sum(len(a) for a in fill_events.values())
    target_offer = int(n_placements * 0.85)
    if scheduled > target_offer:
        keep = target_offer / scheduled
        for d in list(fill_events):
            fill_events[d] = array.array("i", (o for o in fill_events[d] if o in overfilled or rand() < keep))
        scheduled = sum(len(a) for a in fill_events.values())
    for _ in range(max(0, n_placements - scheduled)):
        r = rand()
        kind = 1 if r < 0.5 else (2 if r < 0.8 else 0)      # local, public welfare, transfer
        g = rng.choices(range(n_programs), program_weights)[0]
        fill_events[start_2021 + randrange(as_of - start_2021 + 1)].append(-(1 + g * 3 + kind))

    mask = (1 << 22) - 1
    stamp = bytearray(n_workers)
    busy = bytearray(n_workers)
    # queues[(g * (N_TYPES + 1) + t) * 2 + flagged]; t == N_TYPES: the whole program
    queues = [collections.deque() for _ in range(n_programs * (N_TYPES + 1) * 2)]
    releases = collections.defaultdict(list)
    all_types = list(range(N_TYPES))
    types_of = [[t for t in range(N_TYPES) if m >> t & 1] or all_types for m in range(1 << N_TYPES)]

    def available(i):
        s = (stamp[i] + 1) & 0xFF
        stamp[i] = s
        busy[i] = 0
        key = i | s << 22
        base = geo.program_of_county[w_county[i]] * (N_TYPES + 1) * 2 + w_flagged[i]
        for t in types_of[w_wants[i]]:
            queues[base + 2 * t].append(key)
        queues[base + 2 * N_TYPES].append(key)

    def head(q):
        while q:
            key = q[0]
            i = key & mask
            if not busy[i] and stamp[i] == key >> 22:
                return i
            q.popleft()
        return -1

    def take(base, prefer_flagged):
        """The first worker of queue pair @base, flagged first if asked."""
        f, u = head(queues[base + 1]), head(queues[base])
        if f >= 0 and (u < 0 or prefer_flagged):
            queues[base + 1].popleft()
            return f
        if u >= 0:
            queues[base].popleft()
            return u
        return -1

    p_worker = array.array("I")
    p_employer = array.array("I")
    p_offer = array.array("i")
    p_start = array.array("H")
    p_end = array.array("H")
    p_kind = array.array("B")
    p_organized = bytearray()
    unplaced = 0
    next_worker = 0
    for d in range(start_2021, as_of + 1):
        while next_worker < n_workers and registered[next_worker] <= d:
            available(next_worker)
            next_worker += 1
        for i in releases.pop(d, ()):
            available(i)
        events = fill_events.pop(d, None)
        if not events:
            continue
        events = list(events)
        rng.shuffle(events)
        for e in events:
            if e > 0:
                o = e - 1
                g = o_program[o]
                if g < 0:
                    g = randrange(n_programs)
                base = (g * (N_TYPES + 1) + o_type[o]) * 2
                i = take(base, o_program[o] >= 0 and rand() >= 1 / 33)
                if i < 0:
                    i = take(g * (N_TYPES + 1) * 2 + 2 * N_TYPES, True)
                kind = 1 if o_local[o] else 0
                employer = o_employer[o]
            else:
                g, kind = divmod(-e - 1, 3)
                o = -1
                i = take(g * (N_TYPES + 1) * 2 + 2 * N_TYPES, kind != 0 and rand() < 0.8)
                if i >= 0:
                    k = w_county[i]
                    employer = (employers.workshops[k][randrange(2)] if kind == 1 else
                                employers.bureau[k] if kind == 2 else
                                employers.east[g][randrange(len(employers.east[g]))])
            if i < 0:
                # Nobody waiting: the employer tries again the next day.
                if d < as_of:
                    fill_events[d + 1].append(e)
                else:
                    unplaced += 1
                continue
            busy[i] = 1
            if kind == 2:
                length = 364
            elif kind == 1:
                length = 60 + int(rng.expovariate(1 / 300))
            else:
                length = 30 + int(rng.expovariate(1 / 200))
            end = d + length
            if end >= as_of or rand() < 0.08:
                end = INF
            else:
                releases[end + 1].append(i)
            p_worker.append(i)
            p_employer.append(employer)
            p_offer.append(o)
            p_start.append(d)
            p_end.append(end)
            p_kind.append(kind)
            p_organized.append(1 if kind == 0 and o >= 0 and rand() < 0.6 else 0)
    del queues, releases, fill_events, stamp, busy
    n_placed = len(p_worker)

    kinds = ("transfer", "local", "public_welfare")

    def placements():
        for p in range(n_placed):
            offer = f', "offer": "o{p_offer[p] + 1:06d}"' if p_offer[p] >= 0 else ""
            organized = ', "organized": true' if p_organized[p] else ""
            end = f', "end": "{days[p_end[p]]}"' if p_end[p] != INF else ""
            yield (f'{{"id": "p{p + 1:07d}", "worker": "w{p_worker[p] + 1:07d}", '
                   f'"employer": "{employers.ids[p_employer[p]]}"{offer}, "kind": "{kinds[p_kind[p]]}"'
                   f'{organized}, "start": "{days[p_start[p]]}"{end}}}')

    array_of("placements", placements())

    # Follow-ups ---------------------------------------------------------------
    # Each placement gets follow-ups in proportion to the days it has run
    # (to its end or the as-of day), its kind (transfers are followed most)
    # and its office's diligence; they are spread evenly with jitter. Half
    # of the ended placements have their last follow-up after the end,
    # saying the worker left, went home or changed jobs.
    kind_factor = (1.0, 0.25, 0.15)
    weights = array.array("d")
    total = 0.0
    for p in range(n_placed):
        span = min(p_end[p], as_of) - p_start[p]
        total += max(0, span) * kind_factor[p_kind[p]] * rng.lognormvariate(0, 0.35)
        weights.append(total)
    by_day = collections.defaultdict(lambda: array.array("Q"))
    given = 0
    for p in range(n_placed):
        upto = n_follow_ups if p == n_placed - 1 else int(weights[p] * n_follow_ups / total) if total else 0
        n, given = upto - given, upto
        if n <= 0:
            continue
        start, end = p_start[p], p_end[p]
        limit = min(end, as_of)
        gap = (limit - start) / (n + 1)
        last_code = 0
        if end != INF and rand() < 0.5 and end + 30 <= as_of:
            n -= 1
            last_code = 1 + randrange(3)
            by_day[end + 1 + randrange(30)].append(p << 8 | last_code)
        for k in range(1, n + 1):
            d = start + int(gap * (k + 0.5 * rand() - 0.25))
            code = 1 if rand() < 0.05 else 0
            if rand() < 0.01:
                code |= (1 + randrange(len(NOTES))) << 2
            by_day[min(d, limit)].append(p << 8 | code)
    del weights

    statuses = ("employed", "changed_job", "left", "returned_home")

    def follow_ups():
        for d in sorted(by_day):
            date = days[d]
            for v in by_day[d]:
                code = v & 0xFF
                note = f', "note": "{NOTES[(code >> 2) - 1]}"' if code >> 2 else ""
                yield f'{{"placement": "p{(v >> 8) + 1:07d}", "date": "{date}", "status": "{statuses[code & 3]}"{note}}}'

    array_of("follow_ups", follow_ups())
    del by_day

    # Events: job fairs and labour training classes, by program and year.
    def events():
        n = 0
        for g in range(n_programs):
            cities = [c[0] for c in geo.west_cities if c[2] == g]
            for year in range(2021, 2026):
                for kind, times in (("job_fair", 4), ("training_class", 2)):
                    for j in range(times):
                        n += 1
                        d = day_of(datetime.date(year, 1 + (j * 5 + g) % 6 + (0 if year == 2025 else 6 * (j % 2)), 10 + g % 15))
                        extra = (f', "participants": {200 + randrange(800)}' if kind == "job_fair" else
                                 f', "trainees": {30 + randrange(70)}, "area": "labour"')
                        yield (f'{{"id": "ev{n:05d}", "program": "{geo.program_ids[g]}", "kind": "{kind}", '
                               f'"date": "{days[d]}", "region": "{cities[j % len(cities)]}"{extra}}}')

    array_of("events", events())
    w.add(',\n  "generator": {"name": "tests/benchmark/generate-labour.py", "seed": %d, "as_of": "%s"}\n}\n'
          % (args.seed, args.as_of))
    w.flush()
    out.close()

    records = sum(counts.values())
    size = os.path.getsize(args.output)
    print(f"generate-labour.py: wrote {args.output}: {size:,} bytes, {records:,} records "
          f"({size / records:.1f} bytes per record) in {time.monotonic() - t0:.1f} s, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", file=sys.stderr)
    print("  " + ", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)
    print(f"  {len(overfilled)} offers overfilled on purpose; {unplaced} placements found no worker", file=sys.stderr)


if __name__ == "__main__":
    main()
