/* test-match.c: matching workers to job offers (SPEC §11.3, collab_dataset_match())
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * That the matching is the best: random small datasets, every feasible
 * matching enumerated by brute force from the records as the test wrote
 * them (its own reading of the as-of rules and the program filter), and
 * the library's figures compared with the best (priority placed, placed,
 * rank sum) there is, its rows checked for feasibility. Three families
 * of datasets, each with at least 300 where a greedy matching (priority
 * workers first, each to the best-ranked type left) loses at that level
 * and no earlier one: level 1, the priority workers placed; level 2, the
 * workers placed; level 3, the sum of ranks. Then the flow alone against
 * a plain min-cost flow over the whole residual graph, at sizes brute
 * force cannot reach; determinism and independence of the document's
 * order; the program filter and the as-of rules on hand-made cases.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "analysis/collab-match-private.h"
#include "collab-test-util.h"

#define MAX_WORKERS    7
#define MAX_OFFERS     4
#define MAX_PLACEMENTS 6
#define N_TEST_TYPES   3
#define ENOUGH         300

static const char * const type_nicks[N_TEST_TYPES] = { "logistics", "catering", "construction" };
/* ka1 and ka2 lie in city ca, which p1 assists; p2 assists the county
 * kb1 itself; kb2 lies in cb, kz in cz, which nobody assists. */
static const char * const counties[] = { "ka1", "ka2", "kb1", "kb2", "kz" };

typedef struct
{
  int       county;
  gboolean  priority;
  gboolean  disabled;
  int       n_wants;
  int       wants[N_TEST_TYPES];
  CollabDay registered;
} TestWorker;

typedef struct
{
  int       type;
  int       positions;
  CollabDay first, last;
  int       program;    /* 0 none, 1 p1, 2 p2 */
} TestOffer;

typedef struct
{
  int       worker;
  int       offer;      /* -1: none */
  CollabDay start, end;
} TestPlacement;

typedef struct
{
  int           n_workers, n_offers, n_placements;
  TestWorker    workers[MAX_WORKERS];
  TestOffer     offers[MAX_OFFERS];
  TestPlacement placements[MAX_PLACEMENTS];
  int           program;  /* the matching's filter: 0 none, 1 p1, 2 p2 */
} Instance;

/* The best of (priority placed, placed, -rank sum), compared in order. */
typedef struct
{
  int priority, placed, ranks;
} Score;

static gboolean
better (Score a,
        Score b)
{
  if (a.priority != b.priority)
    return a.priority > b.priority;
  if (a.placed != b.placed)
    return a.placed > b.placed;
  return a.ranks < b.ranks;
}

static CollabDay as_of;

/* --- the instance, and the same as a document ------------------------- */

/* What a family's datasets are made of: the chance a worker is a
 * priority worker, and the positions of an offer. */
typedef struct
{
  double priority;
  int    min_positions, max_positions;
} Family;

static CollabDay
around (GRand *rand,
        int    before,
        int    after)
{
  return as_of + g_rand_int_range (rand, -before, after + 1);
}

static void
random_instance (GRand        *rand,
                 const Family *family,
                 Instance     *inst)
{
  memset (inst, 0, sizeof *inst);
  inst->n_workers = g_rand_int_range (rand, 4, MAX_WORKERS + 1);
  inst->n_offers = g_rand_int_range (rand, 1, MAX_OFFERS + 1);
  inst->n_placements = g_rand_int_range (rand, 0, MAX_PLACEMENTS + 1);
  inst->program = g_rand_int_range (rand, 0, 6) < 3 ? 0 : g_rand_int_range (rand, 1, 3);

  for (int i = 0; i < inst->n_workers; i++)
    {
      TestWorker *w = &inst->workers[i];
      int types[N_TEST_TYPES] = { 0, 1, 2 };

      w->county = inst->program == 0 ? g_rand_int_range (rand, 0, G_N_ELEMENTS (counties))
                                     : g_rand_int_range (rand, 0, 10) < 8 ? (inst->program == 1 ? g_rand_int_range (rand, 0, 2) : 2)
                                                                          : g_rand_int_range (rand, 0, G_N_ELEMENTS (counties));
      w->priority = g_rand_double (rand) < family->priority;
      w->disabled = g_rand_int_range (rand, 0, 4) == 0;
      /* Mostly one to three choices, sometimes any type. */
      w->n_wants = g_rand_int_range (rand, 0, 8) == 0 ? 0 : g_rand_int_range (rand, 1, N_TEST_TYPES + 1);
      for (int j = N_TEST_TYPES - 1; j > 0; j--)
        {
          int k = g_rand_int_range (rand, 0, j + 1), swap = types[j];
          types[j] = types[k];
          types[k] = swap;
        }
      memcpy (w->wants, types, sizeof types);
      /* One in ten registers after the day. */
      w->registered = g_rand_int_range (rand, 0, 10) == 0 ? around (rand, -1, 20) : around (rand, 60, 0);
    }

  for (int i = 0; i < inst->n_offers; i++)
    {
      TestOffer *o = &inst->offers[i];
      int closed = g_rand_int_range (rand, 0, 10);

      o->type = g_rand_int_range (rand, 0, N_TEST_TYPES);
      o->positions = g_rand_int_range (rand, family->min_positions, family->max_positions + 1);
      /* Open on the day, the day at one end; or closed, before or after. */
      o->first = closed == 0 ? around (rand, 60, -31) : closed == 1 ? as_of : around (rand, 60, 0);
      o->last = closed == 0 ? around (rand, 30, -1) : closed == 2 ? as_of : around (rand, 0, 60);
      if (closed == 3)
        o->first = around (rand, -1, 30), o->last = o->first + 30;
      o->program = g_rand_int_range (rand, 0, 3);
    }

  for (int i = 0; i < inst->n_placements; i++)
    {
      TestPlacement *p = &inst->placements[i];
      int when = g_rand_int_range (rand, 0, 4);

      p->worker = g_rand_int_range (rand, 0, inst->n_workers);
      p->offer = g_rand_int_range (rand, 0, 3) == 0 ? -1 : g_rand_int_range (rand, 0, inst->n_offers);
      /* On the day (without an end, or ending on it or later), over (by
       * the day before at the latest), or to come. */
      p->start = when == 3 ? around (rand, -1, 30) : around (rand, 90, when == 2 ? -1 : 0);
      p->end = when == 0 ? COLLAB_DAY_NONE
               : when == 1 ? around (rand, 0, 30)
               : when == 2 ? p->start + g_rand_int_range (rand, 0, as_of - p->start)
                           : p->start + 10;
    }
}

static void
append_day (GString    *out,
            const char *member,
            CollabDay   day)
{
  g_autofree char *text = collab_day_format (day);

  g_string_append_printf (out, ", \"%s\": \"%s\"", member, text);
}

/* The document of @inst, its records listed in order or @backwards. */
static char *
instance_document (const Instance *inst,
                   gboolean        backwards)
{
  static const char *const programs[] = { NULL, "p1", "p2" };
  GString *out = g_string_new ("{\"format\": \"libcollab-dataset\", \"version\": 1,\n \"regions\": [\n"
    "  {\"id\": \"sx\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
    "  {\"id\": \"ca\", \"name\": \"甲市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
    "  {\"id\": \"cb\", \"name\": \"乙市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
    "  {\"id\": \"cz\", \"name\": \"丙市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
    "  {\"id\": \"ka1\", \"name\": \"甲一县\", \"level\": \"county\", \"parent\": \"ca\"},\n"
    "  {\"id\": \"ka2\", \"name\": \"甲二县\", \"level\": \"county\", \"parent\": \"ca\"},\n"
    "  {\"id\": \"kb1\", \"name\": \"乙一县\", \"level\": \"county\", \"parent\": \"cb\"},\n"
    "  {\"id\": \"kb2\", \"name\": \"乙二县\", \"level\": \"county\", \"parent\": \"cb\"},\n"
    "  {\"id\": \"kz\", \"name\": \"丙一县\", \"level\": \"county\", \"parent\": \"cz\"},\n"
    "  {\"id\": \"js\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
    "  {\"id\": \"wx\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"js\"}],\n"
    " \"organizations\": [{\"id\": \"e1\", \"name\": \"某公司\", \"kind\": \"enterprise\", \"region\": \"wx\"}],\n"
    " \"programs\": [\n"
    "  {\"id\": \"p1\", \"name\": \"p1\", \"kind\": \"east_west\", \"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"ca\"]},\n"
    "  {\"id\": \"p2\", \"name\": \"p2\", \"kind\": \"east_west\", \"first_year\": 2021, \"last_year\": 2025, \"assisting\": \"wx\", \"assisted\": [\"kb1\"]}],\n"
    " \"job_offers\": [");

  for (int k = 0; k < inst->n_offers; k++)
    {
      int i = backwards ? inst->n_offers - 1 - k : k;
      const TestOffer *o = &inst->offers[i];
      g_autofree char *first = collab_day_format (o->first);
      g_autofree char *last = collab_day_format (o->last);

      g_string_append_printf (out, "%s\n  {\"id\": \"o%d\", \"employer\": \"e1\", \"job_type\": \"%s\", \"positions\": %d, "
                              "\"open\": {\"first\": \"%s\", \"last\": \"%s\"}",
                              k > 0 ? "," : "", i, type_nicks[o->type], o->positions, first, last);
      if (o->program != 0)
        g_string_append_printf (out, ", \"program\": \"%s\"", programs[o->program]);
      g_string_append (out, "}");
    }
  g_string_append (out, "],\n \"workers\": [");
  for (int k = 0; k < inst->n_workers; k++)
    {
      int i = backwards ? inst->n_workers - 1 - k : k;
      const TestWorker *w = &inst->workers[i];

      g_string_append_printf (out, "%s\n  {\"id\": \"w%d\", \"county\": \"%s\", \"flags\": [%s%s%s], \"wants\": [",
                              k > 0 ? "," : "", i, counties[w->county],
                              w->priority ? (i % 2 ? "\"poverty_lifted\"" : "\"at_risk\"") : "",
                              w->priority && w->disabled ? ", " : "", w->disabled ? "\"disabled\"" : "");
      for (int j = 0; j < w->n_wants; j++)
        g_string_append_printf (out, "%s\"%s\"", j > 0 ? ", " : "", type_nicks[w->wants[j]]);
      g_string_append (out, "]");
      append_day (out, "registered", w->registered);
      g_string_append (out, "}");
    }
  g_string_append (out, "],\n \"placements\": [");
  for (int k = 0; k < inst->n_placements; k++)
    {
      int i = backwards ? inst->n_placements - 1 - k : k;
      const TestPlacement *p = &inst->placements[i];

      g_string_append_printf (out, "%s\n  {\"id\": \"pl%d\", \"worker\": \"w%d\", \"employer\": \"e1\", \"kind\": \"transfer\"",
                              k > 0 ? "," : "", i, p->worker);
      if (p->offer >= 0)
        g_string_append_printf (out, ", \"offer\": \"o%d\"", p->offer);
      append_day (out, "start", p->start);
      if (p->end != COLLAB_DAY_NONE)
        append_day (out, "end", p->end);
      g_string_append (out, "}");
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

/* --- the test's own reading of SPEC §11.3 ---------------------------------- */

typedef struct
{
  const Instance *inst;
  int             waiting[MAX_WORKERS];
  int             n_waiting;
  int             free[MAX_OFFERS];   /* 0 for an offer that takes nobody */
  Score           best;
} Problem;

static int
rank_of (const TestWorker *w,
         int               type)
{
  if (w->n_wants == 0)
    return 1;
  for (int j = 0; j < w->n_wants; j++)
    if (w->wants[j] == type)
      return j + 1;
  return 0;
}

static void
read_problem (const Instance *inst,
              Problem        *problem)
{
  memset (problem, 0, sizeof *problem);
  problem->inst = inst;

  for (int i = 0; i < inst->n_workers; i++)
    {
      const TestWorker *w = &inst->workers[i];
      gboolean busy = FALSE;

      for (int j = 0; j < inst->n_placements; j++)
        {
          const TestPlacement *p = &inst->placements[j];

          busy |= p->worker == i && p->start <= as_of && (p->end == COLLAB_DAY_NONE || as_of <= p->end);
        }
      if (w->registered > as_of || busy ||
          (inst->program == 1 && w->county > 1) || (inst->program == 2 && w->county != 2))
        continue;
      problem->waiting[problem->n_waiting++] = i;
    }

  for (int i = 0; i < inst->n_offers; i++)
    {
      const TestOffer *o = &inst->offers[i];
      int named = 0;

      for (int j = 0; j < inst->n_placements; j++)
        named += inst->placements[j].offer == i;
      if (o->first <= as_of && as_of <= o->last && (inst->program == 0 || o->program == 0 || o->program == inst->program))
        problem->free[i] = MAX (o->positions - named, 0);
    }
}

static void
enumerate (Problem *problem,
           int      i,
           Score    score)
{
  const Instance *inst = problem->inst;
  const TestWorker *w;

  if (i == problem->n_waiting)
    {
      if (better (score, problem->best))
        problem->best = score;
      return;
    }

  enumerate (problem, i + 1, score);
  w = &inst->workers[problem->waiting[i]];
  for (int o = 0; o < inst->n_offers; o++)
    {
      int rank = rank_of (w, inst->offers[o].type);

      if (problem->free[o] == 0 || rank == 0)
        continue;
      problem->free[o]--;
      enumerate (problem, i + 1, (Score) { score.priority + w->priority, score.placed + 1, score.ranks + rank });
      problem->free[o]++;
    }
}

/* Priority workers first, each in order of registration, each to the
 * best-ranked type with a position left. */
static Score
greedy (Problem *problem)
{
  const Instance *inst = problem->inst;
  int free[MAX_OFFERS], order[MAX_WORKERS];
  Score score = { 0, 0, 0 };

  memcpy (free, problem->free, sizeof free);
  memcpy (order, problem->waiting, sizeof order);
  for (int i = 1; i < problem->n_waiting; i++)
    for (int j = i; j > 0; j--)
      {
        const TestWorker *a = &inst->workers[order[j - 1]], *b = &inst->workers[order[j]];

        if (a->priority > b->priority || (a->priority == b->priority && a->registered <= b->registered))
          break;
        order[j - 1] ^= order[j], order[j] ^= order[j - 1], order[j - 1] ^= order[j];
      }

  for (int i = 0; i < problem->n_waiting; i++)
    {
      const TestWorker *w = &inst->workers[order[i]];
      int best = -1, best_rank = 0;

      for (int o = 0; o < inst->n_offers; o++)
        {
          int rank = rank_of (w, inst->offers[o].type);

          if (free[o] > 0 && rank > 0 && (best < 0 || rank < best_rank))
            best = o, best_rank = rank;
        }
      if (best < 0)
        continue;
      free[best]--;
      score = (Score) { score.priority + w->priority, score.placed + 1, score.ranks + best_rank };
    }
  return score;
}

/* The index in @prefix + number of an id such as "w3". */
static int
index_of (const char *id,
          char        prefix)
{
  g_assert_cmpint (id[0], ==, prefix);
  return atoi (id + 1);
}

/* The library's matching of @inst: feasible, its figures those of its
 * rows; returns them. */
static Score
check_library (const Instance *inst,
               const Problem  *problem)
{
  static const char *const programs[] = { NULL, "p1", "p2" };
  g_autofree char *document = instance_document (inst, FALSE);
  g_autoptr(CollabDataset) dataset = collab_test_load_data (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(CollabMatch) match = collab_dataset_match (dataset, programs[inst->program], as_of, &error);
  CollabTable *table;
  int used[MAX_OFFERS] = { 0 };
  gboolean placed[MAX_WORKERS] = { FALSE };
  Score score = { 0, 0, 0 };

  g_assert_no_error (error);
  table = collab_match_get_table (match);
  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    {
      int w = index_of (collab_table_get_string (table, r, 0), 'w');
      int o = index_of (collab_table_get_string (table, r, 1), 'o');
      const TestWorker *worker = &inst->workers[w];
      int rank = rank_of (worker, inst->offers[o].type);
      gboolean waiting = FALSE;

      for (int i = 0; i < problem->n_waiting; i++)
        waiting |= problem->waiting[i] == w;
      g_assert_true (waiting);
      g_assert_false (placed[w]);
      placed[w] = TRUE;
      g_assert_cmpint (++used[o], <=, problem->free[o]);
      g_assert_cmpint (rank, >, 0);
      g_assert_cmpint (collab_table_get_int (table, r, 4), ==, rank);
      g_assert_cmpint (collab_table_get_int (table, r, 5), ==, worker->priority);
      g_assert_cmpstr (collab_table_get_string (table, r, 2), ==, "e1");
      g_assert_cmpstr (collab_table_get_string (table, r, 3), ==, type_nicks[inst->offers[o].type]);
      score = (Score) { score.priority + worker->priority, score.placed + 1, score.ranks + rank };
    }

  g_assert_cmpuint (collab_match_get_placed (match), ==, score.placed);
  g_assert_cmpuint (collab_match_get_priority_placed (match), ==, score.priority);
  g_assert_cmpuint (collab_match_get_rank_sum (match), ==, score.ranks);
  return score;
}

/* Datasets of @family until @level decides, against the greedy matching,
 * in ENOUGH of them; every one checked against brute force. */
static void
run_family (const Family *family,
            int           level,
            guint32       seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  int decided[4] = { 0 };
  int n = 0;

  while (decided[level] < ENOUGH && n < 400 * ENOUGH)
    {
      Instance inst;
      Problem problem;
      Score mine, quick;

      random_instance (rand, family, &inst);
      read_problem (&inst, &problem);
      problem.best = (Score) { 0, 0, 0 };
      enumerate (&problem, 0, problem.best);

      mine = check_library (&inst, &problem);
      if (mine.priority != problem.best.priority || mine.placed != problem.best.placed ||
          mine.ranks != problem.best.ranks)
        {
          g_autofree char *document = instance_document (&inst, FALSE);

          g_error ("as of %u, program %d: the library has (%d, %d, %d), the best is (%d, %d, %d)\n%s", as_of,
                   inst.program, mine.priority, mine.placed, mine.ranks, problem.best.priority, problem.best.placed,
                   problem.best.ranks, document);
        }

      quick = greedy (&problem);
      g_assert_false (better (quick, problem.best));
      decided[quick.priority < problem.best.priority ? 1
              : quick.placed < problem.best.placed   ? 2
              : quick.ranks > problem.best.ranks     ? 3
                                                     : 0]++;
      n++;
    }

  g_test_message ("%d datasets: greedy optimal in %d, beaten at level 1 in %d, 2 in %d, 3 in %d",
                  n, decided[0], decided[1], decided[2], decided[3]);
  g_assert_cmpint (decided[level], >=, ENOUGH);
}

static void
test_optimal_priority (void)
{
  const Family priority = { 0.6, 1, 2 };

  run_family (&priority, 1, 20240301);
}

static void
test_optimal_placed (void)
{
  const Family placed = { 0.1, 1, 2 };

  run_family (&placed, 2, 20240302);
}

static void
test_optimal_ranks (void)
{
  const Family ranks = { 0.3, 1, 3 };

  run_family (&ranks, 3, 20240303);
}

/* --- the flow against a plain min-cost flow ------------------------------- */

#define REF_COST_PRIORITY ((gint64) 1 << 40)
#define REF_COST_RANK     ((gint64) 1 << 20)

/* Successive shortest paths on the whole residual graph (source, every
 * class, every type, sink), Bellman-Ford, bottleneck augmentation:
 * slow and plain. Returns the figures of its flow. */
static Score
reference_flow (const CollabMatchGroup *groups,
                guint                   n,
                const guint64          *capacity)
{
  guint V = n + COLLAB_MATCH_N_TYPES + 2, S = V - 2, T = V - 1;
  g_autofree gint64 *flow = g_new0 (gint64, n * COLLAB_MATCH_N_TYPES);
  g_autofree gint64 *supply = g_new0 (gint64, n);
  g_autofree gint64 *dist = g_new (gint64, V);
  g_autofree int *pred = g_new (int, V);
  gint64 left[COLLAB_MATCH_N_TYPES];
  Score score = { 0, 0, 0 };

  for (guint c = 0; c < n; c++)
    supply[c] = groups[c].count;
  for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
    left[t] = capacity[t];

  for (;;)
    {
      gint64 x = G_MAXINT64;
      int v;

      for (guint v2 = 0; v2 < V; v2++)
        dist[v2] = G_MAXINT64, pred[v2] = -1;
      dist[S] = 0;
      for (guint round = 0; round < V; round++)
        {
          gboolean changed = FALSE;

#define RELAX(a, b, cost) \
          if (dist[a] != G_MAXINT64 && dist[a] + (cost) < dist[b]) \
            dist[b] = dist[a] + (cost), pred[b] = (a), changed = TRUE
          for (guint c = 0; c < n; c++)
            {
              if (supply[c] > 0)
                RELAX (S, c, 0);
              for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
                {
                  gint64 cost = -(gint64) groups[c].priority * REF_COST_PRIORITY + groups[c].rank[t] * REF_COST_RANK;

                  if (groups[c].rank[t] == 0)
                    continue;
                  RELAX (c, n + t, cost);
                  if (flow[c * COLLAB_MATCH_N_TYPES + t] > 0)
                    RELAX (n + t, c, -cost);
                }
            }
          for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
            if (left[t] > 0)
              RELAX (n + t, T, 0);
#undef RELAX
          if (!changed)
            break;
        }
      if (dist[T] == G_MAXINT64)
        break;

      for (v = T; pred[v] >= 0; v = pred[v])
        {
          int u = pred[v];

          if (u == (int) S)
            x = MIN (x, supply[v]);
          else if (v == (int) T)
            x = MIN (x, left[u - n]);
          else if ((guint) u >= n)
            x = MIN (x, flow[v * COLLAB_MATCH_N_TYPES + (u - n)]);
        }
      for (v = T; pred[v] >= 0; v = pred[v])
        {
          int u = pred[v];

          if (u == (int) S)
            supply[v] -= x;
          else if (v == (int) T)
            left[u - n] -= x;
          else if ((guint) u >= n)
            flow[v * COLLAB_MATCH_N_TYPES + (u - n)] -= x;
          else
            flow[u * COLLAB_MATCH_N_TYPES + (v - n)] += x;
        }
    }

  for (guint c = 0; c < n; c++)
    for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
      {
        gint64 f = flow[c * COLLAB_MATCH_N_TYPES + t];

        score.placed += f;
        score.priority += groups[c].priority * f;
        score.ranks += groups[c].rank[t] * f;
      }
  return score;
}

static void
random_group (GRand            *rand,
              CollabMatchGroup *group)
{
  int types[COLLAB_MATCH_N_TYPES] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  int n_wants = g_rand_int_range (rand, 0, 10) == 0 ? 0 : g_rand_int_range (rand, 1, COLLAB_MATCH_N_TYPES + 1);

  memset (group, 0, sizeof *group);
  group->count = g_rand_int_range (rand, 1, 1000);
  group->priority = g_rand_boolean (rand);
  for (int j = COLLAB_MATCH_N_TYPES - 1; j > 0; j--)
    {
      int k = g_rand_int_range (rand, 0, j + 1), swap = types[j];
      types[j] = types[k];
      types[k] = swap;
    }
  if (n_wants == 0)
    memset (group->rank, 1, sizeof group->rank);
  for (int j = 0; j < n_wants; j++)
    group->rank[types[j]] = j + 1;
}

static void
test_flow_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint max_paths = 0;

  for (int i = 0; i < 300; i++)
    {
      guint n = g_rand_int_range (rand, 1, 60);
      g_autofree CollabMatchGroup *groups = g_new (CollabMatchGroup, n);
      g_autofree guint32 *flow = g_new (guint32, n * COLLAB_MATCH_N_TYPES);
      guint64 capacity[COLLAB_MATCH_N_TYPES], used[COLLAB_MATCH_N_TYPES] = { 0 };
      Score mine = { 0, 0, 0 }, reference;

      for (guint c = 0; c < n; c++)
        random_group (rand, &groups[c]);
      for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
        capacity[t] = g_rand_int_range (rand, 0, 8) == 0 ? 0 : g_rand_int_range (rand, 0, 200 * n / 4);

      max_paths = MAX (max_paths, collab_match_flow_solve (groups, n, capacity, flow));
      for (guint c = 0; c < n; c++)
        {
          guint64 out = 0;

          for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
            {
              guint32 f = flow[c * COLLAB_MATCH_N_TYPES + t];

              g_assert_true (f == 0 || groups[c].rank[t] != COLLAB_MATCH_NO_RANK);
              out += f;
              used[t] += f;
              mine = (Score) { mine.priority + groups[c].priority * f, mine.placed + f, mine.ranks + groups[c].rank[t] * f };
            }
          g_assert_cmpuint (out, <=, groups[c].count);
        }
      for (guint t = 0; t < COLLAB_MATCH_N_TYPES; t++)
        g_assert_cmpuint (used[t], <=, capacity[t]);

      reference = reference_flow (groups, n, capacity);
      g_assert_cmpint (mine.priority, ==, reference.priority);
      g_assert_cmpint (mine.placed, ==, reference.placed);
      g_assert_cmpint (mine.ranks, ==, reference.ranks);
    }
  g_test_message ("at most %u augmenting paths", max_paths);
}

/* --- hand-made cases -------------------------------------------------------- */

static const char head[] =
  "{\"format\": \"libcollab-dataset\", \"version\": 1,\n"
  " \"regions\": [\n"
  "  {\"id\": \"sx\", \"name\": \"陕西省\", \"level\": \"province\", \"side\": \"west\"},\n"
  "  {\"id\": \"yanan\", \"name\": \"延安市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
  "  {\"id\": \"yanchang\", \"name\": \"延长县\", \"level\": \"county\", \"parent\": \"yanan\"},\n"
  "  {\"id\": \"haidong\", \"name\": \"海东市\", \"level\": \"city\", \"parent\": \"sx\"},\n"
  "  {\"id\": \"pingan\", \"name\": \"平安区\", \"level\": \"county\", \"parent\": \"haidong\"},\n"
  "  {\"id\": \"js\", \"name\": \"江苏省\", \"level\": \"province\", \"side\": \"east\"},\n"
  "  {\"id\": \"wuxi\", \"name\": \"无锡市\", \"level\": \"city\", \"parent\": \"js\"}],\n"
  " \"organizations\": [{\"id\": \"e1\", \"name\": \"某物流公司\", \"kind\": \"enterprise\", \"region\": \"wuxi\"},\n"
  "  {\"id\": \"e2\", \"name\": \"某养老院\", \"kind\": \"enterprise\", \"region\": \"wuxi\"}],\n"
  " \"programs\": [{\"id\": \"wuxi-yanan\", \"name\": \"x\", \"kind\": \"east_west\", \"first_year\": 2021,\n"
  "   \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"yanan\"]},\n"
  "  {\"id\": \"other\", \"name\": \"y\", \"kind\": \"east_west\", \"first_year\": 2021,\n"
  "   \"last_year\": 2025, \"assisting\": \"wuxi\", \"assisted\": [\"pingan\"]}],\n";

static CollabMatch *
match_document (const char *body,
                const char *program,
                const char *day)
{
  g_autofree char *document = g_strconcat (head, body, NULL);
  g_autoptr(CollabDataset) dataset = collab_test_load_data (document);
  g_autoptr(GError) error = NULL;
  CollabDay as_of_day;
  CollabMatch *match;

  g_assert_true (collab_day_parse (day, &as_of_day, NULL));
  match = collab_dataset_match (dataset, program, as_of_day, &error);
  g_assert_no_error (error);
  return match;
}

/* "w1>o1" for every row, in order. */
static char *
rows_of (CollabMatch *match)
{
  CollabTable *table = collab_match_get_table (match);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = 0; r < collab_table_get_n_rows (table); r++)
    g_string_append_printf (out, "%s%s>%s", r > 0 ? " " : "", collab_table_get_string (table, r, 0),
                            collab_table_get_string (table, r, 1));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_rows (const char *body,
             const char *program,
             const char *day,
             const char *expected)
{
  g_autoptr(CollabMatch) match = match_document (body, program, day);
  g_autofree char *rows = rows_of (match);

  g_assert_cmpstr (rows, ==, expected);
}

static void
test_table (void)
{
  static const char body[] =
    " \"job_offers\": [\n"
    "  {\"id\": \"o1\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 1, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}},\n"
    "  {\"id\": \"o2\", \"employer\": \"e2\", \"job_type\": \"elderly_care\", \"positions\": 1, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}}],\n"
    " \"workers\": [\n"
    "  {\"id\": \"w1\", \"county\": \"yanchang\", \"wants\": [\"logistics\", \"elderly_care\"], \"registered\": \"2023-01-01\"},\n"
    "  {\"id\": \"w2\", \"county\": \"yanchang\", \"flags\": [\"at_risk\"], \"wants\": [\"logistics\"], \"registered\": \"2023-02-01\"}]}\n";
  g_autoptr(CollabMatch) match = match_document (body, NULL, "2023-03-01");
  CollabTable *table = collab_match_get_table (match);
  static const char * const columns[] = { "worker", "offer", "employer", "job_type", "rank", "priority" };
  g_autoptr(JsonNode) json = collab_match_to_json (match);
  JsonObject *object = json_node_get_object (json);
  g_autofree char *rows = rows_of (match);
  CollabDay day;

  /* The greedy choice (w1, registered first, to its first choice) would
   * leave the priority worker out. */
  g_assert_cmpstr (rows, ==, "w2>o1 w1>o2");
  g_assert_cmpuint (collab_match_get_placed (match), ==, 2);
  g_assert_cmpuint (collab_match_get_priority_placed (match), ==, 1);
  g_assert_cmpuint (collab_match_get_rank_sum (match), ==, 3);
  g_assert_null (collab_match_get_program (match));
  g_assert_true (collab_day_parse ("2023-03-01", &day, NULL));
  g_assert_cmpuint (collab_match_get_as_of (match), ==, day);

  g_assert_cmpuint (collab_table_get_n_columns (table), ==, G_N_ELEMENTS (columns));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_assert_cmpstr (collab_table_get_column_name (table, c), ==, columns[c]);
  g_assert_cmpint (collab_table_get_column_type (table, 4), ==, COLLAB_COLUMN_TYPE_INT);
  g_assert_cmpint (collab_table_get_column_type (table, 5), ==, COLLAB_COLUMN_TYPE_BOOL);
  g_assert_cmpstr (collab_table_get_string (table, 1, 2), ==, "e2");
  g_assert_cmpstr (collab_table_get_string (table, 1, 3), ==, "elderly_care");
  g_assert_cmpint (collab_table_get_int (table, 1, 4), ==, 2);
  g_assert_false (collab_table_get_int (table, 1, 5));

  g_assert_cmpint (json_object_get_int_member (object, "placed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "priority_placed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "rank_sum"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "rows")), ==, 2);
}

static void
test_as_of (void)
{
  static const char body[] =
    " \"job_offers\": [\n"
    "  {\"id\": \"o1\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 3, \"open\": {\"first\": \"2023-03-01\", \"last\": \"2023-03-31\"}}],\n"
    " \"workers\": [\n"
    "  {\"id\": \"a\", \"county\": \"yanchang\", \"registered\": \"2023-03-01\"},\n"
    "  {\"id\": \"b\", \"county\": \"yanchang\", \"registered\": \"2023-03-02\"},\n"
    "  {\"id\": \"c\", \"county\": \"yanchang\", \"registered\": \"2023-01-01\"},\n"
    "  {\"id\": \"d\", \"county\": \"yanchang\", \"registered\": \"2023-01-01\"},\n"
    "  {\"id\": \"e\", \"county\": \"yanchang\", \"registered\": \"2023-01-01\"}],\n"
    " \"placements\": [\n"
    "  {\"id\": \"p1\", \"worker\": \"c\", \"employer\": \"e2\", \"kind\": \"local\", \"start\": \"2023-01-10\", \"end\": \"2023-02-28\"},\n"
    "  {\"id\": \"p2\", \"worker\": \"d\", \"employer\": \"e2\", \"kind\": \"local\", \"start\": \"2023-01-10\", \"end\": \"2023-03-01\"},\n"
    "  {\"id\": \"p3\", \"worker\": \"e\", \"employer\": \"e2\", \"kind\": \"local\", \"start\": \"2023-03-02\"}]}\n";

  /* Registered on the day: waiting. A placement that ended the day
   * before: waiting; one that ends on the day, or starts the day after:
   * not (p3 starts later, so e still waits on the first). */
  assert_rows (body, NULL, "2023-03-01", "c>o1 e>o1 a>o1");
  /* On the 2nd: b has registered, d's placement is over, e's has begun. */
  assert_rows (body, NULL, "2023-03-02", "c>o1 d>o1 a>o1");
  /* The offer opens on the 1st and closes on the 31st, both included. */
  assert_rows (body, NULL, "2023-02-28", "");
  assert_rows (body, NULL, "2023-03-31", "c>o1 d>o1 a>o1");
  assert_rows (body, NULL, "2023-04-01", "");
}

static void
test_free_positions (void)
{
  static const char body[] =
    " \"job_offers\": [\n"
    "  {\"id\": \"o1\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 2, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}},\n"
    "  {\"id\": \"o2\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 1, \"open\": {\"first\": \"2023-02-01\", \"last\": \"2023-12-31\"}},\n"
    "  {\"id\": \"o3\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 1, \"open\": {\"first\": \"2022-12-01\", \"last\": \"2023-12-31\"}}],\n"
    " \"workers\": [\n"
    "  {\"id\": \"a\", \"county\": \"yanchang\", \"registered\": \"2022-01-01\"},\n"
    "  {\"id\": \"b\", \"county\": \"yanchang\", \"registered\": \"2022-01-01\"},\n"
    "  {\"id\": \"c\", \"county\": \"yanchang\", \"registered\": \"2022-01-02\"},\n"
    "  {\"id\": \"d\", \"county\": \"yanchang\", \"registered\": \"2022-01-03\"},\n"
    "  {\"id\": \"e\", \"county\": \"yanchang\", \"registered\": \"2022-01-04\"}],\n"
    " \"placements\": [\n"
    "  {\"id\": \"p1\", \"worker\": \"e\", \"employer\": \"e1\", \"offer\": \"o3\", \"kind\": \"transfer\", \"start\": \"2022-12-01\", \"end\": \"2022-12-31\"},\n"
    "  {\"id\": \"p2\", \"worker\": \"e\", \"employer\": \"e1\", \"offer\": \"o3\", \"kind\": \"transfer\", \"start\": \"2023-01-01\", \"end\": \"2023-01-31\"},\n"
    "  {\"id\": \"p3\", \"worker\": \"e\", \"employer\": \"e1\", \"offer\": \"o1\", \"kind\": \"transfer\", \"start\": \"2024-01-01\"}]}\n";

  /* o3 is over-filled by ended placements (nothing free, not below), o1
   * has one position left after a placement still to come; the offers
   * fill in order of opening, the workers in order of registration and
   * id. */
  assert_rows (body, NULL, "2023-03-01", "a>o1 b>o2");
}

static void
test_program (void)
{
  static const char body[] =
    " \"job_offers\": [\n"
    "  {\"id\": \"o1\", \"employer\": \"e1\", \"job_type\": \"logistics\", \"positions\": 5, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}, \"program\": \"wuxi-yanan\"},\n"
    "  {\"id\": \"o2\", \"employer\": \"e1\", \"job_type\": \"catering\", \"positions\": 5, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}, \"program\": \"other\"},\n"
    "  {\"id\": \"o3\", \"employer\": \"e1\", \"job_type\": \"construction\", \"positions\": 5, \"open\": {\"first\": \"2023-01-01\", \"last\": \"2023-12-31\"}}],\n"
    " \"workers\": [\n"
    "  {\"id\": \"city\", \"county\": \"yanan\", \"wants\": [\"catering\", \"construction\"], \"registered\": \"2022-01-01\"},\n"
    "  {\"id\": \"county\", \"county\": \"yanchang\", \"wants\": [\"catering\", \"logistics\"], \"registered\": \"2022-01-01\"},\n"
    "  {\"id\": \"far\", \"county\": \"pingan\", \"wants\": [\"logistics\", \"construction\"], \"registered\": \"2022-01-01\"}]}\n";
  g_autofree char *document = g_strconcat (head, body, NULL);
  g_autoptr(CollabDataset) dataset = collab_test_load_data (document);
  g_autoptr(CollabMatch) match = NULL;
  g_autoptr(GError) error = NULL;

  /* Every worker and offer: each to their first choice. */
  assert_rows (body, NULL, "2023-03-01", "far>o1 city>o2 county>o2");
  /* wuxi-yanan assists the city yanan: a worker of the city itself and
   * one of a county in it; its own offer and the one of no program, not
   * the other program's. */
  assert_rows (body, "wuxi-yanan", "2023-03-01", "county>o1 city>o3");
  /* other lists the county pingan itself. */
  assert_rows (body, "other", "2023-03-01", "far>o3");

  match = collab_dataset_match (dataset, "wuxi-yanan", as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (collab_match_get_program (match), ==, "wuxi-yanan");
  g_clear_object (&match);

  /* An unknown program is an error, as the scorecard's. */
  match = collab_dataset_match (dataset, "nope", as_of, &error);
  g_assert_null (match);
  g_assert_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "\"nope\""));
}

static void
test_deterministic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  const Family family = { 0.5, 1, 3 };
  static const char *const programs[] = { NULL, "p1", "p2" };

  for (int i = 0; i < 200; i++)
    {
      Instance inst;
      g_autofree char *document = NULL;
      g_autofree char *backwards = NULL;
      g_autoptr(CollabDataset) dataset = NULL;
      g_autoptr(CollabDataset) other = NULL;
      g_autoptr(CollabMatch) first = NULL;
      g_autoptr(CollabMatch) second = NULL;
      g_autoptr(CollabMatch) third = NULL;
      g_autofree char *rows1 = NULL, *rows2 = NULL, *rows3 = NULL;

      random_instance (rand, &family, &inst);
      document = instance_document (&inst, FALSE);
      dataset = collab_test_load_data (document);
      first = collab_dataset_match (dataset, programs[inst.program], as_of, NULL);
      second = collab_dataset_match (dataset, programs[inst.program], as_of, NULL);
      rows1 = rows_of (first);
      rows2 = rows_of (second);
      g_assert_cmpstr (rows1, ==, rows2);

      /* The same records listed the other way round: the same rows. */
      backwards = instance_document (&inst, TRUE);
      other = collab_test_load_data (backwards);
      third = collab_dataset_match (other, programs[inst.program], as_of, NULL);
      rows3 = rows_of (third);
      g_assert_cmpstr (rows1, ==, rows3);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  as_of = collab_day_new (2023, 3, 1);

  g_test_add_func ("/collab/match/optimal/priority", test_optimal_priority);
  g_test_add_func ("/collab/match/optimal/placed", test_optimal_placed);
  g_test_add_func ("/collab/match/optimal/ranks", test_optimal_ranks);
  g_test_add_func ("/collab/match/flow/reference", test_flow_reference);
  g_test_add_func ("/collab/match/table", test_table);
  g_test_add_func ("/collab/match/as-of", test_as_of);
  g_test_add_func ("/collab/match/free-positions", test_free_positions);
  g_test_add_func ("/collab/match/program", test_program);
  g_test_add_func ("/collab/match/deterministic", test_deterministic);

  return g_test_run ();
}
