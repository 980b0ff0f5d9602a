# Every 2016–2020 figure of the plan, from the records (issue 11).
#
# Seed 000, chapter 1 §2 sums up Wuxi's cooperation with Yan'an and
# Haidong in 2016–2020; FACTS.md lists the figures and SPEC §11.5 says
# from which records each comes. examples/data/wuxi-2016-2020.json holds
# records (invented where the seed gives totals only) from which
#
#     collab report examples/data/wuxi-2016-2020.json --years 2016-2020
#
# prints them all. Each is compared here with the number as the seed
# prints it, and the Chinese report is checked to show the amounts as
# the seed writes them (1.47亿, 2627.13万).

import json
import re

import pytest

YEARS = '2016-2020'
PROGRAMS = {'yanan': 'wuxi-yanan-2016', 'haidong': 'wuxi-haidong-2016'}

# (column, Yan'an, Haidong), as the seed prints them; None where the seed
# gives no figure ("–" in SPEC §11.5).
SEED = [
    ('allocated', '1.47亿元', '7.82亿元'),
    ('projects_funded', 218, 309),
    ('cadres_sent', 16, 21),
    ('cadres_received', 89, 111),
    ('professionals_sent', 181, 361),
    ('professionals_received', 592, 234),
    ('training_person_times', 5409, 6228),
    ('workers_transferred_poverty_lifted', 187, 5974),
    ('workshop_workers', 230, 1133),
    ('workshops', 1, 21),
    ('job_fairs', None, 27),
    ('labour_training_classes', 19, 88),
    ('labour_training_person_times', 1195, 4831),
    ('consumption', '2627.13万元', '7362.69万元'),
    ('consumption_beneficiaries', 3327, 5879),
    ('shops', 11, 5),
    ('enterprises_settled', 6, 13),
    ('investment', '7.9亿元', '5.2亿元'),
    ('donations_cash', '1344万元', '1890万元'),
    ('donations_in_kind', '1683万元', '1583万元'),
    # 携手奔小康, in force at the end of 2020: "26↔23" is 26 Wuxi towns
    # and 23 townships; "50" village pairs; "36 pairs" of schools.
    ('pairings_township_assisting', 26, 33),
    ('pairings_township_assisted', 23, 41),
    ('pairings_village', 50, 30),
    ('pairings_enterprise_village_assisting', 39, 22),
    ('pairings_enterprise_village_assisted', 34, 11),
    ('pairings_social_org_village_assisting', 13, 11),
    ('pairings_social_org_village_assisted', 7, 9),
    ('pairings_school', 36, None),
    ('pairings_school_assisting', None, 39),
    ('pairings_school_assisted', None, 47),
    ('pairings_hospital', 11, None),
    ('pairings_hospital_assisting', None, 12),
    ('pairings_hospital_assisted', None, 8),
]

UNITS = {'亿元': 10 ** 8, '万元': 10 ** 4}


def fen(printed):
    """'1.47亿元' → fen, exactly (no floating point)."""
    number, unit = re.fullmatch(r'([0-9.]+)(亿元|万元)', printed).groups()
    whole, _, frac = number.partition('.')
    scale = UNITS[unit] * 100
    return int(whole) * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)


def as_fen(value):
    """The report's JSON amount "147000000.00" → fen."""
    whole, _, cents = value.partition('.')
    return int(whole) * 100 + int(cents or 0)


@pytest.fixture(scope='module')
def rows(collab_cli, data_dir):
    result = collab_cli('en', 'report', data_dir / 'wuxi-2016-2020.json', '--years', YEARS, '--format', 'json')
    assert result.returncode == 0, result.stderr
    return {row['program']: row for row in json.loads(result.stdout)['scorecard']}


FIGURES = [(city, column, printed)
           for column, yanan, haidong in SEED
           for city, printed in (('yanan', yanan), ('haidong', haidong)) if printed is not None]


@pytest.mark.parametrize('city,column,printed', FIGURES, ids=[f'{c}-{col}' for c, col, _ in FIGURES])
def test_seed_figure(rows, city, column, printed):
    row = rows[PROGRAMS[city]]
    assert (row['first_year'], row['last_year']) == (2016, 2020)
    if isinstance(printed, str):
        assert as_fen(row[column]) == fen(printed)
    else:
        assert row[column] == printed


def test_jobs_offered(rows):
    """"累计提供就业岗位2万余个": more than 20000 jobs offered to Yan'an."""
    assert rows['wuxi-yanan-2016']['jobs_offered'] > 20000


def test_chinese_report_prints_the_seeds_amounts(collab_cli, data_dir):
    result = collab_cli('zh_CN', 'report', data_dir / 'wuxi-2016-2020.json', '--years', YEARS)
    assert result.returncode == 0, result.stderr
    for _, column, printed in FIGURES:
        if isinstance(printed, str):
            assert printed.removesuffix('元') in result.stdout, (column, printed)


def test_findings(collab_cli, data_dir):
    """The example meets the 13th plan's 666.county_mix in every county and
    year; what is left are the districts that take no part in one city's
    program (each 2016–2020 program is one city's, as the seed reports them),
    as doc/results-2016-2020.md lists."""
    result = collab_cli('en', 'check', data_dir / 'wuxi-2016-2020.json', '--as-of', '2021-06-30', '--format', 'json')
    assert result.returncode == 0, result.stderr
    found = sorted((f['rule'], f['subject']['program'], f['subject']['assisting'])
                   for f in json.loads(result.stdout)['findings'])
    assert found == [('pairing.orphan', 'wuxi-haidong-2016', 'jiangyin'),
                     ('pairing.orphan', 'wuxi-haidong-2016', 'yixing'),
                     ('pairing.orphan', 'wuxi-yanan-2016', 'binhu'),
                     ('pairing.orphan', 'wuxi-yanan-2016', 'huishan'),
                     ('pairing.orphan', 'wuxi-yanan-2016', 'liangxi'),
                     ('pairing.orphan', 'wuxi-yanan-2016', 'xishan')]
