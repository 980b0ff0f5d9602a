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

static GVariant *
expected_value (const Collab666Run *run)
{
  return collab_rule_int_dict ("total", (gint64) run->rules.total, NULL);
}

static gboolean
fails (const Collab666Run            *run,
       const CollabTalentPairingYear *py,
       const CollabTalentCounts      *counts)
{
  return !collab_talent_total_passes (&run->rules, counts);
}

/* The actual of a finding: {"total", "projected"}, shared by the findings
 * with the same counts. */
static GVariant *
actual_value (Collab666Run             *run,
              const CollabTalentCounts *counts)
{
  guint values[] = { counts->counted, counts->projected };
  GVariant *value = collab_rule_666_shared_value (run, COLLAB_666_VALUE_TOTAL, values, G_N_ELEMENTS (values));

  if (value == NULL)
    value = collab_rule_666_share_value (run, COLLAB_666_VALUE_TOTAL, values, G_N_ELEMENTS (values),
                                         collab_rule_int_dict ("total", (gint64) counts->counted,
                                                               "projected", (gint64) counts->projected,
                                                               NULL));
  return value;
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

  return g_strdup_printf (ngettext_ ("%s: %u professional counted (%u teachers, %u doctors, %u agriculture or other), "
                                     "%u required%s%s; %s.",
                                     "%s: %u professionals counted (%u teachers, %u doctors, %u agriculture or other), "
                                     "%u required%s%s; %s.", counts->counted),
                          where, counts->counted,
                          counts->groups[COLLAB_TALENT_GROUP_TEACHER], counts->groups[COLLAB_TALENT_GROUP_DOCTOR],
                          counts->groups[COLLAB_TALENT_GROUP_AGRICULTURE_OR_OTHER],
                          run->rules.total, not_counted, projected, plan);
}

static const Collab666Judge judge = { expected_value, fails, actual_value, message };

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
  .check = collab_rule_666_judge,
  .data = &judge);
