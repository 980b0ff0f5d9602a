/* test-ruleset.c: rule sets (rules/collab-ruleset*.c) as data: shipped, loaded, derived, saved (SPEC §6)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

#define LIBRARY_LOG_DOMAIN "Collab"

/* Every rule of SPEC §5 and §11.2, sorted. */
static const char *spec_rules[] = {
  "666.county_mix", "666.mix", "666.short_other", "666.tenure", "666.term", "666.total",
  "cadre.continuity",
  "event.annual",
  "fund.agreement", "fund.floor", "fund.idle", "fund.not_in_reserve", "fund.overdraw", "fund.overspend",
  "fund.plan_total", "fund.prohibited_use", "fund.unfiled", "fund.untraced",
  "initiative.count", "initiative.plan",
  "labour.follow_up", "labour.overfilled", "labour.priority",
  "pairing.coverage", "pairing.invalid", "pairing.orphan", "pairing.period",
  "talent.agreement",
  "task.report", "task.responsible",
  "village.demo",
};

/* The rules of a counterpart plan's tasks and initiatives (SPEC §11.2),
 * which only counterpart-2022 applies. */
static const char *plan_rules[] = {
  "initiative.count", "initiative.plan", "task.report", "task.responsible",
};

static const char *prohibited_uses[] = {
  "unit_basic_expenditure", "vehicles_and_communication", "government_buildings",
  "bonuses_and_allowances", "debt_and_advances", "office_premises",
};

static CollabRuleset *
builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  CollabRuleset *ruleset = collab_ruleset_new_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ruleset);
  return ruleset;
}

static CollabRuleset *
from_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  CollabRuleset *ruleset = collab_ruleset_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ruleset);
  return ruleset;
}

static void
assert_load_error (const char *data,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRuleset) ruleset = collab_ruleset_new_from_data (data, -1, &error);

  g_assert_null (ruleset);
  g_assert_error (error, COLLAB_RULESET_ERROR, code);
  if (!g_pattern_match_simple (message, error->message))
    g_error ("the message \"%s\" does not match \"%s\"", error->message, message);
}

#define HEADER "{\"format\": \"libcollab-ruleset\", \"version\": 1, \"id\": \"mine\""

static void
test_known_rules (void)
{
  g_auto(GStrv) known = collab_ruleset_list_known_rules ();

  g_assert_cmpuint (g_strv_length (known), ==, G_N_ELEMENTS (spec_rules));
  for (guint i = 0; i < G_N_ELEMENTS (spec_rules); i++)
    g_assert_cmpstr (known[i], ==, spec_rules[i]);
}

static void
test_list_builtin (void)
{
  g_auto(GStrv) ids = collab_ruleset_list_builtin ();

  g_assert_cmpuint (g_strv_length (ids), ==, 4);
  g_assert_cmpstr (ids[0], ==, "counterpart-2022");
  g_assert_cmpstr (ids[1], ==, "east-west-2021");
  g_assert_cmpstr (ids[2], ==, "poverty-2016");
  g_assert_cmpstr (ids[3], ==, "zhuhai-2021");
}

static void
test_builtin_not_found (void)
{
  const char *ids[] = { "east-west-2022", "", "../east-west-2021", "east-west-2021.json" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CollabRuleset) ruleset = collab_ruleset_new_builtin (ids[i], &error);

      g_assert_null (ruleset);
      g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_NOT_FOUND);
    }
}

/* Every shipped set, written, names every rule, with every parameter. */
static void
test_builtin_lists_all_rules (void)
{
  const char *ids[] = { "counterpart-2022", "east-west-2021", "poverty-2016", "zhuhai-2021" };

  for (guint s = 0; s < G_N_ELEMENTS (ids); s++)
    {
      g_autoptr(CollabRuleset) ruleset = builtin (ids[s]);
      g_autofree char *data = collab_ruleset_to_data (ruleset, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *rules;

      g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
      rules = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "rules");
      g_assert_cmpuint (json_object_get_size (rules), ==, G_N_ELEMENTS (spec_rules));
      for (guint i = 0; i < G_N_ELEMENTS (spec_rules); i++)
        {
          JsonObject *rule = json_object_get_object_member (rules, spec_rules[i]);

          g_assert_nonnull (rule);
          g_assert_true (json_object_has_member (rule, "enabled"));
          g_assert_true (json_object_has_member (rule, "severity"));
        }
    }
}

static void
test_east_west_2021 (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("east-west-2021");
  g_auto(GStrv) enabled = collab_ruleset_list_rules (ruleset);
  g_autoptr(GVariant) tiers = NULL;
  g_autoptr(GVariant) uses = NULL;
  g_autoptr(GVariant) total = NULL;
  g_autoptr(GVariant) min = collab_ruleset_get_parameter (ruleset, "event.annual", "min");
  g_autofree const char **use_list = NULL;
  const gint64 tier_values[][2] = { { 12, 3 }, { 6, 6 }, { 1, 9 } };
  gsize n_uses;

  g_assert_cmpstr (collab_ruleset_get_id (ruleset), ==, "east-west-2021");
  g_assert_cmpint (collab_ruleset_get_interpretation (ruleset), ==, COLLAB_INTERPRETATION_NESTED);

  /* All rules but the 13th-plan one and those of a counterpart plan's
   * tasks and initiatives. */
  g_assert_cmpuint (g_strv_length (enabled), ==, G_N_ELEMENTS (spec_rules) - 1 - G_N_ELEMENTS (plan_rules));
  g_assert_false (collab_ruleset_is_enabled (ruleset, "666.county_mix"));
  for (guint i = 0; i < G_N_ELEMENTS (plan_rules); i++)
    g_assert_false (collab_ruleset_is_enabled (ruleset, plan_rules[i]));
  for (guint i = 1; i < G_N_ELEMENTS (spec_rules); i++)
    g_assert_true (collab_ruleset_is_enabled (ruleset, spec_rules[i]) ||
                   g_strv_contains (plan_rules, spec_rules[i]));

  /* SPEC §11.4: a joint meeting and a visit a year. */
  collab_test_assert_json (min, "{\"joint_meeting\":1,\"visit\":1}");

  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.total", "total", -1), ==, 18);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.mix", "teacher", -1), ==, 6);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.mix", "doctor", -1), ==, 6);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.mix", "agriculture_or_other", -1), ==, 6);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 180);

  tiers = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  g_assert_nonnull (tiers);
  g_assert_cmpstr (g_variant_get_type_string (tiers), ==, "aa{sx}");
  g_assert_cmpuint (g_variant_n_children (tiers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GVariant) tier = g_variant_get_child_value (tiers, i);
      gint64 months, count;

      g_assert_cmpuint (g_variant_n_children (tier), ==, 2);
      g_assert_true (g_variant_lookup (tier, "months", "x", &months));
      g_assert_true (g_variant_lookup (tier, "count", "x", &count));
      g_assert_cmpint (months, ==, tier_values[i][0]);
      g_assert_cmpint (count, ==, tier_values[i][1]);
    }

  uses = collab_ruleset_get_parameter (ruleset, "fund.prohibited_use", "uses");
  use_list = g_variant_get_strv (uses, &n_uses);
  g_assert_cmpuint (n_uses, ==, G_N_ELEMENTS (prohibited_uses));
  for (guint i = 0; i < G_N_ELEMENTS (prohibited_uses); i++)
    g_assert_cmpstr (use_list[i], ==, prohibited_uses[i]);

  /* Severities of SPEC §5. */
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.coverage"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.orphan"), ==, COLLAB_SEVERITY_WARNING);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.invalid"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.period"), ==, COLLAB_SEVERITY_WARNING);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "fund.untraced"), ==, COLLAB_SEVERITY_INFO);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "666.mix"), ==, COLLAB_SEVERITY_WARNING);

  /* Parameters are values of their own type; "enabled" is not a parameter. */
  total = collab_ruleset_get_parameter (ruleset, "666.total", "total");
  g_assert_true (g_variant_is_of_type (total, G_VARIANT_TYPE_INT64));
  g_assert_cmpint (g_variant_get_int64 (total), ==, 18);
  g_assert_null (collab_ruleset_get_parameter (ruleset, "666.total", "enabled"));
  g_assert_null (collab_ruleset_get_parameter (ruleset, "pairing.coverage", "total"));
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.tenure", "tiers", 42), ==, 42);
}

static void
test_poverty_2016 (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("poverty-2016");
  const char *off[] = { "666.mix", "666.short_other", "666.tenure", "666.term", "666.total" };

  g_assert_true (collab_ruleset_is_enabled (ruleset, "666.county_mix"));
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.county_mix", "teacher", -1), ==, 6);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.county_mix", "doctor", -1), ==, 6);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.county_mix", "agriculture_or_other", -1), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (off); i++)
    g_assert_false (collab_ruleset_is_enabled (ruleset, off[i]));

  g_assert_true (collab_ruleset_is_enabled (ruleset, "pairing.coverage"));
  g_assert_true (collab_ruleset_is_enabled (ruleset, "fund.floor"));
  g_assert_true (collab_ruleset_is_enabled (ruleset, "fund.prohibited_use"));
  /* SPEC §11.4: poverty-2016 gains labour.*. */
  g_assert_true (collab_ruleset_is_enabled (ruleset, "labour.priority"));
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "labour.follow_up", "days", -1), ==, 90);
  g_assert_false (collab_ruleset_is_enabled (ruleset, "event.annual"));
}

/* SPEC §11.4: the plan's tasks and initiatives, three kinds of event a
 * year, the pairing rules; no talent or fund rule. */
static void
test_counterpart_2022 (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("counterpart-2022");
  g_auto(GStrv) enabled = collab_ruleset_list_rules (ruleset);
  g_autoptr(GVariant) min = collab_ruleset_get_parameter (ruleset, "event.annual", "min");
  const char *expected[] = {
    "event.annual", "initiative.count", "initiative.plan",
    "pairing.coverage", "pairing.invalid", "pairing.orphan", "pairing.period",
    "task.report", "task.responsible",
  };

  g_assert_cmpstr (collab_ruleset_get_id (ruleset), ==, "counterpart-2022");
  g_assert_cmpuint (g_strv_length (enabled), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (enabled[i], ==, expected[i]);

  g_assert_cmpstr (g_variant_get_type_string (min), ==, "a{sx}");
  collab_test_assert_json (min, "{\"joint_meeting\":1,\"park_meeting\":1,\"visit\":1}");
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "initiative.count", "min", -1), ==, 1);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "initiative.count", "max", -1), ==, 3);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "event.annual"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "task.responsible"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "task.report"), ==, COLLAB_SEVERITY_WARNING);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "initiative.count"), ==, COLLAB_SEVERITY_WARNING);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "initiative.plan"), ==, COLLAB_SEVERITY_WARNING);
}

/* Counts by name (event.annual's min): an object of counts in a
 * document, kept sorted by name however it was written or set, derived
 * member by member like any parameter, and saved as it loads. */
static void
test_counts (void)
{
  g_autoptr(CollabRuleset) derived = from_data (
    HEADER ", \"base\": \"east-west-2021\", "
    "\"rules\": {\"event.annual\": {\"min\": {\"visit\": 2, \"park_meeting\": 0, \"expo\": 1}}}}");
  g_autoptr(CollabRuleset) again = NULL;
  g_autoptr(GVariant) min = collab_ruleset_get_parameter (derived, "event.annual", "min");
  g_autoptr(GVariant) got = NULL;
  g_autofree char *saved = NULL;

  collab_test_assert_json (min, "{\"expo\":1,\"park_meeting\":0,\"visit\":2}");
  g_assert_true (collab_ruleset_is_enabled (derived, "event.annual"));

  saved = collab_ruleset_to_data (derived, NULL);
  g_assert_nonnull (strstr (saved, "\"min\": {\"expo\": 1, \"park_meeting\": 0, \"visit\": 2}"));
  again = from_data (saved);
  got = collab_ruleset_get_parameter (again, "event.annual", "min");
  g_assert_true (g_variant_equal (got, min));
  g_clear_pointer (&got, g_variant_unref);

  /* Set from code, in any order; NULL goes back to the rule's none. */
  collab_ruleset_set_parameter (derived, "event.annual", "min",
                                g_variant_new_parsed ("@a{sx} {'visit': 3, 'joint_meeting': 1}"));
  got = collab_ruleset_get_parameter (derived, "event.annual", "min");
  collab_test_assert_json (got, "{\"joint_meeting\":1,\"visit\":3}");
  g_clear_pointer (&got, g_variant_unref);
  collab_ruleset_set_parameter (derived, "event.annual", "min", NULL);
  got = collab_ruleset_get_parameter (derived, "event.annual", "min");
  g_assert_cmpuint (g_variant_n_children (got), ==, 0);
  g_clear_pointer (&got, g_variant_unref);

  /* Refused: a name that is no event kind, a negative count, a name twice. */
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*\"meeting\" is not one of joint_meeting, visit*");
  collab_ruleset_set_parameter (derived, "event.annual", "min", g_variant_new_parsed ("@a{sx} {'meeting': 1}"));
  g_test_assert_expected_messages ();
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*the count of \"visit\" is negative*");
  collab_ruleset_set_parameter (derived, "event.annual", "min", g_variant_new_parsed ("@a{sx} {'visit': -1}"));
  g_test_assert_expected_messages ();
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*\"visit\" appears twice*");
  collab_ruleset_set_parameter (derived, "event.annual", "min",
                                g_variant_new_parsed ("@a{sx} [{'visit', 1}, {'visit', 2}]"));
  g_test_assert_expected_messages ();
  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*expected a dictionary of non-negative counts*");
  collab_ruleset_set_parameter (derived, "event.annual", "min", g_variant_new_int64 (1));
  g_test_assert_expected_messages ();
  got = collab_ruleset_get_parameter (derived, "event.annual", "min");
  g_assert_cmpuint (g_variant_n_children (got), ==, 0);
}

/* SPEC §6: Zhuhai's floor is the annual agreement, and seed 003 states
 * no 666, cadre or demonstration-village rule. */
static void
test_zhuhai_2021 (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("zhuhai-2021");
  const char *on[] = {
    "event.annual", "fund.agreement", "fund.idle", "fund.not_in_reserve", "fund.overdraw", "fund.overspend",
    "fund.prohibited_use", "fund.unfiled", "fund.untraced", "labour.follow_up", "labour.overfilled",
    "labour.priority", "pairing.coverage", "pairing.invalid", "pairing.orphan", "pairing.period",
    "talent.agreement",
  };
  g_auto(GStrv) enabled = collab_ruleset_list_rules (ruleset);

  g_assert_cmpuint (g_strv_length (enabled), ==, G_N_ELEMENTS (on));
  for (guint i = 0; i < G_N_ELEMENTS (on); i++)
    g_assert_cmpstr (enabled[i], ==, on[i]);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "fund.agreement"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "talent.agreement"), ==, COLLAB_SEVERITY_VIOLATION);
}

/* A shipped file names only what its set enables and changes; the rules
 * give the rest. Written whole, each set is exactly what the shipped file
 * said before the rules described themselves (tests/data/rulesets/
 * *.full.json, every rule with every member), and reading that back gives
 * the same set. */
static void
test_builtin_round_trip (void)
{
  const char *ids[] = { "counterpart-2022", "east-west-2021", "poverty-2016", "zhuhai-2021" };
  const char *srcdir = g_getenv ("COLLAB_TEST_SRCDIR");

  g_assert_nonnull (srcdir);  /* set by tests/meson.build */

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CollabRuleset) ruleset = builtin (ids[i]);
      g_autoptr(CollabRuleset) again = NULL;
      g_autofree char *name = g_strconcat (ids[i], ".full.json", NULL);
      g_autofree char *path = g_build_filename (srcdir, "data", "rulesets", name, NULL);
      g_autofree char *full = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *resaved = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &full, NULL, &error));
      g_assert_no_error (error);
      saved = collab_ruleset_to_data (ruleset, &length);
      g_assert_cmpuint (length, ==, strlen (saved));
      g_assert_cmpstr (saved, ==, full);

      again = from_data (saved);
      resaved = collab_ruleset_to_data (again, NULL);
      g_assert_cmpstr (resaved, ==, saved);
    }
}

static void
test_derive_json (void)
{
  g_autoptr(CollabRuleset) ruleset = from_data (
    HEADER ", \"name\": \"Wuxi, stricter\", \"base\": \"east-west-2021\", \"interpretation\": \"cumulative\", "
    "\"rules\": {\"666.total\": {\"total\": 20}, "
    "            \"fund.idle\": {\"days\": 90, \"severity\": \"violation\"}, "
    "            \"pairing.orphan\": {\"enabled\": false}, "
    "            \"fund.prohibited_use\": {\"uses\": [\"office_premises\"]}, "
    "            \"666.county_mix\": {\"doctor\": 4}}}");
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) uses = NULL;
  g_autoptr(GVariant) tiers = NULL;

  g_assert_cmpstr (collab_ruleset_get_id (ruleset), ==, "mine");
  g_object_get (ruleset, "base", &base, "name", &name, NULL);
  g_assert_cmpstr (base, ==, "east-west-2021");
  g_assert_cmpstr (name, ==, "Wuxi, stricter");
  g_assert_cmpint (collab_ruleset_get_interpretation (ruleset), ==, COLLAB_INTERPRETATION_CUMULATIVE);

  /* The overrides. */
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.total", "total", -1), ==, 20);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 90);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "fund.idle"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_false (collab_ruleset_is_enabled (ruleset, "pairing.orphan"));
  uses = collab_ruleset_get_parameter (ruleset, "fund.prohibited_use", "uses");
  g_assert_cmpuint (g_variant_n_children (uses), ==, 1);

  /* Naming a rule does not change what the base said of its other members:
   * 666.county_mix stays disabled, with its other counts. */
  g_assert_false (collab_ruleset_is_enabled (ruleset, "666.county_mix"));
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.county_mix", "doctor", -1), ==, 4);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.county_mix", "teacher", -1), ==, 6);

  /* Everything else comes from the base. */
  g_assert_true (collab_ruleset_is_enabled (ruleset, "666.total"));
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "666.total"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "666.mix", "teacher", -1), ==, 6);
  g_assert_true (collab_ruleset_is_enabled (ruleset, "pairing.coverage"));
  tiers = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  g_assert_cmpuint (g_variant_n_children (tiers), ==, 3);
}

static void
test_derive_setters (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("east-west-2021");
  g_autoptr(CollabRuleset) reference = builtin ("east-west-2021");
  g_autoptr(GVariant) uses = g_variant_ref_sink (g_variant_new_parsed ("['office_premises', 'lunches']"));
  g_autoptr(GVariant) tiers = g_variant_ref_sink (g_variant_new_parsed ("@aa{sx} [{'months': 12, 'count': 4}]"));
  g_autoptr(GVariant) got = NULL;
  g_autoptr(GVariant) reference_tiers = NULL;
  guint notified = 0;

  g_signal_connect (ruleset, "notify::interpretation", G_CALLBACK (collab_test_count_notify), &notified);

  collab_ruleset_set_int (ruleset, "fund.idle", "days", 90);
  collab_ruleset_set_severity (ruleset, "fund.idle", COLLAB_SEVERITY_VIOLATION);
  collab_ruleset_set_enabled (ruleset, "pairing.orphan", FALSE);
  collab_ruleset_set_enabled (ruleset, "666.county_mix", TRUE);
  collab_ruleset_set_parameter (ruleset, "fund.prohibited_use", "uses", uses);
  collab_ruleset_set_parameter (ruleset, "666.tenure", "tiers", tiers);
  collab_ruleset_set_interpretation (ruleset, COLLAB_INTERPRETATION_BANDED);

  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 90);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "fund.idle"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_false (collab_ruleset_is_enabled (ruleset, "pairing.orphan"));
  g_assert_true (collab_ruleset_is_enabled (ruleset, "666.county_mix"));
  g_assert_cmpint (collab_ruleset_get_interpretation (ruleset), ==, COLLAB_INTERPRETATION_BANDED);
  collab_ruleset_set_interpretation (ruleset, COLLAB_INTERPRETATION_BANDED);
  g_assert_cmpuint (notified, ==, 1);

  /* The set holds what was given. */
  got = collab_ruleset_get_parameter (ruleset, "fund.prohibited_use", "uses");
  g_assert_true (g_variant_equal (got, uses));
  g_clear_pointer (&got, g_variant_unref);
  got = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  g_assert_cmpuint (g_variant_n_children (got), ==, 1);
  g_clear_pointer (&got, g_variant_unref);

  /* Removing a parameter goes back to the rule's own. */
  collab_ruleset_set_parameter (ruleset, "666.tenure", "tiers", NULL);
  got = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  reference_tiers = collab_ruleset_get_parameter (reference, "666.tenure", "tiers");
  g_assert_true (g_variant_equal (got, reference_tiers));

  /* Another instance of the shipped set is untouched. */
  g_assert_cmpint (collab_ruleset_get_int (reference, "fund.idle", "days", -1), ==, 180);
  g_assert_true (collab_ruleset_is_enabled (reference, "pairing.orphan"));
}

static void
test_setters_on_empty (void)
{
  g_autoptr(CollabRuleset) ruleset = g_object_new (COLLAB_TYPE_RULESET, "id", "empty", NULL);
  g_auto(GStrv) rules = NULL;

  g_assert_cmpstr (collab_ruleset_get_id (ruleset), ==, "empty");
  g_assert_false (collab_ruleset_is_enabled (ruleset, "pairing.coverage"));
  /* A rule the set does not name has the default severity of SPEC §5. */
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.orphan"), ==, COLLAB_SEVERITY_WARNING);

  /* A parameter or a severity alone does not enable a rule. */
  collab_ruleset_set_int (ruleset, "fund.idle", "days", 30);
  collab_ruleset_set_severity (ruleset, "pairing.orphan", COLLAB_SEVERITY_INFO);
  g_assert_false (collab_ruleset_is_enabled (ruleset, "fund.idle"));
  g_assert_false (collab_ruleset_is_enabled (ruleset, "pairing.orphan"));
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.orphan"), ==, COLLAB_SEVERITY_INFO);

  collab_ruleset_set_enabled (ruleset, "pairing.coverage", TRUE);
  collab_ruleset_set_enabled (ruleset, "fund.idle", TRUE);
  rules = collab_ruleset_list_rules (ruleset);
  g_assert_cmpuint (g_strv_length (rules), ==, 2);
  g_assert_cmpstr (rules[0], ==, "fund.idle");
  g_assert_cmpstr (rules[1], ==, "pairing.coverage");
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 30);
}

static void
test_baseless_set (void)
{
  g_autoptr(CollabRuleset) ruleset = from_data (
    HEADER ", \"rules\": {\"pairing.coverage\": {}, \"pairing.orphan\": {\"severity\": \"info\"}}}");
  g_auto(GStrv) rules = collab_ruleset_list_rules (ruleset);

  /* Naming a rule enables it; what is not named is not applied. */
  g_assert_cmpuint (g_strv_length (rules), ==, 2);
  g_assert_true (collab_ruleset_is_enabled (ruleset, "pairing.coverage"));
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.coverage"), ==, COLLAB_SEVERITY_VIOLATION);
  g_assert_cmpint (collab_ruleset_get_severity (ruleset, "pairing.orphan"), ==, COLLAB_SEVERITY_INFO);
  g_assert_false (collab_ruleset_is_enabled (ruleset, "pairing.invalid"));
  g_assert_cmpint (collab_ruleset_get_interpretation (ruleset), ==, COLLAB_INTERPRETATION_NESTED);
}

static void
test_save_load_derived (void)
{
  g_autoptr(CollabRuleset) ruleset = from_data (
    HEADER ", \"name\": \"Mine\", \"description\": \"for a test\", \"base\": \"poverty-2016\", "
    "\"interpretation\": \"banded\", \"rules\": {\"666.county_mix\": {\"doctor\": 3}}}");
  g_autoptr(CollabRuleset) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  collab_ruleset_set_enabled (ruleset, "village.demo", TRUE);
  first = collab_ruleset_to_data (ruleset, NULL);
  again = from_data (first);
  second = collab_ruleset_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (g_str_has_prefix (first,
                                   "{\n  \"format\": \"libcollab-ruleset\",\n  \"version\": 1,\n  \"id\": \"mine\",\n"
                                   "  \"name\": \"Mine\",\n  \"description\": \"for a test\",\n"
                                   "  \"base\": \"poverty-2016\",\n  \"interpretation\": \"banded\",\n"));
  g_assert_cmpint (collab_ruleset_get_int (again, "666.county_mix", "doctor", -1), ==, 3);
  g_assert_true (collab_ruleset_is_enabled (again, "village.demo"));
  g_assert_cmpint (collab_ruleset_get_interpretation (again), ==, COLLAB_INTERPRETATION_BANDED);
}

static void
test_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("collab-ruleset-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, HEADER ", \"base\": \"east-west-2021\", "
                                      "\"rules\": {\"fund.idel\": {\"days\": 90}}}", -1, &error));

  /* The error names the file and the JSON path. */
  ruleset = collab_ruleset_new_from_file (path, &error);
  g_assert_null (ruleset);
  g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_UNKNOWN_RULE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ": $.rules[\"fund.idel\"]: unknown rule \"fund.idel\""));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, HEADER ", \"base\": \"east-west-2021\", "
                                      "\"rules\": {\"fund.idle\": {\"days\": 90}}}", -1, &error));
  ruleset = collab_ruleset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 90);
  g_clear_object (&ruleset);

  g_unlink (path);
  ruleset = collab_ruleset_new_from_file (path, &error);
  g_assert_null (ruleset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_unknown_rule (void)
{
  assert_load_error (HEADER ", \"rules\": {\"pairing.coverage\": {}, \"pairing.cover\": {}}}",
                     COLLAB_RULESET_ERROR_UNKNOWN_RULE,
                     "<data>: $.rules[\"pairing.cover\"]: unknown rule \"pairing.cover\"*");
  assert_load_error (HEADER ", \"base\": \"east-west-2021\", \"rules\": {\"666.totl\": {\"total\": 20}}}",
                     COLLAB_RULESET_ERROR_UNKNOWN_RULE,
                     "<data>: $.rules[\"666.totl\"]: unknown rule*");
}

static void
test_invalid_documents (void)
{
  static const struct {
    const char *data;
    int         code;
    const char *message;
  } cases[] = {
    { "[]", COLLAB_RULESET_ERROR_INVALID, "<data>: $: expected a rule set object, found an array" },
    { "{\"format\": \"libcollab-dataset\", \"version\": 1, \"id\": \"x\"}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.format: expected \"libcollab-ruleset\", found \"libcollab-dataset\"*" },
    { "{\"version\": 1, \"id\": \"x\"}", COLLAB_RULESET_ERROR_INVALID, "<data>: $: the member \"format\" is missing" },
    { "{\"format\": \"libcollab-ruleset\", \"version\": 2, \"id\": \"x\"}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.version: version 2 is not one this library reads*" },
    { "{\"format\": \"libcollab-ruleset\", \"version\": \"1\", \"id\": \"x\"}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.version: expected an integer, found a string" },
    { "{\"format\": \"libcollab-ruleset\", \"version\": 1}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $: the member \"id\" is missing" },
    { HEADER ", \"rule\": {}}", COLLAB_RULESET_ERROR_INVALID, "<data>: $.rule: unknown member*" },
    { HEADER ", \"interpretation\": \"literal\"}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.interpretation: expected \"nested\", \"cumulative\" or \"banded\"*" },
    { HEADER ", \"base\": \"east-west-2099\"}",
      COLLAB_RULESET_ERROR_NOT_FOUND, "<data>: $.base: no shipped rule set has the id \"east-west-2099\" (shipped: counterpart-2022, east-west-2021, poverty-2016, zhuhai-2021)" },
    { HEADER ", \"rules\": []}", COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules: expected an object*found an array" },
    { HEADER ", \"rules\": {\"fund.idle\": 90}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"]: expected an object*found an integer" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"days\": \"90\"}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"].days: expected a non-negative integer, found a string" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"days\": -1}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"].days: expected a non-negative integer, found a negative integer" },
    /* Counts stop at a hundred million, so that the 666 sums of up to eight
     * tiers fit: beyond is refused, never held at a limit. */
    { HEADER ", \"rules\": {\"666.total\": {\"total\": 100000001}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"666.total\"].total: expected a non-negative integer, found an integer above 100000000, more than a rule set may ask for" },
    { HEADER ", \"rules\": {\"666.tenure\": {\"tiers\": [{\"months\": 12, \"count\": 9223372036854775807}]}}}",
      COLLAB_RULESET_ERROR_INVALID, "*.tiers[0].count: expected a non-negative integer, found an integer above 100000000*" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": {\"visit\": 100000001}}}}",
      COLLAB_RULESET_ERROR_INVALID, "*.min.visit: expected a non-negative integer, found an integer above 100000000*" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"days\": 1.5}}}",
      COLLAB_RULESET_ERROR_INVALID, "*.days: expected a non-negative integer, found a number with a fraction" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"dayz\": 90}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"].dayz: rule fund.idle has no parameter \"dayz\" (it has \"days\")" },
    { HEADER ", \"rules\": {\"pairing.coverage\": {\"total\": 1}}}",
      COLLAB_RULESET_ERROR_INVALID, "*.total: rule pairing.coverage has no parameter \"total\"*" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"enabled\": \"yes\"}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"].enabled: expected true or false, found a string" },
    { HEADER ", \"rules\": {\"fund.idle\": {\"severity\": \"error\"}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.idle\"].severity: expected \"violation\", \"warning\" or \"info\", found error" },
    { HEADER ", \"rules\": {\"fund.prohibited_use\": {\"uses\": [\"a\", 2]}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"fund.prohibited_use\"].uses[1]: expected a string, found an integer" },
    { HEADER ", \"rules\": {\"666.tenure\": {\"tiers\": [{\"months\": 12, \"count\": 3}, {\"months\": 6}]}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"666.tenure\"].tiers[1]: the tier has no \"count\"" },
    { HEADER ", \"rules\": {\"666.tenure\": {\"tiers\": [{\"months\": \"12\", \"count\": 3}]}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"666.tenure\"].tiers[0].months: expected a non-negative integer, found a string" },
    { HEADER ", \"rules\": {\"666.tenure\": {\"tiers\": [{\"months\": 12, \"count\": 3, \"share\": 1}]}}}",
      COLLAB_RULESET_ERROR_INVALID, "*.tiers[0]: a tier has exactly the members*" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": [\"visit\"]}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"event.annual\"].min: expected an object of counts by name, found an array" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": {\"visit\": 1, \"meeting\": 1}}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"event.annual\"].min.meeting: \"meeting\" is not one of joint_meeting, visit, park_meeting*" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": {\"visit\": -1}}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"event.annual\"].min.visit: expected a non-negative integer, found a negative integer" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": {\"visit\": \"1\"}}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>: $.rules[\"event.annual\"].min.visit: expected a non-negative integer, found a string" },
    { HEADER ", \"rules\": {\"event.annual\": {\"min\": {\"visit\": 1, \"visit\": 2}}}}",
      COLLAB_RULESET_ERROR_INVALID, "<data>:1:*: the member \"visit\" appears twice" },
    { HEADER ", \"id\": \"twice\"}", COLLAB_RULESET_ERROR_INVALID, "<data>:1:*: the member \"id\" appears twice" },
    { HEADER ", ", COLLAB_RULESET_ERROR_INVALID, "<data>:1:*" },
    { "", COLLAB_RULESET_ERROR_INVALID, "<data>:1:1:*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_error (cases[i].data, cases[i].code, cases[i].message);
}

/* json-glib 1.6's own parser overflows the stack on this; the rule set
 * reader must refuse it with an error naming the file. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) data = g_string_new (HEADER ", \"rules\": {\"fund.prohibited_use\": {\"uses\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabRuleset) ruleset = NULL;
  g_autofree char *path = NULL;
  const guint depth = 1000000;
  int fd;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (data, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (data, ']');
  g_string_append (data, "}}}");

  fd = g_file_open_tmp ("collab-deep-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));

  ruleset = collab_ruleset_new_from_file (path, &error);
  g_assert_null (ruleset);
  g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "nest"));
  g_clear_error (&error);

  ruleset = collab_ruleset_new_from_data (data->str, data->len, &error);
  g_assert_null (ruleset);
  g_assert_error (error, COLLAB_RULESET_ERROR, COLLAB_RULESET_ERROR_INVALID);

  g_unlink (path);
}

static void
test_bad_arguments (void)
{
  g_autoptr(CollabRuleset) ruleset = builtin ("east-west-2021");
  g_autoptr(GVariant) text = g_variant_ref_sink (g_variant_new_string ("many"));

  /* Asking is always fine. */
  g_assert_false (collab_ruleset_is_enabled (ruleset, "no.such"));

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*\"no.such\" is not a rule id*");
  collab_ruleset_set_enabled (ruleset, "no.such", TRUE);
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*rule fund.idle has no parameter \"dayz\"*");
  collab_ruleset_set_int (ruleset, "fund.idle", "dayz", 3);
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*expected an integer from 0 to 100000000, found a string*");
  collab_ruleset_set_parameter (ruleset, "fund.idle", "days", text);
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*found a negative integer*");
  collab_ruleset_set_int (ruleset, "fund.idle", "days", -5);
  g_test_assert_expected_messages ();

  g_test_expect_message (LIBRARY_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*found an integer above 100000000*");
  collab_ruleset_set_int (ruleset, "666.total", "total", G_MAXINT64);
  g_test_assert_expected_messages ();

  g_assert_cmpint (collab_ruleset_get_int (ruleset, "fund.idle", "days", -1), ==, 180);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/ruleset/known-rules", test_known_rules);
  g_test_add_func ("/collab/ruleset/builtin/list", test_list_builtin);
  g_test_add_func ("/collab/ruleset/builtin/not-found", test_builtin_not_found);
  g_test_add_func ("/collab/ruleset/builtin/all-rules", test_builtin_lists_all_rules);
  g_test_add_func ("/collab/ruleset/builtin/east-west-2021", test_east_west_2021);
  g_test_add_func ("/collab/ruleset/builtin/poverty-2016", test_poverty_2016);
  g_test_add_func ("/collab/ruleset/builtin/zhuhai-2021", test_zhuhai_2021);
  g_test_add_func ("/collab/ruleset/builtin/counterpart-2022", test_counterpart_2022);
  g_test_add_func ("/collab/ruleset/counts", test_counts);
  g_test_add_func ("/collab/ruleset/builtin/round-trip", test_builtin_round_trip);
  g_test_add_func ("/collab/ruleset/derive/json", test_derive_json);
  g_test_add_func ("/collab/ruleset/derive/setters", test_derive_setters);
  g_test_add_func ("/collab/ruleset/setters-on-empty", test_setters_on_empty);
  g_test_add_func ("/collab/ruleset/baseless", test_baseless_set);
  g_test_add_func ("/collab/ruleset/save-load", test_save_load_derived);
  g_test_add_func ("/collab/ruleset/from-file", test_from_file);
  g_test_add_func ("/collab/ruleset/error/unknown-rule", test_unknown_rule);
  g_test_add_func ("/collab/ruleset/error/invalid", test_invalid_documents);
  g_test_add_func ("/collab/ruleset/error/deep-nesting", test_deep_nesting);
  g_test_add_func ("/collab/ruleset/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
