/* collab-scorecard.c: one row per program and year, a section per area
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libcollab/collab-error.h>
#include <libcollab/collab-report.h>

#include "types/collab-i18n-private.h"
#include "model/collab-dataset-private.h"
#include "collab-scorecard-private.h"

/* The order of the columns: who, then what was paired, then what was
 * found. */
static const CollabScorecardSection * const sections[] = {
  &collab_scorecard_pairings,
  &collab_scorecard_talent,
  &collab_scorecard_funds,
  &collab_scorecard_findings,
};

/**
 * collab_dataset_get_scorecard:
 * @self: a dataset
 * @findings: (nullable) (element-type Collab.Finding): the findings of a
 *   check of @self, to be counted by rule, or `NULL`
 * @program_id: (nullable): a program id, or `NULL` for every program
 * @years: (nullable): the years to give a row, or `NULL` for every year
 *   of each program's period
 * @error: return location for a #GError
 *
 * The scorecard (SPEC §7): one row per program and year with the columns
 * `program` and `year`, then the figures of each area — pairings by level
 * and the assisted counties covered; professionals dispatched by
 * profession and tenure against the 666 rule; cadres in post; funds
 * allocated against the base, transferred and spent by category; projects
 * by status; demonstration villages; and the findings counted by
 * severity and by rule. Amounts are [enum@Collab.ColumnType.AMOUNT]
 * columns of fen.
 *
 * ```python
 * card = wuxi.get_scorecard(wuxi.check(), 'wuxi-2021')
 * card.to_pandas().set_index('year')
 * ```
 *
 * Returns: (transfer full): the scorecard, or `NULL` with @error set when
 *   @program_id names no program
 */
CollabTable *
collab_dataset_get_scorecard (CollabDataset          *self,
                              GPtrArray              *findings,
                              const char             *program_id,
                              const CollabYearRange  *years,
                              GError                **error)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  const CollabStore *store;
  gpointer states[G_N_ELEMENTS (sections)] = { NULL };
  guint only = G_MAXUINT;

  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = collab_dataset_get_store (self);
  if (program_id != NULL && !collab_store_lookup (store, COLLAB_RECORD_KIND_PROGRAM, program_id, &only))
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_NOT_FOUND,
                   _("no program has the id \"%s\""), program_id);
      return NULL;
    }

  builder = collab_table_builder_new ();
  collab_table_builder_add_column (builder, "program", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, "year", COLLAB_COLUMN_TYPE_INT);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (sections[s]->prepare != NULL)
        states[s] = sections[s]->prepare (store, findings);
      sections[s]->add_columns (builder, states[s]);
    }

  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM); p++)
    {
      CollabScorecardRow row = { store, findings };

      if (only != G_MAXUINT && p != only)
        continue;

      row.program_ref = COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, p);
      row.program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      for (row.year = row.program->first_year; row.year <= row.program->last_year; row.year++)
        {
          if (!collab_year_range_contains (years, row.year))
            continue;

          collab_table_builder_append_string (builder, row.program->h.id);
          collab_table_builder_append_int (builder, row.year);
          for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
            sections[s]->append_cells (builder, &row, states[s]);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (states[s] != NULL && sections[s]->free_state != NULL)
      sections[s]->free_state (states[s]);

  return collab_table_builder_end (builder);
}
