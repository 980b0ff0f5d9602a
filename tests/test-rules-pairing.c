/* test-rules-pairing.c: the pairing rules and the checker (SPEC §5 "Pairings")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * On the example datasets of examples/data/ (COLLAB_TEST_DATA), changed a
 * record at a time. Only pairing.* findings are looked at, so that rules
 * added later do not change what these tests see.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define LIBRARY_LOG_DOMAIN "Collab"

static void
add (CollabDataset    *dataset,
     CollabRecordKind  kind,
     const char       *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRecord) record = collab_record_new_from_json (kind, json, &error);

  g_assert_no_error (error);
  g_assert_true (collab_dataset_add (dataset, record, &error));
  g_assert_no_error (error);
}

static void
add_pairing (CollabDataset *dataset,
             const char    *json)
{
  add (dataset, COLLAB_RECORD_KIND_PAIRING, json);
}

static void
remove_pairing (CollabDataset *dataset,
                const char    *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (collab_dataset_remove (dataset, COLLAB_RECORD_KIND_PAIRING, id, &error));
  g_assert_no_error (error);
}

/* The pairing.* findings of a check (of @rule only, unless it is NULL). */
static GPtrArray *
check (CollabDataset *dataset,
       const char    *rule)
{
  g_autoptr(CollabChecker) checker = collab_checker_new ();

  return collab_test_run_checker (checker, dataset, rule != NULL ? rule : "pairing.");
}

static void
test_wuxi_clean (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = check (dataset, NULL);

  collab_test_assert_no_findings (findings);
}

/* Two functional zones (横琴新区, 高新区) assist; they are county-level. */
static void
test_zhuhai_clean (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("zhuhai-zunyi-2021.json");
  g_autoptr(GPtrArray) findings = check (dataset, NULL);

  collab_test_assert_no_findings (findings);
}

static void
test_coverage_removed_pairing (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *by_rule;

  remove_pairing (dataset, "p-huishan-pingan");
  findings = check (dataset, NULL);

  /* One per uncovered year; 惠山区 still pairs with 乐都区, so no orphan. */
  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *year = g_strdup_printf ("%u", 2021 + i);

      g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
      g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
      collab_test_assert_subject_keys (finding, "program", "county", "year", NULL);
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "wuxi-2021");
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, "pingan");
      g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021 + i);
      g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);
      g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 0);
      collab_test_assert_message_contains (finding, "pingan (平安区)");
      collab_test_assert_message_contains (finding, "haidong");
      collab_test_assert_message_contains (finding, year);
      collab_test_assert_message_contains (finding, "add a county-level pairing");
    }

  /* The document `collab check --format json` prints. */
  all = check (dataset, "pairing.coverage");
  json = collab_findings_to_json (all);
  by_rule = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json), "counts"),
                                           "by_rule");
  g_assert_cmpint (json_object_get_int_member (by_rule, "pairing.coverage"), ==, 5);
}

static void
test_coverage_order (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  remove_pairing (dataset, "p-huishan-pingan");
  remove_pairing (dataset, "p-huishan-ledu");
  findings = check (dataset, NULL);

  /* 惠山区 now has no pairing at all. */
  g_assert_cmpuint (findings->len, ==, 11);
  for (guint i = 0; i < 10; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
      g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, i < 5 ? "ledu" : "pingan");
      g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021 + i % 5);
    }
  g_assert_cmpstr (collab_finding_get_rule (g_ptr_array_index (findings, 10)), ==, "pairing.orphan");
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, 10), "assisting"), ==, "huishan");
}

static void
test_coverage_partial_period (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  remove_pairing (dataset, "p-huishan-pingan");
  add_pairing (dataset, "{\"id\": \"p-huishan-pingan-late\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2022, \"last_year\": 2025}}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, "pingan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2021);
  collab_test_assert_message_contains (finding, "p-huishan-pingan-late runs 2022–2025");
}

static void
test_coverage_split_periods (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  /* Two pairings of one pair that follow each other cover every year and
   * are not duplicates. */
  remove_pairing (dataset, "p-huishan-pingan");
  add_pairing (dataset, "{\"id\": \"p-a\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2021, \"last_year\": 2022}}");
  add_pairing (dataset, "{\"id\": \"p-b\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2023, \"last_year\": 2025}}");
  findings = check (dataset, NULL);

  collab_test_assert_no_findings (findings);
}

static void
test_coverage_flags (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  /* A county with neither flag need not be covered; a national key county
   * must be, and so must one deeper under the city. */
  add (dataset, COLLAB_RECORD_KIND_REGION,
       "{\"id\": \"plain\", \"name\": \"普通县\", \"level\": \"county\", \"parent\": \"haidong\"}");
  add (dataset, COLLAB_RECORD_KIND_REGION,
       "{\"id\": \"key\", \"name\": \"重点县\", \"level\": \"county\", \"parent\": \"haidong\", "
       "\"flags\": [\"national_key\"]}");
  add (dataset, COLLAB_RECORD_KIND_REGION,
       "{\"id\": \"elsewhere\", \"name\": \"别处县\", \"level\": \"county\", \"parent\": \"qinghai\", "
       "\"flags\": [\"poverty_lifted\"]}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, i), "county"), ==, "key");
      collab_test_assert_message_contains (g_ptr_array_index (findings, i), "national key");
    }
}

/* A pairing pairing.invalid reports covers nothing. */
static void
test_coverage_ignores_invalid (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) invalid = NULL;

  remove_pairing (dataset, "p-huishan-pingan");
  add_pairing (dataset, "{\"id\": \"p-ledu-pingan\", \"program\": \"wuxi-2021\", \"assisting\": \"ledu\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\"}");
  coverage = check (dataset, "pairing.coverage");
  invalid = check (dataset, "pairing.invalid");

  g_assert_cmpuint (coverage->len, ==, 5);
  g_assert_cmpuint (invalid->len, ==, 1);
  collab_test_assert_message_contains (g_ptr_array_index (invalid, 0), "both on the west side");
}

static void
test_invalid_same_side (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  add_pairing (dataset, "{\"id\": \"p-jiangyin-xishan\", \"program\": \"wuxi-2021\", \"assisting\": \"jiangyin\", "
                        "\"assisted\": \"xishan\", \"level\": \"county\"}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.invalid");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "pairing", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-jiangyin-xishan");
  g_assert_null (collab_finding_get_expected (finding));
  collab_test_assert_message_contains (finding, "same-side pairing");
  collab_test_assert_message_contains (finding, "jiangyin (江阴市)");
  collab_test_assert_message_contains (finding, "xishan (锡山区)");
  collab_test_assert_message_contains (finding, "both on the east side");
}

/* An organization is on its region's side. */
static void
test_invalid_organization_side (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  add (dataset, COLLAB_RECORD_KIND_ORGANIZATION,
       "{\"id\": \"wuxi-school\", \"name\": \"无锡某中学\", \"kind\": \"school\", \"region\": \"binhu\"}");
  add (dataset, COLLAB_RECORD_KIND_ORGANIZATION,
       "{\"id\": \"ledu-school\", \"name\": \"乐都某中学\", \"kind\": \"school\", \"region\": \"ledu\"}");
  add_pairing (dataset, "{\"id\": \"p-school-ok\", \"program\": \"wuxi-2021\", \"assisting\": \"wuxi-school\", "
                        "\"assisted\": \"ledu-school\", \"level\": \"school\"}");
  add_pairing (dataset, "{\"id\": \"p-school-bad\", \"program\": \"wuxi-2021\", \"assisting\": \"wuxi-school\", "
                        "\"assisted\": \"jiangyin\", \"level\": \"school\"}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (findings, 0), "pairing"), ==, "p-school-bad");
  collab_test_assert_message_contains (g_ptr_array_index (findings, 0), "wuxi-school (无锡某中学)");
}

static void
test_invalid_self (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  add_pairing (dataset, "{\"id\": \"p-self\", \"program\": \"wuxi-2021\", \"assisting\": \"pingan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\"}");
  findings = check (dataset, NULL);

  /* One finding, for the self-pairing only, not also for the same side. */
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.invalid");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-self");
  collab_test_assert_message_contains (finding, "self-pairing");
  collab_test_assert_message_contains (finding, "pingan (平安区) to itself");
}

static void
test_invalid_duplicate (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  add_pairing (dataset, "{\"id\": \"p-huishan-pingan-2\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2023, \"last_year\": 2024}}");
  add_pairing (dataset, "{\"id\": \"p-huishan-pingan-3\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2025, \"last_year\": 2025}}");
  findings = check (dataset, NULL);

  /* Each later duplicate once, naming the first pairing it overlaps. */
  g_assert_cmpuint (findings->len, ==, 2);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.invalid");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-huishan-pingan-2");
  collab_test_assert_message_contains (finding, "duplicate of pairing p-huishan-pingan:");
  collab_test_assert_message_contains (finding, "overlap in 2023–2024");
  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-huishan-pingan-3");
  collab_test_assert_message_contains (finding, "overlap in 2025;");
}

/* A duplicate in another program is not a duplicate. */
static void
test_invalid_duplicate_other_program (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  add (dataset, COLLAB_RECORD_KIND_PROGRAM,
       "{\"id\": \"wuxi-2016\", \"name\": \"十三五\", \"kind\": \"east_west\", \"first_year\": 2016, "
       "\"last_year\": 2020, \"assisting\": \"wuxi\", \"assisted\": [\"haidong\"], \"ruleset\": \"poverty-2016\"}");
  add_pairing (dataset, "{\"id\": \"p-2016-huishan-pingan\", \"program\": \"wuxi-2016\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2016, \"last_year\": 2021}}");
  findings = check (dataset, "pairing.invalid");

  collab_test_assert_no_findings (findings);
}

static void
test_period (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  CollabFinding *finding;

  remove_pairing (dataset, "p-huishan-pingan");
  add_pairing (dataset, "{\"id\": \"p-huishan-pingan-long\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2020, \"last_year\": 2025}}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.period");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "pairing", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "pairing"), ==, "p-huishan-pingan-long");
  expected = collab_test_variant_json (collab_finding_get_expected (finding));
  actual = collab_test_variant_json (collab_finding_get_actual (finding));
  g_assert_cmpstr (expected, ==, "{\"first_year\":2021,\"last_year\":2025}");
  g_assert_cmpstr (actual, ==, "{\"first_year\":2020,\"last_year\":2025}");
  collab_test_assert_message_contains (finding, "runs 2020–2025");
  collab_test_assert_message_contains (finding, "shorten it to 2021–2025");
}

static void
test_period_inside (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;

  /* A period within the program's, or the program's own, is fine. */
  remove_pairing (dataset, "p-huishan-pingan");
  add_pairing (dataset, "{\"id\": \"p-huishan-pingan-exact\", \"program\": \"wuxi-2021\", \"assisting\": \"huishan\", "
                        "\"assisted\": \"pingan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2021, \"last_year\": 2025}}");
  findings = check (dataset, "pairing.period");

  collab_test_assert_no_findings (findings);
}

static void
test_orphan (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;

  add (dataset, COLLAB_RECORD_KIND_REGION,
       "{\"id\": \"wuxi-jingkai\", \"name\": \"经开区\", \"level\": \"county\", \"parent\": \"wuxi\", "
       "\"flags\": [\"functional_zone\"]}");
  /* A township is not a county-level unit. */
  add (dataset, COLLAB_RECORD_KIND_REGION,
       "{\"id\": \"some-town\", \"name\": \"某镇\", \"level\": \"township\", \"parent\": \"binhu\"}");
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.orphan");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "program", "assisting", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "wuxi-2021");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, "wuxi-jingkai");
  collab_test_assert_message_contains (finding, "wuxi-jingkai (经开区)");
}

static void
test_checker_ruleset (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  remove_pairing (dataset, "p-huishan-pingan");

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
  g_autoptr(GPtrArray) findings = NULL;

  /* A 13th-plan program judged by poverty-2016, which has the pairing
   * rules too: its county 延川县 is covered in 2016–2019 only. */
  add (dataset, COLLAB_RECORD_KIND_PROGRAM,
       "{\"id\": \"wuxi-2016\", \"name\": \"十三五\", \"kind\": \"east_west\", \"first_year\": 2016, "
       "\"last_year\": 2020, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], \"ruleset\": \"poverty-2016\"}");
  add_pairing (dataset, "{\"id\": \"p-2016-jiangyin-yanchuan\", \"program\": \"wuxi-2016\", \"assisting\": \"jiangyin\", "
                        "\"assisted\": \"yanchuan\", \"level\": \"county\", "
                        "\"period\": {\"first_year\": 2016, \"last_year\": 2019}}");
  add_pairing (dataset, "{\"id\": \"p-2016-yixing-yanchang\", \"program\": \"wuxi-2016\", \"assisting\": \"yixing\", "
                        "\"assisted\": \"yanchang\", \"level\": \"county\"}");
  add_pairing (dataset, "{\"id\": \"p-2016-xinwu-yichuan\", \"program\": \"wuxi-2016\", \"assisting\": \"xinwu\", "
                        "\"assisted\": \"yichuan\", \"level\": \"county\"}");
  findings = check (dataset, NULL);

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

  add (dataset, COLLAB_RECORD_KIND_PROGRAM,
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

  g_test_add_func ("/collab/rules/pairing/wuxi-clean", test_wuxi_clean);
  g_test_add_func ("/collab/rules/pairing/zhuhai-clean", test_zhuhai_clean);
  g_test_add_func ("/collab/rules/pairing/coverage/removed-pairing", test_coverage_removed_pairing);
  g_test_add_func ("/collab/rules/pairing/coverage/order", test_coverage_order);
  g_test_add_func ("/collab/rules/pairing/coverage/partial-period", test_coverage_partial_period);
  g_test_add_func ("/collab/rules/pairing/coverage/split-periods", test_coverage_split_periods);
  g_test_add_func ("/collab/rules/pairing/coverage/flags", test_coverage_flags);
  g_test_add_func ("/collab/rules/pairing/coverage/ignores-invalid", test_coverage_ignores_invalid);
  g_test_add_func ("/collab/rules/pairing/invalid/same-side", test_invalid_same_side);
  g_test_add_func ("/collab/rules/pairing/invalid/organization-side", test_invalid_organization_side);
  g_test_add_func ("/collab/rules/pairing/invalid/self", test_invalid_self);
  g_test_add_func ("/collab/rules/pairing/invalid/duplicate", test_invalid_duplicate);
  g_test_add_func ("/collab/rules/pairing/invalid/duplicate-other-program", test_invalid_duplicate_other_program);
  g_test_add_func ("/collab/rules/pairing/period/outside", test_period);
  g_test_add_func ("/collab/rules/pairing/period/inside", test_period_inside);
  g_test_add_func ("/collab/rules/pairing/orphan", test_orphan);
  g_test_add_func ("/collab/rules/checker/ruleset", test_checker_ruleset);
  g_test_add_func ("/collab/rules/checker/program-rulesets", test_checker_program_rulesets);
  g_test_add_func ("/collab/rules/checker/unknown-program-ruleset", test_checker_unknown_program_ruleset);
  g_test_add_func ("/collab/rules/checker/properties", test_checker_properties);
  g_test_add_func ("/collab/rules/checker/empty-dataset", test_empty_dataset);

  return g_test_run ();
}
