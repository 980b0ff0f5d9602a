/* collab-match.c: who may be matched on a day, and who goes where
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SPEC §11.3. The workers who may be matched on the as-of day D:
 * registered on or before D and in no placement on D (a placement is on
 * from its start to its end inclusive, or from its start when it has no
 * end). The offers: open on D, with free positions — its positions less
 * every placement that names it, ended or not, never below nothing. With
 * a program, only workers whose county is an assisted city of it or lies
 * in one, and offers of that program or of none.
 *
 * Workers are grouped into classes by priority and wants list, and the
 * free positions into job types; collab-match-flow.c says how many of
 * each class go to each type. Handing them out: within a class, the
 * earliest registered (then the smallest id) are placed, the first of
 * them at the class's best-ranked type; within a type, workers in order
 * of registration (then id) fill the offers in order of opening (then
 * id). Every order is of days and ids, never of positions in the
 * document, so the same records give the same matching however they are
 * listed.
 *
 * A million workers are sorted, not hashed: one radix sort on a 64-bit
 * key (the class, then the day) puts the classes together and each class
 * in its order, and only workers of one class registered on one day are
 * compared by id, by the first eight bytes of it as a number first.
 * Within a type, the placed workers are sorted again, by day and id.
 */

#include <string.h>

#include "types/collab-day-private.h"
#include "collab-match-private.h"

/* The day in the low bits of a sort key: every CollabDay fits. */
#define DAY_BITS 22
G_STATIC_ASSERT (COLLAB_DAY_MAX < (1u << DAY_BITS));

#define PRIORITY_FLAGS (COLLAB_WORKER_FLAGS_POVERTY_LIFTED | COLLAB_WORKER_FLAGS_AT_RISK)

typedef struct
{
  guint64 key;
  guint64 prefix;  /* the first eight bytes of the record's id (id_prefix) */
  guint32 index;   /* of the worker or the offer */
  guint32 data;    /* a placed worker's rank and priority; an offer's free positions */
} Entry;

/* --- sorting ------------------------------------------------------------ */

/* The first eight bytes of @id as a big-endian number, zeros past its
 * end: ids compare as their prefixes do, and only ids that share eight
 * bytes need to be compared as strings. Taken while the records are read
 * in order, it spares the sorts a visit to each record. */
static guint64
id_prefix (const char *id)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8; i++)
    {
      prefix = prefix << 8 | (guchar) *id;
      if (*id != '\0')
        id++;
    }
  return prefix;
}

typedef struct
{
  const CollabStore *store;
  CollabRecordKind   kind;
} IdOrder;

static int
compare_ids (const Entry   *x,
             const Entry   *y,
             const IdOrder *order)
{
  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  return strcmp (((const CollabRecordHeader *) collab_store_get (order->store, order->kind, x->index))->id,
                 ((const CollabRecordHeader *) collab_store_get (order->store, order->kind, y->index))->id);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return compare_ids (a, b, user_data);
}

#define DIGIT_BITS 11
#define N_DIGITS   ((64 + DIGIT_BITS - 1) / DIGIT_BITS)
#define RADIX      (1u << DIGIT_BITS)

/* Sorts @entries by key, then by the id of the record of @kind each
 * names: an LSD radix sort eleven bits at a time, passing over the
 * digits every key shares, then each run of equal keys by id (by
 * insertion, runs being short: one class's workers of one day). */
static void
sort_entries (Entry             *entries,
              gsize              n,
              const CollabStore *store,
              CollabRecordKind   kind)
{
  g_autofree Entry *buffer = g_new (Entry, MAX (n, 1));
  g_autofree gsize *counts = g_new0 (gsize, N_DIGITS * RADIX);
  Entry *from = entries, *to = buffer;
  IdOrder order = { store, kind };

  for (gsize i = 0; i < n; i++)
    for (guint d = 0; d < N_DIGITS; d++)
      counts[d * RADIX + ((entries[i].key >> (DIGIT_BITS * d)) & (RADIX - 1))]++;

  for (guint d = 0; d < N_DIGITS; d++)
    {
      gsize *count = &counts[d * RADIX], sum = 0;

      if (n == 0 || count[(entries[0].key >> (DIGIT_BITS * d)) & (RADIX - 1)] == n)
        continue;
      for (guint v = 0; v < RADIX; v++)
        {
          gsize c = count[v];
          count[v] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        to[count[(from[i].key >> (DIGIT_BITS * d)) & (RADIX - 1)]++] = from[i];
      {
        Entry *swap = from;
        from = to;
        to = swap;
      }
    }
  if (from != entries)
    memcpy (entries, from, n * sizeof (Entry));

  for (gsize start = 0, end; start < n; start = end)
    {
      for (end = start + 1; end < n && entries[end].key == entries[start].key; end++)
        ;
      if (end - start > 32)
        g_qsort_with_data (entries + start, end - start, sizeof (Entry), compare_entries, &order);
      else
        for (gsize i = start + 1; i < end; i++)
          for (gsize j = i; j > start && compare_ids (&entries[j - 1], &entries[j], &order) > 0; j--)
            {
              Entry swap = entries[j];
              entries[j] = entries[j - 1];
              entries[j - 1] = swap;
            }
    }
}

/* --- who and what may be matched ------------------------------------------ */

/* Per worker, whether a placement is on @as_of; per offer, how many
 * placements name it. */
static void
scan_placements (const CollabStore *store,
                 CollabDay          as_of,
                 guint8            *busy,
                 guint32           *named)
{
  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT); i++)
    {
      const CollabPlacementRec *p = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, i);

      if (p->offer != COLLAB_REF_NONE)
        named[COLLAB_REF_INDEX (p->offer)]++;
      if (p->start <= as_of && (p->end == COLLAB_DAY_NONE || as_of <= p->end))
        busy[COLLAB_REF_INDEX (p->worker)] = 1;
    }
}

/* Per region, whether it is an assisted city of the program at index
 * @program or lies in one; NULL for every region. */
static guint8 *
assisted_regions (const CollabStore *store,
                  guint              program)
{
  const CollabProgramRec *rec;
  guint n = collab_store_count (store, COLLAB_RECORD_KIND_REGION);
  guint8 *assisted;

  if (program == G_MAXUINT)
    return NULL;

  rec = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, program);
  assisted = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < rec->assisted.n; i++)
    if (COLLAB_REF_KIND (rec->assisted.refs[i]) == COLLAB_RECORD_KIND_REGION)
      assisted[COLLAB_REF_INDEX (rec->assisted.refs[i])] = 1;
  return assisted;
}

/* Whether @county is one of @assisted or lies in one (at any depth, as
 * labour.priority reads "a county of the program's assisted cities"). */
static gboolean
from_assisted (const CollabStore *store,
               const guint8      *assisted,
               CollabRef          county)
{
  if (assisted == NULL)
    return TRUE;
  /* The loader rejects cycles of parents; the bound guards a store built
   * by hand, as collab_units_region_is_under() does. */
  for (guint steps = 0; county != COLLAB_REF_NONE && steps < 64; steps++)
    {
      const CollabRegionRec *region;

      if (COLLAB_REF_KIND (county) != COLLAB_RECORD_KIND_REGION)
        return FALSE;
      if (assisted[COLLAB_REF_INDEX (county)])
        return TRUE;
      region = collab_store_deref (store, county);
      county = region->parent;
    }
  return FALSE;
}

/* The workers who may be matched, keyed by class (priority first, then
 * the wants list) and registration day; returns how many. */
static gsize
waiting_workers (const CollabStore *store,
                 guint              program,
                 CollabDay          as_of,
                 const guint8      *busy,
                 Entry             *entries)
{
  g_autofree guint8 *assisted = assisted_regions (store, program);
  gsize n = 0;

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_WORKER); i++)
    {
      const CollabWorkerRec *w = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, i);
      guint64 not_priority = (w->flags & PRIORITY_FLAGS) == 0;

      if (w->registered == COLLAB_DAY_NONE || w->registered > as_of || busy[i] ||
          !from_assisted (store, assisted, w->county))
        continue;
      entries[n].key = not_priority << (DAY_BITS + 32) | (guint64) w->wants << DAY_BITS | w->registered;
      entries[n].prefix = id_prefix (w->h.id);
      entries[n].index = i;
      n++;
    }
  return n;
}

/* The offers that may take workers, keyed by job type and opening day,
 * with their free positions; @capacity gets the free positions by type.
 * Returns how many. */
static gsize
open_offers (const CollabStore *store,
             guint              program,
             CollabDay          as_of,
             const guint32     *named,
             Entry             *entries,
             guint64           *capacity)
{
  CollabRef ref = program != G_MAXUINT ? COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, program) : COLLAB_REF_NONE;
  gsize n = 0;

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER); i++)
    {
      const CollabJobOfferRec *o = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, i);

      if (o->open.first > as_of || as_of > o->open.last || o->positions <= 0 ||
          (guint32) o->positions <= named[i] || o->job_type >= COLLAB_MATCH_N_TYPES ||
          (ref != COLLAB_REF_NONE && o->program != COLLAB_REF_NONE && o->program != ref))
        continue;
      entries[n].key = (guint64) o->job_type << DAY_BITS | o->open.first;
      entries[n].prefix = id_prefix (o->h.id);
      entries[n].index = i;
      entries[n].data = (guint32) o->positions - named[i];
      capacity[o->job_type] += entries[n].data;
      n++;
    }
  return n;
}

/* --- classes ------------------------------------------------------------ */

static void
class_from_key (guint64           key,
                guint32           count,
                CollabMatchGroup *class)
{
  CollabEnumList wants = (CollabEnumList) (key >> DAY_BITS);

  memset (class, 0, sizeof *class);
  class->count = count;
  class->priority = (key >> (DAY_BITS + 32)) == 0;
  if (wants == 0)
    memset (class->rank, 1, sizeof class->rank);
  for (guint i = 0; COLLAB_ENUM_LIST_HAS (wants, i); i++)
    {
      guint type = COLLAB_ENUM_LIST_GET (wants, i);

      if (type < COLLAB_MATCH_N_TYPES && class->rank[type] == COLLAB_MATCH_NO_RANK)
        class->rank[type] = i + 1;
    }
}

/* The classes of @workers, sorted: the runs of one (priority, wants). */
static GArray *
make_classes (const Entry *workers,
              gsize        n)
{
  GArray *classes = g_array_new (FALSE, FALSE, sizeof (CollabMatchGroup));

  for (gsize start = 0, end; start < n; start = end)
    {
      CollabMatchGroup class;

      for (end = start + 1; end < n && workers[end].key >> DAY_BITS == workers[start].key >> DAY_BITS; end++)
        ;
      class_from_key (workers[start].key, end - start, &class);
      g_array_append_val (classes, class);
    }
  return classes;
}

/* --- handing out ---------------------------------------------------------- */

/* The placed workers of each class, each with its type, rank and
 * priority, keyed by type and registration day; returns how many. */
static gsize
placed_workers (const Entry            *workers,
                const CollabMatchGroup *classes,
                guint                   n_classes,
                const guint32          *flow,
                Entry                  *placed)
{
  gsize w = 0, n = 0;

  for (guint c = 0; c < n_classes; c++)
    {
      const CollabMatchGroup *k = &classes[c];
      gsize next = w;

      /* The earliest registered first, to the best-ranked types first. */
      for (guint r = 1; r <= COLLAB_MATCH_N_TYPES; r++)
        for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
          for (guint32 j = 0; k->rank[t] == r && j < flow[(gsize) c * COLLAB_MATCH_N_TYPES + t]; j++)
            {
              /* The day is the low bits of the worker's key. */
              placed[n].key = (guint64) t << DAY_BITS | (workers[next].key & ((1u << DAY_BITS) - 1));
              placed[n].prefix = workers[next].prefix;
              placed[n].index = workers[next].index;
              placed[n].data = r | (guint32) k->priority << 8;
              next++;
              n++;
            }
      w += k->count;
    }
  return n;
}

/* Fills the offers of each type, in order, with the placed workers of
 * that type, in order. */
static void
fill_offers (const Entry       *placed,
             gsize              n_placed,
             const Entry       *offers,
             gsize              n_offers,
             CollabMatchResult *result)
{
  gsize o = 0;
  guint32 left = n_offers > 0 ? offers[0].data : 0;

  for (gsize i = 0; i < n_placed; i++)
    {
      CollabMatchPair *pair = &result->pairs[i];
      guint64 type = placed[i].key >> DAY_BITS;

      /* The flow never sends a type more workers than its free positions. */
      while (o < n_offers && (left == 0 || offers[o].key >> DAY_BITS < type))
        {
          o++;
          left = o < n_offers ? offers[o].data : 0;
        }
      g_assert (o < n_offers);
      left--;

      pair->worker = placed[i].index;
      pair->offer = offers[o].index;
      pair->rank = placed[i].data & 0xff;
      pair->priority = placed[i].data >> 8;
      result->priority_placed += pair->priority;
      result->rank_sum += pair->rank;
    }
  result->n_pairs = n_placed;
}

void
collab_match_compute (const CollabStore *store,
                      guint              program,
                      CollabDay          as_of,
                      CollabMatchResult *result)
{
  guint n_workers = collab_store_count (store, COLLAB_RECORD_KIND_WORKER);
  guint n_offers = collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER);
  g_autofree guint8 *busy = g_new0 (guint8, MAX (n_workers, 1));
  g_autofree guint32 *named = g_new0 (guint32, MAX (n_offers, 1));
  g_autofree Entry *workers = g_new0 (Entry, MAX (n_workers, 1));
  g_autofree Entry *offers = g_new0 (Entry, MAX (n_offers, 1));
  g_autofree Entry *placed = NULL;
  g_autofree guint32 *flow = NULL;
  g_autoptr(GArray) classes = NULL;
  guint64 capacity[COLLAB_MATCH_N_TYPES] = { 0 };
  gsize n_waiting, n_open, n_placed;

  memset (result, 0, sizeof *result);

  scan_placements (store, as_of, busy, named);
  n_waiting = waiting_workers (store, program, as_of, busy, workers);
  n_open = open_offers (store, program, as_of, named, offers, capacity);
  sort_entries (workers, n_waiting, store, COLLAB_RECORD_KIND_WORKER);
  sort_entries (offers, n_open, store, COLLAB_RECORD_KIND_JOB_OFFER);

  classes = make_classes (workers, n_waiting);
  flow = g_new (guint32, MAX ((gsize) classes->len * COLLAB_MATCH_N_TYPES, 1));
  collab_match_flow_solve ((const CollabMatchGroup *) classes->data, classes->len, capacity, flow);

  placed = g_new (Entry, MAX (n_waiting, 1));
  n_placed = placed_workers (workers, (const CollabMatchGroup *) classes->data, classes->len, flow, placed);
  sort_entries (placed, n_placed, store, COLLAB_RECORD_KIND_WORKER);

  result->pairs = g_new (CollabMatchPair, MAX (n_placed, 1));
  fill_offers (placed, n_placed, offers, n_open, result);
}

void
collab_match_result_clear (CollabMatchResult *result)
{
  g_clear_pointer (&result->pairs, g_free);
  result->n_pairs = 0;
}
