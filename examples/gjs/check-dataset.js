// check-dataset.js: load a dataset, list a program's pairings, run the check
//
//   gjs -m check-dataset.js ../data/wuxi-2021.json wuxi-2021
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Collab from 'gi://Collab';
import Json from 'gi://Json';
import System from 'system';

const [path, program = null] = ARGV;
if (!path) {
    printerr('usage: gjs -m check-dataset.js DATASET [PROGRAM]');
    System.exit(2);
}

let dataset;
try {
    dataset = Collab.Dataset.new_from_file(path);
} catch (e) {
    // The message names the file and the line and column or JSON path.
    printerr(e.message);
    System.exit(2);
}

const asObject = node => JSON.parse(Json.to_string(node, false));

print(`libcollab ${Collab.get_version()}`);
const pairings = dataset.get_pairings(program, Collab.PairingLevels.COUNTY, null);
print(`${pairings.length} county pairings:`);
for (const pairing of pairings) {
    const {assisting, assisted} = asObject(pairing.to_json());
    print(`  ${assisting.padEnd(10)} → ${assisted}`);
}

const findings = new Collab.Checker().run(dataset);
print(`${findings.length} findings`);
for (const finding of findings)
    print(`  ${finding.rule}: ${finding.message}`);
