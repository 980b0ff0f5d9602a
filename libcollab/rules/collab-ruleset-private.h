/* collab-ruleset-private.h: a rule set's insides, shared by the object
 * (collab-ruleset.c) and the document reader (collab-ruleset-load.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libcollab/collab-ruleset.h>

#include "collab-rule-private.h"

G_BEGIN_DECLS

#define COLLAB_RULESET_FORMAT    "libcollab-ruleset"
#define COLLAB_RULESET_VERSION   1
#define COLLAB_RULESET_RESOURCE  "/org/libcollab/rulesets"
#define COLLAB_RULESET_DEFAULT   "east-west-2021"

struct _CollabRuleset
{
  GObject               parent_instance;
  char                 *id;
  char                 *name;
  char                 *description;
  char                 *base;
  /* rule id -> entry object: "enabled", "severity", then the parameters
   * in the order they were given; every node in it is sealed. A known
   * rule without an entry is disabled. */
  GHashTable           *rules;
  CollabInterpretation  interpretation;
};

/* Reads a rule set document into @self, which must be fresh. @depth
 * counts the "base" chain, to refuse loops. */
gboolean     collab_ruleset_load            (CollabRuleset  *self,
                                             const char     *data,
                                             gsize           length,
                                             const char     *filename,
                                             guint           depth,
                                             GError        **error);
gboolean     collab_ruleset_load_builtin    (CollabRuleset  *self,
                                             const char     *id,
                                             guint           depth,
                                             GError        **error);

/* Whether @value suits @param; if not, @problem says why ("expected a
 * non-negative integer, found a string") and @path is extended to the
 * offending element. */
gboolean     collab_ruleset_check_param     (const CollabRuleParam *param,
                                             JsonNode              *value,
                                             GString               *path,
                                             char                 **problem);

JsonObject  *collab_ruleset_ensure_entry    (CollabRuleset  *self,
                                             const CollabRuleInfo *info,
                                             gboolean        enabled);
void         collab_ruleset_entry_set       (JsonObject     *entry,
                                             const char     *member,
                                             JsonNode       *value);

/* The rule set each program of @store is judged by, in the order of the
 * store (element-type CollabRuleset, a reference each): @override when it
 * is not NULL, else the shipped set the program's record names
 * (COLLAB_RULESET_DEFAULT when it names none), each loaded once. A
 * program that names a set that is not shipped gets @fallback, or when
 * that is NULL the result is NULL with @error set to
 * COLLAB_RULESET_ERROR_NOT_FOUND. */
GPtrArray   *collab_ruleset_resolve_programs (const CollabStore  *store,
                                              CollabRuleset      *override,
                                              CollabRuleset      *fallback,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;

const char  *collab_severity_to_nick        (CollabSeverity  severity);
gboolean     collab_severity_from_nick      (const char     *nick,
                                             CollabSeverity *severity);
const char  *collab_interpretation_to_nick  (CollabInterpretation interpretation);
gboolean     collab_interpretation_from_nick (const char    *nick,
                                             CollabInterpretation *interpretation);

G_END_DECLS
