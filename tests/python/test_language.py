"""Messages from Python follow the process's language (SPEC §12.1).

Python sets only LC_CTYPE from the environment, so a script or notebook
that wants the library's messages in the user's language sets the locale
as a C program does; doc/guide.md gives the recipe this test runs. Each
case runs in a child process: the locale belongs to the whole process.
"""

import os
import subprocess
import sys

SCRIPT = r'''
import locale, sys
locale.setlocale(locale.LC_ALL, '')
import gi
gi.require_version('Collab', '1.0')
from gi.repository import Collab
dataset = Collab.Dataset(sys.argv[1])
for finding in Collab.Checker().run(dataset):
    print(finding.get_rule(), finding.get_message())
'''


def run(data_dir, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ('LANGUAGE', 'LC_ALL', 'LANG')}
    environment.update(env)
    return subprocess.run([sys.executable, '-c', SCRIPT, str(data_dir / 'wuxi-2021.json')],
                          capture_output=True, text=True, env=environment, check=True).stdout


def test_chinese_when_the_locale_says_so(data_dir):
    chinese = run(data_dir, LC_ALL='C.UTF-8', LANGUAGE='zh_CN')
    english = run(data_dir, LC_ALL='C.UTF-8', LANGUAGE='en')
    assert '规划' in chinese and 'Program' not in chinese
    assert 'Program' in english and '规划' not in english
    # Rule ids do not change with the language.
    assert [line.split()[0] for line in chinese.splitlines()] == \
           [line.split()[0] for line in english.splitlines()]
