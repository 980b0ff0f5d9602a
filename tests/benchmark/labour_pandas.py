#!/usr/bin/python3
# labour_pandas.py: labour.follow_up, labour.priority and labour.overfilled
# (SPEC §11.2) in pandas, to measure libcollab against and to check its counts
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   labour_pandas.py FILE [--as-of YYYY-MM-DD] [--days 90] [--collab FINDINGS.jsonl]
#   labour_pandas.py FILE --load-only          # CPython json.load alone
#
# Loads the document with json.load, makes DataFrames of the records it
# needs (columns taken from the dicts by hand, dates turned into day
# numbers: the fastest way we found), then finds, without a Python loop
# over records:
#
#   follow_up   the contacts of each transfer placement (its start, its
#               follow-ups from the start to its end or the as-of day),
#               sorted; every gap of more than --days days between two of
#               them, or from the last to the end / as-of day
#   priority    for each placement that names an offer and went to a worker
#               with neither poverty_lifted nor at_risk, the flagged workers
#               waiting that day (registered, wanting the offer's job type
#               or any, from a county of the offer's program's assisted
#               cities when it names one, in no placement) — their number
#               and the earliest registered (ties: the first in the
#               document). Each flagged worker's idle intervals (from
#               registration, between and after its placements) are
#               spread over the (program, job type) pairs it can wait
#               for; the judged placements, sorted by pair and day, are
#               points; an interval adds 1 to the points it covers (a
#               difference array) and lowers their minimum rank (a sparse
#               table of power-of-two blocks, pushed down)
#   overfilled  placements per offer against its positions
#
# Prints "key: value" lines: the seconds of each step, the peak RSS
# (ru_maxrss) and the findings. With --collab, compares them with the
# findings libcollab wrote (one JSON object a line, bench-labour
# --findings) and exits 1 when they differ.

import argparse
import datetime
import json
import re
import resource
import sys
import time

JOB_TYPES = ["domestic_service", "logistics", "elderly_care", "catering",
             "construction", "machine_repair", "manufacturing", "other"]
TYPE_CODE = {t: i for i, t in enumerate(JOB_TYPES)}
N_TYPES = len(JOB_TYPES)
EPOCH = datetime.date(1970, 1, 1)
INF = (1 << 21) - 1         # a day after every date: no end
BIG = 1 << 21               # (pair, day) keys: pair * BIG + day


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load(path):
    t = time.monotonic()
    with open(path, "rb") as f:
        doc = json.load(f)
    return doc, time.monotonic() - t


def frames(doc, pd, np):
    """The DataFrames the rules need; dates as day numbers (INF: none)."""

    def day_numbers(texts):
        d = pd.to_datetime(pd.Series(texts, dtype=object), format="%Y-%m-%d").values.astype("datetime64[D]")
        return np.where(np.isnat(d), INF, d.astype(np.int64))

    parent = {r["id"]: r.get("parent") for r in doc["regions"]}
    programs = pd.DataFrame({"program": [p["id"] for p in doc["programs"] for _ in p["assisted"]],
                             "city": [c for p in doc["programs"] for c in p["assisted"]]})
    offers = doc.get("job_offers", [])
    offers = pd.DataFrame({
        "id": [o["id"] for o in offers],
        "type": np.array([TYPE_CODE[o["job_type"]] for o in offers], dtype=np.int64),
        "positions": np.array([o["positions"] for o in offers], dtype=np.int64),
        "program": [o.get("program") for o in offers],
    })
    workers = doc.get("workers", [])
    workers = pd.DataFrame({
        "id": [w["id"] for w in workers],
        "city": [parent.get(w["county"]) for w in workers],
        "flagged": np.array([any(f in ("poverty_lifted", "at_risk") for f in w.get("flags", ())) for w in workers]),
        "wants": np.array([sum(1 << TYPE_CODE[t] for t in w.get("wants", ())) for w in workers], dtype=np.int64),
        "registered": day_numbers([w["registered"] for w in workers]),
    })
    placements = doc.get("placements", [])
    placements = pd.DataFrame({
        "id": [p["id"] for p in placements],
        "worker": [p["worker"] for p in placements],
        "offer": [p.get("offer") for p in placements],
        "transfer": np.array([p["kind"] == "transfer" for p in placements]),
        "start": day_numbers([p["start"] for p in placements]),
        "end": day_numbers([p.get("end") for p in placements]),
    })
    follow_ups = doc.get("follow_ups", [])
    follow_ups = pd.DataFrame({
        "placement": [f["placement"] for f in follow_ups],
        "date": day_numbers([f["date"] for f in follow_ups]),
    })
    # References as row numbers.
    placements["w"] = pd.Index(workers["id"]).get_indexer(placements["worker"])
    placements["o"] = pd.Index(offers["id"]).get_indexer(placements["offer"])
    follow_ups["p"] = pd.Index(placements["id"]).get_indexer(follow_ups["placement"])
    return programs, offers, workers, placements, follow_ups


def follow_up(placements, follow_ups, as_of, days, np):
    """(placement row, from day, to day) of every gap over @days."""
    limit = np.minimum(placements["end"].values, as_of)
    start = placements["start"].values
    transfer = placements["transfer"].values
    p, d = follow_ups["p"].values, follow_ups["date"].values
    keep = transfer[p] & (d >= start[p]) & (d <= limit[p])
    rows = np.flatnonzero(transfer)
    cp = np.concatenate([rows, p[keep]])
    cd = np.concatenate([start[rows], d[keep]])
    order = np.lexsort((cd, cp))
    cp, cd = cp[order], cd[order]
    same = cp[1:] == cp[:-1]
    inner = same & (cd[1:] - cd[:-1] > days)
    last = np.append(~same, True)
    tail = last & (limit[cp] - cd > days)
    return (np.concatenate([cp[1:][inner], cp[tail]]),
            np.concatenate([cd[:-1][inner], cd[tail]]),
            np.concatenate([cd[1:][inner], limit[cp[tail]]]))


def idle_intervals(workers, placements, pd, np):
    """(worker row, first day, last day) of the days each flagged worker was
    registered and in no placement; the last interval ends at INF."""
    flagged = workers["flagged"].values
    reg = workers["registered"].values
    busy = placements.loc[flagged[placements["w"].values], ["w", "start", "end"]]
    busy = busy.sort_values(["w", "start"], kind="stable")
    w, s = busy["w"].values, busy["start"].values
    covered = busy.groupby("w", sort=False)["end"].cummax().values     # last busy day so far
    first = np.append(True, w[1:] != w[:-1])
    before = np.where(first, reg[w] - 1, np.roll(covered, 1))
    gap_first = np.maximum(before + 1, reg[w])
    inside = gap_first <= s - 1
    last = np.append(w[1:] != w[:-1], True)
    tail = last & (covered < INF)
    never = np.setdiff1d(np.flatnonzero(flagged), w)
    return (np.concatenate([w[inside], w[tail], never]),
            np.concatenate([gap_first[inside], np.maximum(covered[tail] + 1, reg[w[tail]]), reg[never]]),
            np.concatenate([s[inside] - 1, np.full(tail.sum() + len(never), INF)]))


def priority(programs, offers, workers, placements, pd, np):
    """The judged placements with waiting workers: (placement rows, counts,
    earliest worker rows)."""
    prog_ids = pd.Index(programs["program"].unique())
    n_prog = len(prog_ids)                      # n_prog: an offer naming no program
    o_prog = prog_ids.get_indexer(offers["program"])
    o_prog = np.where(o_prog < 0, n_prog, o_prog)

    # The points: judged placements, by (program, job type) pair and day.
    pw, po = placements["w"].values, placements["o"].values
    judged = np.flatnonzero((po >= 0) & ~workers["flagged"].values[pw])
    q_pair = o_prog[po[judged]] * N_TYPES + offers["type"].values[po[judged]]
    q_key = q_pair * BIG + placements["start"].values[judged]
    order = np.argsort(q_key, kind="stable")
    judged, q_key = judged[order], q_key[order]
    pairs = np.unique(q_pair)

    # The intervals: each flagged worker's idle days, for every pair.
    iw, i_first, i_last = idle_intervals(workers, placements, pd, np)
    flagged = np.flatnonzero(workers["flagged"].values)
    city_prog = programs.assign(p=prog_ids.get_indexer(programs["program"]))[["city", "p"]]
    wp = workers.iloc[flagged][["city"]].assign(w=flagged).merge(city_prog, on="city")[["w", "p"]]
    if (pairs // N_TYPES == n_prog).any():
        wp = pd.concat([wp, pd.DataFrame({"w": flagged, "p": n_prog})])
    wants = workers["wants"].values[flagged]
    wt = pd.concat([pd.DataFrame({"w": flagged[(wants == 0) | (wants >> t & 1 == 1)], "t": t})
                    for t in range(N_TYPES)])
    wpt = wp.merge(wt, on="w")
    wpt = wpt.assign(pair=wpt["p"].values * N_TYPES + wpt["t"].values)[["w", "pair"]]
    wpt = wpt[np.isin(wpt["pair"].values, pairs)]
    rows = pd.DataFrame({"w": iw, "first": i_first, "last": i_last}).merge(wpt, on="w")
    pair = rows["pair"].values
    lo = np.searchsorted(q_key, pair * BIG + rows["first"].values, "left")
    hi = np.searchsorted(q_key, pair * BIG + rows["last"].values, "right") - 1
    cover = lo <= hi
    lo, hi, w = lo[cover], hi[cover], rows["w"].values[cover]
    n = len(q_key)
    count = np.cumsum(np.bincount(lo, minlength=n + 1) - np.bincount(hi + 1, minlength=n + 1))[:n]

    # The earliest registered, only for the points with a count: rank the
    # flagged workers by (registered, document order), then for each
    # interval take the minimum over the points it covers.
    found = np.flatnonzero(count > 0)
    rank = np.empty(len(workers), dtype=np.int64)
    by_reg = flagged[np.lexsort((flagged, workers["registered"].values[flagged]))]
    rank[by_reg] = np.arange(len(by_reg))
    lo = np.searchsorted(found, lo, "left")
    hi = np.searchsorted(found, hi, "right") - 1
    cover = lo <= hi
    lo, hi, r = lo[cover], hi[cover], rank[w[cover]]
    m = len(found)
    levels = max(1, int(m).bit_length())
    table = np.full((levels, m), np.iinfo(np.int64).max)
    k = np.frexp((hi - lo + 1).astype(np.float64))[1] - 1
    np.minimum.at(table, (k, lo), r)
    np.minimum.at(table, (k, hi - (1 << k) + 1), r)
    for level in range(levels - 1, 0, -1):
        half = 1 << (level - 1)
        np.minimum(table[level - 1], table[level], out=table[level - 1])
        np.minimum(table[level - 1][half:], table[level][:m - half], out=table[level - 1][half:])
    return judged[found], count[found], by_reg[table[0]]


def overfilled(offers, placements, np):
    o = placements["o"].values
    named = np.bincount(o[o >= 0], minlength=len(offers))
    return np.flatnonzero(named > offers["positions"].values)


def compare(path, pl_ids, w_ids, w_reg, fu, pr, over):
    """Compares the findings with libcollab's; returns the lines to print
    and whether they agree."""
    collab = {"labour.follow_up": set(), "labour.overfilled": set()}
    prio = {}
    worker_row = {wid: i for i, wid in enumerate(w_ids)}
    word = re.compile(r"[A-Za-z0-9_.\-]+")
    for line in open(path, encoding="utf-8"):
        f = json.loads(line)
        s = f.get("subject") or {}
        if f["rule"] == "labour.follow_up":
            collab["labour.follow_up"].add((s.get("placement"), s.get("from"), s.get("to")))
        elif f["rule"] == "labour.overfilled":
            collab["labour.overfilled"].add(s.get("offer"))
        elif f["rule"] == "labour.priority":
            text = " ".join(str(v) for v in [f.get("message"), f.get("remedy"), f.get("actual"), f.get("expected")]
                            + list(s.values()))
            named = [worker_row[x] for x in word.findall(text) if x in worker_row]
            prio[s.get("placement")] = (f.get("actual"), named)

    def day_text(d):
        return (EPOCH + datetime.timedelta(days=int(d))).isoformat()

    ours_fu = {(pl_ids[p], day_text(a), day_text(b)) for p, a, b in zip(*fu)}
    ours_over = set(over)
    lines, ok = [], True
    for rule, ours, theirs in (("follow_up", ours_fu, collab["labour.follow_up"]),
                               ("overfilled", ours_over, collab["labour.overfilled"])):
        same = ours == theirs
        ok &= same
        lines.append(f"agree.{rule}: {'yes' if same else 'NO'} (pandas {len(ours)}, libcollab {len(theirs)}, "
                     f"only pandas {len(ours - theirs)}, only libcollab {len(theirs - ours)})")
    rows, counts, earliest = pr
    ours = {pl_ids[p]: (int(c), int(e)) for p, c, e in zip(rows, counts, earliest)}
    same_set = set(ours) == set(prio)
    count_bad = earliest_bad = ties = no_count = 0
    for pid in set(ours) & set(prio):
        c, e = ours[pid]
        actual, named = prio[pid]
        if not isinstance(actual, int):
            no_count += 1
        elif actual != c:
            count_bad += 1
        if e in named:
            continue
        if any(w_reg[x] == w_reg[e] for x in named):
            ties += 1
        else:
            earliest_bad += 1
    ok &= same_set and count_bad == 0 and earliest_bad == 0
    lines.append(f"agree.priority: {'yes' if same_set and count_bad == 0 and earliest_bad == 0 else 'NO'} "
                 f"(pandas {len(ours)}, libcollab {len(prio)}, only pandas {len(set(ours) - set(prio))}, "
                 f"only libcollab {len(set(prio) - set(ours))}; counts differing {count_bad}, "
                 f"not an integer 'actual' {no_count}; earliest differing {earliest_bad}, "
                 f"another worker registered the same day {ties})")
    return lines, ok


def main():
    parser = argparse.ArgumentParser(description="The labour rules in pandas, timed.")
    parser.add_argument("file")
    parser.add_argument("--as-of", default="2025-06-30")
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--load-only", action="store_true", help="time json.load and stop")
    parser.add_argument("--collab", help="libcollab's findings, one JSON object a line, to compare with")
    args = parser.parse_args()

    doc, t_load = load(args.file)
    print(f"load.seconds: {t_load:.3f}")
    print(f"peak_rss.load_kb: {peak_rss_kb()}")
    print(f"records.total: {sum(len(v) for v in doc.values() if isinstance(v, list))}")
    if args.load_only:
        return 0

    import numpy as np
    import pandas as pd

    as_of = (datetime.date.fromisoformat(args.as_of) - EPOCH).days
    t = time.monotonic()
    programs, offers, workers, placements, follow_ups = frames(doc, pd, np)
    del doc
    t_frames = time.monotonic() - t
    t = time.monotonic()
    fu = follow_up(placements, follow_ups, as_of, args.days, np)
    t_fu = time.monotonic() - t
    t = time.monotonic()
    pr = priority(programs, offers, workers, placements, pd, np)
    t_pr = time.monotonic() - t
    t = time.monotonic()
    over = overfilled(offers, placements, np)
    t_over = time.monotonic() - t

    print(f"frames.seconds: {t_frames:.3f}")
    print(f"follow_up.seconds: {t_fu:.3f}")
    print(f"priority.seconds: {t_pr:.3f}")
    print(f"overfilled.seconds: {t_over:.3f}")
    print(f"rules.seconds: {t_fu + t_pr + t_over:.3f}")
    print(f"findings.labour.follow_up: {len(fu[0])}")
    print(f"findings.labour.priority: {len(pr[0])}")
    print(f"findings.labour.overfilled: {len(over)}")
    print(f"priority.waiting_total: {int(pr[1].sum())}")
    print(f"priority.waiting_max: {int(pr[1].max()) if len(pr[1]) else 0}")
    print(f"peak_rss_kb: {peak_rss_kb()}")
    if args.collab:
        lines, ok = compare(args.collab, placements["id"].values, workers["id"].values,
                            workers["registered"].values, fu, pr, offers["id"].values[over])
        print("\n".join(lines))
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
