#!/usr/bin/python3
# generate-funds.py: the two fund example datasets of examples/data/
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   examples/data/generate-funds.py            # rewrites both files beside it
#
# wuxi-funds-2021.json   wuxi-2021.json (regions, organizations, the program,
#                        pairings) plus the 2021 money: 1920万 for Yan'an and
#                        27000万 for Haidong, allocated by the two notices the
#                        plan cites, paid by 江苏省财政厅 to the designated
#                        accounts of Shaanxi and Qinghai, passed on to Yan'an
#                        and Haidong, to every paired county and into
#                        invented county projects, and partly spent.
# wuxi-funds-2016-2020.json
#                        the 13th Five-Year programs with Yan'an and Haidong,
#                        whose records give the plan's own summary of
#                        2016-2020: 1.47亿元 and 218 projects for Yan'an,
#                        7.82亿元 and 309 projects for Haidong. Every
#                        project, year split and date is invented; the totals
#                        add up exactly.
#
# The output is the canonical form the library writes (one record per
# line, known members in the schema's order, amounts as yuan with two
# decimals), so that load → save gives the same bytes; the tests check it.
# Standard library only, no randomness: the same script gives the same
# bytes.

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def fen(wan):
    """万 (an int or a str of a decimal) to fen."""
    whole, _, frac = str(wan).partition(".")
    return int(whole) * 1_000_000 + (int((frac + "000000")[:6]) if frac else 0)


def yuan(amount_fen):
    """The canonical amount: yuan with two decimals."""
    return f"{amount_fen // 100}.{amount_fen % 100:02d}"


def record(fields):
    """One record on one line, as the library writes it."""
    return json.dumps(fields, ensure_ascii=False, separators=(", ", ": "))


def write(path, members, provenance):
    lines = ['{', '  "format": "libcollab-dataset",', '  "version": 1']
    out = "\n".join(lines)
    for name, records in members:
        if not records:
            continue
        out += f',\n  "{name}": [\n'
        out += ",\n".join("    " + record(r) for r in records)
        out += "\n  ]"
    out += ',\n  "_provenance": ' + record(provenance) + "\n}\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)


def account(id_, holder, designation=None, source=False):
    a = {"id": id_, "holder": holder}
    if designation:
        a["designation"] = designation
    if source:
        a["source"] = True
    return a


def transaction(id_, type_, amount_fen, date, *, from_=None, to=None, budget_year=None,
                program=None, parent=None, document=None, use=None, payee=None):
    # Members in the schema's order.
    t = {"id": id_, "type": type_}
    if from_:
        t["from"] = from_
    if to:
        t["to"] = to
    t["amount"] = yuan(amount_fen)
    t["date"] = date
    if budget_year:
        t["budget_year"] = budget_year
    if program:
        t["program"] = program
    if parent:
        t["parent"] = parent
    if document:
        t["document"] = document
    if use:
        t["use"] = use
    if payee:
        t["payee"] = payee
    return t


def project(id_, name, county, category, subcategory, budget_fen, program, status):
    return {"id": id_, "name": name, "county": county, "category": category,
            "subcategory": subcategory, "budget": yuan(budget_fen), "in_reserve": True,
            "program": program,
            "status": [{"status": s, "date": d} for s, d in status]}


def split(total, parts):
    """@total fen in @parts whole-万 pieces (the last takes the rest)."""
    unit = 1_000_000
    base = total // parts // unit * unit
    pieces = [base] * (parts - 1)
    pieces.append(total - base * (parts - 1))
    return pieces


YANAN_COUNTIES = [("yanchang", "延长县"), ("yanchuan", "延川县"), ("yichuan", "宜川县")]
HAIDONG_COUNTIES = [("ledu", "乐都区"), ("pingan", "平安区"), ("minhe", "民和县"),
                    ("huzhu", "互助县"), ("hualong", "化隆县"), ("xunhua", "循化县")]

# Project ideas by category, with their subcategory (FACTS.md, "Funds").
IDEAS = [
    ("industry", "speciality_farming", "特色种养殖基地"),
    ("industry", "farm_product_processing", "农产品精深加工项目"),
    ("labour", "community_factories", "就业帮扶车间"),
    ("consumption", "cold_chain", "农产品冷链物流设施"),
    ("industry", "culture_and_tourism", "乡村旅游提升项目"),
    ("labour", "employment_training", "劳动力技能培训"),
    ("consumption", "village_ecommerce", "农村电商服务站"),
    ("rural_revitalization", "drinking_water", "农村饮水安全巩固提升工程"),
    ("rural_revitalization", "village_roads", "村组道路硬化工程"),
    ("talent", "training", "干部人才培训"),
    ("rural_revitalization", "village_service_centres", "村级综合服务中心"),
    ("industry", "new_business_entities", "新型经营主体培育项目"),
]

USES_BY_CATEGORY = {
    "industry": ["seedlings", "construction", "equipment"],
    "labour": ["workshop_construction", "training"],
    "consumption": ["cold_chain", "e_commerce"],
    "talent": ["training"],
    "rural_revitalization": ["construction", "materials"],
}

PAYEES = ["延安市宝塔区建筑工程有限公司", "陕西秦川苗木有限公司", "海东市高原农业发展有限公司",
          "青海河湟建设工程有限公司", "西安丝路冷链设备有限公司", "海东市职业技术学校"]


# wuxi-funds-2021.json ------------------------------------------------------

def funds_2021():
    with open(os.path.join(HERE, "wuxi-2021.json"), encoding="utf-8") as f:
        base = json.load(f)

    accounts = [
        account("acc-js", "js-finance", source=True),
        account("acc-shaanxi", "sn-finance", "陕西省指定财政账户（东西部协作资金）"),
        account("acc-qinghai", "qh-finance", "青海省指定财政账户（东西部协作资金）"),
        account("acc-yanan", "yanan-finance", "延安市指定财政账户（东西部协作资金）"),
        account("acc-haidong", "haidong-finance", "海东市指定财政账户（东西部协作资金）"),
    ]
    for cid, cname in YANAN_COUNTIES + HAIDONG_COUNTIES:
        accounts.append(account(f"acc-{cid}", cid, f"{cname}东西部协作资金账户"))

    program = "wuxi-2021"
    tx = []
    projects = []
    n = 0

    def tid():
        nonlocal n
        n += 1
        return f"t{n:03d}"

    plans = [
        # city, province account, city account, 万, notice, notice date, counties,
        # projects per county (万 each)
        ("yanan", "acc-shaanxi", "acc-yanan", 1920,
         "《关于下达2021年苏陕协作项目资金计划的通知》", "2021-03-26", YANAN_COUNTIES, [400, 240]),
        ("haidong", "acc-qinghai", "acc-haidong", 27000,
         "《关于下达2021年东西部协作资金（第一批）的通知》", "2021-03-12", HAIDONG_COUNTIES, [2000, 1500, 1000]),
    ]
    k = 0
    for city, province_acc, city_acc, wan, notice, notice_date, counties, per_project in plans:
        tx.append(transaction(tid(), "allocation", fen(wan), notice_date, to=city_acc, budget_year=2021,
                              program=program, document=notice))
        top = tid()
        tx.append(transaction(top, "transfer", fen(wan), "2021-04-20", from_="acc-js", to=province_acc,
                              budget_year=2021, program=program, document=notice))
        mid = tid()
        tx.append(transaction(mid, "transfer", fen(wan), "2021-05-08", from_=province_acc, to=city_acc,
                              parent=top))
        county_part = fen(wan) // len(counties)
        assert county_part * len(counties) == fen(wan) and county_part == sum(fen(p) for p in per_project)
        for c, (cid, cname) in enumerate(counties):
            down = tid()
            tx.append(transaction(down, "transfer", county_part, "2021-05-25", from_=city_acc,
                                  to=f"acc-{cid}", parent=mid))
            for j, wan_p in enumerate(per_project):
                category, sub, word = IDEAS[k % len(IDEAS)]
                pid = f"prj-2021-{cid}-{j + 1}"
                filed = f"2021-06-{10 + j:02d}"
                paid = f"2021-07-{1 + 3 * j + c:02d}"
                projects.append(project(pid, f"{cname}{word}", cid, category, sub, fen(wan_p), program,
                                        [("reserve", "2020-11-20"), ("filed", filed),
                                         ("implementing", paid)]))
                into = tid()
                tx.append(transaction(into, "transfer", fen(wan_p), paid, from_=f"acc-{cid}", to=pid,
                                      parent=down))
                # Spent in part by the end of 2021: 60 % in two payments.
                first = fen(wan_p) * 35 // 100
                second = fen(wan_p) * 25 // 100
                uses = USES_BY_CATEGORY[category]
                tx.append(transaction(tid(), "expenditure", first, f"2021-09-{1 + c + j:02d}", from_=pid,
                                      parent=into, use=uses[0], payee=PAYEES[k % len(PAYEES)]))
                tx.append(transaction(tid(), "expenditure", second, f"2021-11-{1 + c + j:02d}", from_=pid,
                                      parent=into, use=uses[-1], payee=PAYEES[(k + 1) % len(PAYEES)]))
                k += 1

    provenance = dict(base["_provenance"])
    provenance["from_documents"] = list(provenance["from_documents"]) + [
        "accounts: 江苏省财政厅 pays the funds in full to the designated fiscal accounts (指定财政账户) of "
        "Shaanxi and Qinghai, which pass them on to the designated fiscal accounts of Yan'an and Haidong "
        "(seed 000, chapter 4, 资金拨付)",
        "transactions: the 2021 allocations of 1920万 to Yan'an (陕西省发展和改革委员会《关于下达2021年苏陕协作项目"
        "资金计划的通知》) and 27000万 to Haidong (青海省财政厅《关于下达2021年东西部协作资金（第一批）的通知》) "
        "(seed 000, chapter 4)",
        "expenditure uses: none of the six prohibited uses of seed 000, chapter 4",
    ]
    provenance["invented"] = list(provenance["invented"]) + [
        "accounts: the designations and the county accounts (held by the county regions)",
        "transactions: every date, the equal split of each city's money over its paired counties, the "
        "transfers to projects and the expenditures (60 % of each project's money spent in 2021), their "
        "uses and payees",
        "projects: all of them (names, categories, subcategories, budgets, status histories); they stand "
        "for the county projects the seeds describe but do not list",
    ]
    provenance["note"] = (provenance["note"] + "; generated by examples/data/generate-funds.py, which "
                          "rewrites this file")

    members = [("regions", base["regions"]), ("organizations", base["organizations"]),
               ("programs", base["programs"]), ("pairings", base["pairings"]),
               ("accounts", accounts), ("transactions", tx), ("projects", projects)]
    write(os.path.join(HERE, "wuxi-funds-2021.json"), members, provenance)


# wuxi-funds-2016-2020.json -------------------------------------------------

def funds_2016():
    with open(os.path.join(HERE, "wuxi-2021.json"), encoding="utf-8") as f:
        base = json.load(f)

    cities = [
        # program, city, name, province account, city account, 万 per year, projects per year,
        # counties, pairings (assisting, county)
        ("wuxi-yanan-2016", "yanan", "延安市", "acc-shaanxi", "acc-yanan",
         [1500, 2000, 3200, 3800, 4200], [30, 36, 44, 50, 58], YANAN_COUNTIES,
         "《关于下达{y}年苏陕扶贫协作资金的通知》"),
        ("wuxi-haidong-2016", "haidong", "海东市", "acc-qinghai", "acc-haidong",
         [8000, 12000, 16000, 20000, 22200], [40, 52, 62, 72, 83], HAIDONG_COUNTIES,
         "《关于下达{y}年东西部扶贫协作资金的通知》"),
    ]
    assert sum(cities[0][5]) == 14700 and sum(cities[0][6]) == 218
    assert sum(cities[1][5]) == 78200 and sum(cities[1][6]) == 309

    programs = []
    pairings = []
    for prog, city, cname, _, _, _, _, counties, _ in cities:
        programs.append({"id": prog, "name": f"无锡市对口帮扶{cname}东西部扶贫协作（2016—2020年）",
                         "kind": "east_west", "first_year": 2016, "last_year": 2020, "assisting": "wuxi",
                         "assisted": [city], "ruleset": "poverty-2016"})
        for p in base["pairings"]:
            if p["assisted"] == city or p["assisted"] in [c for c, _ in counties]:
                pairings.append({"id": p["id"] + "-2016", "program": prog, "assisting": p["assisting"],
                                 "assisted": p["assisted"], "level": p["level"]})

    accounts = [
        account("acc-js", "js-finance", source=True),
        account("acc-shaanxi", "sn-finance", "陕西省指定财政账户（东西部扶贫协作资金）"),
        account("acc-qinghai", "qh-finance", "青海省指定财政账户（东西部扶贫协作资金）"),
        account("acc-yanan", "yanan-finance", "延安市指定财政账户（东西部扶贫协作资金）"),
        account("acc-haidong", "haidong-finance", "海东市指定财政账户（东西部扶贫协作资金）"),
    ]
    for cid, cname in YANAN_COUNTIES + HAIDONG_COUNTIES:
        accounts.append(account(f"acc-{cid}", cid, f"{cname}东西部扶贫协作资金账户"))

    tx = []
    projects = []
    n = 0

    def tid():
        nonlocal n
        n += 1
        return f"t{n:04d}"

    k = 0
    for prog, city, cname, province_acc, city_acc, wans, counts, counties, notice in cities:
        for i, year in enumerate(range(2016, 2021)):
            total = fen(wans[i])
            document = notice.format(y=year)
            tx.append(transaction(tid(), "allocation", total, f"{year}-03-15", to=city_acc, budget_year=year,
                                  program=prog, document=document))
            top = tid()
            tx.append(transaction(top, "transfer", total, f"{year}-04-10", from_="acc-js", to=province_acc,
                                  budget_year=year, program=prog, document=document))
            mid = tid()
            tx.append(transaction(mid, "transfer", total, f"{year}-04-25", from_=province_acc, to=city_acc,
                                  parent=top))

            # The year's projects, round robin over the counties.
            per_county = [[] for _ in counties]
            for p in range(counts[i]):
                per_county[p % len(counties)].append(p)
            county_money = split(total, len(counties))
            for c, (cid, county_name) in enumerate(counties):
                down = tid()
                tx.append(transaction(down, "transfer", county_money[c], f"{year}-05-10", from_=city_acc,
                                      to=f"acc-{cid}", parent=mid))
                amounts = split(county_money[c], len(per_county[c]))
                for j, amount in enumerate(amounts):
                    category, sub, word = IDEAS[k % len(IDEAS)]
                    pid = f"prj-{year}-{cid}-{j + 1:02d}"
                    paid = f"{year}-{6 + j % 3:02d}-{1 + (j * 7 + c) % 28:02d}"
                    filed = f"{year}-05-{15 + j % 10:02d}"
                    done = f"{year}-12-{10 + j % 15:02d}"
                    status = [("reserve", f"{year - 1}-11-{1 + j % 28:02d}"), ("filed", filed),
                              ("implementing", paid), ("completed", done)]
                    if year < 2020:
                        status.append(("evaluated", f"{year + 1}-03-{1 + j % 28:02d}"))
                    projects.append(project(pid, f"{county_name}{year}年{word}（{j + 1}）", cid, category, sub,
                                            amount, prog, status))
                    into = tid()
                    tx.append(transaction(into, "transfer", amount, paid, from_=f"acc-{cid}", to=pid,
                                          parent=down))
                    # Spent in full: a payment on account, then the balance.
                    uses = USES_BY_CATEGORY[category]
                    first = amount * 3 // 10
                    tx.append(transaction(tid(), "expenditure", first, f"{year}-09-{1 + j % 28:02d}", from_=pid,
                                          parent=into, use=uses[0], payee=PAYEES[k % len(PAYEES)]))
                    tx.append(transaction(tid(), "expenditure", amount - first, done, from_=pid,
                                          parent=into, use=uses[-1], payee=PAYEES[(k + 3) % len(PAYEES)]))
                    k += 1

    keep_regions = {"jiangsu", "wuxi", "shaanxi", "yanan", "qinghai", "haidong"} | \
        {c for c, _ in YANAN_COUNTIES + HAIDONG_COUNTIES} | {p["assisting"] for p in pairings}
    regions = [r for r in base["regions"] if r["id"] in keep_regions]
    organizations = [o for o in base["organizations"] if o["id"] != "wuxi-drc"]

    provenance = {
        "source": "seed 000_6cc5bcc06357b38f.txt: 无锡市“十四五”东西部协作规划 (2021-12), chapter 1 "
                  "(results of 2016-2020), as summarised in shared/domain/FACTS.md",
        "from_documents": [
            "programs: Wuxi's 13th Five-Year East-West poverty-alleviation cooperation with Yan'an and with "
            "Haidong, 2016-2020",
            "the totals: 累计安排对口延安财政帮扶资金1.47亿元，实施扶贫项目218个；对口海东财政帮扶资金7.82亿元，"
            "实施扶贫项目309个 (seed 000, chapter 1): allocations, transfers and expenditures add up to "
            "147000000.00 and 782000000.00 over 2016-2020, and 218 and 309 projects are funded",
            "regions and organizations: as in wuxi-2021.json",
            "accounts: the chain 江苏省财政厅 → the designated accounts of Shaanxi and Qinghai → Yan'an and "
            "Haidong (seed 000, chapter 4; assumed to have been the same in 2016-2020)",
        ],
        "invented": [
            "all record ids",
            "the split of each city's total over the five years (Yan'an 1500/2000/3200/3800/4200万, "
            "Haidong 8000/12000/16000/20000/22200万) and of the projects over the years (Yan'an "
            "30/36/44/50/58, Haidong 40/52/62/72/83)",
            "every project: name, county, category, subcategory, budget, status history; the money of a "
            "county in a year is split in whole 万 over its projects of that year",
            "every date, notice name, use and payee",
            "programs: the names; two programs, one per assisted city, as the seeds report the two "
            "cooperations separately (苏陕 and 苏青); ruleset poverty-2016 is the library's rule set for "
            "this period (SPEC section 6)",
        ],
        "assumptions": [
            "pairings: the county pairings of the 2021-2025 plan (annex 1) are assumed for 2016-2020; the "
            "seed says only that Wuxi's districts paired with all 3 poor counties of Yan'an and all 6 of "
            "Haidong",
        ],
        "note": "amounts are canonical yuan with two decimals; every project is funded once, in one year, "
                "and spends all it received; generated by examples/data/generate-funds.py",
    }

    members = [("regions", regions), ("organizations", organizations), ("programs", programs),
               ("pairings", pairings), ("accounts", accounts), ("transactions", tx), ("projects", projects)]
    write(os.path.join(HERE, "wuxi-funds-2016-2020.json"), members, provenance)


if __name__ == "__main__":
    funds_2021()
    funds_2016()
