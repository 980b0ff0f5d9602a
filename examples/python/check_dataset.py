#!/usr/bin/python3
"""Load a dataset, list a program's pairings, run the check, tabulate.

    /usr/bin/python3 check_dataset.py ../data/wuxi-2021.json wuxi-2021
"""

import sys

import gi
gi.require_version('Collab', '1.0')
from gi.repository import Collab, GLib  # noqa: E402


def main(path, program=None):
    try:
        dataset = Collab.Dataset(path)
    except GLib.Error as error:
        # The message names the file and the line and column or JSON path.
        print(error.message, file=sys.stderr)
        return 2

    print(f'libcollab {Collab.get_version()}')
    pairings = dataset.get_pairings(program, 'county')
    print(f'{len(pairings)} county pairings:')
    for pairing in pairings:
        print(f"  {pairing['assisting']:<10} → {pairing['assisted']}")

    findings = dataset.check()
    print(f'{len(findings)} findings')
    for finding in findings:
        print(f'  {finding.get_rule()}: {finding.subject}')
    return 0


if __name__ == '__main__':
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:3]))
