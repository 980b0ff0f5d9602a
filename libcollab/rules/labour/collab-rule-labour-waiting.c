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
 *
 * The sweep runs in a thread of its own, started with the labour index
 * (collab_rule_labour_waiting_start()).
 *
 * At three million workers and placements the sweep is bound by memory,
 * not by arithmetic: what an event touches is kept together (a worker's
 * state in one struct, their buckets in one run of the members array, a
 * query's offer and program in the event itself), so that an event costs
 * one or two reads from memory rather than six.
 */

#include <string.h>

#include "collab-rule-labour-private.h"

/* A bucket per scope and slot: the job types, then "any". */
#define SLOT_ANY  (COLLAB_JOB_TYPE_OTHER + 1)
#define N_SLOTS   (SLOT_ANY + 1)
#define NONE      G_MAXUINT32

/* An event of the sweep: its kind in the top two bits, a query's offer
 * (its group and job type, offer_info()) in the next thirty, and a
 * worker's rank or a placement's index in the low 32. */
enum
{
  EVENT_REGISTERED,
  EVENT_PLACED,
  EVENT_FREED,  /* the day after a placement ends */
  EVENT_QUERY,  /* a judged placement starts */
};
#define EVENT(kind, info, index) (((guint64) (kind) << 62) | ((guint64) (info) << 32) | (index))
#define EVENT_KIND(event)        ((guint) ((event) >> 62))
#define EVENT_INFO(event)        ((guint32) ((event) >> 32) & 0x3fffffff)
#define EVENT_INDEX(event)       ((guint32) (event))

/* Up to the level of one word: six levels hold 2^36 members. */
#define MAX_LEVELS 6

typedef struct
{
  guint32 level[MAX_LEVELS];  /* where each level's words begin, level 0 the members */
  guint32 n_levels;
  guint32 first_member;       /* where its members' ranks begin in Sweep.bucket_ranks */
  guint32 size;               /* members ever */
  guint32 count;              /* members waiting now */
} Bucket;

/* A priority worker, by rank. */
typedef struct
{
  guint32 first_member;  /* their buckets: Sweep.members[first_member …] */
  guint32 n_members;
  gint32  active;        /* placements on now */
  gint32  registered;
} Ranked;

typedef struct
{
  guint32 bucket;
  guint32 pos;     /* in the bucket, in rank order */
} Member;

typedef struct
{
  CollabStore *store;
  const gint  *cancelled;     /* the check run is over: stop */
  /* Scopes (key region k is scope k + 1): per program, and per region
   * the key regions it is or lies under. */
  guint32     *program_scope_starts;
  guint32     *program_scopes;
  guint32     *region_scope_starts;
  guint32     *region_scopes;
  guint        n_scopes;
  guint32     *worker_rank;   /* per worker, NONE for the others */
  guint32     *rank_worker;
  Ranked      *ranked;
  guint        n_ranked;
  Member      *members;
  guint32     *bucket_ranks;  /* each bucket's members, in rank order */
  Bucket      *buckets;
  guint64     *words;
  /* The events, as collected: their days (× 2, + 1 for a query). */
  guint32     *keys;
  guint64     *events;
  guint32      n_events;
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

/* What a worker of @county who wants @wants is a member of: scope 0 and
 * the county's key regions, each for every type wanted or for "any".
 * Writes their buckets to @members when it is not NULL; returns how
 * many. */
static guint
worker_buckets (const Sweep    *sweep,
                guint           county,
                CollabEnumList  wants,
                Member         *members)
{
  guint first = sweep->region_scope_starts[county];
  guint n_scopes = sweep->region_scope_starts[county + 1] - first + 1;
  guint n = 0;

  for (guint s = 0; s < n_scopes; s++)
    {
      guint scope = s == 0 ? 0 : sweep->region_scopes[first + s - 1];

      if (!COLLAB_ENUM_LIST_HAS (wants, 0) && members != NULL)
        members[n].bucket = scope * N_SLOTS + SLOT_ANY;
      n += !COLLAB_ENUM_LIST_HAS (wants, 0);
      for (guint i = 0; COLLAB_ENUM_LIST_HAS (wants, i); i++, n++)
        if (members != NULL)
          members[n].bucket = scope * N_SLOTS + MIN (COLLAB_ENUM_LIST_GET (wants, i), COLLAB_JOB_TYPE_OTHER);
    }
  return n;
}

/* Room for the events: a registration per priority worker, a query or a
 * start and an end per placement. */
static void
events_init (Sweep *sweep,
             guint  n_priority)
{
  gsize n = n_priority + 2 * (gsize) collab_store_count (sweep->store, COLLAB_RECORD_KIND_PLACEMENT);

  sweep->keys = g_new (guint32, MAX (n, 1));
  sweep->events = g_new (guint64, MAX (n, 1));
  sweep->n_events = 0;
}

static inline void
add_event (Sweep     *sweep,
           CollabDay  day,
           gboolean   is_query,
           guint64    event)
{
  sweep->keys[sweep->n_events] = day * 2 + !!is_query;
  sweep->events[sweep->n_events++] = event;
}

/* Ranks the priority workers by (registered, position in the dataset) —
 * the counting sort is stable —, gives each their buckets and their
 * place in each, and registers them. Each worker record is read once, in
 * order. */
static void
rank_workers (Sweep *sweep)
{
  CollabStore *store = sweep->store;
  guint n_workers = collab_store_count (store, COLLAB_RECORD_KIND_WORKER);
  g_autofree guint32 *registered = g_new (guint32, MAX (n_workers, 1));
  g_autofree guint32 *workers = g_new (guint32, MAX (n_workers, 1));
  g_autofree guint32 *counties = g_new (guint32, MAX (n_workers, 1));
  g_autofree CollabEnumList *wants = g_new (CollabEnumList, MAX (n_workers, 1));
  g_autofree guint32 *order = NULL;
  CollabDay first = G_MAXUINT32, last = 0;
  guint n = 0, n_members = 0;

  sweep->worker_rank = g_new (guint32, MAX (n_workers, 1));
  for (guint w = 0; w < n_workers; w++)
    {
      const CollabWorkerRec *worker = collab_store_get (store, COLLAB_RECORD_KIND_WORKER, w);

      sweep->worker_rank[w] = NONE;
      if (!collab_rule_labour_is_priority (worker))
        continue;
      registered[n] = worker->registered;
      workers[n] = w;
      counties[n] = COLLAB_REF_INDEX (worker->county);
      wants[n++] = worker->wants;
      first = MIN (first, worker->registered);
      last = MAX (last, worker->registered);
      n_members += worker_buckets (sweep, COLLAB_REF_INDEX (worker->county), worker->wants, NULL);
    }

  sweep->n_ranked = n;
  sweep->rank_worker = g_new (guint32, MAX (n, 1));
  sweep->ranked = g_new0 (Ranked, MAX (n, 1));
  sweep->members = g_new (Member, MAX (n_members, 1));
  sweep->buckets = g_new0 (Bucket, sweep->n_scopes * N_SLOTS);
  events_init (sweep, n);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    registered[i] -= first;
  order = g_new (guint32, n);
  g_free (collab_rule_labour_sort (registered, NULL, 0, n, last - first + 1, order));

  n_members = 0;
  for (guint r = 0; r < n; r++)
    {
      guint i = order[r];
      Ranked *ranked = &sweep->ranked[r];
      Member *members = &sweep->members[n_members];

      sweep->rank_worker[r] = workers[i];
      sweep->worker_rank[workers[i]] = r;
      add_event (sweep, registered[i] + first, FALSE, EVENT (EVENT_REGISTERED, 0, r));

      ranked->first_member = n_members;
      ranked->n_members = worker_buckets (sweep, counties[i], wants[i], members);
      for (guint m = 0; m < ranked->n_members; m++)
        members[m].pos = sweep->buckets[members[m].bucket].size++;
      n_members += ranked->n_members;
    }
}

/* The placements' events: a priority worker's start and end, and the
 * start of each judged placement, with its offer's group and job type
 * and its position @pos in the labour index. Returns the number of
 * judged placements. */
static guint
add_placements (Sweep         *sweep,
                const guint32 *pos)
{
  CollabStore *store = sweep->store;
  guint n_offers = collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER);
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  g_autofree guint32 *offer_info = g_new (guint32, MAX (n_offers, 1));
  guint n_queries = 0;

  /* An offer's group (collab_rule_labour_group()) and job type, in one
   * word: 3 bits for the type, and the group above them. */
  for (guint o = 0; o < n_offers; o++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, o);

      offer_info[o] = collab_rule_labour_group (offer->program) << 3 | MIN (offer->job_type, COLLAB_JOB_TYPE_OTHER);
    }

  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);
      guint32 rank = sweep->worker_rank[COLLAB_REF_INDEX (placement->worker)];

      if (rank != NONE)
        {
          add_event (sweep, placement->start, FALSE, EVENT (EVENT_PLACED, 0, rank));
          if (placement->end != COLLAB_DAY_NONE)
            add_event (sweep, placement->end + 1, FALSE, EVENT (EVENT_FREED, 0, rank));
        }
      else if (placement->offer != COLLAB_REF_NONE)
        {
          add_event (sweep, placement->start, TRUE,
                     EVENT (EVENT_QUERY, offer_info[COLLAB_REF_INDEX (placement->offer)], pos[p]));
          n_queries++;
        }
    }
  return n_queries;
}

/* Where each bucket's members and the words of its tree of bits are,
 * and its members' ranks in rank order. */
static void
layout_buckets (Sweep *sweep)
{
  guint n_buckets = sweep->n_scopes * N_SLOTS;
  guint32 total = 0, words = 0;

  for (guint b = 0; b < n_buckets; b++)
    {
      Bucket *bucket = &sweep->buckets[b];

      bucket->first_member = total;
      total += bucket->size;
      for (guint32 n = bucket->size; n > 0; n = n > 64 ? (n + 63) / 64 : 0)
        {
          bucket->level[bucket->n_levels++] = words;
          words += (n + 63) / 64;
        }
    }

  sweep->words = g_new0 (guint64, MAX (words, 1));
  sweep->bucket_ranks = g_new (guint32, MAX (total, 1));
  for (guint r = 0; r < sweep->n_ranked; r++)
    for (guint m = 0; m < sweep->ranked[r].n_members; m++)
      {
        const Member *member = &sweep->members[sweep->ranked[r].first_member + m];

        sweep->bucket_ranks[sweep->buckets[member->bucket].first_member + member->pos] = r;
      }
}

/* The worker of @rank starts or stops waiting. */
static void
set_waiting (Sweep   *sweep,
             guint32  rank,
             gboolean waiting)
{
  const Ranked *ranked = &sweep->ranked[rank];
  const Member *members = &sweep->members[ranked->first_member];

  for (guint m = 0; m < ranked->n_members; m++)
    {
      Bucket *bucket = &sweep->buckets[members[m].bucket];

      if (waiting)
        bucket_set (sweep->words, bucket, members[m].pos);
      else
        bucket_clear (sweep->words, bucket, members[m].pos);
    }
}

/* How many are waiting for the judged placement at position @k, of an
 * offer of @info, and the earliest registered. */
static void
answer (const Sweep       *sweep,
        guint32            info,
        guint32            k,
        CollabLabourQueue *queues)
{
  static const guint32 every_county = 0;
  guint group = info >> 3;
  guint slots[] = { info & 7, SLOT_ANY };
  const guint32 *scopes = &every_county;
  guint n_scopes = 1;
  guint32 count = 0, earliest = NONE;

  if (group > 0)
    {
      scopes = sweep->program_scopes + sweep->program_scope_starts[group - 1];
      n_scopes = sweep->program_scope_starts[group] - sweep->program_scope_starts[group - 1];
    }

  for (guint s = 0; s < n_scopes; s++)
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      {
        const Bucket *bucket = &sweep->buckets[scopes[s] * N_SLOTS + slots[i]];

        if (bucket->count == 0)
          continue;
        count += bucket->count;
        earliest = MIN (earliest, sweep->bucket_ranks[bucket->first_member + bucket_first (sweep->words, bucket)]);
      }

  queues[k].waiting = count;
  queues[k].earliest = earliest;
}

/* The events in the order of their days, on each day the comings and
 * goings before the queries (keys 2 × day and 2 × day + 1). */
static guint64 *
sort_events (Sweep *sweep)
{
  guint32 first = G_MAXUINT32, last = 0;
  guint64 *sorted = g_new (guint64, MAX (sweep->n_events, 1));

  for (guint32 e = 0; e < sweep->n_events; e++)
    {
      first = MIN (first, sweep->keys[e]);
      last = MAX (last, sweep->keys[e]);
    }
  for (guint32 e = 0; e < sweep->n_events; e++)
    sweep->keys[e] -= first;
  g_free (collab_rule_labour_sort (sweep->keys, sweep->events, sizeof *sweep->events, sweep->n_events,
                                   last - first + 1, sorted));
  g_clear_pointer (&sweep->keys, g_free);
  g_clear_pointer (&sweep->events, g_free);
  return sorted;
}

static void
sweep_days (Sweep             *sweep,
            CollabLabourQueue *queues)
{
  guint32 n_events = sweep->n_events;
  g_autofree guint64 *events = sort_events (sweep);

  for (guint32 e = 0; e < n_events; e++)
    {
      guint32 index = EVENT_INDEX (events[e]);
      Ranked *ranked;

      if (e % 65536 == 0 && g_atomic_int_get (sweep->cancelled))
        return;

      if (EVENT_KIND (events[e]) == EVENT_QUERY)
        {
          answer (sweep, EVENT_INFO (events[e]), index, queues);
          continue;
        }

      ranked = &sweep->ranked[index];
      switch (EVENT_KIND (events[e]))
        {
        case EVENT_REGISTERED:
          ranked->registered = TRUE;
          if (ranked->active == 0)
            set_waiting (sweep, index, TRUE);
          break;

        case EVENT_PLACED:
          if (ranked->active++ == 0 && ranked->registered)
            set_waiting (sweep, index, FALSE);
          break;

        default:  /* EVENT_FREED */
          if (--ranked->active == 0 && ranked->registered)
            set_waiting (sweep, index, TRUE);
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
  g_free (sweep->ranked);
  g_free (sweep->members);
  g_free (sweep->bucket_ranks);
  g_free (sweep->buckets);
  g_free (sweep->words);
  g_free (sweep->keys);
  g_free (sweep->events);
}

/* The sweep runs in a thread of its own from the moment the labour index
 * exists, beside labour.follow_up and labour.overfilled, which come
 * before labour.priority in a run: at national scale it takes as long
 * as they do. It reads the store, which no one changes while a check
 * runs, and the index's positions, which outlive it. */
struct _CollabLabourWaitingTask
{
  CollabStore         *store;
  const guint32       *placement_pos;
  gint                 cancelled;
  GThread             *thread;
  CollabLabourWaiting *waiting;
};

static void
waiting_free (CollabLabourWaiting *waiting)
{
  if (waiting == NULL)
    return;
  g_free (waiting->queues);
  g_free (waiting->rank_worker);
  g_free (waiting);
}

static gpointer
waiting_build (gpointer data)
{
  CollabLabourWaitingTask *task = data;
  guint n_placements = collab_store_count (task->store, COLLAB_RECORD_KIND_PLACEMENT);
  CollabLabourWaiting *waiting = g_new0 (CollabLabourWaiting, 1);
  Sweep sweep = { task->store, &task->cancelled };

  waiting->queues = g_new0 (CollabLabourQueue, MAX (n_placements, 1));
  build_scopes (&sweep);
  rank_workers (&sweep);
  if (add_placements (&sweep, task->placement_pos) > 0 && sweep.n_ranked > 0)
    {
      layout_buckets (&sweep);
      sweep_days (&sweep, waiting->queues);
    }
  waiting->rank_worker = g_steal_pointer (&sweep.rank_worker);
  sweep_clear (&sweep);
  return waiting;
}

CollabLabourWaitingTask *
collab_rule_labour_waiting_start (CollabStore   *store,
                                  const guint32 *placement_pos)
{
  CollabLabourWaitingTask *task = g_new0 (CollabLabourWaitingTask, 1);

  task->store = store;
  task->placement_pos = placement_pos;
  task->thread = g_thread_new ("collab-labour", waiting_build, task);
  return task;
}

void
collab_rule_labour_waiting_stop (CollabLabourWaitingTask *task)
{
  if (task->thread != NULL)
    {
      g_atomic_int_set (&task->cancelled, TRUE);
      task->waiting = g_thread_join (g_steal_pointer (&task->thread));
    }
  waiting_free (task->waiting);
  g_free (task);
}

const CollabLabourWaiting *
collab_rule_labour_waiting (CollabCheckContext *ctx)
{
  CollabLabourWaitingTask *task = collab_rule_labour_index (ctx)->waiting;

  if (task->thread != NULL)
    task->waiting = g_thread_join (g_steal_pointer (&task->thread));
  return task->waiting;
}
