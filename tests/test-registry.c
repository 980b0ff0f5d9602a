/* test-registry.c: the rule registry (rules/collab-rule-registry.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every rule describes itself in its own file (COLLAB_DEFINE_RULE, see
 * rules/collab-rule-private.h) and the build gathers them into the table
 * of the generated collab-rule-table.c. The registry over that table:
 * every rule found by its id, the ids sorted and unique, every parameter
 * with a default of its declared type; the list rule sets show is the
 * registry; and a rule set that names a rule, and says nothing else of
 * it, applies it with the rule's own severity and defaults.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "rules/collab-rule-private.h"
#include "collab-test-util.h"

#define LIBRARY_LOG_DOMAIN "Collab"

/* The table the build generates from the rule files, NULL-terminated. */
extern const CollabRule * const collab_rule_table[];

/* A rule set of its own (no base) that names @rule only. */
static CollabRuleset *
naming_only (const char *rule)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strdup_printf ("{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"only\","
                                           " \"rules\": {\"%s\": {}}}", rule);
  CollabRuleset *ruleset = collab_ruleset_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ruleset);
  return ruleset;
}

/* @value is what @param declares as its default. */
static void
assert_declared_default (const CollabRuleParam *param,
                         GVariant              *value)
{
  switch (param->type)
    {
    case COLLAB_RULE_PARAM_COUNT:
      g_assert_cmpint (g_variant_get_int64 (value), ==, param->count);
      break;

    case COLLAB_RULE_PARAM_STRINGS:
      g_assert_cmpuint (g_variant_n_children (value), ==, param->n);
      for (guint i = 0; i < param->n; i++)
        {
          const char *string = NULL;

          g_variant_get_child (value, i, "&s", &string);
          g_assert_cmpstr (string, ==, param->strings[i]);
        }
      break;

    case COLLAB_RULE_PARAM_TIERS:
      g_assert_cmpuint (g_variant_n_children (value), ==, param->n);
      for (guint i = 0; i < param->n; i++)
        {
          g_autoptr(GVariant) tier = g_variant_get_child_value (value, i);

          g_assert_cmpuint (g_variant_n_children (tier), ==, 2);
          g_assert_cmpint (collab_test_member_int (tier, "months"), ==, param->tiers[i].months);
          g_assert_cmpint (collab_test_member_int (tier, "count"), ==, param->tiers[i].count);
        }
      break;

    case COLLAB_RULE_PARAM_COUNTS:
      /* A rule set says what it counts: by default, nothing. */
      g_assert_cmpuint (g_variant_n_children (value), ==, 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* --- the table ------------------------------------------------------- */

/* Every rule of the generated table is the registry's, found by its id;
 * the registry holds nothing else, sorted by id, each id once. */
static void
test_table (void)
{
  const CollabRule * const *all;
  guint n_table = 0, n = 0;

  all = collab_rule_registry_get_all (&n);
  for (n_table = 0; collab_rule_table[n_table] != NULL; n_table++)
    {
      const CollabRule *rule = collab_rule_table[n_table];

      g_test_message ("%s", rule->id);
      g_assert_true (collab_rule_registry_lookup (rule->id) == rule);
    }
  g_assert_cmpuint (n, ==, n_table);
  g_assert_cmpuint (n, >=, 21);   /* the rules of SPEC §5 */

  for (guint i = 0; i < n; i++)
    {
      const CollabRule *rule = all[i];
      gboolean in_table = FALSE;

      if (i > 0)
        g_assert_cmpint (strcmp (all[i - 1]->id, rule->id), <, 0);
      for (guint t = 0; t < n_table && !in_table; t++)
        in_table = collab_rule_table[t] == rule;
      g_assert_true (in_table);
    }
}

/* What a rule says of itself: an id "<prefix>.<name>" (the prefix is
 * the SPEC §5 area's: "666." for talent), an area that all rules of a
 * prefix share, a severity, a scope and a check. */
static void
test_descriptions (void)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const CollabRule * const *all;
  guint n = 0;

  all = collab_rule_registry_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const CollabRule *rule = all[i];
      const char *dot = strchr (rule->id, '.');
      g_autofree char *prefix = NULL;
      const char *area;

      g_test_message ("%s", rule->id);
      g_assert_nonnull (dot);
      g_assert_true (dot > rule->id);
      g_assert_cmpint (dot[1], !=, '\0');
      g_assert_null (strchr (dot + 1, '.'));
      g_assert_nonnull (rule->area);
      g_assert_cmpint (rule->area[0], !=, '\0');
      prefix = g_strndup (rule->id, dot - rule->id);
      area = g_hash_table_lookup (areas, prefix);
      if (area == NULL)
        g_hash_table_insert (areas, g_steal_pointer (&prefix), (gpointer) rule->area);
      else
        g_assert_cmpstr (rule->area, ==, area);
      g_assert_true (rule->severity == COLLAB_SEVERITY_VIOLATION || rule->severity == COLLAB_SEVERITY_WARNING ||
                     rule->severity == COLLAB_SEVERITY_INFO);
      g_assert_true (rule->scope == COLLAB_RULE_SCOPE_PROGRAM || rule->scope == COLLAB_RULE_SCOPE_DATASET ||
                     rule->scope == COLLAB_RULE_SCOPE_PROGRAM_AND_NONE);
      g_assert_nonnull (rule->check);
      g_assert_cmpuint (collab_rule_count_params (rule), <=, COLLAB_RULE_MAX_PARAMS);
    }

  g_assert_cmpstr (collab_rule_registry_lookup ("666.total")->area, ==, "talent");
  g_assert_cmpstr (collab_rule_registry_lookup ("fund.floor")->area, ==, "fund");
  /* The annual agreements (SPEC §11.2): the money with the funds, the
   * people with the talent. */
  g_assert_cmpstr (collab_rule_registry_lookup ("fund.agreement")->area, ==, "fund");
  g_assert_cmpstr (collab_rule_registry_lookup ("talent.agreement")->area, ==, "talent");
  /* The rules of a program's events, tasks and initiatives (SPEC §11.2). */
  g_assert_cmpstr (collab_rule_registry_lookup ("event.annual")->area, ==, "program");
  g_assert_cmpstr (collab_rule_registry_lookup ("task.responsible")->area, ==, "program");
  g_assert_cmpstr (collab_rule_registry_lookup ("initiative.count")->area, ==, "program");

  /* The money rules that walk the whole ledger run once per dataset. */
  g_assert_cmpint (collab_rule_registry_lookup ("fund.overdraw")->scope, ==, COLLAB_RULE_SCOPE_DATASET);
  g_assert_cmpint (collab_rule_registry_lookup ("pairing.coverage")->scope, ==, COLLAB_RULE_SCOPE_PROGRAM);
  /* A job offer or a placement may belong to no program (SPEC §11.4). */
  g_assert_cmpint (collab_rule_registry_lookup ("labour.priority")->scope, ==, COLLAB_RULE_SCOPE_PROGRAM_AND_NONE);
}

static void
test_lookup_unknown (void)
{
  g_assert_null (collab_rule_registry_lookup ("no.such"));
  g_assert_null (collab_rule_registry_lookup ("pairing"));
  g_assert_null (collab_rule_registry_lookup ("pairing."));
  g_assert_null (collab_rule_registry_lookup (""));
  /* Ids are exact: no case folding, no prefixes. */
  g_assert_null (collab_rule_registry_lookup ("Pairing.Coverage"));
  g_assert_null (collab_rule_registry_lookup ("pairing.coverage "));

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_null (collab_rule_registry_lookup (NULL));
  g_test_assert_expected_messages ();
}

/* --- parameters ------------------------------------------------------ */

/* Every parameter is found by its name at its index, with a default of
 * its declared GVariant type that says what the rule declares. */
static void
test_defaults (void)
{
  const CollabRule * const *all;
  guint n = 0, n_params = 0;

  g_assert_true (g_variant_type_equal (collab_rule_param_variant_type (COLLAB_RULE_PARAM_COUNT), G_VARIANT_TYPE ("x")));
  g_assert_true (g_variant_type_equal (collab_rule_param_variant_type (COLLAB_RULE_PARAM_STRINGS), G_VARIANT_TYPE ("as")));
  g_assert_true (g_variant_type_equal (collab_rule_param_variant_type (COLLAB_RULE_PARAM_TIERS), G_VARIANT_TYPE ("aa{sx}")));
  g_assert_true (g_variant_type_equal (collab_rule_param_variant_type (COLLAB_RULE_PARAM_COUNTS), G_VARIANT_TYPE ("a{sx}")));

  all = collab_rule_registry_get_all (&n);
  for (guint r = 0; r < n; r++)
    {
      const CollabRule *rule = all[r];

      for (guint i = 0; i < collab_rule_count_params (rule); i++)
        {
          const CollabRuleParam *param = &rule->params[i];
          guint index = G_MAXUINT;
          GVariant *value;

          g_test_message ("%s %s", rule->id, param->name);
          g_assert_true (collab_rule_find_param (rule, param->name, &index) == param);
          g_assert_cmpuint (index, ==, i);
          value = collab_rule_get_default (rule, i);
          g_assert_nonnull (value);
          g_assert_false (g_variant_is_floating (value));
          g_assert_true (g_variant_is_of_type (value, collab_rule_param_variant_type (param->type)));
          assert_declared_default (param, value);
          /* The registry keeps one value per parameter. */
          g_assert_true (collab_rule_get_default (rule, i) == value);
          n_params++;
        }
      g_assert_null (collab_rule_find_param (rule, "no-such-parameter", NULL));
      g_assert_null (collab_rule_find_param (rule, "enabled", NULL));
      g_assert_null (collab_rule_find_param (rule, "severity", NULL));
    }
  g_assert_cmpuint (n_params, >, 0);

  /* Two that SPEC §5 spells out. */
  g_assert_cmpint (g_variant_get_int64 (collab_rule_get_default (collab_rule_registry_lookup ("666.total"), 0)), ==, 18);
  {
    const CollabRule *idle = collab_rule_registry_lookup ("fund.idle");
    guint index = G_MAXUINT;

    g_assert_nonnull (collab_rule_find_param (idle, "days", &index));
    g_assert_cmpint (g_variant_get_int64 (collab_rule_get_default (idle, index)), ==, 180);
  }
}

/* --- what rule sets see of it ---------------------------------------- */

/* collab_ruleset_list_known_rules() is the registry, in its order. */
static void
test_known_rules (void)
{
  g_auto(GStrv) known = collab_ruleset_list_known_rules ();
  const CollabRule * const *all;
  guint n = 0;

  all = collab_rule_registry_get_all (&n);
  g_assert_cmpuint (g_strv_length (known), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (known[i], ==, all[i]->id);
}

/* A rule set that names a rule and nothing else of it applies it with
 * the rule's own severity and the defaults of every parameter; the rules
 * it does not name it does not apply. */
static void
test_ruleset_naming_a_rule (void)
{
  const CollabRule * const *all;
  guint n = 0;

  all = collab_rule_registry_get_all (&n);
  for (guint r = 0; r < n; r++)
    {
      const CollabRule *rule = all[r];
      g_autoptr(CollabRuleset) ruleset = naming_only (rule->id);
      g_auto(GStrv) enabled = collab_ruleset_list_rules (ruleset);

      g_test_message ("%s", rule->id);
      g_assert_cmpuint (g_strv_length (enabled), ==, 1);
      g_assert_cmpstr (enabled[0], ==, rule->id);
      g_assert_true (collab_ruleset_is_enabled (ruleset, rule->id));
      g_assert_cmpint (collab_ruleset_get_severity (ruleset, rule->id), ==, rule->severity);
      g_assert_false (collab_ruleset_is_enabled (ruleset, all[(r + 1) % n]->id));
      for (guint i = 0; i < collab_rule_count_params (rule); i++)
        {
          g_autoptr(GVariant) value = collab_ruleset_get_parameter (ruleset, rule->id, rule->params[i].name);

          g_assert_nonnull (value);
          g_assert_true (g_variant_equal (value, collab_rule_get_default (rule, i)));
        }
    }
}

/* And the checker runs it so: the findings of that rule only, with its
 * own severity, judged by its default parameters (666.total: 18). */
static void
test_checker_applies_defaults (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(CollabDataset) wuxi = collab_test_load_example ("wuxi-2021.json");
  g_autoptr(CollabRuleset) total = naming_only ("666.total");
  g_autoptr(CollabRuleset) coverage = naming_only ("pairing.coverage");
  g_autoptr(GPtrArray) findings = NULL;
  CollabTestRoster roster;

  /* 17 of 18 for jiangyin → yanchuan; nobody for huishan's two. */
  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 17, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);
  findings = collab_test_check_full (dataset, NULL, COLLAB_TEST_NO_OVERRIDE, total, COLLAB_TEST_TALENT_AS_OF);
  g_assert_cmpuint (findings->len, ==, 3);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_rule (finding), ==, "666.total");
      g_assert_cmpint (collab_finding_get_severity (finding), ==, collab_rule_registry_lookup ("666.total")->severity);
      collab_test_assert_json (collab_finding_get_expected (finding), "{\"total\":18}");
    }
  g_clear_pointer (&findings, g_ptr_array_unref);

  collab_test_remove_record (wuxi, COLLAB_RECORD_KIND_PAIRING, "p-huishan-pingan");
  findings = collab_test_check_full (wuxi, NULL, COLLAB_TEST_NO_OVERRIDE, coverage, "2025-12-31");
  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_rule (finding), ==, "pairing.coverage");
      g_assert_cmpint (collab_finding_get_severity (finding), ==,
                       collab_rule_registry_lookup ("pairing.coverage")->severity);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/registry/table", test_table);
  g_test_add_func ("/collab/registry/descriptions", test_descriptions);
  g_test_add_func ("/collab/registry/lookup-unknown", test_lookup_unknown);
  g_test_add_func ("/collab/registry/defaults", test_defaults);
  g_test_add_func ("/collab/registry/known-rules", test_known_rules);
  g_test_add_func ("/collab/registry/ruleset-naming-a-rule", test_ruleset_naming_a_rule);
  g_test_add_func ("/collab/registry/checker-applies-defaults", test_checker_applies_defaults);

  return g_test_run ();
}
