# Matching workers to job offers (SPEC §11.3): Dataset.match() through the
# typelib and the override, and `collab match` in text, JSON, CSV and
# xlsx, in English and in the language of the catalog just built.
#
# That the matching is the best there is, is tests/test-match.c's (brute
# force over thousands of small datasets); here, that it reaches Python
# and the command whole.

import datetime
import gettext
import json
import os
import subprocess

import pytest

CLI = os.environ.get('COLLAB_CLI')
LOCALEDIR = os.environ.get('COLLAB_LOCALEDIR')

DOCUMENT = '''{"format": "libcollab-dataset", "version": 1,
 "regions": [
  {"id": "shaanxi", "name": "陕西省", "level": "province", "side": "west"},
  {"id": "yanan", "name": "延安市", "level": "city", "parent": "shaanxi"},
  {"id": "yanchang", "name": "延长县", "level": "county", "parent": "yanan"},
  {"id": "haidong", "name": "海东市", "level": "city", "parent": "shaanxi"},
  {"id": "pingan", "name": "平安区", "level": "county", "parent": "haidong"},
  {"id": "jiangsu", "name": "江苏省", "level": "province", "side": "east"},
  {"id": "wuxi", "name": "无锡市", "level": "city", "parent": "jiangsu"}],
 "organizations": [
  {"id": "e1", "name": "某物流公司", "kind": "enterprise", "region": "wuxi"},
  {"id": "e2", "name": "某养老院", "kind": "enterprise", "region": "wuxi"}],
 "programs": [{"id": "wuxi-2021", "name": "x", "kind": "east_west", "first_year": 2021, "last_year": 2025,
   "assisting": "wuxi", "assisted": ["yanan"]}],
 "job_offers": [
  {"id": "o1", "employer": "e1", "job_type": "logistics", "positions": 2, "open": {"first": "2023-01-01", "last": "2023-12-31"}},
  {"id": "o2", "employer": "e2", "job_type": "elderly_care", "positions": 1, "open": {"first": "2023-01-01", "last": "2023-12-31"},
   "program": "wuxi-2021"}],
 "workers": [
  {"id": "w1", "county": "yanchang", "wants": ["logistics", "elderly_care"], "registered": "2023-01-05"},
  {"id": "w2", "county": "yanchang", "flags": ["at_risk"], "wants": ["logistics"], "registered": "2023-02-01"},
  {"id": "w3", "county": "pingan", "flags": ["poverty_lifted"], "wants": [], "registered": "2023-02-10"},
  {"id": "w4", "county": "yanchang", "registered": "2023-04-01"}],
 "placements": [
  {"id": "pl1", "worker": "w4", "employer": "e1", "offer": "o1", "kind": "transfer", "start": "2022-06-01",
   "end": "2022-12-31"}]
}'''

# On 2023-03-01: o1 has one position left (pl1 named it), o2 one; w4 has
# not registered yet. The two priority workers take them (w2 the only
# logistics it wants, w3 any type), and w1, though registered first,
# waits: placing it would leave out a priority worker.
ROWS = [
    {'worker': 'w2', 'offer': 'o1', 'employer': 'e1', 'job_type': 'logistics', 'rank': 1, 'priority': True},
    {'worker': 'w3', 'offer': 'o2', 'employer': 'e2', 'job_type': 'elderly_care', 'rank': 1, 'priority': True},
]


@pytest.fixture
def labour(Collab):
    dataset = Collab.Dataset()
    dataset.load_from_data(DOCUMENT.encode())
    return dataset


@pytest.fixture
def document(tmp_path):
    path = tmp_path / 'labour.json'
    path.write_text(DOCUMENT, encoding='utf-8')
    return path


def test_match(Collab, labour):
    match = labour.match(as_of='2023-03-01')
    assert isinstance(match, Collab.Match)
    assert (match.placed, match.priority_placed, match.rank_sum) == (2, 2, 2)
    assert (match.props.placed, match.props.priority_placed, match.props.rank_sum) == (2, 2, 2)
    assert match.get_program() is None
    assert datetime.date.fromordinal(match.get_as_of()) == datetime.date(2023, 3, 1)
    frame = match.to_pandas()
    assert list(frame.columns) == ['worker', 'offer', 'employer', 'job_type', 'rank', 'priority']
    assert frame.astype({'worker': str, 'offer': str, 'employer': str, 'job_type': str}).to_dict('records') == ROWS
    assert str(frame['rank'].dtype) == 'int64' and str(frame['priority'].dtype) == 'bool'


def test_match_dates_and_days(labour):
    by_date = labour.match(as_of=datetime.date(2023, 3, 1))
    by_text = labour.match(as_of='2023-03-01')
    assert by_date.to_pandas().equals(by_text.to_pandas())
    # Before anyone registered, after the offers closed: nothing.
    assert labour.match(as_of='2022-12-31').placed == 0
    assert labour.match(as_of='2024-01-01').placed == 0
    # Today, when no day is given.
    assert labour.match().get_as_of() == datetime.date.today().toordinal()


def test_match_program(Collab, labour):
    # wuxi-2021 assists yanan: w3 (pingan, in haidong) takes no part.
    match = labour.match('wuxi-2021', '2023-03-01')
    assert match.get_program() == 'wuxi-2021'
    assert [(r['worker'], r['offer']) for r in match.to_pandas().astype(str).to_dict('records')] == \
        [('w2', 'o1'), ('w1', 'o2')]
    assert (match.placed, match.priority_placed, match.rank_sum) == (2, 1, 3)
    with pytest.raises(Exception) as error:
        labour.match('nope', '2023-03-01')
    assert error.value.matches(Collab.dataset_error_quark(), Collab.DatasetError.NOT_FOUND)


def test_match_deterministic(labour):
    first = labour.match(as_of='2023-03-01').to_pandas()
    for _ in range(3):
        assert labour.match(as_of='2023-03-01').to_pandas().equals(first)


def test_match_example(Collab, data_dir):
    # doc/labour.md: as of 2023-12-31, nine workers wait for six free
    # positions in four open offers; six are placed, four of them priority,
    # each at their first choice.
    example = Collab.Dataset(data_dir / 'wuxi-2021-2023.json')
    match = example.match(as_of='2023-12-31')
    assert (match.placed, match.priority_placed, match.rank_sum) == (6, 4, 6)
    assert match.to_pandas()['offer'].nunique() == 4


# The command ------------------------------------------------------------------

needs_cli = pytest.mark.skipif(CLI is None or LOCALEDIR is None,
                               reason='COLLAB_CLI and COLLAB_LOCALEDIR come from meson test')


def collab(*args, language='en'):
    env = dict(os.environ, LANGUAGE=language, LC_ALL='C.UTF-8', COLLAB_LOCALEDIR=LOCALEDIR)
    return subprocess.run([CLI, *map(str, args)], env=env, capture_output=True, text=True)


@needs_cli
def test_cli_text(document):
    result = collab('match', document, '--as-of', '2023-03-01')
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == '2 placed, 2 of them priority, rank sum 2'
    assert lines[1] == ''
    assert lines[2].split() == ['Worker', 'Job', 'offer', 'Employer', 'Job', 'type', 'Choice', 'Priority']
    assert set(lines[3]) == {'-', ' '}
    assert lines[4].split() == ['w2', 'o1', 'e1', 'logistics', 'and', 'delivery', '1', 'yes']
    assert lines[5].split() == ['w3', 'o2', 'e2', 'elderly', 'care', '1', 'yes']
    assert len(lines) == 6


@needs_cli
def test_cli_text_nothing(document):
    result = collab('match', document, '--as-of', '2022-01-01')
    assert result.returncode == 0
    assert result.stdout == '0 placed, 0 of them priority, rank sum 0\n'


@needs_cli
def test_cli_text_chinese(document):
    zh = gettext.translation('libcollab', LOCALEDIR, languages=['zh_CN'], fallback=True)
    result = collab('match', document, '--as-of', '2023-03-01', '--lang', 'zh_CN')
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == zh.ngettext('%u placed, %u of them priority, rank sum %llu',
                                   '%u placed, %u of them priority, rank sum %llu', 2).replace('%llu', '%u') % (2, 2, 2)
    for label in ('Worker', 'Employer', 'Choice'):
        assert zh.gettext(label) in lines[2]
    assert zh.pgettext('job type', 'logistics and delivery') in lines[4]


@needs_cli
def test_cli_json(document):
    result = collab('match', document, '--as-of', '2023-03-01', '--format', 'json', '--program', 'wuxi-2021')
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ['placed', 'priority_placed', 'rank_sum', 'rows']
    assert (out['placed'], out['priority_placed'], out['rank_sum']) == (2, 1, 3)
    assert out['rows'][1] == {'worker': 'w1', 'offer': 'o2', 'employer': 'e2', 'job_type': 'elderly_care',
                              'rank': 2, 'priority': False}
    # JSON does not change with the language.
    assert json.loads(collab('match', document, '--as-of', '2023-03-01', '--format', 'json', '--program',
                             'wuxi-2021', language='zh_CN').stdout) == out


@needs_cli
def test_cli_csv_and_xlsx(document, tmp_path):
    result = collab('match', document, '--as-of', '2023-03-01', '--format', 'csv')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('\ufeff')
    lines = result.stdout[1:].splitlines()
    assert lines[0] == 'Worker,Job offer,Employer,Job type,Choice,Priority'
    assert lines[1:] == ['w2,o1,e1,logistics and delivery,1,yes', 'w3,o2,e2,elderly care,1,yes']

    openpyxl = pytest.importorskip('openpyxl')
    out = tmp_path / 'match.xlsx'
    result = collab('match', document, '--as-of', '2023-03-01', '--format', 'xlsx', '--output', out)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]] == ['Worker', 'Job offer', 'Employer', 'Job type', 'Choice', 'Priority']
    assert sheet.max_row == 3


@needs_cli
@pytest.mark.parametrize('args, message', [
    ((), 'no file given'),
    (('--as-of', '2023-02-30'), 'is not a date'),
    (('--program', 'nope'), 'no program has the id "nope"'),
    (('--format', 'html'), '--format is text, json, csv or xlsx'),
    (('--format', 'xlsx'), '--format xlsx needs --output FILE'),
])
def test_cli_usage(document, args, message):
    result = collab('match', *((document,) if args else ()), *args)
    assert result.returncode == 2
    assert message in result.stderr


@needs_cli
def test_cli_load_error(tmp_path):
    broken = tmp_path / 'broken.json'
    broken.write_text('{"format": "libcollab-dataset", "version": 1, "workers": [{"id": "w1"}]}')
    result = collab('match', broken)
    assert result.returncode == 2
    assert str(broken) in result.stderr


@needs_cli
def test_cli_help():
    result = collab('match', '--help')
    assert result.returncode == 0
    assert '--as-of=YYYY-MM-DD' in result.stdout and '--program=ID' in result.stdout
    assert 'match' in collab('--help').stdout
