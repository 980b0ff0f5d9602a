# The records of the rest of the program (SPEC §11.1) as pandas DataFrames,
# and what `collab validate` counts of them: tests/data/more-sheets.json.

import os
import subprocess

import pytest

pd = pytest.importorskip('pandas')

CLI = os.environ.get('COLLAB_CLI')


@pytest.fixture(scope='module')
def more(Collab, fixture_dir):
    return Collab.Dataset(fixture_dir / 'more-sheets.json')


def is_datetime(column):
    return pd.api.types.is_datetime64_any_dtype(column)


def test_purchases(more):
    frame = more.to_pandas('purchases')
    assert list(frame.columns) == ['id', 'origin', 'product', 'channel', 'amount', 'date', 'buyer', 'beneficiaries',
                                   'program']
    assert frame['amount'].dtype == 'int64'                       # fen
    assert frame['amount'].tolist() == [12000000, 86543210, 5600000, 0]
    assert is_datetime(frame['date'])
    assert frame['date'][1] == pd.Timestamp('2022-10-18')
    assert frame['channel'].dtype == 'category'
    assert list(frame['channel'].cat.categories) == ['canteen', 'supermarket', 'counter', 'ecommerce', 'fair',
                                                     'union', 'other']
    assert str(frame['beneficiaries'].dtype) == 'Int64'           # nullable: two have none
    assert frame['beneficiaries'].isna().tolist() == [False, False, True, True]
    assert frame['origin'].dtype == 'category' and frame['buyer'].isna().tolist() == [False, True, False, True]
    # Consumption per county of origin, in 万元.
    by_origin = frame.groupby('origin', observed=True)['amount'].sum() / 1000000
    assert by_origin['yanchuan'] == 12.0


def test_investments_and_donations(more):
    investments = more.to_pandas('investments')
    assert list(investments.columns) == ['id', 'enterprise', 'county', 'amount', 'date', 'park', 'program']
    assert investments['amount'].dtype == 'int64'
    assert investments['amount'].sum() == 178000000 * 100
    assert is_datetime(investments['date'])
    assert investments['park'].isna().tolist() == [False, True]

    donations = more.to_pandas('donations')
    assert list(donations.columns) == ['id', 'donor', 'to', 'form', 'amount', 'date', 'program']
    assert list(donations['form'].cat.categories) == ['cash', 'in_kind']
    assert donations.groupby('form', observed=True)['amount'].sum().to_dict() == {'cash': 100880050,
                                                                               'in_kind': 30000000}
    assert donations['donor'].isna().tolist() == [False, False, True]


def test_tasks_and_reports(more):
    tasks = more.to_pandas('tasks')
    assert list(tasks.columns) == ['id', 'program', 'number', 'area', 'title', 'responsible']
    assert tasks['number'].dtype == 'int64'
    assert tasks['number'].tolist() == [1, 2, 7, 10, 13, 16]
    assert list(tasks['area'].cat.categories) == ['red_culture', 'rural_urban', 'public_services', 'ecology',
                                                  'industry']
    # A list of references as "a;b"; an empty list as "".
    assert tasks['responsible'].tolist() == ['wx-org;ya-org', '', 'wx-dev', 'wx-dev;ya-dev', 'ya-dev',
                                             'wx-dev;ya-dev;hongdou']

    reports = more.to_pandas('task_reports')
    assert list(reports.columns) == ['id', 'task', 'year', 'status', 'note']
    assert reports['year'].dtype == 'int64'
    assert list(reports['status'].cat.categories) == ['not_started', 'in_progress', 'done']
    assert reports['id'].isna().tolist() == [True, False, True]
    assert reports.set_index('task').loc['t16', 'status'] == 'done'


def test_initiatives_agreements_events(more):
    initiatives = more.to_pandas('initiatives')
    assert list(initiatives.columns) == ['id', 'program', 'year', 'title', 'document', 'tasks']
    assert initiatives['tasks'].tolist()[:2] == ['t01', 't07;t16']
    assert pd.isna(initiatives['tasks'][2])
    assert initiatives.groupby('year').size().to_dict() == {2022: 2, 2023: 1}

    agreements = more.to_pandas('agreements')
    assert list(agreements.columns) == ['id', 'program', 'year', 'city', 'funds', 'professionals', 'cadres', 'document']
    assert agreements['funds'].dtype == 'int64'
    assert agreements['funds'].tolist() == [1920000000, 2000000000]
    assert str(agreements['professionals'].dtype) == 'Int64'
    assert agreements['cadres'].isna().tolist() == [False, True]

    events = more.to_pandas('events')
    assert events.columns[-1] == 'tasks'
    assert events['tasks'].tolist()[:2] == ['t01;t16', 't02']
    assert pd.isna(events['tasks'][2])


@pytest.mark.skipif(CLI is None, reason='COLLAB_CLI comes from meson test')
def test_validate_counts(fixture_dir):
    result = subprocess.run([CLI, 'validate', str(fixture_dir / 'more-sheets.json')], capture_output=True,
                            env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8'))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().endswith(
        ': valid (7 regions, 9 organizations, 1 program, 3 events, 4 purchases, 2 investments, 3 donations, '
        '6 plan tasks, 3 task reports, 3 key initiatives, 2 annual agreements)\n')


@pytest.mark.skipif(CLI is None, reason='COLLAB_CLI comes from meson test')
def test_validate_counts_one_each(tmp_path):
    """The singular forms."""
    document = ('{"format": "libcollab-dataset", "version": 1, '
                '"regions": [{"id": "yanan", "name": "延安市", "level": "city", "side": "west"}, '
                '{"id": "wuxi", "name": "无锡市", "level": "city", "side": "east"}], '
                '"organizations": [{"id": "o", "name": "O", "kind": "enterprise", "region": "wuxi"}], '
                '"programs": [{"id": "cp", "name": "P", "kind": "counterpart", "first_year": 2022, "last_year": 2026, '
                '"assisting": "wuxi", "assisted": ["yanan"]}], '
                '"tasks": [{"id": "t", "program": "cp", "number": 1, "area": "industry", "title": "T"}], '
                '"task_reports": [{"task": "t", "year": 2022, "status": "done"}], '
                '"initiatives": [{"id": "i", "program": "cp", "year": 2022, "title": "I"}], '
                '"agreements": [{"id": "a", "program": "cp", "year": 2022, "city": "yanan", "funds": "1920万"}], '
                '"purchases": [{"id": "p", "origin": "yanan", "product": "枣", "channel": "fair", "amount": "1万", '
                '"date": "2022-01-01"}], '
                '"investments": [{"id": "v", "enterprise": "o", "county": "yanan", "amount": "1亿", '
                '"date": "2022-01-01"}], '
                '"donations": [{"id": "d", "to": "yanan", "form": "cash", "amount": "1万", "date": "2022-01-01"}]}')
    path = tmp_path / 'one.json'
    path.write_text(document)
    result = subprocess.run([CLI, 'validate', str(path)], capture_output=True,
                            env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8'))
    assert result.returncode == 0, result.stderr.decode()
    assert ('1 purchase, 1 investment, 1 donation, 1 plan task, 1 task report, 1 key initiative, '
            '1 annual agreement)') in result.stdout.decode()
