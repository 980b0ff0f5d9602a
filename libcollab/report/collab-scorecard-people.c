/* collab-scorecard-people.c: cadres and professionals sent and received
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The people columns of a scorecard row (SPEC §11.5), over the row's
 * years (one year, or a period):
 *
 *   cadres_sent, cadres_received
 *                        distinct persons with an outbound (选派) / inbound
 *                        (接收) dispatch of kind cadre starting in the
 *                        row's years
 *   professionals_sent, professionals_received
 *                        likewise for kind professional
 *
 * Unlike the 666 count (collab-scorecard-talent.c), these need no
 * pairing: a dispatch is the program's when it goes between the
 * program's cities —
 *
 *  - outbound: its `to` is an assisted city or lies under one, and its
 *    `from` is the assisting city or lies under it;
 *  - inbound: its `from` is an assisted city or lies under one, and its
 *    `to` is the assisting city or lies under it.
 *
 * Two programs of the same cities (the 13th and the 14th Five-Year
 * cooperation) both get the dispatch; each row counts only the
 * dispatches starting in its own years. Short-term visits are in no
 * column.
 *
 * The dispatches are filed with their program(s), by year (a counting
 * sort), once per store (collab_store_get_derived(): a million
 * dispatches take a third of a second to file, which a notebook asking
 * for scorecard after scorecard should not pay each time), so that a row
 * reads only its program's years. The distinct counts are made per row,
 * since a period's are not the sums of its years', with an array per
 * scorecard that says which count last counted each person: a million
 * dispatches over a thousand rows take no hash.
 */

#include "model/collab-units-private.h"
#include "collab-scorecard-private.h"

/* The columns, in their order; each is a list of dispatches per program. */
enum
{
  CADRES_SENT,
  CADRES_RECEIVED,
  PROFESSIONALS_SENT,
  PROFESSIONALS_RECEIVED,
  N_LISTS
};

static const char * const names[N_LISTS] = {
  "cadres_sent", "cadres_received", "professionals_sent", "professionals_received",
};

/* A dispatch, as the rows need it. */
typedef struct
{
  guint32 person;   /* index of the person */
  gint32  year;     /* of its start */
} Entry;

/* A column's dispatches of one program. */
typedef struct
{
  GArray  *filed;        /* of Entry, as filed; freed once sorted */
  guint32 *persons;      /* then the persons, by the year of the dispatch */
  guint   *year_first;   /* per year of the program's period, and one
                          * more: where its persons start in persons */
} List;

/* What is kept with the store. */
typedef struct
{
  List    *lists;     /* per program and column: [p * N_LISTS + l] */
  guint    n_lists;
} Filed;

/* What one scorecard keeps. */
typedef struct
{
  const Filed *filed;
  /* The last count (a number from 1; one per row and column) that
   * counted each person (collab_scorecard_count_once()). */
  guint32     *seen;
  guint32      count;
} State;

/* Whether @region is @city or lies under it. */
static gboolean
is_in (const CollabStore *store,
       CollabRef          region,
       CollabRef          city)
{
  return region != COLLAB_REF_NONE &&
         (region == city || collab_units_region_is_under (store, region, city));
}

static void
file_dispatches (Filed             *filed,
                 const CollabStore *store)
{
  g_autoptr(GHashTable) cities = collab_scorecard_index_assisted (store);
  g_autoptr(GArray) programs = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint d = 0; d < collab_store_count (store, COLLAB_RECORD_KIND_DISPATCH); d++)
    {
      const CollabDispatchRec *dispatch = collab_store_get (store, COLLAB_RECORD_KIND_DISPATCH, d);
      gboolean inbound = dispatch->direction == COLLAB_DIRECTION_INBOUND;
      CollabRef east = collab_units_region (store, inbound ? dispatch->to : dispatch->from);
      CollabRef west = collab_units_region (store, inbound ? dispatch->from : dispatch->to);
      Entry entry = { COLLAB_REF_INDEX (dispatch->person), (gint32) collab_day_get_year (dispatch->start) };
      guint list;

      if (dispatch->kind == COLLAB_DISPATCH_KIND_CADRE)
        list = inbound ? CADRES_RECEIVED : CADRES_SENT;
      else if (dispatch->kind == COLLAB_DISPATCH_KIND_PROFESSIONAL)
        list = inbound ? PROFESSIONALS_RECEIVED : PROFESSIONALS_SENT;
      else
        continue;

      collab_scorecard_programs_of (store, cities, west, programs);
      for (guint k = 0; k < programs->len; k++)
        {
          guint p = g_array_index (programs, guint, k);
          const CollabProgramRec *program = collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, p);

          /* A dispatch outside the program's years is in none of its rows. */
          if (entry.year >= program->first_year && entry.year <= program->last_year &&
              is_in (store, east, program->assisting))
            g_array_append_val (filed->lists[p * N_LISTS + list].filed, entry);
        }
    }
}

/* A counting sort of @list's dispatches on their year, which lies in
 * @program's period: a row's persons are then one run. */
static void
sort_by_year (List                   *list,
              const CollabProgramRec *program)
{
  guint n_years = program->last_year - program->first_year + 1;
  g_autofree guint *next = g_new (guint, n_years);
  const Entry *entries = (const Entry *) list->filed->data;

  list->year_first = g_new0 (guint, n_years + 1);
  for (guint i = 0; i < list->filed->len; i++)
    list->year_first[entries[i].year - program->first_year + 1]++;
  for (guint y = 0; y < n_years; y++)
    {
      list->year_first[y + 1] += list->year_first[y];
      next[y] = list->year_first[y];
    }

  list->persons = g_new (guint32, MAX (list->filed->len, 1));
  for (guint i = 0; i < list->filed->len; i++)
    list->persons[next[entries[i].year - program->first_year]++] = entries[i].person;
  g_clear_pointer (&list->filed, g_array_unref);
}

static gpointer
build_filed (CollabStore *store)
{
  Filed *filed = g_new0 (Filed, 1);

  filed->n_lists = collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM) * N_LISTS;
  filed->lists = g_new0 (List, MAX (filed->n_lists, 1));
  for (guint i = 0; i < filed->n_lists; i++)
    filed->lists[i].filed = g_array_new (FALSE, FALSE, sizeof (Entry));

  file_dispatches (filed, store);
  for (guint i = 0; i < filed->n_lists; i++)
    sort_by_year (&filed->lists[i], collab_store_get (store, COLLAB_RECORD_KIND_PROGRAM, i / N_LISTS));
  return filed;
}

static void
free_filed (gpointer data)
{
  Filed *filed = data;

  for (guint i = 0; i < filed->n_lists; i++)
    {
      g_free (filed->lists[i].persons);
      g_free (filed->lists[i].year_first);
    }
  g_free (filed->lists);
  g_free (filed);
}

static const CollabDerivedKind filed_kind = { "scorecard-people", build_filed, free_filed };

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);

  /* The store is shared, not changed: derived data is built under its
   * lock (collab-store-private.h). */
  state->filed = collab_store_get_derived ((CollabStore *) store, &filed_kind);
  state->seen = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_PERSON) + 1);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  g_free (state->seen);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  for (guint i = 0; i < N_LISTS; i++)
    collab_table_builder_add_column (builder, names[i], COLLAB_COLUMN_TYPE_INT);
}

/* The distinct persons of @list whose dispatch starts in the row's years. */
static guint
count_people (State                    *state,
              const List               *list,
              const CollabScorecardRow *row)
{
  guint32 count = ++state->count;
  guint people = 0;
  guint first = list->year_first[row->first_year - row->program->first_year];
  guint last = list->year_first[row->last_year - row->program->first_year + 1];

  for (guint i = first; i < last; i++)
    people += collab_scorecard_count_once (state->seen, list->persons[i], count);
  return people;
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint program = COLLAB_REF_INDEX (row->program_ref);

  for (guint l = 0; l < N_LISTS; l++)
    collab_table_builder_append_int (builder,
                                     count_people (state, &state->filed->lists[program * N_LISTS + l], row));
}

const CollabScorecardSection collab_scorecard_people = {
  "people", prepare, free_state, add_columns, append_cells,
};
