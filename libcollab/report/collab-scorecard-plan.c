/* collab-scorecard-plan.c: events by kind, plan tasks by status, key initiatives
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * How a program carries out its plan (SPEC §11.5), per row (one year,
 * or a period):
 *
 *   events_<kind>        the program's events of that kind dated in the
 *                        row's years (联席会议, 党政领导互访 …); events_job_fair
 *                        is the labour section's job_fairs again, kept
 *                        beside its kin
 *   tasks                the program's plan tasks (重点任务), which carry
 *                        no year: every row has them all
 *   tasks_not_started, tasks_in_progress, tasks_done
 *                        of them, by the status of the task's latest
 *                        report (总结评估) of a year up to the row's last:
 *                        the state at the end of the row, as projects by
 *                        status are; of two reports of the same year, the
 *                        one that comes later in the dataset
 *   tasks_unreported     of them, those with no such report
 *   initiatives          the program's key initiatives (年度推进重点专项)
 *                        of a year of the row
 *   initiatives_without_plan
 *                        of them, those with no `document` (实施方案)
 *
 * So tasks = tasks_not_started + tasks_in_progress + tasks_done +
 * tasks_unreported on every row.
 *
 * Events, tasks and initiatives name their program. prepare() adds each
 * event and initiative into its program's year, and states each task at
 * the end of every year of its program's period, walking its reports in
 * the order of their years: a row reads the cells of its years, and the
 * states of its last.
 */

#include <stdlib.h>

#include <libcollab/collab-enum-types.h>

#include "collab-scorecard-private.h"

#define N_KINDS    (COLLAB_EVENT_KIND_OTHER + 1)
#define N_STATUSES (COLLAB_TASK_STATUS_DONE + 1)

typedef struct
{
  guint events[N_KINDS];
  guint tasks[N_STATUSES];   /* at the end of the year */
  guint unreported;          /* at the end of the year */
  guint initiatives;
  guint without_plan;
} Year;

/* A task report, as the states need it. */
typedef struct
{
  guint32 task;
  guint32 index;   /* in the dataset: the later of one year wins */
  gint32  year;
  guint8  status;
} Report;

typedef struct
{
  const CollabStore    *store;
  CollabScorecardYears *years;   /* of Year */
  guint                *tasks;   /* per program */
} State;

static void
file_events (State *state)
{
  for (guint i = 0; i < collab_store_count (state->store, COLLAB_RECORD_KIND_EVENT); i++)
    {
      const CollabEventRec *event = collab_store_get (state->store, COLLAB_RECORD_KIND_EVENT, i);
      Year *cell = collab_scorecard_years_get (state->years, COLLAB_REF_INDEX (event->program),
                                               collab_day_get_year (event->date));

      if (cell != NULL)
        cell->events[event->kind]++;
    }
}

static void
file_initiatives (State *state)
{
  for (guint i = 0; i < collab_store_count (state->store, COLLAB_RECORD_KIND_INITIATIVE); i++)
    {
      const CollabInitiativeRec *initiative = collab_store_get (state->store, COLLAB_RECORD_KIND_INITIATIVE, i);
      Year *cell = collab_scorecard_years_get (state->years, COLLAB_REF_INDEX (initiative->program),
                                               initiative->year);

      if (cell == NULL)
        continue;
      cell->initiatives++;
      if (initiative->document == NULL || initiative->document[0] == '\0')
        cell->without_plan++;
    }
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  const Report *x = a, *y = b;

  if (x->task != y->task)
    return x->task < y->task ? -1 : 1;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Each task's state at the end of each year of its program's period. */
static void
file_tasks (State *state)
{
  const CollabStore *store = state->store;
  guint n_reports = collab_store_count (store, COLLAB_RECORD_KIND_TASK_REPORT);
  g_autofree Report *reports = g_new (Report, n_reports + 1);
  guint next = 0;

  for (guint i = 0; i < n_reports; i++)
    {
      const CollabTaskReportRec *report = collab_store_get (store, COLLAB_RECORD_KIND_TASK_REPORT, i);

      reports[i] = (Report) { COLLAB_REF_INDEX (report->task), i, report->year, report->status };
    }
  qsort (reports, n_reports, sizeof (Report), compare_reports);

  for (guint t = 0; t < collab_store_count (store, COLLAB_RECORD_KIND_TASK); t++)
    {
      const CollabTaskRec *task = collab_store_get (store, COLLAB_RECORD_KIND_TASK, t);
      guint p = COLLAB_REF_INDEX (task->program);
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      const Report *latest = NULL;

      state->tasks[p]++;
      while (next < n_reports && reports[next].task < t)
        next++;
      for (int year = program->first_year; year <= program->last_year; year++)
        {
          Year *cell = collab_scorecard_years_get (state->years, p, year);

          for (; next < n_reports && reports[next].task == t && reports[next].year <= year; next++)
            latest = &reports[next];
          if (latest != NULL)
            cell->tasks[latest->status]++;
          else
            cell->unreported++;
        }
    }
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);

  state->store = store;
  state->years = collab_scorecard_years_new (store, sizeof (Year));
  state->tasks = g_new0 (guint, collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM) + 1);
  file_events (state);
  file_initiatives (state);
  file_tasks (state);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  collab_scorecard_years_free (state->years);
  g_free (state->tasks);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  static const char * const names[] = {
    "tasks", "tasks_not_started", "tasks_in_progress", "tasks_done", "tasks_unreported",
    "initiatives", "initiatives_without_plan",
  };

  collab_scorecard_add_enum_columns (builder, "events_", COLLAB_TYPE_EVENT_KIND, COLLAB_COLUMN_TYPE_INT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    collab_table_builder_add_column (builder, names[i], COLLAB_COLUMN_TYPE_INT);
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint program = COLLAB_REF_INDEX (row->program_ref);
  const Year *last = collab_scorecard_years_get (state->years, program, row->last_year);
  Year sum = { 0 };

  for (int y = row->first_year; y <= row->last_year; y++)
    {
      const Year *cell = collab_scorecard_years_get (state->years, program, y);

      for (guint k = 0; k < N_KINDS; k++)
        sum.events[k] += cell->events[k];
      sum.initiatives += cell->initiatives;
      sum.without_plan += cell->without_plan;
    }

  for (guint k = 0; k < N_KINDS; k++)
    collab_table_builder_append_int (builder, sum.events[k]);
  collab_table_builder_append_int (builder, state->tasks[program]);
  for (guint s = 0; s < N_STATUSES; s++)
    collab_table_builder_append_int (builder, last->tasks[s]);
  collab_table_builder_append_int (builder, last->unreported);
  collab_table_builder_append_int (builder, sum.initiatives);
  collab_table_builder_append_int (builder, sum.without_plan);
}

const CollabScorecardSection collab_scorecard_plan = {
  "plan", prepare, free_state, add_columns, append_cells,
};
