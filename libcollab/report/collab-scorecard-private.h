/* collab-scorecard-private.h: the sections a scorecard is made of
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A scorecard has one row per program and year. Each area of the library
 * (pairings, talent, funds, findings) contributes a section: its columns,
 * and for each row its cells. A section that needs a pass over many
 * records (a million dispatches) does it once in prepare() and answers
 * the rows from what it kept.
 *
 * Adding a section: one file report/collab-scorecard-<area>.c defining a
 * CollabScorecardSection, and one line in collab-scorecard.c.
 */

#pragma once

#include <libcollab/collab-finding.h>

#include "model/collab-store-private.h"
#include "collab-table-private.h"

G_BEGIN_DECLS

typedef struct
{
  const CollabStore      *store;
  GPtrArray              *findings;     /* may be NULL: no findings columns */
  CollabRef               program_ref;  /* the row's program */
  const CollabProgramRec *program;
  int                     year;         /* the row's year */
} CollabScorecardRow;

typedef struct
{
  const char *name;
  /* Optional: computes what the rows need; freed with free_state. */
  gpointer  (*prepare)      (const CollabStore *store,
                             GPtrArray         *findings);
  void      (*free_state)   (gpointer           state);
  void      (*add_columns)  (CollabTableBuilder *builder,
                             gpointer            state);
  void      (*append_cells) (CollabTableBuilder *builder,
                             const CollabScorecardRow *row,
                             gpointer            state);
} CollabScorecardSection;

extern const CollabScorecardSection collab_scorecard_pairings;
extern const CollabScorecardSection collab_scorecard_talent;
extern const CollabScorecardSection collab_scorecard_funds;
extern const CollabScorecardSection collab_scorecard_findings;

G_END_DECLS
