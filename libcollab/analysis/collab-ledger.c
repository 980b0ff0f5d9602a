/* collab-ledger.c: the money engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See collab-ledger-private.h for what a ledger holds. Building one is a
 * pass over the records into columns, a counting sort of the movements by
 * date and one replay, linear in the number of transactions: a million
 * take about a quarter of a second and 70 bytes each (doc/funds.md).
 *
 * On one date, a node's incoming money is counted before its outgoing
 * money (SPEC §4). For balances that only needs the day; for tracing it
 * also needs the order: a county that receives money and passes it on the
 * same day passes on *that* money. So the movements of a day are replayed
 * in dependency order — a movement out of a node waits until every
 * movement into that node on the same day has been replayed — and in the
 * order of the dataset otherwise. Movements that wait on each other in a
 * circle (A pays B and B pays A on one day) are replayed in dataset order;
 * their balances are still right, their attribution may be partly unknown.
 */

#include <string.h>

#include "types/collab-money-private.h"
#include "collab-ledger-impl-private.h"


#define NONE32 G_MAXUINT32

/* The first-in-first-out cursor of a node during the replay. */
typedef struct
{
  guint32 lot;        /* index into the node's credits replayed so far */
  guint32 share;      /* index into that credit's shares */
  gint64  used;       /* of that share */
  /* Money paid out before it came in, to be filled: a node may pay out
   * more than a gint64 holds before any comes in. */
  CollabMoneyTotal hole;
} Cursor;

typedef struct
{
  CollabLedger  *ledger;
  Cursor        *cursors;
  guint32       *credit_fill;
  guint32       *debit_fill;
  guint8        *done;
  GArray        *pieces;           /* of CollabLedgerShare, scratch */
} Replay;

static void
find_regions (CollabLedger *self)
{
  const CollabStore *store = self->store;

  self->node_region = g_new0 (CollabRef, self->n_nodes);
  self->node_source = g_new0 (guint8, self->n_nodes);

  for (guint i = 0; i < self->n_accounts; i++)
    {
      const CollabAccountRec *account = collab_store_get (store, COLLAB_RECORD_KIND_ACCOUNT, i);
      CollabRef holder = account->holder;

      if (holder != COLLAB_REF_NONE && COLLAB_REF_KIND (holder) == COLLAB_RECORD_KIND_ORGANIZATION)
        holder = ((const CollabOrganizationRec *) collab_store_deref (store, holder))->region;
      self->node_region[i] = holder;
      self->node_source[i] = account->source ? 1 : 0;
    }

  for (guint j = 0; j < self->n_nodes - self->n_accounts; j++)
    {
      const CollabProjectRec *project = collab_store_get (store, COLLAB_RECORD_KIND_PROJECT, j);

      self->node_region[self->n_accounts + j] = project->county;
    }
}

/* The columns of every transaction, in one pass over the records. Years
 * are looked up per day over the days the dataset spans: a few thousand
 * conversions, where a million transactions share them. */
static void
index_transactions (CollabLedger *self)
{
  gsize n = MAX (self->n_transactions, 1);
  CollabDay first = G_MAXUINT32, last = 0;
  g_autofree gint16 *by_day = NULL;

  self->tx_from = g_new (guint32, n);
  self->tx_to = g_new (guint32, n);
  self->tx_date = g_new (CollabDay, n);
  self->tx_amount = g_new (gint64, n);
  self->years = g_new (gint16, n);
  self->tx_type = g_new (guint8, n);
  self->tx_program = g_new (CollabRef, n);
  self->tx_parent = g_new (guint32, n);

  for (guint i = 0; i < self->n_transactions; i++)
    {
      const CollabTransactionRec *t = transaction_at (self, i);

      self->tx_from[i] = node_of_ref (self, t->from);
      self->tx_to[i] = node_of_ref (self, t->to);
      self->tx_date[i] = t->date;
      self->tx_amount[i] = t->amount;
      self->tx_type[i] = t->type;
      self->tx_program[i] = t->program;
      self->tx_parent[i] = t->parent != COLLAB_REF_NONE ? COLLAB_REF_INDEX (t->parent) + 1 : 0;
      self->years[i] = (gint16) t->budget_year;
      first = MIN (first, t->date);
      last = MAX (last, t->date);
    }

  if (self->n_transactions > 0)
    {
      by_day = g_new (gint16, last - first + 1);
      for (CollabDay d = first; d <= last; d++)
        by_day[d - first] = (gint16) collab_day_get_year (d);
      for (guint i = 0; i < self->n_transactions; i++)
        if (self->years[i] == 0)
          self->years[i] = by_day[self->tx_date[i] - first];
    }

  self->columns.from = self->tx_from;
  self->columns.to = self->tx_to;
  self->columns.date = self->tx_date;
  self->columns.amount = self->tx_amount;
  self->columns.year = self->years;
  self->columns.type = self->tx_type;
}

/* The next share of money @node holds, or NULL when it holds none. */
static CollabLedgerShare *
cursor_peek (Replay *r,
             guint   node,
             gint64 *available)
{
  CollabLedger *self = r->ledger;
  Cursor *c = &r->cursors[node];

  while (c->lot < r->credit_fill[node])
    {
      guint32 lot = self->credits[self->credit_start[node] + c->lot];

      if (c->share < self->share_range[lot].count)
        {
          CollabLedgerShare *share = &g_array_index (self->shares, CollabLedgerShare,
                                                     self->share_range[lot].start + c->share);

          if (share->amount > c->used)
            {
              *available = share->amount - c->used;
              return share;
            }
          c->share++;
          c->used = 0;
          continue;
        }
      c->lot++;
      c->share = 0;
      c->used = 0;
    }
  return NULL;
}

/* The pieces of one movement add up to its amount: their sums fit. */
static void
add_piece (GArray    *pieces,
           CollabRef  program,
           gint64     amount)
{
  CollabLedgerShare piece = { program, amount };

  for (guint i = 0; i < pieces->len; i++)
    if (g_array_index (pieces, CollabLedgerShare, i).program == program)
      {
        g_array_index (pieces, CollabLedgerShare, i).amount += amount;
        return;
      }
  g_array_append_val (pieces, piece);
}

/* Takes @amount out of @node first in, first out, into r->pieces. */
static void
consume (Replay    *r,
         guint      node,
         gint64     amount,
         CollabRef  fallback)
{
  static const CollabMoneyTotal nothing = { 0, 0 };
  Cursor *c = &r->cursors[node];
  CollabLedgerShare *share;
  gint64 available;

  /* Money that came in after it had already been paid out is gone. */
  while (!collab_money_total_is_zero (&c->hole) && (share = cursor_peek (r, node, &available)) != NULL)
    {
      gint64 take = collab_money_total_excess (&c->hole, &nothing, available);

      c->used += take;
      collab_money_total_sub (&c->hole, take);
    }

  while (amount > 0 && (share = cursor_peek (r, node, &available)) != NULL)
    {
      gint64 take = MIN (amount, available);

      add_piece (r->pieces, share->program != COLLAB_REF_NONE ? share->program : fallback, take);
      c->used += take;
      amount -= take;
    }

  if (amount > 0)
    {
      add_piece (r->pieces, fallback, amount);
      if (!r->ledger->node_source[node])
        collab_money_total_add (&c->hole, amount);
    }
}

/* The single program of a replayed transaction, or COLLAB_REF_NONE. */
static CollabRef
single_program (Replay *r,
                guint   index)
{
  CollabLedger *self = r->ledger;

  if (!r->done[index] || self->share_range[index].count != 1)
    return COLLAB_REF_NONE;
  return g_array_index (self->shares, CollabLedgerShare, self->share_range[index].start).program;
}

static CollabRef
project_program (CollabLedger *self,
                 guint         node)
{
  const CollabProjectRec *project;

  if (node == COLLAB_LEDGER_NO_NODE || node < self->n_accounts)
    return COLLAB_REF_NONE;
  project = collab_store_get (self->store, COLLAB_RECORD_KIND_PROJECT, node - self->n_accounts);
  return project->program;
}

static void
replay_one (Replay *r,
            guint   index,
            guint   from,
            guint   to)
{
  CollabLedger *self = r->ledger;
  gint64 amount = self->tx_amount[index];
  CollabRef program = self->tx_program[index];
  guint32 parent = self->tx_parent[index];
  CollabRef fallback;

  /* A parent passes on its program: the one it names (an allocation
   * names one), else the one its money came from. */
  if (program == COLLAB_REF_NONE && parent != 0)
    program = self->tx_program[parent - 1] != COLLAB_REF_NONE ? self->tx_program[parent - 1]
                                                              : single_program (r, parent - 1);

  fallback = project_program (self, to);
  if (fallback == COLLAB_REF_NONE)
    fallback = project_program (self, from);

  g_array_set_size (r->pieces, 0);
  if (from != COLLAB_LEDGER_NO_NODE)
    {
      consume (r, from, amount, fallback);
      self->debits[self->debit_start[from] + r->debit_fill[from]++] = index;
    }

  self->share_range[index].start = self->shares->len;
  if (program != COLLAB_REF_NONE || r->pieces->len == 0)
    {
      CollabLedgerShare share = { program != COLLAB_REF_NONE ? program : fallback, amount };

      if (amount > 0)
        g_array_append_val (self->shares, share);
    }
  else
    g_array_append_vals (self->shares, r->pieces->data, r->pieces->len);
  self->share_range[index].count = self->shares->len - self->share_range[index].start;

  if (to != COLLAB_LEDGER_NO_NODE)
    self->credits[self->credit_start[to] + r->credit_fill[to]++] = index;

  r->done[index] = 1;
  self->moves[self->n_moves++] = index;
}

/* Replays the movements of one day, @day[0..n), in dependency order (see
 * the top of the file). */
static void
replay_day (Replay        *r,
            const guint32 *day,
            guint          n,
            guint32       *pending,
            guint32       *wait_head,
            guint32       *wait_tail,
            guint32       *next,
            guint32       *queue,
            guint32       *day_from,
            guint32       *day_to)
{
  CollabLedger *self = r->ledger;
  guint head = 0, tail = 0, forced = 0;

  /* The day's ends, read once. */
  for (guint i = 0; i < n; i++)
    {
      day_from[i] = self->tx_from[day[i]];
      day_to[i] = self->tx_to[day[i]];
      if (day_to[i] != COLLAB_LEDGER_NO_NODE)
        pending[day_to[i]]++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint from = day_from[i];

      next[i] = NONE32;
      if (from == COLLAB_LEDGER_NO_NODE || pending[from] == 0)
        queue[tail++] = i;
      else if (wait_head[from] == NONE32)
        wait_head[from] = wait_tail[from] = i;
      else
        {
          next[wait_tail[from]] = i;
          wait_tail[from] = i;
        }
    }

  while (head < n)
    {
      if (head == tail)
        {
          /* A circle: release the first waiting node in dataset order. */
          guint from;

          while (r->done[day[forced]])
            forced++;
          from = day_from[forced];
          pending[from] = 0;
          for (guint32 w = wait_head[from]; w != NONE32; w = next[w])
            queue[tail++] = w;
          wait_head[from] = NONE32;
        }

      {
        guint i = queue[head++];
        guint to = day_to[i];

        replay_one (r, day[i], day_from[i], to);
        if (to != COLLAB_LEDGER_NO_NODE && pending[to] > 0 && --pending[to] == 0)
          {
            for (guint32 w = wait_head[to]; w != NONE32; w = next[w])
              queue[tail++] = w;
            wait_head[to] = NONE32;
          }
      }
    }

  /* Leave the per-node scratch as it was found. */
  for (guint i = 0; i < n; i++)
    {
      guint to = day_to[i];
      guint from = day_from[i];

      if (to != COLLAB_LEDGER_NO_NODE)
        {
          pending[to] = 0;
          wait_head[to] = NONE32;
        }
      if (from != COLLAB_LEDGER_NO_NODE)
        wait_head[from] = NONE32;
    }
}

static void
replay (CollabLedger *self)
{
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *bucket = NULL;
  g_autofree guint32 *pending = NULL;
  g_autofree guint32 *wait_head = NULL;
  g_autofree guint32 *wait_tail = NULL;
  g_autofree guint32 *next = NULL;
  g_autofree guint32 *queue = NULL;
  g_autofree guint32 *day_from = NULL;
  g_autofree guint32 *day_to = NULL;
  g_autofree Cursor *cursors = NULL;
  g_autofree guint32 *credit_fill = NULL;
  g_autofree guint32 *debit_fill = NULL;
  g_autofree guint8 *done = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (CollabLedgerShare));
  CollabDay first = G_MAXUINT32, last = 0;
  guint n_moves = 0, longest_day = 0;
  Replay r;

  /* Count the movements, the credits and debits of each node, and the
   * span of days. */
  self->credit_start = g_new0 (guint32, self->n_nodes + 1);
  self->debit_start = g_new0 (guint32, self->n_nodes + 1);
  for (guint i = 0; i < self->n_transactions; i++)
    {
      guint from = self->tx_from[i], to = self->tx_to[i];

      if (!is_move_type (self->tx_type[i]))
        continue;
      n_moves++;
      first = MIN (first, self->tx_date[i]);
      last = MAX (last, self->tx_date[i]);
      if (from != COLLAB_LEDGER_NO_NODE)
        self->debit_start[from + 1]++;
      if (to != COLLAB_LEDGER_NO_NODE)
        self->credit_start[to + 1]++;
    }
  for (guint v = 0; v < self->n_nodes; v++)
    {
      self->credit_start[v + 1] += self->credit_start[v];
      self->debit_start[v + 1] += self->debit_start[v];
    }

  self->credits = g_new (guint32, MAX (self->credit_start[self->n_nodes], 1));
  self->debits = g_new (guint32, MAX (self->debit_start[self->n_nodes], 1));
  self->moves = g_new (guint32, MAX (n_moves, 1));
  self->share_range = g_new0 (ShareRange, MAX (self->n_transactions, 1));
  self->shares = g_array_sized_new (FALSE, FALSE, sizeof (CollabLedgerShare), n_moves + n_moves / 8);
  if (n_moves == 0)
    return;

  /* A stable counting sort by day. */
  bucket = g_new0 (guint32, (gsize) (last - first) + 2);
  order = g_new (guint32, n_moves);
  for (guint i = 0; i < self->n_transactions; i++)
    {
      if (is_move_type (self->tx_type[i]))
        bucket[self->tx_date[i] - first + 1]++;
    }
  for (CollabDay d = 0; d <= last - first; d++)
    {
      longest_day = MAX (longest_day, bucket[d + 1]);
      bucket[d + 1] += bucket[d];
    }
  for (guint i = 0; i < self->n_transactions; i++)
    {
      if (is_move_type (self->tx_type[i]))
        order[bucket[self->tx_date[i] - first]++] = i;
    }

  pending = g_new0 (guint32, self->n_nodes);
  wait_head = g_new (guint32, self->n_nodes);
  wait_tail = g_new (guint32, self->n_nodes);
  memset (wait_head, 0xff, sizeof (guint32) * self->n_nodes);
  next = g_new (guint32, longest_day);
  queue = g_new (guint32, longest_day);
  day_from = g_new (guint32, longest_day);
  day_to = g_new (guint32, longest_day);
  cursors = g_new0 (Cursor, self->n_nodes);
  credit_fill = g_new0 (guint32, self->n_nodes);
  debit_fill = g_new0 (guint32, self->n_nodes);
  done = g_new0 (guint8, self->n_transactions);

  r.ledger = self;
  r.cursors = cursors;
  r.credit_fill = credit_fill;
  r.debit_fill = debit_fill;
  r.done = done;
  r.pieces = pieces;

  for (guint start = 0; start < n_moves;)
    {
      CollabDay day = self->tx_date[order[start]];
      guint end = start;

      while (end < n_moves && self->tx_date[order[end]] == day)
        end++;
      replay_day (&r, order + start, end - start, pending, wait_head, wait_tail, next, queue, day_from, day_to);
      start = end;
    }
}

/* Replays the money of @store, which must outlive the ledger and not
 * change while it is in use: collab_ledger_for_store() keeps the ledger
 * with the store. */
CollabLedger *
collab_ledger_new (CollabStore *store)
{
  CollabLedger *self = g_new0 (CollabLedger, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->store = store;
  self->n_accounts = collab_store_count (store, COLLAB_RECORD_KIND_ACCOUNT);
  self->n_nodes = self->n_accounts + collab_store_count (store, COLLAB_RECORD_KIND_PROJECT);
  self->n_transactions = collab_store_count (store, COLLAB_RECORD_KIND_TRANSACTION);
  self->n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);

  find_regions (self);
  index_transactions (self);
  replay (self);
  return self;
}

CollabLedger *
collab_ledger_ref (CollabLedger *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
collab_ledger_unref (CollabLedger *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->node_region);
  g_free (self->node_source);
  g_free (self->credit_start);
  g_free (self->credits);
  g_free (self->debit_start);
  g_free (self->debits);
  g_free (self->moves);
  g_free (self->tx_from);
  g_free (self->tx_to);
  g_free (self->tx_date);
  g_free (self->tx_amount);
  g_free (self->years);
  g_free (self->tx_type);
  g_free (self->tx_program);
  g_free (self->tx_parent);
  g_free (self->share_range);
  if (self->shares != NULL)
    g_array_unref (self->shares);
  g_free (self->allocation_start);
  g_free (self->allocations);
  g_free (self->traced);
  g_free (self->tracing_total);
  g_free (self->tracing_traced);
  g_free (self->untraced_start);
  g_free (self->untraced);
  g_free (self);
}

static gpointer
build_ledger (CollabStore *store)
{
  return collab_ledger_new (store);
}

static void
free_ledger (gpointer data)
{
  collab_ledger_unref (data);
}

static const CollabDerivedKind ledger_kind = { "ledger", build_ledger, free_ledger };

/* The ledger of @store as it is now: built on first use, by one caller
 * while the others wait, and kept until the records change. */
CollabLedger *
collab_ledger_for_store (CollabStore *store)
{
  return collab_ledger_ref (collab_store_get_derived (store, &ledger_kind));
}

CollabStore *
collab_ledger_get_store (CollabLedger *self)
{
  return self->store;
}

guint
collab_ledger_get_n_nodes (CollabLedger *self)
{
  return self->n_nodes;
}

/* The node of an account or a project, COLLAB_LEDGER_NO_NODE for any
 * other reference. */
guint
collab_ledger_node (CollabLedger *self,
                    CollabRef     ref)
{
  return node_of_ref (self, ref);
}

CollabRef
collab_ledger_node_ref (CollabLedger *self,
                        guint         node)
{
  g_return_val_if_fail (node < self->n_nodes, COLLAB_REF_NONE);

  if (node < self->n_accounts)
    return COLLAB_REF (COLLAB_RECORD_KIND_ACCOUNT, node);
  return COLLAB_REF (COLLAB_RECORD_KIND_PROJECT, node - self->n_accounts);
}

gboolean
collab_ledger_node_is_project (CollabLedger *self,
                               guint         node)
{
  return node >= self->n_accounts && node < self->n_nodes;
}

gboolean
collab_ledger_node_is_source (CollabLedger *self,
                              guint         node)
{
  return node < self->n_nodes && self->node_source[node];
}

CollabRef
collab_ledger_node_region (CollabLedger *self,
                           guint         node)
{
  g_return_val_if_fail (node < self->n_nodes, COLLAB_REF_NONE);

  return self->node_region[node];
}

const guint32 *
collab_ledger_get_credits (CollabLedger *self,
                           guint         node,
                           guint        *n)
{
  *n = self->credit_start[node + 1] - self->credit_start[node];
  return self->credits + self->credit_start[node];
}

const guint32 *
collab_ledger_get_debits (CollabLedger *self,
                          guint         node,
                          guint        *n)
{
  *n = self->debit_start[node + 1] - self->debit_start[node];
  return self->debits + self->debit_start[node];
}

const guint32 *
collab_ledger_get_moves (CollabLedger *self,
                         guint        *n)
{
  *n = self->n_moves;
  return self->moves;
}

const CollabLedgerColumns *
collab_ledger_get_columns (CollabLedger *self)
{
  return &self->columns;
}

const CollabTransactionRec *
collab_ledger_get_transaction (CollabLedger *self,
                               guint         index)
{
  return transaction_at (self, index);
}

int
collab_ledger_get_year (CollabLedger *self,
                        guint         index)
{
  return self->years[index];
}

const CollabLedgerShare *
collab_ledger_get_shares (CollabLedger *self,
                          guint         index,
                          guint        *n)
{
  *n = self->share_range[index].count;
  return &g_array_index (self->shares, CollabLedgerShare, self->share_range[index].start);
}

gint64
collab_ledger_get_share_of (CollabLedger *self,
                            guint         index,
                            CollabRef     program)
{
  const CollabLedgerShare *shares = &g_array_index (self->shares, CollabLedgerShare, self->share_range[index].start);

  for (guint i = 0; i < self->share_range[index].count; i++)
    if (shares[i].program == program)
      return shares[i].amount;
  return 0;
}
