/* test-rule-village.c: the village rules (rules/village/, SPEC §5 "Rural revitalization")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * village.demo on the program of tests/data/yanan-2022.json, 2022–2023
 * assisting Yan'an, with jiangyin→yanchuan and huishan→yanchang, and the
 * villages of wuxi-mini.json.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

static void
test_village_demo (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_yanan_2022_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabChecker) checker = NULL;
  g_autoptr(CollabRuleset) two = NULL;
  g_autoptr(GPtrArray) all = NULL;
  CollabFinding *finding;
  guint n = 0;

  /* yanchuan has one; yanchang's is of another program; a village named
   * twice counts once. */
  collab_test_merge_members (dataset, "\"demonstration_villages\": ["
                                      "{\"village\": \"v-liangjiahe\", \"county\": \"yanchuan\", \"program\": \"prog\"},"
                                      "{\"village\": \"v-liangjiahe\", \"county\": \"yanchuan\", \"program\": \"prog\"},"
                                      "{\"village\": \"v-zhangjiatan\", \"county\": \"yanchang\", \"program\": \"other\"}]");

  findings = collab_test_check_as_of (dataset, "village.demo", "2023-12-31");
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "village.demo");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "prog");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "county"), ==, "yanchang");
  g_assert_cmpuint (g_variant_n_children (collab_finding_get_subject (finding)), ==, 2);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);
  g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 0);
  collab_test_assert_message_contains (finding, "yanchang (延长县)");
  collab_test_assert_message_contains (finding, "designate 1 more");

  /* A rule set asking for two per county. */
  two = collab_ruleset_new_builtin ("east-west-2021", NULL);
  collab_ruleset_set_int (two, "village.demo", "count", 2);
  checker = collab_checker_new ();
  collab_checker_set_ruleset (checker, two);
  collab_checker_set_as_of (checker, collab_day_new (2023, 12, 31));
  all = collab_checker_run (checker, dataset, NULL);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (collab_finding_get_rule (g_ptr_array_index (all, i)), "village.demo"))
      n++;
  /* Both counties of prog; "other" pairs nothing. */
  g_assert_cmpuint (n, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/village/demo", test_village_demo);

  return g_test_run ();
}
