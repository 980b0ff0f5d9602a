/* collab-rule-task-responsible.c: task.responsible
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: each plan task (重点任务) names responsible units (责任单位) on
 * both sides: the plan gives every task to a department of the assisting
 * city and one of the assisted city, who answer for it together. The
 * side of an organization is the side of its region, derived from the
 * parent chain (collab_units_side()); a unit on a side the records do not
 * tell counts for neither. A task with none on one side is one finding;
 * a task with none at all is two, one per side, so that each side's
 * office sees what is asked of it.
 *
 * Subject {task, side} (the side that has none: "east" or "west").
 */

#include "collab-rule-program-private.h"

static void
report (CollabCheckContext  *ctx,
        const CollabTaskRec *task,
        CollabSide           side)
{
  const char *program_id = collab_check_context_get_program_id (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "task", task->h.id);
  collab_finding_set_subject_string (finding, "side", side == COLLAB_SIDE_EAST ? "east" : "west");
  if (side == COLLAB_SIDE_EAST)
    collab_finding_set_message (finding,
                                /* Translators: the id of a plan task, its number, its title and
                                 * the id of its program. */
                                _("Plan task %s (no. %d, “%s”) of program %s has no responsible unit on the "
                                  "east side; name an organization of the assisting side among its "
                                  "responsible units."),
                                collab_check_context_cut (ctx, task->h.id), task->number,
                                collab_check_context_cut (ctx, task->title),
                                collab_check_context_cut (ctx, program_id));
  else
    collab_finding_set_message (finding,
                                /* Translators: the id of a plan task, its number, its title and
                                 * the id of its program. */
                                _("Plan task %s (no. %d, “%s”) of program %s has no responsible unit on the "
                                  "west side; name an organization of the assisted side among its "
                                  "responsible units."),
                                collab_check_context_cut (ctx, task->h.id), task->number,
                                collab_check_context_cut (ctx, task->title),
                                collab_check_context_cut (ctx, program_id));
  collab_check_context_report (ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  guint n;
  const guint32 *tasks = collab_rule_program_records (ctx, &collab_rule_program_index (ctx)->tasks, &n);

  for (guint i = 0; i < n; i++)
    {
      const CollabTaskRec *task = collab_store_get (store, COLLAB_RECORD_KIND_TASK, tasks[i]);
      gboolean east = FALSE, west = FALSE;

      for (guint r = 0; r < task->responsible.n; r++)
        {
          CollabSide side = collab_units_side (store, task->responsible.refs[r]);

          east |= side == COLLAB_SIDE_EAST;
          west |= side == COLLAB_SIDE_WEST;
        }
      if (!east)
        report (ctx, task, COLLAB_SIDE_EAST);
      if (!west)
        report (ctx, task, COLLAB_SIDE_WEST);
    }
}

COLLAB_DEFINE_RULE (task_responsible,
  .id = "task.responsible",
  .area = "program",
  .severity = COLLAB_SEVERITY_VIOLATION,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
