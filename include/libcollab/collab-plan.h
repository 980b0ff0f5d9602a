/* collab-plan.h: the 666 shortfall of every pairing-year, and what would close it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib-object.h>

#include "collab-version.h"
#include "collab-enums.h"
#include "collab-date.h"
#include "collab-dataset.h"
#include "collab-ruleset.h"
#include "collab-table.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_PLANNER (collab_planner_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabPlanner, collab_planner, COLLAB, PLANNER, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabPlanner  *collab_planner_new                (void) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRuleset  *collab_planner_get_ruleset        (CollabPlanner        *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_planner_set_ruleset        (CollabPlanner        *self,
                                                   CollabRuleset        *ruleset);
COLLAB_AVAILABLE_IN_ALL
CollabDay       collab_planner_get_as_of          (CollabPlanner        *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_planner_set_as_of          (CollabPlanner        *self,
                                                   CollabDay             as_of);
COLLAB_AVAILABLE_IN_ALL
void            collab_planner_set_interpretation (CollabPlanner        *self,
                                                   CollabInterpretation  interpretation);
COLLAB_AVAILABLE_IN_ALL
CollabTable    *collab_planner_run                (CollabPlanner        *self,
                                                   CollabDataset        *dataset,
                                                   const char           *program_id,
                                                   int                   year,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
