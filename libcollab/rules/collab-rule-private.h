/* collab-rule-private.h: what a rule is, and what it sees while it runs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A rule is one C file under rules/<area>/ that defines one CollabRule.
 * The checker runs it once per program (or once per dataset), hands it a
 * CollabCheckContext, and the rule reports what it finds through
 * collab_check_context_report(). Rules never sort, never filter by
 * severity and never look at other rules: the checker does all that.
 *
 * Adding a rule:
 *
 *  1. write rules/<area>/collab-rule-<area>-<name>.c with a static check
 *     function and
 *
 *         const CollabRule collab_rule_<area>_<name> = {
 *           "<area>.<name>", COLLAB_RULE_SCOPE_PROGRAM, check,
 *         };
 *
 *  2. list the file in rules/<area>/meson.build;
 *  3. in rules/collab-rule-registry.c, add the rule to COLLAB_RULES (one
 *     line); its row in the table of known rules (id, default severity,
 *     parameters) is already there for every rule of SPEC §5.
 *
 * A rule reads its thresholds with collab_check_context_get_int() or
 * collab_check_context_get_parameter(); the parameter names and types are
 * those of its row in the registry, and every shipped rule set gives them.
 */

#pragma once

#include <libcollab/collab-dataset.h>
#include <libcollab/collab-finding.h>
#include <libcollab/collab-ruleset.h>

#include "model/collab-store-private.h"
#include "model/collab-units-private.h"

G_BEGIN_DECLS

typedef struct _CollabCheckContext CollabCheckContext;

/* What a rule is run over. */
typedef enum
{
  COLLAB_RULE_SCOPE_PROGRAM,  /* once per program, with that program's rule set */
  COLLAB_RULE_SCOPE_DATASET,  /* once per dataset, with no program */
} CollabRuleScope;

typedef struct
{
  const char       *id;       /* "pairing.coverage": the rule's id of SPEC §5 */
  CollabRuleScope   scope;
  void            (*check) (CollabCheckContext *ctx);
} CollabRule;

/* The types a rule parameter may have in a rule set document. */
typedef enum
{
  COLLAB_RULE_PARAM_COUNT,    /* a non-negative integer */
  COLLAB_RULE_PARAM_STRINGS,  /* an array of strings */
  COLLAB_RULE_PARAM_TIERS,    /* an array of {"months": n, "count": n} */
} CollabRuleParamType;

typedef struct
{
  const char          *name;
  CollabRuleParamType  type;
} CollabRuleParam;

/* A rule the library knows (SPEC §5), implemented or not yet. */
typedef struct
{
  const char            *id;
  CollabSeverity         severity;    /* the default, when a rule set does not say */
  const CollabRuleParam *params;      /* terminated by { NULL }, or NULL for none */
  const CollabRule      *rule;        /* NULL until the rule is implemented */
} CollabRuleInfo;

/* The registry: rules/collab-rule-registry.c. */
const CollabRuleInfo   *collab_rule_registry_lookup        (const char *id);
const CollabRuleInfo   *collab_rule_registry_get_all       (guint      *n_rules);
const CollabRuleParam  *collab_rule_info_find_param        (const CollabRuleInfo *info,
                                                            const char           *name);

/* The context: rules/collab-check-context.c. Everything it hands out is
 * owned by the checker and valid while the rule runs. */
CollabStore            *collab_check_context_get_store     (CollabCheckContext   *ctx);
CollabDataset          *collab_check_context_get_dataset   (CollabCheckContext   *ctx);
CollabRuleset          *collab_check_context_get_ruleset   (CollabCheckContext   *ctx);
const CollabRule       *collab_check_context_get_rule      (CollabCheckContext   *ctx);
CollabRef               collab_check_context_get_program_ref (CollabCheckContext *ctx);
const CollabProgramRec *collab_check_context_get_program   (CollabCheckContext   *ctx);
const char             *collab_check_context_get_program_id (CollabCheckContext  *ctx);
CollabDay               collab_check_context_get_as_of     (CollabCheckContext   *ctx);
CollabInterpretation    collab_check_context_get_interpretation (CollabCheckContext *ctx);
CollabSeverity          collab_check_context_get_severity  (CollabCheckContext   *ctx);
gint64                  collab_check_context_get_int       (CollabCheckContext   *ctx,
                                                            const char           *parameter,
                                                            gint64                fallback);
JsonNode               *collab_check_context_get_parameter (CollabCheckContext   *ctx,
                                                            const char           *parameter);
CollabFinding          *collab_check_context_new_finding   (CollabCheckContext   *ctx) G_GNUC_WARN_UNUSED_RESULT;
void                    collab_check_context_report        (CollabCheckContext   *ctx,
                                                            CollabFinding        *finding);

/* For the checker only: a context is made once per run and pointed at
 * each (rule, rule set, program) in turn. */
CollabCheckContext     *collab_check_context_new           (CollabDataset        *dataset,
                                                            CollabDay             as_of,
                                                            gboolean              override_interpretation,
                                                            CollabInterpretation  interpretation,
                                                            GPtrArray            *findings);
void                    collab_check_context_set_target    (CollabCheckContext   *ctx,
                                                            const CollabRule     *rule,
                                                            CollabRuleset        *ruleset,
                                                            CollabRef             program);
void                    collab_check_context_free          (CollabCheckContext   *ctx);

/* Helpers the rules share: rules/collab-rule-util.c. */
JsonNode               *collab_rule_json_copy              (JsonNode             *node) G_GNUC_WARN_UNUSED_RESULT;
JsonNode               *collab_rule_json_copy_object       (JsonObject           *object) G_GNUC_WARN_UNUSED_RESULT;
char                   *collab_rule_format_years           (int                   first_year,
                                                            int                   last_year) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
