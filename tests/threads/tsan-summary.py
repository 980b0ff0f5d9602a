#!/usr/bin/python3
# tsan-summary.py: the races of a TSan log, grouped by libcollab function
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# For whoever fixes them: reads the output of the TSan build of the suite
# "threads" (a program's standard error, or _build-tsan/meson-logs/
# testlog.txt) and prints how many reports there are, and for each pair of
# libcollab functions that raced — the first frame of libcollab's own on
# each side, the current access and the previous one — how many reports
# name it. A report with no libcollab frame on a side is listed in full:
# it is GLib's or the test's, and either a bug of the test or an entry
# for tsan.supp (see the rules there).
#
#   TSAN_OPTIONS=halt_on_error=0 G_SLICE=always-malloc \
#     _build-tsan/tests/threads/thread-checks examples/data/wuxi-2021-2023.json 40 2> races.txt
#   tests/threads/tsan-summary.py races.txt

import collections
import re
import signal
import sys

REPORT = re.compile(r'^WARNING: ThreadSanitizer: (.+?) \(pid=\d+\)$', re.M)
FRAME = re.compile(r'^\s+#\d+ (\S+) (\S+) \((\S+?)\+0x[0-9a-f]+\)')
OUTSIDE = re.compile(r'lib(tsan|glib|gobject|gio|json-glib|c|yajl)[-.]')


def own_frame(stack):
    """The first frame of the program's own code in @stack, or None."""
    for line in stack.splitlines():
        match = FRAME.match(line)
        if match and not OUTSIDE.search(match.group(3)):
            function, place = match.group(1), match.group(2)
            return f'{function} ({re.sub(r"^.*?libcollab/", "", re.sub(r":[0-9]+(:[0-9]+)?$", "", place))})'
    return None


def main(paths):
    groups = collections.Counter()
    kinds = collections.Counter()
    strays = []
    for path in paths:
        with open(path, errors='replace') as f:
            text = f.read()
        starts = [m.start() for m in REPORT.finditer(text)]
        for start, end in zip(starts, starts[1:] + [len(text)]):
            report = text[start:end].split('\nSUMMARY:')[0]
            kind = REPORT.match(report).group(1)
            kinds[kind] += 1
            # The first two blocks are the two accesses (or the one
            # access and the thread/mutex blocks that follow it).
            blocks = report.split('\n\n')
            sides = [own_frame(block) for block in blocks[:2]]
            if 'failed to restore the stack' in report:
                sides = [side for side in sides if side is not None] or [None]
            if None in sides:
                strays.append(report)
            groups[(kind, tuple(sorted(set(str(side) for side in sides))))] += 1

    print(f'{sum(kinds.values())} reports: ' + ', '.join(f'{n} {kind}' for kind, n in kinds.most_common()))
    for (kind, sides), n in groups.most_common():
        print(f'{n:5d}  {kind}: ' + '  <->  '.join(sides))
    if strays:
        print(f'\n{len(strays)} reports without a frame of libcollab on a side:')
        for report in strays:
            print(report, '\n')
    return 0


if __name__ == '__main__':
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # | head
    if len(sys.argv) < 2:
        sys.exit(f'usage: {sys.argv[0]} TSAN-LOG…')
    sys.exit(main(sys.argv[1:]))
