/* collab-error-private.h: how messages quote what they were given
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-error.h>

G_BEGIN_DECLS

/* Every message a person reads — load and import errors, rule-set and
 * command-line errors, the messages of findings — shows the values it
 * quotes (an id, a name, a text that was not a date) made valid UTF-8 and
 * cut after this many characters, with "…", so that a message stays
 * readable when the value is a whole line of garbage or an id of a
 * megabyte. What is machine-readable (subjects of findings, ids in the
 * JSON written, exported tables) keeps the whole value. */
#define COLLAB_ERROR_QUOTE_MAX_CHARS 64

void    collab_error_append_cut   (GString    *out,
                                   const char *text,
                                   gssize      len);
/* collab_error_cut() is public (collab-error.h): the command line quotes
 * what it was given the same way. */
char   *collab_error_quote        (const char *text) G_GNUC_WARN_UNUSED_RESULT;
void    collab_error_append_id    (GString    *out,
                                   const char *id);
const char *collab_error_cut_kept (const char *text,
                                   GPtrArray  *kept);

G_END_DECLS
