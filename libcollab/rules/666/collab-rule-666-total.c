/* collab-rule-666-total.c: 666.total
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §5: at least `total` (18) counted professionals in a pairing-year.
 * Counted: outbound professional dispatches from the assisting district
 * to the assisted county starting in the year, each person once; an
 * agriculture-or-other person serving under the 666.short_other months is
 * not counted, a teacher or doctor is.
 *
 * Subject {assisting, assisted, year}; expected {"total": 18}, actual
 * {"total": counted, "projected": of them ending after the as-of day};
 * the remedy is the pairing-year's plan (analysis/collab-talent-plan.c),
 * which also closes 666.tenure and 666.mix.
 */

#include "collab-rule-666-private.h"

/* The actual of a finding: {"total", "projected"}, shared by the findings
 * with the same counts. */
static GVariant *
actual_value (Collab666ValueCache      *cache,
              const CollabTalentCounts *counts)
{
  guint values[] = { counts->counted, counts->projected };
  GVariant *value = collab_rule_666_value_cache_lookup (cache, values, G_N_ELEMENTS (values));

  if (value == NULL)
    value = collab_rule_666_value_cache_insert (cache, values, G_N_ELEMENTS (values),
                                                collab_rule_int_dict ("total", (gint64) counts->counted,
                                                                      "projected", (gint64) counts->projected,
                                                                      NULL));
  return value;
}

static void
check (CollabCheckContext *ctx)
{
  Collab666Run run;
  g_autoptr(GVariant) expected = NULL;
  Collab666ValueCache actuals;

  collab_rule_666_begin (&run, ctx);
  collab_rule_666_value_cache_init (&actuals);
  expected = g_variant_ref_sink (collab_rule_int_dict ("total", (gint64) run.rules.total, NULL));

  for (guint i = run.first; i < run.end; i++)
    {
      const CollabTalentPairingYear *py = &run.tally->pairing_years[i];
      g_autofree char *where = NULL, *projected = NULL, *not_counted = NULL, *plan = NULL;
      CollabTalentCounts counts;
      CollabFinding *finding;

      if (!collab_rule_666_is_judged (&run, py))
        continue;
      collab_talent_count (run.tally, i, &run.rules, run.as_of, &counts);
      if (collab_talent_total_passes (&run.rules, &counts))
        continue;

      finding = collab_rule_666_new_finding (&run, py);
      collab_finding_take_expected (finding, g_variant_ref (expected));
      collab_finding_take_actual (finding, actual_value (&actuals, &counts));
      plan = collab_rule_666_set_plan (&run, py, &counts, finding);

      where = collab_rule_666_describe (&run, py);
      projected = collab_rule_666_projected (&run, &counts);
      not_counted = collab_rule_666_not_counted (&run, &counts);
      collab_finding_set_message (finding,
                                  "%s: %u professional%s counted (%u teachers, %u doctors, %u agriculture "
                                  "or other), %u required%s%s; %s.",
                                  where, counts.counted, counts.counted == 1 ? "" : "s",
                                  counts.groups[COLLAB_TALENT_GROUP_TEACHER], counts.groups[COLLAB_TALENT_GROUP_DOCTOR],
                                  counts.groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER],
                                  run.rules.total, not_counted, projected, plan);
      collab_check_context_report (ctx, finding);
    }
  collab_rule_666_value_cache_clear (&actuals);
}

static const CollabRuleParam params[] = {
  COLLAB_RULE_COUNT ("total", 18),
  { NULL },
};

COLLAB_DEFINE_RULE (666_total,
  .id = "666.total",
  .area = "talent",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .params = params,
  .check = check);
