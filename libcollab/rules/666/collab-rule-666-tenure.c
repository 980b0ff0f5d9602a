/* collab-rule-666-tenure.c: 666.tenure
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: "任期在1年以上人员不少于3人，半年以上人员不少于6人，1个月以上人员
 * 不少于9人", under the reading in force — the checker's override, else the
 * rule set's:
 *
 *   nested      #(≥ 12) ≥ 3, #(≥ 6) ≥ 3 + 6, #(≥ 1) ≥ 3 + 6 + 9
 *   cumulative  #(≥ 12) ≥ 3, #(≥ 6) ≥ 6,     #(≥ 1) ≥ 9
 *   banded      #[12, ∞) ≥ 3, #[6, 12) ≥ 6,  #[1, 6) ≥ 9
 *
 * with the tiers of the rule set (any number, sorted longest first).
 * "Serving N months" is SPEC §3's: end ≥ add_months(start, N) − 1 day.
 *
 * Subject {assisting, assisted, year}; expected {"interpretation",
 * "tiers": [{"months", ["below",] "count"}…]} with the counts the reading
 * asks for, actual {"tiers": [...], "projected"}; the remedy is the
 * pairing-year's plan.
 */

#include "rules/collab-ruleset-private.h"
#include "collab-rule-666-private.h"

/* A new floating {"interpretation", "tiers": [{months, [below,] count}…]}
 * (expected) or {"tiers": […], "projected"} (actual). */
static GVariant *
tiers_dict (const CollabTalentRules *rules,
            const guint             *counts,
            gboolean                 expected,
            guint                    projected)
{
  GVariantBuilder object, tiers;

  g_variant_builder_init (&tiers, G_VARIANT_TYPE ("aa{sv}"));
  for (guint t = 0; t < rules->n_tiers; t++)
    {
      g_variant_builder_open (&tiers, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&tiers, "{sv}", "months", g_variant_new_int64 (rules->tiers[t].months));
      if (rules->interpretation == COLLAB_INTERPRETATION_BANDED && t > 0)
        g_variant_builder_add (&tiers, "{sv}", "below", g_variant_new_int64 (rules->tiers[t - 1].months));
      g_variant_builder_add (&tiers, "{sv}", "count",
                             g_variant_new_int64 (expected ? collab_talent_tier_required (rules, t) : counts[t]));
      g_variant_builder_close (&tiers);
    }

  g_variant_builder_init (&object, G_VARIANT_TYPE_VARDICT);
  if (expected)
    g_variant_builder_add (&object, "{sv}", "interpretation",
                           g_variant_new_string (collab_interpretation_to_nick (rules->interpretation)));
  g_variant_builder_add (&object, "{sv}", "tiers", g_variant_builder_end (&tiers));
  if (!expected)
    g_variant_builder_add (&object, "{sv}", "projected", g_variant_new_int64 (projected));
  return g_variant_builder_end (&object);
}

/* The actual of a finding: the tier counts and "projected", shared by the
 * findings with the same counts. */
static GVariant *
actual_value (Collab666Run             *run,
              const CollabTalentCounts *counts)
{
  guint values[COLLAB_TALENT_MAX_TIERS + 1];
  guint n = run->rules.n_tiers;
  GVariant *value;

  for (guint t = 0; t < n; t++)
    values[t] = counts->in_tier[t];
  values[n] = counts->projected;
  value = collab_rule_666_shared_value (run, COLLAB_666_VALUE_TENURE, values, n + 1);
  if (value == NULL)
    value = collab_rule_666_share_value (run, COLLAB_666_VALUE_TENURE, values, n + 1,
                                         tiers_dict (&run->rules, counts->in_tier, FALSE, counts->projected));
  return value;
}

/* "2 of the 3 needed serve ≥ 12 months, 6 of 9 serve ≥ 6 months" */
static char *
describe_tiers (const CollabTalentRules  *rules,
                const CollabTalentCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < rules->n_tiers; t++)
    {
      guint required = collab_talent_tier_required (rules, t);
      guint months = rules->tiers[t].months;
      guint in_tier = counts->in_tier[t];
      g_autofree char *span = NULL;
      g_autofree char *needed = NULL;

      if (rules->interpretation == COLLAB_INTERPRETATION_BANDED && t > 0)
        span = g_strdup_printf (_("%u to %u months"), months, rules->tiers[t - 1].months - 1);
      else
        span = g_strdup_printf (ngettext_ ("≥ %u month", "≥ %u months", months), months);
      needed = g_strdup_printf (in_tier < required ? _("%u needed, short") : _("%u needed"), required);
      /* Translators: "5 serve ≥ 12 months (3 needed)". */
      g_ptr_array_add (parts, g_strdup_printf (ngettext_ ("%u serves %s (%s)", "%u serve %s (%s)", in_tier),
                                               in_tier, span, needed));
    }
  return collab_i18n_join_list ((const char * const *) parts->pdata, parts->len);
}

static GVariant *
expected_value (const Collab666Run *run)
{
  return tiers_dict (&run->rules, NULL, TRUE, 0);
}

/* A rule set without tiers asks for nothing. */
static gboolean
fails (const Collab666Run            *run,
       const CollabTalentPairingYear *py,
       const CollabTalentCounts      *counts)
{
  return run->rules.n_tiers > 0 && !collab_talent_tenure_passes (&run->rules, counts);
}

static char *
message (const Collab666Run            *run,
         const CollabTalentPairingYear *py,
         const CollabTalentCounts      *counts,
         const char                    *plan)
{
  g_autofree char *where = collab_rule_666_describe (run, py);
  g_autofree char *projected = collab_rule_666_projected (run, counts);
  g_autofree char *not_counted = collab_rule_666_not_counted (run, counts);
  g_autofree char *tiers = describe_tiers (&run->rules, counts);

  const char *reading = run->rules.interpretation == COLLAB_INTERPRETATION_CUMULATIVE ? C_("reading", "cumulative")
                        : run->rules.interpretation == COLLAB_INTERPRETATION_BANDED ? C_("reading", "banded")
                        : C_("reading", "nested");

  /* Translators: "binhu (滨湖区) → minhe (…) in 2022, under the nested
   * reading of the tenure tiers: of 16 counted, 5 serve ≥ 12 months (3
   * needed), …; add 2 …". The %s after the tiers are optional clauses
   * that begin with "; ". */
  return g_strdup_printf (_("%s, under the %s reading of the tenure tiers: of %u counted, %s%s%s; %s."),
                          where, reading, counts->counted, tiers, not_counted, projected, plan);
}

static const Collab666Judge judge = { expected_value, fails, actual_value, message };

/* 3 serve a year or more, 6 half a year, 9 a month (专栏6). */
static const CollabRuleTier tiers[] = { { 12, 3 }, { 6, 6 }, { 1, 9 } };

static const CollabRuleParam params[] = {
  COLLAB_RULE_TIERS ("tiers", tiers),
  { NULL },
};

COLLAB_DEFINE_RULE (666_tenure,
  .id = "666.tenure",
  .area = "talent",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = collab_rule_666_judge,
  .data = &judge);
