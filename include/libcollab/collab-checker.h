/* collab-checker.h: runs rule sets over a dataset, and plans the 666 shortfall
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/rules/collab-checker.c; collab_checker_plan() in
 * libcollab/report/collab-plan.c.
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "collab-version.h"
#include "collab-date.h"
#include "collab-dataset.h"
#include "collab-finding.h"
#include "collab-ruleset.h"
#include "collab-table.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_CHECKER (collab_checker_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabChecker, collab_checker, COLLAB, CHECKER, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabChecker  *collab_checker_new                (void) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRuleset  *collab_checker_get_ruleset        (CollabChecker       *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_checker_set_ruleset        (CollabChecker       *self,
                                                   CollabRuleset       *ruleset);
COLLAB_AVAILABLE_IN_ALL
CollabDay       collab_checker_get_as_of          (CollabChecker       *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_checker_set_as_of          (CollabChecker       *self,
                                                   CollabDay            as_of);
COLLAB_AVAILABLE_IN_ALL
CollabInterpretation collab_checker_get_interpretation (CollabChecker  *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_checker_set_interpretation (CollabChecker       *self,
                                                   CollabInterpretation interpretation);
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_checker_get_interpretation_set (CollabChecker   *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_checker_set_interpretation_set (CollabChecker   *self,
                                                   gboolean             interpretation_set);
COLLAB_AVAILABLE_IN_ALL
GPtrArray      *collab_checker_run                (CollabChecker       *self,
                                                   CollabDataset       *dataset,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabTable    *collab_checker_plan               (CollabChecker         *self,
                                                   CollabDataset         *dataset,
                                                   const char            *program_id,
                                                   const CollabYearRange *years,
                                                   GError               **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
JsonNode       *collab_findings_to_json           (GPtrArray           *findings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
