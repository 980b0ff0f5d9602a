#!/bin/sh
# The officer's chapter of the guide (doc/officer.md), run as written: an
# xlsx roster imported onto the plan's dataset, checked, the findings
# exported to a workbook in Chinese, a roster exported, edited and
# imported back, the labour cooperation checked and matched, the figures of
# 2016-2020 reported, the counterpart plan's tasks and Zhuhai's annual
# agreements checked. Prints TAP.
#
#   officer-workflow.sh COLLAB SOURCE_DIR
set -u
collab=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$2/examples/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE=

echo "1..9"
n=0
step () {
  n=$((n + 1)); name=$1; shift
  if "$@" > "$work/out" 2>&1; then echo "ok $n - $name"; else echo "not ok $n - $name"; sed 's/^/# /' "$work/out"; fi
}

step "导入花名册" sh -c "'$collab' convert '$data/wuxi-roster-2021-2023.xlsx' 无锡-2021.json --base '$data/wuxi-2021.json' 2>&1 |
  grep -q '已从 .*wuxi-roster-2021-2023.xlsx 导入派出记录646条、人员645名'"

check () {
  "$collab" check 无锡-2021.json --as-of 2023-12-31 > check.txt
  [ $? -eq 1 ] && grep -q '共发现问题31项：违规26项，警告5项，提示0项' check.txt &&
    grep -q '计入专业技术人才16名（教师6名、医生6名、农业或其他4名），要求18名' check.txt
}
step "检查" check

export_findings () {
  "$collab" check 无锡-2021.json --as-of 2023-12-31 --format xlsx --output 检查结果.xlsx
  [ $? -eq 1 ] && /usr/bin/python3 -c '
import openpyxl
sheet = openpyxl.load_workbook("检查结果.xlsx").active
assert sheet.title == "检查结果" and sheet.freeze_panes == "A2", sheet.title
rows = list(sheet.iter_rows(values_only=True))
assert rows[0][:2] == ("严重程度", "规则") and len(rows) == 32, rows[0]
assert all(row[0] in ("违规", "警告") for row in rows[1:])
'
}
step "导出检查结果" export_findings

round_trip () {
  "$collab" convert 无锡-2021.json 人员.xlsx --kind people &&
  "$collab" convert 无锡-2021.json 派出人员.xlsx --kind dispatches &&
  "$collab" convert 人员.xlsx 基础加人员.json --base "$data/wuxi-2021.json" &&
  "$collab" convert 派出人员.xlsx 修改后.json --base 基础加人员.json &&
  /usr/bin/python3 -c '
import json
a, b = json.load(open("无锡-2021.json")), json.load(open("修改后.json"))
assert a["dispatches"] == b["dispatches"] and a["people"] == b["people"]
'
}
step "导出、修改后导回" round_trip

labour_check () {
  "$collab" check "$data/wuxi-2021-2023.json" --as-of 2023-12-31 > labour.txt
  [ $? -eq 1 ] && grep -q 'labour.overfilled *offer=jo-2021-care' labour.txt &&
    grep -q '共 158 天未联系' labour.txt && grep -q '其中最早登记的是 lw-14' labour.txt
}
step "劳务协作检查" labour_check

labour_match () {
  "$collab" match "$data/wuxi-2021-2023.json" --as-of 2023-12-31 | grep -q '匹配就业 6 人，其中脱贫人口和监测对象 4 人，意向位次合计 6' &&
  "$collab" match "$data/wuxi-2021-2023.json" --as-of 2023-12-31 --format xlsx --output 人岗匹配.xlsx &&
  /usr/bin/python3 -c '
import openpyxl
rows = list(openpyxl.load_workbook("人岗匹配.xlsx").active.iter_rows(values_only=True))
assert rows[0][:2] == ("务工人员", "岗位") and len(rows) == 7, rows
'
}
step "人岗匹配" labour_match

period_report () {
  "$collab" report "$data/wuxi-2016-2020.json" --years 2016-2020 --program wuxi-yanan-2016 > period.txt &&
    grep -q '选派党政干部（名） *16$' period.txt && grep -q '消费协作金额（元） *2627.13万$' period.txt &&
    grep -q '落地企业实际投资（元） *7.9亿$' period.txt && grep -q '社会帮扶捐物折价（元） *1683万$' period.txt
}
step "2016—2020年成效" period_report

counterpart_check () {
  "$collab" check "$data/yanan-wuxi-2022-2026.json" --as-of 2026-06-30 > counterpart.txt
  [ $? -eq 1 ] && grep -q '共发现问题3项：违规1项，警告2项，提示0项' counterpart.txt &&
    grep -q '没有2024年的总结评估' counterpart.txt && grep -q '在2023年举办产业园区发展交流会议0次' counterpart.txt
}
step "对口合作任务检查" counterpart_check

agreement_check () {
  "$collab" check "$data/zhuhai-zunyi-2021.json" --as-of 2024-06-30 > agreement.txt
  [ $? -eq 1 ] && grep -q '共发现问题2项：违规2项，警告0项，提示0项' agreement.txt &&
    grep -q '请为2022年度再下达500万' agreement.txt && grep -q '选派专业技术人才 126 人' agreement.txt
}
step "年度协议检查" agreement_check
