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
 * for every judged placement of every program at once.
 *
 * The priority workers are ranked by (registered, position in the
 * dataset). A scope is a set of counties: scope 0 holds them all, and
 * each assisted region of some program that lies under no other assisted
 * region of the same program (a key region) is a scope holding the
 * counties under it. A scope numbers its workers in rank order (in scope
 * 0 a worker's number is their rank) and keeps, for each job type and
 * for "any", the set of the numbers of its workers who want it and are
 * waiting: a 64-ary tree of bits, whose first member — the earliest
 * registered — is a few word reads away.
 *
 * Each worker's placements, sorted, give the stretches of days they
 * wait: from the day they register to the start of their first
 * placement, from the day after each end to the next start, and on from
 * the day after the last end. The sweep goes through the days in order:
 * on each, the workers whose stretch begins enter their sets, those
 * whose stretch ends leave them, and then each judged placement that
 * starts that day adds up the sets of its program's scopes (scope 0 for
 * an offer of no program) for its job type and for "any".
 *
 * At national scale the sweep waits on memory, not on arithmetic: an
 * event carries what it needs to find the rest (a worker's rank and
 * where their numbers are; a query's offer, program and job type), so
 * that the few reads it makes at random are known ahead and asked for
 * early, and the sets of all scopes, a few megabytes, stay in the cache.
 *
 * The sweep runs in a thread of its own, started with the labour index
 * (collab_rule_labour_waiting_start()), beside labour.follow_up and
 * labour.overfilled, which come before labour.priority in a run.
 */

#include <string.h>

#include "collab-rule-labour-private.h"

/* A set per scope and slot: the job types, then "any". */
#define SLOT_ANY  (COLLAB_JOB_TYPE_OTHER + 1)
#define N_SLOTS   (SLOT_ANY + 1)
#define NONE      G_MAXUINT32

/* An event of the sweep: its kind in the top two bits, then thirty bits
 * of what it needs (a worker's first number, a query's offer: its group
 * and job type), then a worker's rank or a placement's position in the
 * labour index. */
enum
{
  EVENT_ENTER,  /* a worker starts waiting */
  EVENT_LEAVE,  /* a worker starts a placement */
  EVENT_QUERY,  /* a judged placement starts */
};
#define EVENT(kind, info, index) (((guint64) (kind) << 62) | ((guint64) (info) << 32) | (index))
#define EVENT_KIND(event)        ((guint) ((event) >> 62))
#define EVENT_INFO(event)        ((guint32) ((event) >> 32) & 0x3fffffff)
#define EVENT_INDEX(event)       ((guint32) (event))

/* Up to the level of one word: six levels hold 2^36 members. */
#define MAX_LEVELS 6

/* A set of numbers of a scope: level 0 has a bit per number, and a bit
 * of each level above says whether a word below has any. */
typedef struct
{
  guint32 level[MAX_LEVELS];  /* where each level's words begin */
  guint32 n_levels;
  guint32 count;              /* members now */
} Bits;

typedef struct
{
  guint32 size;        /* the workers it numbers */
  guint32 first_rank;  /* their ranks by number: Sweep.scope_ranks[first_rank …] (not for scope 0) */
} Scope;

/* A priority worker, by rank. */
typedef struct
{
  guint32        county;        /* the region's index */
  CollabEnumList wants;
  guint32        first_number;  /* their numbers in their county's key regions: Sweep.numbers[first_number …] */
  CollabDay      registered;
} Ranked;

typedef struct
{
  CollabStore *store;
  const gint  *cancelled;             /* the check run is over: stop */
  /* The scopes of each program, and the key regions each region is or
   * lies under (as scopes). */
  guint32     *program_scope_starts;
  guint32     *program_scopes;
  guint32     *region_scope_starts;
  guint32     *region_scopes;
  Scope       *scopes;
  guint        n_scopes;
  guint32     *worker_rank;           /* per worker, NONE for the others */
  guint32     *rank_worker;
  Ranked      *ranked;
  guint        n_ranked;
  guint32     *numbers;
  guint32     *scope_ranks;
  Bits        *bits;                  /* [scope × N_SLOTS + slot] */
  guint64     *words;
  /* The priority workers' placements by rank: (start << 32 | end). */
  guint32     *placement_starts;
  guint64     *placements;
  /* The days of the judged placements, and the events: their days (× 2,
   * + 1 for a query) and themselves. */
  CollabDay    first_day;
  CollabDay    last_day;
  guint32     *keys;
  guint64     *events;
  guint32      n_events;
} Sweep;

static void
bits_add (guint64 *words,
          Bits    *bits,
          guint32  number)
{
  bits->count++;
  for (guint l = 0; l < bits->n_levels; l++, number >>= 6)
    {
      guint64 *word = &words[bits->level[l] + (number >> 6)];
      gboolean was_empty = *word == 0;

      *word |= G_GUINT64_CONSTANT (1) << (number & 63);
      if (!was_empty)
        break;
    }
}

static void
bits_remove (guint64 *words,
             Bits    *bits,
             guint32  number)
{
  bits->count--;
  for (guint l = 0; l < bits->n_levels; l++, number >>= 6)
    {
      guint64 *word = &words[bits->level[l] + (number >> 6)];

      *word &= ~(G_GUINT64_CONSTANT (1) << (number & 63));
      if (*word != 0)
        break;
    }
}

/* The first member, from the one word at the top down. */
static guint32
bits_first (const guint64 *words,
            const Bits    *bits)
{
  guint32 number = 0;

  for (guint l = bits->n_levels; l-- > 0;)
    number = number * 64 + __builtin_ctzll (words[bits->level[l] + number]);
  return number;
}

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
  sweep->scopes = g_new0 (Scope, sweep->n_scopes);
  sweep->bits = g_new0 (Bits, sweep->n_scopes * N_SLOTS);
}

/* The number of key regions a county is or lies under. */
static inline guint
n_key_scopes (const Sweep *sweep,
              guint        county)
{
  return sweep->region_scope_starts[county + 1] - sweep->region_scope_starts[county];
}

/* Ranks the priority workers by (registered, position in the dataset) —
 * the counting sort is stable — and numbers them in their key regions.
 * Each worker record is read once, in order: what the ranking needs of
 * it is copied into arrays of its own. */
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
  guint n = 0, n_numbers = 0;

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
      n_numbers += n_key_scopes (sweep, COLLAB_REF_INDEX (worker->county));
    }

  sweep->n_ranked = n;
  sweep->rank_worker = g_new (guint32, MAX (n, 1));
  sweep->ranked = g_new (Ranked, MAX (n, 1));
  sweep->numbers = g_new (guint32, MAX (n_numbers, 1));
  sweep->scopes[0].size = n;
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    registered[i] -= first;
  order = g_new (guint32, n);
  g_free (collab_rule_labour_sort (registered, NULL, 0, n, last - first + 1, order));

  n_numbers = 0;
  for (guint r = 0; r < n; r++)
    {
      guint i = order[r];
      const guint32 *keys = sweep->region_scopes + sweep->region_scope_starts[counties[i]];

      sweep->ranked[r] = (Ranked) { counties[i], wants[i], n_numbers, registered[i] + first };
      sweep->rank_worker[r] = workers[i];
      sweep->worker_rank[workers[i]] = r;
      for (guint k = 0; k < n_key_scopes (sweep, counties[i]); k++)
        sweep->numbers[n_numbers++] = sweep->scopes[keys[k]].size++;
    }
}

static inline void
add_event (Sweep     *sweep,
           CollabDay  day,
           gboolean   is_query,
           guint64    event)
{
  sweep->keys[sweep->n_events] = (day - sweep->first_day) * 2 + !!is_query;
  sweep->events[sweep->n_events++] = event;
}

/* One pass over the placements: the judged ones become queries (with
 * their offer's group and job type, and their position @pos in the
 * labour index), the priority workers' are sorted by rank. Returns the
 * number of judged placements, and sets the first and last days they
 * start. */
static guint
read_placements (Sweep         *sweep,
                 const guint32 *pos)
{
  CollabStore *store = sweep->store;
  guint n_offers = collab_store_count (store, COLLAB_RECORD_KIND_JOB_OFFER);
  guint n_placements = collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT);
  g_autofree guint32 *offer_info = g_new (guint32, MAX (n_offers, 1));
  g_autofree guint32 *query_days = g_new (guint32, MAX (n_placements, 1));
  g_autofree guint64 *queries = g_new (guint64, MAX (n_placements, 1));
  g_autofree guint32 *ranks = g_new (guint32, MAX (n_placements, 1));
  g_autofree guint64 *spans = g_new (guint64, MAX (n_placements, 1));
  guint n_queries = 0, n_spans = 0;

  /* An offer's group (collab_rule_labour_group()) and job type, in one
   * word: 3 bits for the type, and the group above them. */
  for (guint o = 0; o < n_offers; o++)
    {
      const CollabJobOfferRec *offer = collab_store_get (store, COLLAB_RECORD_KIND_JOB_OFFER, o);

      offer_info[o] = collab_rule_labour_group (offer->program) << 3 | MIN (offer->job_type, COLLAB_JOB_TYPE_OTHER);
    }

  sweep->first_day = G_MAXUINT32;
  sweep->last_day = 0;
  for (guint p = 0; p < n_placements; p++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, p);
      guint32 rank = sweep->worker_rank[COLLAB_REF_INDEX (placement->worker)];

      if (rank != NONE)
        {
          ranks[n_spans] = rank;
          spans[n_spans++] = (guint64) placement->start << 32 | (placement->end != COLLAB_DAY_NONE ? placement->end
                                                                                                  : G_MAXUINT32);
        }
      else if (placement->offer != COLLAB_REF_NONE)
        {
          query_days[n_queries] = placement->start;
          queries[n_queries++] = EVENT (EVENT_QUERY, offer_info[COLLAB_REF_INDEX (placement->offer)], pos[p]);
          sweep->first_day = MIN (sweep->first_day, placement->start);
          sweep->last_day = MAX (sweep->last_day, placement->start);
        }
    }

  sweep->placements = g_new (guint64, MAX (n_spans, 1));
  sweep->placement_starts = collab_rule_labour_sort (ranks, spans, sizeof *spans, n_spans, MAX (sweep->n_ranked, 1),
                                                     sweep->placements);

  /* Every worker enters and leaves at most once per placement, and once
   * more. */
  sweep->keys = g_new (guint32, (gsize) n_queries + sweep->n_ranked + 2 * (gsize) n_spans + 1);
  sweep->events = g_new (guint64, (gsize) n_queries + sweep->n_ranked + 2 * (gsize) n_spans + 1);
  for (guint q = 0; q < n_queries; q++)
    add_event (sweep, query_days[q], TRUE, queries[q]);
  return n_queries;
}

/* The worker of @rank waits on the days [@from, @to) (@to NONE: on and
 * on); only the days of the queries matter. */
static void
add_stretch (Sweep     *sweep,
             guint32    rank,
             CollabDay  from,
             CollabDay  to)
{
  guint32 info = sweep->ranked[rank].first_number;

  if (from > sweep->last_day || (to != NONE && to <= sweep->first_day))
    return;
  add_event (sweep, MAX (from, sweep->first_day), FALSE, EVENT (EVENT_ENTER, info, rank));
  if (to != NONE && to <= sweep->last_day)
    add_event (sweep, to, FALSE, EVENT (EVENT_LEAVE, info, rank));
}

/* Each worker's stretches of waiting, from their placements in order of
 * start: from registering (or the day after an end) to the next start. */
static void
add_stretches (Sweep *sweep)
{
  for (guint r = 0; r < sweep->n_ranked; r++)
    {
      guint64 *spans = sweep->placements + sweep->placement_starts[r];
      guint n = sweep->placement_starts[r + 1] - sweep->placement_starts[r];
      CollabDay from = sweep->ranked[r].registered;

      collab_rule_labour_sort_spans (spans, n);
      for (guint i = 0; i < n && from != NONE; i++)
        {
          CollabDay start = spans[i] >> 32;
          CollabDay end = (guint32) spans[i];

          if (start > from)
            add_stretch (sweep, r, from, start);
          if (end == NONE)
            from = NONE;
          else
            from = MAX (from, end + 1);
        }
      if (from != NONE)
        add_stretch (sweep, r, from, NONE);
    }
}

/* Where each scope's ranks by number and each set's words are. Every
 * set of a scope has a bit for each of its workers. */
static void
layout (Sweep *sweep)
{
  guint32 n_ranks = 0, n_words = 0;

  for (guint s = 0; s < sweep->n_scopes; s++)
    {
      Scope *scope = &sweep->scopes[s];

      scope->first_rank = n_ranks;
      n_ranks += s > 0 ? scope->size : 0;
      for (guint slot = 0; slot < N_SLOTS; slot++)
        {
          Bits *bits = &sweep->bits[s * N_SLOTS + slot];

          for (guint32 n = scope->size; n > 0; n = n > 64 ? (n + 63) / 64 : 0)
            {
              bits->level[bits->n_levels++] = n_words;
              n_words += (n + 63) / 64;
            }
        }
    }

  sweep->words = g_new0 (guint64, MAX (n_words, 1));
  sweep->scope_ranks = g_new (guint32, MAX (n_ranks, 1));
  for (guint r = 0; r < sweep->n_ranked; r++)
    {
      const Ranked *ranked = &sweep->ranked[r];
      const guint32 *keys = sweep->region_scopes + sweep->region_scope_starts[ranked->county];

      for (guint k = 0; k < n_key_scopes (sweep, ranked->county); k++)
        sweep->scope_ranks[sweep->scopes[keys[k]].first_rank + sweep->numbers[ranked->first_number + k]] = r;
    }
}

/* The worker of @rank, whose numbers start at @first_number, starts or
 * stops waiting: in scope 0 under their rank, in each key region under
 * their number there, for each type they want or for "any". */
static void
set_waiting (Sweep   *sweep,
             guint32  rank,
             guint32  first_number,
             gboolean waiting)
{
  const Ranked *ranked = &sweep->ranked[rank];
  const guint32 *keys = sweep->region_scopes + sweep->region_scope_starts[ranked->county];
  guint n_keys = n_key_scopes (sweep, ranked->county);

  for (guint k = 0; k <= n_keys; k++)
    {
      Bits *bits = &sweep->bits[(k == 0 ? 0 : keys[k - 1]) * N_SLOTS];
      guint32 number = k == 0 ? rank : sweep->numbers[first_number + k - 1];
      guint slot = SLOT_ANY;

      for (guint i = 0; i == 0 || COLLAB_ENUM_LIST_HAS (ranked->wants, i); i++)
        {
          if (COLLAB_ENUM_LIST_HAS (ranked->wants, i))
            slot = MIN (COLLAB_ENUM_LIST_GET (ranked->wants, i), COLLAB_JOB_TYPE_OTHER);
          if (waiting)
            bits_add (sweep->words, &bits[slot], number);
          else
            bits_remove (sweep->words, &bits[slot], number);
        }
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
        const Bits *bits = &sweep->bits[scopes[s] * N_SLOTS + slots[i]];
        guint32 number;

        if (bits->count == 0)
          continue;
        count += bits->count;
        number = bits_first (sweep->words, bits);
        earliest = MIN (earliest, scopes[s] == 0 ? number
                                                 : sweep->scope_ranks[sweep->scopes[scopes[s]].first_rank + number]);
      }

  queues[k].waiting = count;
  queues[k].earliest = earliest;
}

/* The loop below waits on memory: a worker's county and wants, and
 * their numbers, are reads at random. Their addresses are in the events,
 * so they are asked for a few events ahead, and the reads overlap. */
static inline void
prefetch (const Sweep   *sweep,
          const guint64 *events,
          guint32        n_events,
          guint32        e)
{
  if (e + 12 < n_events && EVENT_KIND (events[e + 12]) != EVENT_QUERY)
    {
      __builtin_prefetch (&sweep->ranked[EVENT_INDEX (events[e + 12])]);
      __builtin_prefetch (&sweep->numbers[EVENT_INFO (events[e + 12])]);
    }
}

static void
sweep_days (Sweep             *sweep,
            CollabLabourQueue *queues)
{
  guint32 n_events = sweep->n_events;
  g_autofree guint64 *events = g_new (guint64, MAX (n_events, 1));

  /* On each day the comings and goings (key 2 × day) before the queries
   * (2 × day + 1). */
  g_free (collab_rule_labour_sort (sweep->keys, sweep->events, sizeof *sweep->events, n_events,
                                   (sweep->last_day - sweep->first_day) * 2 + 2, events));
  g_clear_pointer (&sweep->keys, g_free);
  g_clear_pointer (&sweep->events, g_free);

  for (guint32 e = 0; e < n_events; e++)
    {
      if (e % 65536 == 0 && g_atomic_int_get (sweep->cancelled))
        return;
      prefetch (sweep, events, n_events, e);

      if (EVENT_KIND (events[e]) == EVENT_QUERY)
        answer (sweep, EVENT_INFO (events[e]), EVENT_INDEX (events[e]), queues);
      else
        set_waiting (sweep, EVENT_INDEX (events[e]), EVENT_INFO (events[e]), EVENT_KIND (events[e]) == EVENT_ENTER);
    }
}

static void
sweep_clear (Sweep *sweep)
{
  g_free (sweep->program_scope_starts);
  g_free (sweep->program_scopes);
  g_free (sweep->region_scope_starts);
  g_free (sweep->region_scopes);
  g_free (sweep->scopes);
  g_free (sweep->worker_rank);
  g_free (sweep->rank_worker);
  g_free (sweep->ranked);
  g_free (sweep->numbers);
  g_free (sweep->scope_ranks);
  g_free (sweep->bits);
  g_free (sweep->words);
  g_free (sweep->placement_starts);
  g_free (sweep->placements);
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
  /* Each step takes a tenth of a second at most: stopping between them
   * is soon enough. */
  if (!g_atomic_int_get (&task->cancelled) && read_placements (&sweep, task->placement_pos) > 0 &&
      sweep.n_ranked > 0 && !g_atomic_int_get (&task->cancelled))
    {
      add_stretches (&sweep);
      layout (&sweep);
      sweep_days (&sweep, waiting->queues);
    }
  waiting->rank_worker = g_steal_pointer (&sweep.rank_worker);
  sweep_clear (&sweep);
  return waiting;
}

CollabLabourWaitingTask *
collab_rule_labour_waiting_start (CollabStore   *store,
                                  const guint32 *placement_pos,
                                  gboolean       in_background)
{
  CollabLabourWaitingTask *task = g_new0 (CollabLabourWaitingTask, 1);

  task->store = store;
  task->placement_pos = placement_pos;
  if (in_background)
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
  else if (task->waiting == NULL)
    task->waiting = waiting_build (task);
  return task->waiting;
}
