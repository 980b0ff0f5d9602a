/* collab-match-flow.c: the best matching, as a min-cost flow over job types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The network: source → worker class c (capacity: its workers) → job
 * type t (when c wants t, or any type; unbounded) → sink (capacity: the
 * free positions of type t). A unit on the edge c → t costs the tuple
 * (−priority(c), rank(c, t)), compared lexicographically. Every
 * augmenting path places one more worker and never unplaces one (a path
 * from the source never comes back to it), so the best flow is a
 * maximum flow: from any flow, augmenting paths lead to a maximum one
 * without placing fewer priority workers. Among maximum flows, the
 * cheapest places the most priority workers, then has the smallest sum
 * of ranks: that is SPEC §11.3's order.
 *
 * Successive shortest paths find it: augmenting along a cheapest path
 * keeps the flow the cheapest of its value. The theory holds over any
 * ordered abelian group, tuples included, and nothing here ever adds up
 * the cost of a whole flow: only paths and cycles are summed, and a
 * simple path or cycle of this network crosses each of the eight types
 * at most once. Packed into an int64 as
 *
 *   priority · 2^40 + rank · 2^20 + hops
 *
 * (hops, the number of edges, breaks ties towards shorter paths), a sum
 * of at most 10 aggregated edges has |rank| ≤ 10 · 8 and hops ≤ 10, far
 * inside 2^19, and a priority part of magnitude at most 1 (a path
 * carries one source edge), so the packed order is the tuple order and
 * nothing overflows, whatever the number of workers (2^27 per kind at
 * most, see collab-schema-private.h); the figures themselves are counted
 * by the caller, in 64 bits.
 *
 * The residual graph is never built over classes. A path from the source
 * enters a type from a class with workers left, and goes on from type t
 * to type u only through a class with flow on t that also fits u, at
 * cost rank(c, u) − rank(c, t) (the priority cancels). The classes that
 * give the same costs are one bucket: a source bucket (t, priority,
 * rank) holds the workers left that would take t at that rank, a move
 * bucket (t, u, rank at t, rank at u) the flow on t that could move to
 * u; a bucket's capacity is the sum over its classes. The cheapest path
 * is then a Bellman-Ford over ten nodes (source, eight types, sink),
 * each edge the cheapest non-empty bucket between them — the exact
 * shortest path of the residual graph, since a real path is a choice of
 * one class per hop. A path is augmented by the smallest capacity along
 * it, draining each bucket's classes in a fixed order: parallel real
 * paths of the same cost, which keeps the invariant. The residual graph
 * has no negative cycle before (no flow: no cycle at all) and after every
 * augmentation, so Bellman-Ford needs eight rounds, and the hop count in
 * the cost makes every cycle strictly positive, so the predecessors form
 * a simple path.
 *
 * Each path empties a bucket or a type's free positions, and costs a
 * few thousand operations, however many workers and classes there are.
 */

#include <string.h>

#include "collab-match-private.h"

#define N_TYPES COLLAB_MATCH_N_TYPES
#define N_RANKS COLLAB_MATCH_N_TYPES

#define COST_PRIORITY ((gint64) 1 << 40)
#define COST_RANK     ((gint64) 1 << 20)
#define COST_HOP      ((gint64) 1)
#define COST_NONE     G_MAXINT64

typedef struct
{
  guint64  capacity;    /* workers left (source) or flow (move) of its classes */
  GArray  *members;     /* of guint32 class indices */
  guint    next;        /* source buckets: members before it have no workers left */
} Bucket;

typedef struct
{
  const CollabMatchGroup *classes;
  guint32                *flow;        /* [class * N_TYPES + type] */
  guint32                *remaining;   /* per class: workers not placed yet */
  guint64                 free[N_TYPES];
  Bucket                  source[N_TYPES][2][N_RANKS];
  Bucket                  move[N_TYPES][N_TYPES][N_RANKS][N_RANKS];
} Solver;

/* The cheapest edge between two nodes, and the bucket that gives it. */
typedef struct
{
  gint64 cost;
  guint8 a, b;           /* source: priority, rank − 1; move: ranks − 1 at t and u */
} Edge;

static void
bucket_add (Bucket *bucket,
            guint32 c)
{
  if (bucket->members == NULL)
    bucket->members = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (bucket->members, c);
}

/* Moves @delta workers of class @c onto (or, negative, off) type @t,
 * keeping the move buckets of t in step. */
static void
add_flow (Solver *s,
          guint32 c,
          guint   t,
          gint64  delta)
{
  const CollabMatchGroup *k = &s->classes[c];
  guint32 *flow = &s->flow[(gsize) c * N_TYPES + t];

  for (guint u = 0; u < N_TYPES; u++)
    if (u != t && k->rank[u] != COLLAB_MATCH_NO_RANK)
      {
        Bucket *bucket = &s->move[t][u][k->rank[t] - 1][k->rank[u] - 1];

        bucket->capacity += delta;
        /* A class enters when its flow on t becomes positive; one whose
         * flow ran out stays listed and is passed over (drain_move). */
        if (*flow == 0 && delta > 0)
          bucket_add (bucket, c);
      }
  *flow += delta;
}

/* Places @x more workers on type @t from the source bucket (@t, @priority,
 * @rank), taking its classes in order. */
static void
drain_source (Solver *s,
              guint   t,
              guint   priority,
              guint   rank,
              guint64 x)
{
  Bucket *bucket = &s->source[t][priority][rank];

  while (x > 0)
    {
      guint32 c;
      const CollabMatchGroup *k;
      guint32 y;

      /* The capacity is the sum over the members: they cannot run out
       * before @x is placed. */
      g_assert (bucket->next < bucket->members->len);
      c = g_array_index (bucket->members, guint32, bucket->next);
      k = &s->classes[c];
      y = (guint32) MIN (x, (guint64) s->remaining[c]);

      if (y == 0)
        {
          bucket->next++;
          continue;
        }
      s->remaining[c] -= y;
      for (guint u = 0; u < N_TYPES; u++)
        if (k->rank[u] != COLLAB_MATCH_NO_RANK)
          s->source[u][k->priority][k->rank[u] - 1].capacity -= y;
      add_flow (s, c, t, y);
      x -= y;
    }
}

/* Moves @x workers from type @t to type @u, out of the move bucket given
 * by @edge, the classes last listed first. */
static void
drain_move (Solver     *s,
            guint       t,
            guint       u,
            const Edge *edge,
            guint64     x)
{
  Bucket *bucket = &s->move[t][u][edge->a][edge->b];

  while (x > 0)
    {
      guint32 c, y;

      g_assert (bucket->members->len > 0);
      c = g_array_index (bucket->members, guint32, bucket->members->len - 1);
      y = (guint32) MIN (x, (guint64) s->flow[(gsize) c * N_TYPES + t]);

      if (y > 0)
        {
          add_flow (s, c, t, -(gint64) y);
          add_flow (s, c, u, y);
          x -= y;
        }
      if (s->flow[(gsize) c * N_TYPES + t] == 0)
        g_array_set_size (bucket->members, bucket->members->len - 1);
    }
}

/* The source edge into @t: priority first, then the best rank. */
static Edge
source_edge (const Solver *s,
             guint         t)
{
  for (int priority = 1; priority >= 0; priority--)
    for (guint r = 0; r < N_RANKS; r++)
      if (s->source[t][priority][r].capacity > 0)
        return (Edge) { -priority * COST_PRIORITY + (gint64) (r + 1) * COST_RANK + COST_HOP, priority, r };
  return (Edge) { COST_NONE, 0, 0 };
}

static Edge
move_edge (const Solver *s,
           guint         t,
           guint         u)
{
  Edge best = { COST_NONE, 0, 0 };

  for (guint a = 0; a < N_RANKS; a++)
    for (guint b = 0; b < N_RANKS; b++)
      {
        gint64 cost = ((gint64) b - (gint64) a) * COST_RANK + COST_HOP;

        if (s->move[t][u][a][b].capacity > 0 && cost < best.cost)
          best = (Edge) { cost, a, b };
      }
  return best;
}

/* One cheapest augmenting path, as the types it visits (@path, returns
 * how many; 0 when the sink cannot be reached), with its edges. */
static guint
shortest_path (const Solver *s,
               Edge         *enter,
               Edge          moves[N_TYPES][N_TYPES],
               guint        *path)
{
  gint64 dist[N_TYPES];
  int pred[N_TYPES];
  int last = -1;
  gint64 best = COST_NONE;
  guint n = 0;

  for (guint t = 0; t < N_TYPES; t++)
    {
      enter[t] = source_edge (s, t);
      dist[t] = enter[t].cost;
      pred[t] = -1;
      for (guint u = 0; u < N_TYPES; u++)
        moves[t][u] = u != t ? move_edge (s, t, u) : (Edge) { COST_NONE, 0, 0 };
    }

  for (guint round = 0; round < N_TYPES; round++)
    {
      gboolean changed = FALSE;

      for (guint t = 0; t < N_TYPES; t++)
        for (guint u = 0; u < N_TYPES && dist[t] != COST_NONE; u++)
          if (moves[t][u].cost != COST_NONE && dist[t] + moves[t][u].cost < dist[u])
            {
              dist[u] = dist[t] + moves[t][u].cost;
              pred[u] = t;
              changed = TRUE;
            }
      if (!changed)
        break;
    }

  for (guint t = 0; t < N_TYPES; t++)
    if (s->free[t] > 0 && dist[t] < best)
      {
        best = dist[t];
        last = t;
      }

  for (int t = last; t >= 0; t = pred[t])
    {
      g_assert (n < N_TYPES);
      path[n++] = t;
    }
  /* From the source to the sink. */
  for (guint i = 0; i < n / 2; i++)
    {
      guint swap = path[i];
      path[i] = path[n - 1 - i];
      path[n - 1 - i] = swap;
    }
  return n;
}

guint
collab_match_flow_solve (const CollabMatchGroup *classes,
                         guint                   n_classes,
                         const guint64          *capacity,
                         guint32                *flow)
{
  g_autofree Solver *s = g_new0 (Solver, 1);
  g_autofree guint32 *remaining = g_new (guint32, MAX (n_classes, 1));
  guint n_paths = 0;

  s->classes = classes;
  s->flow = flow;
  s->remaining = remaining;
  memcpy (s->free, capacity, sizeof s->free);
  memset (flow, 0, sizeof (guint32) * N_TYPES * n_classes);

  for (guint32 c = 0; c < n_classes; c++)
    {
      remaining[c] = classes[c].count;
      for (guint t = 0; t < N_TYPES; t++)
        if (classes[c].rank[t] != COLLAB_MATCH_NO_RANK && classes[c].count > 0)
          {
            Bucket *bucket = &s->source[t][classes[c].priority][classes[c].rank[t] - 1];

            bucket->capacity += classes[c].count;
            bucket_add (bucket, c);
          }
    }

  for (;;)
    {
      Edge enter[N_TYPES], moves[N_TYPES][N_TYPES];
      guint path[N_TYPES];
      guint n = shortest_path (s, enter, moves, path);
      guint64 x;

      if (n == 0)
        break;

      /* The bottleneck: the sink's free positions, the source bucket and
       * every move bucket along the path. */
      x = MIN (s->free[path[n - 1]], s->source[path[0]][enter[path[0]].a][enter[path[0]].b].capacity);
      for (guint i = 0; i + 1 < n; i++)
        x = MIN (x, s->move[path[i]][path[i + 1]][moves[path[i]][path[i + 1]].a]
                                                [moves[path[i]][path[i + 1]].b].capacity);

      /* Back from the sink, so that each hop drains only flow that was
       * there before this path. */
      for (guint i = n - 1; i > 0; i--)
        drain_move (s, path[i - 1], path[i], &moves[path[i - 1]][path[i]], x);
      drain_source (s, path[0], enter[path[0]].a, enter[path[0]].b, x);
      s->free[path[n - 1]] -= x;
      n_paths++;
    }

  for (guint t = 0; t < N_TYPES; t++)
    for (guint p = 0; p < 2; p++)
      for (guint r = 0; r < N_RANKS; r++)
        if (s->source[t][p][r].members != NULL)
          g_array_free (s->source[t][p][r].members, TRUE);
  for (guint t = 0; t < N_TYPES; t++)
    for (guint u = 0; u < N_TYPES; u++)
      for (guint a = 0; a < N_RANKS; a++)
        for (guint b = 0; b < N_RANKS; b++)
          if (s->move[t][u][a][b].members != NULL)
            g_array_free (s->move[t][u][a][b].members, TRUE);
  return n_paths;
}
