# The annual agreements (SPEC §11.2) from Python: the findings of
# fund.agreement and talent.agreement, and the scorecard's agreement
# columns, which count as the rules do (tests/data/agreements.json).

import json
import pathlib

import pandas as pd
import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / 'data'
WAN = 10000 * 100  # fen


def document(**members):
    return json.dumps({'format': 'libcollab-dataset', 'version': 1, **members}, ensure_ascii=False).encode()


@pytest.fixture
def agreements(Collab):
    """wuxi-mini.json with agreements.json: program zh (Wuxi → Yan'an and
    Haidong, zhuhai-2021), whose 2021 and 2022 meet their agreements
    exactly and whose 2023 has neither money nor professionals."""
    dataset = Collab.Dataset(FIXTURES / 'wuxi-mini.json')
    dataset.merge_from_file(str(FIXTURES / 'agreements.json'))
    return dataset


def agreement_findings(dataset, as_of):
    return [f for f in dataset.check(as_of=as_of) if f.get_rule().endswith('.agreement')]


def test_findings(agreements):
    assert agreement_findings(agreements, '2022-12-31') == []

    findings = agreement_findings(agreements, '2023-06-30')
    assert [(f.get_rule(), f.subject) for f in findings] == [
        ('fund.agreement', {'program': 'zh', 'city': 'yanan', 'year': 2023}),
        ('talent.agreement', {'program': 'zh', 'city': 'yanan', 'year': 2023, 'measure': 'professionals'}),
    ]
    funds, people = findings
    assert (funds.expected, funds.actual, funds.remedy) == ('12000000.00', '0.00', {'allocate': '12000000.00'})
    assert (people.expected, people.actual, people.remedy) == (1, 0, {'send': 1})
    assert funds.to_dict()['severity'] == 'violation'
    assert 'annual agreement ag-yanan-2023' in funds.get_message()


def test_one_short(agreements):
    agreements.merge_from_data(document(agreements=[
        {'id': 'ag-yanan-2024', 'program': 'zh', 'year': 2024, 'city': 'yanan', 'funds': '0.01',
         'professionals': 0, 'cadres': 1}]))
    findings = [f for f in agreement_findings(agreements, '2024-12-31') if f.subject['year'] == 2024]
    # One fen short, and no cadre in post in 2024 (k2 left on 2023-12-30).
    assert [(f.get_rule(), f.subject.get('measure'), f.expected, f.actual) for f in findings] == [
        ('fund.agreement', None, '0.01', '0.00'),
        ('talent.agreement', 'cadres', 1, 0),
    ]


def test_scorecard_columns(agreements):
    card = agreements.get_scorecard(None, 'zh').to_pandas().set_index('year')
    columns = ['agreed_funds', 'agreed_professionals', 'agreed_cadres',
               'agreement_allocated', 'agreement_professionals', 'agreement_cadres']
    assert card.loc[2021, columns].tolist() == [1700 * WAN, 2, 2, 1700 * WAN, 3, 3]
    assert card.loc[2023, columns].tolist()[:2] == [1200 * WAN, 1]
    assert pd.isna(card.loc[2023, 'agreed_cadres'])
    assert card.loc[2024, columns].isna().all()

    # The rule and the scorecard agree: a year's shortfall is the gap
    # between the two columns.
    findings = agreement_findings(agreements, '2023-12-31')
    funds = [f for f in findings if f.get_rule() == 'fund.agreement']
    assert [f.subject['year'] for f in funds] == [2023]
    assert card.loc[2023, 'agreed_funds'] - card.loc[2023, 'agreement_allocated'] == 1200 * WAN

    period = agreements.get_scorecard(None, 'zh', period=True).to_pandas().iloc[0]
    assert period[columns].tolist() == [4100 * WAN, 3, 3, 2900 * WAN, 3, 5]
