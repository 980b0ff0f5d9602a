/* collab-locale.h: the language of the messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/types/collab-i18n.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib.h>

#include "collab-version.h"

G_BEGIN_DECLS

/**
 * COLLAB_GETTEXT_PACKAGE:
 *
 * The gettext domain of libcollab's messages, `"libcollab"`.
 */
#define COLLAB_GETTEXT_PACKAGE "libcollab"

COLLAB_AVAILABLE_IN_ALL
const char  *collab_get_locale_dir (void);

G_END_DECLS
