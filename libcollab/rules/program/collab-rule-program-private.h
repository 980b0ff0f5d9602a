/* collab-rule-program-private.h: what the program rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * event.annual, task.* and initiative.* (SPEC §11.2) judge the events,
 * plan tasks and key initiatives of one program at a time (scope
 * COLLAB_RULE_SCOPE_PROGRAM). Rather than read every record once per
 * program, they read the records grouped by program, and the task
 * reports by task, made once per check run (collab_rule_program_index()).
 *
 * Each year they judge is a *past* year of the program's period: one that
 * ends before the as-of day (SPEC §11.2), so that a year still under way
 * is not found short of what it may yet hold.
 */

#pragma once

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

G_BEGIN_DECLS

/* Records grouped by what they belong to: group g is
 * items[starts[g] … starts[g + 1]), indices of records in dataset order. */
typedef struct
{
  guint32 *starts;
  guint32 *items;
} CollabRuleGroups;

typedef struct
{
  CollabRuleGroups events;       /* by program */
  CollabRuleGroups tasks;        /* by program */
  CollabRuleGroups initiatives;  /* by program */
  CollabRuleGroups reports;      /* task reports, by task */
} CollabProgramIndex;

/* The index of the check run, built on first use. */
const CollabProgramIndex *collab_rule_program_index  (CollabCheckContext      *ctx);

/* The records of group @group of @groups: *n of them. */
static inline const guint32 *
collab_rule_groups_get (const CollabRuleGroups *groups,
                        guint                   group,
                        guint                  *n)
{
  *n = groups->starts[group + 1] - groups->starts[group];
  return groups->items + groups->starts[group];
}

/* The records of @groups (one of the index's by program) that belong to
 * the running program: *n of them. */
static inline const guint32 *
collab_rule_program_records (CollabCheckContext     *ctx,
                             const CollabRuleGroups *groups,
                             guint                  *n)
{
  return collab_rule_groups_get (groups, COLLAB_REF_INDEX (collab_check_context_get_program_ref (ctx)), n);
}

/* The last past year of the running program's period, as of the check's
 * day: below its first year when none has passed. */
int                       collab_rule_program_last_past_year (CollabCheckContext *ctx);

G_END_DECLS
