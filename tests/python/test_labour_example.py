"""The labour findings of the Wuxi example are exactly those doc/labour.md
lists, in English and in Chinese (SPEC §11.2); each case of the language
runs in a child process, since the locale belongs to the whole process."""

import json
import os
import subprocess
import sys

SCRIPT = r'''
import json, locale, sys
locale.setlocale(locale.LC_ALL, '')
import gi
gi.require_version('Collab', '1.0')
from gi.repository import Collab
dataset = Collab.Dataset(sys.argv[1])
findings = dataset.check(as_of='2023-12-31')
print(json.dumps([{'rule': f.get_rule(), 'severity': f.get_severity().value_nick,
                   'subject': {k: str(v) for k, v in f.subject.items()},
                   'message': f.get_message()}
                  for f in findings if f.get_rule().startswith('labour.')], ensure_ascii=False))
'''

# doc/labour.md, "The example".
EXPECTED = [
    ('labour.follow_up', 'warning', {'placement': 'pl-14', 'from': '2022-05-15', 'to': '2022-10-20'},
     ['pl-14', '2022-05-15', '2022-10-20', '158']),
    ('labour.overfilled', 'violation', {'offer': 'jo-2021-care'}, ['jo-2021-care', '2', '3']),
    ('labour.priority', 'warning', {'placement': 'pl-13'}, ['pl-13', 'lw-14', '2']),
]


def labour_findings(data_dir, language):
    environment = {k: v for k, v in os.environ.items() if k not in ('LANGUAGE', 'LC_ALL', 'LANG')}
    environment.update(LC_ALL='C.UTF-8', LANGUAGE=language)
    out = subprocess.run([sys.executable, '-c', SCRIPT, str(data_dir / 'wuxi-2021-2023.json')],
                         capture_output=True, text=True, env=environment, check=True).stdout
    return json.loads(out)


def test_the_example_breaks_each_labour_rule_once(data_dir):
    english = labour_findings(data_dir, 'en')
    chinese = labour_findings(data_dir, 'zh_CN')
    for findings in (english, chinese):
        assert [(f['rule'], f['severity'], f['subject']) for f in findings] == \
               [(rule, severity, subject) for rule, severity, subject, _ in EXPECTED]
        for finding, (_, _, _, words) in zip(findings, EXPECTED):
            for word in words:
                assert word in finding['message'], (word, finding['message'])
    # Names of units are Chinese in either language; the sentences are not.
    for finding, phrase in zip(english, ['without contact', '2 positions', 'priority workers']):
        assert phrase in finding['message'] and ' the ' in finding['message']
    for finding, phrase in zip(chinese, ['未联系', '招聘 2 人', '脱贫人口或监测对象']):
        assert phrase in finding['message'] and ' the ' not in finding['message']
