#!/usr/bin/python3
# generate-results-2016.py: the results of 2016-2020 that are not money
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   examples/data/generate-results-2016.py [COLLAB]   # rewrites wuxi-2016-2020.json
#
# Seed 000, chapter 1 §2 sums up what Wuxi did with Yan'an and Haidong in
# 2016-2020: cadres and professionals sent and received, people trained,
# jobs offered and workers placed, workshops, job fairs, consumption,
# direct-sale shops, enterprises settled, donations, and the hand-in-hand
# pairings in force at the end of 2020 (FACTS.md lists every figure).
# This script invents records that add up to each figure exactly, so that
#
#     collab report examples/data/wuxi-2016-2020.json --years 2016-2020
#
# prints them. It adds them to the money of wuxi-funds-2016-2020.json
# (generate-funds.py) and has libcollab write wuxi-2016-2020.json in its
# canonical form (through the typelib: run it with GI_TYPELIB_PATH and
# LD_LIBRARY_PATH pointing at a build, and `collab` on PATH or given).
# tests/python/test_results_2016.py compares every figure with the seed.
#
# Standard library only, no randomness: the same script gives the same bytes.

import datetime
import json
import os
import sys

import canonical

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = range(2016, 2021)

# The figures of FACTS.md, per assisted city (None: the seed gives none).
FIGURES = {
    "yanan": {
        "cadres_sent": 16, "cadres_received": 89,
        "professionals_sent": 181, "professionals_received": 592,
        "trained": 5409,
        "labour_classes": 19, "labour_trainees": 1195,
        "jobs_offered": 20480,          # "more than 20000" (累计提供就业岗位2万余个)
        "transferred": 187,
        "workshop_workers": 230, "workshops": 1,
        "job_fairs": 0,
        "consumption": "2627.13", "beneficiaries": 3327, "shops": 11,
        "enterprises": 6, "investment": "79000",
        "cash": "1344", "in_kind": "1683",
        # level: (pairings, assisting units, assisted units)
        "pairings": {"township": (26, 26, 23), "village": (50, 50, 50),
                     "enterprise_village": (39, 39, 34), "social_org_village": (13, 13, 7),
                     "school": (36, 36, 36), "hospital": (11, 11, 11)},
    },
    "haidong": {
        "cadres_sent": 21, "cadres_received": 111,
        "professionals_sent": 361, "professionals_received": 234,
        "trained": 6228,
        "labour_classes": 88, "labour_trainees": 4831,
        "jobs_offered": 0,
        "transferred": 5974,
        "workshop_workers": 1133, "workshops": 21,
        "job_fairs": 27,
        "consumption": "7362.69", "beneficiaries": 5879, "shops": 5,
        "enterprises": 13, "investment": "52000",
        "cash": "1890", "in_kind": "1583",
        "pairings": {"township": (41, 33, 41), "village": (30, 30, 30),
                     "enterprise_village": (22, 22, 11), "social_org_village": (11, 11, 9),
                     "school": (47, 39, 47), "hospital": (12, 12, 8)},
    },
}

CITIES = {
    "yanan": ("延安市", "wuxi-yanan-2016",
              [("jiangyin", "yanchuan", "江阴市", "延川县"), ("yixing", "yanchang", "宜兴市", "延长县"),
               ("xinwu", "yichuan", "新吴区", "宜川县")]),
    "haidong": ("海东市", "wuxi-haidong-2016",
                [("huishan", "ledu", "惠山区", "乐都区"), ("huishan", "pingan", "惠山区", "平安区"),
                 ("binhu", "minhe", "滨湖区", "民和县"), ("xishan", "hualong", "锡山区", "化隆县"),
                 ("xinwu", "huzhu", "新吴区", "互助县"), ("liangxi", "xunhua", "梁溪区", "循化县")]),
}
WUXI_DISTRICTS = [("jiangyin", "江阴市"), ("yixing", "宜兴市"), ("xinwu", "新吴区"), ("huishan", "惠山区"),
                  ("binhu", "滨湖区"), ("xishan", "锡山区"), ("liangxi", "梁溪区")]
CHANNELS = ["canteen", "supermarket", "counter", "ecommerce", "fair", "union"]
PRODUCTS = {"yanan": ["洛川苹果", "延川红枣", "宜川核桃", "延长黑木耳", "小米"],
            "haidong": ["高原牦牛肉", "青稞酒", "互助八眉猪", "乐都紫皮大蒜", "循化线辣椒"]}


def fen(wan):
    """万 (a str of a decimal) to fen."""
    whole, _, frac = wan.partition(".")
    return int(whole) * 1_000_000 + (int((frac + "000000")[:6]) if frac else 0)


def yuan(amount_fen):
    return f"{amount_fen // 100}.{amount_fen % 100:02d}"


def spread(total, parts):
    """@total in @parts whole pieces, the first ones one larger."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def spread_fen(total, parts):
    """@total fen in @parts pieces of whole yuan, the last taking the cents."""
    pieces = [total // parts // 100 * 100] * (parts - 1)
    return pieces + [total - sum(pieces)]


def add_months(day, months):
    """The same day @months later (days are at most 28: see day_in())."""
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def day_in(year, i, n):
    """The @i-th of @n days spread over @year, always on the 1st to the
    28th of a month, so that a month later is a real day."""
    k = (i * 336) // max(n, 1)
    return datetime.date(year, 1 + k // 28, 1 + k % 28)


class Builder:
    def __init__(self):
        self.seen = set()
        self.members = {k: [] for k in (
            "regions", "organizations", "pairings", "people", "dispatches", "trainings",
            "job_offers", "workers", "placements", "follow_ups", "events",
            "purchases", "investments", "donations")}

    def add(self, kind, record):
        self.members[kind].append(record)
        return record

    # People -----------------------------------------------------------------

    def dispatches(self, city, prefix, kind, direction, count):
        """@count people, each with one dispatch starting in 2016-2020,
        between the paired districts and counties of @city."""
        pairs = CITIES[city][2]
        professions = ["teacher", "doctor", "agriculture", "other"] if kind == "professional" else ["other"]
        months = [12, 6, 1, 3] if kind == "professional" else [24, 12]
        for i in range(count):
            east, west, _, _ = pairs[i % len(pairs)]
            year = YEARS[i % len(YEARS)]
            start = day_in(year, i // len(YEARS), (count + len(YEARS) - 1) // len(YEARS))
            length = months[i % len(months)]
            end = add_months(start, length) - datetime.timedelta(days=1)
            pid = f"{prefix}{i + 1:03d}"
            self.add("people", {"id": pid, "profession": professions[i % len(professions)]})
            record = {"id": f"d-{pid}", "person": pid, "kind": kind, "direction": direction,
                      "from": east if direction == "outbound" else west,
                      "to": west if direction == "outbound" else east,
                      "start": start.isoformat(), "planned_end": end.isoformat()}
            if kind == "cadre" and direction == "outbound":
                record["post"] = "working_group" if i % 4 == 0 else "liaison"
                if record["post"] == "working_group":
                    record["to"] = city
            self.add("dispatches", record)

    def professionals_sent(self, city, prefix, count):
        """@count professionals sent to @city's counties, so that every
        county receives 6 teachers, 6 medical staff and 6 agricultural or
        other professionals starting each year (the 13th plan's rule,
        666.county_mix): 18 dispatches a county-year, more than there are
        people, so that some are sent again in a later year ("候鸟型专家")."""
        pairs = CITIES[city][2]
        groups = [(east, west, group) for east, west, _, _ in pairs for group in ("teacher", "doctor", "field")]
        sizes = spread(count, len(groups))
        n = 0
        for (east, west, group), size in zip(groups, sizes):
            people = []
            for j in range(size):
                n += 1
                profession = group if group != "field" else ("agriculture" if j % 3 else "other")
                people.append(self.add("people", {"id": f"{prefix}{n:03d}", "profession": profession})["id"])
            months = [12, 6] if group != "field" else [1, 3]
            for k in range(6 * len(YEARS)):
                year, j = YEARS[k // 6], k % 6
                start = day_in(year, j, 6)
                pid = people[k % size]
                self.add("dispatches", {"id": f"d-{pid}-{year}", "person": pid, "kind": "professional",
                                        "direction": "outbound", "from": east, "to": west,
                                        "start": start.isoformat(),
                                        "planned_end": (add_months(start, months[k % 2]) -
                                                        datetime.timedelta(days=1)).isoformat()})

    def trainings(self, city, program, f):
        for area, total, classes in (("cadre_talent", f["trained"], None),
                                     ("labour", f["labour_trainees"], f["labour_classes"])):
            times = spread(total, len(YEARS))
            counts = spread(classes, len(YEARS)) if classes else None
            for i, year in enumerate(YEARS):
                record = {"id": f"tr-{city}-{area}-{year}", "program": program, "side": "west", "year": year,
                          "topic": "干部人才培训" if area == "cadre_talent" else "劳动力技能培训",
                          "person_times": times[i], "area": area}
                if counts:
                    record["classes"] = counts[i]
                self.add("trainings", record)

    # Labour -----------------------------------------------------------------

    def employers(self):
        kinds = ["物流配送", "家政服务", "养老服务", "餐饮管理", "建筑工程", "机械修理", "电子制造", "纺织服装"]
        for i, (district, name) in enumerate(WUXI_DISTRICTS):
            for j in range(2):
                self.add("organizations", {"id": f"emp-{district}-{j + 1}",
                                           "name": f"{name}某{kinds[(2 * i + j) % len(kinds)]}有限公司",
                                           "kind": "enterprise", "region": district})

    def labour(self, city, program, f):
        pairs = CITIES[city][2]
        job_types = ["logistics", "domestic_service", "elderly_care", "catering", "construction",
                     "machine_repair", "manufacturing"]
        if f["jobs_offered"]:
            positions = spread(f["jobs_offered"], 160)
            for i, n in enumerate(positions):
                district = WUXI_DISTRICTS[i % len(WUXI_DISTRICTS)][0]
                first = day_in(YEARS[i % 5], i // 5, 32)
                self.add("job_offers", {"id": f"jo-{city}-{i + 1:03d}", "employer": f"emp-{district}-{i % 2 + 1}",
                                        "job_type": job_types[i % len(job_types)], "positions": n,
                                        "open": {"first": first.isoformat(),
                                                 "last": (first + datetime.timedelta(days=89)).isoformat()},
                                        "target": city, "program": program})
        # Transfers: each worker placed once, seasonal work of about four
        # months with one follow-up half-way (labour.follow_up's 90 days).
        n = f["transferred"]
        for i in range(n):
            county = pairs[i % len(pairs)][1]
            start = day_in(YEARS[i % 5], i // 5, (n + 4) // 5)
            wid = f"w-{city}-{i + 1:04d}"
            district = WUXI_DISTRICTS[i % len(WUXI_DISTRICTS)][0]
            self.add("workers", {"id": wid, "county": county, "flags": ["poverty_lifted"],
                                 "registered": (start - datetime.timedelta(days=20)).isoformat()})
            self.add("placements", {"id": f"pl-{city}-{i + 1:04d}", "worker": wid,
                                    "employer": f"emp-{district}-{i % 2 + 1}", "kind": "transfer",
                                    "organized": True, "start": start.isoformat(),
                                    "end": (start + datetime.timedelta(days=119)).isoformat()})
            self.add("follow_ups", {"placement": f"pl-{city}-{i + 1:04d}",
                                    "date": (start + datetime.timedelta(days=60)).isoformat(), "status": "employed"})
        # Workshops: local jobs (就地就近就业) in the paired counties.
        per_workshop = spread(f["workshop_workers"], f["workshops"])
        k = 0
        for s, size in enumerate(per_workshop):
            county, county_name = pairs[s % len(pairs)][1], pairs[s % len(pairs)][3]
            shop_id = f"ws-{city}-{s + 1:02d}"
            name = "延安市某手套加工扶贫车间" if city == "yanan" else f"{county_name}某扶贫车间{s // len(pairs) + 1}"
            self.add("organizations", {"id": shop_id, "name": name, "kind": "workshop", "region": county})
            for j in range(size):
                k += 1
                wid = f"wl-{city}-{k:04d}"
                start = day_in(YEARS[j % 5], j // 5, (size + 4) // 5)
                self.add("workers", {"id": wid, "county": county,
                                     "flags": ["poverty_lifted", "disabled"] if city == "yanan" else ["poverty_lifted"],
                                     "registered": start.isoformat()})
                self.add("placements", {"id": f"pll-{city}-{k:04d}", "worker": wid, "employer": shop_id,
                                        "kind": "local", "start": start.isoformat()})
        for i in range(f["job_fairs"]):
            self.add("events", {"id": f"ev-{city}-fair-{i + 1:02d}", "program": program, "kind": "job_fair",
                                "date": day_in(YEARS[i % 5], i // 5, 6).isoformat(),
                                "region": pairs[i % len(pairs)][1]})

    # Consumption, industry, donations --------------------------------------

    def cooperation(self, city, program, f):
        pairs = CITIES[city][2]
        name = CITIES[city][0]
        amounts = spread_fen(fen(f["consumption"]), 60)
        people = spread(f["beneficiaries"], 60)
        for i in range(60):
            self.add("purchases", {"id": f"pu-{city}-{i + 1:02d}", "origin": pairs[i % len(pairs)][1],
                                   "product": PRODUCTS[city][i % len(PRODUCTS[city])],
                                   "channel": CHANNELS[i % len(CHANNELS)], "amount": yuan(amounts[i]),
                                   "date": day_in(YEARS[i % 5], i // 5, 12).isoformat(),
                                   "beneficiaries": people[i], "program": program})
        for i in range(f["shops"]):
            district, district_name = WUXI_DISTRICTS[i % len(WUXI_DISTRICTS)]
            self.add("organizations", {"id": f"shop-{city}-{i + 1:02d}",
                                       "name": f"{name}特色农产品{district_name}直销店{i // len(WUXI_DISTRICTS) + 1}",
                                       "kind": "shop", "region": district, "serves": city})
        investments = spread_fen(fen(f["investment"]), f["enterprises"] + 2)
        for i in range(f["enterprises"]):
            district, district_name = WUXI_DISTRICTS[i % len(WUXI_DISTRICTS)]
            self.add("organizations", {"id": f"ent-{city}-{i + 1:02d}",
                                       "name": f"{district_name}某实业有限公司（{name}）{i + 1}",
                                       "kind": "enterprise", "region": district})
        # Two of the enterprises invested twice: they count once.
        for i, amount in enumerate(investments):
            enterprise = i % f["enterprises"]
            self.add("investments", {"id": f"inv-{city}-{i + 1:02d}", "enterprise": f"ent-{city}-{enterprise + 1:02d}",
                                     "county": pairs[enterprise % len(pairs)][1], "amount": yuan(amount),
                                     "date": day_in(YEARS[i % 5], i // 5, 4).isoformat(), "program": program})
        for form, total in (("cash", f["cash"]), ("in_kind", f["in_kind"])):
            pieces = spread_fen(fen(total), 20)
            for i, amount in enumerate(pieces):
                self.add("donations", {"id": f"don-{city}-{form}-{i + 1:02d}",
                                       "donor": f"emp-{WUXI_DISTRICTS[i % len(WUXI_DISTRICTS)][0]}-{i % 2 + 1}",
                                       "to": pairs[i % len(pairs)][1], "form": form, "amount": yuan(amount),
                                       "date": day_in(YEARS[i % 5], i // 5, 4).isoformat(), "program": program})

    # Hand-in-hand pairings (携手奔小康) ----------------------------------------

    UNIT = {"township": ("镇", "乡镇", None), "village": ("村", "村", None),
            "school": ("学校", None, "school"), "hospital": ("医院", None, "hospital"),
            "enterprise": ("企业", None, "enterprise"), "social_org": ("社会组织", None, "social_org")}

    def unit(self, place, place_name, what, key, number):
        """The invented unit @key of kind @what in @place, numbered @number
        in its name: a township or village region, or an organization."""
        uid = f"{what[:3]}-{place}-{key}"
        word, _, org_kind = self.UNIT[what]
        if uid in self.seen:
            return uid
        self.seen.add(uid)
        name = f"{place_name}某{word}{number}"
        if org_kind is None:
            self.add("regions", {"id": uid, "name": name,
                                 "level": "township" if what == "township" else "village", "parent": place})
        else:
            self.add("organizations", {"id": uid, "name": name, "kind": org_kind, "region": place})
        return uid

    def hand_in_hand(self, city, program, f):
        pairs = CITIES[city][2]
        ends = {"township": ("township", "township"), "village": ("village", "village"),
                "enterprise_village": ("enterprise", "village"), "social_org_village": ("social_org", "village"),
                "school": ("school", "school"), "hospital": ("hospital", "hospital")}
        for level, (count, n_east, n_west) in f["pairings"].items():
            east_kind, west_kind = ends[level]
            for i in range(count):
                # Units are numbered per city and level, so that the i-th
                # pairing's ends are the (i mod n)-th unit of each side.
                e = i % n_east
                w = i % n_west
                e_place, e_name = pairs[e % len(pairs)][0], pairs[e % len(pairs)][2]
                w_place, w_name = pairs[w % len(pairs)][1], pairs[w % len(pairs)][3]
                east = self.unit(e_place, e_name, east_kind, f"{city[0]}{level[:1]}{e + 1}", e + 1)
                west = self.unit(w_place, w_name, west_kind, f"{level[:1]}{w + 1}", w + 1)
                self.add("pairings", {"id": f"hh-{city}-{level}-{i + 1:02d}", "program": program,
                                      "assisting": east, "assisted": west, "level": level})


def main(collab):
    with open(os.path.join(HERE, "wuxi-funds-2016-2020.json"), encoding="utf-8") as f:
        funds = json.load(f)
    b = Builder()
    b.employers()
    for city, (_, program, _) in CITIES.items():
        f = FIGURES[city]
        b.dispatches(city, f"c{city[0]}o", "cadre", "outbound", f["cadres_sent"])
        b.dispatches(city, f"c{city[0]}i", "cadre", "inbound", f["cadres_received"])
        b.professionals_sent(city, f"p{city[0]}o", f["professionals_sent"])
        b.dispatches(city, f"p{city[0]}i", "professional", "inbound", f["professionals_received"])
        b.trainings(city, program, f)
        b.labour(city, program, f)
        b.cooperation(city, program, f)
        b.hand_in_hand(city, program, f)

    document = {k: v for k, v in funds.items() if k != "_provenance"}
    for kind, records in b.members.items():
        document[kind] = document.get(kind, []) + records
    document["_provenance"] = {"parts": {"wuxi-funds-2016-2020.json": funds["_provenance"]}, **PROVENANCE}

    canonical.write(document, os.path.join(HERE, "wuxi-2016-2020.json"), collab)


PROVENANCE = {
    "source": "seed 000_6cc5bcc06357b38f.txt: 无锡市“十四五”东西部协作规划 (2021-12), chapter 1 §2 (results of "
              "2016-2020), as summarised in shared/domain/FACTS.md",
    "from_documents": [
        "the figures: cadres sent 16 / 21 and received 89 / 111; professionals sent 181 / 361 and received "
        "592 / 234; cadres and talent trained 5409 / 6228 person-times; more than 20000 jobs offered to Yan'an; "
        "187 / 5974 poor workers moved to jobs elsewhere; 230 workers in 1 workshop / 1133 in 21; 27 job fairs "
        "in Haidong; labour training 19 classes and 1195 trainees / 88 and 4831; consumption 2627.13万 / "
        "7362.69万 benefiting 3327 / 5879 poor people; 11 / 5 direct-sale shops; 6 / 13 enterprises investing "
        "7.9亿 / 5.2亿; donations 1344万 / 1890万 in cash and 1683万 / 1583万 in kind; the hand-in-hand "
        "pairings at the end of 2020 (towns 26↔23 / 33↔41, villages 50 / 30, enterprises and villages 39↔34 / "
        "22↔11, social organisations and villages 13↔7 / 11↔9, schools 36 pairs / 39↔47, hospitals 11 pairs "
        "/ 12↔8); Yan'an's workshop is a glove workshop employing disabled people"],
    "invented": [
        "every record and id: people, dispatches and their dates and lengths (the professionals sent are "
        "spread so that each county receives 6 teachers, 6 medical staff and 6 agricultural or other "
        "professionals every year, as the 13th plan's rule asks, some of them sent again in a later year), "
        "trainings per year, job offers "
        "(20480 positions, as 'more than 20000'), workers, placements (seasonal transfers of 120 days with one "
        "follow-up), workshops, job fairs, purchases (60 per city over six channels), shops, enterprises, "
        "investments and donations (split evenly over the years), and every township, village, school, "
        "hospital, enterprise and social organisation of the hand-in-hand pairings (named 某镇, 某村 …)",
        "which district pairs with which county in a person's dispatch follows the county pairings of the "
        "2021-2025 plan (annex 1), assumed for 2016-2020",
    ],
    "note": "generated by examples/data/generate-results-2016.py from wuxi-funds-2016-2020.json (the money, "
            "generate-funds.py) and the figures above",
}

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "collab")
