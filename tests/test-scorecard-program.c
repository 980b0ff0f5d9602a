/* test-scorecard-program.c: the scorecard's consumption, industry, donation, event, task and initiative columns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * report/collab-scorecard-cooperation.c and collab-scorecard-plan.c on
 * tests/data/scorecard-program.json merged into wuxi-mini.json: programs
 * wuxi-yanan and wuxi-haidong of 2020–2022, and wuxi-yanan-next of
 * 2023–2025 assisting Yan'an again. Every figure is checked for each year
 * and for the period 2020–2022, where enterprises count once and tasks
 * stand as at its end; then sums beyond int64, the column names and their
 * labels.
 */

#include <libcollab/collab.h>

#include "collab-test-scorecard.h"

#define WAN COLLAB_TEST_WAN
#define YUAN(n) ((gint64) (n) * 100)

static CollabDataset *
program_dataset (void)
{
  CollabDataset *dataset = collab_test_load_fixture ("wuxi-mini.json");

  collab_test_merge_fixture (dataset, "scorecard-program.json");
  return dataset;
}

/* Purchases, shops, investments and donations. */
static void
test_cooperation (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  g_autoptr(GError) error = NULL;
  CollabYearRange years = { 2020, 2022 };
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &years, &error);
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, &years, &error);
  static const CollabTestExpected yanan[] = {
    /* pu-2019 is of 2019-12-31, pu-jan1 of 2020-01-01, pu-dec31 of
     * 2022-12-31 (from a village of Yanchang: no program, the region
     * says); pu-other comes from Yanchuan but names wuxi-haidong, and
     * pu-next is of 2023, the next program's. */
    { "consumption",               { YUAN (1000), YUAN (2000), YUAN (500), YUAN (3500) } },
    { "consumption_beneficiaries", { 10, 20, 0, 30 } },
    { "consumption_canteen",       { YUAN (1000), 0, 0, YUAN (1000) } },
    { "consumption_ecommerce",     { 0, YUAN (2000), 0, YUAN (2000) } },
    { "consumption_union",         { 0, 0, YUAN (500), YUAN (500) } },
    { "consumption_fair",          { 0, 0, 0, 0 } },
    { "consumption_supermarket",   { 0, 0, 0, 0 } },
    /* A shop for Yan'an and one for Yanchuan, every year; shop-none
     * serves no city. */
    { "shops",                     { 2, 2, 2, 2 } },
    /* e-a invests in 2020 and twice in 2021, e-b in 2021 (and in 2019,
     * before the program): two enterprises over the period. */
    { "enterprises_settled",       { 1, 2, 0, 2 } },
    { "investment",                { WAN (10000), WAN (26000), 0, WAN (36000) } },
    /* do-2019 is of 2019-12-31; do-village goes to a village under
     * Yanchuan on 2022-12-31. */
    { "donations_cash",            { WAN (10), 0, WAN (5), WAN (15) } },
    { "donations_in_kind",         { 0, WAN (20), 0, WAN (20) } },
  };
  static const CollabTestExpected haidong[] = {
    { "consumption",               { 0, YUAN (700), 0, YUAN (700) } },
    { "consumption_fair",          { 0, YUAN (700), 0, YUAN (700) } },
    { "consumption_beneficiaries", { 0, 0, 0, 0 } },
    { "shops",                     { 1, 1, 1, 1 } },
    { "enterprises_settled",       { 0, 0, 1, 1 } },
    { "investment",                { 0, 0, WAN (3000), WAN (3000) } },
    { "donations_cash",            { 0, 0, 0, 0 } },
    { "donations_in_kind",         { 0, WAN (8), 0, WAN (8) } },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 6);
  g_assert_cmpuint (collab_table_get_n_rows (period), ==, 2);
  collab_test_assert_figures (card, period, "wuxi-yanan", yanan, G_N_ELEMENTS (yanan));
  collab_test_assert_figures (card, period, "wuxi-haidong", haidong, G_N_ELEMENTS (haidong));
}

/* The next program of the same city counts its own years only. */
static void
test_next_program (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-yanan-next", NULL, NULL);
  guint first = collab_test_row_of (card, "wuxi-yanan-next", 2023);
  guint second = collab_test_row_of (card, "wuxi-yanan-next", 2024);

  g_assert_cmpint (collab_test_cell (card, first, "consumption"), ==, YUAN (300));
  g_assert_cmpint (collab_test_cell (card, first, "consumption_supermarket"), ==, YUAN (300));
  g_assert_cmpint (collab_test_cell (card, first, "consumption_beneficiaries"), ==, 3);
  g_assert_cmpint (collab_test_cell (card, first, "donations_cash"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, second, "consumption"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, second, "shops"), ==, 2);
  g_assert_cmpint (collab_test_cell (card, second, "tasks"), ==, 0);
  g_assert_cmpint (collab_test_cell (card, second, "tasks_unreported"), ==, 0);
}

/* Events by kind, plan tasks by their latest report, key initiatives. */
static void
test_plan (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  g_autoptr(GError) error = NULL;
  CollabYearRange years = { 2020, 2022 };
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &years, &error);
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, &years, &error);
  static const CollabTestExpected yanan[] = {
    /* ev-2019 is of 2019-12-31, ev-meeting of 2020-01-01. */
    { "events_joint_meeting",     { 1, 0, 0, 1 } },
    { "events_visit",             { 0, 1, 0, 1 } },
    { "events_job_fair",          { 0, 1, 1, 2 } },
    { "job_fairs",                { 0, 1, 1, 2 } },
    { "events_park_meeting",      { 0, 0, 0, 0 } },
    { "events_other",             { 0, 0, 0, 0 } },
    /* t1: in progress in 2020, done in 2021 (the reports listed the
     * other way round); t2: a report of 2022 only, unreported before;
     * t3: not started in 2019, and two reports of 2021, the later one
     * done; t4: no report. */
    { "tasks",                    { 4, 4, 4, 4 } },
    { "tasks_not_started",        { 1, 0, 1, 1 } },
    { "tasks_in_progress",        { 1, 0, 0, 0 } },
    { "tasks_done",               { 0, 2, 2, 2 } },
    { "tasks_unreported",         { 2, 2, 1, 1 } },
    /* i-2019 is of the year before; i-2021-bare has no document. */
    { "initiatives",              { 1, 2, 0, 3 } },
    { "initiatives_without_plan", { 0, 1, 0, 1 } },
  };
  static const CollabTestExpected haidong[] = {
    { "events_park_meeting",      { 0, 0, 1, 1 } },
    { "events_joint_meeting",     { 0, 0, 0, 0 } },
    { "tasks",                    { 1, 1, 1, 1 } },
    { "tasks_unreported",         { 1, 1, 1, 1 } },
    { "tasks_done",               { 0, 0, 0, 0 } },
    { "initiatives",              { 0, 0, 0, 0 } },
  };

  g_assert_no_error (error);
  collab_test_assert_figures (card, period, "wuxi-yanan", yanan, G_N_ELEMENTS (yanan));
  collab_test_assert_figures (card, period, "wuxi-haidong", haidong, G_N_ELEMENTS (haidong));
}

/* A period inside the program's: 2020–2021 stands as at the end of 2021. */
static void
test_inner_period (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  CollabYearRange years = { 2020, 2021 };
  g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-yanan", &years,
                                                                           NULL);

  g_assert_cmpuint (collab_table_get_n_rows (period), ==, 1);
  g_assert_cmpint (collab_test_cell (period, 0, "enterprises_settled"), ==, 2);
  g_assert_cmpint (collab_test_cell (period, 0, "investment"), ==, WAN (36000));
  g_assert_cmpint (collab_test_cell (period, 0, "consumption"), ==, YUAN (3000));
  g_assert_cmpint (collab_test_cell (period, 0, "tasks_done"), ==, 2);
  g_assert_cmpint (collab_test_cell (period, 0, "tasks_unreported"), ==, 2);
  g_assert_cmpint (collab_test_cell (period, 0, "initiatives"), ==, 3);
}

/* A period of one year is that year's row, for every column. */
static void
test_one_year_period (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();

  for (int year = 2020; year <= 2022; year++)
    {
      CollabYearRange years = { year, year };
      g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-yanan", &years, NULL);
      g_autoptr(CollabTable) period = collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-yanan", &years,
                                                                               NULL);

      for (guint c = 2; c < collab_table_get_n_columns (card); c++)
        if (!collab_table_is_null (card, 0, c))
          g_assert_cmpint (collab_table_get_int (card, 0, c), ==, collab_table_get_int (period, 0, c + 1));
    }
}

/* Overflow: the scorecard of @years (a period with @period) of
 * wuxi-haidong fails with the error that names @label and @years_text,
 * or with @label NULL succeeds. */
static void
assert_overflow (CollabDataset *dataset,
                 int            first,
                 int            last,
                 gboolean       period,
                 const char    *label,
                 const char    *years_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabTable) card = NULL;
  g_autofree char *message = NULL;
  CollabYearRange years = { first, last };

  card = period ? collab_dataset_get_scorecard_for_period (dataset, NULL, "wuxi-haidong", &years, &error)
                : collab_dataset_get_scorecard (dataset, NULL, "wuxi-haidong", &years, &error);
  if (label == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (card);
      return;
    }
  g_assert_null (card);
  g_assert_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW);
  message = g_strdup_printf ("The column “%s” of program wuxi-haidong in %s adds up to more than libcollab can "
                             "count (92233720368547758.07 yuan); correct the amounts it adds up.", label, years_text);
  g_assert_cmpstr (error->message, ==, message);
}

/* A sum beyond int64 fen is an error naming the column, the program and
 * the years: never a wrap to a small or negative figure, nor a sum held
 * at the limit; a row whose years each fit may still not, over a period.
 * The largest amount itself fits. */
static void
test_overflow (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  g_autoptr(CollabTable) card = NULL;
  const char *donations =
    "\"donations\": ["
    " {\"id\": \"big-1\", \"to\": \"haidong\", \"form\": \"cash\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2021-02-01\"},"
    " {\"id\": \"big-2\", \"to\": \"haidong\", \"form\": \"cash\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2022-02-01\"}]";
  const char *investments =
    "\"investments\": ["
    " {\"id\": \"big-3\", \"enterprise\": \"e-a\", \"county\": \"pingan\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2020-02-01\"},"
    " {\"id\": \"big-4\", \"enterprise\": \"e-a\", \"county\": \"pingan\", \"amount\": " COLLAB_TEST_MOST_AMOUNT ","
    "  \"date\": \"2020-02-02\"}]";
  const char *purchases =
    "\"purchases\": ["
    " {\"id\": \"big-5\", \"origin\": \"ledu\", \"product\": \"x\", \"channel\": \"other\","
    "  \"amount\": " COLLAB_TEST_MOST_AMOUNT ", \"date\": \"2020-02-01\"},"
    " {\"id\": \"big-6\", \"origin\": \"ledu\", \"product\": \"x\", \"channel\": \"other\", \"amount\": \"1.00\","
    "  \"date\": \"2020-03-01\"}]";

  /* Each year's donations fit; their period does not. */
  collab_test_merge_members (dataset, donations);
  card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-haidong", NULL, NULL);
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-haidong", 2021), "donations_cash"), ==,
                   G_MAXINT64);
  g_assert_cmpint (collab_test_cell (card, collab_test_row_of (card, "wuxi-haidong", 2022), "donations_cash"), ==,
                   G_MAXINT64);
  assert_overflow (dataset, 2020, 2022, TRUE, "Donations in cash (yuan)", "2020–2022");
  assert_overflow (dataset, 2021, 2022, TRUE, "Donations in cash (yuan)", "2021–2022");
  assert_overflow (dataset, 2020, 2021, TRUE, NULL, NULL);
  /* Without a place for the error, still no table. */
  g_assert_null (collab_dataset_get_scorecard_for_period (dataset, NULL, NULL, NULL, NULL));

  /* Two investments of one year: that year's row, and only it. */
  collab_test_merge_members (dataset, investments);
  assert_overflow (dataset, 2020, 2022, FALSE, "Investment (yuan)", "2020");
  assert_overflow (dataset, 2021, 2022, FALSE, NULL, NULL);

  /* The first column that does not fit is named. */
  collab_test_merge_members (dataset, purchases);
  assert_overflow (dataset, 2020, 2020, FALSE, "Consumption (yuan)", "2020");
}

/* The names are a contract: programs key on them. */
static void
test_columns (void)
{
  g_autoptr(CollabDataset) dataset = program_dataset ();
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, "wuxi-yanan", NULL, NULL);
  static const struct
  {
    const char       *name;
    CollabColumnType  type;
    const char       *label;
  } columns[] = {
    { "consumption", COLLAB_COLUMN_TYPE_AMOUNT, "Consumption (yuan)" },
    { "consumption_beneficiaries", COLLAB_COLUMN_TYPE_INT, "Poverty-lifted people helped by consumption" },
    { "consumption_canteen", COLLAB_COLUMN_TYPE_AMOUNT, "Consumption: canteens (yuan)" },
    { "consumption_supermarket", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "consumption_counter", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "consumption_ecommerce", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "consumption_fair", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "consumption_union", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "consumption_other", COLLAB_COLUMN_TYPE_AMOUNT, NULL },
    { "shops", COLLAB_COLUMN_TYPE_INT, "Direct-sale shops" },
    { "enterprises_settled", COLLAB_COLUMN_TYPE_INT, "Enterprises settled" },
    { "investment", COLLAB_COLUMN_TYPE_AMOUNT, "Investment (yuan)" },
    { "donations_cash", COLLAB_COLUMN_TYPE_AMOUNT, "Donations in cash (yuan)" },
    { "donations_in_kind", COLLAB_COLUMN_TYPE_AMOUNT, "Donations in kind (yuan)" },
    { "events_joint_meeting", COLLAB_COLUMN_TYPE_INT, "Events: joint meetings" },
    { "events_visit", COLLAB_COLUMN_TYPE_INT, NULL },
    { "events_park_meeting", COLLAB_COLUMN_TYPE_INT, NULL },
    { "events_job_fair", COLLAB_COLUMN_TYPE_INT, NULL },
    { "events_training_class", COLLAB_COLUMN_TYPE_INT, NULL },
    { "events_expo", COLLAB_COLUMN_TYPE_INT, NULL },
    { "events_other", COLLAB_COLUMN_TYPE_INT, NULL },
    { "tasks", COLLAB_COLUMN_TYPE_INT, "Plan tasks" },
    { "tasks_not_started", COLLAB_COLUMN_TYPE_INT, NULL },
    { "tasks_in_progress", COLLAB_COLUMN_TYPE_INT, NULL },
    { "tasks_done", COLLAB_COLUMN_TYPE_INT, "Tasks done" },
    { "tasks_unreported", COLLAB_COLUMN_TYPE_INT, NULL },
    { "initiatives", COLLAB_COLUMN_TYPE_INT, "Key initiatives" },
    { "initiatives_without_plan", COLLAB_COLUMN_TYPE_INT, NULL },
  };
  int first = collab_test_column (card, "consumption");

  /* In this order, together. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *label = collab_table_get_column_label (card, first + i);

      g_assert_cmpstr (collab_table_get_column_name (card, first + i), ==, columns[i].name);
      g_assert_cmpint (collab_table_get_column_type (card, first + i), ==, columns[i].type);
      /* Every one has a label of its own. */
      g_assert_cmpstr (label, !=, columns[i].name);
      if (columns[i].label != NULL)
        g_assert_cmpstr (label, ==, columns[i].label);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/scorecard/program/cooperation", test_cooperation);
  g_test_add_func ("/collab/scorecard/program/next-program", test_next_program);
  g_test_add_func ("/collab/scorecard/program/plan", test_plan);
  g_test_add_func ("/collab/scorecard/program/inner-period", test_inner_period);
  g_test_add_func ("/collab/scorecard/program/one-year-period", test_one_year_period);
  g_test_add_func ("/collab/scorecard/program/overflow", test_overflow);
  g_test_add_func ("/collab/scorecard/program/columns", test_columns);

  return g_test_run ();
}
