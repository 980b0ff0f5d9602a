/* test-talent-tally.c: the talent tally (analysis/collab-talent.c, SPEC §5 "Unit of counting")
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the 666 rules count: the pairing-years of the county pairings,
 * the outbound professional dispatches that belong to each, every person
 * once with their longest dispatch, the months each served, and the
 * counts a reading of the tenure tiers compares. First the tally itself,
 * through the private API, on the talent dataset of collab-test-util.h
 * and on entries made by hand; then the same questions asked through the
 * 666 findings, which report the counts (as of a fixed day).
 */

#include <string.h>

#include <libcollab/collab.h>

#include "analysis/collab-talent-private.h"
#include "model/collab-dataset-private.h"
#include "collab-test-util.h"

/* --- helpers --------------------------------------------------------- */

static CollabRef
region_ref (CollabDataset *dataset,
            const char    *id)
{
  return COLLAB_REF (COLLAB_RECORD_KIND_REGION, collab_test_record_index (dataset, COLLAB_RECORD_KIND_REGION, id));
}

static const char *
pairing_id (const CollabTalentTally *tally,
            guint                    pairing_year)
{
  const CollabPairingRec *pairing = collab_store_get (tally->store, COLLAB_RECORD_KIND_PAIRING,
                                                      tally->pairing_years[pairing_year].pairing);

  return pairing->h.id;
}

/* The thresholds of east-west-2021 under @interpretation, written out:
 * the analysis reads plain numbers, never a rule set. */
static void
shipped_rules (CollabTalentRules    *rules,
               CollabInterpretation  interpretation)
{
  static const CollabTalentTier tiers[] = { { 12, 3 }, { 6, 6 }, { 1, 9 } };

  memset (rules, 0, sizeof *rules);
  rules->interpretation = interpretation;
  rules->total_enabled = rules->mix_enabled = rules->tenure_enabled = rules->term_enabled = TRUE;
  rules->total = 18;
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    rules->mix[g] = 6;
  rules->n_tiers = G_N_ELEMENTS (tiers);
  memcpy (rules->tiers, tiers, sizeof tiers);
  rules->short_months = 1;
  rules->term_months = 6;
  rules->term_percent = 50;
}

/* Whether @entries are in the order of collab_talent_sort_entries(): by
 * person, each person's longest first (more months, a later end, the
 * earlier dispatch). */
static void
assert_sorted (const CollabTalentEntry *entries,
               guint                    n)
{
  for (guint i = 1; i < n; i++)
    {
      const CollabTalentEntry *a = &entries[i - 1], *b = &entries[i];

      g_assert_cmpuint (a->person, <=, b->person);
      if (a->person != b->person)
        continue;
      g_assert_cmpuint (a->months, >=, b->months);
      if (a->months != b->months)
        continue;
      g_assert_cmpuint (a->end, >=, b->end);
      if (a->end == b->end)
        g_assert_cmpuint (a->dispatch, <, b->dispatch);
    }
}

/* --- the tally, directly --------------------------------------------- */

/* A pairing-year per county pairing and year of its period within the
 * program's, by program, pairing and year; a pairing at city level, or
 * of two units of one side, has none. */
static void
test_pairing_years (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2022, 2023, "east-west-2021");
  static const struct {
    const char *pairing;
    int         year;
  } expected[] = {
    { "p-jy-yc", 2022 }, { "p-jy-yc", 2023 }, { "p-hs-ld", 2022 }, { "p-hs-ld", 2023 },
    { "p-hs-pa", 2022 }, { "p-hs-pa", 2023 }, { "p-late", 2023 },
  };
  CollabTalentTally *tally;

  collab_test_merge_members (dataset,
    "\"pairings\": ["
    "{\"id\": \"p-city\", \"program\": \"prog\", \"assisting\": \"wuxi\", \"assisted\": \"yanan\","
    " \"level\": \"city\"},"
    "{\"id\": \"p-same\", \"program\": \"prog\", \"assisting\": \"jiangyin\", \"assisted\": \"huishan\","
    " \"level\": \"county\"},"
    "{\"id\": \"p-late\", \"program\": \"prog\", \"assisting\": \"jiangyin\", \"assisted\": \"pingan\","
    " \"level\": \"county\", \"period\": {\"first_year\": 2023, \"last_year\": 2025}}]");
  tally = collab_talent_tally_new (collab_dataset_get_store (dataset));

  g_assert_cmpuint (tally->n_programs, ==, 1);
  g_assert_cmpuint (tally->program_first[0], ==, 0);
  g_assert_cmpuint (tally->program_first[1], ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (tally->n_pairing_years, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (pairing_id (tally, i), ==, expected[i].pairing);
      g_assert_cmpint (tally->pairing_years[i].year, ==, expected[i].year);
      g_assert_cmpuint (tally->pairing_years[i].program, ==, 0);
      g_assert_cmpuint (tally->pairing_years[i].n, ==, 0);
    }
  g_assert_cmpuint (tally->n_entries, ==, 0);

  collab_talent_tally_free (tally);
}

/* Only outbound professional dispatches from the assisting district to
 * the assisted county count, toward the year they start in; the tenure
 * runs to the actual end when there is one. */
static void
test_entries (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2022, 2023, "east-west-2021");
  CollabStore *store;
  CollabTalentTally *tally;
  const CollabTalentPairingYear *py;
  const CollabTalentEntry *entry;
  const CollabDispatchRec *dispatch;

  collab_test_merge_members (dataset,
    "\"people\": [{\"id\": \"t\", \"profession\": \"teacher\"}, {\"id\": \"d\", \"profession\": \"doctor\"}],"
    " \"dispatches\": ["
    "  {\"id\": \"cadre\", \"person\": \"t\", \"kind\": \"cadre\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-01-01\", \"planned_end\": \"2023-12-31\"},"
    "  {\"id\": \"visit\", \"person\": \"t\", \"kind\": \"short_term\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-04-01\", \"planned_end\": \"2022-04-10\"},"
    "  {\"id\": \"trainee\", \"person\": \"d\", \"kind\": \"professional\", \"direction\": \"inbound\", \"from\": \"yanchuan\","
    "   \"to\": \"jiangyin\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"},"
    "  {\"id\": \"unpaired\", \"person\": \"d\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"ledu\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\"},"
    "  {\"id\": \"after\", \"person\": \"d\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2024-01-01\", \"planned_end\": \"2024-12-31\"},"
    "  {\"id\": \"early\", \"person\": \"t\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2023-02-28\", \"actual_end\": \"2022-08-31\"},"
    "  {\"id\": \"december\", \"person\": \"d\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"huishan\","
    "   \"to\": \"ledu\", \"start\": \"2023-12-15\", \"planned_end\": \"2024-12-14\"}]");
  store = collab_dataset_get_store (dataset);
  tally = collab_talent_tally_new (store);

  g_assert_cmpuint (tally->n_entries, ==, 2);

  /* p-jy-yc 2022: the early leaver, 6 months to the actual end. */
  py = &tally->pairing_years[0];
  g_assert_cmpstr (pairing_id (tally, 0), ==, "p-jy-yc");
  g_assert_cmpint (py->year, ==, 2022);
  g_assert_cmpuint (py->n, ==, 1);
  entry = &tally->entries[py->first];
  g_assert_cmpuint (entry->dispatch, ==, collab_test_record_index (dataset, COLLAB_RECORD_KIND_DISPATCH, "early"));
  g_assert_cmpuint (entry->person, ==, collab_test_record_index (dataset, COLLAB_RECORD_KIND_PERSON, "t"));
  g_assert_cmpuint (entry->profession, ==, COLLAB_PROFESSION_TEACHER);
  g_assert_cmpuint (entry->end, ==, collab_day_new (2022, 8, 31));
  g_assert_cmpuint (entry->months, ==, 6);
  g_assert_cmpuint (entry->longest, ==, 1);
  dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, entry->dispatch);
  g_assert_cmpuint (collab_talent_dispatch_end (dispatch), ==, collab_day_new (2022, 8, 31));

  /* p-hs-ld 2023: a December start is that year's, and runs 12 months
   * to the planned end. */
  py = &tally->pairing_years[3];
  g_assert_cmpstr (pairing_id (tally, 3), ==, "p-hs-ld");
  g_assert_cmpint (py->year, ==, 2023);
  g_assert_cmpuint (py->n, ==, 1);
  entry = &tally->entries[py->first];
  g_assert_cmpuint (entry->dispatch, ==, collab_test_record_index (dataset, COLLAB_RECORD_KIND_DISPATCH, "december"));
  g_assert_cmpuint (entry->profession, ==, COLLAB_PROFESSION_DOCTOR);
  g_assert_cmpuint (entry->end, ==, collab_day_new (2024, 12, 14));
  g_assert_cmpuint (entry->months, ==, 12);
  dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, entry->dispatch);
  g_assert_cmpuint (collab_talent_dispatch_end (dispatch), ==, dispatch->planned_end);

  /* Nobody else anywhere. */
  for (guint i = 0; i < tally->n_pairing_years; i++)
    if (i != 0 && i != 3)
      g_assert_cmpuint (tally->pairing_years[i].n, ==, 0);

  collab_talent_tally_free (tally);
}

/* A person's dispatches in one pairing-year, longest first: the most
 * months, then the later end, then the earlier record; only the first is
 * marked longest and counted. */
static void
test_longest_first (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  static const char * const order[] = { "c", "c-again", "b", "a", "other" };
  CollabStore *store;
  CollabTalentTally *tally;
  const CollabTalentPairingYear *py;
  CollabTalentRules rules;
  CollabTalentCounts counts;

  collab_test_merge_members (dataset,
    "\"people\": [{\"id\": \"t\", \"profession\": \"teacher\"}, {\"id\": \"d\", \"profession\": \"doctor\"}],"
    " \"dispatches\": ["
    "  {\"id\": \"other\", \"person\": \"d\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-03-01\", \"planned_end\": \"2022-08-31\"},"
    "  {\"id\": \"a\", \"person\": \"t\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-02-01\", \"planned_end\": \"2022-02-20\"},"
    "  {\"id\": \"b\", \"person\": \"t\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-05-01\", \"planned_end\": \"2023-04-30\"},"
    "  {\"id\": \"c\", \"person\": \"t\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-06-01\", \"planned_end\": \"2023-05-31\"},"
    "  {\"id\": \"c-again\", \"person\": \"t\", \"kind\": \"professional\", \"direction\": \"outbound\", \"from\": \"jiangyin\","
    "   \"to\": \"yanchuan\", \"start\": \"2022-06-01\", \"planned_end\": \"2023-05-31\"}]");
  store = collab_dataset_get_store (dataset);
  tally = collab_talent_tally_new (store);
  py = &tally->pairing_years[0];

  /* People in the order of the document: t before d. */
  g_assert_cmpuint (py->n, ==, G_N_ELEMENTS (order));
  assert_sorted (tally->entries + py->first, py->n);
  for (guint i = 0; i < py->n; i++)
    {
      const CollabTalentEntry *entry = &tally->entries[py->first + i];

      g_assert_cmpuint (entry->dispatch, ==, collab_test_record_index (dataset, COLLAB_RECORD_KIND_DISPATCH, order[i]));
      g_assert_cmpuint (entry->longest, ==, i == 0 || i == 4);
    }

  /* Counted once each: the teacher with 12 months, the doctor with 6. */
  shipped_rules (&rules, COLLAB_INTERPRETATION_CUMULATIVE);
  collab_talent_count (tally, 0, &rules, COLLAB_DAY_NONE, &counts);
  g_assert_cmpuint (counts.counted, ==, 2);
  g_assert_cmpuint (counts.at_least[0], ==, 1);
  g_assert_cmpuint (counts.at_least[1], ==, 2);
  g_assert_cmpuint (counts.at_least[2], ==, 2);

  collab_talent_tally_free (tally);
}

/* collab_talent_sort_entries() sorts a pairing-year's few entries in
 * place (up to 48) and a larger roster with qsort(): both in the order
 * of the tally, each entry once. */
static void
test_sort_entries (void)
{
  static const guint sizes[] = { 0, 1, 2, 17, 48, 49, 300 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autofree CollabTalentEntry *entries = g_new0 (CollabTalentEntry, MAX (n, 1));
      g_autofree guint8 *seen = g_new0 (guint8, MAX (n, 1));

      /* Few people, months and ends: many ties to break. */
      for (guint i = 0; i < n; i++)
        {
          entries[i].person = g_test_rand_int_range (0, 8);
          entries[i].dispatch = i;
          entries[i].months = g_test_rand_int_range (0, 4) * 6;
          entries[i].end = collab_day_new (2022, 12, 1 + g_test_rand_int_range (0, 3));
        }
      collab_talent_sort_entries (entries, n);
      assert_sorted (entries, n);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (entries[i].dispatch, <, n);
          g_assert_false (seen[entries[i].dispatch]);
          seen[entries[i].dispatch] = 1;
        }
    }
}

/* Counting entries by hand under each reading: who is counted, in which
 * group, for which tier, for 666.term, and what is projected. */
static void
test_count_entries (void)
{
  /* person, profession, months, end */
  static const struct {
    guint            person;
    CollabProfession profession;
    guint            months;
    guint            end_month;   /* of 2022, 13 for 2023-01 */
  } roster[] = {
    { 0, COLLAB_PROFESSION_TEACHER, 12, 14 },     /* projected */
    { 1, COLLAB_PROFESSION_TEACHER, 6, 9 },
    { 2, COLLAB_PROFESSION_DOCTOR, 1, 4 },
    { 3, COLLAB_PROFESSION_DOCTOR, 0, 3 },        /* counted, in no tier */
    { 4, COLLAB_PROFESSION_AGRICULTURE, 0, 3 },   /* under a month: not counted */
    { 5, COLLAB_PROFESSION_OTHER, 7, 13 },        /* projected */
    { 6, COLLAB_PROFESSION_AGRICULTURE, 2, 6 },   /* counted with this one … */
    { 6, COLLAB_PROFESSION_AGRICULTURE, 1, 5 },   /* … not again */
  };
  static const CollabInterpretation readings[] = {
    COLLAB_INTERPRETATION_NESTED, COLLAB_INTERPRETATION_CUMULATIVE, COLLAB_INTERPRETATION_BANDED,
  };
  static const guint required[][3] = { { 3, 9, 18 }, { 3, 6, 9 }, { 3, 6, 9 } };
  static const guint in_tier[][3] = { { 1, 3, 5 }, { 1, 3, 5 }, { 1, 2, 2 } };
  CollabTalentEntry entries[G_N_ELEMENTS (roster)];

  memset (entries, 0, sizeof entries);
  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    {
      entries[i].person = roster[i].person;
      entries[i].dispatch = i;
      entries[i].profession = roster[i].profession;
      entries[i].months = roster[i].months;
      entries[i].end = roster[i].end_month > 12 ? collab_day_new (2023, roster[i].end_month - 12, 28)
                                                 : collab_day_new (2022, roster[i].end_month, 28);
    }
  assert_sorted (entries, G_N_ELEMENTS (entries));

  for (guint r = 0; r < G_N_ELEMENTS (readings); r++)
    {
      CollabTalentRules rules;
      CollabTalentCounts counts;

      shipped_rules (&rules, readings[r]);
      collab_talent_count_entries (entries, G_N_ELEMENTS (entries), &rules, collab_day_new (2022, 12, 31), &counts);

      g_assert_cmpuint (counts.counted, ==, 6);
      g_assert_cmpuint (counts.short_other, ==, 1);
      g_assert_cmpuint (counts.projected, ==, 2);
      g_assert_cmpuint (counts.by_profession[COLLAB_PROFESSION_TEACHER], ==, 2);
      g_assert_cmpuint (counts.by_profession[COLLAB_PROFESSION_DOCTOR], ==, 2);
      g_assert_cmpuint (counts.by_profession[COLLAB_PROFESSION_AGRICULTURE], ==, 1);
      g_assert_cmpuint (counts.by_profession[COLLAB_PROFESSION_OTHER], ==, 1);
      g_assert_cmpuint (counts.groups[COLLAB_TALENT_GROUP_TEACHER], ==, 2);
      g_assert_cmpuint (counts.groups[COLLAB_TALENT_GROUP_DOCTOR], ==, 2);
      g_assert_cmpuint (counts.groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER], ==, 2);
      g_assert_cmpuint (counts.at_least[0], ==, 1);
      g_assert_cmpuint (counts.at_least[1], ==, 3);
      g_assert_cmpuint (counts.at_least[2], ==, 5);
      g_assert_cmpuint (counts.term_people, ==, 4);
      g_assert_cmpuint (counts.term_served, ==, 2);
      g_assert_cmpuint (counts.term_projected, ==, 1);
      for (guint t = 0; t < 3; t++)
        {
          g_assert_cmpuint (counts.in_tier[t], ==, in_tier[r][t]);
          g_assert_cmpuint (collab_talent_tier_required (&rules, t), ==, required[r][t]);
        }
      g_assert_false (collab_talent_total_passes (&rules, &counts));
      g_assert_false (collab_talent_mix_passes (&rules, &counts));
      g_assert_false (collab_talent_tenure_passes (&rules, &counts));

      /* Thresholds the roster meets. */
      rules.total = 6;
      rules.mix[0] = rules.mix[1] = rules.mix[2] = 2;
      g_assert_true (collab_talent_total_passes (&rules, &counts));
      g_assert_true (collab_talent_mix_passes (&rules, &counts));
      rules.tiers[0].count = 1;
      rules.tiers[1].count = 2;
      rules.tiers[2].count = 2;
      /* nested asks 1, 3 and 5 of ≥ 12, ≥ 6 and ≥ 1: met exactly. */
      g_assert_true (collab_talent_tenure_passes (&rules, &counts));
      rules.tiers[2].count = 3;
      g_assert_cmpint (collab_talent_tenure_passes (&rules, &counts), ==,
                       readings[r] == COLLAB_INTERPRETATION_CUMULATIVE);
    }

  /* Without an as-of day nothing is projected; with 666.short_other off
   * (short months 0) the short agriculture service counts. */
  {
    CollabTalentRules rules;
    CollabTalentCounts counts;

    shipped_rules (&rules, COLLAB_INTERPRETATION_NESTED);
    rules.short_months = 0;
    collab_talent_count_entries (entries, G_N_ELEMENTS (entries), &rules, COLLAB_DAY_NONE, &counts);
    g_assert_cmpuint (counts.counted, ==, 7);
    g_assert_cmpuint (counts.short_other, ==, 0);
    g_assert_cmpuint (counts.projected, ==, 0);
    g_assert_cmpuint (counts.term_projected, ==, 0);
  }

  g_assert_cmpuint (collab_talent_group_of (COLLAB_PROFESSION_AGRICULTURE), ==, COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER);
  g_assert_cmpuint (collab_talent_group_of (COLLAB_PROFESSION_OTHER), ==, COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER);
  g_assert_cmpstr (collab_talent_group_nick (COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER), ==, "agriculture_or_other");
}

/* An adjustment covers its county and year, for its rule, from its
 * assisting district or, when it names none, from any. */
static void
test_adjustments (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  CollabStore *store;
  CollabTalentTally *tally;
  CollabRef jiangyin, huishan, yanchuan, ledu, pingan;

  collab_test_merge_members (dataset,
    "\"adjustments\": ["
    "{\"rule\": \"666.mix\", \"assisting\": \"jiangyin\", \"assisted\": \"yanchuan\", \"year\": 2022},"
    "{\"rule\": \"666.mix\", \"assisted\": \"ledu\", \"year\": 2022},"
    "{\"rule\": \"666.county_mix\", \"assisted\": \"pingan\", \"year\": 2022}]");
  store = collab_dataset_get_store (dataset);
  tally = collab_talent_tally_new (store);
  jiangyin = region_ref (dataset, "jiangyin");
  huishan = region_ref (dataset, "huishan");
  yanchuan = region_ref (dataset, "yanchuan");
  ledu = region_ref (dataset, "ledu");
  pingan = region_ref (dataset, "pingan");

  g_assert_true (collab_talent_is_adjusted (tally, "666.mix", jiangyin, yanchuan, 2022));
  g_assert_true (collab_talent_is_adjusted (tally, "666.mix", COLLAB_REF_NONE, yanchuan, 2022));
  g_assert_false (collab_talent_is_adjusted (tally, "666.mix", huishan, yanchuan, 2022));
  g_assert_false (collab_talent_is_adjusted (tally, "666.mix", jiangyin, yanchuan, 2023));
  g_assert_false (collab_talent_is_adjusted (tally, "666.total", jiangyin, yanchuan, 2022));
  g_assert_true (collab_talent_is_adjusted (tally, "666.mix", huishan, ledu, 2022));
  g_assert_true (collab_talent_is_adjusted (tally, "666.county_mix", COLLAB_REF_NONE, pingan, 2022));
  g_assert_false (collab_talent_is_adjusted (tally, "666.mix", huishan, pingan, 2022));

  collab_talent_tally_free (tally);
}

/* The store keeps one tally until its records change. */
static void
test_for_store (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  const CollabTalentTally *tally = collab_talent_tally_for_store (collab_dataset_get_store (dataset));
  CollabTestRoster roster;

  g_assert_true (collab_talent_tally_for_store (collab_dataset_get_store (dataset)) == tally);
  g_assert_cmpuint (tally->n_pairing_years, ==, 3);
  g_assert_cmpuint (tally->n_entries, ==, 0);

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 2, "doctor", "huishan", "pingan", "2022-03-01", "2022-08-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  tally = collab_talent_tally_for_store (collab_dataset_get_store (dataset));
  g_assert_cmpuint (tally->n_entries, ==, 2);
  g_assert_cmpuint (tally->pairing_years[2].n, ==, 2);
}

/* --- through the 666 findings ---------------------------------------- */

/* Cadres, short-term visits and inbound dispatches are not counted;
 * neither are dispatches to an unpaired county or the wrong way round. */
static void
test_total_not_counted (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_compliant (&roster);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *cadre = collab_test_roster_person (&roster, "other");
      g_autofree char *visitor = collab_test_roster_person (&roster, "teacher");
      g_autofree char *trainee = collab_test_roster_person (&roster, "doctor");
      g_autofree char *stray = collab_test_roster_person (&roster, "doctor");

      collab_test_roster_dispatch (&roster, cadre, "cadre", "outbound", "jiangyin", "yanchuan", "2022-01-01", "2023-12-31", NULL);
      collab_test_roster_dispatch (&roster, visitor, "short_term", "outbound", "jiangyin", "yanchuan", "2022-04-01", "2022-04-10", NULL);
      collab_test_roster_dispatch (&roster, trainee, "professional", "inbound", "yanchuan", "jiangyin", "2022-03-01", "2023-02-28", NULL);
      collab_test_roster_dispatch (&roster, stray, "professional", "outbound", "jiangyin", "ledu", "2022-03-01", "2023-02-28", NULL);
    }
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  /* Exactly 18 counted for jiangyin→yanchuan (the compliant roster);
   * huishan→ledu has nobody: jiangyin is not paired with ledu. */
  findings = collab_test_talent_check (dataset, "666.total");
  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisting"), ==, "huishan");
      g_assert_cmpint (collab_test_member_int (collab_finding_get_actual (finding), "total"), ==, 0);
    }
}

/* One person with two dispatches in a pairing-year counts once, with the
 * longer one. */
static void
test_total_person_twice (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) total = NULL;
  g_autoptr(GPtrArray) tenure = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *tiers = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 16, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-04-30");
  twice = collab_test_roster_person (&roster, "doctor");
  collab_test_roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2022-02-01", "2022-02-20", NULL);
  collab_test_roster_dispatch (&roster, twice, "professional", "outbound", "jiangyin", "yanchuan", "2022-05-01", "2023-04-30", NULL);
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  total = collab_test_talent_check (dataset, "666.total");
  finding = g_ptr_array_index (total, 2);
  g_assert_cmpstr (collab_finding_get_subject_string (finding, "assisted"), ==, "yanchuan");
  g_assert_cmpint (collab_test_member_int (collab_finding_get_actual (finding), "total"), ==, 17);

  /* Counted with the year-long dispatch: one serves ≥ 12 months. */
  tenure = collab_test_talent_check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  finding = g_ptr_array_index (tenure, 2);
  tiers = collab_test_actual_tiers (finding);
  g_assert_cmpstr (tiers, ==, "1/1/17");
}

/* A dispatch counts toward the year it starts in: a December start is
 * that year's, however far into the next it runs. */
static void
test_total_december_start (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset (2022, 2023, "east-west-2021");
  g_autoptr(GPtrArray) findings = NULL;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 18, "doctor", "jiangyin", "yanchuan", "2022-12-15", "2023-12-14");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.total");
  /* huishan's two pairings in both years, and jiangyin→yanchuan in 2023. */
  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      CollabFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (collab_finding_get_subject_string (finding, "assisting"), "jiangyin") == 0)
        {
          g_assert_cmpint (collab_finding_get_subject_int (finding, "year"), ==, 2023);
          g_assert_cmpint (collab_test_member_int (collab_finding_get_actual (finding), "total"), ==, 0);
        }
    }

  /* And it serves 12 months: 2022's tenure passes under nested (18
   * serving ≥ 12 months fill every slot). */
  {
    g_autoptr(GPtrArray) tenure = collab_test_talent_check (dataset, "666.tenure");

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
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  CollabFinding *finding;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add_compliant (&roster);
  collab_test_roster_add (&roster, 6, "teacher", "huishan", "ledu", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "doctor", "huishan", "ledu", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "other", "huishan", "ledu", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 4, "teacher", "huishan", "pingan", "2022-03-01", "2023-02-28");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check (dataset, "666.total");
  finding = collab_test_assert_pairing_year (findings, "huishan", "pingan", 2022);
  g_assert_cmpint (collab_test_member_int (collab_finding_get_actual (finding), "total"), ==, 4);
}

/* An early actual end replaces the planned end. */
static void
test_tenure_early_actual_end (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;
  g_autofree char *early = NULL;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 2, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 9, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  early = collab_test_roster_person (&roster, "teacher");
  collab_test_roster_dispatch (&roster, early, "professional", "outbound", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28",
                               "2022-07-15");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  findings = collab_test_talent_check_reading (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  g_assert_cmpuint (findings->len, ==, 3);
  tiers = collab_test_actual_tiers (g_ptr_array_index (findings, 2));
  /* The early leaver served 4 months: 2 ≥ 12, 8 ≥ 6, 18 ≥ 1. */
  g_assert_cmpstr (tiers, ==, "2/8/18");
}

/* The readings ------------------------------------------------------- */

/* Eighteen who all serve 12 months pass nested and cumulative and fail
 * banded. */
static void
test_tenure_all_twelve (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 6, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "other", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_true (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));
}

/* Passes all three: 3 in [12, ∞), 6 in [6, 12), 9 in [1, 6). */
static void
test_tenure_banded_roster (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_dataset_2022 ();
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2023-02-28");
  collab_test_roster_add (&roster, 6, "doctor", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_add (&roster, 3, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-03-31");
  collab_test_roster_add (&roster, 6, "agriculture", "jiangyin", "yanchuan", "2022-03-01", "2022-07-31");
  collab_test_roster_merge (dataset, &roster);
  collab_test_roster_clear (&roster);

  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_NESTED));
  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_CUMULATIVE));
  g_assert_false (collab_test_tenure_fails (dataset, COLLAB_INTERPRETATION_BANDED));

  /* And every other 666 rule. */
  {
    static const char * const rules[] = { "666.total", "666.mix", "666.term", "666.short_other" };

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      {
        g_autoptr(GPtrArray) findings = collab_test_only_assisted (collab_test_talent_check_reading (dataset, rules[i], COLLAB_INTERPRETATION_BANDED),
                                                                   "yanchuan");
        collab_test_assert_no_findings (findings);
      }
  }
}

/* Months served -------------------------------------------------------- */

/* Exactly 6 months is ≥ 6 months; one day short is not. */
static void
test_tenure_six_months_boundary (void)
{
  g_autoptr(CollabDataset) exact = collab_test_talent_dataset_2022 ();
  g_autoptr(CollabDataset) short_ = collab_test_talent_dataset_2022 ();
  g_autoptr(GPtrArray) exact_findings = NULL;
  g_autoptr(GPtrArray) short_findings = NULL;
  g_autofree char *exact_tiers = NULL, *short_tiers = NULL;
  CollabTestRoster roster;

  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 18, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-31");
  collab_test_roster_merge (exact, &roster);
  collab_test_roster_clear (&roster);
  collab_test_roster_init (&roster);
  collab_test_roster_add (&roster, 18, "teacher", "jiangyin", "yanchuan", "2022-03-01", "2022-08-30");
  collab_test_roster_merge (short_, &roster);
  collab_test_roster_clear (&roster);

  exact_findings = collab_test_talent_check_reading (exact, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  short_findings = collab_test_talent_check_reading (short_, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE);
  exact_tiers = collab_test_actual_tiers (g_ptr_array_index (exact_findings, 2));
  short_tiers = collab_test_actual_tiers (g_ptr_array_index (short_findings, 2));
  g_assert_cmpstr (exact_tiers, ==, "0/18/18");
  g_assert_cmpstr (short_tiers, ==, "0/0/18");
}

/* Month ends clamp (01-31 + 1 month = 02-28) and a leap day's year ends
 * on 02-27 of the next (02-29 + 12 months = 02-28); the short_other
 * finding of the same roster is test-rule-666.c's. */
static void
test_tenure_month_end_and_leap_day (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_talent_month_ends_dataset ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *tiers = NULL;

  findings = collab_test_check_full (dataset, "666.tenure", COLLAB_INTERPRETATION_CUMULATIVE, NULL, "2025-12-31");
  tiers = collab_test_actual_tiers (g_ptr_array_index (findings, 2));
  /* counted 5 (the short agriculture one is not): ≥12: 1; ≥6: 3 (both
   * doctors, one teacher); ≥1: 5. */
  g_assert_cmpstr (tiers, ==, "1/3/5");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/collab/talent-tally/pairing-years", test_pairing_years);
  g_test_add_func ("/collab/talent-tally/entries", test_entries);
  g_test_add_func ("/collab/talent-tally/longest-first", test_longest_first);
  g_test_add_func ("/collab/talent-tally/sort-entries", test_sort_entries);
  g_test_add_func ("/collab/talent-tally/count-entries", test_count_entries);
  g_test_add_func ("/collab/talent-tally/adjustments", test_adjustments);
  g_test_add_func ("/collab/talent-tally/for-store", test_for_store);
  g_test_add_func ("/collab/talent-tally/findings/not-counted", test_total_not_counted);
  g_test_add_func ("/collab/talent-tally/findings/person-twice", test_total_person_twice);
  g_test_add_func ("/collab/talent-tally/findings/december-start", test_total_december_start);
  g_test_add_func ("/collab/talent-tally/findings/district-with-two-counties", test_total_district_with_two_counties);
  g_test_add_func ("/collab/talent-tally/findings/early-actual-end", test_tenure_early_actual_end);
  g_test_add_func ("/collab/talent-tally/findings/readings/all-twelve", test_tenure_all_twelve);
  g_test_add_func ("/collab/talent-tally/findings/readings/banded-roster", test_tenure_banded_roster);
  g_test_add_func ("/collab/talent-tally/findings/months/six-months-boundary", test_tenure_six_months_boundary);
  g_test_add_func ("/collab/talent-tally/findings/months/month-end-and-leap-day", test_tenure_month_end_and_leap_day);

  return g_test_run ();
}
