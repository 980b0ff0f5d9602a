/* collab-test-scorecard.h: what the scorecard tests share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The row of a program (and year) in a scorecard, a figure of a row, and
 * the figures of a program over 2020, 2021, 2022 and the period
 * 2020–2022 checked at once: test-scorecard.c and
 * test-scorecard-program.c. Static inline, as collab-test-util.h.
 */

#pragma once

#include "collab-test-util.h"

G_BEGIN_DECLS

/* The row of @program (and @year, unless it is 0) in @table. */
static inline guint
collab_test_row_of (CollabTable *table,
                    const char  *program,
                    int          year)
{
  int p = collab_test_column (table, "program");
  int y = year != 0 ? collab_test_column (table, "year") : -1;

  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    if (g_str_equal (collab_table_get_string (table, r, p), program) &&
        (y < 0 || collab_table_get_int (table, r, y) == year))
      return r;
  g_error ("no row for %s %d", program, year);
  return 0;
}

/* The figure of column @name in @row, which is not null. */
static inline gint64
collab_test_cell (CollabTable *table,
                  guint        row,
                  const char  *name)
{
  int c = collab_test_column (table, name);

  g_assert_false (collab_table_is_null (table, row, c));
  return collab_table_get_int (table, row, c);
}

typedef struct
{
  const char *column;
  gint64      values[4];   /* 2020, 2021, 2022, and the period 2020–2022 */
} CollabTestExpected;

/* The figures of @program in @card (per year) and @period (one row per
 * program for 2020–2022). */
static inline void
collab_test_assert_figures (CollabTable              *card,
                            CollabTable              *period,
                            const char               *program,
                            const CollabTestExpected *expected,
                            guint                     n)
{
  for (guint i = 0; i < n; i++)
    for (guint y = 0; y < 4; y++)
      {
        gint64 value = y < 3 ? collab_test_cell (card, collab_test_row_of (card, program, 2020 + y), expected[i].column)
                             : collab_test_cell (period, collab_test_row_of (period, program, 0), expected[i].column);

        if (value != expected[i].values[y])
          g_error ("%s %s of %s: %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " expected", program, expected[i].column,
                   y < 3 ? "a year" : "the period", value, expected[i].values[y]);
      }
}

G_END_DECLS
