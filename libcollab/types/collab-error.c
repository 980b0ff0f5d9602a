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

#include <string.h>

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

/* Quoting ------------------------------------------------------------------ */

/* collab_error_append_cut:
 * @out: where the text goes
 * @text: the text a message quotes
 * @len: its length in bytes, or -1 when it ends with a NUL
 *
 * Appends @text made valid UTF-8 and cut after
 * %COLLAB_ERROR_QUOTE_MAX_CHARS characters, at a character's boundary,
 * with "…" in place of the rest. Only the head is read: a value of a
 * megabyte costs no more than a short one.
 */
void
collab_error_append_cut (GString    *out,
                         const char *text,
                         gssize      len)
{
  /* A character takes at most 4 bytes and an invalid byte becomes one
   * character: this head holds one character more than is shown when
   * the text has more, so the cut below knows whether anything is left. */
  gsize limit = (gsize) (COLLAB_ERROR_QUOTE_MAX_CHARS + 1) * 4;
  gsize head = len >= 0 ? MIN ((gsize) len, limit) : strnlen (text, limit);
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) head);
  const char *end = valid;

  for (guint chars = 0; *end != '\0' && chars < COLLAB_ERROR_QUOTE_MAX_CHARS; chars++)
    end = g_utf8_next_char (end);
  g_string_append_len (out, valid, end - valid);
  if (*end != '\0')
    g_string_append (out, "…");
}

/**
 * collab_error_cut:
 * @text: a value a message quotes: an id, a name, a text that was not a date
 *
 * @text as libcollab's messages quote it: made valid UTF-8 and cut after
 * 64 characters, at a character's boundary, with "…" in place of the
 * rest, so that a message stays readable when the value is a whole line
 * of garbage or an id of a megabyte. Only the head of @text is read.
 *
 * For a message whose sentence holds the quotes itself
 * (`no region has the id "%s"`); what is machine-readable keeps the whole
 * value.
 *
 * Returns: (transfer full): the text, valid and cut
 */
char *
collab_error_cut (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  collab_error_append_cut (out, text, -1);
  return g_string_free (out, FALSE);
}

/* collab_error_quote:
 * @text: the text a message quotes
 *
 * @text as collab_error_append_cut() shows it, in double quotes.
 *
 * Returns: (transfer full): the text, valid, cut and quoted
 */
char *
collab_error_quote (const char *text)
{
  GString *out = g_string_new ("\"");

  collab_error_append_cut (out, text, -1);
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* collab_error_cut_kept:
 * @text: the text a message quotes
 * @kept: where the cut copies are kept
 *
 * @text as collab_error_cut() shows it, for a message made of many:
 * @text itself when it is short and valid, with no copy, which is the
 * case of almost every id and name; else a cut copy, added to @kept,
 * which frees it.
 *
 * Returns: (transfer none): @text, or its cut copy in @kept
 */
const char *
collab_error_cut_kept (const char *text,
                       GPtrArray  *kept)
{
  gsize head = strnlen (text, COLLAB_ERROR_QUOTE_MAX_CHARS + 1);
  char *cut;

  /* Fewer bytes than the limit are fewer characters. */
  if (head <= COLLAB_ERROR_QUOTE_MAX_CHARS && g_utf8_validate_len (text, head, NULL))
    return text;
  cut = collab_error_cut (text);
  if (strcmp (cut, text) == 0)
    {
      g_free (cut);
      return text;
    }
  g_ptr_array_add (kept, cut);
  return cut;
}

/* collab_error_append_id:
 * @out: a JSON path or a place in a table
 * @id: (nullable): the id of the record there
 *
 * Appends " (@id)", cut as collab_error_append_cut() cuts it, so that a
 * load error names the record the way an officer looks for it:
 * `$.dispatches[0] (d001).planned_end`. Nothing when @id is `NULL`.
 */
void
collab_error_append_id (GString    *out,
                        const char *id)
{
  if (id == NULL)
    return;
  g_string_append (out, " (");
  collab_error_append_cut (out, id, -1);
  g_string_append_c (out, ')');
}
