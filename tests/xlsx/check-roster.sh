#!/bin/sh
# The headline of SPEC §12.2: the example roster kept as officers keep
# it (tests/xlsx/wuxi-roster.xlsx: Chinese headers, no id columns, people
# by name, places written 江阴市, 江阴 or 320281, dates as date cells or
# text) converts onto the dataset it refers to and checks to the same
# findings as the JSON roster of the same people; a mistyped place
# (延安县) is exit status 2 with the closest candidates, and so is an .xls.
# Prints TAP.
#
#   check-roster.sh COLLAB SOURCE_DIR
set -u
collab=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xlsx=$source/tests/xlsx
as_of=2023-12-31

echo "1..6"

if "$collab" convert "$xlsx/wuxi-roster.xlsx" "$work/roster.json" --base "$xlsx/wuxi-roster-base.json" \
     > "$work/convert.out" 2> "$work/convert.err" &&
   grep -q 'generated 1291 ids' "$work/convert.err"; then
  echo "ok 1 - the workbook converts, and says how many ids it made"
else
  echo "not ok 1 - the workbook converts, and says how many ids it made"
  sed 's/^/# /' "$work/convert.out" "$work/convert.err"
fi

"$collab" check "$work/roster.json" --as-of $as_of --format json > "$work/from-xlsx.json"
"$collab" check "$source/examples/data/wuxi-roster-2021-2023.json" --as-of $as_of --format json > "$work/from-json.json"
# The findings name dispatches and people by id, which the workbook does
# not have:
# compare everything else.
if /usr/bin/python3 - "$work/from-xlsx.json" "$work/from-json.json" <<'PY'
import json, re, sys
def findings(path):
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    out = []
    for finding in document['findings']:
        finding['subject'].pop('dispatch', None)
        text = json.dumps(finding, ensure_ascii=False, sort_keys=True)
        out.append(re.sub(r'wx-p[0-9]+|person-[0-9a-f]{10}', 'PERSON', re.sub(r'wx-d[0-9]+|dispatch-[0-9a-f]{10}(-[0-9]+)?', 'DISPATCH', text)))
    return sorted(out), document['counts']
a, b = findings(sys.argv[1]), findings(sys.argv[2])
if a != b:
    for x, y in zip(a[0], b[0]):
        if x != y:
            print('# xlsx:', x)
            print('# json:', y)
    sys.exit(1)
print('#', a[1])
PY
then
  echo "ok 2 - the same findings as the JSON roster"
else
  echo "not ok 2 - the same findings as the JSON roster"
fi

"$collab" convert "$xlsx/wuxi-roster-typo.xlsx" "$work/typo.json" --base "$xlsx/wuxi-roster-base.json" \
  > /dev/null 2> "$work/typo.err"
status=$?
if [ $status -eq 2 ] && grep -q '派出人员!H6: 派往地 (to): no region is named 延安县; did you mean 延安市 (yanan)' "$work/typo.err" &&
   [ ! -e "$work/typo.json" ]; then
  echo "ok 3 - a mistyped place is exit status 2 with candidates"
else
  echo "not ok 3 - a mistyped place is exit status 2 with candidates (status $status)"
  sed 's/^/# /' "$work/typo.err"
fi

"$collab" convert "$xlsx/old.xls" "$work/old.json" > /dev/null 2> "$work/old.err"
status=$?
if [ $status -eq 2 ] && grep -q 'old.xls: the file is an Excel 97–2003 workbook (.xls)' "$work/old.err" &&
   [ ! -e "$work/old.json" ]; then
  echo "ok 4 - an .xls is exit status 2, saying what it is"
else
  echo "not ok 4 - an .xls is exit status 2, saying what it is (status $status)"
  sed 's/^/# /' "$work/old.err"
fi

# validate reads tables too: what they would add, or the first error.
"$collab" validate "$xlsx/wuxi-roster.xlsx" --base "$xlsx/wuxi-roster-base.json" > "$work/valid.out" 2>&1
status=$?
"$collab" validate "$xlsx/old.xls" > "$work/valid-xls.out" 2>&1
xls_status=$?
if [ $status -eq 0 ] && grep -q 'wuxi-roster.xlsx: valid (646 dispatches, 645 people)' "$work/valid.out" &&
   [ $xls_status -eq 2 ] && grep -q 'Excel 97–2003 workbook' "$work/valid-xls.out"; then
  echo "ok 5 - validate imports a workbook and names an .xls for what it is"
else
  echo "not ok 5 - validate imports a workbook and names an .xls for what it is ($status, $xls_status)"
  sed 's/^/# /' "$work/valid.out" "$work/valid-xls.out"
fi

# In Chinese, the same error with the same place.
LANGUAGE=zh_CN "$collab" convert "$xlsx/wuxi-roster-typo.xlsx" "$work/typo.json" \
  --base "$xlsx/wuxi-roster-base.json" > /dev/null 2> "$work/typo-zh.err"
if grep -q '派出人员!H6: 派往地 (to): 没有名为延安县的行政区划；您要找的是否是延安市 (yanan)' "$work/typo-zh.err"; then
  echo "ok 6 - the candidates in Chinese"
else
  echo "not ok 6 - the candidates in Chinese"
  sed 's/^/# /' "$work/typo-zh.err"
fi
