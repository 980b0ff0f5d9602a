/* test-ledger.c: the ledger (analysis/collab-ledger.c, collab-ledger-query.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The one replay of a dataset's money that the fund rules, the boundary
 * totals, the trace and the scorecard read, through its private API:
 * how nodes are numbered, in which order the movements are replayed and
 * credit and debit each node, which program's money each movement
 * carries (by its program, by its parent, else first in first out), the
 * first day a node passes on more than it received, the allocations that
 * count for each program, and tracing by parents. On the money chain of
 * tests/data/funds.json, with the transactions of funds-chain.json,
 * funds-mixed.json or a few of a test's own.
 */

#include <string.h>

#include <libcollab/collab.h>

#include "analysis/collab-ledger-private.h"
#include "model/collab-dataset-private.h"
#include "collab-test-util.h"

#define WAN COLLAB_TEST_WAN

/* funds.json numbers its accounts and projects in this order: nodes
 * 0–4 and 5–6. */
enum { ACC_JS, ACC_SN, ACC_YANAN, ACC_YANCHUAN, ACC_HAIDONG, PRJ_APPLE, PRJ_ROAD, N_NODES };

/* Its programs, in document order. */
#define PROGRAM_P     COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, 0)
#define PROGRAM_OTHER COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, 1)
#define PROGRAM_Q     COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, 2)

/* The index of the record @id of @kind. */
static guint
index_of (CollabLedger     *ledger,
          CollabRecordKind  kind,
          const char       *id)
{
  guint index = G_MAXUINT;

  if (!collab_store_lookup (collab_ledger_get_store (ledger), kind, id, &index))
    g_error ("no record %s", id);
  return index;
}

static guint
tx (CollabLedger *ledger,
    const char   *id)
{
  return index_of (ledger, COLLAB_RECORD_KIND_TRANSACTION, id);
}

static CollabRef
region (CollabLedger *ledger,
        const char   *id)
{
  return COLLAB_REF (COLLAB_RECORD_KIND_REGION, index_of (ledger, COLLAB_RECORD_KIND_REGION, id));
}

/* The transactions @list[0..n) are those named by the NULL-terminated
 * ids that follow, in that order. */
static void
assert_transactions (CollabLedger  *ledger,
                     const guint32 *list,
                     guint          n,
                     ...)
{
  const char *id;
  va_list args;
  guint i = 0;

  va_start (args, n);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (i, <, n);
      g_assert_cmpuint (list[i], ==, tx (ledger, id));
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, n);
}

/* The shares of movement @id are @n (program, amount) pairs. */
static void
assert_shares (CollabLedger *ledger,
               const char   *id,
               guint         n,
               ...)
{
  guint count;
  const CollabLedgerShare *shares = collab_ledger_get_shares (ledger, tx (ledger, id), &count);
  va_list args;

  g_test_message ("shares of %s", id);
  g_assert_cmpuint (count, ==, n);
  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      CollabRef program = va_arg (args, CollabRef);
      gint64 amount = va_arg (args, gint64);

      g_assert_cmpuint (shares[i].program, ==, program);
      g_assert_cmpint (shares[i].amount, ==, amount);
    }
  va_end (args);
}

/* A ledger of @dataset, built afresh (not the store's). */
static CollabLedger *
new_ledger (CollabDataset *dataset)
{
  return collab_ledger_new (collab_dataset_get_store (dataset));
}

/* The two money fixtures most tests read, each with a ledger of its own. */
typedef struct
{
  CollabDataset *chain;         /* funds-chain.json */
  CollabDataset *mixed;         /* funds-mixed.json */
  CollabLedger  *chain_ledger;
  CollabLedger  *mixed_ledger;
} Money;

static void
money_set_up (Money         *money,
              gconstpointer  data)
{
  money->chain = collab_test_funds_fixture ("funds-chain.json");
  money->mixed = collab_test_funds_fixture ("funds-mixed.json");
  money->chain_ledger = new_ledger (money->chain);
  money->mixed_ledger = new_ledger (money->mixed);
}

static void
money_tear_down (Money         *money,
                 gconstpointer  data)
{
  collab_ledger_unref (money->chain_ledger);
  collab_ledger_unref (money->mixed_ledger);
  g_object_unref (money->chain);
  g_object_unref (money->mixed);
}

/* --- nodes ----------------------------------------------------------- */

/* Accounts first, then projects; a node stands in its account's holder's
 * region (an organization's region) or its project's county. */
static void
test_nodes (Money         *money,
            gconstpointer  data)
{
  CollabLedger *ledger = money->chain_ledger;
  static const char * const regions[] = { "jiangsu", "shaanxi", "yanan", "yanchuan", "haidong", "yanchuan", "yanchuan" };

  g_assert_true (collab_ledger_get_store (ledger) == collab_dataset_get_store (money->chain));
  g_assert_cmpuint (collab_ledger_get_n_nodes (ledger), ==, N_NODES);
  for (guint node = 0; node < N_NODES; node++)
    {
      CollabRef ref = collab_ledger_node_ref (ledger, node);

      g_assert_cmpuint (collab_ledger_node (ledger, ref), ==, node);
      g_assert_cmpint (COLLAB_REF_KIND (ref), ==,
                       node < PRJ_APPLE ? COLLAB_RECORD_KIND_ACCOUNT : COLLAB_RECORD_KIND_PROJECT);
      g_assert_cmpint (collab_ledger_node_is_project (ledger, node), ==, node >= PRJ_APPLE);
      g_assert_cmpint (collab_ledger_node_is_source (ledger, node), ==, node == ACC_JS);
      g_assert_cmpuint (collab_ledger_node_region (ledger, node), ==, region (ledger, regions[node]));
    }
  g_assert_cmpuint (collab_ledger_node_ref (ledger, PRJ_APPLE), ==,
                    COLLAB_REF (COLLAB_RECORD_KIND_PROJECT, index_of (ledger, COLLAB_RECORD_KIND_PROJECT, "prj-apple")));

  /* Anything else is no node. */
  g_assert_cmpuint (collab_ledger_node (ledger, COLLAB_REF_NONE), ==, COLLAB_LEDGER_NO_NODE);
  g_assert_cmpuint (collab_ledger_node (ledger, region (ledger, "yanan")), ==, COLLAB_LEDGER_NO_NODE);
  g_assert_cmpuint (collab_ledger_node (ledger, PROGRAM_P), ==, COLLAB_LEDGER_NO_NODE);
  g_assert_false (collab_ledger_node_is_project (ledger, N_NODES));
  g_assert_false (collab_ledger_node_is_source (ledger, N_NODES));
}

/* Every transaction's ends, day, amount, type and year as columns; the
 * year is the budget year when there is one, else the date's. */
static void
test_columns (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-mixed.json");
  g_autoptr(CollabLedger) ledger = NULL;
  const CollabLedgerColumns *columns;
  guint m3;

  collab_test_merge_members (dataset, "\"transactions\": ["
                             "{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1万\","
                             " \"date\": \"2020-12-20\", \"budget_year\": 2021, \"program\": \"p\"}]");
  ledger = new_ledger (dataset);
  columns = collab_ledger_get_columns (ledger);
  m3 = tx (ledger, "m3");

  g_assert_cmpuint (columns->from[m3], ==, ACC_YANAN);
  g_assert_cmpuint (columns->to[m3], ==, ACC_YANCHUAN);
  g_assert_cmpuint (columns->date[m3], ==, collab_day_new (2021, 6, 1));
  g_assert_cmpint (columns->amount[m3], ==, WAN (300));
  g_assert_cmpuint (columns->type[m3], ==, COLLAB_TRANSACTION_TYPE_TRANSFER);
  g_assert_cmpint (columns->year[m3], ==, 2022);
  g_assert_cmpint (collab_ledger_get_year (ledger, m3), ==, 2022);
  g_assert_cmpint (collab_ledger_get_year (ledger, tx (ledger, "m1")), ==, 2021);
  g_assert_true (collab_ledger_get_transaction (ledger, m3)->amount == WAN (300));

  /* An allocation comes from no node, in December for the next year. */
  g_assert_cmpuint (columns->from[tx (ledger, "a1")], ==, COLLAB_LEDGER_NO_NODE);
  g_assert_cmpuint (columns->to[tx (ledger, "a1")], ==, ACC_YANAN);
  g_assert_cmpuint (columns->type[tx (ledger, "a1")], ==, COLLAB_TRANSACTION_TYPE_ALLOCATION);
  g_assert_cmpint (collab_ledger_get_year (ledger, tx (ledger, "a1")), ==, 2021);
}

/* --- the replay ------------------------------------------------------ */

/* Transfers and expenditures are replayed by date; plans and
 * allocations move no money. On one day a node's money in comes before
 * its money out, whatever the order of the records: m2 (yanchuan →
 * road) is listed before m1 (yan'an → yanchuan) but waits for it. */
static void
test_moves_order (Money         *money,
                  gconstpointer  data)
{
  CollabLedger *chain = money->chain_ledger;
  CollabLedger *mixed = money->mixed_ledger;
  const guint32 *moves;
  guint n;

  moves = collab_ledger_get_moves (chain, &n);
  assert_transactions (chain, moves, n, "t1", "t2", "t3", "t4", "e1", "e2", NULL);

  moves = collab_ledger_get_moves (mixed, &n);
  assert_transactions (mixed, moves, n, "q1", "p1", "m1", "m2", "m3", NULL);
}

/* A chain on one day, listed backwards, is replayed down the chain, and
 * each step passes on the money the step before brought that day. */
static void
test_same_day_chain (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-same-day.json");
  g_autoptr(CollabLedger) ledger = new_ledger (dataset);
  const guint32 *moves;
  guint n;

  moves = collab_ledger_get_moves (ledger, &n);
  assert_transactions (ledger, moves, n, "t1", "t2", "t3", NULL);
  assert_shares (ledger, "t2", 1, PROGRAM_P, WAN (1000));
  assert_shares (ledger, "t3", 1, PROGRAM_P, WAN (1000));
}

/* Each node's credits and debits, in the order of the replay. */
static void
test_credits_debits (Money         *money,
                     gconstpointer  data)
{
  CollabLedger *ledger = money->mixed_ledger;
  const guint32 *list;
  guint n;

  list = collab_ledger_get_credits (ledger, ACC_YANAN, &n);
  assert_transactions (ledger, list, n, "q1", "p1", NULL);
  list = collab_ledger_get_debits (ledger, ACC_YANAN, &n);
  assert_transactions (ledger, list, n, "m1", "m3", NULL);
  list = collab_ledger_get_credits (ledger, ACC_YANCHUAN, &n);
  assert_transactions (ledger, list, n, "m1", "m3", NULL);
  list = collab_ledger_get_debits (ledger, ACC_YANCHUAN, &n);
  assert_transactions (ledger, list, n, "m2", NULL);
  list = collab_ledger_get_debits (ledger, ACC_JS, &n);
  assert_transactions (ledger, list, n, "q1", "p1", NULL);
  list = collab_ledger_get_credits (ledger, ACC_JS, &n);
  assert_transactions (ledger, list, n, NULL);
  list = collab_ledger_get_credits (ledger, PRJ_ROAD, &n);
  assert_transactions (ledger, list, n, "m2", NULL);
  list = collab_ledger_get_debits (ledger, ACC_HAIDONG, &n);
  assert_transactions (ledger, list, n, NULL);
}

/* Two accounts that pay each other on one day wait on each other: the
 * replay takes them in dataset order rather than waiting for ever. */
static void
test_same_day_circle (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-01\"},"
                               "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-yanchuan\", \"to\": \"acc-yanan\","
                               " \"amount\": \"50万\", \"date\": \"2021-05-01\"}",
                               NULL);
  g_autoptr(CollabLedger) ledger = new_ledger (dataset);
  const guint32 *moves;
  guint n;

  moves = collab_ledger_get_moves (ledger, &n);
  assert_transactions (ledger, moves, n, "x1", "x2", NULL);
  /* x2 passes on half of what x1 brought, which nobody's money was. */
  assert_shares (ledger, "x2", 1, COLLAB_REF_NONE, WAN (50));
}

/* --- whose money ----------------------------------------------------- */

/* A movement that names its program carries that program's money; one
 * that names a parent, its parent's. */
static void
test_shares_by_program_and_parent (Money         *money,
                                   gconstpointer  data)
{
  CollabLedger *ledger = money->chain_ledger;
  static const char * const chain[] = { "t1", "t2", "t3", "t4" };

  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    assert_shares (ledger, chain[i], 1, PROGRAM_P, WAN (1000));
  assert_shares (ledger, "e1", 1, PROGRAM_P, WAN (600));
  assert_shares (ledger, "e2", 1, PROGRAM_P, WAN (400));
  g_assert_cmpint (collab_ledger_get_share_of (ledger, tx (ledger, "e1"), PROGRAM_P), ==, WAN (600));
  g_assert_cmpint (collab_ledger_get_share_of (ledger, tx (ledger, "e1"), PROGRAM_Q), ==, 0);

  /* Intent carries nothing. */
  assert_shares (ledger, "a1", 0);
}

/* Without program or parent, first in first out: Yan'an received q's
 * 500万, then p's 1000万; m1 passes on 1200万, all of q's and 700万 of
 * p's, and m2, paid the same day by Yanchuan out of m1, the same; m3
 * the rest of p's. */
static void
test_shares_fifo (Money         *money,
                  gconstpointer  data)
{
  CollabLedger *ledger = money->mixed_ledger;

  assert_shares (ledger, "q1", 1, PROGRAM_Q, WAN (500));
  assert_shares (ledger, "p1", 1, PROGRAM_P, WAN (1000));
  assert_shares (ledger, "m1", 2, PROGRAM_Q, WAN (500), PROGRAM_P, WAN (700));
  assert_shares (ledger, "m2", 2, PROGRAM_Q, WAN (500), PROGRAM_P, WAN (700));
  assert_shares (ledger, "m3", 1, PROGRAM_P, WAN (300));
  g_assert_cmpint (collab_ledger_get_share_of (ledger, tx (ledger, "m1"), PROGRAM_P), ==, WAN (700));
  g_assert_cmpint (collab_ledger_get_share_of (ledger, tx (ledger, "m1"), PROGRAM_Q), ==, WAN (500));
  g_assert_cmpint (collab_ledger_get_share_of (ledger, tx (ledger, "m3"), PROGRAM_Q), ==, 0);
}

/* Money paid out before it came in belongs to no program, and the money
 * that arrives later first fills that hole; money the ledger cannot
 * attribute on its way into or out of a project is the project's
 * program's. */
static void
test_shares_unattributed (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-01\"},"
                               "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-02\", \"program\": \"p\"},"
                               "{\"id\": \"x3\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"50万\", \"date\": \"2021-05-03\"},"
                               "{\"id\": \"x4\", \"type\": \"transfer\", \"from\": \"acc-haidong\", \"to\": \"prj-apple\","
                               " \"amount\": \"10万\", \"date\": \"2021-05-04\"}",
                               NULL);
  g_autoptr(CollabLedger) ledger = new_ledger (dataset);

  assert_shares (ledger, "x1", 1, COLLAB_REF_NONE, WAN (100));
  assert_shares (ledger, "x2", 1, PROGRAM_P, WAN (100));
  /* x2's 100万 went into the hole x1 left. */
  assert_shares (ledger, "x3", 1, COLLAB_REF_NONE, WAN (50));
  /* prj-apple is p's. */
  assert_shares (ledger, "x4", 1, PROGRAM_P, WAN (10));
}

/* --- balances -------------------------------------------------------- */

/* The first day a node passed on more than it received, with the totals
 * at the end of that day (funds-overdrawn.json: Shaanxi passes on 1200万
 * of 1000万 by 2021-05-12); money in counts first on its day, whatever
 * the order of the records (funds-same-day.json). */
static void
test_find_deficit (void)
{
  g_autoptr(CollabDataset) over = collab_test_funds_fixture ("funds-overdrawn.json");
  g_autoptr(CollabDataset) same_day = collab_test_funds_fixture ("funds-same-day.json");
  g_autoptr(CollabLedger) ledger = new_ledger (over);
  g_autoptr(CollabLedger) same_day_ledger = new_ledger (same_day);
  CollabDay day = COLLAB_DAY_NONE;
  CollabMoneyTotal received, passed_on;
  gint64 fen = -1;

  g_assert_true (collab_ledger_find_deficit (ledger, ACC_SN, &day, &received, &passed_on));
  g_assert_cmpuint (day, ==, collab_day_new (2021, 5, 12));
  g_assert_true (collab_money_total_get (&received, &fen));
  g_assert_cmpint (fen, ==, WAN (1000));
  g_assert_true (collab_money_total_get (&passed_on, &fen));
  g_assert_cmpint (fen, ==, WAN (1200));
  g_assert_false (collab_ledger_find_deficit (ledger, ACC_YANAN, &day, &received, &passed_on));
  g_assert_false (collab_ledger_find_deficit (ledger, PRJ_APPLE, &day, &received, &passed_on));
  /* A source pays from the budget: the ledger reports it like any node,
   * the rules leave it be. */
  g_assert_true (collab_ledger_find_deficit (ledger, ACC_JS, &day, &received, &passed_on));
  g_assert_true (collab_money_total_is_zero (&received));

  for (guint node = ACC_SN; node < N_NODES; node++)
    g_assert_false (collab_ledger_find_deficit (same_day_ledger, node, &day, &received, &passed_on));
}

/* --- allocations ----------------------------------------------------- */

/* Which allocations count for which program, and for which of its
 * cities: one tagged with the program, or untagged in a year of its
 * period; to an account in a city of its fund base or its assisted
 * cities; not a city's own allocation onwards, not a plan. */
static void
test_allocations (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"1000万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a2\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"program\": \"other\"},"
                               "{\"id\": \"a3\", \"type\": \"allocation\", \"to\": \"acc-haidong\", \"amount\": \"900万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a4\", \"type\": \"plan\", \"to\": \"acc-yanan\", \"amount\": \"920万\","
                               " \"date\": \"2021-03-01\", \"program\": \"p\"},"
                               "{\"id\": \"a5\", \"type\": \"allocation\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"920万\", \"date\": \"2021-03-05\", \"program\": \"p\"},"
                               "{\"id\": \"a6\", \"type\": \"allocation\", \"to\": \"acc-yanchuan\", \"amount\": \"10万\","
                               " \"date\": \"2021-04-15\"},"
                               "{\"id\": \"a7\", \"type\": \"allocation\", \"to\": \"acc-yanan\", \"amount\": \"20万\","
                               " \"date\": \"2021-12-20\", \"budget_year\": 2022}",
                               NULL);
  g_autoptr(CollabLedger) ledger = new_ledger (dataset);
  static const struct {
    CollabRef   program;
    const char *ids[5];
    const char *cities[5];
  } expected[] = {
    { PROGRAM_P, { "a1", "a3", "a6", "a7" }, { "yanan", "haidong", "yanan", "yanan" } },
    /* other's period is 2021 only. */
    { PROGRAM_OTHER, { "a2", "a6" }, { "yanan", "yanan" } },
    { PROGRAM_Q, { "a6", "a7" }, { "yanan", "yanan" } },
  };

  for (guint p = 0; p < G_N_ELEMENTS (expected); p++)
    {
      guint n, i;
      const CollabLedgerAllocation *allocations = collab_ledger_get_allocations (ledger, expected[p].program, &n);

      for (i = 0; expected[p].ids[i] != NULL; i++)
        {
          guint index = tx (ledger, expected[p].ids[i]);

          g_assert_cmpuint (i, <, n);
          g_assert_cmpuint (allocations[i].transaction, ==, index);
          g_assert_cmpuint (allocations[i].city, ==, region (ledger, expected[p].cities[i]));
          g_assert_cmpint (allocations[i].year, ==, collab_ledger_get_year (ledger, index));
          g_assert_cmpint (allocations[i].amount, ==, collab_ledger_get_transaction (ledger, index)->amount);
          g_assert_cmpuint (collab_ledger_allocation_city (ledger, index, expected[p].program), ==, allocations[i].city);
        }
      g_assert_cmpuint (n, ==, i);
    }

  g_assert_cmpuint (collab_ledger_allocation_city (ledger, tx (ledger, "a2"), PROGRAM_P), ==, COLLAB_REF_NONE);
  g_assert_cmpuint (collab_ledger_allocation_city (ledger, tx (ledger, "a4"), PROGRAM_P), ==, COLLAB_REF_NONE);
  g_assert_cmpuint (collab_ledger_allocation_city (ledger, tx (ledger, "a5"), PROGRAM_P), ==, COLLAB_REF_NONE);
  g_assert_cmpint (collab_ledger_get_year (ledger, tx (ledger, "a7")), ==, 2022);
}

/* --- tracing by parents ---------------------------------------------- */

/* A movement is traced when a source pays it or its parent movement is
 * traced; a program's untraced list holds its movements that name no
 * parent and are not paid by a source, in the order of the replay. */
static void
test_tracing (Money         *money,
              gconstpointer  data)
{
  CollabLedger *chain = money->chain_ledger;
  CollabLedger *mixed = money->mixed_ledger;
  const guint32 *moves, *untraced;
  gint64 total = -1, traced = -1;
  guint n, n_untraced;

  moves = collab_ledger_get_moves (chain, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (collab_ledger_is_traced (chain, moves[i]));
  g_assert_true (collab_ledger_get_tracing (chain, PROGRAM_P, &total, &traced, &untraced, &n_untraced));
  g_assert_cmpint (total, ==, WAN (5000));
  g_assert_cmpint (traced, ==, WAN (5000));
  g_assert_cmpuint (n_untraced, ==, 0);
  g_assert_true (collab_ledger_get_tracing (chain, PROGRAM_Q, &total, &traced, &untraced, &n_untraced));
  g_assert_cmpint (total, ==, 0);
  g_assert_cmpuint (n_untraced, ==, 0);

  /* Only the money out of the source is traced. */
  g_assert_true (collab_ledger_is_traced (mixed, tx (mixed, "q1")));
  g_assert_true (collab_ledger_is_traced (mixed, tx (mixed, "p1")));
  g_assert_false (collab_ledger_is_traced (mixed, tx (mixed, "m1")));
  g_assert_true (collab_ledger_get_tracing (mixed, PROGRAM_P, &total, &traced, &untraced, &n_untraced));
  g_assert_cmpint (total, ==, WAN (1000 + 700 + 700 + 300));
  g_assert_cmpint (traced, ==, WAN (1000));
  assert_transactions (mixed, untraced, n_untraced, "m1", "m2", "m3", NULL);
  g_assert_true (collab_ledger_get_tracing (mixed, PROGRAM_Q, &total, &traced, &untraced, &n_untraced));
  g_assert_cmpint (total, ==, WAN (1500));
  g_assert_cmpint (traced, ==, WAN (500));
  assert_transactions (mixed, untraced, n_untraced, "m1", "m2", NULL);
}

/* A parent that is an allocation, or a chain of parents that never
 * reaches a source, does not trace a movement; one that does, however
 * long, does. */
static void
test_tracing_parents (void)
{
  g_autoptr(CollabDataset) dataset =
    collab_test_funds_dataset ("{\"id\": \"a1\", \"type\": \"allocation\", \"to\": \"acc-sn\", \"amount\": \"100万\","
                               " \"date\": \"2021-05-01\", \"program\": \"p\"},"
                               "{\"id\": \"x1\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-yanan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-02\", \"parent\": \"a1\"},"
                               "{\"id\": \"x2\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"acc-yanchuan\","
                               " \"amount\": \"100万\", \"date\": \"2021-05-03\", \"parent\": \"x1\"},"
                               "{\"id\": \"s1\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-sn\","
                               " \"amount\": \"100万\", \"date\": \"2021-06-01\", \"program\": \"p\"},"
                               "{\"id\": \"s2\", \"type\": \"transfer\", \"from\": \"acc-sn\", \"to\": \"acc-yanan\","
                               " \"amount\": \"100万\", \"date\": \"2021-06-02\", \"parent\": \"s1\"},"
                               "{\"id\": \"s3\", \"type\": \"transfer\", \"from\": \"acc-yanan\", \"to\": \"prj-apple\","
                               " \"amount\": \"100万\", \"date\": \"2021-06-03\", \"parent\": \"s2\"}",
                               NULL);
  g_autoptr(CollabLedger) ledger = new_ledger (dataset);
  const guint32 *untraced;
  gint64 total, traced;
  guint n_untraced;

  g_assert_false (collab_ledger_is_traced (ledger, tx (ledger, "x1")));
  g_assert_false (collab_ledger_is_traced (ledger, tx (ledger, "x2")));
  g_assert_true (collab_ledger_is_traced (ledger, tx (ledger, "s1")));
  g_assert_true (collab_ledger_is_traced (ledger, tx (ledger, "s2")));
  g_assert_true (collab_ledger_is_traced (ledger, tx (ledger, "s3")));

  /* x1 and x2 carry a1's program, p, by their parents; they name parents,
   * so they are not listed as untraced. */
  assert_shares (ledger, "x2", 1, PROGRAM_P, WAN (100));
  g_assert_true (collab_ledger_get_tracing (ledger, PROGRAM_P, &total, &traced, &untraced, &n_untraced));
  g_assert_cmpint (total, ==, WAN (500));
  g_assert_cmpint (traced, ==, WAN (300));
  g_assert_cmpuint (n_untraced, ==, 0);
}

/* --- sharing --------------------------------------------------------- */

/* The store keeps one ledger until its records change. */
static void
test_for_store (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_funds_fixture ("funds-chain.json");
  g_autoptr(CollabLedger) first = collab_ledger_for_store (collab_dataset_get_store (dataset));
  g_autoptr(CollabLedger) again = collab_ledger_for_store (collab_dataset_get_store (dataset));
  g_autoptr(CollabLedger) after = NULL;
  g_autoptr(CollabLedger) extra = collab_ledger_ref (first);
  guint n;

  g_assert_true (first == again);
  g_assert_true (extra == first);
  collab_ledger_get_moves (first, &n);
  g_assert_cmpuint (n, ==, 6);

  collab_test_add_record (dataset, COLLAB_RECORD_KIND_TRANSACTION,
                          "{\"id\": \"t9\", \"type\": \"transfer\", \"from\": \"acc-js\", \"to\": \"acc-yanan\","
                          " \"amount\": \"5万\", \"date\": \"2021-12-01\"}");
  after = collab_ledger_for_store (collab_dataset_get_store (dataset));
  collab_ledger_get_moves (after, &n);
  g_assert_cmpuint (n, ==, 7);
  /* The old one is still whole for whoever holds it. */
  collab_ledger_get_moves (first, &n);
  g_assert_cmpuint (n, ==, 6);
}

/* --- projects -------------------------------------------------------- */

/* A project's filing day and its status at the end of a day. */
static void
test_projects (void)
{
  g_autoptr(CollabDataset) dataset = collab_test_load_fixture ("funds.json");
  CollabStore *store = collab_dataset_get_store (dataset);
  const CollabProjectRec *apple = collab_store_get (store, COLLAB_RECORD_KIND_PROJECT, 0);
  const CollabProjectRec *road = collab_store_get (store, COLLAB_RECORD_KIND_PROJECT, 1);
  g_autoptr(CollabDataset) never =
    collab_test_funds_dataset (NULL, "{\"id\": \"prj-pear\", \"name\": \"梨\", \"county\": \"yanchuan\","
                                     " \"category\": \"industry\", \"status\": [{\"status\": \"implementing\","
                                     " \"date\": \"2021-05-01\"}]}");

  g_assert_cmpstr (apple->h.id, ==, "prj-apple");
  g_assert_cmpuint (collab_project_filing_day (apple), ==, collab_day_new (2021, 6, 1));
  g_assert_cmpuint (collab_project_filing_day (road), ==, collab_day_new (2021, 1, 10));
  g_assert_cmpuint (collab_project_filing_day (collab_store_get (collab_dataset_get_store (never),
                                                                 COLLAB_RECORD_KIND_PROJECT, 2)),
                    ==, COLLAB_DAY_NONE);

  g_assert_cmpint (collab_project_status_at (apple, collab_day_new (2021, 1, 9)), ==, -1);
  g_assert_cmpint (collab_project_status_at (apple, collab_day_new (2021, 1, 10)), ==, COLLAB_PROJECT_STATUS_RESERVE);
  g_assert_cmpint (collab_project_status_at (apple, collab_day_new (2021, 5, 31)), ==, COLLAB_PROJECT_STATUS_RESERVE);
  g_assert_cmpint (collab_project_status_at (apple, collab_day_new (2021, 6, 1)), ==, COLLAB_PROJECT_STATUS_FILED);
  g_assert_cmpint (collab_project_status_at (apple, collab_day_new (2023, 1, 1)), ==, COLLAB_PROJECT_STATUS_COMPLETED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/collab/ledger/nodes", Money, NULL, money_set_up, test_nodes, money_tear_down);
  g_test_add_func ("/collab/ledger/columns", test_columns);
  g_test_add ("/collab/ledger/replay/order", Money, NULL, money_set_up, test_moves_order, money_tear_down);
  g_test_add ("/collab/ledger/replay/credits-debits", Money, NULL, money_set_up, test_credits_debits, money_tear_down);
  g_test_add_func ("/collab/ledger/replay/same-day-chain", test_same_day_chain);
  g_test_add_func ("/collab/ledger/replay/same-day-circle", test_same_day_circle);
  g_test_add ("/collab/ledger/shares/program-and-parent", Money, NULL, money_set_up, test_shares_by_program_and_parent, money_tear_down);
  g_test_add ("/collab/ledger/shares/fifo", Money, NULL, money_set_up, test_shares_fifo, money_tear_down);
  g_test_add_func ("/collab/ledger/shares/unattributed", test_shares_unattributed);
  g_test_add_func ("/collab/ledger/find-deficit", test_find_deficit);
  g_test_add_func ("/collab/ledger/allocations", test_allocations);
  g_test_add ("/collab/ledger/tracing", Money, NULL, money_set_up, test_tracing, money_tear_down);
  g_test_add_func ("/collab/ledger/tracing/parents", test_tracing_parents);
  g_test_add_func ("/collab/ledger/for-store", test_for_store);
  g_test_add_func ("/collab/ledger/projects", test_projects);

  return g_test_run ();
}
