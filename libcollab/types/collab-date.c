/* collab-date.c: calendar dates, inclusive ranges and months of service
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A [alias@Collab.Day] is a calendar date with no time of day and no time
 * zone, held as its number in the proleptic Gregorian calendar (0001-01-01
 * is day 1, 0 is "no date"), so days compare and subtract as plain
 * integers. The library uses the years 1 to 9999, the years the text form
 * `YYYY-MM-DD` can write.
 *
 * This file is the public face of the one calendar of the library; the
 * arithmetic is in collab-day-private.h, inline, for the loops that
 * convert a day per record (the reader, the writer, the talent tally).
 *
 * Months of service follow SPEC §3: a service from S to the inclusive end E
 * lasts at least N months when `E >= add_months(S, N) - 1 day`, where
 * add_months clamps the day to the end of the target month, as
 * g_date_add_months() does.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 *
 * // 2021-01-31 plus one month is 2021-02-28, so a service that ends on
 * // 2021-02-27 has lasted one month.
 * if (collab_served_at_least ("2021-01-31", "2021-02-27", 1, &error))
 *   g_print ("one month or more\n");
 * else if (error != NULL)
 *   g_printerr ("%s\n", error->message);
 * ```
 */

#include <string.h>

#include <libcollab/collab-date.h>
#include <libcollab/collab-error.h>

#include "collab-day-private.h"
#include "collab-error-private.h"
#include "collab-i18n-private.h"

/**
 * collab_day_parse:
 * @text: a date written `YYYY-MM-DD`, such as `"2021-03-01"`
 * @day: (out) (optional): where to store the day
 * @error: return location for a #GError, or `NULL`
 *
 * Reads a calendar date.
 *
 * The text must be exactly four digits of year, `-`, two digits of month,
 * `-` and two digits of day, with nothing before or after; anything else
 * fails with %COLLAB_VALUE_ERROR_SYNTAX. A well-formed date that is not in
 * the calendar (`"2021-02-29"`, `"2021-13-01"`, `"2021-04-31"`, or the
 * year `0000`) fails with %COLLAB_VALUE_ERROR_INVALID_DATE. On failure
 * @day is left unchanged.
 *
 * Returns: `TRUE` if @text is a date, `FALSE` with @error set otherwise
 */
gboolean
collab_day_parse (const char  *text,
                  CollabDay   *day,
                  GError     **error)
{
  g_autofree char *quoted = NULL;
  gsize len;
  guint year;
  guint month;
  guint dom;
  CollabDay result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = strlen (text);
  if (collab_day_read_text (text, len, &result))
    {
      if (day != NULL)
        *day = result;
      return TRUE;
    }

  /* Not a date: say why. */
  quoted = collab_error_quote (text);
  if (!collab_day_scan_text (text, len, &year, &month, &dom))
    {
      g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX,
                   /* Translators: %s is the text, quoted, that should
                    * have been a date; YYYY-MM-DD is the form of a date
                    * and stays as it is. */
                   _("%s is not a date: expected YYYY-MM-DD, such as "
                     "\"2021-03-01\""),
                   quoted);
      return FALSE;
    }

  if (year == 0)
    g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INVALID_DATE,
                 /* Translators: %s is the text, quoted, such as "0000-01-01". */
                 _("%s is not a date in the calendar: there is no year 0"), quoted);
  else if (month < 1 || month > 12)
    g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INVALID_DATE,
                 /* Translators: the first %s is the text, quoted; %02u is
                  * the month it names, such as 13. */
                 _("%s is not a date in the calendar: there is no month %02u"), quoted, month);
  else
    g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INVALID_DATE,
                 /* Translators: the first %s is the text, quoted, such as
                  * "2021-02-29"; then the month (02), the year (2021) and
                  * the number of days that month has (28). */
                 _("%s is not a date in the calendar: month %02u of %04u has %u days"),
                 quoted, month, year, collab_day_days_in_month (year, month));
  return FALSE;
}

/**
 * collab_day_new:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12
 * @day_of_month: the day of the month, from 1
 *
 * Makes a day from its year, month and day of the month.
 *
 * Returns: the day, or %COLLAB_DAY_NONE if there is no such date (such as
 *   2021-02-29) or the year is outside 1 to 9999
 */
CollabDay
collab_day_new (guint year,
                guint month,
                guint day_of_month)
{
  if (!collab_day_ymd_is_valid (year, month, day_of_month))
    return COLLAB_DAY_NONE;

  return collab_day_from_ymd (year, month, day_of_month);
}

CollabDay
collab_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return collab_day_new (g_date_time_get_year (now), g_date_time_get_month (now),
                         g_date_time_get_day_of_month (now));
}

/**
 * collab_day_format:
 * @day: a day, or %COLLAB_DAY_NONE
 *
 * Writes a day as `YYYY-MM-DD`, the form [func@Collab.day_parse] reads.
 *
 * Returns: (transfer full) (nullable): the day as text, or `NULL` for
 *   %COLLAB_DAY_NONE
 */
char *
collab_day_format (CollabDay day)
{
  char *text;

  g_return_val_if_fail (day <= COLLAB_DAY_MAX, NULL);

  if (day == COLLAB_DAY_NONE)
    return NULL;

  text = g_malloc (COLLAB_DAY_TEXT_LEN + 1);
  collab_day_write_text (day, text);
  text[COLLAB_DAY_TEXT_LEN] = '\0';
  return text;
}

char *
collab_years_format (int first_year,
                     int last_year)
{
  if (first_year == last_year)
    return g_strdup_printf ("%d", first_year);
  return g_strdup_printf ("%d–%d", first_year, last_year);
}

/**
 * collab_day_get_year:
 * @day: a day, or %COLLAB_DAY_NONE
 *
 * Gets the calendar year of a day, the year a dispatch or a transaction
 * counts toward (SPEC §3 "Years").
 *
 * Returns: the year, or 0 for %COLLAB_DAY_NONE
 */
guint
collab_day_get_year (CollabDay day)
{
  guint year;
  guint month;
  guint dom;

  g_return_val_if_fail (day <= COLLAB_DAY_MAX, 0);

  if (day == COLLAB_DAY_NONE)
    return 0;

  collab_day_to_ymd (day, &year, &month, &dom);
  return year;
}

/**
 * collab_day_add_months:
 * @day: a day, or %COLLAB_DAY_NONE
 * @months: how many months to move forward
 *
 * Moves a day forward by whole months, the way g_date_add_months() does:
 * the day of the month stays, unless the target month is shorter, in which
 * case it becomes the last day of that month (2021-01-31 plus one month is
 * 2021-02-28; 2020-02-29 plus twelve months is 2021-02-28).
 *
 * Returns: the day @months later, or %COLLAB_DAY_NONE if @day is
 *   %COLLAB_DAY_NONE or the result is after 9999-12-31
 */
CollabDay
collab_day_add_months (CollabDay day,
                       guint     months)
{
  guint year;
  guint month;
  guint dom;
  guint64 result;

  g_return_val_if_fail (day <= COLLAB_DAY_MAX, COLLAB_DAY_NONE);

  if (day == COLLAB_DAY_NONE)
    return COLLAB_DAY_NONE;

  collab_day_to_ymd (day, &year, &month, &dom);
  result = collab_day_ymd_add_months (year, month, dom, months);
  return result <= COLLAB_DAY_MAX ? (CollabDay) result : COLLAB_DAY_NONE;
}

/**
 * collab_day_served_months:
 * @start: the first day of the service
 * @end: the last day of the service, inclusive
 * @months: the number of months the service must last
 *
 * Checks whether a service from @start to @end, both days included, lasts
 * at least @months months (N个月以上: the number itself is included).
 * That holds when @end is on or after add_months(@start, @months) minus one
 * day (SPEC §3 "Months of service"): 2021-03-01 to 2021-08-31 is 6 months,
 * 2021-03-01 to 2021-08-30 is not, and 2021-01-31 to 2021-02-27 is one
 * month. For @months 0 any service that does not end before it starts
 * qualifies.
 *
 * Returns: `TRUE` if the service lasts at least @months months
 */
gboolean
collab_day_served_months (CollabDay start,
                          CollabDay end,
                          guint     months)
{
  guint year;
  guint month;
  guint dom;

  g_return_val_if_fail (start != COLLAB_DAY_NONE && start <= COLLAB_DAY_MAX, FALSE);
  g_return_val_if_fail (end != COLLAB_DAY_NONE && end <= COLLAB_DAY_MAX, FALSE);

  if (end < start)
    return FALSE;

  /* The target may be far past 9999-12-31 (@months up to G_MAXUINT):
   * then no end reaches it. */
  collab_day_to_ymd (start, &year, &month, &dom);
  return (guint64) end + 1 >= collab_day_ymd_add_months (year, month, dom, months);
}

/**
 * collab_served_at_least:
 * @start: the first day of the service, `YYYY-MM-DD`
 * @end: the last day of the service, inclusive, `YYYY-MM-DD`
 * @months: the number of months the service must last
 * @error: return location for a #GError, or `NULL`
 *
 * Reads two dates with [func@Collab.day_parse] and checks them with
 * [func@Collab.day_served_months].
 *
 * `FALSE` means either that the service is shorter or that a date could
 * not be read; only in the second case is @error set.
 *
 * Returns: `TRUE` if the service lasts at least @months months, `FALSE`
 *   if it does not or if a date is not valid
 */
gboolean
collab_served_at_least (const char  *start,
                        const char  *end,
                        guint        months,
                        GError     **error)
{
  CollabDay start_day;
  CollabDay end_day;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!collab_day_parse (start, &start_day, error) ||
      !collab_day_parse (end, &end_day, error))
    return FALSE;

  return collab_day_served_months (start_day, end_day, months);
}

G_DEFINE_BOXED_TYPE (CollabDateRange, collab_date_range,
                     collab_date_range_copy, collab_date_range_free)

/**
 * collab_date_range_new:
 * @first: the first day of the range, not %COLLAB_DAY_NONE
 * @last: the last day of the range, inclusive, not %COLLAB_DAY_NONE
 *
 * Makes an inclusive range of days. A range whose @last is before its
 * @first is empty.
 *
 * Returns: (transfer full): a new range; free it with
 *   [method@Collab.DateRange.free]
 */
CollabDateRange *
collab_date_range_new (CollabDay first,
                       CollabDay last)
{
  CollabDateRange *range;

  g_return_val_if_fail (first != COLLAB_DAY_NONE && first <= COLLAB_DAY_MAX, NULL);
  g_return_val_if_fail (last != COLLAB_DAY_NONE && last <= COLLAB_DAY_MAX, NULL);

  range = g_new (CollabDateRange, 1);
  range->first = first;
  range->last = last;
  return range;
}

/**
 * collab_date_range_copy:
 * @range: a range
 *
 * Copies a range.
 *
 * Returns: (transfer full): a copy of @range
 */
CollabDateRange *
collab_date_range_copy (const CollabDateRange *range)
{
  g_return_val_if_fail (range != NULL, NULL);

  return g_memdup2 (range, sizeof *range);
}

/**
 * collab_date_range_free:
 * @range: (nullable): a range, or `NULL`
 *
 * Frees a range made by [ctor@Collab.DateRange.new] or
 * [method@Collab.DateRange.copy].
 */
void
collab_date_range_free (CollabDateRange *range)
{
  g_free (range);
}

/**
 * collab_date_range_get_days:
 * @range: a range
 *
 * Counts the days of a range, both ends included: 2021-01-01..2021-01-31
 * has 31 days.
 *
 * Returns: the number of days, 0 if @range is empty or one of its ends is
 *   %COLLAB_DAY_NONE
 */
guint
collab_date_range_get_days (const CollabDateRange *range)
{
  g_return_val_if_fail (range != NULL, 0);

  if (range->first == COLLAB_DAY_NONE || range->last == COLLAB_DAY_NONE ||
      range->last < range->first)
    return 0;

  return range->last - range->first + 1;
}

/**
 * collab_date_range_contains:
 * @range: a range
 * @day: a day
 *
 * Checks whether a day is in a range, both ends included.
 *
 * Returns: `TRUE` if @day is from @range's first to its last day
 */
gboolean
collab_date_range_contains (const CollabDateRange *range,
                            CollabDay              day)
{
  g_return_val_if_fail (range != NULL, FALSE);

  return day != COLLAB_DAY_NONE && range->first != COLLAB_DAY_NONE &&
         range->first <= day && day <= range->last;
}

/**
 * collab_date_range_to_string:
 * @range: a range
 *
 * Writes a range as its two ends joined by `..`, such as
 * `"2021-01-01..2021-03-31"`. An end that is %COLLAB_DAY_NONE is written
 * as nothing (`"2021-01-01.."`).
 *
 * Returns: (transfer full): the range as text
 */
char *
collab_date_range_to_string (const CollabDateRange *range)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (range != NULL, NULL);

  first = collab_day_format (range->first);
  last = collab_day_format (range->last);
  return g_strdup_printf ("%s..%s", first != NULL ? first : "",
                          last != NULL ? last : "");
}

/* --- years ----------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (CollabYearRange, collab_year_range, collab_year_range_copy, collab_year_range_free)

/**
 * collab_year_range_new:
 * @first: the first year
 * @last: the last year, not before @first
 *
 * Makes a range of years, both ends included: `collab_year_range_new
 * (2023, 2023)` for one year, `(2016, 2020)` for the 13th Five-Year plan.
 *
 * Returns: (transfer full): a new range
 */
CollabYearRange *
collab_year_range_new (int first,
                       int last)
{
  CollabYearRange *range;

  g_return_val_if_fail (first <= last, NULL);

  range = g_new (CollabYearRange, 1);
  range->first = first;
  range->last = last;
  return range;
}

/**
 * collab_year_range_copy:
 * @range: a range
 *
 * Copies a range.
 *
 * Returns: (transfer full): a copy of @range
 */
CollabYearRange *
collab_year_range_copy (const CollabYearRange *range)
{
  g_return_val_if_fail (range != NULL, NULL);

  return g_memdup2 (range, sizeof *range);
}

/**
 * collab_year_range_free:
 * @range: a range
 *
 * Frees a range made by [ctor@Collab.YearRange.new] or
 * [method@Collab.YearRange.copy].
 */
void
collab_year_range_free (CollabYearRange *range)
{
  g_free (range);
}

/**
 * collab_year_range_contains:
 * @range: (nullable): a range, or `NULL` for every year
 * @year: a year
 *
 * Whether @year is in @range; every year is in a `NULL` range, which is
 * what the functions that take a range as an option read it as.
 *
 * Returns: `TRUE` when @range holds @year
 */
gboolean
collab_year_range_contains (const CollabYearRange *range,
                            int                    year)
{
  return range == NULL || (range->first <= year && year <= range->last);
}
