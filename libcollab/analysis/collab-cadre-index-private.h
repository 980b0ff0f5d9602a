/* collab-cadre-index-private.h: who held each cadre post, when
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "model/collab-store-private.h"

G_BEGIN_DECLS

/* A cadre in post from @start to @end (the actual end, else the planned
 * end), both days included. */
typedef struct
{
  CollabDay start;
  CollabDay end;
  guint32   dispatch;   /* index of the dispatch */
} CollabCadreStint;

typedef struct _CollabCadreIndex CollabCadreIndex;

/* The index of @store's records, built on first use and kept with the
 * store until they change (collab_store_get_derived()); read-only. */
const CollabCadreIndex *collab_cadre_index_for_store (CollabStore            *store);

/* The stints in @post in @region, sorted by start (then the longest
 * first), or NULL when there are none. */
GArray                 *collab_cadre_index_lookup    (const CollabCadreIndex *index,
                                                      CollabPost              post,
                                                      CollabRef               region);

G_END_DECLS
