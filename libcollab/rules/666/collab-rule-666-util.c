/* collab-rule-666-util.c: what the 666.* rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pairing-years after the year of the as-of day are not judged: nothing
 * can have been dispatched in a year that has not begun, and `collab
 * check --as-of 2023-12-31` on a 2021–2025 program should speak of
 * 2021–2023 only. In the as-of day's own year, dispatches that end after
 * it are counted as planned and reported as projected.
 */

#include <string.h>

#include "collab-rule-666-private.h"

/* The shipped values (SPEC §6), for a rule set that leaves one out. */
static const CollabTalentTier default_tiers[] = { { 12, 3 }, { 6, 6 }, { 1, 9 } };

static int
compare_tiers (const void *a,
               const void *b)
{
  const CollabTalentTier *x = a, *y = b;

  /* Longest first. */
  return x->months == y->months ? 0 : (x->months > y->months ? -1 : 1);
}

static guint
get_count (CollabRuleset *ruleset,
           const char    *rule,
           const char    *parameter,
           guint          fallback)
{
  gint64 value = collab_ruleset_get_int (ruleset, rule, parameter, fallback);

  return (guint) CLAMP (value, 0, G_MAXINT32);
}

/* The thresholds @ruleset gives the 666 rules (the shipped values where
 * it gives none), read under @interpretation: what the analysis of
 * analysis/collab-talent-private.h counts and plans by. */
void
collab_rule_666_thresholds (CollabTalentRules    *rules,
                            CollabRuleset        *ruleset,
                            CollabInterpretation  interpretation)
{
  JsonNode *tiers;

  memset (rules, 0, sizeof *rules);
  rules->interpretation = interpretation;
  rules->total_enabled = collab_ruleset_is_enabled (ruleset, "666.total");
  rules->mix_enabled = collab_ruleset_is_enabled (ruleset, "666.mix");
  rules->tenure_enabled = collab_ruleset_is_enabled (ruleset, "666.tenure");
  rules->term_enabled = collab_ruleset_is_enabled (ruleset, "666.term");
  rules->total = get_count (ruleset, "666.total", "total", 18);
  rules->mix[COLLAB_TALENT_GROUP_TEACHER] = get_count (ruleset, "666.mix", "teacher", 6);
  rules->mix[COLLAB_TALENT_GROUP_DOCTOR] = get_count (ruleset, "666.mix", "doctor", 6);
  rules->mix[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER] = get_count (ruleset, "666.mix", "agriculture_or_other", 6);
  /* Not counting short agriculture-or-other services is part of
   * 666.short_other: a rule set without it counts them. */
  rules->short_months = collab_ruleset_is_enabled (ruleset, "666.short_other")
                          ? get_count (ruleset, "666.short_other", "months", 1) : 0;
  rules->term_months = get_count (ruleset, "666.term", "months", 6);
  rules->term_percent = get_count (ruleset, "666.term", "percent", 50);

  /* The loader has checked the shape: an array of {months, count}. */
  tiers = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  if (tiers != NULL && JSON_NODE_HOLDS_ARRAY (tiers))
    {
      JsonArray *array = json_node_get_array (tiers);

      for (guint i = 0; i < json_array_get_length (array) && rules->n_tiers < COLLAB_TALENT_MAX_TIERS; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *tier;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          tier = json_node_get_object (element);
          rules->tiers[rules->n_tiers].months = CLAMP (json_object_get_int_member_with_default (tier, "months", 0),
                                                       0, COLLAB_TALENT_MONTHS_CAP);
          rules->tiers[rules->n_tiers].count = CLAMP (json_object_get_int_member_with_default (tier, "count", 0),
                                                      0, G_MAXINT32);
          rules->n_tiers++;
        }
    }
  else
    {
      memcpy (rules->tiers, default_tiers, sizeof default_tiers);
      rules->n_tiers = G_N_ELEMENTS (default_tiers);
    }

  qsort (rules->tiers, rules->n_tiers, sizeof rules->tiers[0], compare_tiers);
}

void
collab_rule_666_begin (Collab666Run       *run,
                       CollabCheckContext *ctx)
{
  CollabRef program = collab_check_context_get_program_ref (ctx);

  run->ctx = ctx;
  run->store = collab_check_context_get_store (ctx);
  run->tally = collab_talent_tally_for_dataset (collab_check_context_get_dataset (ctx));
  collab_rule_666_thresholds (&run->rules, collab_check_context_get_ruleset (ctx),
                              collab_check_context_get_interpretation (ctx));
  run->as_of = collab_check_context_get_as_of (ctx);
  if (run->as_of != COLLAB_DAY_NONE)
    run->last_year = (int) collab_day_get_year (run->as_of);
  else
    run->last_year = G_MAXINT;

  run->first = run->end = 0;
  if (program != COLLAB_REF_NONE && COLLAB_REF_INDEX (program) < run->tally->n_programs)
    {
      run->first = run->tally->program_first[COLLAB_REF_INDEX (program)];
      run->end = run->tally->program_first[COLLAB_REF_INDEX (program) + 1];
    }
}

gboolean
collab_rule_666_is_judged (const Collab666Run            *run,
                           const CollabTalentPairingYear *py)
{
  return py->year <= run->last_year;
}

const CollabPairingRec *
collab_rule_666_pairing (const Collab666Run            *run,
                         const CollabTalentPairingYear *py)
{
  return collab_store_get (run->store, COLLAB_RECORD_KIND_PAIRING, py->pairing);
}

CollabFinding *
collab_rule_666_new_finding (const Collab666Run            *run,
                             const CollabTalentPairingYear *py)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);
  CollabFinding *finding = collab_check_context_new_finding (run->ctx);

  collab_finding_set_subject_string (finding, "assisting", collab_units_id (run->store, pairing->assisting));
  collab_finding_set_subject_string (finding, "assisted", collab_units_id (run->store, pairing->assisted));
  collab_finding_set_subject_int (finding, "year", py->year);
  return finding;
}

char *
collab_rule_666_describe (const Collab666Run            *run,
                          const CollabTalentPairingYear *py)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);

  return g_strdup_printf ("%s (%s) → %s (%s) in %d",
                          collab_units_id (run->store, pairing->assisting),
                          collab_units_name (run->store, pairing->assisting),
                          collab_units_id (run->store, pairing->assisted),
                          collab_units_name (run->store, pairing->assisted), py->year);
}

char *
collab_rule_666_projected (const Collab666Run       *run,
                           const CollabTalentCounts *counts)
{
  g_autofree char *day = NULL;

  if (counts->projected == 0)
    return g_strdup ("");

  day = collab_day_format (run->as_of);
  return g_strdup_printf ("; %u of those counted end%s after the as-of day %s (projected)", counts->projected,
                          counts->projected == 1 ? "s" : "", day);
}

char *
collab_rule_666_not_counted (const Collab666Run       *run,
                             const CollabTalentCounts *counts)
{
  if (counts->short_other == 0)
    return g_strdup ("");

  return g_strdup_printf ("; %u agriculture-or-other professional%s serving under %u month%s %s not counted",
                          counts->short_other, counts->short_other == 1 ? "" : "s", run->rules.short_months,
                          run->rules.short_months == 1 ? "" : "s", counts->short_other == 1 ? "is" : "are");
}

gboolean
collab_rule_666_mix_adjusted (const Collab666Run            *run,
                              const CollabTalentPairingYear *py)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);

  return collab_talent_is_adjusted (run->tally, "666.mix", pairing->assisting, pairing->assisted, py->year);
}

char *
collab_rule_666_set_plan (const Collab666Run            *run,
                          const CollabTalentPairingYear *py,
                          const CollabTalentCounts      *counts,
                          CollabFinding                 *finding)
{
  const CollabTalentCachedPlan *plan;

  plan = collab_talent_tally_plan (run->tally, py - run->tally->pairing_years, &run->rules, counts,
                                   collab_rule_666_mix_adjusted (run, py));
  collab_finding_take_remedy (finding, json_node_ref (plan->remedy));
  return g_strdup (plan->sentence);
}

/* Keys are guint[1 + n]: n, then the values. */
static guint
node_key_hash (gconstpointer key)
{
  const guint *k = key;
  guint32 h = 2166136261u;

  for (guint i = 0; i <= k[0]; i++)
    h = (h ^ k[i]) * 16777619u;
  return h;
}

static gboolean
node_key_equal (gconstpointer a,
                gconstpointer b)
{
  const guint *ka = a, *kb = b;

  return ka[0] == kb[0] && memcmp (ka + 1, kb + 1, ka[0] * sizeof (guint)) == 0;
}

void
collab_rule_666_node_cache_init (Collab666NodeCache *cache)
{
  cache->nodes = g_hash_table_new_full (node_key_hash, node_key_equal, g_free, (GDestroyNotify) json_node_unref);
}

void
collab_rule_666_node_cache_clear (Collab666NodeCache *cache)
{
  g_clear_pointer (&cache->nodes, g_hash_table_unref);
}

JsonNode *
collab_rule_666_node_cache_lookup (Collab666NodeCache *cache,
                                   const guint        *values,
                                   guint               n)
{
  guint key[1 + COLLAB_666_NODE_KEY_MAX];
  JsonNode *node;

  g_return_val_if_fail (n <= COLLAB_666_NODE_KEY_MAX, NULL);

  key[0] = n;
  memcpy (key + 1, values, n * sizeof (guint));
  node = g_hash_table_lookup (cache->nodes, key);
  return node != NULL ? json_node_ref (node) : NULL;
}

JsonNode *
collab_rule_666_node_cache_insert (Collab666NodeCache *cache,
                                   const guint        *values,
                                   guint               n,
                                   JsonNode           *node)
{
  guint *key;

  g_return_val_if_fail (n <= COLLAB_666_NODE_KEY_MAX, node);

  key = g_new (guint, 1 + n);
  key[0] = n;
  memcpy (key + 1, values, n * sizeof (guint));
  json_node_seal (node);
  g_hash_table_replace (cache->nodes, key, node);
  return json_node_ref (node);
}

/* The group counts of 666.mix and 666.county_mix as a JSON object. */
JsonNode *
collab_rule_666_mix_object (const guint *groups,
                            gboolean     with_projected,
                            guint        projected)
{
  JsonObject *object = json_object_new ();

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    json_object_set_int_member (object, collab_talent_group_nick (g), groups[g]);
  if (with_projected)
    json_object_set_int_member (object, "projected", projected);
  return collab_talent_object_node (object);
}

/* The actual of a 666.mix or 666.county_mix finding: the group counts and
 * "projected", shared by the findings with the same counts. */
JsonNode *
collab_rule_666_mix_actual (Collab666NodeCache       *cache,
                            const CollabTalentCounts *counts)
{
  guint values[COLLAB_TALENT_N_GROUPS + 1];
  JsonNode *node;

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    values[g] = counts->groups[g];
  values[COLLAB_TALENT_N_GROUPS] = counts->projected;
  node = collab_rule_666_node_cache_lookup (cache, values, G_N_ELEMENTS (values));
  if (node == NULL)
    node = collab_rule_666_node_cache_insert (cache, values, G_N_ELEMENTS (values),
                                              collab_rule_666_mix_object (counts->groups, TRUE, counts->projected));
  return node;
}
