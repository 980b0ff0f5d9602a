/* test-scorecard.c: the scorecard (report/collab-scorecard*.c, collab_dataset_get_scorecard)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The funds section first: the 2016–2020 summary lines of the Wuxi plan, reproduced from the
 * records of examples/data/wuxi-2016-2020.json — "累计安排对口延安财政帮扶
 * 资金1.47亿元，实施扶贫项目218个；对口海东财政帮扶资金7.82亿元，实施扶贫项目
 * 309个" — and the 2021 funds of examples/data/wuxi-funds-2021.json. Then
 * the talent section: the example roster of examples/data/, and a
 * program whose rule set disables the rules a column reports.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define WAN COLLAB_TEST_WAN

static int
column (CollabTable *table,
        const char  *name)
{
  int c = collab_table_find_column (table, name);

  if (c < 0)
    g_error ("the scorecard has no column %s", name);
  return c;
}

static gint64
cell (CollabTable *table,
      guint        row,
      const char  *name)
{
  int c = column (table, name);

  g_assert_false (collab_table_is_null (table, row, c));
  return collab_table_get_int (table, row, c);
}

static guint
row_of (CollabTable *table,
        const char  *program,
        int          year)
{
  int p = column (table, "program"), y = column (table, "year");

  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    if (g_str_equal (collab_table_get_string (table, r, p), program) && collab_table_get_int (table, r, y) == year)
      return r;
  g_error ("no row for %s %d", program, year);
  return 0;
}

static void
assert_summary_line (CollabTable *card,
                     const char  *program,
                     const char  *money,
                     guint        projects)
{
  guint last = row_of (card, program, 2020);
  g_autofree char *allocated = collab_money_format_readable (cell (card, last, "allocated_to_date"));
  g_autofree char *transferred = collab_money_format_readable (cell (card, last, "transferred_to_date"));
  g_autofree char *spent = collab_money_format_readable (cell (card, last, "spent_to_date"));
  gint64 funded = 0, allocated_sum = 0;

  g_assert_cmpstr (allocated, ==, money);
  g_assert_cmpstr (transferred, ==, money);
  g_assert_cmpstr (spent, ==, money);
  g_assert_cmpint (cell (card, last, "projects_funded_to_date"), ==, projects);

  /* Each project is funded in one year: the years add up to the same. */
  for (int year = 2016; year <= 2020; year++)
    {
      guint r = row_of (card, program, year);

      funded += cell (card, r, "projects_funded");
      allocated_sum += cell (card, r, "allocated");
    }
  g_assert_cmpint (funded, ==, projects);
  g_assert_cmpint (allocated_sum, ==, cell (card, last, "allocated_to_date"));
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
  first = row_of (card, "wuxi-yanan-2016", 2016);
  g_assert_cmpint (cell (card, first, "allocated"), ==, WAN (1500));
  g_assert_cmpint (cell (card, first, "projects_funded"), ==, 30);
  g_assert_true (collab_table_is_null (card, first, column (card, "fund_base")));
  g_assert_true (collab_table_is_null (card, first, column (card, "fund_plan_total")));
}

static void
test_summary_one_row (void)
{
  /* The summary line from one row, as `collab report --program --year`. */
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2016-2020.json");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-haidong-2016", &(CollabYearRange) { 2020, 2020 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (cell (card, 0, "allocated_to_date"), ==, WAN (78200));
  g_assert_cmpint (cell (card, 0, "projects_funded_to_date"), ==, 309);
  /* All completed by the end of 2020; those of 2016–2019 evaluated. */
  g_assert_cmpint (cell (card, 0, "projects_completed") + cell (card, 0, "projects_evaluated"), ==, 309);
  g_assert_cmpint (cell (card, 0, "projects_evaluated"), ==, 309 - 83);
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
  r2021 = row_of (card, "wuxi-2021", 2021);
  r2022 = row_of (card, "wuxi-2021", 2022);

  /* Against the base of both cities: 1920万 + 27000万 a year. */
  g_assert_cmpint (cell (card, r2021, "fund_base"), ==, WAN (28920));
  g_assert_cmpint (cell (card, r2021, "fund_plan_total"), ==, WAN (144600));
  g_assert_cmpint (cell (card, r2021, "allocated"), ==, WAN (28920));
  g_assert_cmpint (cell (card, r2021, "transferred"), ==, WAN (28920));
  g_assert_cmpint (cell (card, r2021, "spent"), ==, WAN (17352));
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    by_category += cell (card, r2021, categories[c]);
  g_assert_cmpint (by_category, ==, WAN (17352));
  g_assert_cmpint (cell (card, r2021, "projects_funded"), ==, 24);
  g_assert_cmpint (cell (card, r2021, "projects_implementing"), ==, 24);

  /* Nothing new in 2022; what was done stays done. */
  g_assert_cmpint (cell (card, r2022, "allocated"), ==, 0);
  g_assert_cmpint (cell (card, r2022, "allocated_to_date"), ==, WAN (28920));
  g_assert_cmpint (cell (card, r2022, "projects_funded"), ==, 0);
  g_assert_cmpint (cell (card, r2022, "projects_funded_to_date"), ==, 24);
}

static void
test_columns_without_funds (void)
{
  /* A dataset with no money still has the columns, with zeros. */
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &(CollabYearRange) { 2021, 2021 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (cell (card, 0, "fund_base"), ==, WAN (28920));
  g_assert_cmpint (cell (card, 0, "allocated"), ==, 0);
  g_assert_cmpint (cell (card, 0, "projects_funded_to_date"), ==, 0);
  g_assert_cmpint (collab_table_get_column_type (card, column (card, "spent")), ==, COLLAB_COLUMN_TYPE_AMOUNT);
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

  return g_test_run ();
}
