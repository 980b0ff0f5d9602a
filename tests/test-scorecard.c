/* test-scorecard.c: the scorecard (report/collab-scorecard*.c, collab_dataset_get_scorecard)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The funds section first: the 2016–2020 summary lines of the Wuxi plan, reproduced from the
 * records of examples/data/wuxi-2016-2020.json — "累计安排对口延安财政帮扶
 * 资金1.47亿元，实施扶贫项目218个；对口海东财政帮扶资金7.82亿元，实施扶贫项目
 * 309个" — and the 2021 funds of examples/data/wuxi-funds-2021.json. Then
 * the talent section: the example roster of examples/data/, and a
 * program whose rule set disables the rules a column reports. Then the
 * labour section on tests/data/labour-scorecard.json; the people sent
 * and received and the pairings' units on each side on
 * tests/data/people-scorecard.json; and the scorecard of a period:
 * distinct counts over the period, and a period of one year that is that
 * year's row, figure for figure. Last, allocations past int64 fen: an
 * error, not a figure.
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libcollab/collab.h>

#include "collab-test-scorecard.h"

#define WAN COLLAB_TEST_WAN

static void
assert_summary_line (CollabTable *card,
                     const char  *program,
                     const char  *money,
                     guint        projects)
{
  guint last = collab_test_row_of (card, program, 2020);
  g_autofree char *allocated = collab_money_format_readable (collab_test_cell (card, last, "allocated_to_date"));
  g_autofree char *transferred = collab_money_format_readable (collab_test_cell (card, last, "transferred_to_date"));
  g_autofree char *spent = collab_money_format_readable (collab_test_cell (card, last, "spent_to_date"));
  gint64 funded = 0, allocated_sum = 0;

  g_assert_cmpstr (allocated, ==, money);
  g_assert_cmpstr (transferred, ==, money);
  g_assert_cmpstr (spent, ==, money);
  g_assert_cmpint (collab_test_cell (card, last, "projects_funded_to_date"), ==, projects);

  /* Each project is funded in one year: the years add up to the same. */
  for (int year = 2016; year <= 2020; year++)
    {
      guint r = collab_test_row_of (card, program, year);

      funded += collab_test_cell (card, r, "projects_funded");
      allocated_sum += collab_test_cell (card, r, "allocated");
    }
  g_assert_cmpint (funded, ==, projects);
  g_assert_cmpint (allocated_sum, ==, collab_test_cell (card, last, "allocated_to_date"));
}

static void
test_summary_2016_2020 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2016-2020.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, &error);
  guint first;

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 10);

  assert_summary_line (card, "wuxi-yanan-2016", "1.47亿", 218);
  assert_summary_line (card, "wuxi-haidong-2016", "7.82亿", 309);

  /* The first year on its own; no fund base in the 13th plan. */
  first = collab_test_row_of (card, "wuxi-yanan-2016", 2016);
  g_assert_cmpint (collab_test_cell (card, first, "allocated"), ==, WAN (1500));
  g_assert_cmpint (collab_test_cell (card, first, "projects_funded"), ==, 30);
  g_assert_true (collab_table_is_null (card, first, collab_test_column (card, "fund_base")));
  g_assert_true (collab_table_is_null (card, first, collab_test_column (card, "fund_plan_total")));
}

static void
test_summary_one_row (void)
{
  /* The summary line from one row, as `collab report --program --year`. */
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2016-2020.json");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-haidong-2016", &(CollabYearRange) { 2020, 2020 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (collab_test_cell (card, 0, "allocated_to_date"), ==, WAN (78200));
  g_assert_cmpint (collab_test_cell (card, 0, "projects_funded_to_date"), ==, 309);
  /* All completed by the end of 2020; those of 2016–2019 evaluated. */
  g_assert_cmpint (collab_test_cell (card, 0, "projects_completed") + collab_test_cell (card, 0, "projects_evaluated"),
                   ==, 309);
  g_assert_cmpint (collab_test_cell (card, 0, "projects_evaluated"), ==, 309 - 83);
}

static void
test_funds_2021 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2021.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-2021", NULL, &error);
  static const char * const categories[] = {
    "spent_industry", "spent_labour", "spent_consumption", "spent_talent", "spent_rural_revitalization",
  };
  guint r2021, r2022;
  gint64 by_category = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 5);
  r2021 = collab_test_row_of (card, "wuxi-2021", 2021);
  r2022 = collab_test_row_of (card, "wuxi-2021", 2022);

  /* Against the base of both cities: 1920万 + 27000万 a year. */
  g_assert_cmpint (collab_test_cell (card, r2021, "fund_base"), ==, WAN (28920));
  g_assert_cmpint (collab_test_cell (card, r2021, "fund_plan_total"), ==, WAN (144600));
  g_assert_cmpint (collab_test_cell (card, r2021, "allocated"), ==, WAN (28920));
  g_assert_cmpint (collab_test_cell (card, r2021, "transferred"), ==, WAN (28920));
  g_assert_cmpint (collab_test_cell (card, r2021, "spent"), ==, WAN (17352));
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    by_category += collab_test_cell (card, r2021, categories[c]);
  g_assert_cmpint (by_category, ==, WAN (17352));
  g_assert_cmpint (collab_test_cell (card, r2021, "projects_funded"), ==, 24);
  g_assert_cmpint (collab_test_cell (card, r2021, "projects_implementing"), ==, 24);

  /* Nothing new in 2022; what was done stays done. */
  g_assert_cmpint (collab_test_cell (card, r2022, "allocated"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, r2022, "allocated_to_date"), ==, WAN (28920));
  g_assert_cmpint (collab_test_cell (card, r2022, "projects_funded"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, r2022, "projects_funded_to_date"), ==, 24);
}

static void
test_columns_without_funds (void)
{
  /* A dataset with no money still has the columns, with zeros. */
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &(CollabYearRange) { 2021, 2021 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (collab_test_cell (card, 0, "fund_base"), ==, WAN (28920));
  g_assert_cmpint (collab_test_cell (card, 0, "allocated"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, 0, "projects_funded_to_date"), ==, 0);
  g_assert_cmpint (collab_table_get_column_type (card, collab_test_column (card, "spent")), ==,
                   COLLAB_COLUMN_TYPE_AMOUNT);
}

/* The talent section --------------------------------------------------- */

/* The talent, cadre and training columns on the example roster (the
 * figures were checked against an independent count in Python). */
static void
test_example_scorecard (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *column;
    gint64      values[5];   /* 2021 … 2025 */
  } expected[] = {
    { "professionals",             { 192, 194, 195, 0, 0 } },
    { "professionals_teacher",     { 56, 55, 55, 0, 0 } },
    { "professionals_doctor",      { 54, 62, 59, 0, 0 } },
    { "professionals_agriculture", { 48, 42, 50, 0, 0 } },
    { "professionals_other",       { 34, 35, 31, 0, 0 } },
    { "professionals_served_12",   { 47, 48, 50, 0, 0 } },
    { "professionals_served_6",    { 105, 117, 112, 0, 0 } },
    { "professionals_served_1",    { 192, 194, 195, 0, 0 } },
    { "pairing_years",             { 9, 9, 9, 9, 9 } },
    { "total_passing",             { 9, 8, 8, 0, 0 } },
    { "total_failing",             { 0, 1, 1, 9, 9 } },
    { "tenure_passing",            { 8, 8, 8, 0, 0 } },
    { "tenure_failing",            { 1, 1, 1, 9, 9 } },
    /* Hand-overs in mid-2021 and mid-2023: two cohorts those years. */
    { "cadres_working_group",      { 4, 2, 4, 2, 2 } },
    { "cadres_liaison",            { 18, 9, 18, 9, 9 } },
    { "demonstration_villages",    { 9, 9, 9, 9, 9 } },
    { "training_person_times",     { 1460, 1575, 1662, 0, 0 } },
  };

  card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-2021", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int column = collab_table_find_column (card, expected[i].column);

      if (column < 0)
        g_error ("no column %s in the scorecard", expected[i].column);
      for (guint row = 0; row < 5; row++)
        {
          gint64 value = collab_table_get_int (card, row, column);

          if (value != expected[i].values[row])
            g_error ("%s of %u: %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " expected", expected[i].column,
                     2021 + row, value, expected[i].values[row]);
        }
    }
}

/* poverty-2016 disables 666.total and 666.tenure: their columns are null. */
static void
test_scorecard_disabled_rules (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2016, 2020, "poverty-2016");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &(CollabYearRange) { 2018, 2018 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (collab_table_get_int (card, 0, collab_table_find_column (card, "pairing_years")), ==, 3);
  g_assert_true (collab_table_is_null (card, 0, collab_table_find_column (card, "total_passing")));
  g_assert_true (collab_table_is_null (card, 0, collab_table_find_column (card, "tenure_failing")));
}

/* The labour section ----------------------------------------------------- */

static CollabDataset *
labour_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "labour-scorecard.json");
  return dataset;
}

static void
test_labour (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, &error);
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, NULL, &error);
  static const CollabTestExpected yanan[] = {
    /* o-dec31 opens on 2020-12-31, o-jan1 on 2021-01-01; o-named names
     * the other program, o-nowhere no city, o-early opens in 2019. */
    { "jobs_offered",                       { 5, 7, 0, 12 } },
    /* w-lifted on 2020-12-31 and again on 2021-01-01, w-plain twice in
     * 2021: two workers over the period, not three. t-named's offer
     * names wuxi-haidong, which wins over w-yanchuan's county. */
    { "workers_transferred",                { 1, 2, 0, 2 } },
    { "workers_transferred_poverty_lifted", { 1, 1, 0, 1 } },
    /* l-ended ends on 2020-12-31, the day before 2021; w-yanchuan works
     * at the workshop of a village of Yanchuan twice; w-lifted's
     * workshop is in Haidong, and w-at-risk's employer no workshop. */
    { "workshop_workers",                   { 1, 2, 2, 3 } },
    { "workshops",                          { 1, 2, 2, 2 } },
    { "job_fairs",                          { 1, 2, 0, 3 } },
    /* A class of 40 and a record of 19 classes, 1195 trainees; the
     * classes of cadres and of no area are not labour training. */
    { "labour_training_classes",            { 0, 20, 2, 22 } },
    { "labour_training_person_times",       { 0, 1235, 60, 1295 } },
    /* Only cadre_talent trainings, with or without the area written. */
    { "training_person_times",              { 0, 600, 0, 600 } },
    /* The teacher served Yanchuan in 2020 and 2021: one person over the
     * period; the cadre in post from mid-2020 to mid-2022, one too. */
    { "professionals",                      { 1, 1, 0, 1 } },
    { "cadres_working_group",               { 1, 1, 1, 1 } },
    { "pairing_years",                      { 1, 1, 1, 3 } },
    /* Yanchuan is paired in 2020–2021 only: not covered over the period;
     * its pairing and Yanchang's of 2022, each once. */
    { "counties_covered",                   { 1, 1, 0, 0 } },
    { "pairings_county",                    { 1, 1, 1, 2 } },
  };
  static const CollabTestExpected haidong[] = {
    { "jobs_offered",                       { 0, 24, 0, 24 } },
    { "workers_transferred",                { 0, 2, 0, 2 } },
    { "workers_transferred_poverty_lifted", { 0, 1, 0, 1 } },
    { "workshop_workers",                   { 0, 1, 1, 1 } },
    { "workshops",                          { 0, 1, 1, 1 } },
    { "job_fairs",                          { 0, 1, 0, 1 } },
    { "labour_training_classes",            { 0, 0, 0, 0 } },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 6);
  g_assert_cmpuint (collab_table_get_n_rows (period), ==, 2);
  collab_test_assert_figures (card, period, "wuxi-yanan", yanan, G_N_ELEMENTS (yanan));
  collab_test_assert_figures (card, period, "wuxi-haidong", haidong, G_N_ELEMENTS (haidong));
}

/* People sent and received, and the units on each side of the pairings - */

static CollabDataset *
people_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "people-scorecard.json");
  return dataset;
}

static void
test_people (void)
{
  g_autoptr(CollabDataset) dataset = people_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, &error);
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, NULL, &error);
  g_autoptr(CollabTable) thirteenth = NULL;
  static const CollabTestExpected yanan[] = {
    /* c-twice goes in 2020 and in 2021: one person over the period;
     * c-early's first dispatch starts on 2019-12-31, the 13th plan's,
     * and the second in 2022. c-province comes from Jiangsu, not from
     * Wuxi; c-haidong goes to Haidong. Not 1 + 1 + 1 over the period. */
    { "cadres_sent",                  { 1, 1, 1, 2 } },
    /* c-in comes twice in 2021; c-province goes back to Jiangsu. */
    { "cadres_received",              { 0, 1, 0, 1 } },
    /* p-twice goes twice in 2020 and again on 2022-12-31, with p-dec31. */
    { "professionals_sent",           { 1, 0, 2, 2 } },
    /* p-in comes from Yanchang in 2020 and from Ledu (Haidong's) in
     * 2021; p-late in 2023, after the program. The short-term visit is
     * in no column. */
    { "professionals_received",       { 1, 0, 0, 1 } },
    /* Jiangyin paired with two counties, and with a village in between:
     * one unit on its side at each level. */
    { "pairings_county",              { 2, 2, 2, 2 } },
    { "pairings_county_assisting",    { 1, 1, 1, 1 } },
    { "pairings_county_assisted",     { 2, 2, 2, 2 } },
    { "pairings_village_assisting",   { 1, 1, 1, 1 } },
    /* s-jy-1 with s-yc-1 throughout and s-yc-2 from 2021; s-jy-2 with
     * s-yc-2 in 2022; s-jy-1's Haidong school is the other program's. */
    { "pairings_school",              { 1, 2, 3, 3 } },
    { "pairings_school_assisting",    { 1, 1, 2, 2 } },
    { "pairings_school_assisted",     { 1, 2, 2, 2 } },
    { "pairings_township_assisting",  { 0, 0, 0, 0 } },
  };
  static const CollabTestExpected haidong[] = {
    { "cadres_sent",                  { 0, 1, 0, 1 } },
    { "cadres_received",              { 0, 0, 0, 0 } },
    { "professionals_sent",           { 0, 0, 0, 0 } },
    { "professionals_received",       { 0, 1, 0, 1 } },
    { "pairings_school",              { 1, 1, 1, 1 } },
    { "pairings_school_assisting",    { 1, 1, 1, 1 } },
    { "pairings_school_assisted",     { 1, 1, 1, 1 } },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 4 + 3 + 3);
  collab_test_assert_figures (card, period, "wuxi-yanan", yanan, G_N_ELEMENTS (yanan));
  collab_test_assert_figures (card, period, "wuxi-haidong", haidong, G_N_ELEMENTS (haidong));

  /* The same cities in 2016–2019: c-early's dispatch of 2019 is the 13th
   * plan's, and nothing later is. */
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-yanan-13", 2019), "cadres_sent"), ==, 1);
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-yanan-13", 2018), "cadres_sent"), ==, 0);
  thirteenth = collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-yanan-13", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_test_cell (thirteenth, 0, "cadres_sent"), ==, 1);
  g_assert_cmpint (collab_test_cell (thirteenth, 0, "cadres_received"), ==, 0);
  g_assert_cmpint (collab_test_cell (thirteenth, 0, "professionals_sent"), ==, 0);
}

/* The scorecard of a period -------------------------------------------- */

/* The row of @program in a scorecard of one year, @year, and in a
 * scorecard of the period @year–@year have the same figures. */
static void
assert_one_year_period (CollabDataset *dataset,
                        GPtrArray     *findings,
                        const char    *program,
                        int            year)
{
  g_autoptr(GError) error = NULL;
  CollabYearRange years = { year, year };
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, findings, program, &years, &error);
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, findings, program, &years,
                                                                           &error);

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpuint (collab_table_get_n_rows (period), ==, 1);
  /* program, year | program, first_year, last_year; then the same. */
  g_assert_cmpuint (collab_table_get_n_columns (period), ==, collab_table_get_n_columns (card) + 1);
  g_assert_cmpint (collab_test_cell (period, 0, "first_year"), ==, year);
  g_assert_cmpint (collab_test_cell (period, 0, "last_year"), ==, year);
  g_assert_cmpint (collab_table_find_column (period, "year"), ==, -1);
  for (guint c = 2; c < collab_table_get_n_columns (card); c++)
    {
      const char *name = collab_table_get_column_name (card, c);

      g_assert_cmpstr (collab_table_get_column_name (period, c + 1), ==, name);
      g_assert_cmpint (collab_table_is_null (period, 0, c + 1), ==, collab_table_is_null (card, 0, c));
      if (!collab_table_is_null (card, 0, c) && collab_table_get_int (period, 0, c + 1) != collab_table_get_int (card, 0, c))
        g_error ("%s %d: %s is %" G_GINT64_FORMAT " for the year, %" G_GINT64_FORMAT " for the period", program, year,
                 name, collab_table_get_int (card, 0, c), collab_table_get_int (period, 0, c + 1));
    }
}

static void
test_period_of_one_year (void)
{
  g_autoptr(CollabDataset) labour = labour_dataset ();
  g_autoptr(CollabDataset) people = people_dataset ();
  g_autoptr(CollabDataset) roster = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabDataset) funds = collab_test_load_example ("wuxi-2016-2020.json");
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021-2023.json");
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (wuxi, NULL, "2023-12-31");

  for (int year = 2020; year <= 2022; year++)
    {
      assert_one_year_period (labour, NULL, "wuxi-yanan", year);
      assert_one_year_period (labour, NULL, "wuxi-haidong", year);
      assert_one_year_period (people, NULL, "wuxi-yanan", year);
    }
  for (int year = 2021; year <= 2025; year++)
    assert_one_year_period (roster, NULL, "wuxi-2021", year);
  for (int year = 2016; year <= 2020; year++)
    assert_one_year_period (funds, NULL, "wuxi-yanan-2016", year);
  for (int year = 2021; year <= 2023; year++)
    assert_one_year_period (wuxi, findings, "wuxi-2021", year);
}

/* Over a period, money and pairing-years add up; people are counted once. */
static void
test_period_sums (void)
{
  g_autoptr(CollabDataset) funds = collab_test_load_example ("wuxi-2016-2020.json");
  g_autoptr(CollabDataset) roster = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021-2023.json");
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (wuxi, NULL, "2023-12-31");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard_for_period (funds, NULL, NULL, &(CollabYearRange) { 2016, 2020 }, NULL);
  g_autoptr(CollabTable) talent = collab_dataset_get_scorecard_for_period (roster, NULL, NULL, NULL, NULL);
  g_autoptr(CollabTable) yearly = collab_dataset_get_scorecard (wuxi, findings, "wuxi-2021", NULL, NULL);
  g_autoptr(CollabTable) whole = collab_dataset_get_scorecard_for_period (wuxi, findings, "wuxi-2021", NULL, NULL);
  g_autofree char *allocated = NULL;
  gint64 violations = 0, warnings = 0;

  /* The plan's summary line from the period's row (SPEC §11.5). */
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 2);
  allocated = collab_money_format_readable (collab_test_cell (card, 0, "allocated"));
  g_assert_cmpstr (allocated, ==, "1.47亿");
  g_assert_cmpint (collab_test_cell (card, 0, "spent"), ==, collab_test_cell (card, 0, "allocated"));
  g_assert_cmpint (collab_test_cell (card, 0, "projects_funded"), ==, 218);
  g_assert_cmpint (collab_test_cell (card, 1, "projects_funded"), ==, 309);
  g_assert_cmpint (collab_test_cell (card, 1, "projects_funded_to_date"), ==, 309);
  /* By status at the end of 2020, as the 2020 row has them. */
  g_assert_cmpint (collab_test_cell (card, 1, "projects_evaluated"), ==, 309 - 83);

  /* The 666 tally over 2021–2025: each pairing-year judged alone, each
   * person once per pairing (counted independently in Python). */
  g_assert_cmpint (collab_test_cell (talent, 0, "first_year"), ==, 2021);
  g_assert_cmpint (collab_test_cell (talent, 0, "last_year"), ==, 2025);
  g_assert_cmpint (collab_test_cell (talent, 0, "pairing_years"), ==, 45);
  g_assert_cmpint (collab_test_cell (talent, 0, "total_passing"), ==, 9 + 8 + 8);
  g_assert_cmpint (collab_test_cell (talent, 0, "tenure_failing"), ==, 1 + 1 + 1 + 9 + 9);
  g_assert_cmpint (collab_test_cell (talent, 0, "professionals"), ==, 581);
  g_assert_cmpint (collab_test_cell (talent, 0, "professionals_doctor"), ==, 175);
  g_assert_cmpint (collab_test_cell (talent, 0, "professionals_served_12"), ==, 145);
  /* Three cohorts of cadres, not the sum of the years' 14 and 63. */
  g_assert_cmpint (collab_test_cell (talent, 0, "cadres_working_group"), ==, 6);
  g_assert_cmpint (collab_test_cell (talent, 0, "cadres_liaison"), ==, 27);
  g_assert_cmpint (collab_test_cell (talent, 0, "training_person_times"), ==, 1460 + 1575 + 1662);
  /* The fund base once per year. */
  g_assert_cmpint (collab_test_cell (whole, 0, "fund_base"), ==, 5 * WAN (28920));
  g_assert_cmpint (collab_test_cell (whole, 0, "fund_plan_total"), ==, WAN (144600));

  /* Every finding once, as in the years' rows. */
  for (guint r = 0; r < collab_table_get_n_rows (yearly); r++)
    {
      violations += collab_test_cell (yearly, r, "violations");
      warnings += collab_test_cell (yearly, r, "warnings");
    }
  g_assert_cmpint (violations, >, 0);
  g_assert_cmpint (collab_test_cell (whole, 0, "violations"), ==, violations);
  g_assert_cmpint (collab_test_cell (whole, 0, "warnings"), ==, warnings);
}

/* A period is cut to the years of each program; a program outside it has
 * no row. */
static void
test_period_clipped (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) early = collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-yanan", &(CollabYearRange) { 2016, 2021 }, &error);
  g_autoptr(CollabTable) later = collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, &(CollabYearRange) { 2023, 2025 }, &error);
  g_autoptr(CollabTable) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (early), ==, 1);
  g_assert_cmpint (collab_test_cell (early, 0, "first_year"), ==, 2020);
  g_assert_cmpint (collab_test_cell (early, 0, "last_year"), ==, 2021);
  g_assert_cmpint (collab_test_cell (early, 0, "jobs_offered"), ==, 5 + 7);
  g_assert_cmpuint (collab_table_get_n_rows (later), ==, 0);
  g_assert_cmpint (collab_table_find_column (later, "jobs_offered"), >, 0);

  none = collab_dataset_get_scorecard_for_period (dataset, NULL, "nope", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
}

/* collab report --years --------------------------------------------------- */

static void
test_cli_years (void)
{
  g_autoptr(CollabDataset) dataset = labour_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "collab-test-scorecard-XXXXXX.json", NULL);
  g_autofree char *text = NULL, *json = NULL, *csv = NULL, *yearly = NULL, *none = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonArray *rows;
  JsonObject *yanan;
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (collab_dataset_save_to_file (dataset, path, &error));
  g_assert_no_error (error);

  /* Text: one column for the period, headed by it. */
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2020-2022 --program wuxi-yanan", "DATA", path, &text),
                   ==, 0);
  g_assert_nonnull (strstr (text, "Period"));
  g_assert_nonnull (strstr (text, "2020–2022"));
  g_assert_true (g_regex_match_simple ("Workers placed away from home +2\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Local jobs in workshops +3\n", text, 0, 0));

  /* JSON: the machine names, first_year and last_year for year. */
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2020-2022 --format json", "DATA", path, &json), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "scorecard");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  yanan = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (yanan, "program"), ==, "wuxi-yanan");
  g_assert_cmpint (json_object_get_int_member (yanan, "first_year"), ==, 2020);
  g_assert_cmpint (json_object_get_int_member (yanan, "last_year"), ==, 2022);
  g_assert_false (json_object_has_member (yanan, "year"));
  g_assert_cmpint (json_object_get_int_member (yanan, "workers_transferred"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (yanan, "labour_training_person_times"), ==, 1295);

  /* CSV: labelled for people; a year alone is a period too. */
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2021 --format csv", "DATA", path, &csv), ==, 0);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFProgram,First year,Last year,"));
  g_assert_nonnull (strstr (lines[0], ",Jobs offered,Workers placed away from home,"));
  g_assert_true (g_str_has_prefix (lines[1], "wuxi-yanan,2021,2021,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + 1);

  /* --year as before. */
  g_assert_cmpint (collab_test_run_cli ("report DATA --year 2021 --format json", "DATA", path, &yearly), ==, 0);
  g_assert_nonnull (strstr (yearly, "\"year\" : 2021"));

  /* Bad usage: both, or not a period. */
  g_assert_cmpint (collab_test_run_cli ("report DATA --year 2021 --years 2020-2022", "DATA", path, &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2022-2020", "DATA", path, &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2020-", "DATA", path, &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (collab_test_run_cli ("report DATA --years 2020-2021-2022", "DATA", path, &none), ==, 2);

  g_unlink (path);
}

/* --- the annual agreements (SPEC §11.2) --------------------------------
 * tests/data/agreements.json: zh agreed 1200万, 2 professionals and 2
 * cadres with Yan'an for 2021 and 500万 with Haidong; 1200万 and 1 cadre
 * for 2022; 1200万 and 1 professional for 2023. The actuals are the
 * rules' (test-rule-agreement.c says who counts). */

static void
assert_null (CollabTable *card,
             guint        row,
             const char  *name)
{
  g_assert_true (collab_table_is_null (card, row, collab_test_column (card, name)));
}

static void
assert_agreement_row (CollabTable *card,
                      guint        row,
                      gint64       agreed_funds,
                      gint64       agreed_professionals,
                      gint64       agreed_cadres,
                      gint64       allocated,
                      gint64       professionals,
                      gint64       cadres)
{
  g_assert_cmpint (collab_test_cell (card, row, "agreed_funds"), ==, agreed_funds);
  if (agreed_professionals < 0)
    assert_null (card, row, "agreed_professionals");
  else
    g_assert_cmpint (collab_test_cell (card, row, "agreed_professionals"), ==, agreed_professionals);
  if (agreed_cadres < 0)
    assert_null (card, row, "agreed_cadres");
  else
    g_assert_cmpint (collab_test_cell (card, row, "agreed_cadres"), ==, agreed_cadres);
  g_assert_cmpint (collab_test_cell (card, row, "agreement_allocated"), ==, allocated);
  g_assert_cmpint (collab_test_cell (card, row, "agreement_professionals"), ==, professionals);
  g_assert_cmpint (collab_test_cell (card, row, "agreement_cadres"), ==, cadres);
}

static void
test_agreements (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("wuxi-mini.json");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(CollabTable) whole = NULL;
  const char *columns[] = {
    "agreed_funds", "agreed_professionals", "agreed_cadres",
    "agreement_allocated", "agreement_professionals", "agreement_cadres",
  };

  collab_test_merge_fixture (dataset, "agreements.json");
  card = collab_dataset_get_scorecard (dataset, NULL, NULL, NULL, NULL);

  /* Haidong's 2021 names no people: the agreed people are Yan'an's, the
   * actuals both cities'. */
  assert_agreement_row (card, collab_test_row_of (card, "zh", 2021), WAN (1700), 2, 2, WAN (1700), 2 + 1, 2 + 1);
  assert_agreement_row (card, collab_test_row_of (card, "zh", 2022), WAN (1200), -1, 1, WAN (1200), 0, 1);
  assert_agreement_row (card, collab_test_row_of (card, "zh", 2023), WAN (1200), 1, -1, 0, 0, 1);
  /* No agreement: nothing agreed and nothing measured. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      assert_null (card, collab_test_row_of (card, "zh", 2024), columns[i]);
      assert_null (card, collab_test_row_of (card, "other", 2021), columns[i]);
    }

  /* A period adds its agreement years; k2, in post in 2021, 2022 and
   * 2023, counts in each, as the rule counts him. */
  whole = collab_dataset_get_scorecard_for_period (dataset, NULL, "zh", NULL, NULL);
  g_assert_cmpuint (collab_table_get_n_rows (whole), ==, 1);
  assert_agreement_row (whole, 0, WAN (4100), 3, 3, WAN (2900), 3, 5);
}

/* 666.county_mix names its program (SPEC §10): each program's rows count
 * the findings of its own counties, not those of the other program of
 * the dataset (3 in Yan'an, 6 in Haidong, not 9 each). The money of
 * 2016-2020 alone, with no professional sent, fails every county-year. */
static void
test_county_mix_by_program (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-funds-2016-2020.json");
  g_autoptr(GPtrArray) findings = collab_test_check_as_of (dataset, NULL, "2020-12-31");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, findings, NULL, NULL, NULL);
  gint64 counted = 0, found = 0;

  for (guint i = 0; i < findings->len; i++)
    found += g_str_equal (collab_finding_get_rule (g_ptr_array_index (findings, i)), "666.county_mix");
  for (guint r = 0; r < collab_table_get_n_rows (card); r++)
    counted += collab_test_cell (card, r, "findings.666.county_mix");
  g_assert_cmpint (found, >, 0);
  g_assert_cmpint (counted, ==, found);
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-yanan-2016", 2016), "findings.666.county_mix"),
                   ==, 3);
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-haidong-2016", 2016), "findings.666.county_mix"),
                   ==, 6);
}

/* The funds columns: allocations past int64 fen are an error naming the
 * first column that shows them — here the years up to 2022 together,
 * while 2022 alone fits — and a row without them has its figures. */
static void
test_funds_overflow (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(CollabTable) card = NULL;
  g_autoptr(GError) error = NULL;

  collab_test_merge_members (dataset, "\"transactions\": [{\"id\": \"big\", \"type\": \"allocation\", "
                                      "\"to\": \"acc-yanan\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ", "
                                      "\"date\": \"2022-04-01\", \"program\": \"p\"}]");
  card = collab_dataset_get_scorecard (dataset, NULL, "p", &(CollabYearRange) { 2022, 2022 }, &error);
  g_assert_null (card);
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "The column “Allocated to date (yuan)” of program p in 2022 adds up to more "
                                       "than libcollab can count (92233720368547758.07 yuan); correct the amounts "
                                       "it adds up.");
  g_clear_error (&error);

  card = collab_dataset_get_scorecard (dataset, NULL, "p", &(CollabYearRange) { 2021, 2021 }, &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_test_cell (card, 0, "allocated_to_date"), ==, WAN (1000));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/scorecard/funds/summary-2016-2020", test_summary_2016_2020);
  g_test_add_func ("/collab/scorecard/funds/summary-one-row", test_summary_one_row);
  g_test_add_func ("/collab/scorecard/funds/2021", test_funds_2021);
  g_test_add_func ("/collab/scorecard/funds/no-money", test_columns_without_funds);
  g_test_add_func ("/collab/scorecard/talent/example-roster", test_example_scorecard);
  g_test_add_func ("/collab/scorecard/talent/disabled-rules", test_scorecard_disabled_rules);
  g_test_add_func ("/collab/scorecard/labour", test_labour);
  g_test_add_func ("/collab/scorecard/people", test_people);
  g_test_add_func ("/collab/scorecard/period/one-year", test_period_of_one_year);
  g_test_add_func ("/collab/scorecard/period/sums", test_period_sums);
  g_test_add_func ("/collab/scorecard/period/clipped", test_period_clipped);
  g_test_add_func ("/collab/scorecard/cli/years", test_cli_years);
  g_test_add_func ("/collab/scorecard/agreements", test_agreements);
  g_test_add_func ("/collab/scorecard/county-mix-by-program", test_county_mix_by_program);
  g_test_add_func ("/collab/scorecard/funds-overflow", test_funds_overflow);

  return g_test_run ();
}
