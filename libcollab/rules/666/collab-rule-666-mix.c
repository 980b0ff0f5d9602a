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
  static const char * const names[] = { "teachers", "doctors", "agriculture-or-other professionals" };
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < COLLAB_TALENT_N_GROUPS; g++)
    if (counts->groups[g] < rules->mix[g])
      g_string_append_printf (text, "%s%u %s of %u", text->len > 0 ? ", " : "", counts->groups[g], names[g],
                              rules->mix[g]);
  return g_string_free (text, FALSE);
}

static void
check (CollabCheckContext *ctx)
{
  Collab666Run run;
  g_autoptr(GVariant) expected = NULL;
  Collab666ValueCache actuals;

  collab_rule_666_begin (&run, ctx);
  collab_rule_666_value_cache_init (&actuals);
  expected = g_variant_ref_sink (collab_rule_666_mix_dict (run.rules.mix, FALSE, 0));

  for (guint i = run.first; i < run.end; i++)
    {
      const CollabTalentPairingYear *py = &run.tally->pairing_years[i];
      g_autofree char *where = NULL, *projected = NULL, *shortfall = NULL, *plan = NULL;
      CollabTalentCounts counts;
      CollabFinding *finding;

      if (!collab_rule_666_is_judged (&run, py))
        continue;
      collab_talent_count (run.tally, i, &run.rules, run.as_of, &counts);
      if (collab_talent_mix_passes (&run.rules, &counts) || collab_rule_666_mix_adjusted (&run, py))
        continue;

      finding = collab_rule_666_new_finding (&run, py);
      collab_finding_take_expected (finding, g_variant_ref (expected));
      collab_finding_take_actual (finding, collab_rule_666_mix_actual (&actuals, &counts));
      plan = collab_rule_666_set_plan (&run, py, &counts, finding);

      where = collab_rule_666_describe (&run, py);
      projected = collab_rule_666_projected (&run, &counts);
      shortfall = describe_shortfall (&run.rules, &counts);
      collab_finding_set_message (finding,
                                  "%s: %u teachers, %u doctors and %u agriculture-or-other professionals "
                                  "counted, short of %u/%u/%u (%s), and no 666.mix adjustment is recorded "
                                  "for it%s; %s, or record an adjustment.",
                                  where, counts.groups[COLLAB_TALENT_GROUP_TEACHER],
                                  counts.groups[COLLAB_TALENT_GROUP_DOCTOR],
                                  counts.groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER],
                                  run.rules.mix[0], run.rules.mix[1], run.rules.mix[2], shortfall, projected, plan);
      collab_check_context_report (ctx, finding);
    }
  collab_rule_666_value_cache_clear (&actuals);
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("teacher", 6),
  COLLAB_RULE_COUNT ("doctor", 6),
  COLLAB_RULE_COUNT ("agriculture_or_other", 6),
  { NULL },
};

COLLAB_DEFINE_RULE (666_mix,
  .id = "666.mix",
  .area = "talent",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
