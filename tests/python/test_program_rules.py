# The program rules (SPEC §11.2) from Python and the command line: a
# small counterpart plan judged by counterpart-2022, the rule set its
# program names, beside an east–west program judged by east-west-2021.
# As of 2024-01-01, 2022 and 2023 are past; 2024 is not.

import json

import pytest


def document(**members):
    return json.dumps({'format': 'libcollab-dataset', 'version': 1, **members}, ensure_ascii=False)


def task(id, program, number, responsible):
    return {'id': id, 'program': program, 'number': number, 'area': 'industry',
            'title': f'任务{number}', 'responsible': responsible}


def event(id, program, kind, date):
    return {'id': id, 'program': program, 'kind': kind, 'date': date}


# The members added to wuxi-mini.json with program.json (tests/data/):
# Wuxi (east) assists Yan'an (west) in cp, Haidong in ew, both 2022–2024;
# wx-org is an agency of Wuxi, ya-org one of Yan'an.
PLAN = dict(
    tasks=[
        task('t1', 'cp', 1, ['wx-org', 'ya-org']),
        task('t2', 'cp', 2, ['wx-org']),
        task('t3', 'cp', 3, []),
        task('t-ew', 'ew', 1, []),
    ],
    task_reports=[
        {'task': 't1', 'year': 2022, 'status': 'done'},
        {'task': 't2', 'year': 2022, 'status': 'in_progress'},
        {'task': 't3', 'year': 2022, 'status': 'not_started'},
        {'task': 't3', 'year': 2023, 'status': 'in_progress'},
    ],
    initiatives=[
        {'id': 'i1', 'program': 'cp', 'year': 2022, 'title': '红色教育培训专项', 'document': '实施方案'},
        {'id': 'i2', 'program': 'cp', 'year': 2022, 'title': '消费协作专项'},
        {'id': 'i-ew', 'program': 'ew', 'year': 2023, 'title': 'Another program\'s'},
    ],
    events=[event('e1', 'cp', 'joint_meeting', '2022-03-01'), event('e2', 'cp', 'visit', '2022-05-01'),
            event('e3', 'cp', 'park_meeting', '2022-09-20'), event('e4', 'cp', 'joint_meeting', '2023-03-01'),
            # ew's, which cp does not count.
            event('e5', 'ew', 'visit', '2023-05-01'), event('e6', 'ew', 'park_meeting', '2023-06-01')],
)

PLAN_RULES = ('event.', 'task.', 'initiative.')


@pytest.fixture
def plan(Collab, fixture_dir):
    dataset = Collab.Dataset(fixture_dir / 'wuxi-mini.json')
    dataset.merge_from_file(str(fixture_dir / 'program.json'))
    dataset.merge_from_data(document(**PLAN).encode())
    return dataset


def found(findings):
    return [(f.get_rule(), f.get_severity().value_nick, f.subject)
            for f in findings if f.get_rule().startswith(PLAN_RULES)]


def test_each_program_by_its_own_rule_set(plan):
    """As of 2024-01-01, 2022 and 2023 are past."""
    findings = plan.check(as_of='2024-01-01')
    assert found(findings) == [
        # cp: a park meeting and a visit missing in 2023 (ew's are not cp's);
        # ew, under east-west-2021: a joint meeting a year, a visit in 2022.
        ('event.annual', 'violation', {'program': 'cp', 'kind': 'park_meeting', 'year': 2023}),
        ('event.annual', 'violation', {'program': 'cp', 'kind': 'visit', 'year': 2023}),
        ('event.annual', 'violation', {'program': 'ew', 'kind': 'joint_meeting', 'year': 2022}),
        ('event.annual', 'violation', {'program': 'ew', 'kind': 'joint_meeting', 'year': 2023}),
        ('event.annual', 'violation', {'program': 'ew', 'kind': 'visit', 'year': 2022}),
        # cp's 2023 has no key initiative (ew's does not count); i2 has no plan.
        ('initiative.count', 'warning', {'program': 'cp', 'year': 2023}),
        ('initiative.plan', 'warning', {'initiative': 'i2'}),
        ('task.report', 'warning', {'task': 't1', 'year': 2023}),
        ('task.report', 'warning', {'task': 't2', 'year': 2023}),
        # t2 has an east unit only; t3 none at all; t-ew is ew's, whose set
        # does not apply the rule.
        ('task.responsible', 'violation', {'task': 't2', 'side': 'west'}),
        ('task.responsible', 'violation', {'task': 't3', 'side': 'east'}),
        ('task.responsible', 'violation', {'task': 't3', 'side': 'west'}),
    ]
    by_subject = {(f.get_rule(), tuple(sorted(f.subject.items()))): f for f in findings}
    park = by_subject[('event.annual', (('kind', 'park_meeting'), ('program', 'cp'), ('year', 2023)))]
    assert (park.expected, park.actual) == (1, 0)
    assert 'meeting on industrial parks in 2023' in park.get_message()
    count = by_subject[('initiative.count', (('program', 'cp'), ('year', 2023)))]
    assert (count.expected, count.actual) == ({'min': 1, 'max': 3}, 0)
    assert count.to_dict()['subject'] == {'program': 'cp', 'year': 2023}


def test_a_year_is_judged_once_it_has_ended(plan):
    """As of 2023-12-31 only 2022 is past: nothing of 2023 is asked yet,
    and cp's 2022 has all it needs but i2's plan and the units."""
    assert [(rule, subject) for rule, _, subject in found(plan.check(as_of='2023-12-31'))] == [
        ('event.annual', {'program': 'ew', 'kind': 'joint_meeting', 'year': 2022}),
        ('event.annual', {'program': 'ew', 'kind': 'visit', 'year': 2022}),
        ('initiative.plan', {'initiative': 'i2'}),
        ('task.responsible', {'task': 't2', 'side': 'west'}),
        ('task.responsible', {'task': 't3', 'side': 'east'}),
        ('task.responsible', {'task': 't3', 'side': 'west'}),
    ]


def test_min_is_a_map_of_event_kinds(Collab, plan):
    ruleset = Collab.Ruleset.new_builtin('counterpart-2022')
    assert ruleset.get_parameter('event.annual', 'min').unpack() == \
        {'joint_meeting': 1, 'park_meeting': 1, 'visit': 1}
    ruleset = Collab.Ruleset.new_from_data(json.dumps({
        'format': 'libcollab-ruleset', 'version': 1, 'id': 'two-meetings', 'base': 'counterpart-2022',
        'rules': {'event.annual': {'min': {'joint_meeting': 2}}}}), -1)
    annual = [f for f in plan.check(ruleset=ruleset, as_of='2024-01-01') if f.get_rule() == 'event.annual']
    assert [(f.subject['program'], f.subject['year'], f.actual) for f in annual] == [
        ('cp', 2022, 1), ('cp', 2023, 1), ('ew', 2022, 0), ('ew', 2023, 0)]
    assert all(f.expected == 2 for f in annual)


def test_an_unknown_event_kind_is_refused(Collab):
    from gi.repository import GLib
    with pytest.raises(GLib.Error) as raised:
        Collab.Ruleset.new_from_data(json.dumps({
            'format': 'libcollab-ruleset', 'version': 1, 'id': 'x',
            'rules': {'event.annual': {'min': {'meetings': 1}}}}), -1)
    assert '$.rules["event.annual"].min.meetings: "meetings" is not one of joint_meeting' in raised.value.message


def test_the_command_line_uses_the_programs_rule_set(collab_cli, plan, tmp_path):
    """`collab check` without --ruleset judges cp by counterpart-2022;
    with --ruleset every program is judged by the set given."""
    path = tmp_path / 'plan.json'
    plan.save_to_file(str(path))

    result = collab_cli('en', 'check', path, '--as-of', '2024-01-01', '--format', 'json')
    assert result.returncode == 1, result.stderr
    rules = {(f['rule'], f['subject'].get('program') or f['subject'].get('task') or f['subject'].get('initiative'))
             for f in json.loads(result.stdout)['findings']}
    assert ('task.responsible', 't3') in rules and ('initiative.plan', 'i2') in rules
    assert ('event.annual', 'cp') in rules
    assert ('task.responsible', 't-ew') not in rules

    result = collab_cli('en', 'check', path, '--as-of', '2024-01-01', '--format', 'json',
                        '--ruleset', 'east-west-2021')
    plan_rules = [f for f in json.loads(result.stdout)['findings'] if f['rule'].startswith(('task.', 'initiative.'))]
    assert plan_rules == []
