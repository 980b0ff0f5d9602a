// collab.js: helpers for libcollab from GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// import Collab from 'gi://Collab';
// import {recordToObject, findingsToObjects} from 'resource-or-path/collab.js';
//
// JSON members arrive as plain objects. Amounts stay strings of yuan with
// two decimals ("19200000.00"), exactly as the dataset document writes
// them: a JS Number loses fen beyond 2^53, a BigInt does not, so
// `fen()` turns such a string into a BigInt of fen.

import Json from 'gi://Json';

/** A Collab.Record as a plain object, members as in the document. */
export function recordToObject(record) {
    return JSON.parse(Json.to_string(record.to_json(), false));
}

/** Findings as plain objects: {rule, severity, subject, expected, actual, message}. */
export function findingsToObjects(findings) {
    return findings.map(f => JSON.parse(Json.to_string(f.to_json(), false)));
}

/** "19200000.00" (yuan) → 1920000000n (fen), exactly. */
export function fen(yuan) {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
    if (!match)
        throw new Error(`not a canonical amount: ${yuan}`);
    const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
    return match[1] ? -cents : cents;
}
