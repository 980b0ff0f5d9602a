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

#include <stdlib.h>
#include <string.h>

#include "collab-rule-666-private.h"

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
           const char    *parameter)
{
  /* The rule set holds counts up to COLLAB_RULE_COUNT_MAX, so the sums
   * of collab-talent-plan.c fit a guint. */
  return (guint) collab_ruleset_get_int (ruleset, rule, parameter, 0);
}

/* The thresholds @ruleset gives the 666 rules (each rule's own defaults
 * where it gives none), read under @interpretation: what the analysis of
 * analysis/collab-talent-private.h counts and plans by. */
void
collab_rule_666_thresholds (CollabTalentRules    *rules,
                            CollabRuleset        *ruleset,
                            CollabInterpretation  interpretation)
{
  g_autoptr(GVariant) tiers = collab_ruleset_get_parameter (ruleset, "666.tenure", "tiers");
  GVariantIter iter;
  GVariant *tier;

  memset (rules, 0, sizeof *rules);
  rules->interpretation = interpretation;
  rules->total_enabled = collab_ruleset_is_enabled (ruleset, "666.total");
  rules->mix_enabled = collab_ruleset_is_enabled (ruleset, "666.mix");
  rules->tenure_enabled = collab_ruleset_is_enabled (ruleset, "666.tenure");
  rules->term_enabled = collab_ruleset_is_enabled (ruleset, "666.term");
  rules->total = get_count (ruleset, "666.total", "total");
  rules->mix[COLLAB_TALENT_GROUP_TEACHER] = get_count (ruleset, "666.mix", "teacher");
  rules->mix[COLLAB_TALENT_GROUP_DOCTOR] = get_count (ruleset, "666.mix", "doctor");
  rules->mix[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER] = get_count (ruleset, "666.mix", "agriculture_or_other");
  /* Not counting short agriculture-or-other services is part of
   * 666.short_other: a rule set without it counts them. */
  rules->short_months = collab_ruleset_is_enabled (ruleset, "666.short_other")
                          ? get_count (ruleset, "666.short_other", "months") : 0;
  rules->term_months = get_count (ruleset, "666.term", "months");
  rules->term_percent = get_count (ruleset, "666.term", "percent");

  /* The rule set has checked the shape: an array of {months, count}. */
  g_variant_iter_init (&iter, tiers);
  while ((tier = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint64 months = 0, count = 0;

      g_variant_lookup (tier, "months", "x", &months);
      g_variant_lookup (tier, "count", "x", &count);
      g_variant_unref (tier);
      if (rules->n_tiers == COLLAB_TALENT_MAX_TIERS)
        continue;
      rules->tiers[rules->n_tiers].months = CLAMP (months, 0, COLLAB_TALENT_MONTHS_CAP);
      rules->tiers[rules->n_tiers].count = (guint) count;
      rules->n_tiers++;
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
  run->tally = collab_talent_tally_for_store (run->store);
  collab_rule_666_thresholds (&run->rules, collab_check_context_get_ruleset (ctx),
                              collab_check_context_get_interpretation (ctx));
  run->shared = collab_rule_666_shared_for (ctx);
  run->rules_index = collab_rule_666_shared_rules_index (run->shared, &run->rules);
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
  run->next = run->first;
}

gboolean
collab_rule_666_is_judged (const Collab666Run            *run,
                           const CollabTalentPairingYear *py)
{
  return py->year <= run->last_year;
}

const CollabTalentPairingYear *
collab_rule_666_next (Collab666Run       *run,
                      CollabTalentCounts *counts)
{
  for (; run->next < run->end; run->next++)
    {
      const CollabTalentPairingYear *py = &run->tally->pairing_years[run->next];

      if (!collab_rule_666_is_judged (run, py))
        continue;
      if (counts != NULL)
        collab_talent_count (run->tally, run->next, &run->rules, run->as_of, counts);
      run->next++;
      return py;
    }
  return NULL;
}

void
collab_rule_666_judge (CollabCheckContext *ctx)
{
  const Collab666Judge *judge = collab_check_context_get_rule (ctx)->data;
  const CollabTalentPairingYear *py;
  g_autoptr(GVariant) expected = NULL;
  CollabTalentCounts counts;
  Collab666Run run;

  collab_rule_666_begin (&run, ctx);
  expected = g_variant_ref_sink (judge->expected (&run));

  while ((py = collab_rule_666_next (&run, &counts)) != NULL)
    {
      g_autofree char *plan = NULL;
      CollabFinding *finding;

      if (!judge->fails (&run, py, &counts))
        continue;

      finding = collab_rule_666_new_finding (&run, py, g_variant_ref (expected), judge->actual (&run, &counts));
      plan = collab_rule_666_set_plan (&run, py, &counts, finding);
      collab_finding_take_message (finding, judge->message (&run, py, &counts, plan));
      collab_check_context_report (ctx, finding);
    }
}

const CollabRuleParam collab_rule_666_mix_params[] = {
  COLLAB_RULE_COUNT ("teacher", 6),
  COLLAB_RULE_COUNT ("doctor", 6),
  COLLAB_RULE_COUNT ("agriculture_or_other", 6),
  { NULL },
};

const CollabPairingRec *
collab_rule_666_pairing (const Collab666Run            *run,
                         const CollabTalentPairingYear *py)
{
  return collab_store_get (run->store, COLLAB_RECORD_KIND_PAIRING, py->pairing);
}

CollabFinding *
collab_rule_666_new_finding (const Collab666Run            *run,
                             const CollabTalentPairingYear *py,
                             GVariant                      *expected,
                             GVariant                      *actual)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);
  CollabFinding *finding = collab_check_context_new_finding (run->ctx);

  collab_finding_set_subject_string (finding, "assisting", collab_units_id (run->store, pairing->assisting));
  collab_finding_set_subject_string (finding, "assisted", collab_units_id (run->store, pairing->assisted));
  collab_finding_set_subject_int (finding, "year", py->year);
  collab_finding_take_expected (finding, expected);
  collab_finding_take_actual (finding, actual);
  return finding;
}

char *
collab_rule_666_describe (const Collab666Run            *run,
                          const CollabTalentPairingYear *py)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);

  /* Translators: a pairing-year, "binhu (滨湖区) → minhe (民和…) in 2022":
   * the assisting unit's id and name, the assisted unit's, the year. */
  return g_strdup_printf (_("%s (%s) → %s (%s) in %d"),
                          collab_check_context_cut (run->ctx, collab_units_id (run->store, pairing->assisting)),
                          collab_check_context_cut (run->ctx, collab_units_name (run->store, pairing->assisting)),
                          collab_check_context_cut (run->ctx, collab_units_id (run->store, pairing->assisted)),
                          collab_check_context_cut (run->ctx, collab_units_name (run->store, pairing->assisted)),
                          py->year);
}

char *
collab_rule_666_projected (const Collab666Run       *run,
                           const CollabTalentCounts *counts)
{
  g_autofree char *day = NULL;

  if (counts->projected == 0)
    return g_strdup ("");

  day = collab_day_format (run->as_of);
  /* Translators: a clause appended to a 666 message. */
  return g_strdup_printf (ngettext_ ("; %u of those counted ends after the as-of day %s (projected)",
                                     "; %u of those counted end after the as-of day %s (projected)",
                                     counts->projected),
                          counts->projected, day);
}

char *
collab_rule_666_not_counted (const Collab666Run       *run,
                             const CollabTalentCounts *counts)
{
  g_autofree char *months = NULL;

  if (counts->short_other == 0)
    return g_strdup ("");

  months = g_strdup_printf (ngettext_ ("%u month", "%u months", run->rules.short_months), run->rules.short_months);

  /* Translators: a clause appended to a 666 message; %s is "1 month". */
  return g_strdup_printf (ngettext_ ("; %u agriculture-or-other professional serving under %s is not counted",
                                     "; %u agriculture-or-other professionals serving under %s are not counted",
                                     counts->short_other),
                          counts->short_other, months);
}

gboolean
collab_rule_666_mix_adjusted (const Collab666Run            *run,
                              const CollabTalentPairingYear *py)
{
  const CollabPairingRec *pairing = collab_rule_666_pairing (run, py);

  return collab_talent_is_adjusted (run->tally, "666.mix", pairing->assisting, pairing->assisted, py->year);
}

/* The group counts of 666.mix and 666.county_mix as a dictionary. */
GVariant *
collab_rule_666_mix_dict (const guint *groups,
                          gboolean     with_projected,
                          guint        projected)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    g_variant_builder_add (&builder, "{sv}", collab_talent_group_nick (g), g_variant_new_int64 (groups[g]));
  if (with_projected)
    g_variant_builder_add (&builder, "{sv}", "projected", g_variant_new_int64 (projected));
  return g_variant_builder_end (&builder);
}

/* The actual of a 666.mix or 666.county_mix finding: the group counts and
 * "projected", shared by the findings with the same counts. */
GVariant *
collab_rule_666_mix_actual (const Collab666Run       *run,
                            const CollabTalentCounts *counts)
{
  guint values[COLLAB_TALENT_N_GROUPS + 1];
  GVariant *value;

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    values[g] = counts->groups[g];
  values[COLLAB_TALENT_N_GROUPS] = counts->projected;
  value = collab_rule_666_shared_value (run, COLLAB_666_VALUE_MIX, values, G_N_ELEMENTS (values));
  if (value == NULL)
    value = collab_rule_666_share_value (run, COLLAB_666_VALUE_MIX, values, G_N_ELEMENTS (values),
                                         collab_rule_666_mix_dict (counts->groups, TRUE, counts->projected));
  return value;
}
