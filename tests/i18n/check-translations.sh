#!/bin/sh
# The zh_CN catalog is complete (SPEC §12.1): every file that marks a
# string for translation is in po/POTFILES, every string of the sources
# is in po/zh_CN.po, none is untranslated or fuzzy, and msgfmt --check
# (format directives, plural forms, header) passes. Prints TAP.
#
#   check-translations.sh SOURCE_DIR
set -u
source=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source" || exit 1

echo "1..3"

# 1. POTFILES names every source that marks a string, and only files that exist.
grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|ngettext_)[ ]?\(' --include='*.c' --include='*.h' libcollab \
  | grep -v 'collab-i18n-private.h' | grep -v 'collab-cli-private.h' | sort > "$work/marked"
grep -v '^#' po/POTFILES | sed '/^$/d' | sort > "$work/listed"
missing=$(comm -23 "$work/marked" "$work/listed")
gone=$(for f in $(cat "$work/listed"); do [ -f "$f" ] || echo "$f"; done)
if [ -z "$missing" ] && [ -z "$gone" ]; then
  echo "ok 1 - po/POTFILES lists every file with translatable strings"
else
  echo "not ok 1 - po/POTFILES lists every file with translatable strings"
  for f in $missing; do echo "# not in po/POTFILES: $f"; done
  for f in $gone; do echo "# in po/POTFILES but missing: $f"; done
fi

# 2. Every string of today's sources is translated, none fuzzy.
xgettext --package-name=libcollab --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext_:1,2 \
  --flag=_:1:pass-c-format --flag=N_:1:pass-c-format --flag=ngettext_:1:pass-c-format \
  --flag=ngettext_:2:pass-c-format --flag=C_:2:pass-c-format \
  -f po/POTFILES -o "$work/libcollab.pot" 2> "$work/xgettext.err" || { cat "$work/xgettext.err"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$work/zh_CN.po" po/zh_CN.po "$work/libcollab.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$work/zh_CN.po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "not ok 2 - every string is translated in zh_CN ($stats)"
    msgattrib --untranslated --only-fuzzy "$work/zh_CN.po" 2>/dev/null | grep '^msgid' | head -n 40 | sed 's/^/# fuzzy: /'
    msgattrib --untranslated "$work/zh_CN.po" | grep -A1 '^#:' | grep '^msgid' | head -n 40 | sed 's/^/# untranslated: /' ;;
  *)
    echo "ok 2 - every string is translated in zh_CN ($stats)" ;;
esac

# 3. The catalog itself is sound.
if out=$(msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1); then
  echo "ok 3 - msgfmt --check po/zh_CN.po ($out)"
else
  echo "not ok 3 - msgfmt --check po/zh_CN.po"
  printf '%s\n' "$out" | sed 's/^/# /'
fi
