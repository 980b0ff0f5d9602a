/* collab-ledger-private.h: the money engine
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The ledger replays the money of a dataset once, in date order, and
 * keeps what the fund rules, the boundary totals, the flow trace and the
 * scorecard all need (SPEC §4 "Funds"):
 *
 *  - nodes: every account and every project, numbered accounts first
 *    (node i is account i, node n_accounts + j is project j);
 *  - movements: transfers and expenditures, the only transactions that
 *    move money (plans and allocations are intent), in the order they
 *    were replayed: by date, and on one date each node's incoming money
 *    before its outgoing money;
 *  - per node, the movements that credited it and those that debited it,
 *    in that order, so a balance or a first-in-first-out queue is a walk
 *    over two short arrays;
 *  - per movement, its shares: which program's money it carried. A
 *    movement that names its program carries that program's money; one
 *    that names a parent carries its parent's; any other carries what the
 *    first-in-first-out queue of the node that pays it gives out, so one
 *    transfer may carry the money of two programs.
 *
 * First in, first out, exactly: each node's credits line up on one axis
 * of cumulative money in and its debits on one axis of cumulative money
 * out; a debit takes the credits its stretch of the out axis covers. A
 * node that pays out more than it holds (an overdraw, or a source paying
 * from the budget) hands out money the ledger cannot attribute, and the
 * credits that arrive later first fill that hole. The axes and the hole
 * may run past what a gint64 holds (three transfers of the most an amount
 * holds out of one): they are CollabMoneyTotal, exact however far, and
 * only what fits an amount is handed out as one (doc/funds.md, "Sums that
 * do not fit").
 *
 * A ledger is immutable and refcounted; collab_ledger_for_store() builds
 * it once per store and drops it when the records change.
 */

#pragma once

#include <libcollab/collab-dataset.h>

#include "model/collab-store-private.h"
#include "types/collab-money-private.h"

G_BEGIN_DECLS

typedef struct _CollabLedger CollabLedger;

#define COLLAB_LEDGER_NO_NODE G_MAXUINT32

/* A part of a movement: the program whose money it is (COLLAB_REF_NONE
 * when the ledger cannot tell) and how much of it. */
typedef struct
{
  CollabRef program;
  gint64    amount;
} CollabLedgerShare;

CollabLedger             *collab_ledger_new            (CollabStore        *store) G_GNUC_WARN_UNUSED_RESULT;
CollabLedger             *collab_ledger_for_store      (CollabStore        *store) G_GNUC_WARN_UNUSED_RESULT;
CollabLedger             *collab_ledger_ref            (CollabLedger       *self);
void                      collab_ledger_unref          (CollabLedger       *self);

CollabStore              *collab_ledger_get_store      (CollabLedger       *self);

/* Nodes. */
guint                     collab_ledger_get_n_nodes    (CollabLedger       *self);
guint                     collab_ledger_node           (CollabLedger       *self,
                                                        CollabRef           ref);
CollabRef                 collab_ledger_node_ref       (CollabLedger       *self,
                                                        guint               node);
gboolean                  collab_ledger_node_is_project (CollabLedger      *self,
                                                        guint               node);
gboolean                  collab_ledger_node_is_source (CollabLedger       *self,
                                                        guint               node);
/* The region a node stands in: an account's holder (or its holder's
 * region), a project's county. */
CollabRef                 collab_ledger_node_region    (CollabLedger       *self,
                                                        guint               node);
/* The transactions (indices) that credited and that debited @node. */
const guint32            *collab_ledger_get_credits    (CollabLedger       *self,
                                                        guint               node,
                                                        guint              *n);
const guint32            *collab_ledger_get_debits     (CollabLedger       *self,
                                                        guint               node,
                                                        guint              *n);

/* Every transaction's essentials, as columns indexed like the store's
 * transactions: a pass over them reads a few bytes per transaction
 * instead of the whole record. */
typedef struct
{
  const guint32   *from;      /* node, or COLLAB_LEDGER_NO_NODE */
  const guint32   *to;        /* node, or COLLAB_LEDGER_NO_NODE */
  const CollabDay *date;
  const gint64    *amount;
  const gint16    *year;      /* the year money counts toward */
  const guint8    *type;      /* CollabTransactionType */
} CollabLedgerColumns;

const CollabLedgerColumns *collab_ledger_get_columns   (CollabLedger       *self);

/* Movements and transactions. */
const guint32            *collab_ledger_get_moves      (CollabLedger       *self,
                                                        guint              *n);
const CollabTransactionRec *collab_ledger_get_transaction (CollabLedger    *self,
                                                        guint               index);
/* The year money counts toward: its budget year, else its date's. */
int                       collab_ledger_get_year       (CollabLedger       *self,
                                                        guint               index);
const CollabLedgerShare  *collab_ledger_get_shares     (CollabLedger       *self,
                                                        guint               index,
                                                        guint              *n);
/* How much of movement @index is @program's money. */
gint64                    collab_ledger_get_share_of   (CollabLedger       *self,
                                                        guint               index,
                                                        CollabRef           program);

/* The first day on which @node had passed on more than it had received,
 * on one day money in counting before money out, with the totals in and
 * out at the end of that day: exact, though they may not fit a gint64
 * (collab_money_total_get()). */
gboolean                  collab_ledger_find_deficit   (CollabLedger       *self,
                                                        guint               node,
                                                        CollabDay          *day,
                                                        CollabMoneyTotal   *received,
                                                        CollabMoneyTotal   *passed_on);

/* Allocations: the assisted city of @program an allocation goes to, or
 * COLLAB_REF_NONE when it is not one of @program's (see doc/funds.md). */
CollabRef                 collab_ledger_allocation_city (CollabLedger      *self,
                                                        guint               index,
                                                        CollabRef           program);

typedef struct
{
  CollabRef city;          /* as collab_ledger_allocation_city() says */
  guint32   transaction;
  gint32    year;
  gint64    amount;
} CollabLedgerAllocation;

/* Every allocation of @program, in dataset order. */
const CollabLedgerAllocation *collab_ledger_get_allocations (CollabLedger  *self,
                                                        CollabRef           program,
                                                        guint              *n);

/* Sets @error to %COLLAB_VALUE_ERROR_OVERFLOW: the allocations of
 * @program to @city over @first_year … @last_year add up past a gint64 of
 * fen. fund.floor, fund.plan_total and fund.agreement say it in the same
 * words. */
void                      collab_ledger_set_allocations_overflow (CollabLedger *self,
                                                        CollabRef           program,
                                                        CollabRef           city,
                                                        int                 first_year,
                                                        int                 last_year,
                                                        GError            **error);

/* Tracing by parents: a movement is traced end to end when it is paid by
 * a source, or names a parent movement that is traced. */
gboolean                  collab_ledger_is_traced      (CollabLedger       *self,
                                                        guint               index);
/* @program's money in movements, the part of it traced end to end, and
 * the movements of it that name no parent and are not paid by a source.
 * FALSE when the program's money adds up past a gint64 of fen: @total
 * and @traced are then unset, @untraced is set all the same. */
gboolean                  collab_ledger_get_tracing    (CollabLedger       *self,
                                                        CollabRef           program,
                                                        gint64             *total,
                                                        gint64             *traced,
                                                        const guint32     **untraced,
                                                        guint              *n_untraced);

/* Projects. */
CollabDay                 collab_project_filing_day    (const CollabProjectRec *project);
int                       collab_project_status_at     (const CollabProjectRec *project,
                                                        CollabDay               day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabLedger, collab_ledger_unref)

G_END_DECLS
