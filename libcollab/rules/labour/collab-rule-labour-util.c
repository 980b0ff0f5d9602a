/* collab-rule-labour-util.c: what the labour rules share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * collab-rule-labour-private.h says what each part is for.
 */

#include <stdlib.h>

#include "collab-rule-labour-private.h"

/* A placement has a handful of follow-ups, a worker a placement or two:
 * an insertion sort, unless a record is odd. */
#define DEFINE_SORT(name, type) \
  static int \
  compare_##name (const void *a, \
                  const void *b) \
  { \
    type x = *(const type *) a, y = *(const type *) b; \
    return (x > y) - (x < y); \
  } \
  \
  void \
  collab_rule_labour_sort_##name (type  *values, \
                                  guint  n) \
  { \
    if (n > 32) \
      { \
        qsort (values, n, sizeof *values, compare_##name); \
        return; \
      } \
    for (guint i = 1; i < n; i++) \
      { \
        type value = values[i]; \
        guint j = i; \
  \
        for (; j > 0 && values[j - 1] > value; j--) \
          values[j] = values[j - 1]; \
        values[j] = value; \
      } \
  }

DEFINE_SORT (days, CollabDay)
DEFINE_SORT (spans, guint64)

guint32 *
collab_rule_labour_sort (const guint32 *keys,
                         gconstpointer  values,
                         gsize          value_size,
                         guint32        n,
                         guint32        n_keys,
                         gpointer       sorted)
{
  guint32 *starts = g_new0 (guint32, (gsize) n_keys + 1);
  g_autofree guint32 *next = NULL;

  for (guint32 i = 0; i < n; i++)
    starts[keys[i] + 1]++;
  for (guint32 k = 0; k < n_keys; k++)
    starts[k + 1] += starts[k];

  /* One loop per kind of value: the scatter is the whole cost. */
  next = g_memdup2 (starts, (gsize) n_keys * sizeof *starts);
  if (values == NULL)
    for (guint32 i = 0; i < n; i++)
      ((guint32 *) sorted)[next[keys[i]]++] = i;
  else if (value_size == sizeof (guint64))
    for (guint32 i = 0; i < n; i++)
      ((guint64 *) sorted)[next[keys[i]]++] = ((const guint64 *) values)[i];
  else
    for (guint32 i = 0; i < n; i++)
      ((guint32 *) sorted)[next[keys[i]]++] = ((const guint32 *) values)[i];
  return starts;
}

static void
index_free (gpointer data)
{
  CollabLabourIndex *index = data;

  collab_rule_labour_waiting_stop (index->waiting);
  g_free (index->offer_starts);
  g_free (index->offers);
  g_free (index->placement_starts);
  g_free (index->placements);
  g_free (index->placement_pos);
  g_free (index->filled);
  g_free (index);
}

static gpointer
index_new (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  guint n_offers = collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER);
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  CollabLabourIndex *index = g_new0 (CollabLabourIndex, 1);
  g_autofree guint32 *offer_groups = g_new (guint32, MAX (n_offers, 1));
  g_autofree guint32 *placement_groups = g_new (guint32, MAX (n_placements, 1));

  index->n_groups = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM) + 1;
  index->filled = g_new0 (guint32, MAX (n_offers, 1));

  for (guint i = 0; i < n_offers; i++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, i);

      offer_groups[i] = collab_rule_labour_group (offer->program);
    }
  for (guint i = 0; i < n_placements; i++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, i);

      /* The offer's group, read from the array just made: one offer is
       * read from memory at random, not three million. */
      if (placement->offer != COLLAB_REF_NONE)
        {
          placement_groups[i] = offer_groups[COLLAB_REF_INDEX (placement->offer)];
          index->filled[COLLAB_REF_INDEX (placement->offer)]++;
        }
      else
        placement_groups[i] = 0;
    }

  index->offers = g_new (guint32, MAX (n_offers, 1));
  index->offer_starts = collab_rule_labour_sort (offer_groups, NULL, 0, n_offers, index->n_groups, index->offers);
  index->placements = g_new (guint32, MAX (n_placements, 1));
  index->placement_starts = collab_rule_labour_sort (placement_groups, NULL, 0, n_placements, index->n_groups,
                                                     index->placements);
  index->placement_pos = g_new (guint32, MAX (n_placements, 1));
  for (guint k = 0; k < n_placements; k++)
    index->placement_pos[index->placements[k]] = k;
  /* Started now, beside the rules that come before it in the run, when
   * there are placements and the rule set of the run that asks first
   * applies labour.priority; else only if a run of the rule asks for it. */
  index->waiting = collab_rule_labour_waiting_start (store, index->placement_pos, n_placements > 0 &&
                                                     collab_ruleset_is_enabled (collab_check_context_get_ruleset (ctx),
                                                                                "labour.priority"));
  return index;
}

const CollabLabourIndex *
collab_rule_labour_index (CollabCheckContext *ctx)
{
  static const char key = 0;

  return collab_check_context_get_run_data (ctx, &key, index_new, index_free);
}

const guint32 *
collab_rule_labour_offers (CollabCheckContext *ctx,
                           guint              *n)
{
  const CollabLabourIndex *index = collab_rule_labour_index (ctx);
  guint group = collab_rule_labour_group (collab_check_context_get_program_ref (ctx));

  *n = index->offer_starts[group + 1] - index->offer_starts[group];
  return index->offers + index->offer_starts[group];
}

const CollabLabourIndex *
collab_rule_labour_placements (CollabCheckContext *ctx,
                               guint              *first,
                               guint              *end)
{
  const CollabLabourIndex *index = collab_rule_labour_index (ctx);
  guint group = collab_rule_labour_group (collab_check_context_get_program_ref (ctx));

  *first = index->placement_starts[group];
  *end = index->placement_starts[group + 1];
  return index;
}
