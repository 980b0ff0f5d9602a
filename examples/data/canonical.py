# canonical.py: write an example dataset in the form libcollab writes
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The generators build a document as plain Python data; this has the
# library validate it (through `collab validate`, whose errors name the
# record) and write it back in its canonical form (known members in the
# schema's order, one record per line), so that load → save of an example
# gives the same bytes. Needs the typelib: run with GI_TYPELIB_PATH and
# LD_LIBRARY_PATH pointing at a build.

import json
import os
import subprocess
import tempfile


def write(document, path, collab="collab"):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as raw:
        json.dump(document, raw, ensure_ascii=False)
    try:
        subprocess.run([collab, "validate", raw.name], check=True, stdout=subprocess.DEVNULL)
        import gi
        gi.require_version("Collab", "1.0")
        from gi.repository import Collab
        Collab.Dataset.new_from_file(raw.name).save_to_file(str(path))
    finally:
        os.unlink(raw.name)
    print(f"{os.path.basename(path)}: written")
