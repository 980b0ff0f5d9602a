/* collab-error.c: the error domains of libcollab
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One #GError domain per area of the library: values (amounts and dates),
 * datasets and rule sets. The codes are documented in collab-error.h;
 * every message says what was expected, where, and what was found.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * gint64 fen;
 *
 * if (!collab_money_parse ("1.234", &fen, &error) &&
 *     g_error_matches (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INEXACT))
 *   g_printerr ("%s\n", error->message);
 * ```
 */

#include <libcollab/collab-error.h>

#include "collab-error-private.h"

/* G_DEFINE_QUARK() fills a plain static on first use, which two threads
 * failing at once may both write (the same value, but a data race all the
 * same, which ThreadSanitizer reports): these publish the quark once. */
#define COLLAB_DEFINE_QUARK(QN, q_n)                                        \
GQuark                                                                      \
q_n##_quark (void)                                                          \
{                                                                           \
  static gsize quark = 0;                                                   \
                                                                            \
  if (g_once_init_enter (&quark))                                           \
    g_once_init_leave (&quark, g_quark_from_static_string (#QN));           \
  return (GQuark) quark;                                                    \
}

/**
 * collab_value_error_quark:
 *
 * The error domain of values: amounts and dates. See [error@Collab.ValueError].
 *
 * Returns: the quark of `COLLAB_VALUE_ERROR`
 */
COLLAB_DEFINE_QUARK (collab-value-error-quark, collab_value_error)

/**
 * collab_dataset_error_quark:
 *
 * The error domain of datasets. See [error@Collab.DatasetError].
 *
 * Returns: the quark of `COLLAB_DATASET_ERROR`
 */
COLLAB_DEFINE_QUARK (collab-dataset-error-quark, collab_dataset_error)

/**
 * collab_ruleset_error_quark:
 *
 * The error domain of rule sets. See [error@Collab.RulesetError].
 *
 * Returns: the quark of `COLLAB_RULESET_ERROR`
 */
COLLAB_DEFINE_QUARK (collab-ruleset-error-quark, collab_ruleset_error)

char *
collab_error_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= COLLAB_ERROR_QUOTE_MAX_CHARS)
    return g_strdup_printf ("\"%s\"", valid);

  head = g_utf8_substring (valid, 0, COLLAB_ERROR_QUOTE_MAX_CHARS);
  return g_strdup_printf ("\"%s…\"", head);
}
