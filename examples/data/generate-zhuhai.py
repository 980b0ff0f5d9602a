#!/usr/bin/python3
# generate-zhuhai.py: Zhuhai–Zunyi's annual agreements and what met them
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   examples/data/generate-zhuhai.py [COLLAB]   # rewrites zhuhai-zunyi-2021.json
#
# Seed 003 (珠委农组〔2021〕12号) sets no fund base: Zhuhai's money and people
# may not fall below the two cities' annual East–West cooperation
# agreement (确保每年财政援助资金投入水平及帮扶力量不低于两市年度东西部协作协议数,
# item 15), and the two cities hold a joint meeting and visit each other
# every year (item 14). This script keeps the regions, the program and the
# eight pairings of zhuhai-zunyi-2021.json, judges the program by the rule
# set zhuhai-2021 (SPEC §6), and adds invented agreements for 2021-2023,
# the allocations to Zunyi's designated account, the professionals and
# cadres Zhuhai sent, and the yearly meetings and visits.
#
# The 2022 agreement is missed on purpose, as a check as of 2024-06-30
# shows (doc/agreements.md lists the findings): 5 million yuan too little
# allocated (fund.agreement) and 4 professionals too few sent
# (talent.agreement). Everything else meets its agreement exactly or more.
#
# Standard library only, no randomness: the same script gives the same bytes.

import datetime
import json
import os
import sys

import canonical

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = "zhuhai-zunyi-2021"
GENERATED = ["organizations", "accounts", "transactions", "people", "dispatches", "events", "agreements"]

# year: (agreed funds in 万, professionals, cadres, allocated 万, professionals sent)
AGREEMENTS = {
    2021: (32000, 120, 16, 32000, 124),
    2022: (34000, 130, 16, 33500, 126),
    2023: (35000, 140, 16, 35200, 140),
}
PAIRS = [("hengqin", "zhengan"), ("hengqin", "tongzi"), ("xiangzhou", "fenggang"), ("xiangzhou", "wuchuan"),
         ("jinwan", "chishui"), ("jinwan", "xishui"), ("doumen", "meitan"), ("zhuhai-gaoxin", "daozhen")]


def yuan(wan):
    return f"{wan * 10000}.00"


def money():
    organizations = [
        {"id": "zh-finance", "name": "珠海市财政局", "kind": "agency", "region": "zhuhai"},
        {"id": "zy-finance", "name": "遵义市财政局", "kind": "agency", "region": "zunyi"},
        {"id": "zh-xzb", "name": "珠海市乡村振兴局", "kind": "agency", "region": "zhuhai"},
        {"id": "zy-xzb", "name": "遵义市乡村振兴局", "kind": "agency", "region": "zunyi"},
    ]
    accounts = [{"id": "acc-zhuhai", "holder": "zh-finance", "source": True},
                {"id": "acc-zunyi", "holder": "zy-finance", "designation": "遵义市东西部协作资金专户"}]
    transactions = []
    for year, (_, _, _, allocated, _) in AGREEMENTS.items():
        notice = f"《关于下达{year}年珠海市东西部协作财政援助资金的通知》"
        transactions.append({"id": f"t-{year}-alloc", "type": "allocation", "to": "acc-zunyi",
                             "amount": yuan(allocated), "date": f"{year}-03-20", "budget_year": year,
                             "program": PROGRAM, "document": notice})
    return organizations, accounts, transactions


def people():
    persons, dispatches = [], []
    professions = ["teacher", "doctor", "agriculture", "other"]
    for year, (_, _, _, _, sent) in AGREEMENTS.items():
        for i in range(sent):
            pid = f"zp-{year}-{i + 1:03d}"
            east, west = PAIRS[i % len(PAIRS)]
            start = datetime.date(year, 3 + i % 6, 1 + i % 28)
            persons.append({"id": pid, "profession": professions[i % len(professions)]})
            dispatches.append({"id": f"d-{pid}", "person": pid, "kind": "professional", "direction": "outbound",
                               "from": east, "to": west, "start": start.isoformat(),
                               "planned_end": start.replace(year=year + 1).isoformat()})
    # Two teams of cadres: July 2021 to July 2023, and from July 2023;
    # each year has at least the 16 agreed in post.
    for team, (start, end) in enumerate((("2021-07-01", "2023-06-30"), ("2023-07-01", "2025-06-30"))):
        for i in range(16):
            pid = f"zc-{team + 1}-{i + 1:02d}"
            east, west = PAIRS[i % len(PAIRS)]
            persons.append({"id": pid, "profession": "other"})
            dispatches.append({"id": f"d-{pid}", "person": pid, "kind": "cadre", "direction": "outbound",
                               "from": "zhuhai" if i < 8 else east, "to": "zunyi" if i < 8 else west,
                               "post": "working_group" if i < 8 else "liaison",
                               "start": start, "planned_end": end})
    return persons, dispatches


def events():
    records = []
    for year in list(AGREEMENTS) + [2024]:
        host = "zunyi" if year % 2 else "zhuhai"
        records.append({"id": f"ev-{year}-visit", "program": PROGRAM, "kind": "visit", "date": f"{year}-05-10",
                        "region": host, "participants": 30})
        records.append({"id": f"ev-{year}-joint", "program": PROGRAM, "kind": "joint_meeting",
                        "date": f"{year}-05-11", "region": host, "participants": 80})
    return records


def main(collab):
    path = os.path.join(HERE, "zhuhai-zunyi-2021.json")
    with open(path, encoding="utf-8") as f:
        document = {k: v for k, v in json.load(f).items() if k not in GENERATED}
    document["programs"][0]["ruleset"] = "zhuhai-2021"
    document["organizations"], document["accounts"], document["transactions"] = money()
    document["people"], document["dispatches"] = people()
    document["events"] = events()
    document["agreements"] = [
        {"id": f"ag-{year}", "program": PROGRAM, "year": year, "city": "zunyi", "funds": yuan(funds),
         "professionals": professionals, "cadres": cadres,
         "document": f"《珠海市 遵义市{year}年东西部协作协议》"}
        for year, (funds, professionals, cadres, _, _) in AGREEMENTS.items()]
    provenance = document["_provenance"]
    provenance["from_documents"] += [
        "programs: ruleset zhuhai-2021, the library's rule set for seed 003 (SPEC section 6)",
        "agreements: funds and people no lower than the two cities' annual agreement (item 15); "
        "events: a yearly joint meeting and mutual visits (item 14)"]
    provenance["invented"] = [line.replace("; ruleset east-west-2021 is the library's rule set (SPEC section 6)", "")
                              for line in provenance["invented"]]
    provenance["invented"] += [
        "agreements 2021-2023 (funds 32000万, 34000万, 35000万; 120, 130, 140 professionals; 16 cadres), "
        "the allocations to Zunyi's designated account (32000万, 33500万, 35200万), the finance agencies and "
        "accounts, 390 professionals and two teams of 16 cadres with their dates, and the meetings and visits "
        "of 2021-2024; on purpose, 2022 falls short of its agreement by 500万 and by 4 professionals",
        "generated by examples/data/generate-zhuhai.py"]
    provenance["omitted"] = [line for line in provenance.get("omitted", []) if "fund_base" not in line]
    provenance["omitted"].append(
        "programs: no fund_base: the seed's floor is the annual agreement, which the agreements record")
    # What a run adds stays where the first run put it: the same bytes when run again.
    for key in ("from_documents", "invented", "omitted"):
        provenance[key] = list(dict.fromkeys(provenance[key]))
    canonical.write(document, path, collab)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "collab")
