/* fuzz-money.c: amounts as people write them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Any text parses to an exact number of fen or is an error; a parsed
 * amount formats, in every unit, to text that parses back to the same fen.
 */

#include "fuzz.h"

static void
assert_parses_back (const char *text,
                    gint64      fen)
{
  g_autoptr(GError) error = NULL;
  gint64 again = -1;

  collab_money_parse (text, &again, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, fen);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = NULL;
  g_autofree char *yuan = NULL;
  g_autofree char *readable = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fen, sum;

  fuzz_set_up ();
  text = fuzz_text (data, size);
  if (!collab_money_parse (text, &fen, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }

  yuan = collab_money_format (fen);
  assert_parses_back (yuan, fen);
  for (CollabMoneyUnit unit = COLLAB_MONEY_UNIT_YUAN; unit <= COLLAB_MONEY_UNIT_YI; unit++)
    {
      g_autofree char *in_unit = collab_money_format_in (fen, unit);

      g_assert_nonnull (in_unit);
    }
  readable = collab_money_format_readable (fen);
  g_assert_nonnull (readable);
  /* Checked addition: the sum is exact or refused, never wrapped. */
  if (collab_money_add (fen, fen, &sum))
    g_assert_cmpint (sum - fen, ==, fen);
  else
    g_assert_true (fen > G_MAXINT64 / 2 || fen < G_MININT64 / 2);
  return 0;
}
