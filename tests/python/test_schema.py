# The published JSON Schema (doc/dataset.schema.json) accepts every
# example dataset, the labour records of tests/data/labour-sheets.json
# (every array and field of SPEC §11.1 the library reads), and what the
# library writes.

import json
import pathlib

import pytest

import jsonschema  # python3-jsonschema, installed by .ci/install-deps

SCHEMA = pathlib.Path(__file__).resolve().parents[2] / 'doc' / 'dataset.schema.json'


@pytest.fixture(scope='module')
def validator():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_examples_validate(validator, data_dir):
    examples = sorted(data_dir.glob('*.json'))
    assert examples
    for path in examples:
        errors = list(validator.iter_errors(json.loads(path.read_text())))
        assert errors == [], f'{path.name}: {errors[0].message if errors else ""}'


def test_library_output_validates(validator, wuxi):
    document = json.loads(wuxi.to_data()[0] if isinstance(wuxi.to_data(), tuple) else wuxi.to_data())
    assert list(validator.iter_errors(document)) == []


def test_schema_rejects_a_bad_level(validator):
    document = {'format': 'libcollab-dataset', 'version': 1,
                'regions': [{'id': 'x', 'name': 'X', 'level': 'provence'}]}
    assert list(validator.iter_errors(document))


def test_labour_validates(validator, Collab, fixture_dir):
    """Job offers, workers, placements, follow-ups and events; workshops,
    shops and labour training: as written, and as the library saves them."""
    path = fixture_dir / 'labour-sheets.json'
    document = json.loads(path.read_text())
    for member in ('job_offers', 'workers', 'placements', 'follow_ups', 'events'):
        assert document[member]
    assert list(validator.iter_errors(document)) == []

    dataset = Collab.Dataset.new()
    dataset.load_from_data(path.read_bytes())
    data = dataset.to_data()
    saved = json.loads(data[0] if isinstance(data, tuple) else data)
    assert list(validator.iter_errors(saved)) == []


@pytest.mark.parametrize('member,record', [
    ('job_offers', {'id': 'o', 'employer': 'e', 'job_type': 'logistics', 'positions': 0,
                    'open': {'first': '2021-03-01', 'last': '2021-06-30'}}),
    ('job_offers', {'id': 'o', 'employer': 'e', 'job_type': 'cleaning', 'positions': 3,
                    'open': {'first': '2021-03-01', 'last': '2021-06-30'}}),
    ('job_offers', {'id': 'o', 'employer': 'e', 'job_type': 'logistics', 'positions': 3,
                    'open': {'first': '2021-03-01'}}),
    ('workers', {'id': 'w', 'county': 'c', 'registered': '2021-03-01', 'wants': ['catering', 'catering']}),
    ('workers', {'id': 'w', 'county': 'c', 'registered': '2021-03-01', 'flags': ['poor']}),
    ('placements', {'id': 'p', 'worker': 'w', 'employer': 'e', 'kind': 'abroad', 'start': '2021-03-01'}),
    ('follow_ups', {'placement': 'p', 'date': '2021-03-01', 'status': 'fine'}),
    ('events', {'id': 'e', 'program': 'p', 'kind': 'job_fair', 'date': '2021-03-01', 'participants': -1}),
    ('trainings', {'program': 'p', 'year': 2021, 'person_times': 10, 'classes': -2}),
    ('organizations', {'id': 'o', 'name': 'O', 'kind': 'factory'}),
])
def test_schema_rejects_bad_labour_records(validator, member, record):
    document = {'format': 'libcollab-dataset', 'version': 1, member: [record]}
    assert list(validator.iter_errors(document))


# The rest of the program (SPEC §11.1) -----------------------------------------

MORE = ('purchases', 'investments', 'donations', 'tasks', 'task_reports', 'initiatives', 'agreements')


def test_more_records_validate(validator, Collab, fixture_dir):
    """Purchases, investments, donations, plan tasks, task reports, key
    initiatives, annual agreements and events serving tasks: as written,
    and as the library saves them."""
    path = fixture_dir / 'more-sheets.json'
    document = json.loads(path.read_text())
    for member in MORE:
        assert document[member]
    assert any('tasks' in event for event in document['events'])
    assert list(validator.iter_errors(document)) == []

    dataset = Collab.Dataset.new()
    dataset.load_from_data(path.read_bytes())
    data = dataset.to_data()
    saved = json.loads(data[0] if isinstance(data, tuple) else data)
    assert list(validator.iter_errors(saved)) == []


def test_more_amount_forms_validate(validator):
    document = {'format': 'libcollab-dataset', 'version': 1,
                'investments': [{'id': 'i', 'enterprise': 'e', 'county': 'c', 'amount': '7.9亿', 'date': '2022-01-01'}],
                'donations': [{'id': 'd', 'to': 'c', 'form': 'cash', 'amount': 1344, 'date': '2022-01-01'}],
                'agreements': [{'id': 'a', 'program': 'p', 'year': 2022, 'city': 'c', 'funds': '1920万'}]}
    assert list(validator.iter_errors(document)) == []


PURCHASE = {'id': 'p', 'origin': 'c', 'product': '红枣', 'channel': 'canteen', 'amount': '1.00', 'date': '2022-01-01'}


@pytest.mark.parametrize('member,record', [
    ('purchases', {**PURCHASE, 'amount': '-1.00'}),
    ('purchases', {**PURCHASE, 'amount': -1}),
    ('purchases', {**PURCHASE, 'channel': 'shop'}),
    ('purchases', {**PURCHASE, 'beneficiaries': -3}),
    ('purchases', {key: value for key, value in PURCHASE.items() if key != 'origin'}),
    ('investments', {'id': 'i', 'enterprise': 'e', 'amount': '5万', 'date': '2022-01-01'}),
    ('donations', {'id': 'd', 'to': 'c', 'form': 'goods', 'amount': '5万', 'date': '2022-01-01'}),
    ('tasks', {'id': 't', 'program': 'p', 'number': 0, 'area': 'industry', 'title': 'T'}),
    ('tasks', {'id': 't', 'program': 'p', 'number': 1, 'area': 'farming', 'title': 'T'}),
    ('tasks', {'id': 't', 'program': 'p', 'number': 1, 'area': 'industry', 'title': 'T', 'responsible': 'o'}),
    ('task_reports', {'task': 't', 'year': 2022, 'status': 'finished'}),
    ('task_reports', {'task': 't', 'status': 'done'}),
    ('initiatives', {'id': 'i', 'program': 'p', 'year': 2022}),
    ('agreements', {'id': 'a', 'program': 'p', 'year': 2022, 'city': 'c', 'funds': '1', 'cadres': -1}),
    ('agreements', {'id': 'a', 'program': 'p', 'year': 2022, 'funds': '1'}),
    ('events', {'id': 'e', 'program': 'p', 'kind': 'visit', 'date': '2022-01-01', 'tasks': 't'}),
])
def test_schema_rejects_bad_more_records(validator, member, record):
    document = {'format': 'libcollab-dataset', 'version': 1, member: [record]}
    assert list(validator.iter_errors(document))
