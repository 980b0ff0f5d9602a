/* fuzz-dates.c: days as the dataset document and the officers' forms write them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Any text parses to a day or is an error; a day formats to text that
 * parses back to it, and the calendar arithmetic the rules use (adding
 * months, served periods) stays within the calendar.
 */

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  CollabDay day, again, later;

  fuzz_set_up ();
  text = fuzz_text (data, size);
  if (!collab_day_parse (text, &day, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }

  g_assert_cmpuint (day, !=, COLLAB_DAY_NONE);
  formatted = collab_day_format (day);
  collab_day_parse (formatted, &again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again, ==, day);

  /* 6, 12 and 36 months: the periods of the 666 rules and of a cadre. */
  later = collab_day_add_months (day, 36);
  if (later == COLLAB_DAY_NONE)
    {
      /* Documented: beyond 9999-12-31 there is no day. */
      g_assert_cmpuint (collab_day_get_year (day), >=, 9996);
      return 0;
    }
  g_assert_cmpuint (later, >, day);
  g_assert_true (collab_day_served_months (day, later, 36));
  g_assert_false (collab_day_served_months (later, day, 6));
  return 0;
}
