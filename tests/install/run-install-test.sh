#!/bin/sh
# Installs the build and uses it as a consumer would: the C example
# compiled through pkg-config, the Python and GJS examples against the
# installed typelib and override, `collab --lang zh_CN --help` with the
# installed catalog. Twice:
#
# 1. Into a temporary root (DESTDIR), with the variables doc/guide.md
#    gives for a prefix nothing searches by default (GI_TYPELIB_PATH,
#    LD_LIBRARY_PATH, PYTHONPATH, PKG_CONFIG_PATH).
# 2. Into the prefix itself, /usr/local, with none of them: the guide says
#    that works (GJS alone needs GI_TYPELIB_PATH). It writes to the
#    system, so only as root with COLLAB_TEST_SYSTEM_INSTALL=1, which
#    .ci/test sets (CI machines are thrown away), and only when nothing of
#    libcollab is there yet; it is uninstalled afterwards and /usr/local
#    checked to be as it was found.
#
# Prints TAP.
#
#   run-install-test.sh BUILD_DIR SOURCE_DIR
set -u

build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
root=$(mktemp -d)
data="$source/examples/data/wuxi-2021.json"
expect="$source/examples/expect-output.sh"
# A pairing as the C and GJS examples print it: in Chinese, and not as
# "binhu (???) ? minhe" (a C program that never called setlocale()).
binhu_minhe='binhu (滨湖区) → minhe (民和回族土族自治县)'
# The Python example prints ids only.
binhu_minhe_ids='binhu      → minhe'
n=0
failed=0
system_installed=0

# Whatever happens, an install into the prefix is undone.
cleanup () {
  if [ "$system_installed" = 1 ] && [ ! -e "$root/uninstalled" ]; then
    ninja -C "$build" uninstall >/dev/null 2>&1
    ldconfig
  fi
  rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

step () {
  n=$((n + 1))
  name=$1
  shift
  if output=$("$@" 2>&1); then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    printf '%s\n' "$output" | sed 's/^/# /'
    failed=1
  fi
}

option () {
  meson introspect "$build" --buildoptions | /usr/bin/python3 -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]))' "$1"
}

absolute () {
  case "$1" in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac
}

prefix=$(option prefix)
libdir=$(absolute "$(option libdir)")
bindir=$(absolute "$(option bindir)")
localedir=$(absolute "$(option localedir)")
typelibdir="$libdir/girepository-1.0"
catalog="$localedir/zh_CN/LC_MESSAGES/libcollab.mo"
installed=$(meson introspect "$build" --installed | /usr/bin/python3 -c '
import json, sys
print("\n".join(json.load(sys.stdin).values()))')
override=$(printf '%s\n' "$installed" | grep '/gi/overrides/Collab\.py$')
override_base=${override%/gi/overrides/Collab.py}

# Python writes no __pycache__ into the installed tree: it would be left
# behind by the uninstall (step 2).
export PYTHONDONTWRITEBYTECODE=1
export LC_ALL=C.UTF-8
unset LANGUAGE

# `collab --lang zh_CN --help` prints the installed catalog's "Commands:"
# (or the English while the catalog lacks it).
check_collab_help () {
  collab=$1
  mo=$2
  commands=$(/usr/bin/python3 -c '
import gettext, sys
with open(sys.argv[1], "rb") as f:
    print(gettext.GNUTranslations(f).gettext("Commands:"))' "$mo") || return 1
  help=$("$collab" --lang zh_CN --help) || return 1
  printf '%s\n' "$help"
  printf '%s\n' "$help" | grep -qF -- "$commands"
}

# Whether part 2 runs, and why not.
system_skip=
if [ "$(id -u)" != 0 ] || [ "${COLLAB_TEST_SYSTEM_INSTALL:-}" != 1 ]; then
  system_skip="installs into $prefix only as root with COLLAB_TEST_SYSTEM_INSTALL=1 (.ci/test)"
elif [ "$prefix" != /usr/local ]; then
  system_skip="the prefix is $prefix, not /usr/local"
else
  for file in $installed; do
    if [ -e "$file" ] || [ -L "$file" ]; then
      system_skip="libcollab is already installed in $prefix ($file): leaving it alone"
      break
    fi
  done
fi

system_step () {
  if [ -n "$system_skip" ]; then
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $system_skip"
  else
    step "$@"
  fi
}

echo "1..19"

# 1. A temporary root, with the variables.
step "meson install into a temporary root" meson install -C "$build" --destdir "$root" --no-rebuild --quiet
step "the zh_CN catalog is installed ($catalog)" test -f "$root$catalog"

# The .pc file names the real prefix; a copy names the temporary root
# (PKG_CONFIG_SYSROOT_DIR would move glib's paths too).
mkdir -p "$root/pkgconfig"
sed "s|^prefix=.*|prefix=$root$prefix|" "$root$libdir/pkgconfig/libcollab-1.0.pc" \
  > "$root/pkgconfig/libcollab-1.0.pc" 2>/dev/null
export PKG_CONFIG_PATH="$root/pkgconfig"
export LD_LIBRARY_PATH="$root$libdir"
export GI_TYPELIB_PATH="$root$typelibdir"
export PYTHONPATH="$root$override_base"
# The library looks for its catalogs in $localedir, which is not there yet.
export COLLAB_LOCALEDIR="$root$localedir"

step "pkg-config finds libcollab-1.0" pkg-config --exists libcollab-1.0
step "the C example compiles against the installed headers" \
  sh -c "cc '$source/examples/c/check-dataset.c' -o '$root/check-dataset' \$(pkg-config --cflags --libs libcollab-1.0)"
step "the C example runs and prints Chinese" \
  sh "$expect" "$binhu_minhe" -- "$root/check-dataset" "$data" wuxi-2021
step "the Python example runs against the installed typelib and override" \
  sh "$expect" "$binhu_minhe_ids" -- /usr/bin/python3 "$source/examples/python/check_dataset.py" "$data" wuxi-2021
step "the GJS example runs against the installed typelib" \
  sh "$expect" "$binhu_minhe" -- gjs -m "$source/examples/gjs/check-dataset.js" "$data" wuxi-2021
step "the installed collab --lang zh_CN --help runs, with the installed catalog" \
  check_collab_help "$root$bindir/collab" "$root$catalog"

# 2. The prefix itself, with nothing set: as a user after
# `sudo meson install -C _build`, in a directory of their own.
unset PKG_CONFIG_PATH LD_LIBRARY_PATH GI_TYPELIB_PATH PYTHONPATH COLLAB_LOCALEDIR
cd "$root" || exit 1
[ -n "$system_skip" ] || find "$prefix" -xdev | sort > "$root/before"

# (The steps run in subshells: the state is kept in the main shell and in
# $root/uninstalled.)
system_install () {
  meson install -C "$build" --no-rebuild --quiet
}
system_uninstall () {
  ninja -C "$build" uninstall >/dev/null || return 1
  touch "$root/uninstalled"
  # The loader's cache still names the removed library.
  ldconfig
}
system_as_found () {
  find "$prefix" -xdev | sort > "$root/after"
  diff "$root/before" "$root/after"
}

[ -n "$system_skip" ] || system_installed=1
system_step "meson install into $prefix" system_install
system_step "meson install ran ldconfig: the loader finds libcollab-1.0.so.0" \
  sh -c 'ldconfig -p | grep -qF "libcollab-1.0.so.0 "'
system_step "the zh_CN catalog is installed in $localedir" test -f "$catalog"
system_step "the C example compiles through pkg-config's own search path" \
  sh -c "cc '$source/examples/c/check-dataset.c' -o '$root/check-dataset-system' \$(pkg-config --cflags --libs libcollab-1.0)"
system_step "the C example runs with no LD_LIBRARY_PATH and prints Chinese" \
  sh "$expect" "$binhu_minhe" -- "$root/check-dataset-system" "$data" wuxi-2021
system_step "the Python example runs with no GI_TYPELIB_PATH, PYTHONPATH or LD_LIBRARY_PATH" \
  sh "$expect" "$binhu_minhe_ids" -- /usr/bin/python3 "$source/examples/python/check_dataset.py" "$data" wuxi-2021
system_step "Python: Collab.Dataset(path) loads (the override), the catalogs are $localedir's" \
  /usr/bin/python3 -c '
import sys
from gi.repository import Collab
print(Collab.Dataset(sys.argv[1]))
assert Collab.get_locale_dir() == sys.argv[2], Collab.get_locale_dir()' "$data" "$localedir"
system_step "the GJS example runs with GI_TYPELIB_PATH=$typelibdir alone (doc/guide.md)" \
  env GI_TYPELIB_PATH="$typelibdir" sh "$expect" "$binhu_minhe" -- gjs -m "$source/examples/gjs/check-dataset.js" "$data" wuxi-2021
system_step "$bindir/collab --lang zh_CN --help runs with no variable, with the installed catalog" \
  check_collab_help "$bindir/collab" "$catalog"
system_step "ninja uninstall (and ldconfig)" system_uninstall
system_step "$prefix is as it was found" system_as_found

exit $failed
