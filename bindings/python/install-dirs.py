#!/usr/bin/python3
"""Where the override goes, and whether Python and GI find what we install.

    install-dirs.py PREFIX MESON_PURELIB TYPELIB_DIR [--fixed]

Run at configure time by bindings/meson.build with the Python that has
PyGObject. Prints three lines:

1. the directory to install gi/overrides/Collab.py under;
2. `on-path` if that directory is on this Python's sys.path without
   PYTHONPATH, else `off-path`;
3. `default` if TYPELIB_DIR is on GI's search path without
   GI_TYPELIB_PATH, else `custom`.

MESON_PURELIB is meson's choice (`python.get_install_dir()`), which is
wrong for the default prefix on Debian: with python.install_env=prefix it
is PREFIX/lib/python3/dist-packages, the layout of Debian's `deb_system`
scheme, meant for /usr only; /usr/local/lib/python3/dist-packages is not
on sys.path (Debian's is /usr/local/lib/python3.X/dist-packages). So we
take meson's directory when this Python searches it, else the first of
this Python's site directories under PREFIX/lib*, else meson's anyway
(and the guide says to set PYTHONPATH). --fixed: the user chose the
directory (-Dpython.purelibdir); keep it.
"""

import os
import site
import sys

prefix, meson_purelib, typelib_dir = (os.path.normpath(a) for a in sys.argv[1:4])
fixed = '--fixed' in sys.argv[4:]

# The directories site adds to sys.path, in its order: PyGObject extends
# gi.overrides.__path__ with every gi/overrides directory under them
# (pkgutil.extend_path over sys.path, gi/overrides/__init__.py).
site_dirs = [os.path.normpath(d) for d in site.getsitepackages()]
if site.ENABLE_USER_SITE:
    site_dirs.append(os.path.normpath(site.getusersitepackages()))


def in_prefix_lib(directory):
    # PREFIX/lib, lib64, lib/<triplet>...: not /usr/local/lib/... for the
    # prefix /usr, which is another prefix's.
    relative = os.path.relpath(directory, prefix)
    return relative.startswith('lib') and not relative.startswith('..')


if fixed or meson_purelib in site_dirs:
    override_base = meson_purelib
else:
    override_base = next((d for d in site_dirs if in_prefix_lib(d)), meson_purelib)

print(override_base)
print('on-path' if override_base in site_dirs else 'off-path')

# GI's own search path: its libdir's girepository-1.0 (and Debian's
# /usr/lib/girepository-1.0), after GI_TYPELIB_PATH, which is dropped here
# so as to see what a user without it gets.
os.environ.pop('GI_TYPELIB_PATH', None)
import gi  # noqa: E402
gi.require_version('GIRepository', '2.0')
from gi.repository import GIRepository  # noqa: E402

search_path = [os.path.normpath(d) for d in GIRepository.Repository.get_search_path()]
print('default' if typelib_dir in search_path else 'custom')
