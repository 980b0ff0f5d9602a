# Tables for notebooks (SPEC §7): Collab.Table through the typelib, and
# the DataFrames the override builds from its columns.
#
# COLLAB_BENCH=1 makes test_benchmark_dispatches_to_pandas time a million
# dispatches and print the seconds; it asserts no timing either way.

import datetime
import json
import os
import time

import numpy as np
import pandas as pd
import pytest

HEADER = '"format": "libcollab-dataset", "version": 1'

ROSTER = '''{%s,
 "people": [
  {"id": "x001", "profession": "teacher"},
  {"id": "x002", "name": "王医生", "profession": "doctor"},
  {"id": "x003", "profession": "agriculture"}],
 "dispatches": [
  {"id": "d1", "person": "x002", "kind": "professional", "direction": "outbound",
   "from": "jiangyin", "to": "yanchuan", "start": "2022-03-01", "planned_end": "2023-02-28"},
  {"id": "d2", "person": "x001", "kind": "professional", "direction": "outbound",
   "from": "huishan", "to": "pingan", "start": "2022-03-01", "planned_end": "2022-08-31"},
  {"id": "d3", "person": "x002", "kind": "cadre", "direction": "outbound", "post": "liaison",
   "from": "jiangyin", "to": "yanchuan", "start": "2021-01-01", "planned_end": "2022-12-31",
   "actual_end": "2022-06-30"}]
}''' % HEADER

FUNDS = '''{%s,
 "accounts": [
  {"id": "acc-js", "holder": "js-finance", "source": true},
  {"id": "acc-yanan", "holder": "yanan"}],
 "projects": [
  {"id": "prj-apple", "name": "延川县苹果良种苗木繁育基地", "county": "yanchuan",
   "category": "industry", "budget": "500万", "in_reserve": true, "program": "wuxi-2021",
   "status": [{"status": "reserve", "date": "2020-11-01"}, {"status": "filed", "date": "2021-06-01"}]},
  {"id": "prj-road", "name": "产业路", "county": "yanchuan", "category": "industry"}],
 "transactions": [
  {"id": "t1", "type": "allocation", "to": "acc-yanan", "amount": "1920万",
   "date": "2021-04-15", "budget_year": 2021, "program": "wuxi-2021"},
  {"id": "t2", "type": "transfer", "from": "acc-js", "to": "prj-apple", "amount": "300万",
   "date": "2021-07-01", "parent": "t1"}]
}''' % HEADER


@pytest.fixture
def staffed(wuxi):
    """The Wuxi example with a small roster and some funds merged in."""
    wuxi.merge_from_data(ROSTER.encode())
    wuxi.merge_from_data(FUNDS.encode())
    return wuxi


def column_names(table):
    return [table.get_column_name(i) for i in range(table.get_n_columns())]


# The table, as C has it --------------------------------------------------------

def test_regions_table(Collab, wuxi):
    table = wuxi.to_table(Collab.RecordKind.REGION)
    assert table.get_n_rows() == 22
    assert table.props.n_rows == 22
    assert column_names(table) == ['id', 'name', 'name_en', 'level', 'parent', 'code',
                                   'side', 'flags', 'derived_side']
    pingan = table.get_column_categories(0).index('pingan')
    parent = table.find_column('parent')
    assert table.get_string(pingan, parent) == 'haidong'
    assert table.get_string(pingan, table.find_column('derived_side')) == 'west'
    assert table.get_string(pingan, table.find_column('side')) is None
    assert table.is_null(pingan, table.find_column('side'))
    assert table.find_column('nothing') == -1
    # A reference's codes are record positions into the kind's ids.
    codes = np.frombuffer(table.get_column_codes(parent).get_data(), dtype=np.int32)
    assert table.get_column_categories(parent)[codes[pingan]] == 'haidong'
    assert codes[0] == -1


def test_pairings_table(Collab, wuxi):
    table = wuxi.to_table(Collab.RecordKind.PAIRING)
    assert table.get_n_rows() == 11
    assert column_names(table) == ['id', 'program', 'assisting', 'assisted', 'level',
                                   'period.first_year', 'period.last_year']
    first_year = table.find_column('period.first_year')
    assert table.get_column_type(first_year) == Collab.ColumnType.INT
    validity = table.get_column_validity(first_year)
    assert validity.get_data() == bytes(11)   # no pairing has a period of its own
    rows = {table.get_string(r, 0): r for r in range(11)}
    assert table.get_string(rows['p-xinwu-huzhu'], 2) == 'xinwu'
    assert table.get_string(rows['p-xinwu-huzhu'], 3) == 'huzhu'


def test_every_column_type(Collab, staffed):
    T = Collab.ColumnType
    transactions = staffed.to_table(Collab.RecordKind.TRANSACTION)
    accounts = staffed.to_table(Collab.RecordKind.ACCOUNT)
    dispatches = staffed.to_table(Collab.RecordKind.DISPATCH)

    def type_of(table, name):
        return table.get_column_type(table.find_column(name))

    assert type_of(transactions, 'type') == T.STRING
    assert type_of(transactions, 'amount') == T.AMOUNT
    assert type_of(transactions, 'date') == T.DAY
    assert type_of(transactions, 'budget_year') == T.INT
    assert type_of(accounts, 'source') == T.BOOL
    assert type_of(dispatches, 'start') == T.DAY

    amount = transactions.find_column('amount')
    assert transactions.get_int(0, amount) == 1920 * 10000 * 100
    data = np.frombuffer(transactions.get_column_data(amount).get_data(), dtype=np.int64)
    assert list(data) == [1920 * 10000 * 100, 300 * 10000 * 100]
    assert transactions.get_column_validity(amount) is None

    # Days are Collab.Day numbers: 0001-01-01 is day 1, as date.toordinal().
    date = transactions.find_column('date')
    assert transactions.get_int(0, date) == datetime.date(2021, 4, 15).toordinal()
    assert transactions.get_int(0, date) == Collab.day_parse('2021-04-15')[1]
    assert transactions.get_int(0, date) - 719163 == \
        (np.datetime64('2021-04-15') - np.datetime64('1970-01-01')).astype(int)

    # One uint32 per row; a missing day holds 0 in the data, and 0 in the validity.
    actual_end = dispatches.find_column('actual_end')
    data = dispatches.get_column_data(actual_end).get_data()
    assert len(data) == 4 * dispatches.get_n_rows()
    days = np.frombuffer(data, dtype=np.uint32)
    assert days[0] == 0 and days[1] == 0
    assert days[2] == datetime.date(2022, 6, 30).toordinal()
    assert list(dispatches.get_column_validity(actual_end).get_data()) == [0, 0, 1]


def test_text_forms(Collab, staffed):
    table = staffed.to_table(Collab.RecordKind.TRANSACTION)
    csv = table.to_csv().splitlines()
    assert csv[0] == 'id,type,from,to,amount,date,budget_year,program,parent,document,use,payee'
    assert csv[1] == 't1,allocation,,acc-yanan,19200000.00,2021-04-15,2021,wuxi-2021,,,,'
    from gi.repository import Json
    rows = json.loads(Json.to_string(table.to_json(), False))
    assert rows[1]['amount'] == '3000000.00'
    assert rows[1]['budget_year'] is None
    assert rows[0]['budget_year'] == 2021
    text = table.to_text().splitlines()
    assert text[0].startswith('id  type        from    to')
    assert len(text) == 2 + 2


def test_record_kind_from_name(Collab):
    assert Collab.RecordKind.from_name('dispatches') == (True, Collab.RecordKind.DISPATCH)
    assert Collab.RecordKind.from_name('person') == (True, Collab.RecordKind.PERSON)
    assert not Collab.RecordKind.from_name('dispatchs')[0]


# DataFrames -------------------------------------------------------------------

def test_regions_to_pandas(Collab, wuxi):
    frame = wuxi.to_pandas('regions')
    assert len(frame) == 22
    assert all(frame.dtypes == 'category')
    assert list(frame['level'].cat.categories) == ['province', 'city', 'county', 'township', 'village']
    indexed = frame.set_index('id')
    assert indexed.loc['pingan', 'name'] == '平安区'
    assert indexed.loc['pingan', 'flags'] == 'poverty_lifted'
    assert pd.isna(indexed.loc['wuxi', 'flags'])
    assert indexed.loc['wuxi', 'derived_side'] == 'east'
    assert (frame['derived_side'] == 'west').sum() == 13
    # Counties by parent: the references group without any merge.
    counties = frame[frame['level'] == 'county'].groupby('parent', observed=True).size()
    assert counties['haidong'] == 6 and counties['wuxi'] == 7 and counties['yanan'] == 3


def test_dispatches_to_pandas(Collab, staffed):
    frame = staffed.to_pandas(Collab.RecordKind.DISPATCH)
    assert list(frame.columns) == ['id', 'person', 'kind', 'direction', 'from', 'to', 'post',
                                   'start', 'planned_end', 'actual_end']
    assert frame['person'].dtype == 'category'
    assert list(frame['person']) == ['x002', 'x001', 'x002']
    # Every person is a category, dispatched or not.
    assert list(frame['person'].cat.categories) == ['x001', 'x002', 'x003']
    assert pd.api.types.is_datetime64_any_dtype(frame['start'])
    assert frame['start'][0] == pd.Timestamp('2022-03-01')
    assert frame['actual_end'].isna().tolist() == [True, True, False]
    assert frame['actual_end'][2] == pd.Timestamp('2022-06-30')
    # Exactly the column numpy's datetime64[D] makes, NaT where missing.
    pd.testing.assert_series_equal(
        frame['start'],
        pd.Series(np.array(['2022-03-01', '2022-03-01', '2021-01-01'], dtype='datetime64[D]'), name='start'))
    pd.testing.assert_series_equal(
        frame['actual_end'],
        pd.Series(np.array(['NaT', 'NaT', '2022-06-30'], dtype='datetime64[D]'), name='actual_end'))
    assert frame['post'].isna().tolist() == [True, True, False]
    # Tenure in days, the pandas way.
    end = frame['actual_end'].fillna(frame['planned_end'])
    assert ((end - frame['start']).dt.days + 1).tolist() == [365, 184, 546]
    # The same by name, plural or singular.
    assert staffed.to_pandas('dispatches').equals(frame)
    assert staffed.to_pandas('dispatch').equals(frame)
    with pytest.raises(ValueError):
        staffed.to_pandas('dispatchs')


def test_funds_to_pandas(Collab, staffed):
    accounts = staffed.to_pandas('accounts')
    assert accounts['source'].dtype == bool
    assert accounts['source'].tolist() == [True, False]

    projects = staffed.to_pandas('projects')
    assert str(projects['budget'].dtype) == 'Int64'          # nullable: prj-road has none
    assert projects['budget'][0] == 500 * 10000 * 100
    assert projects['budget'].isna().tolist() == [False, True]
    assert projects['in_reserve'].dtype == bool
    assert projects['status'].tolist()[0] == 'filed'
    assert pd.isna(projects['status'][1])
    assert projects['status_date'][0] == pd.Timestamp('2021-06-01')

    transactions = staffed.to_pandas('transactions')
    assert transactions['amount'].dtype == np.int64          # fen, exact
    assert transactions['amount'].sum() == (1920 + 300) * 10000 * 100
    assert str(transactions['budget_year'].dtype) == 'Int64'
    assert transactions['budget_year'].tolist()[0] == 2021
    assert pd.isna(transactions['budget_year'][1])


def test_frames_are_writable(Collab, staffed):
    frame = staffed.to_pandas('dispatches')
    frame.loc[0, 'kind'] = 'cadre'
    frame.loc[0, 'start'] = pd.Timestamp('2020-01-01')
    projects = staffed.to_pandas('projects')
    projects.loc[1, 'budget'] = 5
    assert frame['kind'][0] == 'cadre' and projects['budget'][1] == 5


def test_empty_kind_to_pandas(Collab, wuxi):
    frame = wuxi.to_pandas('dispatches')
    assert len(frame) == 0
    assert 'start' in frame.columns
    assert pd.api.types.is_datetime64_any_dtype(frame['start'])


def test_findings_to_pandas(Collab, wuxi, pairing_rules):
    wuxi.remove(Collab.RecordKind.PAIRING, 'p-huishan-pingan')
    wuxi.remove(Collab.RecordKind.PAIRING, 'p-xishan-hualong')
    findings = wuxi.check(ruleset=pairing_rules)
    frame = Collab.findings_to_pandas(findings)
    assert len(frame) == len(findings) == 11
    assert list(frame.columns) == ['rule', 'severity', 'message', 'program', 'county', 'year',
                                   'assisting', 'expected', 'actual', 'remedy']
    assert list(frame['severity'].cat.categories) == ['info', 'warning', 'violation']
    coverage = frame[frame['rule'] == 'pairing.coverage']
    assert sorted(coverage['county'].unique()) == ['hualong', 'pingan']
    assert coverage['year'].tolist() == [2021, 2022, 2023, 2024, 2025] * 2
    assert str(frame['year'].dtype) == 'Int64'                # orphan findings have no year
    orphan = frame[frame['rule'] == 'pairing.orphan'].iloc[0]
    assert orphan['assisting'] == 'xishan' and pd.isna(orphan['year'])
    assert frame['message'][0] == findings[0].get_message()

    # The C table behind it.
    table = Collab.Table.new_from_findings(findings)
    assert table.get_n_rows() == 11
    assert table.get_string(0, table.find_column('rule')) == 'pairing.coverage'


def test_no_findings_to_pandas(Collab, wuxi, pairing_rules):
    frame = Collab.findings_to_pandas(wuxi.check(ruleset=pairing_rules))
    assert len(frame) == 0
    assert list(frame.columns) == ['rule', 'severity', 'message', 'expected', 'actual', 'remedy']


# Benchmark ---------------------------------------------------------------------

PAIRS = [('jiangyin', 'yanchuan'), ('yixing', 'yanchang'), ('xinwu', 'yichuan'),
         ('huishan', 'ledu'), ('huishan', 'pingan'), ('binhu', 'minhe'),
         ('xishan', 'hualong'), ('xinwu', 'huzhu'), ('liangxi', 'xunhua')]
PROFESSIONS = ['teacher', 'doctor', 'agriculture', 'other']


def synthetic_roster(n_dispatches):
    """A document of n dispatches of n/10 people between the Wuxi pairs."""
    n_people = max(n_dispatches // 10, 1)
    people = ',\n'.join('{"id": "p%07d", "profession": "%s"}' % (i, PROFESSIONS[i % 4])
                        for i in range(n_people))
    dispatches = []
    for i in range(n_dispatches):
        east, west = PAIRS[i % len(PAIRS)]
        year = 2021 + i % 5
        end = ', "actual_end": "%d-09-30"' % year if i % 7 == 0 else ''
        dispatches.append(
            '{"id": "d%07d", "person": "p%07d", "kind": "professional", "direction": "outbound", '
            '"from": "%s", "to": "%s", "start": "%d-03-01", "planned_end": "%d-02-28"%s}'
            % (i, i % n_people, east, west, year, year + 1, end))
    return '{%s, "people": [%s], "dispatches": [%s]}' % (HEADER, people, ',\n'.join(dispatches))


def test_benchmark_dispatches_to_pandas(Collab, wuxi, capsys):
    bench = os.environ.get('COLLAB_BENCH') == '1'
    n = 1_000_000 if bench else 2_000
    wuxi.merge_from_data(synthetic_roster(n).encode())

    start = time.perf_counter()
    table = wuxi.to_table(Collab.RecordKind.DISPATCH)
    exported = time.perf_counter()
    frame = table.to_pandas()
    done = time.perf_counter()

    assert len(frame) == n
    assert frame['to'].value_counts()['yanchuan'] == len(range(0, n, len(PAIRS)))
    assert frame['actual_end'].notna().sum() == len(range(0, n, 7))
    if bench:
        with capsys.disabled():
            print('\n%d dispatches -> DataFrame: %.3f s (C table %.3f s, DataFrame %.3f s)'
                  % (n, done - start, exported - start, done - exported))
