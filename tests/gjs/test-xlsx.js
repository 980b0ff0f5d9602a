// An officer's workbook from GJS (SPEC §12.2): a roster sheet with no ids,
// the ids it made, and a file that is no workbook. Plain `throw` is the
// assertion.

import GLib from 'gi://GLib';
import Collab from 'gi://Collab';

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

const xlsx = name => GLib.build_filenamev([GLib.getenv('COLLAB_TEST_XLSX'), name]);
const dataset = Collab.Dataset.new_from_file(
    GLib.build_filenamev([GLib.getenv('COLLAB_TEST_DATA'), 'wuxi-2021.json']));

dataset.import_xlsx(Collab.RecordKind.DISPATCH, xlsx('roster-zh.xlsx'), null);
assert(dataset.get_n_records(Collab.RecordKind.DISPATCH) === 4, 'four dispatches');
assert(dataset.get_n_generated_ids() === 7, `7 ids made, got ${dataset.get_n_generated_ids()}`);
assert(Collab.xlsx_list_sheets(xlsx('roster-zh.xlsx')).join() === '说明,派出人员', 'the sheets');

const bytes = new GLib.Bytes(GLib.file_get_contents(xlsx('old.xls'))[1]);
let refused = null;
try {
    dataset.import_xlsx_data(Collab.RecordKind.DISPATCH, bytes, 'old.xls', null);
} catch (error) {
    refused = error;
}
assert(refused !== null && refused.matches(Collab.DatasetError, Collab.DatasetError.FORMAT), 'an .xls is refused');
assert(refused.message.includes('Excel 97–2003'), refused.message);
assert(dataset.get_n_records(Collab.RecordKind.DISPATCH) === 4, 'and loads nothing');
