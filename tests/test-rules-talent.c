/* test-rules-talent.c: the 666 rules (SPEC §3 "Months of service", §5 "Talent")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test builds a small dataset from JSON text: a base document with
 * two sides, a 2022 program (or another period) and its county pairings,
 * then a roster merged into it, and looks only at the findings of the
 * rule it is about. The checker always runs with an explicit as-of day so
 * that no result depends on the day the tests run.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "analysis/collab-talent-private.h"
#include "collab-test-util.h"

/* --- datasets -------------------------------------------------------- */

static const char base_regions[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
  " \"regions\": [\n"
  "  {\"id\": \"jiangsu\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"jiangsu\"},\n"
  "  {\"id\": \"jiangyin\", \"name\": \"江阴市\", \"level\": \"county\", \"parent\": \"wuxi\"},\n"
  "  {\"id\": \"huishan\", \"name\": \"惠山区\", \"level\": \"county\", \"parent\": \"wuxi\"},\n"
  "  {\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"shaanxi\"},\n"
  "  {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\", \"flags\": [\"poverty_lifted\"]},\n"
  "  {\"id\": \"qinghai\", \"name\": \"青海省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"haidong\", \"name\": \"海东市\", \"level\": \"city\", \"parent\": \"qinghai\"},\n"
  "  {\"id\": \"ledu\", \"name\": \"乐都区\", \"level\": \"county\", \"parent\": \"haidong\", \"flags\": [\"poverty_lifted\"]},\n"
  "  {\"id\": \"pingan\", \"name\": \"平安区\", \"level\": \"county\", \"parent\": \"haidong\", \"flags\": [\"poverty_lifted\"]}\n"
  " ],\n";

/* A dataset with one program of @first_year..@last_year judged by
 * @ruleset, and the pairings jiangyin→yanchuan, huishan→ledu and
 * huishan→pingan. */
static CollabDataset *
new_dataset_full (int         first_year,
                  int         last_year,
                  const char *ruleset)
{
  g_autoptr(GString) json = g_string_new (base_regions);

  g_string_append_printf (json,
                          " \"programs\": [{\"id\": \"prog\", \"name\": \"test\", \"kind\": \"east_west\", "
                          "\"first_year\": %d, \"last_year\": %d, \"assisting\": \"wuxi\", "
                          "\"assisted\": [\"yanan\", \"haidong\"], \"ruleset\": \"%s\"}],\n"
                          " \"pairings\": [\n"
                          "  {\"id\": \"p-jy-yc\", \"program\": \"prog\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"level\": \"county\"},\n"
                          "  {\"id\": \"p-hs-ld\", \"program\": \"prog\", \"assisting\": \"huishan\", \"assisted\": \"ledu\", \"level\": \"county\"},\n"
                          "  {\"id\": \"p-hs-pa\", \"program\": \"prog\", \"assisting\": \"huishan\", \"assisted\": \"pingan\", \"level\": \"county\"}\n"
                          " ]}\n",
                          first_year, last_year, ruleset);
  return collab_test_load_data (json->str);
}

static CollabDataset *
new_dataset (void)
{
  return new_dataset_full (2022, 2022, "east-west-2021");
}

/* A roster being written: people and dispatches as JSON lines. */
typedef struct
{
  GString *people;
  GString *dispatches;
  GString *extra;
} Roster;

/* Ids stay unique across the rosters merged into one dataset. */
static guint next_id;

static void
roster_init (Roster *roster)
{
  roster->people = g_string_new (NULL);
  roster->dispatches = g_string_new (NULL);
  roster->extra = g_string_new (NULL);
}

static void
roster_clear (Roster *roster)
{
  g_string_free (roster->people, TRUE);
  g_string_free (roster->dispatches, TRUE);
  g_string_free (roster->extra, TRUE);
}

/* A dispatch of the person @person (added with roster_person()). */
static void
roster_dispatch (Roster     *roster,
                 const char *person,
                 const char *kind,
                 const char *direction,
                 const char *from,
                 const char *to,
                 const char *start,
                 const char *planned_end,
                 const char *actual_end)
{
  g_string_append_printf (roster->dispatches,
                          "%s{\"id\": \"d%04u\", \"person\": \"%s\", \"kind\": \"%s\", \"direction\": \"%s\", "
                          "\"from\": \"%s\", \"to\": \"%s\", \"start\": \"%s\", \"planned_end\": \"%s\"",
                          roster->dispatches->len > 0 ? ",\n" : "", next_id++, person, kind, direction,
                          from, to, start, planned_end);
  if (actual_end != NULL)
    g_string_append_printf (roster->dispatches, ", \"actual_end\": \"%s\"", actual_end);
  g_string_append (roster->dispatches, "}");
}

static char *
roster_person (Roster     *roster,
               const char *profession)
{
  char *id = g_strdup_printf ("x%04u", next_id++);

  g_string_append_printf (roster->people, "%s{\"id\": \"%s\", \"profession\": \"%s\"}",
                          roster->people->len > 0 ? ",\n" : "", id, profession);
  return id;
}

/* @n people of @profession, each with one outbound professional dispatch
 * from @from to @to. */
static void
roster_add (Roster     *roster,
            guint       n,
            const char *profession,
            const char *from,
            const char *to,
            const char *start,
            const char *end)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *person = roster_person (roster, profession);

      roster_dispatch (roster, person, "professional", "outbound", from, to, start, end, NULL);
    }
}

static void
roster_merge (CollabDataset *dataset,
              Roster        *roster)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"libcollab-dataset\", \"version\": 1");

  if (roster->people->len > 0)
    g_string_append_printf (json, ", \"people\": [%s]", roster->people->str);
  if (roster->dispatches->len > 0)
    g_string_append_printf (json, ", \"dispatches\": [%s]", roster->dispatches->str);
  g_string_append_printf (json, "%s}", roster->extra->str);
  collab_test_merge_data (dataset, json->str);
}

/* 6 teachers and 6 doctors for 12 months, 6 in agriculture for 6 months
 * from jiangyin to yanchuan in 2022: passes every 666 rule under every
 * reading but banded (no one in [1, 6)). */
static void
roster_add_compliant (Roster *roster)
{
  roster_add (roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
}

/* --- checking -------------------------------------------------------- */

static GPtrArray *
check (CollabDataset *dataset,
       const char    *rule)
{
  return collab_test_check_full (dataset, rule, COLLAB_TEST_NO_OVERRIDE, NULL, "2023-12-31");
}

static GPtrArray *
check_reading (CollabDataset        *dataset,
               const char           *rule,
               CollabInterpretation  interpretation)
{
  return collab_test_check_full (dataset, rule, interpretation, NULL, "2023-12-31");
}

/* The findings about @assisted only; takes @findings. */
static GPtrArray *
only (GPtrArray  *findings,
      const char *assisted)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (collab_finding_get_subject_string (finding, "assisted"), assisted) == 0)
        g_ptr_array_add (selected, g_object_ref (finding));
    }
  g_ptr_array_unref (findings);
  return selected;
}

static CollabFinding *
assert_one (GPtrArray  *findings,
            const char *assisting,
            const char *assisted,
            int         year)
{
  CollabFinding *finding = collab_test_assert_one_finding (findings);

  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, assisting);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, assisted);
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, year);
  return finding;
}

#define assert_json collab_test_assert_json
#define member_int collab_test_member_int

/* The counts of the actual tiers of a 666.tenure finding, as "a/b/c". */
static char *
actual_tiers (CollabFinding *finding)
{
  g_autoptr(GVariant) tiers = g_variant_lookup_value (collab_finding_get_actual (finding), "tiers", NULL);
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < g_variant_n_children (tiers); i++)
    {
      g_autoptr(GVariant) tier = g_variant_get_child_value (tiers, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "/" : "", member_int (tier, "count"));
    }
  return g_string_free (text, FALSE);
}

/* --- 666.total ------------------------------------------------------- */

static void
test_total_pass_and_fail (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 5, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.total");
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
  assert_json (collab_finding_get_expected (finding), "{\"total\":18}");
  assert_json (collab_finding_get_actual (finding), "{\"total\":17,\"projected\":0}");
  /* One more agriculture-or-other person closes total and mix at once. */
  assert_json (collab_finding_get_remedy (finding),
               "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":1}],\"total\":1}");
  collab_test_assert_message_contains (finding, "jiangyin (江阴市) → yanchuan (延川县) in 2022");
  collab_test_assert_message_contains (finding, "17 professionals counted");
  collab_test_assert_message_contains (finding, "18 required");
  collab_test_assert_message_contains (finding, "add 1 agriculture-or-other professional for ≥ 1 month");

  /* The 18th. */
  {
    g_autoptr(GPtrArray) after = NULL;

    roster_init (&roster);
    roster_add (&roster, 1, "other", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
    roster_merge (dataset, &roster);
    roster_clear (&roster);
    after = check (dataset, "666.total");
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
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 10, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-20");
  roster_add (&roster, 10, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-20");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.total");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (member_int (collab_finding_get_actual (finding), "total"), ==, 10);
  collab_test_assert_message_contains (finding, "10 agriculture-or-other professionals serving under 1 month are not counted");
}

/* Cadres, short-term visits and inbound dispatches are not counted;
 * neither are dispatches to an unpaired county or the wrong way round. */
static void
test_total_not_counted (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  Roster roster;

  roster_init (&roster);
  roster_add_compliant (&roster);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *cadre = roster_person (&roster, "other");
      g_autofree char *visitor = roster_person (&roster, "teacher");
      g_autofree char *trainee = roster_person (&roster, "doctor");
      g_autofree char *stray = roster_person (&roster, "doctor");

      roster_dispatch (&roster, cadre, "cadre", "outbound", "jiangyin", "yanchuan", "2022-01-01", "2023-12-31", NULL);
      roster_dispatch (&roster, visitor, "short_term", "outbound", "jiangyin", "yanchuan", "2022-04-01", "2022-04-10", NULL);
      roster_dispatch (&roster, trainee, "professional", "inbound", "yanchuan", "jiangyin", "2022-03-01", "2023-02-28", NULL);
      roster_dispatch (&roster, stray, "professional", "outbound", "jiangyin", "ledu", "2022-03-01", "2023-02-28", NULL);
    }
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  /* Exactly 18 counted for jiangyin→yanchuan (the compliant roster);
   * huishan→ledu has nobody: jiangyin is not paired with ledu. */
  findings = check (dataset, "666.total");
  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, "huishan");
      g_assert_cmpint (member_int (collab_finding_get_actual (finding), "total"), ==, 0);
    }
}

/* One person with two dispatches in a pairing-year counts once, with the
 * longer one. */
static void
test_total_person_twice (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) total = NULL;
  g_autoptr(GPtrArray) tenure = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *tiers = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 16, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-04-30");
  twice = roster_person (&roster, "doctor");
  roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2022-02-01", "2022-02-20", NULL);
  roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2022-05-01", "2023-04-30", NULL);
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  total = check (dataset, "666.total");
  finding = g_ptr_array_index (total, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (member_int (collab_finding_get_actual (finding), "total"), ==, 17);

  /* Counted with the year-long dispatch: one serves ≥ 12 months. */
  tenure = check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  finding = g_ptr_array_index (tenure, 2);
  tiers = actual_tiers (finding);
  g_assert_cmpstr (tiers, ==, "1/1/17");
}

/* A dispatch counts toward the year it starts in: a December start is
 * that year's, however far into the next it runs. */
static void
test_total_december_start (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset_full (2022, 2023, "east-west-2021");
  g_autoptr(GPtrArray) findings = NULL;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 18, "doctor", "jiangyin", "yanchuan", "2022-12-15", "2023-12-14");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.total");
  /* huishan's two pairings in both years, and jiangyin→yanchuan in 2023. */
  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (collab_finding_get_subject_string (finding, "assisting"), "jiangyin") == 0)
        {
          g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2023);
          g_assert_cmpint (member_int (collab_finding_get_actual (finding), "total"), ==, 0);
        }
    }

  /* And it serves 12 months: 2022's tenure passes under nested (18
   * serving ≥ 12 months fill every slot). */
  {
    g_autoptr(GPtrArray) tenure = check (dataset, "666.tenure");

    for (guint i = 0; i < tenure->len; i++)
      {
        CollabFinding *finding = g_ptr_array_index (tenure, i);

        g_assert_false (g_strcmp0 (collab_finding_get_subject_string (finding, "assisting"), "jiangyin") == 0 &&
                        collab_finding_get_subject_int (finding, "year") == 2022);
      }
  }
}

/* One district paired with two counties: a dispatch counts for the
 * county it goes to only. */
static void
test_total_district_with_two_counties (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add_compliant (&roster);
  roster_add (&roster, 6, "teacher", "huishan", "ledu", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "doctor", "huishan", "ledu", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "other", "huishan", "ledu", "2022-03-01", "2022-08-31");
  roster_add (&roster, 4, "teacher", "huishan", "pingan", "2022-03-01", "2023-02-28");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.total");
  finding = assert_one (findings, "huishan", "pingan", 2022);
  g_assert_cmpint (member_int (collab_finding_get_actual (finding), "total"), ==, 4);
}

/* The as-of day: services that end after it count, as projected; years
 * after its year are not judged. */
static void
test_total_as_of_projected (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset_full (2022, 2024, "east-west-2021");
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 10, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 5, "doctor", "jiangyin", "yanchuan", "2022-01-01", "2022-05-31");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2022-06-30");
  /* 2022 only: three pairing-years. */
  g_assert_cmpuint (findings->len, ==, 3);
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2022);
  assert_json (collab_finding_get_actual (finding), "{\"total\":15,\"projected\":10}");
  collab_test_assert_message_contains (finding, "10 of those counted end after the as-of day 2022-06-30 (projected)");

  /* As of the end of 2024 nothing is projected, and 2023 and 2024 are
   * judged too. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2024-12-31");
  g_assert_cmpuint (findings->len, ==, 9);
}

/* An early actual end replaces the planned end. */
static void
test_tenure_early_actual_end (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;
  g_autofree char *early = NULL;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 2, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (&roster, 9, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  early = roster_person (&roster, "teacher");
  roster_dispatch (&roster, early, "professional", "outbound", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28",
                   "2022-07-15");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  g_assert_cmpuint (findings->len, ==, 3);
  tiers = actual_tiers (g_ptr_array_index (findings, 2));
  /* The early leaver served 4 months: 2 ≥ 12, 8 ≥ 6, 18 ≥ 1. */
  g_assert_cmpstr (tiers, ==, "2/8/18");
}

/* --- 666.tenure: the readings ------------------------------------------ */

/* SPEC §5 worked example: 18 professionals, 3 × 12 months, 3 × 6 months,
 * 12 × 1 month. */
static void
roster_add_worked_example (Roster *roster)
{
  roster_add (roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (roster, 3, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  roster_add (roster, 3, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  roster_add (roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
}

static gboolean
tenure_fails (CollabDataset        *dataset,
              CollabInterpretation  interpretation)
{
  g_autoptr(GPtrArray) findings = check_reading (dataset, "666.tenure", interpretation);

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (collab_finding_get_subject_string (g_ptr_array_index (findings, i), "assisted"), "yanchuan") == 0)
      return TRUE;
  return FALSE;
}

static void
test_tenure_worked_example (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add_worked_example (&roster);
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  g_assert_true (tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_true (tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));

  /* nested: only 6 serve ≥ 6 months, 9 needed. The default reading. */
  findings = check (dataset, "666.tenure");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  assert_json (collab_finding_get_expected (finding),
               "{\"interpretation\":\"nested\",\"tiers\":[{\"months\":12,\"count\":3},"
               "{\"months\":6,\"count\":9},{\"months\":1,\"count\":18}]}");
  assert_json (collab_finding_get_actual (finding),
               "{\"tiers\":[{\"months\":12,\"count\":3},{\"months\":6,\"count\":6},"
               "{\"months\":1,\"count\":18}],\"projected\":0}");
  collab_test_assert_message_contains (finding, "nested reading");
  collab_test_assert_message_contains (finding, "6 serve ≥ 6 months (9 needed, short)");
  /* Three more for 6 months: teachers and doctors take the long tiers. */
  assert_json (collab_finding_get_remedy (finding),
               "{\"add\":[{\"profession\":\"teacher\",\"months\":6,\"count\":2},"
               "{\"profession\":\"doctor\",\"months\":6,\"count\":1}],\"total\":3}");
  collab_test_assert_message_contains (finding, "add 2 teachers for ≥ 6 months and 1 doctor for ≥ 6 months");

  /* banded: 3 in [6, 12), 6 needed. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_BANDED);
  finding = g_ptr_array_index (findings, 2);
  tiers = actual_tiers (finding);
  g_assert_cmpstr (tiers, ==, "3/3/12");
  assert_json (collab_finding_get_expected (finding),
               "{\"interpretation\":\"banded\",\"tiers\":[{\"months\":12,\"count\":3},"
               "{\"months\":6,\"below\":12,\"count\":6},{\"months\":1,\"below\":6,\"count\":9}]}");
  collab_test_assert_message_contains (finding, "3 serve 6 to 11 months (6 needed, short)");
  assert_json (collab_finding_get_remedy (finding),
               "{\"add\":[{\"profession\":\"teacher\",\"months\":6,\"below\":12,\"count\":2},"
               "{\"profession\":\"doctor\",\"months\":6,\"below\":12,\"count\":1}],\"total\":3}");
  collab_test_assert_message_contains (finding, "add 2 teachers for 6 to 11 months (≥ 6, < 12)");
}

/* Eighteen who all serve 12 months pass nested and cumulative and fail
 * banded. */
static void
test_tenure_all_twelve (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "other", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_true (tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));
}

/* Passes all three: 3 in [12, ∞), 6 in [6, 12), 9 in [1, 6). */
static void
test_tenure_banded_roster (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  roster_add (&roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-07-31");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_false (tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));

  /* And every other 666 rule. */
  {
    static const char * const rules[] = { "666.total", "666.mix", "666.term", "666.short_other" };

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      {
        g_autoptr(GPtrArray) findings = only (check_reading (dataset, rules[i], COLLAB_INTERPRETATION_BANDED),
                                              "yanchuan");
        collab_test_assert_no_findings (findings);
      }
  }
}

/* The reading comes from the rule set, unless the checker overrides it;
 * a rule set given to the checker replaces the program's. */
static void
test_tenure_reading_sources (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(CollabRuleset) cumulative = NULL;
  g_autoptr(GPtrArray) by_set = NULL;
  g_autoptr(GPtrArray) overridden = NULL;
  g_autoptr(GError) error = NULL;
  Roster roster;

  roster_init (&roster);
  roster_add_worked_example (&roster);
  roster_merge (dataset, &roster);
  roster_clear (&roster);

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

/* Exactly 6 months is ≥ 6 months; one day short is not. */
static void
test_tenure_six_months_boundary (void)
{
  g_autoptr(CollabDataset) exact = new_dataset ();
  g_autoptr(CollabDataset) short_ = new_dataset ();
  g_autoptr(GPtrArray) exact_findings = NULL;
  g_autoptr(GPtrArray) short_findings = NULL;
  g_autofree char *exact_tiers = NULL, *short_tiers = NULL;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 18, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_merge (exact, &roster);
  roster_clear (&roster);
  roster_init (&roster);
  roster_add (&roster, 18, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-30");
  roster_merge (short_, &roster);
  roster_clear (&roster);

  exact_findings = check_reading (exact, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  short_findings = check_reading (short_, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  exact_tiers = actual_tiers (g_ptr_array_index (exact_findings, 2));
  short_tiers = actual_tiers (g_ptr_array_index (short_findings, 2));
  g_assert_cmpstr (exact_tiers, ==, "0/18/18");
  g_assert_cmpstr (short_tiers, ==, "0/0/18");
}

/* Month ends clamp (01-31 + 1 month = 02-28) and a leap day's year ends
 * on 02-27 of the next (02-29 + 12 months = 02-28). */
static void
test_tenure_month_end_and_leap_day (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset_full (2024, 2024, "east-west-2021");
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;
  g_autoptr(GPtrArray) short_other = NULL;
  Roster roster;

  roster_init (&roster);
  /* One month by clamping: counted, ≥ 1 month. */
  roster_add (&roster, 1, "agriculture", "jiangyin", "yanchuan", "2024-01-31", "2024-02-28");
  /* 2024 is a leap year: 01-31 + 1 month = 02-29, so 02-27 is short. */
  roster_add (&roster, 1, "agriculture", "jiangyin", "yanchuan", "2024-01-31", "2024-02-27");
  /* The leap day plus 12 months is 2025-02-28: served to 02-27 is a year. */
  roster_add (&roster, 1, "doctor", "jiangyin", "yanchuan", "2024-02-29", "2025-02-27");
  roster_add (&roster, 1, "doctor", "jiangyin", "yanchuan", "2024-02-29", "2025-02-26");
  /* 08-31 + 6 months = 02-28 of 2025 (clamped): served to 02-27 is 6. */
  roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2024-08-31", "2025-02-27");
  roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2024-08-31", "2025-02-26");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = collab_test_check_full (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE, NULL, "2025-12-31");
  tiers = actual_tiers (g_ptr_array_index (findings, 2));
  /* counted 5 (the short agriculture one is not): ≥12: 1; ≥6: 3 (both
   * doctors, one teacher); ≥1: 5. */
  g_assert_cmpstr (tiers, ==, "1/3/5");

  /* The one under a month by a day. */
  short_other = only (collab_test_check_full (dataset, "666.short_other", COLLAB_TEST_NO_OVERRIDE, NULL, "2025-12-31"),
                      "yanchuan");
  g_assert_cmpuint (short_other->len, ==, 1);
  collab_test_assert_message_contains (g_ptr_array_index (short_other, 0), "2024-01-31 to 2024-02-27");
  collab_test_assert_message_contains (g_ptr_array_index (short_other, 0), "to end on 2024-02-28 or later");
}

/* --- 666.mix ----------------------------------------------------------- */

static void
test_mix_and_adjustment (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 9, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 9, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (&roster, 9, "teacher", "huishan", "ledu", "2022-03-01", "2023-02-28");
  roster_add (&roster, 9, "doctor", "huishan", "ledu", "2022-03-01", "2022-08-31");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.mix");
  g_assert_cmpuint (findings->len, ==, 3);
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  collab_test_assert_subject_keys (finding, "assisting", "assisted", "year", NULL);
  assert_json (collab_finding_get_expected (finding), "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":6}");
  assert_json (collab_finding_get_actual (finding),
               "{\"teacher\":9,\"doctor\":9,\"agriculture_or_other\":0,\"projected\":0}");
  collab_test_assert_message_contains (finding, "0 agriculture-or-other professionals of 6");
  collab_test_assert_message_contains (finding, "or record an adjustment");
  /* Total and tenure pass: 6 more, all agriculture-or-other. */
  assert_json (collab_finding_get_remedy (finding),
               "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":6}],\"total\":6}");

  /* An adjustment for jiangyin→yanchuan 2022 silences it; one without an
   * assisting district covers every district paired with ledu; one for
   * another year does nothing. */
  roster_init (&roster);
  g_string_append (roster.extra,
                   ", \"adjustments\": ["
                   "{\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"year\": 2022, "
                   "\"note\": \"county asked for more doctors\"},"
                   "{\"rule\": \"666.mix\", \"assisted\": \"ledu\", \"year\": 2022},"
                   "{\"rule\": \"666.mix\", \"assisting\": \"huishan\", \"assisted\": \"pingan\", \"year\": 2021}]");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (dataset, "666.mix");
  assert_one (findings, "huishan", "pingan", 2022);

  /* The adjustment silences the mix only: 666.total still judges the
   * empty pingan pairing-year. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check (dataset, "666.total");
  g_assert_cmpuint (findings->len, ==, 1);
}

/* With the mix adjusted, the plan closes total and tenure only. */
static void
test_mix_adjusted_plan (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-04-30");
  g_string_append (roster.extra,
                   ", \"adjustments\": [{\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", "
                   "\"assisted\": \"yanchuan\", \"year\": 2022}]");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.total");
  finding = g_ptr_array_index (findings, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  /* 15 counted: 3 more, for ≥ 1 month; the free slots go to the smallest
   * groups (doctors, then agriculture-or-other). */
  assert_json (collab_finding_get_remedy (finding),
               "{\"add\":[{\"profession\":\"doctor\",\"months\":1,\"count\":2},"
               "{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":1}],\"total\":3}");
}

/* --- 666.short_other --------------------------------------------------- */

static void
test_short_other (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *weekend = NULL;
  g_autofree char *bird = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  roster_add_compliant (&roster);
  /* A "weekend engineer": two short stays, never a month. */
  weekend = roster_person (&roster, "other");
  roster_dispatch (&roster, weekend, "professional", "outbound", "jiangyin", "yanchuan", "2022-04-02", "2022-04-03", NULL);
  roster_dispatch (&roster, weekend, "professional", "outbound", "jiangyin", "yanchuan", "2022-05-07", "2022-05-08", NULL);
  /* A "migratory bird" with a short stay and a long one. */
  bird = roster_person (&roster, "agriculture");
  roster_dispatch (&roster, bird, "professional", "outbound", "jiangyin", "yanchuan", "2022-03-01", "2022-03-15", NULL);
  roster_dispatch (&roster, bird, "professional", "outbound", "jiangyin", "yanchuan", "2022-06-01", "2022-09-30", NULL);
  /* A teacher under a month is not this rule's business. */
  roster_add (&roster, 1, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-10");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.short_other");
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
    g_autoptr(GPtrArray) total = only (check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE),
                                       "yanchuan");
    g_autoptr(GPtrArray) mix = only (check (dataset, "666.mix"), "yanchuan");

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

/* --- 666.term ---------------------------------------------------------- */

static void
test_term (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  Roster roster;

  roster_init (&roster);
  /* jiangyin: 5 of 11 teachers and doctors serve ≥ 6 months: fewer than
   * half. huishan→ledu: 5 of 10, exactly half: fine. */
  roster_add (&roster, 5, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-05-31");
  roster_add (&roster, 5, "teacher", "huishan", "ledu", "2022-03-01", "2022-08-31");
  roster_add (&roster, 5, "doctor", "huishan", "ledu", "2022-03-01", "2022-05-31");
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = check (dataset, "666.term");
  finding = assert_one (findings, "jiangyin", "yanchuan", 2022);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_WARNING);
  assert_json (collab_finding_get_expected (finding), "{\"months\":6,\"count\":6}");
  assert_json (collab_finding_get_actual (finding), "{\"count\":5,\"of\":11,\"projected\":0}");
  collab_test_assert_message_contains (finding, "5 of the 11 teachers and doctors counted serve ≥ 6 months");
  collab_test_assert_message_contains (finding, "keep 1 more of them for ≥ 6 months, or add 1 teacher or doctor serving ≥ 6 months");
}

/* --- 666.county_mix (poverty-2016) ------------------------------------- */

static void
test_county_mix_poverty_2016 (void)
{
  g_autoptr(CollabDataset) dataset = new_dataset_full (2016, 2020, "poverty-2016");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *twice = NULL;
  CollabFinding *finding;
  Roster roster;

  /* A second district for yanchuan, in the same program. */
  roster_init (&roster);
  g_string_append (roster.extra,
                   ", \"pairings\": [{\"id\": \"p-hs-yc\", \"program\": \"prog\", \"assisting\": \"huishan\", "
                   "\"assisted\": \"yanchuan\", \"level\": \"county\"}]");
  /* 2018: yanchuan gets 4 teachers from jiangyin and 2 from huishan (one
   * counts however short the stay: no tiers in this rule), 6 doctors,
   * 3 + 1 agricultural staff, and one person sent by both districts, who
   * counts once: 5 agriculture-or-other. */
  roster_add (&roster, 4, "teacher", "jiangyin", "yanchuan", "2018-09-01", "2019-01-31");
  roster_add (&roster, 2, "teacher", "huishan", "yanchuan", "2018-09-01", "2018-09-10");
  roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2018-03-01", "2018-03-10");
  roster_add (&roster, 3, "agriculture", "jiangyin", "yanchuan", "2018-03-01", "2018-06-30");
  roster_add (&roster, 1, "other", "huishan", "yanchuan", "2018-03-01", "2018-06-30");
  twice = roster_person (&roster, "agriculture");
  roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2018-04-01", "2018-04-30", NULL);
  roster_dispatch (&roster, twice, "professional", "outbound", "huishan", "yanchuan", "2018-07-01", "2018-07-31", NULL);
  roster_merge (dataset, &roster);
  roster_clear (&roster);

  findings = collab_test_check_full (dataset, "666.county_mix", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  /* Every county every year: 3 × 5. */
  g_assert_cmpuint (findings->len, ==, 15);
  for (guint i = 0; i < findings->len; i++)
    collab_test_assert_subject_keys (g_ptr_array_index (findings, i), "assisted", "year", NULL);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "ledu");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2016);
  g_assert_cmpint (collab_finding_get_severity (finding), ==, COLLAB_SEVERITY_VIOLATION);
  assert_json (collab_finding_get_expected (finding), "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":6}");
  collab_test_assert_message_contains (finding, "send 6 more teachers, 6 more medical staff and 6 more agricultural or other professionals");

  finding = g_ptr_array_index (findings, 12);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2018);
  assert_json (collab_finding_get_actual (finding),
               "{\"teacher\":6,\"doctor\":6,\"agriculture_or_other\":5,\"projected\":0}");
  collab_test_assert_message_contains (finding, "from jiangyin, huishan");
  collab_test_assert_message_contains (finding, "send 1 more agricultural or other professional.");

  /* An adjustment for the county and year silences it. */
  roster_init (&roster);
  g_string_append (roster.extra, ", \"adjustments\": [{\"rule\": \"666.county_mix\", \"assisted\": \"yanchuan\", "
                                 "\"year\": 2018}]");
  roster_merge (dataset, &roster);
  roster_clear (&roster);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = collab_test_check_full (dataset, "666.county_mix", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  g_assert_cmpuint (findings->len, ==, 14);

  /* The 14th-plan rules are off in poverty-2016. */
  others = collab_test_check_full (dataset, "666.total", COLLAB_TEST_NO_OVERRIDE, NULL, "2020-12-31");
  collab_test_assert_no_findings (others);
}

/* --- the example roster ------------------------------------------------ */

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
 * 2023-12-31. */
static void
test_example_roster (void)
{
  g_autofree char *path = collab_test_example_path ("wuxi-roster-2021-2023.json");
  g_autofree char *contents = NULL;
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autofree char *nested = describe_findings (dataset, COLLAB_TEST_NO_OVERRIDE);
  g_autofree char *cumulative = describe_findings (dataset, COLLAB_INTERPRETATION_CUMULATIVE);
  g_autofree char *banded = describe_findings (dataset, COLLAB_INTERPRETATION_BANDED);
  g_autofree char *saved = NULL;
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

  /* The document is in the canonical layout: a load and a save give it
   * back byte for byte. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  saved = collab_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (saved, ==, contents);
}

/* The example's plans, and what a Wuxi officer would read. */
static void
test_example_roster_plans (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_example ("wuxi-roster-2021-2023.json");
  g_autoptr(GPtrArray) total = check (dataset, "666.total");
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabTable) table = NULL;
  gint64 short_years = 0;
  int add_total, plan;

  g_assert_cmpuint (total->len, ==, 2);
  assert_json (collab_finding_get_remedy (g_ptr_array_index (total, 0)),
               "{\"add\":[{\"profession\":\"agriculture_or_other\",\"months\":1,\"count\":2}],\"total\":2}");
  collab_test_assert_message_contains (g_ptr_array_index (total, 1), "10 of those counted end after the as-of day 2023-12-31");

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

/* The talent section of the scorecard on the example roster (the
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
  g_autoptr(CollabDataset) dataset = new_dataset_full (2016, 2020, "poverty-2016");
  g_autoptr(CollabTable) card = collab_dataset_get_scorecard (dataset, NULL, NULL, &(CollabYearRange) { 2018, 2018 }, NULL);

  g_assert_cmpuint (collab_table_get_n_rows (card), ==, 1);
  g_assert_cmpint (collab_table_get_int (card, 0, collab_table_find_column (card, "pairing_years")), ==, 3);
  g_assert_true (collab_table_is_null (card, 0, collab_table_find_column (card, "total_passing")));
  g_assert_true (collab_table_is_null (card, 0, collab_table_find_column (card, "tenure_failing")));
}

/* --- load errors ------------------------------------------------------ */

static void
assert_load_error (const char *roster_json,
                   const char *text)
{
  g_autoptr(CollabDataset) dataset = new_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, %s}", roster_json);
  guint before = collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION);

  g_assert_false (collab_dataset_merge_from_data (dataset, json, -1, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, text) == NULL)
    g_error ("the error \"%s\" does not say \"%s\"", error->message, text);
  /* A failed load changes nothing. */
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_PERSON), ==, 0);
  g_assert_cmpuint (collab_dataset_get_n_records (dataset, COLLAB_RECORD_KIND_REGION), ==, before);
}

static void
test_load_errors (void)
{
  static const char person[] = "\"people\": [{\"id\": \"x1\", \"profession\": \"teacher\"}], ";

  /* An end before the start. */
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2022-02-28\"}]", NULL);
    assert_load_error (json, "planned_end");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\", "
      "\"actual_end\": \"2022-01-01\"}]", NULL);
    assert_load_error (json, "actual_end");
  }
  /* An unknown person, an unknown region. */
  assert_load_error ("\"dispatches\": [{\"id\": \"d1\", \"person\": \"nobody\", \"kind\": \"professional\", "
                     "\"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", "
                     "\"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", "nobody");
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"atlantis\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_load_error (json, "atlantis");
  }
  /* A profession, a kind, a direction, a post outside the lists. */
  assert_load_error ("\"people\": [{\"id\": \"x1\", \"profession\": \"lawyer\"}]", "lawyer");
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"volunteer\", \"direction\": \"outbound\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_load_error (json, "volunteer");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"professional\", \"direction\": \"sideways\", "
      "\"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"}]", NULL);
    assert_load_error (json, "sideways");
  }
  {
    g_autofree char *json = g_strconcat (person,
      "\"dispatches\": [{\"id\": \"d1\", \"person\": \"x1\", \"kind\": \"cadre\", \"direction\": \"outbound\", "
      "\"post\": \"mayor\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", "
      "\"planned_end\": \"2023-02-28\"}]", NULL);
    assert_load_error (json, "mayor");
  }
  /* An adjustment for an unknown county. */
  assert_load_error ("\"adjustments\": [{\"rule\": \"666.mix\", \"assisted\": \"atlantis\", \"year\": 2022}]",
                     "atlantis");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/rules/666/total/pass-and-fail", test_total_pass_and_fail);
  g_test_add_func ("/collab/rules/666/total/short-services", test_total_short_services);
  g_test_add_func ("/collab/rules/666/total/not-counted", test_total_not_counted);
  g_test_add_func ("/collab/rules/666/total/person-twice", test_total_person_twice);
  g_test_add_func ("/collab/rules/666/total/december-start", test_total_december_start);
  g_test_add_func ("/collab/rules/666/total/district-with-two-counties", test_total_district_with_two_counties);
  g_test_add_func ("/collab/rules/666/total/as-of-projected", test_total_as_of_projected);
  g_test_add_func ("/collab/rules/666/tenure/early-actual-end", test_tenure_early_actual_end);
  g_test_add_func ("/collab/rules/666/tenure/worked-example", test_tenure_worked_example);
  g_test_add_func ("/collab/rules/666/tenure/all-twelve", test_tenure_all_twelve);
  g_test_add_func ("/collab/rules/666/tenure/banded-roster", test_tenure_banded_roster);
  g_test_add_func ("/collab/rules/666/tenure/reading-sources", test_tenure_reading_sources);
  g_test_add_func ("/collab/rules/666/tenure/six-months-boundary", test_tenure_six_months_boundary);
  g_test_add_func ("/collab/rules/666/tenure/month-end-and-leap-day", test_tenure_month_end_and_leap_day);
  g_test_add_func ("/collab/rules/666/mix/adjustment", test_mix_and_adjustment);
  g_test_add_func ("/collab/rules/666/mix/adjusted-plan", test_mix_adjusted_plan);
  g_test_add_func ("/collab/rules/666/short-other", test_short_other);
  g_test_add_func ("/collab/rules/666/term", test_term);
  g_test_add_func ("/collab/rules/666/county-mix/poverty-2016", test_county_mix_poverty_2016);
  g_test_add_func ("/collab/rules/666/example-roster", test_example_roster);
  g_test_add_func ("/collab/rules/666/example-roster/plans", test_example_roster_plans);
  g_test_add_func ("/collab/rules/666/example-roster/scorecard", test_example_scorecard);
  g_test_add_func ("/collab/rules/666/scorecard/disabled-rules", test_scorecard_disabled_rules);
  g_test_add_func ("/collab/rules/666/load-errors", test_load_errors);

  return g_test_run ();
}
