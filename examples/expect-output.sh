#!/bin/sh
# Runs an example and checks what it printed: every EXPECTED string, and
# not one '?', which is what g_print() puts for a character the locale's
# charset lacks (a C program that never called setlocale() prints 滨湖区
# as ??? even under LANG=C.UTF-8). Run it under a UTF-8 locale.
#
#   expect-output.sh EXPECTED... -- PROGRAM [ARG...]
set -u

expected=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  expected="$expected$1
"
  shift
done
if [ $# -lt 2 ]; then
  echo "usage: $0 EXPECTED... -- PROGRAM [ARG...]" >&2
  exit 2
fi
shift

output=$("$@")
status=$?
printf '%s\n' "$output"
if [ $status -ne 0 ]; then
  echo "expect-output: $1 exited with $status" >&2
  exit 1
fi

failed=0
while IFS= read -r string; do
  [ -n "$string" ] || continue
  if ! printf '%s\n' "$output" | grep -qF -- "$string"; then
    echo "expect-output: the output lacks: $string" >&2
    failed=1
  fi
done <<END
$expected
END
if printf '%s\n' "$output" | grep -qF '?'; then
  echo "expect-output: the output has '?' where characters were (the locale's charset is not UTF-8?):" >&2
  printf '%s\n' "$output" | grep -F '?' | head -n 3 >&2
  failed=1
fi
exit $failed
