// collab.js: helpers for libcollab from GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// import Collab from 'gi://Collab';
// import {recordToObject, findingsToObjects} from 'resource-or-path/collab.js';
//
// Records and findings hand out GLib.Variants (typed values, no JSON
// text); these turn them into plain objects. Amounts stay strings of yuan
// with two decimals ("19200000.00"), exactly as the dataset document
// writes them: a JS Number loses fen beyond 2^53, a BigInt does not, so
// `fen()` turns such a string into a BigInt of fen.

import Collab from 'gi://Collab';

/** The word of the document for an enum value: Collab.Severity.WARNING → "warning". */
function nick(enumeration, value) {
    const entry = Object.entries(enumeration).find(([, v]) => v === value);
    return entry ? entry[0].toLowerCase() : null;
}

/** A GLib.Variant as plain JS values, or null. */
function unpack(variant) {
    return variant === null ? null : variant.recursiveUnpack();
}

/** A Collab.Record as a plain object, members as in the document. */
export function recordToObject(record) {
    return record.to_variant().recursiveUnpack();
}

/** A Collab.Finding as a plain object: {rule, severity, subject, expected, actual, message[, remedy]}. */
export function findingToObject(finding) {
    const object = {
        rule: finding.get_rule(),
        severity: nick(Collab.Severity, finding.get_severity()),
        subject: finding.get_subject().recursiveUnpack(),
        expected: unpack(finding.get_expected()),
        actual: unpack(finding.get_actual()),
        message: finding.get_message(),
    };
    const remedy = finding.get_remedy();
    if (remedy !== null)
        object.remedy = remedy.recursiveUnpack();
    return object;
}

/** Findings as plain objects, see findingToObject(). */
export function findingsToObjects(findings) {
    return findings.map(findingToObject);
}

/** "19200000.00" (yuan) → 1920000000n (fen), exactly. */
export function fen(yuan) {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
    if (!match)
        throw new Error(`not a canonical amount: ${yuan}`);
    const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
    return match[1] ? -cents : cents;
}
