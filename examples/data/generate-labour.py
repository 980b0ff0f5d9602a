#!/usr/bin/python3
# generate-labour.py: the labour cooperation of the Wuxi example, 2021-2023
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   examples/data/generate-labour.py     # rewrites wuxi-labour-2021-2023.json
#
# wuxi-labour-2021-2023.json is wuxi-2021.json (regions, organizations, the
# program, pairings) plus labour cooperation (劳务协作, SPEC §11.1): job
# offers of Wuxi employers of the job types the plan names, workers of the
# nine paired counties, their placements and the follow-ups of those placed
# in Wuxi, the 紫砂 rural-revitalization factory of 延长县 (plan, column 4)
# and a 盘绣 community factory in 互助, job fairs and labour training.
#
# It breaks each labour rule once on purpose; doc/labour.md lists the
# findings a check as of 2023-12-31 gives, and the placements `collab match`
# proposes on that day. combine.py joins it into wuxi-2021-2023.json.
#
# Standard library only, no randomness: the same script gives the same bytes.

import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = datetime.date(2023, 12, 31)
PROGRAM = "wuxi-2021"

# Wuxi employers and the two workshops of the west (organization kind
# `workshop`), and the office that employs public-welfare posts.
ORGANIZATIONS = [
    {"id": "wx-logistics", "name": "无锡某物流配送有限公司", "kind": "enterprise", "region": "xinwu"},
    {"id": "wx-care", "name": "无锡某养老服务中心", "kind": "social_org", "region": "liangxi"},
    {"id": "wx-domestic", "name": "无锡某家政服务有限公司", "kind": "enterprise", "region": "binhu"},
    {"id": "wx-catering", "name": "无锡某餐饮管理有限公司", "kind": "enterprise", "region": "liangxi"},
    {"id": "wx-build", "name": "无锡某建筑工程有限公司", "kind": "enterprise", "region": "huishan"},
    {"id": "wx-repair", "name": "江阴某机械修理有限公司", "kind": "enterprise", "region": "jiangyin"},
    {"id": "yc-zisha", "name": "延长县紫砂乡村振兴工厂", "kind": "workshop", "region": "yanchang"},
    {"id": "hz-panxiu", "name": "互助县盘绣社区工厂", "kind": "workshop", "region": "huzhu"},
    {"id": "ych-hrss", "name": "宜川县人力资源和社会保障局", "kind": "agency", "region": "yichuan"},
]

# id, employer, job type, positions, open first, open last, target.
OFFERS = [
    ("jo-2021-logistics", "wx-logistics", "logistics", 4, "2021-03-01", "2021-12-31", "yanan"),
    ("jo-2021-care", "wx-care", "elderly_care", 2, "2021-04-01", "2021-09-30", "haidong"),
    ("jo-2022-catering", "wx-catering", "catering", 4, "2022-02-01", "2022-06-30", "haidong"),
    ("jo-2022-domestic", "wx-domestic", "domestic_service", 2, "2022-03-01", "2022-12-31", "yanan"),
    ("jo-2023-build", "wx-build", "construction", 3, "2023-03-01", "2024-02-29", "haidong"),
    ("jo-2023-repair", "wx-repair", "machine_repair", 2, "2023-06-01", "2024-05-31", "yanan"),
    ("jo-2023-logistics", "wx-logistics", "logistics", 2, "2023-09-01", "2024-03-31", "yanan"),
    ("jo-2023-catering", "wx-catering", "catering", 1, "2023-10-01", "2024-03-31", "haidong"),
]
MONTHLY_WAGE = {"logistics": 6000, "elderly_care": 5200, "catering": 4800, "domestic_service": 5500,
                "construction": 7000, "machine_repair": 6500}

# id, name (invented), home county, flags, wanted job types, registered.
WORKERS = [
    ("lw-01", "马某", "minhe", ["poverty_lifted"], ["catering"], "2021-01-20"),
    ("lw-02", "韩某", "xunhua", ["poverty_lifted"], ["catering", "logistics"], "2021-02-01"),
    ("lw-03", "李某", "yanchang", ["poverty_lifted"], ["logistics"], "2021-02-10"),
    ("lw-04", "王某", "yanchuan", [], ["logistics"], "2021-02-15"),
    ("lw-05", "张某", "yichuan", ["at_risk"], [], "2021-02-20"),
    ("lw-06", "祁某", "huzhu", ["poverty_lifted"], ["elderly_care"], "2021-03-01"),
    ("lw-07", "赵某", "ledu", [], ["elderly_care", "domestic_service"], "2021-03-05"),
    ("lw-08", "刘某", "pingan", ["poverty_lifted", "disabled"], ["elderly_care"], "2021-03-10"),
    ("lw-09", "冶某", "hualong", ["poverty_lifted"], ["construction"], "2021-03-15"),
    ("lw-10", "高某", "yanchang", ["poverty_lifted"], ["manufacturing"], "2021-05-01"),
    ("lw-11", "薛某", "yanchang", ["poverty_lifted", "disabled"], ["manufacturing"], "2021-05-01"),
    ("lw-12", "白某", "yanchang", [], [], "2021-05-10"),
    ("lw-13", "李某某", "pingan", [], ["catering"], "2022-01-05"),
    ("lw-14", "马某某", "minhe", ["poverty_lifted"], ["catering"], "2022-01-10"),
    ("lw-15", "韩某某", "xunhua", ["at_risk"], ["catering", "domestic_service"], "2022-02-20"),
    ("lw-16", "祁某某", "huzhu", ["poverty_lifted"], ["manufacturing"], "2022-05-01"),
    ("lw-17", "吕某", "huzhu", ["poverty_lifted"], [], "2022-05-01"),
    ("lw-18", "杨某", "yichuan", ["poverty_lifted"], ["domestic_service"], "2022-03-10"),
    ("lw-19", "贺某", "yichuan", ["poverty_lifted", "disabled"], [], "2022-06-01"),
    ("lw-20", "冶某某", "hualong", [], ["construction"], "2023-02-01"),
    ("lw-21", "刘某某", "yanchuan", ["poverty_lifted"], ["machine_repair", "logistics"], "2023-08-01"),
    ("lw-22", "曹某", "yichuan", [], ["machine_repair"], "2023-07-01"),
    ("lw-23", "张某某", "ledu", ["poverty_lifted"], ["logistics", "construction"], "2023-09-10"),
    ("lw-24", "李某甲", "huzhu", [], [], "2023-10-01"),
    ("lw-25", "马某乙", "minhe", ["at_risk"], ["construction"], "2023-11-01"),
]

# id, worker, employer, offer, kind, start, end, how its follow-ups end.
PLACEMENTS = [
    ("pl-01", "lw-05", "wx-logistics", "jo-2021-logistics", "transfer", "2021-03-10", None, None),
    ("pl-02", "lw-03", "wx-logistics", "jo-2021-logistics", "transfer", "2021-03-15", None, None),
    ("pl-03", "lw-02", "wx-logistics", "jo-2021-logistics", "transfer", "2021-03-20", None, None),
    ("pl-04", "lw-04", "wx-logistics", "jo-2021-logistics", "transfer", "2021-04-01", None, None),
    ("pl-05", "lw-06", "wx-care", "jo-2021-care", "transfer", "2021-04-15", "2022-04-14", "returned_home"),
    ("pl-06", "lw-08", "wx-care", "jo-2021-care", "transfer", "2021-04-20", None, None),
    # The third placement into an offer of two positions: labour.overfilled.
    ("pl-07", "lw-07", "wx-care", "jo-2021-care", "transfer", "2021-05-06", None, None),
    # Found without an offer: no program, judged by east-west-2021.
    ("pl-08", "lw-09", "wx-build", None, "transfer", "2021-06-01", "2021-12-31", "left"),
    ("pl-09", "lw-10", "yc-zisha", None, "local", "2021-07-01", None, None),
    ("pl-10", "lw-11", "yc-zisha", None, "local", "2021-07-01", None, None),
    ("pl-11", "lw-12", "yc-zisha", None, "local", "2021-07-01", "2022-12-31", None),
    ("pl-12", "lw-01", "wx-catering", "jo-2022-catering", "transfer", "2022-02-10", None, None),
    # A worker with no priority flag while 马某某 and 韩某某 wait: labour.priority.
    ("pl-13", "lw-13", "wx-catering", "jo-2022-catering", "transfer", "2022-03-15", None, None),
    # Its follow-ups skip a summer: labour.follow_up, 2022-05-15 to 2022-10-20.
    ("pl-14", "lw-18", "wx-domestic", "jo-2022-domestic", "transfer", "2022-04-01", None, None),
    ("pl-15", "lw-16", "hz-panxiu", None, "local", "2022-06-01", None, None),
    ("pl-16", "lw-17", "hz-panxiu", None, "local", "2022-06-01", None, None),
    ("pl-17", "lw-19", "ych-hrss", None, "public_welfare", "2022-07-01", None, None),
    ("pl-18", "lw-09", "wx-build", "jo-2023-build", "transfer", "2023-03-15", None, None),
    ("pl-19", "lw-20", "wx-build", "jo-2023-build", "transfer", "2023-04-01", None, None),
]

# Follow-ups of the placements in Wuxi come every FOLLOW_UP_DAYS days, well
# inside the rule's 90; pl-14's skip the summer of 2022.
FOLLOW_UP_DAYS = 80
SKIPPED = {"pl-14": (datetime.date(2022, 5, 15), datetime.date(2022, 10, 20))}

EVENTS = [
    {"id": "ev-2021-fair-haidong", "program": PROGRAM, "kind": "job_fair", "date": "2021-03-05",
     "region": "haidong", "participants": 1200},
    {"id": "ev-2022-fair-yanan", "program": PROGRAM, "kind": "job_fair", "date": "2022-02-18",
     "region": "yanan", "participants": 800},
    {"id": "ev-2022-zisha-class", "program": PROGRAM, "kind": "training_class", "date": "2022-03-01",
     "region": "yanchang", "trainees": 45, "area": "labour"},
    {"id": "ev-2023-fair-haidong", "program": PROGRAM, "kind": "job_fair", "date": "2023-02-20",
     "region": "haidong", "participants": 1500},
    {"id": "ev-2023-lamian-class", "program": PROGRAM, "kind": "training_class", "date": "2023-05-10",
     "region": "hualong", "trainees": 60, "area": "labour"},
]

TRAININGS = [
    {"program": PROGRAM, "side": "west", "year": 2021, "topic": "家政、养老护理技能培训",
     "person_times": 320, "area": "labour", "classes": 6},
    {"program": PROGRAM, "side": "west", "year": 2022, "topic": "餐饮、物流技能培训",
     "person_times": 410, "area": "labour", "classes": 8},
]


def day(text):
    return datetime.date.fromisoformat(text)


def record(fields):
    """One record on one line, as the library writes it."""
    return json.dumps(fields, ensure_ascii=False, separators=(", ", ": "))


def offer(id_, employer, job_type, positions, first, last, target):
    return {"id": id_, "employer": employer, "job_type": job_type, "positions": positions,
            "open": {"first": first, "last": last}, "target": target,
            "monthly_wage": f"{MONTHLY_WAGE[job_type]}.00", "program": PROGRAM}


def worker(id_, name, county, flags, wants, registered):
    w = {"id": id_, "name": name, "county": county}
    if flags:
        w["flags"] = flags
    w["wants"] = wants
    w["registered"] = registered
    return w


def placement(id_, worker_id, employer, offer_id, kind, start, end):
    p = {"id": id_, "worker": worker_id, "employer": employer}
    if offer_id:
        p["offer"] = offer_id
    p["kind"] = kind
    if kind == "transfer":
        p["organized"] = offer_id is not None
    p["start"] = start
    if end:
        p["end"] = end
    return p


def follow_ups(id_, start, end, last_status):
    """Contacts every FOLLOW_UP_DAYS days from the start to the end or the
    as-of day, and one on the end day saying how it ended."""
    last = min(day(end), AS_OF) if end else AS_OF
    skip = SKIPPED.get(id_)
    out = []
    contact = day(start)
    while True:
        contact += datetime.timedelta(days=FOLLOW_UP_DAYS)
        if skip and skip[0] < contact < skip[1]:
            out.append((skip[0], "employed"))
            contact = skip[1]
        if contact >= last:
            break
        out.append((contact, "employed"))
    if end and day(end) <= AS_OF:
        out.append((day(end), last_status))
    return [{"placement": id_, "date": d.isoformat(), "status": s} for d, s in out]


def main():
    with open(os.path.join(HERE, "wuxi-2021.json"), encoding="utf-8") as f:
        base = json.load(f)
    provenance = dict(base["_provenance"])
    provenance["from_documents"] = provenance["from_documents"] + [
        "job types: domestic service, logistics and delivery, elderly care, catering, construction and "
        "machine repair, the types the plan names for Wuxi's job supply list (seed 000, chapter 3)",
        "organizations: yc-zisha, the 紫砂 rural-revitalization factory of 延长县 (seed 000, column 4)",
        "organizations: hz-panxiu, a 盘绣 community factory of the kind column 4 names for Haidong",
    ]
    provenance["invented"] = provenance["invented"] + [
        "organizations: every employer, the two workshops' names and ych-hrss",
        "job offers, workers (names such as 马某 stand for real names), placements, follow-ups, events and "
        "labour trainings: every one, built to break each labour rule once (doc/labour.md)",
    ]
    provenance["note"] = ("labour cooperation of wuxi-2021 over 2021-2023; generated by "
                          "examples/data/generate-labour.py, which rewrites this file; doc/labour.md lists "
                          "the findings it gives as of 2023-12-31")

    fups = []
    for id_, _w, _e, _o, kind, start, end, last_status in PLACEMENTS:
        if kind == "transfer":
            fups += follow_ups(id_, start, end, last_status)
    fups.sort(key=lambda f: (f["date"], f["placement"]))

    members = [
        ("regions", base["regions"]),
        ("organizations", base["organizations"] + ORGANIZATIONS),
        ("programs", base["programs"]),
        ("pairings", base["pairings"]),
        ("trainings", TRAININGS),
        ("job_offers", [offer(*o) for o in OFFERS]),
        ("workers", [worker(*w) for w in WORKERS]),
        ("placements", [placement(*p[:7]) for p in PLACEMENTS]),
        ("follow_ups", fups),
        ("events", EVENTS),
    ]
    out = '{\n  "format": "libcollab-dataset",\n  "version": 1'
    for name, records in members:
        out += f',\n  "{name}": [\n' + ",\n".join("    " + record(r) for r in records) + "\n  ]"
    out += ',\n  "_provenance": ' + record(provenance) + "\n}\n"
    with open(os.path.join(HERE, "wuxi-labour-2021-2023.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(out)


if __name__ == "__main__":
    main()
