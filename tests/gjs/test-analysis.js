// The analyst's tasks from GJS on the full Wuxi example: check as of a
// day, a shortfall plan, the scorecard and the money flow, with amounts
// kept exact. Plain `throw` is the assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

const {fen} = await import(`file://${GLib.getenv('COLLAB_JS_HELPERS')}`);

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

function column(table, name) {
    const index = table.find_column(name);
    assert(index >= 0, `a column ${name}`);
    return index;
}

const path = GLib.build_filenamev([GLib.getenv('COLLAB_TEST_DATA'), 'wuxi-2021-2023.json']);
const dataset = Collab.Dataset.new_from_file(path);

const checker = new Collab.Checker();
const [, asOf] = Collab.day_parse('2023-12-31');
checker.set_as_of(asOf);
const findings = checker.run(dataset);
assert(findings.some(f => f.rule === '666.total'), 'a 666.total finding');

// The plan of 2023: Jiangyin → Yanchuan lacks one agriculture-or-other professional.
const plan = checker.plan(dataset, 'wuxi-2021', Collab.YearRange.new(2023, 2023));
let found = false;
for (let row = 0; row < plan.get_n_rows(); row++) {
    if (plan.get_string(row, column(plan, 'assisting')) === 'jiangyin') {
        assert(plan.get_int(row, column(plan, 'add_total')) === 1, 'one dispatch to add');
        assert(plan.get_int(row, column(plan, 'add_agriculture_or_other_1')) === 1, 'an agricultural one');
        found = true;
    }
}
assert(found, 'the jiangyin row');

// The scorecard's allocations, exact: amounts come as int64 fen, which a JS
// Number holds exactly up to 2^53 fen (90 万亿 yuan); the CSV form keeps the
// canonical string for anything larger.
const card = dataset.get_scorecard(findings, 'wuxi-2021', Collab.YearRange.new(2021, 2021));
assert(card.get_int(0, column(card, 'allocated')) === 28920 * 10000 * 100, 'allocated 28920万');
const csv = card.to_csv();
assert(csv.includes('289200000.00'), 'canonical amount in the CSV');
assert(fen('289200000.00') === 28920n * 10000n * 100n, 'BigInt fen');

// The scorecard of a period: one row per program, the years as two columns.
const period = dataset.get_scorecard_for_period(findings, null, Collab.YearRange.new(2021, 2022));
assert(period.get_n_rows() === 1 && period.get_int(0, column(period, 'last_year')) === 2022, 'a period row');

// The money flow, ready for a Sankey diagram.
const edges = dataset.trace_funds('wuxi-2021', Collab.YearRange.new(2021, 2021));
assert(edges.get_n_rows() > 10, `edges, got ${edges.get_n_rows()}`);
column(edges, 'from');
column(edges, 'to');

print('ok - gjs analysis: check, plan, scorecard, trace');
