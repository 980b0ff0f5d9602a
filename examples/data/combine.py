#!/usr/bin/python3
"""Writes wuxi-2021-2023.json: the Wuxi program with its roster, funds and labour.

The roster (wuxi-roster-2021-2023.json), the 2021 funds
(wuxi-funds-2021.json) and the labour cooperation
(wuxi-labour-2021-2023.json) are each complete datasets built on wuxi-2021.json;
this joins them into one document, keeping each record once by id, and
has libcollab write it in its canonical form:

    /usr/bin/python3 examples/data/combine.py _build/libcollab/cli/collab
"""

import json
import pathlib
import sys

import canonical

HERE = pathlib.Path(__file__).resolve().parent
PARTS = ['wuxi-roster-2021-2023.json', 'wuxi-funds-2021.json', 'wuxi-labour-2021-2023.json']
KINDS = ['regions', 'organizations', 'programs', 'pairings', 'accounts', 'transactions',
         'projects', 'people', 'dispatches', 'trainings', 'adjustments', 'demonstration_villages',
         'job_offers', 'workers', 'placements', 'follow_ups', 'events']


def main(collab):
    combined = {'format': 'libcollab-dataset', 'version': 1}
    provenance = {'source': 'the union of ' + ', '.join(PARTS[:-1]) + ' and ' + PARTS[-1] + ', joined by combine.py',
                  'parts': {}}
    for part in PARTS:
        document = json.loads((HERE / part).read_text())
        provenance['parts'][part] = document.get('_provenance')
        for kind in KINDS:
            records = combined.setdefault(kind, [])
            seen = {json.dumps(r, sort_keys=True) for r in records}
            ids = {r.get('id') for r in records if 'id' in r}
            for record in document.get(kind, []):
                if record.get('id') in ids or json.dumps(record, sort_keys=True) in seen:
                    continue
                records.append(record)
    combined['_provenance'] = provenance
    combined = {k: v for k, v in combined.items() if v != []}

    canonical.write(combined, HERE / 'wuxi-2021-2023.json', collab)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'collab')
