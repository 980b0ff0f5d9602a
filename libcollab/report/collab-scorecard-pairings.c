/* collab-scorecard-pairings.c: pairings by level and their units on each side, counties covered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   pairings_<level>     the program's pairings active in at least one
 *                        year of the row, each once
 *   pairings_<level>_assisting, pairings_<level>_assisted
 *                        the distinct units on each side of those
 *                        pairings ("39 Wuxi schools ↔ 47 Haidong
 *                        schools"): a school in two pairings once
 *   counties_to_cover    the counties pairing.coverage asks about
 *   counties_covered     of them, those a county-level pairing of the
 *                        program pairs in every year of the row
 */

#include <libcollab/collab-enum-types.h>

#include "collab-scorecard-private.h"

#define N_LEVELS (COLLAB_PAIRING_LEVEL_PARK + 1)

/* The units are counted without a hash (collab_scorecard_count_once()),
 * over the regions, then the organizations: one count per row and level
 * and an array per side. A count must be done before the next starts,
 * hence each program's pairings filed by level. */
typedef struct
{
  GPtrArray *pairings;    /* per program: GArray of pairing indices, by level */
  guint      n_regions;
  guint32   *assisting;
  guint32   *assisted;
  guint32    count;
} State;

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);
  guint n_units = collab_store_count (store, COLLAB_RECORD_KIND_REGION) +
                  collab_store_count (store, COLLAB_RECORD_KIND_ORGANIZATION) + 1;

  state->pairings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM); p++)
    g_ptr_array_add (state->pairings, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint level = 0; level < N_LEVELS; level++)
    for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PAIRING); i++)
      {
        const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING, i);

        if (pairing->level == level && pairing->program != COLLAB_REF_NONE)
          g_array_append_val (g_ptr_array_index (state->pairings, COLLAB_REF_INDEX (pairing->program)), i);
      }

  state->n_regions = collab_store_count (store, COLLAB_RECORD_KIND_REGION);
  state->assisting = g_new0 (guint32, n_units);
  state->assisted = g_new0 (guint32, n_units);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  g_ptr_array_unref (state->pairings);
  g_free (state->assisting);
  g_free (state->assisted);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  GEnumClass *levels = g_type_class_ref (COLLAB_TYPE_PAIRING_LEVEL);
  static const char * const suffixes[] = { "", "_assisting", "_assisted" };

  for (guint i = 0; i < levels->n_values; i++)
    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autofree char *name = g_strdup_printf ("pairings_%s%s", levels->values[i].value_nick, suffixes[s]);
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

/* Whether a county-level pairing of the row's program (@pairings, the
 * program's) pairs @county in every year of the row: a county whose
 * pairing stopped part-way through a period was not covered over it. */
static gboolean
is_covered (const CollabScorecardRow *row,
            GArray                   *pairings,
            CollabRef                 county)
{
  const CollabStore *store = row->store;

  for (int year = row->first_year; year <= row->last_year; year++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; !covered && i < pairings->len; i++)
        {
          const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING,
                                                              g_array_index (pairings, guint, i));

          covered = pairing->assisted == county && pairing->level == COLLAB_PAIRING_LEVEL_COUNTY &&
                    is_active (store, pairing, year, year);
        }
      if (!covered)
        return FALSE;
    }
  return TRUE;
}

/* 1 when @unit (a region or an organization) has not been counted in
 * @seen with @count yet, and now has. */
static guint
count_unit (State    *state,
            guint32  *seen,
            CollabRef unit,
            guint32   count)
{
  if (unit == COLLAB_REF_NONE)
    return 0;
  return collab_scorecard_count_once (seen, COLLAB_REF_INDEX (unit) +
                                                   (COLLAB_REF_KIND (unit) == COLLAB_RECORD_KIND_REGION
                                                      ? 0 : state->n_regions),
                                      count);
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  const CollabStore *store = row->store;
  GArray *pairings = g_ptr_array_index (state->pairings, COLLAB_REF_INDEX (row->program_ref));
  guint by_level[N_LEVELS] = { 0 }, assisting[N_LEVELS] = { 0 }, assisted[N_LEVELS] = { 0 };
  guint to_cover = 0, covered = 0, previous = G_MAXUINT;

  /* Each pairing once, active in any year of the row; a count per level. */
  for (guint i = 0; i < pairings->len; i++)
    {
      const CollabPairingRec *pairing = collab_store_get (store, COLLAB_RECORD_KIND_PAIRING,
                                                          g_array_index (pairings, guint, i));
      guint level = pairing->level;

      if (level != previous)
        {
          state->count++;
          previous = level;
        }
      if (!is_active (store, pairing, row->first_year, row->last_year))
        continue;
      by_level[level]++;
      assisting[level] += count_unit (state, state->assisting, pairing->assisting, state->count);
      assisted[level] += count_unit (state, state->assisted, pairing->assisted, state->count);
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
      covered += is_covered (row, pairings, ref);
    }

  for (guint l = 0; l < N_LEVELS; l++)
    {
      collab_table_builder_append_int (builder, by_level[l]);
      collab_table_builder_append_int (builder, assisting[l]);
      collab_table_builder_append_int (builder, assisted[l]);
    }
  collab_table_builder_append_int (builder, to_cover);
  collab_table_builder_append_int (builder, covered);
}

const CollabScorecardSection collab_scorecard_pairings = {
  "pairings", prepare, free_state, add_columns, append_cells,
};
