/* collab-talent-plan.c: shortfall plans of the 666 rules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A pairing-year that fails 666.total, 666.tenure or 666.mix is given the
 * smallest set of additional dispatches — so many of each profession
 * group, serving at least so many months — after which all three pass.
 *
 * Each added dispatch is one person: it adds one to the total, one to
 * exactly one profession group, and, by the months it serves, one to every
 * tier at or below its own (nested and cumulative readings) or to exactly
 * its own band (banded). The profession and the months of a dispatch are
 * chosen independently, so the three requirements only meet in the count:
 *
 *   n = max (total deficit,
 *            sum over groups of the group's deficit,
 *            tier deficit of the reading)
 *
 * where the tier deficit is max_t (required_t - have_t) for nested and
 * cumulative (a dispatch of the longest tier needed fills every shorter
 * one) and sum_t (required_t - have_t) for banded. Each term is a lower
 * bound on any set that passes, and the set built here has exactly n
 * dispatches; doc/talent.md writes the proof out, and tests/test-plan.c
 * checks it by brute force.
 *
 * Building the set: the tier slots are laid out longest first (the
 * fewest long dispatches that the reading needs, then the shorter ones),
 * the remaining slots up to n at the shortest tier; professions are
 * dealt to the slots longest first, teachers and doctors before the
 * agriculture-or-other group (the plan says teaching and medical support
 * serve mainly a year or half a year, others at least a month). Slots no
 * group needs go to the group with the fewest people, so the plan never
 * makes the mix worse. No agriculture-or-other dispatch is ever planned
 * under the 666.short_other months: it would not be counted.
 */

#include <string.h>

#include <libcollab/collab-enum-types.h>

#include "collab-talent-private.h"
#include "types/collab-i18n-private.h"

/* --- planning -------------------------------------------------------- */

static guint
deficit (guint need,
         guint have)
{
  return need > have ? need - have : 0;
}

/* The tier slots the reading needs, longest first, in @slots[tier];
 * returns how many. */
static guint
tier_slots (const CollabTalentRules  *rules,
            const CollabTalentCounts *counts,
            guint                    *slots)
{
  guint running = 0, total = 0;

  for (guint t = 0; t < rules->n_tiers; t++)
    {
      guint d = deficit (collab_talent_tier_required (rules, t), counts->in_tier[t]);

      if (rules->interpretation == COLLAB_INTERPRETATION_BANDED)
        slots[t] = d;
      else
        {
          /* A dispatch of tier t fills tier t and every shorter one: add
           * at tier t only what the longer tiers' additions leave short. */
          slots[t] = d > running ? d - running : 0;
          running += slots[t];
        }
      total += slots[t];
    }
  return total;
}

/* The tier an agriculture-or-other dispatch may be planned at: its own,
 * unless it is shorter than 666.short_other asks (only a rule set with a
 * tier under the short-service months has one). */
static guint
tier_for_other (const CollabTalentRules *rules,
                guint                    tier)
{
  while (tier > 0 && rules->tiers[tier].months < rules->short_months)
    tier--;
  return tier;
}

gboolean
collab_talent_plan (const CollabTalentRules  *rules,
                    const CollabTalentCounts *counts,
                    gboolean                  mix_adjusted,
                    CollabTalentPlan         *plan)
{
  guint slots[COLLAB_TALENT_MAX_TIERS] = { 0 };
  guint need[COLLAB_TALENT_N_GROUPS] = { 0 };
  guint have[COLLAB_TALENT_N_GROUPS];
  gboolean use_mix = rules->mix_enabled && !mix_adjusted;
  gboolean use_tiers = rules->tenure_enabled && rules->n_tiers > 0;
  guint n, free_slots, lowest;

  memset (plan, 0, sizeof *plan);

  if (rules->total_enabled)
    plan->total_deficit = deficit (rules->total, counts->counted);
  if (use_mix)
    for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
      {
        need[g] = deficit (rules->mix[g], counts->groups[g]);
        plan->mix_deficit += need[g];
      }
  if (use_tiers)
    plan->tier_deficit = tier_slots (rules, counts, slots);

  n = MAX (plan->total_deficit, MAX (plan->mix_deficit, plan->tier_deficit));
  plan->total = n;
  if (n == 0)
    return FALSE;

  /* Slots beyond what the tiers need serve the shortest tier: under every
   * reading a dispatch there only adds to what is counted. Without tiers,
   * they serve the short-service months, which every group counts with. */
  lowest = rules->n_tiers > 0 ? rules->n_tiers - 1 : 0;
  slots[lowest] += n - plan->tier_deficit;

  /* Deal the groups to the slots, longest first. Teachers and doctors
   * the plan needs take the long tiers (whichever has more left to place,
   * teachers on a tie); slots no group needs (free) go to teachers and
   * doctors on the long tiers, to the smallest group on the shortest; the
   * agriculture-or-other group takes what is left, the short tiers. */
  free_slots = n - plan->mix_deficit;
  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    have[g] = counts->groups[g];
  for (guint t = 0; t < MAX (rules->n_tiers, 1); t++)
    {
      for (guint s = 0; s < slots[t]; s++)
        {
          CollabTalentGroup group;

          if (need[COLLAB_TALENT_GROUP_TEACHER] > 0 || need[COLLAB_TALENT_GROUP_DOCTOR] > 0)
            {
              group = need[COLLAB_TALENT_GROUP_DOCTOR] > need[COLLAB_TALENT_GROUP_TEACHER]
                        ? COLLAB_TALENT_GROUP_DOCTOR : COLLAB_TALENT_GROUP_TEACHER;
              need[group]--;
            }
          else if (free_slots == 0)
            {
              group = COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER;
              need[group]--;
            }
          else
            {
              free_slots--;
              if (t == lowest)
                {
                  group = COLLAB_TALENT_GROUP_TEACHER;
                  for (guint g = 1; g < COLLAB_TALENT_N_GROUPS; g++)
                    if (have[g] < have[group])
                      group = g;
                }
              else
                group = have[COLLAB_TALENT_GROUP_DOCTOR] < have[COLLAB_TALENT_GROUP_TEACHER]
                          ? COLLAB_TALENT_GROUP_DOCTOR : COLLAB_TALENT_GROUP_TEACHER;
            }

          have[group]++;
          if (group == COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER && rules->n_tiers > 0)
            plan->add[group][tier_for_other (rules, t)]++;
          else
            plan->add[group][t]++;
        }
    }

  return TRUE;
}

/* The months a planned dispatch of @tier serves at least, and under
 * banded the months it must stay below (0: no bound). */
static void
tier_bounds (const CollabTalentRules *rules,
             guint                    tier,
             guint                   *months,
             guint                   *below)
{
  if (rules->n_tiers == 0)
    {
      *months = MAX (rules->short_months, 1);
      *below = 0;
      return;
    }
  *months = rules->tiers[tier].months;
  *below = rules->interpretation == COLLAB_INTERPRETATION_BANDED && tier > 0 ? rules->tiers[tier - 1].months : 0;
}

GVariant *
collab_talent_plan_to_variant (const CollabTalentRules *rules,
                               const CollabTalentPlan  *plan)
{
  GVariantBuilder root, add;

  g_variant_builder_init (&add, G_VARIANT_TYPE ("aa{sv}"));
  for (guint t = 0; t < MAX (rules->n_tiers, 1); t++)
    for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
      {
        guint months, below;

        if (plan->add[g][t] == 0)
          continue;
        tier_bounds (rules, t, &months, &below);
        g_variant_builder_open (&add, G_VARIANT_TYPE_VARDICT);
        g_variant_builder_add (&add, "{sv}", "profession", g_variant_new_string (collab_talent_group_nick (g)));
        g_variant_builder_add (&add, "{sv}", "months", g_variant_new_int64 (months));
        if (below > 0)
          g_variant_builder_add (&add, "{sv}", "below", g_variant_new_int64 (below));
        g_variant_builder_add (&add, "{sv}", "count", g_variant_new_int64 (plan->add[g][t]));
        g_variant_builder_close (&add);
      }

  g_variant_builder_init (&root, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&root, "{sv}", "add", g_variant_builder_end (&add));
  g_variant_builder_add (&root, "{sv}", "total", g_variant_new_int64 (plan->total));
  return g_variant_builder_end (&root);
}

/* "2 teachers for ≥ 12 months", "1 doctor for 6 to 11 months (≥ 6, < 12)":
 * whole phrases, so that a language may order them its own way. */
static char *
describe_addition (CollabTalentGroup group,
                   guint             k,
                   guint             months,
                   guint             below)
{
  g_autofree char *span = NULL;

  if (below > 0)
    span = g_strdup_printf (_("for %u to %u months (≥ %u, < %u)"), months, below - 1, months, below);
  else
    span = g_strdup_printf (ngettext_ ("for ≥ %u month", "for ≥ %u months", months), months);

  /* Translators: "2 teachers for ≥ 12 months"; %s is the span of service. */
  switch (group)
    {
    case COLLAB_TALENT_GROUP_TEACHER:
      return g_strdup_printf (ngettext_ ("%u teacher %s", "%u teachers %s", k), k, span);
    case COLLAB_TALENT_GROUP_DOCTOR:
      return g_strdup_printf (ngettext_ ("%u doctor %s", "%u doctors %s", k), k, span);
    case COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER:
    default:
      return g_strdup_printf (ngettext_ ("%u agriculture-or-other professional %s",
                                         "%u agriculture-or-other professionals %s", k), k, span);
    }
}

char *
collab_talent_plan_to_string (const CollabTalentRules *rules,
                              const CollabTalentPlan  *plan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint t = 0; t < MAX (rules->n_tiers, 1); t++)
    for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
      {
        guint k = plan->add[g][t];
        guint months, below;

        if (k == 0)
          continue;
        tier_bounds (rules, t, &months, &below);
        g_ptr_array_add (parts, describe_addition (g, k, months, below));
      }

  if (parts->len == 0)
    return g_strdup (_("add nothing"));

  list = collab_i18n_join_list ((const char * const *) parts->pdata, parts->len);
  /* Translators: %s is a list: "2 teachers for ≥ 12 months and 1 doctor
   * for ≥ 6 months". */
  return g_strdup_printf (_("add %s"), list);
}
