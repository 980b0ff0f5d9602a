// The labour findings of the Wuxi example as of 2023-12-31, in the
// language of the test's environment (LANGUAGE: en or zh_CN), and the
// matching of that day (doc/labour.md). Plain `throw` is the assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const chinese = GLib.getenv('LANGUAGE') === 'zh_CN';
const path = GLib.build_filenamev([GLib.getenv('COLLAB_TEST_DATA'), 'wuxi-2021-2023.json']);
const dataset = Collab.Dataset.new_from_file(path);

const checker = new Collab.Checker();
const [, asOf] = Collab.day_parse('2023-12-31');
checker.set_as_of(asOf);
const labour = checker.run(dataset).filter(f => f.rule.startsWith('labour.'));

// The facts, then a phrase of the language (names of units are Chinese
// in either).
const expected = [
    ['labour.follow_up', 'placement', 'pl-14', ['2022-05-15', '2022-10-20', '158'],
        chinese ? '未联系' : 'without contact'],
    ['labour.overfilled', 'offer', 'jo-2021-care', ['3'], chinese ? '招聘 2 人' : '2 positions'],
    ['labour.priority', 'placement', 'pl-13', ['lw-14'], chinese ? '脱贫人口或监测对象' : 'priority workers'],
];
assert(labour.length === expected.length, `3 labour findings, got ${labour.length}`);
expected.forEach(([rule, key, id, words, phrase], i) => {
    const finding = labour[i];
    assert(finding.rule === rule, `${rule}, got ${finding.rule}`);
    assert(finding.get_subject_value(key).unpack() === id, `${key} ${id}`);
    for (const word of [id, ...words, phrase])
        assert(finding.message.includes(word), `"${word}" in ${finding.message}`);
    assert(/ the /.test(finding.message) !== chinese,
        `the message in ${chinese ? 'Chinese' : 'English'}: ${finding.message}`);
});

print(`ok - gjs labour findings (${chinese ? 'zh_CN' : 'en'})`);
