#!/bin/sh
# run-corpus.sh COLLAB_BINARY CORPUS_DIR
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs `collab validate` on every bad document of the corpus and prints a
# TAP stream. A document passes when collab exits with status 2 (a file
# that cannot be loaded, SPEC §10), its stderr starts with the file name
# and holds the text of NAME.expected beside it. A crash (status 128 or
# more) is a failure whatever the output.
#
# Every message stays under 1 KB (what the error holds, whatever the
# document holds: values are quoted cut, collab-error-private.h).
#
# Three documents nest 100000 levels deep and three hold a value of 1 MB
# (an id that names nothing, a word that is no level, an id used twice);
# they are written at run time rather than kept in the source tree.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 COLLAB_BINARY CORPUS_DIR" >&2
  exit 99
fi

collab=$1
corpus=$2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/collab-corpus.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT PIPE TERM

# $1 repeated $2 times, without a newline.
repeat () {
  awk -v text="$1" -v count="$2" 'BEGIN {
    out = text
    while (length (out) < count * length (text))
      out = out out
    printf "%s", substr (out, 1, count * length (text))
  }'
}

header='{"format": "libcollab-dataset", "version": 1'
deep='values nest deeper than 64 levels'

# Each deep document, and the path and message its error must give: the
# path stops at the 64th level, where the reader gives up.
{
  printf '%s, "regions": [{"id": "a", "name": "A", "level": "city", "_deep": ' "$header"
  repeat '[' 100000
  repeat ']' 100000
  printf '}]}\n'
} > "$tmp/deep-array-in-record.json"
{ printf ': $.regions[0] (a)._deep'; repeat '[0]' 64; printf ': %s' "$deep"; } > "$tmp/deep-array-in-record.expected"

{
  printf '%s, "_deep": ' "$header"
  repeat '[' 100000
} > "$tmp/deep-array-top-level-unclosed.json"
{ printf ': $._deep'; repeat '[0]' 64; printf ': %s' "$deep"; } > "$tmp/deep-array-top-level-unclosed.expected"

{
  printf '%s, "_deep": ' "$header"
  repeat '{"a": ' 100000
  printf '1'
  repeat '}' 100000
  printf '}\n'
} > "$tmp/deep-objects-top-level.json"
{ printf ': $._deep'; repeat '.a' 64; printf ': %s' "$deep"; } > "$tmp/deep-objects-top-level.expected"

# The 1 MB values: the messages quote their first 64 characters.
mega=1048576
cut=$(repeat 'x' 64)
{
  printf '%s, "regions": [{"id": "a", "name": "A", "level": "city", "parent": "' "$header"
  repeat 'x' $mega
  printf '"}]}\n'
} > "$tmp/huge-dangling-id.json"
printf ': $.regions[0] (a).parent: no region has the id "%s…"' "$cut" > "$tmp/huge-dangling-id.expected"

{
  printf '%s, "regions": [{"id": "a", "name": "A", "level": "' "$header"
  repeat 'x' $mega
  printf '"}]}\n'
} > "$tmp/huge-enum-value.json"
printf ': $.regions[0] (a).level: expected one of province, city, county, township, village, found "%s…"' \
  "$cut" > "$tmp/huge-enum-value.expected"

for i in 0 1; do
  printf '{"id": "'
  repeat 'x' $mega
  printf '", "name": "%s", "level": "city"}' "$i"
done > "$tmp/huge-id-records"
{
  printf '%s, "regions": [' "$header"
  sed 's/}{/}, {/' "$tmp/huge-id-records"
  printf ']}\n'
} > "$tmp/huge-duplicate-id.json"
printf ': $.regions[1] (%s…).id: the region id "%s…" is already used by $.regions[0]' \
  "$cut" "$cut" > "$tmp/huge-duplicate-id.expected"
rm -f "$tmp/huge-id-records"

n=0
for f in "$corpus"/*.json "$tmp"/*.json; do
  [ -e "$f" ] && n=$((n + 1))
done
echo "1..$n"

i=0
failed=0
for f in "$corpus"/*.json "$tmp"/*.json; do
  [ -e "$f" ] || continue
  i=$((i + 1))
  name=$(basename "$f" .json)
  expected_file="${f%.json}.expected"
  problem=

  "$collab" validate "$f" > "$tmp/stdout" 2> "$tmp/stderr"
  status=$?
  stderr=$(cat "$tmp/stderr")

  if [ ! -f "$expected_file" ]; then
    problem="no $name.expected beside it"
  elif [ "$status" -ge 128 ]; then
    problem="collab crashed (status $status)"
  elif [ "$status" -ne 2 ]; then
    problem="exit status $status, expected 2"
  else
    expected=$(cat "$expected_file")
    case $stderr in
      "$f"*) ;;
      *) problem="stderr does not start with the file name" ;;
    esac
    case $stderr in
      *"$expected"*) ;;
      *) problem="${problem:+$problem; }stderr does not hold the expected text" ;;
    esac
    size=$(wc -c < "$tmp/stderr")
    if [ "$size" -ge 1024 ]; then
      problem="${problem:+$problem; }stderr is $size bytes, not under 1 KB"
    fi
  fi

  if [ -z "$problem" ]; then
    echo "ok $i - $name"
  else
    failed=$((failed + 1))
    echo "not ok $i - $name"
    echo "# $problem"
    [ -f "$expected_file" ] && echo "# expected: $(cat "$expected_file")"
    echo "$stderr" | head -n 5 | cut -c 1-2000 | sed 's/^/# stderr: /'
  fi
done

[ "$failed" -eq 0 ]
