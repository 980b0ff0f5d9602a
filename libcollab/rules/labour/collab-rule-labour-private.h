/* collab-rule-labour-private.h: what the labour.* rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A job offer belongs to the program it names, a placement to its
 * offer's program, and a record that names none (an offer without
 * `program`, a placement of such an offer or of none) to no program.
 * The labour rules are of COLLAB_RULE_SCOPE_PROGRAM_AND_NONE: the checker
 * runs each once per program, under that program's rule set, and once
 * for the records of no program (the context's program is then
 * COLLAB_REF_NONE), under the checker's set or the default one
 * (SPEC §11.4). Each run judges the records of its program only.
 *
 * So that a check over many programs does not scan three million
 * placements per program, the offers and placements are sorted by
 * program once per check run (collab_rule_labour_index()), and each rule
 * keeps what only it needs (follow-ups by placement, who was waiting on
 * the day of a placement) the same way, for the whole run.
 */

#pragma once

#include "rules/collab-finding-private.h"
#include "rules/collab-rule-private.h"

G_BEGIN_DECLS

typedef struct _CollabLabourWaitingTask CollabLabourWaitingTask;

/* The labour records of a store grouped by program: group 0 holds the
 * records of no program, group p + 1 those of program p, each in dataset
 * order. What a rule keeps per placement for the whole run it keeps by
 * the placement's position in @placements, so that the run over one
 * program reads one stretch of memory, not a little of every page. */
typedef struct
{
  guint    n_groups;          /* the programs, + 1 */
  guint32 *offer_starts;      /* [n_groups + 1]: group g is offers[offer_starts[g] … offer_starts[g + 1]) */
  guint32 *offers;            /* indices of job offers */
  guint32 *placement_starts;  /* [n_groups + 1], the same for placements */
  guint32 *placements;        /* indices of placements, grouped by their offer's program */
  guint32 *placement_pos;     /* per placement, its position in @placements */
  guint32 *filled;            /* per job offer, the placements that name it */
  CollabLabourWaitingTask *waiting;  /* labour.priority's sweep, started with the index */
} CollabLabourIndex;

/* The group of the records of @program (COLLAB_REF_NONE: of none). */
static inline guint
collab_rule_labour_group (CollabRef program)
{
  return program == COLLAB_REF_NONE ? 0 : COLLAB_REF_INDEX (program) + 1;
}

/* Whether a worker is a priority of labour cooperation: poverty-lifted
 * or at risk (SPEC §11.2, §11.3). */
static inline gboolean
collab_rule_labour_is_priority (const CollabWorkerRec *worker)
{
  return (worker->flags & (COLLAB_WORKER_FLAGS_POVERTY_LIFTED | COLLAB_WORKER_FLAGS_AT_RISK)) != 0;
}

/* The index of the check run, built on first use. */
const CollabLabourIndex *collab_rule_labour_index      (CollabCheckContext *ctx);
/* The job offers of the running program (of no program when the
 * context has none), in dataset order. */
const guint32           *collab_rule_labour_offers     (CollabCheckContext *ctx,
                                                        guint              *n);
/* The positions in the index of the placements of the running program
 * (or of none): [*first, *end). */
const CollabLabourIndex *collab_rule_labour_placements (CollabCheckContext *ctx,
                                                        guint              *first,
                                                        guint              *end);

/* Who was waiting on the day each judged placement started (a placement
 * of a job offer, to a worker who is not a priority): computed once per
 * check run for every program, in a thread of its own started with the
 * index (collab-rule-labour-waiting.c). */
typedef struct
{
  guint32 waiting;   /* priority workers waiting; 0 for a placement not judged */
  guint32 earliest;  /* the rank of the one who registered first */
} CollabLabourQueue;

typedef struct
{
  CollabLabourQueue *queues;       /* per placement, by position in the index */
  guint32           *rank_worker;  /* the priority workers by (registered, position): rank -> worker */
} CollabLabourWaiting;

/* The sweep of the run's index, waited for. */
const CollabLabourWaiting *collab_rule_labour_waiting  (CollabCheckContext *ctx);
/* For the index: starts the sweep over @store (@placement_pos must
 * outlive it) in a thread of its own, or (!@in_background) makes it
 * ready to run when asked for; and stops it (cancelled, if it is still
 * running) and frees it. */
CollabLabourWaitingTask *collab_rule_labour_waiting_start (CollabStore             *store,
                                                           const guint32           *placement_pos,
                                                           gboolean                 in_background);
void                     collab_rule_labour_waiting_stop  (CollabLabourWaitingTask *task);

/* A counting sort: the items 0 … @n − 1 by their @keys (each below
 * @n_keys), in their order within a key. @sorted gets, in that order,
 * the items' @values, of @value_size bytes (4 or 8), or the items
 * themselves (as guint32) when @values is NULL. Returns where each key's
 * items begin in @sorted: n_keys + 1 elements, to free with g_free(). */
guint32                 *collab_rule_labour_sort       (const guint32      *keys,
                                                        gconstpointer       values,
                                                        gsize               value_size,
                                                        guint32             n,
                                                        guint32             n_keys,
                                                        gpointer            sorted) G_GNUC_WARN_UNUSED_RESULT;

/* Sorts a few values in place, ascending. */
void                     collab_rule_labour_sort_days  (CollabDay          *values,
                                                        guint               n);
void                     collab_rule_labour_sort_spans (guint64            *values,
                                                        guint               n);

G_END_DECLS
