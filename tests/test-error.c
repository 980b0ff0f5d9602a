/* test-error.c: how messages quote values (types/collab-error.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every message a person reads quotes an id, a name or a text cut after
 * COLLAB_ERROR_QUOTE_MAX_CHARS characters with "…", at a character's
 * boundary, valid UTF-8 whatever it was given.
 */

#include <string.h>

#include "types/collab-error-private.h"

#define LIMIT COLLAB_ERROR_QUOTE_MAX_CHARS

/* @unit repeated @n times. */
static char *
repeat (const char *unit,
        gsize       n)
{
  GString *out = g_string_sized_new (strlen (unit) * n);

  for (gsize i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
test_short (void)
{
  g_autofree char *cut = collab_error_cut ("d001");
  g_autofree char *quoted = collab_error_quote ("延川县");
  g_autofree char *empty = collab_error_quote ("");

  g_assert_cmpstr (cut, ==, "d001");
  g_assert_cmpstr (quoted, ==, "\"延川县\"");
  g_assert_cmpstr (empty, ==, "\"\"");
}

/* Exactly LIMIT characters stay whole; one more is cut, whatever the
 * width of the characters in bytes. */
static void
test_boundary (void)
{
  static const char *units[] = { "x", "é", "县", "𠀀" };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autofree char *whole = repeat (units[u], LIMIT);
      g_autofree char *longer = repeat (units[u], LIMIT + 1);
      g_autofree char *kept = collab_error_cut (whole);
      g_autofree char *cut = collab_error_cut (longer);
      g_autofree char *expected = g_strconcat (whole, "…", NULL);

      g_assert_cmpstr (kept, ==, whole);
      g_assert_cmpstr (cut, ==, expected);
      g_assert_cmpint (g_utf8_strlen (cut, -1), ==, LIMIT + 1);
    }
}

/* A megabyte costs the head only, and the message is short. */
static void
test_huge (void)
{
  g_autofree char *huge = repeat ("县", 1024 * 1024 / 3);
  g_autofree char *quoted = collab_error_quote (huge);
  g_autoptr(GString) id = g_string_new ("$.regions[0]");

  g_assert_true (g_utf8_validate (quoted, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (quoted, -1), ==, LIMIT + 3);
  g_assert_true (g_str_has_suffix (quoted, "…\""));

  collab_error_append_id (id, huge);
  g_assert_true (g_str_has_prefix (id->str, "$.regions[0] (县"));
  g_assert_true (g_str_has_suffix (id->str, "县…)"));
  g_assert_cmpuint (id->len, <, 256);
}

/* Bytes that are not UTF-8 are shown as U+FFFD, one character each, and
 * a character cut short by the length given is not shown in part. */
static void
test_invalid (void)
{
  g_autofree char *bad = collab_error_cut ("a\xff" "b");
  g_autofree char *bytes = repeat ("\xfe", LIMIT * 2);
  g_autofree char *cut_bytes = collab_error_cut (bytes);
  g_autoptr(GString) partial = g_string_new (NULL);
  g_autoptr(GString) none = g_string_new ("$");

  g_assert_cmpstr (bad, ==, "a\xef\xbf\xbd" "b");
  g_assert_true (g_utf8_validate (cut_bytes, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (cut_bytes, -1), ==, LIMIT + 1);

  /* "延川" given as 4 bytes: the half of 川 is not valid. */
  collab_error_append_cut (partial, "延川", 4);
  g_assert_true (g_utf8_validate (partial->str, -1, NULL));
  g_assert_true (g_str_has_prefix (partial->str, "延"));

  collab_error_append_id (none, NULL);
  g_assert_cmpstr (none->str, ==, "$");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/error/quote/short", test_short);
  g_test_add_func ("/collab/error/quote/boundary", test_boundary);
  g_test_add_func ("/collab/error/quote/huge", test_huge);
  g_test_add_func ("/collab/error/quote/invalid", test_invalid);

  return g_test_run ();
}
