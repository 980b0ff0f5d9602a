/* collab-funds.h: boundary totals and the money-flow trace
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/analysis/collab-flow.c (totals), report/collab-funds-tables.c
 * (aggregates) and report/collab-funds-trace.c (the trace).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include "collab-version.h"
#include "collab-date.h"
#include "collab-dataset.h"
#include "collab-table.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_FUND_TOTALS (collab_fund_totals_get_type ())

typedef struct _CollabFundTotals CollabFundTotals;

/**
 * CollabFundTotals:
 * @incoming: money that crossed into the boundary, in fen
 * @internal: money that moved from inside the boundary to inside it again,
 *   in fen; never to be added to @incoming (it is the same money again)
 * @outgoing: money that left the boundary: transferred out of it, or spent
 *   by its projects, in fen
 * @allocated: allocations (intent, not money) made to the boundary from
 *   outside it, in fen
 *
 * The money of a boundary over a period, by the OCHA FTS boundary rule:
 * what came in, what moved inside and what went out are kept apart, so a
 * sum over a boundary never counts the same money twice. See
 * [method@Collab.Dataset.get_fund_totals].
 */
struct _CollabFundTotals
{
  gint64 incoming;
  gint64 internal;
  gint64 outgoing;
  gint64 allocated;
};

COLLAB_AVAILABLE_IN_ALL
GType              collab_fund_totals_get_type   (void) G_GNUC_CONST;
COLLAB_AVAILABLE_IN_ALL
CollabFundTotals  *collab_fund_totals_copy       (const CollabFundTotals *totals);
COLLAB_AVAILABLE_IN_ALL
void               collab_fund_totals_free       (CollabFundTotals       *totals);

COLLAB_AVAILABLE_IN_ALL
CollabFundTotals  *collab_dataset_get_fund_totals         (CollabDataset          *self,
                                                           const char             *boundary,
                                                           const CollabYearRange  *years,
                                                           GError                **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable       *collab_dataset_aggregate_funds         (CollabDataset          *self,
                                                           const char             *boundary,
                                                           const CollabYearRange  *years,
                                                           GError                **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable       *collab_dataset_aggregate_funds_between (CollabDataset          *self,
                                                           const char             *boundary,
                                                           const CollabDateRange  *days,
                                                           GError                **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable       *collab_dataset_trace_funds             (CollabDataset          *self,
                                                           const char             *program_id,
                                                           const CollabYearRange  *years,
                                                           GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollabFundTotals, collab_fund_totals_free)

G_END_DECLS
