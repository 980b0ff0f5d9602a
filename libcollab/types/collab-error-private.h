/* collab-error-private.h: how messages quote what they were given
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Error messages quote the text the caller gave: in double quotes, made
 * valid UTF-8, and cut (with "…") after this many characters, so that a
 * message stays readable when the text is a whole line of garbage. */
#define COLLAB_ERROR_QUOTE_MAX_CHARS 48

char   *collab_error_quote   (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
