/* test-calendar.c: the calendar (types/collab-date.c): dates, ranges and months of service (SPEC §3)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The public functions of collab-date.h, and the inline arithmetic of
 * collab-day-private.h they and the hot loops share, checked against
 * GDate: every day from 0001-01-01 to 9999-12-31 both ways.
 */

#include <string.h>

#include <libcollab/collab-date.h>
#include <libcollab/collab-error.h>

#include "types/collab-day-private.h"

/* The log domain the library is built with (HOUSE-STYLE: G_LOG_DOMAIN). */
#define LIBRARY_LOG_DOMAIN "Collab"

static CollabDay
day (const char *text)
{
  g_autoptr(GError) error = NULL;
  CollabDay result = COLLAB_DAY_NONE;

  g_assert_true (collab_day_parse (text, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result, !=, COLLAB_DAY_NONE);
  return result;
}

static void
assert_day (CollabDay   value,
            const char *expected)
{
  g_autofree char *text = collab_day_format (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_valid (void)
{
  static const char *texts[] = {
    "2021-03-01", "2021-12-31", "2020-02-29", "2000-02-29", "2024-02-29",
    "0001-01-01", "0099-07-04", "9999-12-31", "2021-04-30",
  };

  g_assert_cmpuint (day ("0001-01-01"), ==, 1);
  g_assert_cmpuint (day ("0001-01-31"), ==, 31);
  g_assert_cmpuint (day ("2021-03-01"), ==, collab_day_new (2021, 3, 1));
  g_assert_cmpuint (day ("2021-03-01") - day ("2021-02-28"), ==, 1);
  g_assert_cmpuint (day ("2020-03-01") - day ("2020-02-28"), ==, 2);

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_day (day (texts[i]), texts[i]);

  g_assert_true (collab_day_parse ("2021-03-01", NULL, NULL));
}

static void
test_parse_invalid_date (void)
{
  static const char *texts[] = {
    "2021-02-29", "2021-13-01", "2021-04-31", "2021-00-10", "2021-01-00",
    "2021-01-32", "2021-99-99", "0000-01-01", "1900-02-29", "2100-02-29",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      CollabDay result = 4242;

      g_test_message ("parsing \"%s\"", texts[i]);
      g_assert_false (collab_day_parse (texts[i], &result, &error));
      g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INVALID_DATE);
      g_assert_nonnull (strstr (error->message, texts[i]));
      g_assert_cmpuint (result, ==, 4242);
    }
}

static void
test_parse_syntax (void)
{
  static const char *texts[] = {
    "", "2021", "2021-03", "2021-3-1", "2021-03-1", "21-03-01",
    "2021/03/01", "20210301", "2021-03-01 ", " 2021-03-01",
    "2021-03-01T00:00:00", "2021-03-0a", "10000-01-01", "-021-03-01",
    "+2021-03-01", "2021-03-01\n", "２０２１-03-01", "2021‐03‐01",
    "2021-03-\xff\xff", "yesterday",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (texts[i], NULL);
      CollabDay result = 4242;

      g_test_message ("parsing \"%s\"", escaped);
      g_assert_false (collab_day_parse (texts[i], &result, &error));
      g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (result, ==, 4242);
    }
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) leap = NULL;
  g_autoptr(GError) month = NULL;
  g_autoptr(GError) syntax = NULL;

  g_assert_false (collab_day_parse ("2021-02-29", NULL, &leap));
  g_assert_cmpstr (leap->message, ==,
                   "\"2021-02-29\" is not a date in the calendar: "
                   "month 02 of 2021 has 28 days");

  g_assert_false (collab_day_parse ("2021-13-01", NULL, &month));
  g_assert_cmpstr (month->message, ==,
                   "\"2021-13-01\" is not a date in the calendar: "
                   "there is no month 13");

  g_assert_false (collab_day_parse ("2021/03/01", NULL, &syntax));
  g_assert_cmpstr (syntax->message, ==,
                   "\"2021/03/01\" is not a date: expected YYYY-MM-DD, "
                   "such as \"2021-03-01\"");
}

static void
test_new (void)
{
  assert_day (collab_day_new (2021, 3, 1), "2021-03-01");
  assert_day (collab_day_new (2020, 2, 29), "2020-02-29");
  assert_day (collab_day_new (1, 1, 1), "0001-01-01");
  assert_day (collab_day_new (9999, 12, 31), "9999-12-31");

  g_assert_cmpuint (collab_day_new (2021, 2, 29), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (2021, 4, 31), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (2021, 13, 1), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (2021, 0, 1), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (2021, 1, 0), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (0, 1, 1), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (10000, 1, 1), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (G_MAXUINT, G_MAXUINT, G_MAXUINT), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_new (2021, 1, 256 + 1), ==, COLLAB_DAY_NONE);
}

static void
test_format (void)
{
  g_assert_null (collab_day_format (COLLAB_DAY_NONE));
  assert_day (1, "0001-01-01");
  assert_day (day ("2021-12-31") + 1, "2022-01-01");
  assert_day (day ("2020-02-28") + 1, "2020-02-29");
}

static void
test_get_year (void)
{
  g_assert_cmpuint (collab_day_get_year (day ("2021-12-31")), ==, 2021);
  g_assert_cmpuint (collab_day_get_year (day ("2022-01-01")), ==, 2022);
  g_assert_cmpuint (collab_day_get_year (day ("0001-01-01")), ==, 1);
  g_assert_cmpuint (collab_day_get_year (day ("9999-12-31")), ==, 9999);
  g_assert_cmpuint (collab_day_get_year (COLLAB_DAY_NONE), ==, 0);
}

static void
test_add_months (void)
{
  static const struct
  {
    const char *start;
    guint       months;
    const char *result;
  } cases[] = {
    { "2021-03-01", 6, "2021-09-01" },
    { "2021-03-01", 0, "2021-03-01" },
    { "2021-03-15", 1, "2021-04-15" },
    /* the day is clamped to the end of a shorter month */
    { "2021-01-31", 1, "2021-02-28" },
    { "2020-01-31", 1, "2020-02-29" },
    { "2021-03-31", 1, "2021-04-30" },
    { "2021-08-31", 6, "2022-02-28" },
    { "2020-02-29", 12, "2021-02-28" },
    { "2020-02-29", 48, "2024-02-29" },
    /* December to the next year */
    { "2021-12-15", 1, "2022-01-15" },
    { "2021-12-31", 2, "2022-02-28" },
    { "2021-11-30", 3, "2022-02-28" },
    { "2021-07-01", 12, "2022-07-01" },
    { "2021-01-01", 120, "2031-01-01" },
    { "9999-11-30", 1, "9999-12-30" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s + %u months", cases[i].start, cases[i].months);
      assert_day (collab_day_add_months (day (cases[i].start), cases[i].months),
                  cases[i].result);
    }

  /* Past 9999-12-31 there is no day to return. */
  g_assert_cmpuint (collab_day_add_months (day ("9999-12-01"), 1), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_add_months (day ("0001-01-01"), G_MAXUINT), ==, COLLAB_DAY_NONE);
  g_assert_cmpuint (collab_day_add_months (COLLAB_DAY_NONE, 1), ==, COLLAB_DAY_NONE);
}

typedef struct
{
  const char *start;
  const char *end;
  guint       months;
  gboolean    served;
} ServedCase;

static void
check_served (const ServedCase *cases,
              gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s → %s, %u months", cases[i].start, cases[i].end,
                      cases[i].months);
      g_assert_cmpint (collab_day_served_months (day (cases[i].start),
                                                 day (cases[i].end),
                                                 cases[i].months),
                       ==, cases[i].served);
      g_assert_cmpint (collab_served_at_least (cases[i].start, cases[i].end,
                                               cases[i].months, &error),
                       ==, cases[i].served);
      g_assert_no_error (error);
    }
}

static void
test_served_spec_examples (void)
{
  static const ServedCase cases[] = {
    { "2021-03-01", "2021-08-31", 6, TRUE },
    { "2021-03-01", "2021-08-30", 6, FALSE },
    { "2021-01-31", "2021-02-27", 1, TRUE },
    { "2020-02-29", "2021-02-27", 12, TRUE },
  };

  check_served (cases, G_N_ELEMENTS (cases));
}

static void
test_served_month_end_clamp (void)
{
  static const ServedCase cases[] = {
    { "2021-01-31", "2021-02-26", 1, FALSE },
    { "2021-01-30", "2021-02-27", 1, TRUE },
    { "2021-01-29", "2021-02-27", 1, TRUE },
    { "2021-01-28", "2021-02-27", 1, TRUE },
    { "2021-01-27", "2021-02-25", 1, FALSE },
    { "2021-03-31", "2021-04-29", 1, TRUE },
    { "2021-03-31", "2021-04-28", 1, FALSE },
    { "2021-08-31", "2022-02-27", 6, TRUE },
    { "2021-08-31", "2022-02-26", 6, FALSE },
  };

  check_served (cases, G_N_ELEMENTS (cases));
}

static void
test_served_leap_day (void)
{
  static const ServedCase cases[] = {
    { "2020-02-29", "2021-02-26", 12, FALSE },
    { "2020-01-31", "2020-02-28", 1, TRUE },
    { "2020-01-31", "2020-02-27", 1, FALSE },
    { "2019-02-28", "2020-02-27", 12, TRUE },
    { "2019-02-28", "2020-02-26", 12, FALSE },
    { "2020-02-29", "2020-08-28", 6, TRUE },
    { "2020-02-29", "2020-08-27", 6, FALSE },
    { "2019-08-31", "2020-02-28", 6, TRUE },
    { "2019-08-31", "2020-02-27", 6, FALSE },
  };

  check_served (cases, G_N_ELEMENTS (cases));
}

static void
test_served_december (void)
{
  static const ServedCase cases[] = {
    { "2021-12-01", "2022-05-31", 6, TRUE },
    { "2021-12-01", "2022-05-30", 6, FALSE },
    { "2021-12-31", "2022-01-30", 1, TRUE },
    { "2021-12-31", "2022-01-29", 1, FALSE },
    { "2021-07-01", "2022-06-30", 12, TRUE },
    { "2021-07-01", "2022-06-29", 12, FALSE },
    { "2021-12-15", "2022-12-14", 12, TRUE },
    { "2021-12-15", "2022-12-13", 12, FALSE },
  };

  check_served (cases, G_N_ELEMENTS (cases));
}

static void
test_served_edges (void)
{
  static const ServedCase cases[] = {
    /* zero months: any service that does not end before it starts */
    { "2021-03-01", "2021-03-01", 0, TRUE },
    { "2021-03-01", "2021-02-28", 0, FALSE },
    /* an end before the start never serves */
    { "2021-03-01", "2021-02-28", 1, FALSE },
    /* a single day is not a month */
    { "2021-03-01", "2021-03-01", 1, FALSE },
    /* one year is 12 months, half a year 6 */
    { "2021-01-01", "2021-12-31", 12, TRUE },
    { "2021-01-01", "2021-12-30", 12, FALSE },
    { "2021-01-01", "2021-06-30", 6, TRUE },
    { "2021-01-01", "2025-12-31", 60, TRUE },
    /* the target 10000-01-01 is past what the text form writes */
    { "9999-12-01", "9999-12-31", 1, TRUE },
    { "9999-12-01", "9999-12-31", 2, FALSE },
    { "0001-01-01", "9999-12-31", G_MAXUINT, FALSE },
    { "0001-01-01", "9999-12-31", 9999 * 12, TRUE },
    { "0001-01-01", "9999-12-31", 9999 * 12 + 1, FALSE },
  };

  check_served (cases, G_N_ELEMENTS (cases));
}

static void
test_served_strings (void)
{
  g_autoptr(GError) start_error = NULL;
  g_autoptr(GError) end_error = NULL;
  g_autoptr(GError) no_error = NULL;

  g_assert_false (collab_served_at_least ("2021-3-1", "2021-08-31", 6, &start_error));
  g_assert_error (start_error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (start_error->message, "\"2021-3-1\""));

  g_assert_false (collab_served_at_least ("2021-03-01", "2021-09-31", 6, &end_error));
  g_assert_error (end_error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_INVALID_DATE);

  /* A service that is too short is FALSE without an error. */
  g_assert_false (collab_served_at_least ("2021-03-01", "2021-08-30", 6, &no_error));
  g_assert_no_error (no_error);

  g_assert_true (collab_served_at_least ("2021-03-01", "2021-08-31", 6, NULL));
  g_assert_false (collab_served_at_least ("", "2021-08-31", 6, NULL));
}

static void
test_range_basic (void)
{
  g_autoptr(CollabDateRange) range = collab_date_range_new (day ("2021-01-01"),
                                                            day ("2021-03-31"));
  g_autoptr(CollabDateRange) copy = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (range->first, ==, day ("2021-01-01"));
  g_assert_cmpuint (range->last, ==, day ("2021-03-31"));
  g_assert_cmpuint (collab_date_range_get_days (range), ==, 31 + 28 + 31);

  g_assert_true (collab_date_range_contains (range, day ("2021-01-01")));
  g_assert_true (collab_date_range_contains (range, day ("2021-02-15")));
  g_assert_true (collab_date_range_contains (range, day ("2021-03-31")));
  g_assert_false (collab_date_range_contains (range, day ("2020-12-31")));
  g_assert_false (collab_date_range_contains (range, day ("2021-04-01")));
  g_assert_false (collab_date_range_contains (range, COLLAB_DAY_NONE));

  text = collab_date_range_to_string (range);
  g_assert_cmpstr (text, ==, "2021-01-01..2021-03-31");

  copy = collab_date_range_copy (range);
  g_assert_true (copy != range);
  g_assert_cmpuint (copy->first, ==, range->first);
  g_assert_cmpuint (copy->last, ==, range->last);
}

static void
test_range_lengths (void)
{
  g_autoptr(CollabDateRange) one_day = collab_date_range_new (day ("2021-03-01"),
                                                              day ("2021-03-01"));
  g_autoptr(CollabDateRange) leap_year = collab_date_range_new (day ("2020-01-01"),
                                                                day ("2020-12-31"));
  g_autoptr(CollabDateRange) plan = collab_date_range_new (day ("2021-01-01"),
                                                           day ("2025-12-31"));
  g_autoptr(CollabDateRange) empty = collab_date_range_new (day ("2021-03-02"),
                                                            day ("2021-03-01"));
  CollabDateRange open_end = { 0, 0 };
  g_autofree char *empty_text = NULL;
  g_autofree char *open_text = NULL;

  g_assert_cmpuint (collab_date_range_get_days (one_day), ==, 1);
  g_assert_cmpuint (collab_date_range_get_days (leap_year), ==, 366);
  g_assert_cmpuint (collab_date_range_get_days (plan), ==, 5 * 365 + 1);

  g_assert_cmpuint (collab_date_range_get_days (empty), ==, 0);
  g_assert_false (collab_date_range_contains (empty, day ("2021-03-01")));
  g_assert_false (collab_date_range_contains (empty, day ("2021-03-02")));
  empty_text = collab_date_range_to_string (empty);
  g_assert_cmpstr (empty_text, ==, "2021-03-02..2021-03-01");

  /* The struct is public, so a caller can leave an end unset. */
  open_end.first = day ("2021-03-01");
  g_assert_cmpuint (collab_date_range_get_days (&open_end), ==, 0);
  g_assert_false (collab_date_range_contains (&open_end, day ("2021-03-01")));
  open_text = collab_date_range_to_string (&open_end);
  g_assert_cmpstr (open_text, ==, "2021-03-01..");
}

static void
test_range_boxed (void)
{
  g_autoptr(CollabDateRange) range = collab_date_range_new (day ("2021-01-01"),
                                                            day ("2021-12-31"));
  CollabDateRange *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (COLLAB_TYPE_DATE_RANGE));
  g_assert_cmpstr (g_type_name (COLLAB_TYPE_DATE_RANGE), ==, "CollabDateRange");

  copy = g_boxed_copy (COLLAB_TYPE_DATE_RANGE, range);
  g_assert_cmpuint (collab_date_range_get_days (copy), ==, 365);
  g_boxed_free (COLLAB_TYPE_DATE_RANGE, copy);

  g_value_init (&value, COLLAB_TYPE_DATE_RANGE);
  g_value_set_boxed (&value, range);
  g_assert_cmpuint (((CollabDateRange *) g_value_get_boxed (&value))->last, ==,
                    day ("2021-12-31"));
  g_value_unset (&value);

  collab_date_range_free (NULL);
}

static void
test_bad_arguments (void)
{
  CollabDay result = 4242;

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (collab_day_parse (NULL, &result, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (result, ==, 4242);

  /* A number past 9999-12-31 is not a day of the library. */
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*day <= COLLAB_DAY_MAX*");
  g_assert_null (collab_day_format (G_MAXUINT32));
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*first != COLLAB_DAY_NONE*");
  g_assert_null (collab_date_range_new (COLLAB_DAY_NONE, day ("2021-03-01")));
  g_test_assert_expected_messages ();
}

static void
test_served_no_day (void)
{
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*end != COLLAB_DAY_NONE*");
  g_assert_false (collab_day_served_months (day ("2021-03-01"), COLLAB_DAY_NONE, 1));
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*start != COLLAB_DAY_NONE*");
  g_assert_false (collab_day_served_months (COLLAB_DAY_NONE, day ("2021-03-01"), 1));
  g_test_assert_expected_messages ();
}

/* --- the arithmetic (collab-day-private.h) against GDate --------------- */

/* Every day from 0001-01-01 to 9999-12-31, both ways, and its text. */
static void
test_arithmetic_every_day (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 12, 9999);
  g_assert_cmpuint (COLLAB_DAY_MAX, ==, g_date_get_julian (&date));

  for (CollabDay day = 1; day <= COLLAB_DAY_MAX; day++)
    {
      char expected[16];
      char text[COLLAB_DAY_TEXT_LEN];
      guint year, month, dom;
      CollabDay back = COLLAB_DAY_NONE;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      collab_day_to_ymd (day, &year, &month, &dom);
      if (year != g_date_get_year (&date) || month != g_date_get_month (&date) ||
          dom != g_date_get_day (&date))
        g_error ("day %u: %04u-%02u-%02u, GDate says %04u-%02u-%02u", day, year, month, dom,
                 g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      if (collab_day_from_ymd (year, month, dom) != day)
        g_error ("%04u-%02u-%02u: day %u, GDate says %u", year, month, dom,
                 collab_day_from_ymd (year, month, dom), day);

      g_snprintf (expected, sizeof expected, "%04u-%02u-%02u", year, month, dom);
      collab_day_write_text (day, text);
      if (memcmp (text, expected, COLLAB_DAY_TEXT_LEN) != 0)
        g_error ("day %u written %.10s, not %s", day, text, expected);
      if (!collab_day_read_text (expected, COLLAB_DAY_TEXT_LEN, &back) || back != day)
        g_error ("%s read as day %u, not %u", expected, back, day);
    }
}

static void
test_arithmetic_months (void)
{
  for (guint year = 1; year <= 9999; year++)
    {
      g_assert_cmpint (collab_day_is_leap_year (year), ==, g_date_is_leap_year (year));
      for (guint month = 1; month <= 12; month++)
        g_assert_cmpuint (collab_day_days_in_month (year, month), ==,
                          g_date_get_days_in_month (month, year));
    }
}

/* collab_day_read_text() takes exactly what collab_day_parse() takes. */
static void
test_arithmetic_read_text (void)
{
  static const char *texts[] = {
    "2021-03-01", "2020-02-29", "0001-01-01", "9999-12-31",
    "2021-02-29", "2021-13-01", "2021-00-10", "2021-01-00", "0000-01-01",
    "1900-02-29", "2021-3-1", "2021/03/01", "2021-03-01 ", "2021-03-0a", "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CollabDay fast = 4242;
      CollabDay parsed = 4242;
      gboolean ok = collab_day_read_text (texts[i], strlen (texts[i]), &fast);

      g_test_message ("reading \"%s\"", texts[i]);
      g_assert_cmpint (ok, ==, collab_day_parse (texts[i], &parsed, NULL));
      g_assert_cmpuint (fast, ==, parsed);
    }

  /* The length given is the text's: a prefix is not a date. */
  g_assert_false (collab_day_read_text ("2021-03-01", 9, &(CollabDay) { 0 }));
}

/* add_months() as g_date_add_months() computes it, for every start of a
 * leap year and the year after it, and random starts up to 9999. */
static void
check_add_months (CollabDay start,
                  guint     months)
{
  GDate date;
  CollabDay result = collab_day_add_months (start, months);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  g_date_add_months (&date, months);
  if (g_date_get_julian (&date) > COLLAB_DAY_MAX)
    g_assert_cmpuint (result, ==, COLLAB_DAY_NONE);
  else if (result != g_date_get_julian (&date))
    {
      g_autofree char *s = collab_day_format (start);
      g_autofree char *r = collab_day_format (result);

      g_error ("%s + %u months: %s, GDate says day %u", s, months, r, g_date_get_julian (&date));
    }
}

static void
test_arithmetic_add_months (void)
{
  for (CollabDay start = day ("2020-01-01"); start <= day ("2021-12-31"); start++)
    for (guint months = 0; months <= 60; months++)
      check_add_months (start, months);

  for (guint i = 0; i < 200000; i++)
    check_add_months (g_test_rand_int_range (1, COLLAB_DAY_MAX + 1),
                      g_test_rand_int_range (0, 12 * 200));

  check_add_months (day ("9999-11-30"), 1);
  check_add_months (day ("9999-12-31"), 1);
  check_add_months (day ("0001-01-31"), 9999 * 12 - 1);
}

/* --- months served, counted (collab_day_count_months_served()) -------- */

static guint
months_between (const char *start,
                const char *end)
{
  return collab_day_count_months_served (day (start), day (end), G_MAXUINT);
}

static void
test_months_spec_examples (void)
{
  g_assert_cmpuint (months_between ("2021-03-01", "2021-08-31"), ==, 6);
  g_assert_cmpuint (months_between ("2021-03-01", "2021-08-30"), ==, 5);
  g_assert_cmpuint (months_between ("2021-01-31", "2021-02-27"), ==, 1);
  g_assert_cmpuint (months_between ("2021-01-31", "2021-02-26"), ==, 0);
  g_assert_cmpuint (months_between ("2020-02-29", "2021-02-27"), ==, 12);
  g_assert_cmpuint (months_between ("2020-02-29", "2021-02-26"), ==, 11);
  g_assert_cmpuint (months_between ("2022-03-01", "2023-02-28"), ==, 12);
  g_assert_cmpuint (months_between ("2022-03-01", "2022-03-01"), ==, 0);
  g_assert_cmpuint (months_between ("2022-03-02", "2022-03-01"), ==, 0);
  g_assert_cmpuint (months_between ("2021-12-15", "2022-12-14"), ==, 12);
}

/* Whether a service lasts @months months, by GDate alone. */
static gboolean
gdate_served (CollabDay start,
              CollabDay end,
              guint     months)
{
  GDate target;

  if (end < start)
    return FALSE;

  g_date_clear (&target, 1);
  g_date_set_julian (&target, start);
  g_date_add_months (&target, months);
  return (guint64) end + 1 >= g_date_get_julian (&target);
}

static void
check_months_served (CollabDay start,
                     CollabDay end)
{
  guint months = collab_day_count_months_served (start, end, G_MAXUINT);

  /* The talent tally's cap (65535) is far past any of these. */
  g_assert_cmpuint (collab_day_count_months_served (start, end, 65535), ==, months);
  g_assert_true (collab_day_served_months (start, end, months));
  g_assert_true (gdate_served (start, end, months));
  if (collab_day_served_months (start, end, months + 1) || gdate_served (start, end, months + 1))
    {
      g_autofree char *s = collab_day_format (start), *e = collab_day_format (end);

      g_error ("%s to %s: counted %u months, GLib says %u", s, e, months, months + 1);
    }
}

/* The count is collab_day_served_months()'s and GDate's answer for every
 * N, on random services of up to five years. */
static void
test_months_agree_with_glib (void)
{
  CollabDay first = collab_day_new (1999, 1, 1);

  for (guint i = 0; i < 20000; i++)
    {
      CollabDay start = first + g_test_rand_int_range (0, 366 * 30);
      CollabDay end = start + g_test_rand_int_range (0, 366 * 5);

      check_months_served (start, end);
    }

  /* Every start of a leap year, every end of the year after. */
  for (CollabDay start = collab_day_new (2024, 1, 1); start <= collab_day_new (2024, 12, 31); start++)
    for (CollabDay end = start + 300; end <= start + 400; end++)
      check_months_served (start, end);
}

static void
test_months_cap (void)
{
  CollabDay first = day ("0001-01-01");
  CollabDay last = day ("9999-12-31");

  g_assert_cmpuint (collab_day_count_months_served (first, last, G_MAXUINT), ==, 9999 * 12);
  g_assert_cmpuint (collab_day_count_months_served (first, last - 1, G_MAXUINT), ==, 9999 * 12 - 1);
  g_assert_cmpuint (collab_day_count_months_served (first, last, 65535), ==, 65535);
  g_assert_cmpuint (collab_day_count_months_served (day ("2021-03-01"), day ("2021-08-31"), 6), ==, 6);
  g_assert_cmpuint (collab_day_count_months_served (day ("2021-03-01"), day ("2021-08-31"), 5), ==, 5);
  g_assert_cmpuint (collab_day_count_months_served (COLLAB_DAY_NONE, last, G_MAXUINT), ==, 0);
  g_assert_cmpuint (collab_day_count_months_served (first, COLLAB_DAY_NONE, G_MAXUINT), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/calendar/parse/valid", test_parse_valid);
  g_test_add_func ("/collab/calendar/parse/invalid-date", test_parse_invalid_date);
  g_test_add_func ("/collab/calendar/parse/syntax", test_parse_syntax);
  g_test_add_func ("/collab/calendar/parse/messages", test_parse_messages);
  g_test_add_func ("/collab/calendar/parse/bad-arguments", test_bad_arguments);
  g_test_add_func ("/collab/calendar/new", test_new);
  g_test_add_func ("/collab/calendar/format", test_format);
  g_test_add_func ("/collab/calendar/get-year", test_get_year);
  g_test_add_func ("/collab/calendar/add-months", test_add_months);
  g_test_add_func ("/collab/calendar/served/spec-examples", test_served_spec_examples);
  g_test_add_func ("/collab/calendar/served/month-end-clamp", test_served_month_end_clamp);
  g_test_add_func ("/collab/calendar/served/leap-day", test_served_leap_day);
  g_test_add_func ("/collab/calendar/served/december", test_served_december);
  g_test_add_func ("/collab/calendar/served/edges", test_served_edges);
  g_test_add_func ("/collab/calendar/served/strings", test_served_strings);
  g_test_add_func ("/collab/calendar/served/no-day", test_served_no_day);
  g_test_add_func ("/collab/calendar/months-served/spec-examples", test_months_spec_examples);
  g_test_add_func ("/collab/calendar/months-served/agree-with-glib", test_months_agree_with_glib);
  g_test_add_func ("/collab/calendar/months-served/cap", test_months_cap);
  g_test_add_func ("/collab/calendar/arithmetic/every-day", test_arithmetic_every_day);
  g_test_add_func ("/collab/calendar/arithmetic/months", test_arithmetic_months);
  g_test_add_func ("/collab/calendar/arithmetic/read-text", test_arithmetic_read_text);
  g_test_add_func ("/collab/calendar/arithmetic/add-months", test_arithmetic_add_months);
  g_test_add_func ("/collab/calendar/range/basic", test_range_basic);
  g_test_add_func ("/collab/calendar/range/lengths", test_range_lengths);
  g_test_add_func ("/collab/calendar/range/boxed", test_range_boxed);

  return g_test_run ();
}
