# The labour rules (SPEC §11.2) from Python: the findings of a small
# dataset, and a random one judged against a plain reading of the SPEC.

import datetime
import json
import pathlib
import random

import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / 'data'
AS_OF = datetime.date(2021, 12, 31)


def document(**members):
    return json.dumps({'format': 'libcollab-dataset', 'version': 1, **members}, ensure_ascii=False).encode()


@pytest.fixture
def labour(Collab):
    """wuxi-mini.json with labour.json: programs prog (Yan'an) and hd
    (Haidong), employers e1 and e2, offers o-prog, o-hd and o-none."""
    dataset = Collab.Dataset(FIXTURES / 'wuxi-mini.json')
    dataset.merge_from_file(str(FIXTURES / 'labour.json'))
    return dataset


def test_findings_of_a_small_dataset(labour):
    labour.merge_from_data(document(
        workers=[
            {'id': 'w1', 'county': 'yanchuan', 'flags': ['poverty_lifted'], 'wants': ['logistics'],
             'registered': '2021-01-05'},
            {'id': 'n1', 'county': 'yanchang', 'registered': '2021-01-01'},
        ],
        placements=[
            {'id': 'pl1', 'worker': 'n1', 'employer': 'e1', 'offer': 'o-none', 'kind': 'transfer',
             'start': '2021-02-01'},
            {'id': 'pl2', 'worker': 'n1', 'employer': 'e1', 'offer': 'o-none', 'kind': 'local',
             'start': '2021-01-10', 'end': '2021-01-31'},
        ],
        follow_ups=[{'placement': 'pl1', 'date': '2021-03-01', 'status': 'employed'}]))

    findings = [f for f in labour.check(as_of='2021-12-31') if f.get_rule().startswith('labour.')]

    assert [(f.get_rule(), f.subject) for f in findings] == [
        ('labour.follow_up', {'placement': 'pl1', 'from': '2021-03-01', 'to': '2021-12-31'}),
        ('labour.overfilled', {'offer': 'o-none'}),
        ('labour.priority', {'placement': 'pl1'}),
        ('labour.priority', {'placement': 'pl2'}),
    ]
    follow_up, overfilled, priority = findings[0], findings[1], findings[2]
    assert (follow_up.expected, follow_up.actual) == (90, 305)
    assert (overfilled.expected, overfilled.actual) == (1, 2)
    assert priority.actual == 1 and 'w1, registered on 2021-01-05' in priority.get_message()
    assert overfilled.to_dict()['severity'] == 'violation'
    assert follow_up.to_dict()['severity'] == 'warning'


# --- a random dataset against the SPEC, read plainly ----------------------

COUNTIES = {'yanchuan': 'yanan', 'yanchang': 'yanan', 'ledu': 'haidong', 'pingan': 'haidong'}
PROGRAMS = {'prog': ['yanan'], 'hd': ['haidong'], 'both': ['yanan', 'haidong'], 'nested': ['yanan', 'yanchuan']}
JOB_TYPES = ['domestic_service', 'logistics', 'elderly_care', 'catering', 'construction',
             'machine_repair', 'manufacturing', 'other']
PRIORITY = {'poverty_lifted', 'at_risk'}


def day(n):
    return datetime.date(2021, 1, 1) + datetime.timedelta(days=n)


def random_records(seed):
    rng = random.Random(seed)
    offers = [{'id': f'o{i}', 'employer': rng.choice(['e1', 'e2']), 'job_type': rng.choice(JOB_TYPES),
               'positions': rng.randint(1, 4), 'open': {'first': '2021-01-01', 'last': '2021-12-31'},
               'program': rng.choice(list(PROGRAMS) + [None])} for i in range(30)]
    workers = [{'id': f'w{i}', 'county': rng.choice(list(COUNTIES)),
                'flags': rng.sample(['poverty_lifted', 'at_risk', 'disabled'], rng.randint(0, 2)),
                'wants': rng.sample(JOB_TYPES[:3], rng.randint(0, 2)),
                'registered': day(rng.randint(-30, 300))} for i in range(150)]
    placements = []
    for i in range(250):
        start = day(rng.randint(0, 330))
        placements.append({'id': f'p{i}', 'worker': f'w{rng.randrange(150)}', 'employer': 'e1',
                           'offer': rng.choice([None, f'o{rng.randrange(30)}']),
                           'kind': rng.choice(['transfer', 'transfer', 'local', 'public_welfare']),
                           'start': start,
                           'end': rng.choice([None, start + datetime.timedelta(days=rng.randint(0, 150))])})
    follow_ups = []
    for i in range(500):
        placement = rng.choice(placements)
        follow_ups.append({'placement': placement['id'], 'status': 'employed',
                           'date': placement['start'] + datetime.timedelta(days=rng.randint(-20, 300))})
    return offers, workers, placements, follow_ups


def expected_findings(offers, workers, placements, follow_ups):
    found = set()
    offer_of = {o['id']: o for o in offers}
    worker_of = {w['id']: w for w in workers}
    for o in offers:
        n = sum(p['offer'] == o['id'] for p in placements)
        if n > o['positions']:
            found.add(('labour.overfilled', o['id'], o['positions'], n))
    for p in placements:
        if p['kind'] != 'transfer':
            continue
        horizon = min(p['end'], AS_OF) if p['end'] else AS_OF
        if horizon < p['start']:
            continue
        contacts = sorted([p['start']] + [f['date'] for f in follow_ups
                                          if f['placement'] == p['id'] and p['start'] <= f['date'] <= horizon])
        for a, b in zip(contacts, contacts[1:] + [horizon]):
            if (b - a).days > 90:
                found.add(('labour.follow_up', p['id'], str(a), str(b), 90, (b - a).days))
    for p in placements:
        if p['offer'] is None or PRIORITY & set(worker_of[p['worker']]['flags']):
            continue
        offer, when = offer_of[p['offer']], p['start']
        cities = PROGRAMS[offer['program']] if offer['program'] else None
        waiting = [w for i, w in enumerate(workers)
                   if PRIORITY & set(w['flags']) and w['registered'] <= when
                   and (not w['wants'] or offer['job_type'] in w['wants'])
                   and (cities is None or COUNTIES[w['county']] in cities or w['county'] in cities)
                   and not any(q['worker'] == w['id'] and q['start'] <= when and (q['end'] is None or when <= q['end'])
                               for q in placements)]
        if waiting:
            first = min(waiting, key=lambda w: (w['registered'], workers.index(w)))
            found.add(('labour.priority', p['id'], len(waiting), first['id']))
    return found


def as_json(records):
    return [{k: (str(v) if isinstance(v, datetime.date) else v) for k, v in r.items() if v is not None}
            for r in records]


@pytest.mark.parametrize('seed', [1, 2, 3])
def test_random_dataset_as_the_spec_reads(Collab, labour, seed):
    offers, workers, placements, follow_ups = random_records(seed)
    labour.merge_from_data(document(
        programs=[{'id': p, 'name': p, 'kind': 'east_west', 'first_year': 2021, 'last_year': 2025,
                   'assisting': 'wuxi', 'assisted': cities} for p, cities in PROGRAMS.items() if p not in ('prog', 'hd')],
        job_offers=as_json(offers), workers=as_json(workers), placements=as_json(placements),
        follow_ups=as_json(follow_ups)))

    found = set()
    for f in labour.check(as_of=str(AS_OF)):
        rule, subject = f.get_rule(), f.subject
        if rule == 'labour.overfilled':
            found.add((rule, subject['offer'], f.expected, f.actual))
        elif rule == 'labour.follow_up':
            found.add((rule, subject['placement'], subject['from'], subject['to'], f.expected, f.actual))
        elif rule == 'labour.priority':
            earliest = f.get_message().split(', registered on ')[0].split(' ')[-1]
            found.add((rule, subject['placement'], f.actual, earliest))

    expected = expected_findings(offers, workers, placements, follow_ups)
    assert {f[0] for f in expected} == {'labour.overfilled', 'labour.follow_up', 'labour.priority'}
    assert found == expected
