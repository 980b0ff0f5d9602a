/* collab-rule-task-report.c: task.report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.2: every plan task is summed up and evaluated each year
 * (总结评估): a task report for the task and the year. Only past years of
 * the program's period are judged (collab-rule-program-private.h): the
 * summary of a year comes after it. A report of any status counts, even
 * `not_started`: what is asked is that the year be accounted for. One
 * finding per task and year without one.
 *
 * Subject {task, year}.
 */

#include "collab-rule-program-private.h"

static void
report (CollabCheckContext  *ctx,
        const CollabTaskRec *task,
        int                  year)
{
  const char *program_id = collab_check_context_get_program_id (ctx);
  CollabFinding *finding = collab_check_context_new_finding (ctx);

  collab_finding_set_subject_string (finding, "task", task->h.id);
  collab_finding_set_subject_int (finding, "year", year);
  collab_finding_set_message (finding,
                              /* Translators: the id of a plan task, its number, its title, the id
                               * of its program, a year, then the same year again. */
                              _("Plan task %s (no. %d, “%s”) of program %s has no task report for %d; "
                                "record the summary and evaluation of the task for %d with its status."),
                              collab_check_context_cut (ctx, task->h.id), task->number,
                              collab_check_context_cut (ctx, task->title),
                              collab_check_context_cut (ctx, program_id), year, year);
  collab_check_context_report (ctx, finding);
}

static void
check (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  const CollabProgramIndex *index = collab_rule_program_index (ctx);
  int last = collab_rule_program_last_past_year (ctx);
  g_autofree gboolean *reported = NULL;
  const guint32 *tasks;
  guint n;

  if (last < program->first_year)
    return;

  reported = g_new (gboolean, last - program->first_year + 1);
  tasks = collab_rule_program_records (ctx, &index->tasks, &n);
  for (guint i = 0; i < n; i++)
    {
      const CollabTaskRec *task = collab_store_get (store, COLLAB_RECORD_KIND_TASK, tasks[i]);
      guint n_reports;
      const guint32 *reports = collab_rule_groups_get (&index->reports, tasks[i], &n_reports);

      memset (reported, 0, (last - program->first_year + 1) * sizeof *reported);
      for (guint r = 0; r < n_reports; r++)
        {
          const CollabTaskReportRec *rec = collab_store_get (store, COLLAB_RECORD_KIND_TASK_REPORT, reports[r]);

          if (rec->year >= program->first_year && rec->year <= last)
            reported[rec->year - program->first_year] = TRUE;
        }
      for (int year = program->first_year; year <= last; year++)
        if (!reported[year - program->first_year])
          report (ctx, task, year);
    }
}

COLLAB_DEFINE_RULE (task_report,
  .id = "task.report",
  .area = "program",
  .severity = COLLAB_SEVERITY_WARNING,
  .scope = COLLAB_RULE_SCOPE_PROGRAM,
  .check = check);
