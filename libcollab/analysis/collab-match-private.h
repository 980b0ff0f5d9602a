/* collab-match-private.h: matching waiting workers to open job offers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.3 (人岗匹配). On the as-of day, the workers who may be matched
 * and the offers that may take them are found (collab-match.c); workers
 * with the same priority and the same wants list are interchangeable, and
 * so are the free positions of one job type, so the matching is a flow
 * from worker classes to at most eight job types (collab-match-flow.c),
 * solved exactly; the classes and types are then handed out as concrete
 * workers and offers, deterministically.
 *
 *   CollabMatchGroup    a class of workers: one priority, one wants list
 *   CollabMatchPair     one proposed placement: a worker into an offer
 *   CollabMatchResult   the pairs and the three figures
 *
 * No tables here: report/collab-match.c makes the public object.
 */

#pragma once

#include "model/collab-store-private.h"

G_BEGIN_DECLS

/* The job types a flow has: those of CollabJobType. */
#define COLLAB_MATCH_N_TYPES 8

/* The rank of a type a worker does not want. */
#define COLLAB_MATCH_NO_RANK 0

typedef struct
{
  guint32 count;                          /* workers in the class */
  guint8  priority;                       /* 1: poverty_lifted or at_risk */
  guint8  rank[COLLAB_MATCH_N_TYPES];     /* 1 = first choice; COLLAB_MATCH_NO_RANK */
} CollabMatchGroup;

/* The flow of a lexicographically best matching: @flow[c * N_TYPES + t]
 * workers of class c go to type t, each type taking at most
 * @capacity[t]. Among all such flows it places the most priority
 * workers, then the most workers, then has the smallest sum of ranks;
 * the same input gives the same flow. Returns the number of augmenting
 * paths it took (for the tests and the benchmark). */
guint   collab_match_flow_solve (const CollabMatchGroup *classes,
                                 guint                   n_classes,
                                 const guint64          *capacity,
                                 guint32                *flow);

typedef struct
{
  guint32 worker;     /* index of the worker */
  guint32 offer;      /* index of the job offer */
  guint8  rank;       /* of the offer's job type in the worker's wants */
  guint8  priority;   /* the worker is poverty_lifted or at_risk */
} CollabMatchPair;

typedef struct
{
  CollabMatchPair *pairs;        /* by job type, offer (open.first, id), worker (registered, id) */
  guint            n_pairs;      /* = placed */
  guint            priority_placed;
  guint64          rank_sum;
} CollabMatchResult;

/* The matching of @store's workers and job offers on @as_of; only the
 * workers from the assisted cities of the program at index @program and
 * the offers of that program or of none, unless @program is G_MAXUINT.
 * Free @result with collab_match_result_clear(). */
void    collab_match_compute      (const CollabStore *store,
                                   guint              program,
                                   CollabDay          as_of,
                                   CollabMatchResult *result);
void    collab_match_result_clear (CollabMatchResult *result);

G_END_DECLS
