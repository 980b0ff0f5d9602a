# The dataset API from Python, through the typelib and the override.

import pytest
from gi.repository import GLib


def test_version(Collab):
    assert Collab.get_version() == '%d.%d.%d' % (
        Collab.get_major_version(), Collab.get_minor_version(), Collab.get_micro_version())


def test_load_and_count(Collab, wuxi):
    assert wuxi.get_n_records(Collab.RecordKind.REGION) == 22
    assert wuxi.get_n_records(Collab.RecordKind.PAIRING) == 11


def test_program_pairings(Collab, wuxi):
    county = wuxi.get_pairings('wuxi-2021', Collab.PairingLevel.COUNTY, 2023)
    pairs = sorted((p['assisting'], p['assisted']) for p in county)
    assert len(pairs) == 9
    assert ('huishan', 'pingan') in pairs
    assert ('xinwu', 'huzhu') in pairs


def test_queries(Collab, wuxi):
    assert list(wuxi.get_partners('huishan')) == ['ledu', 'pingan']
    assert len(wuxi.get_counties('haidong')) == 6
    assert wuxi.get_region_side('pingan') == Collab.Side.WEST


def test_record_is_a_mapping(Collab, wuxi):
    region = wuxi[Collab.RecordKind.REGION, 'pingan']
    assert region['name'] == '平安区'
    assert region.get_strv('flags') == ['poverty_lifted']
    assert 'code' in region
    with pytest.raises(KeyError):
        wuxi[Collab.RecordKind.REGION, 'nowhere']


def test_program_amounts_are_exact(Collab, wuxi):
    program = wuxi[Collab.RecordKind.PROGRAM, 'wuxi-2021']
    bases = {b['city']: b['base'] for b in program['fund_base']}
    assert bases['yanan'] == '19200000.00'
    ok, fen = Collab.money_parse(bases['haidong'])
    assert ok and fen == 27000 * 10000 * 100


def test_load_error_names_the_place(Collab, tmp_path):
    bad = tmp_path / 'bad.json'
    bad.write_text('{"format": "libcollab-dataset", "version": 1,\n "regions": [{"id": "x", "name": "X", "level": "provence"}]}')
    with pytest.raises(GLib.Error) as raised:
        Collab.Dataset(bad)
    assert '$.regions[0] (x).level' in raised.value.message
    assert 'provence' in raised.value.message


def test_failed_load_keeps_records(Collab, wuxi):
    with pytest.raises(GLib.Error):
        wuxi.load_from_data(b'{"format": "libcollab-dataset", "version": 2}')
    assert wuxi.get_n_records(Collab.RecordKind.PAIRING) == 11


def test_every_example_is_canonical(Collab, data_dir, tmp_path):
    """Each example file is exactly what the library writes: load then save
    gives the same bytes."""
    examples = sorted(data_dir.glob('*.json'))
    assert len(examples) >= 6
    for source in examples:
        dataset = Collab.Dataset(source)
        out = tmp_path / source.name
        dataset.save_to_file(str(out))
        assert out.read_bytes() == source.read_bytes(), source.name


def test_load_error_has_the_place(Collab, tmp_path):
    bad = tmp_path / 'bad.json'
    bad.write_text('{"format": "libcollab-dataset", "version": 1,\n "regions": [{"id": "x", "name": "X", "level": "provence"}]}')
    with pytest.raises(Collab.LoadError) as raised:
        Collab.Dataset(bad)
    error = raised.value
    assert isinstance(error, GLib.Error)
    assert error.file == str(bad)
    assert error.path == '$.regions[0].level'
    assert error.record_id == 'x'
    assert error.line == 2

    # A record without a member: the path ends at the record, which the
    # message names by its id; before its id is read, it has none.
    for document, path, record_id in (
            ('{"id": "x", "level": "city"}', '$.regions[0]', 'x'),
            ('{"level": 5, "id": "x"}', '$.regions[0].level', None)):
        bad.write_text('{"format": "libcollab-dataset", "version": 1, "regions": [%s]}' % document)
        with pytest.raises(Collab.LoadError) as raised:
            Collab.Dataset(bad)
        assert (raised.value.path, raised.value.record_id) == (path, record_id)

    broken = tmp_path / 'broken.json'
    broken.write_text('{"format": "libcollab-dataset",\n  "version": 1,,}')
    with pytest.raises(Collab.LoadError) as raised:
        Collab.Dataset(broken)
    assert (raised.value.line, raised.value.path) == (2, None)
    assert raised.value.column > 1


def test_years_and_levels_as_python_writes_them(Collab, wuxi):
    """Optional years and levels are None, a value, a pair or flags: no 0 or -1."""
    every = wuxi.get_pairings('wuxi-2021')
    assert len(every) == wuxi.get_n_records(Collab.RecordKind.PAIRING)
    county_2023 = wuxi.get_pairings('wuxi-2021', 'county', 2023)
    assert len(county_2023) == 9
    assert len(wuxi.get_pairings('wuxi-2021', Collab.PairingLevels.COUNTY, (2021, 2025))) == 9
    assert len(wuxi.get_pairings('wuxi-2021', Collab.PairingLevels.CITY | Collab.PairingLevels.COUNTY)) == 11
    assert len(wuxi.get_pairings('wuxi-2021', ['city', 'county'], Collab.YearRange.new(2021, 2021))) == 11
    assert wuxi.get_pairings('wuxi-2021', 'county', 2030) == []
    assert wuxi.get_pairings('wuxi-2021', Collab.PairingLevels(0)) == []
    assert list(wuxi.get_partners('huishan', range(2021, 2026))) == ['ledu', 'pingan']


def test_reports_are_methods_of_the_dataset(Collab, data_dir):
    wuxi = Collab.Dataset(data_dir / 'wuxi-2021-2023.json')
    findings = wuxi.check(as_of='2023-12-31')
    card = wuxi.get_scorecard(findings, 'wuxi-2021', 2021).to_pandas()
    assert card['year'].tolist() == [2021]
    assert card['allocated'][0] == 28920 * 10000 * 100
    assert wuxi.get_scorecard(None, 'wuxi-2021', (2021, 2022)).get_n_rows() == 2
    totals = wuxi.get_fund_totals('yanan', 2021)
    assert totals.allocated == 1920 * 10000 * 100
    edges = wuxi.trace_funds('wuxi-2021', 2021).to_pandas()
    assert (edges['year'] == 2021).all() and len(edges) > 10
    assert len(wuxi.trace_funds()) >= len(edges)
    checker = Collab.Checker()
    checker.set_as_of(Collab.day_parse('2023-12-31')[1])
    assert set(checker.plan(wuxi, 'wuxi-2021', 2022).to_pandas()['year']) == {2022}


LABOUR = '''{"format": "libcollab-dataset", "version": 1,
 "organizations": [
  {"id": "ws-pingan", "name": "平安区扶贫车间", "kind": "workshop", "region": "pingan"},
  {"id": "e-wuxi", "name": "某物流公司", "kind": "enterprise", "region": "wuxi"}],
 "workers": [
  {"id": "w1", "county": "pingan", "flags": ["poverty_lifted"], "registered": "2021-01-01"},
  {"id": "w2", "county": "yanchuan", "registered": "2021-01-01"}],
 "placements": [
  {"id": "t1", "worker": "w1", "employer": "e-wuxi", "kind": "transfer", "start": "2021-03-01", "end": "2021-12-31"},
  {"id": "t2", "worker": "w1", "employer": "e-wuxi", "kind": "transfer", "start": "2022-03-01"},
  {"id": "l1", "worker": "w2", "employer": "ws-pingan", "kind": "local", "start": "2021-12-31", "end": "2022-01-01"}],
 "events": [
  {"id": "fair", "program": "wuxi-2021", "kind": "job_fair", "date": "2022-01-01"}]}'''


def test_scorecard_of_a_period(Collab, data_dir, wuxi):
    """period=True: one row per program, people counted once over it."""
    wuxi.merge_from_data(LABOUR.encode())
    yearly = wuxi.get_scorecard(None, 'wuxi-2021', (2021, 2022)).to_pandas().set_index('year')
    period = wuxi.get_scorecard(None, 'wuxi-2021', (2021, 2022), period=True).to_pandas()
    assert yearly['workers_transferred'].tolist() == [1, 1]
    assert yearly['workshop_workers'].tolist() == [1, 1]
    assert period[['first_year', 'last_year']].values.tolist() == [[2021, 2022]]
    assert 'year' not in period.columns
    row = period.iloc[0]
    # The same workers both years: once over the period, not the sum.
    assert (row['workers_transferred'], row['workers_transferred_poverty_lifted']) == (1, 1)
    assert (row['workshop_workers'], row['workshops'], row['job_fairs']) == (1, 1, 1)
    assert wuxi.get_scorecard_for_period(None, None, 2021).to_pandas()['job_fairs'].tolist() == [0]

    # The plan's summary line, from the period's own row.
    summary = Collab.Dataset(data_dir / 'wuxi-2016-2020.json').get_scorecard(
        years=range(2016, 2021), period=True).to_pandas().set_index('program')
    assert summary.loc['wuxi-yanan-2016', 'allocated'] == 14700 * 10000 * 100
    assert summary['projects_funded'].to_dict() == {'wuxi-yanan-2016': 218, 'wuxi-haidong-2016': 309}


def test_checker_interpretation_has_a_getter(Collab):
    checker = Collab.Checker()
    assert checker.get_interpretation_set() is False
    checker.set_interpretation(Collab.Interpretation.BANDED)
    assert checker.get_interpretation() == Collab.Interpretation.BANDED
    assert checker.props.interpretation_set is True
    checker.props.interpretation_set = False
    assert checker.get_interpretation_set() is False
