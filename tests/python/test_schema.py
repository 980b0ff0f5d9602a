# The published JSON Schema (doc/dataset.schema.json) accepts every
# example dataset, and what the library writes.

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
