/* collab-finding.h: what a check found
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/rules/collab-finding.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "collab-version.h"
#include "collab-enums.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_FINDING (collab_finding_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabFinding, collab_finding, COLLAB, FINDING, GObject)

COLLAB_AVAILABLE_IN_ALL
const char     *collab_finding_get_rule           (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
CollabSeverity  collab_finding_get_severity       (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
const char     *collab_finding_get_message        (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_finding_get_subject        (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_finding_get_subject_value  (CollabFinding  *self,
                                                   const char     *key) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
const char     *collab_finding_get_subject_string (CollabFinding  *self,
                                                   const char     *key);
COLLAB_AVAILABLE_IN_ALL
gint64          collab_finding_get_subject_int    (CollabFinding  *self,
                                                   const char     *key);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_finding_get_expected       (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_finding_get_actual         (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_finding_get_remedy         (CollabFinding  *self);
COLLAB_AVAILABLE_IN_ALL
JsonNode       *collab_finding_to_json            (CollabFinding  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
