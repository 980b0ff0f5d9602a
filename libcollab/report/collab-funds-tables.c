/* collab-funds-tables.c: the money of a boundary, as a table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * collab_dataset_aggregate_funds:
 * @self: a dataset
 * @boundary: the id of a program, a region, an organization, an account
 *   or a project, optionally prefixed with its kind (`"region:yanan"`)
 * @years: (nullable): the years the money counts toward, or `NULL` for
 *   every year
 * @error: return location for a #GError
 *
 * The money of a boundary over a period, by year, project category and
 * project status, with what came in, what moved inside and what went out
 * kept apart (SPEC §4, the OCHA FTS boundary rule): a sum over a boundary
 * adds the money that crosses into it, never the same money again as it
 * moves inside.
 *
 * ```python
 * t = wuxi.aggregate_funds('yanan', years=2021).to_pandas()
 * t.groupby('category')[['incoming', 'outgoing']].sum()
 * ```
 *
 * What lies inside a boundary:
 *
 * - a region: the accounts held by it, by a region under it or by an
 *   organization in either, and the projects of its counties;
 * - an organization: the accounts it holds;
 * - an account or a project: itself;
 * - a program: every account and project that is not a source — money
 *   comes in when a source pays it out, and only the program's money
 *   counts (the shares the ledger attributes to it: by the transaction's
 *   `program`, else its parent's, else first in, first out).
 *
 * Only transfers and expenditures move money; an expenditure takes money
 * out of every boundary its project is in. Allocations are intent: the
 * `allocated` column adds those made to an account inside the boundary
 * from outside it (for a program: the allocations fund.floor counts).
 * Money counts toward its budget year, else the year of its date (SPEC
 * §3).
 *
 * The columns are `year`, `category` and `status` (the project's at the
 * end of the period; both null for money between accounts), then the
 * amounts `incoming`, `internal`, `outgoing` and `allocated` in fen
 * ([enum@Collab.ColumnType.AMOUNT]). Rows are sorted by year, category
 * and status; a row with no money is left out.
 *
 * Returns: (transfer full): the table, or `NULL` with @error set when
 *   @boundary names no record of those kinds
 *   (%COLLAB_DATASET_ERROR_NOT_FOUND), or when a sum does not fit an
 *   amount (%COLLAB_VALUE_ERROR_OVERFLOW)
 */

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-funds.h>

#include "analysis/collab-flow-private.h"
#include "collab-table-private.h"

static CollabTable *
rows_to_table (GArray *rows)
{
  g_autoptr(CollabTableBuilder) builder = collab_table_builder_new ();
  GEnumClass *categories = g_type_class_ref (COLLAB_TYPE_PROJECT_CATEGORY);
  GEnumClass *statuses = g_type_class_ref (COLLAB_TYPE_PROJECT_STATUS);

  collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_enum_column (builder, "category", COLLAB_TYPE_PROJECT_CATEGORY);
  collab_table_builder_add_enum_column (builder, "status", COLLAB_TYPE_PROJECT_STATUS);
  collab_table_builder_add_column (builder, "incoming", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "internal", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "outgoing", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "allocated", COLLAB_COLUMN_TYPE_AMOUNT);

  for (guint i = 0; i < rows->len; i++)
    {
      const CollabFlowRow *row = &g_array_index (rows, CollabFlowRow, i);
      const CollabFundTotals *sums = &row->sums;
      GEnumValue *value;

      collab_table_builder_append_int (builder, row->year);
      value = row->category >= 0 ? g_enum_get_value (categories, row->category) : NULL;
      collab_table_builder_append_string (builder, value != NULL ? value->value_nick : NULL);
      value = row->status >= 0 ? g_enum_get_value (statuses, row->status) : NULL;
      collab_table_builder_append_string (builder, value != NULL ? value->value_nick : NULL);
      collab_table_builder_append_amount (builder, sums->incoming);
      collab_table_builder_append_amount (builder, sums->internal);
      collab_table_builder_append_amount (builder, sums->outgoing);
      collab_table_builder_append_amount (builder, sums->allocated);
    }

  g_type_class_unref (categories);
  g_type_class_unref (statuses);
  return collab_table_builder_end (builder);
}

CollabTable *
collab_dataset_aggregate_funds (CollabDataset          *self,
                                const char             *boundary,
                                const CollabYearRange  *years,
                                GError                **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (boundary != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = collab_flow_aggregate (self, boundary, years, NULL, error);
  return rows != NULL ? rows_to_table (rows) : NULL;
}

/**
 * collab_dataset_aggregate_funds_between:
 * @self: a dataset
 * @boundary: as for [method@Collab.Dataset.aggregate_funds]
 * @days: the days of the period, both included
 * @error: return location for a #GError
 *
 * The same as [method@Collab.Dataset.aggregate_funds] over the
 * transactions dated in @days; the `year` column still gives the year the
 * money counts toward, and project statuses are those at the end of
 * @days.
 *
 * Returns: (transfer full): the table, or `NULL` with @error set when
 *   @boundary names no record of those kinds
 *   (%COLLAB_DATASET_ERROR_NOT_FOUND), or when a sum does not fit an
 *   amount (%COLLAB_VALUE_ERROR_OVERFLOW)
 */
CollabTable *
collab_dataset_aggregate_funds_between (CollabDataset          *self,
                                        const char             *boundary,
                                        const CollabDateRange  *days,
                                        GError                **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (boundary != NULL, NULL);
  g_return_val_if_fail (days != NULL && days->first != COLLAB_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = collab_flow_aggregate (self, boundary, NULL, days, error);
  return rows != NULL ? rows_to_table (rows) : NULL;
}

