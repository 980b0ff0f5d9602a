# The scorecard's people sent and received and the pairings' units on
# each side (SPEC §11.5) from Python: the figures of a small fixture, and
# a random dataset judged against a plain reading of the SPEC.

import json
import pathlib
import random

import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / 'data'
PEOPLE = ['cadres_sent', 'cadres_received', 'professionals_sent', 'professionals_received']
LEVELS = ['city', 'county', 'township', 'village', 'enterprise_village', 'social_org_village',
          'school', 'hospital', 'park']


def document(**members):
    return json.dumps({'format': 'libcollab-dataset', 'version': 1, **members}, ensure_ascii=False).encode()


@pytest.fixture
def people(Collab):
    """wuxi-mini.json with people-scorecard.json: programs wuxi-yanan-13
    (2016–2019), wuxi-yanan and wuxi-haidong (2020–2022)."""
    dataset = Collab.Dataset(FIXTURES / 'wuxi-mini.json')
    dataset.merge_from_file(str(FIXTURES / 'people-scorecard.json'))
    return dataset


def test_fixture(people):
    card = people.get_scorecard(None, 'wuxi-yanan').to_pandas().set_index('year')
    period = people.get_scorecard(None, 'wuxi-yanan', period=True).to_pandas().iloc[0]

    assert card['cadres_sent'].tolist() == [1, 1, 1]
    # c-twice in 2020 and 2021, c-early in 2022: two, not three.
    assert period['cadres_sent'] == 2
    assert card['professionals_sent'].tolist() == [1, 0, 2]
    assert (period['professionals_sent'], period['professionals_received'], period['cadres_received']) == (2, 1, 1)
    assert card[['pairings_school', 'pairings_school_assisting', 'pairings_school_assisted']].values.tolist() == [
        [1, 1, 1], [2, 1, 2], [3, 2, 2]]
    # The 13th plan's row of 2019 has the dispatch of 2019-12-31.
    thirteenth = people.get_scorecard(None, 'wuxi-yanan-13', 2019).to_pandas()
    assert thirteenth[PEOPLE].values.tolist() == [[1, 0, 0, 0]]


def test_columns(people):
    """The column names are a contract: each level with its two sides
    next to it, the people after the talent columns."""
    columns = list(people.get_scorecard().to_pandas().columns)

    for level in LEVELS:
        at = columns.index(f'pairings_{level}')
        assert columns[at + 1:at + 3] == [f'pairings_{level}_assisting', f'pairings_{level}_assisted']
    at = columns.index('cadres_sent')
    assert columns[at:at + 4] == PEOPLE
    assert columns.index('training_person_times') < at


# --- a random dataset against the SPEC, read plainly ----------------------

PROGRAMS = [
    {'id': 'yanan-13', 'name': '十三五', 'kind': 'east_west', 'first_year': 2016, 'last_year': 2019,
     'assisting': 'wuxi', 'assisted': ['yanan']},
    {'id': 'yanan-14', 'name': '十四五', 'kind': 'east_west', 'first_year': 2020, 'last_year': 2023,
     'assisting': 'wuxi', 'assisted': ['yanan']},
    {'id': 'haidong', 'name': '海东', 'kind': 'east_west', 'first_year': 2018, 'last_year': 2022,
     'assisting': 'wuxi', 'assisted': ['haidong']},
    # A county assisting two cities: Wuxi itself is not under Jiangyin.
    {'id': 'jiangyin', 'name': '江阴', 'kind': 'east_west', 'first_year': 2019, 'last_year': 2021,
     'assisting': 'jiangyin', 'assisted': ['yanan', 'haidong']},
]
EAST = ['jiangsu', 'wuxi', 'jiangyin', 'huishan']
WEST = ['shaanxi', 'yanan', 'yanchuan', 'yanchang', 'v-liangjiahe', 'v-zhangjiatan', 'qinghai', 'haidong',
        'ledu', 'pingan']


def parents():
    regions = json.loads((FIXTURES / 'wuxi-mini.json').read_text())['regions']
    return {r['id']: r.get('parent') for r in regions}


def is_in(parent, region, city):
    while region is not None:
        if region == city:
            return True
        region = parent[region]
    return False


def random_dataset(rng):
    organizations = (
        [{'id': f'e{i}', 'name': f'东{i}', 'kind': 'school', 'region': rng.choice(EAST[1:])} for i in range(6)] +
        [{'id': f'w{i}', 'name': f'西{i}', 'kind': 'school', 'region': rng.choice(WEST[1:])} for i in range(8)])
    people = [{'id': f'p{i}', 'profession': 'teacher'} for i in range(40)]
    dispatches = []
    for i in range(400):
        inbound = rng.random() < 0.4
        east, west = rng.choice(EAST), rng.choice(WEST)
        start = f'{rng.randint(2015, 2024)}-{rng.choice(["01-01", "06-15", "12-31"])}'
        dispatches.append({
            'id': f'd{i}', 'person': rng.choice(people)['id'],
            'kind': rng.choice(['cadre', 'professional', 'short_term']),
            'direction': 'inbound' if inbound else 'outbound',
            'from': west if inbound else east, 'to': east if inbound else west,
            'start': start, 'planned_end': start.replace(start[:4], str(int(start[:4]) + 1))})
    pairings = []
    for i in range(60):
        program = rng.choice(PROGRAMS)
        east_units = [o['id'] for o in organizations if o['id'][0] == 'e'] + EAST[2:]
        west_units = [o['id'] for o in organizations if o['id'][0] == 'w'] + WEST[2:6]
        pairing = {'id': f'pr{i}', 'program': program['id'], 'level': rng.choice(LEVELS),
                   'assisting': rng.choice(east_units), 'assisted': rng.choice(west_units)}
        if rng.random() < 0.5:
            first = rng.randint(program['first_year'], program['last_year'])
            pairing['period'] = {'first_year': first, 'last_year': rng.randint(first, program['last_year'])}
        pairings.append(pairing)
    return {'organizations': organizations, 'programs': PROGRAMS, 'people': people,
            'dispatches': dispatches, 'pairings': pairings}


def expected_row(records, parent, program, first, last):
    """The figures of @program over first … last, read from the SPEC."""
    row = {}
    for column, kind, inbound in [('cadres_sent', 'cadre', False), ('cadres_received', 'cadre', True),
                                  ('professionals_sent', 'professional', False),
                                  ('professionals_received', 'professional', True)]:
        persons = set()
        for d in records['dispatches']:
            east, west = (d['to'], d['from']) if inbound else (d['from'], d['to'])
            if (d['kind'] == kind and (d['direction'] == 'inbound') == inbound and
                    first <= int(d['start'][:4]) <= last and is_in(parent, east, program['assisting']) and
                    any(is_in(parent, west, city) for city in program['assisted'])):
                persons.add(d['person'])
        row[column] = len(persons)
    for level in LEVELS:
        active = []
        for p in records['pairings']:
            years = p.get('period', {'first_year': program['first_year'], 'last_year': program['last_year']})
            if p['program'] == program['id'] and p['level'] == level and \
                    years['first_year'] <= last and years['last_year'] >= first:
                active.append(p)
        row[f'pairings_{level}'] = len(active)
        row[f'pairings_{level}_assisting'] = len({p['assisting'] for p in active})
        row[f'pairings_{level}_assisted'] = len({p['assisted'] for p in active})
    return row


@pytest.mark.parametrize('seed', [1, 2, 3])
def test_random_against_the_spec(Collab, seed):
    rng = random.Random(seed)
    records = random_dataset(rng)
    dataset = Collab.Dataset(FIXTURES / 'wuxi-mini.json')
    dataset.merge_from_data(document(**records))
    parent = parents()
    # Parents of the organizations: they stand where their region is.
    for organization in records['organizations']:
        parent[organization['id']] = organization['region']
    programs = {p['id']: p for p in PROGRAMS}
    columns = list(expected_row(records, parent, PROGRAMS[0], 2016, 2016))

    yearly = dataset.get_scorecard().to_pandas()
    assert len(yearly) == sum(p['last_year'] - p['first_year'] + 1 for p in PROGRAMS)
    for _, row in yearly.iterrows():
        expected = expected_row(records, parent, programs[row['program']], row['year'], row['year'])
        assert {c: row[c] for c in columns} == expected, (row['program'], row['year'])

    # Periods: the programs' whole periods, and 2017–2021 cut to each.
    for years in [None, (2017, 2021)]:
        period = dataset.get_scorecard(years=years, period=True).to_pandas()
        assert len(period) == len(PROGRAMS)
        for _, row in period.iterrows():
            expected = expected_row(records, parent, programs[row['program']], row['first_year'], row['last_year'])
            assert {c: row[c] for c in columns} == expected, (row['program'], years)
    # Somebody was counted once over a period who had been in two years.
    assert any(period[c].sum() < yearly[c].sum() for c in PEOPLE)
