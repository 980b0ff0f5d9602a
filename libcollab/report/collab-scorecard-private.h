/* collab-scorecard-private.h: the sections a scorecard is made of
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A scorecard has one row per program and year, or one per program for a
 * period (collab_dataset_get_scorecard_for_period()). Each area of the
 * library (pairings, talent, people, funds, labour, cooperation, plan,
 * findings) contributes a section: its columns, and for each row its
 * cells. A section that needs
 * a pass over many records (a million dispatches) does it once in
 * prepare() and answers the rows from what it kept.
 *
 * A row covers the years first_year … last_year (one year, or a period
 * inside its program's), and every section computes its figures over
 * that span as it would over one year: sums add the years, distinct
 * counts count each person or unit once over the whole span, and a state
 * at the end of a year is taken at the end of the last. A period's row
 * is thus never a sum of yearly distinct counts.
 *
 * Adding a section: one file report/collab-scorecard-<area>.c defining a
 * CollabScorecardSection, and one line in collab-scorecard.c.
 */

#pragma once

#include <libcollab/collab-finding.h>
#include <libcollab/collab-money.h>

#include "model/collab-store-private.h"
#include "types/collab-money-private.h"
#include "collab-table-private.h"

G_BEGIN_DECLS

typedef struct
{
  const CollabStore      *store;
  GPtrArray              *findings;     /* may be NULL: no findings columns */
  CollabRef               program_ref;  /* the row's program */
  const CollabProgramRec *program;
  int                     first_year;   /* the row's years, inclusive */
  int                     last_year;
  GError                **error;        /* where a sum that does not fit is reported */
} CollabScorecardRow;

/* The first and the last day of the row's years. */
static inline CollabDay
collab_scorecard_row_first_day (const CollabScorecardRow *row)
{
  return collab_day_new (row->first_year, 1, 1);
}

static inline CollabDay
collab_scorecard_row_last_day (const CollabScorecardRow *row)
{
  return collab_day_new (row->last_year, 12, 31);
}

/* Distinct counts without a hash, for the sections that count people or
 * units among many records over many rows: @seen holds, per person or
 * unit, the last count (a number from 1, new for each row and column)
 * that counted it. 1 when @count has not counted @index yet, and now
 * has. */
static inline guint
collab_scorecard_count_once (guint32 *seen,
                             guint    index,
                             guint32  count)
{
  if (seen[index] == count)
    return 0;
  seen[index] = count;
  return 1;
}

/* Whether @region is one of @program's assisted cities or lies under one. */
gboolean collab_scorecard_is_assisted (const CollabStore      *store,
                                       const CollabProgramRec *program,
                                       CollabRef               region);

/* The assisted cities of every program, by city: a GHashTable of city ref
 * → GArray of program indices, for the sections that ask of many records
 * which programs they fall under. */
GHashTable *collab_scorecard_index_assisted (const CollabStore *store);
/* Sets @programs (a GArray of guint) to the programs whose assisted
 * cities are @region or hold it, each once; @cities is the index above. */
void     collab_scorecard_programs_of (const CollabStore *store,
                                       GHashTable        *cities,
                                       CollabRef          region,
                                       GArray            *programs);
/* Sets @programs to @program alone when it is one (a record that names
 * its program); else to the programs of @region, as above. */
void     collab_scorecard_owners     (const CollabStore *store,
                                       GHashTable        *cities,
                                       CollabRef          program,
                                       CollabRef          region,
                                       GArray            *programs);

/* Adds a column @prefix<nick> of @type for each value of the enum
 * @enum_type, in the order of its values. */
void     collab_scorecard_add_enum_columns (CollabTableBuilder *builder,
                                            const char         *prefix,
                                            GType               enum_type,
                                            CollabColumnType    type);

/* Per program, a cell of a section's own struct for each year of its
 * period, zeroed: where a section adds up what happened in each year, to
 * sum the years of a row. */
typedef struct _CollabScorecardYears CollabScorecardYears;

CollabScorecardYears *collab_scorecard_years_new  (const CollabStore    *store,
                                                   gsize                 cell_size);
void                  collab_scorecard_years_free (CollabScorecardYears *years);
/* @program's cell of @year, or NULL outside the program's period. */
gpointer              collab_scorecard_years_get  (CollabScorecardYears *years,
                                                   guint                 program,
                                                   int                   year);

/* A sum of fen, and whether an amount added to it did not fit: the sum
 * of a year a section keeps, or of a row, added up with
 * collab_money_sum_add() (types/collab-money-private.h). An overflow is
 * an error, never a wrap or a sum held at the limit (SPEC §3); it sticks
 * to the sum, to every sum it is added to, and fails the scorecard when a
 * row shows it (collab_scorecard_append_sum()). */
typedef CollabMoneySum CollabScorecardSum;

/* Appends @sum to the next column, an amount column; when it overflowed,
 * sets the row's error (unless one is set) naming the column, the program
 * and the years. */
void     collab_scorecard_append_sum (CollabTableBuilder       *builder,
                                      const CollabScorecardRow *row,
                                      const CollabScorecardSum *sum);

typedef struct
{
  const char *name;
  /* Optional: computes what the rows need; freed with free_state. */
  gpointer  (*prepare)      (const CollabStore *store,
                             GPtrArray         *findings);
  void      (*free_state)   (gpointer           state);
  void      (*add_columns)  (CollabTableBuilder *builder,
                             gpointer            state);
  /* A sum that does not fit goes to the row's error (through
   * collab_scorecard_append_sum()); the cells are appended all the same. */
  void      (*append_cells) (CollabTableBuilder *builder,
                             const CollabScorecardRow *row,
                             gpointer            state);
} CollabScorecardSection;

extern const CollabScorecardSection collab_scorecard_pairings;
extern const CollabScorecardSection collab_scorecard_talent;
extern const CollabScorecardSection collab_scorecard_people;
extern const CollabScorecardSection collab_scorecard_funds;
extern const CollabScorecardSection collab_scorecard_labour;
extern const CollabScorecardSection collab_scorecard_cooperation;
extern const CollabScorecardSection collab_scorecard_plan;
extern const CollabScorecardSection collab_scorecard_agreements;
extern const CollabScorecardSection collab_scorecard_findings;

G_END_DECLS
