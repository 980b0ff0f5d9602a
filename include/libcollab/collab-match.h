/* collab-match.h: workers matched to job offers (人岗匹配)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/report/collab-match.c (the object and its
 * table), on libcollab/analysis/collab-match.c and collab-match-flow.c
 * (who may be matched, and the matching).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "collab-version.h"
#include "collab-date.h"
#include "collab-dataset.h"
#include "collab-table.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_MATCH (collab_match_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabMatch, collab_match, COLLAB, MATCH, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabMatch  *collab_dataset_match              (CollabDataset  *self,
                                                 const char     *program_id,
                                                 CollabDay       as_of,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;

COLLAB_AVAILABLE_IN_ALL
guint         collab_match_get_placed           (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
guint         collab_match_get_priority_placed  (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
guint64       collab_match_get_rank_sum         (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
CollabTable  *collab_match_get_table            (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
CollabDay     collab_match_get_as_of            (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
const char   *collab_match_get_program          (CollabMatch    *self);
COLLAB_AVAILABLE_IN_ALL
JsonNode     *collab_match_to_json              (CollabMatch    *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
