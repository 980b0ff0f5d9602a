/* collab-version.c: the version of the running library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Bindings cannot see the COLLAB_*_VERSION macros, which tell the version
 * a program was compiled against; these tell the one it runs with.
 */

#include <libcollab/collab-runtime-version.h>

/**
 * collab_get_major_version:
 *
 * Gets the major version of the libcollab the program runs with.
 *
 * Returns: the major version of the running libcollab
 */
guint
collab_get_major_version (void)
{
  return COLLAB_MAJOR_VERSION;
}

/**
 * collab_get_minor_version:
 *
 * Gets the minor version of the libcollab the program runs with.
 *
 * Returns: the minor version of the running libcollab
 */
guint
collab_get_minor_version (void)
{
  return COLLAB_MINOR_VERSION;
}

/**
 * collab_get_micro_version:
 *
 * Gets the micro version of the libcollab the program runs with.
 *
 * Returns: the micro version of the running libcollab
 */
guint
collab_get_micro_version (void)
{
  return COLLAB_MICRO_VERSION;
}

/**
 * collab_get_version:
 *
 * Gets the version of the libcollab the program runs with.
 *
 * Returns: the version of the running libcollab, such as "0.1.0"
 */
const char *
collab_get_version (void)
{
  return COLLAB_VERSION_S;
}
