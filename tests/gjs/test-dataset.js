// Load a dataset, list a program's pairings, run the check, read the
// findings: the tasks of a GJS developer. Plain `throw` is the assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

const {recordToObject, findingsToObjects, fen} =
    await import(`file://${GLib.getenv('COLLAB_JS_HELPERS')}`);

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const path = GLib.build_filenamev([GLib.getenv('COLLAB_TEST_DATA'), 'wuxi-2021.json']);
const dataset = Collab.Dataset.new_from_file(path);

const pairings = dataset.get_pairings('wuxi-2021', Collab.PairingLevels.COUNTY, Collab.YearRange.new(2021, 2021));
assert(pairings.length === 9, `9 county pairings, got ${pairings.length}`);
const pairs = pairings.map(p => recordToObject(p)).map(p => `${p.assisting}-${p.assisted}`);
assert(pairs.includes('huishan-pingan'), 'huishan pairs with pingan');
// Optional arguments are null, not 0 or -1.
assert(dataset.get_pairings(null, Collab.PairingLevels.ALL, null).length === 11, 'every pairing');
assert(dataset.get_partners('huishan', null).join() === 'ledu,pingan', 'partners in any year');

let findings = findingsToObjects(new Collab.Checker().run(dataset));
assert(!findings.some(f => f.rule.startsWith('pairing.')), 'no pairing finding on Wuxi');

dataset.remove(Collab.RecordKind.PAIRING, 'p-huishan-pingan');
findings = findingsToObjects(new Collab.Checker().run(dataset))
    .filter(f => f.rule === 'pairing.coverage');
assert(findings.length === 5, `5 coverage findings, got ${findings.length}`);
assert(findings.every(f => f.subject.county === 'pingan'), 'all for pingan');
assert(findings.every(f => f.severity === 'violation'), 'violations');
assert(findings.every(f => typeof f.subject.year === 'number' && f.expected === 1 && f.actual === 0),
    'typed subject and values');

// Money stays exact: the base of Haidong as a BigInt of fen.
const program = recordToObject(dataset.lookup(Collab.RecordKind.PROGRAM, 'wuxi-2021'));
const haidong = program.fund_base.find(b => b.city === 'haidong');
assert(fen(haidong.base) === 27000n * 10000n * 100n, `exact base, got ${haidong.base}`);
assert(fen('92233720368547758.07') === 9223372036854775807n, 'int64 max survives');

// A load error is a GLib.Error naming the place.
try {
    dataset.load_from_data(new TextEncoder().encode('{"format": "libcollab-dataset", "version": 2}'));
    throw new Error('version 2 should not load');
} catch (e) {
    assert(e.message.includes('unsupported version 2'), e.message);
}
assert(dataset.get_n_records(Collab.RecordKind.REGION) === 22, 'failed load kept the records');

print('ok - gjs dataset, pairings, check, findings');
