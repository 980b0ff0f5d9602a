#!/bin/sh
# Installs the build into a temporary root and uses it as a consumer would:
# the C example compiled through pkg-config, the Python and GJS examples
# against the installed typelib and override. Prints TAP.
#
#   run-install-test.sh BUILD_DIR SOURCE_DIR
set -u

build=$1
source=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
data="$source/examples/data/wuxi-2021.json"
n=0
failed=0

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

echo "1..6"
step "meson install into a temporary root" meson install -C "$build" --destdir "$root" --no-rebuild --quiet

prefix=$(meson introspect "$build" --buildoptions | /usr/bin/python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
libdir=$(meson introspect "$build" --buildoptions | /usr/bin/python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"))')
case "$libdir" in /*) ;; *) libdir="$prefix/$libdir" ;; esac
installed_lib="$root$libdir"

# The .pc file names the real prefix; a copy names the temporary root
# (PKG_CONFIG_SYSROOT_DIR would move glib's paths too).
mkdir -p "$root/pkgconfig"
sed "s|^prefix=.*|prefix=$root$prefix|" "$installed_lib/pkgconfig/libcollab-1.0.pc" \
  > "$root/pkgconfig/libcollab-1.0.pc" 2>/dev/null
export PKG_CONFIG_PATH="$root/pkgconfig"
export LD_LIBRARY_PATH="$installed_lib"
export GI_TYPELIB_PATH="$installed_lib/girepository-1.0"
export PYTHONPATH=$(find "$root" -type d -path '*/gi/overrides' | head -n 1 | sed 's,/gi/overrides$,,')
export PYTHONDONTWRITEBYTECODE=1

step "pkg-config finds libcollab-1.0" pkg-config --exists libcollab-1.0
step "the C example compiles against the installed headers" \
  sh -c "cc '$source/examples/c/check-dataset.c' -o '$root/check-dataset' \$(pkg-config --cflags --libs libcollab-1.0)"
step "the C example runs" "$root/check-dataset" "$data" wuxi-2021
step "the Python example runs against the installed typelib and override" \
  /usr/bin/python3 "$source/examples/python/check_dataset.py" "$data" wuxi-2021
step "the GJS example runs against the installed typelib" \
  gjs -m "$source/examples/gjs/check-dataset.js" "$data" wuxi-2021

exit $failed
