# Spreadsheets out (SPEC §12.3), as an officer opens them: the workbooks
# `collab check|report|plan|convert --format xlsx` write, read with
# openpyxl, and CSV sent through `collab convert` and back, in English and
# in Chinese.
#
# The Chinese run uses LANGUAGE=zh_CN with LC_ALL=C.UTF-8 and the
# catalogs just built (COLLAB_LOCALEDIR): until the strings are
# translated, the labels are compared with what gettext gives for them,
# not with hard-coded Chinese. The record sheets' Chinese comes from the
# import's own vocabulary and is there already.

import csv
import datetime
import gettext
import io
import json
import os
import subprocess

import pytest

openpyxl = pytest.importorskip('openpyxl')

CLI = os.environ.get('COLLAB_CLI')
LOCALEDIR = os.environ.get('COLLAB_LOCALEDIR')
LANGUAGES = ['en', 'zh_CN']
BOM = '\ufeff'

pytestmark = pytest.mark.skipif(CLI is None or LOCALEDIR is None,
                                reason='COLLAB_CLI and COLLAB_LOCALEDIR come from meson test')


def collab(language, *args):
    env = dict(os.environ, LANGUAGE=language, LC_ALL='C.UTF-8', COLLAB_LOCALEDIR=LOCALEDIR)
    return subprocess.run([CLI, *map(str, args)], env=env, capture_output=True)


def translation(language):
    return gettext.translation('libcollab', LOCALEDIR, languages=[language], fallback=True)


def assert_sheet_shape(sheet, n_rows):
    """A header row, frozen and filtered, over n_rows rows."""
    assert sheet.freeze_panes == 'A2'
    assert sheet.auto_filter.ref == f'A1:{sheet.cell(1, sheet.max_column).column_letter}{n_rows + 1}'
    assert sheet.max_row == n_rows + 1
    assert all(cell.font.b for cell in sheet[1])
    for letter in (sheet.cell(1, c).column_letter for c in range(1, sheet.max_column + 1)):
        assert 6 <= sheet.column_dimensions[letter].width <= 62


# check ----------------------------------------------------------------------

@pytest.mark.parametrize('language', LANGUAGES)
def test_check_xlsx(data_dir, tmp_path, language):
    dataset = data_dir / 'wuxi-roster-2021-2023.json'
    out = tmp_path / 'findings.xlsx'
    as_json = collab(language, 'check', dataset, '--as-of', '2023-12-31', '--format', 'json')
    result = collab(language, 'check', dataset, '--as-of', '2023-12-31', '--format', 'xlsx', '--output', out)

    # The exit status is the check's, file or no file.
    assert as_json.returncode == 1
    assert result.returncode == 1, result.stderr
    assert result.stdout == b''
    findings = json.loads(as_json.stdout)['findings']

    book = openpyxl.load_workbook(out)
    tr = translation(language)
    assert book.sheetnames == [tr.gettext('Findings')]
    sheet = book.active
    assert_sheet_shape(sheet, len(findings))

    header = [cell.value for cell in sheet[1]]
    assert header[:2] == [tr.gettext('Severity'), tr.gettext('Rule')]
    assert header[-3:] == [tr.gettext('Message'), tr.gettext('Expected'), tr.gettext('Actual')]
    if language == 'en':
        assert header[:5] == ['Severity', 'Rule', 'Assisting side', 'Assisted side', 'Year']

    # One row per finding, in order; machine words stay as they are.
    year = header.index(tr.gettext('Year')) + 1
    for row, finding in zip(sheet.iter_rows(min_row=2), findings):
        assert row[0].value == tr.pgettext('severity', finding['severity'])
        assert row[1].value == finding['rule']
        assert row[header.index(tr.gettext('Message'))].value == finding['message']
        if 'year' in finding['subject']:
            assert row[year - 1].value == finding['subject']['year']
            assert isinstance(row[year - 1].value, int)


def test_check_csv_stdout(data_dir):
    result = collab('en', 'check', data_dir / 'wuxi-2021.json', '--format', 'csv')
    text = result.stdout.decode('utf-8')
    assert result.returncode in (0, 1)
    assert text.startswith(BOM + 'Severity,Rule,')
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)


def test_usage(data_dir, tmp_path):
    dataset = data_dir / 'wuxi-2021.json'
    assert collab('en', 'check', dataset, '--format', 'xlsx').returncode == 2
    assert collab('en', 'check', dataset, '--format', 'json', '--output', tmp_path / 'f.json').returncode == 2
    assert collab('en', 'report', dataset, '--format', 'ods').returncode == 2
    missing = collab('en', 'report', dataset, '--format', 'xlsx', '--output', tmp_path / 'no' / 'card.xlsx')
    assert missing.returncode == 2
    assert b'card.xlsx' in missing.stderr
    assert list(tmp_path.iterdir()) == []


# report and plan ---------------------------------------------------------------

@pytest.mark.parametrize('language', LANGUAGES)
def test_report_xlsx(data_dir, tmp_path, language):
    out = tmp_path / 'card.xlsx'
    result = collab(language, 'report', data_dir / 'wuxi-funds-2021.json', '--format', 'xlsx', '--output', out)
    assert result.returncode == 0, result.stderr
    as_json = json.loads(collab(language, 'report', data_dir / 'wuxi-funds-2021.json', '--format', 'json').stdout)
    rows = as_json['scorecard']

    tr = translation(language)
    sheet = openpyxl.load_workbook(out)[tr.gettext('Scorecard')]
    assert_sheet_shape(sheet, len(rows))
    header = [cell.value for cell in sheet[1]]
    allocated = header.index(tr.gettext('Allocated (yuan)'))
    for row, expected in zip(sheet.iter_rows(min_row=2), rows):
        cell = row[allocated]
        # Amounts are numbers in yuan, shown with two decimals.
        if expected['allocated'] is None:
            assert cell.value is None
        else:
            assert isinstance(cell.value, (int, float))
            assert f'{cell.value:.2f}' == expected['allocated']
            assert cell.number_format == '#,##0.00'
        assert row[header.index(tr.gettext('Year'))].value == expected['year']


def test_plan_csv_file(data_dir, tmp_path):
    out = tmp_path / 'plan.csv'
    result = collab('en', 'plan', data_dir / 'wuxi-roster-2021-2023.json', '--year', '2022',
                    '--as-of', '2023-12-31', '--format', 'csv', '--output', out)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode('utf-8')
    assert text.startswith(BOM + 'Program,Pairing,')
    assert ',nested,' in text and ',yes,' in text


def test_replaced_file_keeps_mode(data_dir, tmp_path):
    out = tmp_path / 'plan.xlsx'
    out.write_bytes(b'old')
    out.chmod(0o640)
    result = collab('en', 'plan', data_dir / 'wuxi-roster-2021-2023.json', '--format', 'xlsx', '--output', out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_bytes()[:2] == b'PK'
    assert [p.name for p in tmp_path.iterdir()] == ['plan.xlsx']


# convert: record sheets ---------------------------------------------------------

def csv_rows(path):
    text = path.read_bytes().decode('utf-8')
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:])))


def cell_text(cell, amount):
    """A workbook cell as the CSV export writes it."""
    if cell.value is None:
        return ''
    if isinstance(cell.value, datetime.datetime):
        assert cell.value.time() == datetime.time(0)
        return cell.value.date().isoformat()
    if amount:
        return f'{cell.value:.2f}'
    return str(cell.value)


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('example,kind,sheet_zh,date_column,amount_column', [
    ('wuxi-roster-2021-2023.json', 'dispatches', '派出人员', 'start', None),
    ('wuxi-funds-2021.json', 'transactions', '资金往来', 'date', 'amount'),
])
def test_convert_xlsx(data_dir, tmp_path, language, example, kind, sheet_zh, date_column, amount_column):
    xlsx = tmp_path / f'{kind}.xlsx'
    as_csv = tmp_path / f'{kind}.csv'
    english = tmp_path / f'{kind}-en.csv'
    for out, lang in ((xlsx, language), (as_csv, language), (english, 'en')):
        result = collab(lang, 'convert', data_dir / example, out, '--kind', kind)
        assert result.returncode == 0, result.stderr

    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == [sheet_zh if language == 'zh_CN' else kind]
    sheet = book.active
    rows = csv_rows(as_csv)
    members = csv_rows(english)[0]
    assert_sheet_shape(sheet, len(rows) - 1)

    # The same headers and cells as the CSV of the same language, which
    # the import reads back (test_convert_csv_round_trip, test-sheets.c).
    assert [cell.value for cell in sheet[1]] == rows[0]
    if language == 'zh_CN':
        assert rows[0][0] == '编号'
    for xrow, crow in zip(sheet.iter_rows(min_row=2), rows[1:]):
        assert [cell_text(cell, members[c] == amount_column) for c, cell in enumerate(xrow)] == crow

    # Dates are date cells shown yyyy-mm-dd; amounts numbers in yuan.
    dates = [row[members.index(date_column)] for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(c.value, datetime.datetime) and c.number_format == 'yyyy-mm-dd'
               for c in dates if c.value is not None)
    if amount_column:
        amounts = [row[members.index(amount_column)] for row in sheet.iter_rows(min_row=2)]
        assert all(isinstance(c.value, (int, float)) and c.number_format == '#,##0.00' for c in amounts)


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('example,kind', [
    ('wuxi-roster-2021-2023.json', 'dispatches'),
    ('wuxi-funds-2021.json', 'transactions'),
    ('wuxi-2021.json', 'pairings'),
    ('wuxi-roster-2021-2023.json', 'trainings'),
    ('wuxi-labour-2021-2023.json', 'follow_ups'),
    ('wuxi-labour-2021-2023.json', 'events'),
])
def test_convert_csv_round_trip(data_dir, tmp_path, language, example, kind):
    """JSON → CSV → JSON through `collab convert`: the same records."""
    document = json.loads((data_dir / example).read_text())
    base = {key: value for key, value in document.items() if key != kind}
    (tmp_path / 'base.json').write_text(json.dumps(base, ensure_ascii=False))

    out = tmp_path / f'{kind}.csv'
    assert collab(language, 'convert', data_dir / example, out, '--kind', kind).returncode == 0
    back = collab(language, 'convert', out, tmp_path / 'back.json', '--kind', kind,
                  '--base', tmp_path / 'base.json')
    assert back.returncode == 0, back.stderr
    assert json.loads((tmp_path / 'back.json').read_text())[kind] == document[kind]


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('example,kind', [
    ('wuxi-roster-2021-2023.json', 'dispatches'),
    ('wuxi-funds-2021.json', 'transactions'),
    ('wuxi-2021.json', 'pairings'),
    ('wuxi-labour-2021-2023.json', 'follow_ups'),
])
def test_convert_xlsx_round_trip(data_dir, tmp_path, language, example, kind):
    """JSON → xlsx → JSON through `collab convert`: the same records."""
    document = json.loads((data_dir / example).read_text())
    base = {key: value for key, value in document.items() if key != kind}
    (tmp_path / 'base.json').write_text(json.dumps(base, ensure_ascii=False))

    out = tmp_path / f'{kind}.xlsx'
    assert collab(language, 'convert', data_dir / example, out, '--kind', kind).returncode == 0
    back = collab(language, 'convert', out, tmp_path / 'back.json', '--base', tmp_path / 'base.json')
    assert back.returncode == 0, back.stderr
    assert json.loads((tmp_path / 'back.json').read_text())[kind] == document[kind]


@pytest.mark.parametrize('language', LANGUAGES)
def test_a_sheet_edited_in_a_spreadsheet_comes_back(data_dir, tmp_path, language):
    """An officer opens the exported roster, moves one planned end and
    saves (openpyxl stands in for Excel): that record changes, and only
    it."""
    document = json.loads((data_dir / 'wuxi-roster-2021-2023.json').read_text())
    base = {key: value for key, value in document.items() if key != 'dispatches'}
    (tmp_path / 'base.json').write_text(json.dumps(base, ensure_ascii=False))
    out = tmp_path / 'roster.xlsx'
    assert collab(language, 'convert', data_dir / 'wuxi-roster-2021-2023.json', out,
                  '--kind', 'dispatches').returncode == 0

    book = openpyxl.load_workbook(out)
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    column = headers.index('计划结束日期' if language == 'zh_CN' else 'planned_end') + 1
    sheet.cell(2, column).value = datetime.datetime(2024, 6, 30)
    book.save(out)

    back = collab(language, 'convert', out, tmp_path / 'back.json', '--base', tmp_path / 'base.json')
    assert back.returncode == 0, back.stderr
    records = json.loads((tmp_path / 'back.json').read_text())['dispatches']
    expected = [dict(record) for record in document['dispatches']]
    expected[0]['planned_end'] = '2024-06-30'
    assert records == expected


# convert: the labour sheets (SPEC §11.1) --------------------------------------

# What refers to each kind, and is left out with it.
LABOUR_DEPENDENTS = {
    'organizations': ['job_offers', 'placements', 'follow_ups'],
    'trainings': [],
    'job_offers': ['placements', 'follow_ups'],
    'workers': ['placements', 'follow_ups'],
    'placements': ['follow_ups'],
    'follow_ups': [],
    'events': [],
}
LABOUR_SHEETS_ZH = {'organizations': '单位', 'trainings': '培训', 'job_offers': '岗位供给',
                    'workers': '就业需求', 'placements': '就业', 'follow_ups': '跟踪服务', 'events': '活动'}


def sheet_header(path):
    if path.suffix == '.csv':
        return csv_rows(path)[0]
    return [cell.value for cell in openpyxl.load_workbook(path).active[1]]


def assert_convert_round_trip(fixture, tmp_path, language, form, kind, dependents, sheets_zh):
    """JSON → CSV or xlsx → JSON through `collab convert`, the kinds that
    refer to @kind (@dependents) left out: the same records of @kind; in
    Chinese under the headers of the officers' forms (members the library
    does not know keep their own), and a workbook's sheet named so that
    the import knows the kind without --kind."""
    document = json.loads(fixture.read_text())
    whole = {key: value for key, value in document.items() if key not in dependents}
    base = {key: value for key, value in whole.items() if key != kind}
    (tmp_path / 'whole.json').write_text(json.dumps(whole, ensure_ascii=False))
    (tmp_path / 'base.json').write_text(json.dumps(base, ensure_ascii=False))

    out = tmp_path / f'sheet.{form}'
    result = collab(language, 'convert', tmp_path / 'whole.json', out, '--kind', kind)
    assert result.returncode == 0, result.stderr
    header = sheet_header(out)
    if language == 'zh_CN':
        assert header[0] == '编号'
        assert [h for h in header if h.isascii() and not h.startswith('_')] == []
    else:
        assert header[0] == 'id'
    if form == 'xlsx':
        assert openpyxl.load_workbook(out).sheetnames == [sheets_zh[kind] if language == 'zh_CN' else kind]

    kind_option = ['--kind', kind] if form == 'csv' else []
    back = collab(language, 'convert', out, tmp_path / 'back.json', *kind_option, '--base', tmp_path / 'base.json')
    assert back.returncode == 0, back.stderr
    assert json.loads((tmp_path / 'back.json').read_text())[kind] == document[kind]


def assert_export_words(fixture, tmp_path, expected):
    """Each kind of @expected exported in Chinese: its header, and a row
    among its rows."""
    for kind, (header, row) in expected.items():
        out = tmp_path / f'{kind}.csv'
        assert collab('zh_CN', 'convert', fixture, out, '--kind', kind).returncode == 0
        rows = csv_rows(out)
        assert rows[0] == header
        assert row in rows[1:]


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('form', ['csv', 'xlsx'])
@pytest.mark.parametrize('kind', list(LABOUR_DEPENDENTS))
def test_convert_labour_round_trip(fixture_dir, tmp_path, language, form, kind):
    """JSON → CSV or xlsx → JSON through `collab convert`: the same job
    offers, workers (any job type, no flag), placements, follow-ups and
    events; in Chinese under the headers of the officers' forms, every
    one of which the import reads back, and a workbook's sheet named so
    that the import knows the kind without --kind."""
    assert_convert_round_trip(fixture_dir / 'labour-sheets.json', tmp_path, language, form, kind,
                              LABOUR_DEPENDENTS[kind], LABOUR_SHEETS_ZH)


def test_labour_words_zh(fixture_dir, tmp_path):
    """The words of the officers' forms, as the export writes them."""
    path = fixture_dir / 'labour-sheets.json'
    expected = {
        'job_offers': (['编号', '用工单位', '工种', '岗位数', '开始日期', '截止日期', '面向地区', '月薪（元）', '规划'],
                       ['o-001', 'shunda', '物流配送', '30', '2021-03-01', '2021-06-30', 'yanan', '5500.00',
                        'wuxi-yanan']),
        'workers': (['编号', '姓名', '户籍县', '人员类别', '意向工种', '登记日期'],
                    ['w-003', '王磊', 'yanchang', '脱贫人口、残疾人', '不限', '2021-03-01']),
        'placements': (['编号', '人员编号', '用工单位', '岗位编号', '就业类型', '有组织', '上岗日期', '离岗日期'],
                       ['pl-002', 'w-002', 'weidao', 'o-002', '异地转移就业', '是', '2021-04-01', '2021-08-31']),
        'follow_ups': (['编号', '就业编号', '日期', '状态', '备注'],
                       ['', 'pl-002', '2021-09-05', '转岗', '转至养老服务']),
        'events': (['编号', '规划', '类型', '日期', '地区', '参加人数', '培训人次', '培训类别', '相关任务'],
                   ['ev-004', 'wuxi-yanan', '培训班', '2021-07-12', 'yanchang', '', '120', '劳动力', '']),
    }
    assert_export_words(path, tmp_path, expected)


XLSX = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'xlsx')


def test_labour_workbook_through_convert(fixture_dir, tmp_path):
    """An officer's labour workbook (tests/xlsx/labour-zh.xlsx), a sheet at
    a time, each sheet's kind from its name: offers, workers, placements
    by name, follow-ups by person, events; then `collab validate` of the
    result."""
    document = json.loads((fixture_dir / 'labour-sheets.json').read_text())
    base = {key: value for key, value in document.items()
            if key not in ('job_offers', 'workers', 'placements', 'follow_ups', 'events')}
    dataset = tmp_path / 'labour-0.json'
    dataset.write_text(json.dumps(base, ensure_ascii=False))
    for step, sheet in enumerate(['岗位供给清单', '就业需求清单', '就业情况', '跟踪服务', '活动'], 1):
        out = tmp_path / f'labour-{step}.json'
        result = collab('zh_CN', 'convert', os.path.join(XLSX, 'labour-zh.xlsx'), out, '--sheet', sheet,
                        '--base', dataset)
        assert result.returncode == 0, result.stderr.decode()
        dataset = out

    back = json.loads(dataset.read_text())
    assert [len(back[k]) for k in ('job_offers', 'workers', 'placements', 'follow_ups', 'events')] == [3, 5, 5, 6, 5]
    placements = {p['id']: p for p in back['placements']}
    workers = {w['id']: w for w in back['workers']}
    # The follow-up of 2021-09-05 is about the job 李秀英 left on 2021-08-31.
    call = next(f for f in back['follow_ups'] if f['date'] == '2021-09-05')
    assert workers[placements[call['placement']]['worker']]['name'] == '李秀英'
    assert placements[call['placement']]['end'] == '2021-08-31'
    result = collab('en', 'validate', dataset)
    assert result.returncode == 0, result.stderr.decode()


def test_labour_csv_named_in_chinese(fixture_dir, tmp_path):
    """A CSV file named as offices name the list says what it holds."""
    document = json.loads((fixture_dir / 'labour-sheets.json').read_text())
    base = {key: value for key, value in document.items() if key not in ('events',)}
    (tmp_path / 'base.json').write_text(json.dumps(base, ensure_ascii=False))
    table = tmp_path / '2021年活动台账.csv'
    table.write_text('规划,类型,日期,地区,参加人数\nwuxi-yanan,招聘会,2021/3/6,延川,800\n')
    result = collab('en', 'convert', table, tmp_path / 'out.json', '--base', tmp_path / 'base.json')
    assert result.returncode == 0, result.stderr.decode()
    assert b'1 event' in result.stdout
    assert json.loads((tmp_path / 'out.json').read_text())['events'][0]['kind'] == 'job_fair'

    # 就业 inside 就业需求 names no second kind.
    table = tmp_path / '就业需求清单.csv'
    table.write_text('姓名,户籍县,意向工种,登记日期\n赵六,延川,不限,2021/3/1\n')
    result = collab('en', 'validate', table, '--base', tmp_path / 'base.json')
    assert result.returncode == 0, result.stderr.decode()
    assert b'1 worker' in result.stdout


# convert: the rest of the program (SPEC §11.1) ----------------------------------

# What refers to each kind, and is left out with it.
MORE_DEPENDENTS = {
    'purchases': [],
    'investments': [],
    'donations': [],
    'tasks': ['task_reports', 'initiatives', 'events'],
    'task_reports': [],
    'initiatives': [],
    'agreements': [],
    'events': [],
}
MORE_SHEETS_ZH = {'purchases': '消费协作', 'investments': '产业协作', 'donations': '社会帮扶', 'tasks': '重点任务',
                  'task_reports': '任务总结', 'initiatives': '重点专项', 'agreements': '年度协议', 'events': '活动'}


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('form', ['csv', 'xlsx'])
@pytest.mark.parametrize('kind', list(MORE_DEPENDENTS))
def test_convert_more_round_trip(fixture_dir, tmp_path, language, form, kind):
    """JSON → CSV or xlsx → JSON through `collab convert`: the same
    purchases (one with a member the library does not know), investments,
    donations, plan tasks (one with no responsible unit), task reports
    (some without an id), key initiatives, agreements and events serving
    tasks; in Chinese under the officers' headers, and a workbook's sheet
    named so that the import knows the kind without --kind."""
    assert_convert_round_trip(fixture_dir / 'more-sheets.json', tmp_path, language, form, kind,
                              MORE_DEPENDENTS[kind], MORE_SHEETS_ZH)


def test_more_words_zh(fixture_dir, tmp_path):
    """The words of the officers' forms, as the export writes them."""
    path = fixture_dir / 'more-sheets.json'
    expected = {
        'purchases': (['编号', '产地', '产品', '渠道', '金额（元）', '日期', '采购单位', '带动脱贫人口', '规划', '_source'],
                      ['pu-1', 'yanchuan', '延川红枣', '食堂', '120000.00', '2022-05-01', 'wx-org', '35', 'cp', '']),
        'investments': (['编号', '企业', '落地县', '实际投资（元）', '日期', '园区', '规划'],
                        ['in-1', 'hongdou', 'yanchuan', '50000000.00', '2022-06-01', 'park-jy', 'cp']),
        'donations': (['编号', '捐赠方', '受赠地', '捐赠形式', '金额（元）', '日期', '规划'],
                      ['do-1', 'hongdou', 'yanchuan', '捐物', '300000.00', '2022-07-01', 'cp']),
        'tasks': (['编号', '规划', '任务序号', '任务领域', '任务名称', '责任单位'],
                  ['t02', 'cp', '2', '传承弘扬红色文化', '大力传承弘扬延安精神', '无']),
        'task_reports': (['编号', '任务编号', '年份', '状态', '备注'], ['', 't01', '2022', '推进中', '两期培训班']),
        'initiatives': (['编号', '规划', '年份', '专项名称', '实施方案', '相关任务'],
                        ['i-2022-2', 'cp', '2022', '产业园区共建专项', '', 't07;t16']),
        'agreements': (['编号', '规划', '年份', '受援市', '协议资金（元）', '专业技术人才', '党政干部', '协议文件'],
                       ['ag-2022', 'cp', '2022', 'yanan', '19200000.00', '54', '4', '2022年度协议']),
        'events': (['编号', '规划', '类型', '日期', '地区', '参加人数', '培训人次', '培训类别', '相关任务'],
                   ['ev-1', 'cp', '产业园区发展交流会议', '2022-09-20', 'yanchuan', '40', '', '', 't01;t16']),
    }
    assert_export_words(path, tmp_path, expected)


def more_base(fixture_dir, tmp_path):
    """more-sheets.json with its regions, organizations, program and plan
    tasks only."""
    document = json.loads((fixture_dir / 'more-sheets.json').read_text())
    base = {key: value for key, value in document.items()
            if key in ('format', 'version', 'regions', 'organizations', 'programs', 'tasks')}
    path = tmp_path / 'base.json'
    path.write_text(json.dumps(base, ensure_ascii=False))
    return path


# An officer's sheet of each kind, named as offices name the file: its
# header as typed, units in the header, dates as Excel writes them, units,
# places and tasks by their names; and what it comes in as.
OFFICER_SHEETS = [
    ('2022年消费协作台账.csv', '产品名称,产地,销售渠道,金额（万元）,日期,采购单位,带动脱贫人口,规划\n'
     '延川红枣,延川县,机关食堂,12.5,2022/5/1,无锡市委组织部,35,cp\n'
     '洛川苹果,延安,直播带货,3,2022年11月2日,延安特产无锡直销店,,\n',
     'purchases', [{'origin': 'yanchuan', 'product': '延川红枣', 'channel': 'canteen', 'amount': '125000.00',
                    'date': '2022-05-01', 'buyer': 'wx-org', 'beneficiaries': 35, 'program': 'cp'},
                   {'origin': 'yanan', 'product': '洛川苹果', 'channel': 'ecommerce', 'amount': '30000.00',
                    'date': '2022-11-02', 'buyer': 'shop-1'}]),
    ('产业协作.csv', '企业名称,落地县,实际投资（亿元）,日期,所在园区\n'
     '红豆集团有限公司,延川县,0.5,2022-06-01,江阴—延川工业园区\n海澜集团,延长,1.28,2022-08-15,\n',
     'investments', [{'enterprise': 'hongdou', 'county': 'yanchuan', 'amount': '50000000.00', 'date': '2022-06-01',
                      'park': 'park-jy'},
                     {'enterprise': 'hailan', 'county': 'yanchang', 'amount': '128000000.00', 'date': '2022-08-15'}]),
    ('社会帮扶.csv', '捐赠单位,受赠地,捐赠形式,金额（万元）,日期\n'
     '无锡市慈善总会,延安市,捐款,100,2022-03-20\n红豆集团,延川,捐物,30,2022-07-01\n',
     'donations', [{'donor': 'charity', 'to': 'yanan', 'form': 'cash', 'amount': '1000000.00', 'date': '2022-03-20'},
                   {'donor': 'hongdou', 'to': 'yanchuan', 'form': 'in_kind', 'amount': '300000.00',
                    'date': '2022-07-01'}]),
    ('重点任务.csv', '序号,任务序号,任务领域,重点任务,责任单位,规划\n'
     '1,3,红色文化,建设红色教育基地,无锡市委组织部、延安市委组织部,cp\n',
     'tasks', [{'program': 'cp', 'number': 3, 'area': 'red_culture', 'title': '建设红色教育基地',
                'responsible': ['wx-org', 'ya-org']}]),
    ('2022年度任务总结评估.csv', '任务,年份,状态,备注\nt01,2022,推进中,两期培训班\n积极开展红色教育培训,2023,已完成,\n',
     'task_reports', [{'task': 't01', 'year': 2022, 'status': 'in_progress', 'note': '两期培训班'},
                      {'task': 't01', 'year': 2023, 'status': 'done'}]),
    ('年度推进重点专项.csv', '规划,年份,专项名称,实施方案,相关任务\n'
     'cp,2022,红色教育培训专项,延安市红色教育培训专项实施方案,积极开展红色教育培训、t16\n',
     'initiatives', [{'program': 'cp', 'year': 2022, 'title': '红色教育培训专项',
                      'document': '延安市红色教育培训专项实施方案', 'tasks': ['t01', 't16']}]),
    ('年度东西部协作协议.csv', '规划,年份,受援市,财政援助资金（万元）,选派专业技术人才,选派党政干部,协议名称\n'
     'cp,2022,延安市,1920,54,4,2022年度协议\n',
     'agreements', [{'program': 'cp', 'year': 2022, 'city': 'yanan', 'funds': '19200000.00', 'professionals': 54,
                     'cadres': 4, 'document': '2022年度协议'}]),
]


@pytest.mark.parametrize('name,text,kind,expected', OFFICER_SHEETS, ids=[s[2] for s in OFFICER_SHEETS])
def test_more_officer_csv(fixture_dir, tmp_path, name, text, kind, expected):
    base = more_base(fixture_dir, tmp_path)
    table = tmp_path / name
    table.write_text(text)
    out = tmp_path / 'out.json'
    result = collab('en', 'convert', table, out, '--base', base)
    assert result.returncode == 0, result.stderr.decode()
    records = json.loads(out.read_text())[kind]
    if kind == 'tasks':
        records = records[6:]
    if kind != 'task_reports':
        assert all(record.pop('id') for record in records)
    assert records == expected
    assert collab('en', 'validate', out).returncode == 0


@pytest.mark.parametrize('name,text,message', [
    ('消费协作.csv', '产品名称,产地,销售渠道,金额（万元）,日期\n红枣,延川县,地摊,1,2022-01-01\n',
     '消费协作.csv:2:3: 销售渠道 (channel): expected one of canteen (食堂), supermarket (商超), counter (专柜), '
     'ecommerce (电商), fair (展销会), union (工会), other (其他), found "地摊"'),
    ('消费协作.csv', '产品名称,产地,销售渠道,金额（万元）,日期\n红枣,延川县,食堂,-1,2022-01-01\n',
     '消费协作.csv:2:4: 金额（万元） (amount): an amount cannot be negative'),
    ('消费协作.csv', '产品名称,产地,销售渠道,金额（万元）,日期,带动脱贫人口\n红枣,延川县,食堂,1,2022-01-01,很多\n',
     '消费协作.csv:2:6: 带动脱贫人口 (beneficiaries): expected a whole number, found "很多"'),
    ('消费协作.csv', '产品名称,产地,销售渠道,金额（万元）,日期\n红枣,延安县,食堂,1,2022-01-01\n',
     '消费协作.csv:2:2: 产地 (origin): no region is named 延安县; did you mean 延安市 (yanan), 延长县 (yanchang) '
     'or 延川县 (yanchuan)?'),
    ('社会帮扶.csv', '捐赠单位,受赠地,捐赠形式,金额（万元）,日期\n无锡市慈善总会,延安市,物品,100,2022-03-20\n',
     '社会帮扶.csv:2:3: 捐赠形式 (form): expected one of cash (捐款), in_kind (捐物), found "物品"'),
    ('社会帮扶.csv', '捐赠单位,捐赠形式,金额（万元）,日期\n无锡市慈善总会,捐款,100,2022-03-20\n',
     '社会帮扶.csv:1:1: the header has no column "to" (or "受赠地"), which every donation needs'),
    ('重点任务.csv', '任务序号,任务领域,重点任务,规划\n0,红色文化,建设红色教育基地,cp\n',
     '重点任务.csv:2:1: 任务序号 (number): expected a count of at least 1, found 0'),
    ('任务总结评估.csv', '任务,年份,状态\n积极开展红色教育,2022,推进中\n',
     '任务总结评估.csv:2:1: 任务 (task): no plan task is named 积极开展红色教育; did you mean 积极开展红色教育培训 (t01)?'),
    ('任务总结评估.csv', '任务,年份,状态\nt01,2022,完成了\n',
     '任务总结评估.csv:2:3: 状态 (status): expected one of not_started (未启动), in_progress (推进中), done (已完成), '
     'found "完成了"'),
    ('年度推进重点专项.csv', '规划,年份,专项名称,相关任务\ncp,2022,红色教育培训专项,t01、t99\n',
     '年度推进重点专项.csv:2:4: 相关任务 (tasks): no plan task has the id "t99"'),
    ('年度协议.csv', '规划,年份,受援市,协议资金（万元）,党政干部\ncp,2022,延安市,1920,-4\n',
     '年度协议.csv:2:5: 党政干部 (cadres): a count cannot be negative, found -4'),
    ('年度协议.csv', '规划,年份,协议资金（万元）\ncp,2022,1920\n',
     '年度协议.csv:1:1: the header has no column "city" (or "受援市"), which every annual agreement needs'),
])
def test_more_officer_csv_errors(fixture_dir, tmp_path, name, text, message):
    """An error names the file, the row and the column, the header as
    typed and the member it read as, what was expected and what was
    found; and writes nothing."""
    base = more_base(fixture_dir, tmp_path)
    table = tmp_path / name
    table.write_text(text)
    out = tmp_path / 'out.json'
    result = collab('en', 'convert', table, out, '--base', base)
    assert result.returncode == 2
    assert message in result.stderr.decode().replace(str(tmp_path) + '/', '')
    assert not out.exists()


def test_more_workbook_sheets_by_name(fixture_dir, tmp_path):
    """A workbook of every new kind, its sheets named in Chinese as the
    export names them, imported a sheet at a time by --sheet."""
    path = fixture_dir / 'more-sheets.json'
    document = json.loads(path.read_text())
    dataset = more_base(fixture_dir, tmp_path)
    kinds = ['purchases', 'investments', 'donations', 'task_reports', 'initiatives', 'agreements', 'events']
    for kind in kinds:
        sheet = tmp_path / f'{kind}.xlsx'
        assert collab('zh_CN', 'convert', path, sheet, '--kind', kind).returncode == 0
        out = tmp_path / f'after-{kind}.json'
        result = collab('en', 'convert', sheet, out, '--sheet', MORE_SHEETS_ZH[kind], '--base', dataset)
        assert result.returncode == 0, result.stderr.decode()
        dataset = out
    back = json.loads(dataset.read_text())
    assert {kind: back[kind] for kind in kinds} == {kind: document[kind] for kind in kinds}
