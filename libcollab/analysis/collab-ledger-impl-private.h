/* collab-ledger-impl-private.h: what the ledger's own files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The struct behind CollabLedger, for collab-ledger.c (building it) and
 * collab-ledger-query.c (what is computed from it on demand). Everything
 * else goes through collab-ledger-private.h.
 */

#pragma once

#include "collab-ledger-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 start;
  guint32 count;
} ShareRange;

struct _CollabLedger
{
  gatomicrefcount  ref_count;
  CollabStore     *store;

  guint            n_accounts;
  guint            n_nodes;
  guint            n_transactions;
  guint            n_moves;

  /* Per node. */
  CollabRef       *node_region;
  guint8          *node_source;
  guint32         *credit_start;   /* n_nodes + 1 offsets into credits */
  guint32         *credits;
  guint32         *debit_start;    /* n_nodes + 1 offsets into debits */
  guint32         *debits;

  /* Per transaction: the columns, and what the replay needs besides. */
  CollabLedgerColumns columns;
  guint32         *tx_from;
  guint32         *tx_to;
  CollabDay       *tx_date;
  gint64          *tx_amount;
  gint16          *years;          /* the year money counts toward (1900..2200) */
  guint8          *tx_type;
  CollabRef       *tx_program;
  guint32         *tx_parent;      /* index + 1, 0 for none */

  /* Movements in replay order, and per transaction. */
  guint32         *moves;
  ShareRange      *share_range;    /* per transaction, into shares */
  GArray          *shares;         /* of CollabLedgerShare */

  /* Computed on first use, for every program at once: a ledger is shared
   * by every thread that reads the store, so each of these is made once,
   * under its g_once_init_enter(), by the first that asks, and never
   * changed after. */
  guint            n_programs;
  gsize            allocations_once;
  gsize            traced_once;
  gsize            tracing_once;
  guint32         *allocation_start;   /* n_programs + 1 offsets */
  CollabLedgerAllocation *allocations;
  guint8          *traced;             /* per transaction */
  CollabMoneySum  *tracing_total;      /* per program */
  CollabMoneySum  *tracing_traced;
  guint32         *untraced_start;     /* n_programs + 1 offsets */
  guint32         *untraced;
};

static inline guint
node_of_ref (const CollabLedger *self,
             CollabRef           ref)
{
  if (ref == COLLAB_REF_NONE)
    return COLLAB_LEDGER_NO_NODE;
  if (COLLAB_REF_KIND (ref) == COLLAB_RECORD_KIND_ACCOUNT)
    return COLLAB_REF_INDEX (ref);
  if (COLLAB_REF_KIND (ref) == COLLAB_RECORD_KIND_PROJECT)
    return self->n_accounts + COLLAB_REF_INDEX (ref);
  return COLLAB_LEDGER_NO_NODE;
}

static inline const CollabTransactionRec *
transaction_at (const CollabLedger *self,
                guint               index)
{
  return collab_store_get (self->store, COLLAB_RECORD_KIND_TRANSACTION, index);
}

static inline gboolean
is_move_type (guint8 type)
{
  return type == COLLAB_TRANSACTION_TYPE_TRANSFER || type == COLLAB_TRANSACTION_TYPE_EXPENDITURE;
}

G_END_DECLS
