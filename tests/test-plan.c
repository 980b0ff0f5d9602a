/* test-plan.c: the table of 666 plans (report/collab-plan.c, collab_checker_plan(), `collab plan`)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A row per pairing-year: who was counted, by profession and by tenure
 * tier, which of 666.total, 666.tenure and 666.mix pass, and the
 * dispatches that would close the shortfall; under the checker's rule
 * set, as-of day and reading. On tests/data/roster-2022.json and the
 * example roster of examples/data/, and through the command. That the
 * plans are the smallest is test-talent-plan.c's.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

/* --- collab_checker_plan() -------------------------------------------- */

static gint64
cell (CollabTable *table,
      guint        row,
      const char  *column)
{
  int c = collab_table_find_column (table, column);

  g_assert_cmpint (c, >=, 0);
  g_assert_false (collab_table_is_null (table, row, c));
  return collab_table_get_int (table, row, c);
}

static const char *
text (CollabTable *table,
      guint        row,
      const char  *column)
{
  int c = collab_table_find_column (table, column);

  g_assert_cmpint (c, >=, 0);
  return collab_table_get_string (table, row, c);
}

static void
test_plan_table (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_roster_2022_dataset ();
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const columns[] = {
    "program", "pairing", "assisting", "assisted", "year", "interpretation", "counted", "projected",
    "teachers", "doctors", "agriculture_or_other", "short_other", "served_12", "served_6", "served_1",
    "total_ok", "tenure_ok", "mix_ok", "mix_adjusted",
    "add_teacher_12", "add_teacher_6", "add_teacher_1", "add_doctor_12", "add_doctor_6", "add_doctor_1",
    "add_agriculture_or_other_12", "add_agriculture_or_other_6", "add_agriculture_or_other_1",
    "add_total", "plan",
  };
  gint64 added = 0;

  collab_checker_set_as_of (checker, collab_day_new (2022, 6, 30));
  table = collab_checker_plan (checker, dataset, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (collab_table_get_n_columns (table), ==, G_N_ELEMENTS (columns));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_assert_cmpstr (collab_table_get_column_name (table, c), ==, columns[c]);

  /* p1 2022, p1 2023, p2 2022 (its own period). */
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (text (table, 0, "pairing"), ==, "p1");
  g_assert_cmpint (cell (table, 0, "year"), ==, 2022);
  g_assert_cmpstr (text (table, 0, "interpretation"), ==, "nested");
  /* t1..t4, d1, d2, a1 counted (a2 served under a month). */
  g_assert_cmpint (cell (table, 0, "counted"), ==, 7);
  g_assert_cmpint (cell (table, 0, "projected"), ==, 4);   /* e1, e2, e3, e5 end after 06-30 */
  g_assert_cmpint (cell (table, 0, "teachers"), ==, 4);
  g_assert_cmpint (cell (table, 0, "doctors"), ==, 2);
  g_assert_cmpint (cell (table, 0, "agriculture_or_other"), ==, 1);
  g_assert_cmpint (cell (table, 0, "short_other"), ==, 1);
  g_assert_cmpint (cell (table, 0, "served_12"), ==, 1);
  g_assert_cmpint (cell (table, 0, "served_6"), ==, 3);    /* e1, e3, e5; e2 serves 5 months */
  g_assert_cmpint (cell (table, 0, "served_1"), ==, 6);    /* e4 serves 19 days */
  g_assert_false (cell (table, 0, "total_ok"));
  g_assert_false (cell (table, 0, "mix_adjusted"));
  g_assert_cmpint (cell (table, 0, "add_total"), ==, 12);  /* max (11, 2 + 4 + 5, 2 + 6 + 12) */
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (g_str_has_prefix (columns[c], "add_") && !g_str_equal (columns[c], "add_total"))
      added += cell (table, 0, columns[c]);
  g_assert_cmpint (added, ==, 12);
  g_assert_true (g_str_has_prefix (text (table, 0, "plan"), "add "));

  g_assert_cmpstr (text (table, 2, "pairing"), ==, "p2");
  g_assert_cmpint (cell (table, 2, "counted"), ==, 1);

  /* A year; a reading; a program that does not exist. */
  g_clear_object (&table);
  collab_checker_set_interpretation (checker, COLLAB_INTERPRETATION_BANDED);
  table = collab_checker_plan (checker, dataset, "prog", &(CollabYearRange) { 2023, 2023 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (text (table, 0, "interpretation"), ==, "banded");
  g_assert_cmpint (cell (table, 0, "add_total"), ==, 18);

  g_clear_object (&table);
  table = collab_checker_plan (checker, dataset, "nope", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
}

/* A rule set that disables rules: their columns are null and nothing is
 * planned for them. */
static void
test_plan_ruleset (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_roster_2022_dataset ();
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) set = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GError) error = NULL;

  collab_ruleset_set_enabled (set, "666.tenure", FALSE);
  collab_ruleset_set_enabled (set, "666.mix", FALSE);
  collab_ruleset_set_int (set, "666.total", "total", 10);
  collab_checker_set_ruleset (checker, set);
  g_assert_true (collab_checker_get_ruleset (checker) == set);
  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));

  table = collab_checker_plan (checker, dataset, NULL, &(CollabYearRange) { 2022, 2022 }, &error);
  g_assert_no_error (error);
  g_assert_true (collab_table_is_null (table, 0, collab_table_find_column (table, "tenure_ok")));
  g_assert_true (collab_table_is_null (table, 0, collab_table_find_column (table, "mix_ok")));
  /* 7 counted of 10: 3 more, for a month, to the smallest groups. */
  g_assert_cmpint (cell (table, 0, "add_total"), ==, 3);
  g_assert_cmpint (cell (table, 0, "add_agriculture_or_other_1") + cell (table, 0, "add_doctor_1"), ==, 3);
  g_assert_cmpstr (text (table, 0, "plan"), ==, "add 1 doctor for ≥ 1 month and 2 agriculture-or-other professionals for ≥ 1 month");
}

/* A program that names a rule set that is not shipped: the plan fails as
 * the check does, with the same error, unless the checker has a rule set
 * of its own. */
static void
test_plan_ruleset_not_shipped (void)
{
  g_autofree char *roster = collab_test_fixture_contents ("roster-2022.json");
  g_autoptr(GString) json = g_string_new (roster);
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) set = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) plan_error = NULL;

  g_string_replace (json, "\"ruleset\": \"east-west-2021\"", "\"ruleset\": \"east-west-2031\"", 0);
  dataset = collab_test_load_fixture ("wuxi-mini.json");
  collab_test_merge_data (dataset, json->str);
  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));

  findings = collab_checker_run (checker, dataset, &check_error);
  g_assert_null (findings);
  g_assert_error (check_error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND);
  table = collab_checker_plan (checker, dataset, NULL, NULL, &plan_error);
  g_assert_null (table);
  g_assert_error (plan_error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND);
  g_assert_cmpstr (plan_error->message, ==, check_error->message);

  collab_checker_set_ruleset (checker, set);
  table = collab_checker_plan (checker, dataset, NULL, NULL, NULL);
  g_assert_nonnull (table);
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 3);
}

/* The example roster's plans: a row per pairing-year of wuxi-2021, and a
 * plan for each that falls short (test-rule-666.c reads the findings). */
static void
test_example_roster (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabTable) table = NULL;
  gint64 short_years = 0;
  int add_total, plan;

  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));
  table = collab_checker_plan (checker, dataset, "wuxi-2021", NULL, NULL);
  /* 9 pairings × 5 years; 2024 and 2025 have nobody yet. */
  g_assert_cmpuint (collab_table_get_n_rows (table), ==, 45);
  add_total = collab_table_find_column (table, "add_total");
  plan = collab_table_find_column (table, "plan");
  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    if (collab_table_get_int (table, r, add_total) > 0)
      {
        short_years++;
        g_assert_nonnull (collab_table_get_string (table, r, plan));
      }
  /* binhu 2022, xishan 2021, jiangyin 2023, liangxi 2023 and the 18
   * pairing-years of 2024–2025. */
  g_assert_cmpint (short_years, ==, 4 + 18);
}

/* --- collab plan ------------------------------------------------------- */

static int
run_cli (const char  *args,
         char       **out)
{
  g_autofree char *data = collab_test_example_path ("wuxi-roster-2021-2023.json");
  g_autofree char *command = g_strdup_printf ("plan %s", args);

  return collab_test_run_cli (command, "ROSTER", data, out);
}

static void
test_cli (void)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "libcollab", "cli", "collab", NULL);
  g_autofree char *csv = NULL, *text = NULL, *json = NULL, *none = NULL;
  g_auto(GStrv) lines = NULL;

  /* tests/meson.build builds the command before the tests. */
  g_assert_true (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE));

  /* A shortfall is not an error: exit 0. */
  g_assert_cmpint (run_cli ("ROSTER --year 2022 --as-of 2023-12-31 --format csv", &csv), ==, 0);
  /* A spreadsheet for people (SPEC §12.3): a BOM, and the columns'
   * labels in the language of the messages, English here. */
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBFProgram,Pairing,Assisting side,Assisted side,Year,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 + 1);   /* header, 9 rows, the last newline */
  g_assert_nonnull (strstr (csv, "binhu,minhe,2022,nested,16,"));

  g_assert_cmpint (run_cli ("ROSTER --year 2021 --as-of 2023-12-31 --interpretation cumulative", &text), ==, 0);
  g_assert_nonnull (strstr (text, "wuxi-2021 2021 xishan → hualong: 18 counted"));
  g_assert_nonnull (strstr (text, "9 pairing-years, 0 short; 0 dispatches to add in all"));

  g_assert_cmpint (run_cli ("ROSTER --program wuxi-2021 --year 2023 --as-of 2023-12-31 --format json", &json), ==, 0);
  g_assert_nonnull (strstr (json, "\"plan\" : ["));
  g_assert_nonnull (strstr (json, "\"add_total\" : 1"));

  /* Bad usage and files that do not load: 2. */
  g_assert_cmpint (run_cli ("/nonexistent/roster.json", &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (run_cli ("ROSTER --format xml", &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (run_cli ("ROSTER --interpretation literal", &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (run_cli ("ROSTER --program nope", &none), ==, 2);
  g_clear_pointer (&none, g_free);
  g_assert_cmpint (run_cli ("", &none), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/plan/table", test_plan_table);
  g_test_add_func ("/collab/plan/ruleset", test_plan_ruleset);
  g_test_add_func ("/collab/plan/ruleset-not-shipped", test_plan_ruleset_not_shipped);
  g_test_add_func ("/collab/plan/example-roster", test_example_roster);
  g_test_add_func ("/collab/plan/cli", test_cli);

  return g_test_run ();
}
