/* collab-funds-trace.c: where a program's money went
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * collab_dataset_trace_funds:
 * @self: a dataset
 * @program_id: (nullable): a program id, or `NULL` for all the money
 * @years: (nullable): the years the money counts toward, or `NULL` for
 *   every year
 * @error: return location for a #GError
 *
 * The edges of the money flow (SPEC §7): for each pair of nodes money
 * moved between, how much and in which year, ready for a Sankey diagram.
 *
 * ```python
 * edges = wuxi.trace_funds('wuxi-2021', years=2021).to_pandas()
 * # plotly: go.Sankey(link=dict(source=..., target=..., value=edges.amount / 100))
 * ```
 *
 * The nodes are account and project ids; money a project spends goes to
 * a node named after the expenditure's use, `"spent:seedlings"` (or
 * `"spent"` when it names none), so that the diagram ends in what the
 * money paid for.
 *
 * A program's money is what the ledger attributes to it: a transaction
 * that names the program carries its money, one that names a parent
 * carries its parent's, and any other carries what its payer held, first
 * in, first out — so a county transfer without a parent still shows which
 * program's money it passed on, and one transfer may feed two programs'
 * edges. Money the ledger cannot attribute (paid out before it came in)
 * has no program; it appears only when @program_id is `NULL`.
 *
 * The columns are `from`, `to`, `amount` ([enum@Collab.ColumnType.AMOUNT],
 * fen), `year` (the money's budget year, else its date's) and `program`
 * (null for unattributed money). One row per distinct (from, to, year,
 * program), in the order money first moved along it.
 *
 * Returns: (transfer full): the edges, or `NULL` with @error set when
 *   @program_id names no program (%COLLAB_DATASET_ERROR_NOT_FOUND), or when
 *   an edge's money adds up past what an amount holds
 *   (%COLLAB_VALUE_ERROR_OVERFLOW)
 */

#include <libcollab/collab-error.h>
#include <libcollab/collab-funds.h>
#include <libcollab/collab-money.h>

#include "model/collab-units-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"
#include "model/collab-dataset-private.h"
#include "analysis/collab-ledger-private.h"
#include "collab-table-private.h"

typedef struct
{
  guint32    from;      /* node */
  guint32    to;        /* node, or COLLAB_LEDGER_NO_NODE with @use */
  const char *use;      /* for money spent; interned in the store */
  gint32     year;
  CollabRef  program;
  gint64     amount;
} Edge;

static guint
edge_hash (gconstpointer key)
{
  const Edge *e = key;
  guint h = e->from * 2654435761u;

  h ^= e->to + 0x9e3779b9u + (h << 6) + (h >> 2);
  h ^= (guint) e->year + 0x9e3779b9u + (h << 6) + (h >> 2);
  h ^= e->program + 0x9e3779b9u + (h << 6) + (h >> 2);
  if (e->use != NULL)
    h ^= g_str_hash (e->use);
  return h;
}

static gboolean
edge_equal (gconstpointer a,
            gconstpointer b)
{
  const Edge *x = a, *y = b;

  return x->from == y->from && x->to == y->to && x->year == y->year && x->program == y->program &&
         g_strcmp0 (x->use, y->use) == 0;
}

/* The node an edge ends in: an id, or "spent:<use>" for money spent. */
static char *
edge_to (CollabStore  *store,
         CollabLedger *ledger,
         const Edge   *edge)
{
  if (edge->use == NULL)
    return g_strdup (collab_store_ref_id (store, collab_ledger_node_ref (ledger, edge->to)));
  return edge->use[0] != '\0' ? g_strconcat ("spent:", edge->use, NULL) : g_strdup ("spent");
}

/* Adds @amount to @edge; FALSE with @error set when the sum does not
 * fit, never a wrap nor a sum held at the limit. */
static gboolean
edge_add (CollabStore   *store,
          CollabLedger  *ledger,
          Edge          *edge,
          gint64         amount,
          GError       **error)
{
  g_autofree char *node = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;

  if (collab_money_add (edge->amount, amount, &edge->amount))
    return TRUE;

  /* The table keeps the whole ids; the message quotes them cut. */
  node = edge_to (store, ledger, edge);
  to = collab_error_cut (node);
  from = collab_error_cut (collab_store_ref_id (store, collab_ledger_node_ref (ledger, edge->from)));
  g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
               /* Translators: two nodes of the flow (account or project ids,
                * or spent:<use>), then a year. */
               _("The money from %s to %s in %d adds up to more than libcollab can count "
                 "(92233720368547758.07 yuan); correct the amounts of those transactions."),
               from, to, edge->year);
  return FALSE;
}

CollabTable *
collab_dataset_trace_funds (CollabDataset          *self,
                            const char             *program_id,
                            const CollabYearRange  *years,
                            GError                **error)
{
  g_autoptr(CollabLedger) ledger = NULL;
  g_autoptr(CollabTableBuilder) builder = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GArray) edges = NULL;
  CollabStore *store;
  const CollabLedgerColumns *columns;
  CollabRef only = COLLAB_REF_NONE;
  const guint32 *moves;
  guint n_moves, found;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (self);
  if (!collab_units_find_program (store, program_id, &found, error))
    return NULL;
  if (found != G_MAXUINT)
    only = COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, found);

  ledger = collab_ledger_for_store (store);
  columns = collab_ledger_get_columns (ledger);
  edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  /* Edge → its position + 1 in @edges. The keys are copies: the array
   * moves as it grows. */
  positions = g_hash_table_new_full (edge_hash, edge_equal, g_free, NULL);

  {
    moves = collab_ledger_get_moves (ledger, &n_moves);
    for (guint i = 0; i < n_moves; i++)
      {
        int money_year = columns->year[moves[i]];
        const char *use = NULL;
        const CollabLedgerShare *shares;
        guint n_shares;

        if (!collab_year_range_contains (years, money_year))
          continue;

        if (columns->type[moves[i]] == COLLAB_TRANSACTION_TYPE_EXPENDITURE)
          {
            use = collab_ledger_get_transaction (ledger, moves[i])->use;
            if (use == NULL)
              use = "";
          }

        shares = collab_ledger_get_shares (ledger, moves[i], &n_shares);
        for (guint s = 0; s < n_shares; s++)
          {
            Edge key = { 0 };
            gpointer position;

            if (only != COLLAB_REF_NONE && shares[s].program != only)
              continue;

            key.from = columns->from[moves[i]];
            key.to = columns->to[moves[i]];
            key.use = use;
            key.year = money_year;
            key.program = shares[s].program;

            position = g_hash_table_lookup (positions, &key);
            if (position == NULL)
              {
                key.amount = shares[s].amount;
                g_array_append_val (edges, key);
                g_hash_table_insert (positions, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (edges->len));
              }
            else
              {
                Edge *edge = &g_array_index (edges, Edge, GPOINTER_TO_UINT (position) - 1);

                if (!edge_add (store, ledger, edge, shares[s].amount, error))
                  return NULL;
              }
          }
      }
  }

  builder = collab_table_builder_new ();
  collab_table_builder_add_column (builder, "from", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "to", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "amount", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "program", COLLAB_COLUMN_TYPE_STRING);

  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *edge = &g_array_index (edges, Edge, i);
      g_autofree char *to = edge_to (store, ledger, edge);

      collab_table_builder_append_string (builder, collab_store_ref_id (store, collab_ledger_node_ref (ledger, edge->from)));
      collab_table_builder_append_string (builder, to);
      collab_table_builder_append_amount (builder, edge->amount);
      collab_table_builder_append_int (builder, edge->year);
      collab_table_builder_append_string (builder, edge->program != COLLAB_REF_NONE
                                                    ? collab_store_ref_id (store, edge->program) : NULL);
    }

  return collab_table_builder_end (builder);
}
