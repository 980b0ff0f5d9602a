// The findings of the program examples (issue 11), in the language of
// the test's environment (LANGUAGE: en or zh_CN): the counterpart plan
// judged by counterpart-2022 as of 2026-06-30 and Zhuhai judged by
// zhuhai-2021 as of 2024-06-30, each by the rule set its program names
// (doc/program-tasks.md, doc/agreements.md). Plain `throw` is the
// assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const chinese = GLib.getenv('LANGUAGE') === 'zh_CN';
// Names of units and tasks are Chinese in either language: an English
// message is told by its English words.
const isEnglish = text => / (the|of|in|for) /.test(text);

function check(file, day) {
    const dataset = Collab.Dataset.new_from_file(GLib.build_filenamev([GLib.getenv('COLLAB_TEST_DATA'), file]));
    const checker = new Collab.Checker();
    const [, asOf] = Collab.day_parse(day);
    checker.set_as_of(asOf);
    return checker.run(dataset);
}

// [rule, severity, subject key → value], in the checker's order.
const cases = [
    ['yanan-wuxi-2022-2026.json', '2026-06-30', [
        ['event.annual', Collab.Severity.VIOLATION, {program: 'yanan-wuxi-2022', kind: 'park_meeting', year: 2023}],
        ['initiative.count', Collab.Severity.WARNING, {program: 'yanan-wuxi-2022', year: 2024}],
        ['task.report', Collab.Severity.WARNING, {task: 'task-14', year: 2024}],
    ]],
    ['zhuhai-zunyi-2021.json', '2024-06-30', [
        ['fund.agreement', Collab.Severity.VIOLATION, {program: 'zhuhai-zunyi-2021', city: 'zunyi', year: 2022}],
        ['talent.agreement', Collab.Severity.VIOLATION,
            {program: 'zhuhai-zunyi-2021', city: 'zunyi', year: 2022, measure: 'professionals'}],
    ]],
];

for (const [file, day, expected] of cases) {
    const findings = check(file, day);
    const rules = findings.map(f => f.rule).sort();
    assert(JSON.stringify(rules) === JSON.stringify(expected.map(e => e[0]).sort()),
        `${file}: ${expected.length} findings, got ${rules.join(', ')}`);
    for (const [rule, severity, subject] of expected) {
        const finding = findings.find(f => f.rule === rule);
        assert(finding.severity === severity, `${rule}: severity`);
        for (const [key, value] of Object.entries(subject))
            assert(finding.get_subject_value(key).unpack() === value, `${rule}: ${key} = ${value}`);
        // Messages follow the language; ids stay as they are.
        assert(finding.message.includes(String(subject.year)), `${rule}: the year in ${finding.message}`);
        assert(isEnglish(finding.message) !== chinese,
            `${rule}: the message in ${chinese ? 'Chinese' : 'English'}: ${finding.message}`);
    }
}

print(`ok - gjs program findings (${chinese ? 'zh_CN' : 'en'})`);
