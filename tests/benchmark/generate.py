#!/usr/bin/python3
# generate.py: a synthetic dataset document (SPEC §9) for benchmarks
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Writes one dataset document of the size libcollab is meant to carry: the
# geography of a whole East–West programme (provinces, cities and counties
# on both sides), one program per eastern city, 10,000 county pairings,
# people with professions and their dispatches (outbound and inbound,
# professional, cadre and short-term, with realistic date spreads), and on
# request a fund flow of transactions over accounts and projects (plan,
# allocation, transfer, expenditure, each linked to the transaction whose
# money it passes on).
#
#   generate.py -o /tmp/d1m.json                       # 1,000,000 dispatches
#   generate.py -o /tmp/t1m.json --dispatches 0 --transactions 1000000
#
# Standard library only; the same arguments give the same bytes (seeded,
# no dict-order or hash dependence). One million dispatches take a few
# seconds: records are formatted with f-strings from precomputed tables
# (dates, ids) and written in large chunks.

import argparse
import itertools
import datetime
import random
import sys
import time

# The sides ----------------------------------------------------------------

EAST_PROVINCES = [
    ("beijing", "北京市", "11"), ("tianjin", "天津市", "12"),
    ("shanghai", "上海市", "31"), ("jiangsu", "江苏省", "32"),
    ("zhejiang", "浙江省", "33"), ("fujian", "福建省", "35"),
    ("shandong", "山东省", "37"), ("guangdong", "广东省", "44"),
]
WEST_PROVINCES = [
    ("neimenggu", "内蒙古自治区", "15"), ("guangxi", "广西壮族自治区", "45"),
    ("chongqing", "重庆市", "50"), ("sichuan", "四川省", "51"),
    ("guizhou", "贵州省", "52"), ("yunnan", "云南省", "53"),
    ("shaanxi", "陕西省", "61"), ("gansu", "甘肃省", "62"),
    ("qinghai", "青海省", "63"), ("ningxia", "宁夏回族自治区", "64"),
]

CITY_SYLLABLES = "安宁平泰兴德昌盛华丰和康永福嘉定武文庆瑞乐阳山川河源"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌海波辉鹏宇浩然晨阳"

PROFESSIONS = ["teacher", "doctor", "agriculture", "other"]
PROFESSION_WEIGHTS = [40, 30, 15, 15]

USES = ["seedlings", "construction", "equipment", "training", "labour_subsidy",
        "cold_chain", "greenhouses", "livestock", "processing_plant", "e_commerce"]
SUBCATEGORIES = ["speciality_farming", "processing", "tourism", "infrastructure",
                 "employment_workshop", "logistics", "education", "health"]
CATEGORIES = ["industry", "labour", "consumption", "talent", "rural_revitalization"]
CATEGORY_WEIGHTS = [50, 15, 15, 5, 15]
PROJECT_WORDS = ["苹果良种苗木繁育基地", "肉牛养殖示范园", "冷链物流中心", "就业帮扶车间",
                 "茶叶加工厂", "乡村旅游提升工程", "中药材种植基地", "蔬菜大棚",
                 "农产品电商中心", "饮水安全工程", "光伏产业园", "食用菌产业园"]


def build_days(first_year, last_year):
    """Every day from 1 Jan @first_year to 31 Dec @last_year as text, the
    index of the first of each month, and a function adding months the way
    g_date_add_months() does (clamped to the end of the target month)."""
    start = datetime.date(first_year, 1, 1)
    end = datetime.date(last_year, 12, 31)
    n = (end - start).days + 1
    texts = [(start + datetime.timedelta(days=i)).isoformat() for i in range(n)]
    month_start = {}
    for i, t in enumerate(texts):
        if t.endswith("-01"):
            month_start[(int(t[0:4]), int(t[5:7]))] = i

    def add_months(index, months):
        y, m, d = int(texts[index][0:4]), int(texts[index][5:7]), int(texts[index][8:10])
        m0 = (y * 12 + m - 1) + months
        ty, tm = divmod(m0, 12)
        tm += 1
        nxt = month_start.get((ty + (tm == 12), 1 if tm == 12 else tm + 1))
        days_in_month = nxt - month_start[(ty, tm)]
        return month_start[(ty, tm)] + min(d, days_in_month) - 1

    return texts, month_start, add_months


def amount_text(rng, fen):
    """An exact amount in one of the forms SPEC §9 allows."""
    form = rng.random()
    if fen % 1000000 == 0 and form < 0.55:
        return f'"{fen // 1000000}万"'
    if fen % 100 == 0 and form < 0.75:
        return str(fen // 100)          # a JSON integer of yuan
    if form < 0.85 and fen % 10000 == 0:
        wan = fen // 10000
        return f'"{wan // 100}.{wan % 100:02d}万"'
    return f'"{fen // 100}.{fen % 100:02d}"'


class Writer:
    """Joins records into large chunks before writing them."""

    def __init__(self, out):
        self.out = out
        self.parts = []
        self.size = 0

    def add(self, text):
        self.parts.append(text)
        if len(self.parts) >= 20000:
            self.flush()

    def flush(self):
        if self.parts:
            self.out.write("".join(self.parts))
            self.parts = []

    def array(self, member, lines):
        """Writes ,\n "member": [ lines... ] with commas between lines."""
        self.add(f',\n  "{member}": [\n    ')
        first = True
        for line in lines:
            if not first:
                self.add(",\n    ")
            first = False
            self.add(line)
        self.add("\n  ]")


def main():
    parser = argparse.ArgumentParser(description="Writes a synthetic libcollab dataset document (SPEC §9).")
    parser.add_argument("-o", "--output", required=True, help="the document to write ('-' for stdout)")
    parser.add_argument("--dispatches", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=None,
                        help="people to dispatch (default: half the dispatches, at least 1)")
    parser.add_argument("--pairings", type=int, default=10_000,
                        help="county pairings; each has its own county on either side")
    parser.add_argument("--transactions", type=int, default=0)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--unknown-every", type=int, default=0,
                        help="give every Nth dispatch and transaction a member the library does not know")
    parser.add_argument("--seed", type=int, default=20211)
    args = parser.parse_args()

    t0 = time.monotonic()
    rng = random.Random(args.seed)
    rand = rng.random
    randrange = rng.randrange

    days, month_start, add_months = build_days(2019, 2030)

    # Geography: cities of 50 counties, as many as the pairings need, spread
    # over the provinces of each side. East city i and west city i form a
    # program; their counties pair one to one.
    counties_per_city = 50
    n_cities = max(1, -(-args.pairings // counties_per_city))
    regions = []
    organizations = []
    east_cities, west_cities = [], []          # (id, name, province index)
    east_counties, west_counties = [], []      # (id, name, city index)

    for side, provinces, cities, counties in (("east", EAST_PROVINCES, east_cities, east_counties),
                                              ("west", WEST_PROVINCES, west_cities, west_counties)):
        for pid, pname, pcode in provinces:
            regions.append(f'{{"id": "{pid}", "name": "{pname}", "level": "province", '
                           f'"code": "{pcode}0000", "side": "{side}"}}')
            organizations.append(f'{{"id": "{pid}-finance", "name": "{pname}财政厅", '
                                 f'"kind": "agency", "region": "{pid}"}}')
        for c in range(n_cities):
            p = c % len(provinces)
            pid, pname, pcode = provinces[p]
            k = c // len(provinces) + 1
            cid = f"{pid}-c{k:02d}"
            cname = CITY_SYLLABLES[c % 26] + CITY_SYLLABLES[(c * 7 + 3) % 26] + "市"
            regions.append(f'{{"id": "{cid}", "name": "{cname}", "level": "city", '
                           f'"parent": "{pid}", "code": "{pcode}{k % 100:02d}00"}}')
            organizations.append(f'{{"id": "{cid}-finance", "name": "{cname}财政局", '
                                 f'"kind": "agency", "region": "{cid}"}}')
            cities.append((cid, cname, p))
            for j in range(counties_per_city):
                n = c * counties_per_city + j
                if n >= args.pairings:
                    break
                kid = f"{cid}-k{j + 1:02d}"
                kname = cname[:-1] + CITY_SYLLABLES[(n * 11 + j) % 26] + CITY_SYLLABLES[j % 26] + "县"
                flags = ""
                if side == "west":
                    r = (n * 2654435761) % 100
                    flags = (', "flags": ["poverty_lifted", "national_key"]' if r < 15 else
                             ', "flags": ["poverty_lifted"]' if r < 80 else "")
                regions.append(f'{{"id": "{kid}", "name": "{kname}", "level": "county", '
                               f'"parent": "{cid}", "code": "{pcode}{k % 100:02d}{j + 1:02d}"{flags}}}')
                counties.append((kid, kname, c))

    programs = []
    for c in range(n_cities):
        eid, ename = east_cities[c][0], east_cities[c][1]
        wid = west_cities[c][0]
        base = 1000 + (c * 37) % 2000
        programs.append(f'{{"id": "prog-{c + 1:04d}", "name": "{ename}“十四五”东西部协作规划", '
                        f'"kind": "east_west", "first_year": 2021, "last_year": 2025, '
                        f'"assisting": "{eid}", "assisted": ["{wid}"], "ruleset": "east-west-2021", '
                        f'"fund_base": [{{"city": "{wid}", "base": "{base}万", "plan_total": "{base * 5}万"}}]}}')

    pairings = []
    for n in range(args.pairings):
        period = ', "period": {"first_year": 2021, "last_year": 2025}' if n % 10 == 0 else ""
        pairings.append(f'{{"id": "pr{n + 1:05d}", "program": "prog-{east_counties[n][2] + 1:04d}", '
                        f'"assisting": "{east_counties[n][0]}", "assisted": "{west_counties[n][0]}", '
                        f'"level": "county"{period}}}')

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    w = Writer(out)
    w.add('{\n  "format": "libcollab-dataset",\n  "version": 1')
    w.array("regions", regions)
    w.array("organizations", organizations)
    w.array("programs", programs)
    w.array("pairings", pairings)

    # Funds -----------------------------------------------------------------
    if args.transactions > 0:
        n_pair = args.pairings
        # Accounts: a source account per eastern city, one per western city,
        # then county accounts and township accounts round-robin.
        accounts = []
        source_of_city = []
        city_account = []
        for c in range(n_cities):
            accounts.append(f'{{"id": "acc-{len(accounts) + 1:06d}", "holder": "{east_cities[c][0]}-finance", '
                            f'"designation": "{east_cities[c][1]}东西部协作资金专户", "source": true}}')
            source_of_city.append(f"acc-{len(accounts):06d}")
        for c in range(n_cities):
            accounts.append(f'{{"id": "acc-{len(accounts) + 1:06d}", "holder": "{west_cities[c][0]}", '
                            f'"designation": "{west_cities[c][1]}财政专户"}}')
            city_account.append(f"acc-{len(accounts):06d}")
        county_accounts = [[] for _ in range(n_pair)]
        n = 0
        while len(accounts) < max(args.accounts, 2 * n_cities + n_pair):
            k = n % n_pair
            kid, kname, _ = west_counties[k]
            label = "财政衔接资金专户" if n < n_pair else f"第{n // n_pair}乡镇专户"
            accounts.append(f'{{"id": "acc-{len(accounts) + 1:06d}", "holder": "{kid}", '
                            f'"designation": "{kname}{label}"}}')
            county_accounts[k].append(f"acc-{len(accounts):06d}")
            n += 1

        projects = []
        projects_of_county = [[] for _ in range(n_pair)]
        for p in range(args.projects):
            k = p % n_pair
            kid, kname, c = west_counties[k]
            cat = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
            sub = SUBCATEGORIES[randrange(len(SUBCATEGORIES))]
            budget = (randrange(20, 3000)) * 1000000
            s0 = month_start[(2020 + randrange(0, 5), 1 + randrange(12))] + randrange(28)
            s1 = s0 + 30 + randrange(200)
            projects.append(f'{{"id": "prj-{p + 1:06d}", "name": "{kname}{PROJECT_WORDS[p % len(PROJECT_WORDS)]}", '
                            f'"county": "{kid}", "category": "{cat}", "subcategory": "{sub}", '
                            f'"budget": {amount_text(rng, budget)}, "in_reserve": true, "program": "prog-{c + 1:04d}", '
                            f'"status": [{{"status": "reserve", "date": "{days[s0]}"}}, '
                            f'{{"status": "filed", "date": "{days[s1]}"}}]}}')
            projects_of_county[k].append(f"prj-{p + 1:06d}")

        payees = [f"{CITY_SYLLABLES[i % 26]}{CITY_SYLLABLES[(i * 5) % 26]}{CITY_SYLLABLES[(i * 3 + 1) % 26]}"
                  f"{['农业', '建设', '科技', '食品', '物流'][i % 5]}有限公司" for i in range(3000)]
        documents = [f"{['苏', '浙', '闽', '鲁', '粤', '京', '津', '沪'][i % 8]}财农〔{2021 + i % 5}〕{i % 300 + 1}号"
                     for i in range(1500)]

        def transactions():
            n_tx = 0
            every = args.unknown_every

            def tx(fields):
                nonlocal n_tx
                n_tx += 1
                extra = f', "x-audit": {{"checked": true, "by": "auditor-{n_tx % 97}"}}' if every and n_tx % every == 0 else ""
                return f'{{"id": "t{n_tx:07d}", {fields}{extra}}}'

            flow = 0
            while n_tx < args.transactions:
                c = flow % n_cities
                year = 2021 + (flow // n_cities) % 5
                prog = f"prog-{c + 1:04d}"
                d = month_start[(year, 1 + randrange(6))] + randrange(28)
                wan = randrange(200, 5000)
                fen = wan * 1000000
                if flow % 5 == 0:
                    yield tx(f'"type": "plan", "to": "{city_account[c]}", "amount": "{wan}万", '
                             f'"date": "{days[d]}", "budget_year": {year}, "program": "{prog}"')
                yield tx(f'"type": "allocation", "to": "{city_account[c]}", "amount": "{wan}万", '
                         f'"date": "{days[d]}", "budget_year": {year}, "program": "{prog}", '
                         f'"document": "{documents[randrange(len(documents))]}"')
                d += 10 + randrange(30)
                yield tx(f'"type": "transfer", "from": "{source_of_city[c]}", "to": "{city_account[c]}", '
                         f'"amount": {amount_text(rng, fen)}, "date": "{days[d]}", "program": "{prog}"')
                top = n_tx
                left = fen
                for _ in range(2 + randrange(3)):
                    if n_tx >= args.transactions or left < 2000000:
                        break
                    k = c * counties_per_city + randrange(min(counties_per_city, n_pair - c * counties_per_city))
                    part = (left // 3 // 10000) * 10000
                    left -= part
                    d2 = d + 5 + randrange(40)
                    yield tx(f'"type": "transfer", "from": "{city_account[c]}", "to": "{county_accounts[k][0]}", '
                             f'"amount": {amount_text(rng, part)}, "date": "{days[d2]}", "parent": "t{top:07d}"')
                    mid = n_tx
                    prjs = projects_of_county[k]
                    for _ in range(1 + randrange(2)):
                        if not prjs or n_tx >= args.transactions:
                            break
                        prj = prjs[randrange(len(prjs))]
                        give = (part // 2 // 100) * 100
                        d3 = d2 + 10 + randrange(60)
                        src = county_accounts[k][randrange(len(county_accounts[k]))] if rand() < 0.2 else county_accounts[k][0]
                        if src != county_accounts[k][0]:
                            # through a township account first
                            yield tx(f'"type": "transfer", "from": "{county_accounts[k][0]}", "to": "{src}", '
                                     f'"amount": {amount_text(rng, give)}, "date": "{days[d3]}", "parent": "t{mid:07d}"')
                            mid = n_tx
                        yield tx(f'"type": "transfer", "from": "{src}", "to": "{prj}", '
                                 f'"amount": {amount_text(rng, give)}, "date": "{days[d3]}", "parent": "t{mid:07d}"')
                        into = n_tx
                        spent = 0
                        for _ in range(1 + randrange(4)):
                            if n_tx >= args.transactions:
                                break
                            amount = (give // 4 // 100) * 100 - randrange(1000) * 100
                            if amount <= 0:
                                break
                            spent += amount
                            d4 = d3 + 15 + randrange(200)
                            use = USES[randrange(len(USES))]
                            yield tx(f'"type": "expenditure", "from": "{prj}", "amount": {amount_text(rng, amount)}, '
                                     f'"date": "{days[d4]}", "parent": "t{into:07d}", "use": "{use}", '
                                     f'"payee": "{payees[randrange(len(payees))]}"')
                    if n_tx >= args.transactions:
                        break
                flow += 1

        w.array("accounts", accounts)
        w.array("transactions", itertools.islice(transactions(), args.transactions))
        w.array("projects", projects)

    # People and dispatches --------------------------------------------------
    if args.dispatches > 0:
        n_people = args.people if args.people is not None else max(1, args.dispatches // 2)
        # Each person belongs to a pairing and a side: 80 % are eastern
        # professionals and cadres sent west, 20 % western staff trained in
        # the east.
        professions = rng.choices(PROFESSIONS, PROFESSION_WEIGHTS, k=n_people)

        def people():
            ns, ng = len(SURNAMES), len(GIVEN)
            for i in range(n_people):
                name = ""
                if i % 3 == 0:
                    name = f'"name": "{SURNAMES[i % ns]}{GIVEN[(i // ns) % ng]}{GIVEN[(i * 7) % ng] if i % 2 else ""}", '
                yield f'{{"id": "x{i + 1:07d}", {name}"profession": "{professions[i]}"}}'

        # The months a service starts in: school terms for teachers (March
        # and September), spread through the year for everyone else.
        term_months = [3] * 30 + [9] * 50 + [2, 4, 5, 6, 7, 8, 10, 11, 12, 1] * 2
        any_months = list(range(1, 13))
        end_of_data = month_start[(2025, 7)]

        def dispatches():
            every = args.unknown_every
            for i in range(args.dispatches):
                p = randrange(n_people)
                prof = professions[p]
                pairing = p % args.pairings
                outbound = (p % 5) != 0
                ek, wk = east_counties[pairing][0], west_counties[pairing][0]
                frm, to = (ek, wk) if outbound else (wk, ek)
                r = rand()
                if prof == "other":
                    kind = "cadre" if r < 0.45 else "short_term"
                else:
                    kind = "professional" if r < 0.75 else ("short_term" if r < 0.95 else "cadre")
                year = 2021 + randrange(5)
                month = (term_months if prof == "teacher" else any_months)[randrange(len(term_months) if prof == "teacher" else 12)]
                start = month_start[(year, month)] + (0 if rand() < 0.6 else randrange(28))
                post = ""
                if kind == "professional":
                    months = (6, 6, 12, 12, 12, 18, 24)[randrange(7)]
                    end = add_months(start, months) - 1
                elif kind == "cadre":
                    end = add_months(start, 24 if rand() < 0.7 else 36) - 1
                    if outbound:
                        q = rand()
                        post = ', "post": "liaison"' if q < 0.3 else (', "post": "working_group"' if q < 0.5 else "")
                else:
                    end = start + 6 + randrange(80)
                actual = ""
                if end < end_of_data and rand() < 0.85:
                    a = end if rand() < 0.9 else start + (end - start) * 2 // 3
                    actual = f', "actual_end": "{days[a]}"'
                extra = f', "x-source": {{"sheet": "roster-{year}", "row": {i % 5000 + 2}}}' if every and (i + 1) % every == 0 else ""
                yield (f'{{"id": "d{i + 1:07d}", "person": "x{p + 1:07d}", "kind": "{kind}", '
                       f'"direction": "{"outbound" if outbound else "inbound"}", "from": "{frm}", "to": "{to}"'
                       f'{post}, "start": "{days[start]}", "planned_end": "{days[end]}"{actual}{extra}}}')

        w.array("people", people())
        w.array("dispatches", dispatches())

    w.add(',\n  "generator": {"name": "tests/benchmark/generate.py", "seed": %d}\n}\n' % args.seed)
    w.flush()
    if out is not sys.stdout:
        out.close()
    print(f"generate.py: wrote {args.output} in {time.monotonic() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
