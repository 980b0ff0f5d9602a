/* collab-rule-initiative-plan.c: initiative.plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: each key initiative of a year (年度推进重点专项) has its
 * implementation plan (实施方案, "各专项应制定详细、具有操作性的实施方
 * 案"), the initiative's `document`. Every initiative of the program is
 * judged, whatever its year: a plan is drawn up before the work, so an
 * initiative of the current year without one is already late.
 *
 * Subject {initiative}.
 */

#include "collab-rule-program-private.h"

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const char *program_id = collab_check_context_get_program_id (ctx);
  guint n;
  const guint32 *initiatives = collab_rule_program_records (ctx, &collab_rule_program_index (ctx)->initiatives, &n);

  for (guint i = 0; i < n; i++)
    {
      const CollabInitiativeRec *initiative = collab_store_get (store, COLLAB_RECORD_KIND_INITIATIVE, initiatives[i]);
      CollabFinding *finding;

      if (initiative->document != NULL && *initiative->document != '\0')
        continue;

      finding = collab_check_context_new_finding (ctx);
      collab_finding_set_subject_string (finding, "initiative", initiative->h.id);
      collab_finding_set_message (finding,
                                  /* Translators: the id of a key initiative, its title, the id of
                                   * its program and its year. */
                                  _("Key initiative %s (“%s”) of program %s for %d has no implementation "
                                    "plan; draw up a detailed, workable plan and record it as the "
                                    "initiative's document."),
                                  collab_check_context_cut (ctx, initiative->h.id),
                                  collab_check_context_cut (ctx, initiative->title),
                                  collab_check_context_cut (ctx, program_id), initiative->year);
      collab_check_context_report (ctx, finding);
    }
}

COLLAB_DEFINE_RULE (initiative_plan,
  .id = "initiative.plan",
  .area = "program",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
