/* collab-scorecard-funds.c: funds allocated, transferred and spent; projects
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Per program and year, or period (SPEC §7, §11.5): what was allocated
 * against the base and the plan total, what was transferred to the
 * assisted side, what was spent and on which category of project, how
 * many projects were funded, and the program's projects by status. The
 * "_to_date" columns add every year up to the row's last, so the last row
 * of a period states the period's totals the way a plan's summary does
 * ("累计安排财政帮扶资金1.47亿元，实施项目218个": allocated_to_date and
 * projects_funded_to_date of 2020, or allocated and projects_funded of
 * the period 2016–2020).
 *
 * Whose money is whose is the ledger's attribution (collab-ledger.c): the
 * transaction's program, else its parent's, else first in, first out.
 *
 *  - fund_base, fund_plan_total: the sums over the program's fund base
 *    (null when it has none, or gives no plan total); the base is a
 *    year's, so a period's row gives it once per year of the period,
 *    to compare with what the period allocated;
 *  - allocated: the allocations fund.floor counts, by budget year;
 *  - transferred: the program's money that crossed into its assisted
 *    cities (a transfer to an account or a project in or under one of
 *    them, from outside them) — what the assisted side received, counted
 *    once however often it moves on inside;
 *  - spent, spent_<category>: the program's money spent by projects;
 *  - projects_funded: projects that received the program's money in the
 *    row's years, each once; projects_funded_to_date: those that ever
 *    did, up to the row's last year, each once;
 *  - projects_<status>: the program's projects (those that name it, and
 *    those it funded) by their status at the end of the row's last year.
 */

#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-money.h>

#include "analysis/collab-ledger-private.h"
#include "collab-scorecard-private.h"

#define N_CATEGORIES (COLLAB_PROJECT_CATEGORY_RURAL_REVITALIZATION + 1)
#define N_STATUSES   (COLLAB_PROJECT_STATUS_CANCELLED + 1)

/* Sums of fen: one that does not fit fails the scorecard. */
typedef struct
{
  CollabScorecardSum allocated;
  CollabScorecardSum transferred;
  CollabScorecardSum spent;
  CollabScorecardSum spent_by_category[N_CATEGORIES];
  guint              by_status[N_STATUSES];
} Year;

typedef struct
{
  Year    before;           /* years before the period, for "to date" */
  Year   *years;            /* the period's */
  GArray *funded;           /* per project it funded: the years, as bits (see year_bit) */
} Program;

typedef struct
{
  const CollabStore *store;
  Program           *programs;
  guint              n_programs;
} State;

/* The cell of @program for @year: the period's, the "before" bucket, or
 * NULL after the period. */
static Year *
year_of (State *state,
         guint  program,
         int    year)
{
  const CollabProgramRec *rec = collab_store_get (state->store, COLLAB_RECORD_KIND_PROGRAM, program);

  if (year < rec->first_year)
    return &state->programs[program].before;
  if (year > rec->last_year)
    return NULL;
  return &state->programs[program].years[year - rec->first_year];
}

/* Whether @region is one of @program's assisted cities or lies under one. */
static gboolean
is_assisted (const CollabStore *store,
             GHashTable        *cities,
             CollabRef          region,
             guint              program)
{
  guint steps = 0;

  for (; region != COLLAB_REF_NONE && steps++ < 64;
       region = ((const CollabRegionRec *) collab_store_deref (store, region))->parent)
    {
      GArray *list = g_hash_table_lookup (cities, GUINT_TO_POINTER (region));

      for (guint i = 0; list != NULL && i < list->len; i++)
        if (g_array_index (list, guint, i) == program)
          return TRUE;
    }
  return FALSE;
}

/* A year as a bit of a project's funded years: bit 1 for the program's
 * first year and on, every earlier year in bit 0, every year past the
 * 62nd in bit 63. */
static guint64
year_bit (const CollabStore *store,
          guint              program,
          int                year)
{
  const CollabProgramRec *rec = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, program);

  return G_GUINT64_CONSTANT (1) << CLAMP (year - rec->first_year + 1, 0, 63);
}

static void
count_money (State        *state,
             CollabLedger *ledger,
             GHashTable   *funded)
{
  const CollabStore *store = state->store;
  const CollabLedgerColumns *columns = collab_ledger_get_columns (ledger);
  g_autoptr(GHashTable) cities = collab_scorecard_index_assisted (store);
  const guint32 *moves;
  guint n_moves;

  for (guint p = 0; p < state->n_programs; p++)
    {
      const CollabLedgerAllocation *allocations;
      guint n;

      allocations = collab_ledger_get_allocations (ledger, COLLAB_REF (COLLAB_RECORD_KIND_PROGRAM, p), &n);
      for (guint i = 0; i < n; i++)
        {
          Year *cell = year_of (state, p, allocations[i].year);

          if (cell != NULL)
            collab_money_sum_add (&cell->allocated, allocations[i].amount);
        }
    }

  moves = collab_ledger_get_moves (ledger, &n_moves);
  for (guint i = 0; i < n_moves; i++)
    {
      guint32 index = moves[i];
      int year = columns->year[index];
      guint from = columns->from[index];
      guint to = columns->to[index];
      const CollabLedgerShare *shares;
      guint n_shares;

      shares = collab_ledger_get_shares (ledger, index, &n_shares);
      for (guint s = 0; s < n_shares; s++)
        {
          guint p;
          Year *cell;

          if (shares[s].program == COLLAB_REF_NONE)
            continue;
          p = COLLAB_REF_INDEX (shares[s].program);
          if ((cell = year_of (state, p, year)) == NULL)
            continue;

          if (columns->type[index] == COLLAB_TRANSACTION_TYPE_EXPENDITURE)
            {
              const CollabProjectRec *project = collab_store_deref (store, collab_ledger_node_ref (ledger, from));

              collab_money_sum_add (&cell->spent, shares[s].amount);
              collab_money_sum_add (&cell->spent_by_category[project->category], shares[s].amount);
              continue;
            }

          if (is_assisted (store, cities, collab_ledger_node_region (ledger, to), p) &&
              !is_assisted (store, cities, collab_ledger_node_region (ledger, from), p))
            collab_money_sum_add (&cell->transferred, shares[s].amount);

          if (collab_ledger_node_is_project (ledger, to))
            {
              /* (program, project) → the years it was funded in. */
              guint64 key = ((guint64) p << 32) | COLLAB_REF_INDEX (collab_ledger_node_ref (ledger, to));
              gpointer value = g_hash_table_lookup (funded, &key);
              guint64 *years = value;

              if (years == NULL)
                {
                  guint64 *stored = g_new (guint64, 1);

                  *stored = key;
                  years = g_new0 (guint64, 1);
                  g_hash_table_insert (funded, stored, years);
                }
              *years |= year_bit (store, p, year);
            }
        }
    }
}

static void
count_projects (State      *state,
                GHashTable *funded)
{
  const CollabStore *store = state->store;
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* Funded: each project's years, kept with its program. */
  g_hash_table_iter_init (&iter, funded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint p = (guint) (*(guint64 *) key >> 32);

      g_array_append_val (state->programs[p].funded, *(guint64 *) value);
      g_hash_table_add (members, g_memdup2 (key, sizeof (guint64)));
    }

  /* The program's projects: those it funded and those that name it. */
  for (guint j = 0; j < collab_store_count (store, COLLAB_RECORD_KIND_PROJECT); j++)
    {
      const CollabProjectRec *project = collab_store_get (store, COLLAB_RECORD_KIND_PROJECT, j);

      if (project->program != COLLAB_REF_NONE)
        {
          guint64 member = ((guint64) COLLAB_REF_INDEX (project->program) << 32) | j;

          if (!g_hash_table_contains (members, &member))
            g_hash_table_add (members, g_memdup2 (&member, sizeof member));
        }
    }

  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint p = (guint) (*(guint64 *) key >> 32);
      guint j = (guint) (*(guint64 *) key & G_MAXUINT32);
      const CollabProgramRec *rec = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);
      const CollabProjectRec *project = collab_store_get (store, COLLAB_RECORD_KIND_PROJECT, j);

      for (int year = rec->first_year; year <= rec->last_year; year++)
        {
          int status = collab_project_status_at (project, collab_day_new (year, 12, 31));

          if (status >= 0)
            state->programs[p].years[year - rec->first_year].by_status[status]++;
        }
    }
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);
  g_autoptr(CollabLedger) ledger = collab_ledger_for_store ((CollabStore *) store);
  g_autoptr(GHashTable) funded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  state->store = store;
  state->n_programs = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM);
  state->programs = g_new0 (Program, MAX (state->n_programs, 1));
  for (guint p = 0; p < state->n_programs; p++)
    {
      const CollabProgramRec *rec = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);

      state->programs[p].years = g_new0 (Year, rec->last_year - rec->first_year + 1);
      state->programs[p].funded = g_array_new (FALSE, FALSE, sizeof (guint64));
    }

  count_money (state, ledger, funded);
  count_projects (state, funded);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  for (guint p = 0; p < state->n_programs; p++)
    {
      g_free (state->programs[p].years);
      g_array_unref (state->programs[p].funded);
    }
  g_free (state->programs);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  GEnumClass *categories = g_type_class_ref (COLLAB_TYPE_PROJECT_CATEGORY);
  GEnumClass *statuses = g_type_class_ref (COLLAB_TYPE_PROJECT_STATUS);
  static const char * const amounts[] = {
    "fund_base", "fund_plan_total", "allocated", "allocated_to_date", "transferred",
    "transferred_to_date", "spent", "spent_to_date",
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    collab_table_builder_add_column (builder, amounts[i], COLLAB_COLUMN_TYPE_AMOUNT);
  for (guint c = 0; c < categories->n_values; c++)
    {
      g_autofree char *name = g_strdup_printf ("spent_%s", categories->values[c].value_nick);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_AMOUNT);
    }
  collab_table_builder_add_column (builder, "projects_funded", COLLAB_COLUMN_TYPE_INT);
  collab_table_builder_add_column (builder, "projects_funded_to_date", COLLAB_COLUMN_TYPE_INT);
  for (guint s = 0; s < statuses->n_values; s++)
    {
      g_autofree char *name = g_strdup_printf ("projects_%s", statuses->values[s].value_nick);
      collab_table_builder_add_column (builder, name, COLLAB_COLUMN_TYPE_INT);
    }

  g_type_class_unref (categories);
  g_type_class_unref (statuses);
}

/* Adds the money of @year to @sum. */
static void
add_year (Year       *sum,
          const Year *year)
{
  collab_money_sum_add_sum (&sum->allocated, &year->allocated);
  collab_money_sum_add_sum (&sum->transferred, &year->transferred);
  collab_money_sum_add_sum (&sum->spent, &year->spent);
  for (guint c = 0; c < N_CATEGORIES; c++)
    collab_money_sum_add_sum (&sum->spent_by_category[c], &year->spent_by_category[c]);
}

/* The projects of @program funded in one of the years @mask has. */
static guint
count_funded (const Program *program,
              guint64        mask)
{
  guint n = 0;

  for (guint i = 0; i < program->funded->len; i++)
    n += (g_array_index (program->funded, guint64, i) & mask) != 0;
  return n;
}

/* The sums over the program's fund base: the base once per year of the
 * row, the plan total once. */
static void
append_fund_base (CollabTableBuilder       *builder,
                  const CollabScorecardRow *row)
{
  const CollabSchema *schema = collab_schema_for_kind (COLLAB_RECORD_KIND_PROGRAM);
  const CollabSchema *sub = schema->fields[collab_schema_find_field (schema, "fund_base")].sub;
  int plan_total_field = collab_schema_find_field (sub, "plan_total");
  const CollabFundBaseRec *bases = row->program->fund_base.items;
  CollabScorecardSum base = { 0 }, plan_total = { 0 };
  gboolean any_plan_total = FALSE;

  for (guint b = 0; b < row->program->fund_base.n; b++)
    {
      for (int y = row->first_year; y <= row->last_year; y++)
        collab_money_sum_add (&base, bases[b].base);
      if (plan_total_field >= 0 && COLLAB_RECORD_PRESENT (&bases[b], plan_total_field))
        {
          collab_money_sum_add (&plan_total, bases[b].plan_total);
          any_plan_total = TRUE;
        }
    }

  if (row->program->fund_base.n > 0)
    collab_scorecard_append_sum (builder, row, &base);
  else
    collab_table_builder_append_null (builder);
  if (any_plan_total)
    collab_scorecard_append_sum (builder, row, &plan_total);
  else
    collab_table_builder_append_null (builder);
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint p = COLLAB_REF_INDEX (row->program_ref);
  const Program *program = &state->programs[p];
  int first_year = row->program->first_year;
  const Year *last = &program->years[row->last_year - first_year];
  guint64 last_bit = year_bit (state->store, p, row->last_year);
  /* The bits of the row's years, and of every year up to its last. */
  guint64 row_mask = (last_bit | (last_bit - 1)) & ~(year_bit (state->store, p, row->first_year) - 1);
  guint64 to_date_mask = last_bit | (last_bit - 1);
  Year sum = { 0 }, to_date = program->before;

  for (int y = first_year; y <= row->last_year; y++)
    {
      add_year (&to_date, &program->years[y - first_year]);
      if (y >= row->first_year)
        add_year (&sum, &program->years[y - first_year]);
    }

  append_fund_base (builder, row);
  collab_scorecard_append_sum (builder, row, &sum.allocated);
  collab_scorecard_append_sum (builder, row, &to_date.allocated);
  collab_scorecard_append_sum (builder, row, &sum.transferred);
  collab_scorecard_append_sum (builder, row, &to_date.transferred);
  collab_scorecard_append_sum (builder, row, &sum.spent);
  collab_scorecard_append_sum (builder, row, &to_date.spent);
  for (guint c = 0; c < N_CATEGORIES; c++)
    collab_scorecard_append_sum (builder, row, &sum.spent_by_category[c]);
  collab_table_builder_append_int (builder, count_funded (program, row_mask));
  collab_table_builder_append_int (builder, count_funded (program, to_date_mask));
  for (guint s = 0; s < N_STATUSES; s++)
    collab_table_builder_append_int (builder, last->by_status[s]);
}

const CollabScorecardSection collab_scorecard_funds = {
  "funds", prepare, free_state, add_columns, append_cells,
};
