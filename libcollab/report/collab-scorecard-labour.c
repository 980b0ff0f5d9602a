/* collab-scorecard-labour.c: jobs offered, workers placed, workshops, job fairs, labour training
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The labour cooperation columns of a scorecard row (SPEC §11.5), over
 * the row's years (one year, or a period):
 *
 *   jobs_offered         positions of the job offers whose open period
 *                        starts in the row's years
 *   workers_transferred  distinct workers with a `transfer` placement
 *                        starting in the row's years (异地转移就业)
 *   workers_transferred_poverty_lifted
 *                        of them, those flagged poverty_lifted
 *   workshop_workers     distinct workers with a `local` placement at an
 *                        organization of kind workshop that is on for at
 *                        least a day of the row's years: started on or
 *                        before its last day, and not ended (or ended on
 *                        or after its first day)
 *   workshops            distinct workshops with such a placement
 *   job_fairs            the program's events of kind job_fair
 *   labour_training_classes, labour_training_person_times
 *                        the program's labour training: each event of
 *                        kind training_class and area labour is a class
 *                        of its `trainees`; each training record of area
 *                        labour gives its `classes` and `person_times`
 *
 * An event is in the year of its date, a training record in its `year`.
 *
 * Offers, placements and workshops carry no program of their own, or not
 * always; they are the program's as follows. The years separate two
 * programs of the same cities (the 13th and the 14th Five-Year
 * cooperation), since a row only counts its own program's years.
 *
 *  - an offer that names a program is that program's; one that does not
 *    is the program's whose assisted city it targets (the city, or a
 *    county or other region under it); an offer with neither is no
 *    program's;
 *  - a transfer placement whose offer names a program is that program's;
 *    any other is the program's whose assisted city holds the worker's
 *    home county: the program that sends the workers is the program of
 *    where they come from;
 *  - a workshop is the program's whose assisted city holds its region,
 *    and so are the local placements it employs; the workers and the
 *    workshops of a row are then always counted together.
 *
 * A pass over the records in prepare() files each placement with its
 * program(s), so that a row reads only its program's; the distinct counts
 * are made per row, since a period's are not the sums of its years', with
 * an array per kind of count that says which row last counted a worker
 * or a workshop: a million placements over a thousand rows take no hash.
 */

#include "collab-scorecard-private.h"

typedef struct
{
  gint64 offered;
  gint64 job_fairs;
  gint64 classes;
  gint64 trainees;
} Year;

/* A placement, as the rows need it. */
typedef struct
{
  guint32   worker;          /* index of the worker */
  guint32   workshop;        /* index of the workshop; transfers: unused */
  CollabDay start;
  CollabDay end;             /* COLLAB_DAY_NONE while in the job */
  gboolean  poverty_lifted;
} Entry;

typedef struct
{
  const CollabStore    *store;
  CollabScorecardYears *years;          /* of Year */
  GPtrArray            *transfers;      /* per program: GArray of Entry */
  GPtrArray            *workshop_jobs;  /* per program: GArray of Entry */
  /* The distinct counts without a hash: the last row (a number from 1)
   * that counted each worker, as transferred, as poverty-lifted and
   * transferred, in a workshop, and each organization as a workshop. */
  guint32               row;
  guint32              *transferred;
  guint32              *lifted;
  guint32              *employed;
  guint32              *workshops;
} State;

static void
file_offers (State      *state,
             GHashTable *cities,
             GArray     *programs)
{
  for (guint i = 0; i < collab_store_count (state->store, COLLAB_RECORD_KIND_JOB_OFFER); i++)
    {
      const CollabJobOfferRec *offer = collab_store_get (state->store, COLLAB_RECORD_KIND_JOB_OFFER, i);
      int year = collab_day_get_year (offer->open.first);

      collab_scorecard_owners (state->store, cities, offer->program, offer->target, programs);
      for (guint k = 0; k < programs->len; k++)
        {
          Year *cell = collab_scorecard_years_get (state->years, g_array_index (programs, guint, k), year);

          if (cell != NULL)
            cell->offered += offer->positions;
        }
    }
}

static void
file_placements (State      *state,
                 GHashTable *cities,
                 GArray     *programs)
{
  const CollabStore *store = state->store;

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_PLACEMENT); i++)
    {
      const CollabPlacementRec *placement = collab_store_get (store, COLLAB_RECORD_KIND_PLACEMENT, i);
      const CollabWorkerRec *worker = collab_store_deref (store, placement->worker);
      const CollabOrganizationRec *employer = collab_store_deref (store, placement->employer);
      const CollabJobOfferRec *offer = collab_store_deref (store, placement->offer);
      Entry entry = {
        COLLAB_REF_INDEX (placement->worker), COLLAB_REF_INDEX (placement->employer),
        placement->start, placement->end, (worker->flags & COLLAB_WORKER_FLAGS_POVERTY_LIFTED) != 0,
      };
      gboolean transfer = placement->kind == COLLAB_PLACEMENT_KIND_TRANSFER;

      if (transfer)
        collab_scorecard_owners (store, cities, offer != NULL ? offer->program : COLLAB_REF_NONE, worker->county,
                                 programs);
      else if (placement->kind == COLLAB_PLACEMENT_KIND_LOCAL && employer->kind == COLLAB_ORGANIZATION_KIND_WORKSHOP)
        collab_scorecard_programs_of (store, cities, employer->region, programs);
      else
        continue;

      for (guint k = 0; k < programs->len; k++)
        g_array_append_val (g_ptr_array_index (transfer ? state->transfers : state->workshop_jobs,
                                               g_array_index (programs, guint, k)),
                            entry);
    }
}

static void
file_training (State *state)
{
  const CollabStore *store = state->store;

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_EVENT); i++)
    {
      const CollabEventRec *event = collab_store_get (store, COLLAB_RECORD_KIND_EVENT, i);
      Year *cell = collab_scorecard_years_get (state->years, COLLAB_REF_INDEX (event->program),
                                               collab_day_get_year (event->date));

      if (cell == NULL)
        continue;
      if (event->kind == COLLAB_EVENT_KIND_JOB_FAIR)
        cell->job_fairs++;
      else if (event->kind == COLLAB_EVENT_KIND_TRAINING_CLASS && event->area == COLLAB_TRAINING_AREA_LABOUR)
        {
          cell->classes++;
          cell->trainees += event->trainees;
        }
    }

  for (guint i = 0; i < collab_store_count (store, COLLAB_RECORD_KIND_TRAINING); i++)
    {
      const CollabTrainingRec *training = collab_store_get (store, COLLAB_RECORD_KIND_TRAINING, i);
      Year *cell = collab_scorecard_years_get (state->years, COLLAB_REF_INDEX (training->program), training->year);

      if (cell != NULL && training->area == COLLAB_TRAINING_AREA_LABOUR)
        {
          cell->classes += training->classes;
          cell->trainees += training->person_times;
        }
    }
}

static gpointer
prepare (const CollabStore *store,
         GPtrArray         *findings)
{
  State *state = g_new0 (State, 1);
  g_autoptr(GHashTable) cities = collab_scorecard_index_assisted (store);
  g_autoptr(GArray) programs = g_array_new (FALSE, FALSE, sizeof (guint));

  state->store = store;
  state->years = collab_scorecard_years_new (store, sizeof (Year));
  state->transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  state->workshop_jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint p = 0; p < collab_store_count (store, COLLAB_RECORD_KIND_PROGRAM); p++)
    {
      g_ptr_array_add (state->transfers, g_array_new (FALSE, FALSE, sizeof (Entry)));
      g_ptr_array_add (state->workshop_jobs, g_array_new (FALSE, FALSE, sizeof (Entry)));
    }

  state->transferred = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_WORKER) + 1);
  state->lifted = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_WORKER) + 1);
  state->employed = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_WORKER) + 1);
  state->workshops = g_new0 (guint32, collab_store_count (store, COLLAB_RECORD_KIND_ORGANIZATION) + 1);
  file_offers (state, cities, programs);
  file_placements (state, cities, programs);
  file_training (state);
  return state;
}

static void
free_state (gpointer data)
{
  State *state = data;

  collab_scorecard_years_free (state->years);
  g_ptr_array_unref (state->transfers);
  g_ptr_array_unref (state->workshop_jobs);
  g_free (state->transferred);
  g_free (state->lifted);
  g_free (state->employed);
  g_free (state->workshops);
  g_free (state);
}

static void
add_columns (CollabTableBuilder *builder,
             gpointer            state)
{
  static const char * const names[] = {
    "jobs_offered", "workers_transferred", "workers_transferred_poverty_lifted", "workshop_workers",
    "workshops", "job_fairs", "labour_training_classes", "labour_training_person_times",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    collab_table_builder_add_column (builder, names[i], COLLAB_COLUMN_TYPE_INT);
}

static void
append_cells (CollabTableBuilder       *builder,
              const CollabScorecardRow *row,
              gpointer                  data)
{
  State *state = data;
  guint program = COLLAB_REF_INDEX (row->program_ref);
  GArray *transfers = g_ptr_array_index (state->transfers, program);
  GArray *workshop_jobs = g_ptr_array_index (state->workshop_jobs, program);
  CollabDay first = collab_scorecard_row_first_day (row), last = collab_scorecard_row_last_day (row);
  guint32 row_number = ++state->row;
  guint transferred = 0, lifted = 0, employed = 0, workshops = 0;
  Year sum = { 0 };

  for (int y = row->first_year; y <= row->last_year; y++)
    {
      const Year *cell = collab_scorecard_years_get (state->years, program, y);

      sum.offered += cell->offered;
      sum.job_fairs += cell->job_fairs;
      sum.classes += cell->classes;
      sum.trainees += cell->trainees;
    }

  for (guint i = 0; i < transfers->len; i++)
    {
      const Entry *entry = &g_array_index (transfers, Entry, i);

      if (entry->start < first || entry->start > last)
        continue;
      transferred += collab_scorecard_count_once (state->transferred, entry->worker, row_number);
      if (entry->poverty_lifted)
        lifted += collab_scorecard_count_once (state->lifted, entry->worker, row_number);
    }

  for (guint i = 0; i < workshop_jobs->len; i++)
    {
      const Entry *entry = &g_array_index (workshop_jobs, Entry, i);

      if (entry->start > last || (entry->end != COLLAB_DAY_NONE && entry->end < first))
        continue;
      employed += collab_scorecard_count_once (state->employed, entry->worker, row_number);
      workshops += collab_scorecard_count_once (state->workshops, entry->workshop, row_number);
    }

  collab_table_builder_append_int (builder, sum.offered);
  collab_table_builder_append_int (builder, transferred);
  collab_table_builder_append_int (builder, lifted);
  collab_table_builder_append_int (builder, employed);
  collab_table_builder_append_int (builder, workshops);
  collab_table_builder_append_int (builder, sum.job_fairs);
  collab_table_builder_append_int (builder, sum.classes);
  collab_table_builder_append_int (builder, sum.trainees);
}

const CollabScorecardSection collab_scorecard_labour = {
  "labour", prepare, free_state, add_columns, append_cells,
};
