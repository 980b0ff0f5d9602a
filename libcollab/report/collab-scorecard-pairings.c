/* collab-scorecard-pairings.c: pairings by level, counties covered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   pairings_<level>     the program's pairings active in at least one
 *                        year of the row, each once
 *   counties_to_cover    the counties pairing.coverage asks about
 *   counties_covered     of them, those a county-level pairing of the
 *                        program pairs in every year of the row
 */

#include <libcollab/collab-enum-types.h>

#include "collab-scorecard-private.h"

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  GEnumClass *levels = g_type_class_ref (COLLAB_TYPE_PAIRING_LEVEL);

  for (guint i = 0; i < levels->n_values; i++)
    {
      g_autofree char *name = g_strdup_printf ("pairings_%s", levels->values[i].value_nick);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }
  g_type_class_unref (levels);

  collab_table_builder_add_column (builder, "counties_to_cover", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "counties_covered", COLLAB_COLUMN_TYPE_INT);
}

/* Whether @pairing is active in at least one year of @first … @last. */
static gboolean
is_active (const CollabStore      *store,
           const CollabPairingRec *pairing,
           int                     first,
           int                     last)
{
  int first_year, last_year;

  collab_store_pairing_years (store, pairing, &first_year, &last_year);
  return first_year <= last && last_year >= first;
}

/* Whether a county-level pairing of the row's program pairs @county in
 * every year of the row: a county whose pairing stopped part-way through
 * a period was not covered over it. */
static gboolean
is_covered (const CollabScorecardRow *row,
            CollabRef                 county)
{
  const CollabStore *store = row->store;

  for (int year = row->first_year; year <= row->last_year; year++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; !covered && i < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); i++)
        {
          const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

          covered = pairing->program == row->program_ref && pairing->assisted == county &&
                    pairing->level == COLLAB_PAIRING_LEVEL_COUNTY && is_active (store, pairing, year, year);
        }
      if (!covered)
        return FALSE;
    }
  return TRUE;
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  state)
{
  const CollabStore *store = row->store;
  guint n_pairings = collab_store_count (store, COLLAB_RECORD_KIND_PAIRING);
  guint by_level[COLLAB_PAIRING_LEVEL_PARK + 1] = { 0 };
  guint to_cover = 0, covered = 0;

  /* Each pairing once, active in any year of the row. */
  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

      if (pairing->program == row->program_ref && is_active (store, pairing, row->first_year, row->last_year))
        by_level[pairing->level]++;
    }

  /* The counties pairing.coverage asks about: poverty-lifted or national
   * key, under an assisted city. */
  for (guint r = 0; r < collab_store_count (store, COLLAB_RECORD_KIND_REGION); r++)
    {
      const CollabRegionRec *region = collab_store_get (store, COLLAB_RECORD_KIND_REGION, r);
      CollabRef ref = COLLAB_REF (COLLAB_RECORD_KIND_REGION, r);

      if (region->level != COLLAB_REGION_LEVEL_COUNTY ||
          !(region->flags & (COLLAB_REGION_FLAGS_POVERTY_LIFTED | COLLAB_REGION_FLAGS_NATIONAL_KEY)) ||
          !collab_scorecard_is_assisted (store, row->program, ref))
        continue;

      to_cover++;
      covered += is_covered (row, ref);
    }

  for (guint l = 0; l < G_N_ELEMENTS (by_level); l++)
    collab_table_builder_append_int (builder, by_level[l]);
  collab_table_builder_append_int (builder, to_cover);
  collab_table_builder_append_int (builder, covered);
}

const CollabScorecardSection collab_scorecard_pairings = {
  "pairings", NULL, NULL, add_columns, append_cells,
};
