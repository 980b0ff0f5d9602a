/* test-rule-666.c: the 666 rules (rules/666/, SPEC §5 "Talent")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What each rule reports of a pairing-year that falls short: its subject,
 * severity, expected and actual values, remedy and words. Each test
 * builds the talent dataset of collab-test-util.h (wuxi-mini.json with a
 * program and three county pairings), merges a roster into it and looks
 * only at the findings of the rule it is about. Who is counted, for which
 * pairing-year and for how many months is test-talent-tally.c's; that the
 * plans are the smallest is test-talent-plan.c's. The checker always runs
 * with an explicit as-of day, so that no result depends on the day the
 * tests run.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "collab-test-util.h"

/* --- 666.total ------------------------------------------------------- */

static void
test_total_pass_and_fail (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 5, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.total");
  /* 17 for jiangyin→yanchuan; the two huishan pairings have nobody. */
  g_assert_cmpuint (findings->len, ==, 3);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_rule (finding), ==, "666.total");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_subject_keys (finding, "assisting", "assisted", "year", NULL);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, "huishan");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "ledu");

  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, "jiangyin");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2022);
  collab_test_assert_json (collab_finding_get_expected (finding), "{\"total\":18}");
  collab_test_assert_json (collab_finding_get_actual (finding), "{\"total\":17,\"projected\":0}");
  /* One more agriculture-or-other person closes total and mix at once. */
  collab_test_assert_json (collab_finding_get_remedy (finding),
                           "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":1}],\"total\":1}");
  collab_test_assert_message_contains (finding, "jiangyin (江阴市) → yanchuan (延川县) in 2022");
  collab_test_assert_message_contains (finding, "17 professionals counted");
  collab_test_assert_message_contains (finding, "18 required");
  collab_test_assert_message_contains (finding, "add 1 agriculture-or-other professional for ≥ 1 month");

  /* The 18th. */
  {
    g_autoptr(GPtrArray) after = NULL;

    collab_test_roster_init (&roster);
    collab_test_roster_add (&roster, 1, "other", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
    collab_test_roster_merge (dataset, &roster);
    collab_test_roster_clear (&roster);
    after = collab_test_talent_check (dataset, "666.total");
    g_assert_cmpuint (after->len, ==, 2);
    for (guint i = 0; i < after->len; i++)
      g_assert_cmpstr (collab_finding_get_subject_string (g_ptr_array_index (after, i), "assisting"), ==, "huishan");
  }
}

/* A teacher under a month counts toward the total (not toward a tier);
 * an agriculture-or-other professional under a month does not. */
static void
test_total_short_services (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 10, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-20");
  collab_test_roster_add (&roster, 10, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-20");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.total");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_test_member_int (collab_finding_get_actual (finding), "total"), ==, 10);
  collab_test_assert_message_contains (finding, "10 agriculture-or-other professionals serving under 1 month are not counted");
}

/* The as-of day: services that end after it count, as projected; years
 * after its year are not judged. */
static void
test_total_as_of_projected (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2022, 2024, "east-west-2021");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 10, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 5, "doctor", "jiangyin", "yanchuan", "2022-01-01", "2022-05-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2022-06-30");
  /* 2022 only: three pairing-years. */
  g_assert_cmpuint (findings->len, ==, 3);
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2022);
  collab_test_assert_json (collab_finding_get_actual (finding), "{\"total\":15,\"projected\":10}");
  collab_test_assert_message_contains (finding, "10 of those counted end after the as-of day 2022-06-30 (projected)");

  /* As of the end of 2024 nothing is projected, and 2023 and 2024 are
   * judged too. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2024-12-31");
  g_assert_cmpuint (findings->len, ==, 9);
}

/* --- 666.tenure ------------------------------------------------------ */

static void
test_tenure_worked_example (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_worked_example (&roster);
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  g_assert_true (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_true (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));

  /* nested: only 6 serve ≥ 6 months, 9 needed. The default reading. */
  findings = collab_test_talent_check (dataset, "666.tenure");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  collab_test_assert_json (collab_finding_get_expected (finding),
                           "{\"interpretation\":\"nested\",\"tiers\":[{\"months\":12,\"count\":3},"
                           "{\"months\":6,\"count\":9},{\"months\":1,\"count\":18}]}");
  collab_test_assert_json (collab_finding_get_actual (finding),
                           "{\"tiers\":[{\"months\":12,\"count\":3},{\"months\":6,\"count\":6},"
                           "{\"months\":1,\"count\":18}],\"projected\":0}");
  collab_test_assert_message_contains (finding, "nested reading");
  collab_test_assert_message_contains (finding, "6 serve ≥ 6 months (9 needed, short)");
  /* Three more for 6 months: teachers and doctors take the long tiers. */
  collab_test_assert_json (collab_finding_get_remedy (finding),
                           "{\"add\":[{\"profession\":\"teacher\",\"months\":6,\"count\":2},"
                           "{\"profession\":\"doctor\",\"months\":6,\"count\":1}],\"total\":3}");
  collab_test_assert_message_contains (finding, "add 2 teachers for ≥ 6 months and 1 doctor for ≥ 6 months");

  /* banded: 3 in [6, 12), 6 needed. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_talent_check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_BANDED);
  finding = g_ptr_array_index (findings, 2);
  tiers = collab_test_actual_tiers (finding);
  g_assert_cmpstr (tiers, ==, "3/3/12");
  collab_test_assert_json (collab_finding_get_expected (finding),
                           "{\"interpretation\":\"banded\",\"tiers\":[{\"months\":12,\"count\":3},"
                           "{\"months\":6,\"below\":12,\"count\":6},{\"months\":1,\"below\":6,\"count\":9}]}");
  collab_test_assert_message_contains (finding, "3 serve 6 to 11 months (6 needed, short)");
  collab_test_assert_json (collab_finding_get_remedy (finding),
                           "{\"add\":[{\"profession\":\"teacher\",\"months\":6,\"below\":12,\"count\":2},"
                           "{\"profession\":\"doctor\",\"months\":6,\"below\":12,\"count\":1}],\"total\":3}");
  collab_test_assert_message_contains (finding, "add 2 teachers for 6 to 11 months (≥ 6, < 12)");
}

/* --- 666.mix --------------------------------------------------------- */

static void
test_mix_and_adjustment (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 9, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 9, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 9, "teacher", "huishan", "ledu", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 9, "doctor", "huishan", "ledu", "2022-03-01", "2022-08-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.mix");
  g_assert_cmpuint (findings->len, ==, 3);
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "assisting", "assisted", "year", NULL);
  collab_test_assert_json (collab_finding_get_expected (finding), "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":6}");
  collab_test_assert_json (collab_finding_get_actual (finding),
                           "{\"teacher\":9,\"doctor\":9,\"agriculture_or_other\":0,\"projected\":0}");
  collab_test_assert_message_contains (finding, "0 agriculture-or-other professionals of 6");
  collab_test_assert_message_contains (finding, "or record an adjustment");
  /* Total and tenure pass: 6 more, all agriculture-or-other. */
  collab_test_assert_json (collab_finding_get_remedy (finding),
                           "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":6}],\"total\":6}");

  /* An adjustment for jiangyin→yanchuan 2022 silences it; one without an
   * assisting district covers every district paired with ledu; one for
   * another year does nothing. */
  collab_test_roster_init (&roster);
  g_string_append (roster.extra,
                   ", \"adjustments\": ["
                   "{\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"year\": 2022, "
                   "\"note\": \"county asked for more doctors\"},"
                   "{\"rule\": \"666.mix\", \"assisted\": \"ledu\", \"year\": 2022},"
                   "{\"rule\": \"666.mix\", \"assisting\": \"huishan\", \"assisted\": \"pingan\", \"year\": 2021}]");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_talent_check (dataset, "666.mix");
  collab_test_assert_pairing_year (findings, "huishan", "pingan", 2022);

  /* The adjustment silences the mix only: 666.total still judges the
   * empty pingan pairing-year. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_talent_check (dataset, "666.total");
  g_assert_cmpuint (findings->len, ==, 1);
}

/* With the mix adjusted, the plan closes total and tenure only. */
static void
test_mix_adjusted_plan (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-04-30");
  g_string_append (roster.extra,
                   ", \"adjustments\": [{\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", "
                   "\"assisted\": \"yanchuan\", \"year\": 2022}]");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.total");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  /* 15 counted: 3 more, for ≥ 1 month; the free slots go to the smallest
   * groups (doctors, then agriculture-or-other). */
  collab_test_assert_json (collab_finding_get_remedy (finding),
                           "{\"add\":[{\"profession\":\"doctor\",\"months\":1,\"count\":2},"
                           "{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":1}],\"total\":3}");
}

/* --- 666.short_other ------------------------------------------------- */

static void
test_short_other (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *weekend = NULL;
  g_autofree char *bird = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_compliant (&roster);
  /* A "weekend engineer": two short stays, never a month. */
  weekend = collab_test_roster_person (&roster, "other");
  collab_test_roster_dispatch (&roster, weekend, "professional", "outbound", "jiangyin", "yanchuan", "2022-04-02", "2022-04-03", NULL);
  collab_test_roster_dispatch (&roster, weekend, "professional", "outbound", "jiangyin", "yanchuan", "2022-05-07", "2022-05-08", NULL);
  /* A "migratory bird" with a short stay and a long one. */
  bird = collab_test_roster_person (&roster, "agriculture");
  collab_test_roster_dispatch (&roster, bird, "professional", "outbound", "jiangyin", "yanchuan", "2022-03-01", "2022-03-15", NULL);
  collab_test_roster_dispatch (&roster, bird, "professional", "outbound", "jiangyin", "yanchuan", "2022-06-01", "2022-09-30", NULL);
  /* A teacher under a month is not this rule's business. */
  collab_test_roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-10");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.short_other");
  g_assert_cmpuint (findings->len, ==, 3);
  for (guint i = 0; i < findings->len; i++)
    {
      finding = g_ptr_array_index (findings, i);
      collab_test_assert_subject_keys (finding, "assisting", "assisted", "year", "dispatch", NULL);
      g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
      g_assert_cmpint (g_variant_get_int64 (collab_finding_get_expected (finding)), ==, 1);
      g_assert_cmpint (g_variant_get_int64 (collab_finding_get_actual (finding)), ==, 0);
    }

  /* Sorted by dispatch id: the weekend engineer's two, then the bird's. */
  finding = g_ptr_array_index (findings, 0);
  collab_test_assert_message_contains (finding, "2022-04-02 to 2022-04-03 (planned), 2 days, under 1 month");
  collab_test_assert_message_contains (finding, "is not counted toward the 666 rule");
  collab_test_assert_message_contains (finding, "to end on 2022-05-01 or later");
  finding = g_ptr_array_index (findings, 2);
  collab_test_assert_message_contains (finding, "is counted with the longer dispatch");

  /* 18 + the bird + the teacher counted; the weekend engineer is not. */
  {
    g_autoptr(GPtrArray) total = collab_test_only_assisted (collab_test_talent_check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE),
                                                            "yanchuan");
    g_autoptr(GPtrArray) mix = collab_test_only_assisted (collab_test_talent_check (dataset, "666.mix"), "yanchuan");

    collab_test_assert_no_findings (total);
    collab_test_assert_no_findings (mix);
  }

  /* Switched off, short services count. */
  {
    g_autoptr(CollabRuleset) set = collab_ruleset_new_builtin ("east-west-2021", NULL);
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(CollabChecker) checker = collab_checker_new ();
    g_autoptr(CollabTable) table = NULL;

    collab_ruleset_set_enabled (set, "666.short_other", FALSE);
    none = collab_test_check_full (dataset, "666.short_other", COLLAB_TEST_NO_OVERRIDE, set, "2023-12-31");
    collab_test_assert_no_findings (none);

    collab_checker_set_ruleset (checker, set);
    table = collab_checker_plan (checker, dataset, NULL, &(CollabYearRange) { 2022, 2022 }, NULL);
    g_assert_cmpstr (collab_table_get_string (table, 0, collab_table_find_column (table, "assisted")), ==, "yanchuan");
    g_assert_cmpint (collab_table_get_int (table, 0, collab_table_find_column (table, "counted")), ==, 21);
  }
}

/* Under a month by a day: the one agriculture dispatch of 2024-01-31 to
 * 02-27 (the leap year clamps 01-31 + 1 month to 02-29, test-talent-tally.c
 * counts the rest). */
static void
test_short_other_month_end (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_month_ends_dataset ();
  g_autoptr(GPtrArray) short_other = NULL;

  short_other = collab_test_only_assisted (collab_test_check_full (dataset, "666.short_other", COLLAB_TEST_NO_OVERRIDE,
                                                                   NULL, "2025-12-31"),
                                           "yanchuan");
  g_assert_cmpuint (short_other->len, ==, 1);
  collab_test_assert_message_contains (g_ptr_array_index (short_other, 0), "2024-01-31 to 2024-02-27");
  collab_test_assert_message_contains (g_ptr_array_index (short_other, 0), "to end on 2024-02-28 or later");
}

/* --- 666.term -------------------------------------------------------- */

static void
test_term (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  /* jiangyin: 5 of 11 teachers and doctors serve ≥ 6 months: fewer than
   * half. huishan→ledu: 5 of 10, exactly half: fine. */
  collab_test_roster_add (&roster, 5, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-05-31");
  collab_test_roster_add (&roster, 5, "teacher", "huishan", "ledu", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 5, "doctor", "huishan", "ledu", "2022-03-01", "2022-05-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.term");
  finding = collab_test_assert_pairing_year (findings, "jiangyin", "yanchuan", 2022);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_json (collab_finding_get_expected (finding), "{\"months\":6,\"count\":6}");
  collab_test_assert_json (collab_finding_get_actual (finding), "{\"count\":5,\"of\":11,\"projected\":0}");
  collab_test_assert_message_contains (finding, "5 of the 11 teachers and doctors counted serve ≥ 6 months");
  collab_test_assert_message_contains (finding, "keep 1 more of them for ≥ 6 months, or add 1 teacher or doctor serving ≥ 6 months");
}

/* --- 666.county_mix (poverty-2016) ----------------------------------- */

static void
test_county_mix_poverty_2016 (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2016, 2020, "poverty-2016");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *twice = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  /* A second district for yanchuan, in the same program. */
  collab_test_roster_init (&roster);
  g_string_append (roster.extra,
                   ", \"pairings\": [{\"id\": \"p-hs-yc\", \"program\": \"prog\", \"assisting\": \"huishan\", "
                   "\"assisted\": \"yanchuan\", \"level\": \"county\"}]");
  /* 2018: yanchuan gets 4 teachers from jiangyin and 2 from huishan (one
   * counts however short the stay: no tiers in this rule), 6 doctors,
   * 3 + 1 agricultural staff, and one person sent by both districts, who
   * counts once: 5 agriculture-or-other. */
  collab_test_roster_add (&roster, 4, "teacher", "jiangyin", "yanchuan", "2018-09-01", "2019-01-31");
  collab_test_roster_add (&roster, 2, "teacher", "huishan", "yanchuan", "2018-09-01", "2018-09-10");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2018-03-01", "2018-03-10");
  collab_test_roster_add (&roster, 3, "agriculture", "jiangyin", "yanchuan", "2018-03-01", "2018-06-30");
  collab_test_roster_add (&roster, 1, "other", "huishan", "yanchuan", "2018-03-01", "2018-06-30");
  twice = collab_test_roster_person (&roster, "agriculture");
  collab_test_roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2018-04-01", "2018-04-30", NULL);
  collab_test_roster_dispatch (&roster, twice, "professional", "outbound", "huishan", "yanchuan", "2018-07-01", "2018-07-31", NULL);
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_check_full (dataset, "666.county_mix", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  /* Every county every year: 3 × 5. */
  g_assert_cmpuint (findings->len, ==, 15);
  for (guint i = 0; i < findings->len; i++)
    collab_test_assert_subject_keys (g_ptr_array_index (findings, i), "program", "assisted", "year", NULL);
  finding = g_ptr_array_index (findings, 0);
  /* SPEC §10: a county counts toward the program that pairs it. */
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "program"), ==, "prog");
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "ledu");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2016);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  collab_test_assert_json (collab_finding_get_expected (finding), "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":6}");
  collab_test_assert_message_contains (finding, "send 6 more teachers, 6 more medical staff and 6 more agricultural or other professionals");

  finding = g_ptr_array_index (findings, 12);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2018);
  collab_test_assert_json (collab_finding_get_actual (finding),
                           "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":5,\"projected\":0}");
  collab_test_assert_message_contains (finding, "from jiangyin, huishan");
  collab_test_assert_message_contains (finding, "send 1 more agricultural or other professional.");

  /* An adjustment for the county and year silences it. */
  collab_test_roster_init (&roster);
  g_string_append (roster.extra, ", \"adjustments\": [{\"rule\": \"666.county_mix\", \"assisted\": \"yanchuan\", "
                                 "\"year\": 2018}]");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_check_full (dataset, "666.county_mix", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  g_assert_cmpuint (findings->len, ==, 14);

  /* The 14th-plan rules are off in poverty-2016. */
  others = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  collab_test_assert_no_findings (others);
}

/* --- the example roster ---------------------------------------------- */

/* "rule key=value …" of each finding of the talent, cadre and village
 * rules, in the checker's order. */
static char *
describe_findings (CollabDataset *dataset,
                   int            interpretation)
{
  g_autoptr(GPtrArray) all = collab_test_check_full (dataset, NULL, interpretation, NULL, "2023-12-31");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (all, i);
      const char *rule = collab_finding_get_rule (finding);
      GVariantIter iter;
      const char *key;
      GVariant *value;

      if (!collab_test_finding_is (finding, "666.") && !collab_test_finding_is (finding, "cadre.") &&
          !collab_test_finding_is (finding, "village."))
        continue;
      g_string_append (text, rule);
      g_variant_iter_init (&iter, collab_finding_get_subject (finding));
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            g_string_append_printf (text, " %s=%s", key, g_variant_get_string (value, NULL));
          else
            g_string_append_printf (text, " %s=%" G_GINT64_FORMAT, key, g_variant_get_int64 (value));
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The findings doc/talent.md lists for the example roster, as of
 * 2023-12-31. (test-json-writer.c checks that the file is in the
 * canonical layout, test-scorecard.c its scorecard, test-plan.c its
 * plan table.) */
static void
test_example_roster (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autofree char *nested = describe_findings (dataset, COLLAB_TEST_NO_OVERRIDE);
  g_autofree char *cumulative = describe_findings (dataset, COLLAB_INTERPRETATION_CUMULATIVE);
  g_autofree char *banded = describe_findings (dataset, COLLAB_INTERPRETATION_BANDED);
  static const char expected[] =
    "666.mix assisting=binhu assisted=minhe year=2022\n"
    "666.mix assisting=jiangyin assisted=yanchuan year=2023\n"
    "666.mix assisting=liangxi assisted=xunhua year=2023\n"
    "666.short_other assisting=yixing assisted=yanchang year=2021 dispatch=wx-d0582\n"
    "666.tenure assisting=binhu assisted=minhe year=2022\n"
    "666.tenure assisting=jiangyin assisted=yanchuan year=2023\n"
    "666.tenure assisting=xishan assisted=hualong year=2021\n"
    "666.term assisting=xinwu assisted=huzhu year=2023\n"
    "666.total assisting=binhu assisted=minhe year=2022\n"
    "666.total assisting=jiangyin assisted=yanchuan year=2023\n"
    "cadre.continuity program=wuxi-2021 post=liaison region=pingan from=2023-06-01 to=2023-06-30\n"
    "village.demo program=wuxi-2021 county=xunhua\n";

  g_assert_cmpstr (nested, ==, expected);

  /* The readings: cumulative passes every pairing-year; banded fails
   * four. */
  g_assert_null (strstr (cumulative, "666.tenure"));
  g_assert_nonnull (strstr (banded,
                            "666.tenure assisting=binhu assisted=minhe year=2022\n"
                            "666.tenure assisting=huishan assisted=ledu year=2022\n"
                            "666.tenure assisting=jiangyin assisted=yanchuan year=2023\n"
                            "666.tenure assisting=xishan assisted=hualong year=2021\n"
                            "666.term"));

}

/* The example's 666.total findings: what a Wuxi officer would read. */
static void
test_example_roster_remedies (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(GPtrArray) total = collab_test_talent_check (dataset, "666.total");

  g_assert_cmpuint (total->len, ==, 2);
  collab_test_assert_json (collab_finding_get_remedy (g_ptr_array_index (total, 0)),
                           "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":2}],\"total\":2}");
  collab_test_assert_message_contains (g_ptr_array_index (total, 1), "10 of those counted end after the as-of day 2023-12-31");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/666/total/pass-and-fail", test_total_pass_and_fail);
  g_test_add_func ("/collab/rules/666/total/short-services", test_total_short_services);
  g_test_add_func ("/collab/rules/666/total/as-of-projected", test_total_as_of_projected);
  g_test_add_func ("/collab/rules/666/tenure/worked-example", test_tenure_worked_example);
  g_test_add_func ("/collab/rules/666/mix/adjustment", test_mix_and_adjustment);
  g_test_add_func ("/collab/rules/666/mix/adjusted-plan", test_mix_adjusted_plan);
  g_test_add_func ("/collab/rules/666/short-other", test_short_other);
  g_test_add_func ("/collab/rules/666/short-other/month-end", test_short_other_month_end);
  g_test_add_func ("/collab/rules/666/term", test_term);
  g_test_add_func ("/collab/rules/666/county-mix/poverty-2016", test_county_mix_poverty_2016);
  g_test_add_func ("/collab/rules/666/example-roster", test_example_roster);
  g_test_add_func ("/collab/rules/666/example-roster/remedies", test_example_roster_remedies);

  return g_test_run ();
}
