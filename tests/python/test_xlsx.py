# Spreadsheets in (SPEC §12.2) from Python: a workbook's sheet, the ids an
# import makes, the sheets' names, and the errors of files that are no
# workbook, through the typelib.

import pathlib

import pytest
from gi.repository import GLib

XLSX = pathlib.Path(__file__).resolve().parents[1] / 'xlsx'


def test_import_roster(Collab, wuxi):
    wuxi.import_xlsx(Collab.RecordKind.DISPATCH, str(XLSX / 'roster-zh.xlsx'), None)
    assert wuxi.get_n_records(Collab.RecordKind.DISPATCH) == 4
    assert wuxi.get_n_records(Collab.RecordKind.PERSON) == 3
    assert wuxi.get_n_generated_ids() == 7
    for dispatch in wuxi.list_ids(Collab.RecordKind.DISPATCH):
        record = wuxi[Collab.RecordKind.DISPATCH, dispatch]
        assert dispatch.startswith('dispatch-')
        assert (record['from'], record['to']) == ('jiangyin', 'yanchuan')


def test_import_data_with_sheet(Collab, wuxi):
    wuxi.merge_from_data('{"format": "libcollab-dataset", "version": 1, "accounts": ['
                         '{"id": "acc-sn", "holder": "sn-finance"}]}'.encode())
    data = GLib.Bytes.new((XLSX / 'ledger.xlsx').read_bytes())
    wuxi.import_xlsx_data(Collab.RecordKind.TRANSACTION, data, 'ledger.xlsx', 'Sheet3')
    assert wuxi[Collab.RecordKind.TRANSACTION, 't9']['amount'] == '123.45'
    assert wuxi.get_n_generated_ids() == 0


def test_errors_name_the_sheet_and_cell(Collab, wuxi):
    with pytest.raises(Collab.LoadError) as raised:
        wuxi.import_xlsx(Collab.RecordKind.DISPATCH, str(XLSX / 'leap-1900.xlsx'), None)
    assert (raised.value.sheet, raised.value.cell) == ('dispatches', 'H3')
    assert raised.value.file.endswith('leap-1900.xlsx')
    assert '"1900-02-29" is not a date' in raised.value.message


def test_sheets(Collab):
    assert Collab.xlsx_list_sheets(str(XLSX / 'ledger.xlsx')) == ['汇总', '资金流水', 'Sheet3']
    assert Collab.xlsx_sheet_kind('派出人员') == (True, Collab.RecordKind.DISPATCH)
    assert Collab.xlsx_sheet_kind('结对关系') == (True, Collab.RecordKind.PAIRING)
    assert Collab.xlsx_sheet_kind('汇总')[0] is False


@pytest.mark.parametrize('name, expected', [
    ('old.xls', 'Excel 97–2003 workbook (.xls)'),
    ('encrypted.xlsx', 'encrypted with a password'),
    ('csv-renamed.xlsx', 'the file is text (a CSV file?)'),
    ('bomb.xlsx', 'zip bomb'),
    ('no-workbook.xlsx', 'a Word document (.docx), not an xlsx workbook'),
])
def test_hostile_files_load_nothing(Collab, wuxi, name, expected):
    before = wuxi.to_data()
    with pytest.raises(GLib.Error) as raised:
        wuxi.import_xlsx(Collab.RecordKind.DISPATCH, str(XLSX / name), None)
    assert raised.value.domain == GLib.quark_to_string(Collab.DatasetError.quark())
    assert expected in raised.value.message
    assert wuxi.to_data() == before


def test_csv_candidates(Collab, wuxi):
    csv = ('姓名,专业,派出类型,方向,派出地,派往地,开始日期,计划结束日期\n'
           '张三,教师,专业技术人才,选派,江阴,延安县,2021-03-01,2022-02-28\n')
    with pytest.raises(GLib.Error) as raised:
        wuxi.import_csv_data(Collab.RecordKind.DISPATCH, csv.encode(), 'roster.csv')
    assert 'no region is named 延安县; did you mean 延安市 (yanan)' in raised.value.message
