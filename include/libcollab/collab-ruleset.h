/* collab-ruleset.h: which rules apply, with which thresholds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implemented in libcollab/rules/collab-ruleset.c and collab-ruleset-load.c (the document).
 */

#pragma once

#if !defined(__COLLAB_INSIDE__) && !defined(COLLAB_COMPILATION)
# error "Only <libcollab/collab.h> can be included directly."
#endif

#include <glib-object.h>

#include "collab-version.h"
#include "collab-enums.h"

G_BEGIN_DECLS

#define COLLAB_TYPE_RULESET (collab_ruleset_get_type ())

COLLAB_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CollabRuleset, collab_ruleset, COLLAB, RULESET, GObject)

COLLAB_AVAILABLE_IN_ALL
CollabRuleset  *collab_ruleset_new_builtin        (const char          *id,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRuleset  *collab_ruleset_new_from_file      (const char          *path,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
CollabRuleset  *collab_ruleset_new_from_data      (const char          *data,
                                                   gssize               length,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char          **collab_ruleset_list_builtin       (void) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
char          **collab_ruleset_list_known_rules   (void) G_GNUC_WARN_UNUSED_RESULT;

COLLAB_AVAILABLE_IN_ALL
const char     *collab_ruleset_get_id             (CollabRuleset       *self);
COLLAB_AVAILABLE_IN_ALL
char          **collab_ruleset_list_rules         (CollabRuleset       *self) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
gboolean        collab_ruleset_is_enabled         (CollabRuleset       *self,
                                                   const char          *rule);
COLLAB_AVAILABLE_IN_ALL
void            collab_ruleset_set_enabled        (CollabRuleset       *self,
                                                   const char          *rule,
                                                   gboolean             enabled);
COLLAB_AVAILABLE_IN_ALL
CollabSeverity  collab_ruleset_get_severity       (CollabRuleset       *self,
                                                   const char          *rule);
COLLAB_AVAILABLE_IN_ALL
void            collab_ruleset_set_severity       (CollabRuleset       *self,
                                                   const char          *rule,
                                                   CollabSeverity       severity);
COLLAB_AVAILABLE_IN_ALL
gint64          collab_ruleset_get_int            (CollabRuleset       *self,
                                                   const char          *rule,
                                                   const char          *parameter,
                                                   gint64               fallback);
COLLAB_AVAILABLE_IN_ALL
void            collab_ruleset_set_int            (CollabRuleset       *self,
                                                   const char          *rule,
                                                   const char          *parameter,
                                                   gint64               value);
COLLAB_AVAILABLE_IN_ALL
GVariant       *collab_ruleset_get_parameter      (CollabRuleset       *self,
                                                   const char          *rule,
                                                   const char          *parameter) G_GNUC_WARN_UNUSED_RESULT;
COLLAB_AVAILABLE_IN_ALL
void            collab_ruleset_set_parameter      (CollabRuleset       *self,
                                                   const char          *rule,
                                                   const char          *parameter,
                                                   GVariant            *value);
COLLAB_AVAILABLE_IN_ALL
CollabInterpretation collab_ruleset_get_interpretation (CollabRuleset  *self);
COLLAB_AVAILABLE_IN_ALL
void            collab_ruleset_set_interpretation (CollabRuleset       *self,
                                                   CollabInterpretation interpretation);
COLLAB_AVAILABLE_IN_ALL
char           *collab_ruleset_to_data            (CollabRuleset       *self,
                                                   gsize               *length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
