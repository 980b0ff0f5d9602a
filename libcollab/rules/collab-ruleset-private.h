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

/* What a rule set says of one rule: whether it applies it, how serious
 * its findings are, and its parameters (each a GVariant of the
 * parameter's type, the rule's default until the set gives its own). */
typedef struct
{
  gboolean        enabled;
  CollabSeverity  severity;
  GVariant       *params[COLLAB_RULE_MAX_PARAMS];
} CollabRuleEntry;

struct _CollabRuleset
{
  GObject               parent_instance;
  char                 *id;
  char                 *name;
  char                 *description;
  char                 *base;
  /* rule id (the rule's own string) -> CollabRuleEntry. A rule without
   * an entry is disabled, with its declared severity and defaults. */
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
/* Registers the shipped rule sets' resource, once: call it before
 * g_resources_lookup_data() or g_resources_enumerate_children() under
 * COLLAB_RULESET_RESOURCE. */
void         collab_ruleset_register_builtin (void);
gboolean     collab_ruleset_load_builtin    (CollabRuleset  *self,
                                             const char     *id,
                                             guint           depth,
                                             GError        **error);

/* @value of a rule set document as a GVariant of @param's type, or NULL
 * with @problem saying why ("expected a non-negative integer, found a
 * string") and @path extended to the offending element. */
GVariant    *collab_ruleset_param_from_json (const CollabRuleParam *param,
                                             JsonNode              *value,
                                             GString               *path,
                                             char                 **problem) G_GNUC_WARN_UNUSED_RESULT;

/* The entry of @rule, made (disabled or enabled as @enabled says, with
 * the rule's severity and defaults) when the set has none. */
CollabRuleEntry *collab_ruleset_ensure_entry (CollabRuleset    *self,
                                              const CollabRule *rule,
                                              gboolean          enabled);
/* Replaces a parameter's value (taking ownership of a floating or full
 * reference to @value). */
void         collab_rule_entry_set_param    (CollabRuleEntry  *entry,
                                             guint             index,
                                             GVariant         *value);

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
