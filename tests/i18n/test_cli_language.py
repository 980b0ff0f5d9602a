"""collab speaks the officer's language (SPEC §12.1).

Every message of a check of the Wuxi 2021–2023 example is Chinese under
--lang zh_CN and under LANG=zh_CN.UTF-8 (whether or not that locale is
installed), English under --lang en; what programs read — rule ids,
subjects, severities, counts, exit codes, the JSON apart from `message` —
is the same in both.
"""

import json
import os
import pathlib
import re
import subprocess

import pytest

CLI = os.environ['COLLAB_CLI']
DATA = pathlib.Path(os.environ['COLLAB_TEST_DATA'])
WUXI = str(DATA / 'wuxi-2021-2023.json')
AS_OF = ['--as-of', '2023-12-31']


def run(*args, lang=None, env=None):
    environment = {k: v for k, v in os.environ.items()
                   if k not in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG')}
    environment.update(env or {'LC_ALL': 'C.UTF-8'})
    command = [CLI, *args] + (['--lang', lang] if lang else [])
    return subprocess.run(command, capture_output=True, text=True, env=environment)


def dataset_tokens():
    """What a message may quote as it is: the ids of the records, rule
    ids and the few values of the data a message names."""
    with open(WUXI, encoding='utf-8') as f:
        document = json.load(f)
    tokens = set()
    for value in document.values():
        if isinstance(value, list):
            for record in value:
                if isinstance(record, dict) and 'id' in record:
                    tokens.add(record['id'])
    return tokens


# Values of the data and names of members a message may quote verbatim.
DATA_WORDS = {'short_term', 'in_reserve', 'demonstration_villages', 'filed',
              'working_group', 'liaison', 'adjustment'}


def english_words(text, tokens):
    """The English words left in @text once ids and data words are taken out."""
    for token in sorted(tokens, key=len, reverse=True):
        text = text.replace(token, ' ')
    text = re.sub(r'\b\d+\.\w+\b', ' ', text)          # rule ids: 666.mix
    text = re.sub(r'\b[a-z]+\.[a-z_]+\b', ' ', text)   # fund.floor, pairing.orphan
    return [w for w in re.findall(r'[A-Za-z_]{3,}', text) if w not in DATA_WORDS]


def messages(findings_json):
    return [f['message'] for f in json.loads(findings_json)['findings']]


def without_messages(findings_json):
    document = json.loads(findings_json)
    for finding in document['findings']:
        del finding['message']
    return document


@pytest.fixture(scope='module')
def english():
    return run('check', WUXI, *AS_OF, '--format', 'json', lang='en')


@pytest.fixture(scope='module')
def chinese():
    return run('check', WUXI, *AS_OF, '--format', 'json', lang='zh_CN')


def test_every_message_is_chinese(chinese):
    tokens = dataset_tokens()
    found = messages(chinese.stdout)
    assert len(found) > 10
    for message in found:
        assert re.search(r'[\u4e00-\u9fff]', message), message
        assert english_words(message, tokens) == [], message


def test_english_is_english(english):
    for message in messages(english.stdout):
        # Place names are Chinese in the data; the sentence is not.
        assert re.search(r'\b(the|of|in|to)\b', message), message


def test_json_differs_only_in_message(english, chinese):
    assert english.returncode == chinese.returncode == 1
    assert without_messages(english.stdout) == without_messages(chinese.stdout)
    assert messages(english.stdout) != messages(chinese.stdout)


@pytest.mark.parametrize('env', [
    {'LANG': 'zh_CN.UTF-8'},                      # a locale this machine may not have
    {'LC_ALL': 'zh_CN.UTF-8'},
    {'LC_ALL': 'C.UTF-8', 'LANGUAGE': 'zh_CN'},
])
def test_the_environment_chooses_chinese(env, chinese):
    result = run('check', WUXI, *AS_OF, '--format', 'json', env=env)
    assert result.returncode == 1
    assert messages(result.stdout) == messages(chinese.stdout)


def test_lang_overrides_the_environment(english):
    result = run('check', WUXI, *AS_OF, '--format', 'json', lang='en', env={'LANG': 'zh_CN.UTF-8'})
    assert messages(result.stdout) == messages(english.stdout)


def test_text_output_is_chinese():
    result = run('check', WUXI, *AS_OF, lang='zh_CN')
    assert result.returncode == 1
    tokens = dataset_tokens()
    lines = result.stdout.splitlines()
    # Each finding is a header line (severity, rule, subject) and its message.
    for line in lines[1:-1:2]:
        assert english_words(line, tokens) == [], line


def test_help_and_usage_errors_are_chinese():
    result = run(lang='zh_CN')
    assert result.returncode == 2
    assert '用法' in result.stderr
    result = run('check', lang='zh_CN')
    assert result.returncode == 2
    assert re.search(r'[\u4e00-\u9fff]', result.stderr), result.stderr


def test_a_bad_language_is_bad_usage():
    result = run('check', WUXI, lang='not a language')
    assert result.returncode == 2
    assert '--lang' in result.stderr
