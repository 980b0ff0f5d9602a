/* collab-i18n-private.h: the messages people read, in their language
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every string a person reads goes through _() (or N_() where it is
 * written into a table and translated where it is used), in the gettext
 * domain `libcollab` (SPEC §12.1). The catalog is bound on first use, so
 * that a program using the library needs no call of its own; the
 * language is the process's, as gettext reads it (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG).
 *
 * Machine-readable text never goes through here: rule ids, subject
 * keys, enum nicks, JSON member names.
 */

#pragma once

#include <string.h>

#include <libcollab/collab-locale.h>

G_BEGIN_DECLS

const char *collab_i18n_gettext  (const char *msgid) G_GNUC_FORMAT (1);
const char *collab_i18n_ngettext (const char *msgid,
                                  const char *msgid_plural,
                                  gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char *collab_i18n_pgettext (const char *context_and_msgid,
                                  gsize       msgid_offset) G_GNUC_FORMAT (1);

/* "a, b and c": @n items joined as the language joins a list, with its
 * own separator and last conjunction (Chinese: "a、b和c"). */
char       *collab_i18n_join_list (const char * const *items,
                                   guint               n) G_GNUC_WARN_UNUSED_RESULT;
/* The language of the catalog the messages come from, as its header
 * names it (`zh_CN`), or `en` when they are not translated: what decides
 * whether a spreadsheet's record headers are the Chinese aliases. */
const char *collab_i18n_language (void);
/* Whether the messages are in Chinese. */
gboolean    collab_i18n_is_chinese (void);

#undef _
#undef N_
#undef C_
#undef NC_
#define _(String) collab_i18n_gettext (String)
#define N_(String) (String)
/* A msgid with a context, for the words that mean two things: "transfer"
 * the verb and the record. */
#define C_(Context, String) collab_i18n_pgettext (Context "\004" String, strlen (Context) + 1)
#define NC_(Context, String) (String)
#define ngettext_(Singular, Plural, N) collab_i18n_ngettext (Singular, Plural, N)

G_END_DECLS
