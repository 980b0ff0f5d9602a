/* collab-units-private.h: what every layer asks about regions,
 * organizations and pairings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Small questions about the records that the analyses, the rules and the
 * reports all ask — which region a unit is in, which side it is on,
 * whether a region lies under a city, whether a pairing can count —
 * answered once here, below all of them, so that they answer them the
 * same way.
 */

#pragma once

#include <libcollab/collab-date.h>

#include "collab-store-private.h"

G_BEGIN_DECLS

/* The id of what @ref names, or "(none)"; for messages. */
const char  *collab_units_id                (const CollabStore      *store,
                                             CollabRef               ref);
/* The Chinese name of a region or an organization, else its id. */
const char  *collab_units_name              (const CollabStore      *store,
                                             CollabRef               ref);
/* A pairing's end is a region or an organization; an organization stands
 * where its region is. COLLAB_REF_NONE for anything else. */
CollabRef    collab_units_region            (const CollabStore      *store,
                                             CollabRef               unit);
/* The side of a region as derived from its parent chain (SPEC §4), or of
 * an organization's region. */
CollabSide   collab_units_side              (const CollabStore      *store,
                                             CollabRef               unit);
/* Whether @ancestor is a strict ancestor of @region. */
gboolean     collab_units_region_is_under   (const CollabStore      *store,
                                             CollabRef               region,
                                             CollabRef               ancestor);
/* Whether a pairing links two different units on different sides (or on
 * sides the records do not tell). pairing.invalid reports the others;
 * whatever counts pairings does not count them. */
gboolean     collab_units_pairing_is_sound  (const CollabStore      *store,
                                             const CollabPairingRec *pairing);

/* Whether @pairing is active in at least one year of @years (its own
 * period, else its program's); every pairing is when @years is NULL. */
gboolean     collab_units_pairing_is_active (const CollabStore      *store,
                                             const CollabPairingRec *pairing,
                                             const CollabYearRange  *years);

/* The index of the program @program_id names, or G_MAXUINT for "every
 * program" when it is NULL; FALSE with %COLLAB_DATASET_ERROR_NOT_FOUND
 * when no program has that id. The reports' and the match's --program. */
gboolean     collab_units_find_program      (const CollabStore      *store,
                                             const char             *program_id,
                                             guint                  *index,
                                             GError                **error);

G_END_DECLS
