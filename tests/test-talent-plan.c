/* test-talent-plan.c: 666 shortfall plans (analysis/collab-talent-plan.c, SPEC §5 "Shortfall")
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
 * into dispatch records and merged into tests/data/roster-2022.json,
 * silences the findings. The table of plans is test-plan.c's.
 */

#include <string.h>

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
      g_autoptr(CollabDataset) dataset = collab_test_roster_2022_dataset ();
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/talent-plan/minimal/crafted", test_minimal_crafted);
  g_test_add_func ("/collab/talent-plan/minimal/random", test_minimal_random);
  g_test_add_func ("/collab/talent-plan/tiers-independent-of-professions", test_tiers_independent_of_professions);
  g_test_add_func ("/collab/talent-plan/remedy-closes-findings", test_remedy_closes_findings);

  return g_test_run ();
}
