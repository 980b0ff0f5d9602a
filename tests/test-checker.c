/* test-checker.c: the checker (rules/collab-checker.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What runs which rule with which rule set: each program by the set its
 * record names unless the checker has one of its own, rules about the
 * whole dataset once, findings in one stable order, as of a day, with
 * the reading of the tenure tiers the rule set names unless the checker
 * overrides it. The rules' own findings are the test-rule-*.c files'.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "rules/collab-checker-private.h"
#include "rules/collab-finding-private.h"
#include "collab-test-util.h"

#define LIBRARY_LOG_DOMAIN "Collab"

/* --- rule sets ------------------------------------------------------- */

static void
test_checker_ruleset (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-pingan");

  /* A derived set on the checker overrides the program's. */
  ruleset = collab_ruleset_new_from_data ("{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"soft\", "
                                          "\"base\": \"east-west-2021\", "
                                          "\"rules\": {\"pairing.coverage\": {\"severity\": \"warning\"}}}",
                                          -1, &error);
  g_assert_no_error (error);
  collab_checker_set_ruleset (checker, ruleset);
  g_assert_true (collab_checker_get_ruleset (checker) == ruleset);
  findings = collab_test_run_checker (checker, dataset, "pairing.");
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpint (collab_finding_get_severity (g_ptr_array_index (findings, 0)), ==, COLLAB_SEVERITY_WARNING);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Changes to the set apply to the next run. */
  collab_ruleset_set_enabled (ruleset, "pairing.coverage", FALSE);
  findings = collab_test_run_checker (checker, dataset, "pairing.");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Back to the program's own. */
  collab_checker_set_ruleset (checker, NULL);
  findings = collab_test_run_checker (checker, dataset, "pairing.");
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpint (collab_finding_get_severity (g_ptr_array_index (findings, 0)), ==, COLLAB_SEVERITY_VIOLATION);
}

static void
test_checker_program_rulesets (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) findings = NULL;

  /* A 13th-plan program judged by poverty-2016, which has the pairing
   * rules too: its county 延川县 is covered in 2016–2019 only. */
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PROGRAM,
                          "{\"id\": \"wuxi-2016\", \"name\": \"十三五\", \"kind\": \"east_west\", \"first_year\": 2016, "
                          "\"last_year\": 2020, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], \"ruleset\": \"poverty-2016\"}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PAIRING, "{\"id\": \"p-2016-jiangyin-yanchuan\", \"program\": \"wuxi-2016\", \"assisting\": \"jiangyin\", "
                                   "\"assisted\": \"yanchuan\", \"level\": \"county\", "
                                   "\"period\": {\"first_year\": 2016, \"last_year\": 2019}}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PAIRING, "{\"id\": \"p-2016-yixing-yanchang\", \"program\": \"wuxi-2016\", \"assisting\": \"yixing\", "
                                   "\"assisted\": \"yanchang\", \"level\": \"county\"}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PAIRING, "{\"id\": \"p-2016-xinwu-yichuan\", \"program\": \"wuxi-2016\", \"assisting\": \"xinwu\", "
                                   "\"assisted\": \"yichuan\", \"level\": \"county\"}");
  findings = collab_test_run_checker (checker, dataset, "pairing.");

  /* Plus the districts that take no part in wuxi-2016. */
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpstr (collab_finding_get_rule (g_ptr_array_index (findings, 0)), ==, "pairing.coverage");
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, 0), "program"), ==, "wuxi-2016");
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, 0), "county"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (g_ptr_array_index (findings, 0), "year"), ==, 2020);
  for (guint i = 1; i < findings->len; i++)
    {
      g_assert_cmpstr (collab_finding_get_rule (g_ptr_array_index (findings, i)), ==, "pairing.orphan");
      g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, i), "program"), ==, "wuxi-2016");
    }
}

static void
test_checker_unknown_program_ruleset (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PROGRAM,
                          "{\"id\": \"wuxi-2031\", \"name\": \"十六五\", \"kind\": \"east_west\", \"first_year\": 2031, "
                          "\"last_year\": 2035, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], \"ruleset\": \"east-west-2031\"}");

  findings = collab_checker_run (checker, dataset, &error);
  g_assert_null (findings);
  g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "\"wuxi-2031\""));
  g_assert_nonnull (strstr (error->message, "\"east-west-2031\""));
  g_clear_error (&error);

  /* With a rule set of its own the checker does not need the program's. */
  ruleset = collab_ruleset_new_builtin ("east-west-2021", &error);
  g_assert_no_error (error);
  collab_checker_set_ruleset (checker, ruleset);
  findings = collab_test_run_checker (checker, dataset, "pairing.coverage");
  /* wuxi-2031 has no pairings: Yan'an's 3 counties × 5 years. */
  g_assert_cmpuint (findings->len, ==, 15);
}

/* A rule about the dataset as a whole runs once, however many programs
 * enable it; under the checker's rule set when it has one; and, in a
 * dataset without programs, under the default set. */
static void
test_dataset_scope (void)
{
  static const char overdrawn[] =
    "{\"id\": \"t1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
    " \"amount\": \"1万\", \"date\": \"2021-05-10\"}";
  g_autoptr(CollabDataset) dataset = collab_test_funds_dataset (overdrawn, NULL);
  g_autoptr(CollabDataset) no_programs = NULL;
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) soft = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(GPtrArray) findings = NULL;

  /* Three programs, all enabling fund.overdraw: one finding. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PROGRAM), ==, 3);
  collab_checker_set_as_of (checker, collab_day_new (2021, 12, 31));
  findings = collab_test_run_checker (checker, dataset, "fund.overdraw");
  g_assert_cmpint (collab_finding_get_severity (collab_test_assert_one_finding (findings)), ==,
                   COLLAB_SEVERITY_VIOLATION);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The checker's set decides, for the dataset as for the programs. */
  collab_ruleset_set_severity (soft, "fund.overdraw", COLLAB_SEVERITY_INFO);
  collab_checker_set_ruleset (checker, soft);
  findings = collab_test_run_checker (checker, dataset, "fund.overdraw");
  g_assert_cmpint (collab_finding_get_severity (collab_test_assert_one_finding (findings)), ==, COLLAB_SEVERITY_INFO);
  g_clear_pointer (&findings, g_ptr_array_unref);
  collab_ruleset_set_enabled (soft, "fund.overdraw", FALSE);
  findings = collab_test_run_checker (checker, dataset, "fund.overdraw");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* No program to name a set: the default one judges the money. */
  no_programs = collab_test_load_data ("{\"format\": \"libcollab-dataset\", \"version\": 1,"
                                       " \"regions\": [{\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\","
                                       " \"side\": \"west\"}],"
                                       " \"accounts\": [{\"id\": \"a\", \"holder\": \"yanan\"},"
                                       " {\"id\": \"b\", \"holder\": \"yanan\"}],"
                                       " \"transactions\": [{\"id\": \"t\", \"type\": \"transfer\", \"from\": \"a\","
                                       " \"to\": \"b\", \"amount\": \"1万\", \"date\": \"2021-05-01\"}]}");
  collab_checker_set_ruleset (checker, NULL);
  findings = collab_test_run_checker (checker, no_programs, "fund.overdraw");
  g_assert_cmpstr (collab_finding_get_subject_string (collab_test_assert_one_finding (findings), "account"), ==, "a");
}

/* --- order ----------------------------------------------------------- */

/* Findings of every rule come out by rule id, then subject, then
 * message (collab_finding_compare()), whatever order the rules ran and
 * reported in. */
static void
test_sorted (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) rules = g_hash_table_new (g_str_hash, g_str_equal);

  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_PAIRING, "p-huishan-pingan");
  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));
  findings = collab_test_run_checker (checker, dataset, NULL);

  g_assert_cmpuint (findings->len, >, 10);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_hash_table_add (rules, (gpointer) collab_finding_get_rule (finding));
      if (i == 0)
        continue;
      g_assert_cmpint (collab_finding_compare (&g_ptr_array_index (findings, i - 1), &finding), <=, 0);
      g_assert_cmpint (strcmp (collab_finding_get_rule (g_ptr_array_index (findings, i - 1)),
                               collab_finding_get_rule (finding)), <=, 0);
    }
  /* Pairing, talent, cadre and village rules at least. */
  g_assert_cmpuint (g_hash_table_size (rules), >=, 6);
}

/* --- options --------------------------------------------------------- */

static void
test_checker_properties (void)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  CollabDay as_of = collab_day_new (2023, 12, 31);
  guint value = 1;

  g_assert_cmpuint (collab_checker_get_as_of (checker), ==, COLLAB_DAY_NONE);
  g_assert_null (collab_checker_get_ruleset (checker));
  collab_checker_set_as_of (checker, as_of);
  g_assert_cmpuint (collab_checker_get_as_of (checker), ==, as_of);
  g_object_get (checker, "as-of", &value, NULL);
  g_assert_cmpuint (value, ==, as_of);
  collab_checker_set_interpretation (checker, COLLAB_INTERPRETATION_BANDED);

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*COLLAB_IS_DATASET*");
  g_assert_null (collab_checker_run (checker, NULL, NULL));
  g_test_assert_expected_messages ();
}

/* Without an as-of day the checker judges as of the day it runs; the
 * reading it plans and checks by is the rule set's until it sets one. */
static void
test_options (void)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CollabDay as_of, today;
  gboolean override = TRUE;
  CollabInterpretation interpretation = COLLAB_INTERPRETATION_BANDED;

  today = collab_day_new (g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  collab_checker_get_options (checker, &as_of, &override, &interpretation);
  /* Around midnight the day may have turned between the two calls. */
  g_assert_cmpuint (as_of, >=, today);
  g_assert_cmpuint (as_of, <=, today + 1);
  g_assert_false (override);
  g_assert_cmpint (interpretation, ==, COLLAB_INTERPRETATION_NESTED);

  collab_checker_set_as_of (checker, collab_day_new (2022, 6, 30));
  collab_checker_set_interpretation (checker, COLLAB_INTERPRETATION_CUMULATIVE);
  collab_checker_get_options (checker, &as_of, &override, &interpretation);
  g_assert_cmpuint (as_of, ==, collab_day_new (2022, 6, 30));
  g_assert_true (override);
  g_assert_cmpint (interpretation, ==, COLLAB_INTERPRETATION_CUMULATIVE);
}

/* Years after the as-of day's are not judged yet. */
static void
test_as_of_years (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2022, 2024, "east-west-2021");
  g_autoptr(GPtrArray) mid = collab_test_check_as_of (dataset, "666.total", "2023-06-30");
  g_autoptr(GPtrArray) end = collab_test_check_as_of (dataset, "666.total", "2024-12-31");
  g_autoptr(GPtrArray) before = collab_test_check_as_of (dataset, "666.total", "2021-12-31");

  /* Three empty pairing-years a year. */
  g_assert_cmpuint (mid->len, ==, 6);
  g_assert_cmpuint (end->len, ==, 9);
  collab_test_assert_no_findings (before);
}

/* --- the reading of the tenure tiers --------------------------------- */

/* The reading comes from the rule set, unless the checker overrides it;
 * a rule set given to the checker replaces the program's. */
static void
test_tenure_reading_sources (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(CollabRuleset) cumulative = NULL;
  g_autoptr(GPtrArray) by_set = NULL;
  g_autoptr(GPtrArray) overridden = NULL;
  g_autoptr(GError) error = NULL;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_worked_example (&roster);
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  cumulative = collab_ruleset_new_from_data ("{\"format\": \"libcollab-ruleset\", \"version\": 1, "
                                             "\"id\": \"literal\", \"base\": \"east-west-2021\", "
                                             "\"interpretation\": \"cumulative\", \"rules\": {}}", -1, &error);
  g_assert_no_error (error);

  by_set = collab_test_check_full (dataset, "666.tenure", COLLAB_TEST_NO_OVERRIDE, cumulative, "2023-12-31");
  g_assert_cmpuint (by_set->len, ==, 2);  /* the huishan pairings only */

  overridden = collab_test_check_full (dataset, "666.tenure", COLLAB_INTERPRETATION_NESTED, cumulative, "2023-12-31");
  g_assert_cmpuint (overridden->len, ==, 3);
  collab_test_assert_message_contains (g_ptr_array_index (overridden, 2), "nested reading");
}

/* Setting an interpretation sets interpretation-set; clearing that goes
 * back to each rule set's reading without forgetting the interpretation. */
static void
test_interpretation_set (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabInterpretation interpretation = COLLAB_INTERPRETATION_NESTED;
  gboolean set = TRUE;
  guint notified = 0;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_worked_example (&roster);
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);
  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));
  g_signal_connect (checker, "notify::interpretation-set", G_CALLBACK (collab_test_count_notify), &notified);

  g_assert_false (collab_checker_get_interpretation_set (checker));
  collab_checker_set_interpretation (checker, COLLAB_INTERPRETATION_CUMULATIVE);
  g_assert_true (collab_checker_get_interpretation_set (checker));
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (checker, "interpretation", &interpretation, "interpretation-set", &set, NULL);
  g_assert_cmpint (interpretation, ==, COLLAB_INTERPRETATION_CUMULATIVE);
  g_assert_true (set);

  /* Cumulative: the worked example passes for yanchuan. */
  findings = collab_test_only_assisted (collab_test_run_checker (checker, dataset, "666.tenure"), "yanchuan");
  collab_test_assert_no_findings (findings);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The program's set reads nested: it fails again. */
  g_object_set (checker, "interpretation-set", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (collab_checker_get_interpretation (checker), ==, COLLAB_INTERPRETATION_CUMULATIVE);
  findings = collab_test_only_assisted (collab_test_run_checker (checker, dataset, "666.tenure"), "yanchuan");
  collab_test_assert_message_contains (collab_test_assert_one_finding (findings), "nested reading");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Setting it again to what it is notifies nothing. */
  collab_checker_set_interpretation_set (checker, FALSE);
  g_assert_cmpuint (notified, ==, 2);
  collab_checker_set_interpretation_set (checker, TRUE);
  g_assert_cmpuint (notified, ==, 3);
  findings = collab_test_only_assisted (collab_test_run_checker (checker, dataset, "666.tenure"), "yanchuan");
  collab_test_assert_no_findings (findings);
}

/* --- nothing to check ------------------------------------------------ */

static void
test_empty_dataset (void)
{
  g_autoptr(CollabDataset) dataset = collab_dataset_new ();
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = collab_checker_run (checker, dataset, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/checker/ruleset", test_checker_ruleset);
  g_test_add_func ("/collab/checker/program-rulesets", test_checker_program_rulesets);
  g_test_add_func ("/collab/checker/unknown-program-ruleset", test_checker_unknown_program_ruleset);
  g_test_add_func ("/collab/checker/dataset-scope", test_dataset_scope);
  g_test_add_func ("/collab/checker/sorted", test_sorted);
  g_test_add_func ("/collab/checker/properties", test_checker_properties);
  g_test_add_func ("/collab/checker/options", test_options);
  g_test_add_func ("/collab/checker/as-of/years", test_as_of_years);
  g_test_add_func ("/collab/checker/interpretation/reading-sources", test_tenure_reading_sources);
  g_test_add_func ("/collab/checker/interpretation/set", test_interpretation_set);
  g_test_add_func ("/collab/checker/empty-dataset", test_empty_dataset);

  return g_test_run ();
}
