/* collab-date.h: calendar dates, inclusive ranges and months of service
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/types/collab-date.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib-object.h>

#include "collab-version.h"

G_BEGIN_DECLS

/**
 * CollabDay:
 *
 * A calendar date as its day number in the proleptic Gregorian calendar:
 * 0001-01-01 is day 1, 2021-03-01 is day 737850, and 0
 * (%COLLAB_DAY_NONE) means "no date". Days compare and subtract as plain
 * integers.
 *
 * It is the Julian day of #GDate (g_date_get_julian()), and the number
 * Python's `datetime.date.toordinal()` gives, so that
 * `datetime.date.fromordinal(day)` reads one. It is also what the cells of
 * a %COLLAB_COLUMN_TYPE_DAY column of a [class@Collab.Table] hold. numpy
 * counts `datetime64[D]` from 1970-01-01, day 719163:
 * `(days.astype('int64') - 719163).view('datetime64[D]')`.
 *
 * The library's days run from 0001-01-01 to 9999-12-31 (day 3652059),
 * the dates `YYYY-MM-DD` can write.
 */
typedef guint32 CollabDay;

/**
 * COLLAB_DAY_NONE:
 *
 * The [alias@Collab.Day] that stands for "no date".
 */
#define COLLAB_DAY_NONE ((CollabDay) 0)

COLLAB_AVAILABLE_IN_ALL
gboolean   collab_day_parse            (const char  *text,
                                        CollabDay   *day,
                                        GError     **error);
COLLAB_AVAILABLE_IN_ALL
CollabDay  collab_day_new              (guint        year,
                                        guint        month,
                                        guint        day_of_month);
COLLAB_AVAILABLE_IN_ALL
char      *collab_day_format           (CollabDay    day) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
guint      collab_day_get_year         (CollabDay    day);
COLLAB_AVAILABLE_IN_ALL
CollabDay  collab_day_add_months       (CollabDay    day,
                                        guint        months);
COLLAB_AVAILABLE_IN_ALL
gboolean   collab_day_served_months    (CollabDay    start,
                                        CollabDay    end,
                                        guint        months);
COLLAB_AVAILABLE_IN_ALL
gboolean   collab_served_at_least      (const char  *start,
                                        const char  *end,
                                        guint        months,
                                        GError     **error);

#define COLLAB_TYPE_DATE_RANGE (collab_date_range_get_type ())

typedef struct _CollabDateRange CollabDateRange;

/**
 * CollabDateRange:
 * @first: the first day of the range
 * @last: the last day of the range, inclusive
 *
 * An inclusive range of calendar days.
 */
struct _CollabDateRange
{
  CollabDay first;
  CollabDay last;
};

COLLAB_AVAILABLE_IN_ALL
GType             collab_date_range_get_type (void) G_GNUC_CONST;
COLLAB_AVAILABLE_IN_ALL
CollabDateRange  *collab_date_range_new      (CollabDay              first,
                                              CollabDay              last);
COLLAB_AVAILABLE_IN_ALL
CollabDateRange  *collab_date_range_copy     (const CollabDateRange *range);
COLLAB_AVAILABLE_IN_ALL
void              collab_date_range_free     (CollabDateRange       *range);
COLLAB_AVAILABLE_IN_ALL
guint             collab_date_range_get_days (const CollabDateRange *range);
COLLAB_AVAILABLE_IN_ALL
gboolean          collab_date_range_contains (const CollabDateRange *range,
                                              CollabDay              day);
COLLAB_AVAILABLE_IN_ALL
char             *collab_date_range_to_string (const CollabDateRange *range) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabDateRange, collab_date_range_free)

#define COLLAB_TYPE_YEAR_RANGE (collab_year_range_get_type ())

typedef struct _CollabYearRange CollabYearRange;

/**
 * CollabYearRange:
 * @first: the first year
 * @last: the last year, inclusive
 *
 * Calendar years from @first to @last: the years a scorecard, a plan, a
 * money trace or a query covers. Where a function takes a range as an
 * option, `NULL` stands for every year.
 */
struct _CollabYearRange
{
  int first;
  int last;
};

COLLAB_AVAILABLE_IN_ALL
GType             collab_year_range_get_type (void) G_GNUC_CONST;
COLLAB_AVAILABLE_IN_ALL
CollabYearRange  *collab_year_range_new      (int                    first,
                                              int                    last);
COLLAB_AVAILABLE_IN_ALL
CollabYearRange  *collab_year_range_copy     (const CollabYearRange *range);
COLLAB_AVAILABLE_IN_ALL
void              collab_year_range_free     (CollabYearRange       *range);
COLLAB_AVAILABLE_IN_ALL
gboolean          collab_year_range_contains (const CollabYearRange *range,
                                              int                    year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabYearRange, collab_year_range_free)

G_END_DECLS
