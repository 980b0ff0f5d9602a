#!/usr/bin/python3
# generate-counterpart.py: the Yan'an–Wuxi counterpart plan, 2022-2026
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   examples/data/generate-counterpart.py [COLLAB]   # rewrites yanan-wuxi-2022-2026.json
#
# Seed 001, 《延安市与无锡市对口合作实施方案（2022—2026年）》 (陕政发〔2023〕3号):
# the 16 tasks in 5 areas with the responsible units of both cities
# (FACTS.md lists them), the three co-built parks, a park-development
# meeting a year, about two key initiatives a year each with its
# implementation plan, the leaders' visits and the joint meeting, and the
# yearly summary of every task. The records of 2022-2025 are invented in
# the plan's manner, and break three rules once each on purpose, as a
# check as of 2026-06-30 shows (doc/program-tasks.md lists the findings):
#
#   task.report       task 14 has no summary for 2024;
#   initiative.count  2024 has four key initiatives (the plan asks for
#                     about two, the rule for at most three);
#   event.annual      no park-development meeting was held in 2023.
#
# Standard library only, no randomness: the same script gives the same bytes.

import json
import os
import sys

import canonical

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = "yanan-wuxi-2022"
YEARS = range(2022, 2026)  # the past years of a check as of 2026-06-30

REGIONS = ["jiangsu", "wuxi", "jiangyin", "yixing", "xinwu", "shaanxi", "yanan", "yanchang", "yanchuan", "yichuan"]
PAIRS = [("jiangyin", "yanchuan"), ("yixing", "yanchang"), ("xinwu", "yichuan")]
PARKS = [("park-jy-yc", "江阴—延川工业园区", "yanchuan", "jiangyin"),
         ("park-yx-ych", "宜兴—延长黑木耳产业园区", "yanchang", "yixing"),
         ("park-xw-yc", "新吴—宜川苏陕协作现代农业产业园", "yichuan", "xinwu")]

# The responsible units as the plan prints them (两市 = one in each city).
UNITS = {
    "zzb": "市委组织部", "xcb": "市委宣传部", "dx": "市委党校", "wglv": "市文广旅游局",
    "jy": "市教育局", "nync": "市农业农村局", "xczx": "市乡村振兴局", "wxb": "市委网信办",
    "zjj": "市住房城乡建设局", "jt": "市交通运输局", "sw": "市商务局", "fgw": "市发展改革委",
    "sl": "市水利局", "ny": "市能源局", "wjw": "市卫生健康委", "rs": "市人力资源社会保障局",
    "sthj": "市生态环境局", "zrzy": "市自然资源规划局", "gxj": "市工业和信息化局", "dsj": "市大数据局",
    "zs": "市招商局", "xq": "市新区管委会",
}
COUNTY_GOVERNMENTS = {"jiangyin": "江阴市人民政府", "yixing": "宜兴市人民政府", "xinwu": "无锡市新吴区人民政府",
                      "yanchuan": "延川县人民政府", "yanchang": "延长县人民政府", "yichuan": "宜川县人民政府"}

# number, area, title, units of both cities (and units of one city only).
TASKS = [
    (1, "red_culture", "积极开展红色教育培训", ["zzb", "xcb", "dx", "wglv"], ["ya-gbpx"]),
    (2, "red_culture", "大力传承弘扬延安精神、南泥湾精神、张思德精神", ["xcb", "wglv", "jy"], []),
    (3, "red_culture", "全力推进文旅融合", ["wglv"], []),
    (4, "rural_urban", "巩固拓展脱贫攻坚成果", [], list(COUNTY_GOVERNMENTS)),
    (5, "rural_urban", "全面推进乡村振兴", ["nync", "xczx", "wxb"], []),
    (6, "rural_urban", "助力新型城镇化建设", ["zjj", "jt", "sw", "fgw"], []),
    (7, "public_services", "加强基础设施领域交流合作", ["zjj", "jt", "sl", "ny"], []),
    (8, "public_services", "深化教育领域交流合作", ["jy"], []),
    (9, "public_services", "深化医疗卫生合作", ["wjw"], []),
    (10, "public_services", "支持开展劳务合作", ["rs"], []),
    (11, "ecology", "加强生态环境保护与治理", ["sthj", "zrzy"], []),
    (12, "ecology", "推动绿色低碳发展", ["sthj", "zrzy", "gxj", "fgw"], []),
    (13, "industry", "加强特色产业合作", ["nync", "sw"], []),
    (14, "industry", "推动适宜产业合作", ["gxj", "dsj", "zs", "xq"], []),
    (15, "industry", "支持共建产业园区", ["zs", "sw", "gxj", "nync"], []),
    (16, "industry", "提升合作开放水平", ["sw", "fgw"], []),
]

# Key initiatives (年度推进重点专项): title, tasks served.
INITIATIVES = {
    2022: [("红色教育培训基地共建专项", [1, 2]), ("延川红枣、延长黑木耳进无锡专项", [13])],
    2023: [("共建产业园区招商引资专项", [15, 14]), ("苏陕劳务协作稳岗专项", [10])],
    2024: [("文旅融合精品线路专项", [3]), ("乡村振兴示范村共建专项", [4, 5]),
           ("教育医疗组团式帮扶专项", [8, 9]), ("绿色低碳产业合作专项", [12])],
    2025: [("黑木耳产业园提质增效专项", [15, 13]), ("数字经济合作专项", [14])],
}


def task_id(number):
    return f"task-{number:02d}"


def organizations():
    orgs = []
    for key, name in UNITS.items():
        for prefix, city, city_name in (("ya", "yanan", "延安"), ("wx", "wuxi", "无锡")):
            orgs.append({"id": f"{prefix}-{key}", "name": city_name + name, "kind": "agency", "region": city})
    orgs.append({"id": "ya-gbpx", "name": "延安干部培训学院", "kind": "other", "region": "yanan"})
    for region, name in COUNTY_GOVERNMENTS.items():
        orgs.append({"id": f"gov-{region}", "name": name, "kind": "agency", "region": region})
    for park_id, name, region, _ in PARKS:
        orgs.append({"id": park_id, "name": name, "kind": "park", "region": region})
    return orgs


def tasks():
    records = []
    for number, area, title, both, one in TASKS:
        responsible = [f"{p}-{key}" for key in both for p in ("ya", "wx")]
        responsible += [f"gov-{r}" if r in COUNTY_GOVERNMENTS else r for r in one]
        records.append({"id": task_id(number), "program": PROGRAM, "number": number, "area": area,
                        "title": title, "responsible": responsible})
    return records


def task_reports():
    """Every task's yearly summary; task 14 missed 2024's."""
    reports = []
    for number, *_ in TASKS:
        for year in YEARS:
            if (number, year) == (14, 2024):
                continue
            # Tasks start in the first two years and the first areas'
            # finish from 2024: an invented but plausible progression.
            if year == 2022 and number % 3 == 0:
                status, note = "not_started", "2023年启动"
            elif year >= 2024 and number <= 4 + (year - 2024) * 6:
                status, note = "done", None
            else:
                status, note = "in_progress", None
            report = {"task": task_id(number), "year": year, "status": status}
            if note:
                report["note"] = note
            reports.append(report)
    return reports


def initiatives():
    records = []
    for year, items in INITIATIVES.items():
        for i, (title, served) in enumerate(items):
            records.append({"id": f"ini-{year}-{i + 1}", "program": PROGRAM, "year": year, "title": title,
                            "document": f"《{title}实施方案（{year}年）》", "tasks": [task_id(n) for n in served]})
    return records


def events():
    records = []
    for year in YEARS:
        host = "yanan" if year % 2 == 0 else "wuxi"
        guest = "wuxi" if host == "yanan" else "yanan"
        records.append({"id": f"ev-{year}-joint", "program": PROGRAM, "kind": "joint_meeting",
                        "date": f"{year}-04-18", "region": host, "participants": 60})
        records.append({"id": f"ev-{year}-visit", "program": PROGRAM, "kind": "visit", "date": f"{year}-04-17",
                        "region": host, "participants": 25})
        records.append({"id": f"ev-{year}-visit-back", "program": PROGRAM, "kind": "visit",
                        "date": f"{year}-10-12", "region": guest, "participants": 20})
        if year != 2023:
            park = PARKS[year % len(PARKS)]
            records.append({"id": f"ev-{year}-park", "program": PROGRAM, "kind": "park_meeting",
                            "date": f"{year}-09-20", "region": park[2], "participants": 80,
                            "tasks": [task_id(15)]})
        records.append({"id": f"ev-{year}-expo", "program": PROGRAM, "kind": "expo", "date": f"{year}-11-08",
                        "region": "wuxi", "tasks": [task_id(13)]})
        records.append({"id": f"ev-{year}-red", "program": PROGRAM, "kind": "training_class",
                        "date": f"{year}-06-15", "region": "yanan", "trainees": 120, "area": "cadre_talent",
                        "tasks": [task_id(1)]})
    # The first half of 2026: not a past year, not judged.
    records.append({"id": "ev-2026-joint", "program": PROGRAM, "kind": "joint_meeting", "date": "2026-04-16",
                    "region": "yanan", "participants": 60})
    return records


def main(collab):
    with open(os.path.join(HERE, "wuxi-2021.json"), encoding="utf-8") as f:
        base = json.load(f)
    regions = [r for r in base["regions"] if r["id"] in REGIONS]
    pairings = [{"id": "cp-wuxi-yanan", "program": PROGRAM, "assisting": "wuxi", "assisted": "yanan", "level": "city"}]
    pairings += [{"id": f"cp-{east}-{west}", "program": PROGRAM, "assisting": east, "assisted": west,
                  "level": "county"} for east, west in PAIRS]
    pairings += [{"id": f"cp-{park_id}", "program": PROGRAM, "assisting": east, "assisted": park_id,
                  "level": "park"} for park_id, _, _, east in PARKS]
    document = {
        "format": "libcollab-dataset", "version": 1,
        "regions": regions,
        "organizations": organizations(),
        "programs": [{"id": PROGRAM, "name": "延安市与无锡市对口合作实施方案（2022—2026年）", "kind": "counterpart",
                      "first_year": 2022, "last_year": 2026, "assisting": "wuxi", "assisted": ["yanan"],
                      "ruleset": "counterpart-2022"}],
        "pairings": pairings,
        "events": events(),
        "tasks": tasks(),
        "task_reports": task_reports(),
        "initiatives": initiatives(),
        "_provenance": PROVENANCE,
    }
    canonical.write(document, os.path.join(HERE, "yanan-wuxi-2022-2026.json"), collab)


PROVENANCE = {
    "source": "seed 001: 陕西省人民政府《延安市与无锡市对口合作实施方案（2022—2026年）》(陕政发〔2023〕3号, "
              "2023-01-11), as summarised in shared/domain/FACTS.md",
    "from_documents": [
        "program: the plan's name, kind counterpart (对口合作), period 2022-2026, Wuxi and Yan'an",
        "tasks: the 16 tasks, their numbers, areas, titles and responsible units (两市 = the unit of each city; "
        "task 4's 两市结对县（市、区） = the governments of the three paired counties of each side; task 1's "
        "延安干部培训学院 is Yan'an's only)",
        "organizations: the three co-built parks 江阴—延川工业园区, 宜兴—延长黑木耳产业园区, "
        "新吴—宜川苏陕协作现代农业产业园",
        "events: one park-development exchange meeting a year (task 15), regular visits and a joint meeting",
        "initiatives: about two key initiatives a year, each with an implementation plan",
        "task_reports: a yearly summary and evaluation of the tasks (总结评估)",
    ],
    "invented": [
        "every id; the units' names are the plan's short names prefixed with the city (延安市委组织部 …)",
        "regions: those of wuxi-2021.json; pairings: the county pairings of the Wuxi 2021-2025 plan and a park "
        "pairing of each park with the district that co-builds it",
        "events: their dates, places and participants; initiatives: their titles, the tasks they serve and "
        "their documents' names; task_reports: every status and note",
        "on purpose (doc/program-tasks.md): no summary of task 14 for 2024, four key initiatives in 2024, no "
        "park-development meeting in 2023",
    ],
    "note": "generated by examples/data/generate-counterpart.py",
}

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "collab")
