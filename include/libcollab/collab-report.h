/* collab-report.h: scorecards per program and year, or per program and period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/report/collab-scorecard.c and its sections (collab-scorecard-*.c).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include "collab-version.h"
#include "collab-dataset.h"
#include "collab-table.h"

G_BEGIN_DECLS

COLLAB_AVAILABLE_IN_ALL
CollabTable *collab_dataset_get_scorecard (CollabDataset          *self,
                                           GPtrArray              *findings,
                                           const char             *program_id,
                                           const CollabYearRange  *years,
                                           GError                **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable *collab_dataset_get_scorecard_for_period (CollabDataset          *self,
                                                      GPtrArray              *findings,
                                                      const char             *program_id,
                                                      const CollabYearRange  *years,
                                                      GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
