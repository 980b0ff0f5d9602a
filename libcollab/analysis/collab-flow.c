/* collab-flow.c: boundary totals of the money
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The sums of a boundary (SPEC §4, the OCHA FTS boundary rule): what came
 * in, what moved inside and what went out, kept apart, by year, project
 * category and project status. report/collab-funds-tables.c makes them
 * the table of collab_dataset_aggregate_funds(); collab_dataset_get_fund_totals()
 * adds them up. What lies inside a boundary is documented there.
 */

#include <stdlib.h>
#include <string.h>

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "model/collab-dataset-private.h"
#include "collab-flow-private.h"
#include "collab-ledger-private.h"
#include "types/collab-day-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"

G_DEFINE_BOXED_TYPE (CollabFundTotals, collab_fund_totals, collab_fund_totals_copy, collab_fund_totals_free)

/**
 * collab_fund_totals_copy:
 * @totals: totals
 *
 * Copies totals.
 *
 * Returns: (transfer full): a copy of @totals
 */
CollabFundTotals *
collab_fund_totals_copy (const CollabFundTotals *totals)
{
  g_return_val_if_fail (totals != NULL, NULL);

  return g_memdup2 (totals, sizeof *totals);
}

/**
 * collab_fund_totals_free:
 * @totals: totals
 *
 * Frees totals.
 */
void
collab_fund_totals_free (CollabFundTotals *totals)
{
  g_free (totals);
}

typedef struct
{
  CollabLedger *ledger;
  CollabStore  *store;
  CollabRef     ref;          /* what the boundary is */
  CollabRef     program;      /* the program, for a program boundary */
  guint8       *inside;       /* per node */
  /* The period: by year, or by day. */
  int           first_year;
  int           last_year;
  CollabDay     first_day;
  CollabDay     last_day;
  /* The year of the first sum that did not fit, or 0. */
  int           overflow_year;
} Boundary;

/* The kinds a boundary may be, in the order a bare id is looked up. */
static const CollabRecordKind boundary_kinds[] = {
  COLLAB_RECORD_KIND_PROGRAM,
  COLLAB_RECORD_KIND_REGION,
  COLLAB_RECORD_KIND_ORGANIZATION,
  COLLAB_RECORD_KIND_ACCOUNT,
  COLLAB_RECORD_KIND_PROJECT,
};

static CollabRef
find_boundary (const CollabStore  *store,
               const char         *boundary,
               GError            **error)
{
  const char *colon = strchr (boundary, ':');
  const char *id = boundary;
  g_autofree char *shown = NULL;
  guint index;

  /* "region:yanan" names the kind; "yanan" takes the first kind that has
   * the id. */
  if (colon != NULL)
    for (guint k = 0; k < G_N_ELEMENTS (boundary_kinds); k++)
      {
        const char *name = collab_schema_kind_name (boundary_kinds[k]);

        if (strlen (name) == (gsize) (colon - boundary) && strncmp (name, boundary, colon - boundary) == 0)
          {
            id = colon + 1;
            if (collab_store_lookup (store, boundary_kinds[k], id, &index))
              return COLLAB_REF (boundary_kinds[k], index);
            shown = collab_error_cut (id);
            g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
                         _("no %s has the id \"%s\""), name, shown);
            return COLLAB_REF_NONE;
          }
      }

  for (guint k = 0; k < G_N_ELEMENTS (boundary_kinds); k++)
    if (collab_store_lookup (store, boundary_kinds[k], id, &index))
      return COLLAB_REF (boundary_kinds[k], index);

  shown = collab_error_cut (boundary);
  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
               _("no program, region, organization, account or project has the id \"%s\""), shown);
  return COLLAB_REF_NONE;
}

/* Marks the nodes inside the boundary. */
static void
mark_inside (Boundary *b)
{
  guint n_nodes = collab_ledger_get_n_nodes (b->ledger);
  guint n_regions = collab_store_count (b->store, COLLAB_RECORD_KIND_REGION);
  g_autofree guint8 *region_inside = NULL;

  b->inside = g_new0 (guint8, MAX (n_nodes, 1));

  switch (COLLAB_REF_KIND (b->ref))
    {
    case COLLAB_RECORD_KIND_PROGRAM:
      b->program = b->ref;
      for (guint v = 0; v < n_nodes; v++)
        b->inside[v] = !collab_ledger_node_is_source (b->ledger, v);
      break;

    case COLLAB_RECORD_KIND_REGION:
      /* 0 unknown, 1 inside, 2 outside; each region walks up until it
       * meets one it knows. */
      region_inside = g_new0 (guint8, MAX (n_regions, 1));
      region_inside[COLLAB_REF_INDEX (b->ref)] = 1;
      for (guint r = 0; r < n_regions; r++)
        {
          CollabRef up = COLLAB_REF (COLLAB_RECORD_KIND_REGION, r);
          guint steps = 0;
          guint8 verdict;

          while (up != COLLAB_REF_NONE && region_inside[COLLAB_REF_INDEX (up)] == 0 && steps++ < 64)
            up = ((const CollabRegionRec *) collab_store_deref (b->store, up))->parent;
          verdict = up != COLLAB_REF_NONE && region_inside[COLLAB_REF_INDEX (up)] == 1 ? 1 : 2;

          for (CollabRef r2 = COLLAB_REF (COLLAB_RECORD_KIND_REGION, r);
               r2 != up && region_inside[COLLAB_REF_INDEX (r2)] == 0;
               r2 = ((const CollabRegionRec *) collab_store_deref (b->store, r2))->parent)
            region_inside[COLLAB_REF_INDEX (r2)] = verdict;
        }
      for (guint v = 0; v < n_nodes; v++)
        {
          CollabRef region = collab_ledger_node_region (b->ledger, v);

          b->inside[v] = region != COLLAB_REF_NONE && region_inside[COLLAB_REF_INDEX (region)] == 1;
        }
      break;

    case COLLAB_RECORD_KIND_ORGANIZATION:
      for (guint a = 0; a < collab_store_count (b->store, COLLAB_RECORD_KIND_ACCOUNT); a++)
        {
          const CollabAccountRec *account = collab_store_get (b->store, COLLAB_RECORD_KIND_ACCOUNT, a);

          b->inside[a] = account->holder == b->ref;
        }
      break;

    case COLLAB_RECORD_KIND_ACCOUNT:
    case COLLAB_RECORD_KIND_PROJECT:
      b->inside[collab_ledger_node (b->ledger, b->ref)] = 1;
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
in_period (const Boundary *b,
           CollabDay       date,
           int             year)
{
  if (b->first_day != COLLAB_DAY_NONE)
    return date >= b->first_day && date <= b->last_day;
  return (b->first_year == 0 || year >= b->first_year) && (b->last_year == 0 || year <= b->last_year);
}

/* The day a project's status is read on: the end of the period, or for an
 * open period the project's latest. */
static CollabDay
status_day (const Boundary *b)
{
  if (b->last_day != COLLAB_DAY_NONE)
    return b->last_day;
  if (b->last_year != 0)
    return collab_day_new (b->last_year, 12, 31);
  return G_MAXUINT32;
}

/* Rows keyed by year, category + 1 and status + 1 (0: none). */
static inline guint64
row_key (int year,
         int category,
         int status)
{
  return ((guint64) (guint32) year << 16) | ((guint64) (category + 1) << 8) | (guint64) (status + 1);
}

static CollabFundTotals *
row_for (GHashTable *rows,
         guint64     key)
{
  CollabFundTotals *sums = g_hash_table_lookup (rows, &key);

  if (sums == NULL)
    {
      guint64 *stored = g_new (guint64, 1);

      *stored = key;
      sums = g_new0 (CollabFundTotals, 1);
      g_hash_table_insert (rows, stored, sums);
    }
  return sums;
}

/* *@cell += @amount for @year; a sum that does not fit is kept as it was
 * and its year remembered, for collab_flow_aggregate() to fail with. */
static void
add (Boundary *b,
     gint64   *cell,
     gint64    amount,
     int       year)
{
  if (!collab_money_add (*cell, amount, cell) && b->overflow_year == 0)
    b->overflow_year = year;
}

/* The error of money that adds up past a gint64 of fen: never a wrap, nor
 * a sum held at the limit. */
static void
set_overflow (GError     **error,
              const char  *boundary,
              int          first_year,
              int          last_year)
{
  g_autofree char *years = collab_years_format (first_year, last_year);
  g_autofree char *shown = collab_error_cut (boundary);

  g_set_error (error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
               /* Translators: a boundary (an id such as yanan, or kind:id such
                * as region:yanan), then a year or years (2021, or 2016–2020). */
               _("The money of %s in %s adds up to more than libcollab can count (92233720368547758.07 yuan); "
                 "correct the amounts of its transactions."),
               shown, years);
}

static GHashTable *
sum_rows (Boundary *b)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const CollabLedgerColumns *columns = collab_ledger_get_columns (b->ledger);
  guint n_transactions = collab_store_count (b->store, COLLAB_RECORD_KIND_TRANSACTION);
  CollabDay on = status_day (b);
  /* One row is usually hit many times in a row: keep it at hand. */
  guint64 last_key = G_MAXUINT64;
  CollabFundTotals *sums = NULL;

  /* In the order of the dataset, which is the order of memory: sums do
   * not depend on the order of the replay. */
  for (guint index = 0; index < n_transactions; index++)
    {
      guint8 type = columns->type[index];
      guint from = columns->from[index], to = columns->to[index];
      int year = columns->year[index];
      gboolean from_inside, to_inside;
      guint project_node = COLLAB_LEDGER_NO_NODE;
      int category = -1, status = -1;
      gint64 amount;
      guint64 key;

      if (type != COLLAB_TRANSACTION_TYPE_TRANSFER && type != COLLAB_TRANSACTION_TYPE_EXPENDITURE)
        continue;
      from_inside = from != COLLAB_LEDGER_NO_NODE && b->inside[from];
      to_inside = to != COLLAB_LEDGER_NO_NODE && b->inside[to];
      if ((!from_inside && !to_inside) || !in_period (b, columns->date[index], year))
        continue;

      amount = b->program != COLLAB_REF_NONE ? collab_ledger_get_share_of (b->ledger, index, b->program)
                                             : columns->amount[index];
      if (amount == 0)
        continue;

      if (collab_ledger_node_is_project (b->ledger, to))
        project_node = to;
      else if (collab_ledger_node_is_project (b->ledger, from))
        project_node = from;
      if (project_node != COLLAB_LEDGER_NO_NODE)
        {
          const CollabProjectRec *project = collab_store_deref (b->store, collab_ledger_node_ref (b->ledger, project_node));

          category = project->category;
          status = collab_project_status_at (project, on);
        }

      key = row_key (year, category, status);
      if (key != last_key)
        {
          sums = row_for (rows, key);
          last_key = key;
        }
      if (from_inside && to_inside)
        add (b, &sums->internal, amount, year);
      else if (to_inside)
        add (b, &sums->incoming, amount, year);
      else
        add (b, &sums->outgoing, amount, year);
    }

  /* Allocations: intent, made to the boundary from outside it. */
  if (b->program != COLLAB_REF_NONE)
    {
      const CollabLedgerAllocation *allocations;
      guint n;

      allocations = collab_ledger_get_allocations (b->ledger, b->program, &n);
      for (guint i = 0; i < n; i++)
        if (in_period (b, columns->date[allocations[i].transaction], allocations[i].year))
          add (b, &row_for (rows, row_key (allocations[i].year, -1, -1))->allocated, allocations[i].amount,
               allocations[i].year);
    }
  else
    for (guint i = 0; i < n_transactions; i++)
      {
        guint from = columns->from[i], to = columns->to[i];
        int year = columns->year[i];

        if (columns->type[i] != COLLAB_TRANSACTION_TYPE_ALLOCATION || !in_period (b, columns->date[i], year))
          continue;
        if (to != COLLAB_LEDGER_NO_NODE && b->inside[to] && (from == COLLAB_LEDGER_NO_NODE || !b->inside[from]))
          add (b, &row_for (rows, row_key (year, -1, -1))->allocated, columns->amount[i], year);
      }

  return rows;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 x = **(guint64 * const *) a, y = **(guint64 * const *) b;

  return x < y ? -1 : x > y;
}

/* The rows as an array of CollabFlowRow, sorted; rows with no money are
 * left out. */
static GArray *
sorted_rows (GHashTable *rows)
{
  guint n_keys;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (rows, &n_keys);
  GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (CollabFlowRow), n_keys);

  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      guint64 key = *(guint64 *) keys[i];
      const CollabFundTotals *sums = g_hash_table_lookup (rows, &key);
      CollabFlowRow row;

      if (sums->incoming == 0 && sums->internal == 0 && sums->outgoing == 0 && sums->allocated == 0)
        continue;

      row.year = (gint32) (guint32) (key >> 16);
      row.category = (int) ((key >> 8) & 0xff) - 1;
      row.status = (int) (key & 0xff) - 1;
      row.sums = *sums;
      g_array_append_val (result, row);
    }
  return result;
}

GArray *
collab_flow_aggregate (CollabDataset          *dataset,
                       const char             *boundary,
                       const CollabYearRange  *years,
                       const CollabDateRange  *days,
                       GError                **error)
{
  Boundary b = { NULL };
  g_autoptr(GHashTable) rows = NULL;

  b.store = collab_dataset_get_store (dataset);
  b.ref = find_boundary (b.store, boundary, error);
  if (b.ref == COLLAB_REF_NONE)
    return NULL;

  b.ledger = collab_ledger_for_store (b.store);
  b.first_year = years != NULL ? years->first : 0;
  b.last_year = years != NULL ? years->last : 0;
  b.first_day = days != NULL ? days->first : COLLAB_DAY_NONE;
  b.last_day = days != NULL ? days->last : COLLAB_DAY_NONE;
  mark_inside (&b);
  rows = sum_rows (&b);

  g_free (b.inside);
  collab_ledger_unref (b.ledger);
  if (b.overflow_year != 0)
    {
      set_overflow (error, boundary, b.overflow_year, b.overflow_year);
      return NULL;
    }
  return sorted_rows (rows);
}

/**
 * collab_dataset_get_fund_totals:
 * @self: a dataset
 * @boundary: as for [method@Collab.Dataset.aggregate_funds]
 * @years: (nullable): the years the money counts toward, or `NULL` for
 *   every year
 * @error: return location for a #GError
 *
 * The totals of [method@Collab.Dataset.aggregate_funds] over all its
 * rows: what came into the boundary, what moved inside it and what left
 * it in the period, and what was allocated to it.
 *
 * ```c
 * g_autoptr(CollabFundTotals) yanan =
 *   collab_dataset_get_fund_totals (dataset, "yanan", &(CollabYearRange) { 2021, 2021 }, &error);
 *
 * if (yanan != NULL)
 *   g_print ("%s came in\n", collab_money_format_readable (yanan->incoming));   // 1920万
 * ```
 *
 * Returns: (transfer full): the totals, or `NULL` with @error set when
 *   @boundary names no record (%COLLAB_DATASET_ERROR_NOT_FOUND), or when a
 *   sum does not fit an amount (%COLLAB_VALUE_ERROR_OVERFLOW)
 */
CollabFundTotals *
collab_dataset_get_fund_totals (CollabDataset          *self,
                                const char             *boundary,
                                const CollabYearRange  *years,
                                GError                **error)
{
  g_autoptr(GArray) rows = NULL;
  CollabFundTotals *totals;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (boundary != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = collab_flow_aggregate (self, boundary, years, NULL, error);
  if (rows == NULL)
    return NULL;

  totals = g_new0 (CollabFundTotals, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const CollabFundTotals *sums = &g_array_index (rows, CollabFlowRow, i).sums;

      if (!collab_money_add (totals->incoming, sums->incoming, &totals->incoming) ||
          !collab_money_add (totals->internal, sums->internal, &totals->internal) ||
          !collab_money_add (totals->outgoing, sums->outgoing, &totals->outgoing) ||
          !collab_money_add (totals->allocated, sums->allocated, &totals->allocated))
        {
          /* Rows are sorted by year: the first and the last are the span. */
          set_overflow (error, boundary, g_array_index (rows, CollabFlowRow, 0).year,
                        g_array_index (rows, CollabFlowRow, rows->len - 1).year);
          collab_fund_totals_free (totals);
          return NULL;
        }
    }
  return totals;
}
