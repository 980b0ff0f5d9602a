// The records of the rest of the program (SPEC §11.1) from GJS:
// tests/data/more-sheets.json loaded, the counts of each new kind, a
// table of purchases read cell by cell and records as plain objects.
// Plain `throw` is the assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

const {recordToObject, fen} = await import(`file://${GLib.getenv('COLLAB_JS_HELPERS')}`);

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const path = GLib.build_filenamev([GLib.getenv('COLLAB_TEST_SRCDIR'), 'data', 'more-sheets.json']);
const dataset = Collab.Dataset.new_from_file(path);

const counts = [
    [Collab.RecordKind.PURCHASE, 4], [Collab.RecordKind.INVESTMENT, 2], [Collab.RecordKind.DONATION, 3],
    [Collab.RecordKind.TASK, 6], [Collab.RecordKind.TASK_REPORT, 3], [Collab.RecordKind.INITIATIVE, 3],
    [Collab.RecordKind.AGREEMENT, 2], [Collab.RecordKind.EVENT, 3],
];
for (const [kind, n] of counts)
    assert(dataset.get_n_records(kind) === n, `${n} records of kind ${kind}, got ${dataset.get_n_records(kind)}`);

// The purchases as a table: references and enums as text, amounts as
// int64 fen, counts with a validity.
const table = dataset.to_table(Collab.RecordKind.PURCHASE);
const column = name => {
    const index = table.find_column(name);
    assert(index >= 0, `a column ${name}`);
    return index;
};
assert(table.get_n_rows() === 4, '4 rows');
const rows = [];
for (let row = 0; row < table.get_n_rows(); row++)
    rows.push([table.get_string(row, column('origin')), table.get_string(row, column('channel')),
        table.get_int(row, column('amount'))].join(' '));
assert(rows.join('|') === 'yanchuan canteen 12000000|yanchang ecommerce 86543210|yanan counter 5600000|yanchuan union 0',
    rows.join('|'));

// Records as plain objects: lists of references as arrays, amounts as
// strings of yuan, exact as BigInt fen.
const task = recordToObject(dataset.lookup(Collab.RecordKind.TASK, 't16'));
assert(task.responsible.join() === 'wx-dev,ya-dev,hongdou', `t16's units: ${task.responsible}`);
assert(task.area === 'industry' && task.number === 16, 't16 in industry');
const event = recordToObject(dataset.lookup(Collab.RecordKind.EVENT, 'ev-1'));
assert(event.tasks.join() === 't01,t16', `ev-1 serves ${event.tasks}`);
const agreement = recordToObject(dataset.lookup(Collab.RecordKind.AGREEMENT, 'ag-2022'));
assert(agreement.funds === '19200000.00' && fen(agreement.funds) === 1920000000n, `funds ${agreement.funds}`);
assert(agreement.professionals === 54 && agreement.cadres === 4, 'people agreed');

print('ok - gjs more records');
