/* collab-rule-666-mix.c: 666.mix
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: in principle 6 teachers, 6 doctors and 6 agricultural or other
 * professionals in each pairing-year. The plan allows the mix to be
 * adjusted to local needs: an adjustment record with rule "666.mix" for
 * the assisted county and year (and the assisting district, or none for
 * every district paired with it) silences the rule for that pairing-year.
 *
 * Subject {assisting, assisted, year}; expected {teacher, doctor,
 * agriculture_or_other}, actual the same counts and "projected"; the
 * remedy is the pairing-year's plan.
 */

#include "collab-rule-666-private.h"

static char *
describe_shortfall (const CollabTalentRules  *rules,
                    const CollabTalentCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    if (counts->groups[g] < rules->mix[g])
      g_ptr_array_add (parts, g_strdup_printf (g == COLLAB_TALENT_GROUP_TEACHER ? _("%u teachers of %u")
                                               : g == COLLAB_TALENT_GROUP_DOCTOR ? _("%u doctors of %u")
                                               : _("%u agriculture-or-other professionals of %u"),
                                               counts->groups[g], rules->mix[g]));
  /* Separated by commas, not "and": each is a shortfall of its own. */
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static GVariant *
expected_value (const Collab666Run *run)
{
  return collab_rule_666_mix_dict (run->rules.mix, FALSE, 0);
}

static gboolean
fails (const Collab666Run            *run,
       const CollabTalentPairingYear *py,
       const CollabTalentCounts      *counts)
{
  return !collab_talent_mix_passes (&run->rules, counts) && !collab_rule_666_mix_adjusted (run, py);
}

static GVariant *
actual_value (Collab666Run             *run,
              const CollabTalentCounts *counts)
{
  return collab_rule_666_mix_actual (run, counts);
}

static char *
message (const Collab666Run            *run,
         const CollabTalentPairingYear *py,
         const CollabTalentCounts      *counts,
         const char                    *plan)
{
  g_autofree char *where = collab_rule_666_describe (run, py);
  g_autofree char *projected = collab_rule_666_projected (run, counts);
  g_autofree char *shortfall = describe_shortfall (&run->rules, counts);

  /* Translators: the first %s is a pairing-year ("binhu (滨湖区) → minhe
   * (民和回族土族自治县) in 2022"); the last but one says how many end
   * after the as-of day, or nothing; the last is what to add. */
  return g_strdup_printf (_("%s: %u teachers, %u doctors and %u agriculture-or-other professionals counted, short "
                            "of %u/%u/%u (%s), and no 666.mix adjustment is recorded for it%s; %s, or record an "
                            "adjustment."),
                          where, counts->groups[COLLAB_TALENT_GROUP_TEACHER],
                          counts->groups[COLLAB_TALENT_GROUP_DOCTOR],
                          counts->groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER],
                          run->rules.mix[0], run->rules.mix[1], run->rules.mix[2], shortfall, projected, plan);
}

static const Collab666Judge judge = { expected_value, fails, actual_value, message };

COLLAB_DEFINE_RULE (666_mix,
  .id = "666.mix",
  .area = "talent",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = collab_rule_666_mix_params,
  .check = collab_rule_666_judge,
  .data = &judge);
