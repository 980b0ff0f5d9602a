# Shared fixtures: the Collab module from the build tree, the example data.

import os
import pathlib
import subprocess

import gi
import pytest

gi.require_version('Collab', '1.0')


@pytest.fixture(scope='session')
def Collab():
    from gi.repository import Collab as module
    return module


@pytest.fixture(scope='session')
def data_dir():
    return pathlib.Path(os.environ.get(
        'COLLAB_TEST_DATA',
        pathlib.Path(__file__).resolve().parents[2] / 'examples' / 'data'))


@pytest.fixture(scope='session')
def fixture_dir():
    """The datasets of tests/data/ (tests/data/README.md)."""
    return pathlib.Path(__file__).resolve().parents[1] / 'data'


@pytest.fixture
def wuxi(Collab, data_dir):
    return Collab.Dataset(data_dir / 'wuxi-2021.json')


PAIRING_RULES = b'''{"format": "libcollab-ruleset", "version": 1, "id": "pairings-only",
  "rules": {"pairing.coverage": {}, "pairing.orphan": {}, "pairing.invalid": {}, "pairing.period": {}}}'''


@pytest.fixture
def pairing_rules(Collab):
    """A rule set of the pairing rules alone: the Wuxi base dataset has no
    roster or funds, so the other rules would find everything missing."""
    return Collab.Ruleset.new_from_data(PAIRING_RULES.decode(), -1)


@pytest.fixture(scope='session')
def collab_cli():
    """Runs the `collab` just built, in a language: collab_cli('zh_CN',
    'report', path) gives the CompletedProcess (text)."""
    cli, localedir = os.environ.get('COLLAB_CLI'), os.environ.get('COLLAB_LOCALEDIR')
    if cli is None or localedir is None:
        pytest.skip('COLLAB_CLI and COLLAB_LOCALEDIR come from meson test')

    def run(language, *args):
        env = dict(os.environ, LANGUAGE=language, LC_ALL='C.UTF-8', COLLAB_LOCALEDIR=localedir)
        return subprocess.run([cli, *map(str, args)], env=env, capture_output=True, text=True)
    return run
