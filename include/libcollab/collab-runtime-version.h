/* collab-runtime-version.h: the version of the libcollab that is running
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/types/collab-version.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

#include "collab-version.h"

G_BEGIN_DECLS

COLLAB_AVAILABLE_IN_ALL
guint        collab_get_major_version (void);
COLLAB_AVAILABLE_IN_ALL
guint        collab_get_minor_version (void);
COLLAB_AVAILABLE_IN_ALL
guint        collab_get_micro_version (void);
COLLAB_AVAILABLE_IN_ALL
const char  *collab_get_version       (void);

G_END_DECLS
