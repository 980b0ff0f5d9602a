# Running the rules from Python and reading the findings.

from gi.repository import GLib
import pytest


def pairing_findings(findings):
    return [f for f in findings if f.get_rule().startswith('pairing.')]


def test_wuxi_has_no_pairing_finding(wuxi):
    assert pairing_findings(wuxi.check()) == []


def test_removing_a_pairing_uncovers_pingan(Collab, wuxi):
    wuxi.remove(Collab.RecordKind.PAIRING, 'p-huishan-pingan')
    coverage = [f for f in wuxi.check() if f.get_rule() == 'pairing.coverage']
    assert sorted(f.subject['year'] for f in coverage) == [2021, 2022, 2023, 2024, 2025]
    assert {f.subject['county'] for f in coverage} == {'pingan'}
    assert all(f.get_severity() == Collab.Severity.VIOLATION for f in coverage)
    assert coverage[0].to_dict()['rule'] == 'pairing.coverage'


def test_east_east_pairing_is_invalid(Collab, wuxi):
    record = Collab.Record.new_from_json(
        Collab.RecordKind.PAIRING,
        '{"id": "p-east", "program": "wuxi-2021", "assisting": "binhu", "assisted": "liangxi", "level": "county"}')
    wuxi.add(record)
    invalid = [f for f in wuxi.check() if f.get_rule() == 'pairing.invalid']
    assert [f.subject['pairing'] for f in invalid] == ['p-east']


def test_adding_a_dangling_pairing_fails(Collab, wuxi):
    record = Collab.Record.new_from_json(
        Collab.RecordKind.PAIRING,
        '{"id": "p-x", "program": "wuxi-2021", "assisting": "binhu", "assisted": "nowhere", "level": "county"}')
    with pytest.raises(GLib.Error) as raised:
        wuxi.add(record)
    assert 'nowhere' in raised.value.message
    assert wuxi.lookup(Collab.RecordKind.PAIRING, 'p-x') is None


def test_findings_json_shape(Collab, wuxi):
    wuxi.remove(Collab.RecordKind.PAIRING, 'p-huishan-pingan')
    findings = wuxi.check()
    document = Collab.findings_to_json(findings)
    from gi.repository import Json
    import json
    parsed = json.loads(Json.to_string(document, False))
    assert set(parsed) == {'findings', 'counts'}
    assert parsed['counts']['violation'] >= 5


def test_plan_as_a_dataframe(Collab, data_dir):
    wuxi = Collab.Dataset(data_dir / 'wuxi-2021-2023.json')
    plan = wuxi.plan('wuxi-2021', 2023, as_of='2023-12-31')
    short = plan[plan.add_total > 0]
    assert sorted(short.assisting.astype(str)) == ['jiangyin', 'liangxi']
    row = short[short.assisting == 'jiangyin'].iloc[0]
    assert row.add_agriculture_or_other_1 == 1 and row.add_total == 1
    banded = wuxi.plan('wuxi-2021', 2021, interpretation='banded', as_of='2023-12-31')
    assert (banded.interpretation.astype(str) == 'banded').all()


def test_findings_are_typed_values(Collab, data_dir):
    """Subject, expected, actual and remedy come as Python values, no JSON text."""
    wuxi = Collab.Dataset(data_dir / 'wuxi-2021-2023.json')
    findings = wuxi.check(as_of='2023-12-31')
    total = next(f for f in findings if f.get_rule() == '666.total')
    assert total.get_subject().get_type_string() == 'a{sv}'
    assert set(total.subject) == {'assisting', 'assisted', 'year'}
    assert isinstance(total.subject['year'], int)
    assert total.get_subject_value('year').get_type_string() == 'x'
    assert total.get_subject_value('nothing') is None
    assert total.expected == {'total': 18}
    assert set(total.actual) == {'total', 'projected'}
    assert total.remedy['total'] >= 1
    assert all(set(item) >= {'profession', 'months', 'count'} for item in total.remedy['add'])
    # The dict is the JSON form, member for member.
    from gi.repository import Json
    import json
    assert total.to_dict() == json.loads(Json.to_string(total.to_json(), False))


def test_record_to_dict_keeps_amounts_exact(Collab, wuxi):
    program = wuxi[Collab.RecordKind.PROGRAM, 'wuxi-2021'].to_dict()
    assert program['fund_base'][0]['base'] == '19200000.00'
    assert isinstance(program['first_year'], int)
