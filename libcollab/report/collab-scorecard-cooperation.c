/* collab-scorecard-cooperation.c: consumption, shops, enterprises settled, donations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The consumption, industry and social cooperation columns of a
 * scorecard row (SPEC §11.5), over the row's years (one year, or a
 * period):
 *
 *   consumption, consumption_<channel>
 *                        amount of the purchases (消费协作) dated in the
 *                        row's years, in all and by channel
 *   consumption_beneficiaries
 *                        their `beneficiaries` (带动脱贫人口), summed
 *   shops                organizations of kind shop (直销店) whose `serves`
 *                        is an assisted city of the program or lies under
 *                        one; a shop has no date: every row has them all
 *   enterprises_settled  distinct enterprises with an investment (产业协作)
 *                        dated in the row's years, each once however many
 *                        investments it made
 *   investment           the sum of those investments
 *   donations_cash, donations_in_kind
 *                        amount of the donations (社会帮扶) dated in the
 *                        row's years, by form
 *
 * A purchase, an investment or a donation that names a program is that
 * program's; one that does not is the program's whose assisted city is
 * or holds its region (the purchase's origin, the investment's county,
 * the donation's `to`). Two programs of the same cities in different
 * years each count only their own years, since a record counts only in
 * a row whose years hold its date.
 *
 * Amounts are summed in fen as CollabScorecardSums: a sum beyond int64
 * fails the scorecard with an error naming the column, as the funds
 * section's do; it never wraps round, nor stays at the limit.
 *
 * One pass over the records in prepare() adds the amounts into a cell
 * per program and year and files each investment with its program; a row
 * adds its years' cells and counts its enterprises once with an array
 * that says which row last counted each organization.
 */

#include <libcollab/collab-enum-types.h>

#include "collab-scorecard-private.h"

#define N_CHANNELS (COLLAB_PURCHASE_CHANNEL_OTHER + 1)
#define N_FORMS    (COLLAB_DONATION_FORM_IN_KIND + 1)

typedef struct
{
  CollabScorecardSum consumption;
  CollabScorecardSum by_channel[N_CHANNELS];
  gint64             beneficiaries;
  CollabScorecardSum investment;
  CollabScorecardSum donations[N_FORMS];
} Year;

/* An investment, as the rows need it. */
typedef struct
{
  guint32 enterprise;   /* index of the organization */
  gint32  year;
} Settled;

typedef struct
{
  const CollabStore    *store;
  CollabScorecardYears *years;      /* of Year */
  guint                *shops;      /* per program */
  GPtrArray            *settled;    /* per program: GArray of Settled */
  guint32               row;
  guint32              *counted;    /* per organization: the last row that counted it */
} State;

/* Sets @cells to the cells of the year of @day of the programs a record
 * of @program and @region belongs to (collab_scorecard_owners()) whose
 * period holds that year, and @programs to those programs. */
static void
cells_of (State      *state,
          GHashTable *cities,
          CollabRef   program,
          CollabRef   region,
          CollabDay   day,
          GArray     *programs,
          GPtrArray  *cells)
{
  g_ptr_array_set_size (cells, 0);
  collab_scorecard_owners (state->store, cities, program, region, programs);
  for (guint k = 0; k < programs->len; k++)
    {
      guint p = g_array_index (programs, guint, k);
      Year *cell = collab_scorecard_years_get (state->years, p, collab_day_get_year (day));

      /* @programs keeps those with a cell, in step with @cells. */
      if (cell != NULL)
        {
          g_array_index (programs, guint, cells->len) = p;
          g_ptr_array_add (cells, cell);
        }
    }
  g_array_set_size (programs, cells->len);
}

static void
file_records (State      *state,
              GHashTable *cities)
{
  const CollabStore *store = state->store;
  g_autoptr(GArray) programs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PURCHASE); i++)
    {
      const CollabPurchaseRec *purchase = collab_store_get (store, COLLAB_RECORD_KIND_PURCHASE, i);

      cells_of (state, cities, purchase->program, purchase->origin, purchase->date, programs, cells);
      for (guint k = 0; k < cells->len; k++)
        {
          Year *cell = cells->pdata[k];

          collab_money_sum_add (&cell->consumption, purchase->amount);
          collab_money_sum_add (&cell->by_channel[purchase->channel], purchase->amount);
          cell->beneficiaries += purchase->beneficiaries;
        }
    }

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_INVESTMENT); i++)
    {
      const CollabInvestmentRec *investment = collab_store_get (store, COLLAB_RECORD_KIND_INVESTMENT, i);
      Settled settled = { COLLAB_REF_INDEX (investment->enterprise), collab_day_get_year (investment->date) };

      cells_of (state, cities, investment->program, investment->county, investment->date, programs, cells);
      for (guint k = 0; k < cells->len; k++)
        {
          collab_money_sum_add (&((Year *) cells->pdata[k])->investment, investment->amount);
          g_array_append_val (g_ptr_array_index (state->settled, g_array_index (programs, guint, k)), settled);
        }
    }

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_DONATION); i++)
    {
      const CollabDonationRec *donation = collab_store_get (store, COLLAB_RECORD_KIND_DONATION, i);

      cells_of (state, cities, donation->program, donation->to, donation->date, programs, cells);
      for (guint k = 0; k < cells->len; k++)
        collab_money_sum_add (&((Year *) cells->pdata[k])->donations[donation->form], donation->amount);
    }
}

static void
file_shops (State      *state,
            GHashTable *cities)
{
  g_autoptr(GArray) programs = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < collab_store_count (state->store, COLLAB_RECORD_KIND_ORGANIZATION); i++)
    {
      const CollabOrganizationRec *org = collab_store_get (state->store, COLLAB_RECORD_KIND_ORGANIZATION, i);

      if (org->kind != COLLAB_ORGANIZATION_KIND_SHOP || org->serves == COLLAB_REF_NONE)
        continue;
      collab_scorecard_programs_of (state->store, cities, org->serves, programs);
      for (guint k = 0; k < programs->len; k++)
        state->shops[g_array_index (programs, guint, k)]++;
    }
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);
  guint n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  g_autoptr(GHashTable) cities = collab_scorecard_index_assisted (store);

  state->store = store;
  state->years = collab_scorecard_years_new (store, sizeof (Year));
  state->shops = g_new0 (guint, n_programs + 1);
  state->settled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint p = 0; p < n_programs; p++)
    g_ptr_array_add (state->settled, g_array_new (FALSE, FALSE, sizeof (Settled)));
  state->counted = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_ORGANIZATION) + 1);

  file_records (state, cities);
  file_shops (state, cities);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  collab_scorecard_years_free (state->years);
  g_free (state->shops);
  g_ptr_array_unref (state->settled);
  g_free (state->counted);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  collab_table_builder_add_column (builder, "consumption", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "consumption_beneficiaries", COLLAB_COLUMN_TYPE_INT);
  collab_scorecard_add_enum_columns (builder, "consumption_", COLLAB_TYPE_PURCHASE_CHANNEL,
                                     COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "shops", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "enterprises_settled", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "investment", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "donations_cash", COLLAB_COLUMN_TYPE_AMOUNT);
  collab_table_builder_add_column (builder, "donations_in_kind", COLLAB_COLUMN_TYPE_AMOUNT);
}

/* Adds the figures of @year to @sum. */
static void
add_year (Year       *sum,
          const Year *year)
{
  collab_money_sum_add_sum (&sum->consumption, &year->consumption);
  for (guint c = 0; c < N_CHANNELS; c++)
    collab_money_sum_add_sum (&sum->by_channel[c], &year->by_channel[c]);
  sum->beneficiaries += year->beneficiaries;
  collab_money_sum_add_sum (&sum->investment, &year->investment);
  for (guint f = 0; f < N_FORMS; f++)
    collab_money_sum_add_sum (&sum->donations[f], &year->donations[f]);
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint program = COLLAB_REF_INDEX (row->program_ref);
  GArray *settled = g_ptr_array_index (state->settled, program);
  guint32 row_number = ++state->row;
  guint enterprises = 0;
  Year sum = { 0 };

  for (int y = row->first_year; y <= row->last_year; y++)
    add_year (&sum, collab_scorecard_years_get (state->years, program, y));

  for (guint i = 0; i < settled->len; i++)
    {
      const Settled *entry = &g_array_index (settled, Settled, i);

      if (entry->year >= row->first_year && entry->year <= row->last_year)
        enterprises += collab_scorecard_count_once (state->counted, entry->enterprise, row_number);
    }

  collab_scorecard_append_sum (builder, row, &sum.consumption);
  collab_table_builder_append_int (builder, sum.beneficiaries);
  for (guint c = 0; c < N_CHANNELS; c++)
    collab_scorecard_append_sum (builder, row, &sum.by_channel[c]);
  collab_table_builder_append_int (builder, state->shops[program]);
  collab_table_builder_append_int (builder, enterprises);
  collab_scorecard_append_sum (builder, row, &sum.investment);
  collab_scorecard_append_sum (builder, row, &sum.donations[COLLAB_DONATION_FORM_CASH]);
  collab_scorecard_append_sum (builder, row, &sum.donations[COLLAB_DONATION_FORM_IN_KIND]);
}

const CollabScorecardSection collab_scorecard_cooperation = {
  "cooperation", prepare, free_state, add_columns, append_cells,
};
