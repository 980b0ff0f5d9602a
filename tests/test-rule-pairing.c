/* test-rule-pairing.c: the pairing rules (rules/pairing/, SPEC §5 "Pairings")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * On the example datasets of examples/data/ (COLLAB_TEST_DATA), changed a
 * record at a time. Only pairing.* findings are looked at, so that rules
 * added later do not change what these tests see. (The checker that runs
 * them is test-checker.c's.)
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

static void
add_pairing (CollabDataset *dataset,
             const char    *json)
{
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PAIRING, json);
}

static void
remove_pairing (CollabDataset *dataset,
                const char    *id)
{
  collab_test_remove_record (dataset, COLLAB_RECORD_KIND_PAIRING, id);
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
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION,
                          "{\"id\": \"plain\", \"name\": \"普通县\", \"level\": \"county\", \"parent\": \"haidong\"}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION,
                          "{\"id\": \"key\", \"name\": \"重点县\", \"level\": \"county\", \"parent\": \"haidong\", "
                          "\"flags\": [\"national_key\"]}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION,
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

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_ORGANIZATION,
                          "{\"id\": \"wuxi-school\", \"name\": \"无锡某中学\", \"kind\": \"school\", \"region\": \"binhu\"}");
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_ORGANIZATION,
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

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_PROGRAM,
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

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION,
                          "{\"id\": \"wuxi-jingkai\", \"name\": \"经开区\", \"level\": \"county\", \"parent\": \"wuxi\", "
                          "\"flags\": [\"functional_zone\"]}");
  /* A township is not a county-level unit. */
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION,
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

/* A megabyte of @unit. */
static char *
huge_text (const char *unit)
{
  GString *out = g_string_new (NULL);

  while (out->len < 1024 * 1024)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* The message quotes the ids and names cut (64 characters and "…") and
 * stays under 1 KB; the subject keeps the whole id. */
static void
assert_bounded (CollabFinding *finding,
                const char    *key,
                const char    *id)
{
  const char *message = collab_finding_get_message (finding);

  g_test_message ("%s", message);
  g_assert_cmpuint (strlen (message), <, 1024);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_nonnull (strstr (message, "…"));
  g_assert_cmpstr (collab_finding_get_subject_string (finding, key), ==, id);
}

/* Ids and names of a megabyte: the findings' messages quote them cut. */
static void
test_huge_ids (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *pairing_id = huge_text ("p");
  g_autofree char *region_id = huge_text ("r");
  g_autofree char *region_name = huge_text ("县");
  g_autofree char *pairing = g_strdup_printf ("{\"id\": \"%s\", \"program\": \"wuxi-2021\", \"assisting\": \"pingan\", "
                                              "\"assisted\": \"pingan\", \"level\": \"county\"}", pairing_id);
  g_autofree char *region = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s\", \"level\": \"county\", "
                                             "\"parent\": \"wuxi\"}", region_id, region_name);

  add_pairing (dataset, pairing);
  collab_test_add_record (dataset, COLLAB_RECORD_KIND_REGION, region);
  findings = check (dataset, NULL);

  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      if (collab_test_finding_is (finding, "pairing.invalid"))
        assert_bounded (finding, "pairing", pairing_id);
      else
        {
          g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.orphan");
          assert_bounded (finding, "assisting", region_id);
          collab_test_assert_message_contains (finding, "rrrrrrrr… (县县县");
        }
    }
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
  g_test_add_func ("/collab/rules/pairing/huge-ids", test_huge_ids);

  return g_test_run ();
}
