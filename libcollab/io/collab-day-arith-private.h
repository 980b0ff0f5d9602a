/* collab-day-arith-private.h: CollabDay from and to YYYY-MM-DD, by arithmetic
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader and the writer convert a date for every date field of every
 * record; GDate does it right but through a validity check, a struct and
 * a printf. These do the same with a few integer operations (the civil
 * calendar algorithms of H. Hinnant, shifted so that day 1 is 0001-01-01,
 * the Julian day of GDate and so of CollabDay). They agree with GDate for
 * every day from 0001-01-01 to 9999-12-31: a throwaway program compared
 * all 3,652,059 of them both ways, and anything the fast parse refuses
 * goes to collab_day_parse() for its message.
 */

#pragma once

#include <glib.h>
#include <libcollab/collab-date.h>

G_BEGIN_DECLS

/* The CollabDay of 9999-12-31, the last one YYYY-MM-DD can write. */
#define COLLAB_DAY_ARITH_MAX 3652059u

/* @text, of @len bytes, as exactly YYYY-MM-DD naming a day of the
 * calendar; FALSE for anything else (the caller then asks
 * collab_day_parse() why). */
static inline gboolean
collab_day_arith_parse (const char *text,
                        gsize       len,
                        CollabDay  *day)
{
  static const guint8 days_in_month[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const guchar *t = (const guchar *) text;
  guint y, m, d, leap, era, yoe, doy;

  if (len != 10 || t[4] != '-' || t[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (guint) (t[i] - '0') > 9)
      return FALSE;

  y = (t[0] - '0') * 1000u + (t[1] - '0') * 100u + (t[2] - '0') * 10u + (t[3] - '0');
  m = (t[5] - '0') * 10u + (t[6] - '0');
  d = (t[8] - '0') * 10u + (t[9] - '0');
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y == 0 || m < 1 || m > 12 || d < 1 || d > days_in_month[m] + (m == 2 ? leap : 0))
    return FALSE;

  /* Years start on 1 March, so that the leap day ends them. */
  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  *day = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 305;
  return TRUE;
}

/* @day, from 1 to COLLAB_DAY_ARITH_MAX, as year, month and day. */
static inline void
collab_day_arith_split (CollabDay  day,
                        guint     *year,
                        guint     *month,
                        guint     *dom)
{
  guint z = day + 305;  /* days since 0000-03-01 */
  guint era = z / 146097;
  guint doe = z - era * 146097;
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  *dom = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

G_END_DECLS
