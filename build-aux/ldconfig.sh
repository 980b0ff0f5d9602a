#!/bin/sh
# Run by `meson install` (not under DESTDIR): refreshes the dynamic
# loader's cache so that the new libcollab-1.0.so.0 is found in a
# directory of ld.so.conf such as /usr/local/lib/x86_64-linux-gnu. Only
# root may write the cache; an install into a user's own prefix is not in
# ld.so.conf anyway and needs LD_LIBRARY_PATH (doc/guide.md).
if [ "$(id -u)" != 0 ]; then
  exit 0
fi
for ldconfig in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
  if command -v "$ldconfig" >/dev/null 2>&1; then
    exec "$ldconfig"
  fi
done
echo "ldconfig not found: run it to let the loader find libcollab" >&2
