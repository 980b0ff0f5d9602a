// Matching workers to job offers from GJS (SPEC §11.3): the figures as
// properties and getters, the rows of the table, the program filter and
// its error. Plain `throw` is the assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';
import Json from 'gi://Json';

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const document = `{"format": "libcollab-dataset", "version": 1,
 "regions": [
  {"id": "shaanxi", "name": "陕西省", "level": "province", "side": "west"},
  {"id": "yanan", "name": "延安市", "level": "city", "parent": "shaanxi"},
  {"id": "yanchang", "name": "延长县", "level": "county", "parent": "yanan"},
  {"id": "jiangsu", "name": "江苏省", "level": "province", "side": "east"},
  {"id": "wuxi", "name": "无锡市", "level": "city", "parent": "jiangsu"}],
 "organizations": [{"id": "e1", "name": "某物流公司", "kind": "enterprise", "region": "wuxi"},
  {"id": "e2", "name": "某养老院", "kind": "enterprise", "region": "wuxi"}],
 "programs": [{"id": "wuxi-2021", "name": "x", "kind": "east_west", "first_year": 2021, "last_year": 2025,
   "assisting": "wuxi", "assisted": ["yanan"]}],
 "job_offers": [
  {"id": "o1", "employer": "e1", "job_type": "logistics", "positions": 1, "open": {"first": "2023-01-01", "last": "2023-12-31"}},
  {"id": "o2", "employer": "e2", "job_type": "elderly_care", "positions": 1, "open": {"first": "2023-01-01", "last": "2023-12-31"}}],
 "workers": [
  {"id": "w1", "county": "yanchang", "wants": ["logistics", "elderly_care"], "registered": "2023-01-01"},
  {"id": "w2", "county": "yanchang", "flags": ["poverty_lifted"], "wants": ["logistics"], "registered": "2023-02-01"}]}`;

const dataset = new Collab.Dataset();
dataset.load_from_data(new TextEncoder().encode(document));
const [, asOf] = Collab.day_parse('2023-03-01');

// w1 registered first and wants logistics first, but the poverty-lifted
// w2 wants nothing else: w2 gets the logistics job, w1 its second choice.
const match = dataset.match(null, asOf);
assert(match.placed === 2 && match.get_placed() === 2, `2 placed, got ${match.placed}`);
assert(match.priority_placed === 1, `1 priority, got ${match.priority_placed}`);
assert(match.rank_sum === 3, `rank sum 3, got ${match.rank_sum}`);
assert(match.as_of === asOf, 'the day asked for');
assert(match.program === null, 'no program');

const table = match.get_table();
const rows = [];
for (let row = 0; row < table.get_n_rows(); row++) {
    rows.push([table.get_string(row, table.find_column('worker')), table.get_string(row, table.find_column('offer')),
        table.get_string(row, table.find_column('job_type')), table.get_int(row, table.find_column('rank')),
        table.get_int(row, table.find_column('priority'))].join(' '));
}
assert(rows.join('; ') === 'w2 o1 logistics 1 1; w1 o2 elderly_care 2 0', `rows, got ${rows.join('; ')}`);

const json = JSON.parse(Json.to_string(match.to_json(), false));
assert(json.placed === 2 && json.rows.length === 2 && json.rows[0].priority === true, 'the JSON form');

assert(dataset.match('wuxi-2021', asOf).program === 'wuxi-2021', 'the program');
let failed = false;
try {
    dataset.match('nope', asOf);
} catch (e) {
    failed = e.matches(Collab.dataset_error_quark(), Collab.DatasetError.NOT_FOUND);
}
assert(failed, 'an unknown program is an error');

print('ok - gjs match: figures, rows, program');
