#!/usr/bin/python3
"""Writes the seed corpus of fuzzing/ that is made, not found.

Run from the source root after a build, with the library's typelib:

    GI_TYPELIB_PATH=_build/libcollab LD_LIBRARY_PATH=_build/libcollab \\
        /usr/bin/python3 fuzzing/make-seeds.py

- corpus/csv and corpus/xlsx: every record kind of base/base.json exported
  (ids, and the officers' Chinese labels), behind the byte that makes the
  harness read it as that kind; the rosters of tests/csv and tests/xlsx as
  dispatches;
- corpus/money, corpus/dates: amounts and days as people write them;
- corpus/merge, corpus/load, corpus/match: small documents for each;
- dataset.dict: the members and values of the dataset document and the
  rule sets (from doc/dataset.schema.json), for libFuzzer's -dict.

Running it twice writes the same files.
"""

import json
import os
import pathlib
import tempfile

import gi
gi.require_version('Collab', '1.0')
from gi.repository import Collab  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

MONEY = ['0', '1', '300.50', '1920万', '1920.5万元', '1.47亿', '1.47亿元', '2627.13万',
         '92233720368547758.07', '92233720368547758.08', '-1', '0.001', '1e5',
         '１２３', '1,234.56', ' 12 ', '12.', '.5', '万', '0.0000001亿', '99999999999999999999']
DATES = ['2021-03-01', '2021/3/1', '2021.3.1', '2021年3月1日', '2020-02-29', '2021-02-29',
         '9999-12-31', '0001-01-01', '0000-01-01', '2021-13-01', '2021-1-1', '20210301',
         '2021年12月', '2021-03-01T00:00:00', '4294967295-01-01']


HOSTILE_XLSX = ('bomb-overlap.xlsx', 'bomb-refs.xlsx', 'docx.xlsx', 'empty.xlsx', 'far-ref.xlsx',
                'formula.xlsx', 'formula-error.xlsx', 'formula-uncached.xlsx', 'gzip.xlsx', 'jar.xlsx',
                'lying-big.xlsx', 'merged.xlsx', 'merged-bad.xlsx', 'ods.xlsx', 'pdf.xlsx', 'row-beyond.xlsx',
                'wide-deep.xlsx', 'xfd.xlsx', 'zip64.xlsx', 'zip64-huge.xlsx')


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)


def kinds():
    return [(v.value_nick, int(v)) for v in Collab.RecordKind.__enum_values__.values()]


def sheets(base):
    with tempfile.TemporaryDirectory() as tmp:
        for nick, kind in kinds():
            if base.get_n_records(kind) == 0:
                continue
            for name, flags in (('ids', Collab.ExportFlags.NONE), ('labels', Collab.ExportFlags.LABELS)):
                csv, _length = base.export_csv_full(kind, flags)
                write(HERE / 'corpus' / 'csv' / f'{nick}-{name}.csv', bytes([kind]) + csv.encode())
            xlsx = os.path.join(tmp, 'sheet.xlsx')
            base.export_to_file(kind, xlsx, Collab.SheetFormat.XLSX, Collab.ExportFlags.LABELS)
            write(HERE / 'corpus' / 'xlsx' / f'{nick}-labels.xlsx',
                  bytes([kind]) + pathlib.Path(xlsx).read_bytes())
    dispatch = int(Collab.RecordKind.DISPATCH)
    for path in sorted((ROOT / 'tests' / 'csv').glob('*.csv')):
        write(HERE / 'corpus' / 'csv' / path.name, bytes([dispatch]) + path.read_bytes())
    for name in ('wuxi-roster.xlsx', 'roster-zh.xlsx', 'inline.xlsx', 'bomb.xlsx', 'truncated.xlsx'):
        path = ROOT / 'tests' / 'xlsx' / name
        write(HERE / 'corpus' / 'xlsx' / name, bytes([dispatch]) + path.read_bytes())
    # The hostile-input corpus of tests/xlsx (test-xlsx-corpus.c), as
    # tables of regions; its bombs of more than 32 KiB are left out.
    region = int(Collab.RecordKind.REGION)
    for name in HOSTILE_XLSX:
        path = ROOT / 'tests' / 'xlsx' / name
        write(HERE / 'corpus' / 'xlsx' / name, bytes([region]) + path.read_bytes())


def documents():
    for i, text in enumerate(MONEY):
        write(HERE / 'corpus' / 'money' / f'{i:02d}', text)
    for i, text in enumerate(DATES):
        write(HERE / 'corpus' / 'dates' / f'{i:02d}', text)
    # A merge that adds, one that collides, one that dangles.
    write(HERE / 'corpus' / 'merge' / 'adds.json',
          '{"regions": [{"id": "new-county", "name": "新县", "level": "county", "parent": "yanan"}]}\n')
    write(HERE / 'corpus' / 'merge' / 'collides.json',
          '{"regions": [{"id": "yanan", "name": "延安市", "level": "city"}]}\n')
    write(HERE / 'corpus' / 'merge' / 'dangles.json',
          '{"dispatches": [{"id": "d-x", "person": "nobody", "program": "p", "start": "2021-01-01"}]}\n')
    write(HERE / 'corpus' / 'load' / 'empty.json', '{}\n')
    write(HERE / 'corpus' / 'match' / 'base.json', (HERE / 'base' / 'base.json').read_bytes())
    write(HERE / 'corpus' / 'ruleset' / 'minimal.json',
          '{"id": "r", "rules": [{"id": "666.rolling", "severity": "violation"}]}\n')


def dictionary():
    """Every property name and enum value of the schema, as JSON strings."""
    schema = json.loads((ROOT / 'doc' / 'dataset.schema.json').read_text())
    words = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == 'properties' and isinstance(value, dict):
                    words.update(value)
                if key == 'enum' and isinstance(value, list):
                    words.update(v for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    words.update(Collab.Ruleset.list_known_rules())
    words.update(['id', 'rules', 'severity', 'params', 'min', 'max', 'extends', 'violation', 'warning', 'info'])
    tokens = ['{', '}', '[', ']', ':', ',', '"', 'true', 'false', 'null', '-0', '1e999', '\\u0000', '\\ud800']
    lines = ['# The dataset document and rule sets (fuzzing/make-seeds.py writes this).']
    lines += ['"%s"' % t.replace('\\', '\\\\').replace('"', '\\"') for t in tokens]
    lines += ['"\\"%s\\""' % w for w in sorted(words)]
    write(HERE / 'dataset.dict', '\n'.join(lines) + '\n')


def main():
    base = Collab.Dataset.new_from_file(str(HERE / 'base' / 'base.json'))
    sheets(base)
    documents()
    dictionary()


if __name__ == '__main__':
    main()
