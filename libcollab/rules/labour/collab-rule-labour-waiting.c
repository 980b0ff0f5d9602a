/* collab-rule-labour-waiting.c: who was waiting when a placement started
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * labour.priority (SPEC §11.2) asks, of a placement of a job offer of
 * type t to a worker who is not a priority, how many priority workers
 * (poverty-lifted or at risk) were waiting on the day d it started, and
 * which of them registered first. A priority worker is waiting when
 *
 *  - registered on or before d,
 *  - wanting t, or any type (no wants),
 *  - from a county of the assisted regions of the offer's program, when
 *    the offer names one (of any county otherwise),
 *  - and in no placement on d (a placement is on from its start to its
 *    end, both included, or from its start on when it has no end).
 *
 * Asked placement by placement, that is a scan of every worker for each
 * of millions of placements. Instead one sweep over the days answers it
 * for every judged placement of every program at once. The priority
 * workers are ranked by (registered, position in the dataset) and each
 * is a member of one bucket per (scope, wanted type): scope 0 holds
 * every county, and each assisted region of some program that lies
 * under no other region of the same program is a scope of its own,
 * holding the counties under it. Days are swept in order: a worker
 * enters their buckets when registered and free, leaves them while in a
 * placement; on each day, once its comings and goings are done, a
 * judged placement adds up the buckets of its program's scopes for its
 * job type and for "any". A bucket keeps its members as a 64-ary tree of
 * bits in rank order, so its first member — the earliest registered —
 * is a few word reads away.
 */

#include <string.h>

#include "collab-rule-labour-private.h"

/* A bucket per scope and slot: the job types, then "any". */
#define SLOT_ANY    (COLLAB_JOB_TYPE_OTHER + 1)
#define N_SLOTS     (SLOT_ANY + 1)
#define NONE        G_MAXUINT32
#define MAX_LEVELS  6   /* 64^6 members */

/* An event of the sweep: its kind in the top two bits, then an index. */
enum
{
  EVENT_REGISTERED,  /* of a worker's rank */
  EVENT_PLACED,      /* of a worker's rank */
  EVENT_FREED,       /* the day after a placement ends, of a worker's rank */
  EVENT_QUERY,       /* of a judged placement's query */
};
#define EVENT(kind, index) (((guint32) (kind) << 30) | (guint32) (index))
#define EVENT_KIND(event)  ((event) >> 30)
#define EVENT_INDEX(event) ((event) & ((1u << 30) - 1))

typedef struct
{
  guint32 level[MAX_LEVELS];  /* where each level's words begin, level 0 the members */
  guint32 n_levels;
  guint32 first_member;       /* where its members are in Sweep.bucket_ranks */
  guint32 size;               /* members ever */
  guint32 count;              /* members waiting now */
} Bucket;

typedef struct
{
  CollabStore *store;
  /* Scopes: per program, and per region the key regions it is or lies
   * under (as scope numbers, key region k being scope k + 1). */
  guint32     *program_scope_starts;
  guint32     *program_scopes;
  guint32     *region_scope_starts;
  guint32     *region_scopes;
  guint        n_scopes;
  /* The priority workers, by rank, with their buckets and their place in
   * each (member_starts[r] … member_starts[r + 1]). */
  guint32     *worker_rank;           /* per worker, NONE for the others */
  guint32     *rank_worker;
  guint        n_ranked;
  guint32     *member_starts;
  GArray      *member_bucket;
  guint32     *member_pos;
  guint32     *bucket_ranks;          /* each bucket's members, in rank order */
  Bucket      *buckets;
  guint64     *words;
  gint32      *active;                /* per rank, placements on now */
  guint8      *registered;            /* per rank */
  /* The judged placements, and their offers. */
  GArray      *query_placement;
  GArray      *query_offer;
} Sweep;

static void
bucket_set (guint64 *words,
            Bucket  *bucket,
            guint32  pos)
{
  bucket->count++;
  for (guint l = 0; l < bucket->n_levels; l++, pos >>= 6)
    {
      guint64 *word = &words[bucket->level[l] + (pos >> 6)];
      gboolean was_empty = *word == 0;

      *word |= G_GUINT64_CONSTANT (1) << (pos & 63);
      if (!was_empty)
        break;
    }
}

static void
bucket_clear (guint64 *words,
              Bucket  *bucket,
              guint32  pos)
{
  bucket->count--;
  for (guint l = 0; l < bucket->n_levels; l++, pos >>= 6)
    {
      guint64 *word = &words[bucket->level[l] + (pos >> 6)];

      *word &= ~(G_GUINT64_CONSTANT (1) << (pos & 63));
      if (*word != 0)
        break;
    }
}

/* The position of the first member waiting, from the one word at the top
 * down: a set bit at a level says its word below has a member. */
static guint32
bucket_first (const guint64 *words,
              const Bucket  *bucket)
{
  guint32 pos = 0;

  for (guint l = bucket->n_levels; l-- > 0;)
    pos = pos * 64 + __builtin_ctzll (words[bucket->level[l] + pos]);
  return pos;
}

/* Every assisted region of a program that lies under no other of its
 * assisted regions is a key region; a county is in a program's scopes
 * when it is, or lies under, one of its key regions. */
static void
build_scopes (Sweep *sweep)
{
  CollabStore *store = sweep->store;
  guint n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  guint n_regions = collab_store_count (store, COLLAB_RECORD_KIND_REGION);
  g_autofree guint32 *key_scope = g_new (guint32, MAX (n_regions, 1));
  GArray *scopes = g_array_new (FALSE, FALSE, sizeof (guint32));

  memset (key_scope, 0xff, MAX (n_regions, 1) * sizeof *key_scope);
  sweep->n_scopes = 1;
  sweep->program_scope_starts = g_new (guint32, n_programs + 1);
  for (guint p = 0; p < n_programs; p++)
    {
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      const CollabRef *assisted = program->assisted.refs;

      sweep->program_scope_starts[p] = scopes->len;
      for (guint i = 0; i < program->assisted.n; i++)
        {
          gboolean covered = COLLAB_REF_KIND (assisted[i]) != COLLAB_RECORD_KIND_REGION;
          guint index = COLLAB_REF_INDEX (assisted[i]);

          for (guint j = 0; j < program->assisted.n && !covered; j++)
            covered = assisted[j] == assisted[i] ? j < i
                                                 : collab_units_region_is_under (store, assisted[i], assisted[j]);
          if (covered)
            continue;
          if (key_scope[index] == NONE)
            key_scope[index] = sweep->n_scopes++;
          g_array_append_val (scopes, key_scope[index]);
        }
    }
  sweep->program_scope_starts[n_programs] = scopes->len;
  sweep->program_scopes = (guint32 *) g_array_free (scopes, FALSE);

  scopes = g_array_new (FALSE, FALSE, sizeof (guint32));
  sweep->region_scope_starts = g_new (guint32, n_regions + 1);
  for (guint r = 0; r < n_regions; r++)
    {
      const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, r);
      guint index = r;

      sweep->region_scope_starts[r] = scopes->len;
      /* The loader rejects cycles; the bound guards a store made by hand. */
      for (guint steps = 0; region != NULL && steps < 64; steps++)
        {
          if (key_scope[index] != NONE)
            g_array_append_val (scopes, key_scope[index]);
          if (region->parent == COLLAB_REF_NONE)
            break;
          index = COLLAB_REF_INDEX (region->parent);
          region = collab_store_deref (store, region->parent);
        }
    }
  sweep->region_scope_starts[n_regions] = scopes->len;
  sweep->region_scopes = (guint32 *) g_array_free (scopes, FALSE);
}

/* The priority workers by (registered, position in the dataset): the
 * counting sort is stable. */
static void
rank_workers (Sweep *sweep)
{
  CollabStore *store = sweep->store;
  guint n_workers = collab_store_count (store, COLLAB_RECORD_KIND_WORKER);
  g_autofree guint32 *keys = g_new (guint32, MAX (n_workers, 1));
  g_autofree guint32 *values = g_new (guint32, MAX (n_workers, 1));
  CollabDay first = G_MAXUINT32, last = 0;
  guint n = 0;

  sweep->worker_rank = g_new (guint32, MAX (n_workers, 1));
  for (guint w = 0; w < n_workers; w++)
    {
      const CollabWorkerRec *worker = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, w);

      sweep->worker_rank[w] = NONE;
      if (!collab_rule_labour_is_priority (worker))
        continue;
      keys[n] = worker->registered;
      values[n++] = w;
      first = MIN (first, worker->registered);
      last = MAX (last, worker->registered);
    }

  sweep->n_ranked = n;
  sweep->rank_worker = g_new (guint32, MAX (n, 1));
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    keys[i] -= first;
  g_free (collab_rule_labour_sort (keys, values, n, last - first + 1, sweep->rank_worker));
  for (guint r = 0; r < n; r++)
    sweep->worker_rank[sweep->rank_worker[r]] = r;
}

/* Each priority worker's buckets, each bucket's members in rank order,
 * and the words of each bucket's tree of bits. */
static void
build_buckets (Sweep *sweep)
{
  CollabStore *store = sweep->store;
  guint n_buckets = sweep->n_scopes * N_SLOTS;
  guint32 *ranks;
  guint32 total = 0, words = 0;

  sweep->buckets = g_new0 (Bucket, n_buckets);
  sweep->member_starts = g_new (guint32, sweep->n_ranked + 1);
  sweep->member_bucket = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint r = 0; r < sweep->n_ranked; r++)
    {
      const CollabWorkerRec *worker = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, sweep->rank_worker[r]);
      guint county = COLLAB_REF_INDEX (worker->county);
      guint first_scope = sweep->region_scope_starts[county];
      guint n_scopes = sweep->region_scope_starts[county + 1] - first_scope + 1;

      sweep->member_starts[r] = sweep->member_bucket->len;
      for (guint s = 0; s < n_scopes; s++)
        {
          guint scope = s == 0 ? 0 : sweep->region_scopes[first_scope + s - 1];
          guint32 bucket = scope * N_SLOTS + SLOT_ANY;

          if (!COLLAB_ENUM_LIST_HAS (worker->wants, 0))
            g_array_append_val (sweep->member_bucket, bucket);
          for (guint i = 0; COLLAB_ENUM_LIST_HAS (worker->wants, i); i++)
            {
              bucket = scope * N_SLOTS + MIN (COLLAB_ENUM_LIST_GET (worker->wants, i), COLLAB_JOB_TYPE_OTHER);
              g_array_append_val (sweep->member_bucket, bucket);
            }
        }
    }
  sweep->member_starts[sweep->n_ranked] = sweep->member_bucket->len;

  for (guint m = 0; m < sweep->member_bucket->len; m++)
    sweep->buckets[g_array_index (sweep->member_bucket, guint32, m)].size++;
  for (guint b = 0; b < n_buckets; b++)
    {
      Bucket *bucket = &sweep->buckets[b];

      bucket->first_member = total;
      total += bucket->size;
      /* Up to the level of one word: six levels hold 2^36. */
      for (guint32 n = bucket->size; n > 0; n = n > 64 ? (n + 63) / 64 : 0)
        {
          bucket->level[bucket->n_levels++] = words;
          words += (n + 63) / 64;
        }
      bucket->size = 0;
    }

  sweep->member_pos = g_new (guint32, MAX (total, 1));
  sweep->bucket_ranks = ranks = g_new (guint32, MAX (total, 1));
  for (guint r = 0; r < sweep->n_ranked; r++)
    for (guint m = sweep->member_starts[r]; m < sweep->member_starts[r + 1]; m++)
      {
        Bucket *bucket = &sweep->buckets[g_array_index (sweep->member_bucket, guint32, m)];

        sweep->member_pos[m] = bucket->size++;
        ranks[bucket->first_member + sweep->member_pos[m]] = r;
      }
  sweep->words = g_new0 (guint64, MAX (words, 1));
}

/* The worker of @rank starts or stops waiting. */
static void
set_waiting (Sweep   *sweep,
             guint32  rank,
             gboolean waiting)
{
  for (guint m = sweep->member_starts[rank]; m < sweep->member_starts[rank + 1]; m++)
    {
      Bucket *bucket = &sweep->buckets[g_array_index (sweep->member_bucket, guint32, m)];

      if (waiting)
        bucket_set (sweep->words, bucket, sweep->member_pos[m]);
      else
        bucket_clear (sweep->words, bucket, sweep->member_pos[m]);
    }
}

/* The judged placements: placements of an offer, to a worker who is not
 * a priority. Returns FALSE when there are none; else @first and @last
 * are the first and last days they start. */
static gboolean
find_queries (Sweep     *sweep,
              CollabDay *first,
              CollabDay *last)
{
  CollabStore *store = sweep->store;
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);

  *first = G_MAXUINT32;
  *last = 0;
  sweep->query_placement = g_array_new (FALSE, FALSE, sizeof (guint32));
  sweep->query_offer = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);
      guint32 offer = COLLAB_REF_INDEX (placement->offer);

      if (placement->offer == COLLAB_REF_NONE || sweep->worker_rank[COLLAB_REF_INDEX (placement->worker)] != NONE)
        continue;
      g_array_append_val (sweep->query_placement, p);
      g_array_append_val (sweep->query_offer, offer);
      *first = MIN (*first, placement->start);
      *last = MAX (*last, placement->start);
    }
  return sweep->query_placement->len > 0;
}

/* The events of the sweep sorted by day, from @first to @last: on each
 * day the comings and goings (key 2 × day), then the queries (2 × day +
 * 1). Events before @first happen on @first; those after @last do not
 * matter. Sets @n to their number. */
static guint32 *
sort_events (Sweep     *sweep,
             CollabDay  first,
             CollabDay  last,
             guint32   *n)
{
  CollabStore *store = sweep->store;
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  guint n_queries = sweep->query_placement->len;
  gsize max = (gsize) sweep->n_ranked + n_queries + 2 * (gsize) (n_placements - n_queries);
  g_autofree guint32 *keys = g_new (guint32, MAX (max, 1));
  g_autofree guint32 *values = g_new (guint32, MAX (max, 1));
  guint32 *sorted;

#define ADD(day, is_query, event) \
  G_STMT_START { keys[*n] = ((MAX ((day), first) - first) << 1) | (is_query); values[(*n)++] = (event); } G_STMT_END

  *n = 0;
  for (guint r = 0; r < sweep->n_ranked; r++)
    {
      const CollabWorkerRec *worker = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, sweep->rank_worker[r]);

      if (worker->registered <= last)
        ADD (worker->registered, 0, EVENT (EVENT_REGISTERED, r));
    }
  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);
      guint32 rank = sweep->worker_rank[COLLAB_REF_INDEX (placement->worker)];

      /* A placement that ended before the first query day never keeps
       * anyone from waiting: skipped, its start and end need no order. */
      if (rank == NONE || placement->start > last || (placement->end != COLLAB_DAY_NONE && placement->end < first))
        continue;
      ADD (placement->start, 0, EVENT (EVENT_PLACED, rank));
      if (placement->end != COLLAB_DAY_NONE && placement->end < last)
        ADD (placement->end + 1, 0, EVENT (EVENT_FREED, rank));
    }
  for (guint q = 0; q < n_queries; q++)
    {
      guint32 p = g_array_index (sweep->query_placement, guint32, q);
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);

      ADD (placement->start, 1, EVENT (EVENT_QUERY, q));
    }
#undef ADD

  sorted = g_new (guint32, MAX (*n, 1));
  g_free (collab_rule_labour_sort (keys, values, *n, ((last - first) << 1) + 2, sorted));
  return sorted;
}

/* How many are waiting for the query @q, and the earliest registered. */
static void
answer (Sweep               *sweep,
        const guint8        *offer_types,
        guint32              q,
        CollabLabourWaiting *waiting)
{
  static const guint32 every_county = 0;
  CollabStore *store = sweep->store;
  guint32 p = g_array_index (sweep->query_placement, guint32, q);
  guint32 offer_index = g_array_index (sweep->query_offer, guint32, q);
  const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, offer_index);
  const guint32 *scopes = &every_county;
  guint n_scopes = 1;
  guint slots[] = { offer_types[offer_index], SLOT_ANY };
  guint32 count = 0, earliest = NONE;

  if (offer->program != COLLAB_REF_NONE)
    {
      guint program = COLLAB_REF_INDEX (offer->program);

      scopes = sweep->program_scopes + sweep->program_scope_starts[program];
      n_scopes = sweep->program_scope_starts[program + 1] - sweep->program_scope_starts[program];
    }

  for (guint s = 0; s < n_scopes; s++)
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      {
        const Bucket *bucket = &sweep->buckets[scopes[s] * N_SLOTS + slots[i]];
        guint32 rank;

        if (bucket->count == 0)
          continue;
        count += bucket->count;
        rank = sweep->bucket_ranks[bucket->first_member + bucket_first (sweep->words, bucket)];
        earliest = MIN (earliest, rank);
      }

  waiting->waiting[p] = count;
  if (count > 0)
    waiting->earliest[p] = sweep->rank_worker[earliest];
}

static void
sweep_days (Sweep               *sweep,
            CollabLabourWaiting *waiting,
            CollabDay            first,
            CollabDay            last)
{
  CollabStore *store = sweep->store;
  guint n_offers = collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER);
  g_autofree guint8 *offer_types = g_new (guint8, MAX (n_offers, 1));
  g_autofree guint32 *events = NULL;
  guint32 n_events;

  /* Read at every query: a byte each rather than an offer's record. */
  for (guint o = 0; o < n_offers; o++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, o);

      offer_types[o] = MIN (offer->job_type, COLLAB_JOB_TYPE_OTHER);
    }

  events = sort_events (sweep, first, last, &n_events);
  sweep->active = g_new0 (gint32, MAX (sweep->n_ranked, 1));
  sweep->registered = g_new0 (guint8, MAX (sweep->n_ranked, 1));
  for (guint32 e = 0; e < n_events; e++)
    {
      guint32 index = EVENT_INDEX (events[e]);

      switch (EVENT_KIND (events[e]))
        {
        case EVENT_REGISTERED:
          sweep->registered[index] = TRUE;
          if (sweep->active[index] == 0)
            set_waiting (sweep, index, TRUE);
          break;

        case EVENT_PLACED:
          if (sweep->active[index]++ == 0 && sweep->registered[index])
            set_waiting (sweep, index, FALSE);
          break;

        case EVENT_FREED:
          if (--sweep->active[index] == 0 && sweep->registered[index])
            set_waiting (sweep, index, TRUE);
          break;

        default:
          answer (sweep, offer_types, index, waiting);
        }
    }
}

static void
sweep_clear (Sweep *sweep)
{
  g_free (sweep->program_scope_starts);
  g_free (sweep->program_scopes);
  g_free (sweep->region_scope_starts);
  g_free (sweep->region_scopes);
  g_free (sweep->worker_rank);
  g_free (sweep->rank_worker);
  g_free (sweep->member_starts);
  if (sweep->member_bucket != NULL)
    g_array_unref (sweep->member_bucket);
  g_free (sweep->member_pos);
  g_free (sweep->bucket_ranks);
  g_free (sweep->buckets);
  g_free (sweep->words);
  g_free (sweep->active);
  g_free (sweep->registered);
  if (sweep->query_placement != NULL)
    g_array_unref (sweep->query_placement);
  if (sweep->query_offer != NULL)
    g_array_unref (sweep->query_offer);
}

static void
waiting_free (gpointer data)
{
  CollabLabourWaiting *waiting = data;

  g_free (waiting->waiting);
  g_free (waiting->earliest);
  g_free (waiting);
}

static gpointer
waiting_new (CollabCheckContext *ctx)
{
  CollabStore *store = collab_check_context_get_store (ctx);
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  CollabLabourWaiting *waiting = g_new0 (CollabLabourWaiting, 1);
  Sweep sweep = { store };
  CollabDay first, last;

  waiting->waiting = g_new0 (guint32, MAX (n_placements, 1));
  waiting->earliest = g_new (guint32, MAX (n_placements, 1));

  rank_workers (&sweep);
  if (find_queries (&sweep, &first, &last))
    {
      build_scopes (&sweep);
      build_buckets (&sweep);
      sweep_days (&sweep, waiting, first, last);
    }
  sweep_clear (&sweep);
  return waiting;
}

const CollabLabourWaiting *
collab_rule_labour_waiting (CollabCheckContext *ctx)
{
  static const char key = 0;

  return collab_check_context_get_run_data (ctx, &key, waiting_new, waiting_free);
}
