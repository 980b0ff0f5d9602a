/* collab-cadre-index.c: who held each cadre post, when
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Outbound cadre dispatches with a post, indexed once per dataset by post
 * and region and sorted by start, so that cadre.continuity over many
 * programs and the scorecard do not scan a million dispatches each.
 */

#include "collab-cadre-index-private.h"
#include "collab-talent-private.h"

struct _CollabCadreIndex
{
  GHashTable *posts;   /* (post << 32 | region) → GArray of CollabCadreStint, by start */
};

static void
cadre_index_free (gpointer data)
{
  CollabCadreIndex *index = data;

  g_hash_table_unref (index->posts);
  g_free (index);
}

static int
compare_stints (gconstpointer a,
                gconstpointer b)
{
  const CollabCadreStint *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->dispatch < y->dispatch ? -1 : (x->dispatch > y->dispatch);
}

static gpointer
build_index (CollabStore *store)
{
  CollabCadreIndex *index;
  GHashTableIter iter;
  gpointer value;

  index = g_new0 (CollabCadreIndex, 1);
  index->posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  for (guint d = 0; d < collab_store_count (store, COLLAB_RECORD_KIND_DISPATCH); d++)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, d);
      gint64 post_key;
      GArray *stints;
      CollabCadreStint stint;

      if (dispatch->kind != COLLAB_DISPATCH_KIND_CADRE || dispatch->direction != COLLAB_DIRECTION_OUTBOUND ||
          dispatch->post == COLLAB_POST_NONE)
        continue;

      post_key = ((gint64) dispatch->post << 32) | dispatch->to;
      stints = g_hash_table_lookup (index->posts, &post_key);
      if (stints == NULL)
        {
          stints = g_array_new (FALSE, FALSE, sizeof (CollabCadreStint));
          g_hash_table_insert (index->posts, g_memdup2 (&post_key, sizeof post_key), stints);
        }
      stint.start = dispatch->start;
      stint.end = collab_talent_dispatch_end (dispatch);
      stint.dispatch = d;
      g_array_append_val (stints, stint);
    }

  g_hash_table_iter_init (&iter, index->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_sort (value, compare_stints);

  return index;
}

static const CollabDerivedKind index_kind = { "cadre-index", build_index, cadre_index_free };

const CollabCadreIndex *
collab_cadre_index_for_store (CollabStore *store)
{
  return collab_store_get_derived (store, &index_kind);
}

GArray *
collab_cadre_index_lookup (const CollabCadreIndex *index,
                           CollabPost              post,
                           CollabRef               region)
{
  gint64 key = ((gint64) post << 32) | region;

  return g_hash_table_lookup (index->posts, &key);
}
