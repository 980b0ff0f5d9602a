# The scorecard's consumption, industry, donation, event, task and
# initiative columns (SPEC §11.5) read from Python, on
# tests/data/scorecard-program.json merged into wuxi-mini.json
# (tests/test-scorecard-program.c says what each record is for).

import json

import pytest
from gi.repository import GLib

YUAN = 100
WAN = 10000 * YUAN
INT64_MAX = 2 ** 63 - 1


@pytest.fixture
def dataset(Collab, fixture_dir):
    dataset = Collab.Dataset(fixture_dir / 'wuxi-mini.json')
    dataset.merge_from_file(str(fixture_dir / 'scorecard-program.json'))
    return dataset


def test_yearly_rows(dataset):
    card = dataset.get_scorecard(None, 'wuxi-yanan').to_pandas().set_index('year')
    assert card.index.tolist() == [2020, 2021, 2022]
    assert card['consumption'].tolist() == [1000 * YUAN, 2000 * YUAN, 500 * YUAN]
    assert card['consumption_beneficiaries'].tolist() == [10, 20, 0]
    assert card['consumption_canteen'].tolist() == [1000 * YUAN, 0, 0]
    assert card['shops'].tolist() == [2, 2, 2]
    # e-a invests twice in 2021 and counts once.
    assert card['enterprises_settled'].tolist() == [1, 2, 0]
    assert card['investment'].tolist() == [10000 * WAN, 26000 * WAN, 0]
    assert card['donations_cash'].tolist() == [10 * WAN, 0, 5 * WAN]
    assert card['donations_in_kind'].tolist() == [0, 20 * WAN, 0]
    assert card['events_job_fair'].tolist() == card['job_fairs'].tolist() == [0, 1, 1]
    # A report of 2022 is not read for 2020 or 2021.
    assert card['tasks_unreported'].tolist() == [2, 2, 1]
    assert card['tasks_done'].tolist() == [0, 2, 2]
    statuses = card[['tasks_not_started', 'tasks_in_progress', 'tasks_done', 'tasks_unreported']]
    assert (statuses.sum(axis=1) == card['tasks']).all()
    assert card['initiatives'].tolist() == [1, 2, 0]
    assert card['initiatives_without_plan'].tolist() == [0, 1, 0]


def test_period_rows(dataset):
    period = dataset.get_scorecard(years=(2020, 2022), period=True).to_pandas().set_index('program')
    assert period.index.tolist() == ['wuxi-yanan', 'wuxi-haidong']
    yanan, haidong = period.loc['wuxi-yanan'], period.loc['wuxi-haidong']
    assert (yanan['consumption'], yanan['consumption_beneficiaries']) == (3500 * YUAN, 30)
    assert (yanan['enterprises_settled'], yanan['investment']) == (2, 36000 * WAN)
    assert (yanan['tasks'], yanan['tasks_not_started'], yanan['tasks_done'], yanan['tasks_unreported']) == (4, 1, 2, 1)
    assert (yanan['events_joint_meeting'], yanan['initiatives']) == (1, 3)
    # pu-other comes from Yanchuan but names wuxi-haidong.
    assert (haidong['consumption_fair'], haidong['shops'], haidong['enterprises_settled']) == (700 * YUAN, 1, 1)
    assert haidong['donations_in_kind'] == 8 * WAN


def test_next_program_counts_its_own_years(dataset):
    card = dataset.get_scorecard(None, 'wuxi-yanan-next', (2023, 2024)).to_pandas().set_index('year')
    assert card['consumption'].tolist() == [300 * YUAN, 0]
    assert card['consumption_supermarket'].tolist() == [300 * YUAN, 0]


def merge_big_donations(dataset):
    """Two donations of the largest amount to Ledu in 2020: 2020 does not
    fit; a third in 2022 does, alone."""
    most = '92233720368547758.07'
    dataset.merge_from_data(json.dumps({
        'format': 'libcollab-dataset', 'version': 1,
        'donations': [{'id': f'big-{i}', 'to': 'ledu', 'form': 'in_kind', 'amount': most,
                       'date': f'{year}-05-01'} for i, year in enumerate((2020, 2020, 2022))],
    }).encode())


OVERFLOW_2020 = ('The column “Donations in kind (yuan)” of program wuxi-haidong in 2020 adds up to more than '
                 'libcollab can count (92233720368547758.07 yuan); correct the amounts it adds up.')


def test_sums_beyond_int64_are_an_error(Collab, dataset):
    merge_big_donations(dataset)
    with pytest.raises(GLib.Error) as raised:
        dataset.get_scorecard(None, 'wuxi-haidong')
    assert raised.value.matches(Collab.value_error_quark(), Collab.ValueError.OVERFLOW)
    assert raised.value.message == OVERFLOW_2020
    with pytest.raises(GLib.Error):
        dataset.get_scorecard(None, 'wuxi-haidong', period=True)
    # A year that fits has its row; the largest amount is a figure.
    card = dataset.get_scorecard(None, 'wuxi-haidong', (2021, 2022)).to_pandas().set_index('year')
    assert card['donations_in_kind'].tolist() == [8 * WAN, INT64_MAX]


def test_cli_report_of_sums_beyond_int64_exits_2(dataset, collab_cli, tmp_path):
    merge_big_donations(dataset)
    path = tmp_path / 'big.json'
    dataset.save_to_file(str(path))
    result = collab_cli('en', 'report', path, '--program', 'wuxi-haidong')
    assert result.returncode == 2
    assert result.stdout == ''
    assert result.stderr == f'{path}: {OVERFLOW_2020}\n'
    # A year that fits is reported.
    result = collab_cli('en', 'report', path, '--program', 'wuxi-haidong', '--year', '2022')
    assert result.returncode == 0


def test_columns_have_labels(dataset):
    table = dataset.get_scorecard(None, 'wuxi-yanan', 2021)
    labels = {table.get_column_name(i): table.get_column_label(i) for i in range(table.get_n_columns())}
    assert labels['consumption'] == 'Consumption (yuan)'
    assert labels['shops'] == 'Direct-sale shops'
    assert labels['events_joint_meeting'] == 'Events: joint meetings'
    assert labels['initiatives'] == 'Key initiatives'
    new = [name for name in labels if name.startswith(('consumption', 'events_', 'tasks', 'initiatives'))
           or name in ('shops', 'enterprises_settled', 'investment', 'donations_cash', 'donations_in_kind')]
    assert len(new) == 28
    assert all(labels[name] != name for name in new)
