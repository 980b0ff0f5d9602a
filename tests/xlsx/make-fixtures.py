#!/usr/bin/python3
"""Makes the xlsx fixtures of tests/xlsx/ (SPEC §12.2), committed beside it.

    /usr/bin/python3 tests/xlsx/make-fixtures.py

Good workbooks come from openpyxl (python3-openpyxl), as a spreadsheet
program writes them; the odd ones (inline strings, rich text, skipped
cells, the 1900-02-29 serial) and the hostile ones are zips built here
with zipfile, and the OLE2 files with libgsf through gi (gir1.2-gsf-1).
Run again after changing it: the output is deterministic.
"""

import datetime
import io
import json
import os
import re
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, '..', '..', 'examples', 'data')
FIXED = (2021, 1, 1, 0, 0, 0)   # every zip entry's time: stable bytes


def save(workbook, name, shared=True):
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl stamps the time into docProps/core.xml and the entries:
    # rewrite the zip with fixed times and properties.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    parts = [(n, data) for n, data in parts if n != 'docProps/core.xml']
    write_zip(name, share_strings(parts) if shared else parts)


INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is><t>([^<]*)</t></is></c>')


def share_strings(parts):
    """openpyxl writes inline strings; Excel writes a table of shared
    strings that cells refer to by number. Turn the one into the other,
    and write 张三 as rich text in two runs with a phonetic guide."""
    strings = []

    def share(match):
        text = match.group(3)
        if text not in strings:
            strings.append(text)
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2) or b'', strings.index(text))

    parts = [(n, INLINE.sub(share, data) if n.startswith('xl/worksheets/') else data) for n, data in parts]
    items = []
    for text in strings:
        if text == '张三'.encode('ascii', 'xmlcharrefreplace'):
            items.append(b'<si><r><rPr><b/></rPr><t>&#24352;</t></r><r><t>&#19977;</t></r>'
                         b'<rPh sb="0" eb="1"><t>zhang</t></rPh></si>')
        else:
            items.append(b'<si><t>' + text + b'</t></si>')
    table = (b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(items), len(items))
             + b''.join(items) + b'</sst>')
    relation = (b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    # Declared in [Content_Types].xml too, or Excel and openpyxl do not
    # see the table.
    content_type = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts = [(n, data.replace(b'</Relationships>', relation) if n == 'xl/_rels/workbook.xml.rels'
              else data.replace(b'</Types>', content_type) if n == '[Content_Types].xml' else data)
             for n, data in parts]
    return parts + [('xl/sharedStrings.xml', table)]


def write_zip(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(HERE, name), 'w', compression) as out:
        for part, data in parts:
            info = zipfile.ZipInfo(part, FIXED)
            info.compress_type = compression
            out.writestr(info, data)


ROSTER_HEADER = ['序号', '姓名', '专业', '派出单位', '派出类型', '方向', '派出地', '派往地',
                 '开始日期', '计划结束日期', '备注']


def roster_rows():
    """Places as officers write them: 江阴市, 江阴, 320281; 延川县, 延川, 610622."""
    d = datetime.date
    return [
        [1, '张三', '教师', '无锡市发改委', '专业技术人才', '选派', '江阴市', '延川县', d(2021, 3, 1), d(2022, 2, 28), '初中数学'],
        [2, '张三', '教师', 'wuxi-drc', '专业技术人才', '选派', '江阴', '延川', d(2022, 3, 1), '2023年2月28日', None],
        [3, '李四', '医生', None, '专技', '选派', '320281', '610622', '2021/3/1', d(2021, 8, 31), '县医院'],
        [4, '王五', '农技', None, '短期', '选派', '江阴市', '延川', d(2021, 4, 1), d(2021, 4, 30), None],
    ]


def roster_workbook(epoch=None):
    workbook = openpyxl.Workbook()
    if epoch is not None:
        workbook.epoch = epoch
    notes = workbook.active
    notes.title = '说明'
    notes.append(['本表为2021年选派专业技术人才花名册'])
    sheet = workbook.create_sheet('派出人员')
    # A title merged across the table, as officers head their sheets.
    sheet.append(['2021年选派专业技术人才花名册'])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ROSTER_HEADER))
    sheet.append(ROSTER_HEADER)
    for row in roster_rows():
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = 'yyyy/m/d'
    return workbook


def ledger_workbook():
    """Amounts as numbers (yuan and fen, exactly) and as text; a count;
    the sheet chosen by its Chinese name among others."""
    workbook = openpyxl.Workbook()
    workbook.active.title = '汇总'
    workbook.active.append(['合计', 1920])
    sheet = workbook.create_sheet('资金流水')
    sheet.append(['编号', '类型', '转出', '转入', '金额', '日期', '预算年度'])
    sheet.append(['t1', '下达', None, 'acc-sn', 19200000, datetime.date(2021, 4, 15), 2021])
    sheet.append(['t2', '拨付', 'acc-js', 'acc-sn', 1920.5, '2021-05-10', '2021'])
    sheet.append(['t3', '拨付', 'acc-js', 'acc-sn', 0.01, datetime.date(2021, 5, 11), None])
    sheet.append(['t4', '拨付', 'acc-js', 'acc-sn', '300万', datetime.date(2021, 5, 12), None])
    sheet['F2'].number_format = 'yyyy"年"m"月"d"日"'
    other = workbook.create_sheet('Sheet3')
    other.append(['id', 'type', 'to', 'amount', 'date'])
    other.append(['t9', 'allocation', 'acc-sn', 123.45, '2021-06-01'])
    return workbook


def show_dates(workbook, number_format):
    """Date cells as a spreadsheet shows them: the format makes them dates."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = number_format


def labour_workbook():
    """The labour forms of tests/data/labour-sheets.json as officers keep
    them (test-csv-labour.c has the same as CSV): a sheet each, named as
    the offices name them, dates as date cells, counts and wages as
    numbers, 是/否 and a boolean cell for the flags."""
    d = datetime.date
    workbook = openpyxl.Workbook()
    workbook.active.title = '说明'
    workbook.active.append(['2021年无锡市—延安市劳务协作台账'])

    offers = workbook.create_sheet('岗位供给清单')
    offers.append(['2021年无锡市面向延安市岗位供给清单'])
    offers.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    offers.append(['序号', '编号', '用工单位', '工种', '岗位数', '开始日期', '截止日期', '面向地区', '月工资（元）', '规划'])
    offers.append([1, 'GW-01', '无锡顺达物流有限公司', '物流', 30, d(2021, 3, 1), d(2021, 6, 30), '延安', 5500,
                   '无锡市—延安市东西部协作'])
    offers.append([2, 'GW-02', '江阴味道餐饮管理有限公司', '餐饮服务', 20, d(2021, 3, 15), '2021年5月31日', '延川县',
                   4200.5, 'wuxi-yanan'])
    offers.append([3, 'GW-03', '无锡康乐养老服务中心', '养老', 10, d(2021, 4, 1), d(2021, 12, 31), None, None, None])

    workers = workbook.create_sheet('就业需求清单')
    workers.append(['序号', '姓名', '户籍县', '脱贫人口', '监测对象', '残疾人', '意向工种', '登记日期'])
    workers.append([1, '张建国', '延川', '是', '否', '否', '物流配送、餐饮服务', d(2021, 2, 20)])
    workers.append([2, '李秀英', '延川县', False, True, None, '餐饮', d(2021, 2, 25)])
    workers.append([3, '王磊', '延长', '是', None, '是', '不限', d(2021, 3, 1)])
    workers.append([4, '刘芳', 610621, None, None, None, '养老、家政', d(2021, 3, 5)])
    workers.append([5, '张建国', '延长县', '是', None, None, '建筑', d(2021, 3, 10)])

    placements = workbook.create_sheet('就业情况')
    placements.append(['序号', '姓名', '户籍县', '用工单位', '岗位编号', '就业类型', '有组织劳务输出', '上岗日期', '离岗日期'])
    placements.append([1, '张建国', '延川县', '无锡顺达物流有限公司', 'GW-01', '异地转移就业', '是', d(2021, 3, 15), None])
    placements.append([2, '李秀英', None, '江阴味道餐饮管理有限公司', 'GW-02', '转移就业', '是', d(2021, 4, 1),
                       d(2021, 8, 31)])
    placements.append([3, '李秀英', None, '无锡康乐养老服务中心', 'GW-03', '外出务工', '否', d(2021, 9, 10), None])
    placements.append([4, '王磊', '延长县', '延川县红枣加工扶贫车间', None, '车间就业', None, d(2021, 5, 1), None])
    placements.append([5, '张建国', '延长', '延长县人力资源和社会保障局', None, '公益性岗位', None, d(2021, 6, 1), None])

    follow_ups = workbook.create_sheet('跟踪服务')
    follow_ups.append(['序号', '姓名', '用工单位', '回访日期', '状态', '备注'])
    follow_ups.append([1, '张建国', '无锡顺达物流有限公司', d(2021, 5, 10), '在岗', '电话回访，工作稳定'])
    follow_ups.append([2, '李秀英', None, d(2021, 6, 15), '在岗', None])
    follow_ups.append([3, '李秀英', None, d(2021, 9, 5), '换工作', '转至养老服务'])
    follow_ups.append([4, '李秀英', None, d(2021, 11, 20), '在岗', None])
    follow_ups.append([5, '王磊', None, d(2021, 8, 1), '在岗', None])
    follow_ups.append([6, '张建国', '延长县人力资源和社会保障局', d(2021, 8, 1), '返乡', None])

    events = workbook.create_sheet('活动')
    events.append(['序号', '规划', '类型', '日期', '地区', '参加人数', '培训人次', '培训类别'])
    events.append([1, '无锡市—延安市东西部协作', '联席会议', d(2021, 4, 20), '延安市', 60, None, None])
    events.append([2, 'wuxi-yanan', '互访', d(2021, 5, 18), '无锡', 25, None, None])
    events.append([3, 'wuxi-yanan', '专场招聘', d(2021, 3, 6), '延川', 800, None, None])
    events.append([4, 'wuxi-yanan', '培训班', d(2021, 7, 12), '延长县', None, 120, '劳动力'])
    events.append([5, 'wuxi-yanan', '推介会', d(2021, 11, 5), '无锡市', 300, None, None])

    show_dates(workbook, 'yyyy/m/d')
    return workbook


def labour_bad_workbook():
    """One mistake a sheet, for the errors to name the sheet and the cell:
    a negative count, a type of work the list does not have, a person in
    two jobs on the day of the call."""
    d = datetime.date
    workbook = openpyxl.Workbook()
    offers = workbook.active
    offers.title = '岗位供给'
    offers.append(['用工单位', '工种', '岗位数', '开始日期', '截止日期'])
    offers.append(['无锡顺达物流有限公司', '物流', 30, d(2021, 3, 1), d(2021, 6, 30)])
    offers.append(['江阴味道餐饮管理有限公司', '餐饮', -3, d(2021, 3, 1), d(2021, 6, 30)])
    workers = workbook.create_sheet('就业需求')
    workers.append(['姓名', '户籍县', '意向工种', '登记日期'])
    workers.append(['赵四', '延川', '保洁', d(2021, 2, 20)])
    follow_ups = workbook.create_sheet('跟踪服务')
    follow_ups.append(['姓名', '日期', '状态'])
    follow_ups.append(['张建国', d(2021, 7, 1), '在岗'])
    show_dates(workbook, 'yyyy-mm-dd')
    return workbook


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
        b' Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
        b' Target="/xl/styles.xml"/></Relationships>')
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook_xml(sheet, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else ''
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {MAIN} {REL}>{pr}<sheets>'
            f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()


STYLES = (f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet {MAIN}>'
          '<numFmts count="1"><numFmt numFmtId="170" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs>'
          '</styleSheet>').encode()


def by_hand(name, sheet_name, sheet_data, date1904=False, styles=STYLES, extra=()):
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {MAIN}><sheetData>'
             + sheet_data + '</sheetData></worksheet>').encode()
    write_zip(name, [('[Content_Types].xml', CONTENT_TYPES), ('xl/workbook.xml', workbook_xml(sheet_name, date1904)),
                     ('xl/_rels/workbook.xml.rels', RELS), ('xl/styles.xml', styles),
                     ('xl/worksheets/sheet1.xml', sheet)] + list(extra))


def inline_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def odd_workbooks():
    # Inline strings, a rich text run split in two, skipped cells (no B
    # column, no row 2), cells without `r`, date cells of both formats, an
    # amount as 1.5E+3 and the serial of Excel's 29 February 1900.
    header = ('<row r="1">' + inline_cell('A1', 'id') + inline_cell('C1', 'person') + inline_cell('D1', 'kind')
              + inline_cell('E1', 'direction') + inline_cell('F1', 'from') + inline_cell('G1', 'to')
              + inline_cell('H1', 'start') + inline_cell('I1', 'planned_end') + inline_cell('J1', 'profession')
              + '</row>')
    row = ('<row r="3">' + inline_cell('A3', 'd1')
           + '<c r="C3" t="inlineStr"><is><r><rPr><b/></rPr><t>x0</t></r><r><t>01</t></r>'
             '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>'
           + '<c t="inlineStr"><is><t>professional</t></is></c><c t="inlineStr"><is><t>outbound</t></is></c>'
           + inline_cell('F3', '江阴') + '<c r="G3"><v>610622</v></c>'
           + '<c r="H3" s="1"><v>44256</v></c><c r="I3" s="2"><v>44620</v></c>'
           + '<c r="J3" t="inlineStr"><is><t>教师</t></is></c><c r="K3" s="3"/></row>')
    by_hand('inline.xlsx', 'dispatches', header + row)
    # The same dates in the 1904 system: 1462 days fewer.
    row_1904 = row.replace('<v>44256</v>', '<v>42794</v>').replace('<v>44620</v>', '<v>43158</v>')
    by_hand('inline-1904.xlsx', 'dispatches', header + row_1904, date1904=True)
    # Day 60 of the 1900 system: 1900-02-29, which never was.
    by_hand('leap-1900.xlsx', 'dispatches', header + row.replace('<v>44256</v>', '<v>60</v>'))


def hostile_workbooks(good):
    # A CSV file renamed .xlsx.
    with open(os.path.join(HERE, 'csv-renamed.xlsx'), 'wb') as out:
        out.write('编号,姓名\nx001,张三\n'.encode())
    # A zip cut in half.
    with open(os.path.join(HERE, good), 'rb') as source:
        data = source.read()
    with open(os.path.join(HERE, 'truncated.xlsx'), 'wb') as out:
        out.write(data[:len(data) // 2])
    # A zip without xl/workbook.xml (a word-processing document, say).
    write_zip('no-workbook.xlsx', [('[Content_Types].xml', CONTENT_TYPES),
                                   ('word/document.xml', b'<document/>')])
    # A zip bomb: 64 MiB of spaces in a sheet part, some 64 KiB deflated.
    by_hand('bomb.xlsx', 'dispatches', '<row r="1">' + inline_cell('A1', 'id') + '</row>' + ' ' * (64 << 20))
    # Malformed XML, and a document type with an external entity (XXE).
    by_hand('malformed.xlsx', 'dispatches', '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></row>')
    sheet = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
             f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
             '</sheetData></worksheet>').encode()
    write_zip('doctype.xlsx', [('[Content_Types].xml', CONTENT_TYPES), ('xl/workbook.xml', workbook_xml('dispatches')),
                               ('xl/_rels/workbook.xml.rels', RELS), ('xl/worksheets/sheet1.xml', sheet)])
    # A cell that refers to a shared string the workbook does not have.
    by_hand('bad-shared.xlsx', 'dispatches', '<row r="1"><c r="C1" t="s"><v>5</v></c></row>')
    # OLE2 compound files: an Excel 97-2003 workbook and a workbook that a
    # password encrypted (MS-OFFCRYPTO: EncryptionInfo, EncryptedPackage).
    ole2('old.xls', [('Workbook', b'\x09\x08' + bytes(510))])
    ole2('encrypted.xlsx', [('EncryptionInfo', b'\x04\x00\x04\x00' + bytes(200)),
                            ('EncryptedPackage', bytes(4096))])


def ole2(name, streams):
    import gi
    gi.require_version('Gsf', '1')
    from gi.repository import Gsf
    output = Gsf.OutputStdio.new(os.path.join(HERE, name))
    ole = Gsf.OutfileMSOle.new(output)
    for stream, data in streams:
        child = ole.new_child(stream, False)
        child.write(data)
        child.close()
    ole.close()


NAMES_FAMILY = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜'
NAMES_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛',
               '明', '超', '秀英', '霞', '平', '刚', '桂英']
WORDS = {'teacher': '教师', 'doctor': '医生', 'agriculture': '农技', 'other': '其他',
         'professional': '专业技术人才', 'cadre': '挂职干部', 'short_term': '短期',
         'outbound': '选派', 'inbound': '接收', 'working_group': '工作组', 'liaison': '联络员'}


def wuxi_roster():
    """The example roster as officers keep it: no ids, names for people,
    places written three ways, dates as date cells or text; and the
    dataset it refers to, without its people and dispatches."""
    with open(os.path.join(EXAMPLES, 'wuxi-roster-2021-2023.json'), encoding='utf-8') as source:
        dataset = json.load(source)
    regions = {r['id']: r for r in dataset['regions']}
    people = {p['id']: p for p in dataset['people']}

    def place(region_id, i):
        region = regions[region_id]
        if i % 3 == 1 and region.get('code'):
            return region['code']
        if i % 3 == 2:
            for suffix in ('回族土族自治县', '土族自治县', '回族自治县', '撒拉族自治县', '县', '区', '市'):
                if region['name'].endswith(suffix):
                    return region['name'][:-len(suffix)]
        return region['name']

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = '派出人员'
    sheet.append(['序号', '姓名', '专业', '派出类型', '方向', '岗位', '派出地', '派往地',
                  '开始日期', '计划结束日期', '实际结束日期'])
    for i, dispatch in enumerate(dataset['dispatches']):
        number = int(dispatch['person'].split('p')[-1])
        name = (NAMES_FAMILY[number % len(NAMES_FAMILY)] + NAMES_GIVEN[number // len(NAMES_FAMILY) % len(NAMES_GIVEN)]
                + ('' if number < len(NAMES_FAMILY) * len(NAMES_GIVEN) else str(number)))
        day = lambda text: datetime.date.fromisoformat(text) if text else None
        planned = day(dispatch['planned_end'])
        sheet.append([i + 1, name, WORDS[people[dispatch['person']]['profession']], WORDS[dispatch['kind']],
                      WORDS[dispatch['direction']], WORDS.get(dispatch.get('post')),
                      place(dispatch['from'], i), place(dispatch['to'], i + 1), day(dispatch['start']),
                      planned if i % 4 else f'{planned.year}年{planned.month}月{planned.day}日',
                      day(dispatch.get('actual_end'))])
    save(workbook, 'wuxi-roster.xlsx')
    # The officer's chapter of the guide (doc/officer.md) works on it too.
    save(workbook, os.path.join(EXAMPLES, 'wuxi-roster-2021-2023.xlsx'))
    # One place mistyped, as the check must catch: 延安县 for 延川县.
    sheet['H6'] = '延安县'
    save(workbook, 'wuxi-roster-typo.xlsx')

    base = {k: v for k, v in dataset.items() if k not in ('people', 'dispatches', '_provenance')}
    with open(os.path.join(HERE, 'wuxi-roster-base.json'), 'w', encoding='utf-8') as out:
        json.dump(base, out, ensure_ascii=False, indent=1)
        out.write('\n')


# The hostile-input corpus (issue 12) ---------------------------------------
#
# Each file is small; what is large is what it claims or inflates to. The
# big ones (a million rows, tens of thousands of entries, a table of
# shared strings padded under the ratio cap) are made by
# tests/xlsx/test-xlsx-corpus.c in memory instead.

def raw_zip(name, entries, comment=b''):
    """A zip written byte by byte, for what zipfile will not write: each
    entry is a dict with name, data (the bytes stored), method (0 or 8),
    crc, size (the uncompressed size declared), and optionally at (the
    index of an earlier entry whose local header and data it shares:
    overlapping entries) and zip64 (sizes in a zip64 extra field)."""
    import struct
    out = bytearray()
    offsets = []
    for entry in entries:
        if 'at' in entry:
            offsets.append(offsets[entry['at']])
            continue
        offsets.append(len(out))
        name_bytes = entry['name'].encode()
        extra = b''
        size, csize = entry['size'], len(entry['data'])
        if entry.get('zip64'):
            extra = struct.pack('<HHQQ', 1, 16, size, csize)
            size = csize = 0xFFFFFFFF
        out += struct.pack('<IHHHHHIIIHH', 0x04034b50, 45 if extra else 20, 0, entry['method'], 0, 0x21,
                           entry['crc'], csize, size, len(name_bytes), len(extra)) + name_bytes + extra
        out += entry['data']
    directory = bytearray()
    for entry, offset in zip(entries, offsets):
        name_bytes = entry['name'].encode()
        extra = b''
        size, csize = entry['size'], len(entry['data'])
        if entry.get('zip64'):
            extra = struct.pack('<HHQQQ', 1, 24, size, csize, offset)
            size = csize = offset = 0xFFFFFFFF
        directory += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 45 if extra else 20, 45 if extra else 20, 0,
                                 entry['method'], 0, 0x21, entry['crc'], csize, size, len(name_bytes), len(extra),
                                 0, 0, 0, 0, offset) + name_bytes + extra
    start = len(out)
    out += directory
    out += struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries), len(directory), start,
                       len(comment)) + comment
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(out)


def deflated(data):
    import zlib
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def entry(name, data, **kw):
    import zlib
    return dict(name=name, data=deflated(data), method=8, crc=zlib.crc32(data), size=len(data), **kw)


def sheet_xml(rows, after=''):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {MAIN}><sheetData>' + rows + '</sheetData>'
            + after + '</worksheet>').encode()


def regions_rows(first_row=1):
    """A header and two regions, as inline strings from @first_row on."""
    cells = [['id', 'name', 'level', 'parent'], ['yanan', '延安市', 'city', 'shaanxi'],
             ['yanchuan', '延川县', 'county', 'yanan']]
    out = ''
    for i, row in enumerate(cells):
        r = first_row + i
        out += f'<row r="{r}">' + ''.join(inline_cell(f'{"ABCD"[c]}{r}', text) for c, text in enumerate(row)) + '</row>'
    return out


def book_parts(sheet, strings=None):
    parts = [('[Content_Types].xml', CONTENT_TYPES), ('xl/workbook.xml', workbook_xml('regions')),
             ('xl/_rels/workbook.xml.rels', RELS.replace(b'</Relationships>', SHARED_REL)),
             ('xl/worksheets/sheet1.xml', sheet)]
    if strings is not None:
        parts.append(('xl/sharedStrings.xml', strings))
    return parts


SHARED_REL = (b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def bombs():
    # A table of shared strings that inflates 1000 to 1: 40 MiB of items.
    strings = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {MAIN}>'.encode() + b'<si><t>x</t></si>' * (40 << 16)
               + b'</sst>')
    write_zip('bomb-strings.xlsx', book_parts(sheet_xml(regions_rows()), strings))
    # One shared string of a megabyte, named by 1000 cells: a gigabyte of
    # text once each cell is copied, from a file of a few kilobytes.
    strings = (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {MAIN}>'.encode() + b'<si><t>' + b'x' * (1 << 20)
               + b'</t></si></sst>')
    rows = regions_rows() + ''.join(f'<row r="{r}"><c r="E{r}" t="s"><v>0</v></c></row>' for r in range(4, 1004))
    write_zip('bomb-refs.xlsx', book_parts(sheet_xml(rows), strings))
    # Two entries, the sheet and the shared strings, that are one deflate
    # stream of 20 MiB in the file: overlapping entries (a "quoted" zip
    # bomb repeats this for every entry).
    blank = b' ' * (20 << 20)
    good = dict(book_parts(sheet_xml(regions_rows())))
    raw_zip('bomb-overlap.xlsx', [entry('[Content_Types].xml', CONTENT_TYPES),
                                  entry('xl/workbook.xml', good['xl/workbook.xml']),
                                  entry('xl/_rels/workbook.xml.rels', good['xl/_rels/workbook.xml.rels']),
                                  entry('xl/worksheets/sheet1.xml', blank),
                                  dict(entry('xl/sharedStrings.xml', blank), at=3)])
    # A good workbook in zip64 form, and one whose sheet claims 1 TiB.
    raw_zip('zip64.xlsx', [entry(n, d, zip64=True) for n, d in book_parts(sheet_xml(regions_rows()))])
    raw_zip('zip64-huge.xlsx', [entry(n, d) for n, d in book_parts(sheet_xml(regions_rows()))[:-1]]
            + [dict(entry('xl/worksheets/sheet1.xml', sheet_xml(regions_rows())), size=1 << 40, zip64=True)])
    # A central directory that lies: the sheet declares 300 bytes and
    # inflates to 32 MiB; or declares 8 MiB and inflates to a few hundred.
    big = sheet_xml(regions_rows() + ' ' * (32 << 20))
    raw_zip('lying-small.xlsx', [entry(n, d) for n, d in book_parts(sheet_xml(regions_rows()))[:-1]]
            + [dict(entry('xl/worksheets/sheet1.xml', big), size=300)])
    raw_zip('lying-big.xlsx', [entry(n, d) for n, d in book_parts(sheet_xml(regions_rows()))[:-1]]
            + [dict(entry('xl/worksheets/sheet1.xml', sheet_xml(regions_rows())), size=8 << 20)])


def wrong_containers():
    # Office documents that are zips of XML, but not workbooks.
    write_zip('docx.xlsx', [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', b'<Relationships/>'),
                            ('word/document.xml', b'<w:document/>')])
    with zipfile.ZipFile(os.path.join(HERE, 'ods.xlsx'), 'w') as out:
        info = zipfile.ZipInfo('mimetype', FIXED)
        out.writestr(info, 'application/vnd.oasis.opendocument.spreadsheet')
        info = zipfile.ZipInfo('content.xml', FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, '<office:document-content/>')
    write_zip('jar.xlsx', [('META-INF/MANIFEST.MF', b'Manifest-Version: 1.0\r\n\r\n'), ('a/B.class', b'\xca\xfe\xba\xbe')])
    # A gzip of a sheet, a PDF, nothing at all.
    import gzip
    with open(os.path.join(HERE, 'gzip.xlsx'), 'wb') as out:
        out.write(gzip.compress(sheet_xml(regions_rows()), mtime=0))
    with open(os.path.join(HERE, 'pdf.xlsx'), 'wb') as out:
        out.write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
    with open(os.path.join(HERE, 'empty.xlsx'), 'wb'):
        pass


def huge_sheets():
    # A cell 99,999,999,999 rows down; a row past Excel's last; the last
    # column, XFD, in a table that reads; and a sheet 1900 rows deep whose
    # last row has a value at XFD: 31 million cells from 30 KiB of XML.
    by_hand('far-ref.xlsx', 'regions', regions_rows() + '<row r="4"><c r="A99999999999" t="inlineStr"><is><t>x</t>'
            '</is></c></row>')
    by_hand('row-beyond.xlsx', 'regions', regions_rows() + '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x'
            '</t></is></c></row>')
    by_hand('xfd.xlsx', 'regions', regions_rows().replace('</row>', '<c r="XFD{}" t="inlineStr"><is><t>{}</t></is></c>'
                                                          '</row>', 1).format(1, 'note'))
    rows = ''.join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 1900))
    by_hand('wide-deep.xlsx', 'regions', rows + '<row r="1900"><c r="XFD1900" t="inlineStr"><is><t>x</t></is></c></row>')


def formula_cells(uncached=False):
    """Regions whose names, codes and levels are formulas: a string result
    (t="str"), a number, a shared formula; with @uncached, one formula
    without the value Excel saves beside it."""
    rows = ('<row r="1">' + ''.join(inline_cell(f'{c}1', t) for c, t in zip('ABCDE', ['id', 'name', 'level', 'parent',
                                                                                      'code'])) + '</row>'
            '<row r="2">' + inline_cell('A2', 'yanan') + '<c r="B2" t="str"><f>"延安"&amp;"市"</f><v>延安市</v></c>'
            + inline_cell('C2', 'city') + inline_cell('D2', 'shaanxi')
            + '<c r="E2"><f>610000+600</f><v>610600</v></c></row>'
            '<row r="3">' + inline_cell('A3', 'yanchuan') + '<c r="B3" t="str"><f>"延川"&amp;"县"</f><v>延川县</v></c>'
            + inline_cell('C3', 'county') + inline_cell('D3', 'yanan')
            + '<c r="E3"><f t="shared" ref="E3:E4" si="0">E2+22</f><v>610622</v></c></row>'
            '<row r="4">' + inline_cell('A4', 'yanchang') + '<c r="B4" t="str"><f>"延长县"</f><v>延长县</v></c>'
            + inline_cell('C4', 'county') + inline_cell('D4', 'yanan')
            + ('<c r="E4"><f t="shared" si="0"/></c>' if uncached else '<c r="E4"><f t="shared" si="0"/><v>610621</v></c>')
            + '</row>')
    return rows


def formulas_and_merges():
    by_hand('formula.xlsx', 'regions', formula_cells())
    by_hand('formula-uncached.xlsx', 'regions', formula_cells(uncached=True))
    # An error value cached for a formula (#DIV/0!) where a code goes.
    by_hand('formula-error.xlsx', 'regions', formula_cells().replace('<c r="E2"><f>610000+600</f><v>610600</v></c>',
                                                                     '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'))
    # A title merged across the table, and a parent merged down three
    # rows (as officers merge a repeated unit); a merge that reaches past
    # the last row, and one of a blank cell.
    rows = ('<row r="1">' + inline_cell('A1', '延安市辖区县') + '</row>'
            '<row r="2">' + ''.join(inline_cell(f'{c}2', t) for c, t in zip('ABCD', ['id', 'name', 'level', 'parent']))
            + '</row>')
    for r, (rid, name) in enumerate([('yanchuan', '延川县'), ('yanchang', '延长县'), ('baota', '宝塔区')], start=3):
        rows += (f'<row r="{r}">' + inline_cell(f'A{r}', rid) + inline_cell(f'B{r}', name)
                 + (inline_cell(f'C{r}', 'county') + inline_cell(f'D{r}', 'yanan') if r == 3
                    else f'<c r="C{r}" t="inlineStr"><is><t>county</t></is></c><c r="D{r}" s="0"/>') + '</row>')
    merges = ('<mergeCells count="4"><mergeCell ref="A1:D1"/><mergeCell ref="D3:D5"/>'
              '<mergeCell ref="E3:E900000"/><mergeCell ref="F1:F2"/></mergeCells>')
    write_zip('merged.xlsx', book_parts(sheet_xml(rows, merges))[:3]
              + [('xl/worksheets/sheet1.xml', sheet_xml(rows, merges))])
    bad = '<mergeCells count="1"><mergeCell ref="D3:A1"/></mergeCells>'
    write_zip('merged-bad.xlsx', book_parts(sheet_xml(rows, bad)))


def main():
    save(roster_workbook(), 'roster-zh.xlsx')
    # Inline strings, as openpyxl writes them: the same records.
    save(roster_workbook(CALENDAR_MAC_1904), 'roster-1904.xlsx', shared=False)
    save(ledger_workbook(), 'ledger.xlsx')
    save(labour_workbook(), 'labour-zh.xlsx')
    save(labour_bad_workbook(), 'labour-bad.xlsx')
    odd_workbooks()
    hostile_workbooks('roster-zh.xlsx')
    wuxi_roster()
    bombs()
    wrong_containers()
    huge_sheets()
    formulas_and_merges()


if __name__ == '__main__':
    main()
