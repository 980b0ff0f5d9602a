/* collab-day-private.h: the calendar's arithmetic, inline for hot paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The one calendar of the library; collab-date.c is its public face and
 * is written on these. A CollabDay numbers the days of the proleptic
 * Gregorian calendar from 0001-01-01, day 1: GDate's Julian day, and
 * Python's date.toordinal(). The conversions are H. Hinnant's
 * civil-calendar algorithms (public domain) in unsigned integers: years
 * start on 1 March, so that the leap day ends them, and 0000-03-01 is
 * day -305. tests/test-date.c compares them with GDate for every day
 * from 0001-01-01 to 9999-12-31, both ways.
 *
 * They are inline, and check nothing, because the reader parses a
 * million dates, the writer formats as many and the talent tally counts
 * the months of a million dispatches: a GDate (a validity check, a
 * struct, a printf) or even a call per value shows in those profiles.
 * Code that is not such a loop calls the functions of collab-date.h.
 */

#pragma once

#include <glib.h>
#include <libcollab/collab-date.h>

G_BEGIN_DECLS

/* 9999-12-31, the last day YYYY-MM-DD can write. */
#define COLLAB_DAY_MAX ((CollabDay) 3652059)

/* Today in the local time zone: the as-of day of a check or a matching
 * that names none (collab-date.c). */
CollabDay collab_day_today (void);

/* "2021" or "2021–2025": years as messages name them (collab-date.c). */
char     *collab_years_format (int first_year,
                               int last_year) G_GNUC_WARN_UNUSED_RESULT;

/* The length of YYYY-MM-DD. */
#define COLLAB_DAY_TEXT_LEN 10

/* 64 bits: add_months() may be asked for a year far past 9999. */
static inline gboolean
collab_day_is_leap_year (guint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* @month is 1 to 12. */
static inline guint
collab_day_days_in_month (guint64 year,
                          guint   month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return days[month - 1] + (month == 2 && collab_day_is_leap_year (year));
}

/* The day number of a date of the calendar, year 1 or later; past
 * 9999-12-31 it is more than COLLAB_DAY_MAX, and past a CollabDay's
 * range only the 64 bits hold it. */
static inline guint64
collab_day_number (guint64 year,
                   guint   month,
                   guint   day_of_month)
{
  guint64 y = year - (month <= 2);
  guint64 era = y / 400;
  guint yoe = (guint) (y - era * 400);
  guint doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day_of_month - 1;

  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 305;
}

/* A date of the calendar from 0001-01-01 to 9999-12-31 as a CollabDay. */
static inline CollabDay
collab_day_from_ymd (guint year,
                     guint month,
                     guint day_of_month)
{
  return (CollabDay) collab_day_number (year, month, day_of_month);
}

/* @day, from 1 to COLLAB_DAY_MAX, as its year, month and day of the month. */
static inline void
collab_day_to_ymd (CollabDay  day,
                   guint     *year,
                   guint     *month,
                   guint     *day_of_month)
{
  guint z = day + 305;  /* days since 0000-03-01 */
  guint era = z / 146097;
  guint doe = z - era * 146097;
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  *day_of_month = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

/* add_months() of SPEC §3 from a date given as year, month and day: the
 * day of the month kept, or the last day of the target month when that
 * is shorter, as g_date_add_months() does. A day number, which is after
 * COLLAB_DAY_MAX when the target is after 9999-12-31. */
static inline guint64
collab_day_ymd_add_months (guint year,
                           guint month,
                           guint day_of_month,
                           guint months)
{
  guint64 index = (guint64) year * 12 + (month - 1) + months;
  guint64 target_year = index / 12;
  guint target_month = (guint) (index % 12) + 1;

  return collab_day_number (target_year, target_month,
                            MIN (day_of_month, collab_day_days_in_month (target_year, target_month)));
}

/* The largest N, up to @cap, for which a service from @start to @end,
 * both included, lasts at least N months (SPEC §3: end + 1 day >=
 * add_months(start, N)); 0 when @end is before @start or either is
 * COLLAB_DAY_NONE. Both days are at most COLLAB_DAY_MAX. */
static inline guint
collab_day_count_months_served (CollabDay start,
                                CollabDay end,
                                guint     cap)
{
  guint sy, sm, sd, ey, em, ed;
  gint64 n;

  if (start == COLLAB_DAY_NONE || end == COLLAB_DAY_NONE || end < start)
    return 0;

  collab_day_to_ymd (start, &sy, &sm, &sd);
  collab_day_to_ymd (end, &ey, &em, &ed);

  /* The target of the month after the end's can only be end + 1 itself
   * (a start on the 1st, an end on the last day of a month), so try that
   * first and step back: add_months is monotonic in N, and it takes one
   * or two steps. */
  n = ((gint64) ey - sy) * 12 + ((gint64) em - sm) + 1;
  if (n > cap)
    return cap;
  while (n > 0 && collab_day_ymd_add_months (sy, sm, sd, (guint) n) > (guint64) end + 1)
    n--;
  return (guint) n;
}

/* The year, month and day of @text, of @len bytes, when it is exactly
 * four digits, '-', two digits, '-' and two digits; FALSE for anything
 * else. Whether the date is in the calendar is not checked. */
static inline gboolean
collab_day_scan_text (const char *text,
                      gsize       len,
                      guint      *year,
                      guint      *month,
                      guint      *day_of_month)
{
  const guchar *t = (const guchar *) text;

  if (len != COLLAB_DAY_TEXT_LEN || t[4] != '-' || t[7] != '-')
    return FALSE;
  for (guint i = 0; i < COLLAB_DAY_TEXT_LEN; i++)
    if (i != 4 && i != 7 && (guint) (t[i] - '0') > 9)
      return FALSE;

  *year = (t[0] - '0') * 1000u + (t[1] - '0') * 100u + (t[2] - '0') * 10u + (t[3] - '0');
  *month = (t[5] - '0') * 10u + (t[6] - '0');
  *day_of_month = (t[8] - '0') * 10u + (t[9] - '0');
  return TRUE;
}

/* Whether a year, month and day name a date from 0001-01-01 to
 * 9999-12-31. */
static inline gboolean
collab_day_ymd_is_valid (guint year,
                         guint month,
                         guint day_of_month)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
         day_of_month >= 1 && day_of_month <= collab_day_days_in_month (year, month);
}

/* @text, of @len bytes, when it is exactly YYYY-MM-DD naming a day of
 * the calendar; FALSE for anything else (collab_day_parse() says why). */
static inline gboolean
collab_day_read_text (const char *text,
                      gsize       len,
                      CollabDay  *day)
{
  guint year, month, day_of_month;

  if (!collab_day_scan_text (text, len, &year, &month, &day_of_month) ||
      !collab_day_ymd_is_valid (year, month, day_of_month))
    return FALSE;

  *day = collab_day_from_ymd (year, month, day_of_month);
  return TRUE;
}

/* Writes @day, from 1 to COLLAB_DAY_MAX, as the COLLAB_DAY_TEXT_LEN bytes
 * of YYYY-MM-DD at @out, with no NUL after them. */
static inline void
collab_day_write_text (CollabDay  day,
                       char      *out)
{
  guint y, m, d;

  collab_day_to_ymd (day, &y, &m, &d);
  out[0] = (char) ('0' + y / 1000);
  out[1] = (char) ('0' + y / 100 % 10);
  out[2] = (char) ('0' + y / 10 % 10);
  out[3] = (char) ('0' + y % 10);
  out[4] = '-';
  out[5] = (char) ('0' + m / 10);
  out[6] = (char) ('0' + m % 10);
  out[7] = '-';
  out[8] = (char) ('0' + d / 10);
  out[9] = (char) ('0' + d % 10);
}

G_END_DECLS
