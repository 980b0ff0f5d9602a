/* collab-scorecard.c: one row per program and year (or period), a section per area
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libcollab/collab-error.h>
#include <libcollab/collab-report.h>

#include "types/collab-day-private.h"
#include "types/collab-error-private.h"
#include "types/collab-i18n-private.h"
#include "model/collab-dataset-private.h"
#include "model/collab-units-private.h"
#include "collab-scorecard-private.h"

/* The order of the columns: who, then what was paired and done, then
 * what was found. */
static const CollabScorecardSection * const sections[] = {
  &collab_scorecard_pairings,
  &collab_scorecard_talent,
  &collab_scorecard_people,
  &collab_scorecard_funds,
  &collab_scorecard_labour,
  &collab_scorecard_cooperation,
  &collab_scorecard_plan,
  &collab_scorecard_agreements,
  &collab_scorecard_findings,
};

gboolean
collab_scorecard_is_assisted (const CollabStore      *store,
                              const CollabProgramRec *program,
                              CollabRef               region)
{
  for (guint c = 0; c < program->assisted.n; c++)
    if (program->assisted.refs[c] == region ||
        collab_units_region_is_under (store, region, program->assisted.refs[c]))
      return TRUE;

  return FALSE;
}

GHashTable *
collab_scorecard_index_assisted (const CollabStore *store)
{
  GHashTable *cities = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM); p++)
    {
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);

      for (guint c = 0; c < program->assisted.n; c++)
        {
          gpointer key = GUINT_TO_POINTER (program->assisted.refs[c]);
          GArray *list = g_hash_table_lookup (cities, key);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (cities, key, list);
            }
          g_array_append_val (list, p);
        }
    }
  return cities;
}

void
collab_scorecard_programs_of (const CollabStore *store,
                              GHashTable        *cities,
                              CollabRef          region,
                              GArray            *programs)
{
  const CollabRegionRec *rec;
  guint steps = 0;

  g_array_set_size (programs, 0);
  /* The loader rejects cycles; the bound only guards against a store
   * built by hand. */
  for (; region != COLLAB_REF_NONE && steps++ < 64; region = rec->parent)
    {
      GArray *list = g_hash_table_lookup (cities, GUINT_TO_POINTER (region));

      rec = collab_store_deref (store, region);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          guint p = g_array_index (list, guint, i), k;

          for (k = 0; k < programs->len && g_array_index (programs, guint, k) != p; k++)
            ;
          if (k == programs->len)
            g_array_append_val (programs, p);
        }
    }
}

void
collab_scorecard_owners (const CollabStore *store,
                         GHashTable        *cities,
                         CollabRef          program,
                         CollabRef          region,
                         GArray            *programs)
{
  if (program != COLLAB_REF_NONE)
    {
      guint p = COLLAB_REF_INDEX (program);

      g_array_set_size (programs, 0);
      g_array_append_val (programs, p);
    }
  else
    collab_scorecard_programs_of (store, cities, region, programs);
}

void
collab_scorecard_add_enum_columns (CollabTableBuilder *builder,
                                   const char         *prefix,
                                   GType               enum_type,
                                   CollabColumnType    type)
{
  GEnumClass *values = g_type_class_ref (enum_type);

  for (guint v = 0; v < values->n_values; v++)
    {
      g_autofree char *name = g_strconcat (prefix, values->values[v].value_nick, NULL);
      collab_table_builder_add_column (builder, name, type);
    }
  g_type_class_unref (values);
}

void
collab_scorecard_append_sum (CollabTableBuilder       *builder,
                             const CollabScorecardRow *row,
                             const CollabScorecardSum *sum)
{
  if (sum->overflow && *row->error == NULL)
    {
      g_autofree char *label = collab_table_label_for_name (collab_table_builder_get_next_column (builder));
      g_autofree char *years = collab_years_format (row->first_year, row->last_year);
      g_autofree char *program_id = collab_error_cut (row->program->h.id);

      g_set_error (row->error, COLLAB_VALUE_ERROR, COLLAB_VALUE_ERROR_OVERFLOW,
                   /* Translators: a scorecard column's label (Consumption
                    * (yuan)), a program's id, then a year or years (2021, or
                    * 2016–2020). */
                   _("The column “%s” of program %s in %s adds up to more than libcollab can count "
                     "(92233720368547758.07 yuan); correct the amounts it adds up."),
                   label, program_id, years);
    }
  collab_table_builder_append_amount (builder, sum->fen);
}

struct _CollabScorecardYears
{
  const CollabStore *store;
  gsize              cell_size;
  gsize             *first_cell;  /* per program: its first year's cell */
  guint8            *cells;
};

CollabScorecardYears *
collab_scorecard_years_new (const CollabStore *store,
                            gsize              cell_size)
{
  CollabScorecardYears *years = g_new0 (CollabScorecardYears, 1);
  guint n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  gsize n_cells = 0;

  years->store = store;
  years->cell_size = cell_size;
  years->first_cell = g_new (gsize, n_programs + 1);
  for (guint p = 0; p < n_programs; p++)
    {
      const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);

      years->first_cell[p] = n_cells;
      n_cells += program->last_year - program->first_year + 1;
    }
  years->cells = g_malloc0 (MAX (n_cells, 1) * cell_size);
  return years;
}

void
collab_scorecard_years_free (CollabScorecardYears *years)
{
  g_free (years->first_cell);
  g_free (years->cells);
  g_free (years);
}

gpointer
collab_scorecard_years_get (CollabScorecardYears *years,
                            guint                 program,
                            int                   year)
{
  const CollabProgramRec *rec = collab_store_get (years->store, COLLAB_RECORD_KIND_PROGRAM, program);

  if (year < rec->first_year || year > rec->last_year)
    return NULL;
  return years->cells + (years->first_cell[program] + (year - rec->first_year)) * years->cell_size;
}

static void
append_row (CollabTableBuilder       *builder,
            const CollabScorecardRow *row,
            gboolean                  period,
            gpointer                 *states)
{
  collab_table_builder_append_string (builder, row->program->h.id);
  collab_table_builder_append_int (builder, row->first_year);
  if (period)
    collab_table_builder_append_int (builder, row->last_year);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    sections[s]->append_cells (builder, row, states[s]);
}

/* The rows of a program: one per year of its period in @years, or (with
 * @period) one for the years its period shares with @years. */
static void
append_program (CollabTableBuilder    *builder,
                CollabScorecardRow    *row,
                const CollabYearRange *years,
                gboolean               period,
                gpointer              *states)
{
  int first = row->program->first_year, last = row->program->last_year;

  if (!period)
    {
      for (int year = first; year <= last; year++)
        if (collab_year_range_contains (years, year))
          {
            row->first_year = row->last_year = year;
            append_row (builder, row, FALSE, states);
          }
      return;
    }

  row->first_year = years != NULL ? MAX (first, years->first) : first;
  row->last_year = years != NULL ? MIN (last, years->last) : last;
  if (row->first_year <= row->last_year)
    append_row (builder, row, TRUE, states);
}

static CollabTable *
build (CollabDataset          *self,
       GPtrArray              *findings,
       const char             *program_id,
       const CollabYearRange  *years,
       gboolean                period,
       GError                **error)
{
  g_autoptr(CollabTableBuilder) builder = NULL;
  const CollabStore *store;
  gpointer states[G_N_ELEMENTS (sections)] = { NULL };
  guint only = G_MAXUINT;
  g_autoptr(GError) overflow = NULL;

  store = collab_dataset_get_store (self);
  if (!collab_units_find_program (store, program_id, &only, error))
    return NULL;

  builder = collab_table_builder_new ();
  collab_table_builder_add_column (builder, "program", COLLAB_COLUMN_TYPE_STRING);
  collab_table_builder_add_column (builder, period ? "first_year" : "year", COLLAB_COLUMN_TYPE_INT);
  if (period)
    collab_table_builder_add_column (builder, "last_year", COLLAB_COLUMN_TYPE_INT);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (sections[s]->prepare != NULL)
        states[s] = sections[s]->prepare (store, findings);
      sections[s]->add_columns (builder, states[s]);
    }

  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM) && overflow == NULL; p++)
    {
      CollabScorecardRow row = { store, findings };

      if (only != G_MAXUINT && p != only)
        continue;

      row.error = &overflow;
      row.program_ref = COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, p);
      row.program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      append_program (builder, &row, years, period, states);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (states[s] != NULL && sections[s]->free_state != NULL)
      sections[s]->free_state (states[s]);

  if (overflow != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&overflow));
      return NULL;
    }
  return collab_table_builder_end (builder);
}

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
 * The scorecard (SPEC §7, §11.5): one row per program and year with the
 * columns `program` and `year`, then the figures of each area — pairings
 * by level with the distinct units on each side, and the assisted
 * counties covered; professionals dispatched by profession and tenure
 * against the 666 rule; cadres in post; cadres and professionals sent
 * and received; funds
 * allocated against the base, transferred and spent by category; projects
 * by status; demonstration villages; cadres and talent trained; labour
 * cooperation (jobs offered, workers placed away from home, local jobs in
 * workshops, job fairs, labour training); consumption by channel, direct-sale
 * shops, enterprises settled and their investment, donations in cash and
 * in kind; events by kind, plan tasks by the status of their latest
 * report and key initiatives; the annual agreements against what the
 * rules count of them; and the findings counted by severity and by rule.
 * Amounts are [enum@Collab.ColumnType.AMOUNT]
 * columns of fen. The [Scorecard](scorecard.html) page defines every
 * column.
 *
 * For one row per program over a period of years, see
 * [method@Collab.Dataset.get_scorecard_for_period].
 *
 * ```python
 * card = wuxi.get_scorecard(wuxi.check(), 'wuxi-2021')
 * card.to_pandas().set_index('year')
 * ```
 *
 * Returns: (transfer full): the scorecard, or `NULL` with @error set when
 *   @program_id names no program (%COLLAB_DATASET_ERROR_NOT_FOUND), or when
 *   a figure adds up amounts past what an amount holds
 *   (%COLLAB_VALUE_ERROR_OVERFLOW: the message names the column, the
 *   program and the years)
 */
CollabTable *
collab_dataset_get_scorecard (CollabDataset          *self,
                              GPtrArray              *findings,
                              const char             *program_id,
                              const CollabYearRange  *years,
                              GError                **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build (self, findings, program_id, years, FALSE, error);
}

/**
 * collab_dataset_get_scorecard_for_period:
 * @self: a dataset
 * @findings: (nullable) (element-type Collab.Finding): the findings of a
 *   check of @self, to be counted by rule, or `NULL`
 * @program_id: (nullable): a program id, or `NULL` for every program
 * @years: (nullable): the period, or `NULL` for each program's whole
 *   period
 * @error: return location for a #GError
 *
 * The scorecard of a period (SPEC §11.5, `collab report --years
 * 2016-2020`): one row per program whose period meets @years, covering
 * the years the two share, with the columns `program`, `first_year` and
 * `last_year` (those years), then the same figures as
 * [method@Collab.Dataset.get_scorecard], each computed over the whole
 * period: amounts and counts of events add up the years, and people and
 * units are counted once however many years they appear in — the
 * workers placed in 2016–2020, not the sum of each year's. A program
 * whose period does not meet @years has no row.
 *
 * ```python
 * card = wuxi.get_scorecard(wuxi.check(), years=(2016, 2020), period=True)
 * card.to_pandas().set_index('program')
 * ```
 *
 * Returns: (transfer full): the scorecard, or `NULL` with @error set when
 *   @program_id names no program (%COLLAB_DATASET_ERROR_NOT_FOUND), or when
 *   a figure adds up amounts past what an amount holds
 *   (%COLLAB_VALUE_ERROR_OVERFLOW: the message names the column, the
 *   program and the years)
 */
CollabTable *
collab_dataset_get_scorecard_for_period (CollabDataset          *self,
                                         GPtrArray              *findings,
                                         const char             *program_id,
                                         const CollabYearRange  *years,
                                         GError                **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (self), NULL);
  g_return_val_if_fail (years == NULL || years->first <= years->last, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build (self, findings, program_id, years, TRUE, error);
}
