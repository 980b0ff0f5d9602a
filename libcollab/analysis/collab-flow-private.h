/* collab-flow-private.h: the sums of money over a boundary
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-funds.h>

G_BEGIN_DECLS

/* One row of a boundary's money: a year, a project category and status
 * (-1: none, for money between accounts), and its sums in fen. */
typedef struct
{
  gint32           year;
  gint8            category;  /* CollabProjectCategory, or -1 */
  gint8            status;    /* CollabProjectStatus, or -1 */
  CollabFundTotals sums;
} CollabFlowRow;

/* The rows of @boundary (an id, optionally "kind:id") over a period: the
 * money counting toward @years, or dated in @days, or (both NULL) all of
 * it. Sorted by year, category and status; rows without money are left
 * out. NULL with @error set when @boundary names nothing, or with
 * %COLLAB_VALUE_ERROR_OVERFLOW when a sum does not fit a gint64 of fen. */
GArray      *collab_flow_aggregate   (CollabDataset          *dataset,
                                      const char             *boundary,
                                      const CollabYearRange  *years,
                                      const CollabDateRange  *days,
                                      GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
