#!/bin/sh
# What a save does, seen from outside (strace): `collab convert` writes
# a table through a symbolic link, and the system calls must be, in this
# order, the temporary file created beside the link's target
# (.pairings.csv.collab-PID-XXXXXX in shared/), its fsync(), its rename()
# over the target, then the target's folder opened and fsync()ed.
# tests/test-save.c checks the same through a hook; this checks the
# system calls themselves. Exit status 77 (skipped) without strace or
# where tracing is not allowed.
#
#   strace-save.sh COLLAB DATA_DIR
set -u
collab=$1
data=$2
command -v strace > /dev/null || { echo "strace is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/shared"
ln -s shared/pairings.csv "$work/link.csv"

if ! strace -o "$work/probe" true 2> "$work/probe.err"; then
  echo "strace cannot trace here:"; cat "$work/probe.err"; exit 77
fi
strace -f -o "$work/log" -e trace=open,openat,fsync,fdatasync,rename,renameat,renameat2 \
  "$collab" convert "$data/wuxi-2021.json" "$work/link.csv" --kind pairings || exit 1
[ -L "$work/link.csv" ] && [ -s "$work/shared/pairings.csv" ] || { echo "the link or its target is wrong"; exit 1; }

# One step after the other: the awk program advances through them.
awk -v dir="$work/shared" '
  function fd_of(line) { sub(/.*= /, "", line); return line }
  step == 0 && /open/ && index($0, "\"" dir "/.pairings.csv.collab-") && /O_CREAT/ { temp = fd_of($0); step = 1; next }
  step == 1 && $0 ~ "fsync\\(" temp "\\) += 0$" { step = 2; next }
  step == 2 && /rename/ && index($0, dir "/.pairings.csv.collab-") && index($0, "\"" dir "/pairings.csv\"") && / = 0$/ { step = 3; next }
  step == 3 && /open/ && index($0, "\"" dir "\"") && /O_DIRECTORY/ { folder = fd_of($0); step = 4; next }
  step == 4 && $0 ~ "fsync\\(" folder "\\) += 0$" { step = 5 }
  END {
    split("the temporary file created beside the target;its fsync();the rename over the target;the folder opened;the folder fsync()ed", names, ";")
    if (step < 5) { printf "missing: %s\n", names[step + 1]; exit 1 }
  }' "$work/log" && exit 0
sed 's/^/  /' "$work/log"
exit 1
