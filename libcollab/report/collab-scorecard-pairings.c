/* collab-scorecard-pairings.c: pairings by level, counties covered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
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

static gboolean
is_active (const CollabStore      *store,
           const CollabPairingRec *pairing,
           int                     year)
{
  int first_year, last_year;

  collab_store_pairing_years (store, pairing, &first_year, &last_year);
  return year >= first_year && year <= last_year;
}

static gboolean
is_under_assisted_city (const CollabStore      *store,
                        const CollabProgramRec *program,
                        CollabRef               region)
{
  for (CollabRef up = region; up != COLLAB_REF_NONE;
       up = ((const CollabRegionRec *) collab_store_deref (store, up))->parent)
    for (guint c = 0; c < program->assisted.n; c++)
      if (program->assisted.refs[c] == up)
        return TRUE;

  return FALSE;
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

  for (guint i = 0; i < n_pairings; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

      if (pairing->program == row->program_ref && is_active (store, pairing, row->year))
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
          !is_under_assisted_city (store, row->program, ref))
        continue;

      to_cover++;
      for (guint i = 0; i < n_pairings; i++)
        {
          const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

          if (pairing->program == row->program_ref && pairing->assisted == ref &&
              pairing->level == COLLAB_PAIRING_LEVEL_COUNTY && is_active (store, pairing, row->year))
            {
              covered++;
              break;
            }
        }
    }

  for (guint l = 0; l < G_N_ELEMENTS (by_level); l++)
    collab_table_builder_append_int (builder, by_level[l]);
  collab_table_builder_append_int (builder, to_cover);
  collab_table_builder_append_int (builder, covered);
}

const CollabScorecardSection collab_scorecard_pairings = {
  "pairings", NULL, NULL, add_columns, append_cells,
};
