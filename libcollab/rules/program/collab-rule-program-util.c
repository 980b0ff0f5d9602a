/* collab-rule-program-util.c: the records of each program, grouped once
 * per check run
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stddef.h>

#include "collab-rule-program-private.h"

/* The reference at @offset in record @i of @kind. */
static inline CollabRef
ref_at (CollabStore      *store,
        CollabRecordKind  kind,
        guint             i,
        gsize             offset)
{
  return *(const CollabRef *) ((const guint8 *) collab_store_get (store, kind, i) + offset);
}

/* Groups the records of @kind by the reference at @offset in each (to a
 * record of @owner_kind): a counting sort, so that each rule reads the
 * records of its program only. A record whose reference is of none is in
 * no group. */
static void
group_by (CollabStore      *store,
          CollabRecordKind  kind,
          gsize             offset,
          CollabRecordKind  owner_kind,
          CollabRuleGroups *groups)
{
  guint n = collab_store_count (store, kind);
  guint n_groups = collab_store_count (store, owner_kind);
  g_autofree guint32 *next = NULL;

  groups->starts = g_new0 (guint32, n_groups + 1);
  groups->items = g_new (guint32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      CollabRef ref = ref_at (store, kind, i, offset);

      if (ref != COLLAB_REF_NONE)
        groups->starts[COLLAB_REF_INDEX (ref) + 1]++;
    }
  for (guint g = 0; g < n_groups; g++)
    groups->starts[g + 1] += groups->starts[g];

  next = g_memdup2 (groups->starts, (n_groups + 1) * sizeof *next);
  for (guint i = 0; i < n; i++)
    {
      CollabRef ref = ref_at (store, kind, i, offset);

      if (ref != COLLAB_REF_NONE)
        groups->items[next[COLLAB_REF_INDEX (ref)]++] = i;
    }
}

static void
groups_clear (CollabRuleGroups *groups)
{
  g_free (groups->starts);
  g_free (groups->items);
}

static void
index_free (gpointer data)
{
  CollabProgramIndex *index = data;

  groups_clear (&index->events);
  groups_clear (&index->tasks);
  groups_clear (&index->initiatives);
  groups_clear (&index->reports);
  g_free (index);
}

static gpointer
index_new (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  CollabProgramIndex *index = g_new0 (CollabProgramIndex, 1);

  group_by (store, COLLAB_RECORD_KIND_EVENT, offsetof (CollabEventRec, program),
            COLLAB_RECORD_KIND_PROGRAM, &index->events);
  group_by (store, COLLAB_RECORD_KIND_TASK, offsetof (CollabTaskRec, program),
            COLLAB_RECORD_KIND_PROGRAM, &index->tasks);
  group_by (store, COLLAB_RECORD_KIND_INITIATIVE, offsetof (CollabInitiativeRec, program),
            COLLAB_RECORD_KIND_PROGRAM, &index->initiatives);
  group_by (store, COLLAB_RECORD_KIND_TASK_REPORT, offsetof (CollabTaskReportRec, task),
            COLLAB_RECORD_KIND_TASK, &index->reports);
  return index;
}

const CollabProgramIndex *
collab_rule_program_index (CollabCheckContext *ctx)
{
  /* The key of the run's index: its address. */
  static const char key;

  return collab_check_context_get_run_data (ctx, &key, index_new, index_free);
}

int
collab_rule_program_last_past_year (CollabCheckContext *ctx)
{
  const CollabProgramRec *program = collab_check_context_get_program (ctx);
  /* A year ends before the as-of day when the day falls in a later year. */
  int before = (int) collab_day_get_year (collab_check_context_get_as_of (ctx)) - 1;

  return MIN (program->last_year, before);
}
