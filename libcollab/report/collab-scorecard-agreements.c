/* collab-scorecard-agreements.c: the annual agreements against what was done
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The agreement columns of a scorecard row (SPEC §11.2, §11.5), over the
 * row's years (one year, or a period):
 *
 *   agreed_funds            the funds of the program's agreements of those
 *                           years, added up; null when there is none
 *   agreed_professionals    the professionals they name, added up; null
 *   agreed_cadres           the cadres they name; null when none names any
 *   agreement_allocated     what the rules count against them
 *   agreement_professionals (collab_agreement_count(): fund.agreement's
 *   agreement_cadres        allocations, talent.agreement's people), for
 *                           each city and year that has an agreement,
 *                           added up over them; null when there is none
 *
 * A year's people are counted per year, as the rule counts them, so a
 * period adds the years: a cadre in post over two agreement years counts
 * in each. Two agreements of one city and year count their year's
 * actuals once. A sum past a gint64 of fen fails the scorecard with an
 * error naming the column.
 */

#include "analysis/collab-agreement-private.h"
#include "collab-scorecard-private.h"

typedef struct
{
  GArray **by_program;   /* per program, its agreements' indices */
  guint    n_programs;
} State;

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);

  state->n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  state->by_program = g_new0 (GArray *, MAX (state->n_programs, 1));
  for (guint p = 0; p < state->n_programs; p++)
    state->by_program[p] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint a = 0; a < collab_store_count (store, COLLAB_RECORD_KIND_AGREEMENT); a++)
    {
      const CollabAgreementRec *agreement = collab_store_get (store, COLLAB_RECORD_KIND_AGREEMENT, a);

      g_array_append_val (state->by_program[COLLAB_REF_INDEX (agreement->program)], a);
    }
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  for (guint p = 0; p < state->n_programs; p++)
    g_array_unref (state->by_program[p]);
  g_free (state->by_program);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  collab_table_builder_add_column (builder, "agreed_funds", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "agreed_professionals", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "agreed_cadres", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "agreement_allocated", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "agreement_professionals", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "agreement_cadres", COLLAB_COLUMN_TYPE_INT);
}

static void
append_or_null (CollabTableBuilder *builder,
                gboolean            given,
                gint64              value)
{
  if (!given)
    collab_table_builder_append_null (builder);
  else
    collab_table_builder_append_int (builder, value);
}

static void
append_sum_or_null (CollabTableBuilder       *builder,
                    const CollabScorecardRow *row,
                    gboolean                  given,
                    const CollabScorecardSum *sum)
{
  if (!given)
    collab_table_builder_append_null (builder);
  else
    collab_scorecard_append_sum (builder, row, sum);
}

/* Whether an agreement before @until in @list has the city and year of
 * @agreement: its actuals are counted already. */
static gboolean
seen_before (const CollabStore        *store,
             GArray                   *list,
             guint                     until,
             const CollabAgreementRec *agreement)
{
  for (guint i = 0; i < until; i++)
    {
      const CollabAgreementRec *other = collab_store_get (store, COLLAB_RECORD_KIND_AGREEMENT,
                                                          g_array_index (list, guint, i));

      if (other->city == agreement->city && other->year == agreement->year)
        return TRUE;
    }
  return FALSE;
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  GArray *list = state->by_program[COLLAB_REF_INDEX (row->program_ref)];
  CollabScorecardSum funds = { 0 }, allocated = { 0 };
  gint64 professionals = 0, cadres = 0, sent = 0, in_post = 0;
  gboolean any = FALSE, any_professionals = FALSE, any_cadres = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const CollabAgreementRec *agreement = collab_store_get (row->store, COLLAB_RECORD_KIND_AGREEMENT,
                                                              g_array_index (list, guint, i));
      CollabAgreementActuals actuals;

      if (agreement->year < row->first_year || agreement->year > row->last_year)
        continue;

      any = TRUE;
      collab_money_sum_add (&funds, agreement->funds);
      if (collab_agreement_has_professionals (agreement))
        {
          any_professionals = TRUE;
          professionals += agreement->professionals;
        }
      if (collab_agreement_has_cadres (agreement))
        {
          any_cadres = TRUE;
          cadres += agreement->cadres;
        }

      if (seen_before (row->store, list, i, agreement))
        continue;
      /* Allocations that do not fit are the column's overflow. */
      (void) collab_agreement_count ((CollabStore *) row->store, row->program_ref, agreement->city, agreement->year,
                                     &actuals, NULL);
      collab_money_sum_add_sum (&allocated, &actuals.allocated);
      sent += actuals.professionals;
      in_post += actuals.cadres;
    }

  append_sum_or_null (builder, row, any, &funds);
  append_or_null (builder, any_professionals, professionals);
  append_or_null (builder, any_cadres, cadres);
  append_sum_or_null (builder, row, any, &allocated);
  append_or_null (builder, any, sent);
  append_or_null (builder, any, in_post);
}

const CollabScorecardSection collab_scorecard_agreements = {
  "agreements", prepare, free_state, add_columns, append_cells,
};
