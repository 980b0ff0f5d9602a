/* test-plan.c: 666 shortfall plans (SPEC §5 "Shortfall"), collab_checker_plan()
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Minimality, proven the hard way: for rosters with small deficits under
 * each reading, the plan's dispatches added to the roster make 666.total,
 * 666.tenure and 666.mix pass, and every multiset of one dispatch fewer —
 * drawn from the 12 kinds of dispatch a plan can add, 4 professions × 3
 * tenures (12, 6 and 1 months) — leaves at least one failing. The counts
 * after adding are recomputed from entries, not by the plan's own
 * arithmetic. Then the same end to end: the remedy of a finding, turned
 * into dispatch records and merged, silences the findings.
 */

#include <string.h>
#include <sys/wait.h>

#include <libcollab/collab.h>

#include "rules/666/collab-rule-666-private.h"
#include "collab-test-util.h"

/* --- brute force ------------------------------------------------------ */

/* The kinds of dispatch a plan can add: profession × months served. */
static const CollabProfession kind_professions[] = {
  COLLAB_PROFESSION_TEACHER, COLLAB_PROFESSION_DOCTOR, COLLAB_PROFESSION_AGRICULTURE, COLLAB_PROFESSION_OTHER,
};
static const guint kind_months[] = { 12, 6, 1 };
#define N_KINDS (G_N_ELEMENTS (kind_professions) * G_N_ELEMENTS (kind_months))

typedef struct
{
  const CollabTalentRules *rules;
  gboolean                 mix_adjusted;
  GArray                  *entries;     /* of CollabTalentEntry, the roster */
  guint                    tried;
} BruteForce;

static void
push_entry (GArray           *entries,
            CollabProfession  profession,
            guint             months)
{
  CollabTalentEntry entry = { 0 };

  entry.person = entries->len;
  entry.dispatch = entries->len;
  entry.months = months;
  entry.profession = profession;
  entry.longest = 1;
  g_array_append_val (entries, entry);
}

static gboolean
passes (const CollabTalentRules *rules,
        gboolean                 mix_adjusted,
        GArray                  *entries)
{
  CollabTalentCounts counts;

  collab_talent_count_entries ((CollabTalentEntry *) entries->data, entries->len, rules,
                               COLLAB_DAY_NONE, &counts);
  return (!rules->total_enabled || collab_talent_total_passes (rules, &counts)) &&
         (!rules->tenure_enabled || collab_talent_tenure_passes (rules, &counts)) &&
         (!rules->mix_enabled || mix_adjusted || collab_talent_mix_passes (rules, &counts));
}

/* Every multiset of @left more dispatches with kinds ≥ @from; FALSE as
 * soon as one passes. */
static gboolean
all_fail (BruteForce *bf,
          guint       from,
          guint       left)
{
  if (left == 0)
    {
      bf->tried++;
      return !passes (bf->rules, bf->mix_adjusted, bf->entries);
    }

  for (guint k = from; k < N_KINDS; k++)
    {
      gboolean failed;

      push_entry (bf->entries, kind_professions[k / G_N_ELEMENTS (kind_months)],
                  kind_months[k % G_N_ELEMENTS (kind_months)]);
      failed = all_fail (bf, k, left - 1);
      g_array_set_size (bf->entries, bf->entries->len - 1);
      if (!failed)
        return FALSE;
    }
  return TRUE;
}

static char *
describe_roster (GArray *entries)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      CollabTalentEntry *e = &g_array_index (entries, CollabTalentEntry, i);
      g_string_append_printf (text, "%s%c%u", i > 0 ? " " : "", "TDAO"[e->profession], e->months);
    }
  return g_string_free (text, FALSE);
}

/* Plans @entries, checks that the plan passes and that nothing smaller
 * does; returns the plan's size. */
static guint
assert_minimal (const CollabTalentRules *rules,
                gboolean                 mix_adjusted,
                GArray                  *entries,
                guint                    max_brute)
{
  CollabTalentCounts counts;
  CollabTalentPlan plan;
  guint before = entries->len;
  g_autofree char *roster = describe_roster (entries);

  collab_talent_count_entries ((CollabTalentEntry *) entries->data, entries->len, rules,
                               COLLAB_DAY_NONE, &counts);
  g_assert_cmpint (collab_talent_plan (rules, &counts, mix_adjusted, &plan), ==, plan.total > 0);
  g_assert_cmpuint (plan.total, ==, MAX (plan.total_deficit, MAX (plan.mix_deficit, plan.tier_deficit)));


  /* The plan's dispatches, as entries: the roster passes. */
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    for (guint t = 0; t < rules->n_tiers; t++)
      for (guint k = 0; k < plan.add[g][t]; k++)
        {
          static const CollabProfession of_group[] = {
            COLLAB_PROFESSION_TEACHER, COLLAB_PROFESSION_DOCTOR, COLLAB_PROFESSION_AGRICULTURE,
          };

          /* Never an agriculture-or-other dispatch under a month. */
          g_assert_true (g != COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER || rules->tiers[t].months >= rules->short_months);
          push_entry (entries, of_group[g], rules->tiers[t].months);
        }
  g_assert_cmpuint (entries->len - before, ==, plan.total);
  if (!passes (rules, mix_adjusted, entries))
    g_error ("[%s] + plan of %u does not pass", roster, plan.total);
  g_array_set_size (entries, before);

  /* Nothing smaller passes. */
  if (plan.total > 0 && plan.total <= max_brute)
    {
      BruteForce bf = { rules, mix_adjusted, entries, 0 };

      if (!all_fail (&bf, 0, plan.total - 1))
        {
          g_error ("[%s]: a set of %u passes, the plan has %u", roster, plan.total - 1, plan.total);
        }
      g_assert_cmpuint (entries->len, ==, before);
      g_assert_cmpuint (bf.tried, >, 0);
    }
  return plan.total;
}

static void
rules_for (CollabTalentRules    *rules,
           CollabInterpretation  interpretation)
{
  g_autoptr(CollabRuleset) set = collab_ruleset_new_builtin ("east-west-2021", NULL);

  collab_rule_666_thresholds (rules, set, interpretation);
}

static GArray *
roster_from (const char *spec)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (CollabTalentEntry));
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);

  /* "T12 D6 A1 O0": profession letter and months. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *letters = "TDAO";

      if (words[i][0] == '\0')
        continue;
      push_entry (entries, (CollabProfession) (strchr (letters, words[i][0]) - letters),
                  (guint) g_ascii_strtoull (words[i] + 1, NULL, 10));
    }
  return entries;
}

static void
test_minimal_crafted (void)
{
  static const struct {
    const char *roster;
    guint       expected[3];   /* nested, cumulative, banded */
  } cases[] = {
    /* The worked example of SPEC §5: 3 × 12, 3 × 6, 12 × 1. */
    { "T12 T12 T12 D6 D6 D6 T1 T1 T1 D1 D1 D1 A1 A1 A1 O1 O1 O1", { 3, 0, 3 } },
    /* Eighteen who all serve 12 months. */
    { "T12 T12 T12 T12 T12 T12 D12 D12 D12 D12 D12 D12 A12 A12 A12 A12 A12 A12", { 0, 0, 15 } },
    /* One short of everything. */
    { "T12 T12 D6 D6 D6 D6 D6 D6 T1 T1 T1 A1 A1 A1 A1 A1 A1", { 1, 1, 1 } },
    /* Only teachers. */
    { "T12 T12 T12 T12 T12 T6 T6 T6 T6 T6 T1 T1 T1 T1 T1 T1", { 12, 12, 12 } },
    /* Short services: a teacher under a month counts, agriculture does not. */
    { "T0 T0 T0 T0 D0 D0 D0 D0 D0 D0 A0 A0 A0 A12 A12 A12 O6 O6 O6", { 12, 3, 12 } },
    /* Nobody. */
    { "", { 18, 18, 18 } },
  };
  static const CollabInterpretation readings[] = {
    COLLAB_INTERPRETATION_NESTED, COLLAB_INTERPRETATION_CUMULATIVE, COLLAB_INTERPRETATION_BANDED,
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint r = 0; r < G_N_ELEMENTS (readings); r++)
      {
        g_autoptr(GArray) entries = roster_from (cases[c].roster);
        CollabTalentRules rules;
        guint total;

        rules_for (&rules, readings[r]);
        total = assert_minimal (&rules, FALSE, entries, 6);
        if (total != cases[c].expected[r])
          g_error ("case %u, reading %u: a plan of %u, %u expected", c, r, total, cases[c].expected[r]);
      }
}

/* Random rosters near the threshold, under every reading, with and
 * without a mix adjustment, and with 666.mix or 666.tenure disabled. */
static void
test_minimal_random (void)
{
  static const guint months[] = { 0, 1, 2, 5, 6, 7, 11, 12, 13, 24 };
  guint checked = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (CollabTalentEntry));
      CollabTalentRules rules;
      guint n = g_test_rand_int_range (10, 20);
      gboolean adjusted = g_test_rand_bit ();

      rules_for (&rules, (CollabInterpretation) g_test_rand_int_range (0, 3));
      if (round % 10 == 7)
        rules.mix_enabled = FALSE;
      if (round % 10 == 8)
        rules.tenure_enabled = FALSE;

      for (guint i = 0; i < n; i++)
        push_entry (entries, (CollabProfession) g_test_rand_int_range (0, 4),
                    months[g_test_rand_int_range (0, G_N_ELEMENTS (months))]);

      if (assert_minimal (&rules, adjusted, entries, g_test_slow () ? 7 : 5) <= 5)
        checked++;
    }
  g_test_message ("%u random plans checked by brute force", checked);
  g_assert_cmpuint (checked, >, 50);
}

/* The tier requirement alone: under banded a long dispatch does not fill
 * a short band, under nested it does. */
static void
test_tiers_independent_of_professions (void)
{
  g_autoptr(GArray) entries = roster_from ("T12 T12 T12 T12 T12 T12 D12 D12 D12 D12 D12 D12 A1 A1 A1 A1 A1 A1");
  CollabTalentRules rules;
  CollabTalentCounts counts;
  CollabTalentPlan plan;

  /* nested: ≥6 has 12 ≥ 9; ≥1 has 18. Passes. */
  rules_for (&rules, COLLAB_INTERPRETATION_NESTED);
  g_assert_cmpuint (assert_minimal (&rules, FALSE, entries, 6), ==, 0);

  /* banded: [6,12) has 0 of 6, [1,6) has 6 of 9: 9 more, 6 of them
   * for 6–11 months — teachers and doctors first — and 3 for 1–5. */
  rules_for (&rules, COLLAB_INTERPRETATION_BANDED);
  collab_talent_count_entries ((CollabTalentEntry *) entries->data, entries->len, &rules,
                               COLLAB_DAY_NONE, &counts);
  g_assert_true (collab_talent_plan (&rules, &counts, FALSE, &plan));
  g_assert_cmpuint (plan.total, ==, 9);
  g_assert_cmpuint (plan.add[COLLAB_TALENT_GROUP_TEACHER][1] + plan.add[COLLAB_TALENT_GROUP_DOCTOR][1], ==, 6);
  g_assert_cmpuint (plan.add[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER][1], ==, 0);
  g_assert_cmpuint (plan.add[0][2] + plan.add[1][2] + plan.add[2][2], ==, 3);
}

/* --- end to end -------------------------------------------------------- */

static const char dataset_json[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
  " \"regions\": [\n"
  "  {\"id\": \"jiangsu\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"jiangsu\"},\n"
  "  {\"id\": \"jiangyin\", \"name\": \"江阴市\", \"level\": \"county\", \"parent\": \"wuxi\"},\n"
  "  {\"id\": \"huishan\", \"name\": \"惠山区\", \"level\": \"county\", \"parent\": \"wuxi\"},\n"
  "  {\"id\": \"shaanxi\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"shaanxi\"},\n"
  "  {\"id\": \"yanchuan\", \"name\": \"延川县\", \"level\": \"county\", \"parent\": \"yanan\"},\n"
  "  {\"id\": \"yanchang\", \"name\": \"延长县\", \"level\": \"county\", \"parent\": \"yanan\"}\n"
  " ],\n"
  " \"programs\": [{\"id\": \"prog\", \"name\": \"test\", \"kind\": \"east_west\", \"first_year\": 2022, "
  "\"last_year\": 2023, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"], \"ruleset\": \"east-west-2021\"}],\n"
  " \"pairings\": [\n"
  "  {\"id\": \"p1\", \"program\": \"prog\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"level\": \"county\"},\n"
  "  {\"id\": \"p2\", \"program\": \"prog\", \"assisting\": \"huishan\", \"assisted\": \"yanchang\", \"level\": \"county\", "
  "\"period\": {\"first_year\": 2022, \"last_year\": 2022}}\n"
  " ],\n"
  " \"people\": [\n"
  "  {\"id\": \"t1\", \"profession\": \"teacher\"}, {\"id\": \"t2\", \"profession\": \"teacher\"},\n"
  "  {\"id\": \"t3\", \"profession\": \"teacher\"}, {\"id\": \"t4\", \"profession\": \"teacher\"},\n"
  "  {\"id\": \"d1\", \"profession\": \"doctor\"}, {\"id\": \"d2\", \"profession\": \"doctor\"},\n"
  "  {\"id\": \"a1\", \"profession\": \"agriculture\"}, {\"id\": \"a2\", \"profession\": \"agriculture\"},\n"
  "  {\"id\": \"a3\", \"profession\": \"other\"}\n"
  " ],\n"
  " \"dispatches\": [\n"
  "  {\"id\": \"e1\", \"person\": \"t1\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"},\n"
  "  {\"id\": \"e2\", \"person\": \"t2\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-09-01\", \"planned_end\": \"2023-01-31\"},\n"
  "  {\"id\": \"e3\", \"person\": \"t3\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-09-01\", \"planned_end\": \"2023-02-28\"},\n"
  "  {\"id\": \"e4\", \"person\": \"t4\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-04-01\", \"planned_end\": \"2022-04-20\"},\n"
  "  {\"id\": \"e5\", \"person\": \"d1\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2022-08-31\"},\n"
  "  {\"id\": \"e6\", \"person\": \"d2\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-05-01\", \"planned_end\": \"2022-06-30\"},\n"
  "  {\"id\": \"e7\", \"person\": \"a1\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-05-01\", \"planned_end\": \"2022-05-31\"},\n"
  "  {\"id\": \"e8\", \"person\": \"a2\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\", \"to\": \"yanchuan\", \"start\": \"2022-05-01\", \"planned_end\": \"2022-05-20\"},\n"
  "  {\"id\": \"e9\", \"person\": \"a3\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"huishan\", \"to\": \"yanchang\", \"start\": \"2022-06-01\", \"planned_end\": \"2022-12-31\"}\n"
  " ]}\n";

/* The 666.total, 666.tenure and 666.mix findings of a check. */
static GPtrArray *
check_666 (CollabDataset        *dataset,
           CollabInterpretation  interpretation)
{
  g_autoptr(GPtrArray) all = collab_test_check_full (dataset, "666.", interpretation, NULL, "2023-12-31");
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (all, i);

      if (collab_test_finding_is (finding, "666.total") || collab_test_finding_is (finding, "666.tenure") ||
          collab_test_finding_is (finding, "666.mix"))
        g_ptr_array_add (selected, g_object_ref (finding));
    }
  return selected;
}

/* Turns a remedy into dispatch records of new people, from @from to @to
 * starting on the 1st of March of @year, each serving exactly the months
 * the remedy asks for. */
static void
apply_remedy (CollabDataset *dataset,
              GVariant      *remedy,
              const char    *from,
              const char    *to,
              int            year,
              guint         *next)
{
  g_autoptr(GVariant) add = g_variant_lookup_value (remedy, "add", G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) dispatches = g_string_new (NULL);
  g_autofree char *json = NULL;
  CollabDay start = collab_day_new (year, 3, 1);

  for (gsize i = 0; i < g_variant_n_children (add); i++)
    {
      g_autoptr(GVariant) item = g_variant_get_child_value (add, i);
      const char *group = NULL;
      const char *profession;
      guint months = collab_test_member_int (item, "months");
      CollabDay end = collab_day_add_months (start, months) - 1;
      g_autofree char *start_text = collab_day_format (start), *end_text = collab_day_format (end);

      g_assert_true (g_variant_lookup (item, "profession", "&s", &group));
      profession = g_str_equal (group, "agriculture_or_other") ? "agriculture" : group;

      for (gint64 k = 0; k < collab_test_member_int (item, "count"); k++, (*next)++)
        {
          g_string_append_printf (people, "%s{\"id\": \"new%u\", \"profession\": \"%s\"}",
                                  people->len > 0 ? ", " : "", *next, profession);
          g_string_append_printf (dispatches,
                                  "%s{\"id\": \"new-d%u\", \"person\": \"new%u\", \"kind\": \"professional\", "
                                  "\"direction\": \"outbound\", \"from\": \"%s\", \"to\": \"%s\", "
                                  "\"start\": \"%s\", \"planned_end\": \"%s\"}",
                                  dispatches->len > 0 ? ", " : "", *next, *next, from, to, start_text, end_text);
        }
    }

  json = g_strdup_printf ("{\"format\": \"libcollab-dataset\", \"version\": 1, \"people\": [%s], "
                          "\"dispatches\": [%s]}", people->str, dispatches->str);
  collab_test_merge_data (dataset, json);
}

static void
test_remedy_closes_findings (void)
{
  static const CollabInterpretation readings[] = {
    COLLAB_INTERPRETATION_NESTED, COLLAB_INTERPRETATION_CUMULATIVE, COLLAB_INTERPRETATION_BANDED,
  };

  for (guint r = 0; r < G_N_ELEMENTS (readings); r++)
    {
      g_autoptr(CollabDataset) dataset = collab_test_load_data (dataset_json);
      g_autoptr(GPtrArray) before = check_666 (dataset, readings[r]);
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint next = 0;

      /* p1 2022, p1 2023, p2 2022: every pairing-year falls short. */
      g_assert_cmpuint (before->len, >=, 3);
      for (guint i = 0; i < before->len; i++)
        {
          CollabFinding *finding = g_ptr_array_index (before, i);
          const char *assisting = collab_finding_get_subject_string (finding, "assisting");
          const char *assisted = collab_finding_get_subject_string (finding, "assisted");
          int year = collab_finding_get_subject_int (finding, "year");
          char *key = g_strdup_printf ("%s/%s/%d", assisting, assisted, year);

          /* The three findings of a pairing-year carry the same plan. */
          if (!g_hash_table_add (done, key))
            continue;
          g_assert_nonnull (collab_finding_get_remedy (finding));
          apply_remedy (dataset, collab_finding_get_remedy (finding), assisting, assisted, year, &next);
        }

      after = check_666 (dataset, readings[r]);
      for (guint i = 0; i < after->len; i++)
        g_printerr ("left: %s\n", collab_finding_get_message (g_ptr_array_index (after, i)));
      g_assert_cmpuint (after->len, ==, 0);
    }
}

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
  g_autoptr(CollabDataset) dataset = collab_test_load_data (dataset_json);
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
  g_autoptr(CollabDataset) dataset = collab_test_load_data (dataset_json);
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
  g_autoptr(GString) json = g_string_new (dataset_json);
  g_autoptr(CollabDataset) dataset = NULL;
  g_autoptr(CollabChecker) checker = collab_checker_new ();
  g_autoptr(CollabRuleset) set = collab_ruleset_new_builtin ("east-west-2021", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CollabTable) table = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) plan_error = NULL;

  g_string_replace (json, "\"ruleset\": \"east-west-2021\"", "\"ruleset\": \"east-west-2031\"", 0);
  dataset = collab_test_load_data (json->str);
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

/* --- collab plan ------------------------------------------------------- */

static int
run_cli (const char  *args,
         char       **out)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "libcollab", "cli", "collab", NULL);
  g_autofree char *data = collab_test_example_path ("wuxi-roster-2021-2023.json");
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  command = g_strdup_printf ("'%s' plan %s", cli, args);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, NULL));
  for (guint i = 0; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], "ROSTER"))
      {
        g_free (argv[i]);
        argv[i] = g_strdup (data);
      }
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
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
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "program,pairing,assisting,assisted,year,interpretation,counted,"));
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

  g_test_add_func ("/collab/plan/minimal/crafted", test_minimal_crafted);
  g_test_add_func ("/collab/plan/minimal/random", test_minimal_random);
  g_test_add_func ("/collab/plan/tiers-independent-of-professions", test_tiers_independent_of_professions);
  g_test_add_func ("/collab/plan/remedy-closes-findings", test_remedy_closes_findings);
  g_test_add_func ("/collab/plan/table", test_plan_table);
  g_test_add_func ("/collab/plan/ruleset", test_plan_ruleset);
  g_test_add_func ("/collab/plan/ruleset-not-shipped", test_plan_ruleset_not_shipped);
  g_test_add_func ("/collab/plan/cli", test_cli);

  return g_test_run ();
}
